/* unknot-journal-db.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQL side of the journal that the worker and the lists share: the schema and its
 * migrations, reading an entry from a row, and SQLite's result codes turned into
 * messages a person can act on.
 *
 * The schema (version 3):
 *
 *   entries          one row per entry; id is the row id, uuid the stable id
 *   entry_regions    (entry, position, region), the regions in the order given, with
 *                    a copy of the entry's when_us and pain_before for the statistics
 *   entry_qualities  (entry, position, quality)
 *   entry_red_flags  (entry, position, flag)
 *
 * Times are microseconds since 1970 in UTC; "when" also keeps the UTC offset it was
 * given in, so an entry shows the hour of the day it was logged. Each version has one
 * migration function; all of them run in one transaction, with user_version.
 */

#define G_LOG_DOMAIN "unknot-journal"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-journal-private.h"

gboolean
unknot_journal_db_prepare (sqlite3       *db,
                           const char    *sql,
                           sqlite3_stmt **stmt,
                           GError       **error)
{
  int rc = sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL);

  if (rc != SQLITE_OK)
    {
      unknot_journal_db_set_error (error, db, rc, UNKNOT_JOURNAL_ACTION_READ, NULL);
      g_debug ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

gboolean
unknot_journal_db_exec (sqlite3     *db,
                        const char  *sql,
                        GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      unknot_journal_db_set_error (error, db, rc, UNKNOT_JOURNAL_ACTION_OPEN, NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * unknot_journal_db_set_error:
 * @db: (nullable): the connection that failed, for SQLite's own message
 * @folder: (nullable): the journal's folder, named when it cannot be written
 *
 * Sets a message that says what happened, what was kept and what to do, followed by
 * SQLite's words for it.
 */
void
unknot_journal_db_set_error (GError              **error,
                             sqlite3              *db,
                             int                   rc,
                             UnknotJournalAction   action,
                             const char           *folder)
{
  g_autofree char *reason = NULL;
  g_autofree char *details = NULL;
  const char *lead = NULL;
  const char *kept = NULL;
  const char *todo = NULL;
  UnknotJournalError code;

  if (error == NULL)
    return;

  /* Translators: after a message about the journal, SQLite's own (English) words */
  details = g_strdup_printf (_("(Details: %s.)"),
                             db != NULL && sqlite3_errcode (db) == rc ? sqlite3_errmsg (db)
                                                                      : sqlite3_errstr (rc));

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      code = UNKNOT_JOURNAL_ERROR_NO_SPACE;
      reason = g_strdup (_("The disk is full."));
      todo = _("Free some space on the disk, then try again.");
      break;

    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      code = UNKNOT_JOURNAL_ERROR_READ_ONLY;
      reason = folder ? g_strdup_printf (_("The folder “%s” cannot be written to."), folder)
                      : g_strdup (_("The journal’s folder cannot be written to."));
      todo = _("Check that the disk is not read-only and that you may write to the folder, then try again.");
      break;

    case SQLITE_IOERR:
      code = UNKNOT_JOURNAL_ERROR_IO;
      reason = g_strdup (_("The disk could not be read or written."));
      todo = _("Try again. If this keeps happening, the disk may be failing: copy your journal somewhere safe.");
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = UNKNOT_JOURNAL_ERROR_DAMAGED;
      reason = g_strdup (_("The journal’s file is damaged."));
      todo = _("Quit Unknot and start it again: it will set the damaged file aside and open your newest backup.");
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = UNKNOT_JOURNAL_ERROR_BUSY;
      reason = g_strdup (_("Another program is using the journal’s file."));
      todo = _("Close other programs that may have it open, then try again.");
      break;

    case SQLITE_TOOBIG:
      code = UNKNOT_JOURNAL_ERROR_INVALID;
      reason = g_strdup (_("The entry is too large."));
      todo = _("Shorten the notes, then try again.");
      break;

    case SQLITE_NOMEM:
      code = UNKNOT_JOURNAL_ERROR_FAILED;
      reason = g_strdup (_("There is not enough memory."));
      todo = _("Close some other programs, then try again.");
      break;

    default:
      code = UNKNOT_JOURNAL_ERROR_FAILED;
      reason = g_strdup (_("Something went wrong inside the journal."));
      todo = _("Try again.");
      break;
    }

  switch (action)
    {
    case UNKNOT_JOURNAL_ACTION_ADD:
      lead = _("Your entry could not be saved.");
      kept = _("What you typed is still here.");
      break;

    case UNKNOT_JOURNAL_ACTION_UPDATE:
      lead = _("Your changes could not be saved.");
      kept = _("What you typed is still here, and the entry is still in your journal as it was.");
      break;

    case UNKNOT_JOURNAL_ACTION_DELETE:
      lead = _("The entry could not be deleted.");
      kept = _("It is still in your journal.");
      break;

    case UNKNOT_JOURNAL_ACTION_ADD_MANY:
      lead = _("The entries could not be added.");
      kept = _("None of them were added, and your journal is as it was.");
      break;

    case UNKNOT_JOURNAL_ACTION_BACK_UP:
      lead = _("The backup could not be made.");
      kept = _("Your journal was not changed.");
      break;

    case UNKNOT_JOURNAL_ACTION_RESTORE:
      lead = _("The backup could not be restored.");
      kept = _("Your journal was left as it was.");
      break;

    case UNKNOT_JOURNAL_ACTION_OPEN:
      lead = _("Your journal could not be opened.");
      kept = _("Its file was left as it was.");
      break;

    case UNKNOT_JOURNAL_ACTION_READ:
    default:
      lead = _("Your journal could not be read.");
      kept = _("Nothing in it was changed.");
      break;
    }

  /* What happened, what was kept, what to do. */
  g_set_error (error, UNKNOT_JOURNAL_ERROR, code, "%s %s %s %s %s",
               lead, reason, kept, todo, details);
}

gboolean
unknot_journal_db_get_version (sqlite3  *db,
                               int      *version,
                               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      unknot_journal_db_set_error (error, db, rc, UNKNOT_JOURNAL_ACTION_OPEN, NULL);
      return FALSE;
    }

  *version = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Version 1: entries with their regions. */
static gboolean
migrate_to_1 (sqlite3  *db,
              GError  **error)
{
  return unknot_journal_db_exec (db,
    "CREATE TABLE entries ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  when_us INTEGER NOT NULL,"
    "  when_offset INTEGER NOT NULL DEFAULT 0,"
    "  pain_before INTEGER NOT NULL CHECK (pain_before BETWEEN 0 AND 10),"
    "  pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),"
    "  technique TEXT,"
    "  tool TEXT,"
    "  seconds INTEGER NOT NULL DEFAULT 0 CHECK (seconds >= 0),"
    "  occasion TEXT,"
    "  notes TEXT NOT NULL DEFAULT '',"
    "  created_us INTEGER NOT NULL"
    ");"
    "CREATE INDEX entries_when ON entries (when_us);"
    "CREATE TABLE entry_regions ("
    "  entry INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  region TEXT NOT NULL,"
    "  PRIMARY KEY (entry, position)"
    ") WITHOUT ROWID;"
    "CREATE INDEX entry_regions_region ON entry_regions (region, entry);",
    error);
}

/* Version 2: when an entry was last changed, how the pain felt and warning signs, and
 * indexes for the tool and technique filters. */
static gboolean
migrate_to_2 (sqlite3  *db,
              GError  **error)
{
  return unknot_journal_db_exec (db,
    "ALTER TABLE entries ADD COLUMN modified_us INTEGER NOT NULL DEFAULT 0;"
    "UPDATE entries SET modified_us = created_us;"
    "CREATE TABLE entry_qualities ("
    "  entry INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  quality TEXT NOT NULL,"
    "  PRIMARY KEY (entry, position)"
    ") WITHOUT ROWID;"
    "CREATE TABLE entry_red_flags ("
    "  entry INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  flag TEXT NOT NULL,"
    "  PRIMARY KEY (entry, position)"
    ") WITHOUT ROWID;"
    "CREATE INDEX entries_tool ON entries (tool, when_us);"
    "CREATE INDEX entries_technique ON entries (technique, when_us);",
    error);
}

/* Version 3: covering indexes for the statistics (unknot-journal-stats.c), so that
 * each one reads an index alone, never the table: the day's pain and the totals by
 * time; relief by technique and by tool (which replace the filters' indexes of
 * version 2: they start with the same columns); the pain per region, for which each
 * region's row keeps a copy of its entry's time and pain before. Triggers keep the
 * copy, whoever writes: a region's row takes them from its entry when it is added,
 * and an entry's change goes to its regions' rows. */
static gboolean
migrate_to_3 (sqlite3  *db,
              GError  **error)
{
  return unknot_journal_db_exec (db,
    "CREATE INDEX entries_when_pain ON entries (when_us, pain_before, pain_after);"
    "DROP INDEX entries_tool;"
    "CREATE INDEX entries_tool ON entries (tool, when_us, pain_before, pain_after);"
    "DROP INDEX entries_technique;"
    "CREATE INDEX entries_technique ON entries (technique, when_us, pain_before, pain_after);"
    "ALTER TABLE entry_regions ADD COLUMN when_us INTEGER;"
    "ALTER TABLE entry_regions ADD COLUMN pain_before INTEGER;"
    "UPDATE entry_regions SET (when_us, pain_before) ="
    "  (SELECT when_us, pain_before FROM entries WHERE id = entry_regions.entry);"
    "CREATE INDEX entry_regions_stats ON entry_regions (region, when_us, pain_before);"
    "CREATE TRIGGER entry_regions_copy AFTER INSERT ON entry_regions BEGIN"
    "  UPDATE entry_regions SET (when_us, pain_before) ="
    "    (SELECT when_us, pain_before FROM entries WHERE id = NEW.entry)"
    "  WHERE entry = NEW.entry AND position = NEW.position;"
    "END;"
    "CREATE TRIGGER entries_copy_to_regions AFTER UPDATE OF when_us, pain_before ON entries BEGIN"
    "  UPDATE entry_regions SET when_us = NEW.when_us, pain_before = NEW.pain_before"
    "  WHERE entry = NEW.id;"
    "END;",
    error);
}

/* Version 4: two indexes fewer, each one's reads served by another that begins as it
 * does. The time's: the time and pain index now holds the id second, so that it gives
 * the entries in the lists' order (time, then id) as well as the day's pain. The
 * region's list of entries: the regions' statistics index begins with the region and,
 * as every index of a table without rowid does, ends with the primary key, whose first
 * column is the entry. Each index costs every write, and an import remakes them all. */
static gboolean
migrate_to_4 (sqlite3  *db,
              GError  **error)
{
  return unknot_journal_db_exec (db,
    "DROP INDEX IF EXISTS entries_when;"
    "DROP INDEX IF EXISTS entry_regions_region;"
    "DROP INDEX entries_when_pain;"
    "CREATE INDEX entries_when_pain ON entries (when_us, id, pain_before, pain_after);",
    error);
}

typedef gboolean (*Migration) (sqlite3 *db, GError **error);

static const Migration migrations[UNKNOT_JOURNAL_SCHEMA_VERSION + 1] = {
  NULL,
  migrate_to_1,
  migrate_to_2,
  migrate_to_3,
  migrate_to_4,
};

/**
 * unknot_journal_db_migrate:
 *
 * Brings a journal of an older schema (or a new, empty file) to this build's version,
 * all in one transaction: after a failure the file is as it was.
 */
gboolean
unknot_journal_db_migrate (sqlite3     *db,
                           const char  *folder,
                           GError     **error)
{
  g_autofree char *set_version = NULL;
  int version;
  int rc;

  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      unknot_journal_db_set_error (error, db, rc, UNKNOT_JOURNAL_ACTION_OPEN, folder);
      return FALSE;
    }

  if (!unknot_journal_db_get_version (db, &version, error))
    goto failed;

  if (version < 0 || version > UNKNOT_JOURNAL_SCHEMA_VERSION)
    {
      g_set_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_NEWER,
                   _("Your journal was saved by a newer version of Unknot, so this version cannot change it."));
      goto failed;
    }
  if (version == UNKNOT_JOURNAL_SCHEMA_VERSION)
    return unknot_journal_db_exec (db, "COMMIT", error);

  for (int v = version + 1; v <= UNKNOT_JOURNAL_SCHEMA_VERSION; v++)
    {
      g_debug ("Migrating the journal to version %d", v);
      if (!migrations[v] (db, error))
        goto failed;
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", UNKNOT_JOURNAL_SCHEMA_VERSION);
  if (!unknot_journal_db_exec (db, set_version, error))
    goto failed;

  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      unknot_journal_db_set_error (error, db, rc, UNKNOT_JOURNAL_ACTION_OPEN, folder);
      goto failed;
    }

  return TRUE;

failed:
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* The same text whatever its case or composition, for finding words in the notes. */
char *
unknot_journal_fold_text (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *folded = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  folded = g_utf8_casefold (text, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
}

/* Whether @needle (already folded) is in @haystack (ASCII) in any case, without
 * copying it: most notes are plain ASCII, and a filter reads every row's. */
static gboolean
ascii_contains (const char *haystack,
                const char *needle)
{
  gsize needle_length = strlen (needle);

  for (const char *p = haystack; *p != '\0'; p++)
    {
      gsize i = 0;

      while (i < needle_length && p[i] != '\0' && g_ascii_tolower (p[i]) == needle[i])
        i++;
      if (i == needle_length)
        return TRUE;
      if (p[i] == '\0')
        return FALSE;
    }
  return needle_length == 0;
}

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p >= 0x80)
        return FALSE;
    }
  return TRUE;
}

