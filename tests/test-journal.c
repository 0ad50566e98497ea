/* test-journal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pain journal's store: every field comes back as it was given (unicode, a 1 MB
 * note), each schema version is brought up to date, invalid values are refused with a
 * message, the list announces each change at the right place, a long journal is read
 * a page at a time, filters count right, a damaged file is kept byte for byte and the
 * backup is used, a newer file stays read-only and unchanged, and a folder that cannot
 * be written loses nothing typed.
 */

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "journal/unknot-journal-private.h"
#include "journal-fault-vfs.h"
#include "journal-test-utils.h"

/* ------------------------------------------------------------------------------------
 * Helpers
 */

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
assert_change (GArray *changes,
               guint   position,
               guint   removed,
               guint   added)
{
  Change *change;

  g_assert_cmpuint (changes->len, ==, 1);
  change = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_array_set_size (changes, 0);
}

static UnknotJournalEntry *
item (GListModel *model,
      guint       position)
{
  UnknotJournalEntry *entry = g_list_model_get_item (model, position);

  g_assert_nonnull (entry);
  return entry;
}

/* The ids in the list, in its order. */
static char *
list_ids (GListModel *model)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(UnknotJournalEntry) entry = item (model, i);

      g_string_append_printf (ids, "%s%s", i ? " " : "", unknot_journal_entry_get_notes (entry));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static UnknotJournalEntry *
simple_entry (const char *notes,
              int         hour)
{
  UnknotJournalEntry *entry = unknot_journal_entry_new ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2025, 5, 1, hour, 0, 0);
  const char *regions[] = { "gluteals-left", NULL };

  unknot_journal_entry_set_when (entry, when);
  unknot_journal_entry_set_regions (entry, regions);
  unknot_journal_entry_set_pain_before (entry, 5);
  unknot_journal_entry_set_notes (entry, notes);
  return entry;
}

static gint64
count_rows (const char *path)
{
  sqlite3 *db = journal_test_sql_open (path);
  gint64 n = journal_test_sql_int (db, "SELECT count(*) FROM entries");

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return n;
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
assert_same_bytes (GBytes     *expected,
                   const char *path)
{
  g_autoptr(GBytes) now = journal_test_read_file (path);

  g_assert_true (g_bytes_equal (expected, now));
}

static void
assert_message (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), >, 20);
  g_test_message ("%s", error->message);
}

/* ------------------------------------------------------------------------------------
 * Round trip
 */

typedef struct
{
  gboolean changed;
  gboolean changed_before_callback;
  guint    n_items;
  UnknotJournalEntry *saved;
  GError  *error;
  gboolean done;
} AddState;

static void
on_add_changed_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   AddState   *state)
{
  state->changed = TRUE;
}

static void
on_added_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  AddState *state = data;

  state->changed_before_callback = state->changed;
  state->n_items = g_list_model_get_n_items (G_LIST_MODEL (source));
  state->saved = unknot_journal_add_finish (UNKNOT_JOURNAL (source), result, &state->error);
  state->done = TRUE;
}

