/* unknot-insights-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "What Helps Me": the pain over a range of days as a chart and in words, and the
 * techniques (or tools) ranked by the relief they brought the person, each with the
 * wording of unknot_journal_stats_describe_relief () and _describe_meaningful (). A
 * range (2 weeks, 3 months, a year, everything) and a region narrow all of it.
 *
 * The page follows the journal: every items-changed (and its opening) asks for the
 * numbers again, once, at the next idle, however many changes came at once. Nobody
 * pushes anything into it. Every number is an SQL aggregate of the journal's read
 * connection (unknot-journal-stats.c).
 */

#define G_LOG_DOMAIN "unknot-insights-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "pages/unknot-page-sections.h"
#include "timer/unknot-hold-indicator.h"

#include "unknot-insights-page.h"
#include "unknot-journal-stats.h"
#include "unknot-trend-chart.h"

struct _UnknotInsightsPage
{
  AdwNavigationPage    parent_instance;

  UnknotJournal       *journal;
  UnknotCatalog       *catalog;
  GSettings           *settings;
  UnknotHold          *hold;

  GPtrArray           *region_ids;   /* the region row's choices, NULL first for all */
  guint                refresh_id;

  GtkStack            *stack;
  AdwStatusPage       *empty_status;
  AdwToggleGroup      *range_group;
  AdwComboRow         *region_row;
  GtkBox              *chart_card;
  UnknotTrendChart    *chart;
  GtkLabel            *day_label;
  GtkLabel            *summary_label;
  AdwToggleGroup      *by_group;
  GtkListBox          *ranking_list;
  UnknotHoldIndicator *hold_indicator;
};

G_DEFINE_FINAL_TYPE (UnknotInsightsPage, unknot_insights_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_CATALOG,
  PROP_SETTINGS,
  PROP_HOLD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char              *name;
  UnknotJournalStatsRange  range;
} ranges[] = {
  { "2w", UNKNOT_JOURNAL_STATS_RANGE_TWO_WEEKS },
  { "3m", UNKNOT_JOURNAL_STATS_RANGE_THREE_MONTHS },
  { "1y", UNKNOT_JOURNAL_STATS_RANGE_YEAR },
  { "all", UNKNOT_JOURNAL_STATS_RANGE_ALL },
};

static UnknotJournalStatsRange
current_range (UnknotInsightsPage *self)
{
  const char *name = adw_toggle_group_get_active_name (self->range_group);

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    if (g_strcmp0 (ranges[i].name, name) == 0)
      return ranges[i].range;
  return UNKNOT_JOURNAL_STATS_RANGE_TWO_WEEKS;
}

static const char *
current_region (UnknotInsightsPage *self)
{
  guint selected = adw_combo_row_get_selected (self->region_row);

  if (self->region_ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= self->region_ids->len)
    return NULL;
  return g_ptr_array_index (self->region_ids, selected);
}

static UnknotJournalStatsBy
current_by (UnknotInsightsPage *self)
{
  return g_strcmp0 (adw_toggle_group_get_active_name (self->by_group), "tool") == 0
         ? UNKNOT_JOURNAL_STATS_BY_TOOL : UNKNOT_JOURNAL_STATS_BY_TECHNIQUE;
}

/* ---------------------------------------------------------------------------------- */
/* The ranking */

/* "−2.5", "+1.0", "0.0": the average change, signed, as the row's suffix. */
static char *
format_change (const UnknotJournalStatsRelief *relief)
{
  if (relief->too_few)
    return g_strdup ("");
  if (relief->average_change <= -0.05)
    return g_strdup_printf ("−%.1f", fabs (relief->average_change));
  if (relief->average_change >= 0.05)
    return g_strdup_printf ("+%.1f", relief->average_change);
  return g_strdup_printf ("%.1f", 0.0);
}

