/* unknot-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "catalog/unknot-catalog.h"
#include "journal/unknot-journal.h"
#include "routines/unknot-routine-store.h"
#include "timer/unknot-chime.h"
#include "timer/unknot-hold.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_APPLICATION (unknot_application_get_type ())

G_DECLARE_FINAL_TYPE (UnknotApplication, unknot_application, UNKNOT, APPLICATION, AdwApplication)

UnknotApplication *unknot_application_new          (void);
GSettings         *unknot_application_get_settings (UnknotApplication *self);
UnknotCatalog     *unknot_application_get_catalog  (UnknotApplication *self);
UnknotHold        *unknot_application_get_hold     (UnknotApplication *self);
UnknotHoldTimer   *unknot_application_get_hold_timer (UnknotApplication *self);
UnknotChime       *unknot_application_get_chime    (UnknotApplication *self);
UnknotRoutineStore *unknot_application_get_routine_store (UnknotApplication *self);
UnknotJournal     *unknot_application_get_journal  (UnknotApplication *self);

G_END_DECLS
