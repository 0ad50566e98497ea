/* test-illustrations.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The high-contrast styles checked by their pixels, not only dumped: the drawings and
 * the body map are rendered with the stylesheets the app uses, on the background the
 * style gives them, and their figures, outlines and regions are measured against it.
 */

#define G_LOG_DOMAIN "test-illustrations"

#include "config.h"

#include <math.h>

#include "unknot-svg-style.h"

typedef struct
{
  int     width;
  int     height;
  guint8 *rgba;     /* straight (not premultiplied) R8G8B8A8 */
} Pixels;

static void
pixels_clear (Pixels *pixels)
{
  g_clear_pointer (&pixels->rgba, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pixels, pixels_clear)

static double
channel (guint8 v)
{
  double c = v / 255.0;

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* Relative luminance of a colour laid over @background (0 black … 1 white), as WCAG
 * defines it. */
static double
luminance_over (const guint8 *rgba,
                double        background)
{
  double a = rgba[3] / 255.0;
  double bg = background > 0.5 ? 1.0 : 0.0;
  double r = a * channel (rgba[0]) + (1 - a) * bg;
  double g = a * channel (rgba[1]) + (1 - a) * bg;
  double b = a * channel (rgba[2]) + (1 - a) * bg;

  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

static double
contrast (double l1,
          double l2)
{
  return (MAX (l1, l2) + 0.05) / (MIN (l1, l2) + 0.05);
}

static void
download (GdkTexture *texture,
          Pixels     *pixels)
{
  g_autoptr(GdkTextureDownloader) downloader = gdk_texture_downloader_new (texture);

  pixels->width = gdk_texture_get_width (texture);
  pixels->height = gdk_texture_get_height (texture);
  pixels->rgba = g_malloc ((gsize) pixels->width * pixels->height * 4);
  gdk_texture_downloader_set_format (downloader, GDK_MEMORY_R8G8B8A8);
  gdk_texture_downloader_download_into (downloader, pixels->rgba, (gsize) pixels->width * 4);
}

static void
render_resource (const char     *path,
                 const char     *css_base,
                 UnknotSvgStyle  style,
                 double          scale,
                 Pixels         *pixels)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_autoptr(RsvgHandle) handle = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  double width, height;

  g_assert_no_error (error);
  handle = unknot_svg_style_load_handle (svg, css_base, style, &error);
  g_assert_no_error (error);
  g_assert_true (rsvg_handle_get_intrinsic_size_in_pixels (handle, &width, &height));
  texture = unknot_svg_style_render (handle, NULL, (int) (width * scale), (int) (height * scale), &error);
  g_assert_no_error (error);
  download (texture, pixels);
}

/* Drawings of every kind of view: side, front (lying on one side), from behind, with
 * an inset, with a chair, with each tool, with rings and arrows. */
static const char * const drawings[] = {
  "foam-roller-lats-1.svg",
  "foam-roller-lower-back-2.svg",
  "hands-lower-back-3.svg",
  "stick-upper-trapezius-3.svg",
  "massager-back-1.svg",
  "ball-glutes-3.svg",
  "stick-between-shoulder-blades-2.svg",
};

typedef struct
{
  guint  figure;      /* pixels drawn (at least half opaque) */
  guint  distinct;    /* of those, at 3:1 or more against the background */
  guint  outline;     /* of those, in the outline colour (black, or white when dark) */
  double worst;       /* the lowest contrast of any large part: see below */
} Measure;

static Measure
measure_drawing (const char     *name,
                 UnknotSvgStyle  style)
{
  g_autofree char *path = g_strconcat (RESOURCE_BASE_PATH "/illustrations/", name, NULL);
  g_auto(Pixels) pixels = { 0 };
  gboolean dark = style == UNKNOT_SVG_STYLE_DARK || style == UNKNOT_SVG_STYLE_HIGH_CONTRAST_DARK;
  double background = dark ? 0.0 : 1.0;
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  Measure m = { 0, 0, 0, 21.0 };
  GHashTableIter iter;
  gpointer key, value;

  render_resource (path, RESOURCE_BASE_PATH "/illustrations/illustration", style, 2.0, &pixels);

  for (int i = 0; i < pixels.width * pixels.height; i++)
    {
      const guint8 *p = pixels.rgba + 4 * i;
      double l;

      if (p[3] < 128)
        continue;
      l = luminance_over (p, background);
      m.figure++;
      if (contrast (l, background) >= 3.0)
        m.distinct++;
      if (dark ? l > 0.9 : l < 0.01)
        m.outline++;
      /* Count the opaque colours, to find each part's fill (antialiased edges aside). */
      if (p[3] == 255)
        {
          guint rgb = (p[0] << 16) | (p[1] << 8) | p[2];

          g_hash_table_insert (colours, GUINT_TO_POINTER (rgb),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (colours, GUINT_TO_POINTER (rgb))) + 1));
        }
    }

  /* Every colour that fills a large part of the drawing (1 % of it or more: skin,
   * shirt, trousers, tool …) against the background. */
  g_hash_table_iter_init (&iter, colours);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint rgb = GPOINTER_TO_UINT (key);
      guint8 p[4] = { rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff, 255 };

      if (GPOINTER_TO_UINT (value) * 100 >= m.figure)
        m.worst = MIN (m.worst, contrast (luminance_over (p, background), background));
    }

  return m;
}

