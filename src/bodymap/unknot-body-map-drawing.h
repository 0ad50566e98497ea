/* unknot-body-map-drawing.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <librsvg/rsvg.h>

#include "unknot-svg-style.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_BODY_MAP_DRAWING (unknot_body_map_drawing_get_type ())

G_DECLARE_FINAL_TYPE (UnknotBodyMapDrawing, unknot_body_map_drawing, UNKNOT, BODY_MAP_DRAWING, GObject)

UnknotBodyMapDrawing *unknot_body_map_drawing_get              (const char            *resource_path);
void                  unknot_body_map_drawing_preload          (const char            *resource_path);

RsvgHandle           *unknot_body_map_drawing_get_handle       (UnknotBodyMapDrawing  *self);
GBytes               *unknot_body_map_drawing_get_svg          (UnknotBodyMapDrawing  *self);
const char           *unknot_body_map_drawing_get_css_base     (UnknotBodyMapDrawing  *self);
void                  unknot_body_map_drawing_get_size         (UnknotBodyMapDrawing  *self,
                                                                double                *width,
                                                                double                *height);
guint                 unknot_body_map_drawing_get_n_regions    (UnknotBodyMapDrawing  *self);
const char           *unknot_body_map_drawing_get_region       (UnknotBodyMapDrawing  *self,
                                                                guint                  position,
                                                                graphene_rect_t       *ink);

GdkTexture           *unknot_body_map_drawing_take_prerendered (UnknotBodyMapDrawing  *self,
                                                                int                    width,
                                                                int                    height,
                                                                UnknotSvgStyle         style);
gboolean              unknot_body_map_drawing_has_prerendered  (UnknotBodyMapDrawing  *self,
                                                                int                    width,
                                                                int                    height,
                                                                UnknotSvgStyle         style);
void                  unknot_body_map_drawing_remember_size    (UnknotBodyMapDrawing  *self,
                                                                int                    width,
                                                                int                    height,
                                                                UnknotSvgStyle         style);

G_END_DECLS
