/* unknot-trend-raster.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _UnknotTrendRaster UnknotTrendRaster;

UnknotTrendRaster *unknot_trend_raster_new             (int                width,
                                                        int                height);
UnknotTrendRaster *unknot_trend_raster_new_slice       (UnknotTrendRaster *whole,
                                                        int                top,
                                                        int                bottom);
void               unknot_trend_raster_free            (UnknotTrendRaster *self);

/* Shapes go into a coverage mask, in device pixels; composite paints the mask in a
 * colour over what is already there and empties the mask. */
void               unknot_trend_raster_stroke_polyline (UnknotTrendRaster *self,
                                                        const float       *xy,
                                                        guint              n_points,
                                                        float              line_width);
void               unknot_trend_raster_fill_circle     (UnknotTrendRaster *self,
                                                        float              x,
                                                        float              y,
                                                        float              radius);
void               unknot_trend_raster_fill_rect       (UnknotTrendRaster *self,
                                                        float              x,
                                                        float              y,
                                                        float              width,
                                                        float              height);
void               unknot_trend_raster_paint_band      (UnknotTrendRaster *self,
                                                        const float       *x,
                                                        const float       *y1,
                                                        const float       *y2,
                                                        guint              n_points,
                                                        const GdkRGBA     *colour);
void               unknot_trend_raster_composite       (UnknotTrendRaster *self,
                                                        const GdkRGBA     *colour);

GdkTexture        *unknot_trend_raster_free_to_texture (UnknotTrendRaster *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotTrendRaster, unknot_trend_raster_free)

G_END_DECLS
