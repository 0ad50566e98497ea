/* test-pain-heat.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * UnknotPainHeat: the heat of each map region from known entries (the average pain
 * before, a tenth of it), both sides apart, an entry with no pain after, a single
 * session, every entry on one day, an empty journal, one not open, the range, and
 * following the journal (changes counted once for a burst). No display.
 */

#include "config.h"

#include <math.h>

#include "journal/unknot-pain-heat.h"
#include "journal-test-utils.h"

#define UNSET UNKNOT_JOURNAL_PAIN_UNSET

/* An entry @days_ago days before today at @hour local time. */
static UnknotJournalEntry *
entry_new (int         days_ago,
           int         hour,
           int         before,
           int         after,
           const char *region,
           const char *region2)
{
  UnknotJournalEntry *entry = unknot_journal_entry_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -days_ago);
  g_autoptr(GDateTime) when = g_date_time_new_local (g_date_time_get_year (day),
                                                     g_date_time_get_month (day),
                                                     g_date_time_get_day_of_month (day),
                                                     hour, 0, 0);
  const char *regions[] = { region, region2, NULL };

  unknot_journal_entry_set_when (entry, when);
  unknot_journal_entry_set_regions (entry, regions);
  unknot_journal_entry_set_pain_before (entry, before);
  unknot_journal_entry_set_pain_after (entry, after);
  return entry;
}

