/* unknot-body-map-region.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_BODY_MAP_REGION (unknot_body_map_region_get_type ())

G_DECLARE_FINAL_TYPE (UnknotBodyMapRegion, unknot_body_map_region, UNKNOT, BODY_MAP_REGION, GtkWidget)

const char *unknot_body_map_region_get_region_id (UnknotBodyMapRegion *self);
const char *unknot_body_map_region_get_label     (UnknotBodyMapRegion *self);
gboolean    unknot_body_map_region_get_selected  (UnknotBodyMapRegion *self);

G_END_DECLS
