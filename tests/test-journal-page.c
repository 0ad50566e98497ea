/* test-journal-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal's page on a journal of its own in the test's data folder, in a window
 * with a "win" action group that records what the page asks the window for. Entries
 * are added through the store, and the page must follow; everything a person does is
 * a real click or key.
 */

#include "config.h"

#include "journal/unknot-journal-days.h"
#include "journal/unknot-journal-page.h"
#include "journal/unknot-journal-row.h"
#include "journal/unknot-red-flags.h"
#include "unknot-test-utils.h"

typedef struct
{
  UnknotApplication *app;
  UnknotJournal     *journal;
  GtkWindow         *window;
  AdwNavigationPage *page;
  guint              n_log_pain;
  char              *edited_id;
} Fixture;

/* ---------------------------------------------------------------------------------- */
/* The journal */

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
journal_is_idle (gpointer data)
{
  return !unknot_journal_is_busy (data);
}

static UnknotJournal *
open_journal (UnknotCatalog *catalog,
              const char    *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "unknot", name, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *regions = unknot_catalog_get_regions (catalog);
  g_autoptr(GAsyncResult) result = NULL;
  g_auto(GStrv) known = NULL;
  g_autoptr(GError) error = NULL;
  UnknotJournal *journal;

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(UnknotRegion) region = g_list_model_get_item (regions, i);

      g_strv_builder_add (builder, unknot_region_get_id (region));
    }
  known = g_strv_builder_end (builder);

  journal = unknot_journal_new (path);
  unknot_journal_set_known_regions (journal, (const char * const *) known);
  unknot_journal_open_async (journal, NULL, store_result_cb, &result);
  unknot_test_wait_until (result_arrived, &result);
  g_assert_true (unknot_journal_open_finish (journal, result, &error));
  g_assert_no_error (error);

  return journal;
}

/* An entry @days_ago days before today, at @hour:@minute local time. */
static UnknotJournalEntry *
add_entry (UnknotJournal      *journal,
           int                 days_ago,
           int                 hour,
           int                 minute,
           const char         *region,
           int                 before,
           int                 after,
           const char         *technique,
           const char * const *red_flags,
           const char         *notes)
{
  g_autoptr(UnknotJournalEntry) entry = unknot_journal_entry_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -days_ago);
  g_autoptr(GDateTime) when = g_date_time_new_local (g_date_time_get_year (day),
                                                     g_date_time_get_month (day),
                                                     g_date_time_get_day_of_month (day),
                                                     hour, minute, 0);
  const char *regions[] = { region, NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  UnknotJournalEntry *saved;

  unknot_journal_entry_set_when (entry, when);
  unknot_journal_entry_set_regions (entry, regions);
  unknot_journal_entry_set_pain_before (entry, before);
  unknot_journal_entry_set_pain_after (entry, after);
  unknot_journal_entry_set_technique_id (entry, technique);
  unknot_journal_entry_set_red_flags (entry, red_flags);
  unknot_journal_entry_set_notes (entry, notes);

  unknot_journal_add_async (journal, entry, NULL, store_result_cb, &result);
  unknot_test_wait_until (result_arrived, &result);
  saved = unknot_journal_add_finish (journal, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);

  return saved;
}

static void
close_journal (UnknotJournal *journal)
{
  unknot_test_wait_until (journal_is_idle, journal);
  g_assert_finalize_object (journal);
}

/* ---------------------------------------------------------------------------------- */
/* The window */

static void
log_pain_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  Fixture *fixture = data;

  fixture->n_log_pain++;
}

static void
edit_entry_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       data)
{
  Fixture *fixture = data;

  g_set_str (&fixture->edited_id, g_variant_get_string (parameter, NULL));
}

/* The page in a window of its own, as the window will show it: in a navigation view,
 * with the actions the window installs. */
