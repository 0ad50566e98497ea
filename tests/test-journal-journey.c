/* test-journal-journey.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pain journal's journey through the real window, with real clicks and keys: a hold
 * is finished, "Log How It Feels" opens the editor with the session filled in, pain 6
 * before and 3 after are chosen and saved, and the journal lists the session with its
 * change. Then the same again in a process of its own that is killed with SIGKILL the
 * moment the entry is saved: the entry is on disk, and the file is intact.
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "journal/unknot-entry-editor.h"
#include "journal/unknot-journal.h"
#include "journal/unknot-journal-page.h"
#include "journal/unknot-pain-scale.h"
#include "unknot-test-utils.h"
#include "unknot-window.h"

#define CHILD_ARG "--journey-child"
#define SAVED_TIMEOUT_MS 60000

static gboolean
journal_is_ready (gpointer data)
{
  UnknotJournal *journal = data;

  return unknot_journal_is_open (data) && !unknot_journal_is_busy (journal);
}

static gboolean
editor_shown (gpointer window)
{
  return UNKNOT_IS_ENTRY_EDITOR (adw_application_window_get_visible_dialog (window));
}

static gboolean
no_dialog (gpointer window)
{
  return adw_application_window_get_visible_dialog (window) == NULL;
}

static gboolean
has_one_entry (gpointer journal)
{
  return g_list_model_get_n_items (journal) == 1;
}

static gboolean
log_button_shown (gpointer button)
{
  return gtk_widget_get_mapped (button);
}

static void
click_middle (GtkWidget *widget)
{
  unknot_test_scroll_into_view (widget);
  unknot_test_click (widget, gtk_widget_get_width (widget) / 2.0,
                     gtk_widget_get_height (widget) / 2.0);
}

/* The editor's two scales, in order: pain before, then pain after. */
static UnknotPainScale *
pain_scale (GtkWidget *editor,
            guint      index)
{
  g_autoptr(GPtrArray) scales = g_ptr_array_new ();

  unknot_test_collect (editor, UNKNOT_TYPE_PAIN_SCALE, scales);
  g_assert_cmpuint (scales->len, ==, 2);

  return g_ptr_array_index (scales, index);
}

/* A hold of the first step with a Hold button of "Ball between the shoulder blades",
 * opened for the left rhomboids, to its end (both sides, if it has two); then "Log How It Feels", 6 before, 3 after, Save. Returns the
 * saved entry, once the journal has it. */
static UnknotJournalEntry *
log_a_finished_hold (UnknotApplication *app,
                     GtkWindow         *window)
{
  UnknotHoldTimer *timer = unknot_application_get_hold_timer (app);
  UnknotJournal *journal = unknot_application_get_journal (app);
  AdwNavigationPage *page;
  GtkWidget *log_button, *editor, *after_button;
  UnknotPainScale *before, *after;

  unknot_test_wait_until (journal_is_ready, journal);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 0);
  unknot_test_use_fake_clock (timer);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-technique", "(ss)",
                              "ball-between-shoulder-blades", "rhomboids-left");
  page = unknot_test_wait_for_page (window, "ball-between-shoulder-blades");
  click_middle (unknot_test_find_by_name (GTK_WIDGET (page), "hold-button"));
  page = unknot_test_wait_for_page (window, "hold");
  unknot_test_advance_clock (timer, 200);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_FINISHED);

  log_button = unknot_test_find_by_id (GTK_WIDGET (page), "log_button");
  unknot_test_wait_for (log_button_shown, log_button, "“Log How It Feels” to show");
  click_middle (log_button);
  unknot_test_wait_for (editor_shown, window, "the journal’s editor to open");
  editor = GTK_WIDGET (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  unknot_test_wait_for_frame (window);

  /* 6 before with a click, 3 after with one key. */
  before = pain_scale (editor, 0);
  after = pain_scale (editor, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (before), GTK_ACCESSIBLE_PROPERTY_LABEL, "Pain before");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (after), GTK_ACCESSIBLE_PROPERTY_LABEL, "Pain after");
  click_middle (unknot_pain_scale_get_button (before, 6));
  g_assert_cmpint (unknot_pain_scale_get_value (before), ==, 6);
  after_button = unknot_pain_scale_get_button (after, 0);
  unknot_test_scroll_into_view (after_button);
  g_assert_true (gtk_widget_grab_focus (after_button));
  unknot_test_press_key (after_button, GDK_KEY_3);
  g_assert_cmpint (unknot_pain_scale_get_value (after), ==, 3);

  click_middle (unknot_test_find_by_id (editor, "save_button"));
  unknot_test_wait_for (has_one_entry, journal, "the journal to hold the saved entry");
  unknot_test_wait_for (no_dialog, window, "the editor to close once the entry was saved");

  return g_list_model_get_item (G_LIST_MODEL (journal), 0);
}