static void
test_round_trip (void)
{
  g_autofree char *path = journal_test_path ();
  UnknotJournal *journal = journal_test_open (NULL, NULL, TRUE);
  g_autoptr(UnknotJournalEntry) entry = unknot_journal_entry_new ();
  g_autoptr(UnknotJournalEntry) plain = unknot_journal_entry_new ();
  g_autoptr(UnknotJournalEntry) again = NULL;
  g_autoptr(UnknotJournalEntry) first = NULL;
  g_autoptr(UnknotJournalEntry) second = NULL;
  g_autoptr(UnknotJournalEntry) saved_plain = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("+05:30");
  g_autoptr(GDateTime) when = g_date_time_new (zone, 2025, 3, 14, 7, 45, 12.25);
  g_autoptr(GString) notes = g_string_new ("Ünïcödé 日本語 🙂 \"quotes\" 'apostrophes'; DROP TABLE entries; -- \n\t\\ % _ end\n");
  const char *regions[] = { "gluteals-left", "spine", "erector-spinae-lumbar-right", NULL };
  const char *qualities[] = { "aching", "burning", NULL };
  const char *red_flags[] = { "fever", "limb-numbness", NULL };
  AddState state = { 0 };
  g_autoptr(GError) error = NULL;
  gulong handler;

  /* The default place for the file. */
  g_assert_cmpstr (unknot_journal_get_path (journal), ==, path);
  g_assert_no_error (unknot_journal_get_load_error (journal));
  g_assert_false (unknot_journal_is_read_only (journal));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (journal)) == UNKNOT_TYPE_JOURNAL_ENTRY);

  while (notes->len < 1024 * 1024)
    g_string_append (notes, "Rücken und Schultern, 背中. ");

  unknot_journal_entry_set_when (entry, when);
  unknot_journal_entry_set_regions (entry, regions);
  unknot_journal_entry_set_pain_before (entry, 7);
  unknot_journal_entry_set_pain_after (entry, 3);
  unknot_journal_entry_set_technique_id (entry, "ball-glutes");
  unknot_journal_entry_set_tool_id (entry, "massage-ball");
  unknot_journal_entry_set_seconds (entry, 95);
  unknot_journal_entry_set_occasion (entry, "after-sitting");
  unknot_journal_entry_set_qualities (entry, qualities);
  unknot_journal_entry_set_red_flags (entry, red_flags);
  unknot_journal_entry_set_notes (entry, notes->str);
  g_assert_true (g_uuid_string_is_valid (unknot_journal_entry_get_id (entry)));
  g_assert_true (unknot_journal_entry_has_red_flags (entry));

  /* The list shows the entry before the editor hears it was saved. */
  handler = g_signal_connect (journal, "items-changed", G_CALLBACK (on_add_changed_cb), &state);
  unknot_journal_add_async (journal, entry, NULL, on_added_cb, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (journal, handler);
  g_assert_no_error (state.error);
  g_assert_true (state.changed_before_callback);
  g_assert_cmpuint (state.n_items, ==, 1);

  g_assert_true (unknot_journal_entry_equal (state.saved, entry));
  g_assert_nonnull (unknot_journal_entry_get_created (state.saved));
  g_assert_true (g_date_time_equal (unknot_journal_entry_get_created (state.saved),
                                    unknot_journal_entry_get_modified (state.saved)));
  /* The journal wrote a copy; the editor's entry is as it was. */
  g_assert_null (unknot_journal_entry_get_created (entry));

  /* Only pain before and a region; several entries a day are never merged. */
  unknot_journal_entry_set_when (plain, when);
  unknot_journal_entry_set_regions (plain, (const char *[]) { "spine", NULL });
  unknot_journal_entry_set_pain_before (plain, 0);
  saved_plain = journal_test_add (journal, plain, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 2);

  journal_test_close (journal);

  /* Another journal on the same file reads back every field. */
  journal = journal_test_open (NULL, NULL, TRUE);
  again = unknot_journal_lookup (journal, unknot_journal_entry_get_id (entry));
  g_assert_nonnull (again);
  g_assert_true (unknot_journal_entry_equal (again, entry));
  g_assert_cmpstr (unknot_journal_entry_get_notes (again), ==, notes->str);
  g_assert_cmpint (g_date_time_get_utc_offset (unknot_journal_entry_get_when (again)), ==,
                   (5 * 60 + 30) * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (g_date_time_to_unix_usec (unknot_journal_entry_get_when (again)), ==,
                   g_date_time_to_unix_usec (when));
  g_assert_true (g_date_time_equal (unknot_journal_entry_get_created (again),
                                    unknot_journal_entry_get_created (state.saved)));
  g_assert_cmpstrv (unknot_journal_entry_get_regions (again), regions);
  g_assert_cmpstrv (unknot_journal_entry_get_qualities (again), qualities);
  g_assert_cmpstrv (unknot_journal_entry_get_red_flags (again), red_flags);

  /* Same moment: the one logged later comes first. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 2);
  first = item (G_LIST_MODEL (journal), 0);
  second = item (G_LIST_MODEL (journal), 1);
  g_assert_true (unknot_journal_entry_equal (first, plain));
  g_assert_true (unknot_journal_entry_equal (second, entry));
  g_assert_cmpint (unknot_journal_entry_get_pain_after (first), ==, UNKNOT_JOURNAL_PAIN_UNSET);
  g_assert_null (unknot_journal_entry_get_technique_id (first));
  g_assert_null (unknot_journal_entry_get_tool_id (first));
  g_assert_null (unknot_journal_entry_get_occasion (first));
  g_assert_cmpstr (unknot_journal_entry_get_notes (first), ==, "");
  g_assert_false (unknot_journal_entry_has_red_flags (first));

  journal_test_close (journal);
  g_clear_object (&state.saved);
}

/* The file is in WAL mode at this build's schema version. */
static void
test_new_file (void)
{
  g_autofree char *path = journal_test_path ();
  UnknotJournal *journal = journal_test_open (path, NULL, TRUE);
  g_autofree char *mode = NULL;
  sqlite3 *db;

  journal_test_close (journal);

  db = journal_test_sql_open (path);
  g_assert_cmpint (journal_test_sql_int (db, "PRAGMA user_version"), ==, UNKNOT_JOURNAL_SCHEMA_VERSION);
  mode = journal_test_sql_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A journal made by the first version of the schema, with its own SQL as it was. */
static void
test_migration_from_1 (void)
{
  g_autofree char *path = journal_test_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(UnknotJournalEntry) older = NULL;
  g_autoptr(UnknotJournalEntry) newer = NULL;
  g_autoptr(UnknotJournalEntry) entry = NULL;
  g_autoptr(UnknotJournalEntry) saved = NULL;
  g_autoptr(GError) error = NULL;
  UnknotJournal *journal;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "CREATE TABLE entries ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  when_us INTEGER NOT NULL,"
    "  when_offset INTEGER NOT NULL DEFAULT 0,"
    "  pain_before INTEGER NOT NULL CHECK (pain_before BETWEEN 0 AND 10),"
    "  pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),"
    "  technique TEXT,"
    "  tool TEXT,"
    "  seconds INTEGER NOT NULL DEFAULT 0 CHECK (seconds >= 0),"
    "  occasion TEXT,"
    "  notes TEXT NOT NULL DEFAULT '',"
    "  created_us INTEGER NOT NULL"
    ");"
    "CREATE INDEX entries_when ON entries (when_us);"
    "CREATE TABLE entry_regions ("
    "  entry INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  region TEXT NOT NULL,"
    "  PRIMARY KEY (entry, position)"
    ") WITHOUT ROWID;"
    "CREATE INDEX entry_regions_region ON entry_regions (region, entry);"
    "INSERT INTO entries VALUES (1, '8f0e4a52-1f7c-4c39-9a51-1b2f7e0f9a01', 1735725600000000, 3600,"
    "  6, 2, 'ball-glutes', 'massage-ball', 120, 'post-workout', 'Nach dem Laufen', 1735725700000000);"
    "INSERT INTO entries VALUES (2, '8f0e4a52-1f7c-4c39-9a51-1b2f7e0f9a02', 1735812000000000, 0,"
    "  4, NULL, NULL, NULL, 0, NULL, '', 1735812100000000);"
    "INSERT INTO entry_regions VALUES (1, 0, 'gluteals-right'), (1, 1, 'gluteals-left'),"
    "  (2, 0, 'spine');"
    "PRAGMA user_version = 1;",
    NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  journal = journal_test_open (path, NULL, TRUE);
  g_assert_no_error (unknot_journal_get_load_error (journal));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 2);

  newer = item (G_LIST_MODEL (journal), 0);
  older = item (G_LIST_MODEL (journal), 1);
  g_assert_cmpstr (unknot_journal_entry_get_id (older), ==, "8f0e4a52-1f7c-4c39-9a51-1b2f7e0f9a01");
  g_assert_cmpstr (unknot_journal_entry_get_notes (older), ==, "Nach dem Laufen");
  g_assert_cmpstrv (unknot_journal_entry_get_regions (older),
                    ((const char *[]) { "gluteals-right", "gluteals-left", NULL }));
  g_assert_cmpint (unknot_journal_entry_get_pain_before (older), ==, 6);
  g_assert_cmpint (unknot_journal_entry_get_pain_after (older), ==, 2);
  g_assert_cmpstr (unknot_journal_entry_get_occasion (older), ==, "post-workout");
  g_assert_cmpuint (unknot_journal_entry_get_seconds (older), ==, 120);
  g_assert_cmpint (g_date_time_get_utc_offset (unknot_journal_entry_get_when (older)), ==, G_TIME_SPAN_HOUR);
  /* Version 2 added the modified time (the created time for older entries), how the
   * pain felt and warning signs (none yet). */
  g_assert_cmpint (g_date_time_to_unix_usec (unknot_journal_entry_get_modified (older)), ==,
                   G_GINT64_CONSTANT (1735725700000000));
  g_assert_true (g_date_time_equal (unknot_journal_entry_get_modified (older),
                                    unknot_journal_entry_get_created (older)));
  g_assert_cmpuint (g_strv_length ((GStrv) unknot_journal_entry_get_qualities (older)), ==, 0);
  g_assert_cmpint (unknot_journal_entry_get_pain_after (newer), ==, UNKNOT_JOURNAL_PAIN_UNSET);

  /* The new tables work. */
  entry = unknot_journal_entry_copy (older);
  unknot_journal_entry_set_qualities (entry, (const char *[]) { "stiff", NULL });
  saved = journal_test_update (journal, entry, &error);
  g_assert_no_error (error);
  journal_test_close (journal);

  db = journal_test_sql_open (path);
  g_assert_cmpint (journal_test_sql_int (db, "PRAGMA user_version"), ==, UNKNOT_JOURNAL_SCHEMA_VERSION);
  g_assert_cmpint (journal_test_sql_int (db, "SELECT count(*) FROM entry_qualities"), ==, 1);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  journal_test_assert_intact (path);
}

/* ------------------------------------------------------------------------------------
 * Invalid values
 */

static void
expect_invalid (UnknotJournal      *journal,
                UnknotJournalEntry *entry,
                const char         *part)
{
  g_autoptr(UnknotJournalEntry) before = unknot_journal_entry_copy (entry);
  g_autoptr(UnknotJournalEntry) saved = NULL;
  g_autoptr(GError) error = NULL;

  saved = journal_test_add (journal, entry, &error);
  g_assert_null (saved);
  g_assert_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_INVALID);
  assert_message (error);
  g_assert_nonnull (strstr (error->message, part));

  /* What was typed stays as it was. */
  g_assert_true (unknot_journal_entry_equal (before, entry));
}

static void
test_invalid (void)
{
  g_autofree char *path = journal_test_path ();
  UnknotJournal *journal = journal_test_open (path, NULL, TRUE);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) known = NULL;
  g_autoptr(UnknotJournalEntry) accepted = NULL;
  g_autoptr(GError) error = NULL;

  g_strv_builder_addv (builder, (const char **) journal_test_regions);
  g_strv_builder_add (builder, "spine");
  known = g_strv_builder_end (builder);
  unknot_journal_set_known_regions (journal, (const char * const *) known);

#define CASE(setup, part) \
  G_STMT_START { \
    g_autoptr(UnknotJournalEntry) e = simple_entry ("x", 9); \
    setup; \
    expect_invalid (journal, e, part); \
  } G_STMT_END

  CASE (unknot_journal_entry_set_pain_before (e, 14), "not 14");
  CASE (unknot_journal_entry_set_pain_before (e, -3), "not -3");
  CASE (unknot_journal_entry_set_pain_before (e, UNKNOT_JOURNAL_PAIN_UNSET), "how much it hurt before");
  CASE (unknot_journal_entry_set_pain_after (e, 11), "not 11");
  CASE (unknot_journal_entry_set_regions (e, NULL), "at least one area");
  CASE (unknot_journal_entry_set_regions (e, ((const char *[]) { "Gluteals-Left", NULL })), "Gluteals-Left");
  CASE (unknot_journal_entry_set_regions (e, ((const char *[]) { "calf-left", NULL })), "calf-left");
  CASE (unknot_journal_entry_set_regions (e, ((const char *[]) { "spine", "glu\xfftes", NULL })), "glu");
  CASE (unknot_journal_entry_set_regions (e, ((const char *[]) { "gluteals--left", NULL })), "gluteals--left");
  CASE (unknot_journal_entry_set_notes (e, "fine, then \xc3\x28 broken"), "notes");
  CASE (unknot_journal_entry_set_technique_id (e, "Ball Glutes"), "Ball Glutes");
  CASE (unknot_journal_entry_set_tool_id (e, "ball\xff"), "ball");
  CASE (unknot_journal_entry_set_occasion (e, "stress"), "stress");
  CASE (unknot_journal_entry_set_qualities (e, ((const char *[]) { "aching", "itchy", NULL })), "itchy");
  CASE (unknot_journal_entry_set_red_flags (e, ((const char *[]) { "headache", NULL })), "headache");
  CASE (unknot_journal_entry_set_seconds (e, UNKNOT_JOURNAL_MAX_SECONDS + 1), "less than a day");
  CASE (unknot_journal_entry_set_when (e, NULL), "when");

#undef CASE

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 0);

  /* Without a list of known regions, an id only needs to look like one. */
  unknot_journal_set_known_regions (journal, NULL);
  {
    g_autoptr(UnknotJournalEntry) e = simple_entry ("calf", 9);

    unknot_journal_entry_set_regions (e, (const char *[]) { "calf-left", NULL });
    accepted = journal_test_add (journal, e, &error);
    g_assert_no_error (error);
  }

  /* Every occasion the guide names, and every quality and warning sign, is accepted. */
  for (const char * const *o = unknot_journal_get_occasion_ids (); *o != NULL; o++)
    {
      g_autoptr(UnknotJournalEntry) e = simple_entry (*o, 10);
      g_autoptr(UnknotJournalEntry) saved = NULL;

      g_assert_nonnull (unknot_journal_get_occasion_label (*o));
      unknot_journal_entry_set_occasion (e, *o);
      unknot_journal_entry_set_qualities (e, unknot_journal_get_quality_ids ());
      unknot_journal_entry_set_red_flags (e, unknot_journal_get_red_flag_ids ());
      saved = journal_test_add (journal, e, &error);
      g_assert_no_error (error);
    }
  for (const char * const *q = unknot_journal_get_quality_ids (); *q != NULL; q++)
    g_assert_nonnull (unknot_journal_get_quality_label (*q));
  g_assert_cmpuint (g_strv_length ((GStrv) unknot_journal_get_red_flag_ids ()), ==, 7);
  for (const char * const *r = unknot_journal_get_red_flag_ids (); *r != NULL; r++)
    g_assert_nonnull (unknot_journal_get_red_flag_label (*r));
  g_assert_null (unknot_journal_get_occasion_label ("stress"));

  journal_test_close (journal);
  g_assert_cmpint (count_rows (path), ==, 1 + g_strv_length ((GStrv) unknot_journal_get_occasion_ids ()));
}

/* The occasions are the guide's "When to Massage" sections, by the same ids. */
static void
test_occasions_match_guide (void)
{
  g_autofree char *guide_path = g_build_filename (SRCDIR, "data", "catalog", "guide.xml", NULL);
  g_autofree char *guide = NULL;
  const char *topic, *end;
  guint n = 0;

  g_assert_true (g_file_get_contents (guide_path, &guide, NULL, NULL));
  topic = strstr (guide, "<topic id=\"when-to-massage\">");
  g_assert_nonnull (topic);
  end = strstr (topic, "</topic>");

  for (const char *p = strstr (topic, "<section id=\""); p != NULL && p < end;
       p = strstr (p + 1, "<section id=\""))
    {
      g_autofree char *id = NULL;

      p += strlen ("<section id=\"");
      id = g_strndup (p, strchr (p, '"') - p);
      g_assert_true (g_strv_contains (unknot_journal_get_occasion_ids (), id));
      n++;
    }

  g_assert_cmpuint (n + 1, ==, g_strv_length ((GStrv) unknot_journal_get_occasion_ids ()));
  g_assert_true (g_strv_contains (unknot_journal_get_occasion_ids (), "other"));
}

/* ------------------------------------------------------------------------------------
 * Changes
 */

