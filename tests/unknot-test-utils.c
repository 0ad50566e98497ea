/* unknot-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the UI tests share: a private home, an application that starts from the
 * defaults, waits that last until what they wait for has happened (and fail, saying
 * what, when it does not), real pointer and key events, a clock the tests move
 * themselves, and checks of what a picture of the window shows.
 */

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

#include "unknot-screenshot.h"
#include "unknot-test-utils.h"
#include "unknot-window.h"

static char *test_home;
static GTestDBus *test_bus;

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' name='app_name' direction='in'/>"
  "      <arg type='u' name='replaces_id' direction='in'/>"
  "      <arg type='s' name='app_icon' direction='in'/>"
  "      <arg type='s' name='summary' direction='in'/>"
  "      <arg type='s' name='body' direction='in'/>"
  "      <arg type='as' name='actions' direction='in'/>"
  "      <arg type='a{sv}' name='hints' direction='in'/>"
  "      <arg type='i' name='expire_timeout' direction='in'/>"
  "      <arg type='u' name='id' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'>"
  "      <arg type='u' name='id' direction='in'/>"
  "    </method>"
  "    <method name='GetCapabilities'>"
  "      <arg type='as' name='capabilities' direction='out'/>"
  "    </method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' name='name' direction='out'/>"
  "      <arg type='s' name='vendor' direction='out'/>"
  "      <arg type='s' name='version' direction='out'/>"
  "      <arg type='s' name='spec_version' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static void
on_notifications_call_cb (GDBusConnection       *connection,
                          const char            *sender,
                          const char            *object_path,
                          const char            *interface_name,
                          const char            *method_name,
                          GVariant              *parameters,
                          GDBusMethodInvocation *invocation,
                          gpointer               user_data)
{
  static guint32 last_id;

  if (g_str_equal (method_name, "Notify"))
    {
      const char *summary, *body;

      g_variant_get_child (parameters, 3, "&s", &summary);
      g_variant_get_child (parameters, 4, "&s", &body);
      g_test_message ("notification: %s (%s)", summary, body);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", ++last_id));
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new_parsed ("(['body', 'actions'],)"));
    }
  else if (g_str_equal (method_name, "GetServerInformation"))
    {
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(ssss)", "unknot-test", "Unknot", "1", "1.2"));
    }
  else
    {
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
}

static void
on_name_acquired_cb (GDBusConnection *connection,
                     const char      *name,
                     gpointer         data)
{
  *(gboolean *) data = TRUE;
}

static gboolean wait_in_time (UnknotTestCondition condition,
                              gpointer            data);
static gboolean flag_is_set  (gpointer            data);

/* A session bus of the process's own, so that tests running side by side never meet
 * on it, with a notification server on it as a desktop has: a hold that ends while
 * the window is in the background says so in a notification. */
