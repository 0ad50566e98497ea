/* journal-test-generate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQL that fills a new journal with entries 0 to n-1, with the values
 * journal_test_entry_new () gives them, in one transaction. It needs only GLib, so
 * that journal-generate.c, built without the sanitizers, can run it quickly for the
 * tests that are.
 */

#include "journal-test-generate.h"

const char * const journal_test_regions[] = {
  "upper-trapezius-left", "upper-trapezius-right", "rhomboids-left", "rhomboids-right",
  "erector-spinae-lumbar-left", "quadratus-lumborum-right", "gluteals-left",
  "gluteals-right", "hamstrings-left", NULL
};

const char * const journal_test_tools[] = {
  "foam-roller", "massage-ball", "massage-stick", "electric-massager", "hands", NULL
};

const char * const journal_test_techniques[] = {
  "foam-roller-upper-back", "ball-glutes", "stick-lower-back", "hands-upper-trapezius",
  "massager-back", "ball-lower-back-wall", "foam-roller-hamstrings", NULL
};

/* "CASE expr WHEN 0 THEN 'a' WHEN 1 THEN 'b' … END" for the ids in @ids */
static char *
case_of (const char         *expr,
         const char * const *ids)
{
  GString *sql = g_string_new ("CASE ");

  g_string_append (sql, expr);
  for (guint k = 0; ids[k] != NULL; k++)
    g_string_append_printf (sql, " WHEN %u THEN '%s'", k, ids[k]);
  g_string_append (sql, " END");
  return g_string_free (sql, FALSE);
}

/* Row id i + 1 is entry i. UUIDs are ordered like time-based ones, so their index
 * grows at its end. */
char *
journal_test_generate_sql (guint n)
{
  g_autofree char *techniques = case_of ("i % 7", journal_test_techniques);
  g_autofree char *tools = case_of ("i % 5", journal_test_tools);
  g_autofree char *regions = case_of ("(id - 1) % 9", journal_test_regions);

  return g_strdup_printf (
    "PRAGMA cache_size = -65536;"
    "BEGIN;"
    "WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < %u)"
    " INSERT INTO entries (id, uuid, when_us, when_offset, pain_before, pain_after,"
    "  technique, tool, seconds, occasion, notes, created_us, modified_us)"
    " SELECT i + 1, printf ('%%08x-%%04x-4%%03x-8%%03x-%%012x', %u, i >> 16, (i >> 4) & 4095, i & 15, i),"
    "  %" G_GINT64_FORMAT " + i * %" G_GINT64_FORMAT ", 0, i %% 11,"
    "  CASE WHEN i %% 3 = 0 THEN NULL ELSE (i %% 11) / 2 END,"
    "  %s, %s, 30 + i %% 90, NULL,"
    "  'Entry ' || i || CASE WHEN i %% 100 = 0 THEN ', stiff Rücken' ELSE '' END,"
    "  %" G_GINT64_FORMAT " + i * %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT " + i * %" G_GINT64_FORMAT
    " FROM c;"
    "INSERT INTO entry_regions (entry, position, region) SELECT id, 0, %s FROM entries;"
    "INSERT INTO entry_regions (entry, position, region)"
    " SELECT id, 1, 'spine' FROM entries WHERE (id - 1) %% 4 = 0;"
    "COMMIT;",
    n - 1, g_random_int (),
    JOURNAL_TEST_START_US, JOURNAL_TEST_STEP_US,
    techniques, tools,
    JOURNAL_TEST_START_US, JOURNAL_TEST_STEP_US, JOURNAL_TEST_START_US, JOURNAL_TEST_STEP_US,
    regions);
}
