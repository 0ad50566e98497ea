/* unknot-region-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "catalog/unknot-catalog.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_REGION_PAGE (unknot_region_page_get_type ())

G_DECLARE_FINAL_TYPE (UnknotRegionPage, unknot_region_page, UNKNOT, REGION_PAGE, AdwNavigationPage)

UnknotRegionPage *unknot_region_page_new        (UnknotCatalog    *catalog,
                                                 UnknotRegion     *region,
                                                 GSettings        *settings);
UnknotRegion     *unknot_region_page_get_region (UnknotRegionPage *self);

G_END_DECLS
