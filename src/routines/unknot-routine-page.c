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
#include "journal/unknot-journal-button.h"
#include "timer/unknot-hold-indicator.h"
#include "unknot-illustration.h"
#include "unknot-link-row.h"
#include "unknot-menu-names.h"
#include "unknot-routine-edit.h"
#include "unknot-routine-page.h"

struct _UnknotRoutinePage
{
  AdwNavigationPage    parent_instance;

  UnknotCatalog       *catalog;
  GSettings           *settings;
  UnknotHold          *hold;
  UnknotRoutineStore  *routine_store;
  char                *occasion_id;
  UnknotRoutinePlayer *player;
  char                *focus_technique_id;
  gboolean             stale;

  UnknotHoldIndicator *hold_indicator;

  GtkLabel            *summary_label;
  GtkStack            *stack;
  GtkListBox          *holds_list;
  GtkWidget           *start_button;
  AdwStatusPage       *empty_status;
  GtkWidget           *tools_button;
  GtkLabel            *phase_label;
  GtkBox              *dial_box;
  GtkButton           *pause_button;
  GtkBox              *step_box;
  GtkWidget           *step_content;
  GtkButton           *log_button;
};

G_DEFINE_FINAL_TYPE (UnknotRoutinePage, unknot_routine_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_SETTINGS,
  PROP_HOLD,
  PROP_OCCASION,
  PROP_ROUTINE_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (UnknotRoutinePage *self);

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
      /* The routine changed while it ran: the next run is the new one. */
      if (self->stale)
        rebuild (self);
      break;

    case UNKNOT_ROUTINE_NOT_STARTED:
    default:
      if (unknot_routine_get_n_holds (unknot_routine_player_get_routine (self->player)) > 0)
        gtk_stack_set_visible_child_name (self->stack, "overview");
      else
        gtk_stack_set_visible_child_name (self->stack, "empty");
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
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UnknotRoutinePage *self = UNKNOT_ROUTINE_PAGE (widget);
  const char *technique_id;
  int offset;

  g_variant_get (parameter, "(&si)", &technique_id, &offset);
  if (self->routine_store == NULL)
    return;

  /* The moved hold keeps the focus, so the keyboard goes on from the same place. */
  g_free (self->focus_technique_id);
  self->focus_technique_id = g_strdup (technique_id);
  unknot_routine_edit_move (widget, self->routine_store, technique_id, offset);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UnknotRoutinePage *self = UNKNOT_ROUTINE_PAGE (widget);

  if (self->routine_store != NULL)
    unknot_routine_edit_remove (widget, self->routine_store, g_variant_get_string (parameter, NULL));
}

