/* test-technique-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A technique's page in the real window: reached from the map, its steps with their
 * pictures, its Hold button, and how it looks in the dark style and on a phone.
 */

#include "config.h"

#include "bodymap/unknot-body-map.h"
#include "pages/unknot-region-page.h"
#include "pages/unknot-technique-page.h"
#include "unknot-illustration.h"
#include "unknot-test-utils.h"
#include "unknot-window.h"

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
hold_requested (gpointer data)
{
  HoldRequest *request = data;

  return request->technique != NULL;
}

/* A button's activation comes a moment after the key press, as its press shows. */
static void
press_hold (AdwNavigationPage *page,
            HoldRequest       *request)
{
  GtkWidget *hold = unknot_test_find_by_name (GTK_WIDGET (page), "hold-button");

  g_assert_nonnull (hold);
  g_clear_pointer (&request->technique, g_free);
  gtk_widget_activate (hold);
  unknot_test_wait_for (hold_requested, request, "the Hold button on “%s” to ask for a hold",
                        adw_navigation_page_get_tag (page));
}

static void
test_from_the_map (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = unknot_test_activate (app);
  UnknotBodyMap *map = unknot_window_get_body_map (UNKNOT_WINDOW (window));
  g_autoptr(GPtrArray) illustrations = g_ptr_array_new ();
  AdwNavigationPage *page;
  GtkWidget *group, *row;

  /* From the map: the left lumbar erector spinae, chosen like a button. */
  gtk_widget_activate (unknot_body_map_get_region_widget (map, "erector-spinae-lumbar-left"));
  page = unknot_test_wait_for_page (window, "erector-spinae-lumbar-left");
  g_assert_true (UNKNOT_IS_REGION_PAGE (page));
  unknot_test_save_png (window, "pages-region-light.png");

  /* Its foam roller technique. */
  group = unknot_test_find_by_name (GTK_WIDGET (page), "foam-roller");
  g_assert_nonnull (group);
  row = unknot_test_find_descendant (group, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  page = unknot_test_wait_for_page (window, "foam-roller-lower-back");
  g_assert_true (UNKNOT_IS_TECHNIQUE_PAGE (page));

  /* Every step with its picture, drawn. */
  unknot_test_collect (GTK_WIDGET (page), UNKNOT_TYPE_ILLUSTRATION, illustrations);
  g_assert_cmpuint (illustrations->len, ==,
                    g_list_model_get_n_items (unknot_technique_get_steps (
                      unknot_technique_page_get_technique (UNKNOT_TECHNIQUE_PAGE (page)))));
  for (guint i = 0; i < illustrations->len; i++)
    {
      g_assert_true (unknot_illustration_is_loaded (g_ptr_array_index (illustrations, i)));
      g_assert_cmpint (gtk_widget_get_height (g_ptr_array_index (illustrations, i)), >, 100);
    }

  unknot_test_close_window (window);
}

static void
test_hold_button (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window;
  HoldRequest request = { 0 };
  AdwNavigationPage *page;

  /* The holds started here never end on their own while the test looks. */
  unknot_test_use_fake_clock (unknot_application_get_hold_timer (app));
  g_signal_connect (app, "hold-requested", G_CALLBACK (on_hold_requested_cb), &request);
  window = unknot_test_activate (app);

  /* The Hold button asks for the step's hold: step 4, the default 30 s within 20–40 s. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-technique", "(ss)",
                              "foam-roller-lower-back", "erector-spinae-lumbar-left");
  page = unknot_test_wait_for_page (window, "foam-roller-lower-back");
  press_hold (page, &request);
  g_assert_cmpstr (request.technique, ==, "foam-roller-lower-back");
  g_assert_cmpuint (request.step, ==, 4);
  g_assert_cmpuint (request.seconds, ==, 30);

  /* A longer default is kept within the step's range. */
  g_settings_set_int (unknot_application_get_settings (app), "hold-seconds", 90);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-technique", "(ss)",
                              "foam-roller-upper-back", "rhomboids-left");
  page = unknot_test_wait_for_page (window, "foam-roller-upper-back");
  press_hold (page, &request);
  g_assert_cmpstr (request.technique, ==, "foam-roller-upper-back");
  g_assert_cmpuint (request.seconds, ==, 60);

  /* The Hold button opened the hold on top; Back goes to the technique, then to the
   * one before it. */
  page = unknot_test_wait_for_page (window, "hold");
  gtk_widget_activate_action (GTK_WIDGET (page), "hold.reset", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "navigation.pop", NULL);
  page = unknot_test_wait_for_page (window, "foam-roller-upper-back");
  gtk_widget_activate_action (GTK_WIDGET (page), "navigation.pop", NULL);
  unknot_test_wait_for_page (window, "foam-roller-lower-back");

  g_free (request.technique);
  unknot_test_close_window (window);
}

