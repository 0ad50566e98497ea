/* test-journal-faults.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No committed entry is lost when the disk fails, in the spirit of SQLite's own
 * I/O error tests: a VFS that wraps the default one (journal-fault-vfs.c) fails the
 * Nth write, sync or truncate, for every N across logging an entry, editing one and
 * deleting one, and closing the journal. After each fault the operation that met it
 * reports an error, the list agrees with the file, trying again succeeds, nothing
 * acknowledged is missing and PRAGMA integrity_check is ok once the fault is gone.
 * The same with a full disk (every write from the Nth on fails with SQLITE_FULL),
 * and on a read-only file system. And for many entries added at once the way an
 * import adds them, with the statistics' indexes and a trigger dropped and made
 * again inside the transaction: all of them or none, the schema as it was.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "journal/unknot-journal-private.h"
#include "journal-fault-vfs.h"
#include "journal-test-utils.h"

#define N_BASE 3

/* A journal file with entries A, B and C, made once per test. */
static GBytes *baseline;
static UnknotJournalEntry *originals[N_BASE];

static void
make_baseline (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "baseline", "journal.db", NULL);
  UnknotJournal *journal = journal_test_open (path, NULL, FALSE);

  for (guint i = 0; i < N_BASE; i++)
    {
      g_autoptr(UnknotJournalEntry) entry = journal_test_entry_new (i);
      g_autoptr(GError) error = NULL;

      g_clear_object (&originals[i]);
      originals[i] = journal_test_add (journal, entry, &error);
      g_assert_no_error (error);
    }
  journal_test_close (journal);

  g_clear_pointer (&baseline, g_bytes_unref);
  baseline = journal_test_read_file (path);
}

static void
free_baseline (void)
{
  g_clear_pointer (&baseline, g_bytes_unref);
  for (guint i = 0; i < N_BASE; i++)
    g_clear_object (&originals[i]);
}

static char *
case_path (const char *name,
           guint       n)
{
  g_autofree char *dir_name = g_strdup_printf ("%s-%u", name, n);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), dir_name, NULL);
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, g_bytes_get_data (baseline, NULL), g_bytes_get_size (baseline), &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
assert_fault_error (const GError     *error,
                    JournalFaultMode  mode)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == UNKNOT_JOURNAL_ERROR);
  if (mode == JOURNAL_FAULT_DISK_FULL)
    {
      g_assert_cmpint (error->code, ==, UNKNOT_JOURNAL_ERROR_NO_SPACE);
      g_assert_nonnull (strstr (error->message, "The disk is full."));
    }
  else
    g_assert_cmpint (error->code, ==, UNKNOT_JOURNAL_ERROR_IO);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "still"));
}

/* The list shows exactly the entries the journal's reading connection finds. */
static void
assert_list_matches_file (UnknotJournal       *journal,
                          UnknotJournalEntry **entries,
                          guint                n_entries)
{
  GListModel *model = G_LIST_MODEL (journal);
  guint present = 0;

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(UnknotJournalEntry) found = unknot_journal_lookup (journal, unknot_journal_entry_get_id (entries[i]));

      if (found != NULL)
        present++;
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, present);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(UnknotJournalEntry) listed = g_list_model_get_item (model, i);
      g_autoptr(UnknotJournalEntry) found = unknot_journal_lookup (journal, unknot_journal_entry_get_id (listed));

      g_assert_nonnull (found);
      g_assert_true (unknot_journal_entry_equal (listed, found));
    }
}

/* Whether the file holds @entry's id with @expected's values, or not at all when
 * @expected is %NULL (read straight from the file, as the journal reads it). */
static gboolean
stored_equal (sqlite3            *db,
              UnknotJournalEntry *entry,
              UnknotJournalEntry *expected)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(UnknotJournalEntry) stored = NULL;
  gboolean equal;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT " UNKNOT_JOURNAL_ENTRY_COLUMNS
                                       " FROM entries AS e WHERE e.uuid = ?", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, unknot_journal_entry_get_id (entry), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    stored = unknot_journal_db_read_entry (stmt, 0);
  sqlite3_finalize (stmt);

  if (expected == NULL)
    equal = stored == NULL;
  else
    equal = stored != NULL && unknot_journal_entry_equal (stored, expected);
  return equal;
}

