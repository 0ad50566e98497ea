/* test-insights-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "What Helps Me" in the real window, on the application's own journal in the test's
 * data folder. Sessions are logged through the journal's API with known pain before
 * and after; the page is opened with real clicks (the journal's button, then the
 * journal page's "What Helps Me"), and everything after is a real click or key. The
 * ranking's order and numbers, the too-few rule, the range and region choices, the
 * summary and the chart agreeing, the empty state and the page following the journal.
 */

#include "config.h"

#include <math.h>

#include "journal/unknot-insights-page.h"
#include "journal/unknot-journal-stats.h"
#include "journal/unknot-trend-chart.h"
#include "unknot-test-utils.h"

/* Three techniques, each with a tool of its own. */
#define TECHNIQUE_A "ball-between-shoulder-blades"
#define TOOL_A      "massage-ball"
#define TECHNIQUE_B "foam-roller-glutes"
#define TOOL_B      "foam-roller"
#define TECHNIQUE_C "stick-upper-trapezius"
#define TOOL_C      "massage-stick"

typedef struct
{
  UnknotApplication *app;
  GtkWindow         *window;
  UnknotJournal     *journal;
  AdwNavigationPage *page;
} Fixture;

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static gboolean
journal_is_ready (gpointer data)
{
  return unknot_journal_is_open (data) && !unknot_journal_is_busy (data);
}

/* A session @days_ago days before today, at 10:00 local time. */
static UnknotJournalEntry *
new_session (int         days_ago,
             const char *region,
             int         before,
             int         after,
             const char *technique,
             const char *tool)
{
  UnknotJournalEntry *entry = unknot_journal_entry_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -days_ago);
  g_autoptr(GDateTime) when = g_date_time_new_local (g_date_time_get_year (day),
                                                     g_date_time_get_month (day),
                                                     g_date_time_get_day_of_month (day),
                                                     10, 0, 0);
  const char *regions[] = { region, NULL };

  unknot_journal_entry_set_when (entry, when);
  unknot_journal_entry_set_regions (entry, regions);
  unknot_journal_entry_set_pain_before (entry, before);
  if (after >= 0)
    unknot_journal_entry_set_pain_after (entry, after);
  unknot_journal_entry_set_technique_id (entry, technique);
  unknot_journal_entry_set_tool_id (entry, tool);

  return entry;
}

static void
add_session (UnknotJournal *journal,
             int            days_ago,
             const char    *region,
             int            before,
             int            after,
             const char    *technique,
             const char    *tool)
{
  g_autoptr(UnknotJournalEntry) entry = new_session (days_ago, region, before, after, technique, tool);
  g_autoptr(UnknotJournalEntry) saved = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  unknot_journal_add_async (journal, entry, NULL, store_result_cb, &result);
  unknot_test_wait_until (result_arrived, &result);
  saved = unknot_journal_add_finish (journal, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
}

/* The known sessions. In the last 2 weeks:
 *   A: 7→4, 6→4, 8→4          change −3.0, all three clear drops
 *   B: 5→4, 5→5, 6→4, 4→3     change −1.0, one clear drop (6→4) of four
 *   C: 8→2, 9→3               too few to tell (and the most relief: ranked last)
 * and 40 days ago A: 6→5 (so over 3 months A is −2.5 over 4 sessions). */
static void
add_known_sessions (UnknotJournal *journal)
{
  add_session (journal, 1, "rhomboids-left", 7, 4, TECHNIQUE_A, TOOL_A);
  add_session (journal, 2, "rhomboids-left", 6, 4, TECHNIQUE_A, TOOL_A);
  add_session (journal, 3, "rhomboids-right", 8, 4, TECHNIQUE_A, TOOL_A);
  add_session (journal, 1, "gluteals-right", 5, 4, TECHNIQUE_B, TOOL_B);
  add_session (journal, 4, "gluteals-left", 5, 5, TECHNIQUE_B, TOOL_B);
  add_session (journal, 5, "gluteals-right", 6, 4, TECHNIQUE_B, TOOL_B);
  add_session (journal, 6, "gluteals-right", 4, 3, TECHNIQUE_B, TOOL_B);
  add_session (journal, 2, "upper-trapezius-left", 8, 2, TECHNIQUE_C, TOOL_C);
  add_session (journal, 3, "upper-trapezius-left", 9, 3, TECHNIQUE_C, TOOL_C);
  add_session (journal, 40, "rhomboids-left", 6, 5, TECHNIQUE_A, TOOL_A);
}

static void
fixture_init (Fixture *fixture)
{
  memset (fixture, 0, sizeof *fixture);
  fixture->app = unknot_test_application_new ();
  fixture->window = unknot_test_activate (fixture->app);
  fixture->journal = unknot_application_get_journal (fixture->app);
  unknot_test_wait_until (journal_is_ready, fixture->journal);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, 0);
}

