/* test-window-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Searching from the sidebar of the main window: results, choosing one, nothing found.
 */

#include "config.h"

#include "pages/unknot-region-page.h"
#include "unknot-test-utils.h"
#include "unknot-window.h"

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
on_search_changed_cb (GtkSearchEntry *entry,
                      gboolean       *changed)
{
  *changed = TRUE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
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
  unknot_test_save_png (window, "window-search-lats.png");

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
  gtk_editable_set_text (GTK_EDITABLE (entry), "xylophone");
  stack_check.name = "no-results";
  unknot_test_wait_until (stack_shows, &stack_check);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  stack_check.name = "map";
  unknot_test_wait_until (stack_shows, &stack_check);

  /* Spaces alone are no search yet: the map stays, with no "No Matching Muscles". */
  {
    gboolean changed = FALSE;
    gulong handler = g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_changed_cb), &changed);

    gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
    unknot_test_wait_until (flag_is_set, &changed);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "map");
    g_signal_handler_disconnect (entry, handler);
  }

  unknot_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/window-search/search", test_window_search);

  return g_test_run ();
}
