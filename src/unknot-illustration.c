/* unknot-illustration.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One of the project's drawings (a technique step, a tool), shown at its aspect ratio,
 * crisp at any size and scale factor, and recoloured for the dark and high-contrast
 * styles through the stylesheets beside the drawings. It rasterises only when its size,
 * scale or style changes. Screen readers read its alternative text.
 */

#define G_LOG_DOMAIN "unknot-illustration"

#include "config.h"

#include <math.h>

#include "unknot-illustration.h"
#include "unknot-svg-style.h"

/* How far past its drawn size a drawing may grow. */
#define MAX_SCALE 1.3

/* Space kept above the drawn figure, in the drawing's units. */
#define TOP_MARGIN 10

/* The illustrations' shared stylesheets: illustration-dark.css, … */
#define CSS_BASE RESOURCE_BASE_PATH "/illustrations/illustration"

struct _UnknotIllustration
{
  GtkWidget       parent_instance;

  char           *resource_path;
  GBytes         *svg;
  /* The part of the drawing shown: all of its width, and from a little above the
   * figure down to the floor, so a person lying down is not lost in empty space. */
  graphene_rect_t area;

  UnknotSvgStyle  style;
  GdkTexture     *texture;
  int             texture_width;
  int             texture_height;
  UnknotSvgStyle  texture_style;
};

G_DEFINE_FINAL_TYPE (UnknotIllustration, unknot_illustration, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RESOURCE_PATH,
  PROP_ALTERNATIVE_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_style_changed_cb (UnknotIllustration *self)
{
  self->style = unknot_svg_style_current ();
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
unknot_illustration_load (UnknotIllustration *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsvgHandle) handle = NULL;
  RsvgRectangle ink, logical;
  double width, height;

  self->svg = g_resources_lookup_data (self->resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (self->svg == NULL)
    {
      g_warning ("Missing illustration %s: %s", self->resource_path, error->message);
      return;
    }

  handle = unknot_svg_style_load_handle (self->svg, CSS_BASE, UNKNOT_SVG_STYLE_LIGHT, &error);
  if (handle == NULL ||
      !rsvg_handle_get_intrinsic_size_in_pixels (handle, &width, &height))
    {
      g_warning ("Cannot read illustration %s: %s", self->resource_path,
                 error ? error->message : "no size");
      g_clear_pointer (&self->svg, g_bytes_unref);
      return;
    }

  graphene_rect_init (&self->area, 0, 0, width, height);
  if (rsvg_handle_get_geometry_for_layer (handle, NULL,
                                          &(RsvgRectangle) { 0, 0, width, height },
                                          &ink, &logical, NULL))
    {
      double top = CLAMP (ink.y - TOP_MARGIN, 0, height / 2);

      graphene_rect_init (&self->area, 0, top, width, height - top);
    }
}

static GdkTexture *
render (UnknotIllustration *self,
        int                 width,
        int                 height)
{
  g_autoptr(RsvgHandle) handle = NULL;
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  handle = unknot_svg_style_load_handle (self->svg, CSS_BASE, self->style, &error);
  if (handle == NULL)
    {
      g_warning ("Cannot style illustration %s: %s", self->resource_path, error->message);
      return NULL;
    }

  texture = unknot_svg_style_render (handle, &self->area, width, height, &error);
  if (error != NULL)
    g_warning ("Cannot draw illustration %s: %s", self->resource_path, error->message);

  return texture;
}

static void
unknot_illustration_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  UnknotIllustration *self = UNKNOT_ILLUSTRATION (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  double fit, w, h;

  if (self->svg == NULL || width <= 0 || height <= 0)
    return;

  fit = MIN (width / self->area.size.width, height / self->area.size.height);
  w = floor (self->area.size.width * fit);
  h = floor (self->area.size.height * fit);

  if (self->texture == NULL ||
      self->texture_width != (int) w * scale ||
      self->texture_height != (int) h * scale ||
      self->texture_style != self->style)
    {
      g_clear_object (&self->texture);
      self->texture_width = (int) w * scale;
      self->texture_height = (int) h * scale;
      self->texture_style = self->style;
      self->texture = render (self, self->texture_width, self->texture_height);
    }

  if (self->texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->texture,
                                 &GRAPHENE_RECT_INIT (floor ((width - w) / 2),
                                                      floor ((height - h) / 2), w, h));
}

static GtkSizeRequestMode
unknot_illustration_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
unknot_illustration_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  UnknotIllustration *self = UNKNOT_ILLUSTRATION (widget);
  double w = self->area.size.width > 0 ? self->area.size.width : 1;
  double h = self->area.size.height > 0 ? self->area.size.height : 1;

  /* Any width from a small minimum to a little over its drawn size, its height
   * following; larger, a simple drawing only looks empty. */
  int min_width = MIN (120, (int) w);
  double max_width = MAX_SCALE * w;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = min_width;
      *natural = for_size > 0 ? CLAMP ((int) (for_size * w / h), min_width, (int) max_width)
                              : (int) w;
    }
  else if (for_size > 0)
    {
      *minimum = *natural = (int) ceil (MIN (for_size, max_width) * h / w);
    }
  else
    {
      *minimum = (int) ceil (min_width * h / w);
      *natural = (int) ceil (h);
    }
}

