/* unknot-journal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pain journal: journal.db under Unknot's user data folder, in SQLite's WAL mode
 * with synchronous=FULL, so that an entry the journal has acknowledged is on the disk
 * and survives a crash or a power cut.
 *
 * Threads. Every write (and opening, backups and checkpoints) runs on one worker
 * thread with its own read-write connection, one job at a time, in the order asked.
 * The main thread has a read-only connection for the lists, which read a page of
 * rows when asked for it. While a write is on the worker, the main connection keeps
 * the file's state from before it (an open read transaction); when the commit comes
 * back, each list finds where the entry was, the connection moves on, each list finds
 * where it is now, and only then is the change announced. So the lists never show a
 * row they have not announced, and the position in items-changed is right. Only one
 * write is out at a time, so the state the main thread moves to is exactly the one
 * after that write.
 *
 * Opening. Before anything is written, the file is read with a read-only connection:
 * its header, its user_version and PRAGMA quick_check. A file that is not a database
 * or fails the check is never written over: it is moved aside with its -wal, as
 * journal.db.damaged-<time>, and the journal opens from the newest backup that passes
 * the same check, or empty. A file from a newer schema is opened read-only and never
 * changed. All of it runs on the worker, so start-up does not wait for it. The quick
 * check reads every page, which for 100,000 entries takes longer than the 150 ms the
 * first rows may take (tests/bench/bench-journal.c measures both), so a long file of
 * the current version is shown as soon as its header and version are read, and
 * checked in full by the worker's next job, before any write; should it fail, the
 * lists move to the backup that replaces it and say so through load-error. A short
 * one (under 4 MiB) is checked before it is shown.
 *
 * Backups. Once a day, after the first write or on opening a journal with entries, the
 * worker copies the journal with SQLite's online backup API into
 * journal-backups/journal-<date>.db beside it, keeping the seven newest.
 */

#define G_LOG_DOMAIN "unknot-journal"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "unknot-journal-private.h"

#define BACKUPS_KEPT 7
#define BACKUP_DIR_NAME "journal-backups"
/* A journal smaller than this (some 10,000 entries) is checked in full before its
 * rows are shown; a larger one just after. */
#define QUICK_CHECK_NOW_BYTES (4 * 1024 * 1024)
/* Checkpoint once the log holds this many pages (SQLite's own default). */
#define CHECKPOINT_FRAMES 1000
/* From how many entries unknot_journal_add_many_async() makes the statistics'
 * indexes again rather than add to them (see worker_add_many()). */
#define BULK_MIN_ENTRIES 1000

typedef enum {
  OP_OPEN,
  OP_VERIFY,
  OP_ADD,
  OP_UPDATE,
  OP_DELETE,
  OP_BACKUP,
  OP_CHECKPOINT,
  OP_ADD_MANY,
  OP_BACK_UP_TO,
  OP_RESTORE,
  OP_CHECK_BACKUP,
} OpKind;

typedef enum {
  STATE_CLOSED,
  STATE_OPENING,
  STATE_OPEN,
} State;

/* The worker's connection, used only on the worker thread. */
typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *begin;
  sqlite3_stmt *commit;
  sqlite3_stmt *rollback;
  sqlite3_stmt *insert_entry;
  sqlite3_stmt *insert_region;
  sqlite3_stmt *insert_quality;
  sqlite3_stmt *insert_flag;
  sqlite3_stmt *update_entry;
  sqlite3_stmt *delete_regions;
  sqlite3_stmt *delete_qualities;
  sqlite3_stmt *delete_flags;
  sqlite3_stmt *delete_entry;
  sqlite3_stmt *select_entry;
  int           wal_frames;
} Worker;

/* One job for the worker. It belongs to the main thread until it is pushed to the
 * worker, and to the worker until it is sent back. */
typedef struct
{
  OpKind              kind;
  UnknotJournal      *journal;
  GTask              *task;
  UnknotJournalEntry *entry;
  char               *id;

  /* What the worker found. */
  UnknotJournalEntry *result;
  GError             *error;
  int                 wal_frames;

  /* OP_OPEN */
  GError             *load_error;
  char               *kept_aside;
  char               *restored_from;
  gboolean            read_only;
  gboolean            readable;
  gboolean            needs_verify;
  gboolean            reopen;
  gboolean            wal;
  char               *backup_day;

  /* OP_ADD_MANY */
  GPtrArray          *entries;
  guint               n_added;

  /* OP_BACK_UP_TO, OP_RESTORE (kept_aside: where the journal it replaced went) */
  GFile              *file;
} Op;

struct _UnknotJournal
{
  GObject               parent_instance;

  char                 *path;
  char                 *folder;
  char                 *vfs_name;
  GStrv                 known_regions;

  GMainContext         *context;
  State                 state;
  GPtrArray            *open_tasks;
  GQueue                queue;
  Op                   *in_flight;
  GThreadPool          *pool;
  Worker               *worker;

  sqlite3              *read_db;
  sqlite3_stmt         *read_begin;
  sqlite3_stmt         *read_pin;
  sqlite3_stmt         *read_end;
  sqlite3_stmt         *lookup_stmt;
  gboolean              pinned;
  gboolean              wal;

  UnknotJournalResults *all;
  GPtrArray            *results;

  GError               *load_error;
  char                 *kept_aside;
  char                 *restored_from;
  gboolean              read_only;

  guint                 bulk_min_entries;
  gboolean              verified;
  gboolean              busy;
  gboolean              backups_enabled;
  gboolean              backup_queued;
  gboolean              checkpoint_queued;
  char                 *backup_day;
};

static void unknot_journal_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UnknotJournal, unknot_journal, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      unknot_journal_list_model_init))

G_DEFINE_QUARK (unknot-journal-error-quark, unknot_journal_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_VFS,
  PROP_KNOWN_REGIONS,
  PROP_LOAD_ERROR,
  PROP_KEPT_ASIDE,
  PROP_READ_ONLY,
  PROP_IS_OPEN,
  PROP_BUSY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void dispatch_next (UnknotJournal *self);

/* ------------------------------------------------------------------------------------
 * Jobs
 */

static Op *
op_new (UnknotJournal *self,
        OpKind         kind,
        GTask         *task)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->journal = g_object_ref (self);
  op->task = task;
  return op;
}

static void
op_free (Op *op)
{
  g_clear_object (&op->task);
  g_clear_object (&op->entry);
  g_free (op->id);
  g_clear_object (&op->result);
  g_clear_error (&op->error);
  g_clear_error (&op->load_error);
  g_free (op->kept_aside);
  g_free (op->restored_from);
  g_free (op->backup_day);
  g_clear_pointer (&op->entries, g_ptr_array_unref);
  g_clear_object (&op->file);
  g_clear_object (&op->journal);
  g_free (op);
}

static gboolean
is_write (OpKind kind)
{
  return kind == OP_ADD || kind == OP_UPDATE || kind == OP_DELETE || kind == OP_ADD_MANY ||
         kind == OP_RESTORE;
}

static UnknotJournalAction
action_for (OpKind kind)
{
  switch (kind)
    {
    case OP_ADD:
      return UNKNOT_JOURNAL_ACTION_ADD;
    case OP_ADD_MANY:
      return UNKNOT_JOURNAL_ACTION_ADD_MANY;
    case OP_UPDATE:
      return UNKNOT_JOURNAL_ACTION_UPDATE;
    case OP_DELETE:
      return UNKNOT_JOURNAL_ACTION_DELETE;
    case OP_OPEN:
    case OP_VERIFY:
    case OP_BACKUP:
    case OP_CHECKPOINT:
    case OP_BACK_UP_TO:
      return UNKNOT_JOURNAL_ACTION_BACK_UP;
    case OP_RESTORE:
    case OP_CHECK_BACKUP:
      return UNKNOT_JOURNAL_ACTION_RESTORE;
    default:
      return UNKNOT_JOURNAL_ACTION_OPEN;
    }
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* ------------------------------------------------------------------------------------
 * The worker thread
 */

static sqlite3 *
open_connection (UnknotJournal  *self,
                 const char     *path,
                 int             flags,
                 int            *rc_out)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_EXRESCODE, self->vfs_name);

  if (rc_out != NULL)
    *rc_out = rc;
  if (rc != SQLITE_OK)
    {
      g_debug ("Could not open %s: %s", path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  return db;
}

/* A read-only connection that has read the file's header. Even to read a WAL file,
 * SQLite makes its -wal and -shm beside it, which a read-only disk does not allow;
 * when there is no -wal, the file holds everything and is read as one that never
 * changes. */
static sqlite3 *
open_reader (UnknotJournal *self,
             const char    *path,
             int           *rc_out)
{
  g_autoptr(sqlite3) db = open_connection (self, path, SQLITE_OPEN_READONLY, rc_out);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  int rc;

  if (db == NULL)
    return NULL;

  rc = sqlite3_exec (db, "PRAGMA schema_version", NULL, NULL, NULL);
  if ((rc & 0xff) == SQLITE_CANTOPEN && !g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
      g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);

      g_debug ("Reading %s as a file that does not change", path);
      g_clear_pointer (&db, sqlite3_close_v2);
      db = open_connection (self, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, rc_out);
      if (db == NULL)
        return NULL;
      rc = sqlite3_exec (db, "PRAGMA schema_version", NULL, NULL, NULL);
    }

  /* Errors other than these are the file's, for the check to report. */
  if ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_PERM)
    {
      if (rc_out != NULL)
        *rc_out = rc;
      return NULL;
    }

  return g_steal_pointer (&db);
}

typedef enum {
  VERDICT_MISSING,
  VERDICT_GOOD,
  VERDICT_DAMAGED,
  VERDICT_NEWER,
  VERDICT_UNREADABLE,
} Verdict;

static Verdict
verdict_for_code (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return VERDICT_DAMAGED;
    default:
      return VERDICT_UNREADABLE;
    }
}

/* Looks at a journal file without writing anything: a read-only connection never
 * checkpoints or changes the file, whatever state it is in. */
static Verdict
check_file (UnknotJournal  *self,
            const char     *path,
            gboolean        full,
            int            *version,
            char          **reason)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char header[16];
  gssize n;
  int fd, rc;

  *version = 0;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return VERDICT_MISSING;
      *reason = g_strdup (g_strerror (saved_errno));
      return VERDICT_UNREADABLE;
    }
  n = read (fd, header, sizeof header);
  if (n < 0)
    *reason = g_strdup (g_strerror (errno));
  close (fd);
  if (n < 0)
    return VERDICT_UNREADABLE;

  /* An empty file is an empty database to SQLite; anything else needs the header. */
  if (n > 0 && (n < (gssize) sizeof header || memcmp (header, magic, sizeof magic) != 0))
    {
      *reason = g_strdup ("not a database");
      return VERDICT_DAMAGED;
    }

  db = open_reader (self, path, &rc);
  if (db == NULL)
    {
      *reason = g_strdup (sqlite3_errstr (rc));
      return verdict_for_code (rc);
    }

  if (full)
    {
      rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          *reason = g_strdup (sqlite3_errmsg (db));
          return verdict_for_code (rc);
        }
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        {
          *reason = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          return VERDICT_DAMAGED;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  if (!unknot_journal_db_get_version (db, version, NULL))
    {
      *reason = g_strdup (sqlite3_errmsg (db));
      return verdict_for_code (sqlite3_errcode (db));
    }
  if (*version > UNKNOT_JOURNAL_SCHEMA_VERSION)
    return VERDICT_NEWER;

  /* A database without a schema version is new only if it is empty; otherwise it is
   * some other program's file, which must not be changed either. */
  if (*version == 0)
    {
      rc = sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          *reason = g_strdup (sqlite3_errmsg (db));
          return verdict_for_code (rc);
        }
      if (sqlite3_column_int (stmt, 0) > 0)
        {
          *reason = g_strdup ("not a journal");
          return VERDICT_DAMAGED;
        }
    }

  return VERDICT_GOOD;
}