static char *
describe_row (const UnknotJournalStatsRelief *relief,
              const char                     *tool_name)
{
  g_autofree char *effect = unknot_journal_stats_describe_relief (relief);
  g_autofree char *meaningful = relief->too_few ? NULL : unknot_journal_stats_describe_meaningful (relief);
  GString *text = g_string_new (NULL);

  if (tool_name != NULL)
    g_string_append_printf (text, "%s\n", tool_name);
  g_string_append (text, effect);
  if (meaningful != NULL)
    g_string_append_printf (text, "\n%s", meaningful);
  return g_string_free (text, FALSE);
}

static GtkWidget *
make_row (UnknotInsightsPage             *self,
          const UnknotJournalStatsRelief *relief,
          UnknotJournalStatsBy            by)
{
  g_autofree char *change = format_change (relief);
  g_autofree char *subtitle = NULL;
  GtkWidget *row, *suffix;

  if (by == UNKNOT_JOURNAL_STATS_BY_TECHNIQUE)
    {
      UnknotTechnique *technique = self->catalog ? unknot_catalog_lookup_technique (self->catalog, relief->id) : NULL;
      UnknotTool *tool = technique ? unknot_catalog_lookup_tool (self->catalog, unknot_technique_get_tool_id (technique)) : NULL;

      subtitle = describe_row (relief, tool ? unknot_tool_get_name (tool) : NULL);
      if (technique != NULL)
        row = unknot_page_link_row_new (unknot_technique_get_title (technique), subtitle,
                                        "win.show-technique", g_variant_new ("(ss)", relief->id, ""));
      else
        row = g_object_new (ADW_TYPE_ACTION_ROW, "title", relief->id, "subtitle", subtitle, NULL);
    }
  else
    {
      UnknotTool *tool = self->catalog ? unknot_catalog_lookup_tool (self->catalog, relief->id) : NULL;

      subtitle = describe_row (relief, NULL);
      row = g_object_new (ADW_TYPE_ACTION_ROW,
                          "title", tool ? unknot_tool_get_name (tool) : relief->id,
                          "subtitle", subtitle,
                          NULL);
    }

  g_object_set (row, "use-markup", FALSE, NULL);
  gtk_widget_set_name (row, relief->id);
  suffix = gtk_label_new (change);
  gtk_widget_add_css_class (suffix, "insights-change");
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (suffix, *change != '\0');
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  /* The suffix comes before the link's arrow. */
  if (gtk_widget_get_prev_sibling (suffix) != NULL && GTK_IS_IMAGE (gtk_widget_get_prev_sibling (suffix)))
    gtk_widget_insert_before (suffix, gtk_widget_get_parent (suffix), gtk_widget_get_prev_sibling (suffix));
  return row;
}