static void
test_drawings_high_contrast (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (drawings); i++)
    {
      Measure light = measure_drawing (drawings[i], UNKNOT_SVG_STYLE_LIGHT);
      Measure hc = measure_drawing (drawings[i], UNKNOT_SVG_STYLE_HIGH_CONTRAST);
      Measure hc_dark = measure_drawing (drawings[i], UNKNOT_SVG_STYLE_HIGH_CONTRAST_DARK);

      g_test_message ("%s: at 3:1 or more: light %.0f %%, high contrast %.0f %%, dark %.0f %%; "
                      "weakest large part: light %.1f:1, high contrast %.1f:1, dark %.1f:1",
                      drawings[i],
                      100.0 * light.distinct / light.figure, 100.0 * hc.distinct / hc.figure,
                      100.0 * hc_dark.distinct / hc_dark.figure,
                      light.worst, hc.worst, hc_dark.worst);

      /* The figure is drawn, and the same figure in every style. */
      g_assert_cmpuint (hc.figure, >, 2000);
      g_assert_cmpfloat (ABS ((double) hc.figure - light.figure), <, 0.1 * light.figure);

      /* Nearly all of it stands out from the background at 3:1 or more (the WCAG
       * minimum for graphics), and more of it than in the ordinary style. */
      g_assert_cmpfloat (hc.distinct, >=, 0.95 * hc.figure);
      g_assert_cmpfloat (hc_dark.distinct, >=, 0.95 * hc_dark.figure);
      g_assert_cmpuint (hc.distinct * light.figure, >=, light.distinct * hc.figure);

      /* No large part is faint: each fill at 3:1 or more. */
      g_assert_cmpfloat (hc.worst, >=, 3.0);
      g_assert_cmpfloat (hc_dark.worst, >=, 3.0);

      /* Every part outlined: the outline colour is a visible share of the figure. */
      g_assert_cmpfloat (hc.outline, >=, 0.04 * hc.figure);
      g_assert_cmpfloat (hc_dark.outline, >=, 0.04 * hc_dark.figure);
    }
}

/* The map: each region's edge carries the outline colour, and its fill stands apart
 * from the outline. */
