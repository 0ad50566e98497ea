/* unknot-tool.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A massage tool a person may own: what it is, what it suits, how to choose pressure.
 */

#define G_LOG_DOMAIN "unknot-tool"

#include "config.h"

#include "unknot-catalog-private.h"

struct _UnknotTool
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *summary;
  char    *description;
  char    *good_for;
  char    *pressure;
  char    *icon;
};

G_DEFINE_FINAL_TYPE (UnknotTool, unknot_tool, G_TYPE_OBJECT)

static void
unknot_tool_finalize (GObject *object)
{
  UnknotTool *self = UNKNOT_TOOL (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->summary);
  g_free (self->description);
  g_free (self->good_for);
  g_free (self->pressure);
  g_free (self->icon);

  G_OBJECT_CLASS (unknot_tool_parent_class)->finalize (object);
}

static void
unknot_tool_class_init (UnknotToolClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_tool_finalize;
}

static void
unknot_tool_init (UnknotTool *self)
{
}

UnknotTool *
unknot_tool_new_from_xml (UnknotXmlNode  *node,
                          GError        **error)
{
  g_autoptr(UnknotTool) self = g_object_new (UNKNOT_TYPE_TOOL, NULL);
  const char *icon = unknot_xml_node_get_attribute (node, "icon");

  self->id = g_strdup (unknot_xml_node_get_attribute (node, "id"));
  self->name = unknot_xml_node_dup_child_text (node, "name");
  self->summary = unknot_xml_node_dup_child_text (node, "summary");
  self->description = unknot_xml_node_dup_child_text (node, "description");
  self->good_for = unknot_xml_node_dup_child_text (node, "good-for");
  self->pressure = unknot_xml_node_dup_child_text (node, "pressure");
  if (icon != NULL)
    self->icon = g_strconcat (RESOURCE_BASE_PATH "/illustrations/", icon, NULL);

  if (self->id == NULL || self->name == NULL || self->description == NULL)
    {
      g_set_error (error, UNKNOT_CATALOG_ERROR, UNKNOT_CATALOG_ERROR_INVALID,
                   "line %d: a tool needs an id, a name and a description", node->line);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
unknot_tool_get_id (UnknotTool *self)
{
  g_return_val_if_fail (UNKNOT_IS_TOOL (self), NULL);
  return self->id;
}

const char *
unknot_tool_get_name (UnknotTool *self)
{
  g_return_val_if_fail (UNKNOT_IS_TOOL (self), NULL);
  return self->name;
}

const char *
unknot_tool_get_summary (UnknotTool *self)
{
  g_return_val_if_fail (UNKNOT_IS_TOOL (self), NULL);
  return self->summary;
}

const char *
unknot_tool_get_description (UnknotTool *self)
{
  g_return_val_if_fail (UNKNOT_IS_TOOL (self), NULL);
  return self->description;
}

const char *
unknot_tool_get_good_for (UnknotTool *self)
{
  g_return_val_if_fail (UNKNOT_IS_TOOL (self), NULL);
  return self->good_for;
}

const char *
unknot_tool_get_pressure (UnknotTool *self)
{
  g_return_val_if_fail (UNKNOT_IS_TOOL (self), NULL);
  return self->pressure;
}

/* The GResource path of the tool's icon, or %NULL. */
const char *
unknot_tool_get_icon (UnknotTool *self)
{
  g_return_val_if_fail (UNKNOT_IS_TOOL (self), NULL);
  return self->icon;
}
