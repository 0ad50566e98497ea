/* test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: its title, layout at any width, saved size and menu keys.
 */

#include "config.h"

#include "journal/unknot-journal.h"
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

  /* Phone width: the breakpoint collapses the split view, and what it shows fits. */
  unknot_test_resize (window, 360, 700);
  unknot_test_wait_until (split_view_is_collapsed, split_view);
  unknot_test_wait_for_frame (window);
  unknot_test_assert_fits (window, "the window at 360 px");

  unknot_test_resize (window, 1000, 720);
  unknot_test_wait_until (split_view_is_expanded, split_view);
  unknot_test_wait_for_frame (window);

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

static gboolean
journal_set_aside (gpointer data)
{
  return unknot_journal_get_kept_aside (data) != NULL;
}

static gboolean
journal_page_shown (gpointer window)
{
  AdwNavigationPage *page = unknot_window_get_visible_page (window);

  return page != NULL && g_strcmp0 (adw_navigation_page_get_tag (page), "journal") == 0;
}

static gboolean
says_journal_set_aside (gpointer window)
{
  return unknot_test_has_text (window, "Your pain journal was damaged and has been set aside");
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A damaged journal is reported as soon as the window opens, to a person who may never
 * open the journal, and "Show" leads to the journal's own explanation. The damaged file
 * is kept as it was. */
static void
test_window_damaged_journal (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "unknot", NULL);
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *contents = NULL;
  const char damage[] = "This is not a journal, it is a damaged file.";
  GtkWindow *window;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, damage, sizeof damage, NULL));

  window = unknot_test_activate (app);
  unknot_test_wait_until (journal_set_aside, unknot_application_get_journal (app));
  unknot_test_wait_until (says_journal_set_aside, window);

  kept = g_strdup (unknot_journal_get_kept_aside (unknot_application_get_journal (app)));
  g_assert_true (g_file_get_contents (kept, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, damage, sizeof damage);

  gtk_widget_activate (find_button (GTK_WIDGET (window), "_Show"));
  unknot_test_wait_until (journal_page_shown, window);
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
  g_test_add_func ("/window/damaged-journal", test_window_damaged_journal);

  return g_test_run ();
}
