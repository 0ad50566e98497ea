/* unknot-catalog-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared inside src/catalog/ only: the catalogue builds its regions.
 */

#pragma once

#include "unknot-region.h"

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
  char  *why_no_pressure;
  char  *instead;
} UnknotRegionInfo;

UnknotRegion *unknot_region_new (const UnknotRegionInfo *info,
                                 const char             *side);

G_END_DECLS
