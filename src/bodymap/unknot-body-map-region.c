/* unknot-body-map-region.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One clickable region of the body map. It is a real widget so that GTK gives it
 * keyboard focus, hover, a tooltip, a cursor and an accessible button for free; its
 * shape comes from the map: contains() asks the map's exact hit test, and snapshot()
 * tints the region's mask, which the map renders once per size, scale and style.
 */

#define G_LOG_DOMAIN "unknot-body-map-region"

#include "config.h"

#include "unknot-body-map-private.h"

struct _UnknotBodyMapRegion
{
  GtkWidget        parent_instance;

  char            *region_id;
  char            *label;
  guint            index;
  double           heat;

  graphene_rect_t  svg_bounds;
  GdkTexture      *fill_mask;
  GdkTexture      *edge_mask;

  guint            selected : 1;
  guint            checkable : 1;
};

G_DEFINE_FINAL_TYPE (UnknotBodyMapRegion, unknot_body_map_region, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A sequential ramp from pale yellow to deep purple (after viridis/magma), readable on
 * light and dark backgrounds and for the common forms of colour blindness. */
static const GdkRGBA heat_ramp[] = {
  { 0.99, 0.91, 0.57, 1.0 },
  { 0.99, 0.62, 0.34, 1.0 },
  { 0.87, 0.33, 0.40, 1.0 },
  { 0.55, 0.16, 0.51, 1.0 },
  { 0.27, 0.07, 0.45, 1.0 },
};

/**
 * unknot_body_map_get_heat_colour:
 * @heat: from 0 (least) to 1 (most)
 * @colour: (out): the colour the map tints a region of this heat with
 *
 * The map's heat ramp, for legends and for drawings of the map made elsewhere
 * (a report), so that they show the same colours as the map.
 */
void
unknot_body_map_get_heat_colour (double   heat,
                                 GdkRGBA *colour)
{
  double pos = CLAMP (heat, 0.0, 1.0) * (G_N_ELEMENTS (heat_ramp) - 1);
  guint i = MIN ((guint) pos, G_N_ELEMENTS (heat_ramp) - 2);
  double t = pos - i;
  const GdkRGBA *a = &heat_ramp[i];
  const GdkRGBA *b = &heat_ramp[i + 1];

  colour->red = a->red + (b->red - a->red) * t;
  colour->green = a->green + (b->green - a->green) * t;
  colour->blue = a->blue + (b->blue - a->blue) * t;
  colour->alpha = 0.8;
}

static void
append_masked_colour (GtkSnapshot           *snapshot,
                      GdkTexture            *mask,
                      const graphene_rect_t *bounds,
                      const GdkRGBA         *colour)
{
  gtk_snapshot_push_mask (snapshot, GSK_MASK_MODE_ALPHA);
  gtk_snapshot_append_texture (snapshot, mask, bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_color (snapshot, colour, bounds);
  gtk_snapshot_pop (snapshot);
}

static void
unknot_body_map_region_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  UnknotBodyMapRegion *self = UNKNOT_BODY_MAP_REGION (widget);
  GtkStateFlags state = gtk_widget_get_state_flags (widget);
  graphene_rect_t bounds;
  GdkRGBA accent;
  double fill_alpha = 0;

  if (self->fill_mask == NULL)
    return;

  graphene_rect_init (&bounds, 0, 0,
                      gtk_widget_get_width (widget),
                      gtk_widget_get_height (widget));

  if (self->heat >= 0)
    {
      GdkRGBA colour;

      unknot_body_map_get_heat_colour (self->heat, &colour);
      append_masked_colour (snapshot, self->fill_mask, &bounds, &colour);
    }

  /* The CSS colour of the region node is the highlight colour (the accent colour by
   * default); how much of it shows says which state the region is in. */
  gtk_widget_get_color (widget, &accent);

  if (self->selected)
    fill_alpha = 0.6;
  else if (state & GTK_STATE_FLAG_PRELIGHT)
    fill_alpha = 0.35;
  else if (state & GTK_STATE_FLAG_FOCUS_VISIBLE)
    fill_alpha = 0.2;

  if (fill_alpha > 0)
    {
      GdkRGBA fill = accent;

      fill.alpha *= fill_alpha;
      append_masked_colour (snapshot, self->fill_mask, &bounds, &fill);
    }

  /* Keyboard focus, and the selection, get a solid outline along the shape. */
  if ((state & GTK_STATE_FLAG_FOCUS_VISIBLE) || self->selected)
    append_masked_colour (snapshot, self->edge_mask, &bounds, &accent);
}

/* The highlight is drawn from the state, so any state change is a redraw, even when no
 * CSS property changes with it. */
static void
unknot_body_map_region_state_flags_changed (GtkWidget     *widget,
                                            GtkStateFlags  previous)
{
  GtkStateFlags relevant = GTK_STATE_FLAG_PRELIGHT | GTK_STATE_FLAG_FOCUS_VISIBLE |
                           GTK_STATE_FLAG_SELECTED;

  GTK_WIDGET_CLASS (unknot_body_map_region_parent_class)->state_flags_changed (widget, previous);

  if ((gtk_widget_get_state_flags (widget) ^ previous) & relevant)
    gtk_widget_queue_draw (widget);
}

static gboolean
unknot_body_map_region_contains (GtkWidget *widget,
                                 double     x,
                                 double     y)
{
  UnknotBodyMapRegion *self = UNKNOT_BODY_MAP_REGION (widget);
  GtkWidget *map = gtk_widget_get_parent (widget);
  graphene_point_t point;

  if (map == NULL ||
      !gtk_widget_compute_point (widget, map, &GRAPHENE_POINT_INIT (x, y), &point))
    return FALSE;

  return unknot_body_map_index_at (UNKNOT_BODY_MAP (map), point.x, point.y) == self->index;
}

static void
unknot_body_map_region_activate (UnknotBodyMapRegion *self)
{
  GtkWidget *map = gtk_widget_get_parent (GTK_WIDGET (self));

  if (UNKNOT_IS_BODY_MAP (map))
    unknot_body_map_region_activated (UNKNOT_BODY_MAP (map), self);
}

/* The region's action for assistive technology: GTK's AT-SPI bridge offers a custom
 * widget's own parameterless actions, as a button offers "click". */
static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_ACTIVATE], 0);
}