/* Moves a damaged journal and its log out of the way, keeping every byte; SQLite
 * finds them again by the same names if someone opens the kept copy. The -shm index
 * holds nothing of its own and is removed, so it cannot meet a new file. */
static char *
keep_aside (const char  *path,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  for (guint n = 0; n < 100; n++)
    {
      g_autofree char *candidate = n == 0
        ? g_strdup_printf ("%s.damaged-%s", path, stamp)
        : g_strdup_printf ("%s.damaged-%s-%u", path, stamp, n);
      g_autofree char *candidate_wal = g_strconcat (candidate, "-wal", NULL);

      if (g_file_test (candidate, G_FILE_TEST_EXISTS) ||
          g_file_test (candidate_wal, G_FILE_TEST_EXISTS))
        continue;

      if (g_rename (path, candidate) != 0)
        {
          int saved_errno = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return NULL;
        }

      /* A log must never meet a new file of the same name: it would be replayed into
       * it. If it cannot go with its file, both stay where they were. */
      if (g_file_test (wal, G_FILE_TEST_EXISTS) && g_rename (wal, candidate_wal) != 0)
        {
          int saved_errno = errno;

          g_rename (candidate, path);
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return NULL;
        }

      g_unlink (shm);
      return g_steal_pointer (&candidate);
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "too many damaged files");
  return NULL;
}

static gboolean
is_backup_name (const char *name)
{
  /* journal-YYYY-MM-DD.db */
  static const char pattern[] = "journal-0000-00-00.db";

  if (strlen (name) != strlen (pattern))
    return FALSE;
  for (guint i = 0; pattern[i] != '\0'; i++)
    {
      if (pattern[i] == '0' ? !g_ascii_isdigit (name[i]) : name[i] != pattern[i])
        return FALSE;
    }
  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return -g_strcmp0 (a, b);
}

/* The backups, newest first (their names sort by date). */
static GPtrArray *
list_backups (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      if (is_backup_name (name))
        g_ptr_array_add (names, g_build_filename (dir, name, NULL));
    }

  g_ptr_array_sort_values (names, compare_newest_first);

  return g_steal_pointer (&names);
}

static char *
backup_day (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);

  return g_strndup (name + strlen ("journal-"), strlen ("0000-00-00"));
}

static void
prune_backups (const char *dir)
{
  g_autoptr(GPtrArray) backups = list_backups (dir);

  for (guint i = BACKUPS_KEPT; i < backups->len; i++)
    {
      const char *path = g_ptr_array_index (backups, i);

      g_debug ("Removing old backup %s", path);
      g_unlink (path);
    }
}

/* Copies @src into @dest_path with the online backup API, then makes the copy an
 * ordinary rollback-journal file that needs no -wal or -shm beside it. */
static int
copy_database (UnknotJournal *self,
               sqlite3       *src,
               const char    *dest_path)
{
  g_autoptr(sqlite3) dest = NULL;
  sqlite3_backup *backup;
  int rc;

  dest = open_connection (self, dest_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &rc);
  if (dest == NULL)
    return rc;

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    return sqlite3_errcode (dest);

  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    return rc;

  rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return rc;

  rc = sqlite3_close (dest);
  if (rc == SQLITE_OK)
    dest = NULL;

  return rc;
}

/* Returns: (nullable): the backup the journal was restored from */
static char *
restore_newest_backup (UnknotJournal *self)
{
  g_autofree char *dir = g_build_filename (self->folder, BACKUP_DIR_NAME, NULL);
  g_autoptr(GPtrArray) backups = list_backups (dir);

  for (guint i = 0; i < backups->len; i++)
    {
      const char *backup = g_ptr_array_index (backups, i);
      g_autoptr(sqlite3) src = NULL;
      g_autofree char *reason = NULL;
      int version, rc;

      if (check_file (self, backup, TRUE, &version, &reason) != VERDICT_GOOD)
        {
          g_debug ("Backup %s cannot be used: %s", backup, reason);
          continue;
        }

      src = open_reader (self, backup, NULL);
      if (src == NULL)
        continue;

      rc = copy_database (self, src, self->path);
      if (rc == SQLITE_OK)
        return g_strdup (backup);

      g_debug ("Could not restore %s: %s", backup, sqlite3_errstr (rc));
      g_unlink (self->path);
    }

  return NULL;
}

static int
on_wal_commit (void       *data,
               sqlite3    *db,
               const char *name,
               int         n_frames)
{
  Worker *worker = data;

  worker->wal_frames = n_frames;
  return SQLITE_OK;
}

static void
worker_free (Worker *worker)
{
  sqlite3_stmt **stmts[] = {
    &worker->begin, &worker->commit, &worker->rollback, &worker->insert_entry,
    &worker->insert_region, &worker->insert_quality, &worker->insert_flag,
    &worker->update_entry, &worker->delete_regions, &worker->delete_qualities,
    &worker->delete_flags, &worker->delete_entry, &worker->select_entry,
  };

  for (guint i = 0; i < G_N_ELEMENTS (stmts); i++)
    g_clear_pointer (stmts[i], sqlite3_finalize);

  /* The last connection to close checkpoints the log into the file and removes it. */
  sqlite3_close_v2 (worker->db);
  g_free (worker);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Worker, worker_free)

static gboolean
prepare_worker (Worker  *worker,
                GError **error)
{
  sqlite3 *db = worker->db;

  return unknot_journal_db_prepare (db, "BEGIN IMMEDIATE", &worker->begin, error) &&
         unknot_journal_db_prepare (db, "COMMIT", &worker->commit, error) &&
         unknot_journal_db_prepare (db, "ROLLBACK", &worker->rollback, error) &&
         unknot_journal_db_prepare (db,
           "INSERT INTO entries (uuid, when_us, when_offset, pain_before, pain_after,"
           " technique, tool, seconds, occasion, notes, created_us, modified_us)"
           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
           &worker->insert_entry, error) &&
         unknot_journal_db_prepare (db,
           "INSERT INTO entry_regions (entry, position, region, when_us, pain_before)"
           " VALUES (?1, ?2, ?3, ?4, ?5)",
           &worker->insert_region, error) &&
         unknot_journal_db_prepare (db,
           "INSERT INTO entry_qualities (entry, position, quality) VALUES (?1, ?2, ?3)",
           &worker->insert_quality, error) &&
         unknot_journal_db_prepare (db,
           "INSERT INTO entry_red_flags (entry, position, flag) VALUES (?1, ?2, ?3)",
           &worker->insert_flag, error) &&
         unknot_journal_db_prepare (db,
           "UPDATE entries SET when_us = ?2, when_offset = ?3, pain_before = ?4,"
           " pain_after = ?5, technique = ?6, tool = ?7, seconds = ?8, occasion = ?9,"
           " notes = ?10, modified_us = ?12 WHERE id = ?1",
           &worker->update_entry, error) &&
         unknot_journal_db_prepare (db, "DELETE FROM entry_regions WHERE entry = ?1",
                                    &worker->delete_regions, error) &&
         unknot_journal_db_prepare (db, "DELETE FROM entry_qualities WHERE entry = ?1",
                                    &worker->delete_qualities, error) &&
         unknot_journal_db_prepare (db, "DELETE FROM entry_red_flags WHERE entry = ?1",
                                    &worker->delete_flags, error) &&
         unknot_journal_db_prepare (db, "DELETE FROM entries WHERE id = ?1",
                                    &worker->delete_entry, error) &&
         unknot_journal_db_prepare (db,
           "SELECT " UNKNOT_JOURNAL_ENTRY_COLUMNS " FROM entries AS e WHERE e.uuid = ?1",
           &worker->select_entry, error);
}

/* Runs one statement that returns no rows, and makes it ready for the next use. */
static int
step_done (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static int
pragma (sqlite3    *db,
        const char *sql,
        char      **value)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && value != NULL)
    *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Opens the worker's read-write connection on a file that passed the checks. */
static Worker *
open_worker (UnknotJournal  *self,
             gboolean       *wal,
             GError        **error)
{
  g_autoptr(Worker) worker = g_new0 (Worker, 1);
  g_autofree char *mode = NULL;
  int rc;

  worker->db = open_connection (self, self->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &rc);
  if (worker->db == NULL)
    {
      unknot_journal_db_set_error (error, NULL, rc, UNKNOT_JOURNAL_ACTION_OPEN, self->folder);
      return NULL;
    }

  rc = sqlite3_busy_timeout (worker->db, 5000);
  if (rc == SQLITE_OK)
    rc = pragma (worker->db, "PRAGMA journal_mode = WAL", &mode);
  if (rc == SQLITE_OK)
    rc = pragma (worker->db, "PRAGMA synchronous = FULL", NULL);
  if (rc == SQLITE_OK)
    rc = pragma (worker->db, "PRAGMA foreign_keys = ON", NULL);
  if (rc == SQLITE_OK)
    rc = pragma (worker->db, "PRAGMA journal_size_limit = 4194304", NULL);
  if (rc != SQLITE_OK)
    {
      unknot_journal_db_set_error (error, worker->db, rc, UNKNOT_JOURNAL_ACTION_OPEN, self->folder);
      return NULL;
    }

  /* Without WAL (a file system without shared memory), readers would block the
   * writer, so the main thread must not hold its read transaction open. */
  *wal = g_strcmp0 (mode, "wal") == 0;
  if (!*wal)
    g_debug ("The journal is in %s mode, not WAL", mode);

  if (!unknot_journal_db_migrate (worker->db, self->folder, error) ||
      !prepare_worker (worker, error))
    return NULL;

  /* Checkpoints happen as jobs of their own, when the main thread reads nothing. */
  sqlite3_wal_hook (worker->db, on_wal_commit, worker);

  return g_steal_pointer (&worker);
}

/* Sets a damaged journal aside and puts the newest good backup (or nothing) in its
 * place. Returns: whether a new journal can be made where it was */
static gboolean
replace_damaged (UnknotJournal *self,
                 Op            *op,
                 const char    *reason)
{
  g_autoptr(GError) error = NULL;

  g_debug ("%s is damaged: %s", self->path, reason);
  op->kept_aside = keep_aside (self->path, &error);
  if (op->kept_aside == NULL)
    {
      op->read_only = TRUE;
      op->readable = FALSE;
      g_set_error (&op->load_error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_DAMAGED,
                   _("Your journal “%s” is damaged, and Unknot could not move it aside (%s). "
                     "It was left untouched, and nothing will be saved over it. Move the file "
                     "somewhere safe, then start Unknot again."),
                   self->path, error->message);
      return FALSE;
    }

  op->restored_from = restore_newest_backup (self);
  if (op->restored_from != NULL)
    {
      g_autofree char *day = backup_day (op->restored_from);
      g_autofree char *iso = g_strconcat (day, "T12:00:00", NULL);
      g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
      g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (iso, zone);
      g_autofree char *shown = date ? g_date_time_format (date, "%x") : g_strdup (day);

      g_set_error (&op->load_error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_DAMAGED,
                   _("Your journal was damaged, so Unknot set it aside as “%s” and opened "
                     "your newest backup, from %s. Entries logged after that day are not "
                     "shown; keep the file set aside, as they may still be recovered from "
                     "it. You can go on logging as usual."),
                   op->kept_aside, shown);
    }
  else
    {
      g_set_error (&op->load_error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_DAMAGED,
                   _("Your journal was damaged, so Unknot set it aside as “%s” and started "
                     "a new, empty journal, as there was no backup to open. Keep the file "
                     "set aside, as your entries may still be recovered from it. You can go "
                     "on logging as usual."),
                   op->kept_aside);
    }

  return TRUE;
}