static void
fixture_clear (Fixture *fixture)
{
  unknot_test_wait_until (journal_is_ready, fixture->journal);
  unknot_test_close_window (fixture->window);
  g_clear_object (&fixture->app);
}

/* ---------------------------------------------------------------------------------- */
/* Looking and clicking */

static void
click_middle (GtkWidget *widget)
{
  unknot_test_scroll_into_view (widget);
  unknot_test_click (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static GtkWidget *
mapped_by_name (GtkWidget  *root,
                const char *name)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  unknot_test_collect (root, GTK_TYPE_WIDGET, all);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (all->pdata[i]), name) == 0 && gtk_widget_get_mapped (all->pdata[i]))
      return all->pdata[i];
  return NULL;
}

/* A mapped label that says @text, under @root. */
static GtkWidget *
label_saying (GtkWidget  *root,
              const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  unknot_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0 && gtk_widget_get_mapped (labels->pdata[i]))
      return labels->pdata[i];
  return NULL;
}

static gboolean
label_shown (gpointer data)
{
  gpointer *check = data;

  return label_saying (check[0], check[1]) != NULL;
}

static void
click_text (GtkWidget  *root,
            const char *text)
{
  gpointer check[2] = { root, (gpointer) text };

  unknot_test_wait_for (label_shown, check, "“%s” to show", text);
  click_middle (label_saying (root, text));
}

static GtkWidget *
child (Fixture    *fixture,
       const char *id)
{
  GtkWidget *widget = unknot_test_find_by_id (GTK_WIDGET (fixture->page), id);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
popover_shown (gpointer popover)
{
  return gtk_widget_get_mapped (popover);
}

/* The journal's button in the header, then "What Helps Me" in the journal's More menu. */
static void
open_page (Fixture *fixture)
{
  GtkWidget *button = mapped_by_name (GTK_WIDGET (fixture->window), "journal-button");
  AdwNavigationPage *journal_page;
  GtkWidget *popover;

  g_assert_nonnull (button);
  click_middle (button);
  journal_page = unknot_test_wait_for_page (fixture->window, "journal");
  button = unknot_test_find_by_id (GTK_WIDGET (journal_page), "more_button");
  g_assert_nonnull (button);
  click_middle (button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  unknot_test_wait_until (popover_shown, popover);
  button = unknot_test_find_clickable (popover, "What Helps Me");
  g_assert_nonnull (button);
  click_middle (button);
  fixture->page = unknot_test_wait_for_page (fixture->window, "insights");
  g_assert_true (UNKNOT_IS_INSIGHTS_PAGE (fixture->page));
  g_assert_cmpstr (adw_navigation_page_get_title (fixture->page), ==, "What Helps Me");
}

/* The ranking as "title: subtitle | title: subtitle", its lines joined by " / ". */
static char *
ranking_shows (Fixture *fixture)
{
  GtkWidget *list = child (fixture, "ranking_list");
  GString *out = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *subtitle = NULL;
      g_auto(GStrv) lines = NULL;

      if (!ADW_IS_ACTION_ROW (row))
        continue;
      lines = g_strsplit (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "\n", -1);
      subtitle = g_strjoinv (" / ", lines);
      g_string_append_printf (out, "%s%s: %s", out->len ? " | " : "",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), subtitle);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  Fixture    *fixture;
  const char *id;
  const char *expected;
} TextCheck;

static gboolean
ranking_is (gpointer data)
{
  TextCheck *check = data;
  g_autofree char *shown = ranking_shows (check->fixture);

  return g_str_equal (shown, check->expected);
}

static void
wait_for_ranking (Fixture    *fixture,
                  const char *expected)
{
  TextCheck check = { fixture, NULL, expected };

  if (!ranking_is (&check))
    {
      g_autofree char *shown = ranking_shows (fixture);

      g_test_message ("the ranking shows “%s”; waiting for “%s”", shown, expected);
    }
  unknot_test_wait_for (ranking_is, &check, "the ranking to be “%s”", expected);
}

static gboolean
label_is (gpointer data)
{
  TextCheck *check = data;

  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (child (check->fixture, check->id))), check->expected) == 0;
}

static void
wait_for_label (Fixture    *fixture,
                const char *id,
                const char *expected)
{
  TextCheck check = { fixture, id, expected };

  if (!label_is (&check))
    g_test_message ("%s shows “%s”; waiting for “%s”", id,
                    gtk_label_get_text (GTK_LABEL (child (fixture, id))), expected);
  unknot_test_wait_for (label_is, &check, "%s to say “%s”", id, expected);
}

