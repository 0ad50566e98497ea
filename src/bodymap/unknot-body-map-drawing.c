/* unknot-body-map-drawing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A body map's drawing, read once per process: the SVG, its librsvg handle, its size,
 * and the id and ink bounds of every element whose class list has "region", in the
 * drawing's order. It holds nothing a widget changes, so every map of the same
 * drawing shares it, and it can be made on any thread.
 *
 * unknot_body_map_drawing_preload () starts reading it on a thread of its own while
 * GTK and libadwaita start on the main one. That thread also rasterises the drawing at
 * the size, scale and style the first map of the last start showed it, remembered in
 * a small hint file in the user's cache folder; the map takes that picture for its
 * first frame if its size and style still match, and draws its own otherwise. The
 * hint is only ever a guess: a missing, stale or damaged one costs a render, nothing
 * more.
 */

#define G_LOG_DOMAIN "unknot-body-map-drawing"

#include "config.h"

#include <errno.h>
#include <string.h>

#include "unknot-body-map-drawing.h"

typedef struct {
  char            *id;
  graphene_rect_t  ink;
} Region;

struct _UnknotBodyMapDrawing
{
  GObject         parent_instance;

  GBytes         *svg;
  RsvgHandle     *handle;
  char           *css_base;
  double          width;
  double          height;
  GArray         *regions;

  /* The preloading thread's picture, until a map takes it. */
  GMutex          lock;
  GdkTexture     *prerendered;
  int             prerendered_width;
  int             prerendered_height;
  UnknotSvgStyle  prerendered_style;
  gboolean        size_remembered;
  char           *resource_path;
};

G_DEFINE_FINAL_TYPE (UnknotBodyMapDrawing, unknot_body_map_drawing, G_TYPE_OBJECT)

/* The drawings read so far, by resource path, and the ones being read. */
typedef struct {
  UnknotBodyMapDrawing *drawing;
  gboolean              loading;
} Entry;

static GMutex      drawings_lock;
static GCond       drawings_loaded;
static GHashTable *drawings;

static void
region_clear (gpointer data)
{
  Region *region = data;

  g_free (region->id);
}

static char *
hint_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "unknot", "body-map-size.ini", NULL);
}

static gboolean
read_hint (const char     *resource_path,
           int            *width,
           int            *height,
           UnknotSvgStyle *style)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *path = hint_path ();
  g_autoptr(GError) error = NULL;
  int w, h, s;

  if (!g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, NULL))
    return FALSE;

  w = g_key_file_get_integer (keys, resource_path, "width", &error);
  if (error == NULL)
    h = g_key_file_get_integer (keys, resource_path, "height", &error);
  if (error == NULL)
    s = g_key_file_get_integer (keys, resource_path, "style", &error);

  /* Nothing larger than a big screen at scale 4, and only the styles there are. */
  if (error != NULL || w <= 0 || h <= 0 || w > 16384 || h > 16384 ||
      s < UNKNOT_SVG_STYLE_LIGHT || s > UNKNOT_SVG_STYLE_HIGH_CONTRAST_DARK)
    return FALSE;

  *width = w;
  *height = h;
  *style = s;
  return TRUE;
}

static void
write_hint (const char     *resource_path,
            int             width,
            int             height,
            UnknotSvgStyle  style)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *path = hint_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, NULL);
  g_key_file_set_integer (keys, resource_path, "width", width);
  g_key_file_set_integer (keys, resource_path, "height", height);
  g_key_file_set_integer (keys, resource_path, "style", style);
  data = g_key_file_to_data (keys, &length, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("Cannot remember the body map's size in %s: %s", path,
             error != NULL ? error->message : g_strerror (errno));
}

static void
scan_start_element (GMarkupParseContext  *context,
                    const char           *element_name,
                    const char          **attribute_names,
                    const char          **attribute_values,
                    gpointer              user_data,
                    GError              **error)
{
  GPtrArray *ids = user_data;
  const char *id = NULL;
  const char *klass = NULL;

  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      if (g_str_equal (attribute_names[i], "id"))
        id = attribute_values[i];
      else if (g_str_equal (attribute_names[i], "class"))
        klass = attribute_values[i];
    }

  if (id != NULL && klass != NULL)
    {
      g_auto(GStrv) classes = g_strsplit_set (klass, " \t\n", -1);

      if (g_strv_contains ((const char * const *) classes, "region"))
        g_ptr_array_add (ids, g_strdup (id));
    }
}

