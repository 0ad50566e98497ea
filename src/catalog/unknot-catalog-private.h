/* unknot-catalog-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared inside src/catalog/ only: how the catalogue builds its items from the files.
 */

#pragma once

#include "unknot-catalog.h"
#include "unknot-xml.h"

G_BEGIN_DECLS

/* The texts of one muscle group as read from the catalogue, already translated. */
typedef struct
{
  char  *base_id;
  char  *name;
  char  *summary;
  GStrv  muscles;
  GStrv  keywords;
  char  *location;
  char  *function;
  char  *tightens;
  char  *pressing;
  char  *caution;
  char  *why_no_pressure;
  char  *instead;
} UnknotRegionInfo;

UnknotRegion       *unknot_region_new                 (const UnknotRegionInfo  *info,
                                                       const char              *side);
UnknotTool         *unknot_tool_new_from_xml          (UnknotXmlNode           *node,
                                                       GError                 **error);
UnknotStep         *unknot_step_new_from_xml          (UnknotXmlNode           *node,
                                                       guint                    number,
                                                       GError                 **error);
UnknotTechnique    *unknot_technique_new_from_xml     (UnknotXmlNode           *node,
                                                       const char              *tool_name,
                                                       GError                 **error);
UnknotTopicSection *unknot_topic_section_new_from_xml (UnknotXmlNode           *node,
                                                       GError                 **error);
UnknotTopic        *unknot_topic_new_from_xml         (UnknotXmlNode           *node,
                                                       GError                 **error);

G_END_DECLS
