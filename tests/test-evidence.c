/* test-evidence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The person's own evidence where choices are made, in the real window: sessions are
 * logged through the journal's API, the region page (opened by its route) shows beside
 * each technique what it did there, follows the journal while it is shown, and makes
 * My Routine from what helped, best first, with real clicks; the technique page shows
 * the same for its technique, in the region it was opened for or everywhere. Pages
 * without a journal, or with one that is not open, show nothing and still work.
 */

#include "config.h"

#include "journal/unknot-journal.h"
#include "journal/unknot-journal-evidence.h"
#include "pages/unknot-region-page.h"
#include "pages/unknot-technique-page.h"
#include "routines/unknot-routine-store.h"
#include "unknot-test-utils.h"

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
journal_is_ready (gpointer data)
{
  return unknot_journal_is_open (data) && !unknot_journal_is_busy (data);
}

static UnknotJournalEntry *
session_new (int         minutes_ago,
             const char *region,
             const char *technique,
             int         before,
             int         after)
{
  UnknotJournalEntry *entry = unknot_journal_entry_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) when = g_date_time_add_minutes (now, -minutes_ago);
  const char *regions[] = { region, NULL };

  unknot_journal_entry_set_when (entry, when);
  unknot_journal_entry_set_regions (entry, regions);
  unknot_journal_entry_set_pain_before (entry, before);
  unknot_journal_entry_set_pain_after (entry, after);
  unknot_journal_entry_set_technique_id (entry, technique);

  return entry;
}

static void
count_added_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(UnknotJournalEntry) saved = NULL;
  g_autoptr(GError) error = NULL;

  saved = unknot_journal_add_finish (UNKNOT_JOURNAL (source), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  (*(guint *) data)--;
}

static gboolean
all_added (gpointer data)
{
  return *(guint *) data == 0;
}