/* The file passed its checks (or is new): the worker's own connection, which may
 * write from now on. */
static void
start_writing (UnknotJournal *self,
               Op            *op,
               gboolean       was_readable)
{
  g_autofree char *backup_dir = g_build_filename (self->folder, BACKUP_DIR_NAME, NULL);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;

  self->worker = open_worker (self, &op->wal, &error);
  if (self->worker == NULL)
    {
      /* A file that was read fine but cannot be written is still shown. */
      op->read_only = TRUE;
      op->readable = was_readable;
      if (error->domain == UNKNOT_JOURNAL_ERROR && error->code == UNKNOT_JOURNAL_ERROR_READ_ONLY)
        {
          g_clear_error (&op->load_error);
          g_set_error (&op->load_error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_READ_ONLY,
                       _("The folder “%s” where your journal is kept cannot be written to, so new "
                         "entries cannot be saved. Your journal was left as it was. Check that "
                         "the disk is not read-only and that you may write to the folder, then "
                         "start Unknot again."),
                       self->folder);
        }
      else if (op->load_error == NULL)
        op->load_error = g_steal_pointer (&error);
      return;
    }

  op->readable = TRUE;

  backups = list_backups (backup_dir);
  if (backups->len > 0)
    op->backup_day = backup_day (g_ptr_array_index (backups, 0));
  prune_backups (backup_dir);
}

/* The file and its log, which the check reads all of. */
static goffset
journal_size (UnknotJournal *self)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  GStatBuf st;
  goffset size = 0;

  if (g_stat (self->path, &st) == 0)
    size += st.st_size;
  if (g_stat (wal, &st) == 0)
    size += st.st_size;
  return size;
}

/* Opening does the cheap checks only (the header, the schema version), so that the
 * lists can show a long journal of the current version at once; PRAGMA quick_check,
 * which reads every page (about 0.1 s for 100,000 entries), runs next, in
 * worker_verify (), before anything is written. A short journal is checked in full
 * here, which is quicker than a second job; so is an older one, which is migrated
 * (written) before it can be read. */
static void
worker_open (UnknotJournal *self,
             Op            *op)
{
  g_autofree char *reason = NULL;
  gboolean full_check_done = FALSE;
  Verdict verdict;
  int version;

  if (g_mkdir_with_parents (self->folder, 0700) != 0)
    {
      int saved_errno = errno;

      op->read_only = TRUE;
      g_set_error (&op->load_error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_READ_ONLY,
                   _("Unknot could not make the folder “%s” for your journal (%s), so new "
                     "entries cannot be saved. Check that the disk is not full or read-only, "
                     "then start Unknot again."),
                   self->folder, g_strerror (saved_errno));
      return;
    }

  verdict = check_file (self, self->path, FALSE, &version, &reason);
  if (verdict == VERDICT_GOOD &&
      (version < UNKNOT_JOURNAL_SCHEMA_VERSION || journal_size (self) < QUICK_CHECK_NOW_BYTES))
    {
      g_clear_pointer (&reason, g_free);
      verdict = check_file (self, self->path, TRUE, &version, &reason);
      full_check_done = TRUE;
    }

  switch (verdict)
    {
    case VERDICT_UNREADABLE:
      op->read_only = TRUE;
      g_set_error (&op->load_error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_IO,
                   _("Your journal “%s” could not be read (%s). It was left untouched, and "
                     "nothing will be saved over it. Check that the disk is connected and "
                     "working, then start Unknot again."),
                   self->path, reason);
      return;

    case VERDICT_NEWER:
      op->read_only = TRUE;
      op->readable = TRUE;
      g_set_error (&op->load_error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_NEWER,
                   _("Your journal was saved by a newer version of Unknot. So that nothing in "
                     "it is lost, this version only reads it and saves no new entries. Update "
                     "Unknot to go on logging."));
      return;

    case VERDICT_DAMAGED:
      if (replace_damaged (self, op, reason))
        start_writing (self, op, FALSE);
      return;

    case VERDICT_GOOD:
      if (!full_check_done)
        {
          op->readable = TRUE;
          op->needs_verify = TRUE;
          return;
        }
      start_writing (self, op, version == UNKNOT_JOURNAL_SCHEMA_VERSION);
      return;

    case VERDICT_MISSING:
    default:
      start_writing (self, op, FALSE);
      return;
    }
}

/* The full check of a journal the lists already show. A damaged one is set aside and
 * replaced as on opening; the main thread then reads the new file. */
static void
worker_verify (UnknotJournal *self,
               Op            *op)
{
  g_autofree char *reason = NULL;
  Verdict verdict;
  int version;

  verdict = check_file (self, self->path, TRUE, &version, &reason);
  switch (verdict)
    {
    case VERDICT_GOOD:
      op->readable = TRUE;
      start_writing (self, op, TRUE);
      return;

    case VERDICT_DAMAGED:
      op->reopen = TRUE;
      if (replace_damaged (self, op, reason))
        start_writing (self, op, FALSE);
      return;

    case VERDICT_MISSING:
    case VERDICT_NEWER:
    case VERDICT_UNREADABLE:
    default:
      /* Changed under us since it was opened: leave it alone. */
      op->read_only = TRUE;
      op->readable = TRUE;
      g_set_error (&op->load_error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_IO,
                   _("Your journal “%s” could not be read (%s). It was left untouched, and "
                     "nothing will be saved over it. Check that the disk is connected and "
                     "working, then start Unknot again."),
                   self->path, reason ? reason : "changed while open");
      return;
    }
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

/* Parameters ?2 to ?10 of the insert and the update. */
static void
bind_values (sqlite3_stmt       *stmt,
             UnknotJournalEntry *entry)
{
  GDateTime *when = unknot_journal_entry_get_when (entry);
  int pain_after = unknot_journal_entry_get_pain_after (entry);

  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix_usec (when));
  sqlite3_bind_int (stmt, 3, (int) (g_date_time_get_utc_offset (when) / G_TIME_SPAN_SECOND));
  sqlite3_bind_int (stmt, 4, unknot_journal_entry_get_pain_before (entry));
  if (pain_after == UNKNOT_JOURNAL_PAIN_UNSET)
    sqlite3_bind_null (stmt, 5);
  else
    sqlite3_bind_int (stmt, 5, pain_after);
  bind_text_or_null (stmt, 6, unknot_journal_entry_get_technique_id (entry));
  bind_text_or_null (stmt, 7, unknot_journal_entry_get_tool_id (entry));
  sqlite3_bind_int64 (stmt, 8, unknot_journal_entry_get_seconds (entry));
  bind_text_or_null (stmt, 9, unknot_journal_entry_get_occasion (entry));
  sqlite3_bind_text (stmt, 10, unknot_journal_entry_get_notes (entry), -1, SQLITE_STATIC);
}

/* The regions' rows are given their copy of the entry's time and pain before, as
 * the trigger entry_regions_copy would set them: an import drops the trigger while
 * it adds its rows (see worker_add_many()). */
static int
insert_list (sqlite3_stmt       *stmt,
             gint64              rowid,
             const char * const *ids,
             UnknotJournalEntry *copy_from)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, rowid);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, ids[i], -1, SQLITE_STATIC);
      if (copy_from != NULL)
        {
          sqlite3_bind_int64 (stmt, 4, g_date_time_to_unix_usec (unknot_journal_entry_get_when (copy_from)));
          sqlite3_bind_int (stmt, 5, unknot_journal_entry_get_pain_before (copy_from));
        }
      rc = step_done (stmt);
      if (rc != SQLITE_OK)
        return rc;
    }
  return SQLITE_OK;
}

static int
delete_lists (Worker *worker,
              gint64  rowid)
{
  sqlite3_stmt *stmts[] = { worker->delete_regions, worker->delete_qualities, worker->delete_flags };

  for (guint i = 0; i < G_N_ELEMENTS (stmts); i++)
    {
      int rc;

      sqlite3_bind_int64 (stmts[i], 1, rowid);
      rc = step_done (stmts[i]);
      if (rc != SQLITE_OK)
        return rc;
    }
  return SQLITE_OK;
}

static int
insert_lists (Worker             *worker,
              gint64              rowid,
              UnknotJournalEntry *entry)
{
  int rc = insert_list (worker->insert_region, rowid, unknot_journal_entry_get_regions (entry), entry);

  if (rc == SQLITE_OK)
    rc = insert_list (worker->insert_quality, rowid, unknot_journal_entry_get_qualities (entry), NULL);
  if (rc == SQLITE_OK)
    rc = insert_list (worker->insert_flag, rowid, unknot_journal_entry_get_red_flags (entry), NULL);
  return rc;
}

/* Reads the entry with this id inside the write transaction. */
static int
select_entry (Worker              *worker,
              const char          *id,
              gint64              *rowid,
              UnknotJournalEntry **entry)
{
  int rc;

  sqlite3_bind_text (worker->select_entry, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (worker->select_entry);
  if (rc == SQLITE_ROW)
    {
      *rowid = sqlite3_column_int64 (worker->select_entry, 0);
      *entry = unknot_journal_db_read_entry (worker->select_entry, 0);
    }
  sqlite3_reset (worker->select_entry);
  sqlite3_clear_bindings (worker->select_entry);

  return rc;
}

static GDateTime *
local_time (gint64 usec)
{
  return g_date_time_new_from_unix_local_usec (usec);
}

static void
rollback (Worker *worker)
{
  if (!sqlite3_get_autocommit (worker->db))
    step_done (worker->rollback);
}

/* Each write below is one transaction: BEGIN IMMEDIATE, the rows, COMMIT. On any
 * failure the transaction is rolled back and the message says what was kept. */
static UnknotJournalEntry *
worker_add (UnknotJournal       *self,
            UnknotJournalEntry  *entry,
            GError             **error)
{
  Worker *worker = self->worker;
  GDateTime *created = unknot_journal_entry_get_created (entry);
  GDateTime *modified = unknot_journal_entry_get_modified (entry);
  gint64 now = g_get_real_time ();
  /* An entry put back after its deletion was undone keeps its own times. */
  gint64 created_us = created ? g_date_time_to_unix_usec (created) : now;
  gint64 modified_us = modified ? g_date_time_to_unix_usec (modified) : now;
  g_autoptr(UnknotJournalEntry) result = NULL;
  g_autoptr(GDateTime) created_time = NULL;
  g_autoptr(GDateTime) modified_time = NULL;
  int rc;

  rc = step_done (worker->begin);
  if (rc != SQLITE_OK)
    goto failed;

  sqlite3_bind_text (worker->insert_entry, 1, unknot_journal_entry_get_id (entry), -1, SQLITE_STATIC);
  bind_values (worker->insert_entry, entry);
  sqlite3_bind_int64 (worker->insert_entry, 11, created_us);
  sqlite3_bind_int64 (worker->insert_entry, 12, modified_us);
  rc = step_done (worker->insert_entry);
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      rollback (worker);
      g_set_error_literal (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_EXISTS,
                           _("This entry is already in your journal."));
      return NULL;
    }
  if (rc != SQLITE_OK)
    goto failed;

  rc = insert_lists (worker, sqlite3_last_insert_rowid (worker->db), entry);
  if (rc != SQLITE_OK)
    goto failed;

  rc = step_done (worker->commit);
  if (rc != SQLITE_OK)
    goto failed;

  result = unknot_journal_entry_copy (entry);
  created_time = local_time (created_us);
  modified_time = local_time (modified_us);
  unknot_journal_entry_set_saved_times (result, created_time, modified_time);
  return g_steal_pointer (&result);

failed:
  unknot_journal_db_set_error (error, worker->db, rc, UNKNOT_JOURNAL_ACTION_ADD, self->folder);
  rollback (worker);
  return NULL;
}

