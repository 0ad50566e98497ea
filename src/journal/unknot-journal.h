/* unknot-journal.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "unknot-journal-entry.h"
#include "unknot-journal-filter.h"
#include "unknot-journal-results.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_JOURNAL (unknot_journal_get_type ())

#define UNKNOT_JOURNAL_ERROR (unknot_journal_error_quark ())

typedef enum {
  UNKNOT_JOURNAL_ERROR_INVALID,    /* a value was refused; nothing was written */
  UNKNOT_JOURNAL_ERROR_NOT_FOUND,  /* no entry has this id (any more) */
  UNKNOT_JOURNAL_ERROR_EXISTS,     /* an entry with this id is already in the journal */
  UNKNOT_JOURNAL_ERROR_DAMAGED,    /* the file is damaged; on open, it was set aside */
  UNKNOT_JOURNAL_ERROR_NEWER,      /* the file is from a newer Unknot; it is only read */
  UNKNOT_JOURNAL_ERROR_READ_ONLY,  /* the file or its folder cannot be written */
  UNKNOT_JOURNAL_ERROR_NO_SPACE,   /* the disk is full */
  UNKNOT_JOURNAL_ERROR_IO,         /* the disk failed to read or write */
  UNKNOT_JOURNAL_ERROR_BUSY,       /* another program holds the file */
  UNKNOT_JOURNAL_ERROR_FAILED,
} UnknotJournalError;

G_DECLARE_FINAL_TYPE (UnknotJournal, unknot_journal, UNKNOT, JOURNAL, GObject)

GQuark                unknot_journal_error_quark        (void);
UnknotJournal        *unknot_journal_new                (const char                *path);
UnknotJournal        *unknot_journal_new_full           (const char                *path,
                                                         const char                *vfs_name);
const char           *unknot_journal_get_path           (UnknotJournal             *self);
void                  unknot_journal_open_async         (UnknotJournal             *self,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback        callback,
                                                         gpointer                   user_data);
gboolean              unknot_journal_open_finish        (UnknotJournal             *self,
                                                         GAsyncResult              *result,
                                                         GError                   **error);
gboolean              unknot_journal_is_open            (UnknotJournal             *self);
gboolean              unknot_journal_is_read_only       (UnknotJournal             *self);
gboolean              unknot_journal_is_busy            (UnknotJournal             *self);
const GError         *unknot_journal_get_load_error     (UnknotJournal             *self);
const char           *unknot_journal_get_kept_aside     (UnknotJournal             *self);
const char           *unknot_journal_get_restored_from  (UnknotJournal             *self);
const char * const   *unknot_journal_get_known_regions  (UnknotJournal             *self);
void                  unknot_journal_set_known_regions  (UnknotJournal             *self,
                                                         const char * const        *region_ids);
UnknotJournalEntry   *unknot_journal_lookup             (UnknotJournal             *self,
                                                         const char                *id);
UnknotJournalResults *unknot_journal_query              (UnknotJournal             *self,
                                                         const UnknotJournalFilter *filter);
void                  unknot_journal_add_async          (UnknotJournal             *self,
                                                         UnknotJournalEntry        *entry,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback        callback,
                                                         gpointer                   user_data);
UnknotJournalEntry   *unknot_journal_add_finish         (UnknotJournal             *self,
                                                         GAsyncResult              *result,
                                                         GError                   **error);
void                  unknot_journal_update_async       (UnknotJournal             *self,
                                                         UnknotJournalEntry        *entry,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback        callback,
                                                         gpointer                   user_data);
UnknotJournalEntry   *unknot_journal_update_finish      (UnknotJournal             *self,
                                                         GAsyncResult              *result,
                                                         GError                   **error);
void                  unknot_journal_delete_async       (UnknotJournal             *self,
                                                         const char                *id,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback        callback,
                                                         gpointer                   user_data);
UnknotJournalEntry   *unknot_journal_delete_finish      (UnknotJournal             *self,
                                                         GAsyncResult              *result,
                                                         GError                   **error);
void                  unknot_journal_add_many_async     (UnknotJournal             *self,
                                                         GListModel                *entries,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback        callback,
                                                         gpointer                   user_data);
gboolean              unknot_journal_add_many_finish    (UnknotJournal             *self,
                                                         GAsyncResult              *result,
                                                         guint                     *n_added,
                                                         GError                   **error);
void                  unknot_journal_back_up_async      (UnknotJournal             *self,
                                                         GFile                     *file,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback        callback,
                                                         gpointer                   user_data);
gboolean              unknot_journal_back_up_finish     (UnknotJournal             *self,
                                                         GAsyncResult              *result,
                                                         GError                   **error);
void                  unknot_journal_check_backup_async (UnknotJournal             *self,
                                                         GFile                     *file,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback        callback,
                                                         gpointer                   user_data);
gboolean              unknot_journal_check_backup_finish (UnknotJournal            *self,
                                                         GAsyncResult              *result,
                                                         guint                     *n_entries,
                                                         GError                   **error);
void                  unknot_journal_restore_async      (UnknotJournal             *self,
                                                         GFile                     *file,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback        callback,
                                                         gpointer                   user_data);
char                 *unknot_journal_restore_finish     (UnknotJournal             *self,
                                                         GAsyncResult              *result,
                                                         GError                   **error);

G_END_DECLS
