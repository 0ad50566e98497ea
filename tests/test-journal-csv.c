/* test-journal-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal's CSV export and import: every field read back as it was written,
 * RFC 4180 quoting, the formula guard, rows skipped with their line and reason, files
 * that are broken or made to hurt, and the time for 100,000 entries.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "journal/unknot-journal-csv.h"
#include "journal/unknot-journal-private.h"
#include "journal-test-utils.h"

#define HEADER "id,when,regions,pain_before,pain_after,technique,tool,seconds,occasion," \
               "qualities,red_flags,notes,created,modified\r\n"

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static char *
other_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static GBytes *
export_bytes (UnknotJournal *journal,
              guint         *n_written)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (unknot_journal_csv_export (journal, stream, n_written, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static GBytes *
export_bytes_async (UnknotJournal *journal,
                    guint         *n_written)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  unknot_journal_csv_export_async (journal, stream, NULL, store_result_cb, &result);
  g_assert_true (unknot_journal_csv_export_finish (journal, wait_for (&result), n_written, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static UnknotJournalCsvImport *
import_bytes (UnknotJournal  *journal,
              GBytes         *bytes,
              GError        **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GAsyncResult) result = NULL;

  unknot_journal_csv_import_read_async (journal, stream, NULL, store_result_cb, &result);
  return unknot_journal_csv_import_read_finish (journal, wait_for (&result), error);
}

static UnknotJournalCsvImport *
import_text (UnknotJournal *journal,
             const char    *text,
             gssize         length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);
  g_autoptr(GError) error = NULL;
  UnknotJournalCsvImport *import = import_bytes (journal, bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static guint
apply (UnknotJournalCsvImport *import)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  unknot_journal_csv_import_apply_async (import, NULL, store_result_cb, &result);
  g_assert_true (unknot_journal_csv_import_apply_finish (import, wait_for (&result), &n_added, &error));
  g_assert_no_error (error);

  return n_added;
}

static guint
n_entries (UnknotJournal *journal)
{
  return g_list_model_get_n_items (G_LIST_MODEL (journal));
}

static UnknotJournalEntry *
tricky_entry (guint       i,
              const char *notes)
{
  g_autoptr(UnknotJournalEntry) entry = unknot_journal_entry_new ();
  static const char * const zones[] = { "+05:30", "Z", "-08:00", "+13:45", "-03:30" };
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zones[i % G_N_ELEMENTS (zones)]);
  g_autoptr(GDateTime) when = g_date_time_new (zone, 2025, 1 + i % 12, 1 + i % 28, i % 24, i % 60,
                                               (i % 7 == 0) ? 12.0 : 12.0 + (i % 1000) / 1000.0 + 0.000123);
  const char *regions[] = { journal_test_regions[i % 9], i % 2 ? "spine" : NULL, NULL };
  const char *qualities[] = { "aching", i % 3 ? "burning" : NULL, NULL };
  const char *red_flags[] = { i % 4 ? "fever" : NULL, "limb-numbness", NULL };

  g_assert_nonnull (when);
  unknot_journal_entry_set_when (entry, when);
  unknot_journal_entry_set_regions (entry, regions);
  unknot_journal_entry_set_pain_before (entry, (int) (i % 11));
  unknot_journal_entry_set_pain_after (entry, i % 3 == 0 ? UNKNOT_JOURNAL_PAIN_UNSET : (int) (10 - i % 11));
  unknot_journal_entry_set_technique_id (entry, i % 5 == 0 ? NULL : journal_test_techniques[i % 7]);
  unknot_journal_entry_set_tool_id (entry, i % 6 == 0 ? NULL : journal_test_tools[i % 5]);
  unknot_journal_entry_set_seconds (entry, i % 8 == 0 ? 0 : 30 + i);
  unknot_journal_entry_set_occasion (entry, i % 2 ? NULL : unknot_journal_get_occasion_ids ()[i % 3]);
  if (i % 5 != 1)
    unknot_journal_entry_set_qualities (entry, qualities);
  if (i % 3 != 1)
    unknot_journal_entry_set_red_flags (entry, red_flags);
  unknot_journal_entry_set_notes (entry, notes);

  return g_steal_pointer (&entry);
}

static const char * const tricky_notes[] = {
  "",
  "plain",
  "Ünïcödé 日本語 🙂 Rücken",
  "comma, inside",
  "\"quoted\" and \"\" doubled",
  "semi;colons;here",
  "two\nlines",
  "crlf\r\ninside\r\n",
  "lone\rcarriage return",
  "=SUM(A1:A9)",
  "-3 today",
  "+1 better",
  "@home",
  "\ttabbed",
  "'apostrophe first",
  "'=already guarded looking",
  "''",
  "'",
  "=",
  "-",
  "\"",
  ",",
  "\n",
  " leading and trailing spaces ",
  "=HYPERLINK(\"http://x.invalid\",\"click\"), with, commas\nand a line",
  "back\\slash % _ 100%",
};

/* Every entry, read back from a journal it was imported into, is the same. */
static void
assert_same_journal (UnknotJournal *a,
                     UnknotJournal *b)
{
  g_assert_cmpuint (n_entries (a), ==, n_entries (b));

  for (guint i = 0; i < n_entries (a); i++)
    {
      g_autoptr(UnknotJournalEntry) entry = g_list_model_get_item (G_LIST_MODEL (a), i);
      g_autoptr(UnknotJournalEntry) copy = unknot_journal_lookup (b, unknot_journal_entry_get_id (entry));

      g_assert_nonnull (copy);
      g_assert_true (unknot_journal_entry_equal (entry, copy));
      g_assert_true (g_date_time_equal (unknot_journal_entry_get_created (entry),
                                        unknot_journal_entry_get_created (copy)));
      g_assert_true (g_date_time_equal (unknot_journal_entry_get_modified (entry),
                                        unknot_journal_entry_get_modified (copy)));
    }
}