/* unknot_contains(text, needle): whether @needle, folded with
 * unknot_journal_fold_text(), is in @text in any case or composition. */
static void
contains_function (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  const char *needle = (const char *) sqlite3_value_text (argv[1]);
  gboolean found;

  if (text == NULL || needle == NULL)
    {
      sqlite3_result_int (context, 0);
      return;
    }

  if (is_ascii (text))
    found = ascii_contains (text, needle);
  else
    {
      g_autofree char *folded = unknot_journal_fold_text (text);

      found = strstr (folded, needle) != NULL;
    }

  sqlite3_result_int (context, found);
}

/* unknot_contains(): the filters' way of finding words in the notes. */
gboolean
unknot_journal_db_add_functions (sqlite3 *db)
{
  return sqlite3_create_function_v2 (db, "unknot_contains", 2,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     NULL, contains_function, NULL, NULL, NULL) == SQLITE_OK;
}

static GStrv
split_ids (sqlite3_stmt *stmt,
           int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL || *text == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (text, " ", -1);
}

static GDateTime *
time_from_usec (gint64 usec)
{
  return usec > 0 ? g_date_time_new_from_unix_local_usec (usec) : NULL;
}

/* Reads the columns of UNKNOT_JOURNAL_ENTRY_COLUMNS, from @first_column on. */
UnknotJournalEntry *
unknot_journal_db_read_entry (sqlite3_stmt *stmt,
                              int           first_column)
{
  g_autoptr(UnknotJournalEntry) entry = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_auto(GStrv) regions = NULL;
  g_auto(GStrv) qualities = NULL;
  g_auto(GStrv) red_flags = NULL;
  int c = first_column;

  entry = unknot_journal_entry_new_with_id ((const char *) sqlite3_column_text (stmt, c + 1));

  utc = g_date_time_new_from_unix_utc_usec (sqlite3_column_int64 (stmt, c + 2));
  zone = g_time_zone_new_offset (sqlite3_column_int (stmt, c + 3));
  when = utc ? g_date_time_to_timezone (utc, zone) : NULL;
  unknot_journal_entry_set_when (entry, when);

  unknot_journal_entry_set_pain_before (entry, sqlite3_column_int (stmt, c + 4));
  unknot_journal_entry_set_pain_after (entry, sqlite3_column_type (stmt, c + 5) == SQLITE_NULL
                                              ? UNKNOT_JOURNAL_PAIN_UNSET
                                              : sqlite3_column_int (stmt, c + 5));
  unknot_journal_entry_set_technique_id (entry, (const char *) sqlite3_column_text (stmt, c + 6));
  unknot_journal_entry_set_tool_id (entry, (const char *) sqlite3_column_text (stmt, c + 7));
  unknot_journal_entry_set_seconds (entry, (guint) CLAMP (sqlite3_column_int64 (stmt, c + 8),
                                                          0, G_MAXUINT));
  unknot_journal_entry_set_occasion (entry, (const char *) sqlite3_column_text (stmt, c + 9));
  unknot_journal_entry_set_notes (entry, (const char *) sqlite3_column_text (stmt, c + 10));

  created = time_from_usec (sqlite3_column_int64 (stmt, c + 11));
  modified = time_from_usec (sqlite3_column_int64 (stmt, c + 12));
  unknot_journal_entry_set_saved_times (entry, created, modified);

  regions = split_ids (stmt, c + 13);
  qualities = split_ids (stmt, c + 14);
  red_flags = split_ids (stmt, c + 15);
  unknot_journal_entry_set_regions (entry, (const char * const *) regions);
  unknot_journal_entry_set_qualities (entry, (const char * const *) qualities);
  unknot_journal_entry_set_red_flags (entry, (const char * const *) red_flags);

  return g_steal_pointer (&entry);
}
