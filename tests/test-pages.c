/* test-pages.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journey from the map to a technique, the Hold button, the person's own tools,
 * the guide and the first run, in the real window.
 */

#include "config.h"

#include "bodymap/unknot-body-map.h"
#include "pages/unknot-region-page.h"
#include "pages/unknot-technique-page.h"
#include "pages/unknot-topic-page.h"
#include "routines/unknot-routine-page.h"
#include "timer/unknot-hold-dial.h"
#include "timer/unknot-hold-page.h"
#include "timer/unknot-hold-ring.h"
#include "unknot-first-run-dialog.h"
#include "unknot-illustration.h"
#include "unknot-test-utils.h"
#include "unknot-window.h"

typedef struct
{
  UnknotWindow *window;
  const char   *tag;
} PageCheck;

static gboolean
page_shown (gpointer data)
{
  PageCheck *check = data;
  AdwNavigationPage *page = unknot_window_get_visible_page (check->window);

  return page != NULL && g_strcmp0 (adw_navigation_page_get_tag (page), check->tag) == 0;
}

static AdwNavigationPage *
wait_for_page (GtkWindow  *window,
               const char *tag)
{
  PageCheck check = { UNKNOT_WINDOW (window), tag };

  g_test_message ("waiting for the page “%s”", tag);
  unknot_test_wait_until (page_shown, &check);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return unknot_window_get_visible_page (UNKNOT_WINDOW (window));
}

