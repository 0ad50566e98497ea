/* test-journal-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report for a clinician, read back from the PDF with pdftotext: the summary's
 * numbers (averages, the worst, the number of entries), a warning sign's date, a
 * technique's sentence and the not-a-diagnosis line; 200 entries over several pages,
 * each with the table's header, every row on exactly one page, on A4 and on Letter;
 * an empty journal on one page that says so; the dialog that asks for the period, with
 * the keyboard, light, dark and 360 px wide. Set UNKNOT_TEST_REPORT_DIR to keep the
 * PDFs.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "catalog/unknot-catalog.h"
#include "journal/unknot-journal-report.h"
#include "journal-test-utils.h"
#include "unknot-test-utils.h"

#define UNSET UNKNOT_JOURNAL_PAIN_UNSET

/* A journal of the test's own, whatever the environment's data folder holds. */
static UnknotJournal *
open_journal (void)
{
  g_autofree char *dir = g_dir_make_tmp ("unknot-report-journal-XXXXXX", NULL);
  g_autofree char *path = NULL;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "journal.db", NULL);
  return journal_test_open (path, NULL, FALSE);
}

static GDateTime *
local_time (const char *iso8601)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  GDateTime *when = g_date_time_new_from_iso8601 (iso8601, zone);

  g_assert_nonnull (when);
  return when;
}

