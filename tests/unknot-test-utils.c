/* unknot-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

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
unknot_test_wait_until (UnknotTestCondition condition,
                        gpointer            data)
{
  gboolean timed_out = FALSE;
  guint id;

  id = g_timeout_add_seconds (WAIT_SECONDS, on_timeout_cb, &timed_out);
  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  g_assert_true (condition (data));
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