static void
on_click_released_cb (GtkGestureClick     *gesture,
                      int                  n_press,
                      double               x,
                      double               y,
                      UnknotBodyMapRegion *self)
{
  /* Only a release over the same region counts, as with a button. */
  if (!gtk_widget_contains (GTK_WIDGET (self), x, y))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  unknot_body_map_region_activate (self);
}

static void
unknot_body_map_region_finalize (GObject *object)
{
  UnknotBodyMapRegion *self = UNKNOT_BODY_MAP_REGION (object);

  g_clear_pointer (&self->region_id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_object (&self->fill_mask);
  g_clear_object (&self->edge_mask);

  G_OBJECT_CLASS (unknot_body_map_region_parent_class)->finalize (object);
}

static void
unknot_body_map_region_class_init (UnknotBodyMapRegionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = unknot_body_map_region_finalize;

  widget_class->snapshot = unknot_body_map_region_snapshot;
  widget_class->contains = unknot_body_map_region_contains;
  widget_class->state_flags_changed = unknot_body_map_region_state_flags_changed;

  /**
   * UnknotBodyMapRegion::activate:
   *
   * Emitted by Enter and Space, like a button.
   */
  signals[SIGNAL_ACTIVATE] =
    g_signal_new_class_handler ("activate",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                G_CALLBACK (unknot_body_map_region_activate),
                                NULL, NULL, NULL,
                                G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[SIGNAL_ACTIVATE]);
  gtk_widget_class_install_action (widget_class, "region.activate", NULL, activate_action);

  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_ISO_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Space, 0, "activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "region");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
unknot_body_map_region_init (UnknotBodyMapRegion *self)
{
  GtkGesture *click;

  self->heat = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

UnknotBodyMapRegion *
unknot_body_map_region_new (const char *region_id,
                            guint       index,
                            gboolean    checkable)
{
  UnknotBodyMapRegion *self;

  self = g_object_new (UNKNOT_TYPE_BODY_MAP_REGION,
                       "accessible-role", checkable ? GTK_ACCESSIBLE_ROLE_CHECKBOX
                                                    : GTK_ACCESSIBLE_ROLE_BUTTON,
                       NULL);
  self->region_id = g_strdup (region_id);
  self->index = index;
  self->checkable = !!checkable;
  /* Until the map's owner names it, its id names the region for a screen reader. It
   * gets a tooltip only with a name: setting a tooltip asks the display where the
   * pointer is, a round trip per region that the first frame would wait for. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, region_id,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_SELECTED, FALSE,
                               -1);
  if (self->checkable)
    gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                                 GTK_ACCESSIBLE_STATE_CHECKED, GTK_ACCESSIBLE_TRISTATE_FALSE,
                                 -1);

  return self;
}

const char *
unknot_body_map_region_get_region_id (UnknotBodyMapRegion *self)
{
  g_return_val_if_fail (UNKNOT_IS_BODY_MAP_REGION (self), NULL);

  return self->region_id;
}

const char *
unknot_body_map_region_get_label (UnknotBodyMapRegion *self)
{
  g_return_val_if_fail (UNKNOT_IS_BODY_MAP_REGION (self), NULL);

  return self->label != NULL ? self->label : self->region_id;
}

gboolean
unknot_body_map_region_get_selected (UnknotBodyMapRegion *self)
{
  g_return_val_if_fail (UNKNOT_IS_BODY_MAP_REGION (self), FALSE);

  return self->selected;
}

guint
unknot_body_map_region_get_index (UnknotBodyMapRegion *self)
{
  return self->index;
}

void
unknot_body_map_region_set_label (UnknotBodyMapRegion *self,
                                  const char          *label)
{
  if (!g_set_str (&self->label, label))
    return;

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

void
unknot_body_map_region_set_selected (UnknotBodyMapRegion *self,
                                     gboolean             selected)
{
  selected = !!selected;
  if (self->selected == selected)
    return;

  self->selected = selected;
  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_SELECTED, selected,
                               -1);
  if (self->checkable)
    gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                                 GTK_ACCESSIBLE_STATE_CHECKED,
                                 selected ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE,
                                 -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
unknot_body_map_region_set_heat (UnknotBodyMapRegion *self,
                                 double               heat)
{
  if (self->heat == heat)
    return;

  self->heat = heat;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
unknot_body_map_region_set_shape (UnknotBodyMapRegion *self,
                                  GdkTexture          *fill_mask,
                                  GdkTexture          *edge_mask)
{
  g_set_object (&self->fill_mask, fill_mask);
  g_set_object (&self->edge_mask, edge_mask);
  /* An untinted region draws nothing, with a mask or without. */
  if (unknot_body_map_region_is_tinted (self))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
unknot_body_map_region_set_svg_bounds (UnknotBodyMapRegion   *self,
                                       const graphene_rect_t *bounds)
{
  self->svg_bounds = *bounds;
}

void
unknot_body_map_region_get_svg_bounds (UnknotBodyMapRegion *self,
                                       graphene_rect_t     *bounds)
{
  *bounds = self->svg_bounds;
}

gboolean
unknot_body_map_region_is_tinted (UnknotBodyMapRegion *self)
{
  GtkStateFlags state = gtk_widget_get_state_flags (GTK_WIDGET (self));

  return self->heat >= 0 || self->selected ||
         (state & (GTK_STATE_FLAG_PRELIGHT | GTK_STATE_FLAG_FOCUS_VISIBLE)) != 0;
}
