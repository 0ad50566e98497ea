/* test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bodymap/unknot-body-map-region.h"
#include "catalog/unknot-catalog.h"
#include "catalog/unknot-technique.h"
#include "pages/unknot-region-page.h"
#include "routines/unknot-routine-page.h"
#include "timer/unknot-hold-page.h"
#include "unknot-preferences-dialog.h"
#include "unknot-shortcuts-dialog.h"
#include "unknot-test-utils.h"
#include "unknot-window.h"

static gboolean
split_view_is_collapsed (gpointer data)
{
  return adw_navigation_split_view_get_collapsed (data);
}

static gboolean
split_view_is_expanded (gpointer data)
{
  return !adw_navigation_split_view_get_collapsed (data);
}

static void
test_window_title_and_layout (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = unknot_test_activate (app);
  GtkWidget *split_view;
  GtkWidget *menu_button;

  g_assert_true (UNKNOT_IS_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Unknot");

  split_view = unknot_test_find_descendant (GTK_WIDGET (window),
                                            ADW_TYPE_NAVIGATION_SPLIT_VIEW);
  g_assert_nonnull (split_view);
  g_assert_cmpstr (adw_navigation_page_get_tag (
                     adw_navigation_split_view_get_sidebar (ADW_NAVIGATION_SPLIT_VIEW (split_view))),
                   ==, "sidebar");
  g_assert_cmpstr (adw_navigation_page_get_tag (
                     adw_navigation_split_view_get_content (ADW_NAVIGATION_SPLIT_VIEW (split_view))),
                   ==, "content");
  g_assert_cmpstr (adw_navigation_page_get_tag (unknot_window_get_visible_page (UNKNOT_WINDOW (window))),
                   ==, "welcome");

  /* Wide: sidebar and content side by side. */
  unknot_test_wait_until (split_view_is_expanded, split_view);

  /* Phone width: the breakpoint collapses the split view. */
  gtk_window_set_default_size (window, 360, 700);
  unknot_test_wait_until (split_view_is_collapsed, split_view);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  gtk_window_set_default_size (window, 1000, 720);
  unknot_test_wait_until (split_view_is_expanded, split_view);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The primary menu is the F10 menu and is named for screen readers. */
  menu_button = unknot_test_find_by_id (GTK_WIDGET (window), "primary_menu_button");
  g_assert_nonnull (menu_button);
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (menu_button)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu_button), ==, "Main Menu");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (menu_button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Main Menu");

  unknot_test_close_window (window);
}

static void
test_window_state_round_trip (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GSettings *settings = unknot_application_get_settings (app);
  GtkWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 820);
  g_settings_set_int (settings, "window-height", 610);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  /* Restored from the settings ... */
  window = unknot_test_activate (app);
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 820);
  g_assert_cmpint (height, ==, 610);

  /* ... and saved when the window closes. */
  gtk_window_set_default_size (window, 900, 650);
  unknot_test_close_window (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window opens at the saved size. */
  window = unknot_test_activate (app);
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);
  unknot_test_close_window (window);
}

static void
test_window_accels (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  struct {
    const char *action;
    const char *accel;
  } expected[] = {
    { "app.quit", "<Control>q" },
    { "app.preferences", "<Control>comma" },
    { "app.shortcuts", "<Control>question" },
    { "window.close", "<Control>w" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                    expected[i].action);

      g_assert_true (g_strv_contains ((const char * const *) accels, expected[i].accel));
    }
}

static gpointer
open_dialog (UnknotApplication *app,
             GtkWindow         *window,
             const char        *action,
             GType              type)
{
  AdwDialog *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), action, NULL);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (dialog, type));

  return dialog;
}

static gboolean
no_dialog_visible (gpointer data)
{
  return adw_application_window_get_visible_dialog (data) == NULL;
}

static void
close_dialog (GtkWindow *window,
              AdwDialog *dialog)
{
  adw_dialog_force_close (dialog);
  unknot_test_wait_until (no_dialog_visible, window);
}

