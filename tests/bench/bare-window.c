/* bare-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yardstick of bench-startup: the least a libadwaita application shows, an empty
 * AdwApplicationWindow with a header bar in a toolbar view, at Unknot's default size,
 * built with the same compiler and flags. With --exit-after-first-frame it does what
 * Unknot does with that option: print "activate <monotonic µs>" on standard output
 * before it builds its window, "presented <µs>" once the window is presented and
 * "first-frame <µs>" once its first frame is drawn, and quit. With --with-card it
 * shows the least content a real window has: a 64 px picture and a card (a boxed
 * list) with one row, which tells bench-startup what drawing any content costs. With
 * --with-frame it shows Unknot's frame and nothing in it, built from the same standard
 * widgets: a navigation split view (the sidebar at Unknot's width) whose sidebar has a
 * header bar, a focused search entry and a card with one switch row, and whose content
 * has a header bar of its own; which tells bench-startup what the layout alone costs.
 */

#include "config.h"

#include <adwaita.h>

static gboolean exit_after_first_frame;
static gboolean with_card;
static gboolean with_frame;

static const GOptionEntry option_entries[] = {
  { "exit-after-first-frame", 0, 0, G_OPTION_ARG_NONE, &exit_after_first_frame, NULL, NULL },
  { "with-card", 0, 0, G_OPTION_ARG_NONE, &with_card, NULL, NULL },
  { "with-frame", 0, 0, G_OPTION_ARG_NONE, &with_frame, NULL, NULL },
  { NULL }
};

/* A 64 px picture (a texture of its own, as an illustration is) above a card with
 * one row. */
static GtkWidget *
make_card (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels = g_malloc (64 * 64 * 4);
  GtkWidget *picture;

  for (guint i = 0; i < 64 * 64 * 4; i++)
    pixels[i] = (guchar) (i * 7);
  bytes = g_bytes_new_take (pixels, 64 * 64 * 4);
  texture = gdk_memory_texture_new (64, 64, GDK_MEMORY_DEFAULT, bytes, 64 * 4);
  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_widget_set_size_request (picture, 64, 64);
  gtk_box_append (GTK_BOX (box), picture);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "A Row");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_start (list, 24);
  gtk_widget_set_margin_end (list, 24);
  gtk_box_append (GTK_BOX (box), list);

  return box;
}

/* Unknot's frame, empty: the split view and its two panes, each with its header bar;
 * the sidebar with a search entry that has the focus, as Unknot's has, and a card with
 * one switch row. Returns the content of the window; @focus is the entry. */
static GtkWidget *
make_frame (GtkWidget **focus)
{
  GtkWidget *split = adw_navigation_split_view_new ();
  GtkWidget *sidebar = adw_toolbar_view_new ();
  GtkWidget *content = adw_toolbar_view_new ();
  GtkWidget *content_bar = adw_header_bar_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry = gtk_search_entry_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_switch_row_new ();

  gtk_search_entry_set_placeholder_text (GTK_SEARCH_ENTRY (entry), "Search");
  gtk_box_append (GTK_BOX (box), entry);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "A Switch");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "What the switch does");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (sidebar), adw_header_bar_new ());
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (sidebar), box);
  adw_header_bar_set_show_title (ADW_HEADER_BAR (content_bar), FALSE);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (content), content_bar);

  adw_navigation_split_view_set_min_sidebar_width (ADW_NAVIGATION_SPLIT_VIEW (split), 300);
  adw_navigation_split_view_set_max_sidebar_width (ADW_NAVIGATION_SPLIT_VIEW (split), 420);
  adw_navigation_split_view_set_sidebar_width_fraction (ADW_NAVIGATION_SPLIT_VIEW (split), 0.4);
  adw_navigation_split_view_set_sidebar (ADW_NAVIGATION_SPLIT_VIEW (split),
                                         adw_navigation_page_new (sidebar, "Bare Window"));
  adw_navigation_split_view_set_content (ADW_NAVIGATION_SPLIT_VIEW (split),
                                         adw_navigation_page_new (content, "Content"));

  *focus = entry;

  return split;
}

static void
print_mark (const char *name)
{
  g_print ("%s %" G_GINT64_FORMAT "\n", name, g_get_monotonic_time ());
  fflush (stdout);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GtkWindow     *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  /* The first frame that drew the window: mapped, and laid out. */
  if (!gdk_surface_get_mapped (surface) || gtk_widget_get_width (GTK_WIDGET (window)) == 0)
    return;

  print_mark ("first-frame");

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, window);
  gtk_window_close (window);
}

static void
on_activate_cb (GtkApplication *app)
{
  GtkWidget *window, *view, *focus = NULL;

  if (exit_after_first_frame)
    print_mark ("activate");

  window = adw_application_window_new (app);
  if (with_frame)
    {
      view = make_frame (&focus);
    }
  else
    {
      view = adw_toolbar_view_new ();
      adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (view), adw_header_bar_new ());
      if (with_card)
        adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (view), make_card ());
    }
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), view);
  if (focus != NULL)
    gtk_window_set_focus (GTK_WINDOW (window), focus);
  gtk_window_set_title (GTK_WINDOW (window), "Bare Window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  gtk_window_present (GTK_WINDOW (window));

  if (exit_after_first_frame)
    print_mark ("presented");
  if (exit_after_first_frame)
    g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                             G_CALLBACK (on_after_paint_cb), window, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new ("io.github.unknot.Unknot.BareWindow", G_APPLICATION_NON_UNIQUE);
  g_application_add_main_option_entries (G_APPLICATION (app), option_entries);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
