/* unknot-technique.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How to work one or more regions with one tool: a starting position, steps with
 * pictures and holds, and what to feel, when to stop and what to avoid.
 */

#define G_LOG_DOMAIN "unknot-technique"

#include "config.h"

#include "unknot-catalog-private.h"
#include "unknot-search.h"

#define MIN_STEPS 3
#define MAX_STEPS 6

struct _UnknotTechnique
{
  GObject     parent_instance;

  char       *id;
  char       *tool_id;
  GStrv       regions;
  char       *title;
  char       *summary;
  char       *position;
  GListStore *steps;
  char       *pressure;
  char       *stop;
  char       *breathing;
  GStrv       mistakes;
  char       *caution;
  char       *search_text;
};

G_DEFINE_FINAL_TYPE (UnknotTechnique, unknot_technique, G_TYPE_OBJECT)

static void
unknot_technique_finalize (GObject *object)
{
  UnknotTechnique *self = UNKNOT_TECHNIQUE (object);

  g_free (self->id);
  g_free (self->tool_id);
  g_strfreev (self->regions);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->position);
  g_clear_object (&self->steps);
  g_free (self->pressure);
  g_free (self->stop);
  g_free (self->breathing);
  g_strfreev (self->mistakes);
  g_free (self->caution);
  g_free (self->search_text);

  G_OBJECT_CLASS (unknot_technique_parent_class)->finalize (object);
}

static void
unknot_technique_class_init (UnknotTechniqueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_technique_finalize;
}

static void
unknot_technique_init (UnknotTechnique *self)
{
  self->steps = g_list_store_new (UNKNOT_TYPE_STEP);
}

/**
 * unknot_technique_new_from_xml:
 * @tool_name: the translated name of its tool, so a search for the tool finds it
 */
UnknotTechnique *
unknot_technique_new_from_xml (UnknotXmlNode  *node,
                               const char     *tool_name,
                               GError        **error)
{
  g_autoptr(UnknotTechnique) self = g_object_new (UNKNOT_TYPE_TECHNIQUE, NULL);
  g_autoptr(GString) search = g_string_new (NULL);
  UnknotXmlNode *steps = unknot_xml_node_get_child (node, "steps");
  UnknotXmlNode *mistakes = unknot_xml_node_get_child (node, "mistakes");
  const char *regions = unknot_xml_node_get_attribute (node, "regions");

  self->id = g_strdup (unknot_xml_node_get_attribute (node, "id"));
  self->tool_id = g_strdup (unknot_xml_node_get_attribute (node, "tool"));
  self->regions = g_strsplit (regions ? regions : "", " ", -1);
  self->title = unknot_xml_node_dup_child_text (node, "title");
  self->summary = unknot_xml_node_dup_child_text (node, "summary");
  self->position = unknot_xml_node_dup_child_text (node, "position");
  self->pressure = unknot_xml_node_dup_child_text (node, "pressure");
  self->stop = unknot_xml_node_dup_child_text (node, "stop");
  self->breathing = unknot_xml_node_dup_child_text (node, "breathing");
  self->caution = unknot_xml_node_dup_child_text (node, "caution");
  self->mistakes = mistakes ? unknot_xml_node_dup_children_text (mistakes, "mistake")
                            : g_new0 (char *, 1);

  if (self->id == NULL || self->tool_id == NULL || self->title == NULL ||
      self->regions[0] == NULL || self->regions[0][0] == '\0' ||
      self->position == NULL || self->stop == NULL || steps == NULL)
    {
      g_set_error (error, UNKNOT_CATALOG_ERROR, UNKNOT_CATALOG_ERROR_INVALID,
                   "line %d: technique “%s” needs a tool, regions, a title, a position, "
                   "when to stop and steps", node->line, self->id ? self->id : "?");
      return NULL;
    }

  for (guint i = 0; i < steps->children->len; i++)
    {
      g_autoptr(UnknotStep) step = NULL;

      step = unknot_step_new_from_xml (g_ptr_array_index (steps->children, i),
                                       g_list_model_get_n_items (G_LIST_MODEL (self->steps)) + 1,
                                       error);
      if (step == NULL)
        return NULL;
      g_list_store_append (self->steps, step);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->steps)) < MIN_STEPS ||
      g_list_model_get_n_items (G_LIST_MODEL (self->steps)) > MAX_STEPS)
    {
      g_set_error (error, UNKNOT_CATALOG_ERROR, UNKNOT_CATALOG_ERROR_INVALID,
                   "line %d: technique “%s” has %u steps, not %d–%d", node->line, self->id,
                   g_list_model_get_n_items (G_LIST_MODEL (self->steps)), MIN_STEPS, MAX_STEPS);
      return NULL;
    }

  g_string_append_printf (search, "%s\n%s\n%s\n", self->title,
                          self->summary ? self->summary : "", tool_name ? tool_name : "");
  self->search_text = unknot_search_fold (search->str);

  return g_steal_pointer (&self);
}

