/* unknot-body-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clickable map of the back. It knows regions only by their SVG ids: every element
 * of the drawing whose class list has "region" becomes one UnknotBodyMapRegion child.
 *
 * The drawing is rasterised with librsvg once per size, scale factor and style into a
 * base texture, a mask per region and an ID map (one byte per device pixel naming the
 * region painted there). Hover, focus and selection only re-tint the cached masks, and
 * hit-testing is one lookup in the ID map, exact to the painted shape.
 *
 * A frame needs only the base texture until a region is tinted, so the region shapes
 * (masks and ID map) are made after the frame, when the main loop is idle, or at once
 * when something asks for them first: a hit test, a tinted region, a test.
 */

#define G_LOG_DOMAIN "unknot-body-map"

#include "config.h"

#include <glib/gi18n.h>
#include <librsvg/rsvg.h>
#include <math.h>

#include "unknot-body-map-drawing.h"
#include "unknot-body-map-private.h"
#include "unknot-svg-style.h"

struct _UnknotBodyMap
{
  GtkWidget         parent_instance;

  char             *resource_path;
  UnknotBodyMapDrawing *drawing;
  RsvgHandle       *handle;
  double            svg_width;
  double            svg_height;

  /* UnknotBodyMapRegion children, in reading order (top to bottom, left to right). */
  GPtrArray        *regions;
  char             *selected_region;
  /* In multiple mode: the chosen regions, in reading order. */
  GStrv             selected_regions;
  gboolean          multiple;

  /* Where the drawing sits inside the widget, in whole logical pixels. */
  GdkRectangle      map_rect;

  /* The render cache and what it was made for. */
  UnknotSvgStyle    style;
  UnknotSvgStyle    handle_style;
  UnknotSvgStyle    cache_style;
  int               cache_scale;
  int               cache_width;
  int               cache_height;
  GdkTexture       *base_texture;
  guint8           *id_map;
  guint             shapes_idle_id;
  guint             shapes_valid : 1;
};

G_DEFINE_FINAL_TYPE (UnknotBodyMap, unknot_body_map, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RESOURCE_PATH,
  PROP_SELECTED_REGION,
  PROP_MULTIPLE,
  PROP_SELECTED_REGIONS,
  N_PROPS
};