static void
test_round_trip (void)
{
  g_autofree char *target_path = other_path ("imported.db");
  UnknotJournal *journal = journal_test_open (NULL, NULL, FALSE);
  UnknotJournal *target = NULL;
  g_autoptr(UnknotJournalCsvImport) import = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) exported_async = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autofree char *text = NULL;
  guint n_written = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tricky_notes); i++)
    {
      g_autoptr(UnknotJournalEntry) entry = tricky_entry (i, tricky_notes[i]);
      g_autoptr(UnknotJournalEntry) added = NULL;
      g_autoptr(GError) error = NULL;

      added = journal_test_add (journal, entry, &error);
      g_assert_no_error (error);
    }

  /* Before 1970, and on a leap day. */
  {
    g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("-05:00");
    g_autoptr(GDateTime) moon = g_date_time_new (zone, 1969, 7, 20, 20, 17, 40.5);
    g_autoptr(GDateTime) leap = g_date_time_new_utc (2024, 2, 29, 23, 59, 59.999999);
    g_autoptr(UnknotJournalEntry) entry = tricky_entry (1, "one small step");
    g_autoptr(UnknotJournalEntry) other = tricky_entry (2, "leap");
    g_autoptr(UnknotJournalEntry) added = NULL;
    g_autoptr(UnknotJournalEntry) added_other = NULL;

    unknot_journal_entry_set_when (entry, moon);
    unknot_journal_entry_set_when (other, leap);
    added = journal_test_add (journal, entry, NULL);
    added_other = journal_test_add (journal, other, NULL);
    g_assert_nonnull (added);
    g_assert_nonnull (added_other);
  }

  exported = export_bytes (journal, &n_written);
  g_assert_cmpuint (n_written, ==, G_N_ELEMENTS (tricky_notes) + 2);
  exported_async = export_bytes_async (journal, &n_written);
  g_assert_cmpuint (n_written, ==, G_N_ELEMENTS (tricky_notes) + 2);
  g_assert_true (g_bytes_equal (exported, exported_async));

  text = g_strndup (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, HEADER));
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  /* The guard, inside and outside quotes. */
  g_assert_nonnull (strstr (text, ",'=SUM(A1:A9),"));
  g_assert_nonnull (strstr (text, ",'-3 today,"));
  g_assert_nonnull (strstr (text, ",'+1 better,"));
  g_assert_nonnull (strstr (text, ",'@home,"));
  g_assert_nonnull (strstr (text, ",'\ttabbed,"));
  g_assert_nonnull (strstr (text, ",''apostrophe first,"));
  g_assert_nonnull (strstr (text, ",\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"click\"\"), with, commas\nand a line\","));
  /* Quoting. */
  g_assert_nonnull (strstr (text, ",\"comma, inside\","));
  g_assert_nonnull (strstr (text, ",\"\"\"quoted\"\" and \"\"\"\" doubled\","));
  g_assert_nonnull (strstr (text, ",\"two\nlines\","));
  g_assert_nonnull (strstr (text, ",semi;colons;here,"));
  g_assert_nonnull (strstr (text, ",plain,"));
  /* Lists, an offset and an empty pain after. */
  g_assert_nonnull (strstr (text, ",rhomboids-left;spine,"));
  g_assert_nonnull (strstr (text, "+05:30,"));
  g_assert_nonnull (strstr (text, "-08:00,"));
  g_assert_nonnull (strstr (text, "Z,upper-trapezius-right;spine,1,9,"));
  g_assert_nonnull (strstr (text, ",0,,"));
  g_assert_nonnull (strstr (text, ",1969-07-20T20:17:40.500000-05:00,"));
  g_assert_nonnull (strstr (text, ",2024-02-29T23:59:59.999999Z,"));

  /* Into an empty journal: the same entries, ids and times, and the same file again. */
  target = journal_test_open (target_path, NULL, FALSE);
  import = import_text (target, text, -1);
  g_assert_cmpuint (unknot_journal_csv_import_get_n_skipped (import), ==, 0);
  g_assert_cmpuint (unknot_journal_csv_import_get_n_entries (import), ==, G_N_ELEMENTS (tricky_notes) + 2);
  /* Nothing is written before the import is applied. */
  g_assert_cmpuint (n_entries (target), ==, 0);
  g_assert_cmpuint (apply (import), ==, G_N_ELEMENTS (tricky_notes) + 2);
  g_assert_cmpuint (n_entries (target), ==, G_N_ELEMENTS (tricky_notes) + 2);
  assert_same_journal (journal, target);

  again = export_bytes (target, NULL);
  g_assert_true (g_bytes_equal (exported, again));

  g_clear_object (&import);
  journal_test_close (target);
  journal_test_close (journal);
}