static void
show_page (Fixture *fixture)
{
  static const GActionEntry entries[] = {
    { "log-pain", log_pain_cb, NULL, NULL, NULL, { 0 } },
    { "edit-entry", edit_entry_cb, "s", NULL, NULL, { 0 } },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  AdwNavigationView *view = ADW_NAVIGATION_VIEW (adw_navigation_view_new ());

  fixture->page = ADW_NAVIGATION_PAGE (unknot_journal_page_new (fixture->journal,
                                                                unknot_application_get_catalog (fixture->app),
                                                                unknot_application_get_settings (fixture->app),
                                                                unknot_application_get_hold (fixture->app)));
  g_assert_cmpstr (adw_navigation_page_get_tag (fixture->page), ==, "journal");
  g_assert_cmpstr (adw_navigation_page_get_title (fixture->page), ==, "Journal");
  adw_navigation_view_add (view, fixture->page);

  fixture->window = GTK_WINDOW (adw_window_new ());
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), fixture);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));
  gtk_window_set_default_size (fixture->window, 720, 720);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (view));
  gtk_window_present (fixture->window);
  unknot_test_wait_for_frame (fixture->window);
}

static void
close_page (Fixture *fixture)
{
  unknot_test_close_window (fixture->window);
  fixture->window = NULL;
  fixture->page = NULL;
}

static void
fixture_init (Fixture    *fixture,
              const char *journal_name)
{
  memset (fixture, 0, sizeof *fixture);
  fixture->app = unknot_test_application_new ();
  fixture->journal = open_journal (unknot_application_get_catalog (fixture->app), journal_name);
}

static void
fixture_clear (Fixture *fixture)
{
  if (fixture->window != NULL)
    close_page (fixture);
  close_journal (g_steal_pointer (&fixture->journal));
  g_clear_object (&fixture->app);
  g_clear_pointer (&fixture->edited_id, g_free);
}

/* ---------------------------------------------------------------------------------- */
/* Looking at it */

static GtkWidget *
child (Fixture    *fixture,
       const char *id)
{
  GtkWidget *widget = unknot_test_find_by_id (GTK_WIDGET (fixture->page), id);

  g_assert_nonnull (widget);
  return widget;
}

typedef struct
{
  Fixture    *fixture;
  const char *name;
} StackCheck;

static gboolean
stack_shows (gpointer data)
{
  StackCheck *check = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (check->fixture, "stack"))),
                    check->name) == 0 &&
         gtk_widget_get_mapped (gtk_stack_get_visible_child (GTK_STACK (child (check->fixture, "stack"))));
}

static void
wait_for_state (Fixture    *fixture,
                const char *name)
{
  StackCheck check = { fixture, name };

  unknot_test_wait_for (stack_shows, &check, "the page to show “%s”", name);
}

/* The headings and rows the list shows, in order: "Today | A | B | Yesterday | C",
 * rows by their notes. */
static void
describe_list (GtkWidget *widget,
               GString   *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (!gtk_widget_get_visible (c))
        continue;
      if (GTK_IS_LABEL (c) && gtk_widget_has_css_class (c, "journal-day"))
        {
          g_string_append_printf (out, "%s%s", out->len ? " | " : "", gtk_label_get_label (GTK_LABEL (c)));
          continue;
        }
      if (UNKNOT_IS_JOURNAL_ROW (c))
        {
          UnknotJournalEntry *entry = unknot_journal_row_get_entry (UNKNOT_JOURNAL_ROW (c));

          if (entry != NULL)
            g_string_append_printf (out, "%s%s", out->len ? " | " : "", unknot_journal_entry_get_notes (entry));
          continue;
        }
      describe_list (c, out);
    }
}

static char *
list_shows (Fixture *fixture)
{
  GString *out = g_string_new (NULL);

  describe_list (child (fixture, "list_view"), out);
  return g_string_free (out, FALSE);
}

typedef struct
{
  Fixture    *fixture;
  const char *expected;
} ListCheck;

static gboolean
list_is (gpointer data)
{
  ListCheck *check = data;
  g_autofree char *shown = list_shows (check->fixture);

  return g_str_equal (shown, check->expected);
}

static void
wait_for_list (Fixture    *fixture,
               const char *expected)
{
  ListCheck check = { fixture, expected };

  if (!list_is (&check))
    {
      g_autofree char *shown = list_shows (fixture);

      g_test_message ("the list shows “%s”; waiting for “%s”", shown, expected);
    }
  unknot_test_wait_for (list_is, &check, "the list to show “%s”", expected);
}

static UnknotJournalRow *
find_row (Fixture    *fixture,
          const char *notes)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  unknot_test_collect (child (fixture, "list_view"), UNKNOT_TYPE_JOURNAL_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      UnknotJournalEntry *entry = unknot_journal_row_get_entry (rows->pdata[i]);

      if (entry != NULL && gtk_widget_get_mapped (rows->pdata[i]) &&
          g_strcmp0 (unknot_journal_entry_get_notes (entry), notes) == 0)
        return rows->pdata[i];
    }

  g_assert_not_reached ();
}

