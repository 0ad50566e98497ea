/* unknot-routine-player.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "timer/unknot-hold.h"
#include "unknot-routine.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_ROUTINE_PLAYER (unknot_routine_player_get_type ())

typedef enum {
  UNKNOT_ROUTINE_NOT_STARTED,
  UNKNOT_ROUTINE_GET_READY,
  UNKNOT_ROUTINE_HOLD,
  UNKNOT_ROUTINE_DONE,
} UnknotRoutinePhase;

G_DECLARE_FINAL_TYPE (UnknotRoutinePlayer, unknot_routine_player, UNKNOT, ROUTINE_PLAYER, GObject)

UnknotRoutinePlayer *unknot_routine_player_new          (UnknotRoutine       *routine,
                                                         UnknotHold          *hold);
void                 unknot_routine_player_start        (UnknotRoutinePlayer *self);
void                 unknot_routine_player_skip         (UnknotRoutinePlayer *self);
void                 unknot_routine_player_back         (UnknotRoutinePlayer *self);
void                 unknot_routine_player_toggle_pause (UnknotRoutinePlayer *self);
UnknotRoutinePhase   unknot_routine_player_get_phase    (UnknotRoutinePlayer *self);
guint                unknot_routine_player_get_position (UnknotRoutinePlayer *self);
UnknotRoutine       *unknot_routine_player_get_routine  (UnknotRoutinePlayer *self);
UnknotHoldTimer     *unknot_routine_player_get_timer    (UnknotRoutinePlayer *self);

G_END_DECLS
