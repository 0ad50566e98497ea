/* unknot-body-map-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What UnknotBodyMap and its region children share, and nothing else may use.
 */

#pragma once

#include "unknot-body-map.h"
#include "unknot-body-map-region.h"

G_BEGIN_DECLS

/* A checkable region (for a map in multiple mode) is a check box for screen readers. */
UnknotBodyMapRegion *unknot_body_map_region_new          (const char           *region_id,
                                                          guint                 index,
                                                          gboolean              checkable);
guint                unknot_body_map_region_get_index    (UnknotBodyMapRegion  *self);
void                 unknot_body_map_region_set_label    (UnknotBodyMapRegion  *self,
                                                          const char           *label);
void                 unknot_body_map_region_set_selected (UnknotBodyMapRegion  *self,
                                                          gboolean              selected);
void                 unknot_body_map_region_set_heat     (UnknotBodyMapRegion  *self,
                                                          double                heat);
void                 unknot_body_map_region_set_shape    (UnknotBodyMapRegion  *self,
                                                          GdkTexture           *fill_mask,
                                                          GdkTexture           *edge_mask);
/* Whether the region draws anything over the map: heat, selection, hover or focus. */
gboolean             unknot_body_map_region_is_tinted    (UnknotBodyMapRegion  *self);

/* The region's ink bounds in the SVG's own units (for layout and arrow-key moves). */
void                 unknot_body_map_region_set_svg_bounds (UnknotBodyMapRegion   *self,
                                                            const graphene_rect_t *bounds);
void                 unknot_body_map_region_get_svg_bounds (UnknotBodyMapRegion   *self,
                                                            graphene_rect_t       *bounds);

/* Exact hit test at a point in the map's own coordinates. */
guint                unknot_body_map_index_at            (UnknotBodyMap        *map,
                                                          double                x,
                                                          double                y);
void                 unknot_body_map_region_activated    (UnknotBodyMap        *map,
                                                          UnknotBodyMapRegion  *region);

/* For the benchmark: forget the render cache so the next draw rasterises again. */
void                 unknot_body_map_drop_cache          (UnknotBodyMap        *map);

G_END_DECLS