typedef enum {
  STEP_ADD,
  STEP_UPDATE,
  STEP_DELETE,
  N_STEPS
} Step;

static gboolean
run_step (UnknotJournal       *journal,
          Step                 step,
          UnknotJournalEntry  *added,
          UnknotJournalEntry  *edited,
          GError             **error)
{
  g_autoptr(UnknotJournalEntry) result = NULL;

  switch (step)
    {
    case STEP_ADD:
      result = journal_test_add (journal, added, error);
      break;
    case STEP_UPDATE:
      result = journal_test_update (journal, edited, error);
      break;
    case STEP_DELETE:
      result = journal_test_delete (journal, unknot_journal_entry_get_id (originals[1]), error);
      break;
    case N_STEPS:
    default:
      g_assert_not_reached ();
    }

  return result != NULL;
}

/* One run with the fault on the @n-th call. Returns: whether the fault happened (it
 * does not once @n is past the last write of the run). */
static gboolean
run_case (const char       *name,
          JournalFaultMode  mode,
          guint             n)
{
  g_autofree char *path = case_path (name, n);
  g_autoptr(UnknotJournalEntry) added = journal_test_entry_new (100);
  g_autoptr(UnknotJournalEntry) edited = unknot_journal_entry_copy (originals[0]);
  UnknotJournalEntry *all[] = { originals[0], originals[1], originals[2], added };
  gboolean failed[N_STEPS] = { FALSE, };
  gboolean any_failed = FALSE;
  g_autofree char *check = NULL;
  UnknotJournal *journal;
  gboolean fired;
  sqlite3 *db;

  unknot_journal_entry_set_notes (edited, "Edited: besser als gestern, 少し良い");
  unknot_journal_entry_set_pain_after (edited, 1);

  journal = journal_test_open (path, JOURNAL_FAULT_VFS, FALSE);
  g_assert_no_error (unknot_journal_get_load_error (journal));

  journal_fault_vfs_arm (mode, n);

  for (Step step = 0; step < N_STEPS; step++)
    {
      g_autoptr(GError) error = NULL;

      if (!run_step (journal, step, added, edited, &error))
        {
          /* Only the fault makes a write fail, and it says so. */
          g_assert_true (journal_fault_vfs_has_fired ());
          assert_fault_error (error, mode);
          failed[step] = any_failed = TRUE;
        }
      assert_list_matches_file (journal, all, G_N_ELEMENTS (all));
    }

  /* Once the disk works again, what failed can be saved. */
  if (any_failed)
    {
      journal_fault_vfs_disarm ();
      for (Step step = 0; step < N_STEPS; step++)
        {
          g_autoptr(GError) error = NULL;

          if (failed[step])
            {
              g_assert_true (run_step (journal, step, added, edited, &error));
              g_assert_no_error (error);
            }
        }
      assert_list_matches_file (journal, all, G_N_ELEMENTS (all));
    }

  /* Closing checkpoints the log into the file: a fault there must lose nothing. */
  journal_test_close (journal);
  fired = journal_fault_vfs_has_fired ();
  journal_fault_vfs_disarm ();

  /* Every write was acknowledged in the end: all of them are in the file. */
  db = journal_test_sql_open (path);
  check = journal_test_sql_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_true (stored_equal (db, originals[0], edited));
  g_assert_true (stored_equal (db, originals[1], NULL));
  g_assert_true (stored_equal (db, originals[2], originals[2]));
  g_assert_true (stored_equal (db, added, added));
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return fired;
}

static void
run_every_n (const char       *name,
             JournalFaultMode  mode)
{
  guint n;

  make_baseline ();
  journal_fault_vfs_register ();

  for (n = 1; run_case (name, mode, n); n++)
    g_assert_cmpuint (n, <, 1000);

  g_test_message ("%s: a fault at each of %u calls, then one run without", name, n - 1);
  /* The runs went through every commit, not just the first call. */
  g_assert_cmpuint (n, >, 3 * 3);
  free_baseline ();
}

static void
test_io_error_every_call (void)
{
  run_every_n ("io", JOURNAL_FAULT_IO_ONCE);
}

