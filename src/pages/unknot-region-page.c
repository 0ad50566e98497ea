/* unknot-region-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a region is: its muscles, where it lies, what it does and what tightens it, or,
 * for the spine, why it is never pressed and which muscles to work instead. Beside each
 * technique, what it did for the person here, from their journal; and, once something
 * has helped, a routine made of what helped most.
 */

#define G_LOG_DOMAIN "unknot-region-page"

#include "config.h"

#include <glib/gi18n.h>

#include "timer/unknot-hold.h"
#include "journal/unknot-journal-button.h"
#include "journal/unknot-journal-evidence.h"
#include "routines/unknot-routine-edit.h"
#include "timer/unknot-hold-indicator.h"

#include "unknot-page-sections.h"
#include "unknot-region-page.h"

struct _UnknotRegionPage
{
  AdwNavigationPage     parent_instance;

  UnknotHold           *hold;
  UnknotCatalog        *catalog;
  UnknotRegion         *region;
  GSettings            *settings;
  UnknotJournal        *journal;
  UnknotRoutineStore   *routine_store;
  UnknotJournalEvidence *evidence;

  /* The technique rows, in the page's order, and each technique's summary */
  GPtrArray            *technique_rows;
  GtkLabel             *title_label;
  GtkLabel             *summary_label;
  GtkWidget            *warning_box;
  GtkLabel             *why_no_pressure_label;
  GtkBox               *sections_box;
  AdwPreferencesGroup  *instead_group;
  GtkListBox           *instead_list;
  GtkBox               *techniques_box;
  GtkWidget            *caution_box;
  GtkLabel             *caution_label;
  UnknotHoldIndicator  *hold_indicator;
  GtkWidget            *helps_box;
  GtkWidget            *make_routine_button;
  GtkLabel             *helps_caption;
};

G_DEFINE_FINAL_TYPE (UnknotRegionPage, unknot_region_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_REGION,
  PROP_SETTINGS,
  PROP_HOLD,
  PROP_JOURNAL,
  PROP_ROUTINE_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_section (UnknotRegionPage *self,
             const char       *heading,
             const char       *text)
{
  GtkWidget *section = unknot_page_section_new (heading, text);

  if (section != NULL)
    gtk_box_append (self->sections_box, section);
}

/* The techniques for this region, one group per tool, the person's own tools first. */
static void
add_techniques (UnknotRegionPage *self)
{
  g_autoptr(GListModel) techniques = NULL;
  g_auto(GStrv) owned = NULL;
  GListModel *tools = unknot_catalog_get_tools (self->catalog);

  techniques = unknot_catalog_list_techniques_for_region (self->catalog,
                                                          unknot_region_get_base_id (self->region));
  owned = self->settings ? g_settings_get_strv (self->settings, "owned-tools") : g_new0 (char *, 1);

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint t = 0; t < g_list_model_get_n_items (tools); t++)
        {
          g_autoptr(UnknotTool) tool = g_list_model_get_item (tools, t);
          gboolean is_owned = g_strv_contains ((const char * const *) owned, unknot_tool_get_id (tool));
          GtkWidget *group = NULL;

          if (is_owned != (pass == 0))
            continue;

          for (guint i = 0; i < g_list_model_get_n_items (techniques); i++)
            {
              g_autoptr(UnknotTechnique) technique = g_list_model_get_item (techniques, i);
              GtkWidget *row;

              if (!g_str_equal (unknot_technique_get_tool_id (technique), unknot_tool_get_id (tool)))
                continue;

              if (group == NULL)
                {
                  group = g_object_new (ADW_TYPE_PREFERENCES_GROUP,
                                        "title", unknot_tool_get_name (tool),
                                        "description", is_owned ? _("You have this tool") : NULL,
                                        NULL);
                  gtk_widget_set_name (group, unknot_tool_get_id (tool));
                  gtk_box_append (self->techniques_box, group);
                }

              row = unknot_page_link_row_new (unknot_technique_get_title (technique),
                                              unknot_technique_get_summary (technique),
                                              "win.show-technique",
                                              g_variant_new ("(ss)",
                                                             unknot_technique_get_id (technique),
                                                             unknot_region_get_id (self->region)));
              gtk_widget_set_name (row, unknot_technique_get_id (technique));
              g_object_set_data_full (G_OBJECT (row), "unknot-technique",
                                      g_object_ref (technique), g_object_unref);
              g_ptr_array_add (self->technique_rows, row);
              adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
            }
        }
    }
}

