/* unknot-svg-style.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project's drawings take their colours from CSS classes. For the dark and
 * high-contrast styles a stylesheet beside them redefines those classes; this is how
 * the body map and the illustrations find and apply it.
 */

#pragma once

#include <gtk/gtk.h>
#include <librsvg/rsvg.h>

G_BEGIN_DECLS

/* librsvg does not declare this itself. */
#ifndef __GI_SCANNER__
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsvgHandle, g_object_unref)
#endif

typedef enum {
  UNKNOT_SVG_STYLE_LIGHT,
  UNKNOT_SVG_STYLE_DARK,
  UNKNOT_SVG_STYLE_HIGH_CONTRAST,
  UNKNOT_SVG_STYLE_HIGH_CONTRAST_DARK,
} UnknotSvgStyle;

UnknotSvgStyle  unknot_svg_style_current       (void);
RsvgHandle     *unknot_svg_style_load_handle   (GBytes          *svg,
                                                const char      *css_base,
                                                UnknotSvgStyle   style,
                                                GError         **error);
GdkTexture     *unknot_svg_style_render        (RsvgHandle            *handle,
                                                const graphene_rect_t *area,
                                                int                    width,
                                                int                    height,
                                                GError               **error);
void            unknot_svg_style_watch         (GCallback        callback,
                                                gpointer         instance);
void            unknot_svg_style_unwatch       (gpointer         instance);

G_END_DECLS
