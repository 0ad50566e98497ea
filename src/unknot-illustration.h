/* unknot-illustration.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_ILLUSTRATION (unknot_illustration_get_type ())

G_DECLARE_FINAL_TYPE (UnknotIllustration, unknot_illustration, UNKNOT, ILLUSTRATION, GtkWidget)

GtkWidget  *unknot_illustration_new               (const char         *resource_path,
                                                   const char         *alternative_text);
const char *unknot_illustration_get_resource_path (UnknotIllustration *self);
gboolean    unknot_illustration_is_loaded         (UnknotIllustration *self);

G_END_DECLS
