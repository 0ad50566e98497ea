/* unknot-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

#include "unknot-screenshot.h"
#include "unknot-test-utils.h"

/* How long a UI condition may take before the test fails rather than hangs. */
#define WAIT_SECONDS 10

void
unknot_test_init (int    *argc,
                  char ***argv)
{
  static const char *xdg_vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
  g_autofree char *home = g_dir_make_tmp ("unknot-test-XXXXXX", NULL);

  /* A private home per test process, so no test sees another's files. */
  g_assert_nonnull (home);
  for (guint i = 0; i < G_N_ELEMENTS (xdg_vars); i++)
    {
      g_autofree char *dir = g_build_filename (home, xdg_vars[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (xdg_vars[i], dir, TRUE);
    }

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* Page transitions finish at once: no test waits on, or closes a window during, an
   * animation. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* With an ID of its own and non-unique, so that tests running side by side, or one
 * after another in one process, never meet on D-Bus. */
UnknotApplication *
unknot_test_application_new (void)
{
  UnknotApplication *app = unknot_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  static guint serial;

  id = g_strdup_printf ("%s.Test%d_%u", APPLICATION_ID, (int) getpid (), ++serial);
  g_application_set_application_id (G_APPLICATION (app), id);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  /* Every test starts from the defaults (the memory backend lives as long as the
   * process), the first-run dialog has a test of its own, and there is no chime in
   * the middle of a test run. */
  {
    GSettings *settings = unknot_application_get_settings (app);
    g_autoptr(GSettingsSchema) schema = NULL;
    g_auto(GStrv) keys = NULL;

    g_object_get (settings, "settings-schema", &schema, NULL);
    keys = g_settings_schema_list_keys (schema);
    for (guint i = 0; keys[i] != NULL; i++)
      g_settings_reset (settings, keys[i]);
  }
  g_settings_set_boolean (unknot_application_get_settings (app), "first-run-done", TRUE);
  g_settings_set_boolean (unknot_application_get_settings (app), "sound-enabled", FALSE);

  return app;
}

static gboolean
window_is_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

GtkWindow *
unknot_test_activate (UnknotApplication *app)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  unknot_test_wait_until (window_is_drawn, window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return window;
}

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

void
unknot_test_wait_until_real (UnknotTestCondition  condition,
                             gpointer             data,
                             const char          *what)
{
  gboolean timed_out = FALSE;
  guint id;

  id = g_timeout_add_seconds (WAIT_SECONDS, on_timeout_cb, &timed_out);
  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  if (!condition (data))
    g_error ("waited %d s in vain for %s", WAIT_SECONDS, what);
}

static gboolean
window_is_gone (gpointer data)
{
  GtkWindow **window = data;

  return *window == NULL;
}

void
unknot_test_close_window (GtkWindow *window)
{
  GtkWindow *weak = window;

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_close (window);
  unknot_test_wait_until (window_is_gone, &weak);
}

GtkWidget *
unknot_test_find_descendant (GtkWidget *widget,
                             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = unknot_test_find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether a label or a button inside @widget shows exactly @text. */
gboolean
unknot_test_has_text (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (unknot_test_has_text (child, text))
      return TRUE;

  return FALSE;
}

GtkWidget *
unknot_test_find_by_id (GtkWidget  *widget,
                        const char *buildable_id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), buildable_id) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = unknot_test_find_by_id (child, buildable_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Real pointer events: the X server moves its pointer and clicks, and GTK receives the
 * events as it would from a mouse, through picking, gestures and all. The UI tests run
 * on Xvfb; GTK 4.18 deprecates its X11 API, but it is the one way to reach the server. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static Display *
widget_to_root (GtkWidget *widget,
                double     x,
                double     y,
                int       *root_x,
                int       *root_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  int scale = gdk_surface_get_scale_factor (surface);
  graphene_point_t point;
  double sx, sy;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &sx, &sy);
  XTranslateCoordinates (display, gdk_x11_surface_get_xid (surface),
                         DefaultRootWindow (display),
                         (int) ((point.x + sx) * scale), (int) ((point.y + sy) * scale),
                         root_x, root_y, &child);

  return display;
}

G_GNUC_END_IGNORE_DEPRECATIONS

static gboolean
spin_once (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;

  return G_SOURCE_REMOVE;
}

/* Lets the events come back from the X server and be handled. */
static void
process_events (void)
{
  gboolean done = FALSE;

  g_timeout_add (50, spin_once, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
unknot_test_pointer_move (GtkWidget *widget,
                          double     x,
                          double     y)
{
  int root_x, root_y;
  Display *display = widget_to_root (widget, x, y, &root_x, &root_y);

  XTestFakeMotionEvent (display, -1, root_x, root_y, CurrentTime);
  XFlush (display);
  process_events ();
}

void
unknot_test_click (GtkWidget *widget,
                   double     x,
                   double     y)
{
  int root_x, root_y;
  Display *display = widget_to_root (widget, x, y, &root_x, &root_y);

  XTestFakeMotionEvent (display, -1, root_x, root_y, CurrentTime);
  XTestFakeButtonEvent (display, 1, True, CurrentTime);
  XTestFakeButtonEvent (display, 1, False, CurrentTime);
  XFlush (display);
  process_events ();
}

/* A real key press and release, sent where the X server sends keys: the pointer is
 * moved over @widget first. */
void
unknot_test_press_key (GtkWidget *widget,
                       guint      keyval)
{
  int root_x, root_y;
  Display *display;
  KeyCode code;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  display = widget_to_root (widget, gtk_widget_get_width (widget) / 2.0,
                            gtk_widget_get_height (widget) / 2.0, &root_x, &root_y);
  G_GNUC_END_IGNORE_DEPRECATIONS
  code = XKeysymToKeycode (display, keyval);
  g_assert_cmpuint (code, !=, 0);

  XTestFakeMotionEvent (display, -1, root_x, root_y, CurrentTime);
  XTestFakeKeyEvent (display, code, True, CurrentTime);
  XTestFakeKeyEvent (display, code, False, CurrentTime);
  XFlush (display);
  process_events ();
}

/* Writes what @widget shows now into the test build directory, for people to look at. */
void
unknot_test_save_png (GtkWidget  *widget,
                      const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *scaled = NULL;
  g_autofree char *path = NULL;

  /* Runs at another scale factor write pictures of their own. */
  if (gtk_widget_get_scale_factor (widget) > 1)
    name = scaled = g_strdup_printf ("scale%d-%s", gtk_widget_get_scale_factor (widget), name);
  path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  gtk_test_widget_wait_for_draw (widget);
  texture = unknot_widget_render_texture (widget);
  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}
