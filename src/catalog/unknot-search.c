/* unknot-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "unknot-search.h"

char *
unknot_search_fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized, -1);
}

/* A query without a word matches nothing: there is nothing to look for yet. This also
 * keeps a search list that is bound to the whole catalogue empty, with no rows built,
 * until the person types. */
gboolean
unknot_search_matches (const char *folded_text,
                       const char *query)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  gboolean any_word = FALSE;

  if (query == NULL)
    return FALSE;

  folded = unknot_search_fold (query);
  words = g_strsplit_set (folded, " \t,;", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (strstr (folded_text, words[i]) == NULL)
        return FALSE;
      any_word = TRUE;
    }

  return any_word;
}
