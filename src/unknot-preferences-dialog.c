/* unknot-preferences-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "unknot-preferences-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pages/unknot-tools-group.h"
#include "unknot-preferences-dialog.h"

struct _UnknotPreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  GSettings            *settings;
  UnknotCatalog        *catalog;

  AdwSpinRow           *hold_seconds_row;
  AdwSwitchRow         *both_sides_row;
  AdwSwitchRow         *sound_row;
  AdwSwitchRow         *breathing_row;
  AdwPreferencesPage   *general_page;
};

G_DEFINE_FINAL_TYPE (UnknotPreferencesDialog, unknot_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
unknot_preferences_dialog_constructed (GObject *object)
{
  UnknotPreferencesDialog *self = UNKNOT_PREFERENCES_DIALOG (object);
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) limits = NULL;
  const char *type;
  int min, max;

  G_OBJECT_CLASS (unknot_preferences_dialog_parent_class)->constructed (object);

  /* The spin row takes its limits from the schema, so the two never disagree. */
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, "hold-seconds");
  range = g_settings_schema_key_get_range (key);
  g_variant_get (range, "(&sv)", &type, &limits);
  if (g_str_equal (type, "range"))
    {
      g_variant_get (limits, "(ii)", &min, &max);
      adw_spin_row_set_range (self->hold_seconds_row, min, max);
    }

  g_settings_bind (self->settings, "hold-seconds",
                   self->hold_seconds_row, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "both-sides",
                   self->both_sides_row, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "breathing-cue",
                   self->breathing_row, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sound-enabled",
                   self->sound_row, "active",
                   G_SETTINGS_BIND_DEFAULT);

  if (self->catalog != NULL)
    adw_preferences_page_add (self->general_page,
                              ADW_PREFERENCES_GROUP (unknot_tools_group_new (self->catalog,
                                                                             self->settings)));
}

static void
unknot_preferences_dialog_dispose (GObject *object)
{
  UnknotPreferencesDialog *self = UNKNOT_PREFERENCES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (unknot_preferences_dialog_parent_class)->dispose (object);
}

static void
unknot_preferences_dialog_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  UnknotPreferencesDialog *self = UNKNOT_PREFERENCES_DIALOG (object);

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
unknot_preferences_dialog_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  UnknotPreferencesDialog *self = UNKNOT_PREFERENCES_DIALOG (object);

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
unknot_preferences_dialog_class_init (UnknotPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = unknot_preferences_dialog_constructed;
  object_class->dispose = unknot_preferences_dialog_dispose;
  object_class->get_property = unknot_preferences_dialog_get_property;
  object_class->set_property = unknot_preferences_dialog_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         UNKNOT_TYPE_CATALOG,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesDialog, hold_seconds_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesDialog, both_sides_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesDialog, sound_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesDialog, breathing_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesDialog, general_page);
}

static void
unknot_preferences_dialog_init (UnknotPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * unknot_preferences_dialog_new:
 * @catalog: (nullable): the catalogue whose tools the person can pick
 */
UnknotPreferencesDialog *
unknot_preferences_dialog_new (GSettings     *settings,
                               UnknotCatalog *catalog)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (UNKNOT_TYPE_PREFERENCES_DIALOG,
                       "settings", settings,
                       "catalog", catalog,
                       NULL);
}