static void
add (UnknotJournal *journal,
     GDateTime     *when,
     int            before,
     int            after,
     const char    *technique,
     const char    *tool,
     const char    *region,
     const char    *red_flag,
     const char    *notes)
{
  g_autoptr(UnknotJournalEntry) entry = unknot_journal_entry_new ();
  g_autoptr(UnknotJournalEntry) added = NULL;
  g_autoptr(GError) error = NULL;
  const char *regions[] = { region, NULL };
  const char *red_flags[] = { red_flag, NULL };

  unknot_journal_entry_set_when (entry, when);
  unknot_journal_entry_set_pain_before (entry, before);
  unknot_journal_entry_set_pain_after (entry, after);
  unknot_journal_entry_set_technique_id (entry, technique);
  unknot_journal_entry_set_tool_id (entry, tool);
  unknot_journal_entry_set_regions (entry, regions);
  if (red_flag != NULL)
    unknot_journal_entry_set_red_flags (entry, red_flags);
  unknot_journal_entry_set_notes (entry, notes);
  added = journal_test_add (journal, entry, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
}

static void
add_at (UnknotJournal *journal,
        const char    *iso8601,
        int            before,
        int            after,
        const char    *technique,
        const char    *tool,
        const char    *region,
        const char    *red_flag,
        const char    *notes)
{
  g_autoptr(GDateTime) when = local_time (iso8601);

  add (journal, when, before, after, technique, tool, region, red_flag, notes);
}

/* Closes a journal that open_journal () made, and removes its folder. */
static void
close_journal (UnknotJournal *journal)
{
  g_autofree char *path = g_strdup (unknot_journal_get_path (journal));
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) contents = NULL;
  const char *name;

  journal_test_close (journal);
  contents = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (contents);
  while ((name = g_dir_read_name (contents)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (file), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Where a report is written: a temporary folder, or UNKNOT_TEST_REPORT_DIR. */
static GFile *
report_file (const char *name)
{
  const char *keep = g_getenv ("UNKNOT_TEST_REPORT_DIR");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (keep != NULL)
    dir = g_strdup (keep);
  else
    dir = g_dir_make_tmp ("unknot-report-XXXXXX", NULL);
  g_assert_nonnull (dir);
  path = g_build_filename (dir, name, NULL);
  return g_file_new_for_path (path);
}

static void
remove_report (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);

  if (g_getenv ("UNKNOT_TEST_REPORT_DIR") != NULL)
    return;
  g_assert_true (g_file_delete (file, NULL, NULL));
  g_file_delete (dir, NULL, NULL);
}

/* The PDF's text (one page, or all for @page 0), with every run of white space made
 * one space, so that a wrapped sentence reads as one. */
static char *
pdf_text_full (GFile    *pdf,
               guint     page,
               gboolean  layout)
{
  g_autofree char *path = g_file_get_path (pdf);
  g_autofree char *first = g_strdup_printf ("%u", page);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  int status;

  g_ptr_array_add (argv, (char *) "pdftotext");
  if (layout)
    g_ptr_array_add (argv, (char *) "-layout");
  if (page > 0)
    {
      g_ptr_array_add (argv, (char *) "-f");
      g_ptr_array_add (argv, first);
      g_ptr_array_add (argv, (char *) "-l");
      g_ptr_array_add (argv, first);
    }
  g_ptr_array_add (argv, path);
  g_ptr_array_add (argv, (char *) "-");
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

/* The text in reading order: a wrapped paragraph is one. */
static char *
pdf_text (GFile *pdf,
          guint  page)
{
  return pdf_text_full (pdf, page, FALSE);
}

/* The text as it is laid out: a label and its number side by side. */
static char *
pdf_layout_text (GFile *pdf,
                 guint  page)
{
  return pdf_text_full (pdf, page, TRUE);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the report's text: %s", needle, text);
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
assert_pdf (GFile *pdf)
{
  g_autofree char *path = g_file_get_path (pdf);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 5);
  g_assert_cmpmem (contents, 5, "%PDF-", 5);
}

static void
test_summary (void)
{
  g_autoptr(UnknotJournal) journal = open_journal ();
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  g_autoptr(GFile) pdf = report_file ("summary.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *numbers = NULL;
  g_autofree char *page1 = NULL;
  g_autofree char *all = NULL;
  guint n_pages = 0;

  /* Before: 6, 9, 7, 4 (average 6.5, worst 9). After: 4, 5, 3 (average 4.0, worst 5).
   * The ball on the glutes: −2, −4, −4 over 3 sessions, each a clear drop. */
  add_at (journal, "2026-03-01T09:00:00", 6, 4, "ball-glutes", "massage-ball", "gluteals-left", NULL,
          "Sore after a long drive.");
  add_at (journal, "2026-03-02T12:00:00", 9, 5, "ball-glutes", "massage-ball", "gluteals-left", "fever",
          "Felt hot and shivery in the evening, and the pain woke me twice in the night; "
          "I took two paracetamol at four in the morning and slept again until eight.");
  add_at (journal, "2026-03-05T10:00:00", 7, 3, "ball-glutes", "massage-ball", "gluteals-right", NULL, NULL);
  add_at (journal, "2026-03-06T18:30:00", 4, UNSET, "stick-lower-back", "massage-stick",
          "erector-spinae-lumbar-left", "leg-weakness", NULL);

  g_assert_true (unknot_journal_report_export_pdf_full (journal, catalog, NULL, GTK_PAPER_NAME_A4,
                                                        pdf, &n_pages, &error));
  g_assert_no_error (error);
  assert_pdf (pdf);
  g_assert_cmpuint (n_pages, ==, 2);

  numbers = pdf_layout_text (pdf, 1);
  assert_contains (numbers, "Average pain before a session 6.5");
  assert_contains (numbers, "Worst pain before a session 9");
  assert_contains (numbers, "Average pain after a session 4.0");
  assert_contains (numbers, "Worst pain after a session 5");
  assert_contains (numbers, "Entries 4");
  assert_contains (numbers, "Entries with the pain after noted 3");

  page1 = pdf_text (pdf, 1);
  assert_contains (page1, "Self-reported by the person; not a diagnosis.");
  /* The warning signs, with their dates and how soon they should be checked. */
  assert_contains (page1, "2 March 2026: Fever (See a Doctor Soon)");
  assert_contains (page1, "6 March 2026: Weakness in the legs (Get Help Now)");
  /* The techniques, in unknot_journal_stats_describe_relief ()'s words. */
  assert_contains (page1, "Sit on a ball to loosen the glutes: Pain down 3.3 on average over 3 sessions; "
                          "3 of 3 sessions brought a clear drop (2 points or 30 %).");
  assert_contains (page1, "Too few sessions to tell yet: 0 so far");
  /* The regions, most painful first. */
  assert_contains (page1, "Gluteals, left side: 7.5 on average, 2 entries "
                          "Gluteals, right side: 7.0 on average, 1 entry");
  assert_contains (page1, "Period: the whole journal, 1 March 2026 to 6 March 2026");
  assert_contains (page1, "Page 1 of 2");

  all = pdf_text (pdf, 2);
  assert_contains (all, "Date and time");
  assert_contains (all, "03/01/26 09:00");
  assert_contains (all, "Sore after a long drive.");
  assert_contains (all, "6 → 4");
  /* Long notes are cut short. */
  assert_contains (all, "…");
  g_assert_null (strstr (all, "slept again until eight"));
  assert_contains (all, "Page 2 of 2");

  remove_report (pdf);
  close_journal (g_steal_pointer (&journal));
}

/* 200 entries, one every 9 hours, each with a marker in its notes; every fifth with a
 * warning sign. */
static void
test_many (gconstpointer data)
{
  const char *paper = data;
  g_autoptr(UnknotJournal) journal = open_journal ();
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  g_autofree char *name = g_strdup_printf ("many-%s.pdf", paper);
  g_autoptr(GFile) pdf = report_file (name);
  g_autoptr(GDateTime) start = local_time ("2026-01-01T08:00:00");
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  guint n_pages = 0;

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_hours (start, 9 * i);
      g_autofree char *notes = g_strdup_printf ("m%03uz %s", i,
                                                i % 7 == 0 ? "a longer note that wraps over two "
                                                             "lines or more in its column" : "");

      add (journal, when, 3 + i % 7, i % 5 == 0 ? UNSET : 2 + i % 4,
           i % 2 ? "ball-glutes" : "hands-lower-back", i % 2 ? "massage-ball" : "hands",
           i % 3 ? "gluteals-left" : "erector-spinae-lumbar-right",
           i % 5 == 0 ? "fever" : NULL, notes);
    }

  g_assert_true (unknot_journal_report_export_pdf_full (journal, catalog, NULL, paper, pdf,
                                                        &n_pages, &error));
  g_assert_no_error (error);
  assert_pdf (pdf);
  g_assert_cmpuint (n_pages, >=, 4);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (pdf, page);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", page, n_pages);

      assert_contains (text, number);
      assert_contains (text, "Self-reported by the person; not a diagnosis.");
      if (page == 1)
        {
          g_autofree char *numbers = pdf_layout_text (pdf, page);

          assert_contains (numbers, "Entries 200");
          /* 40 warning signs do not fit on the summary: it says how many more the
           * table has. */
          /* The newest first: entry 195, 73 days and 3 hours after the first. */
          assert_contains (text, "15 March 2026: Fever (See a Doctor Soon)");
          g_assert_null (strstr (text, "1 January 2026: Fever"));
          assert_contains (text, "more; see the entries");
          g_assert_null (strstr (text, "m000z"));
        }
      else
        {
          /* Each page of the table has its header, and entries. */
          assert_contains (text, "Date and time");
          assert_contains (text, "Pain before → after");
          g_assert_cmpuint (count (text, "z "), >, 0);
        }
    }

  /* Every row is on exactly one page, whole. */
  all = pdf_text (pdf, 0);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *marker = g_strdup_printf ("m%03uz", i);

      g_assert_cmpuint (count (all, marker), ==, 1);
    }

  remove_report (pdf);
  close_journal (g_steal_pointer (&journal));
}

static void
test_empty (void)
{
  g_autoptr(UnknotJournal) journal = open_journal ();
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  g_autoptr(GFile) pdf = report_file ("empty.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_pages = 0;

  g_assert_true (unknot_journal_report_export_pdf_full (journal, catalog, NULL, GTK_PAPER_NAME_LETTER,
                                                        pdf, &n_pages, &error));
  g_assert_no_error (error);
  assert_pdf (pdf);
  g_assert_cmpuint (n_pages, ==, 1);

  text = pdf_text (pdf, 0);
  assert_contains (text, "There are no entries in the journal for this period");
  assert_contains (text, "Self-reported by the person; not a diagnosis.");
  assert_contains (text, "Page 1 of 1");

  remove_report (pdf);
  close_journal (g_steal_pointer (&journal));
}

/* Only the range's entries count. */
static void
test_range (void)
{
  g_autoptr(UnknotJournal) journal = open_journal ();
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  g_autoptr(GFile) pdf = report_file ("range.pdf");
  g_autoptr(UnknotJournalFilter) range = unknot_journal_filter_new ();
  g_autoptr(GDateTime) since = local_time ("2026-03-01T00:00:00");
  g_autoptr(GDateTime) until = local_time ("2026-04-01T00:00:00");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  add_at (journal, "2026-02-10T09:00:00", 10, 9, "ball-glutes", "massage-ball", "gluteals-left", NULL, NULL);
  add_at (journal, "2026-03-10T09:00:00", 5, 2, "ball-glutes", "massage-ball", "gluteals-left", NULL, NULL);
  add_at (journal, "2026-03-11T09:00:00", 6, 3, "ball-glutes", "massage-ball", "gluteals-left", NULL, NULL);

  unknot_journal_filter_set_range (range, since, until);
  g_assert_true (unknot_journal_report_export_pdf (journal, catalog, range, pdf, &error));
  g_assert_no_error (error);

  text = pdf_layout_text (pdf, 1);
  assert_contains (text, "Period: 1 March 2026 to 1 April 2026");
  assert_contains (text, "Average pain before a session 5.5");
  assert_contains (text, "Worst pain before a session 6");
  assert_contains (text, "Entries 2");
  assert_contains (text, "None logged in this period.");

  remove_report (pdf);
  close_journal (g_steal_pointer (&journal));
}

/* A long journal, generated: the report is made, and how long it takes is told. Under
 * the sanitizers, where each entry costs ten times as much, a shorter one. */
#if defined(__SANITIZE_ADDRESS__)
#define N_LONG 200
#else
#define N_LONG 3000
#endif

static void
test_long (void)
{
  g_autofree char *dir = g_dir_make_tmp ("unknot-report-journal-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(UnknotJournal) journal = NULL;
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  g_autoptr(GFile) pdf = report_file ("long.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autofree char *numbers = NULL;
  g_autofree char *expected = NULL;
  guint n_pages = 0;

  journal_test_generate (path, N_LONG);
  journal = journal_test_open (path, NULL, FALSE);

  timer = g_timer_new ();
  g_assert_true (unknot_journal_report_export_pdf_full (journal, catalog, NULL, GTK_PAPER_NAME_A4,
                                                        pdf, &n_pages, &error));
  g_assert_no_error (error);
  g_test_message ("A report of %u entries: %u pages in %.0f ms", N_LONG, n_pages,
                  g_timer_elapsed (timer, NULL) * 1000);
  assert_pdf (pdf);
  g_assert_cmpuint (n_pages, >, N_LONG / 40);

  numbers = pdf_layout_text (pdf, 1);
  expected = g_strdup_printf ("Entries %u", N_LONG);
  assert_contains (numbers, expected);

  remove_report (pdf);
  close_journal (g_steal_pointer (&journal));
}

/* Whether the keyboard focus is on @data or inside it. */
static gboolean
focus_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
dialog_visible (gpointer data)
{
  return adw_window_get_visible_dialog (data) != NULL;
}

static gboolean
no_dialog_visible (gpointer data)
{
  return adw_window_get_visible_dialog (data) == NULL;
}

/* The dialog asks for the period with one switch that the keyboard reaches. */
static void
test_dialog (void)
{
  g_autoptr(UnknotJournal) journal = open_journal ();
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  AdwDialog *dialog;
  GtkWidget *recent;
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  g_autoptr(GdkTexture) narrow = NULL;

  gtk_window_set_default_size (window, 800, 600);
  gtk_window_present (window);
  unknot_test_wait_for_frame (window);

  unknot_journal_report_run (window, journal, catalog);
  unknot_test_wait_until (dialog_visible, window);
  dialog = adw_window_get_visible_dialog (ADW_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (dialog), "save"));
  g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (dialog), "print"));

  recent = unknot_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_SWITCH_ROW);
  g_assert_nonnull (recent);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (recent)), ==,
                   "Only the Last 3 Months");
  g_assert_false (adw_switch_row_get_active (ADW_SWITCH_ROW (recent)));

  /* The keyboard: the switch takes the focus, and activating it (what Space and Enter
   * do) turns it. */
  unknot_test_wait_for_frame (dialog);
  g_assert_true (gtk_widget_get_focusable (recent));
  g_assert_true (gtk_widget_grab_focus (recent));
  g_assert_true (focus_in (recent));
  g_assert_true (gtk_widget_activate (recent));
  g_assert_true (adw_switch_row_get_active (ADW_SWITCH_ROW (recent)));

  light = unknot_test_screenshot (window, "report-dialog.png");
  unknot_test_assert_light (light, "report-dialog.png");
  unknot_test_set_dark (window, TRUE);
  dark = unknot_test_screenshot (window, "report-dialog-dark.png");
  unknot_test_assert_dark (dark, "report-dialog-dark.png");
  unknot_test_set_dark (window, FALSE);
  unknot_test_resize (window, 360, 640);
  narrow = unknot_test_screenshot (window, "report-dialog-360.png");
  unknot_test_assert_fits (window, "report-dialog-360.png");

  g_assert_true (adw_dialog_close (dialog));
  unknot_test_wait_until (no_dialog_visible, window);
  gtk_window_destroy (window);
  close_journal (g_steal_pointer (&journal));
}

