/* unknot-sidebar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bodymap/unknot-body-map.h"
#include "catalog/unknot-catalog.h"
#include "journal/unknot-journal.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_SIDEBAR (unknot_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (UnknotSidebar, unknot_sidebar, UNKNOT, SIDEBAR, AdwBin)

UnknotBodyMap *unknot_sidebar_get_body_map  (UnknotSidebar *self);
void           unknot_sidebar_focus_search  (UnknotSidebar *self);

G_END_DECLS