/* One entry, written out cell by cell. */
static void
test_row (void)
{
  UnknotJournal *journal = journal_test_open (NULL, NULL, FALSE);
  g_autoptr(UnknotJournalEntry) entry = unknot_journal_entry_new_with_id ("0f8fad5b-d9cb-469f-a165-70867728950e");
  g_autoptr(UnknotJournalEntry) added = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("+01:00");
  g_autoptr(GDateTime) when = g_date_time_new (zone, 2025, 3, 14, 18, 30, 0);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2025, 3, 14, 17, 31, 2.5);
  g_autoptr(GDateTime) modified = g_date_time_new_utc (2025, 3, 15, 8, 0, 0);
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *created_text = NULL;
  g_autofree char *modified_text = NULL;
  g_autofree char *expected = NULL;
  const char *regions[] = { "gluteals-left", "spine", NULL };
  const char *qualities[] = { "aching", "burning", NULL };
  const char *red_flags[] = { "fever", NULL };

  unknot_journal_entry_set_when (entry, when);
  unknot_journal_entry_set_regions (entry, regions);
  unknot_journal_entry_set_pain_before (entry, 7);
  unknot_journal_entry_set_pain_after (entry, 3);
  unknot_journal_entry_set_technique_id (entry, "ball-glutes");
  unknot_journal_entry_set_tool_id (entry, "lacrosse-ball");
  unknot_journal_entry_set_seconds (entry, 90);
  unknot_journal_entry_set_occasion (entry, "post-workout");
  unknot_journal_entry_set_qualities (entry, qualities);
  unknot_journal_entry_set_red_flags (entry, red_flags);
  unknot_journal_entry_set_notes (entry, "Better, \"much\"");
  unknot_journal_entry_set_saved_times (entry, created, modified);
  added = journal_test_add (journal, entry, &error);
  g_assert_no_error (error);

  exported = export_bytes (journal, NULL);
  text = g_strndup (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported));
  /* The saved times come back in local time (UTC here, LC_ALL and TZ aside). */
  created_text = g_date_time_format (unknot_journal_entry_get_created (added), "%Y-%m-%dT%H:%M:%S.%f%:z");
  modified_text = g_date_time_format (unknot_journal_entry_get_modified (added), "%Y-%m-%dT%H:%M:%S%:z");
  if (g_str_has_suffix (created_text, "+00:00"))
    strcpy (created_text + strlen (created_text) - 6, "Z");
  if (g_str_has_suffix (modified_text, "+00:00"))
    strcpy (modified_text + strlen (modified_text) - 6, "Z");
  expected = g_strconcat (HEADER,
                          "0f8fad5b-d9cb-469f-a165-70867728950e,2025-03-14T18:30:00+01:00,"
                          "gluteals-left;spine,7,3,ball-glutes,lacrosse-ball,90,post-workout,"
                          "aching;burning,fever,\"Better, \"\"much\"\"\",",
                          created_text, ",", modified_text, "\r\n", NULL);
  g_assert_cmpstr (text, ==, expected);

  journal_test_close (journal);
}