static UnknotTrendChart *
chart (Fixture *fixture)
{
  GtkWidget *widget = unknot_test_find_descendant (GTK_WIDGET (fixture->page), UNKNOT_TYPE_TREND_CHART);

  g_assert_nonnull (widget);
  return UNKNOT_TREND_CHART (widget);
}

/* The chart's days are the summary's sessions, and its description is the summary. */
static void
assert_chart_agrees (Fixture *fixture,
                     guint    n_sessions)
{
  UnknotTrendChart *trend = chart (fixture);
  GArray *days = unknot_trend_chart_get_days (trend);
  const char *summary = gtk_label_get_text (GTK_LABEL (child (fixture, "summary_label")));
  g_autofree char *wrong = NULL;
  guint n = 0;

  for (guint i = 0; days != NULL && i < days->len; i++)
    n += g_array_index (days, UnknotJournalStatsDay, i).n_entries;
  g_assert_cmpuint (n, ==, n_sessions);

  g_assert_cmpstr (unknot_trend_chart_get_summary (trend), ==, summary);
  if (unknot_trend_chart_get_selected_day (trend) == 0)
    {
      wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (trend),
                                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
      g_assert_null (wrong);
    }
}

/* ---------------------------------------------------------------------------------- */
/* The cases */

static void
test_ranking (void)
{
  Fixture fixture;
  g_autofree char *title_a = NULL;
  g_autofree char *title_b = NULL;
  g_autofree char *title_c = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_techniques = NULL;
  UnknotCatalog *catalog;
  GtkWidget *row;

  fixture_init (&fixture);
  catalog = unknot_application_get_catalog (fixture.app);
  title_a = g_strdup (unknot_technique_get_title (unknot_catalog_lookup_technique (catalog, TECHNIQUE_A)));
  title_b = g_strdup (unknot_technique_get_title (unknot_catalog_lookup_technique (catalog, TECHNIQUE_B)));
  title_c = g_strdup (unknot_technique_get_title (unknot_catalog_lookup_technique (catalog, TECHNIQUE_C)));
  add_known_sessions (fixture.journal);
  open_page (&fixture);

  /* Most relief first among those that can be told; too few to tell after them,
   * although C's two sessions brought the most. */
  expected = g_strdup_printf ("%s: %s / Pain down 3.0 on average over 3 sessions / 3 of 3 sessions brought a clear drop (2 points or 30 %%)"
                              " | %s: %s / Pain down 1.0 on average over 4 sessions / 1 of 4 sessions brought a clear drop (2 points or 30 %%)"
                              " | %s: %s / Too few sessions to tell yet: 2 so far",
                              title_a, "Massage ball", title_b, "Foam roller", title_c, "Massage stick or hook cane");
  wait_for_ranking (&fixture, expected);
  expected_techniques = g_strdup (expected);
  wait_for_label (&fixture, "summary_label",
                  "Over the last 2 weeks your pain before a session averaged 6.4, and 3.7 after it; 9 sessions.");
  assert_chart_agrees (&fixture, 9);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label_saying (child (&fixture, "ranking_list"), "−3.0"))), ==, "−3.0");

  /* By tool: the same numbers, under the tools' names. */
  click_text (child (&fixture, "by_group"), "By Tool");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup ("Massage ball: Pain down 3.0 on average over 3 sessions / 3 of 3 sessions brought a clear drop (2 points or 30 %)"
                       " | Foam roller: Pain down 1.0 on average over 4 sessions / 1 of 4 sessions brought a clear drop (2 points or 30 %)"
                       " | Massage stick or hook cane: Too few sessions to tell yet: 2 so far");
  wait_for_ranking (&fixture, expected);
  click_text (child (&fixture, "by_group"), "By Technique");

  /* A technique's row opens its page. */
  wait_for_ranking (&fixture, expected_techniques);
  row = unknot_test_find_by_name (child (&fixture, "ranking_list"), TECHNIQUE_A);
  click_middle (row);
  unknot_test_wait_for_page (fixture.window, TECHNIQUE_A);

  fixture_clear (&fixture);
}

