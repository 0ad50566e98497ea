/* unknot-routine.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "catalog/unknot-catalog.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_ROUTINE (unknot_routine_get_type ())

/* The short count before each hold, to get into position. */
#define UNKNOT_ROUTINE_GET_READY_SECONDS 5

G_DECLARE_FINAL_TYPE (UnknotRoutine, unknot_routine, UNKNOT, ROUTINE, GObject)

UnknotRoutine   *unknot_routine_new_for_occasion (UnknotCatalog      *catalog,
                                                  const char         *occasion_id,
                                                  const char * const *owned_tools,
                                                  guint               preferred_seconds);
UnknotRoutine   *unknot_routine_new_for_techniques (UnknotCatalog     *catalog,
                                                   const char         *title,
                                                   const char * const *technique_ids,
                                                   const char * const *owned_tools,
                                                   guint               preferred_seconds);
const char      *unknot_routine_get_title        (UnknotRoutine      *self);
guint            unknot_routine_get_n_holds      (UnknotRoutine      *self);
UnknotTechnique *unknot_routine_get_technique    (UnknotRoutine      *self,
                                                  guint               position);
UnknotStep      *unknot_routine_get_step         (UnknotRoutine      *self,
                                                  guint               position);
guint            unknot_routine_get_seconds      (UnknotRoutine      *self,
                                                  guint               position);
guint            unknot_routine_get_total_seconds (UnknotRoutine     *self);
void             unknot_routine_set_both_sides   (UnknotRoutine      *self,
                                                  gboolean            both_sides);
gboolean         unknot_routine_hold_is_both_sides (UnknotRoutine    *self,
                                                    guint             position);

G_END_DECLS
