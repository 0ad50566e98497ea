/* journal-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the journal's tests and benchmark share: opening and closing a journal and
 * waiting for its writes, entries made from a number, a large journal written
 * straight into the file in one transaction, and a look at the file with plain SQL.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "journal/unknot-journal-private.h"
#include "journal-test-generate.h"
#include "journal-test-utils.h"

/* A journal path in the test's own data folder (G_TEST_OPTION_ISOLATE_DIRS). */
char *
journal_test_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "unknot", "journal.db", NULL);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

UnknotJournal *
journal_test_open (const char *path,
                   const char *vfs_name,
                   gboolean    backups)
{
  UnknotJournal *journal = unknot_journal_new_full (path, vfs_name);
  g_autoptr(GAsyncResult) result = NULL;

  unknot_journal_set_backups_enabled (journal, backups);
  unknot_journal_open_async (journal, NULL, store_result_cb, &result);
  wait_for (&result);
  unknot_journal_open_finish (journal, result, NULL);
  g_assert_true (unknot_journal_is_open (journal));

  return journal;
}

void
journal_test_wait_idle (UnknotJournal *journal)
{
  while (unknot_journal_is_busy (journal))
    g_main_context_iteration (NULL, TRUE);
}

/* Waits for the journal's own jobs (a backup) and checks nothing else holds it. */
void
journal_test_close (UnknotJournal *journal)
{
  journal_test_wait_idle (journal);
  g_assert_finalize_object (journal);
}

UnknotJournalEntry *
journal_test_add (UnknotJournal       *journal,
                  UnknotJournalEntry  *entry,
                  GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  unknot_journal_add_async (journal, entry, NULL, store_result_cb, &result);
  return unknot_journal_add_finish (journal, wait_for (&result), error);
}

UnknotJournalEntry *
journal_test_update (UnknotJournal       *journal,
                     UnknotJournalEntry  *entry,
                     GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  unknot_journal_update_async (journal, entry, NULL, store_result_cb, &result);
  return unknot_journal_update_finish (journal, wait_for (&result), error);
}

UnknotJournalEntry *
journal_test_delete (UnknotJournal  *journal,
                     const char     *id,
                     GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  unknot_journal_delete_async (journal, id, NULL, store_result_cb, &result);
  return unknot_journal_delete_finish (journal, wait_for (&result), error);
}

/* Entry number @i, as journal_test_generate() writes it. */
UnknotJournalEntry *
journal_test_entry_new (guint i)
{
  UnknotJournalEntry *entry = unknot_journal_entry_new ();
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc_usec (JOURNAL_TEST_START_US + i * JOURNAL_TEST_STEP_US);
  g_autofree char *notes = g_strdup_printf ("Entry %u%s", i, i % 100 == 0 ? ", stiff Rücken" : "");
  const char *regions[] = { journal_test_regions[i % 9], i % 4 == 0 ? "spine" : NULL, NULL };

  unknot_journal_entry_set_when (entry, when);
  unknot_journal_entry_set_regions (entry, regions);
  unknot_journal_entry_set_pain_before (entry, (int) (i % 11));
  unknot_journal_entry_set_pain_after (entry, i % 3 == 0 ? UNKNOT_JOURNAL_PAIN_UNSET : (int) (i % 11) / 2);
  unknot_journal_entry_set_tool_id (entry, journal_test_tools[i % 5]);
  unknot_journal_entry_set_technique_id (entry, journal_test_techniques[i % 7]);
  unknot_journal_entry_set_seconds (entry, 30 + i % 90);
  unknot_journal_entry_set_notes (entry, notes);

  return entry;
}

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

/* Writes @n entries, numbers 0 to n-1, straight into the file in one transaction
 * (the journal makes the file and its schema first): the same values as
 * journal_test_entry_new () gives, made by SQLite itself in one statement. Under the
 * sanitizers, an uninstrumented helper runs it (UNKNOT_JOURNAL_GENERATE). */
void
journal_test_generate (const char *path,
                       guint       n)
{
  g_autoptr(UnknotJournal) journal = journal_test_open (path, NULL, FALSE);
  const char *helper = g_getenv ("UNKNOT_JOURNAL_GENERATE");
  g_autofree char *sql = NULL;
  sqlite3 *db;

  journal_test_close (g_steal_pointer (&journal));

  /* An empty journal is the schema alone (the SQL counts up to n - 1). */
  if (n == 0)
    return;

  if (helper != NULL)
    {
      g_autofree char *count = g_strdup_printf ("%u", n);
      const char *argv[] = { helper, path, count, NULL };
      g_autoptr(GError) error = NULL;
      int status;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_spawn_check_wait_status (status, &error);
      g_assert_no_error (error);
      return;
    }

  sql = journal_test_generate_sql (n);
  db = journal_test_sql_open (path);
  exec (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

sqlite3 *
journal_test_sql_open (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_error ("Could not open %s: %s", path, sqlite3_errmsg (db));
  sqlite3_busy_timeout (db, 5000);
  return db;
}

gint64
journal_test_sql_int (sqlite3    *db,
                      const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, sql);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return sqlite3_column_int64 (stmt, 0);
}

/* The plan SQLite makes for @sql, one line per step. */
char *
journal_test_sql_plan (sqlite3    *db,
                       const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(sqlite3_stmt) stmt = prepare (db, explain);
  g_autoptr(GString) plan = g_string_new (NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  return g_string_free (g_steal_pointer (&plan), FALSE);
}

char *
journal_test_sql_text (sqlite3    *db,
                       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, sql);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* The file passes PRAGMA integrity_check. */
void
journal_test_assert_intact (const char *path)
{
  sqlite3 *db = journal_test_sql_open (path);
  g_autofree char *check = journal_test_sql_text (db, "PRAGMA integrity_check");

  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

GBytes *
journal_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}
