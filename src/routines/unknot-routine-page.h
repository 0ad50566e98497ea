/* unknot-routine-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "catalog/unknot-catalog.h"
#include "timer/unknot-hold.h"
#include "unknot-routine-player.h"
#include "unknot-routine-store.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_ROUTINE_PAGE (unknot_routine_page_get_type ())

G_DECLARE_FINAL_TYPE (UnknotRoutinePage, unknot_routine_page, UNKNOT, ROUTINE_PAGE, AdwNavigationPage)

UnknotRoutinePlayer *unknot_routine_page_get_player   (UnknotRoutinePage   *self);
gboolean             unknot_routine_page_get_editable (UnknotRoutinePage   *self);

G_END_DECLS
