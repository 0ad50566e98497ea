/* unknot-hold-timer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_HOLD_TIMER (unknot_hold_timer_get_type ())
#define UNKNOT_TYPE_HOLD_TIMER_STATE (unknot_hold_timer_state_get_type ())

/* The pause between the two sides of a both-sides hold. */
#define UNKNOT_HOLD_TIMER_SWITCH_SECONDS 5

typedef enum {
  UNKNOT_HOLD_TIMER_IDLE,
  UNKNOT_HOLD_TIMER_RUNNING,
  UNKNOT_HOLD_TIMER_PAUSED,
  UNKNOT_HOLD_TIMER_SWITCHING,
  UNKNOT_HOLD_TIMER_FINISHED,
} UnknotHoldTimerState;

/* A monotonic clock in microseconds; tests pass one they advance themselves. */
typedef gint64 (*UnknotClockFunc) (gpointer user_data);

GType unknot_hold_timer_state_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (UnknotHoldTimer, unknot_hold_timer, UNKNOT, HOLD_TIMER, GObject)

UnknotHoldTimer      *unknot_hold_timer_new           (void);
void                  unknot_hold_timer_set_clock     (UnknotHoldTimer *self,
                                                       UnknotClockFunc  clock,
                                                       gpointer         clock_data);
void                  unknot_hold_timer_start         (UnknotHoldTimer *self,
                                                       guint            seconds,
                                                       gboolean         both_sides);
void                  unknot_hold_timer_pause         (UnknotHoldTimer *self);
void                  unknot_hold_timer_resume        (UnknotHoldTimer *self);
void                  unknot_hold_timer_add_seconds   (UnknotHoldTimer *self,
                                                       guint            seconds);
void                  unknot_hold_timer_skip          (UnknotHoldTimer *self);
void                  unknot_hold_timer_reset         (UnknotHoldTimer *self);
void                  unknot_hold_timer_update        (UnknotHoldTimer *self);
UnknotHoldTimerState  unknot_hold_timer_get_state     (UnknotHoldTimer *self);
guint                 unknot_hold_timer_get_side      (UnknotHoldTimer *self);
gboolean              unknot_hold_timer_get_both_sides (UnknotHoldTimer *self);
gint64                unknot_hold_timer_get_duration  (UnknotHoldTimer *self);
gint64                unknot_hold_timer_get_elapsed   (UnknotHoldTimer *self);
gint64                unknot_hold_timer_get_remaining (UnknotHoldTimer *self);
gint64                unknot_hold_timer_get_finished_at (UnknotHoldTimer *self);
guint                 unknot_hold_timer_get_run       (UnknotHoldTimer *self);
guint                 unknot_hold_timer_get_hold_seconds (UnknotHoldTimer *self);

G_END_DECLS
