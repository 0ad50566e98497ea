/* test-journal-transfer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal page's More menu, with real clicks: its items are there, named and
 * turned on; the import's preview says how many entries will be added and lists each
 * skipped row with its number and reason, and nothing is written until Import is
 * pressed, which adds them; an export writes every entry; a restore asks first, then
 * the page lists the backup. The file dialogs themselves cannot be driven in a test:
 * each flow is started from its file (unknot_journal_transfer_*_to/from ()), the
 * step after the dialog. The preview is looked at in light, dark and at 360 px.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "journal/unknot-import-dialog.h"
#include "journal/unknot-journal-page.h"
#include "journal/unknot-journal-private.h"
#include "journal/unknot-journal-transfer.h"
#include "unknot-test-utils.h"

#define ID1 "11111111-1111-4111-8111-111111111111"
#define ID2 "22222222-2222-4222-8222-222222222222"
#define ID3 "33333333-3333-4333-8333-333333333333"
#define ID5 "55555555-5555-4555-8555-555555555555"

typedef struct
{
  UnknotApplication *app;
  UnknotJournal     *journal;
  GtkWindow         *window;
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
journal_is_idle (gpointer data)
{
  return !unknot_journal_is_busy (data);
}

static UnknotJournal *open_journal_at (UnknotCatalog *catalog,
                                       const char    *path);

static UnknotJournal *
open_journal (UnknotCatalog *catalog)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "unknot", "journal.db", NULL);

  return open_journal_at (catalog, path);
}

/* Opened, with the catalogue's regions; a journal with a load error is open too. */
static UnknotJournal *
open_journal_at (UnknotCatalog *catalog,
                 const char    *path)
{
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
  unknot_journal_open_finish (journal, result, &error);
  g_assert_true (unknot_journal_is_open (journal));

  return journal;
}

static void
add_entry (UnknotJournal *journal,
           const char    *id,
           const char    *notes)
{
  g_autoptr(UnknotJournalEntry) entry = id ? unknot_journal_entry_new_with_id (id) : unknot_journal_entry_new ();
  g_autoptr(UnknotJournalEntry) saved = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *regions[] = { "spine", NULL };

  unknot_journal_entry_set_regions (entry, regions);
  unknot_journal_entry_set_pain_before (entry, 4);
  unknot_journal_entry_set_notes (entry, notes);
  unknot_journal_add_async (journal, entry, NULL, store_result_cb, &result);
  unknot_test_wait_until (result_arrived, &result);
  saved = unknot_journal_add_finish (journal, result, &error);
  g_assert_no_error (error);
}

static void
show_page (Fixture *fixture,
           int      width)
{
  AdwNavigationView *view = ADW_NAVIGATION_VIEW (adw_navigation_view_new ());

  fixture->page = ADW_NAVIGATION_PAGE (unknot_journal_page_new (fixture->journal,
                                                                unknot_application_get_catalog (fixture->app),
                                                                unknot_application_get_settings (fixture->app),
                                                                unknot_application_get_hold (fixture->app)));
  adw_navigation_view_add (view, fixture->page);

  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fixture->window, width, 720);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (view));
  gtk_window_present (fixture->window);
  unknot_test_wait_for_frame (fixture->window);
}

static void
fixture_init (Fixture *fixture)
{
  memset (fixture, 0, sizeof *fixture);
  fixture->app = unknot_test_application_new ();
  fixture->journal = open_journal (unknot_application_get_catalog (fixture->app));
}

static void
fixture_clear (Fixture *fixture)
{
  if (fixture->window != NULL)
    unknot_test_close_window (fixture->window);
  unknot_test_wait_until (journal_is_idle, fixture->journal);
  g_assert_finalize_object (g_steal_pointer (&fixture->journal));
  g_clear_object (&fixture->app);
}

static UnknotJournalTransfer *
transfer_of (Fixture *fixture)
{
  return unknot_journal_page_get_transfer (UNKNOT_JOURNAL_PAGE (fixture->page));
}

