/* unknot-hold-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hold in progress: a ring and big digits, which side, a slow breathing cue, and
 * Pause (Space), +10 s (+), Reset (Escape) and Skip. Screen readers hear the start, ten
 * seconds left and the end, not every second.
 */

#define G_LOG_DOMAIN "unknot-hold-page"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-hold-page.h"
#include "unknot-hold-ring.h"
#include "unknot-illustration.h"

/* One breath: in for four seconds, out for six. */
#define BREATH_IN_USEC (4 * G_USEC_PER_SEC)
#define BREATH_USEC (10 * G_USEC_PER_SEC)

struct _UnknotHoldPage
{
  AdwNavigationPage  parent_instance;

  UnknotHoldTimer   *timer;
  UnknotTechnique   *technique;
  UnknotStep        *step;
  guint              tick_id;
  gint64             shown_seconds;
  gboolean           announced_ten;

  GtkLabel          *phase_label;
  GtkOverlay        *ring_overlay;
  GtkLabel          *digits_label;
  GtkLabel          *breath_label;
  GtkButton         *pause_button;
  GtkWidget         *log_button;
  GtkBox            *step_box;
  GtkLabel          *step_label;
};

G_DEFINE_FINAL_TYPE (UnknotHoldPage, unknot_hold_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_TIMER,
  PROP_TECHNIQUE,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * unknot_hold_page_format_time:
 * @remaining: microseconds
 *
 * Returns: (transfer full): the time left as the page shows it, rounded up to whole
 *   seconds ("0:30" until the very end of the first second)
 */
char *
unknot_hold_page_format_time (gint64 remaining)
{
  gint64 seconds = (MAX (remaining, 0) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

static gboolean
is_counting (UnknotHoldPage *self)
{
  UnknotHoldTimerState state = unknot_hold_timer_get_state (self->timer);

  return state == UNKNOT_HOLD_TIMER_RUNNING || state == UNKNOT_HOLD_TIMER_SWITCHING;
}

static void
announce (UnknotHoldPage *self,
          const char     *message)
{
  gtk_accessible_announce (GTK_ACCESSIBLE (self), message,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
}

static void
update_time (UnknotHoldPage *self)
{
  gint64 remaining = unknot_hold_timer_get_remaining (self->timer);
  gint64 seconds = (remaining + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
  gboolean animate = FALSE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animate, NULL);

  if (seconds != self->shown_seconds)
    {
      g_autofree char *text = unknot_hold_page_format_time (remaining);

      self->shown_seconds = seconds;
      gtk_label_set_label (self->digits_label, text);

      if (seconds == 10 && !self->announced_ten &&
          unknot_hold_timer_get_state (self->timer) == UNKNOT_HOLD_TIMER_RUNNING)
        {
          self->announced_ten = TRUE;
          announce (self, _("Ten seconds left"));
        }
    }

  /* The breathing cue follows the hold's own time, so it pauses with it; with reduced
   * motion it is a steady reminder. */
  if (unknot_hold_timer_get_state (self->timer) != UNKNOT_HOLD_TIMER_RUNNING)
    gtk_label_set_label (self->breath_label, "");
  else if (!animate)
    gtk_label_set_label (self->breath_label, _("Breathe slowly"));
  else if (unknot_hold_timer_get_elapsed (self->timer) % BREATH_USEC < BREATH_IN_USEC)
    gtk_label_set_label (self->breath_label, _("Breathe in…"));
  else
    gtk_label_set_label (self->breath_label, _("Breathe out…"));
}

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  update_time (UNKNOT_HOLD_PAGE (widget));

  return G_SOURCE_CONTINUE;
}

static void
update_ticking (UnknotHoldPage *self)
{
  gboolean want = is_counting (self) && gtk_widget_get_mapped (GTK_WIDGET (self));

  if (want && self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick_cb, NULL, NULL);
  else if (!want && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static void
on_state_changed_cb (UnknotHoldPage *self)
{
  UnknotHoldTimerState state = unknot_hold_timer_get_state (self->timer);
  gboolean both = unknot_hold_timer_get_both_sides (self->timer);
  guint side = unknot_hold_timer_get_side (self->timer);
  const char *phase, *button;

  switch (state)
    {
    case UNKNOT_HOLD_TIMER_RUNNING:
      phase = !both ? _("Hold") : side == 1 ? _("First Side") : _("Second Side");
      button = _("_Pause");
      break;

    case UNKNOT_HOLD_TIMER_PAUSED:
      phase = _("Paused");
      button = _("_Resume");
      break;

    case UNKNOT_HOLD_TIMER_SWITCHING:
      phase = _("Switch Sides");
      button = _("_Pause");
      announce (self, _("Switch to the other side"));
      break;

    case UNKNOT_HOLD_TIMER_FINISHED:
      phase = _("Done. How Does It Feel?");
      button = _("_Start Again");
      announce (self, _("The hold is done"));
      break;

    case UNKNOT_HOLD_TIMER_IDLE:
    default:
      phase = _("Ready");
      button = _("_Start");
      break;
    }

  gtk_label_set_label (self->phase_label, phase);
  gtk_widget_set_visible (self->log_button,
                          state == UNKNOT_HOLD_TIMER_FINISHED && self->step != NULL);
  gtk_button_set_label (self->pause_button, button);
  self->shown_seconds = -1;
  update_time (self);
  update_ticking (self);
}

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UnknotHoldPage *self = UNKNOT_HOLD_PAGE (widget);
  guint seconds = self->step ? unknot_step_get_hold_max (self->step) : 30;

  switch (unknot_hold_timer_get_state (self->timer))
    {
    case UNKNOT_HOLD_TIMER_RUNNING:
    case UNKNOT_HOLD_TIMER_SWITCHING:
      unknot_hold_timer_pause (self->timer);
      break;

    case UNKNOT_HOLD_TIMER_PAUSED:
      unknot_hold_timer_resume (self->timer);
      break;

    case UNKNOT_HOLD_TIMER_IDLE:
    case UNKNOT_HOLD_TIMER_FINISHED:
    default:
      self->announced_ten = FALSE;
      unknot_hold_timer_start (self->timer, seconds, unknot_hold_timer_get_both_sides (self->timer));
      break;
    }
}

static void
add_ten_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UnknotHoldPage *self = UNKNOT_HOLD_PAGE (widget);

  unknot_hold_timer_add_seconds (self->timer, 10);
  self->announced_ten = FALSE;
  self->shown_seconds = -1;
  update_time (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  unknot_hold_timer_reset (UNKNOT_HOLD_PAGE (widget)->timer);
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  unknot_hold_timer_skip (UNKNOT_HOLD_PAGE (widget)->timer);
}

static void
unknot_hold_page_constructed (GObject *object)
{
  UnknotHoldPage *self = UNKNOT_HOLD_PAGE (object);

  G_OBJECT_CLASS (unknot_hold_page_parent_class)->constructed (object);

  gtk_overlay_set_child (self->ring_overlay, unknot_hold_ring_new (self->timer));

  if (self->technique != NULL)
    adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), unknot_technique_get_title (self->technique));

  if (self->step != NULL && self->technique != NULL)
    {
      GtkWidget *illustration = unknot_illustration_new (unknot_step_get_illustration (self->step),
                                                         unknot_step_get_text (self->step));

      gtk_label_set_label (self->step_label, unknot_step_get_text (self->step));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->log_button), "app.log-session");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->log_button), "(su)",
                                        unknot_technique_get_id (self->technique),
                                        unknot_step_get_number (self->step));
      gtk_widget_set_halign (illustration, GTK_ALIGN_CENTER);
      gtk_box_append (self->step_box, illustration);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->step_box), self->step != NULL && self->technique != NULL);

  g_signal_connect_object (self->timer, "notify::state",
                           G_CALLBACK (on_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timer, "notify::side",
                           G_CALLBACK (on_state_changed_cb), self, G_CONNECT_SWAPPED);
  on_state_changed_cb (self);
}

