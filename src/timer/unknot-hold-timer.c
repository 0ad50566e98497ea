/* unknot-hold-timer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hold timer's model, without GTK: a hold of some seconds, optionally on both
 * sides with a short pause to switch between them. Time comes from an injectable
 * monotonic clock, so tests advance it without sleeping.
 *
 * The timer never counts ticks. It keeps when the current phase started and how much
 * of it had passed before, and derives everything from the clock, so it finishes on
 * time whatever the frame rate and pausing cannot drift. Each phase ends exactly where
 * the last one did, not when the process happened to notice. With the real clock, a
 * GSource wakes the main loop once, at the exact end of the phase.
 */

#define G_LOG_DOMAIN "unknot-hold-timer"

#include "config.h"

#include "unknot-hold-timer.h"

#define PRE_WAKE_USEC G_USEC_PER_SEC

struct _UnknotHoldTimer
{
  GObject               parent_instance;

  UnknotClockFunc       clock;
  gpointer              clock_data;
  GSource              *deadline;

  UnknotHoldTimerState  state;
  UnknotHoldTimerState  paused_from;
  guint                 side;
  gboolean              both_sides;
  gint64                hold_duration;
  gint64                duration;
  gint64                accumulated;
  gint64                started_at;
  gint64                finished_at;
  guint                 run;
};

