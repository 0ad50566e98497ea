/* unknot-routine-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A guided routine: first what it holds and how long it takes, then, hands-free, each
 * hold's picture and text with a short get-ready count before it, and at the end the
 * offer to log how it felt.
 */

#define G_LOG_DOMAIN "unknot-routine-page"

#include "config.h"

#include <glib/gi18n.h>

#include "timer/unknot-hold-dial.h"
#include "unknot-illustration.h"
#include "unknot-routine-page.h"

struct _UnknotRoutinePage
{
  AdwNavigationPage    parent_instance;

  UnknotRoutinePlayer *player;

  GtkLabel            *summary_label;
  GtkStack            *stack;
  GtkListBox          *holds_list;
  GtkWidget           *start_button;
  GtkLabel            *phase_label;
  GtkBox              *dial_box;
  GtkButton           *pause_button;
  GtkBox              *step_box;
  GtkWidget           *step_content;
  GtkButton           *log_button;
};

G_DEFINE_FINAL_TYPE (UnknotRoutinePage, unknot_routine_page, ADW_TYPE_NAVIGATION_PAGE)

static void
show_step (UnknotRoutinePage *self)
{
  UnknotRoutine *routine = unknot_routine_player_get_routine (self->player);
  guint position = unknot_routine_player_get_position (self->player);
  UnknotTechnique *technique = unknot_routine_get_technique (routine, position);
  UnknotStep *step = unknot_routine_get_step (routine, position);
  GtkWidget *title, *text, *illustration;

  if (self->step_content != NULL)
    gtk_box_remove (self->step_box, self->step_content);

  self->step_content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  title = g_object_new (GTK_TYPE_LABEL, "label", unknot_technique_get_title (technique),
                        "wrap", TRUE, "xalign", 0.0f, NULL);
  gtk_widget_add_css_class (title, "heading");
  text = g_object_new (GTK_TYPE_LABEL, "label", unknot_step_get_text (step),
                       "wrap", TRUE, "xalign", 0.0f, NULL);
  illustration = unknot_illustration_new (unknot_step_get_illustration (step),
                                          unknot_step_get_text (step));
  gtk_widget_set_halign (illustration, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->step_content), title);
  gtk_box_append (GTK_BOX (self->step_content), text);
  gtk_box_append (GTK_BOX (self->step_content), illustration);
  gtk_box_append (self->step_box, self->step_content);

  /* The target first, so the button never names the action without its parameter. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->log_button), "(su)",
                                    unknot_technique_get_id (technique),
                                    unknot_step_get_number (step));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->log_button), "app.log-session");
}

static void
on_changed_cb (UnknotRoutinePage *self)
{
  switch (unknot_routine_player_get_phase (self->player))
    {
    case UNKNOT_ROUTINE_GET_READY:
      gtk_stack_set_visible_child_name (self->stack, "running");
      gtk_label_set_label (self->phase_label, _("Get Ready"));
      show_step (self);
      break;

    case UNKNOT_ROUTINE_HOLD:
      gtk_stack_set_visible_child_name (self->stack, "running");
      gtk_label_set_label (self->phase_label, _("Hold"));
      show_step (self);
      break;

    case UNKNOT_ROUTINE_DONE:
      gtk_stack_set_visible_child_name (self->stack, "done");
      gtk_accessible_announce (GTK_ACCESSIBLE (self), _("The routine is done"),
                               GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
      break;

    case UNKNOT_ROUTINE_NOT_STARTED:
    default:
      gtk_stack_set_visible_child_name (self->stack, "overview");
      break;
    }
}

static void
on_timer_changed_cb (UnknotRoutinePage *self)
{
  gboolean paused = unknot_hold_timer_get_state (unknot_routine_player_get_timer (self->player))
                    == UNKNOT_HOLD_TIMER_PAUSED;

  gtk_button_set_label (self->pause_button, paused ? _("_Resume") : _("_Pause"));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  unknot_routine_player_start (UNKNOT_ROUTINE_PAGE (widget)->player);
}

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UnknotRoutinePage *self = UNKNOT_ROUTINE_PAGE (widget);

  if (unknot_routine_player_get_phase (self->player) == UNKNOT_ROUTINE_GET_READY ||
      unknot_routine_player_get_phase (self->player) == UNKNOT_ROUTINE_HOLD)
    unknot_routine_player_toggle_pause (self->player);
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  unknot_routine_player_skip (UNKNOT_ROUTINE_PAGE (widget)->player);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  unknot_routine_player_back (UNKNOT_ROUTINE_PAGE (widget)->player);
}

static void
fill_overview (UnknotRoutinePage *self)
{
  UnknotRoutine *routine = unknot_routine_player_get_routine (self->player);
  guint n = unknot_routine_get_n_holds (routine);
  guint minutes = (unknot_routine_get_total_seconds (routine) + 59) / 60;
  g_autofree char *holds = NULL;
  g_autofree char *summary = NULL;

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), unknot_routine_get_title (routine));

  holds = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hold", "%u holds", n), n);
  /* Translators: e.g. "6 holds, about 4 minutes" */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, about %u minute",
                                          "%s, about %u minutes", minutes), holds, minutes);
  if (n == 0)
    g_set_str (&summary, _("None of this routine's techniques use the tools you have. "
                           "Choose more tools in Preferences."));
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_sensitive (self->start_button, n > 0);

  for (guint i = 0; i < n; i++)
    {
      UnknotStep *step = unknot_routine_get_step (routine, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      /* Translators: a hold in a routine, e.g. "Step 4, 30 s" */
      subtitle = g_strdup_printf (_("Step %u, %u s"), unknot_step_get_number (step),
                                  unknot_routine_get_seconds (routine, i));
      row = g_object_new (ADW_TYPE_ACTION_ROW,
                          "title", unknot_technique_get_title (unknot_routine_get_technique (routine, i)),
                          "subtitle", subtitle,
                          NULL);
      gtk_list_box_append (self->holds_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->holds_list), n > 0);
}

