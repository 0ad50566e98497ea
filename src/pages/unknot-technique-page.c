/* unknot-technique-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How to do one technique: its cautions first, then each step with its picture and,
 * for a sustained press, a Hold button that starts the hold timer with the step's time;
 * then how it should feel, breathing, common mistakes and the other tools for the area.
 * Near the top, what the technique did for the person, from their journal: in the
 * region they came from, or everywhere.
 */

#define G_LOG_DOMAIN "unknot-technique-page"

#include "config.h"

#include <glib/gi18n.h>

#include "timer/unknot-hold.h"
#include "journal/unknot-journal-button.h"
#include "journal/unknot-journal-evidence.h"
#include "timer/unknot-hold-indicator.h"
#include "routines/unknot-routine-edit.h"
#include "routines/unknot-routine-store.h"

#include "unknot-illustration.h"
#include "unknot-page-sections.h"
#include "unknot-technique-page.h"

struct _UnknotTechniquePage
{
  AdwNavigationPage     parent_instance;

  UnknotHold           *hold;
  UnknotCatalog        *catalog;
  UnknotTechnique      *technique;
  UnknotRoutineStore   *routine_store;
  UnknotJournal        *journal;
  UnknotJournalEvidence *evidence;
  char                 *region_id;

  GtkLabel             *title_label;
  GtkLabel             *tool_label;
  GtkLabel             *summary_label;
  GtkWidget            *caution_box;
  GtkLabel             *caution_label;
  GtkLabel             *stop_label;
  GtkBox               *steps_box;
  GtkBox               *advice_box;
  GtkWidget            *other_tools_group;
  GtkListBox           *other_tools_list;
  GtkWidget            *routine_button;
  UnknotHoldIndicator  *hold_indicator;
  GtkWidget            *evidence_box;
  GtkLabel             *evidence_label;
  GtkLabel             *meaningful_label;
  GtkLabel             *evidence_scope_label;
};

G_DEFINE_FINAL_TYPE (UnknotTechniquePage, unknot_technique_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_TECHNIQUE,
  PROP_ROUTINE_STORE,
  PROP_REGION_ID,
  PROP_HOLD,
  PROP_JOURNAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_hold_button (UnknotTechniquePage *self,
                    UnknotStep          *step)
{
  guint seconds = self->hold ? unknot_hold_suggest_seconds (self->hold, step)
                             : unknot_step_suggest_seconds (step, UNKNOT_HOLD_DEFAULT_SECONDS);
  g_autofree char *label = NULL;
  g_autofree char *range = NULL;
  GtkWidget *box, *button, *hint;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Hold %u Second", "_Hold %u Seconds", seconds),
                           seconds);
  button = g_object_new (GTK_TYPE_BUTTON,
                         "label", label,
                         "use-underline", TRUE,
                         "action-name", "app.start-hold",
                         "action-target", g_variant_new ("(ssuu)",
                                                         unknot_technique_get_id (self->technique),
                                                         self->region_id ? self->region_id : "",
                                                         unknot_step_get_number (step),
                                                         seconds),
                         "halign", GTK_ALIGN_CENTER,
                         NULL);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_name (button, "hold-button");
  gtk_box_append (GTK_BOX (box), button);

  if (unknot_step_is_one_sided (step))
    /* Translators: a hold's range in seconds, e.g. "20–60 s, then the other side" */
    range = g_strdup_printf (_("%u–%u s, then the other side"),
                             unknot_step_get_hold_min (step), unknot_step_get_hold_max (step));
  else
    /* Translators: a hold's range in seconds, e.g. "20–60 s" */
    range = g_strdup_printf (_("%u–%u s"),
                             unknot_step_get_hold_min (step), unknot_step_get_hold_max (step));

  hint = g_object_new (GTK_TYPE_LABEL,
                       "label", range,
                       "wrap", TRUE,
                       "justify", GTK_JUSTIFY_CENTER,
                       NULL);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), hint);

  return box;
}