static void
assert_the_session (UnknotJournalEntry *entry)
{
  g_assert_cmpint (unknot_journal_entry_get_pain_before (entry), ==, 6);
  g_assert_cmpint (unknot_journal_entry_get_pain_after (entry), ==, 3);
  g_assert_cmpstrv (unknot_journal_entry_get_regions (entry), ((const char *[]) { "rhomboids-left", NULL }));
  g_assert_cmpstr (unknot_journal_entry_get_technique_id (entry), ==, "ball-between-shoulder-blades");
  g_assert_cmpstr (unknot_journal_entry_get_tool_id (entry), ==, "massage-ball");
  g_assert_cmpuint (unknot_journal_entry_get_seconds (entry), >, 0);
}

/* The journey: the journal lists the session, with its change. */
static void
test_log_after_a_hold (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  g_autoptr(UnknotJournalEntry) entry = NULL;
  GtkWindow *window = unknot_test_activate (app);
  AdwNavigationPage *page;
  GtkWidget *journal_button;

  entry = log_a_finished_hold (app, window);
  assert_the_session (entry);

  /* One click from the hold page's header. */
  page = unknot_window_get_visible_page (UNKNOT_WINDOW (window));
  journal_button = unknot_test_find_by_name (GTK_WIDGET (page), "journal-button");
  click_middle (journal_button);
  page = unknot_test_wait_for_page (window, "journal");
  g_assert_true (UNKNOT_IS_JOURNAL_PAGE (page));
  unknot_test_wait_for_frame (window);
  g_assert_true (unknot_test_has_text (GTK_WIDGET (page), "6 → 3"));
  g_assert_true (unknot_test_has_text (GTK_WIDGET (page), "−3"));
  unknot_test_save_png (window, "journal-after-hold.png");

  unknot_test_close_window (window);
}

/* The child: the journey, then "saved DATA-DIR ID" on standard output, then nothing
 * until the parent kills it. */
static int
run_child (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  g_autoptr(UnknotJournalEntry) entry = NULL;
  GtkWindow *window = unknot_test_activate (app);

  entry = log_a_finished_hold (app, window);
  /* Not g_print (): in TAP mode it would make a comment of the line. */
  fprintf (stdout, "saved %s %s\n", g_get_user_data_dir (), unknot_journal_entry_get_id (entry));
  fflush (stdout);

  while (TRUE)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static gboolean
result_is_set (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* Saved, then SIGKILL at once: the entry is there when Unknot starts again. */
static void
test_survives_sigkill (void)
{
  const char *argv[] = { g_test_get_filename (G_TEST_BUILT, "test-journal-journey", NULL), CHILD_ARG, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) opened = NULL;
  g_autoptr(UnknotJournal) journal = NULL;
  g_autoptr(UnknotJournalEntry) entry = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) words = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *check = NULL;
  int out_fd = -1, status = 0;
  GPid pid;

  g_assert_true (g_spawn_async_with_pipes_and_fds (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                                   NULL, NULL, -1, -1, -1, NULL, NULL, 0,
                                                   &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);

  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  while (line == NULL || !g_str_has_prefix (line, "saved "))
    {
      g_clear_pointer (&line, g_free);
      if (g_io_channel_read_line (channel, &line, NULL, NULL, &error) != G_IO_STATUS_NORMAL)
        {
          kill (pid, SIGKILL);
          g_error ("the child ended before saving: %s", error ? error->message : "end of output");
        }
    }

  /* At once, as a crash would. */
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_spawn_close_pid (pid);

  g_strchomp (line);
  words = g_strsplit (line, " ", 3);
  g_assert_cmpuint (g_strv_length (words), ==, 3);
  path = g_build_filename (words[1], "unknot", "journal.db", NULL);

  /* The file is whole before anything opens it again. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &check, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (check), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (check, 0), ==, "ok");
  sqlite3_finalize (check);
  sqlite3_close (db);

  journal = unknot_journal_new (path);
  unknot_journal_open_async (journal, NULL, store_result_cb, &opened);
  unknot_test_wait_until (result_is_set, &opened);
  g_assert_true (unknot_journal_open_finish (journal, opened, &error));
  g_assert_no_error (error);
  entry = unknot_journal_lookup (journal, words[2]);
  g_assert_nonnull (entry);
  assert_the_session (entry);
  unknot_test_wait_until (journal_is_ready, journal);
}

int
main (int   argc,
      char *argv[])
{
  gboolean child = argc > 1 && g_strcmp0 (argv[argc - 1], CHILD_ARG) == 0;

  if (child)
    argc--;
  unknot_test_init (&argc, &argv);
  if (child)
    return run_child ();

  g_test_add_func ("/journal-journey/log-after-a-hold", test_log_after_a_hold);
  g_test_add_func ("/journal-journey/survives-sigkill", test_survives_sigkill);

  return g_test_run ();
}