typedef struct
{
  guint                line;
  UnknotJournalCsvSkip reason;
} ExpectedSkip;

static void
assert_skipped (UnknotJournalCsvImport *import,
                const ExpectedSkip     *expected,
                guint                   n)
{
  for (guint i = 0; i < unknot_journal_csv_import_get_n_skipped (import); i++)
    g_test_message ("line %u: %d %s", unknot_journal_csv_import_get_skipped_line (import, i),
                    unknot_journal_csv_import_get_skipped_reason (import, i),
                    unknot_journal_csv_import_get_skipped_message (import, i));

  g_assert_cmpuint (unknot_journal_csv_import_get_n_skipped (import), ==, n);
  for (guint i = 0; i < n; i++)
    {
      const char *message = unknot_journal_csv_import_get_skipped_message (import, i);

      g_assert_cmpuint (unknot_journal_csv_import_get_skipped_line (import, i), ==, expected[i].line);
      g_assert_cmpint (unknot_journal_csv_import_get_skipped_reason (import, i), ==, expected[i].reason);
      g_assert_nonnull (message);
      g_assert_true (g_utf8_validate (message, -1, NULL));
      g_assert_cmpuint (strlen (message), >, 10);
    }
}

#define ID1 "11111111-1111-4111-8111-111111111111"
#define ID2 "22222222-2222-4222-8222-222222222222"
#define ID3 "33333333-3333-4333-8333-333333333333"
#define ID4 "44444444-4444-4444-8444-444444444444"
#define ID5 "55555555-5555-4555-8555-555555555555"