/* A session on @region, @minutes_ago minutes ago, with the pain before and after. */
static void
log_session (UnknotJournal *journal,
             int            minutes_ago,
             const char    *region,
             const char    *technique,
             int            before,
             int            after)
{
  g_autoptr(UnknotJournalEntry) entry = unknot_journal_entry_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) when = g_date_time_add_minutes (now, -minutes_ago);
  const char *regions[] = { region, NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(UnknotJournalEntry) saved = NULL;
  g_autoptr(GError) error = NULL;

  unknot_journal_entry_set_when (entry, when);
  unknot_journal_entry_set_regions (entry, regions);
  unknot_journal_entry_set_pain_before (entry, before);
  unknot_journal_entry_set_pain_after (entry, after);
  unknot_journal_entry_set_technique_id (entry, technique);

  unknot_journal_add_async (journal, entry, NULL, store_result_cb, &result);
  unknot_test_wait_until (result_arrived, &result);
  saved = unknot_journal_add_finish (journal, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
}

/* On the lower back (both sides):
 * - ball-lower-back-floor: 6 sessions, −15 in all: down 2.5; 4 clear drops. Two more
 *   on the quadratus lumborum (+3 each) count only where every region counts.
 * - hands-lower-back: 3 sessions of −1: down 1.0.
 * - foam-roller-lower-back: 3 sessions of +1: up 1.0.
 * - stick-lower-back: 2 sessions: too few.
 * - massager-legs-and-hips: never tried. */
static void
log_lower_back (UnknotJournal *journal)
{
  static const struct { const char *region; const char *technique; int before, after; } sessions[] = {
    { "erector-spinae-lumbar-left", "ball-lower-back-floor", 6, 2 },
    { "erector-spinae-lumbar-right", "ball-lower-back-floor", 7, 3 },
    { "erector-spinae-lumbar-left", "ball-lower-back-floor", 6, 5 },
    { "erector-spinae-lumbar-left", "ball-lower-back-floor", 6, 5 },
    { "erector-spinae-lumbar-right", "ball-lower-back-floor", 5, 2 },
    { "erector-spinae-lumbar-left", "ball-lower-back-floor", 4, 2 },
    { "quadratus-lumborum-left", "ball-lower-back-floor", 3, 6 },
    { "quadratus-lumborum-right", "ball-lower-back-floor", 3, 6 },
    { "erector-spinae-lumbar-left", "hands-lower-back", 5, 4 },
    { "erector-spinae-lumbar-right", "hands-lower-back", 5, 4 },
    { "erector-spinae-lumbar-left", "hands-lower-back", 4, 3 },
    { "erector-spinae-lumbar-left", "foam-roller-lower-back", 4, 5 },
    { "erector-spinae-lumbar-left", "foam-roller-lower-back", 3, 4 },
    { "erector-spinae-lumbar-right", "foam-roller-lower-back", 5, 6 },
    { "erector-spinae-lumbar-left", "stick-lower-back", 6, 1 },
    { "erector-spinae-lumbar-left", "stick-lower-back", 6, 1 },
  };

  guint pending = G_N_ELEMENTS (sessions);

  /* All queued at once: the journal's worker writes them one after the other. */
  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    {
      g_autoptr(UnknotJournalEntry) entry = session_new (600 - (int) i, sessions[i].region,
                                                         sessions[i].technique,
                                                         sessions[i].before, sessions[i].after);

      unknot_journal_add_async (journal, entry, NULL, count_added_cb, &pending);
    }
  unknot_test_wait_until (all_added, &pending);
}

/* ---------------------------------------------------------------------------------- */
/* The window */

static GtkWindow *
open_window (UnknotApplication *app)
{
  GtkWindow *window = unknot_test_activate (app);

  gtk_window_set_default_size (window, 1000, 900);
  unknot_test_wait_until (journal_is_ready, unknot_application_get_journal (app));
  return window;
}

static GtkWidget *
technique_row (AdwNavigationPage *page,
               const char        *technique_id)
{
  GtkWidget *row = unknot_test_find_by_name (GTK_WIDGET (page), technique_id);

  g_assert_nonnull (row);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  return row;
}

typedef struct
{
  GtkWidget  *row;
  const char *line;   /* NULL: no evidence, the summary alone */
} RowCheck;

static gboolean
row_says (gpointer data)
{
  RowCheck *check = data;
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (check->row));
  g_auto(GStrv) lines = g_strsplit (subtitle ? subtitle : "", "\n", -1);

  if (check->line == NULL)
    return g_strv_length (lines) == 1;
  return g_strv_length (lines) == 2 && g_str_equal (lines[1], check->line);
}

#define assert_row_says(page, technique, text) G_STMT_START { \
  RowCheck check_ = { technique_row ((page), (technique)), (text) }; \
  unknot_test_wait_for (row_says, &check_, "the row of %s to say “%s”", (technique), \
                        (text) ? (text) : "nothing more"); \
} G_STMT_END

static gboolean
is_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget) && gtk_widget_get_mapped (widget);
}

static GtkWidget *
make_routine_button (AdwNavigationPage *page)
{
  GtkWidget *button = unknot_test_find_by_id (GTK_WIDGET (page), "make_routine_button");

  g_assert_nonnull (button);
  return button;
}

static const char *
helps_caption (AdwNavigationPage *page)
{
  GtkWidget *label = unknot_test_find_by_id (GTK_WIDGET (page), "helps_caption");

  g_assert_nonnull (label);
  if (!gtk_widget_get_visible (label) || !gtk_widget_get_visible (gtk_widget_get_parent (label)))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (label));
}

