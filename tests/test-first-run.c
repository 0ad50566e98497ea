/* test-first-run.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first run in the real window: which tools the person has, then the safety
 * guidance before anything else.
 */

#include "config.h"

#include "pages/unknot-topic-page.h"
#include "unknot-first-run-dialog.h"
#include "unknot-test-utils.h"
#include "unknot-window.h"

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
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
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
  unknot_test_save_png (window, "pages-first-run.png");

  /* Which tools do you have? */
  roller = unknot_test_find_by_name (GTK_WIDGET (dialog), "foam-roller");
  g_assert_true (ADW_IS_SWITCH_ROW (roller));
  adw_switch_row_set_active (ADW_SWITCH_ROW (roller), TRUE);
  owned = g_settings_get_strv (settings, "owned-tools");
  g_assert_cmpstrv (owned, ((const char *[]) { "foam-roller", NULL }));

  /* Continue: done for good, and the safety guidance comes first. */
  gtk_widget_activate (unknot_test_find_by_id (GTK_WIDGET (dialog), "continue_button"));
  unknot_test_wait_for (first_run_done, settings, "Continue to mark the first run done");
  page = unknot_test_wait_for_page (window, "before-you-start");
  g_assert_true (UNKNOT_IS_TOPIC_PAGE (page));
  g_assert_nonnull (unknot_test_find_by_name (GTK_WIDGET (page), "red-flags"));
  g_assert_nonnull (unknot_test_find_by_name (GTK_WIDGET (page), "do-not-massage"));

  /* Light by default, and dark, background and all, in the dark style. */
  light = unknot_test_screenshot (window, "pages-safety-light.png");
  unknot_test_assert_light (light, "pages-safety-light.png");
  unknot_test_set_dark (window, TRUE);
  dark = unknot_test_screenshot (window, "pages-safety-dark.png");
  unknot_test_assert_dark (dark, "pages-safety-dark.png");
  unknot_test_set_dark (window, FALSE);

  unknot_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/first-run/then-safety", test_first_run_then_safety);

  return g_test_run ();
}
