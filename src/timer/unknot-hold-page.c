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

#include "journal/unknot-journal-button.h"
#include "unknot-hold.h"
#include "unknot-hold-dial.h"
#include "unknot-hold-page.h"
#include "unknot-illustration.h"

struct _UnknotHoldPage
{
  AdwNavigationPage  parent_instance;

  UnknotHold        *hold;
  UnknotHoldTimer   *timer;
  UnknotTechnique   *technique;
  UnknotStep        *step;
  GSettings         *settings;
  GtkWidget         *dial;

  GtkLabel          *phase_label;
  GtkBox            *dial_box;
  GtkButton         *pause_button;
  GtkWidget         *log_button;
  GtkBox            *step_box;
  GtkLabel          *step_label;
};

G_DEFINE_FINAL_TYPE (UnknotHoldPage, unknot_hold_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_HOLD,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
announce (UnknotHoldPage *self,
          const char     *message)
{
  gtk_accessible_announce (GTK_ACCESSIBLE (self), message,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
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
}

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UnknotHoldPage *self = UNKNOT_HOLD_PAGE (widget);

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
      unknot_hold_restart (self->hold);
      break;
    }
}

static void
add_ten_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  unknot_hold_timer_add_seconds (UNKNOT_HOLD_PAGE (widget)->timer, 10);
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

  /* The page shows the hold it was opened for; a new hold gets a new page. */
  self->timer = g_object_ref (unknot_hold_get_timer (self->hold));
  g_set_object (&self->technique, unknot_hold_get_technique (self->hold));
  g_set_object (&self->step, unknot_hold_get_step (self->hold));

  self->dial = unknot_hold_dial_new (self->timer, self->settings);
  gtk_box_append (self->dial_box, self->dial);

  if (self->technique != NULL)
    adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), unknot_technique_get_title (self->technique));

  if (self->step != NULL && self->technique != NULL)
    {
      GtkWidget *illustration = unknot_illustration_new (unknot_step_get_illustration (self->step),
                                                         unknot_step_get_text (self->step));

      gtk_label_set_label (self->step_label, unknot_step_get_text (self->step));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->log_button), "(su)",
                                        unknot_technique_get_id (self->technique),
                                        unknot_step_get_number (self->step));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->log_button), "app.log-session");
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

  /* Keyboard focus inside the page, so Space, + and Escape reach it at once. */
  gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));

  if (unknot_hold_timer_get_state (self->timer) == UNKNOT_HOLD_TIMER_RUNNING)
    {
      gint64 seconds = (unknot_hold_timer_get_remaining (self->timer) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Hold for %d second",
                                              "Hold for %d seconds", seconds), (int) seconds);
      announce (self, message);
    }
}

static void
unknot_hold_page_dispose (GObject *object)
{
  UnknotHoldPage *self = UNKNOT_HOLD_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_HOLD_PAGE);
  g_clear_object (&self->hold);
  g_clear_object (&self->timer);
  g_clear_object (&self->technique);
  g_clear_object (&self->step);
  g_clear_object (&self->settings);

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
    case PROP_HOLD:
      self->hold = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
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

  /**
   * UnknotHoldPage:hold:
   *
   * The hold in progress: its timer, and the technique and step it belongs to.
   */
  properties[PROP_HOLD] =
    g_param_spec_object ("hold", NULL, NULL, UNKNOT_TYPE_HOLD,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
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

  g_type_ensure (UNKNOT_TYPE_JOURNAL_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-hold-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotHoldPage, phase_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotHoldPage, dial_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotHoldPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotHoldPage, log_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotHoldPage, step_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotHoldPage, step_label);
}

static void
unknot_hold_page_init (UnknotHoldPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * unknot_hold_page_new:
 * @hold: the hold in progress
 * @settings: (nullable): the person's settings (the breathing cue)
 */
UnknotHoldPage *
unknot_hold_page_new (UnknotHold *hold,
                      GSettings  *settings)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD (hold), NULL);

  return g_object_new (UNKNOT_TYPE_HOLD_PAGE,
                       "hold", hold,
                       "settings", settings,
                       NULL);
}

/* What the digits show now, for tests. */
const char *
unknot_hold_page_get_digits (UnknotHoldPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD_PAGE (self), NULL);

  return unknot_hold_dial_get_digits (UNKNOT_HOLD_DIAL (self->dial));
}
