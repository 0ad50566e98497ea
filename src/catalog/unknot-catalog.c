/* unknot-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The content of Unknot, read from data/catalog/ in the GResource: regions, tools,
 * techniques and the guide. The files are translated with gettext: xgettext extracts
 * them through the ITS rules in po/its/, and every text is looked up in Unknot's domain
 * as it is read. Every id one file names in another must exist; a catalogue with a
 * dangling id does not load.
 */

#define G_LOG_DOMAIN "unknot-catalog"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-catalog-private.h"

struct _UnknotCatalog
{
  GObject     parent_instance;

  GListStore *regions;
  GListStore *tools;
  GListStore *techniques;
  GListStore *topics;
  GHashTable *by_id[4];
};

G_DEFINE_FINAL_TYPE (UnknotCatalog, unknot_catalog, G_TYPE_OBJECT)

G_DEFINE_QUARK (unknot-catalog-error-quark, unknot_catalog_error)

enum { INDEX_REGIONS, INDEX_TOOLS, INDEX_TECHNIQUES, INDEX_TOPICS };

static gboolean
check_root (UnknotXmlNode  *root,
            const char     *name,
            GError        **error)
{
  if (!g_str_equal (root->name, name))
    {
      g_set_error (error, UNKNOT_CATALOG_ERROR, UNKNOT_CATALOG_ERROR_INVALID,
                   "expected a <%s> document, found <%s>", name, root->name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
add_unique (UnknotCatalog  *self,
            guint           index,
            GListStore     *store,
            const char     *id,
            gpointer        item,
            GError        **error)
{
  if (g_hash_table_contains (self->by_id[index], id))
    {
      g_set_error (error, UNKNOT_CATALOG_ERROR, UNKNOT_CATALOG_ERROR_INVALID,
                   "the id “%s” is used twice", id);
      return FALSE;
    }

  g_list_store_append (store, item);
  g_hash_table_insert (self->by_id[index], (gpointer) id, item);

  return TRUE;
}

static gboolean
load_region (UnknotCatalog  *self,
             UnknotXmlNode  *node,
             GError        **error)
{
  UnknotXmlNode *muscles = unknot_xml_node_get_child (node, "muscles");
  g_autofree char *keywords = unknot_xml_node_dup_child_text (node, "keywords");
  const char *sides = unknot_xml_node_get_attribute (node, "sides");
  UnknotRegionInfo info = { 0 };
  gboolean ok = TRUE;

  info.base_id = (char *) unknot_xml_node_get_attribute (node, "id");
  info.name = unknot_xml_node_dup_child_text (node, "name");
  info.summary = unknot_xml_node_dup_child_text (node, "short");
  info.muscles = muscles ? unknot_xml_node_dup_children_text (muscles, "muscle") : g_new0 (char *, 1);
  info.keywords = g_strsplit (keywords ? keywords : "", ";", -1);
  info.location = unknot_xml_node_dup_child_text (node, "location");
  info.function = unknot_xml_node_dup_child_text (node, "function");
  info.tightens = unknot_xml_node_dup_child_text (node, "tightens");
  info.pressing = unknot_xml_node_dup_child_text (node, "pressing");
  info.caution = unknot_xml_node_dup_child_text (node, "caution");
  info.why_no_pressure = unknot_xml_node_dup_child_text (node, "why-no-pressure");
  info.instead = unknot_xml_node_dup_child_text (node, "instead");

  for (guint i = 0; info.keywords[i] != NULL; i++)
    g_strstrip (info.keywords[i]);

  if (info.base_id == NULL || info.name == NULL || info.location == NULL ||
      (g_strcmp0 (sides, "both") != 0 && g_strcmp0 (sides, "none") != 0))
    {
      g_set_error (error, UNKNOT_CATALOG_ERROR, UNKNOT_CATALOG_ERROR_INVALID,
                   "line %d: a region needs an id, sides “both” or “none”, a name and a "
                   "location", node->line);
      ok = FALSE;
    }
  else if (g_str_equal (sides, "both"))
    {
      g_autoptr(UnknotRegion) left = unknot_region_new (&info, "left");
      g_autoptr(UnknotRegion) right = unknot_region_new (&info, "right");

      ok = add_unique (self, INDEX_REGIONS, self->regions, unknot_region_get_id (left), left, error) &&
           add_unique (self, INDEX_REGIONS, self->regions, unknot_region_get_id (right), right, error);
    }
  else
    {
      g_autoptr(UnknotRegion) region = unknot_region_new (&info, NULL);

      ok = add_unique (self, INDEX_REGIONS, self->regions, unknot_region_get_id (region), region, error);
    }

  g_free (info.name);
  g_free (info.summary);
  g_strfreev (info.muscles);
  g_strfreev (info.keywords);
  g_free (info.location);
  g_free (info.function);
  g_free (info.tightens);
  g_free (info.pressing);
  g_free (info.caution);
  g_free (info.why_no_pressure);
  g_free (info.instead);

  return ok;
}

static gboolean
region_base_exists (UnknotCatalog *self,
                    const char    *base_id)
{
  g_autofree char *left = g_strconcat (base_id, "-left", NULL);

  return g_hash_table_contains (self->by_id[INDEX_REGIONS], base_id) ||
         g_hash_table_contains (self->by_id[INDEX_REGIONS], left);
}

static gboolean
load_document (UnknotCatalog  *self,
               GBytes         *bytes,
               const char     *root_name,
               GError        **error)
{
  g_autoptr(UnknotXmlNode) root = NULL;

  if (bytes == NULL)
    return TRUE;

  root = unknot_xml_parse (bytes, error);
  if (root == NULL || !check_root (root, root_name, error))
    return FALSE;

  for (guint i = 0; i < root->children->len; i++)
    {
      UnknotXmlNode *node = g_ptr_array_index (root->children, i);

      if (g_str_equal (root_name, "regions"))
        {
          if (!load_region (self, node, error))
            return FALSE;
        }
      else if (g_str_equal (root_name, "tools"))
        {
          g_autoptr(UnknotTool) tool = unknot_tool_new_from_xml (node, error);

          if (tool == NULL ||
              !add_unique (self, INDEX_TOOLS, self->tools, unknot_tool_get_id (tool), tool, error))
            return FALSE;
        }
      else if (g_str_equal (root_name, "techniques"))
        {
          const char *tool_id = unknot_xml_node_get_attribute (node, "tool");
          UnknotTool *tool = tool_id ? g_hash_table_lookup (self->by_id[INDEX_TOOLS], tool_id) : NULL;
          g_autoptr(UnknotTechnique) technique = NULL;

          if (tool == NULL)
            {
              g_set_error (error, UNKNOT_CATALOG_ERROR, UNKNOT_CATALOG_ERROR_INVALID,
                           "line %d: unknown tool “%s”", node->line, tool_id ? tool_id : "");
              return FALSE;
            }

          technique = unknot_technique_new_from_xml (node, unknot_tool_get_name (tool), error);
          if (technique == NULL)
            return FALSE;

          for (const char * const *r = unknot_technique_get_regions (technique); *r; r++)
            {
              if (!region_base_exists (self, *r) || g_str_equal (*r, "spine"))
                {
                  g_set_error (error, UNKNOT_CATALOG_ERROR, UNKNOT_CATALOG_ERROR_INVALID,
                               "technique “%s” names the region “%s”, which is not one "
                               "to press", unknot_technique_get_id (technique), *r);
                  return FALSE;
                }
            }

          if (!add_unique (self, INDEX_TECHNIQUES, self->techniques,
                           unknot_technique_get_id (technique), technique, error))
            return FALSE;
        }
      else if (g_str_equal (root_name, "guide"))
        {
          g_autoptr(UnknotTopic) topic = unknot_topic_new_from_xml (node, error);
          GListModel *sections;

          if (topic == NULL)
            return FALSE;

          sections = unknot_topic_get_sections (topic);
          for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
            {
              g_autoptr(UnknotTopicSection) section = g_list_model_get_item (sections, s);

              for (const char * const *t = unknot_topic_section_get_techniques (section); *t; t++)
                {
                  if (**t != '\0' && !g_hash_table_contains (self->by_id[INDEX_TECHNIQUES], *t))
                    {
                      g_set_error (error, UNKNOT_CATALOG_ERROR, UNKNOT_CATALOG_ERROR_INVALID,
                                   "section “%s” names the unknown technique “%s”",
                                   unknot_topic_section_get_id (section), *t);
                      return FALSE;
                    }
                }
            }

          if (!add_unique (self, INDEX_TOPICS, self->topics, unknot_topic_get_id (topic), topic, error))
            return FALSE;
        }
    }

  return TRUE;
}

static void
unknot_catalog_finalize (GObject *object)
{
  UnknotCatalog *self = UNKNOT_CATALOG (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->by_id); i++)
    g_clear_pointer (&self->by_id[i], g_hash_table_unref);
  g_clear_object (&self->regions);
  g_clear_object (&self->tools);
  g_clear_object (&self->techniques);
  g_clear_object (&self->topics);

  G_OBJECT_CLASS (unknot_catalog_parent_class)->finalize (object);
}

static void
unknot_catalog_class_init (UnknotCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = unknot_catalog_finalize;
}

static void
unknot_catalog_init (UnknotCatalog *self)
{
  self->regions = g_list_store_new (UNKNOT_TYPE_REGION);
  self->tools = g_list_store_new (UNKNOT_TYPE_TOOL);
  self->techniques = g_list_store_new (UNKNOT_TYPE_TECHNIQUE);
  self->topics = g_list_store_new (UNKNOT_TYPE_TOPIC);
  for (guint i = 0; i < G_N_ELEMENTS (self->by_id); i++)
    self->by_id[i] = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * unknot_catalog_new:
 * @regions_xml: the regions file
 * @tools_xml: (nullable): the tools file
 * @techniques_xml: (nullable): the techniques file (needs the tools)
 * @guide_xml: (nullable): the guide file (needs the techniques it names)
 *
 * Returns: (transfer full) (nullable): the catalogue, or %NULL with @error set when a
 *   file is malformed or names an id that does not exist
 */
UnknotCatalog *
unknot_catalog_new (GBytes  *regions_xml,
                    GBytes  *tools_xml,
                    GBytes  *techniques_xml,
                    GBytes  *guide_xml,
                    GError **error)
{
  g_autoptr(UnknotCatalog) self = g_object_new (UNKNOT_TYPE_CATALOG, NULL);

  g_return_val_if_fail (regions_xml != NULL, NULL);

  if (!load_document (self, regions_xml, "regions", error) ||
      !load_document (self, tools_xml, "tools", error) ||
      !load_document (self, techniques_xml, "techniques", error) ||
      !load_document (self, guide_xml, "guide", error))
    return NULL;

  return g_steal_pointer (&self);
}

static GBytes *
lookup_file (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_BASE_PATH "/catalog/", name, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  if (bytes == NULL)
    g_error ("The catalogue file %s is missing: %s", name, error->message);

  return bytes;
}

/**
 * unknot_catalog_new_default:
 *
 * Loads the catalogue shipped in the application's GResource. The files are part of
 * the program and checked by its tests, so a failure here is a programming error.
 */
UnknotCatalog *
unknot_catalog_new_default (void)
{
  g_autoptr(GBytes) regions = lookup_file ("regions.xml");
  g_autoptr(GBytes) tools = lookup_file ("tools.xml");
  g_autoptr(GBytes) techniques = lookup_file ("techniques.xml");
  g_autoptr(GBytes) guide = lookup_file ("guide.xml");
  g_autoptr(GError) error = NULL;
  UnknotCatalog *self;

  self = unknot_catalog_new (regions, tools, techniques, guide, &error);
  if (self == NULL)
    g_error ("The catalogue is invalid: %s", error->message);

  return self;
}

/**
 * unknot_catalog_get_regions:
 *
 * Returns: (transfer none): the #UnknotRegion list, in anatomical order
 */
GListModel *
unknot_catalog_get_regions (UnknotCatalog *self)
{
  g_return_val_if_fail (UNKNOT_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->regions);
}

/**
 * unknot_catalog_lookup_region:
 *
 * Returns: (transfer none) (nullable): the region with this id ("rhomboids-left")
 */
UnknotRegion *
unknot_catalog_lookup_region (UnknotCatalog *self,
                              const char    *region_id)
{
  g_return_val_if_fail (UNKNOT_IS_CATALOG (self), NULL);
  return region_id ? g_hash_table_lookup (self->by_id[INDEX_REGIONS], region_id) : NULL;
}

/**
 * unknot_catalog_get_tools:
 *
 * Returns: (transfer none): the #UnknotTool list
 */
GListModel *
unknot_catalog_get_tools (UnknotCatalog *self)
{
  g_return_val_if_fail (UNKNOT_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->tools);
}

/**
 * unknot_catalog_lookup_tool:
 *
 * Returns: (transfer none) (nullable): the tool with this id
 */
UnknotTool *
unknot_catalog_lookup_tool (UnknotCatalog *self,
                            const char    *tool_id)
{
  g_return_val_if_fail (UNKNOT_IS_CATALOG (self), NULL);
  return tool_id ? g_hash_table_lookup (self->by_id[INDEX_TOOLS], tool_id) : NULL;
}

/**
 * unknot_catalog_get_techniques:
 *
 * Returns: (transfer none): the #UnknotTechnique list
 */
GListModel *
unknot_catalog_get_techniques (UnknotCatalog *self)
{
  g_return_val_if_fail (UNKNOT_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->techniques);
}

/**
 * unknot_catalog_lookup_technique:
 *
 * Returns: (transfer none) (nullable): the technique with this id
 */
UnknotTechnique *
unknot_catalog_lookup_technique (UnknotCatalog *self,
                                 const char    *technique_id)
{
  g_return_val_if_fail (UNKNOT_IS_CATALOG (self), NULL);
  return technique_id ? g_hash_table_lookup (self->by_id[INDEX_TECHNIQUES], technique_id) : NULL;
}

/**
 * unknot_catalog_list_techniques_for_region:
 * @base_id: a region's base id ("rhomboids"), without a side
 *
 * Returns: (transfer full): the techniques that work this region, in catalogue order
 */
GListModel *
unknot_catalog_list_techniques_for_region (UnknotCatalog *self,
                                           const char    *base_id)
{
  GListStore *store;

  g_return_val_if_fail (UNKNOT_IS_CATALOG (self), NULL);

  store = g_list_store_new (UNKNOT_TYPE_TECHNIQUE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->techniques)); i++)
    {
      g_autoptr(UnknotTechnique) technique = g_list_model_get_item (G_LIST_MODEL (self->techniques), i);

      if (unknot_technique_serves_region (technique, base_id))
        g_list_store_append (store, technique);
    }

  return G_LIST_MODEL (store);
}

/**
 * unknot_catalog_get_topics:
 *
 * Returns: (transfer none): the #UnknotTopic list of the guide
 */
GListModel *
unknot_catalog_get_topics (UnknotCatalog *self)
{
  g_return_val_if_fail (UNKNOT_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->topics);
}

/**
 * unknot_catalog_lookup_topic:
 *
 * Returns: (transfer none) (nullable): the topic with this id
 */
UnknotTopic *
unknot_catalog_lookup_topic (UnknotCatalog *self,
                             const char    *topic_id)
{
  g_return_val_if_fail (UNKNOT_IS_CATALOG (self), NULL);
  return topic_id ? g_hash_table_lookup (self->by_id[INDEX_TOPICS], topic_id) : NULL;
}