static GPtrArray *
scan_region_ids (GBytes  *svg,
                 GError **error)
{
  static const GMarkupParser parser = { scan_start_element, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);

  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, ids, NULL);
  if (!g_markup_parse_context_parse (context, data, size, error) ||
      !g_markup_parse_context_end_parse (context, error))
    return NULL;

  return g_steal_pointer (&ids);
}

/* Reads the drawing; on any thread, and NULL with a message if it cannot. */
static UnknotBodyMapDrawing *
load (const char *resource_path)
{
  g_autoptr(UnknotBodyMapDrawing) self = g_object_new (UNKNOT_TYPE_BODY_MAP_DRAWING, NULL);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *data;
  gsize size;
  RsvgRectangle viewport;

  self->resource_path = g_strdup (resource_path);
  self->svg = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (self->svg == NULL)
    {
      g_critical ("Cannot load the body map “%s”: %s", resource_path, error->message);
      return NULL;
    }

  data = g_bytes_get_data (self->svg, &size);
  self->handle = rsvg_handle_new_from_data (data, size, &error);
  if (self->handle == NULL ||
      !rsvg_handle_get_intrinsic_size_in_pixels (self->handle, &self->width, &self->height))
    {
      g_critical ("Cannot read the body map “%s”: %s", resource_path,
                  error ? error->message : "no intrinsic size");
      return NULL;
    }

  /* Stylesheets for the other styles sit beside the drawing: back-dark.css, … */
  if (g_str_has_suffix (resource_path, ".svg"))
    self->css_base = g_strndup (resource_path, strlen (resource_path) - strlen (".svg"));
  else
    self->css_base = g_strdup (resource_path);

  ids = scan_region_ids (self->svg, &error);
  if (ids == NULL)
    {
      g_critical ("Cannot scan the body map for regions: %s", error->message);
      return NULL;
    }

  viewport = (RsvgRectangle) { 0, 0, self->width, self->height };
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autofree char *layer = g_strconcat ("#", id, NULL);
      RsvgRectangle ink, logical;
      Region region;

      if (!rsvg_handle_get_geometry_for_layer (self->handle, layer, &viewport,
                                               &ink, &logical, &error))
        {
          g_critical ("Cannot measure region “%s”: %s", id, error->message);
          g_clear_error (&error);
          continue;
        }

      region.id = g_strdup (id);
      region.ink = GRAPHENE_RECT_INIT (ink.x, ink.y, ink.width, ink.height);
      g_array_append_val (self->regions, region);
    }

  return g_steal_pointer (&self);
}

/* What the preloading thread does after reading: the picture the hint asks for. */
static void
prerender (UnknotBodyMapDrawing *self)
{
  g_autoptr(RsvgHandle) styled = NULL;
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle = self->handle;
  UnknotSvgStyle style;
  int width, height;

  if (!read_hint (self->resource_path, &width, &height, &style))
    return;

  if (style != UNKNOT_SVG_STYLE_LIGHT)
    {
      styled = unknot_svg_style_load_handle (self->svg, self->css_base, style, &error);
      if (styled == NULL)
        return;
      handle = styled;
    }

  self->prerendered = unknot_svg_style_render (handle, NULL, width, height, &error);
  if (error != NULL)
    g_clear_object (&self->prerendered);
  self->prerendered_width = width;
  self->prerendered_height = height;
  self->prerendered_style = style;
}

static Entry *
lookup_entry_locked (const char *resource_path)
{
  Entry *entry;

  if (drawings == NULL)
    drawings = g_hash_table_new (g_str_hash, g_str_equal);

  entry = g_hash_table_lookup (drawings, resource_path);
  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      g_hash_table_insert (drawings, g_strdup (resource_path), entry);
    }

  return entry;
}

static void
publish (const char           *resource_path,
         UnknotBodyMapDrawing *drawing)
{
  Entry *entry;

  g_mutex_lock (&drawings_lock);
  entry = lookup_entry_locked (resource_path);
  entry->drawing = drawing;
  entry->loading = FALSE;
  g_cond_broadcast (&drawings_loaded);
  g_mutex_unlock (&drawings_lock);
}