static void
start_session_bus (void)
{
  static const GDBusInterfaceVTable vtable = { on_notifications_call_cb, NULL, NULL, { 0 } };
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  static gboolean acquired;

  /* It unsets DISPLAY, for tests that want no X server; these want theirs. */
  test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (test_bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  info = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (connection, "/org/freedesktop/Notifications",
                                     info->interfaces[0], &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  g_bus_own_name_on_connection (connection, "org.freedesktop.Notifications",
                                G_BUS_NAME_OWNER_FLAGS_NONE,
                                on_name_acquired_cb, NULL, &acquired, NULL);
  if (!wait_in_time (flag_is_set, &acquired))
    g_error ("the test's notification server never got its name on the bus");
}

void
unknot_test_init (int    *argc,
                  char ***argv)
{
  static const char *xdg_vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };

  /* A private home per test process, so no test sees another's files. */
  test_home = g_dir_make_tmp ("unknot-test-XXXXXX", NULL);
  g_assert_nonnull (test_home);
  for (guint i = 0; i < G_N_ELEMENTS (xdg_vars); i++)
    {
      g_autofree char *dir = g_build_filename (test_home, xdg_vars[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (xdg_vars[i], dir, TRUE);
    }

  /* The tests draw with cairo (GSK_RENDERER), so GDK need not set up OpenGL when it
   * opens the display; under the sanitizers that alone takes a second. */
  g_setenv ("GDK_DISABLE", "gl", FALSE);

  /* Before GTK and libadwaita look on the bus for portals. */
  start_session_bus ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* Page transitions finish at once: no test waits on, or closes a window during, an
   * animation. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

static void
remove_contents (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (listing == NULL)
    return;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        {
          remove_contents (path);
          g_assert_cmpint (g_rmdir (path), ==, 0);
        }
      else
        {
          g_assert_cmpint (g_unlink (path), ==, 0);
        }
    }
}

/* Each test case starts with an empty data directory (the person's routine lives
 * there), whichever cases ran before it in this process. */
static void
empty_data_dir (void)
{
  const char *data_dir = g_get_user_data_dir ();
  g_autofree char *prefix = NULL;

  /* Only ever the private home unknot_test_init () made. */
  g_assert_nonnull (test_home);
  prefix = g_build_filename (test_home, "", NULL);
  g_assert_true (g_str_has_prefix (data_dir, prefix));

  remove_contents (data_dir);
  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
}

/* With an ID of its own and non-unique, so that tests running side by side, or one
 * after another in one process, never meet on D-Bus. */
UnknotApplication *
unknot_test_application_new (void)
{
  UnknotApplication *app;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  static guint serial;

  empty_data_dir ();

  app = unknot_application_new ();
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

  /* The style is the default one (light here, with no portal), whatever a test
   * before this one left. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  return app;
}

/* ---------------------------------------------------------------------------------- */
/* Waiting */

static gboolean
on_deadline_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds or the deadline passes; the main loop
 * wakes for the deadline, so nothing is polled on a timer. */
static gboolean
wait_in_time (UnknotTestCondition condition,
              gpointer            data)
{
  gboolean timed_out = FALSE;
  guint id;

  if (condition (data))
    return TRUE;

  id = g_timeout_add_seconds (UNKNOT_TEST_WAIT_SECONDS, on_deadline_cb, &timed_out);
  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  return condition (data);
}

G_GNUC_PRINTF (4, 5)
static void
fail_waiting (const char *file,
              int         line,
              const char *func,
              const char *format,
              ...)
{
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  message = g_strdup_printf ("waited %d s in vain for %s", UNKNOT_TEST_WAIT_SECONDS, what);
  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

void
unknot_test_wait_for_real (const char          *file,
                           int                  line,
                           const char          *func,
                           UnknotTestCondition  condition,
                           gpointer             data,
                           const char          *format,
                           ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (wait_in_time (condition, data))
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  fail_waiting (file, line, func, "%s", what);
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
on_frame_wanted_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  return G_SOURCE_REMOVE;
}

/* Waits until @widget's frame clock has painted a whole frame (styles, layout and
 * drawing) begun after this call. */
void
unknot_test_wait_for_frame_real (const char *file,
                                 int         line,
                                 const char *func,
                                 GtkWidget  *widget)
{
  g_autoptr(GdkFrameClock) clock = NULL;
  gboolean painted = FALSE;
  gulong handler;

  if (gtk_widget_get_frame_clock (widget) == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s has no frame clock to wait on: it is not shown",
                                                  G_OBJECT_TYPE_NAME (widget));

      g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
    }

  clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  /* A tick callback makes the clock run a frame even if nothing changed. */
  gtk_widget_add_tick_callback (widget, on_frame_wanted_cb, NULL, NULL);
  if (!wait_in_time (flag_is_set, &painted))
    fail_waiting (file, line, func, "a frame of %s to be drawn", G_OBJECT_TYPE_NAME (widget));
  g_signal_handler_disconnect (clock, handler);
}

typedef struct
{
  UnknotWindow *window;
  const char   *tag;
} PageCheck;

static gboolean
page_shown (gpointer data)
{
  PageCheck *check = data;
  AdwNavigationPage *page = unknot_window_get_visible_page (check->window);

  return page != NULL && g_strcmp0 (adw_navigation_page_get_tag (page), check->tag) == 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (page));
}

/* Waits until the window shows the page tagged @tag, drawn. */
AdwNavigationPage *
unknot_test_wait_for_page_real (const char *file,
                                int         line,
                                const char *func,
                                GtkWindow  *window,
                                const char *tag)
{
  PageCheck check = { UNKNOT_WINDOW (window), tag };

  if (!wait_in_time (page_shown, &check))
    {
      AdwNavigationPage *shown = unknot_window_get_visible_page (UNKNOT_WINDOW (window));
      g_autoptr(GString) on_screen = g_string_new (NULL);

      if (shown != NULL)
        for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (GTK_WIDGET (shown)));
             child != NULL;
             child = gtk_widget_get_next_sibling (child))
          if (ADW_IS_NAVIGATION_PAGE (child) && gtk_widget_get_mapped (child))
            g_string_append_printf (on_screen, " “%s”", adw_navigation_page_get_tag (ADW_NAVIGATION_PAGE (child)));

      fail_waiting (file, line, func, "the page “%s” to be shown (the window shows “%s”; mapped:%s)",
                    tag, shown ? adw_navigation_page_get_tag (shown) : "nothing",
                    on_screen->len > 0 ? on_screen->str : " nothing");
    }
  unknot_test_wait_for_frame_real (file, line, func, GTK_WIDGET (window));

  return unknot_window_get_visible_page (UNKNOT_WINDOW (window));
}

typedef struct
{
  GtkWidget *window;
  int        width;
  int        height;
} SizeCheck;

/* The window on the screen, its frame included: what the size asked for is. */
static GdkSurface *
window_surface (GtkWidget *window)
{
  return gtk_native_get_surface (GTK_NATIVE (window));
}

static gboolean
window_has_size (gpointer data)
{
  SizeCheck *check = data;

  return gdk_surface_get_width (window_surface (check->window)) == check->width &&
         gdk_surface_get_height (window_surface (check->window)) == check->height;
}

/* Resizes the window as a person would, and waits until it has the size, laid out
 * and drawn. A window whose content cannot be that narrow stays wider, and fails. */
void
unknot_test_resize_real (const char *file,
                         int         line,
                         const char *func,
                         GtkWindow  *window,
                         int         width,
                         int         height)
{
  SizeCheck check = { GTK_WIDGET (window), width, height };

  gtk_window_set_default_size (window, width, height);
  if (!wait_in_time (window_has_size, &check))
    fail_waiting (file, line, func, "the window to become %d×%d px (it is %d×%d px)",
                  width, height, gdk_surface_get_width (window_surface (GTK_WIDGET (window))),
                  gdk_surface_get_height (window_surface (GTK_WIDGET (window))));
  unknot_test_wait_for_frame_real (file, line, func, GTK_WIDGET (window));
}

/* The dark or the default (light) style, as the desktop would set it; waits until the
 * window is drawn in it. */
void
unknot_test_set_dark_real (const char *file,
                           int         line,
                           const char *func,
                           GtkWindow  *window,
                           gboolean    dark)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (style_manager,
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_DEFAULT);
  g_assert_cmpint (adw_style_manager_get_dark (style_manager), ==, dark);
  unknot_test_wait_for_frame_real (file, line, func, GTK_WIDGET (window));
}