static void
set_not_found (GError **error,
               OpKind   kind)
{
  if (kind == OP_UPDATE)
    g_set_error_literal (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_NOT_FOUND,
                         _("Your changes could not be saved, because this entry is no longer in "
                           "your journal. What you typed is still here: save it as a new entry "
                           "instead."));
  else
    g_set_error_literal (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_NOT_FOUND,
                         _("This entry is no longer in your journal."));
}

static UnknotJournalEntry *
worker_update (UnknotJournal       *self,
               UnknotJournalEntry  *entry,
               GError             **error)
{
  Worker *worker = self->worker;
  g_autoptr(UnknotJournalEntry) stored = NULL;
  g_autoptr(UnknotJournalEntry) result = NULL;
  g_autoptr(GDateTime) modified_time = NULL;
  gint64 now = g_get_real_time ();
  gint64 rowid = 0;
  int rc;

  rc = step_done (worker->begin);
  if (rc != SQLITE_OK)
    goto failed;

  rc = select_entry (worker, unknot_journal_entry_get_id (entry), &rowid, &stored);
  if (rc == SQLITE_DONE)
    {
      rollback (worker);
      set_not_found (error, OP_UPDATE);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    goto failed;

  sqlite3_bind_int64 (worker->update_entry, 1, rowid);
  bind_values (worker->update_entry, entry);
  sqlite3_bind_int64 (worker->update_entry, 12, now);
  rc = step_done (worker->update_entry);
  if (rc == SQLITE_OK)
    rc = delete_lists (worker, rowid);
  if (rc == SQLITE_OK)
    rc = insert_lists (worker, rowid, entry);
  if (rc == SQLITE_OK)
    rc = step_done (worker->commit);
  if (rc != SQLITE_OK)
    goto failed;

  result = unknot_journal_entry_copy (entry);
  modified_time = local_time (now);
  unknot_journal_entry_set_saved_times (result, unknot_journal_entry_get_created (stored),
                                        modified_time);
  return g_steal_pointer (&result);

failed:
  unknot_journal_db_set_error (error, worker->db, rc, UNKNOT_JOURNAL_ACTION_UPDATE, self->folder);
  rollback (worker);
  return NULL;
}

static UnknotJournalEntry *
worker_delete (UnknotJournal  *self,
               const char     *id,
               GError        **error)
{
  Worker *worker = self->worker;
  g_autoptr(UnknotJournalEntry) stored = NULL;
  gint64 rowid = 0;
  int rc;

  rc = step_done (worker->begin);
  if (rc != SQLITE_OK)
    goto failed;

  rc = select_entry (worker, id, &rowid, &stored);
  if (rc == SQLITE_DONE)
    {
      rollback (worker);
      set_not_found (error, OP_DELETE);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    goto failed;

  rc = delete_lists (worker, rowid);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (worker->delete_entry, 1, rowid);
      rc = step_done (worker->delete_entry);
    }
  if (rc == SQLITE_OK)
    rc = step_done (worker->commit);
  if (rc != SQLITE_OK)
    goto failed;

  /* What was deleted, so it can be put back as it was. */
  return g_steal_pointer (&stored);

failed:
  unknot_journal_db_set_error (error, worker->db, rc, UNKNOT_JOURNAL_ACTION_DELETE, self->folder);
  rollback (worker);
  return NULL;
}

/* Returns: (nullable): the day of the backup now on disk */
static char *
worker_backup (UnknotJournal *self)
{
  g_autofree char *dir = g_build_filename (self->folder, BACKUP_DIR_NAME, NULL);
  g_autofree char *day = today ();
  g_autofree char *name = g_strdup_printf ("journal-%s.db", day);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  int rc;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&day);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_debug ("Could not make %s: %s", dir, g_strerror (errno));
      return NULL;
    }

  /* Written under another name and renamed, so a backup is never half a file. */
  g_unlink (partial);
  rc = copy_database (self, self->worker->db, partial);
  if (rc != SQLITE_OK || g_rename (partial, path) != 0)
    {
      g_debug ("Could not back up the journal to %s: %s", path,
               rc != SQLITE_OK ? sqlite3_errstr (rc) : g_strerror (errno));
      g_unlink (partial);
      return NULL;
    }

  prune_backups (dir);
  return g_steal_pointer (&day);
}

static void
worker_checkpoint (UnknotJournal *self)
{
  int log_frames = 0, done_frames = 0;
  int rc = sqlite3_wal_checkpoint_v2 (self->worker->db, NULL, SQLITE_CHECKPOINT_PASSIVE,
                                      &log_frames, &done_frames);

  if (rc != SQLITE_OK)
    g_debug ("Checkpoint failed: %s", sqlite3_errmsg (self->worker->db));
  self->worker->wal_frames = 0;
}

/* The statistics' indexes on entries and entry_regions (every index made by a
 * CREATE INDEX: not the ids' and the primary keys') and the trigger that copies an
 * entry's time and pain to its regions: dropped, in the transaction, with the SQL
 * that makes each of them again in @saved, in the schema's order. */
static int
drop_for_bulk (sqlite3   *db,
               GPtrArray *saved)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (sqlite3_free);
  int rc;

  rc = sqlite3_prepare_v2 (db,
    "SELECT type, name, sql FROM sqlite_schema"
    " WHERE (type = 'index' AND sql IS NOT NULL AND tbl_name IN ('entries', 'entry_regions'))"
    " OR (type = 'trigger' AND name = 'entry_regions_copy')",
    -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (saved, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      g_ptr_array_add (drops, sqlite3_mprintf ("DROP %s \"%w\"",
                                               (const char *) sqlite3_column_text (stmt, 0),
                                               (const char *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    return rc;
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < drops->len; i++)
    {
      rc = sqlite3_exec (db, g_ptr_array_index (drops, i), NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        return rc;
    }
  return SQLITE_OK;
}

static int
create_after_bulk (sqlite3   *db,
                   GPtrArray *saved)
{
  for (guint i = 0; i < saved->len; i++)
    {
      int rc = sqlite3_exec (db, g_ptr_array_index (saved, i), NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        return rc;
    }
  return SQLITE_OK;
}

static int
count_entries (sqlite3 *db,
               gint64  *n)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT count(*) FROM entries", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rc;
  *n = sqlite3_column_int64 (stmt, 0);
  return SQLITE_OK;
}

/* A large import's list rows (a region, a kind of pain or a warning sign of one
 * entry) wait in a List, to go to the file LIST_BATCH at a time, in one INSERT of
 * many rows: a statement run for each row costs more than the row. */
#define LIST_BATCH 64

typedef struct
{
  gint64      entry;
  int         position;
  const char *id;
  gint64      when_us;
  int         pain_before;
} ListRow;

typedef struct
{
  sqlite3_stmt *batch;    /* LIST_BATCH rows */
  sqlite3_stmt *single;   /* the worker's own, one row */
  gboolean      copy;     /* the regions': with their entry's time and pain */
  GArray       *rows;     /* ListRow */
} List;

static int
list_init (List         *list,
           sqlite3      *db,
           const char   *table,
           const char   *column,
           gboolean      copy,
           sqlite3_stmt *single)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (entry, position, %s%s) VALUES ",
                          table, column, copy ? ", when_us, pain_before" : "");
  for (guint i = 0; i < LIST_BATCH; i++)
    g_string_append_printf (sql, "%s(?, ?, ?%s)", i == 0 ? "" : ", ", copy ? ", ?, ?" : "");

  list->single = single;
  list->copy = copy;
  list->rows = g_array_sized_new (FALSE, FALSE, sizeof (ListRow), LIST_BATCH);
  return sqlite3_prepare_v2 (db, sql->str, -1, &list->batch, NULL);
}

static void
list_clear (List *list)
{
  g_clear_pointer (&list->batch, sqlite3_finalize);
  g_clear_pointer (&list->rows, g_array_unref);
}

static void
list_bind (sqlite3_stmt  *stmt,
           int            first,
           gboolean       copy,
           const ListRow *row)
{
  sqlite3_bind_int64 (stmt, first, row->entry);
  sqlite3_bind_int (stmt, first + 1, row->position);
  sqlite3_bind_text (stmt, first + 2, row->id, -1, SQLITE_STATIC);
  if (copy)
    {
      sqlite3_bind_int64 (stmt, first + 3, row->when_us);
      sqlite3_bind_int (stmt, first + 4, row->pain_before);
    }
}

/* Writes the rows that fill a batch; with @all, the rest too, one by one. */
static int
list_flush (List     *list,
            gboolean  all)
{
  int n_columns = list->copy ? 5 : 3;
  guint done = 0;
  int rc = SQLITE_OK;

  for (; rc == SQLITE_OK && list->rows->len - done >= LIST_BATCH; done += LIST_BATCH)
    {
      for (guint i = 0; i < LIST_BATCH; i++)
        list_bind (list->batch, 1 + (int) i * n_columns, list->copy,
                   &g_array_index (list->rows, ListRow, done + i));
      rc = step_done (list->batch);
    }
  for (; rc == SQLITE_OK && all && done < list->rows->len; done++)
    {
      list_bind (list->single, 1, list->copy, &g_array_index (list->rows, ListRow, done));
      rc = step_done (list->single);
    }

  g_array_remove_range (list->rows, 0, done);
  return rc;
}

static int
list_add (List               *list,
          gint64              rowid,
          const char * const *ids,
          UnknotJournalEntry *entry)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      ListRow row = { rowid, (int) i, ids[i], 0, 0 };

      if (list->copy)
        {
          row.when_us = g_date_time_to_unix_usec (unknot_journal_entry_get_when (entry));
          row.pain_before = unknot_journal_entry_get_pain_before (entry);
        }
      g_array_append_val (list->rows, row);
    }
  return list->rows->len >= LIST_BATCH ? list_flush (list, FALSE) : SQLITE_OK;
}

/* All the entries in one transaction: afterwards either every one of them is in the
 * file, or none is. An entry whose id is there already is left as it is (it was
 * added since the caller looked), and not counted.
 *
 * Many entries at once (an import into a journal that holds no more than twice as
 * many) go in faster without the statistics' indexes: each row would go to seven
 * B-trees in an order none of them is sorted by, and the trigger would write each
 * region's row twice. So the indexes and the trigger are dropped, the rows added
 * (the regions' with their copy of time and pain), and the same indexes made again
 * from the same SQL, sorted once, and the trigger with them, all before the one
 * COMMIT: a failure anywhere rolls the schema back too, and the file comes out as
 * if the entries had been added one at a time. */
