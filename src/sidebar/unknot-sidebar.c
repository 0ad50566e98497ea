/* unknot-sidebar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's sidebar: the map of the back, and a search over regions, techniques and
 * the guide that takes the map's place while there is something to search for. A
 * region chosen on the map, or any result, opens its page through the window's
 * actions (win.show-region, win.show-technique, win.show-topic).
 *
 * Above the map, "Show My Pain" tints each region by the person's average pain there
 * over a range (UnknotPainHeat turns the journal's statistics into the map's heat), with
 * a legend; while it is on, a region chosen on the map opens the journal filtered to it
 * (win.show-journal-region) instead of its page. The switch and the range are kept in
 * GSettings.
 */

#define G_LOG_DOMAIN "unknot-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "journal/unknot-pain-heat.h"
#include "pages/unknot-page-sections.h"
#include "unknot-sidebar.h"

/* The ranges in the order of the Period row, with the ids GSettings and the journal
 * page's range filter know them by. */
static const struct {
  UnknotJournalStatsRange  range;
  const char              *id;
  const char              *title;
} heat_ranges[] = {
  { UNKNOT_JOURNAL_STATS_RANGE_TWO_WEEKS, "2w", N_("Last 2 Weeks") },
  { UNKNOT_JOURNAL_STATS_RANGE_THREE_MONTHS, "3m", N_("Last 3 Months") },
  { UNKNOT_JOURNAL_STATS_RANGE_YEAR, "1y", N_("Last Year") },
  { UNKNOT_JOURNAL_STATS_RANGE_ALL, "all", N_("All Time") },
};

/* Three months, unless the settings say otherwise. */
#define DEFAULT_HEAT_RANGE 1

struct _UnknotSidebar
{
  AdwBin             parent_instance;

  UnknotCatalog     *catalog;
  UnknotJournal     *journal;
  GSettings         *settings;
  UnknotPainHeat    *heat;
  GListModel        *results;
  GtkFilter         *search_filter;

  GtkSearchEntry    *search_entry;
  GtkStack          *sidebar_stack;
  GtkScrolledWindow *map_scroller;
  GtkListBox        *results_list;
  UnknotBodyMap     *body_map;
  GtkBox            *map_box;
  GtkListBox        *heat_list;
  AdwSwitchRow      *heat_switch;
  /* The Period row is made when the pain first shows: a combo row builds its popover
   * and its list at once, and the first frame does not show them. Until then the
   * period is heat_range, an index into heat_ranges. */
  AdwComboRow       *heat_range_row;
  guint              heat_range;
  GtkWidget         *legend;
  GtkDrawingArea    *legend_ramp;
  GtkDrawingArea    *legend_none;
};

G_DEFINE_FINAL_TYPE (UnknotSidebar, unknot_sidebar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_JOURNAL,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Regions, techniques and guide topics all answer the same search. */
static gboolean
filter_item (gpointer item,
             gpointer user_data)
{
  UnknotSidebar *self = user_data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (UNKNOT_IS_REGION (item))
    return unknot_region_matches (item, query);
  if (UNKNOT_IS_TECHNIQUE (item))
    return unknot_technique_matches (item, query);
  if (UNKNOT_IS_TOPIC (item))
    return unknot_topic_matches (item, query);

  return FALSE;
}

static GtkWidget *
create_result_row (gpointer item,
                   gpointer user_data)
{
  UnknotSidebar *self = user_data;

  if (UNKNOT_IS_REGION (item))
    return unknot_page_link_row_new (unknot_region_get_title (item),
                                     unknot_region_get_summary (item),
                                     "win.show-region",
                                     g_variant_new_string (unknot_region_get_id (item)));

  if (UNKNOT_IS_TECHNIQUE (item))
    {
      UnknotTool *tool = unknot_catalog_lookup_tool (self->catalog,
                                                     unknot_technique_get_tool_id (item));

      return unknot_page_link_row_new (unknot_technique_get_title (item),
                                       tool ? unknot_tool_get_name (tool) : NULL,
                                       "win.show-technique",
                                       g_variant_new ("(ss)", unknot_technique_get_id (item), ""));
    }

  return unknot_page_link_row_new (unknot_topic_get_title (item),
                                   unknot_topic_get_summary (item),
                                   "win.show-topic",
                                   g_variant_new_string (unknot_topic_get_id (item)));
}

static void
on_search_changed_cb (UnknotSidebar *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  if (self->search_filter == NULL)
    return;

  gtk_filter_changed (self->search_filter, GTK_FILTER_CHANGE_DIFFERENT);

  /* Only spaces is no search yet: the map stays. */
  if (g_strstrip (text)[0] == '\0')
    gtk_stack_set_visible_child_name (self->sidebar_stack, "map");
  else if (g_list_model_get_n_items (self->results) == 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->sidebar_stack, "results");
}

static void
on_search_activate_cb (UnknotSidebar *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (first != NULL && !g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "map"))
    gtk_widget_activate (GTK_WIDGET (first));
}

