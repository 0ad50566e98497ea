/* test-keyboard-journey.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole way through Unknot with the keyboard alone, with real key events: Tab into
 * the map, an arrow to a region and Enter; Tab to a technique and Enter; Tab to a Hold
 * button and Enter; Space pauses and resumes; at the end, Tab to "Log How It Feels" and
 * Enter; the editor opens with the keyboard at the pain before: a digit, Tab, a digit,
 * Tab to Save, Enter; the journal holds what was typed.
 */

#include "config.h"

#include "journal/unknot-entry-editor.h"
#include "journal/unknot-journal.h"
#include "journal/unknot-pain-scale.h"
#include "unknot-link-row.h"
#include "unknot-test-utils.h"
#include "unknot-window.h"

/* Enough for every control of the busiest page. */
#define MAX_TABS 80

typedef gboolean (*FocusCheck) (GtkWidget *focus,
                                gpointer   data);

static GtkWidget *
focus_of (GtkWindow *window)
{
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

  if (dialog != NULL)
    return adw_dialog_get_focus (dialog);
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* Presses Tab until @check likes the focus; fails naming @what otherwise. */
static GtkWidget *
tab_to (GtkWindow  *window,
        FocusCheck  check,
        gpointer    data,
        const char *what)
{
  for (guint i = 0; i < MAX_TABS; i++)
    {
      GtkWidget *focus = focus_of (window);

      AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

      if (focus != NULL && check (focus, data))
        return focus;
      unknot_test_press_key (focus != NULL ? focus : dialog != NULL ? GTK_WIDGET (dialog) : GTK_WIDGET (window),
                             GDK_KEY_Tab);
    }

  g_error ("%u Tab presses never reached %s", MAX_TABS, what);
}

static gboolean
in_widget (GtkWidget *focus,
           gpointer   data)
{
  return focus != data && gtk_widget_is_ancestor (focus, data);
}

static gboolean
is_technique_row (GtkWidget *focus,
                  gpointer   data)
{
  return UNKNOT_IS_LINK_ROW (focus) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), "win.show-technique") == 0;
}

static gboolean
is_named (GtkWidget *focus,
          gpointer   data)
{
  return g_strcmp0 (gtk_widget_get_name (focus), data) == 0;
}

static gboolean
is_widget (GtkWidget *focus,
           gpointer   data)
{
  return focus == data;
}

static gboolean
in_scale (GtkWidget *focus,
          gpointer   data)
{
  return gtk_widget_get_ancestor (focus, UNKNOT_TYPE_PAIN_SCALE) == data;
}


static gboolean
journal_is_ready (gpointer data)
{
  return unknot_journal_is_open (data) && !unknot_journal_is_busy (data);
}

static gboolean
editor_shown (gpointer window)
{
  return UNKNOT_IS_ENTRY_EDITOR (adw_application_window_get_visible_dialog (window));
}

static gboolean
editor_gone (gpointer window)
{
  return adw_application_window_get_visible_dialog (window) == NULL;
}

static gboolean
timer_is (UnknotHoldTimer      *timer,
          UnknotHoldTimerState  state)
{
  return unknot_hold_timer_get_state (timer) == state;
}

static gboolean
timer_paused (gpointer timer)
{
  return timer_is (timer, UNKNOT_HOLD_TIMER_PAUSED);
}

static gboolean
timer_running (gpointer timer)
{
  return timer_is (timer, UNKNOT_HOLD_TIMER_RUNNING);
}