static void
test_rejected (void)
{
  UnknotJournal *journal = journal_test_open (NULL, NULL, FALSE);
  const char *known[] = { "gluteals-left", "gluteals-right", "spine", NULL };
  g_autoptr(UnknotJournalEntry) existing = unknot_journal_entry_new_with_id (ID5);
  g_autoptr(UnknotJournalEntry) added = NULL;
  g_autoptr(UnknotJournalCsvImport) import = NULL;
  g_autoptr(UnknotJournalEntry) first = NULL;
  g_autoptr(GError) error = NULL;
  const char *regions[] = { "spine", NULL };
  static const char text[] =
    HEADER
    /* 2 */ ID1 ",2025-03-14T18:30:00+01:00,spine,5,,,,60,,,,\"fine,\nover two lines\",,\r\n"
    /* 4 */ ID2 ",14/03/2025 18:30,spine,5,,,,60,,,,bad date,,\r\n"
    /* 5 */ ID2 ",2025-03-14T18:30:00Z,spine,11,,,,60,,,,pain too high,,\r\n"
    /* 6 */ ID2 ",2025-03-14T18:30:00Z,spine,5,-1,,,60,,,,pain after below,,\r\n"
    /* 7 */ ID2 ",2025-03-14T18:30:00Z,spine,five,,,,60,,,,pain not a number,,\r\n"
    /* 8 */ ID2 ",2025-03-14T18:30:00Z,spine;left-ear,5,,,,60,,,,unknown region,,\r\n"
    /* 9 */ ID2 ",2025-03-14T18:30:00Z,,5,,,,60,,,,no region,,\r\n"
    /* 10 */ ID1 ",2025-03-14T18:30:00Z,spine,5,,,,60,,,,twice in the file,,\r\n"
    /* 11 */ ID5 ",2025-03-14T18:30:00Z,spine,5,,,,60,,,,already in the journal,,\r\n"
    /* 12 */ ID2 ",2025-03-14T18:30:00Z,spine,5,,,,60,,,,too few columns\r\n"
    /* 13 */ ID2 ",2025-03-14T18:30:00Z,spine,5,,,,60,,,,too,many,columns,,\r\n"
    /* 14 */ ID2 ",2025-03-14T18:30:00Z,spine,5,,,,60,,,,\"quoted\"then more,,\r\n"
    /* 15 */ "not-an-id,2025-03-14T18:30:00Z,spine,5,,,,60,,,,bad id,,\r\n"
    /* 16 */ ID2 ",2025-03-14T18:30:00Z,spine,5,,,,60,,unknown-quality,,bad quality,,\r\n"
    /* 17 */ ID2 ",2025-03-14T18:30:00Z,spine,5,,,,90000,,,,more than a day,,\r\n"
    /* 18 */ ID2 ",2025-03-14T18:30:00Z,spine,5,,,,60,,,,bad created,yesterday,\r\n"
    /* 19 */ "\r\n"
    /* 20 */ ID3 ",2025-03-14T18:30:00Z,gluteals-left; gluteals-right ,0,10,ball-glutes,,,after-sitting,aching,,'-3 today,,\r\n"
    /* 21 */ ",2025-03-14T18:30:00Z,spine,2,,,,,,,,no id: a new one,,\r\n";
  static const ExpectedSkip expected[] = {
    { 4, UNKNOT_JOURNAL_CSV_SKIP_BAD_DATE },
    { 5, UNKNOT_JOURNAL_CSV_SKIP_PAIN },
    { 6, UNKNOT_JOURNAL_CSV_SKIP_PAIN },
    { 7, UNKNOT_JOURNAL_CSV_SKIP_PAIN },
    { 8, UNKNOT_JOURNAL_CSV_SKIP_UNKNOWN_REGION },
    { 9, UNKNOT_JOURNAL_CSV_SKIP_UNKNOWN_REGION },
    { 10, UNKNOT_JOURNAL_CSV_SKIP_DUPLICATE },
    { 11, UNKNOT_JOURNAL_CSV_SKIP_DUPLICATE },
    { 12, UNKNOT_JOURNAL_CSV_SKIP_MALFORMED },
    { 13, UNKNOT_JOURNAL_CSV_SKIP_MALFORMED },
    { 14, UNKNOT_JOURNAL_CSV_SKIP_MALFORMED },
    { 15, UNKNOT_JOURNAL_CSV_SKIP_MALFORMED },
    { 16, UNKNOT_JOURNAL_CSV_SKIP_INVALID },
    { 17, UNKNOT_JOURNAL_CSV_SKIP_INVALID },
    { 18, UNKNOT_JOURNAL_CSV_SKIP_BAD_DATE },
  };

  unknot_journal_set_known_regions (journal, known);
  unknot_journal_entry_set_regions (existing, regions);
  unknot_journal_entry_set_pain_before (existing, 1);
  added = journal_test_add (journal, existing, &error);
  g_assert_no_error (error);

  import = import_text (journal, text, -1);
  assert_skipped (import, expected, G_N_ELEMENTS (expected));
  g_assert_cmpuint (unknot_journal_csv_import_get_n_entries (import), ==, 3);
  g_assert_true (unknot_journal_csv_import_get_journal (import) == journal);

  first = g_list_model_get_item (unknot_journal_csv_import_get_entries (import), 0);
  g_assert_cmpstr (unknot_journal_entry_get_id (first), ==, ID1);
  g_assert_cmpstr (unknot_journal_entry_get_notes (first), ==, "fine,\nover two lines");
  g_assert_cmpint (unknot_journal_entry_get_pain_after (first), ==, UNKNOT_JOURNAL_PAIN_UNSET);

  /* Nothing is written until the import is applied. */
  g_assert_cmpuint (n_entries (journal), ==, 1);
  g_assert_cmpuint (apply (import), ==, 3);
  g_assert_cmpuint (n_entries (journal), ==, 4);

  {
    g_autoptr(UnknotJournalEntry) third = unknot_journal_lookup (journal, ID3);
    const char *both[] = { "gluteals-left", "gluteals-right", NULL };

    g_assert_nonnull (third);
    g_assert_true (g_strv_equal (unknot_journal_entry_get_regions (third), both));
    g_assert_cmpstr (unknot_journal_entry_get_notes (third), ==, "-3 today");
    g_assert_cmpint (unknot_journal_entry_get_pain_after (third), ==, 10);
    g_assert_cmpstr (unknot_journal_entry_get_occasion (third), ==, "after-sitting");
    g_assert_null (unknot_journal_entry_get_tool_id (third));
  }

  /* The same file again: every entry is there now. */
  g_clear_object (&import);
  import = import_text (journal, text, -1);
  g_assert_cmpuint (unknot_journal_csv_import_get_n_entries (import), ==, 1);  /* the one without an id */
  g_assert_cmpuint (unknot_journal_csv_import_get_n_skipped (import), ==, G_N_ELEMENTS (expected) + 2);

  g_clear_object (&import);
  journal_test_close (journal);
}