enum {
  SIGNAL_REGION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void sync_selected_regions (UnknotBodyMap *self);
static void ensure_handle         (UnknotBodyMap *self);

static int
compare_reading_order (gconstpointer a,
                       gconstpointer b)
{
  UnknotBodyMapRegion *ra = *(UnknotBodyMapRegion **) a;
  UnknotBodyMapRegion *rb = *(UnknotBodyMapRegion **) b;
  graphene_rect_t ba, bb;
  double ya, yb;

  unknot_body_map_region_get_svg_bounds (ra, &ba);
  unknot_body_map_region_get_svg_bounds (rb, &bb);

  /* Rows by the top edge rounded to bands, then left to right. */
  ya = floor (ba.origin.y / 40.0);
  yb = floor (bb.origin.y / 40.0);
  if (ya != yb)
    return ya < yb ? -1 : 1;
  if (ba.origin.x != bb.origin.x)
    return ba.origin.x < bb.origin.x ? -1 : 1;
  return 0;
}

static void
unknot_body_map_invalidate_cache (UnknotBodyMap *self)
{
  g_clear_object (&self->base_texture);
  g_clear_pointer (&self->id_map, g_free);
  self->shapes_valid = FALSE;
  self->cache_width = self->cache_height = self->cache_scale = 0;
}

static void
unknot_body_map_load (UnknotBodyMap *self)
{
  guint n_regions;

  self->drawing = unknot_body_map_drawing_get (self->resource_path);
  if (self->drawing == NULL)
    return;

  self->handle = g_object_ref (unknot_body_map_drawing_get_handle (self->drawing));
  unknot_body_map_drawing_get_size (self->drawing, &self->svg_width, &self->svg_height);

  n_regions = unknot_body_map_drawing_get_n_regions (self->drawing);
  for (guint i = 0; i < n_regions; i++)
    {
      graphene_rect_t ink;
      const char *id = unknot_body_map_drawing_get_region (self->drawing, i, &ink);
      UnknotBodyMapRegion *region;

      /* Index 0 in the ID map means "no region". Hidden until the map is in a window
       * (see unknot_body_map_root ()). */
      region = unknot_body_map_region_new (id, i + 1, self->multiple);
      gtk_widget_set_visible (GTK_WIDGET (region), FALSE);
      unknot_body_map_region_set_svg_bounds (region, &ink);
      gtk_widget_set_parent (GTK_WIDGET (region), GTK_WIDGET (self));
      g_ptr_array_add (self->regions, region);
    }

  g_ptr_array_sort (self->regions, compare_reading_order);
}

static UnknotBodyMapRegion *
find_region (UnknotBodyMap *self,
             const char    *region_id)
{
  if (region_id == NULL)
    return NULL;

  for (guint i = 0; i < self->regions->len; i++)
    {
      UnknotBodyMapRegion *region = g_ptr_array_index (self->regions, i);

      if (g_str_equal (unknot_body_map_region_get_region_id (region), region_id))
        return region;
    }

  return NULL;
}

static UnknotBodyMapRegion *
find_region_by_index (UnknotBodyMap *self,
                      guint          index)
{
  for (guint i = 0; i < self->regions->len; i++)
    {
      UnknotBodyMapRegion *region = g_ptr_array_index (self->regions, i);

      if (unknot_body_map_region_get_index (region) == index)
        return region;
    }

  return NULL;
}

static void
on_style_changed_cb (UnknotBodyMap *self)
{
  UnknotSvgStyle style = unknot_svg_style_current ();

  if (style == self->style)
    return;

  self->style = style;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Device-pixel rectangle of a region inside the cache, the same rectangle its widget is
 * allocated in logical pixels. */
static void
region_logical_rect (UnknotBodyMap       *self,
                     UnknotBodyMapRegion *region,
                     GdkRectangle        *rect)
{
  graphene_rect_t bounds;
  double s = self->map_rect.width / self->svg_width;
  int x0, y0, x1, y1;

  unknot_body_map_region_get_svg_bounds (region, &bounds);
  x0 = floor (bounds.origin.x * s) - 1;
  y0 = floor (bounds.origin.y * s) - 1;
  x1 = ceil ((bounds.origin.x + bounds.size.width) * s) + 1;
  y1 = ceil ((bounds.origin.y + bounds.size.height) * s) + 1;

  rect->x = CLAMP (x0, 0, self->map_rect.width);
  rect->y = CLAMP (y0, 0, self->map_rect.height);
  rect->width = CLAMP (x1, 0, self->map_rect.width) - rect->x;
  rect->height = CLAMP (y1, 0, self->map_rect.height) - rect->y;
}

/* A white, premultiplied texture whose alpha is @alpha (one byte per pixel). */
static GdkTexture *
mask_texture (const guint8 *alpha,
              int           width,
              int           height)
{
  g_autoptr(GBytes) bytes = NULL;
  guint8 *pixels = g_malloc ((gsize) width * height * 4);

  for (gsize i = 0; i < (gsize) width * height; i++)
    memset (pixels + i * 4, alpha[i], 4);

  bytes = g_bytes_new_take (pixels, (gsize) width * height * 4);

  return gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8A8_PREMULTIPLIED,
                                 bytes, (gsize) width * 4);
}

static void
render_region (UnknotBodyMap       *self,
               UnknotBodyMapRegion *region,
               int                  scale,
               const RsvgRectangle *viewport)
{
  g_autofree char *layer = g_strconcat ("#", unknot_body_map_region_get_region_id (region), NULL);
  g_autoptr(GdkTexture) fill = NULL;
  g_autoptr(GdkTexture) edge = NULL;
  g_autofree guint8 *fill_alpha = NULL;
  g_autofree guint8 *edge_alpha = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint index = unknot_body_map_region_get_index (region);
  GdkRectangle rect;
  int x0, y0, w, h, stride;
  int radius = MAX (1, (int) round (1.5 * scale));
  const guint8 *data;

  region_logical_rect (self, region, &rect);
  x0 = rect.x * scale;
  y0 = rect.y * scale;
  w = MAX (1, rect.width * scale);
  h = MAX (1, rect.height * scale);

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, w, h);
  cr = cairo_create (surface);
  cairo_translate (cr, -x0, -y0);
  if (!rsvg_handle_render_layer (self->handle, cr, layer, viewport, &error))
    g_warning ("Cannot render region %s: %s", layer, error->message);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  fill_alpha = g_malloc ((gsize) w * h);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint8 a = data[y * stride + x];