static void
click (GtkWidget *widget)
{
  unknot_test_scroll_into_view (widget);
  unknot_test_click (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

/* A shown, sensitive button labelled @label, in any of the app's windows. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 &&
      gtk_widget_get_mapped (widget) && gtk_widget_is_sensitive (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button_anywhere (const char *label)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      GtkWidget *found = find_button (l->data, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
button_shown (gpointer label)
{
  return find_button_anywhere (label) != NULL;
}

static void
click_button (const char *label)
{
  GtkWidget *button;

  g_test_message ("clicking “%s”", label);
  unknot_test_wait_for (button_shown, (gpointer) label, "a button “%s”", label);
  button = find_button_anywhere (label);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_widget_get_root (button)));
  click (button);
}

static GtkWidget *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      GtkWidget *found = unknot_test_find_descendant (l->data, ADW_TYPE_ALERT_DIALOG);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
no_dialog (gpointer data)
{
  return find_dialog () == NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  GtkWidget *dialog = find_dialog ();

  return dialog != NULL && gtk_widget_get_mapped (dialog);
}

typedef struct
{
  UnknotRoutineStore *store;
  const char * const *expected;
} RoutineCheck;

static gboolean
routine_is (gpointer data)
{
  RoutineCheck *check = data;

  return g_strv_equal (unknot_routine_store_get_techniques (check->store), check->expected);
}

#define wait_for_routine(store, ...) G_STMT_START { \
  const char *expected_[] = { __VA_ARGS__, NULL }; \
  RoutineCheck check_ = { (store), expected_ }; \
  unknot_test_wait_until (routine_is, &check_); \
} G_STMT_END

static char **
routine_on_disk (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "unknot", "my-routine.json", NULL);
  g_autoptr(UnknotRoutineStore) on_disk = unknot_routine_store_new (path);

  g_assert_true (unknot_routine_store_load (on_disk, NULL));
  return g_strdupv ((char **) unknot_routine_store_get_techniques (on_disk));
}

static gboolean
page_is_shown (gpointer data)
{
  AdwNavigationPage *page = data;

  return gtk_widget_get_mapped (GTK_WIDGET (page));
}

/* ---------------------------------------------------------------------------------- */
/* The cases */

/* Each technique on the region page says what it did there; a new session while the
 * page is shown changes its line; the button makes My Routine from what helped. */
static void
test_region_page (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = open_window (app);
  UnknotJournal *journal = unknot_application_get_journal (app);
  UnknotRoutineStore *store = unknot_application_get_routine_store (app);
  AdwNavigationPage *page;
  g_auto(GStrv) saved = NULL;

  log_lower_back (journal);
  unknot_test_wait_until (journal_is_ready, journal);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-region", "s", "erector-spinae-lumbar-left");
  page = unknot_test_wait_for_page (window, "erector-spinae-lumbar-left");

  assert_row_says (page, "ball-lower-back-floor", "Helped you before. Pain down 2.5 on average over 6 sessions");
  assert_row_says (page, "hands-lower-back", "Helped you before. Pain down 1.0 on average over 3 sessions");
  assert_row_says (page, "foam-roller-lower-back", "Pain up 1.0 on average over 3 sessions");
  assert_row_says (page, "stick-lower-back", "Too few sessions to tell yet: 2 so far");
  assert_row_says (page, "massager-legs-and-hips", NULL);
  /* The summary stays the first line. */
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (technique_row (page, "hands-lower-back"))),
                                   unknot_technique_get_summary (unknot_catalog_lookup_technique (unknot_application_get_catalog (app),
                                                                                                  "hands-lower-back"))));
  unknot_test_wait_until (is_visible, make_routine_button (page));
  unknot_test_save_png (window, "evidence-region-light.png");

  /* Sessions logged while the page is shown: their lines follow, and so does the
   * ranking. Hands: −8 over 4, still behind the ball's 2.5. */
  log_session (journal, 1, "erector-spinae-lumbar-right", "hands-lower-back", 8, 3);
  assert_row_says (page, "hands-lower-back", "Helped you before. Pain down 2.0 on average over 4 sessions");
  /* Six sessions of the stick up to three: now down 3.0 on average, and first. */
  log_session (journal, 1, "erector-spinae-lumbar-left", "stick-lower-back", 4, 5);
  assert_row_says (page, "stick-lower-back", "Helped you before. Pain down 3.0 on average over 3 sessions");

  /* An empty routine is made at once, best first, and My Routine is shown. */
  click (make_routine_button (page));
  wait_for_routine (store, "stick-lower-back", "ball-lower-back-floor", "hands-lower-back");
  saved = routine_on_disk ();
  g_assert_cmpstrv (saved, ((const char *[]) { "stick-lower-back", "ball-lower-back-floor", "hands-lower-back", NULL }));
  unknot_test_wait_for_page (window, "routine");

  /* The toast's Undo brings the empty routine back. */
  click_button ("_Undo");
  wait_for_routine (store, NULL);
  g_clear_pointer (&saved, g_strfreev);
  saved = routine_on_disk ();
  g_assert_cmpuint (g_strv_length (saved), ==, 0);

  unknot_test_close_window (window);
}

