/* unknot-hold.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hold in progress: which technique and step the hold timer is running, and the
 * person's rules for a hold (their default length, and whether one-sided steps run on
 * both sides). Everything that starts a hold from a step, or asks how long a step's
 * hold should be, asks here, so the rules live in one place.
 */

#define G_LOG_DOMAIN "unknot-hold"

#include "config.h"

#include "unknot-hold.h"

struct _UnknotHold
{
  GObject          parent_instance;

  UnknotHoldTimer *timer;
  GSettings       *settings;
  UnknotTechnique *technique;
  UnknotStep      *step;
  guint            run;      /* the timer's run that is a step's hold, or 0 */
  char            *region_id; /* the map region the hold is for, if the person chose one */
};

G_DEFINE_FINAL_TYPE (UnknotHold, unknot_hold, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIMER,
  PROP_SETTINGS,
  PROP_TECHNIQUE,
  PROP_STEP,
  N_PROPS
};

enum {
  SIGNAL_STARTED,
  SIGNAL_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The timer also counts a routine's get-ready pauses: only the end of a step's hold is
 * the end of a hold. */
static void
on_timer_finished_cb (UnknotHold *self)
{
  if (self->run != 0 && self->run == unknot_hold_timer_get_run (self->timer))
    g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
}

static void
unknot_hold_constructed (GObject *object)
{
  UnknotHold *self = UNKNOT_HOLD (object);

  G_OBJECT_CLASS (unknot_hold_parent_class)->constructed (object);

  if (self->timer == NULL)
    self->timer = unknot_hold_timer_new ();
  g_signal_connect_object (self->timer, "finished", G_CALLBACK (on_timer_finished_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
unknot_hold_dispose (GObject *object)
{
  UnknotHold *self = UNKNOT_HOLD (object);

  g_clear_object (&self->timer);
  g_clear_object (&self->settings);
  g_clear_object (&self->technique);
  g_clear_object (&self->step);

  G_OBJECT_CLASS (unknot_hold_parent_class)->dispose (object);
}

static void
unknot_hold_finalize (GObject *object)
{
  UnknotHold *self = UNKNOT_HOLD (object);

  g_free (self->region_id);

  G_OBJECT_CLASS (unknot_hold_parent_class)->finalize (object);
}

static void
unknot_hold_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  UnknotHold *self = UNKNOT_HOLD (object);

  switch (prop_id)
    {
    case PROP_TIMER:
      g_value_set_object (value, self->timer);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_TECHNIQUE:
      g_value_set_object (value, self->technique);
      break;

    case PROP_STEP:
      g_value_set_object (value, self->step);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_hold_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  UnknotHold *self = UNKNOT_HOLD (object);

  switch (prop_id)
    {
    case PROP_TIMER:
      self->timer = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_hold_class_init (UnknotHoldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = unknot_hold_constructed;
  object_class->dispose = unknot_hold_dispose;
  object_class->finalize = unknot_hold_finalize;
  object_class->get_property = unknot_hold_get_property;
  object_class->set_property = unknot_hold_set_property;

  /**
   * UnknotHold:timer:
   *
   * The hold timer that runs the hold (a new one when none is given).
   */
  properties[PROP_TIMER] =
    g_param_spec_object ("timer", NULL, NULL, UNKNOT_TYPE_HOLD_TIMER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotHold:settings:
   *
   * Where the person's default hold length and the both-sides choice are kept; without
   * settings, holds last %UNKNOT_HOLD_DEFAULT_SECONDS and run on one side.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TECHNIQUE] =
    g_param_spec_object ("technique", NULL, NULL, UNKNOT_TYPE_TECHNIQUE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STEP] =
    g_param_spec_object ("step", NULL, NULL, UNKNOT_TYPE_STEP,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UnknotHold::started:
   *
   * A hold of a technique's step was started; the window shows it.
   */
  signals[SIGNAL_STARTED] =
    g_signal_new ("started",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * UnknotHold::finished:
   *
   * A step's hold ran to its end (not a routine's get-ready count, nor a hold that
   * something else started on the timer since).
   */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
unknot_hold_init (UnknotHold *self)
{
}

/**
 * unknot_hold_new:
 * @timer: (nullable): the timer to run holds on, or %NULL for a new one
 * @settings: (nullable): the person's settings
 */
UnknotHold *
unknot_hold_new (UnknotHoldTimer *timer,
                 GSettings       *settings)
{
  return g_object_new (UNKNOT_TYPE_HOLD,
                       "timer", timer,
                       "settings", settings,
                       NULL);
}

/**
 * unknot_hold_get_timer:
 *
 * Returns: (transfer none): the timer, which also runs routines
 */
UnknotHoldTimer *
unknot_hold_get_timer (UnknotHold *self)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD (self), NULL);
  return self->timer;
}

/**
 * unknot_hold_get_technique:
 *
 * Returns: (transfer none) (nullable): the technique of the last hold started from a step
 */
UnknotTechnique *
unknot_hold_get_technique (UnknotHold *self)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD (self), NULL);
  return self->technique;
}

/**
 * unknot_hold_get_step:
 *
 * Returns: (transfer none) (nullable): the step of the last hold started from a step
 */
UnknotStep *
unknot_hold_get_step (UnknotHold *self)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD (self), NULL);
  return self->step;
}

/* Whether the person asked for one-sided holds to run on both sides. */
gboolean
unknot_hold_get_both_sides (UnknotHold *self)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD (self), FALSE);

