/* unknot-step.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_STEP (unknot_step_get_type ())

G_DECLARE_FINAL_TYPE (UnknotStep, unknot_step, UNKNOT, STEP, GObject)

guint       unknot_step_get_number       (UnknotStep *self);
const char *unknot_step_get_text         (UnknotStep *self);
const char *unknot_step_get_illustration (UnknotStep *self);
gboolean    unknot_step_is_hold          (UnknotStep *self);
guint       unknot_step_get_hold_min     (UnknotStep *self);
guint       unknot_step_get_hold_max     (UnknotStep *self);
guint       unknot_step_suggest_seconds  (UnknotStep *self,
                                          guint       preferred);
gboolean    unknot_step_is_one_sided     (UnknotStep *self);

G_END_DECLS