/* Whether a label inside @widget shows @text as part of its own. */
static gboolean
shows_text_containing (GtkWidget  *widget,
                       const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (shows_text_containing (c, text))
      return TRUE;

  return FALSE;
}

/* A button (or a menu's item) that shows @text, mapped and sensitive. */
static GtkWidget *
find_clickable (GtkWidget  *widget,
                const char *text)
{
  g_autofree char *label = NULL;

  if (GTK_IS_BUTTON (widget))
    label = g_strdup (gtk_button_get_label (GTK_BUTTON (widget)));
  else if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "text") != NULL &&
           !GTK_IS_EDITABLE (widget) && !GTK_IS_LABEL (widget))
    g_object_get (widget, "text", &label, NULL);

  if (label != NULL && text != NULL)
    {
      g_autoptr(GString) plain = g_string_new (label);

      g_string_replace (plain, "_", "", 0);
      if (g_str_equal (plain->str, text) && gtk_widget_get_mapped (widget) &&
          gtk_widget_is_sensitive (widget))
        return widget;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_clickable (c, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} ClickableCheck;

static gboolean
clickable_shown (gpointer data)
{
  ClickableCheck *check = data;

  return find_clickable (check->root, check->text) != NULL;
}

static void
click (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_widget_get_root (widget)));
  unknot_test_click (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static void
click_text (GtkWidget  *root,
            const char *text)
{
  ClickableCheck check = { root, text };

  g_test_message ("clicking “%s”", text);
  unknot_test_wait_for (clickable_shown, &check, "“%s” to be shown", text);
  click (find_clickable (root, text));
}

static void
type_text (GtkWidget  *widget,
           const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    unknot_test_press_key (widget, gdk_unicode_to_keyval ((guint) *c));
}

static gboolean
banner_revealed (gpointer data)
{
  return adw_banner_get_revealed (data);
}

static gboolean
banner_hidden (gpointer data)
{
  return !adw_banner_get_revealed (data);
}

/* Whether the keyboard focus is in @data (a search entry's text). */
static gboolean
has_focus_within (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (data));

  return focus != NULL && (focus == data || gtk_widget_is_ancestor (focus, data));
}

static gboolean
log_pain_activated (gpointer data)
{
  return ((Fixture *) data)->n_log_pain > 0;
}

static gboolean
entry_edited (gpointer data)
{
  return ((Fixture *) data)->edited_id != NULL;
}

/* ---------------------------------------------------------------------------------- */
/* The cases */

/* An empty journal explains itself; an entry added through the store appears. */
static void
test_empty_then_entry (void)
{
  Fixture fixture;
  g_autoptr(UnknotJournalEntry) entry = NULL;

  fixture_init (&fixture, "journal.db");
  show_page (&fixture);

  wait_for_state (&fixture, "empty");
  g_assert_true (gtk_widget_get_mapped (child (&fixture, "empty_log_button")));
  g_assert_false (adw_banner_get_revealed (ADW_BANNER (child (&fixture, "banner"))));
  unknot_test_save_png (fixture.window, "journal-page-empty-light.png");

  entry = add_entry (fixture.journal, 0, 0, 5, "gluteals-left", 6, 3, "foam-roller-glutes", NULL, "first");
  wait_for_state (&fixture, "list");
  wait_for_list (&fixture, "Today | first");

  fixture_clear (&fixture);
}

