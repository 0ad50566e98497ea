/* unknot-routine-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_ROUTINE_STORE (unknot_routine_store_get_type ())

#define UNKNOT_ROUTINE_STORE_ERROR (unknot_routine_store_error_quark ())

typedef enum {
  UNKNOT_ROUTINE_STORE_ERROR_DAMAGED,
  UNKNOT_ROUTINE_STORE_ERROR_NEWER,
  UNKNOT_ROUTINE_STORE_ERROR_READ_ONLY,
} UnknotRoutineStoreError;

G_DECLARE_FINAL_TYPE (UnknotRoutineStore, unknot_routine_store, UNKNOT, ROUTINE_STORE, GObject)

GQuark              unknot_routine_store_error_quark   (void);
UnknotRoutineStore *unknot_routine_store_new           (const char          *path);
gboolean            unknot_routine_store_load          (UnknotRoutineStore  *self,
                                                        GError             **error);
const GError       *unknot_routine_store_get_load_error (UnknotRoutineStore *self);
gboolean            unknot_routine_store_save          (UnknotRoutineStore  *self,
                                                        GError             **error);
const char * const *unknot_routine_store_get_techniques (UnknotRoutineStore *self);
gboolean            unknot_routine_store_contains      (UnknotRoutineStore  *self,
                                                        const char          *technique_id);
void                unknot_routine_store_add           (UnknotRoutineStore  *self,
                                                        const char          *technique_id);
void                unknot_routine_store_insert        (UnknotRoutineStore  *self,
                                                        const char          *technique_id,
                                                        guint                position);
int                 unknot_routine_store_remove        (UnknotRoutineStore  *self,
                                                        const char          *technique_id);
gboolean            unknot_routine_store_move          (UnknotRoutineStore  *self,
                                                        const char          *technique_id,
                                                        int                  offset);
gboolean            unknot_routine_store_is_read_only  (UnknotRoutineStore  *self);
const char         *unknot_routine_store_get_kept_aside (UnknotRoutineStore *self);

G_END_DECLS
