/* test-phone-width.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Unknot on a phone: the window opened 360 px wide, and every page and dialog it
 * shows there fits across it, with nothing past its edges or squeezed.
 */

#include "config.h"

#include "routines/unknot-routine-page.h"
#include "timer/unknot-hold-page.h"
#include "unknot-first-run-dialog.h"
#include "unknot-test-utils.h"
#include "unknot-window.h"

/* The window as it opens on a phone, where it was 360 px wide the last time. */
static GtkWindow *
open_on_a_phone (UnknotApplication *app)
{
  GSettings *settings = unknot_application_get_settings (app);

  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 720);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  return unknot_test_activate (app);
}

static void
test_first_run_and_the_guide (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window;
  AdwDialog *dialog;

  g_settings_set_boolean (unknot_application_get_settings (app), "first-run-done", FALSE);
  window = open_on_a_phone (app);

  /* The first-run dialog. */
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (UNKNOT_IS_FIRST_RUN_DIALOG (dialog));
  unknot_test_save_png (window, "phone-first-run.png");
  unknot_test_assert_fits (window, "the first-run dialog at 360 px");

  /* The safety guidance after it. */
  gtk_widget_activate (unknot_test_find_by_id (GTK_WIDGET (dialog), "continue_button"));
  unknot_test_wait_for_page (window, "before-you-start");
  unknot_test_save_png (window, "phone-safety.png");
  unknot_test_assert_fits (window, "the safety guidance at 360 px");

  /* A page of the guide with routines to start. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-topic", "s", "when-to-massage");
  unknot_test_wait_for_page (window, "when-to-massage");
  unknot_test_save_png (window, "phone-when-to-massage.png");
  unknot_test_assert_fits (window, "the guide’s “When to Massage” at 360 px");

  unknot_test_close_window (window);
}

static void
test_hold_and_routines (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  UnknotHoldTimer *timer = unknot_application_get_hold_timer (app);
  AdwNavigationPage *page;
  GtkWindow *window;

  unknot_test_use_fake_clock (timer);
  window = open_on_a_phone (app);

  /* A hold under way. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-technique", "(ss)",
                              "ball-between-shoulder-blades", "rhomboids-left");
  page = unknot_test_wait_for_page (window, "ball-between-shoulder-blades");
  gtk_widget_activate (unknot_test_find_by_name (GTK_WIDGET (page), "hold-button"));
  page = unknot_test_wait_for_page (window, "hold");
  g_assert_true (UNKNOT_IS_HOLD_PAGE (page));
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_RUNNING);
  unknot_test_save_png (window, "phone-hold.png");
  unknot_test_assert_fits (window, "the hold at 360 px");
  gtk_widget_activate_action (GTK_WIDGET (page), "hold.reset", NULL);

  /* A guided routine, before it starts. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-routine", "s", "after-sitting");
  page = unknot_test_wait_for_page (window, "routine");
  g_assert_true (UNKNOT_IS_ROUTINE_PAGE (page));
  unknot_test_save_png (window, "phone-routine.png");
  unknot_test_assert_fits (window, "a guided routine at 360 px");

  /* My Routine with two holds, each with its menu. */
  unknot_routine_store_add (unknot_application_get_routine_store (app), "ball-glutes");
  unknot_routine_store_add (unknot_application_get_routine_store (app), "hands-lower-back");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-my-routine", NULL);
  page = unknot_test_wait_for_page (window, "routine");
  g_assert_true (unknot_routine_page_get_editable (UNKNOT_ROUTINE_PAGE (page)));
  unknot_test_save_png (window, "phone-my-routine.png");
  unknot_test_assert_fits (window, "My Routine at 360 px");

  unknot_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/phone-width/first-run-and-the-guide", test_first_run_and_the_guide);
  g_test_add_func ("/phone-width/hold-and-routines", test_hold_and_routines);

  return g_test_run ();
}