/* Two days, two headings, newest first, and each row's change. */
static void
test_days (void)
{
  Fixture fixture;
  g_autoptr(UnknotJournalEntry) a = NULL;
  g_autoptr(UnknotJournalEntry) b = NULL;
  g_autoptr(UnknotJournalEntry) c = NULL;
  g_autoptr(UnknotJournalEntry) d = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) three_days_ago = g_date_time_add_days (now, -3);
  g_autofree char *expected = NULL;
  g_autofree char *older_day = NULL;
  UnknotJournalRow *row;

  fixture_init (&fixture, "journal.db");
  a = add_entry (fixture.journal, 1, 20, 30, "hamstrings-right", 5, 5, NULL, NULL, "evening");
  b = add_entry (fixture.journal, 0, 0, 2, "gluteals-left", 6, 3, "foam-roller-glutes", NULL, "later");
  c = add_entry (fixture.journal, 0, 0, 1, "upper-trapezius-left", 4, UNKNOT_JOURNAL_PAIN_UNSET, NULL, NULL, "earlier");
  show_page (&fixture);

  wait_for_list (&fixture, "Today | later | earlier | Yesterday | evening");

  /* The change, and pain alone when there is no "after". */
  row = find_row (&fixture, "later");
  g_assert_true (unknot_test_has_text (GTK_WIDGET (row), "6 → 3"));
  g_assert_true (unknot_test_has_text (GTK_WIDGET (row), "−3"));
  g_assert_true (shows_text_containing (GTK_WIDGET (row),
                                        unknot_technique_get_title (unknot_catalog_lookup_technique (unknot_application_get_catalog (fixture.app),
                                                                                                     "foam-roller-glutes"))));
  g_assert_true (shows_text_containing (GTK_WIDGET (row), "00:02"));
  g_assert_true (unknot_test_has_text (GTK_WIDGET (row),
                                       unknot_region_get_title (unknot_catalog_lookup_region (unknot_application_get_catalog (fixture.app),
                                                                                              "gluteals-left"))));
  row = find_row (&fixture, "earlier");
  g_assert_true (unknot_test_has_text (GTK_WIDGET (row), "4"));
  g_assert_false (unknot_test_has_text (GTK_WIDGET (row), "4 → "));
  row = find_row (&fixture, "evening");
  g_assert_true (unknot_test_has_text (GTK_WIDGET (row), "5 → 5"));
  g_assert_true (unknot_test_has_text (GTK_WIDGET (row), "±0"));

  /* An older day is named by its weekday and date; a new entry joins its day. */
  d = add_entry (fixture.journal, 3, 9, 0, "gluteals-right", 8, 2, NULL, NULL, "older");
  older_day = g_date_time_format (three_days_ago, g_date_time_get_year (three_days_ago) == g_date_time_get_year (now)
                                                  ? "%A, %-e %B" : "%A, %-e %B %Y");
  expected = g_strdup_printf ("Today | later | earlier | Yesterday | evening | %s | older", older_day);
  wait_for_list (&fixture, expected);
  g_clear_object (&d);
  d = add_entry (fixture.journal, 0, 0, 3, "gluteals-right", 3, 1, NULL, NULL, "latest");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Today | latest | later | earlier | Yesterday | evening | %s | older", older_day);
  wait_for_list (&fixture, expected);

  fixture_clear (&fixture);
}

/* Delete with a click, then Undo in the toast: the entry is back with its id. */
static gboolean
delete_button_has_focus (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (data);

  return focus != NULL && g_strcmp0 (gtk_widget_get_name (focus), "delete-entry") == 0;
}

static void
test_delete_undo (void)
{
  Fixture fixture;
  g_autoptr(UnknotJournalEntry) a = NULL;
  g_autoptr(UnknotJournalEntry) b = NULL;
  g_autoptr(UnknotJournalEntry) back = NULL;
  g_autofree char *id = NULL;
  g_autoptr(UnknotJournalEntry) entry = NULL;
  GtkWidget *button;

  fixture_init (&fixture, "journal.db");
  a = add_entry (fixture.journal, 0, 0, 1, "gluteals-left", 6, 3, NULL, NULL, "keep");
  b = add_entry (fixture.journal, 0, 0, 2, "gluteals-right", 7, 2, NULL, NULL, "delete me");
  id = g_strdup (unknot_journal_entry_get_id (b));
  show_page (&fixture);
  wait_for_list (&fixture, "Today | delete me | keep");

  button = unknot_test_find_by_name (GTK_WIDGET (find_row (&fixture, "delete me")), "delete-entry");
  g_assert_nonnull (button);
  /* Named for a screen reader by the entry's day and time. */
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL));
  click (button);

  wait_for_list (&fixture, "Today | keep");
  g_assert_null (unknot_journal_lookup (fixture.journal, id));
  unknot_test_save_png (fixture.window, "journal-page-deleted-light.png");

  click_text (adw_navigation_page_get_child (fixture.page), "Undo");
  wait_for_list (&fixture, "Today | delete me | keep");
  back = unknot_journal_lookup (fixture.journal, id);
  g_assert_nonnull (back);
  g_assert_cmpstr (unknot_journal_entry_get_id (back), ==, id);
  g_assert_cmpint (unknot_journal_entry_get_pain_before (back), ==, 7);

  /* With the keyboard: into the list, Tab to the focused row's delete button, Return. */
  gtk_widget_grab_focus (child (&fixture, "list_view"));
  unknot_test_wait_until (has_focus_within, child (&fixture, "list_view"));
  unknot_test_press_key (child (&fixture, "list_view"), GDK_KEY_Tab);
  unknot_test_wait_until (delete_button_has_focus, fixture.window);
  button = gtk_root_get_focus (GTK_ROOT (fixture.window));
  entry = g_object_ref (unknot_journal_row_get_entry (UNKNOT_JOURNAL_ROW (gtk_widget_get_ancestor (button, UNKNOT_TYPE_JOURNAL_ROW))));
  g_set_str (&id, unknot_journal_entry_get_id (entry));
  unknot_test_press_key (button, GDK_KEY_Return);
  wait_for_list (&fixture, g_str_equal (unknot_journal_entry_get_notes (entry), "keep") ? "Today | delete me"
                                                                                       : "Today | keep");
  g_assert_null (unknot_journal_lookup (fixture.journal, id));

  fixture_clear (&fixture);
}

