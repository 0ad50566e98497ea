/* unknot-technique-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "catalog/unknot-catalog.h"
#include "routines/unknot-routine-store.h"
#include "timer/unknot-hold.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_TECHNIQUE_PAGE (unknot_technique_page_get_type ())

G_DECLARE_FINAL_TYPE (UnknotTechniquePage, unknot_technique_page, UNKNOT, TECHNIQUE_PAGE, AdwNavigationPage)

UnknotTechniquePage *unknot_technique_page_new           (UnknotCatalog       *catalog,
                                                          UnknotTechnique     *technique,
                                                          UnknotHold          *hold,
                                                          UnknotRoutineStore  *routine_store,
                                                          const char          *region_id);
UnknotTechnique     *unknot_technique_page_get_technique (UnknotTechniquePage *self);

G_END_DECLS
