/* unknot-routine-player.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs a routine on the hold timer, hands-free: a short get-ready count, then the
 * hold, then the next one, until the end. Pause, skip and back work at any point.
 */

#define G_LOG_DOMAIN "unknot-routine-player"

#include "config.h"

#include "unknot-routine-player.h"

struct _UnknotRoutinePlayer
{
  GObject             parent_instance;

  UnknotRoutine      *routine;
  UnknotHold         *hold;
  UnknotHoldTimer    *timer;
  UnknotRoutinePhase  phase;
  guint               position;
};

G_DEFINE_FINAL_TYPE (UnknotRoutinePlayer, unknot_routine_player, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
enter (UnknotRoutinePlayer *self,
       UnknotRoutinePhase   phase,
       guint                position)
{
  self->phase = phase;
  self->position = position;

  switch (phase)
    {
    case UNKNOT_ROUTINE_GET_READY:
      unknot_hold_timer_start (self->timer, UNKNOT_ROUTINE_GET_READY_SECONDS, FALSE);
      break;

    case UNKNOT_ROUTINE_HOLD:
      unknot_hold_start_in_routine (self->hold,
                                    unknot_routine_get_technique (self->routine, position),
                                    unknot_routine_get_step (self->routine, position),
                                    unknot_routine_get_seconds (self->routine, position),
                                    unknot_routine_hold_is_both_sides (self->routine, position));
      break;

    case UNKNOT_ROUTINE_DONE:
    case UNKNOT_ROUTINE_NOT_STARTED:
    default:
      unknot_hold_timer_reset (self->timer);
      break;
    }

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* What comes after the current phase. */
static void
advance (UnknotRoutinePlayer *self)
{
  if (self->phase == UNKNOT_ROUTINE_GET_READY)
    enter (self, UNKNOT_ROUTINE_HOLD, self->position);
  else if (self->position + 1 < unknot_routine_get_n_holds (self->routine))
    enter (self, UNKNOT_ROUTINE_GET_READY, self->position + 1);
  else
    enter (self, UNKNOT_ROUTINE_DONE, self->position);
}

static void
on_timer_finished_cb (UnknotRoutinePlayer *self)
{
  if (self->phase == UNKNOT_ROUTINE_GET_READY || self->phase == UNKNOT_ROUTINE_HOLD)
    advance (self);
}

static void
unknot_routine_player_dispose (GObject *object)
{
  UnknotRoutinePlayer *self = UNKNOT_ROUTINE_PLAYER (object);

  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_data (self->timer, self);
  g_clear_object (&self->timer);
  g_clear_object (&self->hold);
  g_clear_object (&self->routine);

  G_OBJECT_CLASS (unknot_routine_player_parent_class)->dispose (object);
}

static void
unknot_routine_player_class_init (UnknotRoutinePlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_routine_player_dispose;

  /**
   * UnknotRoutinePlayer::changed:
   *
   * The phase or the position changed.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
unknot_routine_player_init (UnknotRoutinePlayer *self)
{
}

UnknotRoutinePlayer *
unknot_routine_player_new (UnknotRoutine *routine,
                           UnknotHold    *hold)
{
  UnknotRoutinePlayer *self;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (UNKNOT_IS_HOLD (hold), NULL);

  self = g_object_new (UNKNOT_TYPE_ROUTINE_PLAYER, NULL);
  self->routine = g_object_ref (routine);
  self->hold = g_object_ref (hold);
  self->timer = g_object_ref (unknot_hold_get_timer (hold));
  g_signal_connect_swapped (self->timer, "finished", G_CALLBACK (on_timer_finished_cb), self);

  return self;
}

void
unknot_routine_player_start (UnknotRoutinePlayer *self)
{
  g_return_if_fail (UNKNOT_IS_ROUTINE_PLAYER (self));

  if (unknot_routine_get_n_holds (self->routine) == 0)
    enter (self, UNKNOT_ROUTINE_DONE, 0);
  else
    enter (self, UNKNOT_ROUTINE_GET_READY, 0);
}

/* On to what comes next, now. */
void
unknot_routine_player_skip (UnknotRoutinePlayer *self)
{
  g_return_if_fail (UNKNOT_IS_ROUTINE_PLAYER (self));

  if (self->phase == UNKNOT_ROUTINE_GET_READY || self->phase == UNKNOT_ROUTINE_HOLD)
    advance (self);
}

/* Back to the start of the previous hold (or of this one, if it is the first). */
void
unknot_routine_player_back (UnknotRoutinePlayer *self)
{
  g_return_if_fail (UNKNOT_IS_ROUTINE_PLAYER (self));

  if (self->phase == UNKNOT_ROUTINE_NOT_STARTED || unknot_routine_get_n_holds (self->routine) == 0)
    return;

  enter (self, UNKNOT_ROUTINE_GET_READY, self->position > 0 ? self->position - 1 : 0);
}

void
unknot_routine_player_toggle_pause (UnknotRoutinePlayer *self)
{
  g_return_if_fail (UNKNOT_IS_ROUTINE_PLAYER (self));

  if (unknot_hold_timer_get_state (self->timer) == UNKNOT_HOLD_TIMER_PAUSED)
    unknot_hold_timer_resume (self->timer);
  else
    unknot_hold_timer_pause (self->timer);
}

UnknotRoutinePhase
unknot_routine_player_get_phase (UnknotRoutinePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PLAYER (self), UNKNOT_ROUTINE_NOT_STARTED);
  return self->phase;
}

guint
unknot_routine_player_get_position (UnknotRoutinePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PLAYER (self), 0);
  return self->position;
}

UnknotRoutine *
unknot_routine_player_get_routine (UnknotRoutinePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PLAYER (self), NULL);
  return self->routine;
}

UnknotHoldTimer *
unknot_routine_player_get_timer (UnknotRoutinePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PLAYER (self), NULL);
  return self->timer;
}
