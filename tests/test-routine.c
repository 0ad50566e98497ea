/* test-routine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Routines built from the catalogue, and run end to end on the hold timer with a fake
 * clock.
 */

#include "config.h"

#include "routines/unknot-routine-player.h"

static gint64 fake_now;

static gint64
fake_clock (gpointer data)
{
  return fake_now;
}

static void
advance (UnknotHoldTimer *timer,
         gint64           seconds)
{
  fake_now += seconds * G_USEC_PER_SEC;
  unknot_hold_timer_update (timer);
}

static void
test_built_from_catalogue (void)
{
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  const char *balls[] = { "massage-ball", NULL };
  g_autoptr(UnknotRoutine) all = unknot_routine_new_for_occasion (catalog, "chronic-ache", NULL, 30);
  g_autoptr(UnknotRoutine) mine = unknot_routine_new_for_occasion (catalog, "chronic-ache", balls, 30);
  guint total = 0;

  g_assert_null (unknot_routine_new_for_occasion (catalog, "no-such-occasion", NULL, 30));
  g_assert_cmpstr (unknot_routine_get_title (all), ==, "For a Chronic Ache");
  g_assert_cmpuint (unknot_routine_get_n_holds (all), >, 0);

  /* Only holds, each within its step's range, and the total shown up front adds up. */
  for (guint i = 0; i < unknot_routine_get_n_holds (all); i++)
    {
      UnknotStep *step = unknot_routine_get_step (all, i);

      g_assert_true (unknot_step_is_hold (step));
      g_assert_cmpuint (unknot_routine_get_seconds (all, i), >=, unknot_step_get_hold_min (step));
      g_assert_cmpuint (unknot_routine_get_seconds (all, i), <=, unknot_step_get_hold_max (step));
      total += UNKNOT_ROUTINE_GET_READY_SECONDS + unknot_routine_get_seconds (all, i);
    }
  g_assert_cmpuint (unknot_routine_get_total_seconds (all), ==, total);

  /* A tool the person does not own leaves its steps out. */
  g_assert_cmpuint (unknot_routine_get_n_holds (mine), >, 0);
  g_assert_cmpuint (unknot_routine_get_n_holds (mine), <, unknot_routine_get_n_holds (all));
  for (guint i = 0; i < unknot_routine_get_n_holds (mine); i++)
    g_assert_cmpstr (unknot_technique_get_tool_id (unknot_routine_get_technique (mine, i)), ==,
                     "massage-ball");
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_runs_end_to_end (void)
{
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  g_autoptr(UnknotRoutine) routine = unknot_routine_new_for_occasion (catalog, "after-sitting", NULL, 30);
  g_autoptr(UnknotHoldTimer) timer = unknot_hold_timer_new ();
  g_autoptr(UnknotHold) hold = unknot_hold_new (timer, NULL);
  g_autoptr(UnknotRoutinePlayer) player = NULL;
  guint n = unknot_routine_get_n_holds (routine);
  guint finished = 0;

  g_assert_cmpuint (n, >=, 2);
  unknot_hold_timer_set_clock (timer, fake_clock, NULL);
  g_signal_connect_swapped (hold, "finished", G_CALLBACK (count_cb), &finished);
  player = unknot_routine_player_new (routine, hold);
  unknot_routine_player_start (player);

  /* Every hold in order: a get-ready count, then the hold, then on by itself. */
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (unknot_routine_player_get_phase (player), ==, UNKNOT_ROUTINE_GET_READY);
      g_assert_cmpuint (unknot_routine_player_get_position (player), ==, i);
      advance (timer, UNKNOT_ROUTINE_GET_READY_SECONDS);
      /* The get-ready count is not a hold: no chime, no "Hold Complete". */
      g_assert_cmpuint (finished, ==, i);
      g_assert_cmpint (unknot_routine_player_get_phase (player), ==, UNKNOT_ROUTINE_HOLD);
      g_assert_true (unknot_hold_get_technique (hold) == unknot_routine_get_technique (routine, i));
      g_assert_cmpint (unknot_hold_timer_get_duration (timer), ==,
                       (gint64) unknot_routine_get_seconds (routine, i) * G_USEC_PER_SEC);
      advance (timer, unknot_routine_get_seconds (routine, i));
      g_assert_cmpuint (finished, ==, i + 1);
    }
  g_assert_cmpint (unknot_routine_player_get_phase (player), ==, UNKNOT_ROUTINE_DONE);
}

