/* journal-test-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "journal/unknot-journal.h"
#include "journal-test-generate.h"

G_BEGIN_DECLS

char               *journal_test_path            (void);
UnknotJournal      *journal_test_open            (const char          *path,
                                                  const char          *vfs_name,
                                                  gboolean             backups);
void                journal_test_close           (UnknotJournal       *journal);
void                journal_test_wait_idle       (UnknotJournal       *journal);
UnknotJournalEntry *journal_test_add             (UnknotJournal       *journal,
                                                  UnknotJournalEntry  *entry,
                                                  GError             **error);
UnknotJournalEntry *journal_test_update          (UnknotJournal       *journal,
                                                  UnknotJournalEntry  *entry,
                                                  GError             **error);
UnknotJournalEntry *journal_test_delete          (UnknotJournal       *journal,
                                                  const char          *id,
                                                  GError             **error);
UnknotJournalEntry *journal_test_entry_new       (guint                i);
void                journal_test_generate        (const char          *path,
                                                  guint                n);
sqlite3            *journal_test_sql_open        (const char          *path);
gint64              journal_test_sql_int         (sqlite3             *db,
                                                  const char          *sql);
char               *journal_test_sql_plan        (sqlite3             *db,
                                                  const char          *sql);
char               *journal_test_sql_text        (sqlite3             *db,
                                                  const char          *sql);
void                journal_test_assert_intact   (const char          *path);
GBytes             *journal_test_read_file       (const char          *path);

G_END_DECLS