static void
on_search_stopped_cb (UnknotSidebar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ---------------------------------------------------------------------------------- */
/* Show My Pain */

static const char *
heat_range_id (UnknotSidebar *self)
{
  return heat_ranges[self->heat_range].id;
}

static void
set_heat_range (UnknotSidebar *self,
                guint          index)
{
  if (index >= G_N_ELEMENTS (heat_ranges))
    return;

  self->heat_range = index;
  if (self->heat == NULL)
    return;
  unknot_pain_heat_set_range (self->heat, heat_ranges[index].range);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "pain-map-range", heat_ranges[index].id);
}

static void
on_heat_range_selected_cb (UnknotSidebar *self)
{
  set_heat_range (self, adw_combo_row_get_selected (self->heat_range_row));
}

/* The Period row, below the switch, made on first use. */
static void
ensure_heat_range_row (UnknotSidebar *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GtkWidget *row;

  if (self->heat_range_row != NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (heat_ranges); i++)
    gtk_string_list_append (titles, _(heat_ranges[i].title));

  row = g_object_new (ADW_TYPE_COMBO_ROW,
                      "title", _("Period"),
                      "model", titles,
                      "selected", self->heat_range,
                      "visible", FALSE,
                      NULL);
  g_signal_connect_object (row, "notify::selected",
                           G_CALLBACK (on_heat_range_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_insert (self->heat_list, row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->heat_switch)) + 1);
  self->heat_range_row = ADW_COMBO_ROW (row);
}

/* Each region's name, and while the pain shows, its average in words: the tooltip and
 * the accessible description say what the colour means. */
static void
update_region_descriptions (UnknotSidebar *self)
{
  g_auto(GStrv) ids = unknot_body_map_dup_region_ids (self->body_map);
  gboolean active = self->heat != NULL && unknot_pain_heat_get_active (self->heat);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      GtkWidget *widget = unknot_body_map_get_region_widget (self->body_map, ids[i]);
      UnknotRegion *region = unknot_catalog_lookup_region (self->catalog, ids[i]);
      const char *title = region ? unknot_region_get_title (region) : ids[i];
      g_autofree char *description = NULL;
      g_autofree char *tooltip = NULL;
      double average;
      guint n_entries;

      if (widget == NULL)
        continue;

      if (!active)
        {
          gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
          gtk_widget_set_tooltip_text (widget, title);
          continue;
        }

      unknot_pain_heat_lookup (self->heat, ids[i], NULL, &average, &n_entries);
      description = unknot_pain_heat_describe (unknot_pain_heat_get_range (self->heat),
                                               average, n_entries);
      tooltip = g_strdup_printf ("%s\n%s", title, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
      gtk_widget_set_tooltip_text (widget, tooltip);
    }
}

/* The switch's subtitle: what the map shows, or why it cannot. */
static void
update_heat_subtitle (UnknotSidebar *self)
{
  const GError *load_error = unknot_journal_get_load_error (self->journal);
  gboolean is_open = unknot_journal_is_open (self->journal);
  guint n_regions = unknot_pain_heat_get_n_regions (self->heat);
  g_autofree char *subtitle = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->heat_switch), is_open || load_error == NULL);

  if (!is_open && load_error != NULL)
    subtitle = g_strdup (_("Your journal could not be opened"));
  else if (!is_open)
    subtitle = g_strdup (_("Opening your journal…"));
  else if (!unknot_pain_heat_get_active (self->heat))
    subtitle = g_strdup (_("Tint the map by the pain you logged"));
  else if (unknot_pain_heat_get_error (self->heat) != NULL)
    subtitle = g_strdup (_("Your journal could not be read"));
  else if (n_regions == 0)
    subtitle = g_strdup (_("No entries in this period"));
  else
    subtitle = g_strdup_printf (/* Translators: %u is a number of regions of the back */
                                ngettext ("Pain logged for %u region",
                                          "Pain logged for %u regions",
                                          n_regions),
                                n_regions);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->heat_switch), subtitle);
}

