/* unknot-svg-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "unknot-svg-style"

#include "config.h"

#include <adwaita.h>

#include "unknot-svg-style.h"

static const char *suffixes[] = {
  [UNKNOT_SVG_STYLE_LIGHT] = NULL,
  [UNKNOT_SVG_STYLE_DARK] = "-dark.css",
  [UNKNOT_SVG_STYLE_HIGH_CONTRAST] = "-high-contrast.css",
  [UNKNOT_SVG_STYLE_HIGH_CONTRAST_DARK] = "-high-contrast-dark.css",
};

UnknotSvgStyle
unknot_svg_style_current (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);

  if (adw_style_manager_get_high_contrast (manager))
    return dark ? UNKNOT_SVG_STYLE_HIGH_CONTRAST_DARK : UNKNOT_SVG_STYLE_HIGH_CONTRAST;

  return dark ? UNKNOT_SVG_STYLE_DARK : UNKNOT_SVG_STYLE_LIGHT;
}

/**
 * unknot_svg_style_load_handle:
 * @svg: the drawing
 * @css_base: the GResource path its stylesheets start with ("…/bodymap/back" finds
 *   "…/bodymap/back-dark.css")
 * @style: the style to draw in
 *
 * A user stylesheet cannot be taken back from a handle, so each style gets a handle of
 * its own. librsvg applies it below the drawing's own <style>, which is why the
 * stylesheets mark their rules !important.
 *
 * Returns: (transfer full) (nullable): a handle ready to render
 */
RsvgHandle *
unknot_svg_style_load_handle (GBytes          *svg,
                              const char      *css_base,
                              UnknotSvgStyle   style,
                              GError         **error)
{
  g_autoptr(RsvgHandle) handle = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (svg, &size);

  handle = rsvg_handle_new_from_data (data, size, error);
  if (handle == NULL)
    return NULL;

  if (suffixes[style] != NULL)
    {
      g_autofree char *path = g_strconcat (css_base, suffixes[style], NULL);
      g_autoptr(GBytes) css = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      if (css != NULL)
        {
          const guint8 *css_data = g_bytes_get_data (css, &size);

          if (!rsvg_handle_set_stylesheet (handle, css_data, size, error))
            return NULL;
        }
    }

  return g_steal_pointer (&handle);
}

/**
 * unknot_svg_style_render:
 * @handle: a drawing
 * @area: (nullable): the part of the drawing to show, in its own units, or %NULL for
 *   all of it
 *
 * Rasterises the drawing, or @area of it, into @width × @height device pixels.
 *
 * Returns: (transfer full): the picture; on error, what was drawn before it
 */
GdkTexture *
unknot_svg_style_render (RsvgHandle            *handle,
                         const graphene_rect_t *area,
                         int                    width,
                         int                    height,
                         GError               **error)
{
  RsvgRectangle viewport = { 0, 0, width, height };
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  GdkTexture *texture;
  int stride;

  /* Showing only @area: the whole drawing is laid out larger and shifted so that
   * @area fills the picture. */
  if (area != NULL)
    {
      double svg_width, svg_height, sx, sy;

      if (rsvg_handle_get_intrinsic_size_in_pixels (handle, &svg_width, &svg_height))
        {
          sx = width / area->size.width;
          sy = height / area->size.height;
          viewport = (RsvgRectangle) { -area->origin.x * sx, -area->origin.y * sy,
                                       svg_width * sx, svg_height * sy };
        }
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  rsvg_handle_render_document (handle, cr, &viewport, error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Cairo's ARGB32 is GDK's default memory format. */
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
  cairo_surface_destroy (surface);

  return texture;
}

/* Calls @callback (swapped, with @instance) whenever the style may have changed. */
void
unknot_svg_style_watch (GCallback callback,
                        gpointer  instance)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_signal_connect_swapped (manager, "notify::dark", callback, instance);
  g_signal_connect_swapped (manager, "notify::high-contrast", callback, instance);
}

void
unknot_svg_style_unwatch (gpointer instance)
{
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), instance);
}
