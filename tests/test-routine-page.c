/* test-routine-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A guided routine in the real window: started from the guide, a get-ready count
 * before each hold, on the application's one hold timer, through to the end. The
 * timer runs on a clock the test moves.
 */

#include "config.h"

#include "routines/unknot-routine-page.h"
#include "unknot-test-utils.h"
#include "unknot-window.h"

static void
test_from_the_guide (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  UnknotHoldTimer *timer = unknot_application_get_hold_timer (app);
  UnknotRoutinePlayer *player;
  AdwNavigationPage *page;
  GtkWindow *window;
  guint n;

  unknot_test_use_fake_clock (timer);
  window = unknot_test_activate (app);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-topic", "s", "when-to-massage");
  page = unknot_test_wait_for_page (window, "when-to-massage");
  gtk_widget_activate (unknot_test_find_by_name (unknot_test_find_by_name (GTK_WIDGET (page), "after-sitting"),
                                                 "start-routine"));
  page = unknot_test_wait_for_page (window, "routine");
  g_assert_true (UNKNOT_IS_ROUTINE_PAGE (page));
  unknot_test_save_png (window, "routine-overview-light.png");

  player = unknot_routine_page_get_player (UNKNOT_ROUTINE_PAGE (page));
  n = unknot_routine_get_n_holds (unknot_routine_player_get_routine (player));
  g_assert_cmpuint (n, >=, 2);

  /* Start: a get-ready count, then the hold, on the app's one timer. */
  gtk_widget_activate_action (GTK_WIDGET (page), "routine.start", NULL);
  g_assert_cmpint (unknot_routine_player_get_phase (player), ==, UNKNOT_ROUTINE_GET_READY);
  g_assert_cmpint (unknot_hold_timer_get_duration (timer), ==,
                   UNKNOT_ROUTINE_GET_READY_SECONDS * G_USEC_PER_SEC);
  /* The count leads into the first hold by itself. */
  unknot_test_advance_clock (timer, UNKNOT_ROUTINE_GET_READY_SECONDS);
  g_assert_cmpint (unknot_routine_player_get_phase (player), ==, UNKNOT_ROUTINE_HOLD);
  g_assert_cmpuint (unknot_routine_player_get_position (player), ==, 0);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_RUNNING);
  gtk_widget_activate_action (GTK_WIDGET (page), "routine.toggle", NULL);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_PAUSED);
  unknot_test_save_png (window, "routine-hold-light.png");
  gtk_widget_activate_action (GTK_WIDGET (page), "routine.toggle", NULL);

  /* Skipping, through each get-ready and hold to the end, which offers to log. */
  for (guint i = 0; i < 2 * n; i++)
    gtk_widget_activate_action (GTK_WIDGET (page), "routine.skip", NULL);
  g_assert_cmpint (unknot_routine_player_get_phase (player), ==, UNKNOT_ROUTINE_DONE);
  g_assert_true (gtk_widget_get_mapped (unknot_test_find_by_id (GTK_WIDGET (page), "log_button")));
  unknot_test_save_png (window, "routine-done-light.png");

  unknot_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/routine-page/from-the-guide", test_from_the_guide);

  return g_test_run ();
}
