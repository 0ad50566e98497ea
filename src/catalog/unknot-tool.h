/* unknot-tool.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_TOOL (unknot_tool_get_type ())

G_DECLARE_FINAL_TYPE (UnknotTool, unknot_tool, UNKNOT, TOOL, GObject)

const char *unknot_tool_get_id          (UnknotTool *self);
const char *unknot_tool_get_name        (UnknotTool *self);
const char *unknot_tool_get_summary     (UnknotTool *self);
const char *unknot_tool_get_description (UnknotTool *self);
const char *unknot_tool_get_good_for    (UnknotTool *self);
const char *unknot_tool_get_pressure    (UnknotTool *self);
const char *unknot_tool_get_icon        (UnknotTool *self);

G_END_DECLS