/* The techniques on this page that helped here, most relief first. */
static GStrv
list_helpful (UnknotRegionPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GArray *ranking = unknot_journal_evidence_get_ranking (self->evidence);

  for (guint i = 0; i < ranking->len; i++)
    {
      const UnknotJournalStatsRelief *relief = &g_array_index (ranking, UnknotJournalStatsRelief, i);

      if (!unknot_journal_evidence_helped (relief))
        continue;
      for (guint r = 0; r < self->technique_rows->len; r++)
        if (g_str_equal (gtk_widget_get_name (g_ptr_array_index (self->technique_rows, r)), relief->id))
          {
            g_strv_builder_add (builder, relief->id);
            break;
          }
    }

  return g_strv_builder_end (builder);
}

/* What each technique did here, beside it; and the routine made of what helped, or
 * why there is none yet. */
static void
update_evidence (UnknotRegionPage *self)
{
  gboolean available = self->evidence != NULL && unknot_journal_evidence_is_available (self->evidence);
  g_auto(GStrv) helpful = NULL;
  gboolean tried_enough = FALSE;
  g_autofree char *too_few = NULL;
  const char *caption;

  for (guint r = 0; r < self->technique_rows->len; r++)
    {
      GtkWidget *row = g_ptr_array_index (self->technique_rows, r);
      UnknotTechnique *technique = g_object_get_data (G_OBJECT (row), "unknot-technique");
      const char *summary = unknot_technique_get_summary (technique);
      const UnknotJournalStatsRelief *relief = NULL;
      g_autofree char *subtitle = NULL;

      if (available)
        relief = unknot_journal_evidence_lookup (self->evidence, unknot_technique_get_id (technique));
      if (relief != NULL)
        {
          g_autofree char *line = unknot_journal_evidence_describe (relief);
          g_autofree char *escaped = g_markup_escape_text (line, -1);

          tried_enough |= !relief->too_few;
          subtitle = summary != NULL ? g_strconcat (summary, "\n", escaped, NULL)
                                     : g_steal_pointer (&escaped);
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : summary);
    }

  if (!available || self->technique_rows->len == 0)
    {
      gtk_widget_set_visible (self->helps_box, FALSE);
      return;
    }

  helpful = list_helpful (self);
  gtk_widget_set_visible (self->make_routine_button,
                          self->routine_store != NULL && helpful[0] != NULL);
  if (helpful[0] != NULL)
    caption = self->routine_store != NULL
              ? _("My Routine can hold the techniques that eased your pain here, the best first.")
              : NULL;
  else if (unknot_journal_evidence_get_n_sessions (self->evidence) == 0)
    caption = _("Log how you feel after a session here, before and after, and what helps you will show beside each technique.");
  else if (!tried_enough)
    caption = too_few = g_strdup_printf (/* Translators: %u is the number of sessions it
                                          * takes to tell, 3 */
                                         g_dngettext (GETTEXT_PACKAGE,
                                                      "After %u session with a technique, what helped you most here can become a routine.",
                                                      "After %u sessions with a technique, what helped you most here can become a routine.",
                                                      UNKNOT_JOURNAL_STATS_MIN_SESSIONS),
                                         UNKNOT_JOURNAL_STATS_MIN_SESSIONS);
  else
    caption = _("None of the techniques you tried here eased your pain on average yet, so there is no routine to make from them.");

  gtk_label_set_label (self->helps_caption, caption);
  gtk_widget_set_visible (GTK_WIDGET (self->helps_caption), caption != NULL);
  gtk_widget_set_visible (self->helps_box, TRUE);
}

typedef struct
{
  UnknotRegionPage *self;
  GStrv             techniques;
} MakeRoutine;

static void
make_routine_free (MakeRoutine *make)
{
  g_object_unref (make->self);
  g_strfreev (make->techniques);
  g_free (make);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MakeRoutine, make_routine_free)

static void
make_routine (UnknotRegionPage   *self,
              const char * const *techniques)
{
  if (unknot_routine_edit_replace (GTK_WIDGET (self), self->routine_store, techniques))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-my-routine", NULL);
}

