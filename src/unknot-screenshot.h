/* unknot-screenshot.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GdkTexture *unknot_widget_render_texture  (GtkWidget            *widget);
void        unknot_widget_save_png_async  (GtkWidget            *widget,
                                           const char           *path,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    unknot_widget_save_png_finish (GtkWidget            *widget,
                                           GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
