/* unknot-routine-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "unknot-routine-player.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_ROUTINE_PAGE (unknot_routine_page_get_type ())

G_DECLARE_FINAL_TYPE (UnknotRoutinePage, unknot_routine_page, UNKNOT, ROUTINE_PAGE, AdwNavigationPage)

UnknotRoutinePage   *unknot_routine_page_new        (UnknotRoutinePlayer *player,
                                                     GSettings           *settings);
UnknotRoutinePlayer *unknot_routine_page_get_player (UnknotRoutinePage   *self);
void                 unknot_routine_page_set_editable (UnknotRoutinePage *self,
                                                       gboolean           editable);
gboolean             unknot_routine_page_get_editable (UnknotRoutinePage *self);
void                 unknot_routine_page_focus_hold   (UnknotRoutinePage *self,
                                                       const char        *technique_id);

G_END_DECLS