/* ---------------------------------------------------------------------------------- */
/* Finding and clicking */

typedef struct
{
  GtkWidget  *root;
  const char *text;
} ClickableCheck;

static gboolean
clickable_shown (gpointer data)
{
  ClickableCheck *check = data;

  return unknot_test_find_clickable (check->root, check->text) != NULL;
}

/* Waits for a button showing @text inside @root, and returns it. */
static GtkWidget *
wait_clickable (GtkWidget  *root,
                const char *text)
{
  ClickableCheck check = { root, text };

  unknot_test_wait_for (clickable_shown, &check, "a button “%s” shown and sensitive", text);
  return unknot_test_find_clickable (root, text);
}

static void
click (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_widget_get_root (widget)));
  unknot_test_click (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

/* Whether a label inside @widget shows @text as part of its own. */
static gboolean
shows_text_containing (GtkWidget  *widget,
                       const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (shows_text_containing (c, text))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} TextCheck;

static gboolean
text_shown (gpointer data)
{
  TextCheck *check = data;

  return shows_text_containing (check->root, check->text);
}

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static UnknotImportDialog *
import_dialog (Fixture *fixture)
{
  AdwDialog *dialog = adw_window_get_visible_dialog (ADW_WINDOW (fixture->window));

  return UNKNOT_IS_IMPORT_DIALOG (dialog) ? UNKNOT_IMPORT_DIALOG (dialog) : NULL;
}

static gboolean
import_dialog_ready (gpointer data)
{
  UnknotImportDialog *dialog = import_dialog (data);

  return dialog != NULL && unknot_import_dialog_is_ready (dialog) &&
         gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
no_dialog (gpointer data)
{
  Fixture *fixture = data;

  return adw_window_get_visible_dialog (ADW_WINDOW (fixture->window)) == NULL;
}

static gboolean
alert_shown (gpointer data)
{
  Fixture *fixture = data;
  AdwDialog *dialog = adw_window_get_visible_dialog (ADW_WINDOW (fixture->window));

  return ADW_IS_ALERT_DIALOG (dialog) && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

typedef struct
{
  UnknotJournal *journal;
  guint          n;
} CountCheck;

static gboolean
journal_has (gpointer data)
{
  CountCheck *check = data;

  return g_list_model_get_n_items (G_LIST_MODEL (check->journal)) == check->n &&
         !unknot_journal_is_busy (check->journal);
}

static GFile *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* ---------------------------------------------------------------------------------- */

/* The More button opens a menu with the four items, each named and turned on. */
static gboolean
report_dialog_shown (gpointer window)
{
  GtkWidget *dialog = unknot_test_find_descendant (window, ADW_TYPE_ALERT_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (dialog);
}

static void
test_menu (void)
{
  const char *items[] = { "Export as CSV…", "Import From CSV…", "Back Up Journal…", "Restore From Backup…",
                          "Report for a Clinician…" };
  Fixture fixture;
  GtkWidget *report;
  GtkWidget *more;
  GtkWidget *popover;

  fixture_init (&fixture);
  show_page (&fixture, 720);

  more = unknot_test_find_by_id (GTK_WIDGET (fixture.page), "more_button");
  g_assert_nonnull (more);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_widget_get_focusable (more) || gtk_widget_get_focusable (gtk_widget_get_first_child (more)));

  click (more);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (more)));
  unknot_test_wait_until (popover_shown, popover);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      GtkWidget *item = unknot_test_find_clickable (popover, items[i]);
      g_autofree char *name = NULL;

      g_test_message ("menu item %s", items[i]);
      g_assert_nonnull (item);
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL));
    }
  unknot_test_save_png (popover, "journal-transfer-menu.png");

  /* The report asks what it covers, over the window. */
  click (unknot_test_find_clickable (popover, "Report for a Clinician…"));
  unknot_test_wait_until (report_dialog_shown, fixture.window);
  report = unknot_test_find_descendant (GTK_WIDGET (fixture.window), ADW_TYPE_ALERT_DIALOG);
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (report)), ==, "Report for a Clinician");
  adw_dialog_force_close (ADW_DIALOG (report));

  fixture_clear (&fixture);
}