/* A routine the person has is replaced only once they say so. */
static void
test_replace_asks (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = open_window (app);
  UnknotJournal *journal = unknot_application_get_journal (app);
  UnknotRoutineStore *store = unknot_application_get_routine_store (app);
  AdwNavigationPage *page;
  GtkWidget *dialog;

  unknot_routine_store_add (store, "stick-upper-trapezius");
  g_assert_true (unknot_routine_store_save (store, NULL));
  log_lower_back (journal);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-region", "s", "erector-spinae-lumbar-right");
  page = unknot_test_wait_for_page (window, "erector-spinae-lumbar-right");
  unknot_test_wait_until (is_visible, make_routine_button (page));

  click (make_routine_button (page));
  unknot_test_wait_until (dialog_shown, NULL);
  click_button ("_Cancel");
  unknot_test_wait_until (no_dialog, window);
  wait_for_routine (store, "stick-upper-trapezius");
  g_assert_true (page_is_shown (page));

  click (make_routine_button (page));
  unknot_test_wait_until (dialog_shown, NULL);
  dialog = find_dialog ();
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Replace My Routine?");
  g_assert_cmpstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), ==,
                   "My Routine has 1 technique. It will be replaced by the 2 that helped you most here.");
  click_button ("_Replace");
  wait_for_routine (store, "ball-lower-back-floor", "hands-lower-back");
  unknot_test_wait_for_page (window, "routine");

  unknot_test_close_window (window);
}

/* The caption says why there is no routine to make yet. */
static void
test_not_yet (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = open_window (app);
  UnknotJournal *journal = unknot_application_get_journal (app);
  AdwNavigationPage *page;

  /* Sessions elsewhere do not count here. */
  log_session (journal, 30, "gluteals-left", "ball-glutes", 7, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-region", "s", "hamstrings-left");
  page = unknot_test_wait_for_page (window, "hamstrings-left");
  g_assert_false (gtk_widget_get_visible (make_routine_button (page)));
  g_assert_true (g_str_has_prefix (helps_caption (page), "Log how you feel after a session here"));

  /* Two sessions: too few to tell. */
  log_session (journal, 20, "hamstrings-left", "foam-roller-hamstrings", 6, 2);
  log_session (journal, 10, "hamstrings-right", "foam-roller-hamstrings", 6, 2);
  assert_row_says (page, "foam-roller-hamstrings", "Too few sessions to tell yet: 2 so far");
  g_assert_true (g_str_has_prefix (helps_caption (page), "After 3 sessions with a technique"));
  g_assert_false (gtk_widget_get_visible (make_routine_button (page)));

  /* A third that made it worse on average: tried enough, but nothing helped. */
  log_session (journal, 5, "hamstrings-left", "foam-roller-hamstrings", 1, 10);
  assert_row_says (page, "foam-roller-hamstrings", "Pain up 0.3 on average over 3 sessions");
  g_assert_true (g_str_has_prefix (helps_caption (page), "None of the techniques you tried here"));
  g_assert_false (gtk_widget_get_visible (make_routine_button (page)));
  unknot_test_save_png (window, "evidence-not-yet-light.png");

  unknot_test_close_window (window);
}

typedef struct
{
  AdwNavigationPage *page;
  const char        *line;
  const char        *meaningful;
} EvidenceCheck;

static gboolean
technique_page_says (gpointer data)
{
  EvidenceCheck *check = data;
  GtkWidget *box = unknot_test_find_by_id (GTK_WIDGET (check->page), "evidence_box");
  GtkWidget *line = unknot_test_find_by_id (GTK_WIDGET (check->page), "evidence_label");
  GtkWidget *meaningful = unknot_test_find_by_id (GTK_WIDGET (check->page), "meaningful_label");

  if (check->line == NULL)
    return !gtk_widget_get_visible (box);
  return gtk_widget_get_visible (box) &&
         g_str_equal (gtk_label_get_label (GTK_LABEL (line)), check->line) &&
         (check->meaningful == NULL ? !gtk_widget_get_visible (meaningful)
                                    : gtk_widget_get_visible (meaningful) &&
                                      g_str_equal (gtk_label_get_label (GTK_LABEL (meaningful)), check->meaningful));
}

#define assert_technique_page_says(page, text, meaningful_text) G_STMT_START { \
  EvidenceCheck check_ = { (page), (text), (meaningful_text) }; \
  unknot_test_wait_for (technique_page_says, &check_, "the technique page to say “%s”", \
                        (text) ? (text) : "nothing"); \
} G_STMT_END

