/* test-region-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A region's page in the real window: the techniques for the tools the person has
 * come first, and a region with no techniques of its own points elsewhere.
 */

#include "config.h"

#include "unknot-test-utils.h"
#include "unknot-window.h"

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
  page = unknot_test_wait_for_page (window, "erector-spinae-lumbar-left");

  unknot_test_collect (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, groups);
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
  page = unknot_test_wait_for_page (window, "spine");
  g_assert_null (unknot_test_find_by_name (GTK_WIDGET (page), "massage-ball"));
  g_assert_null (unknot_test_find_by_name (GTK_WIDGET (page), "foam-roller"));

  unknot_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/region-page/own-tools-first", test_own_tools_first);

  return g_test_run ();
}