/* The preview: the right counts and reasons, nothing written until Import, then the
 * entries are in the journal, and a toast says how many. */
static void
test_import_preview (void)
{
  static const char csv[] =
    "id,when,regions,pain_before,pain_after,technique,tool,seconds,occasion,"
    "qualities,red_flags,notes,created,modified\r\n"
    /* 2 */ ID1 ",2025-03-14T18:30:00+01:00,spine,5,2,,,60,,,,first,,\r\n"
    /* 3 */ ID2 ",14/03/2025 18:30,spine,5,,,,60,,,,bad date,,\r\n"
    /* 4 */ ID2 ",2025-03-14T18:30:00Z,spine,11,,,,60,,,,pain too high,,\r\n"
    /* 5 */ ID2 ",2025-03-14T18:30:00Z,left-ear,5,,,,60,,,,unknown region,,\r\n"
    /* 6 */ ID5 ",2025-03-14T18:30:00Z,spine,5,,,,60,,,,already in the journal,,\r\n"
    /* 7 */ ID3 ",2025-03-15T08:00:00Z,gluteals-left,6,3,,,,,,,second,,\r\n"
    /* 8 */ ",2025-03-16T08:00:00Z,spine,2,,,,,,,,third,,\r\n";
  const char *reasons[] = {
    "Row 3", "is not a date and time",
    "Row 4", "a number from 0 to 10",
    "Row 5", "is not an area of the body map",
    "Row 6", "already in your journal",
  };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  Fixture fixture;
  UnknotImportDialog *dialog;
  CountCheck four;
  TextCheck toast;

  fixture_init (&fixture);
  file = write_file ("import.csv", csv);
  add_entry (fixture.journal, ID5, "here before");
  show_page (&fixture, 720);

  unknot_journal_transfer_import_from (transfer_of (&fixture), file);
  unknot_test_wait_until (import_dialog_ready, &fixture);
  dialog = import_dialog (&fixture);
  g_assert_cmpuint (unknot_import_dialog_get_n_entries (dialog), ==, 3);
  g_assert_cmpuint (unknot_import_dialog_get_n_skipped (dialog), ==, 4);
  g_assert_true (shows_text_containing (GTK_WIDGET (dialog), "3 entries will be added"));
  g_assert_true (shows_text_containing (GTK_WIDGET (dialog), "4 rows will be skipped"));
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    g_assert_true (shows_text_containing (GTK_WIDGET (dialog), reasons[i]));

  /* Nothing is written while the preview shows. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.journal)), ==, 1);
  unknot_test_save_png (fixture.window, "journal-import-preview-light.png");
  unknot_test_set_dark (fixture.window, TRUE);
  unknot_test_wait_for_frame (fixture.window);
  dark = unknot_test_screenshot (fixture.window, "journal-import-preview-dark.png");
  unknot_test_assert_dark (dark, "journal-import-preview-dark.png");
  unknot_test_set_dark (fixture.window, FALSE);
  unknot_test_wait_for_frame (fixture.window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.journal)), ==, 1);

  /* Import, with a real click. */
  click (wait_clickable (GTK_WIDGET (dialog), "Import"));
  four = (CountCheck) { fixture.journal, 4 };
  unknot_test_wait_until (journal_has, &four);
  unknot_test_wait_until (no_dialog, &fixture);
  toast = (TextCheck) { GTK_WIDGET (fixture.window), "Imported 3 entries" };
  unknot_test_wait_until (text_shown, &toast);

  fixture_clear (&fixture);
}