static gpointer
preload_thread (gpointer data)
{
  g_autofree char *resource_path = data;
  UnknotBodyMapDrawing *drawing = load (resource_path);

  if (drawing != NULL)
    prerender (drawing);

  publish (resource_path, drawing);
  return NULL;
}

static void
unknot_body_map_drawing_finalize (GObject *object)
{
  UnknotBodyMapDrawing *self = UNKNOT_BODY_MAP_DRAWING (object);

  g_clear_pointer (&self->svg, g_bytes_unref);
  g_clear_object (&self->handle);
  g_clear_pointer (&self->css_base, g_free);
  g_clear_pointer (&self->regions, g_array_unref);
  g_clear_object (&self->prerendered);
  g_clear_pointer (&self->resource_path, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (unknot_body_map_drawing_parent_class)->finalize (object);
}

static void
unknot_body_map_drawing_class_init (UnknotBodyMapDrawingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = unknot_body_map_drawing_finalize;
}

static void
unknot_body_map_drawing_init (UnknotBodyMapDrawing *self)
{
  g_mutex_init (&self->lock);
  self->regions = g_array_new (FALSE, FALSE, sizeof (Region));
  g_array_set_clear_func (self->regions, region_clear);
}

/**
 * unknot_body_map_drawing_preload:
 * @resource_path: the drawing's GResource path
 *
 * Starts reading the drawing on a thread of its own, unless it is read or being read
 * already. unknot_body_map_drawing_get () then waits for that thread, if it is not
 * done yet, instead of reading the drawing again.
 */
void
unknot_body_map_drawing_preload (const char *resource_path)
{
  Entry *entry;
  gboolean start;

  g_return_if_fail (resource_path != NULL);

  g_mutex_lock (&drawings_lock);
  entry = lookup_entry_locked (resource_path);
  start = entry->drawing == NULL && !entry->loading;
  if (start)
    entry->loading = TRUE;
  g_mutex_unlock (&drawings_lock);

  if (start)
    g_thread_unref (g_thread_new ("unknot-body-map", preload_thread, g_strdup (resource_path)));
}

/**
 * unknot_body_map_drawing_get:
 * @resource_path: the drawing's GResource path
 *
 * The drawing at @resource_path, read on first use and shared after that.
 *
 * Returns: (transfer full) (nullable): the drawing, or %NULL if it cannot be read
 *   (a critical message says why)
 */
UnknotBodyMapDrawing *
unknot_body_map_drawing_get (const char *resource_path)
{
  UnknotBodyMapDrawing *drawing;
  Entry *entry;
  gboolean load_here = FALSE;

  g_return_val_if_fail (resource_path != NULL, NULL);

  g_mutex_lock (&drawings_lock);
  entry = lookup_entry_locked (resource_path);
  while (entry->loading)
    g_cond_wait (&drawings_loaded, &drawings_lock);
  if (entry->drawing == NULL)
    {
      entry->loading = TRUE;
      load_here = TRUE;
    }
  g_mutex_unlock (&drawings_lock);

  if (load_here)
    publish (resource_path, load (resource_path));

  g_mutex_lock (&drawings_lock);
  drawing = entry->drawing != NULL ? g_object_ref (entry->drawing) : NULL;
  g_mutex_unlock (&drawings_lock);

  return drawing;
}

/**
 * unknot_body_map_drawing_get_handle:
 *
 * Returns: (transfer none): the drawing in its own (light) style
 */
RsvgHandle *
unknot_body_map_drawing_get_handle (UnknotBodyMapDrawing *self)
{
  g_return_val_if_fail (UNKNOT_IS_BODY_MAP_DRAWING (self), NULL);

  return self->handle;
}

/**
 * unknot_body_map_drawing_get_svg:
 *
 * Returns: (transfer none): the SVG document
 */
GBytes *
unknot_body_map_drawing_get_svg (UnknotBodyMapDrawing *self)
{
  g_return_val_if_fail (UNKNOT_IS_BODY_MAP_DRAWING (self), NULL);

  return self->svg;
}

/**
 * unknot_body_map_drawing_get_css_base:
 *
 * Returns: where the stylesheets of the other styles start ("…/back" for
 *   "…/back-dark.css"), for unknot_svg_style_load_handle ()
 */
const char *
unknot_body_map_drawing_get_css_base (UnknotBodyMapDrawing *self)
{
  g_return_val_if_fail (UNKNOT_IS_BODY_MAP_DRAWING (self), NULL);

  return self->css_base;
}

/**
 * unknot_body_map_drawing_get_size:
 *
 * The drawing's intrinsic size, in its own units.
 */
void
unknot_body_map_drawing_get_size (UnknotBodyMapDrawing *self,
                                  double               *width,
                                  double               *height)
{
  g_return_if_fail (UNKNOT_IS_BODY_MAP_DRAWING (self));

  *width = self->width;
  *height = self->height;
}

guint
unknot_body_map_drawing_get_n_regions (UnknotBodyMapDrawing *self)
{
  g_return_val_if_fail (UNKNOT_IS_BODY_MAP_DRAWING (self), 0);

  return self->regions->len;
}

/**
 * unknot_body_map_drawing_get_region:
 * @position: 0 to the number of regions − 1, in the drawing's order
 * @ink: (out): the region's ink bounds in the drawing's own units
 *
 * Returns: the region's id
 */
const char *
unknot_body_map_drawing_get_region (UnknotBodyMapDrawing *self,
                                    guint                 position,
                                    graphene_rect_t      *ink)
{
  const Region *region;

  g_return_val_if_fail (UNKNOT_IS_BODY_MAP_DRAWING (self), NULL);
  g_return_val_if_fail (position < self->regions->len, NULL);

  region = &g_array_index (self->regions, Region, position);
  *ink = region->ink;
  return region->id;
}

/**
 * unknot_body_map_drawing_take_prerendered:
 *
 * The picture the preloading thread made, if it was made at @width × @height device
 * pixels in @style. The first map to ask for it takes it; after that, and for any other
 * size or style, there is none.
 *
 * Returns: (transfer full) (nullable): the picture, or %NULL
 */
GdkTexture *
unknot_body_map_drawing_take_prerendered (UnknotBodyMapDrawing *self,
                                          int                   width,
                                          int                   height,
                                          UnknotSvgStyle        style)
{
  GdkTexture *texture = NULL;

  g_return_val_if_fail (UNKNOT_IS_BODY_MAP_DRAWING (self), NULL);

  g_mutex_lock (&self->lock);
  if (self->prerendered != NULL &&
      self->prerendered_width == width &&
      self->prerendered_height == height &&
      self->prerendered_style == style)
    texture = g_steal_pointer (&self->prerendered);
  g_clear_object (&self->prerendered);
  g_mutex_unlock (&self->lock);

  return texture;
}

/**
 * unknot_body_map_drawing_has_prerendered:
 *
 * Whether unknot_body_map_drawing_take_prerendered () would give a picture for this
 * size and style, without taking it; for tests.
 */
gboolean
unknot_body_map_drawing_has_prerendered (UnknotBodyMapDrawing *self,
                                         int                   width,
                                         int                   height,
                                         UnknotSvgStyle        style)
{
  gboolean has;

  g_return_val_if_fail (UNKNOT_IS_BODY_MAP_DRAWING (self), FALSE);

  g_mutex_lock (&self->lock);
  has = self->prerendered != NULL &&
        self->prerendered_width == width &&
        self->prerendered_height == height &&
        self->prerendered_style == style;
  g_mutex_unlock (&self->lock);

  return has;
}

/**
 * unknot_body_map_drawing_remember_size:
 *
 * Called by a map whenever it rasterises the drawing. The first call of each start is
 * what the window's first frame showed: it becomes the hint for the next start's
 * preloading thread, written only if it changed.
 */
void
unknot_body_map_drawing_remember_size (UnknotBodyMapDrawing *self,
                                       int                   width,
                                       int                   height,
                                       UnknotSvgStyle        style)
{
  int old_width, old_height;
  UnknotSvgStyle old_style;
  gboolean first;

  g_return_if_fail (UNKNOT_IS_BODY_MAP_DRAWING (self));

  g_mutex_lock (&self->lock);
  first = !self->size_remembered;
  self->size_remembered = TRUE;
  g_mutex_unlock (&self->lock);

  if (!first)
    return;

  if (read_hint (self->resource_path, &old_width, &old_height, &old_style) &&
      old_width == width && old_height == height && old_style == style)
    return;

  write_hint (self->resource_path, width, height, style);
}
