/* unknot-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "unknot-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bodymap/unknot-body-map.h"
#include "catalog/unknot-catalog.h"
#include "pages/unknot-page-sections.h"
#include "pages/unknot-region-page.h"
#include "pages/unknot-technique-page.h"
#include "pages/unknot-topic-page.h"
#include "routines/unknot-routine-page.h"
#include "timer/unknot-hold-dial.h"
#include "timer/unknot-hold-indicator.h"
#include "timer/unknot-hold-page.h"
#include "unknot-window.h"

struct _UnknotWindow
{
  AdwApplicationWindow     parent_instance;

  GSettings               *settings;
  UnknotCatalog           *catalog;
  GListModel              *results;
  GtkFilter               *search_filter;

  AdwNavigationSplitView  *split_view;
  AdwStatusPage           *welcome_status;
  AdwNavigationView       *content_view;
  GtkListBox              *learn_list;
  GtkSearchEntry          *search_entry;
  GtkStack                *sidebar_stack;
  GtkScrolledWindow       *map_scroller;
  GtkListBox              *results_list;
  UnknotBodyMap           *body_map;
  AdwToastOverlay         *toast_overlay;
  AdwHeaderBar            *sidebar_header;
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

static UnknotApplication *
unknot_window_get_app (UnknotWindow *self)
{
  return UNKNOT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

/* Shows @page on the content side (over the map, on a narrow window). A region starts
 * a new trail; techniques and guide pages are pushed on top of what is shown. */