/* A byte order mark, and plain LF line endings, as other programs write. */
static void
test_bom_and_line_endings (void)
{
  UnknotJournal *journal = journal_test_open (NULL, NULL, FALSE);
  g_autoptr(UnknotJournalCsvImport) import = NULL;
  g_autoptr(UnknotJournalEntry) entry = NULL;
  g_autoptr(GString) lf = NULL;
  static const char crlf[] =
    "\xEF\xBB\xBF" HEADER
    ID1 ",2025-03-14T18:30:00+01:00,spine,5,,,,60,,,,\"a\r\nb\",,\r\n"
    ID2 ",2025-03-14T19:30:00+01:00,spine,5,,,,60,,,,last line without an end,,";

  import = import_text (journal, crlf, -1);
  g_assert_cmpuint (unknot_journal_csv_import_get_n_skipped (import), ==, 0);
  g_assert_cmpuint (unknot_journal_csv_import_get_n_entries (import), ==, 2);
  entry = g_list_model_get_item (unknot_journal_csv_import_get_entries (import), 0);
  g_assert_cmpstr (unknot_journal_entry_get_notes (entry), ==, "a\r\nb");
  g_clear_object (&entry);
  entry = g_list_model_get_item (unknot_journal_csv_import_get_entries (import), 1);
  g_assert_cmpstr (unknot_journal_entry_get_notes (entry), ==, "last line without an end");
  g_clear_object (&entry);
  g_clear_object (&import);

  lf = g_string_new (crlf);
  g_string_replace (lf, "\r\n", "\n", 0);
  g_string_append (lf, "\n" ID3 ",2025-03-14T18:30:00+01:00,spine,5,,,,60,,,,,,\n"
                   ID3 ",2025-03-14T18:30:00+01:00,spine,5,,,,60,,,,,,\n");
  import = import_text (journal, lf->str, lf->len);
  g_assert_cmpuint (unknot_journal_csv_import_get_n_entries (import), ==, 3);
  g_assert_cmpuint (unknot_journal_csv_import_get_n_skipped (import), ==, 1);
  g_assert_cmpuint (unknot_journal_csv_import_get_skipped_line (import, 0), ==, 6);
  g_assert_cmpint (unknot_journal_csv_import_get_skipped_reason (import, 0), ==, UNKNOT_JOURNAL_CSV_SKIP_DUPLICATE);
  entry = g_list_model_get_item (unknot_journal_csv_import_get_entries (import), 0);
  g_assert_cmpstr (unknot_journal_entry_get_notes (entry), ==, "a\nb");

  g_clear_object (&import);
  journal_test_close (journal);
}

