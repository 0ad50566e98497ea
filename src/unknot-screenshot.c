/* unknot-screenshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "unknot-screenshot"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-screenshot.h"

/* The picture is taken once the widget is on screen and still: this many frames in a
 * row in which nothing was laid out or drawn again (the first size negotiation with the
 * window system, style changes, a dialog opening, a drawing loaded). Something that
 * never stops moving (a running hold's ring) is taken after STILL_AT_MOST_USEC. */
#define STILL_FRAMES 3
#define STILL_AT_MOST_USEC (3 * G_USEC_PER_SEC)
#define GIVE_UP_SECONDS 20

typedef struct
{
  char          *path;
  guint          tick_id;
  guint          timeout_id;
  guint          still_frames;
  gint64         first_frame;
  gboolean       changed;      /* laid out or drawn since the last tick */
  GdkFrameClock *clock;
} SaveData;

static void
on_frame_changed_cb (GdkFrameClock *clock,
                     SaveData      *save)
{
  save->changed = TRUE;
}

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  if (save->clock != NULL)
    {
      g_signal_handlers_disconnect_by_func (save->clock, on_frame_changed_cb, save);
      g_object_unref (save->clock);
    }
  g_free (save->path);
  g_free (save);
}

/**
 * unknot_widget_render_texture:
 * @widget: a mapped #GtkWidget
 *
 * Renders @widget as it is drawn now, with its native's renderer, at its scale factor.
 *
 * Returns: (transfer full) (nullable): a texture the size of @widget in device pixels,
 *   or %NULL if it has no size yet
 */
GdkTexture *
unknot_widget_render_texture (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width, height, scale;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (width <= 0 || height <= 0 || gtk_widget_get_native (widget) == NULL)
    return NULL;

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return NULL;

  scale = gtk_widget_get_scale_factor (widget);
  if (scale > 1)
    {
      g_autoptr(GskTransform) transform = gsk_transform_scale (NULL, scale, scale);
      GskRenderNode *scaled = gsk_transform_node_new (node, transform);

      gsk_render_node_unref (node);
      node = scaled;
    }

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  return gsk_renderer_render_texture (renderer,
                                      node,
                                      &GRAPHENE_RECT_INIT (0, 0, width * scale, height * scale));
}

static void
save_now (GTask *task)
{
  GtkWidget *widget = g_task_get_source_object (task);
  SaveData *save = g_task_get_task_data (task);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) parent = NULL;

  texture = unknot_widget_render_texture (widget);
  if (texture == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The window has nothing drawn to save"));
      return;
    }

  file = g_file_new_for_path (save->path);
  parent = g_file_get_parent (file);
  if (parent != NULL)
    g_file_make_directory_with_parents (parent, NULL, NULL);

  if (!gdk_texture_save_to_png (texture, save->path))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not write the screenshot to “%s”"), save->path);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *frame_clock,
            gpointer       user_data)
{
  GTask *task = user_data;
  SaveData *save = g_task_get_task_data (task);

  /* Count only frames in which the widget is really on screen with a size. */
  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) <= 0)
    return G_SOURCE_CONTINUE;

  if (save->clock == NULL)
    {
      /* From now on, a frame that lays out or paints is not still. */
      save->clock = g_object_ref (frame_clock);
      save->first_frame = gdk_frame_clock_get_frame_time (frame_clock);
      save->changed = TRUE;
      g_signal_connect (frame_clock, "layout", G_CALLBACK (on_frame_changed_cb), save);
      g_signal_connect (frame_clock, "paint", G_CALLBACK (on_frame_changed_cb), save);
    }

  save->still_frames = save->changed ? 0 : save->still_frames + 1;
  save->changed = FALSE;

  if (save->still_frames < STILL_FRAMES &&
      gdk_frame_clock_get_frame_time (frame_clock) - save->first_frame < STILL_AT_MOST_USEC)
    return G_SOURCE_CONTINUE;

  save->tick_id = 0;
  g_clear_handle_id (&save->timeout_id, g_source_remove);
  save_now (task);
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

static gboolean
on_give_up_cb (gpointer user_data)
{
  GTask *task = user_data;
  SaveData *save = g_task_get_task_data (task);
  GtkWidget *widget = g_task_get_source_object (task);

  save->timeout_id = 0;
  if (save->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, save->tick_id);
      save->tick_id = 0;
    }

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                           _("The window was not drawn within %d seconds"), GIVE_UP_SECONDS);
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

/**
 * unknot_widget_save_png_async:
 * @widget: a #GtkWidget that is, or is about to be, shown
 * @path: where to write the PNG
 *
 * Waits until @widget has been drawn and has settled, then saves it as a PNG.
 */
void
unknot_widget_save_png_async (GtkWidget           *widget,
                              const char          *path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;
  SaveData *save;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (path != NULL);

  task = g_task_new (widget, cancellable, callback, user_data);
  g_task_set_source_tag (task, unknot_widget_save_png_async);

  save = g_new0 (SaveData, 1);
  save->path = g_strdup (path);
  g_task_set_task_data (task, save, save_data_free);

  /* The tick callback and the time-out each hold the task; whichever fires first ends
   * the other. */
  save->tick_id = gtk_widget_add_tick_callback (widget, on_tick_cb, task, NULL);
  save->timeout_id = g_timeout_add_seconds (GIVE_UP_SECONDS, on_give_up_cb, task);
}

gboolean
unknot_widget_save_png_finish (GtkWidget     *widget,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, widget), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