static void
show_ranking (UnknotInsightsPage *self,
              GArray             *ranking,
              UnknotJournalStatsBy by)
{
  gtk_list_box_remove_all (self->ranking_list);

  /* Those that can be told, most relief first, as the SQL ranks them; then those with
   * too few sessions to tell, in the same order. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; ranking != NULL && i < ranking->len; i++)
      {
        const UnknotJournalStatsRelief *relief = &g_array_index (ranking, UnknotJournalStatsRelief, i);

        if (relief->too_few == (pass == 0))
          continue;
        gtk_list_box_append (self->ranking_list, make_row (self, relief, by));
      }

  if (ranking == NULL || ranking->len == 0)
    {
      GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW,
                                     "title", by == UNKNOT_JOURNAL_STATS_BY_TOOL
                                              ? _("No sessions with a tool and the pain after")
                                              : _("No sessions with a technique and the pain after"),
                                     "subtitle", _("Log your pain before and after holding a technique to see what helps you."),
                                     "use-markup", FALSE,
                                     NULL);

      gtk_widget_set_name (row, "no-sessions");
      gtk_list_box_append (self->ranking_list, row);
    }
}

/* ---------------------------------------------------------------------------------- */
/* The numbers */

static void
refresh (UnknotInsightsPage *self)
{
  UnknotJournalStatsRange range = current_range (self);
  UnknotJournalStatsBy by = current_by (self);
  g_autoptr(UnknotJournalFilter) filter = unknot_journal_stats_range_filter (range, NULL);
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) ranking = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  UnknotJournalStatsTotals totals;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->journal)) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      unknot_trend_chart_set_days (self->chart, NULL, NULL, NULL);
      unknot_trend_chart_set_summary (self->chart, NULL);
      gtk_label_set_label (self->summary_label, "");
      gtk_list_box_remove_all (self->ranking_list);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "content");

  unknot_journal_filter_set_region (filter, current_region (self));
  unknot_journal_stats_range_get_bounds (range, NULL, &since, &until);

  days = unknot_journal_stats_days (self->journal, filter, &error);
  if (days != NULL && unknot_journal_stats_totals (self->journal, filter, &totals, &error))
    ranking = unknot_journal_stats_relief (self->journal, by, filter, &error);

  if (error != NULL)
    {
      g_warning ("Could not count the journal: %s", error->message);
      summary = g_strdup_printf (_("The journal could not be read: %s"), error->message);
      g_clear_pointer (&days, g_array_unref);
    }
  else
    summary = unknot_journal_stats_describe (range, &totals);

  unknot_trend_chart_set_days (self->chart, days, since, until);
  unknot_trend_chart_set_summary (self->chart, summary);
  gtk_label_set_label (self->summary_label, summary);
  show_ranking (self, ranking, by);
}

static gboolean
refresh_cb (gpointer data)
{
  UnknotInsightsPage *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Once, at the next idle, however many changes come before it. */
static void
queue_refresh (UnknotInsightsPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_cb, self, NULL);
}

static void
on_journal_items_changed_cb (GListModel         *model,
                             guint               position,
                             guint               removed,
                             guint               added,
                             UnknotInsightsPage *self)
{
  queue_refresh (self);
}

static void
on_journal_open_notify_cb (GObject            *object,
                           GParamSpec         *pspec,
                           UnknotInsightsPage *self)
{
  queue_refresh (self);
}

static void
on_range_changed_cb (UnknotInsightsPage *self)
{
  if (self->journal != NULL)
    refresh (self);
}

static void
on_region_changed_cb (UnknotInsightsPage *self)
{
  if (self->journal != NULL && self->region_ids != NULL)
    refresh (self);
}

static void
on_by_changed_cb (UnknotInsightsPage *self)
{
  if (self->journal != NULL)
    refresh (self);
}

static void
on_selection_text_notify_cb (UnknotTrendChart   *chart,
                             GParamSpec         *pspec,
                             UnknotInsightsPage *self)
{
  const char *text = unknot_trend_chart_get_selection_text (chart);

  gtk_label_set_label (self->day_label,
                       text != NULL ? text : _("Point at a day, or use the arrow keys, to see its values"));
}

/* Each region once, for both sides, as the journal's filter takes it. */
static void
build_region_choices (UnknotInsightsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  self->region_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (names, _("All Regions"));
  g_ptr_array_add (self->region_ids, NULL);

  if (self->catalog != NULL)
    {
      GListModel *list = unknot_catalog_get_regions (self->catalog);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(UnknotRegion) region = g_list_model_get_item (list, i);
          const char *base = unknot_region_get_base_id (region);

          if (!g_hash_table_add (seen, (gpointer) base))
            continue;
          gtk_string_list_append (names, unknot_region_get_name (region));
          g_ptr_array_add (self->region_ids, g_strdup (base));
        }
    }

  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->region_row, 0);
}

/* ---------------------------------------------------------------------------------- */
/* The object */