static void
test_pause_skip_and_back (void)
{
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  g_autoptr(UnknotRoutine) routine = unknot_routine_new_for_occasion (catalog, "after-sitting", NULL, 30);
  g_autoptr(UnknotHoldTimer) timer = unknot_hold_timer_new ();
  g_autoptr(UnknotHold) hold = unknot_hold_new (timer, NULL);
  g_autoptr(UnknotRoutinePlayer) player = NULL;

  unknot_hold_timer_set_clock (timer, fake_clock, NULL);
  player = unknot_routine_player_new (routine, hold);
  unknot_routine_player_start (player);

  /* Paused, time does not move it on. */
  unknot_routine_player_toggle_pause (player);
  advance (timer, 600);
  g_assert_cmpint (unknot_routine_player_get_phase (player), ==, UNKNOT_ROUTINE_GET_READY);
  unknot_routine_player_toggle_pause (player);

  /* Skip: get ready → hold → the next get ready. */
  unknot_routine_player_skip (player);
  g_assert_cmpint (unknot_routine_player_get_phase (player), ==, UNKNOT_ROUTINE_HOLD);
  unknot_routine_player_skip (player);
  g_assert_cmpint (unknot_routine_player_get_phase (player), ==, UNKNOT_ROUTINE_GET_READY);
  g_assert_cmpuint (unknot_routine_player_get_position (player), ==, 1);

  /* Back: the previous hold again, from its get ready; at the first, the first. */
  unknot_routine_player_back (player);
  g_assert_cmpuint (unknot_routine_player_get_position (player), ==, 0);
  g_assert_cmpint (unknot_routine_player_get_phase (player), ==, UNKNOT_ROUTINE_GET_READY);
  unknot_routine_player_back (player);
  g_assert_cmpuint (unknot_routine_player_get_position (player), ==, 0);

  /* Skipping past the last hold ends the routine. */
  for (guint i = 0; i < 2 * unknot_routine_get_n_holds (routine); i++)
    unknot_routine_player_skip (player);
  g_assert_cmpint (unknot_routine_player_get_phase (player), ==, UNKNOT_ROUTINE_DONE);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_IDLE);
}

static void
test_both_sides (void)
{
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  g_autoptr(UnknotRoutine) routine = unknot_routine_new_for_occasion (catalog, "chronic-ache", NULL, 30);
  g_autoptr(UnknotHoldTimer) timer = unknot_hold_timer_new ();
  g_autoptr(UnknotHold) hold = unknot_hold_new (timer, NULL);
  g_autoptr(UnknotRoutinePlayer) player = NULL;
  guint single = unknot_routine_get_total_seconds (routine);
  guint n = unknot_routine_get_n_holds (routine), sided = 0, extra = 0;

  unknot_routine_set_both_sides (routine, TRUE);
  for (guint i = 0; i < n; i++)
    if (unknot_routine_hold_is_both_sides (routine, i))
      {
        sided++;
        extra += UNKNOT_HOLD_TIMER_SWITCH_SECONDS + unknot_routine_get_seconds (routine, i);
      }
  g_assert_cmpuint (sided, >, 0);
  g_assert_cmpuint (unknot_routine_get_total_seconds (routine), ==, single + extra);

  /* A one-sided hold runs left, switch, right before the routine moves on. */
  unknot_hold_timer_set_clock (timer, fake_clock, NULL);
  player = unknot_routine_player_new (routine, hold);
  unknot_routine_player_start (player);
  for (guint i = 0; i < n; i++)
    {
      guint seconds = unknot_routine_get_seconds (routine, i);

      advance (timer, UNKNOT_ROUTINE_GET_READY_SECONDS);
      g_assert_cmpint (unknot_routine_player_get_phase (player), ==, UNKNOT_ROUTINE_HOLD);
      if (unknot_routine_hold_is_both_sides (routine, i))
        {
          advance (timer, seconds);
          g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_SWITCHING);
          g_assert_cmpuint (unknot_routine_player_get_position (player), ==, i);
          advance (timer, UNKNOT_HOLD_TIMER_SWITCH_SECONDS);
          g_assert_cmpuint (unknot_hold_timer_get_side (timer), ==, 2);
        }
      advance (timer, seconds);
    }
  g_assert_cmpint (unknot_routine_player_get_phase (player), ==, UNKNOT_ROUTINE_DONE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/routine/built-from-catalogue", test_built_from_catalogue);
  g_test_add_func ("/routine/runs-end-to-end", test_runs_end_to_end);
  g_test_add_func ("/routine/pause-skip-and-back", test_pause_skip_and_back);
  g_test_add_func ("/routine/both-sides", test_both_sides);

  return g_test_run ();
}