static GtkWidget *
create_step (UnknotTechniquePage *self,
             UnknotStep          *step)
{
  g_autofree char *number = g_strdup_printf ("%u", unknot_step_get_number (step));
  g_autofree char *step_name = NULL;
  GtkWidget *card, *header, *number_label, *text, *illustration;

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "step");

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  number_label = g_object_new (GTK_TYPE_LABEL,
                               "label", number,
                               "valign", GTK_ALIGN_START,
                               NULL);
  gtk_widget_add_css_class (number_label, "step-number");
  /* Translators: how a screen reader names a step, e.g. "Step 2" */
  step_name = g_strdup_printf (_("Step %u"), unknot_step_get_number (step));
  gtk_accessible_update_property (GTK_ACCESSIBLE (number_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, step_name,
                                  -1);
  text = g_object_new (GTK_TYPE_LABEL,
                       "label", unknot_step_get_text (step),
                       "wrap", TRUE,
                       "xalign", 0.0f,
                       "hexpand", TRUE,
                       NULL);
  gtk_box_append (GTK_BOX (header), number_label);
  gtk_box_append (GTK_BOX (header), text);
  gtk_box_append (GTK_BOX (card), header);

  illustration = unknot_illustration_new (unknot_step_get_illustration (step),
                                          unknot_step_get_text (step));
  gtk_widget_set_halign (illustration, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (illustration, 240, -1);
  gtk_box_append (GTK_BOX (card), illustration);

  if (unknot_step_is_hold (step))
    gtk_box_append (GTK_BOX (card), create_hold_button (self, step));

  return card;
}

static void
append_if (GtkBox    *box,
           GtkWidget *widget)
{
  if (widget != NULL)
    gtk_box_append (box, widget);
}

static void
fill_other_tools (UnknotTechniquePage *self)
{
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *bases = unknot_technique_get_regions (self->technique);
  UnknotRegion *region = unknot_catalog_lookup_region (self->catalog, self->region_id);
  const char *only_base = region ? unknot_region_get_base_id (region) : NULL;
  guint n_rows = 0;

  g_hash_table_add (shown, (gpointer) unknot_technique_get_id (self->technique));

  for (guint b = 0; bases[b] != NULL; b++)
    {
      g_autoptr(GListModel) others = NULL;

      /* Coming from a region, stay with that region. */
      if (only_base != NULL && !g_str_equal (only_base, bases[b]))
        continue;

      others = unknot_catalog_list_techniques_for_region (self->catalog, bases[b]);
      for (guint i = 0; i < g_list_model_get_n_items (others); i++)
        {
          g_autoptr(UnknotTechnique) other = g_list_model_get_item (others, i);
          UnknotTool *tool = unknot_catalog_lookup_tool (self->catalog,
                                                         unknot_technique_get_tool_id (other));

          if (!g_hash_table_add (shown, (gpointer) unknot_technique_get_id (other)))
            continue;

          gtk_list_box_append (self->other_tools_list,
                               unknot_page_link_row_new (unknot_technique_get_title (other),
                                                         unknot_tool_get_name (tool),
                                                         "win.show-technique",
                                                         g_variant_new ("(ss)",
                                                                        unknot_technique_get_id (other),
                                                                        self->region_id ? self->region_id : "")));
          n_rows++;
        }
    }

  gtk_widget_set_visible (self->other_tools_group, n_rows > 0);
}

static void
unknot_technique_page_fill (UnknotTechniquePage *self)
{
  UnknotTechnique *technique = self->technique;
  UnknotTool *tool = unknot_catalog_lookup_tool (self->catalog, unknot_technique_get_tool_id (technique));
  GListModel *steps = unknot_technique_get_steps (technique);
  const char *caution = unknot_technique_get_caution (technique);

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), unknot_technique_get_title (technique));
  adw_navigation_page_set_tag (ADW_NAVIGATION_PAGE (self), unknot_technique_get_id (technique));
  gtk_label_set_label (self->title_label, unknot_technique_get_title (technique));
  gtk_label_set_label (self->tool_label, tool ? unknot_tool_get_name (tool) : NULL);
  gtk_label_set_label (self->summary_label, unknot_technique_get_summary (technique));

  /* Cautions stay in view, above the steps. */
  gtk_label_set_label (self->caution_label, caution);
  gtk_widget_set_visible (GTK_WIDGET (self->caution_label), caution != NULL);
  gtk_label_set_label (self->stop_label, unknot_technique_get_stop (technique));

  append_if (self->steps_box, unknot_page_section_new (_("Starting Position"),
                                                       unknot_technique_get_position (technique)));
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(UnknotStep) step = g_list_model_get_item (steps, i);

      gtk_box_append (self->steps_box, create_step (self, step));
    }

  append_if (self->advice_box, unknot_page_section_new (_("How It Should Feel"),
                                                        unknot_technique_get_pressure (technique)));
  append_if (self->advice_box, unknot_page_section_new (_("Breathing"),
                                                        unknot_technique_get_breathing (technique)));
  append_if (self->advice_box, unknot_page_list_new (_("Common Mistakes"),
                                                     unknot_technique_get_mistakes (technique),
                                                     "dialog-warning-symbolic"));
  if (tool != NULL)
    {
      g_autofree char *about = g_strjoin (" ", unknot_tool_get_description (tool),
                                          unknot_tool_get_good_for (tool), NULL);

      append_if (self->advice_box, unknot_page_section_new (_("About the Tool"), about));
      append_if (self->advice_box, unknot_page_section_new (_("Choosing Pressure"),
                                                            unknot_tool_get_pressure (tool)));
    }

  fill_other_tools (self);

  self->routine_button = g_object_new (GTK_TYPE_BUTTON,
                                       "use-underline", TRUE,
                                       "halign", GTK_ALIGN_CENTER,
                                       "action-name", "technique.toggle-routine",
                                       "visible", self->routine_store != NULL,
                                       NULL);
  gtk_widget_add_css_class (self->routine_button, "pill");
  gtk_widget_set_name (self->routine_button, "toggle-my-routine");
  gtk_box_append (self->advice_box, self->routine_button);
}