/* The menu of a hold in the person's own routine: move it, or take it out. */
static GtkWidget *
edit_menu_button_new (const char *technique_id,
                      const char *title,
                      gboolean    first,
                      gboolean    last)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  g_autofree char *label = NULL;
  GtkWidget *button;

  if (!first)
    {
      item = g_menu_item_new (_("Move _Up"), NULL);
      g_menu_item_set_action_and_target (item, "routine.move", "(si)", technique_id, -1);
      g_menu_append_item (menu, item);
      g_clear_object (&item);
    }
  if (!last)
    {
      item = g_menu_item_new (_("Move _Down"), NULL);
      g_menu_item_set_action_and_target (item, "routine.move", "(si)", technique_id, 1);
      g_menu_append_item (menu, item);
      g_clear_object (&item);
    }
  item = g_menu_item_new (_("_Remove From Routine"), NULL);
  g_menu_item_set_action_and_target (item, "routine.remove", "s", technique_id);
  g_menu_append_item (menu, item);

  /* Translators: the accessible name of a hold's menu in the person's routine */
  label = g_strdup_printf (_("Move or Remove “%s”"), title);
  button = g_object_new (GTK_TYPE_MENU_BUTTON,
                         "icon-name", "view-more-symbolic",
                         "menu-model", menu,
                         "valign", GTK_ALIGN_CENTER,
                         "tooltip-text", _("Move or Remove"),
                         NULL);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  unknot_menu_button_name_items (GTK_MENU_BUTTON (button));

  return button;
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
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), n > 0);

  /* Nothing to run: say why, and what to do about it. */
  if ((self->routine_store != NULL))
    {
      adw_status_page_set_icon_name (self->empty_status, "view-list-ordered-symbolic");
      adw_status_page_set_title (self->empty_status, _("Your Routine Is Empty"));
      adw_status_page_set_description (self->empty_status,
                                       _("Open any technique and choose “Add to My Routine” "
                                         "to put it here."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_status, "preferences-system-symbolic");
      adw_status_page_set_title (self->empty_status, _("Nothing for Your Tools"));
      adw_status_page_set_description (self->empty_status,
                                       _("None of this routine's techniques use the tools you "
                                         "have. Choose more tools in Preferences."));
    }
  gtk_widget_set_visible (self->tools_button, !(self->routine_store != NULL));

  gtk_list_box_remove_all (self->holds_list);
  for (guint i = 0; i < n; i++)
    {
      UnknotTechnique *technique = unknot_routine_get_technique (routine, i);
      UnknotStep *step = unknot_routine_get_step (routine, i);
      const char *title = unknot_technique_get_title (technique);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      /* Translators: a hold in a routine, e.g. "Step 4, 30 s" */
      subtitle = g_strdup_printf (_("Step %u, %u s"), unknot_step_get_number (step),
                                  unknot_routine_get_seconds (routine, i));
      row = g_object_new (UNKNOT_TYPE_LINK_ROW,
                          "title", title,
                          "subtitle", subtitle,
                          "activatable", TRUE,
                          NULL);
      gtk_widget_set_name (row, unknot_technique_get_id (technique));
      /* A hold opens its whole technique, to read every step before starting. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)",
                                        unknot_technique_get_id (technique),
                                        unknot_technique_get_regions (technique)[0]);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-technique");
      if ((self->routine_store != NULL))
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   edit_menu_button_new (unknot_technique_get_id (technique), title,
                                                         i == 0, i + 1 == n));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->holds_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->holds_list), n > 0);
}

static void
unknot_routine_page_focus_hold (UnknotRoutinePage *self,
                                const char        *technique_id)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->holds_list));

  for (GtkWidget *row = first; row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (gtk_widget_get_name (row), technique_id) == 0)
        {
          gtk_widget_grab_focus (row);
          return;
        }
    }

  if (first != NULL)
    gtk_widget_grab_focus (first);
}

static void
set_player (UnknotRoutinePage   *self,
            UnknotRoutinePlayer *player)
{
  if (self->player != NULL)
    g_signal_handlers_disconnect_by_data (self->player, self);
  g_set_object (&self->player, player);
  g_signal_connect_swapped (player, "changed", G_CALLBACK (on_changed_cb), self);
}

/* The routine again from what it is made of: the person's own routine as it is now, or
 * the guide's routine for the occasion with the person's tools and hold length. */
static void
rebuild (UnknotRoutinePage *self)
{
  guint preferred = unknot_hold_get_preferred_seconds (self->hold);
  gboolean was_done = self->player != NULL &&
                      unknot_routine_player_get_phase (self->player) == UNKNOT_ROUTINE_DONE;
  gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self->holds_list)) != NULL;
  g_autoptr(UnknotRoutine) routine = NULL;
  g_autoptr(UnknotRoutinePlayer) player = NULL;

  if (self->routine_store != NULL)
    {
      routine = unknot_routine_new_for_techniques (self->catalog, _("My Routine"),
                                                   unknot_routine_store_get_techniques (self->routine_store),
                                                   NULL, preferred);
    }
  else
    {
      g_auto(GStrv) owned = self->settings ? g_settings_get_strv (self->settings, "owned-tools")
                                           : NULL;

      routine = unknot_routine_new_for_occasion (self->catalog, self->occasion_id,
                                                 (const char * const *) owned, preferred);
      if (routine == NULL)
        {
          static const char * const none[] = { NULL };

          g_warning ("No routine for “%s”", self->occasion_id);
          routine = unknot_routine_new_for_techniques (self->catalog, "", none, NULL, preferred);
        }
    }

  unknot_routine_set_both_sides (routine, unknot_hold_get_both_sides (self->hold));
  player = unknot_routine_player_new (routine, self->hold);
  set_player (self, player);
  self->stale = FALSE;

  fill_overview (self);
  if (was_done)
    gtk_stack_set_visible_child_name (self->stack, "done");
  else
    on_changed_cb (self);

  if (had_focus || self->focus_technique_id != NULL)
    unknot_routine_page_focus_hold (self, self->focus_technique_id);
  g_clear_pointer (&self->focus_technique_id, g_free);
}

/* The person's routine changed, here or on another page. */
static void
on_routine_store_changed_cb (UnknotRoutinePage *self)
{
  UnknotRoutinePhase phase = unknot_routine_player_get_phase (self->player);

  if (phase == UNKNOT_ROUTINE_GET_READY || phase == UNKNOT_ROUTINE_HOLD)
    self->stale = TRUE;
  else
    rebuild (self);
}

