/* unknot-hold-dial.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hold timer's face: the ring, big digits and a slow breathing cue that follows
 * the hold's own time (a steady reminder with reduced motion). It updates each frame
 * only while shown and counting, and tells screen readers when ten seconds are left.
 */

#define G_LOG_DOMAIN "unknot-hold-dial"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-hold-dial.h"
#include "unknot-hold-ring.h"


struct _UnknotHoldDial
{
  GtkWidget        parent_instance;

  UnknotHoldTimer *timer;
  GtkWidget       *overlay;
  GtkWidget       *ring;
  gboolean         breathing;
  GtkLabel        *digits_label;
  GtkLabel        *breath_label;
  guint            tick_id;
  gint64           shown_seconds;
  gboolean         announced_ten;
};

G_DEFINE_FINAL_TYPE (UnknotHoldDial, unknot_hold_dial, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BREATHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * unknot_hold_dial_format_time:
 * @remaining: microseconds
 *
 * Returns: (transfer full): the time left as the dial shows it, rounded up to whole
 *   seconds ("0:30" until the very end of the first second)
 */
char *
unknot_hold_dial_format_time (gint64 remaining)
{
  gint64 seconds = (MAX (remaining, 0) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

static gboolean
is_counting (UnknotHoldDial *self)
{
  UnknotHoldTimerState state = unknot_hold_timer_get_state (self->timer);

  return state == UNKNOT_HOLD_TIMER_RUNNING || state == UNKNOT_HOLD_TIMER_SWITCHING;
}

static void
update_time (UnknotHoldDial *self)
{
  gint64 remaining = unknot_hold_timer_get_remaining (self->timer);
  gint64 seconds = (remaining + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
  UnknotHoldTimerState state = unknot_hold_timer_get_state (self->timer);
  gboolean animate = FALSE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animate, NULL);

  if (seconds != self->shown_seconds)
    {
      g_autofree char *text = unknot_hold_dial_format_time (remaining);

      self->shown_seconds = seconds;
      gtk_label_set_label (self->digits_label, text);

      if (seconds > 10)
        self->announced_ten = FALSE;
      else if (seconds == 10 && !self->announced_ten && state == UNKNOT_HOLD_TIMER_RUNNING)
        {
          self->announced_ten = TRUE;
          gtk_accessible_announce (GTK_ACCESSIBLE (self), _("Ten seconds left"),
                                   GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
        }
    }

  if (state != UNKNOT_HOLD_TIMER_RUNNING || !self->breathing)
    gtk_label_set_label (self->breath_label, "");
  else if (!animate)
    gtk_label_set_label (self->breath_label, _("Breathe slowly"));
  else if (unknot_hold_timer_get_elapsed (self->timer) % UNKNOT_BREATH_USEC < UNKNOT_BREATH_IN_USEC)
    gtk_label_set_label (self->breath_label, _("Breathe in…"));
  else
    gtk_label_set_label (self->breath_label, _("Breathe out…"));
}

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  update_time (UNKNOT_HOLD_DIAL (widget));

  return G_SOURCE_CONTINUE;
}

static void
update_ticking (UnknotHoldDial *self)
{
  gboolean want = is_counting (self) && gtk_widget_get_mapped (GTK_WIDGET (self));

  if (want && self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick_cb, NULL, NULL);
  else if (!want && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  /* Any change (start, +10 s, reset) shows at once. */
  self->shown_seconds = -1;
  update_time (self);
}

static void
unknot_hold_dial_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (unknot_hold_dial_parent_class)->map (widget);
  update_ticking (UNKNOT_HOLD_DIAL (widget));
}

static void
unknot_hold_dial_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (unknot_hold_dial_parent_class)->unmap (widget);
  update_ticking (UNKNOT_HOLD_DIAL (widget));
}

static void
unknot_hold_dial_dispose (GObject *object)
{
  UnknotHoldDial *self = UNKNOT_HOLD_DIAL (object);

  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_data (self->timer, self);
  g_clear_object (&self->timer);
  g_clear_pointer (&self->overlay, gtk_widget_unparent);

  G_OBJECT_CLASS (unknot_hold_dial_parent_class)->dispose (object);
}

static void
unknot_hold_dial_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UnknotHoldDial *self = UNKNOT_HOLD_DIAL (object);

  switch (prop_id)
    {
    case PROP_BREATHING:
      g_value_set_boolean (value, self->breathing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_hold_dial_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UnknotHoldDial *self = UNKNOT_HOLD_DIAL (object);

  switch (prop_id)
    {
    case PROP_BREATHING:
      if (self->breathing != g_value_get_boolean (value))
        {
          self->breathing = g_value_get_boolean (value);
          if (self->ring != NULL)
            unknot_hold_ring_set_breathing (UNKNOT_HOLD_RING (self->ring), self->breathing);
          update_time (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_hold_dial_class_init (UnknotHoldDialClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_hold_dial_dispose;
  object_class->get_property = unknot_hold_dial_get_property;
  object_class->set_property = unknot_hold_dial_set_property;

  /**
   * UnknotHoldDial:breathing:
   *
   * Whether the slow breathing cue shows during a hold.
   */
  properties[PROP_BREATHING] =
    g_param_spec_boolean ("breathing", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->map = unknot_hold_dial_map;
  widget_class->unmap = unknot_hold_dial_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "holddial");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TIMER);
}

static void
unknot_hold_dial_init (UnknotHoldDial *self)
{
  self->shown_seconds = -1;
  self->breathing = TRUE;
}

/**
 * unknot_hold_dial_new:
 * @settings: (nullable): where the person turns the breathing cue on or off
 */
GtkWidget *
unknot_hold_dial_new (UnknotHoldTimer *timer,
                      GSettings       *settings)
{
  UnknotHoldDial *self;
  GtkWidget *box;

  g_return_val_if_fail (UNKNOT_IS_HOLD_TIMER (timer), NULL);

  self = g_object_new (UNKNOT_TYPE_HOLD_DIAL, NULL);
  self->timer = g_object_ref (timer);

  self->overlay = gtk_overlay_new ();
  gtk_widget_set_halign (self->overlay, GTK_ALIGN_CENTER);
  self->ring = unknot_hold_ring_new (timer);
  unknot_hold_ring_set_breathing (UNKNOT_HOLD_RING (self->ring), self->breathing);
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), self->ring);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  self->digits_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->digits_label), "hold-digits");
  self->breath_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->breath_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->digits_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->breath_label));
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), box);
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));

  g_signal_connect_swapped (timer, "changed", G_CALLBACK (update_ticking), self);
  if (settings != NULL)
    g_settings_bind (settings, "breathing-cue", self, "breathing", G_SETTINGS_BIND_GET);
  update_ticking (self);

  return GTK_WIDGET (self);
}

/* What the digits show now. */
const char *
unknot_hold_dial_get_digits (UnknotHoldDial *self)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD_DIAL (self), NULL);

  return gtk_label_get_label (self->digits_label);
}
