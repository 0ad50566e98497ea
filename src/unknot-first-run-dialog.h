/* unknot-first-run-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "catalog/unknot-catalog.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_FIRST_RUN_DIALOG (unknot_first_run_dialog_get_type ())

G_DECLARE_FINAL_TYPE (UnknotFirstRunDialog, unknot_first_run_dialog, UNKNOT, FIRST_RUN_DIALOG, AdwDialog)

UnknotFirstRunDialog *unknot_first_run_dialog_new (UnknotCatalog *catalog,
                                                   GSettings     *settings);

G_END_DECLS
