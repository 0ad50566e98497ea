/* test-window-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The body map in the main window, with the real pointer: a click opens a region’s
 * page, the pointer highlights what it is over, and on a phone the page covers the map.
 * It moves the X pointer, so it runs alone.
 */

#include "config.h"

#include "bodymap/unknot-body-map-region.h"
#include "pages/unknot-region-page.h"
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
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;

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
  light = unknot_test_screenshot (window, "window-light-selected-hover.png");
  unknot_test_assert_light (light, "window-light-selected-hover.png");

  /* Dark, background and all, in the dark style; still hovered. */
  unknot_test_set_dark (window, TRUE);
  g_assert_true (widget_is_hovered (glutes_widget));
  dark = unknot_test_screenshot (window, "window-dark-selected-hover.png");
  unknot_test_assert_dark (dark, "window-dark-selected-hover.png");
  unknot_test_set_dark (window, FALSE);

  /* The spine's page points to the muscles beside it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-region", "s", "spine"));
  check.region_id = "spine";
  unknot_test_wait_until (region_page_shown, &check);
  unknot_test_save_png (window, "window-light-spine.png");

  /* On a phone-sized window the page covers the map and goes back to it. */
  unknot_test_resize (window, 360, 720);
  unknot_test_wait_until (split_view_is_collapsed, split_view);
  adw_navigation_split_view_set_show_content (split_view, FALSE);
  unknot_test_wait_until (sidebar_is_shown, split_view);
  unknot_test_save_png (window, "window-narrow-map.png");
  unknot_test_assert_fits (window, "the map at 360 px");

  g_assert_true (unknot_body_map_find_region_point (map, "hamstrings-right", &glutes));
  unknot_test_click (GTK_WIDGET (map), glutes.x, glutes.y);
  check.region_id = "hamstrings-right";
  unknot_test_wait_until (region_page_shown, &check);
  unknot_test_wait_until (content_is_shown, split_view);
  unknot_test_save_png (window, "window-narrow-page.png");
  unknot_test_assert_fits (window, "a region page at 360 px");

  gtk_widget_activate_action (GTK_WIDGET (adw_navigation_split_view_get_content (split_view)),
                              "navigation.pop", NULL);
  unknot_test_wait_until (sidebar_is_shown, split_view);
  unknot_test_wait_for_frame (window);

  unknot_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/window-map/click-region-opens-page", test_window_click_region_opens_page);

  return g_test_run ();
}