  return self->settings != NULL && g_settings_get_boolean (self->settings, "both-sides");
}

/* The person's default hold length, in seconds. */
guint
unknot_hold_get_preferred_seconds (UnknotHold *self)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD (self), UNKNOT_HOLD_DEFAULT_SECONDS);

  if (self->settings == NULL)
    return UNKNOT_HOLD_DEFAULT_SECONDS;

  return g_settings_get_int (self->settings, "hold-seconds");
}

/**
 * unknot_hold_suggest_seconds:
 *
 * Returns: how long @step's hold should last for this person: their default length,
 *   kept within the step's range
 */
guint
unknot_hold_suggest_seconds (UnknotHold *self,
                             UnknotStep *step)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD (self), 0);
  g_return_val_if_fail (UNKNOT_IS_STEP (step), 0);

  return unknot_step_suggest_seconds (step, unknot_hold_get_preferred_seconds (self));
}

/* Whether @step's hold runs left, then right. */
gboolean
unknot_hold_step_is_both_sides (UnknotHold *self,
                                UnknotStep *step)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD (self), FALSE);
  g_return_val_if_fail (UNKNOT_IS_STEP (step), FALSE);

  return unknot_step_is_one_sided (step) && unknot_hold_get_both_sides (self);
}

static void
run_step (UnknotHold      *self,
          UnknotTechnique *technique,
          const char      *region_id,
          UnknotStep      *step,
          guint            seconds,
          gboolean         both_sides)
{
  g_set_str (&self->region_id, region_id != NULL && *region_id != '\0' ? region_id : NULL);
  if (g_set_object (&self->technique, technique))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TECHNIQUE]);
  if (g_set_object (&self->step, step))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);

  unknot_hold_timer_start (self->timer, seconds, both_sides);
  self->run = unknot_hold_timer_get_run (self->timer);
}

/**
 * unknot_hold_start:
 * @region_id: (nullable): the map region the person opened the technique for
 * @seconds: the hold's length; 0 for the step's suggested length
 *
 * Starts a timed hold of @technique's @step, on both sides when the step is one-sided
 * and the person asked for that.
 */
void
unknot_hold_start (UnknotHold      *self,
                   UnknotTechnique *technique,
                   const char      *region_id,
                   UnknotStep      *step,
                   guint            seconds)
{
  g_return_if_fail (UNKNOT_IS_HOLD (self));
  g_return_if_fail (UNKNOT_IS_TECHNIQUE (technique));
  g_return_if_fail (UNKNOT_IS_STEP (step));

  if (seconds == 0)
    seconds = unknot_hold_suggest_seconds (self, step);
  if (seconds == 0)
    seconds = UNKNOT_HOLD_DEFAULT_SECONDS;

  run_step (self, technique, region_id, step, seconds, unknot_hold_step_is_both_sides (self, step));
  g_signal_emit (self, signals[SIGNAL_STARTED], 0);
}

/**
 * unknot_hold_get_region_id:
 *
 * Returns: (nullable): the map region the hold in progress is for, when the person
 *   opened its technique from one
 */
const char *
unknot_hold_get_region_id (UnknotHold *self)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD (self), NULL);
  return self->region_id;
}

/**
 * unknot_hold_get_total_seconds:
 *
 * Returns: how long the hold in progress lasts in all, both sides and any seconds
 *   added; 0 when no hold was started
 */
guint
unknot_hold_get_total_seconds (UnknotHold *self)
{
  g_return_val_if_fail (UNKNOT_IS_HOLD (self), 0);

  if (self->run == 0)
    return 0;

  return unknot_hold_timer_get_hold_seconds (self->timer) *
         (unknot_hold_timer_get_both_sides (self->timer) ? 2 : 1);
}

/**
 * unknot_hold_start_in_routine:
 *
 * A routine's hold of @technique's @step: the hold in progress like any other (its end
 * chimes and offers to log it), but the routine's page stays where it is.
 */
void
unknot_hold_start_in_routine (UnknotHold      *self,
                              UnknotTechnique *technique,
                              UnknotStep      *step,
                              guint            seconds,
                              gboolean         both_sides)
{
  g_return_if_fail (UNKNOT_IS_HOLD (self));
  g_return_if_fail (UNKNOT_IS_TECHNIQUE (technique));
  g_return_if_fail (UNKNOT_IS_STEP (step));
  g_return_if_fail (seconds > 0);

  run_step (self, technique, NULL, step, seconds, both_sides);
}

/**
 * unknot_hold_restart:
 *
 * "Start Again": the last step's hold from the beginning, at its suggested length; a
 * plain hold of the default length when no step was held yet.
 */
void
unknot_hold_restart (UnknotHold *self)
{
  g_return_if_fail (UNKNOT_IS_HOLD (self));

  if (self->step != NULL)
    {
      guint seconds = unknot_hold_suggest_seconds (self, self->step);

      unknot_hold_timer_start (self->timer,
                               seconds ? seconds : UNKNOT_HOLD_DEFAULT_SECONDS,
                               unknot_hold_step_is_both_sides (self, self->step));
    }
  else
    {
      unknot_hold_timer_start (self->timer, unknot_hold_get_preferred_seconds (self),
                               unknot_hold_timer_get_both_sides (self->timer));
    }
  self->run = unknot_hold_timer_get_run (self->timer);
}
