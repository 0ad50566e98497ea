/* test-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

static void
test_version (void)
{
  const char *exe = g_getenv ("UNKNOT_EXE");
  const char *argv[] = { exe, "--version", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (exe);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "Unknot " PACKAGE_VERSION "\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_unknown_option (void)
{
  const char *exe = g_getenv ("UNKNOT_EXE");
  const char *argv[] = { exe, "--no-such-option", NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "--no-such-option"));
}

/* The headless run of build-aux/dev relies on this: the real app draws its window,
 * saves it and exits by itself. */
static void
test_screenshot_run (void)
{
  const char *exe = g_getenv ("UNKNOT_EXE");
  g_autofree char *dir = g_dir_make_tmp ("unknot-shot-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shot.png", NULL);
  const char *argv[] = { exe, "--screenshot", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTextureDownloader) downloader = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const guchar *data;
  gsize stride, size;
  gboolean varied = FALSE;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("unknot --screenshot failed:\n%s", err);
  g_assert_cmpstr (g_strstrip (out), ==, path);

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  /* The default window size of the schema (less the frame GTK draws around a window
   * when no compositor is there to draw its shadow). */
  g_assert_cmpint (ABS (gdk_texture_get_width (texture) - 1000), <=, 20);
  g_assert_cmpint (ABS (gdk_texture_get_height (texture) - 720), <=, 20);

  /* A real drawing, not an empty or single-colour surface. */
  downloader = gdk_texture_downloader_new (texture);
  gdk_texture_downloader_set_format (downloader, GDK_MEMORY_R8G8B8A8);
  bytes = gdk_texture_downloader_download_bytes (downloader, &stride);
  data = g_bytes_get_data (bytes, &size);
  for (gsize i = 4; i < size && !varied; i += 4)
    varied = memcmp (data, data + i, 4) != 0;
  g_assert_true (varied);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/application/version", test_version);
  g_test_add_func ("/application/unknown-option", test_unknown_option);
  g_test_add_func ("/application/screenshot-run", test_screenshot_run);

  return g_test_run ();
}