/* Words and a region narrow the list; nothing left says so. */
static void
test_search_and_filter (void)
{
  Fixture fixture;
  g_autoptr(UnknotJournalEntry) a = NULL;
  g_autoptr(UnknotJournalEntry) b = NULL;
  g_autoptr(UnknotJournalEntry) c = NULL;
  GtkWidget *entry;
  GtkWidget *filter_button;

  fixture_init (&fixture, "journal.db");
  a = add_entry (fixture.journal, 0, 0, 1, "gluteals-left", 6, 3, NULL, NULL, "after the long run");
  b = add_entry (fixture.journal, 0, 0, 2, "hamstrings-right", 5, 4, NULL, NULL, "desk day");
  c = add_entry (fixture.journal, 0, 0, 3, "gluteals-right", 7, 2, NULL, NULL, "desk again");
  show_page (&fixture);
  wait_for_list (&fixture, "Today | desk again | desk day | after the long run");

  /* Search. */
  click (child (&fixture, "search_button"));
  entry = child (&fixture, "search_entry");
  unknot_test_wait_until (has_focus_within, entry);
  type_text (entry, "desk");
  wait_for_list (&fixture, "Today | desk again | desk day");

  /* And a region (both sides), from the filter menu. */
  filter_button = child (&fixture, "filter_button");
  click (filter_button);
  click_text (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (filter_button))), "Region");
  click_text (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (filter_button))), "Gluteals");
  wait_for_list (&fixture, "Today | desk again");
  g_assert_true (gtk_widget_has_css_class (filter_button, "journal-filtered"));
  /* The page says what it keeps, and a click shows everything again. */
  g_assert_true (gtk_widget_get_mapped (child (&fixture, "filter_line")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (&fixture, "filter_label"))), ==, "Showing Gluteals");
  unknot_test_save_png (fixture.window, "journal-page-filtered-light.png");

  /* Words that match nothing. */
  click (entry);
  unknot_test_wait_until (has_focus_within, entry);
  type_text (entry, "zz");
  g_test_message ("searching for “%s”", gtk_editable_get_text (GTK_EDITABLE (entry)));
  wait_for_state (&fixture, "no-matches");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (child (&fixture, "no_matches_status"))), ==,
                   "No Matching Entries");
  unknot_test_save_png (fixture.window, "journal-page-no-matches-light.png");

  /* Clearing the filters shows everything again. */
  click_text (child (&fixture, "no_matches_status"), "Clear Filters");
  wait_for_list (&fixture, "Today | desk again | desk day | after the long run");
  g_assert_false (gtk_widget_has_css_class (filter_button, "journal-filtered"));
  g_assert_false (gtk_widget_get_visible (child (&fixture, "filter_line")));

  /* The line's own Clear does the same. */
  click (filter_button);
  click_text (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (filter_button))), "Region");
  click_text (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (filter_button))), "Gluteals");
  wait_for_list (&fixture, "Today | desk again | after the long run");
  click_text (child (&fixture, "filter_line"), "Clear");
  wait_for_list (&fixture, "Today | desk again | desk day | after the long run");
  g_assert_false (gtk_widget_get_visible (child (&fixture, "filter_line")));

  fixture_clear (&fixture);
}