static void
unknot_routine_page_constructed (GObject *object)
{
  UnknotRoutinePage *self = UNKNOT_ROUTINE_PAGE (object);
  UnknotHoldTimer *timer;

  G_OBJECT_CLASS (unknot_routine_page_parent_class)->constructed (object);

  g_return_if_fail (self->catalog != NULL && self->hold != NULL);
  g_return_if_fail ((self->routine_store != NULL) != (self->occasion_id != NULL));

  timer = unknot_hold_get_timer (self->hold);
  unknot_hold_indicator_set_timer (self->hold_indicator, timer);
  gtk_box_append (self->dial_box, unknot_hold_dial_new (timer, self->settings));
  g_signal_connect_object (timer, "changed", G_CALLBACK (on_timer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->routine_store != NULL)
    g_signal_connect_object (self->routine_store, "items-changed",
                             G_CALLBACK (on_routine_store_changed_cb), self, G_CONNECT_SWAPPED);

  rebuild (self);
}

static void
unknot_routine_page_dispose (GObject *object)
{
  UnknotRoutinePage *self = UNKNOT_ROUTINE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_ROUTINE_PAGE);
  if (self->player != NULL)
    g_signal_handlers_disconnect_by_data (self->player, self);
  g_clear_object (&self->player);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  g_clear_object (&self->hold);
  g_clear_object (&self->routine_store);

  G_OBJECT_CLASS (unknot_routine_page_parent_class)->dispose (object);
}

static void
unknot_routine_page_finalize (GObject *object)
{
  UnknotRoutinePage *self = UNKNOT_ROUTINE_PAGE (object);

  g_free (self->occasion_id);
  g_free (self->focus_technique_id);

  G_OBJECT_CLASS (unknot_routine_page_parent_class)->finalize (object);
}

static void
unknot_routine_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UnknotRoutinePage *self = UNKNOT_ROUTINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_HOLD:
      g_value_set_object (value, self->hold);
      break;

    case PROP_OCCASION:
      g_value_set_string (value, self->occasion_id);
      break;

    case PROP_ROUTINE_STORE:
      g_value_set_object (value, self->routine_store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_routine_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UnknotRoutinePage *self = UNKNOT_ROUTINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_HOLD:
      self->hold = g_value_dup_object (value);
      break;

    case PROP_OCCASION:
      self->occasion_id = g_value_dup_string (value);
      break;

    case PROP_ROUTINE_STORE:
      self->routine_store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_routine_page_class_init (UnknotRoutinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = unknot_routine_page_constructed;
  object_class->dispose = unknot_routine_page_dispose;
  object_class->finalize = unknot_routine_page_finalize;
  object_class->get_property = unknot_routine_page_get_property;
  object_class->set_property = unknot_routine_page_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, UNKNOT_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotRoutinePage:settings:
   *
   * The person's tools (a guided routine keeps to them) and the breathing cue.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotRoutinePage:hold:
   *
   * The hold in progress: its timer runs the routine, and its rules give each hold's
   * length and sides.
   */
  properties[PROP_HOLD] =
    g_param_spec_object ("hold", NULL, NULL, UNKNOT_TYPE_HOLD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotRoutinePage:occasion:
   *
   * The guide's occasion whose routine the page runs, for a guided routine.
   */
  properties[PROP_OCCASION] =
    g_param_spec_string ("occasion", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotRoutinePage:routine-store:
   *
   * The person's own routine, for My Routine: the page follows it, and each hold gets
   * a menu to move it or take it out.
   */
  properties[PROP_ROUTINE_STORE] =
    g_param_spec_object ("routine-store", NULL, NULL, UNKNOT_TYPE_ROUTINE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UNKNOT_TYPE_HOLD_INDICATOR);
  g_type_ensure (UNKNOT_TYPE_JOURNAL_BUTTON);

  gtk_widget_class_install_action (widget_class, "routine.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "routine.toggle", NULL, toggle_action);
  gtk_widget_class_install_action (widget_class, "routine.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "routine.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "routine.move", "(si)", move_action);
  gtk_widget_class_install_action (widget_class, "routine.remove", "s", remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "routine.toggle", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-routine-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, hold_indicator);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, holds_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, start_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, tools_button);
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

/* Whether this is the page of the person's own routine. */
gboolean
unknot_routine_page_get_editable (UnknotRoutinePage *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PAGE (self), FALSE);

  return self->routine_store != NULL;
}

UnknotRoutinePlayer *
unknot_routine_page_get_player (UnknotRoutinePage *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PAGE (self), NULL);

  return self->player;
}
