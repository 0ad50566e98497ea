/* unknot-hold.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "catalog/unknot-catalog.h"
#include "unknot-hold-timer.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_HOLD (unknot_hold_get_type ())

/* A hold's length when nothing else says how long it should be. */
#define UNKNOT_HOLD_DEFAULT_SECONDS 30

G_DECLARE_FINAL_TYPE (UnknotHold, unknot_hold, UNKNOT, HOLD, GObject)

UnknotHold      *unknot_hold_new               (UnknotHoldTimer *timer,
                                                GSettings       *settings);
UnknotHoldTimer *unknot_hold_get_timer         (UnknotHold      *self);
UnknotTechnique *unknot_hold_get_technique     (UnknotHold      *self);
UnknotStep      *unknot_hold_get_step          (UnknotHold      *self);
gboolean         unknot_hold_get_both_sides    (UnknotHold      *self);
guint            unknot_hold_get_preferred_seconds (UnknotHold  *self);
guint            unknot_hold_suggest_seconds   (UnknotHold      *self,
                                                UnknotStep      *step);
gboolean         unknot_hold_step_is_both_sides (UnknotHold     *self,
                                                 UnknotStep     *step);
void             unknot_hold_start             (UnknotHold      *self,
                                                UnknotTechnique *technique,
                                                const char      *region_id,
                                                UnknotStep      *step,
                                                guint            seconds);
const char      *unknot_hold_get_region_id     (UnknotHold      *self);
guint            unknot_hold_get_total_seconds (UnknotHold      *self);
void             unknot_hold_start_in_routine  (UnknotHold      *self,
                                                UnknotTechnique *technique,
                                                UnknotStep      *step,
                                                guint            seconds,
                                                gboolean         both_sides);
void             unknot_hold_restart           (UnknotHold      *self);

G_END_DECLS