static gboolean
list_shows_all_three (gpointer data)
{
  g_autofree char *shown = list_shows (data);

  return strstr (shown, "thirteen days ago") != NULL && strstr (shown, "fourteen days ago") != NULL &&
         strstr (shown, "| today") != NULL;
}

static gboolean
shows_last_two_weeks (gpointer data)
{
  g_autofree char *shown = list_shows (data);

  return strstr (shown, "thirteen days ago") != NULL && strstr (shown, "fourteen days ago") == NULL;
}

/* "Last 2 Weeks" is today and the 13 whole days before it, as What Helps Me counts
 * them: an entry late on the 14th day back is out, one early on the 13th is in,
 * whatever the time of day now. */
static void
test_range_whole_days (void)
{
  Fixture fixture;
  g_autoptr(UnknotJournalEntry) a = NULL;
  g_autoptr(UnknotJournalEntry) b = NULL;
  g_autoptr(UnknotJournalEntry) c = NULL;
  GtkWidget *filter_button;
  GtkWidget *popover;
  g_autofree char *shown = NULL;

  fixture_init (&fixture, "journal.db");
  a = add_entry (fixture.journal, 14, 23, 59, "gluteals-left", 6, 3, NULL, NULL, "fourteen days ago");
  b = add_entry (fixture.journal, 13, 0, 1, "gluteals-left", 5, 4, NULL, NULL, "thirteen days ago");
  c = add_entry (fixture.journal, 0, 0, 2, "gluteals-left", 7, 2, NULL, NULL, "today");
  show_page (&fixture);
  unknot_test_wait_for (list_shows_all_three, &fixture, "all three entries to be listed");

  filter_button = child (&fixture, "filter_button");
  click (filter_button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (filter_button)));
  click_text (popover, "Date");
  click_text (popover, "Last 2 Weeks");
  unknot_test_wait_for (shows_last_two_weeks, &fixture, "the list to keep the 13th day back and drop the 14th");
  shown = list_shows (&fixture);
  g_assert_nonnull (strstr (shown, "today"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (&fixture, "filter_label"))), ==,
                   "Showing Last 2 Weeks");

  fixture_clear (&fixture);
}

/* A recent warning sign keeps a banner in view until it is dismissed, and the
 * dismissal is remembered; a newer one brings it back; an old one shows none. */
static void
test_red_flag_banner (void)
{
  Fixture fixture;
  const char *fever[] = { "fever", NULL };
  const char *saddle[] = { "saddle-numbness", NULL };
  g_autoptr(UnknotJournalEntry) a = NULL;
  g_autoptr(UnknotJournalEntry) b = NULL;
  g_autoptr(UnknotJournalEntry) c = NULL;
  AdwBanner *banner;

  fixture_init (&fixture, "journal.db");
  a = add_entry (fixture.journal, 3, 10, 0, "erector-spinae-lumbar-left", 8, UNKNOT_JOURNAL_PAIN_UNSET,
                 NULL, fever, "fever");
  show_page (&fixture);
  banner = ADW_BANNER (child (&fixture, "banner"));
  unknot_test_wait_until (banner_revealed, banner);
  g_assert_nonnull (strstr (adw_banner_get_title (banner),
                            unknot_red_flag_tier_get_title (UNKNOT_RED_FLAG_TIER_SOON)));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "general advice"));
  g_assert_true (gtk_widget_get_visible (unknot_test_find_by_name (GTK_WIDGET (find_row (&fixture, "fever")),
                                                                   "red-flags")));
  unknot_test_save_png (fixture.window, "journal-page-banner-light.png");

  click_text (GTK_WIDGET (banner), "Dismiss");
  unknot_test_wait_until (banner_hidden, banner);

  /* The page made anew remembers it. */
  close_page (&fixture);
  show_page (&fixture);
  banner = ADW_BANNER (child (&fixture, "banner"));
  wait_for_state (&fixture, "list");
  g_assert_false (adw_banner_get_revealed (banner));

  /* A newer warning sign, of the most urgent tier, brings it back. */
  b = add_entry (fixture.journal, 0, 0, 1, "gluteals-left", 9, UNKNOT_JOURNAL_PAIN_UNSET, NULL, saddle, "saddle");
  unknot_test_wait_until (banner_revealed, banner);
  g_assert_nonnull (strstr (adw_banner_get_title (banner),
                            unknot_red_flag_tier_get_title (UNKNOT_RED_FLAG_TIER_NOW)));
  close_page (&fixture);
  fixture_clear (&fixture);

  /* Twenty days ago: no banner. */
  fixture_init (&fixture, "old.db");
  c = add_entry (fixture.journal, 20, 10, 0, "erector-spinae-lumbar-left", 8, 4, NULL, fever, "old fever");
  show_page (&fixture);
  wait_for_state (&fixture, "list");
  g_assert_false (adw_banner_get_revealed (ADW_BANNER (child (&fixture, "banner"))));
  fixture_clear (&fixture);
}