/* What the technique did for the person, as the journal has it now. */
static void
update_evidence (UnknotTechniquePage *self)
{
  const UnknotJournalStatsRelief *relief = NULL;
  g_autofree char *line = NULL;
  g_autofree char *meaningful = NULL;

  if (self->evidence != NULL && unknot_journal_evidence_is_available (self->evidence))
    relief = unknot_journal_evidence_lookup (self->evidence, unknot_technique_get_id (self->technique));

  gtk_widget_set_visible (self->evidence_box, relief != NULL);
  if (relief == NULL)
    return;

  line = unknot_journal_evidence_describe (relief);
  if (!relief->too_few)
    meaningful = unknot_journal_stats_describe_meaningful (relief);
  gtk_label_set_label (self->evidence_label, line);
  gtk_label_set_label (self->meaningful_label, meaningful);
  gtk_widget_set_visible (GTK_WIDGET (self->meaningful_label), meaningful != NULL);
  if (unknot_journal_evidence_helped (relief))
    gtk_widget_add_css_class (self->evidence_box, "helped");
  else
    gtk_widget_remove_css_class (self->evidence_box, "helped");
}

static void
set_up_evidence (UnknotTechniquePage *self)
{
  UnknotRegion *region = self->region_id ? unknot_catalog_lookup_region (self->catalog, self->region_id) : NULL;
  const char *base = region ? unknot_region_get_base_id (region) : NULL;
  g_autofree char *scope = NULL;

  if (region != NULL && g_strcmp0 (base, unknot_region_get_id (region)) != 0)
    /* Translators: %s is a body region's name, such as “Erector spinae (lower back)” */
    scope = g_strdup_printf (_("Your sessions on %s, both sides"), unknot_region_get_name (region));
  else if (region != NULL)
    /* Translators: %s is a body region's name */
    scope = g_strdup_printf (_("Your sessions on %s"), unknot_region_get_name (region));
  else
    scope = g_strdup (_("Your sessions on every region"));
  gtk_label_set_label (self->evidence_scope_label, scope);

  if (self->journal != NULL)
    {
      self->evidence = unknot_journal_evidence_new (self->journal, base,
                                                    unknot_technique_get_id (self->technique));
      g_signal_connect_object (self->evidence, "changed",
                               G_CALLBACK (update_evidence), self, G_CONNECT_SWAPPED);
    }
  update_evidence (self);
}

/* The button follows the person's routine, wherever it was changed from. */
static void
on_routine_changed_cb (UnknotTechniquePage *self)
{
  gboolean in_routine = unknot_routine_store_contains (self->routine_store,
                                                       unknot_technique_get_id (self->technique));

  gtk_button_set_label (GTK_BUTTON (self->routine_button),
                        in_routine ? _("_Remove From My Routine") : _("Add to _My Routine"));
}

static void
toggle_routine_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  UnknotTechniquePage *self = UNKNOT_TECHNIQUE_PAGE (widget);

  if (self->routine_store != NULL)
    unknot_routine_edit_toggle (widget, self->routine_store,
                                unknot_technique_get_id (self->technique));
}

static void
unknot_technique_page_constructed (GObject *object)
{
  UnknotTechniquePage *self = UNKNOT_TECHNIQUE_PAGE (object);

  G_OBJECT_CLASS (unknot_technique_page_parent_class)->constructed (object);

  if (self->hold != NULL)
    unknot_hold_indicator_set_timer (self->hold_indicator, unknot_hold_get_timer (self->hold));

  unknot_technique_page_fill (self);
  set_up_evidence (self);

  if (self->routine_store != NULL)
    {
      g_signal_connect_object (self->routine_store, "items-changed",
                               G_CALLBACK (on_routine_changed_cb), self, G_CONNECT_SWAPPED);
      on_routine_changed_cb (self);
    }
}

static void
unknot_technique_page_dispose (GObject *object)
{
  UnknotTechniquePage *self = UNKNOT_TECHNIQUE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_TECHNIQUE_PAGE);
  g_clear_object (&self->hold);
  g_clear_object (&self->catalog);
  g_clear_object (&self->technique);
  g_clear_object (&self->routine_store);
  g_clear_object (&self->journal);
  g_clear_object (&self->evidence);

  G_OBJECT_CLASS (unknot_technique_page_parent_class)->dispose (object);
}