static GtkWidget *
find_header_bar (GtkWidget *widget)
{
  if (ADW_IS_HEADER_BAR (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_header_bar (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A running hold shows in every header bar, so it is in view on a phone too. */
static void
add_hold_indicator (UnknotWindow *self,
                    GtkWidget    *page)
{
  GtkWidget *header = find_header_bar (page);
  UnknotApplication *app = unknot_window_get_app (self);

  if (header != NULL && app != NULL && !UNKNOT_IS_HOLD_PAGE (page))
    adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                             unknot_hold_indicator_new (unknot_application_get_hold_timer (app)));
}

typedef gboolean (*UnknotPageFilter) (AdwNavigationPage *page,
                                      gpointer           data);

/* Shows @page on top of the trail, after taking out the pages @leaves picks. */
static void
unknot_window_show_page_instead (UnknotWindow      *self,
                                 AdwNavigationPage *page,
                                 UnknotPageFilter   leaves,
                                 gpointer           data)
{
  g_autoptr(GListModel) stack = adw_navigation_view_get_navigation_stack (self->content_view);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (stack); i++)
    {
      AdwNavigationPage *old_page = g_list_model_get_item (stack, i);

      if (leaves (old_page, data))
        g_object_unref (old_page);
      else
        g_ptr_array_add (pages, old_page);
    }
  g_ptr_array_add (pages, g_object_ref_sink (page));

  adw_navigation_view_replace (self->content_view, (AdwNavigationPage **) pages->pdata, pages->len);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static gboolean
is_hold_page (AdwNavigationPage *page,
              gpointer           data)
{
  return UNKNOT_IS_HOLD_PAGE (page);
}

static gboolean
is_same_page (AdwNavigationPage *page,
              gpointer           data)
{
  return page == data;
}

static gboolean
has_tag (AdwNavigationPage *page,
         gpointer           tag)
{
  return g_strcmp0 (adw_navigation_page_get_tag (page), tag) == 0;
}

static void
unknot_window_show_page (UnknotWindow      *self,
                         AdwNavigationPage *page,
                         gboolean           new_trail)
{
  const char *tag;

  add_hold_indicator (self, GTK_WIDGET (page));

  tag = adw_navigation_page_get_tag (page);
  if (new_trail)
    {
      adw_navigation_view_replace (self->content_view, &page, 1);
    }
  else if (tag != NULL && adw_navigation_view_find_page (self->content_view, tag) != NULL)
    {
      /* A page already on the trail (the same technique, or My Routine again) moves
       * to the top instead of being there twice. */
      unknot_window_show_page_instead (self, page, has_tag, (gpointer) tag);
      return;
    }
  else
    {
      adw_navigation_view_push (self->content_view, page);
    }

  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
unknot_window_show_region (UnknotWindow *self,
                           const char   *region_id)
{
  UnknotRegion *region = unknot_catalog_lookup_region (self->catalog, region_id);

  if (region == NULL)
    {
      g_warning ("No region “%s” in the catalogue", region_id);
      return;
    }

  unknot_body_map_set_selected_region (self->body_map, region_id);
  unknot_window_show_page (self,
                           ADW_NAVIGATION_PAGE (unknot_region_page_new (self->catalog, region,
                                                                        self->settings)),
                           TRUE);
}

static void
show_region_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  unknot_window_show_region (UNKNOT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_technique_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  const char *technique_id, *region_id;
  UnknotTechnique *technique;
  UnknotTechniquePage *page;

  g_variant_get (parameter, "(&s&s)", &technique_id, &region_id);
  technique = unknot_catalog_lookup_technique (self->catalog, technique_id);
  if (technique == NULL)
    {
      g_warning ("No technique “%s” in the catalogue", technique_id);
      return;
    }

  page = unknot_technique_page_new (self->catalog, technique, self->settings,
                                    *region_id ? region_id : NULL);
  if (unknot_window_get_app (self) != NULL)
    unknot_technique_page_set_in_routine (page,
                                          unknot_routine_store_contains (unknot_application_get_routine_store (unknot_window_get_app (self), NULL),
                                                                         technique_id));
  unknot_window_show_page (self, ADW_NAVIGATION_PAGE (page), FALSE);
}

static void
show_topic_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotTopic *topic = unknot_catalog_lookup_topic (self->catalog,
                                                    g_variant_get_string (parameter, NULL));

  if (topic == NULL)
    {
      g_warning ("No guide topic “%s”", g_variant_get_string (parameter, NULL));
      return;
    }

  unknot_window_show_page (self, ADW_NAVIGATION_PAGE (unknot_topic_page_new (self->catalog, topic)),
                           FALSE);
}

/* The hold page of the current hold, on top of what is shown. */
static void
show_hold_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotApplication *app = unknot_window_get_app (self);
  UnknotTechnique *technique = NULL;
  UnknotStep *step = NULL;
  AdwNavigationPage *hold_page;

  if (app == NULL)
    return;

  /* One hold page at a time: the new one goes on top, any earlier one leaves the
   * trail, and the pages in between stay. */
  unknot_application_get_hold_step (app, &technique, &step);
  hold_page = ADW_NAVIGATION_PAGE (unknot_hold_page_new (unknot_application_get_hold_timer (app),
                                                         technique, step, self->settings));
  unknot_window_show_page_instead (self, hold_page, is_hold_page, NULL);
}

static void
start_routine_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotApplication *app = unknot_window_get_app (self);
  g_autoptr(UnknotRoutine) routine = NULL;
  g_autoptr(UnknotRoutinePlayer) player = NULL;
  g_auto(GStrv) owned = NULL;

  if (app == NULL)
    return;

  owned = g_settings_get_strv (self->settings, "owned-tools");
  routine = unknot_routine_new_for_occasion (self->catalog, g_variant_get_string (parameter, NULL),
                                             (const char * const *) owned,
                                             g_settings_get_int (self->settings, "hold-seconds"));
  if (routine == NULL)
    {
      g_warning ("No routine for “%s”", g_variant_get_string (parameter, NULL));
      return;
    }

  unknot_routine_set_both_sides (routine, g_settings_get_boolean (self->settings, "both-sides"));
  player = unknot_routine_player_new (routine, unknot_application_get_hold_timer (app));
  unknot_window_show_page (self, ADW_NAVIGATION_PAGE (unknot_routine_page_new (player, self->settings)), FALSE);
}

static AdwNavigationPage *
my_routine_page_new (UnknotWindow      *self,
                     UnknotApplication *app)
{
  UnknotRoutineStore *store = unknot_application_get_routine_store (app, NULL);
  g_autoptr(UnknotRoutine) routine = NULL;
  g_autoptr(UnknotRoutinePlayer) player = NULL;
  UnknotRoutinePage *page;

  routine = unknot_routine_new_for_techniques (self->catalog, _("My Routine"),
                                               unknot_routine_store_get_techniques (store), NULL,
                                               g_settings_get_int (self->settings, "hold-seconds"));
  unknot_routine_set_both_sides (routine, g_settings_get_boolean (self->settings, "both-sides"));
  player = unknot_routine_player_new (routine, unknot_application_get_hold_timer (app));
  page = unknot_routine_page_new (player, self->settings);
  unknot_routine_page_set_editable (page, TRUE);

  return ADW_NAVIGATION_PAGE (page);
}

static void
show_my_routine_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotApplication *app = unknot_window_get_app (self);

  if (app == NULL)
    return;

  unknot_window_show_page (self, my_routine_page_new (self, app), FALSE);
}