static gboolean
object_is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

void
unknot_test_close_window_real (const char *file,
                               int         line,
                               const char *func,
                               GtkWindow  *window)
{
  GtkWindow *weak = window;

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_close (window);
  if (!wait_in_time (object_is_gone, &weak))
    fail_waiting (file, line, func, "the closed window to be freed");
}

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* Opens the application's window, as launching it does, and waits until it is drawn. */
GtkWindow *
unknot_test_activate_real (const char        *file,
                           int                line,
                           const char        *func,
                           UnknotApplication *app)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  if (!wait_in_time (window_is_mapped, window))
    fail_waiting (file, line, func, "the window to be shown");
  unknot_test_wait_for_frame_real (file, line, func, GTK_WIDGET (window));

  return window;
}

/* ---------------------------------------------------------------------------------- */
/* Finding widgets */

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

/* Every widget of @type in @widget's tree, in order. */
void
unknot_test_collect (GtkWidget *widget,
                     GType      type,
                     GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    unknot_test_collect (child, type, found);
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

/* The first widget in @widget's tree with the widget name @name. */
GtkWidget *
unknot_test_find_by_name (GtkWidget  *widget,
                          const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = unknot_test_find_by_name (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* ---------------------------------------------------------------------------------- */
/* Real pointer and key events: the X server moves its pointer, clicks and types, and
 * GTK receives the events as it would from a mouse and a keyboard, through picking,
 * gestures and all. The UI tests run on Xvfb; GTK 4.18 deprecates its X11 API, but it
 * is the one way to reach the server. Each function returns once GTK has handled the
 * last event it sent. */

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

typedef struct
{
  GdkEventType  type;
  guint         keycode;
  /* Where a motion ends, in the native's coordinates. */
  double        x;
  double        y;
  gboolean      seen;
} EventWait;

static gboolean
on_event_cb (GtkEventControllerLegacy *controller,
             GdkEvent                 *event,
             gpointer                  data)
{
  EventWait *wait = data;
  GdkEventType type = gdk_event_get_event_type (event);

  if (wait->type == GDK_BUTTON_RELEASE)
    {
      wait->seen |= type == GDK_BUTTON_RELEASE;
    }
  else if (wait->type == GDK_KEY_RELEASE || wait->type == GDK_KEY_PRESS)
    {
      wait->seen |= type == wait->type && gdk_key_event_get_keycode (event) == wait->keycode;
    }
  else if (type == GDK_MOTION_NOTIFY || type == GDK_ENTER_NOTIFY)
    {
      GtkNative *native = gtk_widget_get_native (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
      double x, y, sx, sy;

      gtk_native_get_surface_transform (native, &sx, &sy);
      if (gdk_event_get_position (event, &x, &y) &&
          ABS (x - sx - wait->x) < 1 && ABS (y - sy - wait->y) < 1)
        wait->seen = TRUE;
    }

  return GDK_EVENT_PROPAGATE;
}

/* Watches every event that reaches @widget's window, before any widget handles it. An
 * open AdwDialog takes the window's events for itself (GTK propagates them from the
 * grab widget down, never from the window), so inside one the dialog is watched. */
static GtkEventController *
watch_events (GtkWidget *widget,
              EventWait *wait)
{
  GtkEventController *controller = gtk_event_controller_legacy_new ();
  GtkWidget *dialog = gtk_widget_get_ancestor (widget, ADW_TYPE_DIALOG);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (on_event_cb), wait);
  gtk_widget_add_controller (dialog != NULL ? dialog : GTK_WIDGET (gtk_widget_get_native (widget)),
                             g_object_ref (controller));

  return controller;
}

/* What was clicked may be gone by now (a menu item whose menu closed, a row that was
 * rebuilt), and its window with it: the controller is taken off whatever still has it. */
static void
unwatch_events (GtkWidget          *widget,
                GtkEventController *controller)
{
  GtkWidget *owner = gtk_event_controller_get_widget (controller);

  if (owner != NULL)
    gtk_widget_remove_controller (owner, controller);
  g_object_unref (controller);
}

/* Where (@x, @y) in @widget is on the X screen; also sets @wait's point, in the
 * native's coordinates. */
static Display *
widget_to_root (GtkWidget *widget,
                double     x,
                double     y,
                int       *root_x,
                int       *root_y,
                EventWait *wait)
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

  /* Where GTK will see the pointer: the device pixel, back in logical pixels. */
  wait->x = (double) (int) ((point.x + sx) * scale) / scale - sx;
  wait->y = (double) (int) ((point.y + sy) * scale) / scale - sy;

  return display;
}

static gboolean
pointer_is_at (Display *display,
               int      root_x,
               int      root_y)
{
  Window root, child;
  int x, y, win_x, win_y;
  unsigned int mask;

  return XQueryPointer (display, DefaultRootWindow (display), &root, &child,
                        &x, &y, &win_x, &win_y, &mask) &&
         x == root_x && y == root_y;
}

void
unknot_test_pointer_move_real (const char *file,
                               int         line,
                               const char *func,
                               GtkWidget  *widget,
                               double      x,
                               double      y)
{
  EventWait wait = { GDK_MOTION_NOTIFY };
  GtkEventController *controller;
  int root_x, root_y;
  Display *display = widget_to_root (widget, x, y, &root_x, &root_y, &wait);

  /* The server sends no motion for a pointer that does not move. */
  if (pointer_is_at (display, root_x, root_y))
    return;

  controller = watch_events (widget, &wait);
  XTestFakeMotionEvent (display, -1, root_x, root_y, CurrentTime);
  XFlush (display);
  if (!wait_in_time (flag_is_set, &wait.seen))
    fail_waiting (file, line, func, "the pointer to reach (%.0f, %.0f) in %s",
                  x, y, G_OBJECT_TYPE_NAME (widget));
  unwatch_events (widget, controller);
}

typedef struct
{
  GtkWidget *widget;
  GtkWidget *window;
} InView;

/* Whether the middle of @widget is inside its window and on top there. */
static gboolean
in_view (gpointer data)
{
  InView *check = data;
  graphene_point_t point;
  GtkWidget *picked;

  if (!gtk_widget_get_mapped (check->widget) ||
      !gtk_widget_compute_point (check->widget, check->window,
                                 &GRAPHENE_POINT_INIT (gtk_widget_get_width (check->widget) / 2.0,
                                                       gtk_widget_get_height (check->widget) / 2.0),
                                 &point) ||
      point.x < 0 || point.y < 0 ||
      point.x >= gtk_widget_get_width (check->window) ||
      point.y >= gtk_widget_get_height (check->window))
    return FALSE;

  picked = gtk_widget_pick (check->window, point.x, point.y, GTK_PICK_DEFAULT);
  return picked != NULL && (picked == check->widget || gtk_widget_is_ancestor (picked, check->widget));
}

/* Scrolls @widget into view as the keyboard focus does, and waits until its middle is
 * on top in its window, drawn: where a person would click it. */
void
unknot_test_scroll_into_view_real (const char *file,
                                   int         line,
                                   const char *func,
                                   GtkWidget  *widget)
{
  InView check = { widget, GTK_WIDGET (gtk_widget_get_native (widget)) };

  if (!in_view (&check))
    gtk_widget_grab_focus (widget);
  if (!wait_in_time (in_view, &check))
    fail_waiting (file, line, func, "%s to scroll into view", G_OBJECT_TYPE_NAME (widget));
  gtk_test_widget_wait_for_draw (check.window);
}

void
unknot_test_click_real (const char *file,
                        int         line,
                        const char *func,
                        GtkWidget  *widget,
                        double      x,
                        double      y)
{
  EventWait wait = { GDK_BUTTON_RELEASE };
  GtkEventController *controller;
  int root_x, root_y;
  Display *display = widget_to_root (widget, x, y, &root_x, &root_y, &wait);

  controller = watch_events (widget, &wait);
  XTestFakeMotionEvent (display, -1, root_x, root_y, CurrentTime);
  XTestFakeButtonEvent (display, 1, True, CurrentTime);
  XTestFakeButtonEvent (display, 1, False, CurrentTime);
  XFlush (display);
  if (!wait_in_time (flag_is_set, &wait.seen))
    fail_waiting (file, line, func, "a click at (%.0f, %.0f) in %s to arrive",
                  x, y, G_OBJECT_TYPE_NAME (widget));
  unwatch_events (widget, controller);
}

/* A real key press and release, with Control held if @modifiers has it, sent where the
 * X server sends keys: the pointer is moved over @widget first. Inside a dialog the
 * press is waited for: a key that closes the dialog leaves nothing to hear the release. */
void
unknot_test_press_key_full_real (const char      *file,
                                 int              line,
                                 const char      *func,
                                 GtkWidget       *widget,
                                 guint            keyval,
                                 GdkModifierType  modifiers)
{
  gboolean in_dialog = gtk_widget_get_ancestor (widget, ADW_TYPE_DIALOG) != NULL;
  EventWait wait = { in_dialog ? GDK_KEY_PRESS : GDK_KEY_RELEASE };
  GtkEventController *controller;
  int root_x, root_y;
  Display *display;
  KeyCode control;

  g_assert_true ((modifiers & ~GDK_CONTROL_MASK) == 0);
  /* A dialog shows its content a couple of frames after it is mapped, and only then
   * does its content take keys. */
  if (!wait_in_time (window_is_mapped, widget))
    fail_waiting (file, line, func, "%s to be shown, before a key is pressed on it",
                  G_OBJECT_TYPE_NAME (widget));
  display = widget_to_root (widget, gtk_widget_get_width (widget) / 2.0,
                            gtk_widget_get_height (widget) / 2.0, &root_x, &root_y, &wait);
  wait.keycode = XKeysymToKeycode (display, keyval);
  control = XKeysymToKeycode (display, XK_Control_L);
  g_assert_cmpuint (wait.keycode, !=, 0);

  controller = watch_events (widget, &wait);
  XTestFakeMotionEvent (display, -1, root_x, root_y, CurrentTime);
  if (modifiers & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (display, control, True, CurrentTime);
  XTestFakeKeyEvent (display, wait.keycode, True, CurrentTime);
  XTestFakeKeyEvent (display, wait.keycode, False, CurrentTime);
  if (modifiers & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (display, control, False, CurrentTime);
  XFlush (display);
  if (!wait_in_time (flag_is_set, &wait.seen))
    fail_waiting (file, line, func, "the key %s, pressed over %s, to arrive",
                  gdk_keyval_name (keyval), G_OBJECT_TYPE_NAME (widget));
  unwatch_events (widget, controller);
}

void
unknot_test_press_key_real (const char *file,
                            int         line,
                            const char *func,
                            GtkWidget  *widget,
                            guint       keyval)
{
  unknot_test_press_key_full_real (file, line, func, widget, keyval, 0);
}

G_GNUC_END_IGNORE_DEPRECATIONS

/* ---------------------------------------------------------------------------------- */
/* A clock the test moves: holds take no real time, and none ends on its own while a
 * slow test is still looking at it. */

static gint64
fake_clock (gpointer data)
{
  return *(gint64 *) data;
}

/* Gives @timer (idle) a clock that only unknot_test_advance_clock () moves. */
void
unknot_test_use_fake_clock (UnknotHoldTimer *timer)
{
  gint64 *now = g_new (gint64, 1);

  /* Any time but 0, which the timer keeps for “not finished”. */
  *now = 1000 * G_USEC_PER_SEC;
  g_object_set_data_full (G_OBJECT (timer), "unknot-test-clock", now, g_free);
  unknot_hold_timer_set_clock (timer, fake_clock, now);
}

/* Moves @timer's fake clock on, and lets the timer catch up with it. */
void
unknot_test_advance_clock (UnknotHoldTimer *timer,
                           double           seconds)
{
  gint64 *now = g_object_get_data (G_OBJECT (timer), "unknot-test-clock");

  g_assert_nonnull (now);
  *now += (gint64) (seconds * G_USEC_PER_SEC);
  unknot_hold_timer_update (timer);
}

/* ---------------------------------------------------------------------------------- */
/* Pictures */

/* Renders what @widget shows now, once it is drawn, and writes it into the test build
 * directory for people to look at. */
GdkTexture *
unknot_test_screenshot_real (const char *file,
                             int         line,
                             const char *func,
                             GtkWidget  *widget,
                             const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *scaled = NULL;
  g_autofree char *path = NULL;

  /* Runs at another scale factor write pictures of their own. */
  if (gtk_widget_get_scale_factor (widget) > 1)
    name = scaled = g_strdup_printf ("scale%d-%s", gtk_widget_get_scale_factor (widget), name);
  path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  unknot_test_wait_for_frame_real (file, line, func, widget);
  texture = unknot_widget_render_texture (widget);
  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);

  return g_steal_pointer (&texture);
}

void
unknot_test_save_png_real (const char *file,
                           int         line,
                           const char *func,
                           GtkWidget  *widget,
                           const char *name)
{
  g_autoptr(GdkTexture) texture = unknot_test_screenshot_real (file, line, func, widget, name);
}

/* The colour that covers most of the picture (its background, in 16 steps per
 * channel), as luma from 0 (black) to 1 (white), and how much of the picture it covers. */
static double
background_luma (GdkTexture *texture,
                 double     *share)
{
  g_autoptr(GdkTextureDownloader) downloader = gdk_texture_downloader_new (texture);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint *counts = g_new0 (guint, 16 * 16 * 16);
  g_autofree double *luma_sums = g_new0 (double, 16 * 16 * 16);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  const guchar *pixels;
  guint opaque = 0, best = 0;
  gsize stride;

  gdk_texture_downloader_set_format (downloader, GDK_MEMORY_R8G8B8A8);
  bytes = gdk_texture_downloader_download_bytes (downloader, &stride);
  pixels = g_bytes_get_data (bytes, NULL);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = pixels + y * stride + x * 4;
        guint bin = (p[0] >> 4) << 8 | (p[1] >> 4) << 4 | p[2] >> 4;

        /* The rounded corners are see-through. */
        if (p[3] < 255)
          continue;
        opaque++;
        counts[bin]++;
        /* Rec. 709 luma of the gamma-encoded colour. */
        luma_sums[bin] += (0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2]) / 255;
      }

  for (guint bin = 0; bin < 16 * 16 * 16; bin++)
    if (counts[bin] > counts[best])
      best = bin;

  g_assert_cmpuint (opaque, >, 0);
  *share = (double) counts[best] / opaque;

  return luma_sums[best] / counts[best];
}

/* That a picture of the dark style is dark, and of the light style light: its
 * background, not just the style's name. */
void
unknot_test_assert_style_real (const char *file,
                               int         line,
                               const char *func,
                               GdkTexture *texture,
                               const char *name,
                               gboolean    dark)
{
  g_autofree char *message = NULL;
  double share;
  double luma = background_luma (texture, &share);

  g_test_message ("%s: its background (%.0f %% of it) has a luma of %.2f", name, share * 100, luma);
  if (share < 0.2)
    message = g_strdup_printf ("%s has no background: no colour covers a fifth of it", name);
  else if (dark && luma > 0.25)
    message = g_strdup_printf ("%s is not dark: its background has a luma of %.2f (dark is below 0.25)",
                               name, luma);
  else if (!dark && luma < 0.75)
    message = g_strdup_printf ("%s is not light: its background has a luma of %.2f (light is above 0.75)",
                               name, luma);

  if (message != NULL)
    g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

typedef struct
{
  GtkWidget *window;
  double     width;
  GString   *problems;
  guint      n_problems;
} FitCheck;

static void
describe_one (GString   *out,
              GtkWidget *widget)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));
  const char *name = gtk_widget_get_name (widget);

  g_string_append (out, G_OBJECT_TYPE_NAME (widget));
  /* Builder gives objects without an ID one of its own; those say nothing. */
  if (id != NULL && !g_str_has_prefix (id, "___object_"))
    g_string_append_printf (out, " #%s", id);
  if (name != NULL && g_strcmp0 (name, G_OBJECT_TYPE_NAME (widget)) != 0)
    g_string_append_printf (out, " “%s”", name);
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, " “%s”", gtk_label_get_text (GTK_LABEL (widget)));
}

