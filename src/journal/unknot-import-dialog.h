/* unknot-import-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "unknot-journal.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_IMPORT_DIALOG (unknot_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (UnknotImportDialog, unknot_import_dialog, UNKNOT, IMPORT_DIALOG, AdwDialog)

UnknotImportDialog *unknot_import_dialog_new         (UnknotJournal      *journal,
                                                      GFile              *file);
gboolean            unknot_import_dialog_is_ready    (UnknotImportDialog *self);
guint               unknot_import_dialog_get_n_entries (UnknotImportDialog *self);
guint               unknot_import_dialog_get_n_skipped (UnknotImportDialog *self);

G_END_DECLS