static void
test_changes (void)
{
  UnknotJournal *journal = journal_test_open (NULL, NULL, TRUE);
  GListModel *model = G_LIST_MODEL (journal);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GArray) filtered_changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(UnknotJournalFilter) filter = unknot_journal_filter_new ();
  g_autoptr(UnknotJournalResults) results = NULL;
  g_autoptr(UnknotJournalEntry) a = simple_entry ("A", 10);
  g_autoptr(UnknotJournalEntry) b = simple_entry ("B", 12);
  g_autoptr(UnknotJournalEntry) c = simple_entry ("C", 11);
  g_autoptr(UnknotJournalEntry) saved_b = NULL;
  g_autoptr(UnknotJournalEntry) deleted = NULL;
  g_autoptr(UnknotJournalEntry) restored = NULL;
  g_autoptr(UnknotJournalEntry) looked_up = NULL;
  g_autoptr(GDateTime) later = g_date_time_new_utc (2025, 5, 1, 13, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  UnknotJournalEntry *tmp;

  g_signal_connect (journal, "items-changed", G_CALLBACK (on_items_changed_cb), changes);

  unknot_journal_entry_set_tool_id (b, "hands");
  unknot_journal_filter_set_tool (filter, "hands");
  results = unknot_journal_query (journal, filter);
  g_signal_connect (results, "items-changed", G_CALLBACK (on_items_changed_cb), filtered_changes);

  tmp = journal_test_add (journal, a, &error);
  g_assert_no_error (error);
  g_clear_object (&tmp);
  assert_change (changes, 0, 0, 1);

  saved_b = journal_test_add (journal, b, &error);
  g_assert_no_error (error);
  assert_change (changes, 0, 0, 1);
  assert_change (filtered_changes, 0, 0, 1);

  tmp = journal_test_add (journal, c, &error);
  g_assert_no_error (error);
  g_clear_object (&tmp);
  assert_change (changes, 1, 0, 1);
  g_assert_cmpuint (filtered_changes->len, ==, 0);

  ids = list_ids (model);
  g_assert_cmpstr (ids, ==, "B C A");
  g_clear_pointer (&ids, g_free);

  /* A moved to the top: everything from its new place to its old one changed. */
  unknot_journal_entry_set_when (a, later);
  tmp = journal_test_update (journal, a, &error);
  g_assert_no_error (error);
  g_clear_object (&tmp);
  assert_change (changes, 0, 3, 3);
  ids = list_ids (model);
  g_assert_cmpstr (ids, ==, "A B C");
  g_clear_pointer (&ids, g_free);

  /* Changed in place. */
  unknot_journal_entry_set_pain_after (c, 2);
  tmp = journal_test_update (journal, c, &error);
  g_assert_no_error (error);
  g_assert_nonnull (unknot_journal_entry_get_modified (tmp));
  g_clear_object (&tmp);
  assert_change (changes, 2, 1, 1);
  looked_up = unknot_journal_lookup (journal, unknot_journal_entry_get_id (c));
  g_assert_cmpint (unknot_journal_entry_get_pain_after (looked_up), ==, 2);
  g_clear_object (&looked_up);

  /* B leaves the filtered list when it no longer matches, and comes back. */
  unknot_journal_entry_set_tool_id (b, "foam-roller");
  tmp = journal_test_update (journal, b, &error);
  g_assert_no_error (error);
  g_clear_object (&tmp);
  assert_change (changes, 1, 1, 1);
  assert_change (filtered_changes, 0, 1, 0);
  unknot_journal_entry_set_tool_id (b, "hands");
  tmp = journal_test_update (journal, b, &error);
  g_assert_no_error (error);
  g_clear_object (&tmp);
  assert_change (changes, 1, 1, 1);
  assert_change (filtered_changes, 0, 0, 1);

  /* Deleting gives back the entry as it was, to undo it. */
  deleted = journal_test_delete (journal, unknot_journal_entry_get_id (b), &error);
  g_assert_no_error (error);
  assert_change (changes, 1, 1, 0);
  assert_change (filtered_changes, 0, 1, 0);
  g_assert_true (unknot_journal_entry_equal (deleted, b));
  g_assert_null (unknot_journal_lookup (journal, unknot_journal_entry_get_id (b)));

  restored = journal_test_add (journal, deleted, &error);
  g_assert_no_error (error);
  assert_change (changes, 1, 0, 1);
  assert_change (filtered_changes, 0, 0, 1);
  looked_up = unknot_journal_lookup (journal, unknot_journal_entry_get_id (b));
  g_assert_true (unknot_journal_entry_equal (looked_up, b));
  g_assert_true (g_date_time_equal (unknot_journal_entry_get_created (looked_up),
                                    unknot_journal_entry_get_created (saved_b)));
  g_clear_object (&looked_up);

  /* Two entries for the same moment are both kept; the later one is listed first. */
  {
    g_autoptr(UnknotJournalEntry) d = simple_entry ("D", 8);
    g_autoptr(UnknotJournalEntry) e = simple_entry ("E", 8);

    tmp = journal_test_add (journal, d, &error);
    g_clear_object (&tmp);
    assert_change (changes, 3, 0, 1);
    tmp = journal_test_add (journal, e, &error);
    g_clear_object (&tmp);
    assert_change (changes, 3, 0, 1);
  }
  ids = list_ids (model);
  g_assert_cmpstr (ids, ==, "A B C E D");
  g_clear_pointer (&ids, g_free);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&results));
  journal_test_close (journal);
}

/* The red-flag criterion, alone and with a range: what the journal page's banner asks
 * for. Only entries that noted a warning sign, newest first, and the list follows. */
static void
test_red_flagged (void)
{
  UnknotJournal *journal = journal_test_open (NULL, NULL, FALSE);
  g_autoptr(UnknotJournalFilter) filter = unknot_journal_filter_new ();
  g_autoptr(UnknotJournalFilter) recent = NULL;
  g_autoptr(UnknotJournalResults) flagged = NULL;
  g_autoptr(UnknotJournalResults) flagged_recent = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GDateTime) noon = g_date_time_new_utc (2025, 5, 1, 12, 0, 0);
  g_autoptr(UnknotJournalEntry) plain = simple_entry ("plain", 9);
  g_autoptr(UnknotJournalEntry) fever = simple_entry ("fever", 10);
  g_autoptr(UnknotJournalEntry) numb = simple_entry ("numb", 14);
  g_autoptr(UnknotJournalEntry) first = NULL;
  g_autoptr(UnknotJournalEntry) saved = NULL;
  g_autoptr(GError) error = NULL;
  const char *fever_flags[] = { "fever", NULL };
  const char *numb_flags[] = { "limb-numbness", "leg-weakness", NULL };
  g_autofree char *ids = NULL;

  g_assert_false (unknot_journal_filter_get_red_flagged (filter));
  unknot_journal_filter_set_red_flagged (filter, TRUE);
  g_assert_true (unknot_journal_filter_get_red_flagged (filter));
  g_assert_false (unknot_journal_filter_is_empty (filter));
  recent = unknot_journal_filter_copy (filter);
  g_assert_true (unknot_journal_filter_equal (filter, recent));
  unknot_journal_filter_set_range (recent, noon, NULL);
  g_assert_false (unknot_journal_filter_equal (filter, recent));

  unknot_journal_entry_set_red_flags (fever, fever_flags);
  unknot_journal_entry_set_red_flags (numb, numb_flags);
  saved = journal_test_add (journal, plain, &error);
  g_assert_no_error (error);
  g_clear_object (&saved);
  saved = journal_test_add (journal, fever, &error);
  g_assert_no_error (error);
  g_clear_object (&saved);

  flagged = unknot_journal_query (journal, filter);
  flagged_recent = unknot_journal_query (journal, recent);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (flagged)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (flagged_recent)), ==, 0);
  g_signal_connect (flagged_recent, "items-changed", G_CALLBACK (on_items_changed_cb), changes);

  /* A newer warning sign joins both lists, at the top. */
  saved = journal_test_add (journal, numb, &error);
  g_assert_no_error (error);
  g_clear_object (&saved);
  assert_change (changes, 0, 0, 1);
  ids = list_ids (G_LIST_MODEL (flagged));
  g_assert_cmpstr (ids, ==, "numb fever");
  g_clear_pointer (&ids, g_free);
  first = item (G_LIST_MODEL (flagged_recent), 0);
  g_assert_cmpstr (unknot_journal_entry_get_notes (first), ==, "numb");

  /* Its flags taken away, it leaves them. */
  unknot_journal_entry_set_red_flags (first, NULL);
  saved = journal_test_update (journal, first, &error);
  g_assert_no_error (error);
  g_clear_object (&saved);
  assert_change (changes, 0, 1, 0);
  ids = list_ids (G_LIST_MODEL (flagged));
  g_assert_cmpstr (ids, ==, "fever");

  g_assert_finalize_object (g_steal_pointer (&flagged));
  g_assert_finalize_object (g_steal_pointer (&flagged_recent));
  journal_test_close (journal);
}

static void
test_not_found (void)
{
  UnknotJournal *journal = journal_test_open (NULL, NULL, TRUE);
  g_autoptr(UnknotJournalEntry) entry = simple_entry ("A", 10);
  g_autoptr(UnknotJournalEntry) result = NULL;
  g_autoptr(GError) error = NULL;

  result = journal_test_update (journal, entry, &error);
  g_assert_null (result);
  g_assert_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_NOT_FOUND);
  assert_message (error);
  g_clear_error (&error);

  result = journal_test_delete (journal, unknot_journal_entry_get_id (entry), &error);
  g_assert_null (result);
  g_assert_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  result = journal_test_add (journal, entry, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  result = journal_test_add (journal, entry, &error);
  g_assert_null (result);
  g_assert_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_EXISTS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 1);

  journal_test_close (journal);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* Writing opens the journal if nobody did; a cancelled write writes nothing. */