static void
unknot_hold_page_map (GtkWidget *widget)
{
  UnknotHoldPage *self = UNKNOT_HOLD_PAGE (widget);
  g_autofree char *message = NULL;

  GTK_WIDGET_CLASS (unknot_hold_page_parent_class)->map (widget);
  update_ticking (self);

  if (unknot_hold_timer_get_state (self->timer) == UNKNOT_HOLD_TIMER_RUNNING)
    {
      gint64 seconds = (unknot_hold_timer_get_remaining (self->timer) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Hold for %d second",
                                              "Hold for %d seconds", seconds), (int) seconds);
      announce (self, message);
    }
}

static void
unknot_hold_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (unknot_hold_page_parent_class)->unmap (widget);
  update_ticking (UNKNOT_HOLD_PAGE (widget));
}

static void
unknot_hold_page_dispose (GObject *object)
{
  UnknotHoldPage *self = UNKNOT_HOLD_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_HOLD_PAGE);
  g_clear_object (&self->timer);
  g_clear_object (&self->technique);
  g_clear_object (&self->step);

  G_OBJECT_CLASS (unknot_hold_page_parent_class)->dispose (object);
}

static void
unknot_hold_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UnknotHoldPage *self = UNKNOT_HOLD_PAGE (object);

  switch (prop_id)
    {
    case PROP_TIMER:
      self->timer = g_value_dup_object (value);
      break;

    case PROP_TECHNIQUE:
      self->technique = g_value_dup_object (value);
      break;

    case PROP_STEP:
      self->step = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_hold_page_class_init (UnknotHoldPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = unknot_hold_page_constructed;
  object_class->dispose = unknot_hold_page_dispose;
  object_class->set_property = unknot_hold_page_set_property;

  widget_class->map = unknot_hold_page_map;
  widget_class->unmap = unknot_hold_page_unmap;

  properties[PROP_TIMER] =
    g_param_spec_object ("timer", NULL, NULL, UNKNOT_TYPE_HOLD_TIMER,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TECHNIQUE] =
    g_param_spec_object ("technique", NULL, NULL, UNKNOT_TYPE_TECHNIQUE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] =
    g_param_spec_object ("step", NULL, NULL, UNKNOT_TYPE_STEP,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "hold.toggle", NULL, toggle_action);
  gtk_widget_class_install_action (widget_class, "hold.add-ten", NULL, add_ten_action);
  gtk_widget_class_install_action (widget_class, "hold.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "hold.skip", NULL, skip_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "hold.toggle", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "hold.add-ten", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK, "hold.add-ten", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "hold.add-ten", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "hold.reset", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-hold-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotHoldPage, phase_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotHoldPage, ring_overlay);
  gtk_widget_class_bind_template_child (widget_class, UnknotHoldPage, digits_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotHoldPage, breath_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotHoldPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotHoldPage, log_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotHoldPage, step_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotHoldPage, step_label);
}

static void
unknot_hold_page_init (UnknotHoldPage *self)
{
  self->shown_seconds = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * unknot_hold_page_new:
 * @technique: (nullable): the technique the hold belongs to
 * @step: (nullable): the step, whose picture and text are shown
 */
UnknotHoldPage *
unknot_hold_page_new (UnknotHoldTimer *timer,
                      UnknotTechnique *technique,
                      UnknotStep      *step)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD_TIMER (timer), NULL);

  return g_object_new (UNKNOT_TYPE_HOLD_PAGE,
                       "timer", timer,
                       "technique", technique,
                       "step", step,
                       NULL);
}

/* What the digits show now, for tests. */
const char *
unknot_hold_page_get_digits (UnknotHoldPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD_PAGE (self), NULL);

  return gtk_label_get_label (self->digits_label);
}
