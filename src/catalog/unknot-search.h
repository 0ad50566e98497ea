/* unknot-search.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How every catalogue item answers a search: case- and composition-insensitive, every
 * word of the query somewhere in the item's text. A query with no word (empty, or only
 * spaces and commas) matches nothing.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *unknot_search_fold    (const char *text);
gboolean  unknot_search_matches (const char *folded_text,
                                 const char *query);

G_END_DECLS
