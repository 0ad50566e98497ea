/* test-hold-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hold in the real window: started from a step, paused and lengthened with real
 * key presses, kept running while the person browses, and ended. The hold timer runs
 * on a clock the test moves, so no hold ends on its own while the test looks at it.
 */

#include "config.h"

#include "timer/unknot-hold-dial.h"
#include "timer/unknot-hold-page.h"
#include "timer/unknot-hold-ring.h"
#include "journal/unknot-entry-editor.h"
#include "unknot-test-utils.h"
#include "unknot-window.h"

typedef struct
{
  UnknotHoldTimer      *timer;
  UnknotHoldTimerState  state;
} StateCheck;

static gboolean
timer_in_state (gpointer data)
{
  StateCheck *check = data;

  return unknot_hold_timer_get_state (check->timer) == check->state;
}

static void
wait_for_state (UnknotHoldTimer      *timer,
                UnknotHoldTimerState  state)
{
  StateCheck check = { timer, state };
  g_autoptr(GEnumClass) states = g_type_class_ref (UNKNOT_TYPE_HOLD_TIMER_STATE);

  unknot_test_wait_for (timer_in_state, &check, "the hold timer to be %s",
                        g_enum_get_value (states, state)->value_nick);
}

typedef struct
{
  UnknotHoldPage *page;
  const char     *digits;
} DigitsCheck;

static gboolean
digits_show (gpointer data)
{
  DigitsCheck *check = data;

  return g_strcmp0 (unknot_hold_page_get_digits (check->page), check->digits) == 0;
}

typedef struct
{
  AdwButtonContent *content;
  const char       *label;
} LabelCheck;

static gboolean
indicator_shows (gpointer data)
{
  LabelCheck *check = data;

  return g_strcmp0 (adw_button_content_get_label (check->content), check->label) == 0;
}