static void
unknot_routine_page_dispose (GObject *object)
{
  UnknotRoutinePage *self = UNKNOT_ROUTINE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_ROUTINE_PAGE);
  if (self->player != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->player, self);
      g_signal_handlers_disconnect_by_data (unknot_routine_player_get_timer (self->player), self);
    }
  g_clear_object (&self->player);

  G_OBJECT_CLASS (unknot_routine_page_parent_class)->dispose (object);
}

static void
unknot_routine_page_class_init (UnknotRoutinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_routine_page_dispose;

  gtk_widget_class_install_action (widget_class, "routine.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "routine.toggle", NULL, toggle_action);
  gtk_widget_class_install_action (widget_class, "routine.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "routine.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "routine.toggle", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-routine-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, holds_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, start_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, phase_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, dial_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, step_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, log_button);
}

static void
unknot_routine_page_init (UnknotRoutinePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * unknot_routine_page_new:
 * @settings: (nullable): the person's settings (the breathing cue)
 */
UnknotRoutinePage *
unknot_routine_page_new (UnknotRoutinePlayer *player,
                         GSettings           *settings)
{
  UnknotRoutinePage *self;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PLAYER (player), NULL);

  self = g_object_new (UNKNOT_TYPE_ROUTINE_PAGE, NULL);
  self->player = g_object_ref (player);
  gtk_box_append (self->dial_box, unknot_hold_dial_new (unknot_routine_player_get_timer (player),
                                                       settings));
  fill_overview (self);

  g_signal_connect_swapped (player, "changed", G_CALLBACK (on_changed_cb), self);
  g_signal_connect_swapped (unknot_routine_player_get_timer (player), "changed",
                            G_CALLBACK (on_timer_changed_cb), self);
  on_changed_cb (self);

  return self;
}

UnknotRoutinePlayer *
unknot_routine_page_get_player (UnknotRoutinePage *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PAGE (self), NULL);

  return self->player;
}