static guint
worker_add_many (UnknotJournal  *self,
                 GPtrArray      *entries,
                 GError        **error)
{
  Worker *worker = self->worker;
  gint64 now = g_get_real_time ();
  g_autoptr(GPtrArray) saved = NULL;
  List lists[3] = { { NULL, }, };
  guint n_added = 0;
  int rc;

  /* A long import touches every page of the indexes, the ids' most of all (they are
   * random): with SQLite's default 2 MB of cache it would read and write the same
   * pages over and over. 64 MB while it lasts. */
  if (entries->len > 1000)
    pragma (worker->db, "PRAGMA cache_size = -65536", NULL);
  /* Every list row added names the entry added just before it: there is nothing for
   * the foreign keys to check, and looking each entry up again costs a tenth of the
   * time. (The setting only changes outside a transaction.) */
  if (entries->len >= self->bulk_min_entries)
    pragma (worker->db, "PRAGMA foreign_keys = OFF", NULL);

  rc = step_done (worker->begin);
  if (rc != SQLITE_OK)
    goto failed;

  if (entries->len >= self->bulk_min_entries)
    {
      gint64 n_entries = 0;

      rc = count_entries (worker->db, &n_entries);
      if (rc != SQLITE_OK)
        goto failed;
      if (n_entries <= 2 * (gint64) entries->len)
        {
          saved = g_ptr_array_new_with_free_func (g_free);
          rc = drop_for_bulk (worker->db, saved);
          if (rc == SQLITE_OK)
            rc = list_init (&lists[0], worker->db, "entry_regions", "region", TRUE, worker->insert_region);
          if (rc == SQLITE_OK)
            rc = list_init (&lists[1], worker->db, "entry_qualities", "quality", FALSE, worker->insert_quality);
          if (rc == SQLITE_OK)
            rc = list_init (&lists[2], worker->db, "entry_red_flags", "flag", FALSE, worker->insert_flag);
          if (rc != SQLITE_OK)
            goto failed;
        }
    }

  for (guint i = 0; i < entries->len; i++)
    {
      UnknotJournalEntry *entry = g_ptr_array_index (entries, i);
      GDateTime *created = unknot_journal_entry_get_created (entry);
      GDateTime *modified = unknot_journal_entry_get_modified (entry);

      sqlite3_bind_text (worker->insert_entry, 1, unknot_journal_entry_get_id (entry), -1, SQLITE_STATIC);
      bind_values (worker->insert_entry, entry);
      sqlite3_bind_int64 (worker->insert_entry, 11, created ? g_date_time_to_unix_usec (created) : now);
      sqlite3_bind_int64 (worker->insert_entry, 12, modified ? g_date_time_to_unix_usec (modified) : now);
      rc = step_done (worker->insert_entry);
      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        continue;
      if (rc != SQLITE_OK)
        goto failed;

      if (saved != NULL)
        {
          gint64 rowid = sqlite3_last_insert_rowid (worker->db);

          rc = list_add (&lists[0], rowid, unknot_journal_entry_get_regions (entry), entry);
          if (rc == SQLITE_OK)
            rc = list_add (&lists[1], rowid, unknot_journal_entry_get_qualities (entry), entry);
          if (rc == SQLITE_OK)
            rc = list_add (&lists[2], rowid, unknot_journal_entry_get_red_flags (entry), entry);
        }
      else
        rc = insert_lists (worker, sqlite3_last_insert_rowid (worker->db), entry);
      if (rc != SQLITE_OK)
        goto failed;
      n_added++;
    }

  if (saved != NULL)
    {
      /* (The last entry may have been one already there.) */
      rc = SQLITE_OK;
      for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (lists); i++)
        rc = list_flush (&lists[i], TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
        list_clear (&lists[i]);
      if (rc == SQLITE_OK)
        rc = create_after_bulk (worker->db, saved);
      if (rc != SQLITE_OK)
        goto failed;
    }

  rc = step_done (worker->commit);
  if (rc != SQLITE_OK)
    goto failed;

  if (entries->len > 1000)
    pragma (worker->db, "PRAGMA cache_size = -2000", NULL);
  if (entries->len >= self->bulk_min_entries)
    pragma (worker->db, "PRAGMA foreign_keys = ON", NULL);
  return n_added;

failed:
  unknot_journal_db_set_error (error, worker->db, rc, UNKNOT_JOURNAL_ACTION_ADD_MANY, self->folder);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    list_clear (&lists[i]);
  rollback (worker);
  if (entries->len > 1000)
    pragma (worker->db, "PRAGMA cache_size = -2000", NULL);
  if (entries->len >= self->bulk_min_entries)
    pragma (worker->db, "PRAGMA foreign_keys = ON", NULL);
  return 0;
}

/* A file of our own beside the journal, for a copy on its way in or out. */
static char *
transfer_path (UnknotJournal *self,
               const char    *suffix)
{
  g_autofree char *name = g_strdup_printf ("journal-transfer-%s.db", suffix);

  return g_build_filename (self->folder, name, NULL);
}

/* The journal copied with the backup API into a file of its own (which needs no
 * -wal beside it), then written to @file through GFile's replace, which writes a
 * new file and renames it over the old one: the file chosen is never half a copy. */
static void
worker_back_up_to (UnknotJournal  *self,
                   GFile          *file,
                   GError        **error)
{
  g_autofree char *partial = transfer_path (self, "out");
  g_autoptr(GFile) source = g_file_new_for_path (partial);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  int rc;

  g_unlink (partial);
  rc = copy_database (self, self->worker->db, partial);
  if (rc != SQLITE_OK)
    {
      unknot_journal_db_set_error (error, NULL, rc, UNKNOT_JOURNAL_ACTION_BACK_UP, self->folder);
      g_unlink (partial);
      return;
    }

  in = g_file_read (source, NULL, &local_error);
  if (in != NULL)
    out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &local_error);
  if (out != NULL &&
      g_output_stream_splice (G_OUTPUT_STREAM (out), G_INPUT_STREAM (in),
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, NULL, &local_error) >= 0)
    g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &local_error);
  else if (out != NULL)
    {
      /* A cancelled close removes the new file and keeps the one that was there. */
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
    }
  g_unlink (partial);

  if (local_error != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, UNKNOT_JOURNAL_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE)
                     ? UNKNOT_JOURNAL_ERROR_NO_SPACE : UNKNOT_JOURNAL_ERROR_IO,
                   _("The backup could not be written to “%s” (%s). Your journal was not "
                     "changed. Choose another place, then try again."),
                   name, local_error->message);
    }
}

/* Whether the file at @path is a journal this version can open: not damaged (PRAGMA
 * quick_check), made by Unknot (a schema version) and not by a newer one. */
static gboolean
check_backup (UnknotJournal  *self,
              const char     *path,
              GError        **error)
{
  g_autofree char *reason = NULL;
  int version = 0;

  switch (check_file (self, path, TRUE, &version, &reason))
    {
    case VERDICT_GOOD:
      if (version > 0)
        return TRUE;
      g_set_error_literal (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_INVALID,
                           _("This file is not an Unknot journal. Your journal was left as it was. "
                             "Choose a file made with Back Up Journal."));
      return FALSE;

    case VERDICT_NEWER:
      g_set_error_literal (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_NEWER,
                           _("This backup was made by a newer version of Unknot, which this "
                             "version cannot read. Your journal was left as it was. Update "
                             "Unknot, then try again."));
      return FALSE;

    case VERDICT_DAMAGED:
      g_set_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_DAMAGED,
                   _("This file is damaged or is not an Unknot journal (%s). Your journal "
                     "was left as it was. Choose another backup."),
                   reason ? reason : "?");
      return FALSE;

    case VERDICT_MISSING:
    case VERDICT_UNREADABLE:
    default:
      g_set_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_IO,
                   _("This file could not be read (%s). Your journal was left as it was."),
                   reason ? reason : g_strerror (ENOENT));
      return FALSE;
    }
}

/* Copies @file beside the journal and checks the copy. Returns: (nullable): its path */
static char *
fetch_backup (UnknotJournal  *self,
              GFile          *file,
              const char     *suffix,
              GError        **error)
{
  g_autofree char *path = transfer_path (self, suffix);
  g_autoptr(GFile) copy = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;

  if (g_mkdir_with_parents (self->folder, 0700) != 0 ||
      !g_file_copy (file, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_IO,
                   _("This file could not be read (%s). Your journal was left as it was."),
                   local_error ? local_error->message : g_strerror (errno));
      g_unlink (path);
      return NULL;
    }

  if (!check_backup (self, path, error))
    {
      g_unlink (path);
      return NULL;
    }

  return g_steal_pointer (&path);
}

/* Replaces the journal with a checked copy of @file. The journal in use is moved
 * aside with its log emptied into it first, as journal.db.before-restore-<time>; the
 * copy takes its name, and the worker opens it (migrating an older one). Should any
 * step fail, the journal in use is put back and opened again. */
static void
worker_restore (UnknotJournal  *self,
                Op             *op,
                GError        **error)
{
  g_autofree char *incoming = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autoptr(GError) local_error = NULL;
  gboolean wal_mode = FALSE;
  int rc;

  incoming = fetch_backup (self, op->file, "in", error);
  if (incoming == NULL)
    return;

  /* Everything in the log goes into the file, so the file alone is the journal. */
  rc = sqlite3_wal_checkpoint_v2 (self->worker->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      unknot_journal_db_set_error (error, self->worker->db, rc, UNKNOT_JOURNAL_ACTION_RESTORE, self->folder);
      g_unlink (incoming);
      return;
    }
  g_clear_pointer (&self->worker, worker_free);

  for (guint n = 0; aside == NULL && n < 100; n++)
    {
      g_autofree char *candidate = n == 0
        ? g_strdup_printf ("%s.before-restore-%s", self->path, stamp)
        : g_strdup_printf ("%s.before-restore-%s-%u", self->path, stamp, n);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        aside = g_steal_pointer (&candidate);
    }

  if (aside == NULL || g_rename (self->path, aside) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_READ_ONLY,
                   _("Your journal could not be moved aside (%s), so the backup was not "
                     "restored. Your journal was left as it was."),
                   aside ? g_strerror (saved_errno) : "too many files");
      g_unlink (incoming);
      self->worker = open_worker (self, &wal_mode, NULL);
      return;
    }
  /* The log was emptied into the file; what is left of it holds nothing. */
  g_unlink (wal);
  g_unlink (shm);

  if (g_rename (incoming, self->path) != 0)
    {
      int saved_errno = errno;

      g_rename (aside, self->path);
      g_set_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_IO,
                   _("The backup could not be put in place (%s). Your journal was left as it was."),
                   g_strerror (saved_errno));
      g_unlink (incoming);
      self->worker = open_worker (self, &wal_mode, NULL);
      return;
    }

  self->worker = open_worker (self, &wal_mode, &local_error);
  if (self->worker == NULL)
    {
      /* The backup passed its check but cannot be opened for writing: back as it was. */
      g_autofree char *refused = g_strconcat (self->path, ".refused", NULL);

      g_rename (self->path, refused);
      g_unlink (wal);
      g_unlink (shm);
      g_rename (aside, self->path);
      g_unlink (refused);
      self->worker = open_worker (self, &wal_mode, NULL);
      g_set_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_FAILED,
                   _("The backup could not be opened (%s). Your journal was left as it was."),
                   local_error->message);
      return;
    }

  op->wal = wal_mode;
  op->kept_aside = g_steal_pointer (&aside);
}

