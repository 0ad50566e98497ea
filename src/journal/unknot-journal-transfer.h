/* unknot-journal-transfer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "unknot-journal.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_JOURNAL_TRANSFER (unknot_journal_transfer_get_type ())

G_DECLARE_FINAL_TYPE (UnknotJournalTransfer, unknot_journal_transfer, UNKNOT, JOURNAL_TRANSFER, GObject)

UnknotJournalTransfer *unknot_journal_transfer_new            (UnknotJournal         *journal,
                                                               GtkWidget             *parent,
                                                               AdwToastOverlay       *toasts);
GActionGroup          *unknot_journal_transfer_get_actions    (UnknotJournalTransfer *self);
GMenuModel            *unknot_journal_transfer_get_menu       (UnknotJournalTransfer *self);
char                  *unknot_journal_transfer_suggest_name   (const char            *what,
                                                               const char            *extension,
                                                               GDateTime             *now);
void                   unknot_journal_transfer_export_to      (UnknotJournalTransfer *self,
                                                               GFile                 *file);
void                   unknot_journal_transfer_import_from    (UnknotJournalTransfer *self,
                                                               GFile                 *file);
void                   unknot_journal_transfer_back_up_to     (UnknotJournalTransfer *self,
                                                               GFile                 *file);
void                   unknot_journal_transfer_restore_from   (UnknotJournalTransfer *self,
                                                               GFile                 *file);

G_END_DECLS