static void
test_disk_full_every_call (void)
{
  run_every_n ("full", JOURNAL_FAULT_DISK_FULL);
}

/* A new journal on a full disk: the person is told, and nothing typed is lost. */
static void
test_disk_full_on_open (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "unknot", "journal.db", NULL);
  g_autoptr(UnknotJournalEntry) entry = journal_test_entry_new (7);
  g_autoptr(UnknotJournalEntry) before = unknot_journal_entry_copy (entry);
  g_autoptr(UnknotJournalEntry) result = NULL;
  g_autoptr(GError) error = NULL;
  const GError *load_error;
  UnknotJournal *journal;

  journal_fault_vfs_register ();
  journal_fault_vfs_arm (JOURNAL_FAULT_DISK_FULL, 1);

  journal = journal_test_open (path, JOURNAL_FAULT_VFS, TRUE);
  load_error = unknot_journal_get_load_error (journal);
  g_assert_error (load_error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (load_error->message, "The disk is full."));
  g_test_message ("%s", load_error->message);
  g_assert_true (unknot_journal_is_read_only (journal));

  result = journal_test_add (journal, entry, &error);
  g_assert_null (result);
  g_assert_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "What you typed is still here"));
  g_assert_nonnull (strstr (error->message, "The disk is full."));
  g_test_message ("%s", error->message);
  g_assert_true (unknot_journal_entry_equal (entry, before));
  journal_test_close (journal);
  journal_fault_vfs_disarm ();
  g_clear_error (&error);

  /* With space again, the journal starts as usual. */
  journal = journal_test_open (path, JOURNAL_FAULT_VFS, TRUE);
  g_assert_no_error (unknot_journal_get_load_error (journal));
  result = journal_test_add (journal, entry, &error);
  g_assert_no_error (error);
  journal_test_close (journal);
}

/* A journal on a file system that cannot be written is read, and never changed. */
static void
test_read_only_file_system (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(UnknotJournalEntry) entry = journal_test_entry_new (7);
  g_autoptr(UnknotJournalEntry) before = unknot_journal_entry_copy (entry);
  g_autoptr(UnknotJournalEntry) result = NULL;
  g_autoptr(GError) error = NULL;
  const GError *load_error;
  UnknotJournal *journal;

  make_baseline ();
  journal_fault_vfs_register ();
  path = case_path ("read-only", 0);
  bytes = journal_test_read_file (path);

  journal_fault_vfs_arm (JOURNAL_FAULT_READ_ONLY, 0);
  journal = journal_test_open (path, JOURNAL_FAULT_VFS, TRUE);
  load_error = unknot_journal_get_load_error (journal);
  g_assert_error (load_error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_READ_ONLY);
  g_test_message ("%s", load_error->message);
  g_assert_true (unknot_journal_is_read_only (journal));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, N_BASE);

  result = journal_test_add (journal, entry, &error);
  g_assert_null (result);
  g_assert_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "What you typed is still here"));
  g_assert_true (unknot_journal_entry_equal (entry, before));
  journal_test_close (journal);
  journal_fault_vfs_disarm ();

  after = journal_test_read_file (path);
  g_assert_true (g_bytes_equal (bytes, after));
  free_baseline ();
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static gboolean
add_many (UnknotJournal  *journal,
          GListModel     *entries,
          guint          *n_added,
          GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  unknot_journal_add_many_async (journal, entries, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return unknot_journal_add_many_finish (journal, result, n_added, error);
}

static GListStore *
numbered_entries (guint first,
                  guint n)
{
  GListStore *store = g_list_store_new (UNKNOT_TYPE_JOURNAL_ENTRY);

  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(UnknotJournalEntry) entry = journal_test_entry_new (i);

      g_list_store_append (store, entry);
    }
  return store;
}

/* The journal's schema (every index and trigger), and how many entries it holds;
 * every region's row has its copy of its entry's time and pain. */