G_DEFINE_FINAL_TYPE (UnknotHoldTimer, unknot_hold_timer, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (UnknotHoldTimerState, unknot_hold_timer_state,
  G_DEFINE_ENUM_VALUE (UNKNOT_HOLD_TIMER_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (UNKNOT_HOLD_TIMER_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (UNKNOT_HOLD_TIMER_PAUSED, "paused"),
  G_DEFINE_ENUM_VALUE (UNKNOT_HOLD_TIMER_SWITCHING, "switching"),
  G_DEFINE_ENUM_VALUE (UNKNOT_HOLD_TIMER_FINISHED, "finished"))

enum {
  PROP_0,
  PROP_STATE,
  PROP_SIDE,
  N_PROPS
};

enum {
  SIGNAL_FINISHED,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gint64
real_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static gint64
now (UnknotHoldTimer *self)
{
  return self->clock (self->clock_data);
}

static gboolean
is_counting (UnknotHoldTimerState state)
{
  return state == UNKNOT_HOLD_TIMER_RUNNING || state == UNKNOT_HOLD_TIMER_SWITCHING;
}

static gboolean
deadline_dispatch (GSource     *source,
                   GSourceFunc  callback,
                   gpointer     user_data)
{
  return callback (user_data);
}

static GSourceFuncs deadline_funcs = { NULL, NULL, deadline_dispatch, NULL, NULL, NULL };

static gboolean
on_deadline_cb (gpointer user_data)
{
  unknot_hold_timer_update (user_data);

  return G_SOURCE_CONTINUE;
}

/* Wakes the main loop once, at the exact end of the running phase. */
static void
reschedule (UnknotHoldTimer *self)
{
  if (self->clock != real_clock)
    return;

  if (self->deadline == NULL)
    {
      self->deadline = g_source_new (&deadline_funcs, sizeof (GSource));
      g_source_set_static_name (self->deadline, "[unknot] hold timer deadline");
      g_source_set_callback (self->deadline, on_deadline_cb, self, NULL);
      g_source_attach (self->deadline, g_main_context_get_thread_default ());
    }

  if (is_counting (self->state))
    {
      gint64 end = self->started_at + self->duration - self->accumulated;

      /* Linux lets a long poll() oversleep by 0.1 % of its timeout (30 ms on a 30 s
       * hold), so a far deadline first wakes us a second early; the last short wait
       * is then accurate to about a millisecond. */
      if (end - now (self) > 2 * PRE_WAKE_USEC)
        end -= PRE_WAKE_USEC;

      g_source_set_ready_time (self->deadline, end);
    }
  else
    {
      g_source_set_ready_time (self->deadline, -1);
    }
}

static void
set_state (UnknotHoldTimer      *self,
           UnknotHoldTimerState  state,
           guint                 side)
{
  gboolean state_changed = self->state != state;
  gboolean side_changed = self->side != side;

  self->state = state;
  self->side = side;

  if (state_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  if (side_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE]);

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Ends the current phase at @at and begins the next one there. */
static void
advance_phase (UnknotHoldTimer *self,
               gint64           at)
{
  self->accumulated = 0;
  self->started_at = at;

  if (self->state == UNKNOT_HOLD_TIMER_RUNNING && self->both_sides && self->side == 1)
    {
      self->duration = (gint64) UNKNOT_HOLD_TIMER_SWITCH_SECONDS * G_USEC_PER_SEC;
      set_state (self, UNKNOT_HOLD_TIMER_SWITCHING, 1);
    }
  else if (self->state == UNKNOT_HOLD_TIMER_SWITCHING)
    {
      self->duration = self->hold_duration;
      set_state (self, UNKNOT_HOLD_TIMER_RUNNING, 2);
    }
  else
    {
      self->accumulated = self->duration;
      self->finished_at = at;
      set_state (self, UNKNOT_HOLD_TIMER_FINISHED, self->side);
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
    }
}

static void
unknot_hold_timer_dispose (GObject *object)
{
  UnknotHoldTimer *self = UNKNOT_HOLD_TIMER (object);

  if (self->deadline != NULL)
    {
      g_source_destroy (self->deadline);
      g_clear_pointer (&self->deadline, g_source_unref);
    }

  G_OBJECT_CLASS (unknot_hold_timer_parent_class)->dispose (object);
}

static void
unknot_hold_timer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UnknotHoldTimer *self = UNKNOT_HOLD_TIMER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_SIDE:
      g_value_set_uint (value, self->side);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_hold_timer_class_init (UnknotHoldTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_hold_timer_dispose;
  object_class->get_property = unknot_hold_timer_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       UNKNOT_TYPE_HOLD_TIMER_STATE, UNKNOT_HOLD_TIMER_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotHoldTimer:side:
   *
   * 0 when idle, 1 for the first (or only) side, 2 for the second.
   */
  properties[PROP_SIDE] =
    g_param_spec_uint ("side", NULL, NULL, 0, 2, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UnknotHoldTimer::finished:
   *
   * The hold (both sides of it, if asked) has ended. Emitted once per hold.
   */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * UnknotHoldTimer::changed:
   *
   * The time to go changed other than by passing: a start, a new phase, +10 s or a
   * reset. Views redraw on it.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
unknot_hold_timer_init (UnknotHoldTimer *self)
{
  self->clock = real_clock;
}

UnknotHoldTimer *
unknot_hold_timer_new (void)
{
  return g_object_new (UNKNOT_TYPE_HOLD_TIMER, NULL);
}

/**
 * unknot_hold_timer_set_clock:
 * @clock: (nullable): the clock, or %NULL for the real monotonic clock
 *
 * With a clock of its own, the timer does not wake itself: whoever advances the clock
 * calls unknot_hold_timer_update().
 */
void
unknot_hold_timer_set_clock (UnknotHoldTimer *self,
                             UnknotClockFunc  clock,
                             gpointer         clock_data)
{
  g_return_if_fail (UNKNOT_IS_HOLD_TIMER (self));
  g_return_if_fail (self->state == UNKNOT_HOLD_TIMER_IDLE);

  self->clock = clock ? clock : real_clock;
  self->clock_data = clock_data;
}

void
unknot_hold_timer_start (UnknotHoldTimer *self,
                         guint            seconds,
                         gboolean         both_sides)
{
  g_return_if_fail (UNKNOT_IS_HOLD_TIMER (self));
  g_return_if_fail (seconds > 0);

  self->run++;
  self->both_sides = both_sides;
  self->hold_duration = self->duration = (gint64) seconds * G_USEC_PER_SEC;
  self->accumulated = 0;
  self->finished_at = 0;
  self->started_at = now (self);
  set_state (self, UNKNOT_HOLD_TIMER_RUNNING, 1);
  reschedule (self);
}

void
unknot_hold_timer_pause (UnknotHoldTimer *self)
{
  g_return_if_fail (UNKNOT_IS_HOLD_TIMER (self));

  unknot_hold_timer_update (self);
  if (!is_counting (self->state))
    return;

  self->accumulated += now (self) - self->started_at;
  self->paused_from = self->state;
  set_state (self, UNKNOT_HOLD_TIMER_PAUSED, self->side);
  reschedule (self);
}

void
unknot_hold_timer_resume (UnknotHoldTimer *self)
{
  g_return_if_fail (UNKNOT_IS_HOLD_TIMER (self));

  if (self->state != UNKNOT_HOLD_TIMER_PAUSED)
    return;

  self->started_at = now (self);
  set_state (self, self->paused_from, self->side);
  reschedule (self);
}

/* Lengthens the hold (both sides of it), running or paused. */
void
unknot_hold_timer_add_seconds (UnknotHoldTimer *self,
                               guint            seconds)
{
  gint64 extra = (gint64) seconds * G_USEC_PER_SEC;
  UnknotHoldTimerState phase;

  g_return_if_fail (UNKNOT_IS_HOLD_TIMER (self));

  unknot_hold_timer_update (self);
  phase = self->state == UNKNOT_HOLD_TIMER_PAUSED ? self->paused_from : self->state;
  if (phase != UNKNOT_HOLD_TIMER_RUNNING && phase != UNKNOT_HOLD_TIMER_SWITCHING)
    return;

  self->hold_duration += extra;
  if (phase == UNKNOT_HOLD_TIMER_RUNNING)
    self->duration += extra;
  reschedule (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Ends the current phase now: the first side goes to the switch, the switch to the
 * second side, the last side to the end. */
void
unknot_hold_timer_skip (UnknotHoldTimer *self)
{
  g_return_if_fail (UNKNOT_IS_HOLD_TIMER (self));

  if (self->state == UNKNOT_HOLD_TIMER_PAUSED)
    self->state = self->paused_from;
  if (!is_counting (self->state))
    return;

  advance_phase (self, now (self));
  reschedule (self);
}

void
unknot_hold_timer_reset (UnknotHoldTimer *self)
{
  g_return_if_fail (UNKNOT_IS_HOLD_TIMER (self));

  self->both_sides = FALSE;
  self->hold_duration = self->duration = 0;
  self->accumulated = 0;
  self->finished_at = 0;
  set_state (self, UNKNOT_HOLD_TIMER_IDLE, 0);
  reschedule (self);
}

/**
 * unknot_hold_timer_update:
 *
 * Brings the timer up to the clock: ends every phase whose time is up, each exactly
 * at its own end. The real clock's deadline calls it; a test calls it after advancing
 * its clock.
 */
void
unknot_hold_timer_update (UnknotHoldTimer *self)
{
  gint64 t;

  g_return_if_fail (UNKNOT_IS_HOLD_TIMER (self));

  t = now (self);
  while (is_counting (self->state) && self->accumulated + (t - self->started_at) >= self->duration)
    advance_phase (self, self->started_at + self->duration - self->accumulated);

  reschedule (self);
}

UnknotHoldTimerState
unknot_hold_timer_get_state (UnknotHoldTimer *self)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD_TIMER (self), UNKNOT_HOLD_TIMER_IDLE);
  return self->state;
}

guint
unknot_hold_timer_get_side (UnknotHoldTimer *self)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD_TIMER (self), 0);
  return self->side;
}

gboolean
unknot_hold_timer_get_both_sides (UnknotHoldTimer *self)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD_TIMER (self), FALSE);
  return self->both_sides;
}

/* The length of the current phase (a hold, or the switch), in microseconds. */
gint64
unknot_hold_timer_get_duration (UnknotHoldTimer *self)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD_TIMER (self), 0);
  return self->duration;
}

/* How much of the current phase has passed, in microseconds, never past its end. */
gint64
unknot_hold_timer_get_elapsed (UnknotHoldTimer *self)
{
  gint64 elapsed;

  g_return_val_if_fail (UNKNOT_IS_HOLD_TIMER (self), 0);

  elapsed = self->accumulated;
  if (is_counting (self->state))
    elapsed += now (self) - self->started_at;

  return CLAMP (elapsed, 0, self->duration);
}

gint64
unknot_hold_timer_get_remaining (UnknotHoldTimer *self)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD_TIMER (self), 0);
  return self->duration - unknot_hold_timer_get_elapsed (self);
}

/* The length of one side of the hold, with any seconds added, in whole seconds. */
guint
unknot_hold_timer_get_hold_seconds (UnknotHoldTimer *self)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD_TIMER (self), 0);
  return (guint) (self->hold_duration / G_USEC_PER_SEC);
}

/* Counts the holds started on this timer: whoever starts one can tell later whether
 * the hold that ends is still theirs. */
guint
unknot_hold_timer_get_run (UnknotHoldTimer *self)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD_TIMER (self), 0);
  return self->run;
}

/* The clock's time at which the hold finished, or 0. */
gint64
unknot_hold_timer_get_finished_at (UnknotHoldTimer *self)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD_TIMER (self), 0);
  return self->finished_at;
}