/* The widget, and its ancestors up to the nearest one with a name or an ID. */
static char *
describe (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  describe_one (out, widget);
  for (GtkWidget *ancestor = gtk_widget_get_parent (widget);
       ancestor != NULL && !GTK_IS_ROOT (ancestor);
       ancestor = gtk_widget_get_parent (ancestor))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (ancestor));

      g_string_append (out, " in ");
      describe_one (out, ancestor);
      if ((id != NULL && !g_str_has_prefix (id, "___object_")) ||
          g_strcmp0 (gtk_widget_get_name (ancestor), G_OBJECT_TYPE_NAME (ancestor)) != 0)
        break;
    }

  return g_string_free (out, FALSE);
}

G_GNUC_PRINTF (3, 4)
static void
add_problem (FitCheck   *check,
             GtkWidget  *widget,
             const char *format,
             ...)
{
  g_autofree char *what = describe (widget);
  g_autofree char *problem = NULL;
  va_list args;

  check->n_problems++;
  if (check->n_problems > 10)
    return;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  g_string_append_printf (check->problems, "\n  %s %s", what, problem);
}

static void
check_fits (FitCheck  *check,
            GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;
      GtkAllocation allocation;
      int min_width, width;

      /* Hidden pages and the insides of popovers (windows of their own) are not on
       * the screen now; overlay scrollbars are GTK's, drawn over the edge. */
      if (!gtk_widget_get_mapped (child) || GTK_IS_NATIVE (child) || GTK_IS_SCROLLBAR (child))
        continue;
      /* Nor is a page under the one on top (see /technique-page/under-the-hold). */
      if (ADW_IS_NAVIGATION_PAGE (child) && ADW_IS_NAVIGATION_VIEW (widget) &&
          adw_navigation_view_get_visible_page (ADW_NAVIGATION_VIEW (widget)) != ADW_NAVIGATION_PAGE (child))
        continue;

      g_assert_true (gtk_widget_compute_bounds (child, check->window, &bounds));
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);

      /* A hairline past the edge is the theme's (a header bar reaches under the
       * window's border); more is cut off. */
      if (bounds.origin.x < -1.5 || bounds.origin.x + bounds.size.width > check->width + 1.5)
        {
          add_problem (check, child, "spans x = %.0f … %.0f of the window’s %.0f px",
                       bounds.origin.x, bounds.origin.x + bounds.size.width, check->width);
          /* What is inside it is out of the window too: one report is enough. */
          continue;
        }

      /* Less room than it asks for at the least, and the parent cuts it off. Both
       * sizes with the margins: only the allocation has the CSS margins in it. */
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_widget_get_allocation (child, &allocation);
      G_GNUC_END_IGNORE_DEPRECATIONS
      width = allocation.width + gtk_widget_get_margin_start (child) + gtk_widget_get_margin_end (child);
      if (width < min_width)
        add_problem (check, child, "is squeezed: %d px wide where it needs %d px", width, min_width);

      check_fits (check, child);
    }
}

