/* unknot-technique.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_TECHNIQUE (unknot_technique_get_type ())

G_DECLARE_FINAL_TYPE (UnknotTechnique, unknot_technique, UNKNOT, TECHNIQUE, GObject)

const char         *unknot_technique_get_id        (UnknotTechnique *self);
const char         *unknot_technique_get_tool_id   (UnknotTechnique *self);
const char * const *unknot_technique_get_regions   (UnknotTechnique *self);
gboolean            unknot_technique_serves_region (UnknotTechnique *self,
                                                    const char      *base_id);
const char         *unknot_technique_get_title     (UnknotTechnique *self);
const char         *unknot_technique_get_summary   (UnknotTechnique *self);
const char         *unknot_technique_get_position  (UnknotTechnique *self);
GListModel         *unknot_technique_get_steps     (UnknotTechnique *self);
const char         *unknot_technique_get_pressure  (UnknotTechnique *self);
const char         *unknot_technique_get_stop      (UnknotTechnique *self);
const char         *unknot_technique_get_breathing (UnknotTechnique *self);
const char * const *unknot_technique_get_mistakes  (UnknotTechnique *self);
const char         *unknot_technique_get_caution   (UnknotTechnique *self);
gboolean            unknot_technique_matches       (UnknotTechnique *self,
                                                    const char      *query);

G_END_DECLS
