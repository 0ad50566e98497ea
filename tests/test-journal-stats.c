/* test-journal-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal's statistics: exact numbers over a small journal made by hand (daily
 * averages with gaps for the empty days, days counted where the person is, the relief
 * per technique and per tool ranked, the meaningful-change thresholds at their edges,
 * too few sessions, pain per region, narrowing by region and by range, the summary in
 * words); and over 100,000 generated entries, each query answers, uses an index, and
 * is timed.
 */

#include "config.h"

#include <math.h>
#include <time.h>

#include <glib/gstdio.h>

#include "journal/unknot-journal-private.h"
#include "journal/unknot-journal-stats.h"
#include "journal-test-utils.h"

/* Days are counted in the person's zone; India's is 5 h 30 min from UTC, so a quarter
 * hour and a whole day of UTC are both tried against a local midnight. */
#define ZONE "Asia/Kolkata"

static GDateTime *
local_time (const char *iso8601)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  GDateTime *when = g_date_time_new_from_iso8601 (iso8601, zone);

  g_assert_nonnull (when);
  return when;
}

static void
add (UnknotJournal *journal,
     const char    *when,
     int            before,
     int            after,
     const char    *technique,
     const char    *tool,
     const char    *region,
     const char    *region2)
{
  g_autoptr(UnknotJournalEntry) entry = unknot_journal_entry_new ();
  g_autoptr(UnknotJournalEntry) added = NULL;
  g_autoptr(GDateTime) moment = local_time (when);
  g_autoptr(GError) error = NULL;
  const char *regions[] = { region, region2, NULL };

  unknot_journal_entry_set_when (entry, moment);
  unknot_journal_entry_set_pain_before (entry, before);
  unknot_journal_entry_set_pain_after (entry, after);
  unknot_journal_entry_set_technique_id (entry, technique);
  unknot_journal_entry_set_tool_id (entry, tool);
  unknot_journal_entry_set_regions (entry, regions);
  added = journal_test_add (journal, entry, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
}

#define UNSET UNKNOT_JOURNAL_PAIN_UNSET
#define A "ball-glutes"
#define B "stick-lower-back"
#define C "hands-upper-trapezius"

/* Eight entries over three days of five (none on 3 and 4 March); each comment says
 * why the session counts as a meaningful change or not. */
static UnknotJournal *
open_small_journal (void)
{
  g_autofree char *path = journal_test_path ();
  UnknotJournal *journal = journal_test_open (path, NULL, FALSE);

  /* 1 March */
  add (journal, "2026-03-01T09:00:00", 6, 4, A, "massage-ball", "gluteals-left", "spine"); /* −2: 2 points */
  add (journal, "2026-03-01T23:50:00", 8, UNSET, A, "massage-ball", "gluteals-left", NULL); /* no after */
  /* 2 March, ten minutes after local midnight (still 1 March in UTC) */
  add (journal, "2026-03-02T00:10:00", 4, 3, A, "massage-ball", "gluteals-right", NULL);   /* −1 = 25 %: no */
  add (journal, "2026-03-02T12:00:00", 3, 2, B, "massage-stick", "erector-spinae-lumbar-left", NULL); /* −1 = 33 % */
  /* 5 March */
  add (journal, "2026-03-05T10:00:00", 7, 5, B, "massage-stick", "erector-spinae-lumbar-left", NULL); /* −2 = 29 %: 2 points */
  add (journal, "2026-03-05T11:00:00", 9, 8, B, "hands", "upper-trapezius-left", NULL);    /* −1 = 11 %: no */
  add (journal, "2026-03-05T12:00:00", 2, 4, C, "hands", "upper-trapezius-left", NULL);    /* +2: worse */
  add (journal, "2026-03-05T13:00:00", 0, 0, C, "hands", "upper-trapezius-right", NULL);   /* 0 of 0: no */

  return journal;
}

static UnknotJournalFilter *
range_filter (const char *since,
              const char *until)
{
  UnknotJournalFilter *filter = unknot_journal_filter_new ();
  g_autoptr(GDateTime) s = local_time (since);
  g_autoptr(GDateTime) u = local_time (until);

  unknot_journal_filter_set_range (filter, s, u);
  return filter;
}

static void
assert_day (GArray *days,
            guint   index,
            gint    day,
            double  before,
            double  after,
            guint   n_entries,
            guint   n_after)
{
  UnknotJournalStatsDay *d;

  g_assert_cmpuint (index, <, days->len);
  d = &g_array_index (days, UnknotJournalStatsDay, index);
  g_assert_cmpint (d->day, ==, day);
  g_assert_cmpfloat_with_epsilon (d->pain_before, before, 1e-9);
  if (isnan (after))
    g_assert_true (isnan (d->pain_after));
  else
    g_assert_cmpfloat_with_epsilon (d->pain_after, after, 1e-9);
  g_assert_cmpuint (d->n_entries, ==, n_entries);
  g_assert_cmpuint (d->n_after, ==, n_after);
}

static void
assert_relief (GArray     *ranking,
               guint       index,
               const char *id,
               guint       n_sessions,
               double      change,
               guint       n_meaningful)
{
  UnknotJournalStatsRelief *r;

  g_assert_cmpuint (index, <, ranking->len);
  r = &g_array_index (ranking, UnknotJournalStatsRelief, index);
  g_assert_cmpstr (r->id, ==, id);
  g_assert_cmpuint (r->n_sessions, ==, n_sessions);
  g_assert_cmpfloat_with_epsilon (r->average_change, change, 1e-9);
  g_assert_cmpuint (r->n_meaningful, ==, n_meaningful);
  g_assert_cmpfloat_with_epsilon (r->meaningful_share, (double) n_meaningful / n_sessions, 1e-9);
  g_assert_true (r->too_few == (n_sessions < 3));
}

static void
assert_region (GArray     *regions,
               guint       index,
               const char *id,
               double      before,
               guint       n_entries)
{
  UnknotJournalStatsRegion *r;

  g_assert_cmpuint (index, <, regions->len);
  r = &g_array_index (regions, UnknotJournalStatsRegion, index);
  g_assert_cmpstr (r->region, ==, id);
  g_assert_cmpfloat_with_epsilon (r->pain_before, before, 1e-9);
  g_assert_cmpuint (r->n_entries, ==, n_entries);
}

/* ------------------------------------------------------------------------------------
 * A small journal, by hand
 */

static void
test_days (void)
{
  UnknotJournal *journal = open_small_journal ();
  g_autoptr(UnknotJournalFilter) second = range_filter ("2026-03-02T00:00:00", "2026-03-03T00:00:00");
  g_autoptr(UnknotJournalFilter) gap = range_filter ("2026-03-03T00:00:00", "2026-03-05T00:00:00");
  g_autoptr(UnknotJournalFilter) region = unknot_journal_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;

  /* Three days with entries; 3 and 4 March are absent, not zeros. The after is
   * averaged over the entries that noted it alone. */
  days = unknot_journal_stats_days (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 3);
  assert_day (days, 0, 20260301, 7.0, 4.0, 2, 1);
  assert_day (days, 1, 20260302, 3.5, 2.5, 2, 2);
  assert_day (days, 2, 20260305, 4.5, 4.25, 4, 4);
  g_clear_pointer (&days, g_array_unref);

  days = unknot_journal_stats_days (journal, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  assert_day (days, 0, 20260302, 3.5, 2.5, 2, 2);
  g_clear_pointer (&days, g_array_unref);

  days = unknot_journal_stats_days (journal, gap, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 0);
  g_clear_pointer (&days, g_array_unref);

  /* A day whose entries noted no pain after has no after (NAN), not a zero. */
  unknot_journal_filter_set_region (region, "gluteals-left");
  days = unknot_journal_stats_days (journal, region, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  assert_day (days, 0, 20260301, 7.0, 4.0, 2, 1);
  g_clear_pointer (&days, g_array_unref);

  journal_test_close (journal);
}

static void
test_relief (void)
{
  UnknotJournal *journal = open_small_journal ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ranking = NULL;

  /* Sessions have a before and an after; 1 March's 23:50 entry has no after. */
  ranking = unknot_journal_stats_relief (journal, UNKNOT_JOURNAL_STATS_BY_TECHNIQUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->len, ==, 3);
  assert_relief (ranking, 0, A, 2, -1.5, 1);       /* −2 (2 points), −1 of 4 (25 %) */
  assert_relief (ranking, 1, B, 3, -4.0 / 3, 2);   /* −1 of 3 (33 %), −2 of 7, −1 of 9 */
  assert_relief (ranking, 2, C, 2, 1.0, 0);        /* +2, 0 of 0 */
  g_clear_pointer (&ranking, g_array_unref);

  /* Two tools as helpful: the order of their ids. */
  ranking = unknot_journal_stats_relief (journal, UNKNOT_JOURNAL_STATS_BY_TOOL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->len, ==, 3);
  assert_relief (ranking, 0, "massage-ball", 2, -1.5, 1);
  assert_relief (ranking, 1, "massage-stick", 2, -1.5, 2);
  assert_relief (ranking, 2, "hands", 3, 1.0 / 3, 0);
  g_clear_pointer (&ranking, g_array_unref);

  journal_test_close (journal);
}

/* The thresholds, each at its edge, one technique per case. */
static void
test_meaningful_edges (void)
{
  g_autofree char *path = journal_test_path ();
  UnknotJournal *journal = journal_test_open (path, NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ranking = NULL;
  struct {
    const char *technique;
    int         before;
    int         after;
    gboolean    meaningful;
  } cases[] = {
    { "t01-two-points",     10, 8, TRUE },   /* 2 points, 20 % */
    { "t02-one-point",      10, 9, FALSE },  /* 1 point, 10 % */
    { "t03-thirty-percent", 10, 7, TRUE },   /* 3 points, exactly 30 % */
    { "t04-thirty-three",    3, 2, TRUE },   /* 1 point, 33 % */
    { "t05-twenty-five",     4, 3, FALSE },  /* 1 point, 25 % */
    { "t06-twenty-nine",     7, 5, TRUE },   /* 2 points, 29 % */
    { "t07-all-of-one",      1, 0, TRUE },   /* 1 point, 100 % */
    { "t08-nothing",         0, 0, FALSE },  /* no change, of no pain */
    { "t09-worse",           5, 7, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *when = g_strdup_printf ("2026-03-01T%02u:00:00", i + 8);

      add (journal, when, cases[i].before, cases[i].after, cases[i].technique, NULL, "spine", NULL);
    }

  ranking = unknot_journal_stats_relief (journal, UNKNOT_JOURNAL_STATS_BY_TECHNIQUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->len, ==, G_N_ELEMENTS (cases));
  for (guint i = 0; i < ranking->len; i++)
    {
      UnknotJournalStatsRelief *r = &g_array_index (ranking, UnknotJournalStatsRelief, i);
      gboolean found = FALSE;

      g_assert_true (r->too_few);
      g_assert_cmpuint (r->n_sessions, ==, 1);
      for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
        {
          if (!g_str_equal (cases[k].technique, r->id))
            continue;
          found = TRUE;
          g_test_message ("%s: %d → %d, meaningful %u", r->id, cases[k].before, cases[k].after, r->n_meaningful);
          g_assert_cmpuint (r->n_meaningful, ==, cases[k].meaningful ? 1 : 0);
          g_assert_cmpfloat (r->meaningful_share, ==, cases[k].meaningful ? 1.0 : 0.0);
          g_assert_cmpfloat (r->average_change, ==, cases[k].after - cases[k].before);
        }
      g_assert_true (found);

      /* Ranked: each brought at least as much relief as the next. */
      if (i > 0)
        g_assert_cmpfloat (g_array_index (ranking, UnknotJournalStatsRelief, i - 1).average_change, <=, r->average_change);
    }
  /* Entries without a tool are left out of the tools' ranking. */
  g_clear_pointer (&ranking, g_array_unref);
  ranking = unknot_journal_stats_relief (journal, UNKNOT_JOURNAL_STATS_BY_TOOL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->len, ==, 0);

  journal_test_close (journal);
}

/* Too few sessions: 2 is too few, 3 is enough. */
static void
test_too_few (void)
{
  g_autofree char *path = journal_test_path ();
  UnknotJournal *journal = journal_test_open (path, NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ranking = NULL;
  UnknotJournalStatsRelief *r;

  add (journal, "2026-03-01T08:00:00", 6, 3, A, NULL, "spine", NULL);
  add (journal, "2026-03-01T09:00:00", 6, 3, A, NULL, "spine", NULL);
  add (journal, "2026-03-01T10:00:00", 6, 3, A, NULL, "spine", NULL);
  add (journal, "2026-03-01T11:00:00", 6, 5, B, NULL, "spine", NULL);
  add (journal, "2026-03-01T12:00:00", 6, 5, B, NULL, "spine", NULL);
  add (journal, "2026-03-01T13:00:00", 6, UNSET, B, NULL, "spine", NULL);

  ranking = unknot_journal_stats_relief (journal, UNKNOT_JOURNAL_STATS_BY_TECHNIQUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->len, ==, 2);
  r = &g_array_index (ranking, UnknotJournalStatsRelief, 0);
  g_assert_cmpstr (r->id, ==, A);
  g_assert_cmpuint (r->n_sessions, ==, 3);
  g_assert_false (r->too_few);
  r = &g_array_index (ranking, UnknotJournalStatsRelief, 1);
  g_assert_cmpstr (r->id, ==, B);
  g_assert_cmpuint (r->n_sessions, ==, 2);
  g_assert_true (r->too_few);

  journal_test_close (journal);
}

static void
test_narrowing (void)
{
  UnknotJournal *journal = open_small_journal ();
  g_autoptr(UnknotJournalFilter) filter = unknot_journal_filter_new ();
  g_autoptr(UnknotJournalFilter) second = range_filter ("2026-03-02T00:00:00", "2026-03-03T00:00:00");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ranking = NULL;

  /* A region without its side is both sides. */
  unknot_journal_filter_set_region (filter, "gluteals");
  ranking = unknot_journal_stats_relief (journal, UNKNOT_JOURNAL_STATS_BY_TECHNIQUE, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->len, ==, 1);
  assert_relief (ranking, 0, A, 2, -1.5, 1);
  g_clear_pointer (&ranking, g_array_unref);

  unknot_journal_filter_set_region (filter, "upper-trapezius-left");
  ranking = unknot_journal_stats_relief (journal, UNKNOT_JOURNAL_STATS_BY_TECHNIQUE, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->len, ==, 2);
  assert_relief (ranking, 0, B, 1, -1.0, 0);
  assert_relief (ranking, 1, C, 1, 2.0, 0);
  g_clear_pointer (&ranking, g_array_unref);

  /* A range of one local day: 00:10 on 2 March is in it, 23:50 on 1 March is not. */
  ranking = unknot_journal_stats_relief (journal, UNKNOT_JOURNAL_STATS_BY_TECHNIQUE, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->len, ==, 2);
  assert_relief (ranking, 0, A, 1, -1.0, 0);
  assert_relief (ranking, 1, B, 1, -1.0, 1);
  g_clear_pointer (&ranking, g_array_unref);

  /* A region and a range together. */
  unknot_journal_filter_set_region (filter, "erector-spinae-lumbar");
  unknot_journal_filter_set_range (filter, unknot_journal_filter_get_since (second),
                                   unknot_journal_filter_get_until (second));
  ranking = unknot_journal_stats_relief (journal, UNKNOT_JOURNAL_STATS_BY_TOOL, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->len, ==, 1);
  assert_relief (ranking, 0, "massage-stick", 1, -1.0, 1);

  journal_test_close (journal);
}

static void
test_regions (void)
{
  UnknotJournal *journal = open_small_journal ();
  g_autoptr(UnknotJournalFilter) fifth = range_filter ("2026-03-05T00:00:00", "2026-03-06T00:00:00");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) regions = NULL;

  regions = unknot_journal_stats_regions (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, ==, 6);
  assert_region (regions, 0, "erector-spinae-lumbar-left", 5.0, 2);
  assert_region (regions, 1, "gluteals-left", 7.0, 2);
  assert_region (regions, 2, "gluteals-right", 4.0, 1);
  assert_region (regions, 3, "spine", 6.0, 1);
  assert_region (regions, 4, "upper-trapezius-left", 5.5, 2);
  assert_region (regions, 5, "upper-trapezius-right", 0.0, 1);
  g_clear_pointer (&regions, g_array_unref);

  regions = unknot_journal_stats_regions (journal, fifth, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, ==, 3);
  assert_region (regions, 0, "erector-spinae-lumbar-left", 7.0, 1);
  assert_region (regions, 1, "upper-trapezius-left", 5.5, 2);
  assert_region (regions, 2, "upper-trapezius-right", 0.0, 1);

  journal_test_close (journal);
}

static void
test_ranges (void)
{
  g_autoptr(GDateTime) now = local_time ("2026-03-05T20:00:00");
  struct {
    UnknotJournalStatsRange range;
    const char *since;
  } cases[] = {
    { UNKNOT_JOURNAL_STATS_RANGE_TWO_WEEKS, "2026-02-20T00:00:00+05:30" },
    { UNKNOT_JOURNAL_STATS_RANGE_THREE_MONTHS, "2025-12-06T00:00:00+05:30" },
    { UNKNOT_JOURNAL_STATS_RANGE_YEAR, "2025-03-06T00:00:00+05:30" },
  };
  GDateTime *since = NULL;
  GDateTime *until = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = NULL;
      g_autofree char *u = NULL;

      unknot_journal_stats_range_get_bounds (cases[i].range, now, &since, &until);
      s = g_date_time_format_iso8601 (since);
      u = g_date_time_format_iso8601 (until);
      g_assert_cmpstr (s, ==, cases[i].since);
      g_assert_cmpstr (u, ==, "2026-03-06T00:00:00+05:30");
      g_clear_pointer (&since, g_date_time_unref);
      g_clear_pointer (&until, g_date_time_unref);
    }

  unknot_journal_stats_range_get_bounds (UNKNOT_JOURNAL_STATS_RANGE_ALL, now, &since, &until);
  g_assert_null (since);
  g_assert_null (until);
}

static void
test_summary (void)
{
  UnknotJournal *journal = open_small_journal ();
  g_autoptr(GDateTime) now = local_time ("2026-03-05T20:00:00");
  g_autoptr(GDateTime) later = local_time ("2027-06-01T20:00:00");
  g_autoptr(GError) error = NULL;
  g_autofree char *two_weeks = NULL;
  g_autofree char *year = NULL;
  g_autofree char *all = NULL;
  g_autofree char *one = NULL;
  g_autofree char *no_after = NULL;
  UnknotJournalStatsTotals totals;

  /* 39 / 8 before; 26 / 7 after. */
  two_weeks = unknot_journal_stats_summary (journal, UNKNOT_JOURNAL_STATS_RANGE_TWO_WEEKS, now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (two_weeks, ==, "Over the last 2 weeks your pain before a session averaged 4.9, and 3.7 after it; 8 sessions.");

  year = unknot_journal_stats_summary (journal, UNKNOT_JOURNAL_STATS_RANGE_YEAR, later, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (year, ==, "Over the last year you logged no sessions.");

  all = unknot_journal_stats_summary (journal, UNKNOT_JOURNAL_STATS_RANGE_ALL, later, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (all, "Since you started your journal your pain before"));

  g_assert_true (unknot_journal_stats_totals (journal, NULL, &totals, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (totals.n_entries, ==, 8);
  g_assert_cmpuint (totals.n_after, ==, 7);
  g_assert_cmpfloat_with_epsilon (totals.pain_before, 39.0 / 8, 1e-9);
  g_assert_cmpfloat_with_epsilon (totals.pain_after, 26.0 / 7, 1e-9);
  g_assert_cmpint (totals.worst_before, ==, 9);

  /* One session, and none that noted the pain after. */
  totals = (UnknotJournalStatsTotals) { 1, 1, 6.0, 3.0, 6 };
  one = unknot_journal_stats_describe (UNKNOT_JOURNAL_STATS_RANGE_THREE_MONTHS, &totals);
  g_assert_cmpstr (one, ==, "Over the last 3 months your pain before a session averaged 6.0, and 3.0 after it; 1 session.");
  totals = (UnknotJournalStatsTotals) { 2, 0, 6.5, NAN, 7 };
  no_after = unknot_journal_stats_describe (UNKNOT_JOURNAL_STATS_RANGE_TWO_WEEKS, &totals);
  g_assert_cmpstr (no_after, ==, "Over the last 2 weeks your pain before a session averaged 6.5; 2 sessions, with no pain noted after them.");

  journal_test_close (journal);
}

/* Every entry on one day, and a journal with no entries at all. */
static void
test_one_day_and_empty (void)
{
  g_autofree char *path = journal_test_path ();
  UnknotJournal *journal = journal_test_open (path, NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) ranking = NULL;
  g_autoptr(GArray) regions = NULL;
  UnknotJournalStatsTotals totals;

  days = unknot_journal_stats_days (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 0);
  ranking = unknot_journal_stats_relief (journal, UNKNOT_JOURNAL_STATS_BY_TOOL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->len, ==, 0);
  regions = unknot_journal_stats_regions (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, ==, 0);
  g_assert_true (unknot_journal_stats_totals (journal, NULL, &totals, &error));
  g_assert_cmpuint (totals.n_entries, ==, 0);
  g_assert_true (isnan (totals.pain_before));
  g_assert_cmpint (totals.worst_before, ==, -1);
  g_clear_pointer (&days, g_array_unref);

  add (journal, "2026-03-01T00:00:00", 5, UNSET, A, "hands", "spine", NULL);
  add (journal, "2026-03-01T12:00:00", 6, 2, A, "hands", "spine", NULL);
  add (journal, "2026-03-01T23:59:59", 10, 9, A, "hands", "spine", NULL);
  days = unknot_journal_stats_days (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  assert_day (days, 0, 20260301, 7.0, 5.5, 3, 2);

  journal_test_close (journal);
}

/* ------------------------------------------------------------------------------------
 * 100,000 entries
 */

#define N_GENERATED 100000

static void
time_query (const char *name,
            GTimer     *timer)
{
  g_test_message ("%s over %u entries: %.1f ms", name, N_GENERATED, g_timer_elapsed (timer, NULL) * 1000);
}

/* The query reads @index alone: every column it needs is in it. */
static void
assert_plan_covered (sqlite3                   *db,
                     UnknotJournalStatsSql      which,
                     const UnknotJournalFilter *filter,
                     const char                *index)
{
  g_autofree char *sql = unknot_journal_stats_get_sql (which, filter);
  g_autofree char *plan = journal_test_sql_plan (db, sql);
  g_autofree char *expected = g_strdup_printf ("USING COVERING INDEX %s ", index);
  g_autofree char *expected_end = g_strdup_printf ("USING COVERING INDEX %s\n", index);

  g_test_message ("Plan of %s:\n%s", sql, plan);
  g_assert_true (strstr (plan, expected) != NULL || strstr (plan, expected_end) != NULL);
  g_assert_null (strstr (plan, "USING INTEGER PRIMARY KEY"));
  g_assert_null (strstr (plan, "SCAN e\n"));
}

static void
assert_plan_uses_index (sqlite3                   *db,
                        UnknotJournalStatsSql      which,
                        const UnknotJournalFilter *filter,
                        const char                *name)
{
  g_autofree char *sql = unknot_journal_stats_get_sql (which, filter);
  g_autofree char *plan = journal_test_sql_plan (db, sql);

  g_test_message ("Plan of %s:\n%s", name, plan);
  g_assert_true (strstr (plan, "USING INDEX") != NULL ||
                 strstr (plan, "USING COVERING INDEX") != NULL ||
                 strstr (plan, "USING INTEGER PRIMARY KEY") != NULL ||
                 strstr (plan, "USING PRIMARY KEY") != NULL);
  /* No step reads a whole table without an index. */
  g_assert_null (strstr (plan, "SCAN e\n"));
  g_assert_null (strstr (plan, "SCAN entries\n"));
}

/* The pain per region for the entries of a region (and a range), as a join of the
 * regions with their entries counts it: the same as the statistic, which reads the
 * regions' copies of the entries' pain and time. */
static void
assert_regions_as_joined (const char                *path,
                          const UnknotJournalFilter *filter,
                          GArray                    *regions)
{
  sqlite3 *db = journal_test_sql_open (path);
  const char *region = unknot_journal_filter_get_region (filter);
  GDateTime *since = unknot_journal_filter_get_since (filter);
  GDateTime *until = unknot_journal_filter_get_until (filter);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  guint i = 0;

  g_string_append_printf (sql,
                          "SELECT r.region, avg (e.pain_before), count(*)"
                          " FROM entry_regions AS r JOIN entries AS e ON e.id = r.entry"
                          " WHERE e.id IN (SELECT entry FROM entry_regions"
                          " WHERE region IN ('%s', '%s-left', '%s-right'))",
                          region, region, region);
  if (since != NULL)
    g_string_append_printf (sql, " AND e.when_us >= %" G_GINT64_FORMAT, g_date_time_to_unix_usec (since));
  if (until != NULL)
    g_string_append_printf (sql, " AND e.when_us < %" G_GINT64_FORMAT, g_date_time_to_unix_usec (until));
  g_string_append (sql, " GROUP BY r.region ORDER BY r.region");

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      UnknotJournalStatsRegion *row;

      g_assert_cmpuint (i, <, regions->len);
      row = &g_array_index (regions, UnknotJournalStatsRegion, i++);
      g_assert_cmpstr (row->region, ==, (const char *) sqlite3_column_text (stmt, 0));
      g_assert_cmpfloat (row->pain_before, ==, sqlite3_column_double (stmt, 1));
      g_assert_cmpuint (row->n_entries, ==, (guint) sqlite3_column_int (stmt, 2));
    }
  g_assert_cmpuint (i, ==, regions->len);
  g_assert_cmpuint (i, >, 1);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_long (void)
{
  g_autofree char *path = journal_test_path ();
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(UnknotJournalFilter) week = unknot_journal_filter_new ();
  g_autoptr(UnknotJournalFilter) region_week = NULL;
  g_autoptr(GDateTime) since = g_date_time_new_from_unix_utc_usec (JOURNAL_TEST_START_US + 20000 * JOURNAL_TEST_STEP_US);
  g_autoptr(GDateTime) until = g_date_time_add_weeks (since, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) ranking = NULL;
  g_autoptr(GArray) regions = NULL;
  g_autofree char *summary = NULL;
  UnknotJournalStatsTotals totals;
  UnknotJournal *journal;
  sqlite3 *db;
  guint sessions = 0;

  journal_test_generate (path, N_GENERATED);
  g_test_message ("Generated %u entries in %.0f ms", N_GENERATED, g_timer_elapsed (timer, NULL) * 1000);
  journal = journal_test_open (path, NULL, FALSE);
  unknot_journal_filter_set_range (week, since, until);
  region_week = unknot_journal_filter_copy (week);
  unknot_journal_filter_set_region (region_week, "gluteals");

  /* A minute apart from 1 January 2025, 10:00 UTC (15:30 here) to 12 March, 02:09
   * here: 71 local days, and a gap in none. */
  g_timer_start (timer);
  days = unknot_journal_stats_days (journal, NULL, &error);
  time_query ("Days, everything", timer);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 71);
  for (guint i = 0; i < days->len; i++)
    sessions += g_array_index (days, UnknotJournalStatsDay, i).n_entries;
  g_assert_cmpuint (sessions, ==, N_GENERATED);
  g_clear_pointer (&days, g_array_unref);

  g_timer_start (timer);
  days = unknot_journal_stats_days (journal, week, &error);
  time_query ("Days, a week", timer);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 8);

  /* Entry i has technique i % 7 and tool i % 5; two in three have an after. */
  g_timer_start (timer);
  ranking = unknot_journal_stats_relief (journal, UNKNOT_JOURNAL_STATS_BY_TECHNIQUE, NULL, &error);
  time_query ("Relief by technique, everything", timer);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->len, ==, 7);
  sessions = 0;
  for (guint i = 0; i < ranking->len; i++)
    sessions += g_array_index (ranking, UnknotJournalStatsRelief, i).n_sessions;
  g_assert_cmpuint (sessions, ==, N_GENERATED - (N_GENERATED + 2) / 3);
  g_clear_pointer (&ranking, g_array_unref);

  g_timer_start (timer);
  ranking = unknot_journal_stats_relief (journal, UNKNOT_JOURNAL_STATS_BY_TOOL, NULL, &error);
  time_query ("Relief by tool, everything", timer);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->len, ==, 5);
  g_clear_pointer (&ranking, g_array_unref);

  g_timer_start (timer);
  ranking = unknot_journal_stats_relief (journal, UNKNOT_JOURNAL_STATS_BY_TECHNIQUE, region_week, &error);
  time_query ("Relief by technique, a region over a week", timer);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->len, ==, 7);
  g_clear_pointer (&ranking, g_array_unref);

  g_timer_start (timer);
  regions = unknot_journal_stats_regions (journal, NULL, &error);
  time_query ("Regions, everything", timer);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, ==, 10);
  g_clear_pointer (&regions, g_array_unref);

  g_timer_start (timer);
  regions = unknot_journal_stats_regions (journal, week, &error);
  time_query ("Regions, a week", timer);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, ==, 10);
  g_clear_pointer (&regions, g_array_unref);

  /* Narrowed to a region: every region of its entries. */
  g_timer_start (timer);
  regions = unknot_journal_stats_regions (journal, region_week, &error);
  time_query ("Regions, a region over a week", timer);
  g_assert_no_error (error);
  assert_regions_as_joined (path, region_week, regions);
  g_clear_pointer (&regions, g_array_unref);
  {
    g_autoptr(UnknotJournalFilter) region = unknot_journal_filter_new ();

    unknot_journal_filter_set_region (region, "gluteals");
    g_timer_start (timer);
    regions = unknot_journal_stats_regions (journal, region, &error);
    time_query ("Regions, a region", timer);
    g_assert_no_error (error);
    assert_regions_as_joined (path, region, regions);
  }

  g_timer_start (timer);
  g_assert_true (unknot_journal_stats_totals (journal, NULL, &totals, &error));
  time_query ("Totals, everything", timer);
  g_assert_no_error (error);
  g_assert_cmpuint (totals.n_entries, ==, N_GENERATED);

  g_timer_start (timer);
  summary = unknot_journal_stats_summary (journal, UNKNOT_JOURNAL_STATS_RANGE_TWO_WEEKS, until, &error);
  time_query ("Summary, 2 weeks", timer);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (summary, " sessions."));

  /* The ranged and narrowed queries start from an index. */
  db = journal_test_sql_open (path);
  assert_plan_uses_index (db, UNKNOT_JOURNAL_STATS_SQL_DAYS, week, "days over a week");
  assert_plan_uses_index (db, UNKNOT_JOURNAL_STATS_SQL_TECHNIQUES, week, "techniques over a week");
  assert_plan_uses_index (db, UNKNOT_JOURNAL_STATS_SQL_TECHNIQUES, region_week, "techniques for a region over a week");
  assert_plan_uses_index (db, UNKNOT_JOURNAL_STATS_SQL_TOOLS, week, "tools over a week");
  assert_plan_uses_index (db, UNKNOT_JOURNAL_STATS_SQL_TOOLS, NULL, "tools");
  assert_plan_uses_index (db, UNKNOT_JOURNAL_STATS_SQL_TECHNIQUES, NULL, "techniques");
  assert_plan_uses_index (db, UNKNOT_JOURNAL_STATS_SQL_REGIONS, NULL, "regions");
  assert_plan_uses_index (db, UNKNOT_JOURNAL_STATS_SQL_REGIONS, week, "regions over a week");
  assert_plan_uses_index (db, UNKNOT_JOURNAL_STATS_SQL_TOTALS, week, "totals over a week");
  /* Schema version 3: the whole-journal and ranged statistics read one covering
   * index each, never the table. */
  assert_plan_covered (db, UNKNOT_JOURNAL_STATS_SQL_DAYS, NULL, "entries_when_pain");
  assert_plan_covered (db, UNKNOT_JOURNAL_STATS_SQL_DAYS, week, "entries_when_pain");
  assert_plan_covered (db, UNKNOT_JOURNAL_STATS_SQL_TECHNIQUES, NULL, "entries_technique");
  assert_plan_covered (db, UNKNOT_JOURNAL_STATS_SQL_TECHNIQUES, week, "entries_technique");
  assert_plan_covered (db, UNKNOT_JOURNAL_STATS_SQL_TOOLS, NULL, "entries_tool");
  assert_plan_covered (db, UNKNOT_JOURNAL_STATS_SQL_TOOLS, week, "entries_tool");
  assert_plan_covered (db, UNKNOT_JOURNAL_STATS_SQL_REGIONS, NULL, "entry_regions_stats");
  assert_plan_covered (db, UNKNOT_JOURNAL_STATS_SQL_REGIONS, week, "entry_regions_stats");
  /* Narrowed to a region, the regions' index and table alone, not the entries'. */
  assert_plan_covered (db, UNKNOT_JOURNAL_STATS_SQL_REGIONS, region_week, "entry_regions_stats");
  assert_plan_covered (db, UNKNOT_JOURNAL_STATS_SQL_TOTALS, NULL, "entries_when_pain");
  assert_plan_covered (db, UNKNOT_JOURNAL_STATS_SQL_TOTALS, week, "entries_when_pain");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  journal_test_close (journal);
}

static void
test_describe_relief (void)
{
  UnknotJournalStatsRelief helped = { (char *) "roll-glutes", 6, -2.5, 4, 4.0 / 6, FALSE };
  UnknotJournalStatsRelief worse = { (char *) "x", 3, 1.0, 0, 0, FALSE };
  UnknotJournalStatsRelief flat = { (char *) "x", 4, 0.0, 0, 0, FALSE };
  UnknotJournalStatsRelief few = { (char *) "x", 2, -3.0, 2, 1, TRUE };
  g_autofree char *a = unknot_journal_stats_describe_relief (&helped);
  g_autofree char *b = unknot_journal_stats_describe_relief (&worse);
  g_autofree char *c = unknot_journal_stats_describe_relief (&flat);
  g_autofree char *d = unknot_journal_stats_describe_relief (&few);
  g_autofree char *e = unknot_journal_stats_describe_meaningful (&helped);

  g_assert_cmpstr (a, ==, "Pain down 2.5 on average over 6 sessions");
  g_assert_cmpstr (b, ==, "Pain up 1.0 on average over 3 sessions");
  g_assert_cmpstr (c, ==, "No change in pain on average over 4 sessions");
  /* Too few sessions never show a number that looks like a finding. */
  g_assert_cmpstr (d, ==, "Too few sessions to tell yet: 2 so far");
  g_assert_cmpstr (e, ==, "4 of 6 sessions brought a clear drop (2 points or 30 %)");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", ZONE, TRUE);
  tzset ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journal-stats/days", test_days);
  g_test_add_func ("/journal-stats/relief", test_relief);
  g_test_add_func ("/journal-stats/meaningful-edges", test_meaningful_edges);
  g_test_add_func ("/journal-stats/too-few", test_too_few);
  g_test_add_func ("/journal-stats/narrowing", test_narrowing);
  g_test_add_func ("/journal-stats/regions", test_regions);
  g_test_add_func ("/journal-stats/ranges", test_ranges);
  g_test_add_func ("/journal-stats/summary", test_summary);
  g_test_add_func ("/journal-stats/describe-relief", test_describe_relief);
  g_test_add_func ("/journal-stats/one-day-and-empty", test_one_day_and_empty);
  g_test_add_func ("/journal-stats/long", test_long);

  return g_test_run ();
}
