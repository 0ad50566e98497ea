/* test-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real executable, run as a person runs it. Every run gets a home of its own (data,
 * configuration, cache and state directories), so nothing a person keeps in their own
 * data directory changes what a test sees, and no test writes there.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bodymap/unknot-body-map.h"
#include "unknot-screenshot.h"
#include "unknot-test-utils.h"

/* Squares of this many pixels are compared by their mean colour, so that a caret, a
 * hover or a glyph's antialiasing that differ between two processes do not count. */
#define BLOCK 16

typedef struct
{
  char  *home;
  char **envp;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct {
    const char *variable;
    const char *dir;
  } dirs[] = {
    { "HOME", NULL },
    { "XDG_DATA_HOME", "data" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_STATE_HOME", "state" },
  };
  g_autoptr(GError) error = NULL;

  fixture->home = g_dir_make_tmp ("unknot-application-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->envp = g_get_environ ();
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (fixture->home, dirs[i].dir, NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      fixture->envp = g_environ_setenv (fixture->envp, dirs[i].variable, path, TRUE);
    }
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->home);
  g_clear_pointer (&fixture->home, g_free);
  g_clear_pointer (&fixture->envp, g_strfreev);
}

/* Runs Unknot with @args in the fixture's home; returns its exit status. */
static int
run_unknot (Fixture     *fixture,
            const char  *const *args,
            char       **out,
            char       **err)
{
  const char *exe = g_getenv ("UNKNOT_EXE");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (exe);
  g_strv_builder_add (builder, exe);
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);

  g_spawn_sync (fixture->home, argv, fixture->envp, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);

  return status;
}

static void
test_version (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  status = run_unknot (fixture, (const char *[]) { "--version", NULL }, &out, &err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "Unknot " PACKAGE_VERSION "\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_unknown_option (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  status = run_unknot (fixture, (const char *[]) { "--no-such-option", NULL }, &out, &err);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "--no-such-option"));
}

static guint8 *
download (GdkTexture *texture,
          gsize      *stride)
{
  g_autoptr(GdkTextureDownloader) downloader = gdk_texture_downloader_new (texture);
  g_autoptr(GBytes) bytes = NULL;

  gdk_texture_downloader_set_format (downloader, GDK_MEMORY_R8G8B8A8);
  bytes = gdk_texture_downloader_download_bytes (downloader, stride);

  return g_bytes_unref_to_data (g_steal_pointer (&bytes), &(gsize) { 0 });
}

/* The mean colour of each BLOCK × BLOCK square of @texture, three bytes a square. */
static guint8 *
block_means (GdkTexture *texture,
             int        *columns,
             int        *rows)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride;
  g_autofree guint8 *pixels = download (texture, &stride);
  guint8 *means;

  *columns = width / BLOCK;
  *rows = height / BLOCK;
  means = g_new0 (guint8, (gsize) *columns * *rows * 3);

  for (int by = 0; by < *rows; by++)
    for (int bx = 0; bx < *columns; bx++)
      for (int c = 0; c < 3; c++)
        {
          guint sum = 0;

          for (int y = by * BLOCK; y < (by + 1) * BLOCK; y++)
            for (int x = bx * BLOCK; x < (bx + 1) * BLOCK; x++)
              sum += pixels[(gsize) y * stride + (gsize) x * 4 + c];
          means[((gsize) by * *columns + bx) * 3 + c] = sum / (BLOCK * BLOCK);
        }

  return means;
}

static gboolean
map_is_drawn (gpointer data)
{
  graphene_point_t point;

  return gtk_widget_get_mapped (data) &&
         unknot_body_map_find_region_point (data, "spine", &point);
}

/* The window as this process draws it, with the same settings as the run of the app. */
static GdkTexture *
render_window_here (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = unknot_test_activate (app);
  GtkWidget *map = unknot_test_find_descendant (GTK_WIDGET (window), UNKNOT_TYPE_BODY_MAP);
  GdkTexture *texture;

  g_assert_nonnull (map);
  unknot_test_wait_until (map_is_drawn, map);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  texture = unknot_widget_render_texture (GTK_WIDGET (window));
  g_assert_nonnull (texture);
  unknot_test_close_window (window);

  return texture;
}

/* The headless run of build-aux/dev relies on this: the real app draws its window,
 * saves it and exits by itself, and the picture is what its window shows. */
static void
test_screenshot_run (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->home, "shot.png", NULL);
  g_autofree char *keyfile_dir = g_build_filename (fixture->home, "config", "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (keyfile_dir, "keyfile", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) shot = NULL;
  g_autoptr(GdkTexture) here = NULL;
  g_autofree guint8 *shot_blocks = NULL;
  g_autofree guint8 *here_blocks = NULL;
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  int columns, rows, here_columns, here_rows;
  guint differing = 0;
  int status;

  /* Settings as the in-process window has them (no first-run dialog, which fades in). */
  g_assert_cmpint (g_mkdir_with_parents (keyfile_dir, 0700), ==, 0);
  g_file_set_contents (keyfile,
                       "[io/github/unknot/Unknot]\n"
                       "first-run-done=true\n"
                       "sound-enabled=false\n",
                       -1, &error);
  g_assert_no_error (error);
  fixture->envp = g_environ_setenv (fixture->envp, "GSETTINGS_BACKEND", "keyfile", TRUE);

  status = run_unknot (fixture, (const char *[]) { "--screenshot", path, NULL }, &out, &err);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("unknot --screenshot failed:\n%s", err);
  g_assert_cmpstr (g_strstrip (out), ==, path);

  shot = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  /* The default window size of the schema (less the frame GTK draws around a window
   * when no compositor is there to draw its shadow). */
  g_assert_cmpint (ABS (gdk_texture_get_width (shot) - 1000), <=, 20);
  g_assert_cmpint (ABS (gdk_texture_get_height (shot) - 720), <=, 20);

  /* The same window drawn in this process: the picture shows it, square by square. */
  here = render_window_here ();
  g_assert_cmpint (gdk_texture_get_width (here), ==, gdk_texture_get_width (shot));
  g_assert_cmpint (gdk_texture_get_height (here), ==, gdk_texture_get_height (shot));
  shot_blocks = block_means (shot, &columns, &rows);
  here_blocks = block_means (here, &here_columns, &here_rows);

  for (int i = 0; i < columns * rows; i++)
    {
      const guint8 *a = shot_blocks + i * 3, *b = here_blocks + i * 3;
      int distance = ABS (a[0] - b[0]) + ABS (a[1] - b[1]) + ABS (a[2] - b[2]);

      if (distance > 24)
        differing++;
      /* Colours to sixteen levels a channel, to tell a drawing from a blank surface. */
      g_hash_table_add (colours, GUINT_TO_POINTER ((a[0] >> 4) << 8 | (a[1] >> 4) << 4 | (a[2] >> 4)));
    }
  g_test_message ("%u of %d squares differ; %u colours", differing, columns * rows,
                  g_hash_table_size (colours));
  g_assert_cmpuint (differing, <=, columns * rows / 50);
  /* The map's skin and muscles, the sidebar, the content, text and the accent. */
  g_assert_cmpuint (g_hash_table_size (colours), >=, 24);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/application/version", test_version);
  ADD ("/application/unknown-option", test_unknown_option);
  ADD ("/application/screenshot-run", test_screenshot_run);

#undef ADD

  return g_test_run ();
}
