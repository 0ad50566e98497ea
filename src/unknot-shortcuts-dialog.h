/* unknot-shortcuts-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_SHORTCUTS_DIALOG (unknot_shortcuts_dialog_get_type ())

G_DECLARE_FINAL_TYPE (UnknotShortcutsDialog, unknot_shortcuts_dialog, UNKNOT, SHORTCUTS_DIALOG, AdwDialog)

UnknotShortcutsDialog *unknot_shortcuts_dialog_new (void);

G_END_DECLS
