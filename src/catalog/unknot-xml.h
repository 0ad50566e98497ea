/* unknot-xml.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small element tree for the catalogue files, read with GMarkup. Private to
 * src/catalog/.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _UnknotXmlNode UnknotXmlNode;

struct _UnknotXmlNode
{
  char          *name;
  char         **attribute_names;
  char         **attribute_values;
  GString       *text;
  GPtrArray     *children;
  int            line;
};

UnknotXmlNode *unknot_xml_parse             (GBytes         *bytes,
                                             GError        **error);
void           unknot_xml_node_free         (UnknotXmlNode  *node);
const char    *unknot_xml_node_get_attribute (UnknotXmlNode *node,
                                              const char    *name);
UnknotXmlNode *unknot_xml_node_get_child    (UnknotXmlNode  *node,
                                             const char     *name);
const char    *unknot_xml_node_get_text     (UnknotXmlNode  *node);
char          *unknot_xml_node_dup_child_text (UnknotXmlNode *node,
                                               const char    *name);
GStrv          unknot_xml_node_dup_children_text (UnknotXmlNode *node,
                                                  const char    *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotXmlNode, unknot_xml_node_free)

G_END_DECLS
