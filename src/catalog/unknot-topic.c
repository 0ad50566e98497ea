/* unknot-topic.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page of guidance: before you start, when to massage, partner and professional help,
 * beyond the massage, why massage helps.
 */

#define G_LOG_DOMAIN "unknot-topic"

#include "config.h"

#include "unknot-catalog-private.h"
#include "unknot-search.h"

struct _UnknotTopic
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *summary;
  GListStore *sections;
  char       *search_text;
};

G_DEFINE_FINAL_TYPE (UnknotTopic, unknot_topic, G_TYPE_OBJECT)

static void
unknot_topic_finalize (GObject *object)
{
  UnknotTopic *self = UNKNOT_TOPIC (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->summary);
  g_clear_object (&self->sections);
  g_free (self->search_text);

  G_OBJECT_CLASS (unknot_topic_parent_class)->finalize (object);
}

static void
unknot_topic_class_init (UnknotTopicClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_topic_finalize;
}

static void
unknot_topic_init (UnknotTopic *self)
{
  self->sections = g_list_store_new (UNKNOT_TYPE_TOPIC_SECTION);
}

UnknotTopic *
unknot_topic_new_from_xml (UnknotXmlNode  *node,
                           GError        **error)
{
  g_autoptr(UnknotTopic) self = g_object_new (UNKNOT_TYPE_TOPIC, NULL);
  g_autoptr(GString) search = g_string_new (NULL);

  self->id = g_strdup (unknot_xml_node_get_attribute (node, "id"));
  self->title = unknot_xml_node_dup_child_text (node, "title");
  self->summary = unknot_xml_node_dup_child_text (node, "summary");

  if (self->id == NULL || self->title == NULL)
    {
      g_set_error (error, UNKNOT_CATALOG_ERROR, UNKNOT_CATALOG_ERROR_INVALID,
                   "line %d: a topic needs an id and a title", node->line);
      return NULL;
    }

  g_string_append_printf (search, "%s\n%s\n", self->title, self->summary ? self->summary : "");

  for (guint i = 0; i < node->children->len; i++)
    {
      UnknotXmlNode *child = g_ptr_array_index (node->children, i);
      g_autoptr(UnknotTopicSection) section = NULL;

      if (!g_str_equal (child->name, "section"))
        continue;

      section = unknot_topic_section_new_from_xml (child, error);
      if (section == NULL)
        return NULL;

      g_string_append_printf (search, "%s\n", unknot_topic_section_get_title (section));
      g_list_store_append (self->sections, section);
    }

  self->search_text = unknot_search_fold (search->str);

  return g_steal_pointer (&self);
}

const char *
unknot_topic_get_id (UnknotTopic *self)
{
  g_return_val_if_fail (UNKNOT_IS_TOPIC (self), NULL);
  return self->id;
}

const char *
unknot_topic_get_title (UnknotTopic *self)
{
  g_return_val_if_fail (UNKNOT_IS_TOPIC (self), NULL);
  return self->title;
}

const char *
unknot_topic_get_summary (UnknotTopic *self)
{
  g_return_val_if_fail (UNKNOT_IS_TOPIC (self), NULL);
  return self->summary;
}

/**
 * unknot_topic_get_sections:
 *
 * Returns: (transfer none): the #UnknotTopicSection list, in order
 */
GListModel *
unknot_topic_get_sections (UnknotTopic *self)
{
  g_return_val_if_fail (UNKNOT_IS_TOPIC (self), NULL);
  return G_LIST_MODEL (self->sections);
}

/* Matches the topic's title, summary and section titles. */
gboolean
unknot_topic_matches (UnknotTopic *self,
                      const char  *query)
{
  g_return_val_if_fail (UNKNOT_IS_TOPIC (self), FALSE);
  return unknot_search_matches (self->search_text, query);
}