/* Cancel writes nothing; a file that is not CSV says so and offers no Import. */
static void
test_import_cancel_and_broken (void)
{
  static const char csv[] =
    "id,when,regions,pain_before,pain_after,technique,tool,seconds,occasion,"
    "qualities,red_flags,notes,created,modified\r\n"
    ID1 ",2025-03-14T18:30:00+01:00,spine,5,2,,,60,,,,first,,\r\n";
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) broken = NULL;
  Fixture fixture;
  UnknotImportDialog *dialog;

  fixture_init (&fixture);
  file = write_file ("one.csv", csv);
  broken = write_file ("broken.csv", "\xff\xfe not text at all \x80\x81\r\n");
  show_page (&fixture, 720);

  unknot_journal_transfer_import_from (transfer_of (&fixture), file);
  unknot_test_wait_until (import_dialog_ready, &fixture);
  dialog = import_dialog (&fixture);
  g_assert_true (shows_text_containing (GTK_WIDGET (dialog), "1 entry will be added"));
  click (wait_clickable (GTK_WIDGET (dialog), "Cancel"));
  unknot_test_wait_until (no_dialog, &fixture);
  unknot_test_wait_until (journal_is_idle, fixture.journal);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.journal)), ==, 0);

  unknot_journal_transfer_import_from (transfer_of (&fixture), broken);
  unknot_test_wait_until (import_dialog_ready, &fixture);
  dialog = import_dialog (&fixture);
  g_assert_true (shows_text_containing (GTK_WIDGET (dialog), "This File Cannot Be Imported"));
  g_assert_null (unknot_test_find_clickable (GTK_WIDGET (dialog), "Import"));
  unknot_test_save_png (fixture.window, "journal-import-broken.png");
  click (wait_clickable (GTK_WIDGET (dialog), "Close"));
  unknot_test_wait_until (no_dialog, &fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.journal)), ==, 0);

  fixture_clear (&fixture);
}

/* At 360 px the preview fits and its reasons wrap. */
static void
test_import_phone (void)
{
  static const char csv[] =
    "id,when,regions,pain_before,pain_after,technique,tool,seconds,occasion,"
    "qualities,red_flags,notes,created,modified\r\n"
    ID1 ",2025-03-14T18:30:00+01:00,spine,5,2,,,60,,,,first,,\r\n"
    ID2 ",2025-03-14T18:30:00Z,spine,11,,,,60,,,,pain too high,,\r\n";
  g_autoptr(GFile) file = NULL;
  Fixture fixture;

  fixture_init (&fixture);
  file = write_file ("phone.csv", csv);
  show_page (&fixture, 360);
  unknot_journal_transfer_import_from (transfer_of (&fixture), file);
  unknot_test_wait_until (import_dialog_ready, &fixture);
  unknot_test_wait_for_frame (fixture.window);
  unknot_test_save_png (fixture.window, "journal-import-preview-360.png");
  unknot_test_assert_fits (fixture.window, "journal-import-preview-360.png");
  click (wait_clickable (GTK_WIDGET (import_dialog (&fixture)), "Cancel"));
  unknot_test_wait_until (no_dialog, &fixture);

  fixture_clear (&fixture);
}