static char *
describe_file (const char *path)
{
  sqlite3 *db = journal_test_sql_open (path);
  g_autofree char *schema = journal_test_sql_text (db,
    "SELECT group_concat (name || ':' || sql, ';') FROM"
    " (SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name)");
  char *text = g_strdup_printf ("%" G_GINT64_FORMAT " entries; %s",
                                journal_test_sql_int (db, "SELECT count(*) FROM entries"),
                                schema);

  g_assert_cmpint (journal_test_sql_int (db,
                                         "SELECT count(*) FROM entry_regions AS r JOIN entries AS e"
                                         " ON e.id = r.entry WHERE r.when_us IS NOT e.when_us"
                                         " OR r.pain_before IS NOT e.pain_before"), ==, 0);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return text;
}

/* An I/O error or a full disk at every write, sync and truncate of adding 50 entries
 * as an import adds many (made to do so from 10 on): afterwards the file holds all 50
 * or none, with the same schema as before (every index and trigger), the list
 * agrees, and adding them again once the disk works adds exactly the missing ones. */
static void
test_add_many_bulk_every_call (void)
{
  const JournalFaultMode modes[] = { JOURNAL_FAULT_IO_ONCE, JOURNAL_FAULT_DISK_FULL };

  journal_fault_vfs_register ();

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      guint n;

      for (n = 1; n < 1000; n++)
        {
          g_autofree char *dir_name = g_strdup_printf ("bulk-%u-%u", m, n);
          g_autofree char *path = g_build_filename (g_get_user_data_dir (), dir_name, "journal.db", NULL);
          g_autoptr(GListStore) base = numbered_entries (0, 2);
          g_autoptr(GListStore) entries = numbered_entries (10, 50);
          g_autoptr(GError) error = NULL;
          g_autofree char *before = NULL;
          g_autofree char *after = NULL;
          UnknotJournal *journal;
          guint n_added = 0;
          gboolean ok, fired, again;
          gint64 rows;

          journal = journal_test_open (path, JOURNAL_FAULT_VFS, FALSE);
          unknot_journal_set_bulk_min_entries (journal, 10);
          g_assert_true (add_many (journal, G_LIST_MODEL (base), NULL, &error));
          g_assert_no_error (error);
          journal_test_wait_idle (journal);
          before = describe_file (path);

          journal_fault_vfs_arm (modes[m], n);
          ok = add_many (journal, G_LIST_MODEL (entries), &n_added, &error);
          fired = journal_fault_vfs_has_fired ();
          journal_fault_vfs_disarm ();

          if (ok)
            g_assert_cmpuint (n_added, ==, 50);
          else
            {
              g_assert_true (fired);
              g_assert_nonnull (error);
              g_assert_nonnull (strstr (error->message, "None of them were added"));
              journal_test_wait_idle (journal);
              after = describe_file (path);
              g_assert_cmpstr (after, ==, before);
            }
          rows = g_list_model_get_n_items (G_LIST_MODEL (journal));
          g_assert_cmpint (rows, ==, ok ? 52 : 2);

          /* Once the disk works, adding them again completes it. */
          g_clear_error (&error);
          again = add_many (journal, G_LIST_MODEL (entries), &n_added, &error);
          g_assert_no_error (error);
          g_assert_true (again);
          g_assert_cmpuint (n_added, ==, ok ? 0 : 50);
          journal_test_close (journal);

          journal_test_assert_intact (path);
          g_clear_pointer (&after, g_free);
          after = describe_file (path);
          g_assert_true (g_str_has_prefix (before, "2 entries; "));
          g_assert_true (g_str_has_prefix (after, "52 entries; "));
          g_assert_cmpstr (strchr (after, ';'), ==, strchr (before, ';'));
          if (!fired)
            break;
        }
      g_test_message ("add_many as an import: mode %u, a fault at each of %u calls, then one run without",
                      m, n - 1);
      g_assert_cmpuint (n, >, 3);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journal-faults/io-error-every-call", test_io_error_every_call);
  g_test_add_func ("/journal-faults/disk-full-every-call", test_disk_full_every_call);
  g_test_add_func ("/journal-faults/disk-full-on-open", test_disk_full_on_open);
  g_test_add_func ("/journal-faults/read-only-file-system", test_read_only_file_system);
  g_test_add_func ("/journal-faults/add-many-bulk-every-call", test_add_many_bulk_every_call);

  return g_test_run ();
}