static void
test_range_and_region (void)
{
  Fixture fixture;
  g_autofree char *title_b = NULL;
  UnknotCatalog *catalog;

  fixture_init (&fixture);
  catalog = unknot_application_get_catalog (fixture.app);
  title_b = g_strdup (unknot_technique_get_title (unknot_catalog_lookup_technique (catalog, TECHNIQUE_B)));
  add_known_sessions (fixture.journal);
  open_page (&fixture);

  wait_for_label (&fixture, "summary_label",
                  "Over the last 2 weeks your pain before a session averaged 6.4, and 3.7 after it; 9 sessions.");
  assert_chart_agrees (&fixture, 9);

  /* 3 months take in the session 40 days ago. */
  click_text (child (&fixture, "range_group"), "3 Months");
  wait_for_label (&fixture, "summary_label",
                  "Over the last 3 months your pain before a session averaged 6.4, and 3.8 after it; 10 sessions.");
  assert_chart_agrees (&fixture, 10);
  {
    g_autofree char *shown = ranking_shows (&fixture);

    g_assert_true (g_str_has_prefix (shown, "Lie on a ball between the shoulder blades: Massage ball"
                                            " / Pain down 2.5 on average over 4 sessions / 3 of 4 sessions"));
  }

  /* The gluteals, on both sides: only B's four sessions. */
  click_middle (child (&fixture, "region_row"));
  click_text (GTK_WIDGET (child (&fixture, "region_row")), "Gluteals");
  wait_for_label (&fixture, "summary_label",
                  "Over the last 3 months your pain before a session averaged 5.0, and 4.0 after it; 4 sessions.");
  assert_chart_agrees (&fixture, 4);
  {
    g_autofree char *expected = g_strdup_printf ("%s: Foam roller / Pain down 1.0 on average over 4 sessions"
                                                 " / 1 of 4 sessions brought a clear drop (2 points or 30 %%)",
                                                 title_b);

    wait_for_ranking (&fixture, expected);
  }

  /* The keys move along the chart's days; the label and description say the day. */
  gtk_widget_grab_focus (GTK_WIDGET (chart (&fixture)));
  unknot_test_press_key (GTK_WIDGET (chart (&fixture)), GDK_KEY_End);
  unknot_test_press_key (GTK_WIDGET (chart (&fixture)), GDK_KEY_End);
  g_assert_cmpint (unknot_trend_chart_get_selected_day (chart (&fixture)), !=, 0);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (&fixture, "day_label"))),
                            "pain 5.0 before, 4.0 after; 1 session"));
  {
    g_autofree char *description = g_strdup_printf ("%s %s.",
                                                     gtk_label_get_text (GTK_LABEL (child (&fixture, "summary_label"))),
                                                     gtk_label_get_text (GTK_LABEL (child (&fixture, "day_label"))));
    g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart (&fixture)),
                                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                 description);

    g_assert_null (wrong);
  }

  fixture_clear (&fixture);
}

static gboolean
stack_is (gpointer data)
{
  TextCheck *check = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (check->fixture, "stack"))),
                    check->expected) == 0;
}

/* No sessions: what to do. Then a session, and the page follows the journal. */
static void
test_empty_then_follows (void)
{
  Fixture fixture;
  TextCheck check;

  fixture_init (&fixture);
  open_page (&fixture);
  check = (TextCheck) { &fixture, NULL, "empty" };
  unknot_test_wait_for (stack_is, &check, "the empty state");
  g_assert_true (gtk_widget_get_mapped (child (&fixture, "empty_log_button")));
  unknot_test_save_png (fixture.window, "insights-empty.png");

  add_session (fixture.journal, 1, "rhomboids-left", 6, 3, TECHNIQUE_A, TOOL_A);
  check.expected = "content";
  unknot_test_wait_for (stack_is, &check, "the page to show the session");
  wait_for_label (&fixture, "summary_label",
                  "Over the last 2 weeks your pain before a session averaged 6.0, and 3.0 after it; 1 session.");
  wait_for_ranking (&fixture, "Lie on a ball between the shoulder blades: Massage ball / Too few sessions to tell yet: 1 so far");

  /* A burst of sessions: the page counts again once they are in. */
  for (int i = 2; i <= 4; i++)
    add_session (fixture.journal, i, "rhomboids-left", 6, 3, TECHNIQUE_A, TOOL_A);
  wait_for_ranking (&fixture, "Lie on a ball between the shoulder blades: Massage ball / Pain down 3.0 on average over 4 sessions"
                              " / 4 of 4 sessions brought a clear drop (2 points or 30 %)");

  fixture_clear (&fixture);
}

static guint
n_insights_pages (GtkWindow *window)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  unknot_test_collect (GTK_WIDGET (window), UNKNOT_TYPE_INSIGHTS_PAGE, pages);
  return pages->len;
}