static void
test_open_on_first_write (void)
{
  g_autofree char *path = journal_test_path ();
  UnknotJournal *journal = unknot_journal_new (path);
  g_autoptr(UnknotJournalEntry) entry = simple_entry ("A", 10);
  g_autoptr(UnknotJournalEntry) other = simple_entry ("B", 11);
  g_autoptr(UnknotJournalEntry) saved = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(UnknotJournalResults) results = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (unknot_journal_is_open (journal));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A list made before the journal opened fills in once it has. */
  results = unknot_journal_query (journal, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 0);

  saved = journal_test_add (journal, entry, &error);
  g_assert_no_error (error);
  g_assert_true (unknot_journal_is_open (journal));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&results));

  g_cancellable_cancel (cancellable);
  unknot_journal_add_async (journal, other, cancellable, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (unknot_journal_add_finish (journal, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&result);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 1);

  journal_test_close (journal);
  g_assert_cmpint (count_rows (path), ==, 1);
}

/* ------------------------------------------------------------------------------------
 * A long journal
 */

/* The 100,000-entry journal, written once for the tests that read it and copied into
 * each one's own folder. */
#define N_GENERATED 100000

static char *generated_dir;

static char *
generated_journal (void)
{
  g_autofree char *path = journal_test_path ();
  g_autofree char *source = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (generated_dir == NULL)
    {
      g_autoptr(GTimer) timer = g_timer_new ();

      generated_dir = g_dir_make_tmp ("unknot-journal-XXXXXX", NULL);
      g_assert_nonnull (generated_dir);
      source = g_build_filename (generated_dir, "journal.db", NULL);
      journal_test_generate (source, N_GENERATED);
      g_test_message ("Generated %u entries in %.0f ms", N_GENERATED, g_timer_elapsed (timer, NULL) * 1000);
    }
  else
    source = g_build_filename (generated_dir, "journal.db", NULL);

  bytes = journal_test_read_file (source);
  write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return g_steal_pointer (&path);
}

static void
remove_generated (void)
{
  g_autofree char *source = NULL;

  if (generated_dir == NULL)
    return;
  source = g_build_filename (generated_dir, "journal.db", NULL);
  g_unlink (source);
  g_rmdir (generated_dir);
  g_clear_pointer (&generated_dir, g_free);
}

static void
check_position (GListModel *model,
                guint       n,
                guint       position)
{
  g_autoptr(UnknotJournalEntry) entry = item (model, position);
  g_autofree char *expected = g_strdup_printf ("Entry %u", n - 1 - position);
  const char *notes = unknot_journal_entry_get_notes (entry);

  g_assert_true (g_str_has_prefix (notes, expected));
  g_assert_true (notes[strlen (expected)] == '\0' || notes[strlen (expected)] == ',');
}

static void
test_paging (void)
{
  const guint n = N_GENERATED;
  g_autofree char *path = generated_journal ();
  g_autoptr(GTimer) timer = g_timer_new ();
  UnknotJournal *journal;
  GListModel *model;
  guint live;
  gint64 previous = G_MAXINT64;

  journal = journal_test_open (path, NULL, FALSE);
  model = G_LIST_MODEL (journal);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  check_position (model, n, 0);
  g_test_message ("Opened and read the first entry in %.0f ms", g_timer_elapsed (timer, NULL) * 1000);

  live = unknot_journal_entry_get_n_live ();
  g_assert_cmpuint (live, <=, 50);

  check_position (model, n, 1);
  check_position (model, n, 49);
  check_position (model, n, 50);
  check_position (model, n, n / 2);
  check_position (model, n, n - 50);
  check_position (model, n, n - 1);
  g_assert_null (g_list_model_get_item (model, n));

  /* Scrolling down and back up, page after page, newest first throughout. */
  for (guint p = 40000; p < 41000; p++)
    {
      g_autoptr(UnknotJournalEntry) entry = item (model, p);
      gint64 when = g_date_time_to_unix_usec (unknot_journal_entry_get_when (entry));

      g_assert_cmpint (when, <, previous);
      previous = when;
    }
  for (guint p = 60999; p >= 60000; p--)
    check_position (model, n, p);

  /* Only a few pages were ever held. */
  g_assert_cmpuint (unknot_journal_entry_get_n_live (), <=, 6 * 50);

  journal_test_close (journal);
  g_assert_cmpuint (unknot_journal_entry_get_n_live (), ==, 0);
}

static guint
expected_count (guint                      n,
                const UnknotJournalFilter *filter)
{
  const char *region = unknot_journal_filter_get_region (filter);
  const char *tool = unknot_journal_filter_get_tool (filter);
  const char *technique = unknot_journal_filter_get_technique (filter);
  GDateTime *since = unknot_journal_filter_get_since (filter);
  GDateTime *until = unknot_journal_filter_get_until (filter);
  const char *text = unknot_journal_filter_get_text (filter);
  g_autofree char *left = region ? g_strconcat (region, "-left", NULL) : NULL;
  g_autofree char *right = region ? g_strconcat (region, "-right", NULL) : NULL;
  g_autofree char *folded_text = text ? g_utf8_casefold (text, -1) : NULL;
  guint count = 0;

  /* The same rules as journal_test_entry_new (), in plain C. */
  for (guint i = 0; i < n; i++)
    {
      const char *first_region = journal_test_regions[i % 9];
      gint64 when = JOURNAL_TEST_START_US + i * JOURNAL_TEST_STEP_US;
      char folded_notes[64];

      /* Entry i's notes as casefolding gives them ("Entry" and "Rücken" lowercased). */
      g_snprintf (folded_notes, sizeof folded_notes, "entry %u%s", i, i % 100 == 0 ? ", stiff rücken" : "");

      if (region != NULL &&
          !g_str_equal (first_region, region) && !g_str_equal (first_region, left) &&
          !g_str_equal (first_region, right) &&
          !(g_str_equal (region, "spine") && i % 4 == 0))
        continue;
      if (tool != NULL && !g_str_equal (tool, journal_test_tools[i % 5]))
        continue;
      if (technique != NULL && !g_str_equal (technique, journal_test_techniques[i % 7]))
        continue;
      if (since != NULL && when < g_date_time_to_unix_usec (since))
        continue;
      if (until != NULL && when >= g_date_time_to_unix_usec (until))
        continue;
      if (text != NULL && strstr (folded_notes, folded_text) == NULL)
        continue;
      count++;
    }

  return count;
}

static void
check_filter (UnknotJournal             *journal,
              guint                      n,
              const UnknotJournalFilter *filter)
{
  g_autoptr(UnknotJournalResults) results = unknot_journal_query (journal, filter);
  guint expected = expected_count (n, filter);
  guint got = g_list_model_get_n_items (G_LIST_MODEL (results));

  g_assert_cmpuint (got, ==, expected);
  g_assert_true (unknot_journal_filter_equal (unknot_journal_results_get_filter (results), filter));

  /* The first and last match are where a walk through the list puts them. */
  if (got > 0)
    {
      g_autoptr(UnknotJournalEntry) first = item (G_LIST_MODEL (results), 0);
      g_autoptr(UnknotJournalEntry) last = item (G_LIST_MODEL (results), got - 1);

      g_assert_cmpint (g_date_time_compare (unknot_journal_entry_get_when (first),
                                            unknot_journal_entry_get_when (last)), >=, 0);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (results), got));
  g_assert_finalize_object (g_steal_pointer (&results));
}

static void
test_filters (void)
{
  const guint n = N_GENERATED;
  g_autofree char *path = generated_journal ();
  UnknotJournal *journal;
  g_autoptr(GDateTime) since = g_date_time_new_from_unix_utc_usec (JOURNAL_TEST_START_US + 1000 * JOURNAL_TEST_STEP_US);
  g_autoptr(GDateTime) until = g_date_time_new_from_unix_utc_usec (JOURNAL_TEST_START_US + 3000 * JOURNAL_TEST_STEP_US);
  g_autoptr(UnknotJournalFilter) filter = NULL;
  g_autofree char *plan = NULL;
  sqlite3 *db;

  journal = journal_test_open (path, NULL, FALSE);

#define FILTER(setup) \
  G_STMT_START { \
    filter = unknot_journal_filter_new (); \
    setup; \
    check_filter (journal, n, filter); \
    g_clear_pointer (&filter, unknot_journal_filter_free); \
  } G_STMT_END

  FILTER ((void) 0);
  FILTER (unknot_journal_filter_set_region (filter, "gluteals"));
  FILTER (unknot_journal_filter_set_region (filter, "gluteals-left"));
  FILTER (unknot_journal_filter_set_region (filter, "spine"));
  FILTER (unknot_journal_filter_set_region (filter, "calf"));
  FILTER (unknot_journal_filter_set_tool (filter, "hands"));
  FILTER (unknot_journal_filter_set_technique (filter, "ball-glutes"));
  FILTER (unknot_journal_filter_set_range (filter, since, until));
  FILTER (unknot_journal_filter_set_range (filter, since, NULL));
  FILTER (unknot_journal_filter_set_text (filter, "rücken"));
  FILTER (unknot_journal_filter_set_text (filter, "  RÜCKEN "));
  FILTER (unknot_journal_filter_set_text (filter, "Entry 1234"));
  FILTER (unknot_journal_filter_set_text (filter, "100%"));
  FILTER (unknot_journal_filter_set_tool (filter, "hands");
          unknot_journal_filter_set_region (filter, "spine"));
  FILTER (unknot_journal_filter_set_technique (filter, "ball-glutes");
          unknot_journal_filter_set_range (filter, since, until);
          unknot_journal_filter_set_text (filter, "stiff"));

#undef FILTER

  journal_test_close (journal);

  /* The tool and region filters find their rows by index, not by reading them all. */
  db = journal_test_sql_open (path);
  plan = journal_test_sql_plan (db, "SELECT count(*) FROM entries AS e WHERE e.tool = 'hands'");
  g_test_message ("%s", plan);
  g_assert_nonnull (strstr (plan, "entries_tool"));
  g_clear_pointer (&plan, g_free);
  plan = journal_test_sql_plan (db, "SELECT entry FROM entry_regions WHERE region IN ('spine')");
  g_test_message ("%s", plan);
  g_assert_nonnull (strstr (plan, "COVERING INDEX entry_regions_stats"));
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* ------------------------------------------------------------------------------------
 * Damaged, newer and read-only files
 */

static void
add_entries (UnknotJournal *journal,
             guint          first,
             guint          n)
{
  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(UnknotJournalEntry) entry = journal_test_entry_new (i);
      g_autoptr(UnknotJournalEntry) saved = NULL;
      g_autoptr(GError) error = NULL;

      saved = journal_test_add (journal, entry, &error);
      g_assert_no_error (error);
    }
}