static void
on_heat_changed_cb (UnknotSidebar *self)
{
  if (unknot_pain_heat_get_active (self->heat))
    unknot_pain_heat_apply (self->heat, self->body_map);
  else
    unknot_body_map_clear_heat (self->body_map);

  update_region_descriptions (self);
  update_heat_subtitle (self);
}

static void
on_heat_switch_active_cb (UnknotSidebar *self)
{
  gboolean active = adw_switch_row_get_active (self->heat_switch);

  if (self->heat == NULL)
    return;

  if (active)
    ensure_heat_range_row (self);
  if (self->heat_range_row != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->heat_range_row), active);
  gtk_widget_set_visible (self->legend, active);
  /* The chosen region's highlight would hide its colour. */
  if (active)
    unknot_body_map_set_selected_region (self->body_map, NULL);
  unknot_pain_heat_set_active (self->heat, active);
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "pain-map-shown", active);
}

static void
on_journal_state_changed_cb (UnknotSidebar *self)
{
  update_heat_subtitle (self);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   width,
                   double   height,
                   double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, width - radius, radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, width - radius, height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, radius, height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, radius, radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The map's own ramp, from pain 0 at the left to 10 at the right. */
static void
draw_legend_ramp (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  cairo_pattern_t *ramp = cairo_pattern_create_linear (0, 0, width, 0);

  for (guint i = 0; i <= 10; i++)
    {
      GdkRGBA colour;

      unknot_body_map_get_heat_colour (i / 10.0, &colour);
      cairo_pattern_add_color_stop_rgba (ramp, i / 10.0,
                                         colour.red, colour.green, colour.blue, colour.alpha);
    }

  rounded_rectangle (cr, width, height, MIN (height / 2.0, 4));
  cairo_set_source (cr, ramp);
  cairo_fill (cr);
  cairo_pattern_destroy (ramp);
}

/* A region without entries keeps the map's own colour: an empty swatch. */
static void
draw_legend_none (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  GdkRGBA colour;

  gtk_widget_get_color (GTK_WIDGET (area), &colour);
  colour.alpha *= 0.5;
  cairo_translate (cr, 0.5, 0.5);
  rounded_rectangle (cr, width - 1, height - 1, MIN (height / 2.0, 4));
  cairo_set_line_width (cr, 1);
  gdk_cairo_set_source_rgba (cr, &colour);
  cairo_stroke (cr);
}

/* ---------------------------------------------------------------------------------- */

static void
on_region_activated_cb (UnknotSidebar *self,
                        const char    *region_id)
{
  /* With the pain shown, a region leads to its entries over the same period, and
   * keeps its colour rather than the highlight of a chosen region. */
  if (self->heat != NULL && unknot_pain_heat_get_active (self->heat))
    {
      unknot_body_map_set_selected_region (self->body_map, NULL);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-journal-region", "(ss)",
                                  region_id, heat_range_id (self));
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-region", "s", region_id);
}

static void
unknot_sidebar_constructed (GObject *object)
{
  UnknotSidebar *self = UNKNOT_SIDEBAR (object);
  GListModel *regions;
  GListStore *sources;

  G_OBJECT_CLASS (unknot_sidebar_parent_class)->constructed (object);

  g_return_if_fail (self->catalog != NULL);

  /* Screen readers name each region on the map by its muscle. */
  regions = unknot_catalog_get_regions (self->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(UnknotRegion) region = g_list_model_get_item (regions, i);

      unknot_body_map_set_region_label (self->body_map,
                                        unknot_region_get_id (region),
                                        unknot_region_get_title (region));
    }

  /* One result list: regions first, then techniques, then the guide. */
  sources = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (sources, regions);
  g_list_store_append (sources, unknot_catalog_get_techniques (self->catalog));
  g_list_store_append (sources, unknot_catalog_get_topics (self->catalog));

  self->search_filter = GTK_FILTER (gtk_custom_filter_new (filter_item, self, NULL));
  self->results = G_LIST_MODEL (gtk_filter_list_model_new (G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (sources))),
                                                           g_object_ref (self->search_filter)));
  gtk_list_box_bind_model (self->results_list, self->results, create_result_row, self, NULL);

  /* Show My Pain needs a journal; without one the map is only the map. */
  if (self->journal == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->heat_list), FALSE);
      return;
    }

  self->heat = unknot_pain_heat_new (self->journal);
  g_signal_connect_object (self->heat, "changed",
                           G_CALLBACK (on_heat_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->journal, "notify::is-open",
                           G_CALLBACK (on_journal_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->journal, "notify::load-error",
                           G_CALLBACK (on_journal_state_changed_cb), self, G_CONNECT_SWAPPED);

  /* The settings' period and switch; read before anything is set, since setting
   * either writes the settings. */
  {
    g_autofree char *range = self->settings ? g_settings_get_string (self->settings, "pain-map-range") : NULL;
    gboolean shown = self->settings ? g_settings_get_boolean (self->settings, "pain-map-shown") : FALSE;
    guint selected = DEFAULT_HEAT_RANGE;

    for (guint i = 0; range != NULL && i < G_N_ELEMENTS (heat_ranges); i++)
      {
        if (g_str_equal (range, heat_ranges[i].id))
          selected = i;
      }
    set_heat_range (self, selected);
    adw_switch_row_set_active (self->heat_switch, shown);
  }
  on_heat_switch_active_cb (self);
  update_heat_subtitle (self);
}

static void
unknot_sidebar_dispose (GObject *object)
{
  UnknotSidebar *self = UNKNOT_SIDEBAR (object);

  if (self->results_list != NULL)
    gtk_list_box_bind_model (self->results_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_SIDEBAR);
  g_clear_object (&self->results);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->heat);
  g_clear_object (&self->journal);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (unknot_sidebar_parent_class)->dispose (object);
}