static gboolean
editor_shown (gpointer window)
{
  return UNKNOT_IS_ENTRY_EDITOR (adw_application_window_get_visible_dialog (window));
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
test_runs_while_browsing (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  UnknotHoldTimer *timer = unknot_application_get_hold_timer (app);
  GtkWindow *window;
  GtkWidget *indicator;
  GtkWidget *page_indicator;
  AdwNavigationPage *page;
  g_autofree char *expected = NULL;
  DigitsCheck digits;
  LabelCheck label;
  gint64 remaining;
  AdwDialog *editor;
  g_autoptr(UnknotJournalEntry) logged = NULL;

  unknot_test_use_fake_clock (timer);
  window = unknot_test_activate (app);
  indicator = unknot_test_find_by_name (GTK_WIDGET (window), "hold-indicator");
  g_assert_false (gtk_widget_get_visible (indicator));

  /* The Hold button starts the hold timer with the step's seconds and shows it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-technique", "(ss)",
                              "ball-between-shoulder-blades", "rhomboids-left");
  page = unknot_test_wait_for_page (window, "ball-between-shoulder-blades");
  gtk_widget_activate (unknot_test_find_by_name (GTK_WIDGET (page), "hold-button"));
  wait_for_state (timer, UNKNOT_HOLD_TIMER_RUNNING);
  page = unknot_test_wait_for_page (window, "hold");
  g_assert_true (UNKNOT_IS_HOLD_PAGE (page));
  g_assert_cmpint (unknot_hold_timer_get_duration (timer), ==, 30 * G_USEC_PER_SEC);
  g_assert_true (gtk_widget_get_visible (indicator));

  /* As time passes the digits count down, to the second begun. */
  unknot_test_advance_clock (timer, 4.5);
  digits = (DigitsCheck) { UNKNOT_HOLD_PAGE (page), "0:26" };
  unknot_test_wait_for (digits_show, &digits, "the hold’s digits to show 0:26");

  /* Space (a real key press) pauses; the digits show the time left, and time passing
   * does not change it. */
  unknot_test_press_key (GTK_WIDGET (page), GDK_KEY_space);
  wait_for_state (timer, UNKNOT_HOLD_TIMER_PAUSED);
  unknot_test_wait_for_frame (window);
  expected = unknot_hold_dial_format_time (unknot_hold_timer_get_remaining (timer));
  g_assert_cmpstr (expected, ==, "0:26");
  g_assert_cmpstr (unknot_hold_page_get_digits (UNKNOT_HOLD_PAGE (page)), ==, expected);
  unknot_test_save_png (window, "hold-paused-light.png");
  unknot_test_advance_clock (timer, 60);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_PAUSED);
  g_assert_cmpint (unknot_hold_timer_get_remaining (timer), ==, 25.5 * G_USEC_PER_SEC);

  /* The breathing cue swells for four seconds and ebbs for six, every ten. */
  g_assert_cmpfloat (unknot_hold_ring_breath_fill (0), ==, 0);
  g_assert_cmpfloat_with_epsilon (unknot_hold_ring_breath_fill (4 * G_USEC_PER_SEC), 1, 1e-9);
  g_assert_cmpfloat_with_epsilon (unknot_hold_ring_breath_fill (2 * G_USEC_PER_SEC), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (unknot_hold_ring_breath_fill (7 * G_USEC_PER_SEC), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (unknot_hold_ring_breath_fill (10 * G_USEC_PER_SEC), 0, 1e-9);

  /* + adds ten seconds. */
  remaining = unknot_hold_timer_get_remaining (timer);
  unknot_test_press_key (GTK_WIDGET (page), GDK_KEY_KP_Add);
  g_assert_cmpint (unknot_hold_timer_get_remaining (timer), ==, remaining + 10 * G_USEC_PER_SEC);

  /* Browsing elsewhere leaves the hold running, and the header bar shows it, counting. */
  gtk_widget_activate_action (GTK_WIDGET (page), "hold.toggle", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-region", "s", "gluteals-right");
  page = unknot_test_wait_for_page (window, "gluteals-right");
  unknot_test_advance_clock (timer, 20);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_RUNNING);
  g_assert_true (gtk_widget_get_visible (indicator));
  label = (LabelCheck) { ADW_BUTTON_CONTENT (unknot_test_find_descendant (indicator, ADW_TYPE_BUTTON_CONTENT)),
                         "0:16" };
  unknot_test_wait_for (indicator_shows, &label, "the hold indicator to show 0:16");
  unknot_test_save_png (window, "hold-indicator-light.png");

  /* On a phone the sidebar is out of view, and the page's own header shows the hold. */
  unknot_test_resize (window, 360, 720);
  page_indicator = unknot_test_find_by_name (GTK_WIDGET (page), "hold-indicator");
  unknot_test_wait_for (widget_mapped, page_indicator, "the region page’s own hold indicator to show");
  unknot_test_wait_for_frame (window);
  unknot_test_save_png (window, "hold-indicator-narrow.png");
  unknot_test_assert_fits (window, "the region page with a hold running, at 360 px");
  unknot_test_resize (window, 1000, 720);
  unknot_test_wait_for (widget_mapped, indicator, "the sidebar’s hold indicator to show again");
  unknot_test_wait_for_frame (window);

  /* The indicator leads back to the hold; the end offers to log how it felt. */
  gtk_widget_activate (indicator);
  page = unknot_test_wait_for_page (window, "hold");
  gtk_widget_activate_action (GTK_WIDGET (page), "hold.skip", NULL);
  wait_for_state (timer, UNKNOT_HOLD_TIMER_FINISHED);
  g_assert_false (gtk_widget_get_visible (indicator));
  unknot_test_save_png (window, "hold-done-light.png");
  /* "Log How It Feels" opens the journal's editor with the session filled in: the
   * region the technique was opened for, the technique, its tool and the time held. */
  gtk_widget_activate (unknot_test_find_by_id (GTK_WIDGET (page), "log_button"));
  unknot_test_wait_for (editor_shown, window, "the Log button to open the journal’s editor");
  editor = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_object_get (editor, "entry", &logged, NULL);
  g_assert_cmpstrv (unknot_journal_entry_get_regions (logged), ((const char *[]) { "rhomboids-left", NULL }));
  g_assert_cmpstr (unknot_journal_entry_get_technique_id (logged), ==, "ball-between-shoulder-blades");
  g_assert_cmpstr (unknot_journal_entry_get_tool_id (logged), ==, "massage-ball");
  /* 30 s, and the 10 s the person added. */
  g_assert_cmpuint (unknot_journal_entry_get_seconds (logged), ==, 40);
  g_assert_cmpint (unknot_journal_entry_get_pain_before (logged), ==, UNKNOT_JOURNAL_PAIN_UNSET);
  adw_dialog_force_close (editor);

  /* Escape resets. */
  gtk_widget_activate_action (GTK_WIDGET (page), "hold.toggle", NULL);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_RUNNING);
  unknot_test_press_key (GTK_WIDGET (page), GDK_KEY_Escape);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_IDLE);

  unknot_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/hold-page/runs-while-browsing", test_runs_while_browsing);

  return g_test_run ();
}
