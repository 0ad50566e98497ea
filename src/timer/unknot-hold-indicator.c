/* unknot-hold-indicator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small header-bar button that shows a running hold's time left from any page and
 * leads back to it (win.show-hold). It is there only while a hold runs or is paused,
 * and updates about once a second, and only while it is on screen.
 */

#define G_LOG_DOMAIN "unknot-hold-indicator"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "unknot-hold-dial.h"
#include "unknot-hold-indicator.h"

struct _UnknotHoldIndicator
{
  GtkButton         parent_instance;

  UnknotHoldTimer  *timer;
  AdwButtonContent *content;
  guint             timeout_id;
};

G_DEFINE_FINAL_TYPE (UnknotHoldIndicator, unknot_hold_indicator, GTK_TYPE_BUTTON)

static gboolean
on_timeout_cb (gpointer user_data)
{
  UnknotHoldIndicator *self = user_data;
  g_autofree char *text = unknot_hold_dial_format_time (unknot_hold_timer_get_remaining (self->timer));

  adw_button_content_set_label (self->content, text);

  return G_SOURCE_CONTINUE;
}

static void
update (UnknotHoldIndicator *self)
{
  UnknotHoldTimerState state = self->timer ? unknot_hold_timer_get_state (self->timer)
                                           : UNKNOT_HOLD_TIMER_IDLE;
  gboolean active = state == UNKNOT_HOLD_TIMER_RUNNING || state == UNKNOT_HOLD_TIMER_SWITCHING ||
                    state == UNKNOT_HOLD_TIMER_PAUSED;

  gtk_widget_set_visible (GTK_WIDGET (self), active);
  if (active)
    on_timeout_cb (self);

  if (active && state != UNKNOT_HOLD_TIMER_PAUSED && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      if (self->timeout_id == 0)
        self->timeout_id = g_timeout_add_seconds (1, on_timeout_cb, self);
    }
  else
    {
      g_clear_handle_id (&self->timeout_id, g_source_remove);
    }
}

static void
unknot_hold_indicator_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (unknot_hold_indicator_parent_class)->map (widget);
  update (UNKNOT_HOLD_INDICATOR (widget));
}

static void
unknot_hold_indicator_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (unknot_hold_indicator_parent_class)->unmap (widget);
  update (UNKNOT_HOLD_INDICATOR (widget));
}

static void
unknot_hold_indicator_dispose (GObject *object)
{
  UnknotHoldIndicator *self = UNKNOT_HOLD_INDICATOR (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_data (self->timer, self);
  g_clear_object (&self->timer);

  G_OBJECT_CLASS (unknot_hold_indicator_parent_class)->dispose (object);
}

static void
unknot_hold_indicator_class_init (UnknotHoldIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_hold_indicator_dispose;

  widget_class->map = unknot_hold_indicator_map;
  widget_class->unmap = unknot_hold_indicator_unmap;
}

static void
unknot_hold_indicator_init (UnknotHoldIndicator *self)
{
  self->content = ADW_BUTTON_CONTENT (adw_button_content_new ());
  adw_button_content_set_icon_name (self->content, "alarm-symbolic");
  gtk_button_set_child (GTK_BUTTON (self), GTK_WIDGET (self->content));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "win.show-hold");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Back to the Hold"));
  gtk_widget_add_css_class (GTK_WIDGET (self), "hold-indicator");
  gtk_widget_set_name (GTK_WIDGET (self), "hold-indicator");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
unknot_hold_indicator_new (UnknotHoldTimer *timer)
{
  UnknotHoldIndicator *self;

  g_return_val_if_fail (UNKNOT_IS_HOLD_TIMER (timer), NULL);

  self = g_object_new (UNKNOT_TYPE_HOLD_INDICATOR, NULL);
  unknot_hold_indicator_set_timer (self, timer);

  return GTK_WIDGET (self);
}

/**
 * unknot_hold_indicator_set_timer:
 * @timer: (nullable): the timer whose hold the indicator shows
 *
 * A page that has an indicator in its header bar gives it the application's hold
 * timer this way; without one, the indicator stays hidden.
 */
void
unknot_hold_indicator_set_timer (UnknotHoldIndicator *self,
                                 UnknotHoldTimer     *timer)
{
  g_return_if_fail (UNKNOT_IS_HOLD_INDICATOR (self));
  g_return_if_fail (timer == NULL || UNKNOT_IS_HOLD_TIMER (timer));

  if (self->timer == timer)
    return;

  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_data (self->timer, self);
  g_set_object (&self->timer, timer);
  if (timer != NULL)
    g_signal_connect_swapped (timer, "changed", G_CALLBACK (update), self);
  update (self);
}