/* The technique page, opened from the region's row with a click, counts that region;
 * opened with no region, every region. */
static void
test_technique_page (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = open_window (app);
  UnknotJournal *journal = unknot_application_get_journal (app);
  AdwNavigationPage *page;

  log_lower_back (journal);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-region", "s", "erector-spinae-lumbar-left");
  page = unknot_test_wait_for_page (window, "erector-spinae-lumbar-left");
  assert_row_says (page, "ball-lower-back-floor", "Helped you before. Pain down 2.5 on average over 6 sessions");
  click (technique_row (page, "ball-lower-back-floor"));
  page = unknot_test_wait_for_page (window, "ball-lower-back-floor");
  assert_technique_page_says (page, "Helped you before. Pain down 2.5 on average over 6 sessions",
                              "4 of 6 sessions brought a clear drop (2 points or 30 %)");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (unknot_test_find_by_id (GTK_WIDGET (page), "evidence_scope_label"))), ==,
                   "Your sessions on Erector spinae (lower back), both sides");
  unknot_test_save_png (window, "evidence-technique-light.png");

  /* Followed while shown. */
  log_session (journal, 1, "erector-spinae-lumbar-left", "ball-lower-back-floor", 9, 0);
  assert_technique_page_says (page, "Helped you before. Pain down 3.4 on average over 7 sessions",
                              "5 of 7 sessions brought a clear drop (2 points or 30 %)");

  unknot_test_close_window (window);
}

/* Opened with no region, the technique page counts every region; never tried, it
 * shows nothing. */