        fill_alpha[y * w + x] = a;
        /* Half covered or more belongs to this region for hit-testing. */
        if (a >= 128 && y0 + y < self->cache_height && x0 + x < self->cache_width)
          self->id_map[(gsize) (y0 + y) * self->cache_width + x0 + x] = index;
      }
  cairo_surface_destroy (surface);

  /* The outline: pixels of the region within @radius of a pixel that is not. */
  edge_alpha = g_malloc0 ((gsize) w * h);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        int gx = x0 + x, gy = y0 + y;
        gboolean edge_px = FALSE;

        if (gx >= self->cache_width || gy >= self->cache_height ||
            self->id_map[(gsize) gy * self->cache_width + gx] != index)
          continue;

        for (int r = 1; r <= radius && !edge_px; r++)
          {
            int nx[4] = { gx - r, gx + r, gx, gx };
            int ny[4] = { gy, gy, gy - r, gy + r };

            for (guint k = 0; k < 4 && !edge_px; k++)
              edge_px = nx[k] < 0 || ny[k] < 0 ||
                        nx[k] >= self->cache_width || ny[k] >= self->cache_height ||
                        self->id_map[(gsize) ny[k] * self->cache_width + nx[k]] != index;
          }

        if (edge_px)
          edge_alpha[y * w + x] = 255;
      }

  fill = mask_texture (fill_alpha, w, h);
  edge = mask_texture (edge_alpha, w, h);
  unknot_body_map_region_set_shape (region, fill, edge);
}

/* The masks and the ID map for the base texture in the cache. */
static void
ensure_shapes (UnknotBodyMap *self)
{
  RsvgRectangle viewport;

  if (self->shapes_valid || self->base_texture == NULL)
    return;

  g_clear_handle_id (&self->shapes_idle_id, g_source_remove);
  ensure_handle (self);
  viewport = (RsvgRectangle) { 0, 0, self->cache_width, self->cache_height };
  self->id_map = g_malloc0 ((gsize) self->cache_width * self->cache_height);
  for (guint i = 0; i < self->regions->len; i++)
    render_region (self, g_ptr_array_index (self->regions, i), self->cache_scale, &viewport);
  self->shapes_valid = TRUE;
}

static gboolean
on_shapes_idle_cb (gpointer user_data)
{
  UnknotBodyMap *self = user_data;

  self->shapes_idle_id = 0;
  ensure_shapes (self);

  return G_SOURCE_REMOVE;
}

/* The handle in the current style; each style has a handle of its own. */
static void
ensure_handle (UnknotBodyMap *self)
{
  g_autoptr(RsvgHandle) handle = NULL;
  g_autoptr(GError) error = NULL;

  if (self->drawing == NULL || self->style == self->handle_style)
    return;

  handle = unknot_svg_style_load_handle (unknot_body_map_drawing_get_svg (self->drawing),
                                         unknot_body_map_drawing_get_css_base (self->drawing),
                                         self->style, &error);
  if (handle == NULL)
    {
      g_warning ("Cannot restyle the body map: %s", error->message);
      return;
    }

  g_set_object (&self->handle, handle);
  self->handle_style = self->style;
}

/* The drawing itself, for the current size, scale factor and style. */
static void
ensure_base (UnknotBodyMap *self)
{
  g_autoptr(GError) error = NULL;
  int scale, width, height;

  if (self->handle == NULL || self->map_rect.width <= 0 || self->map_rect.height <= 0)
    return;

  scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  width = self->map_rect.width * scale;
  height = self->map_rect.height * scale;

  if (self->base_texture != NULL &&
      self->cache_width == width &&
      self->cache_height == height &&
      self->cache_scale == scale &&
      self->cache_style == self->style)
    return;

  unknot_body_map_invalidate_cache (self);
  self->cache_width = width;
  self->cache_height = height;
  self->cache_scale = scale;
  self->cache_style = self->style;

  unknot_body_map_drawing_remember_size (self->drawing, width, height, self->style);

  /* The first map of a start usually finds its picture made already, on the thread
   * that read the drawing while GTK started. */
  self->base_texture = unknot_body_map_drawing_take_prerendered (self->drawing,
                                                                 width, height,
                                                                 self->style);
  if (self->base_texture != NULL)
    return;

  ensure_handle (self);
  self->base_texture = unknot_svg_style_render (self->handle, NULL, width, height, &error);
  if (error != NULL)
    g_warning ("Cannot render the body map: %s", error->message);
}