static void
add (UnknotJournal *journal,
     int            days_ago,
     int            hour,
     int            before,
     int            after,
     const char    *region,
     const char    *region2)
{
  g_autoptr(UnknotJournalEntry) entry = entry_new (days_ago, hour, before, after, region, region2);
  g_autoptr(UnknotJournalEntry) added = NULL;
  g_autoptr(GError) error = NULL;

  added = journal_test_add (journal, entry, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
}

static void
count_cb (UnknotPainHeat *heat,
          guint          *n)
{
  (*n)++;
}

static void
assert_region (UnknotPainHeat *heat,
               const char     *region_id,
               double          average,
               guint           n_entries)
{
  double h, a;
  guint n;

  g_assert_true (unknot_pain_heat_lookup (heat, region_id, &h, &a, &n));
  g_assert_cmpfloat_with_epsilon (a, average, 1e-9);
  g_assert_cmpfloat_with_epsilon (h, average / 10, 1e-9);
  g_assert_cmpuint (n, ==, n_entries);
}

static void
assert_untinted (UnknotPainHeat *heat,
                 const char     *region_id)
{
  double h = 0, a = 0;
  guint n = 1;

  g_assert_false (unknot_pain_heat_lookup (heat, region_id, &h, &a, &n));
  g_assert_cmpfloat (h, <, 0);
  g_assert_true (isnan (a));
  g_assert_cmpuint (n, ==, 0);
}

static void
test_scale (void)
{
  g_assert_cmpfloat (unknot_pain_heat_for_pain (0), ==, 0);
  g_assert_cmpfloat (unknot_pain_heat_for_pain (10), ==, 1);
  g_assert_cmpfloat_with_epsilon (unknot_pain_heat_for_pain (6.2), 0.62, 1e-9);
  g_assert_cmpfloat (unknot_pain_heat_for_pain (12), ==, 1);
  g_assert_cmpfloat (unknot_pain_heat_for_pain (-1), ==, 0);
  g_assert_cmpfloat (unknot_pain_heat_for_pain (NAN), <, 0);
}

/* Both sides apart, an entry naming two regions counting for each, no pain after
 * counting all the same (the heat is the pain before). */
static void
test_known_entries (void)
{
  g_autofree char *path = journal_test_path ();
  UnknotJournal *journal = journal_test_open (path, NULL, FALSE);
  g_autoptr(UnknotPainHeat) heat = unknot_pain_heat_new (journal);
  guint changed = 0;

  add (journal, 3, 9, 6, 4, "gluteals-left", NULL);
  add (journal, 2, 9, 8, UNSET, "gluteals-left", "spine");
  add (journal, 1, 9, 4, 3, "gluteals-right", NULL);
  add (journal, 1, 10, 3, 1, "erector-spinae-lumbar-left", NULL);

  g_signal_connect (heat, "changed", G_CALLBACK (count_cb), &changed);
  /* Inactive, it counts nothing. */
  unknot_pain_heat_refresh (heat);
  g_assert_cmpuint (unknot_pain_heat_get_n_regions (heat), ==, 0);

  unknot_pain_heat_set_active (heat, TRUE);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_null (unknot_pain_heat_get_error (heat));
  g_assert_cmpuint (unknot_pain_heat_get_n_regions (heat), ==, 4);
  assert_region (heat, "gluteals-left", 7.0, 2);
  assert_region (heat, "gluteals-right", 4.0, 1);
  assert_region (heat, "spine", 8.0, 1);
  assert_region (heat, "erector-spinae-lumbar-left", 3.0, 1);
  assert_untinted (heat, "erector-spinae-lumbar-right");
  assert_untinted (heat, "hamstrings-left");

  /* Off, it is forgotten. */
  unknot_pain_heat_set_active (heat, FALSE);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (unknot_pain_heat_get_n_regions (heat), ==, 0);
  assert_untinted (heat, "gluteals-left");

  g_clear_object (&heat);
  journal_test_close (journal);
}

static void
test_no_entries (void)
{
  g_autofree char *path = journal_test_path ();
  UnknotJournal *journal = journal_test_open (path, NULL, FALSE);
  g_autoptr(UnknotPainHeat) heat = unknot_pain_heat_new (journal);

  unknot_pain_heat_set_active (heat, TRUE);
  g_assert_cmpuint (unknot_pain_heat_get_n_regions (heat), ==, 0);
  g_assert_null (unknot_pain_heat_get_error (heat));
  assert_untinted (heat, "gluteals-left");

  g_clear_object (&heat);
  journal_test_close (journal);
}

/* Entries without a pain after, and a single session: the pain before alone. */
static void
test_no_after_and_one_session (void)
{
  g_autofree char *path = journal_test_path ();
  UnknotJournal *journal = journal_test_open (path, NULL, FALSE);
  g_autoptr(UnknotPainHeat) heat = unknot_pain_heat_new (journal);

  add (journal, 5, 9, 9, UNSET, "upper-trapezius-right", NULL);
  unknot_pain_heat_set_active (heat, TRUE);
  g_assert_cmpuint (unknot_pain_heat_get_n_regions (heat), ==, 1);
  assert_region (heat, "upper-trapezius-right", 9.0, 1);
  assert_untinted (heat, "upper-trapezius-left");

  add (journal, 4, 9, 0, UNSET, "upper-trapezius-right", NULL);
  unknot_pain_heat_refresh (heat);
  assert_region (heat, "upper-trapezius-right", 4.5, 2);

  g_clear_object (&heat);
  journal_test_close (journal);
}

/* Every entry on one day, at different hours: one average, as for any range. */
static void
test_one_day (void)
{
  g_autofree char *path = journal_test_path ();
  UnknotJournal *journal = journal_test_open (path, NULL, FALSE);
  g_autoptr(UnknotPainHeat) heat = unknot_pain_heat_new (journal);

  add (journal, 0, 0, 2, 1, "hamstrings-left", NULL);
  add (journal, 0, 8, 5, 3, "hamstrings-left", NULL);
  add (journal, 0, 12, 7, 5, "hamstrings-left", "hamstrings-right");
  add (journal, 0, 23, 10, UNSET, "hamstrings-right", NULL);

  g_object_set (heat, "range", UNKNOT_JOURNAL_STATS_RANGE_TWO_WEEKS, "active", TRUE, NULL);
  assert_region (heat, "hamstrings-left", 14.0 / 3, 3);
  assert_region (heat, "hamstrings-right", 8.5, 2);

  g_clear_object (&heat);
  journal_test_close (journal);
}

/* Only the range's days count; changing the range counts again at once. */
static void
test_range (void)
{
  g_autofree char *path = journal_test_path ();
  UnknotJournal *journal = journal_test_open (path, NULL, FALSE);
  g_autoptr(UnknotPainHeat) heat = unknot_pain_heat_new (journal);

  add (journal, 1, 9, 2, 1, "rhomboids-left", NULL);
  add (journal, 30, 9, 8, 4, "rhomboids-left", NULL);
  add (journal, 200, 9, 6, 4, "rhomboids-right", NULL);
  add (journal, 800, 9, 10, 4, "quadratus-lumborum-left", NULL);

  /* The default is 3 months. */
  g_assert_cmpint (unknot_pain_heat_get_range (heat), ==, UNKNOT_JOURNAL_STATS_RANGE_THREE_MONTHS);
  unknot_pain_heat_set_active (heat, TRUE);
  assert_region (heat, "rhomboids-left", 5.0, 2);
  assert_untinted (heat, "rhomboids-right");

  unknot_pain_heat_set_range (heat, UNKNOT_JOURNAL_STATS_RANGE_TWO_WEEKS);
  assert_region (heat, "rhomboids-left", 2.0, 1);
  assert_untinted (heat, "rhomboids-right");

  unknot_pain_heat_set_range (heat, UNKNOT_JOURNAL_STATS_RANGE_YEAR);
  assert_region (heat, "rhomboids-left", 5.0, 2);
  assert_region (heat, "rhomboids-right", 6.0, 1);
  assert_untinted (heat, "quadratus-lumborum-left");

  unknot_pain_heat_set_range (heat, UNKNOT_JOURNAL_STATS_RANGE_ALL);
  assert_region (heat, "quadratus-lumborum-left", 10.0, 1);
  g_assert_cmpuint (unknot_pain_heat_get_n_regions (heat), ==, 3);

  g_clear_object (&heat);
  journal_test_close (journal);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  GPtrArray *results = data;

  g_ptr_array_add (results, g_object_ref (result));
}

/* Active, it follows the journal by itself; five writes in a burst are counted
 * fewer times than five, and a deletion takes the region's colour away. */
static void
test_follows_journal (void)
{
  g_autofree char *path = journal_test_path ();
  UnknotJournal *journal = journal_test_open (path, NULL, FALSE);
  g_autoptr(UnknotPainHeat) heat = unknot_pain_heat_new (journal);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  unknot_pain_heat_set_active (heat, TRUE);
  g_signal_connect (heat, "changed", G_CALLBACK (count_cb), &changed);

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(UnknotJournalEntry) entry = entry_new (1, 9 + i, 2 * i, UNSET,
                                                       "latissimus-dorsi-right", NULL);

      unknot_journal_add_async (journal, entry, NULL, store_result_cb, results);
    }
  while (results->len < 5)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < results->len; i++)
    {
      g_autoptr(UnknotJournalEntry) added = unknot_journal_add_finish (journal, g_ptr_array_index (results, i),
                                                                        &error);

      g_assert_no_error (error);
      g_ptr_array_add (ids, g_strdup (unknot_journal_entry_get_id (added)));
    }
  while (changed == 0 || unknot_pain_heat_get_n_regions (heat) == 0)
    g_main_context_iteration (NULL, TRUE);
  /* Another 200 ms for any change still to come. */
  {
    gint64 end = g_get_monotonic_time () + 200 * G_TIME_SPAN_MILLISECOND;

    while (g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_cmpuint (changed, >=, 1);
  g_assert_cmpuint (changed, <, 5);
  assert_region (heat, "latissimus-dorsi-right", 4.0, 5);

  /* Deleting the entries one by one, the last takes the colour with it. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(UnknotJournalEntry) deleted = journal_test_delete (journal, g_ptr_array_index (ids, i), &error);

      g_assert_no_error (error);
      g_assert_nonnull (deleted);
    }
  while (unknot_pain_heat_get_n_regions (heat) != 0)
    g_main_context_iteration (NULL, TRUE);
  assert_untinted (heat, "latissimus-dorsi-right");

  g_clear_pointer (&results, g_ptr_array_unref);
  g_clear_object (&heat);
  journal_test_close (journal);
}

/* A journal that is not open (yet) gives no heat and no error, and no crash. */
static void
test_not_open (void)
{
  g_autofree char *path = journal_test_path ();
  g_autoptr(UnknotJournal) journal = unknot_journal_new (path);
  g_autoptr(UnknotPainHeat) heat = unknot_pain_heat_new (journal);
  guint changed = 0;

  g_signal_connect (heat, "changed", G_CALLBACK (count_cb), &changed);
  unknot_pain_heat_set_active (heat, TRUE);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (unknot_pain_heat_get_n_regions (heat), ==, 0);
  g_assert_null (unknot_pain_heat_get_error (heat));
  assert_untinted (heat, "gluteals-left");

  g_clear_object (&heat);
  g_assert_finalize_object (g_steal_pointer (&journal));
}

static void
test_describe (void)
{
  g_autofree char *some = unknot_pain_heat_describe (UNKNOT_JOURNAL_STATS_RANGE_THREE_MONTHS, 6.25, 5);
  g_autofree char *one = unknot_pain_heat_describe (UNKNOT_JOURNAL_STATS_RANGE_TWO_WEEKS, 3, 1);
  g_autofree char *none = unknot_pain_heat_describe (UNKNOT_JOURNAL_STATS_RANGE_YEAR, NAN, 0);
  g_autofree char *all = unknot_pain_heat_describe (UNKNOT_JOURNAL_STATS_RANGE_ALL, 10, 2);

  g_assert_cmpstr (some, ==, "Average pain 6.2 over 5 entries in the last 3 months");
  g_assert_cmpstr (one, ==, "Average pain 3.0 over 1 entry in the last 2 weeks");
  g_assert_cmpstr (none, ==, "No entries in the last year");
  g_assert_cmpstr (all, ==, "Average pain 10.0 over 2 entries since you started your journal");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pain-heat/scale", test_scale);
  g_test_add_func ("/pain-heat/known-entries", test_known_entries);
  g_test_add_func ("/pain-heat/no-entries", test_no_entries);
  g_test_add_func ("/pain-heat/no-after-and-one-session", test_no_after_and_one_session);
  g_test_add_func ("/pain-heat/one-day", test_one_day);
  g_test_add_func ("/pain-heat/range", test_range);
  g_test_add_func ("/pain-heat/follows-journal", test_follows_journal);
  g_test_add_func ("/pain-heat/not-open", test_not_open);
  g_test_add_func ("/pain-heat/describe", test_describe);

  return g_test_run ();
}