static GtkWidget *
find_by_name (GtkWidget  *widget,
              const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_name (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

typedef struct
{
  char  *technique;
  guint  step;
  guint  seconds;
} HoldRequest;

static void
on_hold_requested_cb (UnknotApplication *app,
                      const char        *technique,
                      guint              step,
                      guint              seconds,
                      HoldRequest       *request)
{
  g_free (request->technique);
  request->technique = g_strdup (technique);
  request->step = step;
  request->seconds = seconds;
}

static gboolean
hold_requested_for (gpointer data)
{
  HoldRequest *request = data;

  return request->technique != NULL;
}

/* A button's activation comes a moment after the key press, as its press shows. */
static void
press_hold (AdwNavigationPage *page,
            HoldRequest       *request)
{
  GtkWidget *hold = find_by_name (GTK_WIDGET (page), "hold-button");

  g_assert_nonnull (hold);
  g_clear_pointer (&request->technique, g_free);
  gtk_widget_activate (hold);
  unknot_test_wait_until (hold_requested_for, request);
}

static void
test_map_to_foam_roller_and_hold (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = unknot_test_activate (app);
  UnknotBodyMap *map = unknot_window_get_body_map (UNKNOT_WINDOW (window));
  g_autoptr(GPtrArray) illustrations = g_ptr_array_new ();
  HoldRequest request = { 0 };
  AdwNavigationPage *page;
  GtkWidget *group, *row;

  g_signal_connect (app, "hold-requested", G_CALLBACK (on_hold_requested_cb), &request);

  /* From the map: the left lumbar erector spinae, chosen like a button. */
  gtk_widget_activate (unknot_body_map_get_region_widget (map, "erector-spinae-lumbar-left"));
  page = wait_for_page (window, "erector-spinae-lumbar-left");
  g_assert_true (UNKNOT_IS_REGION_PAGE (page));
  unknot_test_save_png (GTK_WIDGET (window), "pages-region-light.png");

  /* Its foam roller technique. */
  group = find_by_name (GTK_WIDGET (page), "foam-roller");
  g_assert_nonnull (group);
  row = unknot_test_find_descendant (group, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  page = wait_for_page (window, "foam-roller-lower-back");
  g_assert_true (UNKNOT_IS_TECHNIQUE_PAGE (page));

  /* Every step with its picture, drawn. */
  collect (GTK_WIDGET (page), UNKNOT_TYPE_ILLUSTRATION, illustrations);
  g_assert_cmpuint (illustrations->len, ==,
                    g_list_model_get_n_items (unknot_technique_get_steps (
                      unknot_technique_page_get_technique (UNKNOT_TECHNIQUE_PAGE (page)))));
  for (guint i = 0; i < illustrations->len; i++)
    {
      g_assert_true (unknot_illustration_is_loaded (g_ptr_array_index (illustrations, i)));
      g_assert_cmpint (gtk_widget_get_height (g_ptr_array_index (illustrations, i)), >, 100);
    }
  unknot_test_save_png (GTK_WIDGET (window), "pages-technique-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  unknot_test_save_png (GTK_WIDGET (window), "pages-technique-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* The Hold button asks for the step's hold: step 4, the default 30 s within 20–40 s. */
  press_hold (page, &request);
  g_assert_cmpstr (request.technique, ==, "foam-roller-lower-back");
  g_assert_cmpuint (request.step, ==, 4);
  g_assert_cmpuint (request.seconds, ==, 30);

  /* A longer default is kept within the step's range. */
  g_settings_set_int (unknot_application_get_settings (app), "hold-seconds", 90);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-technique", "(ss)",
                              "foam-roller-upper-back", "rhomboids-left");
  page = wait_for_page (window, "foam-roller-upper-back");
  press_hold (page, &request);
  g_assert_cmpstr (request.technique, ==, "foam-roller-upper-back");
  g_assert_cmpuint (request.seconds, ==, 60);

  /* The Hold button opened the hold on top; Back goes to the technique, then to the
   * one before it. */
  page = wait_for_page (window, "hold");
  gtk_widget_activate_action (GTK_WIDGET (page), "hold.reset", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "navigation.pop", NULL);
  page = wait_for_page (window, "foam-roller-upper-back");
  gtk_widget_activate_action (GTK_WIDGET (page), "navigation.pop", NULL);
  wait_for_page (window, "foam-roller-lower-back");

  /* Phone width. */
  gtk_window_set_default_size (window, 360, 720);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  unknot_test_save_png (GTK_WIDGET (window), "pages-technique-narrow.png");

  g_free (request.technique);
  unknot_test_close_window (window);
}

static void
test_own_tools_first (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GSettings *settings = unknot_application_get_settings (app);
  const char *owned[] = { "massage-ball", NULL };
  GtkWindow *window;
  AdwNavigationPage *page;
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  GtkWidget *first = NULL;

  g_settings_set_strv (settings, "owned-tools", owned);
  window = unknot_test_activate (app);
  gtk_window_set_default_size (window, 1000, 720);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-region", "s", "erector-spinae-lumbar-left");
  page = wait_for_page (window, "erector-spinae-lumbar-left");

  collect (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, groups);
  for (guint i = 0; i < groups->len && first == NULL; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (groups, i)), "massage-ball") == 0 ||
        g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (groups, i)), "foam-roller") == 0)
      first = g_ptr_array_index (groups, i);

  g_assert_nonnull (first);
  g_assert_cmpstr (gtk_widget_get_name (first), ==, "massage-ball");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (first)), ==,
                   "You have this tool");

  /* The spine has no techniques: it points to the muscles beside it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-region", "s", "spine");
  page = wait_for_page (window, "spine");
  g_assert_null (find_by_name (GTK_WIDGET (page), "massage-ball"));
  g_assert_null (find_by_name (GTK_WIDGET (page), "foam-roller"));

  unknot_test_close_window (window);
}

static gboolean
first_run_done (gpointer settings)
{
  return g_settings_get_boolean (settings, "first-run-done");
}

static void
test_first_run_then_safety (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GSettings *settings = unknot_application_get_settings (app);
  g_auto(GStrv) owned = NULL;
  GtkWindow *window;
  AdwDialog *dialog;
  GtkWidget *roller;
  AdwNavigationPage *page;

  g_settings_set_boolean (settings, "first-run-done", FALSE);
  g_settings_set_strv (settings, "owned-tools", NULL);
  window = unknot_test_activate (app);

  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (UNKNOT_IS_FIRST_RUN_DIALOG (dialog));
  unknot_test_save_png (GTK_WIDGET (window), "pages-first-run.png");

  /* Which tools do you have? */
  roller = find_by_name (GTK_WIDGET (dialog), "foam-roller");
  g_assert_true (ADW_IS_SWITCH_ROW (roller));
  adw_switch_row_set_active (ADW_SWITCH_ROW (roller), TRUE);
  owned = g_settings_get_strv (settings, "owned-tools");
  g_assert_cmpstrv (owned, ((const char *[]) { "foam-roller", NULL }));

  /* Continue: done for good, and the safety guidance comes first. */
  gtk_widget_activate (unknot_test_find_by_id (GTK_WIDGET (dialog), "continue_button"));
  unknot_test_wait_until (first_run_done, settings);
  page = wait_for_page (window, "before-you-start");
  g_assert_true (UNKNOT_IS_TOPIC_PAGE (page));
  g_assert_nonnull (find_by_name (GTK_WIDGET (page), "red-flags"));
  g_assert_nonnull (find_by_name (GTK_WIDGET (page), "do-not-massage"));
  unknot_test_save_png (GTK_WIDGET (window), "pages-safety-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  unknot_test_save_png (GTK_WIDGET (window), "pages-safety-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  unknot_test_close_window (window);
}