/**
 * unknot_body_map_ensure_rendered:
 * @self: a #UnknotBodyMap
 *
 * Rasterises the drawing and its region shapes for the current size, scale factor and
 * style if the cache was made for another. Tests and benchmarks may call it directly;
 * drawing makes the shapes only when it needs them.
 */
void
unknot_body_map_ensure_rendered (UnknotBodyMap *self)
{
  g_return_if_fail (UNKNOT_IS_BODY_MAP (self));

  ensure_base (self);
  ensure_shapes (self);
}

static void
unknot_body_map_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (widget);
  double ratio = self->svg_width > 0 ? self->svg_height / self->svg_width : 1.0;

  /* The map keeps its aspect ratio: its height follows the width it is given. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = for_size > 0 ? MAX (120, (int) (for_size / ratio)) : 360;
    }
  else
    {
      int width = for_size > 0 ? for_size : 360;

      *minimum = (int) ceil (120 * ratio);
      *natural = MAX (*minimum, (int) ceil (width * ratio));
    }
}

static GtkSizeRequestMode
unknot_body_map_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
unknot_body_map_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (widget);
  double scale;

  if (self->svg_width <= 0 || self->svg_height <= 0)
    return;

  /* Fit the drawing into the allocation, centred, in whole pixels. */
  scale = MIN (width / self->svg_width, height / self->svg_height);
  self->map_rect.width = MAX (1, (int) floor (self->svg_width * scale));
  self->map_rect.height = MAX (1, (int) floor (self->svg_height * scale));
  self->map_rect.x = (width - self->map_rect.width) / 2;
  self->map_rect.y = (height - self->map_rect.height) / 2;

  for (guint i = 0; i < self->regions->len; i++)
    {
      UnknotBodyMapRegion *region = g_ptr_array_index (self->regions, i);
      GdkRectangle rect;

      region_logical_rect (self, region, &rect);
      rect.x += self->map_rect.x;
      rect.y += self->map_rect.y;
      gtk_widget_size_allocate (GTK_WIDGET (region), &rect, -1);
    }
}

/* The regions are shown once the map is in a window. Whoever names them first (the
 * sidebar, the entry editor) does so before: a visible widget whose tooltip is set
 * asks the display where the pointer is, a round trip per region that the window's
 * first frame would wait for, and a hidden one does not. */
static void
unknot_body_map_root (GtkWidget *widget)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (widget);

  GTK_WIDGET_CLASS (unknot_body_map_parent_class)->root (widget);

  for (guint i = 0; i < self->regions->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->regions, i), TRUE);
}

static void
unknot_body_map_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (widget);

  ensure_base (self);
  if (self->base_texture == NULL)
    return;

  /* A tinted region draws its mask now; otherwise the masks can wait for an idle
   * moment after this frame. */
  if (!self->shapes_valid)
    {
      gboolean tinted = FALSE;

      for (guint i = 0; i < self->regions->len && !tinted; i++)
        tinted = unknot_body_map_region_is_tinted (g_ptr_array_index (self->regions, i));

      if (tinted)
        ensure_shapes (self);
      else if (self->shapes_idle_id == 0)
        self->shapes_idle_id = g_idle_add_full (G_PRIORITY_LOW, on_shapes_idle_cb, self, NULL);
    }

  gtk_snapshot_append_texture (snapshot, self->base_texture,
                               &GRAPHENE_RECT_INIT (self->map_rect.x, self->map_rect.y,
                                                    self->map_rect.width,
                                                    self->map_rect.height));

  for (guint i = 0; i < self->regions->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->regions, i), snapshot);
}

