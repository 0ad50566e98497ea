/* test-my-routine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * My Routine in the real window: a technique added from its page and run, and the
 * routine edited where it is shown, with what is saved checked on disk.
 */

#include "config.h"

#include "routines/unknot-routine-page.h"
#include "unknot-test-utils.h"
#include "unknot-window.h"

/* Where the application keeps the person's routine: in this test's own data
 * directory. */
static const char *
routine_path (void)
{
  static char *path;

  if (path == NULL)
    path = g_build_filename (g_get_user_data_dir (), "unknot", "my-routine.json", NULL);

  return path;
}

/* The routine as saved on disk, read back by a store of its own. */
static GStrv
saved_routine (void)
{
  g_autoptr(UnknotRoutineStore) on_disk = unknot_routine_store_new (routine_path ());
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_test (routine_path (), G_FILE_TEST_IS_REGULAR));
  unknot_routine_store_load (on_disk, &error);
  g_assert_no_error (error);

  return g_strdupv ((GStrv) unknot_routine_store_get_techniques (on_disk));
}

static gboolean
button_says (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (gtk_button_get_label (args[0]), args[1]) == 0;
}

static void
test_my_routine (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = unknot_test_activate (app);
  UnknotRoutineStore *store = unknot_application_get_routine_store (app, NULL);
  AdwNavigationPage *page;
  GtkWidget *button;
  gpointer args[2];
  UnknotRoutine *routine;
  g_auto(GStrv) saved = NULL;

  /* A test's data starts empty: nothing saved, nothing in the routine. */
  g_assert_false (g_file_test (routine_path (), G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_strv_length ((GStrv) unknot_routine_store_get_techniques (store)), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-technique", "(ss)", "ball-glutes", "");
  page = unknot_test_wait_for_page (window, "ball-glutes");
  button = unknot_test_find_by_name (GTK_WIDGET (page), "toggle-my-routine");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Add to _My Routine");

  /* Added, saved, and the button now offers to take it out again. */
  gtk_widget_activate (button);
  args[0] = button;
  args[1] = (gpointer) "_Remove From My Routine";
  unknot_test_wait_for (button_says, args, "the button to say “%s”", (char *) args[1]);
  g_assert_true (unknot_routine_store_contains (store, "ball-glutes"));
  saved = saved_routine ();
  g_assert_cmpstrv (saved, ((const char *[]) { "ball-glutes", NULL }));

  /* My Routine runs its holds. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-my-routine", NULL);
  page = unknot_test_wait_for_page (window, "routine");
  routine = unknot_routine_player_get_routine (unknot_routine_page_get_player (UNKNOT_ROUTINE_PAGE (page)));
  g_assert_cmpstr (unknot_routine_get_title (routine), ==, "My Routine");
  g_assert_cmpuint (unknot_routine_get_n_holds (routine), ==, 1);
  g_assert_cmpstr (unknot_technique_get_id (unknot_routine_get_technique (routine, 0)), ==, "ball-glutes");

  /* And out again, on disk too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-my-routine", "s", "ball-glutes");
  g_assert_false (unknot_routine_store_contains (store, "ball-glutes"));
  g_clear_pointer (&saved, g_strfreev);
  saved = saved_routine ();
  g_assert_cmpstrv (saved, ((const char *[]) { NULL }));

  unknot_test_close_window (window);
}

/* The technique ids of the holds listed on a routine page, in order. */
static GStrv
listed_holds (AdwNavigationPage *page)
{
  GtkWidget *list = unknot_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_BOX);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    g_strv_builder_add (builder, gtk_widget_get_name (row));

  return g_strv_builder_end (builder);
}

static guint
menu_size (AdwNavigationPage *page,
           const char        *technique_id)
{
  GtkWidget *row = unknot_test_find_by_name (GTK_WIDGET (page), technique_id);
  GtkWidget *button = unknot_test_find_descendant (row, GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (button);
  return g_menu_model_get_n_items (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));
}

static void
test_my_routine_editing (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = unknot_test_activate (app);
  UnknotRoutineStore *store = unknot_application_get_routine_store (app, NULL);
  g_auto(GStrv) order = NULL;
  AdwNavigationPage *page;
  AdwNavigationPage *old_page;
  g_autoptr(GListModel) trail = NULL;
  guint n_routine_pages = 0;
  AdwStatusPage *empty;

  unknot_routine_store_add (store, "ball-glutes");
  unknot_routine_store_add (store, "hands-lower-back");
  unknot_routine_store_add (store, "foam-roller-upper-back");
  g_assert_true (unknot_routine_store_save (store, NULL));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-my-routine", NULL);
  page = unknot_test_wait_for_page (window, "routine");
  g_assert_true (unknot_routine_page_get_editable (UNKNOT_ROUTINE_PAGE (page)));
  order = listed_holds (page);
  g_assert_cmpstrv (order, ((const char *[]) { "ball-glutes", "hands-lower-back", "foam-roller-upper-back", NULL }));

  /* Each hold has a menu: the first cannot move up, the last cannot move down. */
  g_assert_cmpuint (menu_size (page, "ball-glutes"), ==, 2);
  g_assert_cmpuint (menu_size (page, "hands-lower-back"), ==, 3);
  g_assert_cmpuint (menu_size (page, "foam-roller-upper-back"), ==, 2);

  /* Moving the last one up: the page shows the new order, the file keeps it and the
   * moved hold keeps the keyboard focus. */
  old_page = page;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move-in-my-routine", "(si)",
                              "foam-roller-upper-back", -1);
  page = unknot_window_get_visible_page (UNKNOT_WINDOW (window));
  g_assert_true (page != old_page);
  g_clear_pointer (&order, g_strfreev);
  order = listed_holds (page);
  g_assert_cmpstrv (order, ((const char *[]) { "ball-glutes", "foam-roller-upper-back", "hands-lower-back", NULL }));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == unknot_test_find_by_name (GTK_WIDGET (page), "foam-roller-upper-back"));

  g_clear_pointer (&order, g_strfreev);
  order = saved_routine ();
  g_assert_cmpstrv (order, ((const char *[]) { "ball-glutes", "foam-roller-upper-back", "hands-lower-back", NULL }));

  /* A hold opens its whole technique; My Routine opened again from there comes to the
   * top of the trail instead of being on it twice. */
  gtk_widget_activate (unknot_test_find_by_name (GTK_WIDGET (page), "hands-lower-back"));
  unknot_test_wait_for_page (window, "hands-lower-back");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-my-routine", NULL);
  page = unknot_test_wait_for_page (window, "routine");
  trail = adw_navigation_view_get_navigation_stack (ADW_NAVIGATION_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_NAVIGATION_VIEW)));
  for (guint i = 0; i < g_list_model_get_n_items (trail); i++)
    {
      g_autoptr(AdwNavigationPage) on_trail = g_list_model_get_item (trail, i);

      n_routine_pages += g_strcmp0 (adw_navigation_page_get_tag (on_trail), "routine") == 0;
    }
  g_assert_cmpuint (n_routine_pages, ==, 1);

  /* Taking a hold out can be undone: it comes back to its place. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-my-routine", "s", "foam-roller-upper-back");
  page = unknot_window_get_visible_page (UNKNOT_WINDOW (window));
  g_clear_pointer (&order, g_strfreev);
  order = listed_holds (page);
  g_assert_cmpstrv (order, ((const char *[]) { "ball-glutes", "hands-lower-back", NULL }));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-to-my-routine", "(su)",
                              "foam-roller-upper-back", 1);
  page = unknot_window_get_visible_page (UNKNOT_WINDOW (window));
  g_clear_pointer (&order, g_strfreev);
  order = listed_holds (page);
  g_assert_cmpstrv (order, ((const char *[]) { "ball-glutes", "foam-roller-upper-back", "hands-lower-back", NULL }));

  /* Taking every hold out leaves a page that says how to fill it, with nothing to start. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-my-routine", "s", "ball-glutes");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-my-routine", "s", "hands-lower-back");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-my-routine", "s", "foam-roller-upper-back");
  page = unknot_window_get_visible_page (UNKNOT_WINDOW (window));
  g_assert_true (UNKNOT_IS_ROUTINE_PAGE (page));
  g_clear_pointer (&order, g_strfreev);
  order = listed_holds (page);
  g_assert_cmpuint (g_strv_length (order), ==, 0);
  empty = ADW_STATUS_PAGE (unknot_test_find_by_id (GTK_WIDGET (page), "empty_status"));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (empty)));
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "Your Routine Is Empty");
  g_assert_false (gtk_widget_is_drawable (unknot_test_find_by_id (GTK_WIDGET (page), "start_button")));
  unknot_test_save_png (window, "my-routine-empty.png");

  /* A guided routine with nothing for the person's tools says so and offers to choose
   * more tools. */
  g_settings_set_strv (unknot_application_get_settings (app), "owned-tools",
                       (const char *[]) { "hands", NULL });
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-routine", "s", "post-workout");
  page = unknot_test_wait_for_page (window, "routine");
  empty = ADW_STATUS_PAGE (unknot_test_find_by_id (GTK_WIDGET (page), "empty_status"));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (empty)));
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "Nothing for Your Tools");
  g_assert_true (gtk_widget_is_drawable (unknot_test_find_by_id (GTK_WIDGET (page), "tools_button")));

  unknot_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/my-routine/added-from-a-technique", test_my_routine);
  g_test_add_func ("/my-routine/editing", test_my_routine_editing);

  return g_test_run ();
}
