/* unknot-entry-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "catalog/unknot-catalog.h"
#include "unknot-journal.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_ENTRY_EDITOR (unknot_entry_editor_get_type ())

G_DECLARE_FINAL_TYPE (UnknotEntryEditor, unknot_entry_editor, UNKNOT, ENTRY_EDITOR, AdwDialog)

/* entry: what to show. If the journal already has an entry with its id, Save updates it
 * ("Edit Entry"); otherwise Save adds it ("Log Pain"). The editor works on a copy. */
UnknotEntryEditor *unknot_entry_editor_new     (UnknotJournal      *journal,
                                                UnknotCatalog      *catalog,
                                                UnknotJournalEntry *entry);
/* Presents over parent and remembers it: toasts and the red-flag advice go there. */
void               unknot_entry_editor_present (UnknotEntryEditor  *self,
                                                GtkWidget          *parent);

G_END_DECLS