static void
test_guide_links_to_techniques (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = unknot_test_activate (app);
  AdwNavigationPage *page;
  GtkWidget *row;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-topic", "s", "when-to-massage");
  page = wait_for_page (window, "when-to-massage");
  unknot_test_save_png (GTK_WIDGET (window), "pages-when-to-massage.png");

  row = unknot_test_find_descendant (find_by_name (GTK_WIDGET (page), "post-workout"),
                                     ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  page = wait_for_page (window, "foam-roller-glutes");
  g_assert_true (UNKNOT_IS_TECHNIQUE_PAGE (page));

  unknot_test_close_window (window);
}

static gboolean
timer_in_state (gpointer data)
{
  gpointer *args = data;

  return unknot_hold_timer_get_state (args[0]) == GPOINTER_TO_INT (args[1]);
}

static void
wait_for_state (UnknotHoldTimer      *timer,
                UnknotHoldTimerState  state)
{
  gpointer args[] = { timer, GINT_TO_POINTER (state) };

  unknot_test_wait_until (timer_in_state, args);
}

typedef struct
{
  char  *technique;
  guint  step;
} LogRequest;

static void
on_log_requested_cb (UnknotApplication *app,
                     const char        *technique,
                     guint              step,
                     LogRequest        *request)
{
  g_free (request->technique);
  request->technique = g_strdup (technique);
  request->step = step;
}

static gboolean
log_requested (gpointer data)
{
  return ((LogRequest *) data)->technique != NULL;
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
test_hold_runs_while_browsing (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = unknot_test_activate (app);
  UnknotHoldTimer *timer = unknot_application_get_hold_timer (app);
  GtkWidget *indicator = find_by_name (GTK_WIDGET (window), "hold-indicator");
  LogRequest log = { 0 };
  AdwNavigationPage *page;
  g_autofree char *expected = NULL;
  gint64 remaining;

  g_signal_connect (app, "log-requested", G_CALLBACK (on_log_requested_cb), &log);
  g_assert_false (gtk_widget_get_visible (indicator));

  /* The Hold button starts the hold timer with the step's seconds and shows it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-technique", "(ss)",
                              "ball-between-shoulder-blades", "rhomboids-left");
  page = wait_for_page (window, "ball-between-shoulder-blades");
  gtk_widget_activate (find_by_name (GTK_WIDGET (page), "hold-button"));
  wait_for_state (timer, UNKNOT_HOLD_TIMER_RUNNING);
  page = wait_for_page (window, "hold");
  g_assert_true (UNKNOT_IS_HOLD_PAGE (page));
  g_assert_cmpint (unknot_hold_timer_get_duration (timer), ==, 30 * G_USEC_PER_SEC);
  g_assert_true (gtk_widget_get_visible (indicator));

  /* Space (a real key press) pauses; the digits show the time left. */
  unknot_test_press_key (GTK_WIDGET (page), GDK_KEY_space);
  wait_for_state (timer, UNKNOT_HOLD_TIMER_PAUSED);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  expected = unknot_hold_dial_format_time (unknot_hold_timer_get_remaining (timer));
  g_assert_cmpstr (unknot_hold_page_get_digits (UNKNOT_HOLD_PAGE (page)), ==, expected);
  unknot_test_save_png (GTK_WIDGET (window), "hold-paused-light.png");

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

  /* Browsing elsewhere leaves the hold running, and the header bar shows it. */
  gtk_widget_activate_action (GTK_WIDGET (page), "hold.toggle", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-region", "s", "gluteals-right");
  page = wait_for_page (window, "gluteals-right");
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_RUNNING);
  g_assert_true (gtk_widget_get_visible (indicator));
  unknot_test_save_png (GTK_WIDGET (window), "hold-indicator-light.png");

  /* On a phone the sidebar is out of view, and the page's own header shows the hold. */
  gtk_window_set_default_size (window, 360, 720);
  unknot_test_wait_until (widget_mapped, find_by_name (GTK_WIDGET (page), "hold-indicator"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  unknot_test_save_png (GTK_WIDGET (window), "hold-indicator-narrow.png");
  gtk_window_set_default_size (window, 1000, 720);
  unknot_test_wait_until (widget_mapped, indicator);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The indicator leads back to the hold; the end offers to log how it felt. */
  gtk_widget_activate (indicator);
  page = wait_for_page (window, "hold");
  gtk_widget_activate_action (GTK_WIDGET (page), "hold.skip", NULL);
  wait_for_state (timer, UNKNOT_HOLD_TIMER_FINISHED);
  g_assert_false (gtk_widget_get_visible (indicator));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  unknot_test_save_png (GTK_WIDGET (window), "hold-done-light.png");
  gtk_widget_activate (unknot_test_find_by_id (GTK_WIDGET (page), "log_button"));
  unknot_test_wait_until (log_requested, &log);
  g_assert_cmpstr (log.technique, ==, "ball-between-shoulder-blades");
  g_assert_cmpuint (log.step, ==, 3);

  /* Escape resets. */
  gtk_widget_activate_action (GTK_WIDGET (page), "hold.toggle", NULL);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_RUNNING);
  unknot_test_press_key (GTK_WIDGET (page), GDK_KEY_Escape);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_IDLE);

  g_free (log.technique);
  unknot_test_close_window (window);
}

static void
test_routine_from_the_guide (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = unknot_test_activate (app);
  UnknotHoldTimer *timer = unknot_application_get_hold_timer (app);
  UnknotRoutinePlayer *player;
  AdwNavigationPage *page;
  guint n;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-topic", "s", "when-to-massage");
  page = wait_for_page (window, "when-to-massage");
  gtk_widget_activate (find_by_name (find_by_name (GTK_WIDGET (page), "after-sitting"), "start-routine"));
  page = wait_for_page (window, "routine");
  g_assert_true (UNKNOT_IS_ROUTINE_PAGE (page));
  unknot_test_save_png (GTK_WIDGET (window), "routine-overview-light.png");

  player = unknot_routine_page_get_player (UNKNOT_ROUTINE_PAGE (page));
  n = unknot_routine_get_n_holds (unknot_routine_player_get_routine (player));
  g_assert_cmpuint (n, >=, 2);

  /* Start: a get-ready count, then the hold, on the app's one timer. */
  gtk_widget_activate_action (GTK_WIDGET (page), "routine.start", NULL);
  g_assert_cmpint (unknot_routine_player_get_phase (player), ==, UNKNOT_ROUTINE_GET_READY);
  g_assert_cmpint (unknot_hold_timer_get_duration (timer), ==,
                   UNKNOT_ROUTINE_GET_READY_SECONDS * G_USEC_PER_SEC);
  gtk_widget_activate_action (GTK_WIDGET (page), "routine.skip", NULL);
  g_assert_cmpint (unknot_routine_player_get_phase (player), ==, UNKNOT_ROUTINE_HOLD);
  gtk_widget_activate_action (GTK_WIDGET (page), "routine.toggle", NULL);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_PAUSED);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  unknot_test_save_png (GTK_WIDGET (window), "routine-hold-light.png");
  gtk_widget_activate_action (GTK_WIDGET (page), "routine.toggle", NULL);

  /* Through to the end, which offers to log. */
  for (guint i = 0; i < 2 * n; i++)
    gtk_widget_activate_action (GTK_WIDGET (page), "routine.skip", NULL);
  g_assert_cmpint (unknot_routine_player_get_phase (player), ==, UNKNOT_ROUTINE_DONE);
  g_assert_true (gtk_widget_get_mapped (unknot_test_find_by_id (GTK_WIDGET (page), "log_button")));
  unknot_test_save_png (GTK_WIDGET (window), "routine-done-light.png");

  unknot_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/pages/map-to-foam-roller-and-hold", test_map_to_foam_roller_and_hold);
  g_test_add_func ("/pages/own-tools-first", test_own_tools_first);
  g_test_add_func ("/pages/first-run-then-safety", test_first_run_then_safety);
  g_test_add_func ("/pages/guide-links-to-techniques", test_guide_links_to_techniques);
  g_test_add_func ("/pages/hold-runs-while-browsing", test_hold_runs_while_browsing);
  g_test_add_func ("/pages/routine-from-the-guide", test_routine_from_the_guide);

  return g_test_run ();
}
