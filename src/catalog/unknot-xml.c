/* unknot-xml.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "unknot-xml"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-xml.h"

typedef struct
{
  UnknotXmlNode *root;
  GQueue         stack;
} Builder;

void
unknot_xml_node_free (UnknotXmlNode *node)
{
  if (node == NULL)
    return;

  g_free (node->name);
  g_strfreev (node->attribute_names);
  g_strfreev (node->attribute_values);
  g_string_free (node->text, TRUE);
  g_ptr_array_unref (node->children);
  g_free (node);
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  Builder *builder = user_data;
  UnknotXmlNode *parent = g_queue_peek_head (&builder->stack);
  UnknotXmlNode *node;

  if (parent == NULL && builder->root != NULL)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "a second <%s> after the document's root <%s>",
                   element_name, builder->root->name);
      return;
    }

  node = g_new0 (UnknotXmlNode, 1);

  node->name = g_strdup (element_name);
  node->attribute_names = g_strdupv ((char **) attribute_names);
  node->attribute_values = g_strdupv ((char **) attribute_values);
  node->text = g_string_new (NULL);
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_xml_node_free);
  g_markup_parse_context_get_position (context, &node->line, NULL);

  if (parent != NULL)
    g_ptr_array_add (parent->children, node);
  else
    builder->root = node;

  g_queue_push_head (&builder->stack, node);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element_name,
             gpointer              user_data,
             GError              **error)
{
  Builder *builder = user_data;
  UnknotXmlNode *node = g_queue_pop_head (&builder->stack);

  /* Texts are single lines in the files; fold any layout white space all the same. */
  g_strstrip (node->text->str);
  g_string_set_size (node->text, strlen (node->text->str));
}

static void
text (GMarkupParseContext  *context,
      const char           *text_data,
      gsize                 text_len,
      gpointer              user_data,
      GError              **error)
{
  Builder *builder = user_data;
  UnknotXmlNode *node = g_queue_peek_head (&builder->stack);

  if (node != NULL)
    g_string_append_len (node->text, text_data, text_len);
}

UnknotXmlNode *
unknot_xml_parse (GBytes  *bytes,
                  GError **error)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  Builder builder = { NULL, G_QUEUE_INIT };
  gboolean ok;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &builder, NULL);
  ok = g_markup_parse_context_parse (context, data, size, error) &&
       g_markup_parse_context_end_parse (context, error);

  /* A broken file leaves elements open on the stack. */
  g_queue_clear (&builder.stack);
  if (!ok)
    {
      unknot_xml_node_free (builder.root);
      return NULL;
    }

  return builder.root;
}

const char *
unknot_xml_node_get_attribute (UnknotXmlNode *node,
                               const char    *name)
{
  for (guint i = 0; node->attribute_names[i] != NULL; i++)
    {
      if (g_str_equal (node->attribute_names[i], name))
        return node->attribute_values[i];
    }

  return NULL;
}

UnknotXmlNode *
unknot_xml_node_get_child (UnknotXmlNode *node,
                           const char    *name)
{
  for (guint i = 0; i < node->children->len; i++)
    {
      UnknotXmlNode *child = g_ptr_array_index (node->children, i);

      if (g_str_equal (child->name, name))
        return child;
    }

  return NULL;
}

const char *
unknot_xml_node_get_text (UnknotXmlNode *node)
{
  return node->text->str;
}

/* The translated text of the first child called @name, or %NULL if there is none. */
char *
unknot_xml_node_dup_child_text (UnknotXmlNode *node,
                                const char    *name)
{
  UnknotXmlNode *child = unknot_xml_node_get_child (node, name);

  if (child == NULL || child->text->len == 0)
    return NULL;

  return g_strdup (g_dgettext (GETTEXT_PACKAGE, child->text->str));
}

/* The translated texts of all children called @name, in order. */
GStrv
unknot_xml_node_dup_children_text (UnknotXmlNode *node,
                                   const char    *name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < node->children->len; i++)
    {
      UnknotXmlNode *child = g_ptr_array_index (node->children, i);

      if (g_str_equal (child->name, name) && child->text->len > 0)
        g_strv_builder_add (builder, g_dgettext (GETTEXT_PACKAGE, child->text->str));
    }

  return g_strv_builder_end (builder);
}
