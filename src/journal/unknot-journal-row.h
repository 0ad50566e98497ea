/* unknot-journal-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "catalog/unknot-catalog.h"
#include "unknot-journal-entry.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_JOURNAL_ROW (unknot_journal_row_get_type ())

G_DECLARE_FINAL_TYPE (UnknotJournalRow, unknot_journal_row, UNKNOT, JOURNAL_ROW, GtkWidget)

GtkWidget          *unknot_journal_row_new              (UnknotCatalog      *catalog);
UnknotJournalEntry *unknot_journal_row_get_entry        (UnknotJournalRow   *self);
void                unknot_journal_row_set_entry        (UnknotJournalRow   *self,
                                                         UnknotJournalEntry *entry);
char               *unknot_journal_row_describe         (UnknotJournalRow   *self);
char               *unknot_journal_format_regions       (UnknotCatalog      *catalog,
                                                         const char * const *region_ids);
char               *unknot_journal_format_pain          (UnknotJournalEntry *entry);

G_END_DECLS
