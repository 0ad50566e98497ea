/* unknot-journal-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "unknot-journal.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_JOURNAL_CSV_IMPORT (unknot_journal_csv_import_get_type ())

/* Why a row of a file was not taken. */
typedef enum {
  UNKNOT_JOURNAL_CSV_SKIP_BAD_DATE,        /* when, created or modified cannot be read */
  UNKNOT_JOURNAL_CSV_SKIP_PAIN,            /* a pain score is not a number from 0 to 10 */
  UNKNOT_JOURNAL_CSV_SKIP_UNKNOWN_REGION,  /* no area, or one the body map does not have */
  UNKNOT_JOURNAL_CSV_SKIP_DUPLICATE,       /* the id is in the journal, or earlier in the file */
  UNKNOT_JOURNAL_CSV_SKIP_INVALID,         /* another value the journal refuses */
  UNKNOT_JOURNAL_CSV_SKIP_MALFORMED,       /* not a row of this format */
} UnknotJournalCsvSkip;

G_DECLARE_FINAL_TYPE (UnknotJournalCsvImport, unknot_journal_csv_import, UNKNOT, JOURNAL_CSV_IMPORT, GObject)

const char * const   *unknot_journal_csv_get_columns            (void);

gboolean              unknot_journal_csv_export                 (UnknotJournal           *journal,
                                                                 GOutputStream           *stream,
                                                                 guint                   *n_written,
                                                                 GCancellable            *cancellable,
                                                                 GError                 **error);
void                  unknot_journal_csv_export_async           (UnknotJournal           *journal,
                                                                 GOutputStream           *stream,
                                                                 GCancellable            *cancellable,
                                                                 GAsyncReadyCallback      callback,
                                                                 gpointer                 user_data);
gboolean              unknot_journal_csv_export_finish          (UnknotJournal           *journal,
                                                                 GAsyncResult            *result,
                                                                 guint                   *n_written,
                                                                 GError                 **error);

void                  unknot_journal_csv_import_read_async      (UnknotJournal           *journal,
                                                                 GInputStream            *stream,
                                                                 GCancellable            *cancellable,
                                                                 GAsyncReadyCallback      callback,
                                                                 gpointer                 user_data);
UnknotJournalCsvImport *unknot_journal_csv_import_read_finish   (UnknotJournal           *journal,
                                                                 GAsyncResult            *result,
                                                                 GError                 **error);

UnknotJournal        *unknot_journal_csv_import_get_journal     (UnknotJournalCsvImport  *self);
GListModel           *unknot_journal_csv_import_get_entries     (UnknotJournalCsvImport  *self);
guint                 unknot_journal_csv_import_get_n_entries   (UnknotJournalCsvImport  *self);
guint                 unknot_journal_csv_import_get_n_skipped   (UnknotJournalCsvImport  *self);
guint                 unknot_journal_csv_import_get_skipped_line (UnknotJournalCsvImport *self,
                                                                 guint                    index);
UnknotJournalCsvSkip  unknot_journal_csv_import_get_skipped_reason (UnknotJournalCsvImport *self,
                                                                 guint                    index);
const char           *unknot_journal_csv_import_get_skipped_message (UnknotJournalCsvImport *self,
                                                                 guint                    index);
void                  unknot_journal_csv_import_apply_async     (UnknotJournalCsvImport  *self,
                                                                 GCancellable            *cancellable,
                                                                 GAsyncReadyCallback      callback,
                                                                 gpointer                 user_data);
gboolean              unknot_journal_csv_import_apply_finish    (UnknotJournalCsvImport  *self,
                                                                 GAsyncResult            *result,
                                                                 guint                   *n_added,
                                                                 GError                 **error);

G_END_DECLS
