/* unknot-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "unknot-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bodymap/unknot-body-map.h"
#include "catalog/unknot-catalog.h"
#include "pages/unknot-region-page.h"
#include "unknot-window.h"

struct _UnknotWindow
{
  AdwApplicationWindow     parent_instance;

  GSettings               *settings;
  UnknotCatalog           *catalog;
  GtkFilterListModel      *results;

  AdwNavigationSplitView  *split_view;
  AdwStatusPage           *welcome_status;
  GtkSearchEntry          *search_entry;
  GtkStack                *sidebar_stack;
  GtkScrolledWindow       *map_scroller;
  GtkListBox              *results_list;
  UnknotBodyMap           *body_map;
};

G_DEFINE_FINAL_TYPE (UnknotWindow, unknot_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
unknot_window_save_state (UnknotWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static void
unknot_window_restore_state (UnknotWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* Opens a region's page beside the map (or over it, on a narrow window) and keeps the
 * map's selection in step. */
static void
unknot_window_show_region (UnknotWindow *self,
                           const char   *region_id)
{
  UnknotRegion *region = unknot_catalog_lookup_region (self->catalog, region_id);
  UnknotRegionPage *page;

  if (region == NULL)
    {
      g_warning ("No region “%s” in the catalogue", region_id);
      return;
    }

  unknot_body_map_set_selected_region (self->body_map, region_id);

  page = unknot_region_page_new (self->catalog, region);
  adw_navigation_split_view_set_content (self->split_view, ADW_NAVIGATION_PAGE (page));
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
show_region_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  unknot_window_show_region (UNKNOT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_region_activated_cb (UnknotWindow  *self,
                        const char    *region_id,
                        UnknotBodyMap *map)
{
  unknot_window_show_region (self, region_id);
}

static gboolean
filter_region (gpointer item,
               gpointer user_data)
{
  UnknotWindow *self = user_data;

  return unknot_region_matches (item, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_changed_cb (UnknotWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->results);

  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);

  if (text[0] == '\0')
    gtk_stack_set_visible_child_name (self->sidebar_stack, "map");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) == 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->sidebar_stack, "results");
}

static void
on_search_activate_cb (UnknotWindow *self)
{
  g_autoptr(UnknotRegion) first = g_list_model_get_item (G_LIST_MODEL (self->results), 0);

  if (first != NULL && !g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "map"))
    unknot_window_show_region (self, unknot_region_get_id (first));
}

static void
on_search_stopped_cb (UnknotWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_result_activated_cb (UnknotWindow  *self,
                        GtkListBoxRow *row)
{
  const char *region_id = g_object_get_data (G_OBJECT (row), "region-id");

  unknot_window_show_region (self, region_id);
}

static GtkWidget *
create_result_row (gpointer item,
                   gpointer user_data)
{
  UnknotRegion *region = item;
  GtkWidget *row;

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "title", unknot_region_get_title (region),
                      "subtitle", unknot_region_get_summary (region),
                      "activatable", TRUE,
                      NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "region-id",
                          g_strdup (unknot_region_get_id (region)), g_free);

  return row;
}

static void
unknot_window_setup_regions (UnknotWindow *self)
{
  GListModel *regions = unknot_catalog_get_regions (self->catalog);
  GtkCustomFilter *filter;

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(UnknotRegion) region = g_list_model_get_item (regions, i);

      unknot_body_map_set_region_label (self->body_map,
                                        unknot_region_get_id (region),
                                        unknot_region_get_title (region));
    }

  filter = gtk_custom_filter_new (filter_region, self, NULL);
  self->results = gtk_filter_list_model_new (g_object_ref (regions), GTK_FILTER (filter));
  gtk_list_box_bind_model (self->results_list, G_LIST_MODEL (self->results),
                           create_result_row, self, NULL);
}

static gboolean
unknot_window_close_request (GtkWindow *window)
{
  unknot_window_save_state (UNKNOT_WINDOW (window));

  return GTK_WINDOW_CLASS (unknot_window_parent_class)->close_request (window);
}

static void
unknot_window_constructed (GObject *object)
{
  UnknotWindow *self = UNKNOT_WINDOW (object);

  G_OBJECT_CLASS (unknot_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    unknot_window_restore_state (self);
  if (self->catalog != NULL)
    unknot_window_setup_regions (self);
}

static void
unknot_window_dispose (GObject *object)
{
  UnknotWindow *self = UNKNOT_WINDOW (object);

  if (self->results_list != NULL)
    gtk_list_box_bind_model (self->results_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_WINDOW);
  g_clear_object (&self->results);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (unknot_window_parent_class)->dispose (object);
}

static void
unknot_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  UnknotWindow *self = UNKNOT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  UnknotWindow *self = UNKNOT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_window_class_init (UnknotWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = unknot_window_constructed;
  object_class->dispose = unknot_window_dispose;
  object_class->get_property = unknot_window_get_property;
  object_class->set_property = unknot_window_set_property;

  window_class->close_request = unknot_window_close_request;

  /**
   * UnknotWindow:settings:
   *
   * The settings the window keeps its size and state in.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * UnknotWindow:catalog:
   *
   * The content the window shows.
   */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         UNKNOT_TYPE_CATALOG,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.show-region", "s", show_region_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, welcome_status);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, map_scroller);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, results_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated_cb);
}

static void
unknot_window_init (UnknotWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->body_map = UNKNOT_BODY_MAP (unknot_body_map_new (RESOURCE_BASE_PATH "/bodymap/back.svg"));
  gtk_widget_set_margin_start (GTK_WIDGET (self->body_map), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->body_map), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->body_map), 12);
  gtk_scrolled_window_set_child (self->map_scroller, GTK_WIDGET (self->body_map));
  g_signal_connect_object (self->body_map, "region-activated",
                           G_CALLBACK (on_region_activated_cb), self, G_CONNECT_SWAPPED);

  /* The development build has an icon of its own. */
  adw_status_page_set_icon_name (self->welcome_status, APPLICATION_ID);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

UnknotWindow *
unknot_window_new (UnknotApplication *application,
                   GSettings         *settings,
                   UnknotCatalog     *catalog)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (UNKNOT_IS_CATALOG (catalog), NULL);

  return g_object_new (UNKNOT_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "catalog", catalog,
                       NULL);
}

/**
 * unknot_window_get_body_map:
 *
 * Returns: (transfer none): the map in the sidebar
 */
UnknotBodyMap *
unknot_window_get_body_map (UnknotWindow *self)
{
  g_return_val_if_fail (UNKNOT_IS_WINDOW (self), NULL);

  return self->body_map;
}