/* A row opens the editor on its entry; "Log Pain" asks for a new one. */
static void
test_actions (void)
{
  Fixture fixture;
  g_autoptr(UnknotJournalEntry) a = NULL;

  fixture_init (&fixture, "journal.db");
  a = add_entry (fixture.journal, 0, 0, 1, "gluteals-left", 6, 3, NULL, NULL, "open me");
  show_page (&fixture);
  wait_for_list (&fixture, "Today | open me");

  click (GTK_WIDGET (find_row (&fixture, "open me")));
  unknot_test_wait_until (entry_edited, &fixture);
  g_assert_cmpstr (fixture.edited_id, ==, unknot_journal_entry_get_id (a));

  click (child (&fixture, "log_button"));
  unknot_test_wait_until (log_pain_activated, &fixture);
  g_assert_cmpuint (fixture.n_log_pain, ==, 1);

  fixture_clear (&fixture);
}

/* A damaged file was set aside: the page says so above the (new, empty) journal. */
static void
test_damaged (void)
{
  Fixture fixture;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "unknot", NULL);
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autoptr(GString) garbage = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  memset (&fixture, 0, sizeof fixture);
  fixture.app = unknot_test_application_new ();
  for (guint i = 0; i < 512; i++)
    g_string_append (garbage, "not a database ");
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, garbage->str, garbage->len, &error);
  g_assert_no_error (error);

  fixture.journal = unknot_journal_new (path);
  unknot_journal_open_async (fixture.journal, NULL, NULL, NULL);
  show_page (&fixture);

  /* The page follows the journal as it opens. */
  wait_for_state (&fixture, "empty");
  unknot_test_wait_until ((UnknotTestCondition) gtk_widget_get_mapped, child (&fixture, "notice"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (&fixture, "notice_title"))), ==,
                   "A New Journal Was Started");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (&fixture, "notice_label"))), ==,
                   unknot_journal_get_load_error (fixture.journal)->message);
  unknot_test_resize (fixture.window, 360, 720);
  unknot_test_assert_fits (fixture.window, "a damaged journal at 360 px");
  unknot_test_save_png (fixture.window, "journal-page-damaged-light.png");

  fixture_clear (&fixture);
}

/* The days model finds each day's ends from any position, for days of one entry and
 * of 1,500, at the ends of the list and in its middle, and follows its list. */