/* The main menu's "What Helps Me", twice: the page is on the trail once. */
static void
test_main_menu (void)
{
  Fixture fixture;
  GtkWidget *menu_button;

  fixture_init (&fixture);
  add_session (fixture.journal, 1, "rhomboids-left", 6, 3, TECHNIQUE_A, TOOL_A);
  for (int i = 0; i < 2; i++)
    {
      menu_button = unknot_test_find_by_id (GTK_WIDGET (fixture.window), "primary_menu_button");
      g_assert_nonnull (menu_button);
      click_middle (menu_button);
      click_text (menu_button, "What Helps Me");
      fixture.page = unknot_test_wait_for_page (fixture.window, "insights");
      wait_for_label (&fixture, "summary_label",
                      "Over the last 2 weeks your pain before a session averaged 6.0, and 3.0 after it; 1 session.");
      g_assert_cmpuint (n_insights_pages (fixture.window), ==, 1);
    }

  fixture_clear (&fixture);
}

/* Ninety days of sessions, as a person might log them, for the README's picture and
 * to look at: light, dark, high contrast and 360 px wide. */
static void
test_pictures (void)
{
  static const struct {
    const char *technique;
    const char *tool;
    const char *region;
    int         relief;
  } kinds[] = {
    { TECHNIQUE_A, TOOL_A, "rhomboids-left", 3 },
    { "foam-roller-upper-back", "foam-roller", "rhomboids-right", 2 },
    { "foam-roller-lower-back", "foam-roller", "erector-spinae-lumbar-left", 2 },
    { "ball-glutes", "massage-ball", "gluteals-right", 1 },
    { TECHNIQUE_C, TOOL_C, "upper-trapezius-left", 2 },
  };
  Fixture fixture;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GListStore) sessions = g_list_store_new (UNKNOT_TYPE_JOURNAL_ENTRY);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  fixture_init (&fixture);
  for (int days_ago = 89; days_ago >= 1; days_ago--)
    {
      /* Fewer sessions early on, a week away in the middle, pain easing over time. */
      g_autoptr(UnknotJournalEntry) session = NULL;
      guint k;
      int before, after;

      if ((days_ago > 60 && days_ago % 3 != 0) || (days_ago >= 40 && days_ago < 47) || days_ago % 9 == 2)
        continue;
      k = (days_ago == 1) ? 4 : (guint) g_rand_int_range (rand, 0, 4);
      before = CLAMP (7 - (89 - days_ago) / 30 + (days_ago % 7 < 2 ? 1 : 0), 2, 10);
      after = CLAMP (before - kinds[k].relief + (g_rand_int_range (rand, 0, 4) == 0 ? 1 : 0), 0, before);
      session = new_session (days_ago, kinds[k].region, before, days_ago % 11 == 4 ? -1 : after,
                             kinds[k].technique, kinds[k].tool);
      g_list_store_append (sessions, session);
    }
  /* A quarter's sessions in one commit, as an import adds them. */
  unknot_journal_add_many_async (fixture.journal, G_LIST_MODEL (sessions), NULL, store_result_cb, &result);
  unknot_test_wait_until (result_arrived, &result);
  g_assert_true (unknot_journal_add_many_finish (fixture.journal, result, NULL, &error));
  g_assert_no_error (error);
  unknot_test_resize (fixture.window, 1100, 1000);
  open_page (&fixture);
  click_text (child (&fixture, "range_group"), "3 Months");
  unknot_test_wait_until (journal_is_ready, fixture.journal);
  unknot_test_pointer_move (GTK_WIDGET (chart (&fixture)), gtk_widget_get_width (GTK_WIDGET (chart (&fixture))) * 0.8, 40);

  texture = unknot_test_screenshot (fixture.window, "insights-light.png");
  unknot_test_assert_light (texture, "insights-light.png");
  g_clear_object (&texture);

  unknot_test_set_dark (fixture.window, TRUE);
  texture = unknot_test_screenshot (fixture.window, "insights-dark.png");
  unknot_test_assert_dark (texture, "insights-dark.png");
  g_clear_object (&texture);
  unknot_test_set_dark (fixture.window, FALSE);

  unknot_test_resize (fixture.window, 360, 800);
  unknot_test_assert_fits (fixture.window, "insights-360.png");
  unknot_test_save_png (fixture.window, "insights-360.png");

  fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/insights-page/ranking", test_ranking);
  g_test_add_func ("/insights-page/range-and-region", test_range_and_region);
  g_test_add_func ("/insights-page/empty-then-follows", test_empty_then_follows);
  g_test_add_func ("/insights-page/main-menu", test_main_menu);
  g_test_add_func ("/insights-page/pictures", test_pictures);

  return g_test_run ();
}