/* After the routine changed: the page of My Routine, if shown, shows the new one. */
static void
refresh_my_routine (UnknotWindow      *self,
                    UnknotApplication *app,
                    const char        *technique_id)
{
  AdwNavigationPage *visible = adw_navigation_view_get_visible_page (self->content_view);
  AdwNavigationPage *page;

  if (!UNKNOT_IS_ROUTINE_PAGE (visible) ||
      !unknot_routine_page_get_editable (UNKNOT_ROUTINE_PAGE (visible)))
    return;

  page = my_routine_page_new (self, app);
  add_hold_indicator (self, GTK_WIDGET (page));
  unknot_window_show_page_instead (self, page, is_same_page, visible);
  unknot_routine_page_focus_hold (UNKNOT_ROUTINE_PAGE (page), technique_id);
}

/* Saves the person's routine, or says in a toast why it could not. */
static gboolean
save_my_routine (UnknotWindow       *self,
                 UnknotRoutineStore *store)
{
  g_autoptr(GError) error = NULL;

  if (unknot_routine_store_save (store, &error))
    return TRUE;

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  return FALSE;
}

static void
move_in_my_routine_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotApplication *app = unknot_window_get_app (self);
  const char *technique_id;
  int offset;

  if (app == NULL)
    return;

  g_variant_get (parameter, "(&si)", &technique_id, &offset);
  if (offset != -1 && offset != 1)
    return;

  if (unknot_routine_store_move (unknot_application_get_routine_store (app, NULL), technique_id, offset))
    {
      save_my_routine (self, unknot_application_get_routine_store (app, NULL));
      refresh_my_routine (self, app, technique_id);
    }
}

/* After the person's routine changed: the technique page's button and the page of My
 * Routine, whichever is shown, follow. */
static void
my_routine_changed (UnknotWindow       *self,
                    UnknotApplication  *app,
                    UnknotRoutineStore *store,
                    const char         *technique_id)
{
  AdwNavigationPage *visible = adw_navigation_view_get_visible_page (self->content_view);

  if (UNKNOT_IS_TECHNIQUE_PAGE (visible))
    unknot_technique_page_set_in_routine (UNKNOT_TECHNIQUE_PAGE (visible),
                                          unknot_routine_store_contains (store, technique_id));
  refresh_my_routine (self, app, technique_id);
}

static void
toggle_my_routine_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotApplication *app = unknot_window_get_app (self);
  const char *technique_id = g_variant_get_string (parameter, NULL);
  UnknotRoutineStore *store;
  AdwToast *toast;
  int position;

  if (app == NULL || unknot_catalog_lookup_technique (self->catalog, technique_id) == NULL)
    return;

  store = unknot_application_get_routine_store (app, NULL);
  position = unknot_routine_store_remove (store, technique_id);
  if (position >= 0)
    {
      toast = adw_toast_new (_("Removed from your routine"));
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_target (toast, "(su)", technique_id, (guint) position);
      adw_toast_set_action_name (toast, "win.restore-to-my-routine");
    }
  else
    {
      unknot_routine_store_add (store, technique_id);
      toast = adw_toast_new (_("Added to your routine"));
      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.show-my-routine");
    }

  /* A failed save has its own toast, saying why. */
  if (save_my_routine (self, store))
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  else
    g_object_unref (toast);

  my_routine_changed (self, app, store, technique_id);
}

/* The undo of a removal: the technique goes back where it was. */
static void
restore_to_my_routine_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotApplication *app = unknot_window_get_app (self);
  UnknotRoutineStore *store;
  const char *technique_id;
  guint position;

  g_variant_get (parameter, "(&su)", &technique_id, &position);
  if (app == NULL || unknot_catalog_lookup_technique (self->catalog, technique_id) == NULL)
    return;

  store = unknot_application_get_routine_store (app, NULL);
  unknot_routine_store_insert (store, technique_id, position);
  save_my_routine (self, store);
  my_routine_changed (self, app, store, technique_id);
}

static void
on_hold_requested_cb (UnknotWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-hold", NULL);
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

/* Regions, techniques and guide topics all answer the same search. */
static gboolean
filter_item (gpointer item,
             gpointer user_data)
{
  UnknotWindow *self = user_data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (UNKNOT_IS_REGION (item))
    return unknot_region_matches (item, query);
  if (UNKNOT_IS_TECHNIQUE (item))
    return unknot_technique_matches (item, query);
  if (UNKNOT_IS_TOPIC (item))
    return unknot_topic_matches (item, query);

  return FALSE;
}

static void
on_search_changed_cb (UnknotWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  gtk_filter_changed (self->search_filter, GTK_FILTER_CHANGE_DIFFERENT);

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
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (first != NULL && !g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "map"))
    gtk_widget_activate (GTK_WIDGET (first));
}