static void
check_map (UnknotSvgStyle style)
{
  gboolean dark = style == UNKNOT_SVG_STYLE_HIGH_CONTRAST_DARK;
  double background = dark ? 0.0 : 1.0;
  const double scale = 2.0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = g_resources_lookup_data (RESOURCE_BASE_PATH "/bodymap/back.svg",
                                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_autoptr(RsvgHandle) handle = NULL;
  g_auto(Pixels) map = { 0 };
  static const char * const regions[] = {
    "spine", "upper-trapezius-left", "rhomboids-left", "erector-spinae-thoracic-left",
    "erector-spinae-lumbar-left", "quadratus-lumborum-left", "latissimus-dorsi-left",
    "gluteals-left", "hamstrings-left", "upper-trapezius-right", "rhomboids-right",
    "erector-spinae-thoracic-right", "erector-spinae-lumbar-right",
    "quadratus-lumborum-right", "latissimus-dorsi-right", "gluteals-right",
    "hamstrings-right",
  };

  render_resource (RESOURCE_BASE_PATH "/bodymap/back.svg", RESOURCE_BASE_PATH "/bodymap/back",
                   style, scale, &map);
  g_assert_no_error (error);
  handle = unknot_svg_style_load_handle (svg, RESOURCE_BASE_PATH "/bodymap/back", style, &error);
  g_assert_no_error (error);

  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    {
      g_autofree char *layer = g_strconcat ("#", regions[r], NULL);
      RsvgRectangle viewport = { 0, 0, map.width, map.height };
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, map.width, map.height);
      cairo_t *cr = cairo_create (surface);
      const guint8 *mask;
      int stride;
      guint edge = 0, outlined = 0, inside = 0;
      double fill = 0;

      g_assert_true (rsvg_handle_render_layer (handle, cr, layer, &viewport, &error));
      g_assert_no_error (error);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      mask = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);

      for (int y = 1; y < map.height - 1; y++)
        for (int x = 1; x < map.width - 1; x++)
          {
            const guint8 *p = map.rgba + 4 * (y * map.width + x);
            double l;
            gboolean in = mask[y * stride + x] >= 128;
            gboolean border = in && (mask[y * stride + x - 1] < 128 || mask[y * stride + x + 1] < 128 ||
                                     mask[(y - 1) * stride + x] < 128 || mask[(y + 1) * stride + x] < 128);
            gboolean deep = in && mask[(y - 3 > 0 ? y - 3 : 0) * stride + x] >= 128 &&
                            y + 3 < map.height && mask[(y + 3) * stride + x] >= 128 &&
                            x > 3 && mask[y * stride + x - 3] >= 128 &&
                            x + 3 < map.width && mask[y * stride + x + 3] >= 128;

            if (border)
              {
                gboolean found = FALSE;

                /* The outline at this point of the edge, within 2 pixels (the edge
                 * itself is antialiased). */
                for (int dy = -2; dy <= 2 && !found; dy++)
                  for (int dx = -2; dx <= 2 && !found; dx++)
                    {
                      int nx = CLAMP (x + dx, 0, map.width - 1);
                      int ny = CLAMP (y + dy, 0, map.height - 1);
                      double nl = luminance_over (map.rgba + 4 * (ny * map.width + nx), background);

                      found = dark ? nl > 0.5 : nl < 0.1;
                    }
                edge++;
                if (found)
                  outlined++;
              }
            else if (deep)
              {
                l = luminance_over (p, background);
                inside++;
                fill += l;
              }
          }
      cairo_surface_destroy (surface);

      g_test_message ("%s %s: %u of %u edge pixels outlined; fill luminance %.2f",
                      dark ? "dark" : "light", regions[r], outlined, edge, inside ? fill / inside : 0);
      g_assert_cmpuint (edge, >, 50);
      /* The outline runs round the whole region … */
      g_assert_cmpfloat (outlined, >=, 0.85 * edge);
      /* … and the fill (fibres and all, on average) is far from the outline's colour. */
      g_assert_cmpuint (inside, >, 0);
      g_assert_cmpfloat (contrast (fill / inside, dark ? 1.0 : 0.0), >=, 3.0);
    }
}

static void
test_map_high_contrast (void)
{
  check_map (UNKNOT_SVG_STYLE_HIGH_CONTRAST);
  check_map (UNKNOT_SVG_STYLE_HIGH_CONTRAST_DARK);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/illustrations/drawings-high-contrast", test_drawings_high_contrast);
  g_test_add_func ("/illustrations/map-high-contrast", test_map_high_contrast);

  return g_test_run ();
}