/* The window showing the foam roller technique for the lower back. */
static GtkWindow *
show_foam_roller_technique (UnknotApplication *app)
{
  GtkWindow *window = unknot_test_activate (app);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-technique", "(ss)",
                              "foam-roller-lower-back", "erector-spinae-lumbar-left");
  unknot_test_wait_for_page (window, "foam-roller-lower-back");

  return window;
}

static void
test_dark (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = show_foam_roller_technique (app);
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;

  /* Light by default, and dark, background and all, in the dark style. */
  light = unknot_test_screenshot (window, "pages-technique-light.png");
  unknot_test_assert_light (light, "pages-technique-light.png");
  unknot_test_set_dark (window, TRUE);
  dark = unknot_test_screenshot (window, "pages-technique-dark.png");
  unknot_test_assert_dark (dark, "pages-technique-dark.png");
  unknot_test_set_dark (window, FALSE);

  unknot_test_close_window (window);
}

static void
test_phone_width (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = show_foam_roller_technique (app);

  /* The steps, their pictures and the Hold button fit across a phone. */
  unknot_test_resize (window, 360, 720);
  unknot_test_save_png (window, "pages-technique-narrow.png");
  unknot_test_assert_fits (window, "the technique page at 360 px");

  unknot_test_close_window (window);
}

/* What Tab reaches in the window, from where the focus is, once round. */
static GPtrArray *
tab_round (GtkWindow *window)
{
  GPtrArray *reached = g_ptr_array_new ();

  for (guint i = 0; i < 100; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        continue;
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL || (reached->len > 0 && focus == g_ptr_array_index (reached, 0)))
        break;
      g_ptr_array_add (reached, focus);
    }

  return reached;
}

static void
test_under_the_hold (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  g_autoptr(GPtrArray) reached = NULL;
  AdwNavigationPage *technique_page;
  GtkWindow *window;
  guint hidden = 0;

  unknot_test_use_fake_clock (unknot_application_get_hold_timer (app));
  window = show_foam_roller_technique (app);
  technique_page = unknot_window_get_visible_page (UNKNOT_WINDOW (window));

  /* The hold opens over the technique, which is out of sight, out of reach of Tab
   * and of screen readers until Back. */
  gtk_widget_activate (unknot_test_find_by_name (GTK_WIDGET (technique_page), "hold-button"));
  unknot_test_wait_for_page (window, "hold");
  reached = tab_round (window);
  g_assert_cmpuint (reached->len, >, 0);
  for (guint i = 0; i < reached->len; i++)
    hidden += gtk_widget_is_ancestor (g_ptr_array_index (reached, i), GTK_WIDGET (technique_page));

  if (gtk_widget_get_mapped (GTK_WIDGET (technique_page)) || hidden > 0)
    {
      /* Known: adw_navigation_view_replace () in unknot_window_show_page_instead ()
       * leaves the page it covers mapped. Reported, not yet fixed. */
      g_test_incomplete_printf ("the technique page under the hold is still mapped (%s), and Tab "
                                "reaches %u of its widgets out of %u",
                                gtk_widget_get_mapped (GTK_WIDGET (technique_page)) ? "yes" : "no",
                                hidden, reached->len);
    }

  unknot_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/technique-page/from-the-map", test_from_the_map);
  g_test_add_func ("/technique-page/hold-button", test_hold_button);
  g_test_add_func ("/technique-page/dark", test_dark);
  g_test_add_func ("/technique-page/phone-width", test_phone_width);
  g_test_add_func ("/technique-page/under-the-hold", test_under_the_hold);

  return g_test_run ();
}
