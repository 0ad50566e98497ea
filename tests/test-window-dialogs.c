/* test-window-dialogs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialogs of the main menu: About, Keyboard Shortcuts (which lists every key a page
 * binds) and Preferences (bound to the settings).
 */

#include "config.h"

#include "catalog/unknot-catalog.h"
#include "catalog/unknot-technique.h"
#include "routines/unknot-routine-page.h"
#include "timer/unknot-hold-page.h"
#include "unknot-preferences-dialog.h"
#include "unknot-shortcuts-dialog.h"
#include "unknot-test-utils.h"
#include "unknot-window.h"

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

  /* The window's own keys: search, the journal, Log Pain. */
  assert_page_keys_listed (GTK_WIDGET (window), "win.", listed);

  unknot_hold_start (unknot_application_get_hold (app), technique, NULL, step, 0);
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

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/window-dialogs/about-and-shortcuts", test_window_menu_dialogs);
  g_test_add_func ("/window-dialogs/shortcuts-list-page-keys", test_shortcuts_dialog_lists_page_keys);
  g_test_add_func ("/window-dialogs/preferences-bound-to-settings", test_preferences_bound_to_settings);

  return g_test_run ();
}