static void
test_broken (void)
{
  UnknotJournal *journal = journal_test_open (NULL, NULL, FALSE);
  g_autoptr(UnknotJournalCsvImport) import = NULL;
  static const char unterminated[] =
    HEADER
    ID1 ",2025-03-14T18:30:00+01:00,spine,5,,,,60,,,,fine,,\r\n"
    ID2 ",2025-03-14T18:30:00+01:00,spine,5,,,,60,,,,\"never closed,,\r\n"
    ID3 ",2025-03-14T18:30:00+01:00,spine,5,,,,60,,,,lost in the quote,,\r\n";
  static const char bad_utf8[] =
    HEADER
    ID1 ",2025-03-14T18:30:00+01:00,spine,5,,,,60,,,,caf\xC3\x28 latin-1 \xE9,,\r\n"
    ID2 ",2025-03-14T18:30:00+01:00,spine,5,,,,60,,,,\"nul \0 inside\",,\r\n"
    ID3 ",2025-03-14T18:30:00+01:00,sp\xFFine,5,,,,60,,,,,,\r\n"
    ID4 ",2025-03-14T18:30:00+01:00,spine,5,,,,60,,,,fine,,\r\n";
  static const ExpectedSkip unterminated_skips[] = {
    { 3, UNKNOT_JOURNAL_CSV_SKIP_MALFORMED },
  };
  static const ExpectedSkip bad_utf8_skips[] = {
    { 2, UNKNOT_JOURNAL_CSV_SKIP_MALFORMED },
    { 3, UNKNOT_JOURNAL_CSV_SKIP_MALFORMED },
    { 4, UNKNOT_JOURNAL_CSV_SKIP_MALFORMED },
  };
  static const char * const not_ours[] = {
    "",
    "\xEF\xBB\xBF",
    "a,b,c\r\n1,2,3\r\n",
    "id,when\r\n",
    "\"id,when,regions,pain_before,pain_after,technique,tool,seconds,occasion,qualities,red_flags,notes,created,modified",
    "\xFF\xFE" "i\0d\0",
  };
  g_autoptr(GBytes) exported = NULL;
  const char *data;
  gsize size;

  import = import_text (journal, unterminated, -1);
  assert_skipped (import, unterminated_skips, G_N_ELEMENTS (unterminated_skips));
  g_assert_cmpuint (unknot_journal_csv_import_get_n_entries (import), ==, 1);
  g_clear_object (&import);

  import = import_text (journal, bad_utf8, sizeof (bad_utf8) - 1);
  assert_skipped (import, bad_utf8_skips, G_N_ELEMENTS (bad_utf8_skips));
  g_assert_cmpuint (unknot_journal_csv_import_get_n_entries (import), ==, 1);
  g_clear_object (&import);

  for (guint i = 0; i < G_N_ELEMENTS (not_ours); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (not_ours[i], i == 5 ? 6 : strlen (not_ours[i]));
      g_autoptr(GError) error = NULL;

      import = import_bytes (journal, bytes, &error);
      g_assert_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_INVALID);
      g_assert_null (import);
    }

  /* Every cut of a real export, and each with one byte changed, reads without a
   * crash and only ever gives entries that the journal accepts. */
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(UnknotJournalEntry) entry = tricky_entry (i, tricky_notes[i * 3]);
      g_autoptr(UnknotJournalEntry) added = journal_test_add (journal, entry, NULL);

      g_assert_nonnull (added);
    }
  exported = export_bytes (journal, NULL);
  data = g_bytes_get_data (exported, &size);
  for (gsize cut = 0; cut <= size; cut += 1 + cut / 64)
    {
      static const char mutations[] = { '"', ',', '\n', '\r', '\0', '\xFF', '\'', '=' };
      g_autofree char *copy = g_memdup2 (data, size);
      g_autoptr(GBytes) part = g_bytes_new_static (copy, cut);
      g_autoptr(GBytes) mutated = g_bytes_new_static (copy, size);
      g_autoptr(GError) error = NULL;
      g_autoptr(UnknotJournalCsvImport) result = NULL;

      result = import_bytes (journal, part, &error);
      g_assert_true ((result == NULL) != (error == NULL));
      g_clear_error (&error);
      g_clear_object (&result);

      if (cut < size)
        {
          copy[cut] = mutations[cut % G_N_ELEMENTS (mutations)];
          result = import_bytes (journal, mutated, &error);
          g_assert_true ((result == NULL) != (error == NULL));
          for (guint k = 0; result != NULL && k < unknot_journal_csv_import_get_n_entries (result); k++)
            {
              g_autoptr(UnknotJournalEntry) entry = g_list_model_get_item (unknot_journal_csv_import_get_entries (result), k);

              g_assert_true (unknot_journal_entry_validate (entry, NULL, NULL));
            }
        }
    }

  journal_test_close (journal);
}