static UnknotBodyMapRegion *
neighbour_in_direction (UnknotBodyMap       *self,
                        UnknotBodyMapRegion *from,
                        GtkDirectionType     direction)
{
  UnknotBodyMapRegion *best = NULL;
  double best_score = G_MAXDOUBLE;
  graphene_rect_t bounds;
  graphene_point_t c0;
  double dx = 0, dy = 0;

  switch (direction)
    {
    case GTK_DIR_UP: dy = -1; break;
    case GTK_DIR_DOWN: dy = 1; break;
    case GTK_DIR_LEFT: dx = -1; break;
    case GTK_DIR_RIGHT: dx = 1; break;
    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_TAB_BACKWARD:
    default:
      return NULL;
    }

  unknot_body_map_region_get_svg_bounds (from, &bounds);
  graphene_rect_get_center (&bounds, &c0);

  for (guint i = 0; i < self->regions->len; i++)
    {
      UnknotBodyMapRegion *region = g_ptr_array_index (self->regions, i);
      graphene_point_t c;
      double along, across, score;

      if (region == from)
        continue;

      /* Measure to the nearest point of the other region, so a long region such as
       * the spine is "right of" everything beside it, not only of its middle. */
      unknot_body_map_region_get_svg_bounds (region, &bounds);
      c.x = CLAMP (c0.x, bounds.origin.x, bounds.origin.x + bounds.size.width);
      c.y = CLAMP (c0.y, bounds.origin.y, bounds.origin.y + bounds.size.height);
      along = (c.x - c0.x) * dx + (c.y - c0.y) * dy;
      across = fabs ((c.x - c0.x) * dy - (c.y - c0.y) * dx);

      /* Ahead of us, within a wide cone; near and straight ahead wins. */
      if (along <= 1 || across > 2.5 * along)
        continue;

      score = along + 2 * across;
      if (score < best_score)
        {
          best_score = score;
          best = region;
        }
    }

  return best;
}

static gboolean
unknot_body_map_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  UnknotBodyMapRegion *target;

  if (self->regions->len == 0)
    return FALSE;

  /* Tab enters the map at the selected region (or the first one) and the next Tab
   * leaves it: the map is one stop in the focus chain, arrows move inside it. Whether
   * a region is the window's focus, not whether the window is active: that is what a
   * move from it means, and it does not change when another window takes the keys. */
  if (focus_child == NULL || !gtk_widget_is_focus (focus_child))
    {
      target = find_region (self, self->multiple
                                  ? (self->selected_regions ? self->selected_regions[0] : NULL)
                                  : self->selected_region);
      if (target == NULL)
        target = g_ptr_array_index (self->regions,
                                    direction == GTK_DIR_TAB_BACKWARD ||
                                    direction == GTK_DIR_UP ||
                                    direction == GTK_DIR_LEFT
                                    ? self->regions->len - 1 : 0);
      return gtk_widget_grab_focus (GTK_WIDGET (target));
    }

  if (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD)
    return FALSE;

  target = neighbour_in_direction (self, UNKNOT_BODY_MAP_REGION (focus_child), direction);
  if (target != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (target));
  else
    gtk_widget_error_bell (widget);

  return TRUE;
}

static gboolean
unknot_body_map_grab_focus (GtkWidget *widget)
{
  return unknot_body_map_focus (widget, GTK_DIR_TAB_FORWARD);
}

static void
unknot_body_map_constructed (GObject *object)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (object);

  G_OBJECT_CLASS (unknot_body_map_parent_class)->constructed (object);

  if (self->resource_path != NULL)
    unknot_body_map_load (self);

  if (self->multiple)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    _("Use the arrow keys to move between muscles, Space or Enter to choose or unchoose one"),
                                    -1);
}

static void
unknot_body_map_dispose (GObject *object)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (object);

  unknot_svg_style_unwatch (self);

  if (self->regions != NULL)
    {
      for (guint i = 0; i < self->regions->len; i++)
        gtk_widget_unparent (g_ptr_array_index (self->regions, i));
      g_ptr_array_set_size (self->regions, 0);
    }

  g_clear_handle_id (&self->shapes_idle_id, g_source_remove);
  unknot_body_map_invalidate_cache (self);
  g_clear_object (&self->handle);
  g_clear_object (&self->drawing);

  G_OBJECT_CLASS (unknot_body_map_parent_class)->dispose (object);
}

static void
unknot_body_map_finalize (GObject *object)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (object);

  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->resource_path, g_free);
  g_clear_pointer (&self->selected_region, g_free);
  g_clear_pointer (&self->selected_regions, g_strfreev);

  G_OBJECT_CLASS (unknot_body_map_parent_class)->finalize (object);
}

