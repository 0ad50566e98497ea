/* unknot-link-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_LINK_ROW (unknot_link_row_get_type ())

G_DECLARE_FINAL_TYPE (UnknotLinkRow, unknot_link_row, UNKNOT, LINK_ROW, AdwActionRow)

G_END_DECLS