static void
test_damaged_not_a_database (void)
{
  g_autofree char *path = journal_test_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *kept_wal = NULL;
  g_autoptr(GString) garbage = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) wal_bytes = NULL;
  const GError *load_error;
  UnknotJournal *journal;
  const char *kept;
  g_autofree char *kept_copy = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (garbage, "line %u of something that is not a database\n", i);
  write_file (path, garbage->str, garbage->len);
  write_file (wal, "a log from nowhere", -1);
  bytes = journal_test_read_file (path);
  wal_bytes = journal_test_read_file (wal);

  journal = journal_test_open (path, NULL, TRUE);
  load_error = unknot_journal_get_load_error (journal);
  g_assert_error (load_error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_DAMAGED);
  assert_message (load_error);
  kept = unknot_journal_get_kept_aside (journal);
  g_assert_nonnull (kept);
  kept_copy = g_strdup (kept);
  g_assert_nonnull (strstr (load_error->message, kept));
  g_assert_nonnull (strstr (load_error->message, "new, empty journal"));
  g_assert_true (g_str_has_prefix (kept, path));
  g_assert_nonnull (strstr (kept, ".damaged-"));
  g_assert_null (unknot_journal_get_restored_from (journal));
  g_assert_false (unknot_journal_is_read_only (journal));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 0);

  /* Kept byte for byte, with its log, even after new entries are logged. */
  kept_wal = g_strconcat (kept, "-wal", NULL);
  assert_same_bytes (bytes, kept);
  assert_same_bytes (wal_bytes, kept_wal);
  add_entries (journal, 0, 3);
  journal_test_close (journal);
  assert_same_bytes (bytes, kept_copy);
  assert_same_bytes (wal_bytes, kept_wal);

  /* The new journal is a good one. */
  journal = journal_test_open (path, NULL, TRUE);
  g_assert_no_error (unknot_journal_get_load_error (journal));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 3);
  journal_test_close (journal);
  assert_same_bytes (bytes, kept_copy);
}

/* Writes over one page in the middle of the file, as a failing disk might. */
static void
damage_page (const char *path,
             guint       page)
{
  g_autoptr(GBytes) bytes = journal_test_read_file (path);
  gsize length;
  g_autofree char *data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &length);

  g_assert_cmpuint (length, >=, (page + 1) * 4096);
  memset (data + page * 4096, 0x5a, 4096);
  write_file (path, data, length);
}

static void
test_damaged_uses_backup (void)
{
  g_autofree char *path = journal_test_path ();
  g_autoptr(UnknotJournal) check = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *backup_dir = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  UnknotJournal *journal;
  const GError *load_error;

  /* Three entries, then a day's backup of them (made on opening), then two more. */
  journal = journal_test_open (path, NULL, FALSE);
  add_entries (journal, 0, 3);
  journal_test_close (journal);
  journal = journal_test_open (path, NULL, TRUE);
  journal_test_wait_idle (journal);
  backup_dir = unknot_journal_get_backup_dir (journal);
  add_entries (journal, 3, 2);
  journal_test_close (journal);
  g_assert_cmpint (count_rows (path), ==, 5);

  damage_page (path, 2);
  bytes = journal_test_read_file (path);

  journal = journal_test_open (path, NULL, TRUE);
  load_error = unknot_journal_get_load_error (journal);
  g_assert_error (load_error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_DAMAGED);
  assert_message (load_error);
  kept = g_strdup (unknot_journal_get_kept_aside (journal));
  g_assert_nonnull (strstr (load_error->message, kept));
  g_assert_nonnull (strstr (load_error->message, "backup"));
  g_assert_nonnull (unknot_journal_get_restored_from (journal));
  g_assert_true (g_str_has_prefix (unknot_journal_get_restored_from (journal), backup_dir));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 3);
  assert_same_bytes (bytes, kept);

  /* Logging goes on in the restored journal; the damaged one stays as it was. */
  add_entries (journal, 10, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 5);
  journal_test_close (journal);
  assert_same_bytes (bytes, kept);
  journal_test_assert_intact (path);

  check = journal_test_open (path, NULL, TRUE);
  g_assert_no_error (unknot_journal_get_load_error (check));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (check)), ==, 5);
  journal_test_close (g_steal_pointer (&check));
  assert_same_bytes (bytes, kept);
}

/* A long journal is shown before its full check; when the check finds it damaged,
 * the list moves to the backup that replaces it. */
static void
test_damaged_long_uses_backup (void)
{
  g_autofree char *path = journal_test_path ();
  g_autofree char *big = g_strnfill (1024 * 1024, 'b');
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *kept = NULL;
  UnknotJournal *journal;
  gboolean shown_before_check = FALSE;
  GStatBuf st;

  /* Five entries over 4 MiB, a backup of them, then two more. */
  journal = journal_test_open (path, NULL, FALSE);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(UnknotJournalEntry) entry = journal_test_entry_new (i);
      g_autoptr(UnknotJournalEntry) saved = NULL;
      g_autoptr(GError) error = NULL;

      unknot_journal_entry_set_notes (entry, big);
      saved = journal_test_add (journal, entry, &error);
      g_assert_no_error (error);
    }
  journal_test_close (journal);
  journal = journal_test_open (path, NULL, TRUE);
  journal_test_wait_idle (journal);
  add_entries (journal, 10, 2);
  journal_test_close (journal);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 4 * 1024 * 1024);
  damage_page (path, 2);
  bytes = journal_test_read_file (path);

  journal = unknot_journal_new (path);
  g_signal_connect (journal, "items-changed", G_CALLBACK (on_items_changed_cb), changes);
  {
    g_autoptr(GAsyncResult) result = NULL;

    unknot_journal_open_async (journal, NULL, store_result_cb, &result);
    while (result == NULL)
      {
        g_main_context_iteration (NULL, TRUE);
        if (unknot_journal_is_open (journal) && result == NULL)
          shown_before_check = TRUE;
      }
    g_assert_false (unknot_journal_open_finish (journal, result, NULL));
  }

  g_assert_true (shown_before_check);
  g_assert_error (unknot_journal_get_load_error (journal), UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_DAMAGED);
  g_assert_nonnull (unknot_journal_get_restored_from (journal));
  kept = g_strdup (unknot_journal_get_kept_aside (journal));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 5);
  /* The last change announced the backup's entries in place of the others. */
  g_assert_cmpuint (changes->len, >=, 1);
  g_assert_cmpuint (g_array_index (changes, Change, changes->len - 1).added, ==, 5);

  add_entries (journal, 20, 1);
  journal_test_close (journal);
  assert_same_bytes (bytes, kept);
  journal_test_assert_intact (path);
}

/* A damaged backup is passed over for an older good one. */
static void
test_damaged_backup_skipped (void)
{
  g_autofree char *path = journal_test_path ();
  g_autofree char *backup_dir = NULL;
  g_autofree char *older = NULL;
  g_autofree char *newest = NULL;
  UnknotJournal *journal;
  g_autoptr(GBytes) good = NULL;

  journal = journal_test_open (path, NULL, FALSE);
  add_entries (journal, 0, 4);
  backup_dir = unknot_journal_get_backup_dir (journal);
  journal_test_close (journal);

  good = journal_test_read_file (path);
  older = g_build_filename (backup_dir, "journal-2024-02-01.db", NULL);
  newest = g_build_filename (backup_dir, "journal-2024-02-02.db", NULL);
  write_file (older, g_bytes_get_data (good, NULL), g_bytes_get_size (good));
  write_file (newest, "not a database either", -1);
  write_file (path, "broken", -1);

  journal = journal_test_open (path, NULL, FALSE);
  g_assert_error (unknot_journal_get_load_error (journal), UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_DAMAGED);
  g_assert_cmpstr (unknot_journal_get_restored_from (journal), ==, older);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 4);
  journal_test_close (journal);
}

static void
test_newer (void)
{
  g_autofree char *path = journal_test_path ();
  g_autofree char *backup_dir = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UnknotJournalEntry) entry = simple_entry ("new", 9);
  g_autoptr(UnknotJournalEntry) first = NULL;
  g_autoptr(UnknotJournalEntry) result = NULL;
  g_autoptr(GError) error = NULL;
  const GError *load_error;
  UnknotJournal *journal;
  sqlite3 *db;

  journal = journal_test_open (path, NULL, FALSE);
  add_entries (journal, 0, 2);
  backup_dir = unknot_journal_get_backup_dir (journal);
  journal_test_close (journal);

  db = journal_test_sql_open (path);
  {
    g_autofree char *newer = g_strdup_printf ("PRAGMA user_version = %d", UNKNOT_JOURNAL_SCHEMA_VERSION + 1);

    g_assert_cmpint (sqlite3_exec (db, newer, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  bytes = journal_test_read_file (path);

  journal = journal_test_open (path, NULL, TRUE);
  load_error = unknot_journal_get_load_error (journal);
  g_assert_error (load_error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_NEWER);
  assert_message (load_error);
  g_assert_true (unknot_journal_is_read_only (journal));
  g_assert_null (unknot_journal_get_kept_aside (journal));

  /* It is read as far as this version can... */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 2);
  first = item (G_LIST_MODEL (journal), 0);

  /* ...and never written. */
  result = journal_test_add (journal, entry, &error);
  g_assert_null (result);
  g_assert_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_READ_ONLY);
  assert_message (error);
  g_assert_nonnull (strstr (error->message, "What you typed is still here"));
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_clear_error (&error);
  result = journal_test_update (journal, first, &error);
  g_assert_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_READ_ONLY);
  g_clear_error (&error);
  result = journal_test_delete (journal, unknot_journal_entry_get_id (first), &error);
  g_assert_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 2);
  journal_test_close (journal);

  assert_same_bytes (bytes, path);
  g_assert_false (g_file_test (backup_dir, G_FILE_TEST_EXISTS));
}

