/* test-hold.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hold in progress and the person's hold rules: how long a step's hold lasts, when
 * it runs on both sides, and what "Start Again" starts. A fake clock: no test sleeps.
 */

#include "config.h"

#include "catalog/unknot-catalog.h"
#include "timer/unknot-hold.h"

#define SEC G_USEC_PER_SEC

typedef struct
{
  UnknotCatalog   *catalog;
  GSettings       *settings;
  UnknotHoldTimer *timer;
  UnknotHold      *hold;
  gint64           now;
  guint            started;
  guint            finished;
} Fixture;

static gint64
fake_clock (gpointer data)
{
  Fixture *fixture = data;

  return fixture->now;
}

static void
on_started_cb (UnknotHold *hold,
               Fixture    *fixture)
{
  fixture->started++;
}

static void
on_finished_cb (UnknotHold *hold,
                Fixture    *fixture)
{
  fixture->finished++;
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  fixture->catalog = unknot_catalog_new_default ();
  fixture->settings = g_settings_new ("io.github.unknot.Unknot");
  g_settings_reset (fixture->settings, "hold-seconds");
  g_settings_reset (fixture->settings, "both-sides");
  fixture->now = 1000 * SEC;
  fixture->timer = unknot_hold_timer_new ();
  unknot_hold_timer_set_clock (fixture->timer, fake_clock, fixture);
  fixture->hold = unknot_hold_new (fixture->timer, fixture->settings);
  g_signal_connect (fixture->hold, "started", G_CALLBACK (on_started_cb), fixture);
  g_signal_connect (fixture->hold, "finished", G_CALLBACK (on_finished_cb), fixture);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_finalize_object (fixture->hold);
  g_assert_finalize_object (fixture->timer);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->catalog);
}

static UnknotStep *
step_of (Fixture    *fixture,
         const char *technique_id,
         guint       number,
         UnknotTechnique **technique)
{
  *technique = unknot_catalog_lookup_technique (fixture->catalog, technique_id);
  g_assert_nonnull (*technique);

  return g_list_model_get_item (unknot_technique_get_steps (*technique), number - 1);
}

/* The person's default length, kept inside the step's own range. */
static void
test_suggested_length (Fixture       *fixture,
                       gconstpointer  data)
{
  UnknotTechnique *upper, *lower;
  g_autoptr(UnknotStep) upper_hold = step_of (fixture, "foam-roller-upper-back", 4, &upper);
  g_autoptr(UnknotStep) lower_hold = step_of (fixture, "foam-roller-lower-back", 4, &lower);
  g_autoptr(UnknotHold) no_settings = unknot_hold_new (NULL, NULL);

  g_assert_cmpuint (unknot_step_get_hold_max (upper_hold), ==, 60);
  g_assert_cmpuint (unknot_step_get_hold_max (lower_hold), ==, 40);

  g_assert_cmpuint (unknot_hold_suggest_seconds (fixture->hold, upper_hold), ==, 30);
  g_settings_set_int (fixture->settings, "hold-seconds", 45);
  g_assert_cmpuint (unknot_hold_suggest_seconds (fixture->hold, upper_hold), ==, 45);
  g_assert_cmpuint (unknot_hold_suggest_seconds (fixture->hold, lower_hold), ==, 40);
  g_settings_set_int (fixture->settings, "hold-seconds", 10);
  g_assert_cmpuint (unknot_hold_suggest_seconds (fixture->hold, upper_hold), ==, 20);

  /* Without the person's settings, the one default. */
  g_assert_cmpuint (unknot_hold_get_preferred_seconds (no_settings), ==, UNKNOT_HOLD_DEFAULT_SECONDS);
  g_assert_cmpuint (unknot_hold_suggest_seconds (no_settings, upper_hold), ==, UNKNOT_HOLD_DEFAULT_SECONDS);
  g_assert_false (unknot_hold_step_is_both_sides (no_settings, lower_hold));
}

