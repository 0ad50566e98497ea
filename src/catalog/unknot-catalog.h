/* unknot-catalog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "unknot-region.h"
#include "unknot-step.h"
#include "unknot-technique.h"
#include "unknot-tool.h"
#include "unknot-topic.h"
#include "unknot-topic-section.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_CATALOG (unknot_catalog_get_type ())

#define UNKNOT_CATALOG_ERROR (unknot_catalog_error_quark ())

typedef enum {
  UNKNOT_CATALOG_ERROR_INVALID,
} UnknotCatalogError;

G_DECLARE_FINAL_TYPE (UnknotCatalog, unknot_catalog, UNKNOT, CATALOG, GObject)

GQuark           unknot_catalog_error_quark             (void);
UnknotCatalog   *unknot_catalog_new                     (GBytes          *regions_xml,
                                                         GBytes          *tools_xml,
                                                         GBytes          *techniques_xml,
                                                         GBytes          *guide_xml,
                                                         GError         **error);
UnknotCatalog   *unknot_catalog_new_default             (void);
GListModel      *unknot_catalog_get_regions             (UnknotCatalog   *self);
UnknotRegion    *unknot_catalog_lookup_region           (UnknotCatalog   *self,
                                                         const char      *region_id);
GListModel      *unknot_catalog_get_tools               (UnknotCatalog   *self);
UnknotTool      *unknot_catalog_lookup_tool             (UnknotCatalog   *self,
                                                         const char      *tool_id);
GListModel      *unknot_catalog_get_techniques          (UnknotCatalog   *self);
UnknotTechnique *unknot_catalog_lookup_technique        (UnknotCatalog   *self,
                                                         const char      *technique_id);
GListModel      *unknot_catalog_list_techniques_for_region (UnknotCatalog *self,
                                                            const char    *base_id);
GListModel      *unknot_catalog_get_topics              (UnknotCatalog   *self);
UnknotTopic     *unknot_catalog_lookup_topic            (UnknotCatalog   *self,
                                                         const char      *topic_id);

G_END_DECLS