static void
test_window_menu_dialogs (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = unknot_test_activate (app);
  AdwDialog *dialog;

  /* About: the licence and the medical disclaimer are part of it. */
  dialog = open_dialog (app, window, "about", ADW_TYPE_ABOUT_DIALOG);
  g_assert_cmpstr (adw_about_dialog_get_version (ADW_ABOUT_DIALOG (dialog)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_dialog_get_license_type (ADW_ABOUT_DIALOG (dialog)), ==,
                   GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_dialog_get_application_icon (ADW_ABOUT_DIALOG (dialog)), ==,
                   APPLICATION_ID);
  close_dialog (window, dialog);

  dialog = open_dialog (app, window, "shortcuts", UNKNOT_TYPE_SHORTCUTS_DIALOG);
  g_assert_nonnull (unknot_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SHORTCUT_LABEL));
  close_dialog (window, dialog);

  unknot_test_close_window (window);
}

static void
collect_listed_triggers (GtkWidget *widget,
                         GPtrArray *triggers)
{
  if (GTK_IS_SHORTCUT_LABEL (widget))
    {
      g_auto(GStrv) accels = g_strsplit (gtk_shortcut_label_get_accelerator (GTK_SHORTCUT_LABEL (widget)),
                                         " ", -1);

      for (guint i = 0; accels[i] != NULL; i++)
        {
          GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string (accels[i]);

          g_assert_nonnull (trigger);
          g_ptr_array_add (triggers, trigger);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_listed_triggers (child, triggers);
}

/* Every action a page binds to a key (hold.toggle, routine.toggle, …) has at least one
 * of its keys listed in the Keyboard Shortcuts dialog. */
static void
assert_page_keys_listed (GtkWidget  *page,
                         const char *prefix,
                         GPtrArray  *listed)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (page);
  g_autoptr(GHashTable) actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  const char *action_name;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          const char *name;

          if (!GTK_IS_NAMED_ACTION (action))
            continue;
          name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
          if (!g_str_has_prefix (name, prefix))
            continue;

          g_hash_table_add (actions, g_strdup (name));
          for (guint k = 0; k < listed->len; k++)
            if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut),
                                            g_ptr_array_index (listed, k)))
              g_hash_table_add (shown, g_strdup (name));
        }
    }

  g_assert_cmpuint (g_hash_table_size (actions), >, 0);
  g_hash_table_iter_init (&iter, actions);
  while (g_hash_table_iter_next (&iter, (gpointer *) &action_name, NULL))
    if (!g_hash_table_contains (shown, action_name))
      g_error ("the key of %s is not in the Keyboard Shortcuts dialog", action_name);
}

static void
test_shortcuts_dialog_lists_page_keys (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = unknot_test_activate (app);
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_object_unref);
  UnknotCatalog *catalog = unknot_application_get_catalog (app);
  UnknotTechnique *technique = unknot_catalog_lookup_technique (catalog, "ball-between-shoulder-blades");
  g_autoptr(UnknotStep) step = g_list_model_get_item (unknot_technique_get_steps (technique), 0);
  AdwNavigationPage *hold_page;
  AdwNavigationPage *routine_page;
  AdwDialog *dialog;

  dialog = open_dialog (app, window, "shortcuts", UNKNOT_TYPE_SHORTCUTS_DIALOG);
  collect_listed_triggers (GTK_WIDGET (dialog), listed);
  close_dialog (window, dialog);

  unknot_hold_start (unknot_application_get_hold (app), technique, step, 0);
  unknot_hold_timer_reset (unknot_application_get_hold_timer (app));
  hold_page = ADW_NAVIGATION_PAGE (unknot_hold_page_new (unknot_application_get_hold (app),
                                                         unknot_application_get_settings (app)));
  g_object_ref_sink (hold_page);
  assert_page_keys_listed (GTK_WIDGET (hold_page), "hold.", listed);
  g_assert_finalize_object (hold_page);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-routine", "s", "after-sitting");
  routine_page = unknot_window_get_visible_page (UNKNOT_WINDOW (window));
  g_assert_true (UNKNOT_IS_ROUTINE_PAGE (routine_page));
  assert_page_keys_listed (GTK_WIDGET (routine_page), "routine.", listed);

  unknot_test_close_window (window);
}

