/* unknot-tools-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "catalog/unknot-catalog.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_TOOLS_GROUP (unknot_tools_group_get_type ())

G_DECLARE_FINAL_TYPE (UnknotToolsGroup, unknot_tools_group, UNKNOT, TOOLS_GROUP, AdwPreferencesGroup)

GtkWidget *unknot_tools_group_new (UnknotCatalog *catalog,
                                   GSettings     *settings);

G_END_DECLS
