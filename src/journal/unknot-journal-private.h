/* unknot-journal-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the journal's own files share, and what its tests reach into.
 */

#pragma once

#include <sqlite3.h>

#include "unknot-journal.h"
#include "unknot-journal-entry.h"
#include "unknot-journal-filter.h"
#include "unknot-journal-results.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close_v2)

/* The schema this build writes, kept in PRAGMA user_version. */
#define UNKNOT_JOURNAL_SCHEMA_VERSION 4

/* What was being done when SQLite failed, for the words of the message. */
typedef enum {
  UNKNOT_JOURNAL_ACTION_OPEN,
  UNKNOT_JOURNAL_ACTION_READ,
  UNKNOT_JOURNAL_ACTION_ADD,
  UNKNOT_JOURNAL_ACTION_UPDATE,
  UNKNOT_JOURNAL_ACTION_DELETE,
  UNKNOT_JOURNAL_ACTION_ADD_MANY,
  UNKNOT_JOURNAL_ACTION_BACK_UP,
  UNKNOT_JOURNAL_ACTION_RESTORE,
} UnknotJournalAction;

/* Every query that reads whole entries selects these, from "entries AS e". */
#define UNKNOT_JOURNAL_ENTRY_COLUMNS \
  "e.id, e.uuid, e.when_us, e.when_offset, e.pain_before, e.pain_after, e.technique, " \
  "e.tool, e.seconds, e.occasion, e.notes, e.created_us, e.modified_us, " \
  "(SELECT group_concat(region, ' ') FROM " \
  "  (SELECT region FROM entry_regions WHERE entry = e.id ORDER BY position)), " \
  "(SELECT group_concat(quality, ' ') FROM " \
  "  (SELECT quality FROM entry_qualities WHERE entry = e.id ORDER BY position)), " \
  "(SELECT group_concat(flag, ' ') FROM " \
  "  (SELECT flag FROM entry_red_flags WHERE entry = e.id ORDER BY position))"

/* Newest first; the row id keeps entries logged for the same moment apart. */
#define UNKNOT_JOURNAL_ORDER_NEWEST_FIRST " ORDER BY e.when_us DESC, e.id DESC"

/* unknot-journal-entry.c */
UnknotJournalEntry   *unknot_journal_entry_new_with_id      (const char                *id);
void                  unknot_journal_entry_set_saved_times  (UnknotJournalEntry        *self,
                                                             GDateTime                 *created,
                                                             GDateTime                 *modified);
guint                 unknot_journal_entry_get_n_live       (void);

/* unknot-journal-filter.c */
void                  unknot_journal_filter_append_sql      (const UnknotJournalFilter *self,
                                                             gboolean                   for_count,
                                                             GString                   *sql);
int                   unknot_journal_filter_bind            (const UnknotJournalFilter *self,
                                                             sqlite3_stmt              *stmt);

/* unknot-journal-db.c */
gboolean              unknot_journal_db_prepare             (sqlite3                   *db,
                                                             const char                *sql,
                                                             sqlite3_stmt             **stmt,
                                                             GError                   **error);
gboolean              unknot_journal_db_exec                (sqlite3                   *db,
                                                             const char                *sql,
                                                             GError                   **error);
void                  unknot_journal_db_set_error           (GError                   **error,
                                                             sqlite3                   *db,
                                                             int                        rc,
                                                             UnknotJournalAction        action,
                                                             const char                *folder);
gboolean              unknot_journal_db_get_version         (sqlite3                   *db,
                                                             int                       *version,
                                                             GError                   **error);
gboolean              unknot_journal_db_migrate             (sqlite3                   *db,
                                                             const char                *folder,
                                                             GError                   **error);
gboolean              unknot_journal_db_add_functions       (sqlite3                   *db);
UnknotJournalEntry   *unknot_journal_db_read_entry          (sqlite3_stmt              *stmt,
                                                             int                        first_column);
char                 *unknot_journal_fold_text              (const char                *text);

/* unknot-journal.c */
sqlite3              *unknot_journal_get_read_db            (UnknotJournal             *self);
void                  unknot_journal_add_results            (UnknotJournal             *self,
                                                             UnknotJournalResults      *results);
void                  unknot_journal_remove_results         (UnknotJournal             *self,
                                                             UnknotJournalResults      *results);
void                  unknot_journal_set_backups_enabled    (UnknotJournal             *self,
                                                             gboolean                   enabled);
void                  unknot_journal_set_bulk_min_entries   (UnknotJournal             *self,
                                                             guint                      n);
void                  unknot_journal_add_many_unchanged_async (UnknotJournal           *self,
                                                             GListModel                *entries,
                                                             GCancellable              *cancellable,
                                                             GAsyncReadyCallback        callback,
                                                             gpointer                   user_data);
char                 *unknot_journal_get_backup_dir         (UnknotJournal             *self);

/* unknot-journal-results.c */
UnknotJournalResults *unknot_journal_results_new            (UnknotJournal             *journal,
                                                             const UnknotJournalFilter *filter,
                                                             gboolean                   owned_by_journal);
void                  unknot_journal_results_reload         (UnknotJournalResults      *self);
void                  unknot_journal_results_change_begin   (UnknotJournalResults      *self,
                                                             const char                *id);
void                  unknot_journal_results_change_end     (UnknotJournalResults      *self,
                                                             const char                *id);
void                  unknot_journal_results_change_emit    (UnknotJournalResults      *self);

/* unknot-journal-stats.c: the SQL of each statistic, for the tests' query plans */
typedef enum {
  UNKNOT_JOURNAL_STATS_SQL_DAYS,
  UNKNOT_JOURNAL_STATS_SQL_TECHNIQUES,
  UNKNOT_JOURNAL_STATS_SQL_TOOLS,
  UNKNOT_JOURNAL_STATS_SQL_REGIONS,
  UNKNOT_JOURNAL_STATS_SQL_TOTALS,
} UnknotJournalStatsSql;

char                 *unknot_journal_stats_get_sql          (UnknotJournalStatsSql      which,
                                                             const UnknotJournalFilter *filter);

G_END_DECLS
