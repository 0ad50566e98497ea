/* unknot-chime.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_CHIME (unknot_chime_get_type ())
#define UNKNOT_TYPE_CHIME_STATE (unknot_chime_state_get_type ())

/* What became of the last attempt to play the chime. */
typedef enum {
  UNKNOT_CHIME_IDLE,
  UNKNOT_CHIME_PLAYING,
  UNKNOT_CHIME_PLAYED,
  UNKNOT_CHIME_FAILED,
} UnknotChimeState;

GType unknot_chime_state_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (UnknotChime, unknot_chime, UNKNOT, CHIME, GObject)

UnknotChime      *unknot_chime_new            (const char  *file);
const char       *unknot_chime_get_file       (UnknotChime *self);
void              unknot_chime_play           (UnknotChime *self);
UnknotChimeState  unknot_chime_get_state      (UnknotChime *self);
guint             unknot_chime_get_attempts   (UnknotChime *self);
const GError     *unknot_chime_get_last_error (UnknotChime *self);

char             *unknot_chime_find_sound     (const char  *name);

G_END_DECLS