static void
test_read_only_folder (void)
{
  g_autofree char *blocker = g_build_filename (g_get_user_data_dir (), "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "unknot", "journal.db", NULL);
  g_autoptr(UnknotJournalEntry) entry = simple_entry ("typed with care", 9);
  g_autoptr(UnknotJournalEntry) before = unknot_journal_entry_copy (entry);
  g_autoptr(UnknotJournalEntry) result = NULL;
  g_autoptr(GError) error = NULL;
  const GError *load_error;
  UnknotJournal *journal;

  /* A file where the folder should be: it can never be made. */
  write_file (blocker, "", 0);

  journal = journal_test_open (path, NULL, TRUE);
  load_error = unknot_journal_get_load_error (journal);
  g_assert_error (load_error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_READ_ONLY);
  assert_message (load_error);
  g_assert_true (unknot_journal_is_read_only (journal));

  result = journal_test_add (journal, entry, &error);
  g_assert_null (result);
  g_assert_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_READ_ONLY);
  assert_message (error);
  g_assert_nonnull (strstr (error->message, "What you typed is still here"));
  g_assert_true (unknot_journal_entry_equal (entry, before));
  journal_test_close (journal);

  /* A real read-only folder, where permissions apply (not to root). */
  if (geteuid () != 0)
    {
      g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "locked", NULL);
      g_autofree char *locked = g_build_filename (folder, "journal.db", NULL);
      g_autoptr(GBytes) bytes = NULL;

      journal = journal_test_open (locked, NULL, FALSE);
      add_entries (journal, 0, 2);
      journal_test_close (journal);
      bytes = journal_test_read_file (locked);
      g_assert_cmpint (g_chmod (folder, 0500), ==, 0);

      journal = journal_test_open (locked, NULL, TRUE);
      g_assert_error (unknot_journal_get_load_error (journal), UNKNOT_JOURNAL_ERROR,
                      UNKNOT_JOURNAL_ERROR_READ_ONLY);
      g_assert_true (unknot_journal_is_read_only (journal));
      g_clear_error (&error);
      result = journal_test_add (journal, entry, &error);
      g_assert_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_READ_ONLY);
      journal_test_close (journal);

      g_assert_cmpint (g_chmod (folder, 0700), ==, 0);
      assert_same_bytes (bytes, locked);
    }
  else
    g_test_message ("Running as root: the read-only folder is tested with the fault VFS in test-journal-faults");
}

/* ------------------------------------------------------------------------------------
 * Backups
 */

static void
test_backups (void)
{
  g_autofree char *path = journal_test_path ();
  g_autofree char *backup_dir = NULL;
  g_autofree char *today_name = NULL;
  g_autofree char *today_path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GBytes) header = NULL;
  g_autofree char *check = NULL;
  UnknotJournal *journal;
  const char *name;
  guint n_files = 0;
  sqlite3 *db;

  journal = journal_test_open (path, NULL, TRUE);
  backup_dir = unknot_journal_get_backup_dir (journal);

  /* Nine older backups (only their names matter here). */
  for (guint day = 1; day <= 9; day++)
    {
      g_autofree char *name_for_day = g_strdup_printf ("journal-2024-01-%02u.db", day);
      g_autofree char *old = g_build_filename (backup_dir, name_for_day, NULL);

      write_file (old, "old", -1);
    }

  /* An empty journal is not backed up; the first entry is. */
  journal_test_wait_idle (journal);
  today_name = g_date_time_format (now, "journal-%Y-%m-%d.db");
  today_path = g_build_filename (backup_dir, today_name, NULL);
  g_assert_false (g_file_test (today_path, G_FILE_TEST_EXISTS));
  add_entries (journal, 0, 1);
  journal_test_wait_idle (journal);

  /* At most once a day. */
  add_entries (journal, 1, 2);
  journal_test_close (journal);

  dir = g_dir_open (backup_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_test_message ("backup: %s", name);
      n_files++;
      g_assert_true (g_str_equal (name, today_name) || strcmp (name, "journal-2024-01-04.db") >= 0);
    }
  g_assert_cmpuint (n_files, ==, 7);

  /* The backup is a whole database of its own, with no log beside it. */
  header = journal_test_read_file (today_path);
  g_assert_cmpint (((const guint8 *) g_bytes_get_data (header, NULL))[18], ==, 1);
  db = journal_test_sql_open (today_path);
  g_assert_cmpint (journal_test_sql_int (db, "SELECT count(*) FROM entries"), ==, 1);
  check = journal_test_sql_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* The log is checkpointed when it grows, while the lists read nothing, so it does not
 * grow without end; once restarted it is cut back to 4 MiB. */
static void
test_checkpoint (void)
{
  g_autofree char *path = journal_test_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *big = g_strnfill (1024 * 1024, 'w');
  UnknotJournal *journal = journal_test_open (path, NULL, FALSE);
  GStatBuf st;

  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(UnknotJournalEntry) entry = journal_test_entry_new (i);
      g_autoptr(UnknotJournalEntry) saved = NULL;
      g_autoptr(GError) error = NULL;

      unknot_journal_entry_set_notes (entry, big);
      saved = journal_test_add (journal, entry, &error);
      g_assert_no_error (error);
    }
  journal_test_wait_idle (journal);
  add_entries (journal, 10, 1);

  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_test_message ("log: %.1f MB after 6 MB of notes", st.st_size / 1e6);
  g_assert_cmpint (st.st_size, <=, 4 * 1024 * 1024 + 64 * 1024);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 7);

  journal_test_close (journal);
  journal_test_assert_intact (path);
}

/* ------------------------------------------------------------------------------------
 * Version 3, many entries at once, backup and restore
 */

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static gboolean
add_many (UnknotJournal  *journal,
          GListModel     *entries,
          guint          *n_added,
          GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  unknot_journal_add_many_async (journal, entries, NULL, store_result_cb, &result);
  return unknot_journal_add_many_finish (journal, wait_result (&result), n_added, error);
}

static GListStore *
numbered_entries (guint first,
                  guint n)
{
  GListStore *store = g_list_store_new (UNKNOT_TYPE_JOURNAL_ENTRY);

  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(UnknotJournalEntry) entry = journal_test_entry_new (i);

      g_list_store_append (store, entry);
    }
  return store;
}

/* A journal of five entries made by this build, then given an older version's
 * schema by @sql (which also sets the version), closed. */
static void
make_old_journal (const char *path,
                  const char *sql)
{
  g_autoptr(GListStore) entries = numbered_entries (0, 5);
  g_autoptr(GError) error = NULL;
  UnknotJournal *journal;
  sqlite3 *db;

  journal = journal_test_open (path, NULL, FALSE);
  g_assert_true (add_many (journal, G_LIST_MODEL (entries), NULL, &error));
  g_assert_no_error (error);
  journal_test_close (journal);

  db = journal_test_sql_open (path);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A journal of version 2 (made by this build, then given back version 2's indexes)
 * comes to the current version with the statistics' covering indexes, its entries
 * untouched. */
static void
test_migration_from_2 (void)
{
  g_autofree char *path = journal_test_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;
  UnknotJournal *journal;
  sqlite3 *db;

  make_old_journal (path,
    "CREATE INDEX entries_when ON entries (when_us);"
    "CREATE INDEX entry_regions_region ON entry_regions (region, entry);"
    "DROP TRIGGER entry_regions_copy;"
    "DROP TRIGGER entries_copy_to_regions;"
    "DROP INDEX entry_regions_stats;"
    "ALTER TABLE entry_regions DROP COLUMN when_us;"
    "ALTER TABLE entry_regions DROP COLUMN pain_before;"
    "DROP INDEX entries_when_pain;"
    "DROP INDEX entries_tool;"
    "DROP INDEX entries_technique;"
    "CREATE INDEX entries_tool ON entries (tool, when_us);"
    "CREATE INDEX entries_technique ON entries (technique, when_us);"
    "PRAGMA user_version = 2;");

  journal = journal_test_open (path, NULL, FALSE);
  g_assert_no_error (unknot_journal_get_load_error (journal));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 5);

  /* The regions' copy of the time and pain follows an edit of the entry. */
  {
    g_autoptr(UnknotJournalEntry) first = g_list_model_get_item (G_LIST_MODEL (journal), 0);
    g_autoptr(UnknotJournalEntry) edited = unknot_journal_entry_copy (first);
    g_autoptr(UnknotJournalEntry) saved = NULL;
    g_autoptr(GDateTime) when = g_date_time_new_utc (2030, 1, 2, 3, 4, 5);

    unknot_journal_entry_set_pain_before (edited, 10);
    unknot_journal_entry_set_when (edited, when);
    saved = journal_test_update (journal, edited, &error);
    g_assert_no_error (error);
  }
  journal_test_close (journal);

  db = journal_test_sql_open (path);
  g_assert_cmpint (journal_test_sql_int (db, "PRAGMA user_version"), ==, UNKNOT_JOURNAL_SCHEMA_VERSION);
  g_assert_cmpint (journal_test_sql_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                                             " AND name IN ('entries_when_pain', 'entries_tool', 'entries_technique')"), ==, 3);
  g_assert_cmpint (journal_test_sql_int (db, "SELECT count(*) FROM pragma_index_info ('entries_technique')"), ==, 4);
  /* The day's pain is read from the index alone. */
  plan = journal_test_sql_plan (db, "SELECT e.when_us / 900000000, sum (e.pain_before), total (e.pain_after)"
                                    " FROM entries AS e WHERE e.when_us >= 0 GROUP BY 1");
  g_test_message ("%s", plan);
  g_assert_nonnull (strstr (plan, "COVERING INDEX entries_when_pain"));
  g_assert_cmpint (journal_test_sql_int (db, "SELECT count(*) FROM entries"), ==, 5);
  g_assert_cmpint (journal_test_sql_int (db, "SELECT count(*) FROM entry_regions"), ==, 7);
  g_assert_cmpint (journal_test_sql_int (db, "SELECT count(*) FROM entry_regions AS r JOIN entries AS e ON e.id = r.entry"
                                             " WHERE r.when_us IS e.when_us AND r.pain_before IS e.pain_before"), ==, 7);
  g_assert_cmpint (journal_test_sql_int (db, "SELECT count(*) FROM entry_regions WHERE pain_before = 10"), ==, 2);
  /* Written straight into the file, as the test generator does: the copy is made too. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO entry_regions (entry, position, region)"
                                     " SELECT id, 5, 'spine' FROM entries WHERE id = 2", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (journal_test_sql_int (db, "SELECT count(*) FROM entry_regions AS r JOIN entries AS e ON e.id = r.entry"
                                             " WHERE r.when_us IS e.when_us AND r.pain_before IS e.pain_before"), ==, 8);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  journal_test_assert_intact (path);
}

/* Version 3 had two indexes that others begin with: version 4 drops them, and the
 * reads they served find another index that holds what they read. */
static void
test_migration_from_3 (void)
{
  g_autofree char *path = journal_test_path ();
  g_autofree char *plan = NULL;
  UnknotJournal *journal;
  sqlite3 *db;

  make_old_journal (path,
    "CREATE INDEX entries_when ON entries (when_us);"
    "CREATE INDEX entry_regions_region ON entry_regions (region, entry);"
    "DROP INDEX entries_when_pain;"
    "CREATE INDEX entries_when_pain ON entries (when_us, pain_before, pain_after);"
    "PRAGMA user_version = 3;");

  journal = journal_test_open (path, NULL, FALSE);
  g_assert_no_error (unknot_journal_get_load_error (journal));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 5);
  journal_test_close (journal);

  db = journal_test_sql_open (path);
  g_assert_cmpint (journal_test_sql_int (db, "PRAGMA user_version"), ==, 4);
  g_assert_cmpint (journal_test_sql_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                                             " AND name IN ('entries_when', 'entry_regions_region')"), ==, 0);
  g_assert_cmpint (journal_test_sql_int (db, "SELECT count(*) FROM pragma_index_info ('entries_when_pain')"
                                             " WHERE seqno = 1 AND name = 'id'"), ==, 1);
  g_assert_cmpint (journal_test_sql_int (db, "SELECT count(*) FROM pragma_index_info ('entries_when_pain')"), ==, 4);
  g_assert_cmpint (journal_test_sql_int (db, "SELECT count(*) FROM entries"), ==, 5);
  g_assert_cmpint (journal_test_sql_int (db, "SELECT count(*) FROM entry_regions"), ==, 7);
  /* A region's entries, and the entries in time order, still come from an index. */
  plan = journal_test_sql_plan (db, "SELECT entry FROM entry_regions WHERE region IN ('spine')");
  g_test_message ("%s", plan);
  g_assert_nonnull (strstr (plan, "COVERING INDEX entry_regions_stats"));
  g_clear_pointer (&plan, g_free);
  plan = journal_test_sql_plan (db, "SELECT e.id FROM entries AS e WHERE e.when_us >= 0"
                                    " ORDER BY e.when_us ASC, e.id ASC LIMIT 10");
  g_test_message ("%s", plan);
  g_assert_nonnull (strstr (plan, "entries_when_pain"));
  g_assert_null (strstr (plan, "TEMP B-TREE"));
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  journal_test_assert_intact (path);
}

