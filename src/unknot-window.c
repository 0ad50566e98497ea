/* unknot-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "unknot-window"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-window.h"

struct _UnknotWindow
{
  AdwApplicationWindow     parent_instance;

  GSettings               *settings;

  AdwNavigationSplitView  *split_view;
  AdwStatusPage           *welcome_status;
};

G_DEFINE_FINAL_TYPE (UnknotWindow, unknot_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
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
}

static void
unknot_window_dispose (GObject *object)
{
  UnknotWindow *self = UNKNOT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_WINDOW);
  g_clear_object (&self->settings);

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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, welcome_status);
}

static void
unknot_window_init (UnknotWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The development build has an icon of its own. */
  adw_status_page_set_icon_name (self->welcome_status, APPLICATION_ID);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

UnknotWindow *
unknot_window_new (UnknotApplication *application,
                   GSettings         *settings)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (UNKNOT_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
}