static void
test_technique_page_everywhere (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = open_window (app);
  UnknotJournal *journal = unknot_application_get_journal (app);
  AdwNavigationPage *page;

  log_lower_back (journal);
  log_session (journal, 1, "erector-spinae-lumbar-left", "ball-lower-back-floor", 9, 0);

  /* The quadratus lumborum's two worse sessions count too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-technique", "(ss)", "ball-lower-back-floor", "");
  page = unknot_test_wait_for_page (window, "ball-lower-back-floor");
  assert_technique_page_says (page, "Helped you before. Pain down 2.0 on average over 9 sessions",
                              "5 of 9 sessions brought a clear drop (2 points or 30 %)");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (unknot_test_find_by_id (GTK_WIDGET (page), "evidence_scope_label"))), ==,
                   "Your sessions on every region");

  /* Never tried: nothing shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-technique", "(ss)", "ball-glutes", "gluteals-left");
  page = unknot_test_wait_for_page (window, "ball-glutes");
  assert_technique_page_says (page, NULL, NULL);

  unknot_test_close_window (window);
}

/* Pages made with g_object_new alone, or with a journal that never opened or that was
 * damaged, show no evidence, offer no routine, and still work. */
static void
test_without_journal (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  UnknotCatalog *catalog = unknot_application_get_catalog (app);
  UnknotRegion *region = unknot_catalog_lookup_region (catalog, "erector-spinae-lumbar-left");
  UnknotTechnique *technique = unknot_catalog_lookup_technique (catalog, "ball-lower-back-floor");
  g_autofree char *closed_path = g_build_filename (g_get_user_data_dir (), "unknot", "never-opened.db", NULL);
  /* In a folder of its own: the app's journal's backups are not its own. */
  g_autofree char *damaged_dir = g_build_filename (g_get_user_data_dir (), "damaged", NULL);
  g_autofree char *damaged_path = g_build_filename (damaged_dir, "journal.db", NULL);
  g_autoptr(UnknotJournal) closed = unknot_journal_new (closed_path);
  g_autoptr(UnknotJournal) damaged = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  UnknotJournal *journals[3] = { NULL, closed, NULL };
  GtkWidget *region_pages[3], *technique_pages[3];
  GtkWidget *view, *other;

  g_assert_cmpint (g_mkdir_with_parents (damaged_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (damaged_path, "This is not a database, not at all. "
                                      "This is not a database, not at all.", -1, NULL));
  damaged = unknot_journal_new (damaged_path);
  unknot_journal_open_async (damaged, NULL, store_result_cb, &result);
  unknot_test_wait_until (result_arrived, &result);
  unknot_journal_open_finish (damaged, result, NULL);
  /* Set aside, with no backup: open, and empty. */
  g_assert_true (g_error_matches (unknot_journal_get_load_error (damaged),
                                  UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_DAMAGED));
  g_assert_null (unknot_journal_get_restored_from (damaged));
  journals[2] = damaged;

  /* One window for all: each journal's pages in turn. */
  view = adw_navigation_view_new ();
  adw_navigation_view_set_animate_transitions (ADW_NAVIGATION_VIEW (view), FALSE);
  other = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (other), view);
  gtk_window_set_default_size (GTK_WINDOW (other), 600, 700);

  for (guint i = 0; i < G_N_ELEMENTS (journals); i++)
    {
      region_pages[i] = g_object_ref_sink (g_object_new (UNKNOT_TYPE_REGION_PAGE,
                                                         "catalog", catalog,
                                                         "region", region,
                                                         "journal", journals[i],
                                                         NULL));
      technique_pages[i] = g_object_ref_sink (g_object_new (UNKNOT_TYPE_TECHNIQUE_PAGE,
                                                            "catalog", catalog,
                                                            "technique", technique,
                                                            "region-id", "erector-spinae-lumbar-left",
                                                            "journal", journals[i],
                                                            NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (journals); i++)
    {
      g_test_message ("journal %u", i);
      adw_navigation_view_replace (ADW_NAVIGATION_VIEW (view), (AdwNavigationPage **) &region_pages[i], 1);
      gtk_window_present (GTK_WINDOW (other));
      unknot_test_wait_for_frame (region_pages[i]);

      assert_row_says (ADW_NAVIGATION_PAGE (region_pages[i]), "ball-lower-back-floor", NULL);
      g_assert_null (helps_caption (ADW_NAVIGATION_PAGE (region_pages[i])));
      g_assert_false (gtk_widget_get_visible (unknot_test_find_by_id (region_pages[i], "helps_box")));

      adw_navigation_view_push (ADW_NAVIGATION_VIEW (view), ADW_NAVIGATION_PAGE (technique_pages[i]));
      unknot_test_wait_for_frame (technique_pages[i]);
      assert_technique_page_says (ADW_NAVIGATION_PAGE (technique_pages[i]), NULL, NULL);
    }

  gtk_window_destroy (GTK_WINDOW (other));
  for (guint i = 0; i < G_N_ELEMENTS (journals); i++)
    {
      g_assert_finalize_object (technique_pages[i]);
      g_assert_finalize_object (region_pages[i]);
    }

  unknot_test_wait_until (journal_is_ready, damaged);
}

static void
count_cb (UnknotJournalEvidence *evidence,
          guint                 *count)
{
  (*count)++;
}

static gboolean
counted (gpointer data)
{
  return *(guint *) data > 0;
}

/* A burst of changes (an import, say) makes one ::changed, and the numbers are read
 * again only when asked for. */
static void
test_coalesced (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = open_window (app);
  UnknotJournal *journal = unknot_application_get_journal (app);
  g_autoptr(UnknotJournalEvidence) evidence = unknot_journal_evidence_new (journal, "erector-spinae-lumbar", NULL);
  const UnknotJournalStatsRelief *relief;
  guint count = 0;

  g_signal_connect (evidence, "changed", G_CALLBACK (count_cb), &count);
  g_assert_true (unknot_journal_evidence_is_available (evidence));
  g_assert_null (unknot_journal_evidence_lookup (evidence, "hands-lower-back"));
  g_assert_cmpuint (unknot_journal_evidence_get_n_sessions (evidence), ==, 0);

  for (guint i = 0; i < 10; i++)
    g_list_model_items_changed (G_LIST_MODEL (journal), 0, 0, 0);
  unknot_test_wait_until (counted, &count);
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (count, ==, 1);

  count = 0;
  log_session (journal, 3, "erector-spinae-lumbar-left", "hands-lower-back", 6, 2);
  unknot_test_wait_until (counted, &count);
  relief = unknot_journal_evidence_lookup (evidence, "hands-lower-back");
  g_assert_nonnull (relief);
  g_assert_cmpuint (relief->n_sessions, ==, 1);
  g_assert_true (relief->too_few);
  g_assert_false (unknot_journal_evidence_helped (relief));

  g_signal_handlers_disconnect_by_func (evidence, count_cb, &count);
  unknot_test_close_window (window);
}

/* Dark, and at a phone's width. */
static void
test_looks (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = open_window (app);
  UnknotJournal *journal = unknot_application_get_journal (app);
  AdwNavigationPage *page;
  g_autoptr(GdkTexture) texture = NULL;

  log_lower_back (journal);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-region", "s", "erector-spinae-lumbar-left");
  page = unknot_test_wait_for_page (window, "erector-spinae-lumbar-left");
  assert_row_says (page, "ball-lower-back-floor", "Helped you before. Pain down 2.5 on average over 6 sessions");

  unknot_test_set_dark (window, TRUE);
  unknot_test_scroll_into_view (make_routine_button (page));
  texture = unknot_test_screenshot (window, "evidence-region-dark.png");
  unknot_test_assert_dark (texture, "evidence-region-dark.png");

  unknot_test_resize (window, 360, 800);
  unknot_test_scroll_into_view (make_routine_button (page));
  unknot_test_assert_fits (window, "evidence-region-360.png");
  unknot_test_save_png (window, "evidence-region-360.png");
  unknot_test_scroll_into_view (technique_row (page, "hands-lower-back"));
  unknot_test_save_png (window, "evidence-region-rows-360.png");

  click (technique_row (page, "ball-lower-back-floor"));
  page = unknot_test_wait_for_page (window, "ball-lower-back-floor");
  assert_technique_page_says (page, "Helped you before. Pain down 2.5 on average over 6 sessions",
                              "4 of 6 sessions brought a clear drop (2 points or 30 %)");
  unknot_test_assert_fits (window, "evidence-technique-360.png");
  unknot_test_save_png (window, "evidence-technique-360-dark.png");

  unknot_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/evidence/region-page", test_region_page);
  g_test_add_func ("/evidence/replace-asks", test_replace_asks);
  g_test_add_func ("/evidence/not-yet", test_not_yet);
  g_test_add_func ("/evidence/technique-page", test_technique_page);
  g_test_add_func ("/evidence/technique-page-everywhere", test_technique_page_everywhere);
  g_test_add_func ("/evidence/without-journal", test_without_journal);
  g_test_add_func ("/evidence/coalesced", test_coalesced);
  g_test_add_func ("/evidence/looks", test_looks);

  return g_test_run ();
}