static void
unknot_body_map_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (object);

  switch (prop_id)
    {
    case PROP_RESOURCE_PATH:
      g_value_set_string (value, self->resource_path);
      break;

    case PROP_SELECTED_REGION:
      g_value_set_string (value, self->selected_region);
      break;

    case PROP_MULTIPLE:
      g_value_set_boolean (value, self->multiple);
      break;

    case PROP_SELECTED_REGIONS:
      g_value_set_boxed (value, self->selected_regions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_body_map_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (object);

  switch (prop_id)
    {
    case PROP_RESOURCE_PATH:
      self->resource_path = g_value_dup_string (value);
      break;

    case PROP_SELECTED_REGION:
      unknot_body_map_set_selected_region (self, g_value_get_string (value));
      break;

    case PROP_MULTIPLE:
      self->multiple = g_value_get_boolean (value);
      break;

    case PROP_SELECTED_REGIONS:
      unknot_body_map_set_selected_regions (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_body_map_class_init (UnknotBodyMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = unknot_body_map_constructed;
  object_class->dispose = unknot_body_map_dispose;
  object_class->finalize = unknot_body_map_finalize;
  object_class->get_property = unknot_body_map_get_property;
  object_class->set_property = unknot_body_map_set_property;

  widget_class->measure = unknot_body_map_measure;
  widget_class->get_request_mode = unknot_body_map_get_request_mode;
  widget_class->size_allocate = unknot_body_map_size_allocate;
  widget_class->snapshot = unknot_body_map_snapshot;
  widget_class->root = unknot_body_map_root;
  widget_class->focus = unknot_body_map_focus;
  widget_class->grab_focus = unknot_body_map_grab_focus;

  /**
   * UnknotBodyMap:resource-path:
   *
   * The GResource path of the SVG drawing.
   */
  properties[PROP_RESOURCE_PATH] =
    g_param_spec_string ("resource-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * UnknotBodyMap:selected-region:
   *
   * The id of the selected region, or %NULL.
   */
  properties[PROP_SELECTED_REGION] =
    g_param_spec_string ("selected-region", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * UnknotBodyMap:multiple:
   *
   * Whether several regions can be chosen: a click, Space or Enter on a region then
   * adds it to #UnknotBodyMap:selected-regions or takes it out again, and each region
   * is a check box for screen readers. Without it (the default) one region is
   * #UnknotBodyMap:selected-region.
   */
  properties[PROP_MULTIPLE] =
    g_param_spec_boolean ("multiple", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_CONSTRUCT_ONLY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * UnknotBodyMap:selected-regions:
   *
   * In multiple mode, the ids of the chosen regions in reading order (%NULL when none
   * is chosen). Ids the map does not know are left out.
   */
  properties[PROP_SELECTED_REGIONS] =
    g_param_spec_boxed ("selected-regions", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UnknotBodyMap::region-activated:
   * @region_id: the id of the region
   *
   * A region was clicked, or chosen with Enter or Space. In multiple mode it is
   * emitted after the region was added to the selection or taken out of it.
   */
  signals[SIGNAL_REGION_ACTIVATED] =
    g_signal_new ("region-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "bodymap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
unknot_body_map_init (UnknotBodyMap *self)
{
  self->regions = g_ptr_array_new ();
  self->style = unknot_svg_style_current ();
  unknot_svg_style_watch (G_CALLBACK (on_style_changed_cb), self);

  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map of the back"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Use the arrow keys to move between muscles, Enter to choose one"),
                                  -1);
}

GtkWidget *
unknot_body_map_new (const char *resource_path)
{
  return g_object_new (UNKNOT_TYPE_BODY_MAP,
                       "resource-path", resource_path,
                       NULL);
}

const char *
unknot_body_map_get_resource_path (UnknotBodyMap *self)
{
  g_return_val_if_fail (UNKNOT_IS_BODY_MAP (self), NULL);

  return self->resource_path;
}

/**
 * unknot_body_map_dup_region_ids:
 * @self: a #UnknotBodyMap
 *
 * Returns: (transfer full): the ids of all regions, in reading order
 */
GStrv
unknot_body_map_dup_region_ids (UnknotBodyMap *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (UNKNOT_IS_BODY_MAP (self), NULL);

  for (guint i = 0; i < self->regions->len; i++)
    g_strv_builder_add (builder,
                        unknot_body_map_region_get_region_id (g_ptr_array_index (self->regions, i)));

  return g_strv_builder_end (builder);
}

/**
 * unknot_body_map_set_region_label:
 *
 * Sets the name shown in the region's tooltip and read by screen readers.
 */
void
unknot_body_map_set_region_label (UnknotBodyMap *self,
                                  const char    *region_id,
                                  const char    *label)
{
  UnknotBodyMapRegion *region;

  g_return_if_fail (UNKNOT_IS_BODY_MAP (self));

  region = find_region (self, region_id);
  if (region != NULL)
    unknot_body_map_region_set_label (region, label);
}

const char *
unknot_body_map_get_selected_region (UnknotBodyMap *self)
{
  g_return_val_if_fail (UNKNOT_IS_BODY_MAP (self), NULL);

  return self->selected_region;
}

void
unknot_body_map_set_selected_region (UnknotBodyMap *self,
                                     const char    *region_id)
{
  g_return_if_fail (UNKNOT_IS_BODY_MAP (self));

  if (region_id != NULL && find_region (self, region_id) == NULL)
    region_id = NULL;

  if (!g_set_str (&self->selected_region, region_id))
    return;

  for (guint i = 0; i < self->regions->len; i++)
    {
      UnknotBodyMapRegion *region = g_ptr_array_index (self->regions, i);

      unknot_body_map_region_set_selected (region,
                                           g_strcmp0 (unknot_body_map_region_get_region_id (region),
                                                      region_id) == 0);
    }

  /* In multiple mode this chooses the one region alone. */
  if (self->multiple)
    sync_selected_regions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
}

guint
unknot_body_map_index_at (UnknotBodyMap *self,
                          double         x,
                          double         y)
{
  int px, py;

  ensure_shapes (self);
  if (self->id_map == NULL)
    return 0;

  px = (int) floor ((x - self->map_rect.x) * self->cache_scale);
  py = (int) floor ((y - self->map_rect.y) * self->cache_scale);
  if (px < 0 || py < 0 || px >= self->cache_width || py >= self->cache_height)
    return 0;

  return self->id_map[(gsize) py * self->cache_width + px];
}

/**
 * unknot_body_map_region_at:
 * @self: a #UnknotBodyMap
 * @x: x in the widget's coordinates
 * @y: y in the widget's coordinates
 *
 * Returns: (nullable): the id of the region painted at (@x, @y), or %NULL
 */
const char *
unknot_body_map_region_at (UnknotBodyMap *self,
                           double         x,
                           double         y)
{
  UnknotBodyMapRegion *region;

  g_return_val_if_fail (UNKNOT_IS_BODY_MAP (self), NULL);

  region = find_region_by_index (self, unknot_body_map_index_at (self, x, y));

  return region ? unknot_body_map_region_get_region_id (region) : NULL;
}

/**
 * unknot_body_map_find_region_point:
 * @self: a rendered #UnknotBodyMap
 * @region_id: a region id
 * @point: (out): a point in the widget's coordinates
 *
 * Finds the point of the region farthest from its edges, where a click surely lands
 * on it.
 *
 * Returns: %TRUE if the region is painted at the current size
 */
gboolean
unknot_body_map_find_region_point (UnknotBodyMap    *self,
                                   const char       *region_id,
                                   graphene_point_t *point)
{
  UnknotBodyMapRegion *region;
  g_autofree guint16 *dist = NULL;
  guint index;
  int w, h, best = -1;
  gsize n;

  g_return_val_if_fail (UNKNOT_IS_BODY_MAP (self), FALSE);

  region = find_region (self, region_id);
  ensure_shapes (self);
  if (region == NULL || self->id_map == NULL)
    return FALSE;

  index = unknot_body_map_region_get_index (region);
  w = self->cache_width;
  h = self->cache_height;
  n = (gsize) w * h;
  dist = g_new (guint16, n);

  /* City-block distance to the nearest pixel outside the region, in two passes. */
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        gsize i = (gsize) y * w + x;

        if (self->id_map[i] != index)
          dist[i] = 0;
        else
          dist[i] = MIN (MIN (x > 0 ? dist[i - 1] : 0, y > 0 ? dist[i - w] : 0) + 1,
                         G_MAXUINT16 - 1);
      }
  for (int y = h - 1; y >= 0; y--)
    for (int x = w - 1; x >= 0; x--)
      {
        gsize i = (gsize) y * w + x;

        if (dist[i] == 0)
          continue;
        dist[i] = MIN (dist[i], (x < w - 1 ? dist[i + 1] : 0) + 1);
        dist[i] = MIN (dist[i], (y < h - 1 ? dist[i + w] : 0) + 1);
        if (best < 0 || dist[i] > dist[best])
          best = (int) i;
      }

  if (best < 0)
    return FALSE;

  point->x = self->map_rect.x + ((best % w) + 0.5) / self->cache_scale;
  point->y = self->map_rect.y + ((best / w) + 0.5) / self->cache_scale;

  return TRUE;
}

/**
 * unknot_body_map_get_region_widget:
 *
 * Returns: (transfer none) (nullable): the accessible widget of a region
 */
GtkWidget *
unknot_body_map_get_region_widget (UnknotBodyMap *self,
                                   const char    *region_id)
{
  g_return_val_if_fail (UNKNOT_IS_BODY_MAP (self), NULL);

  return (GtkWidget *) find_region (self, region_id);
}

/**
 * unknot_body_map_set_region_heat:
 * @heat: from 0 (least) to 1 (most), or a negative value for none
 *
 * Tints a region along a colour ramp, for the journal's pain map.
 */
void
unknot_body_map_set_region_heat (UnknotBodyMap *self,
                                 const char    *region_id,
                                 double         heat)
{
  UnknotBodyMapRegion *region;

  g_return_if_fail (UNKNOT_IS_BODY_MAP (self));

  region = find_region (self, region_id);
  if (region != NULL)
    unknot_body_map_region_set_heat (region, heat < 0 ? -1 : MIN (heat, 1.0));
}

void
unknot_body_map_clear_heat (UnknotBodyMap *self)
{
  g_return_if_fail (UNKNOT_IS_BODY_MAP (self));

  for (guint i = 0; i < self->regions->len; i++)
    unknot_body_map_region_set_heat (g_ptr_array_index (self->regions, i), -1);
}

/* The chosen regions as the regions themselves say, in reading order. */
static void
sync_selected_regions (UnknotBodyMap *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  guint n = 0;

  for (guint i = 0; i < self->regions->len; i++)
    {
      UnknotBodyMapRegion *region = g_ptr_array_index (self->regions, i);

      if (unknot_body_map_region_get_selected (region))
        {
          g_strv_builder_add (builder, unknot_body_map_region_get_region_id (region));
          n++;
        }
    }

  ids = n > 0 ? g_strv_builder_end (builder) : NULL;
  if ((ids == NULL && self->selected_regions == NULL) ||
      (ids != NULL && self->selected_regions != NULL &&
       g_strv_equal ((const char * const *) ids, (const char * const *) self->selected_regions)))
    return;

  g_strfreev (self->selected_regions);
  self->selected_regions = g_steal_pointer (&ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGIONS]);
}

void
unknot_body_map_region_activated (UnknotBodyMap       *self,
                                  UnknotBodyMapRegion *region)
{
  const char *id = unknot_body_map_region_get_region_id (region);

  if (self->multiple)
    {
      unknot_body_map_region_set_selected (region, !unknot_body_map_region_get_selected (region));
      sync_selected_regions (self);
    }
  else
    unknot_body_map_set_selected_region (self, id);

  g_signal_emit (self, signals[SIGNAL_REGION_ACTIVATED], 0, id);
}

/**
 * unknot_body_map_get_multiple:
 *
 * Returns: whether several regions can be chosen
 */
gboolean
unknot_body_map_get_multiple (UnknotBodyMap *self)
{
  g_return_val_if_fail (UNKNOT_IS_BODY_MAP (self), FALSE);

  return self->multiple;
}

/**
 * unknot_body_map_get_selected_regions:
 *
 * Returns: (transfer none) (nullable): in multiple mode, the chosen regions' ids in
 *   reading order, or %NULL when none is chosen
 */
const char * const *
unknot_body_map_get_selected_regions (UnknotBodyMap *self)
{
  g_return_val_if_fail (UNKNOT_IS_BODY_MAP (self), NULL);

  return (const char * const *) self->selected_regions;
}

/**
 * unknot_body_map_set_selected_regions:
 * @region_ids: (nullable): the ids to choose; unknown ids are left out
 *
 * Chooses exactly these regions. Only for a map in multiple mode.
 */
void
unknot_body_map_set_selected_regions (UnknotBodyMap      *self,
                                      const char * const *region_ids)
{
  g_return_if_fail (UNKNOT_IS_BODY_MAP (self));
  g_return_if_fail (self->multiple || region_ids == NULL || region_ids[0] == NULL);

  for (guint i = 0; i < self->regions->len; i++)
    {
      UnknotBodyMapRegion *region = g_ptr_array_index (self->regions, i);
      const char *id = unknot_body_map_region_get_region_id (region);

      unknot_body_map_region_set_selected (region,
                                           region_ids != NULL &&
                                           g_strv_contains (region_ids, id));
    }

  sync_selected_regions (self);
}

void
unknot_body_map_drop_cache (UnknotBodyMap *self)
{
  unknot_body_map_invalidate_cache (self);
}
