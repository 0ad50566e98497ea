/* unknot-hold-ring.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hold's progress as a ring that fills as time passes, drawn with GtkSnapshot. It
 * asks for frames only while it is on screen and the timer counts, so a hidden window
 * costs nothing; the timer itself wakes the process once, when a phase ends.
 */

#define G_LOG_DOMAIN "unknot-hold-ring"

#include "config.h"

#include <math.h>

#include "unknot-hold-ring.h"

#define RING_WIDTH 14.0


struct _UnknotHoldRing
{
  GtkWidget        parent_instance;

  UnknotHoldTimer *timer;
  guint            tick_id;
  guint            frames;
  gboolean         breathing;
};

G_DEFINE_FINAL_TYPE (UnknotHoldRing, unknot_hold_ring, GTK_TYPE_WIDGET)

/* How full the lungs are, 0 to 1, eased: a slow swell in, a longer ebb out. */
static double
breath_fill (gint64 elapsed)
{
  gint64 t = elapsed % UNKNOT_BREATH_USEC;
  double x;

  if (t < UNKNOT_BREATH_IN_USEC)
    x = (double) t / UNKNOT_BREATH_IN_USEC;
  else
    x = 1.0 - (double) (t - UNKNOT_BREATH_IN_USEC) / (UNKNOT_BREATH_USEC - UNKNOT_BREATH_IN_USEC);

  return (1 - cos (G_PI * x)) / 2;
}

/**
 * unknot_hold_ring_breath_fill:
 *
 * Returns: the breathing circle's size, 0 to 1, after @elapsed microseconds of a hold
 */
double
unknot_hold_ring_breath_fill (gint64 elapsed)
{
  return breath_fill (elapsed);
}

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  UnknotHoldRing *self = UNKNOT_HOLD_RING (widget);

  self->frames++;
  gtk_widget_queue_draw (widget);

  return G_SOURCE_CONTINUE;
}

static void
update_ticking (UnknotHoldRing *self)
{
  UnknotHoldTimerState state = unknot_hold_timer_get_state (self->timer);
  gboolean counting = state == UNKNOT_HOLD_TIMER_RUNNING || state == UNKNOT_HOLD_TIMER_SWITCHING;
  gboolean want = counting && gtk_widget_get_mapped (GTK_WIDGET (self));

  if (want && self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick_cb, NULL, NULL);
  else if (!want && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
unknot_hold_ring_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  UnknotHoldRing *self = UNKNOT_HOLD_RING (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double size = MIN (width, height);
  double radius = size / 2 - RING_WIDTH / 2 - 1;
  gint64 duration = unknot_hold_timer_get_duration (self->timer);
  double fraction = duration > 0 ? (double) unknot_hold_timer_get_elapsed (self->timer) / duration : 0;
  GdkRGBA colour, track;
  cairo_t *cr;

  gtk_widget_get_color (widget, &colour);
  track = colour;
  track.alpha *= 0.15;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_width (cr, RING_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  gdk_cairo_set_source_rgba (cr, &track);
  cairo_arc (cr, width / 2, height / 2, radius, 0, 2 * G_PI);
  cairo_stroke (cr);

  if (fraction > 0)
    {
      gdk_cairo_set_source_rgba (cr, &colour);
      cairo_arc (cr, width / 2, height / 2, radius, -G_PI / 2, -G_PI / 2 + 2 * G_PI * MIN (fraction, 1));
      cairo_stroke (cr);
    }

  /* The breathing cue: a soft disc inside the ring that swells and ebbs with the
   * hold's own time, still when motion is reduced. */
  if (self->breathing && unknot_hold_timer_get_state (self->timer) == UNKNOT_HOLD_TIMER_RUNNING)
    {
      gboolean animate = FALSE;
      double fill;
      GdkRGBA soft = colour;

      g_object_get (gtk_widget_get_settings (widget), "gtk-enable-animations", &animate, NULL);
      fill = animate ? breath_fill (unknot_hold_timer_get_elapsed (self->timer)) : 0.5;
      soft.alpha *= 0.12;
      gdk_cairo_set_source_rgba (cr, &soft);
      cairo_arc (cr, width / 2, height / 2,
                 (radius - RING_WIDTH) * (0.55 + 0.45 * fill), 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
}

static void
unknot_hold_ring_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = 160;
  *natural = 240;
}

static void
unknot_hold_ring_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (unknot_hold_ring_parent_class)->map (widget);
  update_ticking (UNKNOT_HOLD_RING (widget));
}

static void
unknot_hold_ring_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (unknot_hold_ring_parent_class)->unmap (widget);
  update_ticking (UNKNOT_HOLD_RING (widget));
}

static void
unknot_hold_ring_dispose (GObject *object)
{
  UnknotHoldRing *self = UNKNOT_HOLD_RING (object);

  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_data (self->timer, self);
  g_clear_object (&self->timer);

  G_OBJECT_CLASS (unknot_hold_ring_parent_class)->dispose (object);
}

static void
unknot_hold_ring_class_init (UnknotHoldRingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_hold_ring_dispose;

  widget_class->snapshot = unknot_hold_ring_snapshot;
  widget_class->measure = unknot_hold_ring_measure;
  widget_class->map = unknot_hold_ring_map;
  widget_class->unmap = unknot_hold_ring_unmap;

  gtk_widget_class_set_css_name (widget_class, "holdring");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
unknot_hold_ring_init (UnknotHoldRing *self)
{
}

GtkWidget *
unknot_hold_ring_new (UnknotHoldTimer *timer)
{
  UnknotHoldRing *self = g_object_new (UNKNOT_TYPE_HOLD_RING, NULL);

  self->timer = g_object_ref (timer);
  g_signal_connect_swapped (timer, "changed", G_CALLBACK (update_ticking), self);

  return GTK_WIDGET (self);
}

/* How many frames the ring has asked for: none while hidden. */
guint
unknot_hold_ring_get_frames (UnknotHoldRing *self)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD_RING (self), 0);

  return self->frames;
}

void
unknot_hold_ring_set_breathing (UnknotHoldRing *self,
                                gboolean        breathing)
{
  g_return_if_fail (UNKNOT_IS_HOLD_RING (self));

  self->breathing = !!breathing;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