static void
on_search_stopped_cb (UnknotWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static GtkWidget *
create_result_row (gpointer item,
                   gpointer user_data)
{
  UnknotWindow *self = user_data;

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
unknot_window_setup_content (UnknotWindow *self)
{
  GListModel *regions = unknot_catalog_get_regions (self->catalog);
  GListModel *topics = unknot_catalog_get_topics (self->catalog);
  GListStore *sources;
  GtkFilterListModel *filtered;

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(UnknotRegion) region = g_list_model_get_item (regions, i);

      unknot_body_map_set_region_label (self->body_map,
                                        unknot_region_get_id (region),
                                        unknot_region_get_title (region));
    }

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(UnknotTopic) topic = g_list_model_get_item (topics, i);

      gtk_list_box_append (self->learn_list,
                           unknot_page_link_row_new (unknot_topic_get_title (topic),
                                                     unknot_topic_get_summary (topic),
                                                     "win.show-topic",
                                                     g_variant_new_string (unknot_topic_get_id (topic))));
    }

  /* One result list: regions first, then techniques, then the guide. */
  sources = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (sources, regions);
  g_list_store_append (sources, unknot_catalog_get_techniques (self->catalog));
  g_list_store_append (sources, topics);

  self->search_filter = GTK_FILTER (gtk_custom_filter_new (filter_item, self, NULL));
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (sources))),
                                        g_object_ref (self->search_filter));
  self->results = G_LIST_MODEL (filtered);
  gtk_list_box_bind_model (self->results_list, self->results, create_result_row, self, NULL);
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
    unknot_window_setup_content (self);

}

static void
unknot_window_dispose (GObject *object)
{
  UnknotWindow *self = UNKNOT_WINDOW (object);

  if (self->results_list != NULL)
    gtk_list_box_bind_model (self->results_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_WINDOW);
  g_clear_object (&self->results);
  g_clear_object (&self->search_filter);
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
  gtk_widget_class_install_action (widget_class, "win.show-technique", "(ss)", show_technique_action);
  gtk_widget_class_install_action (widget_class, "win.show-topic", "s", show_topic_action);
  gtk_widget_class_install_action (widget_class, "win.show-hold", NULL, show_hold_action);
  gtk_widget_class_install_action (widget_class, "win.start-routine", "s", start_routine_action);
  gtk_widget_class_install_action (widget_class, "win.show-my-routine", NULL, show_my_routine_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-my-routine", "s", toggle_my_routine_action);
  gtk_widget_class_install_action (widget_class, "win.move-in-my-routine", "(si)", move_in_my_routine_action);
  gtk_widget_class_install_action (widget_class, "win.restore-to-my-routine", "(su)",
                                   restore_to_my_routine_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, welcome_status);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, content_view);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, learn_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, sidebar_header);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, map_scroller);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, results_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
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

  UnknotWindow *self;

  self = g_object_new (UNKNOT_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "catalog", catalog,
                       NULL);

  /* The application's hold timer runs whatever the window shows. */
  g_signal_connect_object (application, "hold-requested",
                           G_CALLBACK (on_hold_requested_cb), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (self->sidebar_header,
                             unknot_hold_indicator_new (unknot_application_get_hold_timer (application)));
  add_hold_indicator (self, GTK_WIDGET (adw_navigation_view_find_page (self->content_view, "welcome")));

  /* A routine file that could not be read is reported once, never silently lost. */
  {
    g_autoptr(GError) error = NULL;

    unknot_application_get_routine_store (application, &error);
    if (error != NULL)
      {
        AdwToast *toast = adw_toast_new (error->message);

        adw_toast_set_timeout (toast, 0);
        adw_toast_overlay_add_toast (self->toast_overlay, toast);
      }
  }

  return self;
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

/**
 * unknot_window_get_visible_page:
 *
 * Returns: (transfer none): the page shown on the content side
 */
AdwNavigationPage *
unknot_window_get_visible_page (UnknotWindow *self)
{
  g_return_val_if_fail (UNKNOT_IS_WINDOW (self), NULL);

  return adw_navigation_view_get_visible_page (self->content_view);
}