/* Both sides only for a one-sided step, and only when the person asked for it. */
static void
test_both_sides_rule (Fixture       *fixture,
                      gconstpointer  data)
{
  UnknotTechnique *upper, *lower;
  g_autoptr(UnknotStep) upper_hold = step_of (fixture, "foam-roller-upper-back", 4, &upper);
  g_autoptr(UnknotStep) lower_hold = step_of (fixture, "foam-roller-lower-back", 4, &lower);

  g_assert_false (unknot_step_is_one_sided (upper_hold));
  g_assert_true (unknot_step_is_one_sided (lower_hold));

  unknot_hold_start (fixture->hold, lower, NULL, lower_hold, 0);
  g_assert_false (unknot_hold_timer_get_both_sides (fixture->timer));
  g_assert_cmpint (unknot_hold_timer_get_duration (fixture->timer), ==, 30 * SEC);

  g_settings_set_boolean (fixture->settings, "both-sides", TRUE);
  unknot_hold_start (fixture->hold, lower, NULL, lower_hold, 0);
  g_assert_true (unknot_hold_timer_get_both_sides (fixture->timer));
  unknot_hold_start (fixture->hold, upper, NULL, upper_hold, 0);
  g_assert_false (unknot_hold_timer_get_both_sides (fixture->timer));

  g_assert_cmpuint (fixture->started, ==, 3);
  g_assert_true (unknot_hold_get_technique (fixture->hold) == upper);
  g_assert_true (unknot_hold_get_step (fixture->hold) == upper_hold);
}

/* "Start Again" after a hold that was lengthened: the step's suggested length, not
 * its maximum and not what it grew to. */
static void
test_start_again (Fixture       *fixture,
                  gconstpointer  data)
{
  UnknotTechnique *upper;
  g_autoptr(UnknotStep) upper_hold = step_of (fixture, "foam-roller-upper-back", 4, &upper);

  g_settings_set_int (fixture->settings, "hold-seconds", 35);
  unknot_hold_start (fixture->hold, upper, NULL, upper_hold, 0);
  unknot_hold_timer_add_seconds (fixture->timer, 10);
  g_assert_cmpint (unknot_hold_timer_get_duration (fixture->timer), ==, 45 * SEC);
  fixture->now += 45 * SEC;
  unknot_hold_timer_update (fixture->timer);
  g_assert_cmpint (unknot_hold_timer_get_state (fixture->timer), ==, UNKNOT_HOLD_TIMER_FINISHED);

  unknot_hold_restart (fixture->hold);
  g_assert_cmpint (unknot_hold_timer_get_state (fixture->timer), ==, UNKNOT_HOLD_TIMER_RUNNING);
  g_assert_cmpint (unknot_hold_timer_get_duration (fixture->timer), ==, 35 * SEC);
  g_assert_cmpint (unknot_hold_timer_get_remaining (fixture->timer), ==, 35 * SEC);

  /* Restarting does not count as a new hold being opened. */
  g_assert_cmpuint (fixture->started, ==, 1);
}

/* Only a step's hold ends as a hold: the chime and "Hold Complete" follow "finished",
 * and a routine's get-ready count on the same timer must not raise them. */
static void
test_only_holds_finish (Fixture       *fixture,
                        gconstpointer  data)
{
  UnknotTechnique *upper;
  g_autoptr(UnknotStep) upper_hold = step_of (fixture, "foam-roller-upper-back", 4, &upper);

  unknot_hold_start (fixture->hold, upper, NULL, upper_hold, 30);
  fixture->now += 30 * SEC;
  unknot_hold_timer_update (fixture->timer);
  g_assert_cmpuint (fixture->finished, ==, 1);

  /* A get-ready count, as a routine runs it: the timer finishes, the hold does not. */
  unknot_hold_timer_start (fixture->timer, 5, FALSE);
  fixture->now += 5 * SEC;
  unknot_hold_timer_update (fixture->timer);
  g_assert_cmpint (unknot_hold_timer_get_state (fixture->timer), ==, UNKNOT_HOLD_TIMER_FINISHED);
  g_assert_cmpuint (fixture->finished, ==, 1);

  /* A routine's hold is a hold (without opening the hold page). */
  unknot_hold_start_in_routine (fixture->hold, upper, upper_hold, 20, FALSE);
  g_assert_true (unknot_hold_get_step (fixture->hold) == upper_hold);
  fixture->now += 20 * SEC;
  unknot_hold_timer_update (fixture->timer);
  g_assert_cmpuint (fixture->finished, ==, 2);
  g_assert_cmpuint (fixture->started, ==, 1);

  /* Start Again is the same hold again. */
  unknot_hold_restart (fixture->hold);
  fixture->now += 60 * SEC;
  unknot_hold_timer_update (fixture->timer);
  g_assert_cmpuint (fixture->finished, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hold/suggested-length", Fixture, NULL, set_up, test_suggested_length, tear_down);
  g_test_add ("/hold/both-sides-rule", Fixture, NULL, set_up, test_both_sides_rule, tear_down);
  g_test_add ("/hold/start-again", Fixture, NULL, set_up, test_start_again, tear_down);
  g_test_add ("/hold/only-holds-finish", Fixture, NULL, set_up, test_only_holds_finish, tear_down);

  return g_test_run ();
}