static void
unknot_sidebar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  UnknotSidebar *self = UNKNOT_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_sidebar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  UnknotSidebar *self = UNKNOT_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_sidebar_class_init (UnknotSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = unknot_sidebar_constructed;
  object_class->dispose = unknot_sidebar_dispose;
  object_class->get_property = unknot_sidebar_get_property;
  object_class->set_property = unknot_sidebar_set_property;

  /**
   * UnknotSidebar:catalog:
   *
   * The content the map names and the search finds.
   */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, UNKNOT_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotSidebar:journal:
   *
   * The pain journal whose average pain per region "Show My Pain" tints the map with;
   * %NULL for a map without it.
   */
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, UNKNOT_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotSidebar:settings:
   *
   * Where the switch and the period are kept (pain-map-shown, pain-map-range); %NULL
   * to keep them for this sidebar only.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UnknotSidebar, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotSidebar, map_scroller);
  gtk_widget_class_bind_template_child (widget_class, UnknotSidebar, results_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotSidebar, map_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotSidebar, heat_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotSidebar, heat_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotSidebar, legend);
  gtk_widget_class_bind_template_child (widget_class, UnknotSidebar, legend_ramp);
  gtk_widget_class_bind_template_child (widget_class, UnknotSidebar, legend_none);
  gtk_widget_class_bind_template_callback (widget_class, on_heat_switch_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
}

static void
unknot_sidebar_init (UnknotSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->heat_range = DEFAULT_HEAT_RANGE;
  self->body_map = UNKNOT_BODY_MAP (unknot_body_map_new (RESOURCE_BASE_PATH "/bodymap/back.svg"));
  gtk_widget_set_margin_start (GTK_WIDGET (self->body_map), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->body_map), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->body_map), 12);
  gtk_box_append (self->map_box, GTK_WIDGET (self->body_map));
  gtk_drawing_area_set_draw_func (self->legend_ramp, draw_legend_ramp, NULL, NULL);
  gtk_drawing_area_set_draw_func (self->legend_none, draw_legend_none, NULL, NULL);
  g_signal_connect_object (self->body_map, "region-activated",
                           G_CALLBACK (on_region_activated_cb), self, G_CONNECT_SWAPPED);
}

/**
 * unknot_sidebar_get_body_map:
 *
 * Returns: (transfer none): the map of the back
 */
UnknotBodyMap *
unknot_sidebar_get_body_map (UnknotSidebar *self)
{
  g_return_val_if_fail (UNKNOT_IS_SIDEBAR (self), NULL);

  return self->body_map;
}

/* Puts the keyboard focus in the search entry (Ctrl+F). */
void
unknot_sidebar_focus_search (UnknotSidebar *self)
{
  g_return_if_fail (UNKNOT_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
