/* unknot-routine-edit.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "unknot-routine-store.h"

G_BEGIN_DECLS

gboolean unknot_routine_edit_toggle (GtkWidget          *from,
                                     UnknotRoutineStore *store,
                                     const char         *technique_id);
gboolean unknot_routine_edit_remove (GtkWidget          *from,
                                     UnknotRoutineStore *store,
                                     const char         *technique_id);
gboolean unknot_routine_edit_move   (GtkWidget          *from,
                                     UnknotRoutineStore *store,
                                     const char         *technique_id,
                                     int                 offset);
gboolean unknot_routine_edit_replace (GtkWidget          *from,
                                      UnknotRoutineStore *store,
                                      const char * const *techniques);

G_END_DECLS