/* Export writes every entry; Back Up then Restore asks first, then lists the backup. */
static void
test_export_backup_restore (void)
{
  g_autofree char *csv_path = NULL;
  g_autofree char *backup_path = NULL;
  g_autoptr(GFile) csv = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  Fixture fixture;
  TextCheck toast;
  CountCheck count;
  GtkWidget *replace;

  fixture_init (&fixture);
  csv_path = g_build_filename (g_get_user_data_dir (), "out.csv", NULL);
  backup_path = g_build_filename (g_get_user_data_dir (), "backup.db", NULL);
  csv = g_file_new_for_path (csv_path);
  backup = g_file_new_for_path (backup_path);
  add_entry (fixture.journal, NULL, "one");
  add_entry (fixture.journal, NULL, "two");
  show_page (&fixture, 720);

  unknot_journal_transfer_export_to (transfer_of (&fixture), csv);
  toast = (TextCheck) { GTK_WIDGET (fixture.window), "Exported 2 entries" };
  unknot_test_wait_until (text_shown, &toast);
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);  /* header, two rows, and the end */

  unknot_journal_transfer_back_up_to (transfer_of (&fixture), backup);
  toast = (TextCheck) { GTK_WIDGET (fixture.window), "Journal backed up" };
  unknot_test_wait_until (text_shown, &toast);
  add_entry (fixture.journal, NULL, "three");

  unknot_journal_transfer_restore_from (transfer_of (&fixture), backup);
  unknot_test_wait_until (alert_shown, &fixture);
  toast = (TextCheck) { GTK_WIDGET (adw_window_get_visible_dialog (ADW_WINDOW (fixture.window))), "holds 2 entries" };
  g_assert_true (text_shown (&toast));
  toast.text = "journal.db.before-restore";
  g_assert_true (text_shown (&toast));
  unknot_test_save_png (fixture.window, "journal-restore-confirm.png");
  /* Asked, not done. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.journal)), ==, 3);

  replace = wait_clickable (GTK_WIDGET (adw_window_get_visible_dialog (ADW_WINDOW (fixture.window))), "Replace");
  g_assert_nonnull (replace);
  click (replace);
  count = (CountCheck) { fixture.journal, 2 };
  unknot_test_wait_until (journal_has, &count);
  toast = (TextCheck) { GTK_WIDGET (fixture.window), "Journal restored" };
  unknot_test_wait_until (text_shown, &toast);

  fixture_clear (&fixture);
}

/* A journal from a newer version is only read: the menu says so, and only Export is
 * on. */
static void
test_read_only (void)
{
  const char *off[] = { "Import From CSV…", "Back Up Journal…", "Restore From Backup…" };
  g_autofree char *path = NULL;
  Fixture fixture;
  GtkWidget *more;
  GtkWidget *popover;
  sqlite3 *db = NULL;

  fixture_init (&fixture);
  add_entry (fixture.journal, NULL, "one");
  path = g_strdup (unknot_journal_get_path (fixture.journal));
  unknot_test_wait_until (journal_is_idle, fixture.journal);
  g_assert_finalize_object (g_steal_pointer (&fixture.journal));

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  fixture.journal = open_journal_at (unknot_application_get_catalog (fixture.app), path);
  g_assert_true (unknot_journal_is_read_only (fixture.journal));
  show_page (&fixture, 720);

  more = unknot_test_find_by_id (GTK_WIDGET (fixture.page), "more_button");
  click (more);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (more)));
  unknot_test_wait_until (popover_shown, popover);
  wait_clickable (popover, "Export as CSV…");
  for (guint i = 0; i < G_N_ELEMENTS (off); i++)
    g_assert_null (unknot_test_find_clickable (popover, off[i]));
  g_assert_true (shows_text_containing (popover, "Read-only journal"));
  unknot_test_save_png (popover, "journal-transfer-menu-read-only.png");
  gtk_popover_popdown (GTK_POPOVER (popover));

  fixture_clear (&fixture);
}

/* A file name for the day, as the save dialogs suggest. */
static void
test_suggested_name (void)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 12, 2, 12, 0, 0);
  g_autofree char *name = unknot_journal_transfer_suggest_name ("journal", "csv", day);

  g_assert_cmpstr (name, ==, "unknot-journal-2026-12-02.csv");
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/journal-transfer/menu", test_menu);
  g_test_add_func ("/journal-transfer/import-preview", test_import_preview);
  g_test_add_func ("/journal-transfer/import-cancel-and-broken", test_import_cancel_and_broken);
  g_test_add_func ("/journal-transfer/import-phone", test_import_phone);
  g_test_add_func ("/journal-transfer/export-backup-restore", test_export_backup_restore);
  g_test_add_func ("/journal-transfer/read-only", test_read_only);
  g_test_add_func ("/journal-transfer/suggested-name", test_suggested_name);

  return g_test_run ();
}
