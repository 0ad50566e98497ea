/* test-hold-timer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hold timer's model with a fake clock: no test sleeps.
 */

#include "config.h"

#include "timer/unknot-hold-timer.h"

#define SEC G_USEC_PER_SEC

typedef struct
{
  UnknotHoldTimer *timer;
  gint64           now;
  guint            finished;
  guint            state_notifies;
} Fixture;

static gint64
fake_clock (gpointer data)
{
  Fixture *fixture = data;

  return fixture->now;
}

static void
on_finished_cb (UnknotHoldTimer *timer,
                Fixture         *fixture)
{
  fixture->finished++;
}

static void
on_state_notify_cb (UnknotHoldTimer *timer,
                    GParamSpec      *pspec,
                    Fixture         *fixture)
{
  fixture->state_notifies++;
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  fixture->now = 1000 * SEC;
  fixture->timer = unknot_hold_timer_new ();
  unknot_hold_timer_set_clock (fixture->timer, fake_clock, fixture);
  g_signal_connect (fixture->timer, "finished", G_CALLBACK (on_finished_cb), fixture);
  g_signal_connect (fixture->timer, "notify::state", G_CALLBACK (on_state_notify_cb), fixture);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_finalize_object (fixture->timer);
}

static void
advance (Fixture *fixture,
         gint64   usec)
{
  fixture->now += usec;
  unknot_hold_timer_update (fixture->timer);
}

static void
test_finishes_exactly (Fixture       *fixture,
                       gconstpointer  data)
{
  UnknotHoldTimer *timer = fixture->timer;
  gint64 start = fixture->now;

  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_IDLE);
  unknot_hold_timer_start (timer, 30, FALSE);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_RUNNING);
  g_assert_cmpuint (unknot_hold_timer_get_side (timer), ==, 1);

  advance (fixture, 30 * SEC - 1);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_RUNNING);
  g_assert_cmpint (unknot_hold_timer_get_remaining (timer), ==, 1);
  g_assert_cmpuint (fixture->finished, ==, 0);

  advance (fixture, 1);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_FINISHED);
  g_assert_cmpint (unknot_hold_timer_get_finished_at (timer), ==, start + 30 * SEC);
  g_assert_cmpint (unknot_hold_timer_get_remaining (timer), ==, 0);

  /* Noticed late, it still finished on time, and only once. */
  advance (fixture, 10 * SEC);
  g_assert_cmpuint (fixture->finished, ==, 1);
  g_assert_cmpint (unknot_hold_timer_get_finished_at (timer), ==, start + 30 * SEC);
  g_assert_cmpuint (fixture->state_notifies, ==, 2);
}

static void
test_pause_and_resume (Fixture       *fixture,
                       gconstpointer  data)
{
  UnknotHoldTimer *timer = fixture->timer;
  gint64 resumed;

  unknot_hold_timer_start (timer, 30, FALSE);
  advance (fixture, 10 * SEC);
  unknot_hold_timer_pause (timer);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_PAUSED);

  /* Time stands still while paused. */
  advance (fixture, 100 * SEC);
  g_assert_cmpint (unknot_hold_timer_get_elapsed (timer), ==, 10 * SEC);
  g_assert_cmpuint (fixture->finished, ==, 0);

  /* Pausing twice, or resuming when running, changes nothing. */
  unknot_hold_timer_pause (timer);
  unknot_hold_timer_resume (timer);
  resumed = fixture->now;
  unknot_hold_timer_resume (timer);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_RUNNING);

  advance (fixture, 20 * SEC);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_FINISHED);
  g_assert_cmpint (unknot_hold_timer_get_finished_at (timer), ==, resumed + 20 * SEC);
  g_assert_cmpuint (fixture->finished, ==, 1);
}

static void
test_add_ten_seconds (Fixture       *fixture,
                      gconstpointer  data)
{
  UnknotHoldTimer *timer = fixture->timer;

  unknot_hold_timer_start (timer, 20, FALSE);
  advance (fixture, 5 * SEC);
  unknot_hold_timer_add_seconds (timer, 10);
  g_assert_cmpint (unknot_hold_timer_get_duration (timer), ==, 30 * SEC);
  g_assert_cmpint (unknot_hold_timer_get_remaining (timer), ==, 25 * SEC);

  unknot_hold_timer_pause (timer);
  unknot_hold_timer_add_seconds (timer, 10);
  g_assert_cmpint (unknot_hold_timer_get_remaining (timer), ==, 35 * SEC);
  unknot_hold_timer_resume (timer);

  advance (fixture, 35 * SEC - 1);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_RUNNING);
  advance (fixture, 1);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_FINISHED);

  /* After the end there is nothing to lengthen. */
  unknot_hold_timer_add_seconds (timer, 10);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_FINISHED);
}