static void
on_replace_chosen_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  g_autoptr(MakeRoutine) make = data;
  const char *response = adw_alert_dialog_choose_finish (ADW_ALERT_DIALOG (source), result);

  if (g_strcmp0 (response, "replace") == 0)
    make_routine (make->self, (const char * const *) make->techniques);
}

/* Fills My Routine with what helped here, best first; asks before replacing a routine
 * the person already has. */
static void
make_routine_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UnknotRegionPage *self = UNKNOT_REGION_PAGE (widget);
  g_auto(GStrv) helpful = NULL;
  const char * const *current;
  AdwDialog *dialog;
  MakeRoutine *make;
  guint n_current;

  if (self->routine_store == NULL || self->evidence == NULL)
    return;
  helpful = list_helpful (self);
  if (helpful[0] == NULL)
    return;

  current = unknot_routine_store_get_techniques (self->routine_store);
  n_current = g_strv_length ((char **) current);
  if (n_current == 0 || g_strv_equal (current, (const char * const *) helpful))
    {
      make_routine (self, (const char * const *) helpful);
      return;
    }

  dialog = adw_alert_dialog_new (_("Replace My Routine?"), NULL);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                /* Translators: the first %u is how many techniques the
                                 * person's routine has, the second how many will replace them */
                                g_dngettext (GETTEXT_PACKAGE,
                                             "My Routine has %u technique. It will be replaced by the %u that helped you most here.",
                                             "My Routine has %u techniques. They will be replaced by the %u that helped you most here.",
                                             n_current),
                                n_current, g_strv_length (helpful));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "replace", _("_Replace"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "replace",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");

  make = g_new0 (MakeRoutine, 1);
  make->self = g_object_ref (self);
  make->techniques = g_steal_pointer (&helpful);
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), widget, NULL, on_replace_chosen_cb, make);
}

static void
add_instead_rows (UnknotRegionPage *self)
{
  /* The muscles that run beside the spine, on both sides. */
  static const char *beside_spine[] = {
    "erector-spinae-thoracic-left", "erector-spinae-thoracic-right",
    "erector-spinae-lumbar-left", "erector-spinae-lumbar-right",
  };

  for (guint i = 0; i < G_N_ELEMENTS (beside_spine); i++)
    {
      UnknotRegion *other = unknot_catalog_lookup_region (self->catalog, beside_spine[i]);
      GtkWidget *row;

      if (other == NULL)
        continue;

      row = unknot_page_link_row_new (unknot_region_get_title (other),
                                      unknot_region_get_summary (other),
                                      "win.show-region",
                                      g_variant_new_string (beside_spine[i]));
      gtk_list_box_append (self->instead_list, row);
    }
}

static void
unknot_region_page_fill (UnknotRegionPage *self)
{
  UnknotRegion *region = self->region;
  const char * const *muscles = unknot_region_get_muscles (region);
  g_autofree char *muscle_list = NULL;

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), unknot_region_get_title (region));
  adw_navigation_page_set_tag (ADW_NAVIGATION_PAGE (self), unknot_region_get_id (region));
  gtk_label_set_label (self->title_label, unknot_region_get_title (region));
  gtk_label_set_label (self->summary_label, unknot_region_get_summary (region));

  if (muscles != NULL && muscles[0] != NULL)
    muscle_list = g_strjoinv (", ", (GStrv) muscles);

  if (unknot_region_is_no_pressure_zone (region))
    {
      gtk_label_set_label (self->why_no_pressure_label,
                           unknot_region_get_why_no_pressure (region));
      gtk_widget_set_visible (self->warning_box, TRUE);
      add_section (self, _("Where It Is"), unknot_region_get_location (region));
      add_section (self, _("What It Does"), unknot_region_get_function (region));
      add_section (self, _("Instead"), unknot_region_get_instead (region));
      add_instead_rows (self);
      gtk_widget_set_visible (GTK_WIDGET (self->instead_group), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->techniques_box), FALSE);
      return;
    }

  gtk_label_set_label (self->caution_label, unknot_region_get_caution (region));
  gtk_widget_set_visible (self->caution_box, unknot_region_get_caution (region) != NULL);

  add_section (self, _("Muscles"), muscle_list);
  add_section (self, _("Where It Is"), unknot_region_get_location (region));
  add_section (self, _("How to Reach It"), unknot_region_get_pressing (region));
  add_section (self, _("What It Does"), unknot_region_get_function (region));
  add_section (self, _("What Tightens It"), unknot_region_get_tightens (region));
  add_techniques (self);
}