static void
unknot_illustration_constructed (GObject *object)
{
  UnknotIllustration *self = UNKNOT_ILLUSTRATION (object);

  G_OBJECT_CLASS (unknot_illustration_parent_class)->constructed (object);

  if (self->resource_path != NULL)
    unknot_illustration_load (self);
}

static void
unknot_illustration_dispose (GObject *object)
{
  UnknotIllustration *self = UNKNOT_ILLUSTRATION (object);

  unknot_svg_style_unwatch (self);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (unknot_illustration_parent_class)->dispose (object);
}

static void
unknot_illustration_finalize (GObject *object)
{
  UnknotIllustration *self = UNKNOT_ILLUSTRATION (object);

  g_clear_pointer (&self->resource_path, g_free);
  g_clear_pointer (&self->svg, g_bytes_unref);

  G_OBJECT_CLASS (unknot_illustration_parent_class)->finalize (object);
}

static void
unknot_illustration_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UnknotIllustration *self = UNKNOT_ILLUSTRATION (object);

  switch (prop_id)
    {
    case PROP_RESOURCE_PATH:
      g_value_set_string (value, self->resource_path);
      break;

    case PROP_ALTERNATIVE_TEXT:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_illustration_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UnknotIllustration *self = UNKNOT_ILLUSTRATION (object);

  switch (prop_id)
    {
    case PROP_RESOURCE_PATH:
      self->resource_path = g_value_dup_string (value);
      break;

    case PROP_ALTERNATIVE_TEXT:
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, g_value_get_string (value),
                                      -1);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_illustration_class_init (UnknotIllustrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = unknot_illustration_constructed;
  object_class->dispose = unknot_illustration_dispose;
  object_class->finalize = unknot_illustration_finalize;
  object_class->get_property = unknot_illustration_get_property;
  object_class->set_property = unknot_illustration_set_property;

  widget_class->snapshot = unknot_illustration_snapshot;
  widget_class->measure = unknot_illustration_measure;
  widget_class->get_request_mode = unknot_illustration_get_request_mode;

  properties[PROP_RESOURCE_PATH] =
    g_param_spec_string ("resource-path", NULL, NULL, NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * UnknotIllustration:alternative-text:
   *
   * What the picture shows, for people who cannot see it.
   */
  properties[PROP_ALTERNATIVE_TEXT] =
    g_param_spec_string ("alternative-text", NULL, NULL, NULL,
                         (G_PARAM_WRITABLE |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "illustration");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
unknot_illustration_init (UnknotIllustration *self)
{
  self->style = unknot_svg_style_current ();
  unknot_svg_style_watch (G_CALLBACK (on_style_changed_cb), self);
}

GtkWidget *
unknot_illustration_new (const char *resource_path,
                         const char *alternative_text)
{
  return g_object_new (UNKNOT_TYPE_ILLUSTRATION,
                       "resource-path", resource_path,
                       "alternative-text", alternative_text,
                       NULL);
}

const char *
unknot_illustration_get_resource_path (UnknotIllustration *self)
{
  g_return_val_if_fail (UNKNOT_IS_ILLUSTRATION (self), NULL);

  return self->resource_path;
}

/* Whether the drawing was found and could be read. */
gboolean
unknot_illustration_is_loaded (UnknotIllustration *self)
{
  g_return_val_if_fail (UNKNOT_IS_ILLUSTRATION (self), FALSE);

  return self->svg != NULL;
}