static GtkWindow *
find_print_dialog (void)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog") &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
print_dialog_shown (gpointer data)
{
  return find_print_dialog () != NULL;
}

static gboolean
no_print_dialog (gpointer data)
{
  return find_print_dialog () == NULL;
}

/* Print… opens the print dialog with the report; closing it prints nothing, and the
 * report goes with the operation. */
static void
test_print (void)
{
  g_autoptr(UnknotJournal) journal = open_journal ();
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  AdwDialog *dialog;

  add_at (journal, "2026-03-01T09:00:00", 6, 4, "ball-glutes", "massage-ball", "gluteals-left", NULL, NULL);

  gtk_window_set_default_size (window, 800, 600);
  gtk_window_present (window);
  unknot_test_wait_for_frame (window);

  unknot_journal_report_run (window, journal, catalog);
  unknot_test_wait_until (dialog_visible, window);
  dialog = adw_window_get_visible_dialog (ADW_WINDOW (window));
  g_signal_emit_by_name (dialog, "response", "print");
  adw_dialog_force_close (dialog);
  unknot_test_wait_until (print_dialog_shown, NULL);

  gtk_window_close (find_print_dialog ());
  unknot_test_wait_until (no_print_dialog, NULL);

  gtk_window_destroy (window);
  close_journal (g_steal_pointer (&journal));
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/journal-report/summary", test_summary);
  g_test_add_data_func ("/journal-report/many-a4", GTK_PAPER_NAME_A4, test_many);
  g_test_add_data_func ("/journal-report/many-letter", GTK_PAPER_NAME_LETTER, test_many);
  g_test_add_func ("/journal-report/empty", test_empty);
  g_test_add_func ("/journal-report/range", test_range);
  g_test_add_func ("/journal-report/long", test_long);
  g_test_add_func ("/journal-report/dialog", test_dialog);
  g_test_add_func ("/journal-report/print", test_print);

  return g_test_run ();
}