static void
unknot_technique_page_finalize (GObject *object)
{
  UnknotTechniquePage *self = UNKNOT_TECHNIQUE_PAGE (object);

  g_free (self->region_id);

  G_OBJECT_CLASS (unknot_technique_page_parent_class)->finalize (object);
}

static void
unknot_technique_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  UnknotTechniquePage *self = UNKNOT_TECHNIQUE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_TECHNIQUE:
      g_value_set_object (value, self->technique);
      break;

    case PROP_ROUTINE_STORE:
      g_value_set_object (value, self->routine_store);
      break;

    case PROP_REGION_ID:
      g_value_set_string (value, self->region_id);
      break;

    case PROP_HOLD:
      g_value_set_object (value, self->hold);
      break;

    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_technique_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  UnknotTechniquePage *self = UNKNOT_TECHNIQUE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_TECHNIQUE:
      self->technique = g_value_dup_object (value);
      break;

    case PROP_ROUTINE_STORE:
      self->routine_store = g_value_dup_object (value);
      break;

    case PROP_REGION_ID:
      self->region_id = g_value_dup_string (value);
      break;

    case PROP_HOLD:
      self->hold = g_value_dup_object (value);
      break;

    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_technique_page_class_init (UnknotTechniquePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = unknot_technique_page_constructed;
  object_class->dispose = unknot_technique_page_dispose;
  object_class->finalize = unknot_technique_page_finalize;
  object_class->get_property = unknot_technique_page_get_property;
  object_class->set_property = unknot_technique_page_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, UNKNOT_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TECHNIQUE] =
    g_param_spec_object ("technique", NULL, NULL, UNKNOT_TYPE_TECHNIQUE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * UnknotTechniquePage:routine-store:
   *
   * The person's own routine, which the page's button adds the technique to or takes
   * it out of; without one, the button is not shown.
   */
  properties[PROP_ROUTINE_STORE] =
    g_param_spec_object ("routine-store", NULL, NULL, UNKNOT_TYPE_ROUTINE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * UnknotTechniquePage:region-id:
   *
   * The region the person came from, if any; "other ways" stay with it.
   */
  properties[PROP_REGION_ID] =
    g_param_spec_string ("region-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotTechniquePage:hold:
   *
   * The hold in progress, which the header bar's indicator shows from this page.
   */
  properties[PROP_HOLD] =
    g_param_spec_object ("hold", NULL, NULL, UNKNOT_TYPE_HOLD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotTechniquePage:journal:
   *
   * The pain journal, whose sessions with this technique show near the top (in the
   * region the person came from, if any); without one, nothing is shown.
   */
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, UNKNOT_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UNKNOT_TYPE_HOLD_INDICATOR);
  g_type_ensure (UNKNOT_TYPE_JOURNAL_BUTTON);

  gtk_widget_class_install_action (widget_class, "technique.toggle-routine", NULL,
                                   toggle_routine_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-technique-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotTechniquePage, hold_indicator);
  gtk_widget_class_bind_template_child (widget_class, UnknotTechniquePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotTechniquePage, tool_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotTechniquePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotTechniquePage, caution_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotTechniquePage, caution_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotTechniquePage, stop_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotTechniquePage, steps_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotTechniquePage, advice_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotTechniquePage, other_tools_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotTechniquePage, other_tools_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotTechniquePage, evidence_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotTechniquePage, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotTechniquePage, meaningful_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotTechniquePage, evidence_scope_label);
}

static void
unknot_technique_page_init (UnknotTechniquePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * unknot_technique_page_new:
 * @hold: (nullable): the hold in progress, and the person's hold rules
 * @routine_store: (nullable): the person's own routine
 * @region_id: (nullable): the region the person came from
 */
UnknotTechniquePage *
unknot_technique_page_new (UnknotCatalog      *catalog,
                           UnknotTechnique    *technique,
                           UnknotHold         *hold,
                           UnknotRoutineStore *routine_store,
                           const char         *region_id)
{
  g_return_val_if_fail (UNKNOT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (UNKNOT_IS_TECHNIQUE (technique), NULL);

  return g_object_new (UNKNOT_TYPE_TECHNIQUE_PAGE,
                       "catalog", catalog,
                       "technique", technique,
                       "hold", hold,
                       "routine-store", routine_store,
                       "region-id", region_id,
                       NULL);
}

UnknotTechnique *
unknot_technique_page_get_technique (UnknotTechniquePage *self)
{
  g_return_val_if_fail (UNKNOT_IS_TECHNIQUE_PAGE (self), NULL);

  return self->technique;
}
