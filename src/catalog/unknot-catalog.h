/* unknot-catalog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "unknot-region.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_CATALOG (unknot_catalog_get_type ())

#define UNKNOT_CATALOG_ERROR (unknot_catalog_error_quark ())

typedef enum {
  UNKNOT_CATALOG_ERROR_INVALID,
} UnknotCatalogError;

G_DECLARE_FINAL_TYPE (UnknotCatalog, unknot_catalog, UNKNOT, CATALOG, GObject)

GQuark         unknot_catalog_error_quark     (void);
UnknotCatalog *unknot_catalog_new_from_bytes  (GBytes         *regions_xml,
                                               GError        **error);
UnknotCatalog *unknot_catalog_new_default     (void);
GListModel    *unknot_catalog_get_regions     (UnknotCatalog  *self);
UnknotRegion  *unknot_catalog_lookup_region   (UnknotCatalog  *self,
                                               const char     *region_id);

G_END_DECLS