static void
test_both_sides (Fixture       *fixture,
                 gconstpointer  data)
{
  UnknotHoldTimer *timer = fixture->timer;
  gint64 start = fixture->now;

  unknot_hold_timer_start (timer, 20, TRUE);
  advance (fixture, 20 * SEC);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_SWITCHING);
  g_assert_cmpint (unknot_hold_timer_get_duration (timer), ==, UNKNOT_HOLD_TIMER_SWITCH_SECONDS * SEC);

  advance (fixture, UNKNOT_HOLD_TIMER_SWITCH_SECONDS * SEC);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_RUNNING);
  g_assert_cmpuint (unknot_hold_timer_get_side (timer), ==, 2);
  g_assert_cmpint (unknot_hold_timer_get_duration (timer), ==, 20 * SEC);
  g_assert_cmpuint (fixture->finished, ==, 0);

  advance (fixture, 20 * SEC);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_FINISHED);
  g_assert_cmpint (unknot_hold_timer_get_finished_at (timer), ==,
                   start + (40 + UNKNOT_HOLD_TIMER_SWITCH_SECONDS) * SEC);
  g_assert_cmpuint (fixture->finished, ==, 1);

  /* Noticed only at the very end, every phase still ends where it should. */
  unknot_hold_timer_start (timer, 20, TRUE);
  start = fixture->now;
  advance (fixture, 120 * SEC);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_FINISHED);
  g_assert_cmpint (unknot_hold_timer_get_finished_at (timer), ==,
                   start + (40 + UNKNOT_HOLD_TIMER_SWITCH_SECONDS) * SEC);
  g_assert_cmpuint (fixture->finished, ==, 2);
}

static void
test_skip_and_reset (Fixture       *fixture,
                     gconstpointer  data)
{
  UnknotHoldTimer *timer = fixture->timer;

  unknot_hold_timer_start (timer, 30, TRUE);
  unknot_hold_timer_skip (timer);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_SWITCHING);
  unknot_hold_timer_pause (timer);
  unknot_hold_timer_skip (timer);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_RUNNING);
  g_assert_cmpuint (unknot_hold_timer_get_side (timer), ==, 2);
  unknot_hold_timer_skip (timer);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_FINISHED);
  g_assert_cmpuint (fixture->finished, ==, 1);

  unknot_hold_timer_reset (timer);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_IDLE);
  g_assert_cmpuint (unknot_hold_timer_get_side (timer), ==, 0);
  g_assert_cmpint (unknot_hold_timer_get_remaining (timer), ==, 0);
  unknot_hold_timer_skip (timer);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_IDLE);

  /* Reset while running: nothing finishes later. */
  unknot_hold_timer_start (timer, 30, FALSE);
  unknot_hold_timer_reset (timer);
  advance (fixture, 60 * SEC);
  g_assert_cmpuint (fixture->finished, ==, 1);
}

static void
test_no_drift (Fixture       *fixture,
               gconstpointer  data)
{
  UnknotHoldTimer *timer = fixture->timer;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gint64 ran = 0;

  unknot_hold_timer_start (timer, 120, FALSE);
  for (guint i = 0; i < 1000; i++)
    {
      gint64 run = g_rand_int_range (rand, 1, 100000);

      advance (fixture, run);
      ran += run;
      unknot_hold_timer_pause (timer);
      advance (fixture, g_rand_int_range (rand, 1, 5 * SEC));
      unknot_hold_timer_resume (timer);
    }

  /* To the microsecond: only running time counts. */
  g_assert_cmpint (unknot_hold_timer_get_elapsed (timer), ==, ran);
  advance (fixture, 120 * SEC - ran);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_FINISHED);
  g_assert_cmpint (unknot_hold_timer_get_finished_at (timer), ==, fixture->now);
  g_assert_cmpuint (fixture->finished, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/hold-timer/finishes-exactly", test_finishes_exactly);
  ADD ("/hold-timer/pause-and-resume", test_pause_and_resume);
  ADD ("/hold-timer/add-ten-seconds", test_add_ten_seconds);
  ADD ("/hold-timer/both-sides", test_both_sides);
  ADD ("/hold-timer/skip-and-reset", test_skip_and_reset);
  ADD ("/hold-timer/no-drift", test_no_drift);
#undef ADD

  return g_test_run ();
}
