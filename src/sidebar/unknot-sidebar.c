/* unknot-sidebar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's sidebar: the map of the back, and a search over regions, techniques and
 * the guide that takes the map's place while there is something to search for. A
 * region chosen on the map, or any result, opens its page through the window's
 * actions (win.show-region, win.show-technique, win.show-topic).
 */

#define G_LOG_DOMAIN "unknot-sidebar"

#include "config.h"

#include "pages/unknot-page-sections.h"
#include "unknot-sidebar.h"

struct _UnknotSidebar
{
  AdwBin             parent_instance;

  UnknotCatalog     *catalog;
  GListModel        *results;
  GtkFilter         *search_filter;

  GtkSearchEntry    *search_entry;
  GtkStack          *sidebar_stack;
  GtkScrolledWindow *map_scroller;
  GtkListBox        *results_list;
  UnknotBodyMap     *body_map;
};

G_DEFINE_FINAL_TYPE (UnknotSidebar, unknot_sidebar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CATALOG,
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

static void
on_region_activated_cb (UnknotSidebar *self,
                        const char    *region_id)
{
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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UnknotSidebar, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotSidebar, map_scroller);
  gtk_widget_class_bind_template_child (widget_class, UnknotSidebar, results_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
}

static void
unknot_sidebar_init (UnknotSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->body_map = UNKNOT_BODY_MAP (unknot_body_map_new (RESOURCE_BASE_PATH "/bodymap/back.svg"));
  gtk_widget_set_margin_start (GTK_WIDGET (self->body_map), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->body_map), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->body_map), 12);
  gtk_scrolled_window_set_child (self->map_scroller, GTK_WIDGET (self->body_map));
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