/* That everything the window shows fits across it: nothing wider than the window or
 * past its edges, nothing given less width than it needs. */
void
unknot_test_assert_fits_real (const char *file,
                              int         line,
                              const char *func,
                              GtkWindow  *window,
                              const char *name)
{
  FitCheck check = { GTK_WIDGET (window), gtk_widget_get_width (GTK_WIDGET (window)),
                     g_string_new (NULL), 0 };
  int asked_width;

  /* Content too wide for the size asked makes the window wider than that. */
  gtk_window_get_default_size (window, &asked_width, NULL);
  if (gdk_surface_get_width (window_surface (GTK_WIDGET (window))) != asked_width)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf ("%s: the window is %d px wide where %d px were asked: what it shows needs more",
                                 name, gdk_surface_get_width (window_surface (GTK_WIDGET (window))),
                                 asked_width);
      g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
    }

  check_fits (&check, GTK_WIDGET (window));
  if (check.n_problems > 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf ("%s: %u things do not fit in the %.0f px window:%s%s", name,
                                 check.n_problems, check.width, check.problems->str,
                                 check.n_problems > 10 ? "\n  …" : "");
      g_string_free (check.problems, TRUE);
      g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
    }
  g_string_free (check.problems, TRUE);
  g_test_message ("%s: everything fits in %.0f px", name, check.width);
}

/* A button (or a menu's item) that shows @text, mapped and sensitive. */
GtkWidget *
unknot_test_find_clickable (GtkWidget  *widget,
                const char *text)
{
  g_autofree char *label = NULL;

  if (GTK_IS_BUTTON (widget))
    label = g_strdup (gtk_button_get_label (GTK_BUTTON (widget)));
  else if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "text") != NULL &&
           !GTK_IS_EDITABLE (widget) && !GTK_IS_LABEL (widget))
    g_object_get (widget, "text", &label, NULL);

  if (label != NULL)
    {
      g_autoptr(GString) plain = g_string_new (label);

      g_string_replace (plain, "_", "", 0);
      if (g_str_equal (plain->str, text) && gtk_widget_get_mapped (widget) &&
          gtk_widget_is_sensitive (widget))
        return widget;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = unknot_test_find_clickable (c, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}
