/* bare-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yardstick of bench-startup: the least a libadwaita application shows, an empty
 * AdwApplicationWindow with a header bar in a toolbar view, at Unknot's default size,
 * built with the same compiler and flags. With --exit-after-first-frame it does what
 * Unknot does with that option: print "activate <monotonic µs>" on standard output
 * before it builds its window, "presented <µs>" once the window is presented and
 * "first-frame <µs>" once its first frame is drawn, and quit.
 */

#include "config.h"

#include <adwaita.h>

static gboolean exit_after_first_frame;

static const GOptionEntry option_entries[] = {
  { "exit-after-first-frame", 0, 0, G_OPTION_ARG_NONE, &exit_after_first_frame, NULL, NULL },
  { NULL }
};

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
  GtkWidget *window, *view;

  if (exit_after_first_frame)
    print_mark ("activate");

  window = adw_application_window_new (app);
  view = adw_toolbar_view_new ();

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (view), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), view);
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
