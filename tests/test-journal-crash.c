/* test-journal-crash.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A journal killed at any moment loses nothing it acknowledged. A child process (this
 * program run again with --child) logs entries in a loop and reports each id over a
 * pipe once the journal has acknowledged it; the parent kills it with SIGKILL at a
 * random moment, twenty times, and after each kill checks, with a read-only
 * connection that leaves the crashed state for the next child to recover, that every
 * acknowledged entry is there and the database is intact.
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "journal/unknot-journal-private.h"
#include "journal-test-utils.h"

#define ROUNDS 20

/* The child: log entries until killed, saying which ones are safe. */
static int
run_child (const char *path)
{
  UnknotJournal *journal = journal_test_open (path, NULL, TRUE);
  g_autofree char *long_notes = g_strnfill (6000, 'n');

  for (guint i = 0; ; i++)
    {
      g_autoptr(UnknotJournalEntry) entry = journal_test_entry_new (i);
      g_autoptr(UnknotJournalEntry) saved = NULL;
      g_autoptr(GError) error = NULL;
      char line[64];
      int length;

      /* Some entries span several pages. */
      if (i % 3 == 0)
        unknot_journal_entry_set_notes (entry, long_notes);

      saved = journal_test_add (journal, entry, &error);
      if (saved == NULL)
        {
          g_printerr ("child: %s\n", error->message);
          return 1;
        }

      length = g_snprintf (line, sizeof line, "%s\n", unknot_journal_entry_get_id (saved));
      if (write (STDOUT_FILENO, line, length) != length)
        return 1;
    }
}

/* Takes the complete lines out of @buffer; returns how many. */
static guint
take_ids (GString    *buffer,
          GHashTable *acknowledged)
{
  guint n = 0;
  char *newline;

  while ((newline = strchr (buffer->str, '\n')) != NULL)
    {
      g_autofree char *id = g_strndup (buffer->str, newline - buffer->str);

      g_assert_true (g_uuid_string_is_valid (id));
      g_hash_table_add (acknowledged, g_steal_pointer (&id));
      g_string_erase (buffer, 0, newline - buffer->str + 1);
      n++;
    }
  return n;
}

static gssize
read_some (int      fd,
           GString *buffer)
{
  char chunk[4096];
  gssize n;

  do
    n = read (fd, chunk, sizeof chunk);
  while (n < 0 && errno == EINTR);

  if (n > 0)
    g_string_append_len (buffer, chunk, n);
  return n;
}

static void
check_file (const char *path,
            GHashTable *acknowledged)
{
  g_autofree char *uri = g_strconcat ("file:", path, "?mode=ro", NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *check = NULL;
  GHashTableIter iter;
  gpointer id;
  sqlite3 *db = NULL;

  /* Killed before it made the file: then it acknowledged nothing. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpuint (g_hash_table_size (acknowledged), ==, 0);
      return;
    }

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);

  check = journal_test_sql_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");

  /* Killed while it made its schema (which is one transaction): nothing to look for. */
  if (g_hash_table_size (acknowledged) == 0)
    {
      g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
      return;
    }

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM entries WHERE uuid = ?", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_hash_table_iter_init (&iter, acknowledged);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      if (sqlite3_column_int (stmt, 0) != 1)
        g_error ("Acknowledged entry %s is missing", (const char *) id);
      sqlite3_reset (stmt);
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_sigkill (void)
{
  g_autofree char *path = journal_test_path ();
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GHashTable) acknowledged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  UnknotJournal *journal;

  g_assert_nonnull (self);

  for (guint round = 0; round < ROUNDS; round++)
    {
      const char *argv[] = { self, "--child", path, NULL };
      g_autoptr(GString) buffer = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      guint target = g_test_rand_int_range (0, 15);
      guint got = 0;
      GPid pid;
      int out_fd, status;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      /* Wait for some acknowledgements, then kill it somewhere in what follows. */
      while (got < target)
        {
          if (read_some (out_fd, buffer) <= 0)
            g_error ("The child stopped on its own in round %u", round);
          got += take_ids (buffer, acknowledged);
        }
      g_usleep (g_test_rand_int_range (0, 4000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      g_spawn_close_pid (pid);

      /* What it said before it died counts too. */
      while (read_some (out_fd, buffer) > 0)
        ;
      got += take_ids (buffer, acknowledged);
      close (out_fd);

      check_file (path, acknowledged);
      g_test_message ("round %u: killed after %u acknowledgements; %u acknowledged in all, all there",
                      round, got, g_hash_table_size (acknowledged));
    }

  /* The journal opens the crashed file as it is, with every acknowledged entry. */
  journal = journal_test_open (path, NULL, TRUE);
  g_assert_no_error (unknot_journal_get_load_error (journal));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), >=, g_hash_table_size (acknowledged));
  journal_test_close (journal);
  journal_test_assert_intact (path);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journal-crash/sigkill", test_sigkill);

  return g_test_run ();
}
