/* first-frame-probe.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What --exit-after-first-frame does in Unknot and tests/bench/bare-window, for a
 * GTK application that has no such option (a peer such as GNOME Clocks): preloaded
 * (LD_PRELOAD), it prints the same three marks on standard output, the monotonic µs
 * when the application is activated, when its first window is presented and when
 * that window's first frame is drawn, and then quits the application.
 *
 * It takes the place of g_application_run () and gtk_window_present () and calls the
 * real ones, which it finds with dlsym (RTLD_NEXT). It only works for applications
 * that call both through the dynamic linker, as C and Vala applications do.
 */

#define _GNU_SOURCE

#include <dlfcn.h>
#include <gtk/gtk.h>
#include <stdio.h>

static gboolean presented;

static void
print_mark (const char *name)
{
  g_print ("%s %" G_GINT64_FORMAT "\n", name, g_get_monotonic_time ());
  fflush (stdout);
}

/* An emission hook runs before every handler of a RUN_LAST signal such as
 * GApplication::activate, whether the application overrides the class handler (as a
 * Vala application does) or connected its own in main (). Once only. */
static gboolean
on_activate_hook (GSignalInvocationHint *hint,
                  guint                  n_params,
                  const GValue          *params,
                  gpointer               user_data)
{
  print_mark ("activate");

  return FALSE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GtkWindow     *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  /* The first frame that drew the window: mapped, and laid out, as the two programs
   * with --exit-after-first-frame decide it. */
  if (surface == NULL || !gdk_surface_get_mapped (surface) ||
      gtk_widget_get_width (GTK_WIDGET (window)) == 0)
    return;

  print_mark ("first-frame");
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, window);
  g_application_quit (g_application_get_default ());
}

int
g_application_run (GApplication  *application,
                   int            argc,
                   char         **argv)
{
  int (*real_run) (GApplication *, int, char **) = dlsym (RTLD_NEXT, "g_application_run");

  if (real_run == NULL)
    g_error ("first-frame-probe: g_application_run () not found: %s", dlerror ());

  g_signal_add_emission_hook (g_signal_lookup ("activate", G_TYPE_APPLICATION), 0,
                              on_activate_hook, NULL, NULL);

  return real_run (application, argc, argv);
}

void
gtk_window_present (GtkWindow *window)
{
  void (*real_present) (GtkWindow *) = dlsym (RTLD_NEXT, "gtk_window_present");

  if (real_present == NULL)
    g_error ("first-frame-probe: gtk_window_present () not found: %s", dlerror ());

  real_present (window);

  if (presented)
    return;

  presented = TRUE;
  print_mark ("presented");
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                           G_CALLBACK (on_after_paint_cb), window, 0);
}