static void
test_keyboard_only (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  g_autoptr(UnknotJournalEntry) logged = NULL;
  UnknotHoldTimer *timer = unknot_application_get_hold_timer (app);
  UnknotJournal *journal = unknot_application_get_journal (app);
  GtkWindow *window = unknot_test_activate (app);
  UnknotBodyMap *map = unknot_window_get_body_map (UNKNOT_WINDOW (window));
  g_autoptr(GPtrArray) scales = g_ptr_array_new ();
  AdwNavigationPage *page;
  UnknotPainScale *before, *after;
  GtkWidget *focus, *editor;
  g_autofree char *technique_id = NULL;
  const char *region_id;

  unknot_test_use_fake_clock (timer);
  unknot_test_wait_until (journal_is_ready, journal);

  /* The window gets the keyboard as a window manager would give it on a click: on the
   * search entry, where the window starts. Then the map: Tab in, an arrow to a
   * neighbour, Enter. */
  focus = unknot_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  unknot_test_click (focus, 10, gtk_widget_get_height (focus) / 2.0);
  focus = tab_to (window, in_widget, map, "a region of the map");
  unknot_test_press_key (focus, GDK_KEY_Down);
  focus = focus_of (window);
  g_assert_true (in_widget (focus, map));
  unknot_test_press_key (focus, GDK_KEY_Return);
  region_id = unknot_body_map_get_selected_region (map);
  g_assert_nonnull (region_id);
  page = unknot_test_wait_for_page (window, region_id);

  /* A technique, then its first Hold button. */
  focus = tab_to (window, is_technique_row, NULL, "a technique row on the region page");
  g_variant_get (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (focus)), "(s&s)",
                 &technique_id, NULL);
  unknot_test_press_key (focus, GDK_KEY_Return);
  page = unknot_test_wait_for_page (window, technique_id);
  focus = tab_to (window, is_named, (gpointer) "hold-button", "a Hold button");
  unknot_test_press_key (focus, GDK_KEY_Return);
  page = unknot_test_wait_for_page (window, "hold");
  g_assert_true (timer_running (timer));

  /* Space pauses and resumes. */
  focus = focus_of (window);
  unknot_test_press_key (focus != NULL ? focus : GTK_WIDGET (page), GDK_KEY_space);
  unknot_test_wait_until (timer_paused, timer);
  focus = focus_of (window);
  unknot_test_press_key (focus != NULL ? focus : GTK_WIDGET (page), GDK_KEY_space);
  unknot_test_wait_until (timer_running, timer);

  /* To the end, then "Log How It Feels". */
  unknot_test_advance_clock (timer, 200);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_FINISHED);
  focus = tab_to (window, is_widget, unknot_test_find_by_id (GTK_WIDGET (page), "log_button"),
                  "“Log How It Feels”");
  unknot_test_press_key (focus, GDK_KEY_Return);
  unknot_test_wait_for (editor_shown, window, "the journal’s editor to open");
  editor = GTK_WIDGET (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  unknot_test_wait_for_frame (window);

  /* The keyboard starts inside the editor, at the pain before (the session said where):
   * 6, Tab on to the pain after, 3, Tab on to Save, Return. */
  unknot_test_collect (editor, UNKNOT_TYPE_PAIN_SCALE, scales);
  g_assert_cmpuint (scales->len, ==, 2);
  before = g_ptr_array_index (scales, 0);
  after = g_ptr_array_index (scales, 1);
  g_assert_true (in_scale (focus_of (window), before));
  unknot_test_press_key (focus_of (window), GDK_KEY_6);
  g_assert_cmpint (unknot_pain_scale_get_value (before), ==, 6);
  focus = tab_to (window, in_scale, after, "the pain after");
  unknot_test_press_key (focus, GDK_KEY_3);
  g_assert_cmpint (unknot_pain_scale_get_value (after), ==, 3);
  focus = tab_to (window, is_widget, unknot_test_find_by_id (editor, "save_button"), "Save");
  unknot_test_press_key (focus, GDK_KEY_Return);
  unknot_test_wait_for (editor_gone, window, "the editor to close once the entry is saved");

  /* What was saved is what the keyboard said, for the region the session was for. */
  unknot_test_wait_until (journal_is_ready, journal);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 1);
  logged = g_list_model_get_item (G_LIST_MODEL (journal), 0);
  g_assert_cmpint (unknot_journal_entry_get_pain_before (logged), ==, 6);
  g_assert_cmpint (unknot_journal_entry_get_pain_after (logged), ==, 3);
  g_assert_cmpstr (unknot_journal_entry_get_technique_id (logged), ==, technique_id);
  g_assert_cmpstrv (unknot_journal_entry_get_regions (logged), ((const char *[]) { region_id, NULL }));

  unknot_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/keyboard-journey/keyboard-only", test_keyboard_only);

  return g_test_run ();
}