typedef struct
{
  guint n_changes;
} ChangeCount;

static void
on_count_changed_cb (GListModel  *model,
                     guint        position,
                     guint        removed,
                     guint        added,
                     ChangeCount *count)
{
  count->n_changes++;
}

/* Many entries: one transaction, one items-changed; ids already there are left as
 * they are; one invalid entry refuses them all. */
static void
test_add_many (void)
{
  g_autofree char *path = journal_test_path ();
  g_autoptr(GListStore) first = numbered_entries (0, 3);
  g_autoptr(GListStore) more = numbered_entries (0, 200);
  g_autoptr(GListStore) bad = numbered_entries (500, 3);
  g_autoptr(UnknotJournalEntry) invalid = journal_test_entry_new (900);
  g_autoptr(UnknotJournalEntry) newest = NULL;
  g_autoptr(GError) error = NULL;
  ChangeCount count = { 0 };
  UnknotJournal *journal;
  guint n_added = 0;

  journal = journal_test_open (path, NULL, FALSE);
  g_signal_connect (journal, "items-changed", G_CALLBACK (on_count_changed_cb), &count);

  g_assert_true (add_many (journal, G_LIST_MODEL (first), &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 3);
  g_assert_cmpuint (count.n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 3);

  /* Entries 0 to 2 are there already (the same ids): 197 new ones. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(UnknotJournalEntry) a = g_list_model_get_item (G_LIST_MODEL (first), i);

      g_list_store_splice (more, i, 1, (gpointer *) &a, 1);
    }
  g_assert_true (add_many (journal, G_LIST_MODEL (more), &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 197);
  g_assert_cmpuint (count.n_changes, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 200);
  newest = g_list_model_get_item (G_LIST_MODEL (journal), 0);
  g_assert_cmpstr (unknot_journal_entry_get_notes (newest), ==, "Entry 199");

  /* A pain of 11 is refused before anything is written. */
  unknot_journal_entry_set_pain_before (invalid, 11);
  g_list_store_append (bad, invalid);
  g_assert_false (add_many (journal, G_LIST_MODEL (bad), &n_added, &error));
  g_assert_error (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count.n_changes, ==, 2);
  g_assert_cmpint (count_rows (path), ==, 200);

  g_signal_handlers_disconnect_by_func (journal, on_count_changed_cb, &count);
  journal_test_close (journal);
  journal_test_assert_intact (path);
}

/* Every row of the journal's tables but the times it was saved at, and its schema,
 * as text to compare. */
static char *
dump_journal (const char *path)
{
  const char *queries[] = {
    "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name",
    "SELECT id, uuid, when_us, when_offset, pain_before, pain_after, technique, tool,"
    " seconds, occasion, notes FROM entries ORDER BY id",
    "SELECT * FROM entry_regions ORDER BY entry, position",
    "SELECT * FROM entry_qualities ORDER BY entry, position",
    "SELECT * FROM entry_red_flags ORDER BY entry, position",
    "PRAGMA integrity_check",
  };
  sqlite3 *db = journal_test_sql_open (path);
  GString *dump = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              g_string_append_printf (dump, "%s|", text ? text : "NULL");
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return g_string_free (dump, FALSE);
}

/* Many entries added as a large import adds them (the indexes and the trigger
 * dropped and made again, the list rows written many to a statement) make the same
 * file as the same entries added one at a time: the same rows, the regions' copies
 * of time and pain, the same schema. Then more, into the fuller journal, the other
 * way, and one deleted. */
static void
test_add_many_bulk (void)
{
  g_autofree char *bulk_path = g_build_filename (g_get_user_data_dir (), "bulk", "journal.db", NULL);
  g_autofree char *rows_path = g_build_filename (g_get_user_data_dir (), "rows", "journal.db", NULL);
  g_autoptr(GListStore) entries = numbered_entries (0, 300);
  g_autoptr(GListStore) more = numbered_entries (100, 12);
  g_autoptr(GError) error = NULL;
  g_autofree char *bulk_dump = NULL;
  g_autofree char *rows_dump = NULL;
  UnknotJournal *bulk;
  UnknotJournal *rows;
  guint n_added = 0;

  /* Kinds of pain and warning signs too, enough for several statements of each. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (entries)); i++)
    {
      g_autoptr(UnknotJournalEntry) entry = g_list_model_get_item (G_LIST_MODEL (entries), i);
      const char *qualities[] = { "aching", i % 2 == 0 ? "sharp" : NULL, NULL };
      const char *red_flags[] = { i % 3 == 0 ? "leg-weakness" : NULL, NULL };

      unknot_journal_entry_set_qualities (entry, qualities);
      unknot_journal_entry_set_red_flags (entry, red_flags);
    }

  bulk = journal_test_open (bulk_path, NULL, FALSE);
  unknot_journal_set_bulk_min_entries (bulk, 10);
  g_assert_true (add_many (bulk, G_LIST_MODEL (entries), &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bulk)), ==, 300);
  /* 12 into 300: row by row. */
  g_assert_true (add_many (bulk, G_LIST_MODEL (more), &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 12);
  /* And one deleted afterwards, the same in both. */
  {
    g_autoptr(UnknotJournalEntry) first = g_list_model_get_item (G_LIST_MODEL (entries), 0);
    g_autoptr(UnknotJournalEntry) deleted = journal_test_delete (bulk, unknot_journal_entry_get_id (first), &error);

    g_assert_no_error (error);
    g_assert_nonnull (deleted);
  }
  journal_test_close (bulk);

  rows = journal_test_open (rows_path, NULL, FALSE);
  for (guint i = 0; i < 2; i++)
    {
      GListModel *model = G_LIST_MODEL (i == 0 ? entries : more);

      for (guint j = 0; j < g_list_model_get_n_items (model); j++)
        {
          g_autoptr(UnknotJournalEntry) entry = g_list_model_get_item (model, j);
          g_autoptr(UnknotJournalEntry) added = journal_test_add (rows, entry, &error);

          g_assert_no_error (error);
          g_assert_nonnull (added);
        }
    }
  {
    g_autoptr(UnknotJournalEntry) first = g_list_model_get_item (G_LIST_MODEL (entries), 0);
    g_autoptr(UnknotJournalEntry) deleted = journal_test_delete (rows, unknot_journal_entry_get_id (first), &error);

    g_assert_no_error (error);
    g_assert_nonnull (deleted);
  }
  journal_test_close (rows);

  bulk_dump = dump_journal (bulk_path);
  rows_dump = dump_journal (rows_path);
  g_assert_cmpstr (bulk_dump, ==, rows_dump);
  g_assert_nonnull (strstr (bulk_dump, "|leg-weakness|"));
  g_assert_nonnull (strstr (bulk_dump, "|sharp|"));
  g_assert_nonnull (strstr (bulk_dump, "entry_regions_copy"));
  g_assert_nonnull (strstr (bulk_dump, "entries_when_pain"));
  g_assert_true (g_str_has_suffix (bulk_dump, "ok|\n"));
}

/* An I/O error or a full disk at every write, sync and truncate of adding 50 entries:
 * afterwards the file holds all 50 or none, the list agrees, and adding them again
 * once the disk works adds exactly the missing ones. (The same for an import's way
 * of adding, with the indexes made again: test-journal-faults.c.) */
static void
test_add_many_faults (void)
{
  const JournalFaultMode modes[] = { JOURNAL_FAULT_IO_ONCE, JOURNAL_FAULT_DISK_FULL };

  journal_fault_vfs_register ();

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      guint n;

      for (n = 1; n < 1000; n++)
        {
          g_autofree char *dir_name = g_strdup_printf ("many-%u-%u", m, n);
          g_autofree char *path = g_build_filename (g_get_user_data_dir (), dir_name, "journal.db", NULL);
          g_autoptr(GListStore) base = numbered_entries (0, 2);
          g_autoptr(GListStore) entries = numbered_entries (10, 50);
          g_autoptr(GError) error = NULL;
          UnknotJournal *journal;
          guint n_added = 0;
          gboolean ok, fired;
          gint64 rows;

          journal = journal_test_open (path, JOURNAL_FAULT_VFS, FALSE);
          g_assert_true (add_many (journal, G_LIST_MODEL (base), NULL, &error));
          g_assert_no_error (error);

          journal_fault_vfs_arm (modes[m], n);
          ok = add_many (journal, G_LIST_MODEL (entries), &n_added, &error);
          fired = journal_fault_vfs_has_fired ();
          journal_fault_vfs_disarm ();

          if (ok)
            g_assert_cmpuint (n_added, ==, 50);
          else
            {
              g_assert_true (fired);
              g_assert_nonnull (error);
              g_assert_nonnull (strstr (error->message, "None of them were added"));
            }
          rows = g_list_model_get_n_items (G_LIST_MODEL (journal));
          g_assert_true (rows == 2 || rows == 52);
          g_assert_cmpint (rows, ==, ok ? 52 : 2);

          /* Once the disk works, adding them again completes it. */
          g_clear_error (&error);
          g_assert_true (add_many (journal, G_LIST_MODEL (entries), &n_added, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (n_added, ==, ok ? 0 : 50);
          journal_test_close (journal);

          g_assert_cmpint (count_rows (path), ==, 52);
          journal_test_assert_intact (path);
          if (!fired)
            break;
        }
      g_test_message ("add_many: mode %u, a fault at each of %u calls, then one run without", m, n - 1);
      g_assert_cmpuint (n, >, 3);
    }
}

static gboolean
back_up (UnknotJournal  *journal,
         GFile          *file,
         GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  unknot_journal_back_up_async (journal, file, NULL, store_result_cb, &result);
  return unknot_journal_back_up_finish (journal, wait_result (&result), error);
}

static gboolean
check_backup (UnknotJournal  *journal,
              GFile          *file,
              guint          *n_entries,
              GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  unknot_journal_check_backup_async (journal, file, NULL, store_result_cb, &result);
  return unknot_journal_check_backup_finish (journal, wait_result (&result), n_entries, error);
}

static char *
restore (UnknotJournal  *journal,
         GFile          *file,
         GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  unknot_journal_restore_async (journal, file, NULL, store_result_cb, &result);
  return unknot_journal_restore_finish (journal, wait_result (&result), error);
}

/* Back up, change the journal, restore: the journal is the backup again, the lists
 * say so, the journal it replaced is kept beside it, and writing goes on. */
static void
test_backup_restore (void)
{
  g_autofree char *path = journal_test_path ();
  g_autofree char *backup_path = g_build_filename (g_get_user_data_dir (), "elsewhere", "my backup.db", NULL);
  g_autofree char *elsewhere = g_path_get_dirname (backup_path);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autoptr(GListStore) entries = numbered_entries (0, 20);
  g_autoptr(GListStore) later = numbered_entries (100, 5);
  g_autoptr(UnknotJournalEntry) one = journal_test_entry_new (300);
  g_autoptr(UnknotJournalEntry) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  ChangeCount count = { 0 };
  UnknotJournal *journal;
  guint n = 0;

  g_assert_cmpint (g_mkdir_with_parents (elsewhere, 0700), ==, 0);
  journal = journal_test_open (path, NULL, FALSE);
  g_assert_true (add_many (journal, G_LIST_MODEL (entries), NULL, &error));
  g_assert_true (back_up (journal, backup, &error));
  g_assert_no_error (error);
  /* One file, whole: no log beside it, and nothing of ours left behind. */
  {
    g_autofree char *wal = g_strconcat (backup_path, "-wal", NULL);
    g_autofree char *folder = g_path_get_dirname (path);
    g_autofree char *partial = g_build_filename (folder, "journal-transfer-out.db", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
    g_assert_cmpint (count_rows (backup_path), ==, 20);
    journal_test_assert_intact (backup_path);
  }

  g_assert_true (add_many (journal, G_LIST_MODEL (later), NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 25);

  g_assert_true (check_backup (journal, backup, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 20);

  g_signal_connect (journal, "items-changed", G_CALLBACK (on_count_changed_cb), &count);
  kept = restore (journal, backup, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_nonnull (strstr (kept, "journal.db.before-restore-"));
  g_assert_cmpuint (count.n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 20);
  g_assert_cmpint (count_rows (kept), ==, 25);
  journal_test_assert_intact (kept);

  /* Writing goes on in the restored journal. */
  saved = journal_test_add (journal, one, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 21);
  g_signal_handlers_disconnect_by_func (journal, on_count_changed_cb, &count);
  journal_test_close (journal);

  g_assert_cmpint (count_rows (path), ==, 21);
  journal_test_assert_intact (path);
  /* The backup itself was only read. */
  g_assert_cmpint (count_rows (backup_path), ==, 20);
}

/* A damaged file, a newer one and one that is no journal are refused, by the check
 * and by the restore, and the journal stays as it was, byte for byte. */
static void
test_restore_refused (void)
{
  g_autofree char *path = journal_test_path ();
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "elsewhere", NULL);
  g_autofree char *damaged_path = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *newer_path = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.db", NULL);
  g_autofree char *text_path = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.db", NULL);
  g_autoptr(GListStore) entries = numbered_entries (0, 400);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  UnknotJournal *journal;
  sqlite3 *db;
  struct { const char *path; UnknotJournalError code; } cases[] = {
    { damaged_path, UNKNOT_JOURNAL_ERROR_DAMAGED },
    { newer_path, UNKNOT_JOURNAL_ERROR_NEWER },
    { other_path, UNKNOT_JOURNAL_ERROR_DAMAGED },
    { text_path, UNKNOT_JOURNAL_ERROR_DAMAGED },
    { missing_path, UNKNOT_JOURNAL_ERROR_IO },
  };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  journal = journal_test_open (path, NULL, FALSE);
  g_assert_true (add_many (journal, G_LIST_MODEL (entries), NULL, &error));
  g_assert_no_error (error);

  /* A backup with pages overwritten in the middle. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (damaged_path);
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (back_up (journal, file, &error));
    g_assert_true (g_file_get_contents (damaged_path, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 16384);
    memset (contents + 4096, 0x5a, 8192);
    write_file (damaged_path, contents, (gssize) length);
  }
  {
    g_autoptr(GFile) file = g_file_new_for_path (newer_path);

    g_assert_true (back_up (journal, file, &error));
    db = journal_test_sql_open (newer_path);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  }
  g_assert_cmpint (sqlite3_open (other_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  write_file (text_path, "when,pain\r\n", -1);

  /* Closed, so that the file holds everything and its bytes can be compared. */
  journal_test_close (journal);
  bytes = journal_test_read_file (path);
  journal = journal_test_open (path, NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);
      g_autofree char *kept = NULL;

      g_test_message ("Restoring %s", cases[i].path);
      g_assert_false (check_backup (journal, file, NULL, &error));
      g_assert_error (error, UNKNOT_JOURNAL_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "Your journal was left as it was."));
      g_clear_error (&error);

      kept = restore (journal, file, &error);
      g_assert_null (kept);
      g_assert_error (error, UNKNOT_JOURNAL_ERROR, cases[i].code);
      g_clear_error (&error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 400);
    }

  journal_test_close (journal);
  after = journal_test_read_file (path);
  g_assert_true (g_bytes_equal (bytes, after));
  journal_test_assert_intact (path);
  {
    g_autofree char *folder = g_path_get_dirname (path);
    g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);
    const char *name;

    /* Nothing was left aside, and no copy of ours stayed. */
    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_test_message ("left in the folder: %s", name);
        g_assert_false (g_str_has_prefix (name, "journal-transfer-"));
        g_assert_false (strstr (name, "before-restore") != NULL);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journal/round-trip", test_round_trip);
  g_test_add_func ("/journal/new-file", test_new_file);
  g_test_add_func ("/journal/migration/from-1", test_migration_from_1);
  g_test_add_func ("/journal/invalid", test_invalid);
  g_test_add_func ("/journal/occasions-match-guide", test_occasions_match_guide);
  g_test_add_func ("/journal/changes", test_changes);
  g_test_add_func ("/journal/red-flagged", test_red_flagged);
  g_test_add_func ("/journal/not-found", test_not_found);
  g_test_add_func ("/journal/open-on-first-write", test_open_on_first_write);
  g_test_add_func ("/journal/long/paging", test_paging);
  g_test_add_func ("/journal/long/filters", test_filters);
  g_test_add_func ("/journal/damaged/not-a-database", test_damaged_not_a_database);
  g_test_add_func ("/journal/damaged/uses-backup", test_damaged_uses_backup);
  g_test_add_func ("/journal/damaged/backup-skipped", test_damaged_backup_skipped);
  g_test_add_func ("/journal/damaged/long-uses-backup", test_damaged_long_uses_backup);
  g_test_add_func ("/journal/newer", test_newer);
  g_test_add_func ("/journal/read-only-folder", test_read_only_folder);
  g_test_add_func ("/journal/backups", test_backups);
  g_test_add_func ("/journal/checkpoint", test_checkpoint);
  g_test_add_func ("/journal/migration/from-2", test_migration_from_2);
  g_test_add_func ("/journal/migration/from-3", test_migration_from_3);
  g_test_add_func ("/journal/add-many", test_add_many);
  g_test_add_func ("/journal/add-many/faults", test_add_many_faults);
  g_test_add_func ("/journal/add-many/bulk", test_add_many_bulk);
  g_test_add_func ("/journal/backup-restore", test_backup_restore);
  g_test_add_func ("/journal/restore-refused", test_restore_refused);

  status = g_test_run ();
  remove_generated ();
  return status;
}
