/* unknot-first-run-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown once: which tools the person has. Continuing marks the first run done and opens
 * "Before You Start", so the safety guidance is the first thing anyone reads.
 */

#define G_LOG_DOMAIN "unknot-first-run-dialog"

#include "config.h"

#include "pages/unknot-tools-group.h"
#include "unknot-first-run-dialog.h"

struct _UnknotFirstRunDialog
{
  AdwDialog      parent_instance;

  UnknotCatalog *catalog;
  GSettings     *settings;

  GtkBox        *content_box;
  GtkWidget     *continue_button;
};

G_DEFINE_FINAL_TYPE (UnknotFirstRunDialog, unknot_first_run_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_continue_clicked_cb (UnknotFirstRunDialog *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);

  g_settings_set_boolean (self->settings, "first-run-done", TRUE);
  adw_dialog_force_close (ADW_DIALOG (self));

  if (window != NULL)
    gtk_widget_activate_action (window, "win.show-topic", "s", "before-you-start");
}

static void
unknot_first_run_dialog_constructed (GObject *object)
{
  UnknotFirstRunDialog *self = UNKNOT_FIRST_RUN_DIALOG (object);
  GtkWidget *tools;

  G_OBJECT_CLASS (unknot_first_run_dialog_parent_class)->constructed (object);

  tools = unknot_tools_group_new (self->catalog, self->settings);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (tools), NULL);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (tools), NULL);
  gtk_box_insert_child_after (self->content_box, tools,
                              gtk_widget_get_first_child (GTK_WIDGET (self->content_box)));
  adw_dialog_set_default_widget (ADW_DIALOG (self), self->continue_button);
}

static void
unknot_first_run_dialog_dispose (GObject *object)
{
  UnknotFirstRunDialog *self = UNKNOT_FIRST_RUN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_FIRST_RUN_DIALOG);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (unknot_first_run_dialog_parent_class)->dispose (object);
}

static void
unknot_first_run_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  UnknotFirstRunDialog *self = UNKNOT_FIRST_RUN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_first_run_dialog_class_init (UnknotFirstRunDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = unknot_first_run_dialog_constructed;
  object_class->dispose = unknot_first_run_dialog_dispose;
  object_class->set_property = unknot_first_run_dialog_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, UNKNOT_TYPE_CATALOG,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-first-run-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotFirstRunDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotFirstRunDialog, continue_button);
  gtk_widget_class_bind_template_callback (widget_class, on_continue_clicked_cb);
}

static void
unknot_first_run_dialog_init (UnknotFirstRunDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

UnknotFirstRunDialog *
unknot_first_run_dialog_new (UnknotCatalog *catalog,
                             GSettings     *settings)
{
  return g_object_new (UNKNOT_TYPE_FIRST_RUN_DIALOG,
                       "catalog", catalog,
                       "settings", settings,
                       NULL);
}