/* A failed stream says so, and nothing is half-imported. */
static void
test_unreadable (void)
{
  UnknotJournal *journal = journal_test_open (NULL, NULL, FALSE);
  g_autofree char *missing = other_path ("missing.csv");
  g_autoptr(GFile) file = g_file_new_for_path (missing);
  g_autoptr(GFile) folder = g_file_new_for_path (g_get_user_data_dir ());
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written_path = other_path ("written.csv");
  g_autoptr(GFile) written = g_file_new_for_path (written_path);
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(UnknotJournalCsvImport) import = NULL;

  g_assert_null (g_file_read (file, NULL, NULL));

  /* A folder cannot be read as a file. */
  stream = g_file_read (folder, NULL, &error);
  if (stream != NULL)
    {
      unknot_journal_csv_import_read_async (journal, G_INPUT_STREAM (stream), NULL, store_result_cb, &result);
      g_assert_null (unknot_journal_csv_import_read_finish (journal, wait_for (&result), &error));
      g_assert_nonnull (error);
    }
  g_clear_error (&error);
  g_clear_object (&result);

  /* Through a real file, asynchronously. */
  {
    g_autoptr(UnknotJournalEntry) entry = tricky_entry (3, "from a file");
    g_autoptr(UnknotJournalEntry) added = journal_test_add (journal, entry, NULL);
    guint n_written = 0;

    out = g_file_replace (written, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
    g_assert_no_error (error);
    unknot_journal_csv_export_async (journal, G_OUTPUT_STREAM (out), NULL, store_result_cb, &result);
    g_assert_true (unknot_journal_csv_export_finish (journal, wait_for (&result), &n_written, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_written, ==, 1);
    g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
    g_clear_object (&result);

    in = G_INPUT_STREAM (g_file_read (written, NULL, &error));
    g_assert_no_error (error);
    unknot_journal_csv_import_read_async (journal, in, NULL, store_result_cb, &result);
    import = unknot_journal_csv_import_read_finish (journal, wait_for (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (unknot_journal_csv_import_get_n_entries (import), ==, 0);
    g_assert_cmpuint (unknot_journal_csv_import_get_n_skipped (import), ==, 1);
    g_assert_cmpint (unknot_journal_csv_import_get_skipped_reason (import, 0), ==, UNKNOT_JOURNAL_CSV_SKIP_DUPLICATE);
    g_assert_cmpuint (apply (import), ==, 0);
  }

  g_clear_object (&import);
  g_clear_object (&result);
  g_unlink (written_path);
  journal_test_close (journal);
}

/* 100,000 entries out and read back; the times are printed. Adding them all to the
 * journal takes a transaction (and a sync of the disk) each, so that part, and the
 * export of the journal it made, runs for 20,000 entries or fewer, or with
 * UNKNOT_CSV_LONG_APPLY=1. */
static void
test_long (void)
{
  guint n = 100000;
  g_autofree char *source_path = other_path ("long.db");
  g_autofree char *target_path = other_path ("long-imported.db");
  UnknotJournal *journal = NULL;
  UnknotJournal *target = NULL;
  g_autoptr(UnknotJournalCsvImport) import = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) exported_async = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  double export_s, export_async_s, read_s, apply_s = 0;
  guint n_written = 0;

#if defined(__SANITIZE_ADDRESS__)
  /* The sanitizers make every step ten to twenty times slower: the numbers mean
   * nothing there, and 10,000 entries check the same code. */
  n = 10000;
#endif
  if (g_getenv ("UNKNOT_CSV_LONG_ENTRIES") != NULL)
    n = (guint) g_ascii_strtoull (g_getenv ("UNKNOT_CSV_LONG_ENTRIES"), NULL, 10);

  journal_test_generate (source_path, n);
  journal = journal_test_open (source_path, NULL, FALSE);
  g_assert_cmpuint (n_entries (journal), ==, n);

  g_timer_start (timer);
  exported = export_bytes (journal, &n_written);
  export_s = g_timer_elapsed (timer, NULL);
  g_assert_cmpuint (n_written, ==, n);

  g_timer_start (timer);
  exported_async = export_bytes_async (journal, &n_written);
  export_async_s = g_timer_elapsed (timer, NULL);
  g_assert_true (g_bytes_equal (exported, exported_async));

  target = journal_test_open (target_path, NULL, FALSE);
  g_timer_start (timer);
  import = import_bytes (target, exported, &error);
  read_s = g_timer_elapsed (timer, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (unknot_journal_csv_import_get_n_entries (import), ==, n);
  g_assert_cmpuint (unknot_journal_csv_import_get_n_skipped (import), ==, 0);

  g_print ("# CSV, %u entries (%.1f MB): export %.0f ms (async %.0f ms), "
           "import: read and check %.0f ms\n",
           n, g_bytes_get_size (exported) / 1e6, export_s * 1000, export_async_s * 1000,
           read_s * 1000);

  if (n <= 20000 || g_strcmp0 (g_getenv ("UNKNOT_CSV_LONG_APPLY"), "1") == 0)
    {
      g_timer_start (timer);
      g_assert_cmpuint (apply (import), ==, n);
      journal_test_wait_idle (target);
      apply_s = g_timer_elapsed (timer, NULL);
      g_print ("# CSV, %u entries: import: add to the journal %.0f ms\n", n, apply_s * 1000);

      again = export_bytes (target, NULL);
      g_assert_true (g_bytes_equal (exported, again));
    }

  g_clear_object (&import);
  journal_test_close (target);
  journal_test_close (journal);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journal-csv/round-trip", test_round_trip);
  g_test_add_func ("/journal-csv/row", test_row);
  g_test_add_func ("/journal-csv/rejected", test_rejected);
  g_test_add_func ("/journal-csv/bom-and-line-endings", test_bom_and_line_endings);
  g_test_add_func ("/journal-csv/broken", test_broken);
  g_test_add_func ("/journal-csv/unreadable", test_unreadable);
  g_test_add_func ("/journal-csv/long", test_long);

  return g_test_run ();
}
