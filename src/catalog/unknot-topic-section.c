/* unknot-topic-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One section of a guide topic: text, and for checklists and warnings a list of items.
 */

#define G_LOG_DOMAIN "unknot-topic-section"

#include "config.h"

#include "unknot-catalog-private.h"

struct _UnknotTopicSection
{
  GObject            parent_instance;

  char              *id;
  UnknotSectionKind  kind;
  char              *title;
  char              *text;
  GStrv              items;
  GStrv              techniques;
  char              *icon_name;
};

G_DEFINE_FINAL_TYPE (UnknotTopicSection, unknot_topic_section, G_TYPE_OBJECT)

static void
unknot_topic_section_finalize (GObject *object)
{
  UnknotTopicSection *self = UNKNOT_TOPIC_SECTION (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->text);
  g_strfreev (self->items);
  g_strfreev (self->techniques);
  g_free (self->icon_name);

  G_OBJECT_CLASS (unknot_topic_section_parent_class)->finalize (object);
}

static void
unknot_topic_section_class_init (UnknotTopicSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_topic_section_finalize;
}

static void
unknot_topic_section_init (UnknotTopicSection *self)
{
}

UnknotTopicSection *
unknot_topic_section_new_from_xml (UnknotXmlNode  *node,
                                   GError        **error)
{
  g_autoptr(UnknotTopicSection) self = g_object_new (UNKNOT_TYPE_TOPIC_SECTION, NULL);
  const char *kind = unknot_xml_node_get_attribute (node, "kind");
  const char *techniques = unknot_xml_node_get_attribute (node, "techniques");

  self->id = g_strdup (unknot_xml_node_get_attribute (node, "id"));
  self->title = unknot_xml_node_dup_child_text (node, "title");
  self->text = unknot_xml_node_dup_child_text (node, "text");
  self->items = unknot_xml_node_dup_children_text (node, "item");
  self->techniques = techniques ? g_strsplit (techniques, " ", -1) : g_new0 (char *, 1);
  self->icon_name = g_strdup (unknot_xml_node_get_attribute (node, "icon"));

  if (kind == NULL)
    self->kind = UNKNOT_SECTION_KIND_TEXT;
  else if (g_str_equal (kind, "checklist"))
    self->kind = UNKNOT_SECTION_KIND_CHECKLIST;
  else if (g_str_equal (kind, "warning"))
    self->kind = UNKNOT_SECTION_KIND_WARNING;
  else
    {
      g_set_error (error, UNKNOT_CATALOG_ERROR, UNKNOT_CATALOG_ERROR_INVALID,
                   "line %d: unknown section kind “%s”", node->line, kind);
      return NULL;
    }

  if (self->id == NULL || self->title == NULL || self->text == NULL)
    {
      g_set_error (error, UNKNOT_CATALOG_ERROR, UNKNOT_CATALOG_ERROR_INVALID,
                   "line %d: a section needs an id, a title and text", node->line);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
unknot_topic_section_get_id (UnknotTopicSection *self)
{
  g_return_val_if_fail (UNKNOT_IS_TOPIC_SECTION (self), NULL);
  return self->id;
}

UnknotSectionKind
unknot_topic_section_get_kind (UnknotTopicSection *self)
{
  g_return_val_if_fail (UNKNOT_IS_TOPIC_SECTION (self), UNKNOT_SECTION_KIND_TEXT);
  return self->kind;
}

const char *
unknot_topic_section_get_title (UnknotTopicSection *self)
{
  g_return_val_if_fail (UNKNOT_IS_TOPIC_SECTION (self), NULL);
  return self->title;
}

const char *
unknot_topic_section_get_text (UnknotTopicSection *self)
{
  g_return_val_if_fail (UNKNOT_IS_TOPIC_SECTION (self), NULL);
  return self->text;
}

const char * const *
unknot_topic_section_get_items (UnknotTopicSection *self)
{
  g_return_val_if_fail (UNKNOT_IS_TOPIC_SECTION (self), NULL);
  return (const char * const *) self->items;
}

/* Ids of the techniques that fit this section (for "when to massage"). */
const char * const *
unknot_topic_section_get_techniques (UnknotTopicSection *self)
{
  g_return_val_if_fail (UNKNOT_IS_TOPIC_SECTION (self), NULL);
  return (const char * const *) self->techniques;
}

/* The symbolic icon before each item of a checklist, or %NULL. */
const char *
unknot_topic_section_get_icon_name (UnknotTopicSection *self)
{
  g_return_val_if_fail (UNKNOT_IS_TOPIC_SECTION (self), NULL);
  return self->icon_name;
}