static void
test_preferences_bound_to_settings (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GSettings *settings = unknot_application_get_settings (app);
  GtkWindow *window = unknot_test_activate (app);
  AdwDialog *dialog;
  AdwSpinRow *hold_row;
  AdwSwitchRow *both_row;
  GtkAdjustment *adjustment;

  dialog = open_dialog (app, window, "preferences", UNKNOT_TYPE_PREFERENCES_DIALOG);
  hold_row = ADW_SPIN_ROW (unknot_test_find_by_id (GTK_WIDGET (dialog), "hold_seconds_row"));
  both_row = ADW_SWITCH_ROW (unknot_test_find_by_id (GTK_WIDGET (dialog), "both_sides_row"));

  /* The schema's range and default reach the row. */
  adjustment = adw_spin_row_get_adjustment (hold_row);
  g_assert_cmpfloat (gtk_adjustment_get_lower (adjustment), ==, 10);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, 120);
  g_assert_cmpfloat (adw_spin_row_get_value (hold_row), ==, 30);

  /* Changing the rows changes the settings, and back. */
  adw_spin_row_set_value (hold_row, 45);
  g_assert_cmpint (g_settings_get_int (settings, "hold-seconds"), ==, 45);
  adw_switch_row_set_active (both_row, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "both-sides"));
  g_settings_set_int (settings, "hold-seconds", 60);
  g_assert_cmpfloat (adw_spin_row_get_value (hold_row), ==, 60);

  close_dialog (window, dialog);
  unknot_test_close_window (window);
}

typedef struct
{
  AdwNavigationSplitView *split_view;
  const char             *region_id;
} PageCheck;

static gboolean
region_page_shown (gpointer data)
{
  PageCheck *check = data;
  UnknotWindow *window = UNKNOT_WINDOW (gtk_widget_get_root (GTK_WIDGET (check->split_view)));
  AdwNavigationPage *page = unknot_window_get_visible_page (window);

  return UNKNOT_IS_REGION_PAGE (page) &&
         g_str_equal (unknot_region_get_id (unknot_region_page_get_region (UNKNOT_REGION_PAGE (page))),
                      check->region_id);
}

static gboolean
widget_is_hovered (gpointer data)
{
  return (gtk_widget_get_state_flags (data) & GTK_STATE_FLAG_PRELIGHT) != 0;
}

static gboolean
content_is_shown (gpointer data)
{
  return adw_navigation_split_view_get_show_content (data);
}

static gboolean
sidebar_is_shown (gpointer data)
{
  return !adw_navigation_split_view_get_show_content (data);
}