static void
test_days_model (void)
{
  const guint per_day[] = { 1, 3, 1500, 2, 1, 7, 64, 1 };
  g_autoptr(GListStore) store = g_list_store_new (UNKNOT_TYPE_JOURNAL_ENTRY);
  g_autoptr(GDateTime) noon = g_date_time_new_local (2025, 6, 30, 12, 0, 0);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  UnknotJournalDays *days;
  guint n = 0;

  /* Newest first: day 0 is the latest, its entries a second apart, newest first. */
  for (guint d = 0; d < G_N_ELEMENTS (per_day); d++)
    {
      g_array_append_val (starts, n);
      for (guint i = 0; i < per_day[d]; i++)
        {
          g_autoptr(UnknotJournalEntry) entry = unknot_journal_entry_new ();
          g_autoptr(GDateTime) day = g_date_time_add_days (noon, -(int) d);
          g_autoptr(GDateTime) when = g_date_time_add_seconds (day, -(double) i);

          unknot_journal_entry_set_when (entry, when);
          g_list_store_append (store, entry);
          n++;
        }
    }
  g_array_append_val (starts, n);

  days = unknot_journal_days_new (G_LIST_MODEL (store));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (days)), ==, n);
  for (guint d = 0; d < G_N_ELEMENTS (per_day); d++)
    {
      guint first = g_array_index (starts, guint, d);
      guint end = g_array_index (starts, guint, d + 1);

      for (guint p = first; p < end; p = p + 1 < end && end - first > 20 ? p + 37 : p + 1)
        {
          guint start_out, end_out;

          gtk_section_model_get_section (GTK_SECTION_MODEL (days), MIN (p, end - 1), &start_out, &end_out);
          g_assert_cmpuint (start_out, ==, first);
          g_assert_cmpuint (end_out, ==, end);
        }
    }

  /* Past the end, as GtkSectionModel wants it. */
  {
    guint start_out, end_out;

    gtk_section_model_get_section (GTK_SECTION_MODEL (days), n, &start_out, &end_out);
    g_assert_cmpuint (start_out, ==, n);
    g_assert_cmpuint (end_out, ==, G_MAXUINT);

    /* The list changes: the sections follow. */
    g_list_store_remove (store, 0);
    gtk_section_model_get_section (GTK_SECTION_MODEL (days), 0, &start_out, &end_out);
    g_assert_cmpuint (start_out, ==, 0);
    g_assert_cmpuint (end_out, ==, 3);
  }

  g_assert_finalize_object (days);
}

/* At phone width everything fits, in light and dark. */
static void
test_narrow (void)
{
  Fixture fixture;
  const char *flags[] = { "limb-numbness", NULL };
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  fixture_init (&fixture, "journal.db");
  g_ptr_array_add (entries, add_entry (fixture.journal, 2, 18, 45, "quadratus-lumborum-left", 7, 7, "foam-roller-lower-back", NULL, "c"));
  g_ptr_array_add (entries, add_entry (fixture.journal, 1, 8, 15, "hamstrings-right", 4, 6, "foam-roller-hamstrings", NULL, "b"));
  g_ptr_array_add (entries, add_entry (fixture.journal, 1, 19, 30, "erector-spinae-lumbar-right", 8, UNKNOT_JOURNAL_PAIN_UNSET, NULL, flags, "a"));
  g_ptr_array_add (entries, add_entry (fixture.journal, 0, 0, 1, "upper-trapezius-left", 10, 10, "foam-roller-upper-back", NULL, "e"));
  g_ptr_array_add (entries, add_entry (fixture.journal, 0, 0, 2, "gluteals-left", 6, 3, "foam-roller-glutes", NULL, "d"));
  show_page (&fixture);
  wait_for_state (&fixture, "list");

  unknot_test_resize (fixture.window, 360, 720);
  unknot_test_assert_fits (fixture.window, "the journal at 360 px");
  light = unknot_test_screenshot (fixture.window, "journal-page-360-light.png");
  unknot_test_assert_light (light, "journal-page-360-light.png");

  unknot_test_set_dark (fixture.window, TRUE);
  unknot_test_assert_fits (fixture.window, "the journal at 360 px, dark");
  dark = unknot_test_screenshot (fixture.window, "journal-page-360-dark.png");
  unknot_test_assert_dark (dark, "journal-page-360-dark.png");

  unknot_test_resize (fixture.window, 720, 720);
  unknot_test_save_png (fixture.window, "journal-page-wide-dark.png");
  unknot_test_set_dark (fixture.window, FALSE);
  unknot_test_save_png (fixture.window, "journal-page-wide-light.png");

  fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/journal-page/empty-then-entry", test_empty_then_entry);
  g_test_add_func ("/journal-page/days", test_days);
  g_test_add_func ("/journal-page/delete-undo", test_delete_undo);
  g_test_add_func ("/journal-page/search-and-filter", test_search_and_filter);
  g_test_add_func ("/journal-page/range-whole-days", test_range_whole_days);
  g_test_add_func ("/journal-page/red-flag-banner", test_red_flag_banner);
  g_test_add_func ("/journal-page/actions", test_actions);
  g_test_add_func ("/journal-page/damaged", test_damaged);
  g_test_add_func ("/journal-page/days-model", test_days_model);
  g_test_add_func ("/journal-page/narrow", test_narrow);

  return g_test_run ();
}
