/* unknot-region.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_REGION (unknot_region_get_type ())

G_DECLARE_FINAL_TYPE (UnknotRegion, unknot_region, UNKNOT, REGION, GObject)

const char         *unknot_region_get_id              (UnknotRegion *self);
const char         *unknot_region_get_base_id         (UnknotRegion *self);
const char         *unknot_region_get_side            (UnknotRegion *self);
const char         *unknot_region_get_name            (UnknotRegion *self);
const char         *unknot_region_get_title           (UnknotRegion *self);
const char         *unknot_region_get_summary         (UnknotRegion *self);
const char * const *unknot_region_get_muscles         (UnknotRegion *self);
const char * const *unknot_region_get_keywords        (UnknotRegion *self);
const char         *unknot_region_get_location        (UnknotRegion *self);
const char         *unknot_region_get_function        (UnknotRegion *self);
const char         *unknot_region_get_tightens        (UnknotRegion *self);
const char         *unknot_region_get_pressing        (UnknotRegion *self);
const char         *unknot_region_get_caution         (UnknotRegion *self);
const char         *unknot_region_get_why_no_pressure (UnknotRegion *self);
const char         *unknot_region_get_instead         (UnknotRegion *self);
gboolean            unknot_region_is_no_pressure_zone (UnknotRegion *self);
gboolean            unknot_region_matches             (UnknotRegion *self,
                                                       const char   *query);

G_END_DECLS