/* Reads a backup as a restore would, changing nothing. */
static void
worker_check_backup (UnknotJournal  *self,
                     Op             *op,
                     GError        **error)
{
  g_autofree char *path = fetch_backup (self, op->file, "check", error);
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (path == NULL)
    return;

  db = open_reader (self, path, NULL);
  if (db != NULL &&
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM entries", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    op->n_added = (guint) sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_pointer (&db, sqlite3_close_v2);
  g_unlink (path);
}

static gboolean op_done_cb (gpointer data);

static void
worker_func (gpointer data,
             gpointer user_data)
{
  Op *op = data;
  UnknotJournal *self = op->journal;
  GSource *source;

  switch (op->kind)
    {
    case OP_OPEN:
      worker_open (self, op);
      break;

    case OP_VERIFY:
      worker_verify (self, op);
      break;

    case OP_ADD:
      op->result = worker_add (self, op->entry, &op->error);
      break;

    case OP_UPDATE:
      op->result = worker_update (self, op->entry, &op->error);
      break;

    case OP_DELETE:
      op->result = worker_delete (self, op->id, &op->error);
      break;

    case OP_BACKUP:
      op->backup_day = worker_backup (self);
      break;

    case OP_CHECKPOINT:
      worker_checkpoint (self);
      break;

    case OP_ADD_MANY:
      op->n_added = worker_add_many (self, op->entries, &op->error);
      break;

    case OP_BACK_UP_TO:
      worker_back_up_to (self, op->file, &op->error);
      break;

    case OP_RESTORE:
      worker_restore (self, op, &op->error);
      break;

    case OP_CHECK_BACKUP:
      worker_check_backup (self, op, &op->error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (self->worker != NULL)
    op->wal_frames = self->worker->wal_frames;

  /* Back to the main thread, which owns the job from now on. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, op_done_cb, op, NULL);
  g_source_set_static_name (source, "[unknot-journal] job done");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

/* ------------------------------------------------------------------------------------
 * The main thread
 */

static void
update_busy (UnknotJournal *self)
{
  gboolean busy = unknot_journal_is_busy (self);

  if (self->busy != busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

/* Keeps the main connection's view of the file as it is now, while a write is out. */
static void
pin (UnknotJournal *self)
{
  int rc;

  if (self->read_db == NULL || !self->wal || self->pinned)
    return;

  rc = step_done (self->read_begin);
  if (rc == SQLITE_OK)
    {
      rc = step_done (self->read_pin);
      self->pinned = TRUE;
    }
  if (rc != SQLITE_OK)
    g_debug ("Could not hold the journal's state: %s", sqlite3_errmsg (self->read_db));
}

static void
unpin (UnknotJournal *self)
{
  int rc;

  if (!self->pinned)
    return;

  rc = step_done (self->read_end);
  if (rc != SQLITE_OK)
    g_debug ("Could not end the read transaction: %s", sqlite3_errmsg (self->read_db));
  self->pinned = !sqlite3_get_autocommit (self->read_db);
}

static void
open_read_db (UnknotJournal *self)
{
  g_autoptr(GError) error = NULL;
  int rc;

  self->read_db = open_reader (self, self->path, &rc);
  if (self->read_db == NULL)
    return;

  if (!unknot_journal_db_add_functions (self->read_db) ||
      !unknot_journal_db_prepare (self->read_db, "BEGIN", &self->read_begin, &error) ||
      !unknot_journal_db_prepare (self->read_db, "SELECT 1 FROM entries LIMIT 1", &self->read_pin, &error) ||
      !unknot_journal_db_prepare (self->read_db, "COMMIT", &self->read_end, &error) ||
      !unknot_journal_db_prepare (self->read_db,
                                  "SELECT " UNKNOT_JOURNAL_ENTRY_COLUMNS
                                  " FROM entries AS e WHERE e.uuid = ?1",
                                  &self->lookup_stmt, &error))
    {
      g_debug ("The journal cannot be read: %s", error ? error->message : "no functions");
      g_clear_pointer (&self->read_begin, sqlite3_finalize);
      g_clear_pointer (&self->read_pin, sqlite3_finalize);
      g_clear_pointer (&self->read_end, sqlite3_finalize);
      g_clear_pointer (&self->lookup_stmt, sqlite3_finalize);
      g_clear_pointer (&self->read_db, sqlite3_close_v2);
    }
}

static void
close_read_db (UnknotJournal *self)
{
  unpin (self);
  g_clear_pointer (&self->read_begin, sqlite3_finalize);
  g_clear_pointer (&self->read_pin, sqlite3_finalize);
  g_clear_pointer (&self->read_end, sqlite3_finalize);
  g_clear_pointer (&self->lookup_stmt, sqlite3_finalize);
  g_clear_pointer (&self->read_db, sqlite3_close_v2);
}

static void
queue_op (UnknotJournal *self,
          Op            *op)
{
  g_queue_push_tail (&self->queue, op);
  dispatch_next (self);
  update_busy (self);
}

static void
maybe_back_up (UnknotJournal *self)
{
  g_autofree char *day = NULL;

  if (!self->backups_enabled || self->backup_queued || self->read_only || self->worker == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (self->all)) == 0)
    return;

  day = today ();
  if (g_strcmp0 (day, self->backup_day) == 0)
    return;

  self->backup_queued = TRUE;
  queue_op (self, op_new (self, OP_BACKUP, NULL));
}

static void
reload_results (UnknotJournal *self)
{
  g_autoptr(GPtrArray) results = NULL;

  results = g_ptr_array_copy (self->results, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (results, g_object_unref);
  for (guint i = 0; i < results->len; i++)
    unknot_journal_results_reload (g_ptr_array_index (results, i));
}

/* Takes what opening (or checking) found, and tells whoever listens what changed. */
static void
take_open_result (UnknotJournal *self,
                  Op            *op)
{
  gboolean had_error = self->load_error != NULL;
  gboolean had_kept = self->kept_aside != NULL;
  gboolean was_read_only = self->read_only;

  gboolean new_error = op->load_error != NULL;

  if (new_error)
    {
      g_clear_error (&self->load_error);
      self->load_error = g_steal_pointer (&op->load_error);
    }
  if (op->kept_aside != NULL)
    g_set_str (&self->kept_aside, op->kept_aside);
  if (op->restored_from != NULL)
    g_set_str (&self->restored_from, op->restored_from);
  self->read_only = op->read_only;
  self->wal = op->wal;
  if (op->backup_day != NULL)
    g_set_str (&self->backup_day, op->backup_day);

  if (new_error || had_error != (self->load_error != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
  if (had_kept != (self->kept_aside != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEPT_ASIDE]);
  if (was_read_only != self->read_only)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* Opening is over once the file is checked: the callers hear whether it went well. */
static void
return_open_tasks (UnknotJournal *self)
{
  g_autoptr(GPtrArray) tasks = g_steal_pointer (&self->open_tasks);

  self->verified = TRUE;
  self->open_tasks = g_ptr_array_new_with_free_func (g_object_unref);

  maybe_back_up (self);

  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (self->load_error != NULL)
        g_task_return_error (task, g_error_copy (self->load_error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void
finish_open (UnknotJournal *self,
             Op            *op)
{
  self->state = STATE_OPEN;
  take_open_result (self, op);

  if (op->readable)
    open_read_db (self);
  reload_results (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_OPEN]);

  if (op->needs_verify)
    g_queue_push_head (&self->queue, op_new (self, OP_VERIFY, NULL));
  else
    return_open_tasks (self);
}

static void
finish_verify (UnknotJournal *self,
               Op            *op)
{
  take_open_result (self, op);

  /* The file the lists read was set aside: they read its replacement. */
  if (op->reopen)
    {
      close_read_db (self);
      if (op->readable)
        open_read_db (self);
      reload_results (self);
    }

  return_open_tasks (self);
}

/* Tells every list of a committed change (or of a failed one: each list looks at the
 * file, not at what the write reported). */
static void
finish_write (UnknotJournal *self,
              Op            *op)
{
  g_autoptr(GPtrArray) results = NULL;

  results = g_ptr_array_copy (self->results, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (results, g_object_unref);

  for (guint i = 0; i < results->len; i++)
    unknot_journal_results_change_begin (g_ptr_array_index (results, i), op->id);
  unpin (self);
  for (guint i = 0; i < results->len; i++)
    unknot_journal_results_change_end (g_ptr_array_index (results, i), op->id);
  for (guint i = 0; i < results->len; i++)
    unknot_journal_results_change_emit (g_ptr_array_index (results, i));

  if (op->error == NULL)
    maybe_back_up (self);

  if (op->wal_frames >= CHECKPOINT_FRAMES && !self->checkpoint_queued)
    {
      self->checkpoint_queued = TRUE;
      queue_op (self, op_new (self, OP_CHECKPOINT, NULL));
    }
}

/* Many entries came in at once: every list reads itself again, and says so once. */
static void
finish_add_many (UnknotJournal *self,
                 Op            *op)
{
  unpin (self);
  if (op->n_added > 0)
    reload_results (self);

  if (op->error == NULL)
    maybe_back_up (self);

  if (op->wal_frames >= CHECKPOINT_FRAMES && !self->checkpoint_queued)
    {
      self->checkpoint_queued = TRUE;
      queue_op (self, op_new (self, OP_CHECKPOINT, NULL));
    }
}

/* The file under the journal's name is another one: the main connection reads it. */
static void
finish_restore (UnknotJournal *self,
                Op            *op)
{
  if (op->error != NULL)
    {
      /* The worker may have had to give up on the file it put back. */
      if (self->worker == NULL && !self->read_only)
        {
          self->read_only = TRUE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
        }
      return;
    }

  self->wal = op->wal;
  close_read_db (self);
  open_read_db (self);
  reload_results (self);

  /* A backup brings its own day. */
  g_clear_pointer (&self->backup_day, g_free);
  maybe_back_up (self);
}

static gboolean
op_done_cb (gpointer data)
{
  Op *op = data;
  g_autoptr(UnknotJournal) self = g_object_ref (op->journal);

  g_assert (self->in_flight == op);
  self->in_flight = NULL;

  switch (op->kind)
    {
    case OP_OPEN:
      finish_open (self, op);
      break;

    case OP_VERIFY:
      finish_verify (self, op);
      break;

    case OP_ADD:
    case OP_UPDATE:
    case OP_DELETE:
      finish_write (self, op);
      break;

    case OP_BACKUP:
      self->backup_queued = FALSE;
      if (op->backup_day != NULL)
        g_set_str (&self->backup_day, op->backup_day);
      break;

    case OP_CHECKPOINT:
      self->checkpoint_queued = FALSE;
      break;

    case OP_ADD_MANY:
      finish_add_many (self, op);
      break;

    case OP_BACK_UP_TO:
      break;

    case OP_RESTORE:
      finish_restore (self, op);
      break;

    case OP_CHECK_BACKUP:
      break;

    default:
      g_assert_not_reached ();
    }

  dispatch_next (self);
  update_busy (self);

  if (op->task != NULL && op->error != NULL)
    g_task_return_error (op->task, g_steal_pointer (&op->error));
  else if (op->task != NULL && (op->kind == OP_ADD_MANY || op->kind == OP_CHECK_BACKUP))
    g_task_return_int (op->task, op->n_added);
  else if (op->task != NULL && op->kind == OP_BACK_UP_TO)
    g_task_return_boolean (op->task, TRUE);
  else if (op->task != NULL && op->kind == OP_RESTORE)
    g_task_return_pointer (op->task, g_steal_pointer (&op->kept_aside), g_free);
  else if (op->task != NULL && is_write (op->kind))
    g_task_return_pointer (op->task, g_steal_pointer (&op->result), g_object_unref);

  op_free (op);

  return G_SOURCE_REMOVE;
}

/* Ends a job without the worker: refused or cancelled before it started. */
static void
fail_op (UnknotJournal *self,
         Op            *op,
         GError        *error)
{
  if (op->task != NULL)
    g_task_return_error (op->task, error);
  else
    g_error_free (error);
  op_free (op);
}

static void
dispatch_next (UnknotJournal *self)
{
  while (self->in_flight == NULL && !g_queue_is_empty (&self->queue))
    {
      Op *op = g_queue_peek_head (&self->queue);
      g_autoptr(GError) error = NULL;

      /* Writes wait until the journal is open; opening goes first. */
      if (op->kind != OP_OPEN && self->state != STATE_OPEN)
        return;

      g_queue_pop_head (&self->queue);

      if (is_write (op->kind))
        {
          GCancellable *cancellable = op->task ? g_task_get_cancellable (op->task) : NULL;

          if (g_cancellable_set_error_if_cancelled (cancellable, &error))
            {
              fail_op (self, op, g_steal_pointer (&error));
              continue;
            }

          if (self->read_only || self->worker == NULL)
            {
              g_autofree char *lead = NULL;
              UnknotJournalAction action = action_for (op->kind);

              if (action == UNKNOT_JOURNAL_ACTION_ADD_MANY)
                lead = g_strdup (_("The entries could not be added."));
              else if (action == UNKNOT_JOURNAL_ACTION_RESTORE)
                lead = g_strdup (_("The backup could not be restored."));
              else
                lead = g_strdup_printf ("%s %s",
                                        action == UNKNOT_JOURNAL_ACTION_ADD ? _("Your entry could not be saved.") :
                                        action == UNKNOT_JOURNAL_ACTION_UPDATE ? _("Your changes could not be saved.") :
                                        _("The entry could not be deleted."),
                                        action == UNKNOT_JOURNAL_ACTION_DELETE ? _("It is still in your journal.")
                                                                               : _("What you typed is still here."));
              fail_op (self, op,
                       g_error_new (UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_READ_ONLY, "%s %s", lead,
                                    self->load_error ? self->load_error->message
                                                     : _("Your journal cannot be changed.")));
              continue;
            }

          /* A restore empties the log, which a reader holding its state would stop. */
          if (op->kind != OP_RESTORE)
            pin (self);
        }
      else if ((op->kind == OP_BACKUP || op->kind == OP_CHECKPOINT) && self->worker == NULL)
        {
          op_free (op);
          continue;
        }
      else if (op->kind == OP_BACK_UP_TO && self->worker == NULL)
        {
          fail_op (self, op,
                   g_error_new (UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_READ_ONLY, "%s %s",
                                _("The backup could not be made."),
                                self->load_error ? self->load_error->message
                                                 : _("Your journal cannot be read.")));
          continue;
        }

      self->in_flight = op;
      if (!g_thread_pool_push (self->pool, op, &error))
        g_error ("Could not start the journal's worker: %s", error->message);
    }
}

static void
start_opening (UnknotJournal *self)
{
  g_autoptr(GError) error = NULL;

  if (self->state != STATE_CLOSED)
    return;

  self->state = STATE_OPENING;
  self->pool = g_thread_pool_new (worker_func, NULL, 1, TRUE, &error);
  if (self->pool == NULL)
    g_error ("Could not start the journal's worker: %s", error->message);

  g_queue_push_head (&self->queue, op_new (self, OP_OPEN, NULL));
  dispatch_next (self);
  update_busy (self);
}

/* ------------------------------------------------------------------------------------
 * The journal's own list
 */

static GType
unknot_journal_get_item_type (GListModel *model)
{
  return UNKNOT_TYPE_JOURNAL_ENTRY;
}

static guint
unknot_journal_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (UNKNOT_JOURNAL (model)->all));
}

static gpointer
unknot_journal_get_item (GListModel *model,
                         guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (UNKNOT_JOURNAL (model)->all), position);
}

static void
unknot_journal_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = unknot_journal_get_item_type;
  iface->get_n_items = unknot_journal_get_n_items;
  iface->get_item = unknot_journal_get_item;
}

static void
on_all_items_changed_cb (GListModel    *all,
                         guint          position,
                         guint          removed,
                         guint          added,
                         UnknotJournal *self)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
on_all_n_items_cb (GObject       *all,
                   GParamSpec    *pspec,
                   UnknotJournal *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* ------------------------------------------------------------------------------------
 * GObject
 */

static void
unknot_journal_constructed (GObject *object)
{
  UnknotJournal *self = UNKNOT_JOURNAL (object);

  G_OBJECT_CLASS (unknot_journal_parent_class)->constructed (object);

  if (self->path == NULL)
    self->path = g_build_filename (g_get_user_data_dir (), "unknot", "journal.db", NULL);
  self->folder = g_path_get_dirname (self->path);

  self->all = unknot_journal_results_new (self, NULL, TRUE);
  g_signal_connect_object (self->all, "items-changed",
                           G_CALLBACK (on_all_items_changed_cb), self, 0);
  g_signal_connect_object (self->all, "notify::n-items",
                           G_CALLBACK (on_all_n_items_cb), self, 0);
}

static void
unknot_journal_dispose (GObject *object)
{
  UnknotJournal *self = UNKNOT_JOURNAL (object);

  /* Jobs hold the journal, so none is out when it goes. */
  g_assert (self->in_flight == NULL && g_queue_is_empty (&self->queue));

  g_clear_object (&self->all);
  close_read_db (self);

  G_OBJECT_CLASS (unknot_journal_parent_class)->dispose (object);
}

static void
unknot_journal_finalize (GObject *object)
{
  UnknotJournal *self = UNKNOT_JOURNAL (object);

  if (self->pool != NULL)
    g_thread_pool_free (self->pool, FALSE, TRUE);
  g_clear_pointer (&self->worker, worker_free);

  g_clear_pointer (&self->open_tasks, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_main_context_unref (self->context);
  g_free (self->path);
  g_free (self->folder);
  g_free (self->vfs_name);
  g_strfreev (self->known_regions);
  g_clear_error (&self->load_error);
  g_free (self->kept_aside);
  g_free (self->restored_from);
  g_free (self->backup_day);

  G_OBJECT_CLASS (unknot_journal_parent_class)->finalize (object);
}

static void
unknot_journal_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  UnknotJournal *self = UNKNOT_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_VFS:
      g_value_set_string (value, self->vfs_name);
      break;

    case PROP_KNOWN_REGIONS:
      g_value_set_boxed (value, self->known_regions);
      break;

    case PROP_LOAD_ERROR:
      g_value_set_boxed (value, self->load_error);
      break;

    case PROP_KEPT_ASIDE:
      g_value_set_string (value, self->kept_aside);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_IS_OPEN:
      g_value_set_boolean (value, self->state == STATE_OPEN);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, unknot_journal_is_busy (self));
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_journal_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  UnknotJournal *self = UNKNOT_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    case PROP_VFS:
      self->vfs_name = g_value_dup_string (value);
      break;

    case PROP_KNOWN_REGIONS:
      unknot_journal_set_known_regions (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_journal_class_init (UnknotJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = unknot_journal_constructed;
  object_class->dispose = unknot_journal_dispose;
  object_class->finalize = unknot_journal_finalize;
  object_class->get_property = unknot_journal_get_property;
  object_class->set_property = unknot_journal_set_property;

  /**
   * UnknotJournal:path:
   *
   * The journal's file; journal.db in Unknot's user data folder by default.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotJournal:vfs:
   *
   * The SQLite VFS to open the file with, or %NULL for the default one. Tests give a
   * VFS that fails on purpose.
   */
  properties[PROP_VFS] =
    g_param_spec_string ("vfs", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotJournal:known-regions:
   *
   * The body map's region ids. When set, an entry can only name these; otherwise any
   * id that looks like one (lowercase words joined by hyphens).
   */
  properties[PROP_KNOWN_REGIONS] =
    g_param_spec_boxed ("known-regions", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotJournal:load-error:
   *
   * What went wrong when the journal was opened, in words for the person, or %NULL:
   * a damaged file set aside (see #UnknotJournal:kept-aside), a file from a newer
   * version, a folder that cannot be written.
   */
  properties[PROP_LOAD_ERROR] =
    g_param_spec_boxed ("load-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotJournal:kept-aside:
   *
   * Where a damaged journal was moved, or %NULL.
   */
  properties[PROP_KEPT_ASIDE] =
    g_param_spec_string ("kept-aside", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotJournal:read-only:
   *
   * Whether writes are refused: the file is from a newer version, or it or its folder
   * cannot be written.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotJournal:is-open:
   *
   * Whether opening has finished (well or not); until then the list is empty.
   */
  properties[PROP_IS_OPEN] =
    g_param_spec_boolean ("is-open", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotJournal:busy:
   *
   * Whether writes (or opening, a backup, a checkpoint) are waiting or under way.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_journal_init (UnknotJournal *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->open_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  self->results = g_ptr_array_new ();
  self->backups_enabled = TRUE;
  self->bulk_min_entries = BULK_MIN_ENTRIES;
  g_queue_init (&self->queue);
}

/* ------------------------------------------------------------------------------------
 * Public API
 */

/**
 * unknot_journal_new:
 * @path: (nullable): the file, or %NULL for journal.db in Unknot's user data folder
 *
 * Nothing is read until the journal is opened, with unknot_journal_open_async() or by
 * the first write.
 */
UnknotJournal *
unknot_journal_new (const char *path)
{
  return unknot_journal_new_full (path, NULL);
}

/**
 * unknot_journal_new_full:
 * @path: (nullable): the file, or %NULL for journal.db in Unknot's user data folder
 * @vfs_name: (nullable): a registered SQLite VFS, or %NULL for the default one
 */
UnknotJournal *
unknot_journal_new_full (const char *path,
                         const char *vfs_name)
{
  return g_object_new (UNKNOT_TYPE_JOURNAL, "path", path, "vfs", vfs_name, NULL);
}

const char *
unknot_journal_get_path (UnknotJournal *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL (self), NULL);
  return self->path;
}

/**
 * unknot_journal_open_async:
 *
 * Opens the journal on its worker: checks the file, sets a damaged one aside, brings
 * an older one up to date. The list announces its entries as soon as they can be
 * read, which may be before the callback: the callback comes once the whole file has
 * been checked and #UnknotJournal:load-error is final. Opening again does nothing
 * more.
 */
void
unknot_journal_open_async (UnknotJournal       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (UNKNOT_IS_JOURNAL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, unknot_journal_open_async);

  if (self->state == STATE_OPEN && self->verified)
    {
      if (self->load_error != NULL)
        g_task_return_error (task, g_error_copy (self->load_error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  g_ptr_array_add (self->open_tasks, g_steal_pointer (&task));
  start_opening (self);
}

/**
 * unknot_journal_open_finish:
 *
 * Returns: %TRUE, or %FALSE with the same error as #UnknotJournal:load-error; the
 *   journal can be used either way (perhaps empty or read-only)
 */
gboolean
unknot_journal_open_finish (UnknotJournal  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
unknot_journal_is_open (UnknotJournal *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL (self), FALSE);
  return self->state == STATE_OPEN;
}

gboolean
unknot_journal_is_read_only (UnknotJournal *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL (self), TRUE);
  return self->read_only;
}

gboolean
unknot_journal_is_busy (UnknotJournal *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL (self), FALSE);
  return self->in_flight != NULL || !g_queue_is_empty (&self->queue);
}

/**
 * unknot_journal_get_load_error:
 *
 * Returns: (nullable) (transfer none): what went wrong when the journal was opened
 */
const GError *
unknot_journal_get_load_error (UnknotJournal *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL (self), NULL);
  return self->load_error;
}

/**
 * unknot_journal_get_kept_aside:
 *
 * Returns: (nullable): where a damaged journal file was moved
 */
const char *
unknot_journal_get_kept_aside (UnknotJournal *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL (self), NULL);
  return self->kept_aside;
}

/**
 * unknot_journal_get_restored_from:
 *
 * Returns: (nullable): the backup a damaged journal was replaced with
 */
const char *
unknot_journal_get_restored_from (UnknotJournal *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL (self), NULL);
  return self->restored_from;
}

/**
 * unknot_journal_get_known_regions:
 *
 * Returns: (nullable) (transfer none): the region ids entries may name
 */
const char * const *
unknot_journal_get_known_regions (UnknotJournal *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL (self), NULL);
  return (const char * const *) self->known_regions;
}

void
unknot_journal_set_known_regions (UnknotJournal      *self,
                                  const char * const *region_ids)
{
  g_return_if_fail (UNKNOT_IS_JOURNAL (self));

  if (self->known_regions != NULL && region_ids != NULL &&
      g_strv_equal ((const char * const *) self->known_regions, region_ids))
    return;
  if (self->known_regions == NULL && region_ids == NULL)
    return;

  g_strfreev (self->known_regions);
  self->known_regions = g_strdupv ((char **) region_ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KNOWN_REGIONS]);
}

/**
 * unknot_journal_lookup:
 *
 * Returns: (transfer full) (nullable): the entry with this id as the journal has it
 */
UnknotJournalEntry *
unknot_journal_lookup (UnknotJournal *self,
                       const char    *id)
{
  UnknotJournalEntry *entry = NULL;
  int rc;

  g_return_val_if_fail (UNKNOT_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (self->lookup_stmt == NULL)
    return NULL;

  sqlite3_bind_text (self->lookup_stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (self->lookup_stmt);
  if (rc == SQLITE_ROW)
    entry = unknot_journal_db_read_entry (self->lookup_stmt, 0);
  else if (rc != SQLITE_DONE)
    g_debug ("Could not look up %s: %s", id, sqlite3_errmsg (self->read_db));
  sqlite3_reset (self->lookup_stmt);

  return entry;
}

/**
 * unknot_journal_query:
 * @filter: (nullable): which entries; %NULL for all
 *
 * Returns: (transfer full): the entries the filter lets through, newest first, as a
 *   list that reads its rows on demand and follows every change to the journal
 */
UnknotJournalResults *
unknot_journal_query (UnknotJournal             *self,
                      const UnknotJournalFilter *filter)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL (self), NULL);

  return unknot_journal_results_new (self, filter, FALSE);
}

static void
start_write (UnknotJournal       *self,
             OpKind               kind,
             UnknotJournalEntry  *entry,
             const char          *id,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data,
             gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  Op *op;

  g_task_set_source_tag (task, source_tag);
  /* A write that was committed is reported as committed, cancelled or not. */
  g_task_set_check_cancellable (task, FALSE);

  if (entry != NULL && !unknot_journal_entry_validate (entry, (const char * const *) self->known_regions, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  op = op_new (self, kind, g_steal_pointer (&task));
  /* The worker writes a copy: the editor may go on changing its own. */
  op->entry = entry ? unknot_journal_entry_copy (entry) : NULL;
  op->id = g_strdup (entry ? unknot_journal_entry_get_id (entry) : id);

  start_opening (self);
  queue_op (self, op);
}

static UnknotJournalEntry *
finish_write_task (UnknotJournal  *self,
                   GAsyncResult   *result,
                   gpointer        source_tag,
                   GError        **error)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * unknot_journal_add_async:
 *
 * Saves a new entry. The entry is checked first (see unknot_journal_entry_validate());
 * the journal writes a copy, so @entry stays as it is whatever happens. The list
 * shows the entry before the callback runs.
 */
void
unknot_journal_add_async (UnknotJournal       *self,
                          UnknotJournalEntry  *entry,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (UNKNOT_IS_JOURNAL (self));
  g_return_if_fail (UNKNOT_IS_JOURNAL_ENTRY (entry));

  start_write (self, OP_ADD, entry, NULL, cancellable, callback, user_data,
               unknot_journal_add_async);
}

/**
 * unknot_journal_add_finish:
 *
 * Returns: (transfer full): the entry as committed (with its saved times), or %NULL
 *   with an error that says what happened, what was kept and what to do
 */
UnknotJournalEntry *
unknot_journal_add_finish (UnknotJournal  *self,
                           GAsyncResult   *result,
                           GError        **error)
{
  return finish_write_task (self, result, unknot_journal_add_async, error);
}

/**
 * unknot_journal_update_async:
 *
 * Replaces the entry with the same id with @entry's values.
 */
void
unknot_journal_update_async (UnknotJournal       *self,
                             UnknotJournalEntry  *entry,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (UNKNOT_IS_JOURNAL (self));
  g_return_if_fail (UNKNOT_IS_JOURNAL_ENTRY (entry));

  start_write (self, OP_UPDATE, entry, NULL, cancellable, callback, user_data,
               unknot_journal_update_async);
}

/**
 * unknot_journal_update_finish:
 *
 * Returns: (transfer full): the entry as committed, or %NULL with an error
 */
UnknotJournalEntry *
unknot_journal_update_finish (UnknotJournal  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  return finish_write_task (self, result, unknot_journal_update_async, error);
}

/**
 * unknot_journal_delete_async:
 * @id: the entry's id
 */
void
unknot_journal_delete_async (UnknotJournal       *self,
                             const char          *id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (UNKNOT_IS_JOURNAL (self));
  g_return_if_fail (id != NULL);

  start_write (self, OP_DELETE, NULL, id, cancellable, callback, user_data,
               unknot_journal_delete_async);
}

/**
 * unknot_journal_delete_finish:
 *
 * Returns: (transfer full): the entry as it was before it was deleted, so that the
 *   deletion can be undone by adding it again (with the same id and times), or %NULL
 *   with an error
 */
UnknotJournalEntry *
unknot_journal_delete_finish (UnknotJournal  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  return finish_write_task (self, result, unknot_journal_delete_async, error);
}

static void
add_many (UnknotJournal       *self,
          GListModel          *entries,
          gboolean             copy,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  guint n;
  Op *op;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, unknot_journal_add_many_async);
  g_task_set_check_cancellable (task, FALSE);

  n = g_list_model_get_n_items (entries);
  copies = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UnknotJournalEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr(GError) error = NULL;

      if (!unknot_journal_entry_validate (entry, (const char * const *) self->known_regions, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_ptr_array_add (copies, copy ? unknot_journal_entry_copy (entry) : g_steal_pointer (&entry));
    }

  op = op_new (self, OP_ADD_MANY, g_steal_pointer (&task));
  op->entries = g_steal_pointer (&copies);

  start_opening (self);
  queue_op (self, op);
}

/**
 * unknot_journal_add_many_async:
 * @entries: (element-type UnknotJournalEntry): the entries to add
 *
 * Adds every entry in one transaction: either all of them are in the journal
 * afterwards or, after an error, none is. An entry whose id is already in the journal
 * is left as it is and not counted. Every entry is checked first (see
 * unknot_journal_entry_validate()); one that fails stops the whole before anything is
 * written. The lists change once, with one items-changed each, before the callback.
 */
void
unknot_journal_add_many_async (UnknotJournal       *self,
                               GListModel          *entries,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (UNKNOT_IS_JOURNAL (self));
  g_return_if_fail (G_IS_LIST_MODEL (entries));

  add_many (self, entries, TRUE, cancellable, callback, user_data);
}

/* As unknot_journal_add_many_async() (and finished by its _finish()), for entries
 * that no one changes until it has finished, such as an import's: the worker reads
 * them as they are, without a copy of each (a fifth of the time of adding 100,000). */
void
unknot_journal_add_many_unchanged_async (UnknotJournal       *self,
                                         GListModel          *entries,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (UNKNOT_IS_JOURNAL (self));
  g_return_if_fail (G_IS_LIST_MODEL (entries));

  add_many (self, entries, FALSE, cancellable, callback, user_data);
}

/**
 * unknot_journal_add_many_finish:
 * @n_added: (out) (optional): how many entries were added
 *
 * Returns: %TRUE, or %FALSE with an error (and nothing added)
 */
gboolean
unknot_journal_add_many_finish (UnknotJournal  *self,
                                GAsyncResult   *result,
                                guint          *n_added,
                                GError        **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == unknot_journal_add_many_async, FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (n_added != NULL)
    *n_added = (guint) n;
  return TRUE;
}

/**
 * unknot_journal_back_up_async:
 * @file: where the backup goes; a file there is replaced only once the backup is whole
 *
 * Copies the journal with SQLite's backup API, on the journal's worker, into one file
 * that Restore From Backup reads.
 */
void
unknot_journal_back_up_async (UnknotJournal       *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Op *op;

  g_return_if_fail (UNKNOT_IS_JOURNAL (self));
  g_return_if_fail (G_IS_FILE (file));

  op = op_new (self, OP_BACK_UP_TO, g_task_new (self, cancellable, callback, user_data));
  g_task_set_source_tag (op->task, unknot_journal_back_up_async);
  g_task_set_check_cancellable (op->task, FALSE);
  op->file = g_object_ref (file);

  start_opening (self);
  queue_op (self, op);
}

gboolean
unknot_journal_back_up_finish (UnknotJournal  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == unknot_journal_back_up_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * unknot_journal_check_backup_async:
 *
 * Reads @file as Restore would (on the journal's worker), without changing anything:
 * whether it is an Unknot
 * journal that is not damaged (PRAGMA quick_check) and not from a newer version, and
 * how many entries it holds.
 */
void
unknot_journal_check_backup_async (UnknotJournal       *self,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Op *op;

  g_return_if_fail (UNKNOT_IS_JOURNAL (self));
  g_return_if_fail (G_IS_FILE (file));

  op = op_new (self, OP_CHECK_BACKUP, g_task_new (self, cancellable, callback, user_data));
  g_task_set_source_tag (op->task, unknot_journal_check_backup_async);
  op->file = g_object_ref (file);

  start_opening (self);
  queue_op (self, op);
}

/**
 * unknot_journal_check_backup_finish:
 * @n_entries: (out) (optional): how many entries the backup holds
 *
 * Returns: %TRUE when the file can be restored, or %FALSE with an error that says why not
 */
gboolean
unknot_journal_check_backup_finish (UnknotJournal  *self,
                                    GAsyncResult   *result,
                                    guint          *n_entries,
                                    GError        **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == unknot_journal_check_backup_async, FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (n_entries != NULL)
    *n_entries = (guint) n;
  return TRUE;
}

/**
 * unknot_journal_restore_async:
 * @file: a backup made by unknot_journal_back_up_async() (or a daily one)
 *
 * Replaces the journal with @file, once it passed the same checks as
 * unknot_journal_check_backup_async(). The journal in use is kept beside it, as
 * journal.db.before-restore-<time>; every list reads the restored one and says so.
 * A file that fails a check changes nothing.
 */
void
unknot_journal_restore_async (UnknotJournal       *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Op *op;

  g_return_if_fail (UNKNOT_IS_JOURNAL (self));
  g_return_if_fail (G_IS_FILE (file));

  op = op_new (self, OP_RESTORE, g_task_new (self, cancellable, callback, user_data));
  g_task_set_source_tag (op->task, unknot_journal_restore_async);
  g_task_set_check_cancellable (op->task, FALSE);
  op->file = g_object_ref (file);

  start_opening (self);
  queue_op (self, op);
}

/**
 * unknot_journal_restore_finish:
 *
 * Returns: (transfer full) (nullable): the path where the journal that was replaced
 *   is kept, or %NULL with an error (and the journal as it was)
 */
char *
unknot_journal_restore_finish (UnknotJournal  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == unknot_journal_restore_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------------------
 * For the journal's lists and tests
 */

sqlite3 *
unknot_journal_get_read_db (UnknotJournal *self)
{
  return self->read_db;
}

void
unknot_journal_add_results (UnknotJournal        *self,
                            UnknotJournalResults *results)
{
  g_ptr_array_add (self->results, results);
}

void
unknot_journal_remove_results (UnknotJournal        *self,
                               UnknotJournalResults *results)
{
  g_ptr_array_remove (self->results, results);
}

/* Tests that count every write turn the daily backup off, so that it cannot run
 * between their own writes. */
void
unknot_journal_set_backups_enabled (UnknotJournal *self,
                                    gboolean       enabled)
{
  self->backups_enabled = enabled;
}

/* Tests make an import's way of adding many entries (see worker_add_many()) run on
 * a few, to break it at every write. */
void
unknot_journal_set_bulk_min_entries (UnknotJournal *self,
                                     guint          n)
{
  self->bulk_min_entries = n;
}

char *
unknot_journal_get_backup_dir (UnknotJournal *self)
{
  return g_build_filename (self->folder, BACKUP_DIR_NAME, NULL);
}