const char *
unknot_technique_get_id (UnknotTechnique *self)
{
  g_return_val_if_fail (UNKNOT_IS_TECHNIQUE (self), NULL);
  return self->id;
}

const char *
unknot_technique_get_tool_id (UnknotTechnique *self)
{
  g_return_val_if_fail (UNKNOT_IS_TECHNIQUE (self), NULL);
  return self->tool_id;
}

/* The base ids ("rhomboids") of the regions it works, on either side. */
const char * const *
unknot_technique_get_regions (UnknotTechnique *self)
{
  g_return_val_if_fail (UNKNOT_IS_TECHNIQUE (self), NULL);
  return (const char * const *) self->regions;
}

gboolean
unknot_technique_serves_region (UnknotTechnique *self,
                                const char      *base_id)
{
  g_return_val_if_fail (UNKNOT_IS_TECHNIQUE (self), FALSE);
  return base_id != NULL && g_strv_contains ((const char * const *) self->regions, base_id);
}

const char *
unknot_technique_get_title (UnknotTechnique *self)
{
  g_return_val_if_fail (UNKNOT_IS_TECHNIQUE (self), NULL);
  return self->title;
}

const char *
unknot_technique_get_summary (UnknotTechnique *self)
{
  g_return_val_if_fail (UNKNOT_IS_TECHNIQUE (self), NULL);
  return self->summary;
}

const char *
unknot_technique_get_position (UnknotTechnique *self)
{
  g_return_val_if_fail (UNKNOT_IS_TECHNIQUE (self), NULL);
  return self->position;
}

/**
 * unknot_technique_get_steps:
 *
 * Returns: (transfer none): the #UnknotStep list, in order
 */
GListModel *
unknot_technique_get_steps (UnknotTechnique *self)
{
  g_return_val_if_fail (UNKNOT_IS_TECHNIQUE (self), NULL);
  return G_LIST_MODEL (self->steps);
}

const char *
unknot_technique_get_pressure (UnknotTechnique *self)
{
  g_return_val_if_fail (UNKNOT_IS_TECHNIQUE (self), NULL);
  return self->pressure;
}

const char *
unknot_technique_get_stop (UnknotTechnique *self)
{
  g_return_val_if_fail (UNKNOT_IS_TECHNIQUE (self), NULL);
  return self->stop;
}

const char *
unknot_technique_get_breathing (UnknotTechnique *self)
{
  g_return_val_if_fail (UNKNOT_IS_TECHNIQUE (self), NULL);
  return self->breathing;
}

const char * const *
unknot_technique_get_mistakes (UnknotTechnique *self)
{
  g_return_val_if_fail (UNKNOT_IS_TECHNIQUE (self), NULL);
  return (const char * const *) self->mistakes;
}

const char *
unknot_technique_get_caution (UnknotTechnique *self)
{
  g_return_val_if_fail (UNKNOT_IS_TECHNIQUE (self), NULL);
  return self->caution;
}

gboolean
unknot_technique_matches (UnknotTechnique *self,
                          const char      *query)
{
  g_return_val_if_fail (UNKNOT_IS_TECHNIQUE (self), FALSE);
  return unknot_search_matches (self->search_text, query);
}
