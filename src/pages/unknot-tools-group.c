/* unknot-tools-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Which tools do you have?": a switch per tool of the catalogue, kept in the
 * owned-tools setting. Used in Preferences and on first run.
 */

#define G_LOG_DOMAIN "unknot-tools-group"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-illustration.h"
#include "unknot-tools-group.h"

struct _UnknotToolsGroup
{
  AdwPreferencesGroup  parent_instance;

  UnknotCatalog       *catalog;
  GSettings           *settings;
  GPtrArray           *rows;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (UnknotToolsGroup, unknot_tools_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sync_rows (UnknotToolsGroup *self)
{
  g_auto(GStrv) owned = g_settings_get_strv (self->settings, "owned-tools");

  self->updating = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      AdwSwitchRow *row = g_ptr_array_index (self->rows, i);

      adw_switch_row_set_active (row, g_strv_contains ((const char * const *) owned,
                                                       gtk_widget_get_name (GTK_WIDGET (row))));
    }
  self->updating = FALSE;
}

static void
on_row_active_changed_cb (UnknotToolsGroup *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) owned = NULL;

  if (self->updating)
    return;

  /* Kept in catalogue order, so the setting reads the same whatever was clicked first. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      AdwSwitchRow *row = g_ptr_array_index (self->rows, i);

      if (adw_switch_row_get_active (row))
        g_strv_builder_add (builder, gtk_widget_get_name (GTK_WIDGET (row)));
    }

  owned = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "owned-tools", (const char * const *) owned);
}

static void
unknot_tools_group_constructed (GObject *object)
{
  UnknotToolsGroup *self = UNKNOT_TOOLS_GROUP (object);
  GListModel *tools = unknot_catalog_get_tools (self->catalog);

  G_OBJECT_CLASS (unknot_tools_group_parent_class)->constructed (object);

  for (guint i = 0; i < g_list_model_get_n_items (tools); i++)
    {
      g_autoptr(UnknotTool) tool = g_list_model_get_item (tools, i);
      GtkWidget *row, *icon;

      row = g_object_new (ADW_TYPE_SWITCH_ROW,
                          "title", unknot_tool_get_name (tool),
                          "subtitle", unknot_tool_get_summary (tool),
                          "name", unknot_tool_get_id (tool),
                          NULL);
      if (unknot_tool_get_icon (tool) != NULL)
        {
          icon = unknot_illustration_new (unknot_tool_get_icon (tool), NULL);
          gtk_widget_set_size_request (icon, 32, 32);
          gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
          gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      g_signal_connect_object (row, "notify::active",
                               G_CALLBACK (on_row_active_changed_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }

  sync_rows (self);
  g_signal_connect_object (self->settings, "changed::owned-tools",
                           G_CALLBACK (sync_rows), self, G_CONNECT_SWAPPED);
}

static void
unknot_tools_group_dispose (GObject *object)
{
  UnknotToolsGroup *self = UNKNOT_TOOLS_GROUP (object);

  g_ptr_array_set_size (self->rows, 0);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (unknot_tools_group_parent_class)->dispose (object);
}

static void
unknot_tools_group_finalize (GObject *object)
{
  UnknotToolsGroup *self = UNKNOT_TOOLS_GROUP (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (unknot_tools_group_parent_class)->finalize (object);
}

static void
unknot_tools_group_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  UnknotToolsGroup *self = UNKNOT_TOOLS_GROUP (object);

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
unknot_tools_group_class_init (UnknotToolsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = unknot_tools_group_constructed;
  object_class->dispose = unknot_tools_group_dispose;
  object_class->finalize = unknot_tools_group_finalize;
  object_class->set_property = unknot_tools_group_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, UNKNOT_TYPE_CATALOG,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_tools_group_init (UnknotToolsGroup *self)
{
  self->rows = g_ptr_array_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Your Tools"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Techniques for the tools you have are listed first"));
}

GtkWidget *
unknot_tools_group_new (UnknotCatalog *catalog,
                        GSettings     *settings)
{
  g_return_val_if_fail (UNKNOT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (UNKNOT_TYPE_TOOLS_GROUP,
                       "catalog", catalog,
                       "settings", settings,
                       NULL);
}