static void
unknot_region_page_constructed (GObject *object)
{
  UnknotRegionPage *self = UNKNOT_REGION_PAGE (object);

  G_OBJECT_CLASS (unknot_region_page_parent_class)->constructed (object);

  if (self->hold != NULL)
    unknot_hold_indicator_set_timer (self->hold_indicator, unknot_hold_get_timer (self->hold));

  unknot_region_page_fill (self);

  /* Sessions on either side count for the region. */
  if (self->journal != NULL && self->technique_rows->len > 0)
    {
      self->evidence = unknot_journal_evidence_new (self->journal,
                                                    unknot_region_get_base_id (self->region),
                                                    NULL);
      g_signal_connect_object (self->evidence, "changed",
                               G_CALLBACK (update_evidence), self, G_CONNECT_SWAPPED);
    }
  update_evidence (self);
}

static void
unknot_region_page_dispose (GObject *object)
{
  UnknotRegionPage *self = UNKNOT_REGION_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_REGION_PAGE);
  g_clear_object (&self->hold);
  g_clear_object (&self->catalog);
  g_clear_object (&self->region);
  g_clear_object (&self->settings);
  g_clear_object (&self->journal);
  g_clear_object (&self->routine_store);
  g_clear_object (&self->evidence);
  g_clear_pointer (&self->technique_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (unknot_region_page_parent_class)->dispose (object);
}

static void
unknot_region_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  UnknotRegionPage *self = UNKNOT_REGION_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_REGION:
      g_value_set_object (value, self->region);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_HOLD:
      g_value_set_object (value, self->hold);
      break;

    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_ROUTINE_STORE:
      g_value_set_object (value, self->routine_store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_region_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  UnknotRegionPage *self = UNKNOT_REGION_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_REGION:
      self->region = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_HOLD:
      self->hold = g_value_dup_object (value);
      break;

    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_ROUTINE_STORE:
      self->routine_store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_region_page_class_init (UnknotRegionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = unknot_region_page_constructed;
  object_class->dispose = unknot_region_page_dispose;
  object_class->get_property = unknot_region_page_get_property;
  object_class->set_property = unknot_region_page_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         UNKNOT_TYPE_CATALOG,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));
  properties[PROP_REGION] =
    g_param_spec_object ("region", NULL, NULL,
                         UNKNOT_TYPE_REGION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * UnknotRegionPage:settings:
   *
   * Where the person's own tools are kept; their techniques come first.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * UnknotRegionPage:hold:
   *
   * The hold in progress, which the header bar's indicator shows from this page.
   */
  properties[PROP_HOLD] =
    g_param_spec_object ("hold", NULL, NULL, UNKNOT_TYPE_HOLD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotRegionPage:journal:
   *
   * The pain journal, whose sessions here show beside each technique; without one,
   * the page shows no evidence.
   */
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, UNKNOT_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotRegionPage:routine-store:
   *
   * The person's own routine, which can be made from what helped here; without one,
   * it is not offered.
   */
  properties[PROP_ROUTINE_STORE] =
    g_param_spec_object ("routine-store", NULL, NULL, UNKNOT_TYPE_ROUTINE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UNKNOT_TYPE_HOLD_INDICATOR);
  g_type_ensure (UNKNOT_TYPE_JOURNAL_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-region-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, hold_indicator);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, warning_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, why_no_pressure_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, instead_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, instead_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, techniques_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, caution_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, caution_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, helps_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, make_routine_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, helps_caption);

  gtk_widget_class_install_action (widget_class, "region.make-routine", NULL, make_routine_action);
}

static void
unknot_region_page_init (UnknotRegionPage *self)
{
  self->technique_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * unknot_region_page_new:
 * @settings: (nullable): where the person's own tools are kept
 */
UnknotRegionPage *
unknot_region_page_new (UnknotCatalog *catalog,
                        UnknotRegion  *region,
                        GSettings     *settings)
{
  g_return_val_if_fail (UNKNOT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (UNKNOT_IS_REGION (region), NULL);

  return g_object_new (UNKNOT_TYPE_REGION_PAGE,
                       "catalog", catalog,
                       "region", region,
                       "settings", settings,
                       NULL);
}

UnknotRegion *
unknot_region_page_get_region (UnknotRegionPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION_PAGE (self), NULL);

  return self->region;
}
