/* unknot-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: the sidebar with the map on one side, a trail of pages on the other.
 * It only routes: its actions (unknot-window-actions.c) open pages, each page gets the
 * application's services and follows them by itself.
 */

#define G_LOG_DOMAIN "unknot-window"

#include "config.h"

#include <glib/gi18n.h>

#include "journal/unknot-journal-button.h"
#include "pages/unknot-welcome-page.h"
#include "unknot-menu-names.h"
#include "unknot-window-private.h"

G_DEFINE_FINAL_TYPE (UnknotWindow, unknot_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CATALOG,
  PROP_HOLD,
  PROP_ROUTINE_STORE,
  PROP_JOURNAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
unknot_window_save_state (UnknotWindow *self)
{
  int width, height;

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

/* Shows @page on top of the trail, after taking out the pages @leaves picks. */
void
_unknot_window_show_page_instead (UnknotWindow      *self,
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
  /* The trail without the leaving pages, then the new page pushed on it: replacing
   * the whole trail with the new page on top would leave the page beneath mapped, so
   * that Tab and screen readers still reached it. */
  adw_navigation_view_replace (self->content_view, (AdwNavigationPage **) pages->pdata, pages->len);
  adw_navigation_view_push (self->content_view, page);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static gboolean
has_tag (AdwNavigationPage *page,
         gpointer           tag)
{
  return g_strcmp0 (adw_navigation_page_get_tag (page), tag) == 0;
}

/* Shows @page on the content side (over the map, on a narrow window). A region starts
 * a new trail; techniques and guide pages are pushed on top of what is shown. */
void
_unknot_window_show_page (UnknotWindow      *self,
                          AdwNavigationPage *page,
                          gboolean           new_trail)
{
  const char *tag = adw_navigation_page_get_tag (page);

  if (new_trail)
    {
      adw_navigation_view_replace (self->content_view, &page, 1);
    }
  else if (tag != NULL && adw_navigation_view_find_page (self->content_view, tag) != NULL)
    {
      /* A page already on the trail (the same technique, or My Routine again) moves
       * to the top instead of being there twice. */
      _unknot_window_show_page_instead (self, page, has_tag, (gpointer) tag);
      return;
    }
  else
    {
      adw_navigation_view_push (self->content_view, page);
    }

  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
on_hold_started_cb (UnknotWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-hold", NULL);
}

/* A routine file that could not be read is reported, never silently lost; the toast
 * stays until the person dismisses it. */
static void
on_routine_load_error_cb (UnknotWindow *self)
{
  const GError *error = unknot_routine_store_get_load_error (self->routine_store);

  if (self->load_error_toast != NULL)
    adw_toast_dismiss (self->load_error_toast);
  g_clear_object (&self->load_error_toast);

  if (error == NULL)
    return;

  self->load_error_toast = g_object_ref_sink (adw_toast_new (error->message));
  adw_toast_set_timeout (self->load_error_toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->load_error_toast));
}

/* A journal that had to be set aside, restored or opened read-only says so at once,
 * even to someone who never opens the journal; its page tells the whole story. */
static void
on_journal_load_error_cb (UnknotWindow *self)
{
  const GError *error = unknot_journal_get_load_error (self->journal);
  const char *title;
  AdwToast *toast;

  if (error == NULL || self->journal_error_shown)
    return;

  if (g_error_matches (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_DAMAGED))
    title = _("Your pain journal was damaged and has been set aside");
  else if (g_error_matches (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_NEWER))
    title = _("Your pain journal is from a newer Unknot and can only be read");
  else if (g_error_matches (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_READ_ONLY))
    title = _("Your pain journal cannot be written to");
  else
    title = _("Your pain journal could not be opened");

  self->journal_error_shown = TRUE;
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.show-journal");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
  AdwNavigationPage *welcome;

  G_OBJECT_CLASS (unknot_window_parent_class)->constructed (object);

  g_return_if_fail (self->settings != NULL && self->catalog != NULL &&
                    self->hold != NULL && self->routine_store != NULL &&
                    self->journal != NULL);

  unknot_window_restore_state (self);

  /* The sidebar is made here, once the catalogue it shows is known. */
  self->sidebar = g_object_new (UNKNOT_TYPE_SIDEBAR,
                                "catalog", self->catalog,
                                "journal", self->journal,
                                "settings", self->settings,
                                NULL);
  adw_toolbar_view_set_content (self->sidebar_toolbar, GTK_WIDGET (self->sidebar));

  welcome = g_object_new (UNKNOT_TYPE_WELCOME_PAGE,
                          "catalog", self->catalog,
                          "hold", self->hold,
                          NULL);
  adw_navigation_view_add (self->content_view, welcome);

  /* The main menu is built when it first opens: the first frame does not show it. */
  unknot_menu_button_set_menu_on_demand (self->primary_menu_button, self->primary_menu);

  /* A running hold shows in the sidebar's header too, so it is in view on a phone. */
  unknot_hold_indicator_set_timer (self->hold_indicator, unknot_hold_get_timer (self->hold));
  g_signal_connect_object (self->hold, "started",
                           G_CALLBACK (on_hold_started_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->journal, "notify::load-error",
                           G_CALLBACK (on_journal_load_error_cb), self, G_CONNECT_SWAPPED);
  on_journal_load_error_cb (self);
  g_signal_connect_object (self->routine_store, "notify::load-error",
                           G_CALLBACK (on_routine_load_error_cb), self, G_CONNECT_SWAPPED);
  on_routine_load_error_cb (self);
}

static void
unknot_window_dispose (GObject *object)
{
  UnknotWindow *self = UNKNOT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_WINDOW);
  g_clear_object (&self->load_error_toast);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);
  g_clear_object (&self->hold);
  g_clear_object (&self->routine_store);
  g_clear_object (&self->journal);

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

    case PROP_HOLD:
      g_value_set_object (value, self->hold);
      break;

    case PROP_ROUTINE_STORE:
      g_value_set_object (value, self->routine_store);
      break;

    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
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

    case PROP_HOLD:
      self->hold = g_value_dup_object (value);
      break;

    case PROP_ROUTINE_STORE:
      self->routine_store = g_value_dup_object (value);
      break;

    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
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
   * The person's settings; the window keeps its size and state in them.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotWindow:catalog:
   *
   * The content the window shows.
   */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, UNKNOT_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotWindow:hold:
   *
   * The hold in progress; a hold started from a step brings its page forward.
   */
  properties[PROP_HOLD] =
    g_param_spec_object ("hold", NULL, NULL, UNKNOT_TYPE_HOLD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotWindow:routine-store:
   *
   * The person's own routine; a file that could not be read is reported here.
   */
  properties[PROP_ROUTINE_STORE] =
    g_param_spec_object ("routine-store", NULL, NULL, UNKNOT_TYPE_ROUTINE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotWindow:journal:
   *
   * The pain journal, which the journal page lists and the editor writes to.
   */
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, UNKNOT_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  _unknot_window_class_actions_init (klass);

  g_type_ensure (UNKNOT_TYPE_HOLD_INDICATOR);
  g_type_ensure (UNKNOT_TYPE_JOURNAL_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, content_view);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, sidebar_toolbar);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, hold_indicator);
}

static void
unknot_window_init (UnknotWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/**
 * unknot_window_new:
 *
 * Returns: (transfer none): a new window showing @application's content, with its
 *   services
 */
UnknotWindow *
unknot_window_new (UnknotApplication *application)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (application), NULL);

  return g_object_new (UNKNOT_TYPE_WINDOW,
                       "application", application,
                       "settings", unknot_application_get_settings (application),
                       "catalog", unknot_application_get_catalog (application),
                       "hold", unknot_application_get_hold (application),
                       "routine-store", unknot_application_get_routine_store (application),
                       "journal", unknot_application_get_journal (application),
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

  return unknot_sidebar_get_body_map (self->sidebar);
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