static void
unknot_insights_page_constructed (GObject *object)
{
  UnknotInsightsPage *self = UNKNOT_INSIGHTS_PAGE (object);

  G_OBJECT_CLASS (unknot_insights_page_parent_class)->constructed (object);

  g_assert (UNKNOT_IS_JOURNAL (self->journal));

  if (self->hold != NULL)
    unknot_hold_indicator_set_timer (self->hold_indicator, unknot_hold_get_timer (self->hold));

  g_signal_connect_object (self->journal, "items-changed",
                           G_CALLBACK (on_journal_items_changed_cb), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (self->journal, "notify::is-open",
                           G_CALLBACK (on_journal_open_notify_cb), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (self->chart, "notify::selection-text",
                           G_CALLBACK (on_selection_text_notify_cb), self, G_CONNECT_DEFAULT);

  build_region_choices (self);
  refresh (self);
}

static void
unknot_insights_page_dispose (GObject *object)
{
  UnknotInsightsPage *self = UNKNOT_INSIGHTS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_INSIGHTS_PAGE);
  g_clear_object (&self->journal);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  g_clear_object (&self->hold);

  G_OBJECT_CLASS (unknot_insights_page_parent_class)->dispose (object);
}

static void
unknot_insights_page_finalize (GObject *object)
{
  UnknotInsightsPage *self = UNKNOT_INSIGHTS_PAGE (object);

  g_clear_pointer (&self->region_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (unknot_insights_page_parent_class)->finalize (object);
}

static void
unknot_insights_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  UnknotInsightsPage *self = UNKNOT_INSIGHTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_HOLD:
      g_value_set_object (value, self->hold);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_insights_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  UnknotInsightsPage *self = UNKNOT_INSIGHTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_HOLD:
      self->hold = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_insights_page_class_init (UnknotInsightsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = unknot_insights_page_constructed;
  object_class->dispose = unknot_insights_page_dispose;
  object_class->finalize = unknot_insights_page_finalize;
  object_class->get_property = unknot_insights_page_get_property;
  object_class->set_property = unknot_insights_page_set_property;

  /**
   * UnknotInsightsPage:journal:
   *
   * The pain journal the page counts and follows.
   */
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, UNKNOT_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotInsightsPage:catalog:
   *
   * The names of regions, tools and techniques, and the region choices.
   */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, UNKNOT_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotInsightsPage:settings:
   *
   * The preferences (none are read yet; taken as the journal page takes them).
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotInsightsPage:hold:
   *
   * The hold in progress, which the header bar's indicator shows from this page.
   */
  properties[PROP_HOLD] =
    g_param_spec_object ("hold", NULL, NULL, UNKNOT_TYPE_HOLD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UNKNOT_TYPE_HOLD_INDICATOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-insights-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, range_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, region_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, chart_card);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, day_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, by_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, ranking_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotInsightsPage, hold_indicator);
  gtk_widget_class_bind_template_callback (widget_class, on_range_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_region_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_by_changed_cb);
}

static void
unknot_insights_page_init (UnknotInsightsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Made here, not in the template, which gtk4-builder-tool validates without it. */
  self->chart = UNKNOT_TREND_CHART (unknot_trend_chart_new ());
  gtk_widget_set_name (GTK_WIDGET (self->chart), "trend-chart");
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), -1, 220);
  gtk_widget_set_hexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->chart),
                               _("Point at a day, or use the arrow keys, to see its values"));
  gtk_box_append (self->chart_card, GTK_WIDGET (self->chart));
}

/**
 * unknot_insights_page_new:
 * @catalog: (nullable): names of regions, tools and techniques
 * @settings: (nullable): the preferences
 * @hold: (nullable): the hold in progress, for the header's indicator
 */
UnknotInsightsPage *
unknot_insights_page_new (UnknotJournal *journal,
                          UnknotCatalog *catalog,
                          GSettings     *settings,
                          UnknotHold    *hold)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (catalog == NULL || UNKNOT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (hold == NULL || UNKNOT_IS_HOLD (hold), NULL);

  return g_object_new (UNKNOT_TYPE_INSIGHTS_PAGE,
                       "journal", journal,
                       "catalog", catalog,
                       "settings", settings,
                       "hold", hold,
                       NULL);
}
