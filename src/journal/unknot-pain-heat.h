/* unknot-pain-heat.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bodymap/unknot-body-map.h"
#include "unknot-journal.h"
#include "unknot-journal-stats.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_PAIN_HEAT (unknot_pain_heat_get_type ())

G_DECLARE_FINAL_TYPE (UnknotPainHeat, unknot_pain_heat, UNKNOT, PAIN_HEAT, GObject)

UnknotPainHeat          *unknot_pain_heat_new             (UnknotJournal           *journal);
UnknotJournal           *unknot_pain_heat_get_journal     (UnknotPainHeat          *self);
UnknotJournalStatsRange  unknot_pain_heat_get_range       (UnknotPainHeat          *self);
void                     unknot_pain_heat_set_range       (UnknotPainHeat          *self,
                                                           UnknotJournalStatsRange  range);
gboolean                 unknot_pain_heat_get_active      (UnknotPainHeat          *self);
void                     unknot_pain_heat_set_active      (UnknotPainHeat          *self,
                                                           gboolean                 active);
const GError            *unknot_pain_heat_get_error       (UnknotPainHeat          *self);
void                     unknot_pain_heat_refresh         (UnknotPainHeat          *self);
guint                    unknot_pain_heat_get_n_regions   (UnknotPainHeat          *self);
gboolean                 unknot_pain_heat_lookup          (UnknotPainHeat          *self,
                                                           const char              *region_id,
                                                           double                  *heat,
                                                           double                  *average,
                                                           guint                   *n_entries);
void                     unknot_pain_heat_apply           (UnknotPainHeat          *self,
                                                           UnknotBodyMap           *map);

double                   unknot_pain_heat_for_pain        (double                   average);
char                    *unknot_pain_heat_describe        (UnknotJournalStatsRange  range,
                                                           double                   average,
                                                           guint                    n_entries);

G_END_DECLS