static void
test_window_click_region_opens_page (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = unknot_test_activate (app);
  UnknotBodyMap *map = unknot_window_get_body_map (UNKNOT_WINDOW (window));
  AdwNavigationSplitView *split_view;
  PageCheck check;
  graphene_point_t lats, glutes;
  GtkWidget *glutes_widget;

  split_view = ADW_NAVIGATION_SPLIT_VIEW (unknot_test_find_descendant (GTK_WIDGET (window),
                                                                       ADW_TYPE_NAVIGATION_SPLIT_VIEW));
  unknot_test_wait_until (split_view_is_expanded, split_view);
  g_assert_true (unknot_body_map_find_region_point (map, "latissimus-dorsi-left", &lats));
  g_assert_true (unknot_body_map_find_region_point (map, "gluteals-right", &glutes));

  /* A real click on the left latissimus opens its page and selects it on the map. */
  unknot_test_click (GTK_WIDGET (map), lats.x, lats.y);
  check = (PageCheck) { split_view, "latissimus-dorsi-left" };
  unknot_test_wait_until (region_page_shown, &check);
  g_assert_cmpstr (unknot_body_map_get_selected_region (map), ==, "latissimus-dorsi-left");
  g_assert_cmpstr (adw_navigation_page_get_title (unknot_window_get_visible_page (UNKNOT_WINDOW (window))),
                   ==, "Latissimus dorsi, left side");

  /* The pointer over another region highlights it. */
  glutes_widget = unknot_body_map_get_region_widget (map, "gluteals-right");
  unknot_test_pointer_move (GTK_WIDGET (map), glutes.x, glutes.y);
  unknot_test_wait_until (widget_is_hovered, glutes_widget);
  unknot_test_save_png (GTK_WIDGET (window), "window-light-selected-hover.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  unknot_test_save_png (GTK_WIDGET (window), "window-dark-selected-hover.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* The spine's page points to the muscles beside it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-region", "s", "spine"));
  check.region_id = "spine";
  unknot_test_wait_until (region_page_shown, &check);
  unknot_test_save_png (GTK_WIDGET (window), "window-light-spine.png");

  /* On a phone-sized window the page covers the map and goes back to it. */
  gtk_window_set_default_size (window, 360, 720);
  unknot_test_wait_until (split_view_is_collapsed, split_view);
  adw_navigation_split_view_set_show_content (split_view, FALSE);
  unknot_test_wait_until (sidebar_is_shown, split_view);
  unknot_test_save_png (GTK_WIDGET (window), "window-narrow-map.png");

  g_assert_true (unknot_body_map_find_region_point (map, "hamstrings-right", &glutes));
  unknot_test_click (GTK_WIDGET (map), glutes.x, glutes.y);
  check.region_id = "hamstrings-right";
  unknot_test_wait_until (region_page_shown, &check);
  unknot_test_wait_until (content_is_shown, split_view);
  unknot_test_save_png (GTK_WIDGET (window), "window-narrow-page.png");

  gtk_widget_activate_action (GTK_WIDGET (adw_navigation_split_view_get_content (split_view)),
                              "navigation.pop", NULL);
  unknot_test_wait_until (sidebar_is_shown, split_view);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  unknot_test_close_window (window);
}

typedef struct
{
  GtkStack   *stack;
  const char *name;
} StackCheck;

static gboolean
stack_shows (gpointer data)
{
  StackCheck *check = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (check->stack), check->name) == 0;
}

static void
test_window_search (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = unknot_test_activate (app);
  GtkWidget *entry = unknot_test_find_by_id (GTK_WIDGET (window), "search_entry");
  GtkWidget *stack = unknot_test_find_by_id (GTK_WIDGET (window), "sidebar_stack");
  GtkWidget *list = unknot_test_find_by_id (GTK_WIDGET (window), "results_list");
  AdwNavigationSplitView *split_view;
  StackCheck stack_check = { GTK_STACK (stack), "results" };
  PageCheck page_check;
  GtkListBoxRow *row;

  split_view = ADW_NAVIGATION_SPLIT_VIEW (unknot_test_find_descendant (GTK_WIDGET (window),
                                                                       ADW_TYPE_NAVIGATION_SPLIT_VIEW));

  /* Ctrl+F's action puts the cursor in the search. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_nonnull (gtk_window_get_focus (window));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (window), entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "lats");
  unknot_test_wait_until (stack_shows, &stack_check);
  unknot_test_save_png (GTK_WIDGET (window), "window-search-lats.png");

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Latissimus dorsi, left side");
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Latissimus dorsi, right side");
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));

  /* Choosing a result opens its page, as a click on the map would. */
  g_signal_emit_by_name (row, "activate");
  page_check = (PageCheck) { split_view, "latissimus-dorsi-right" };
  unknot_test_wait_until (region_page_shown, &page_check);

  /* Nothing found says so; clearing the search brings the map back. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "elbow");
  stack_check.name = "no-results";
  unknot_test_wait_until (stack_shows, &stack_check);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  stack_check.name = "map";
  unknot_test_wait_until (stack_shows, &stack_check);

  unknot_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/window/title-and-layout", test_window_title_and_layout);
  g_test_add_func ("/window/state-round-trip", test_window_state_round_trip);
  g_test_add_func ("/window/accels", test_window_accels);
  g_test_add_func ("/window/menu-dialogs", test_window_menu_dialogs);
  g_test_add_func ("/window/shortcuts-dialog-lists-page-keys", test_shortcuts_dialog_lists_page_keys);
  g_test_add_func ("/preferences/bound-to-settings", test_preferences_bound_to_settings);
  g_test_add_func ("/window/click-region-opens-page", test_window_click_region_opens_page);
  g_test_add_func ("/window/search", test_window_search);

  return g_test_run ();
}
