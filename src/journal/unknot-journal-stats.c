/* unknot-journal-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the journal says over time: the pain before and after, day by day; the relief
 * each technique and each tool brought; the pain on each region of the body map; and
 * the same in words. Every number is an SQL aggregate (GROUP BY) over the journal's
 * read connection, on the thread that asks, like unknot_journal_query (); no entry is
 * ever made into an object for it. A UnknotJournalFilter narrows any of them (a region,
 * a range of dates, a tool or a technique), as it narrows a list.
 *
 * Results are plain structs in a GArray that the caller owns (g_array_unref ()); the
 * strings inside are the array's and go with it.
 */

#define G_LOG_DOMAIN "unknot-journal-stats"

#include "config.h"

#include <math.h>
#include <time.h>

#include <glib/gi18n.h>

#include "unknot-journal-private.h"
#include "unknot-journal-stats.h"

/* A meaningful change in pain on the 0–10 numeric rating scale: a drop of 2 points or
 * more, or of 30 % or more of the pain before. These are the IMMPACT recommendations:
 * Dworkin RH, Turk DC, Wyrwich KW et al., "Interpreting the clinical importance of
 * treatment outcomes in chronic pain clinical trials: IMMPACT recommendations", J Pain
 * 2008;9(2):105–121; from Farrar JT, Young JP Jr, LaMoreaux L et al., "Clinical
 * importance of changes in chronic pain intensity measured on an 11-point numerical
 * pain rating scale", Pain 2001;94(2):149–158. Pain is a whole number, so the 30 % is
 * compared exactly, as 10 × drop ≥ 3 × before; no drop at all is never meaningful. */
#define MEANINGFUL_POINTS 2
#define MEANINGFUL_PERCENT 30

/* As a condition (a FILTER on count), so that SQLite stops at its first false part:
 * as a value summed, it would work out every part of every row. */
#define MEANINGFUL_SQL \
  "(e.pain_after < e.pain_before AND" \
  " (e.pain_before - e.pain_after >= " G_STRINGIFY (MEANINGFUL_POINTS) " OR" \
  "  100 * (e.pain_before - e.pain_after) >= " G_STRINGIFY (MEANINGFUL_PERCENT) " * e.pain_before))"

/* Days are counted where the person is. Every UTC offset in use is a whole number of
 * quarter hours, so a quarter hour of UTC lies within one local day: each entry's
 * quarter hour is read from the covering index of the time and the pain, and only when
 * it differs from the one before is it turned into a local day (localtime_r (), the C
 * library's zone, which is SQLite's 'localtime' and GLib's too). Summing the days in C
 * rather than grouping twice in SQL spares two temporary B-trees and a date per
 * quarter hour; turning each of 100,000 entries into a local date took several times
 * longer still. */
#define QUARTER_US "900000000"
#define QUARTER_S 900

static const char *
days_sql_head (void)
{
  return
    "SELECT e.when_us / " QUARTER_US " AS quarter, e.pain_before, e.pain_after"
    " FROM entries AS e WHERE 1";
}

/* Whether the filter narrows by time and region alone (or not at all). */
static gboolean
is_region_and_range_only (const UnknotJournalFilter *filter)
{
  return filter == NULL ||
         (unknot_journal_filter_get_tool (filter) == NULL &&
          unknot_journal_filter_get_technique (filter) == NULL &&
          unknot_journal_filter_get_text (filter) == NULL &&
          !unknot_journal_filter_get_red_flagged (filter));
}

/* Whether the filter narrows by time alone (or not at all). */
static gboolean
is_range_only (const UnknotJournalFilter *filter)
{
  return is_region_and_range_only (filter) &&
         (filter == NULL || unknot_journal_filter_get_region (filter) == NULL);
}

/* The range's conditions on @column, with the filter's parameters. */
static void
append_range (GString                   *sql,
              const UnknotJournalFilter *filter,
              const char                *column)
{
  if (filter != NULL && unknot_journal_filter_get_since (filter) != NULL)
    g_string_append_printf (sql, " AND %s >= :f_since", column);
  if (filter != NULL && unknot_journal_filter_get_until (filter) != NULL)
    g_string_append_printf (sql, " AND %s < :f_until", column);
}

/* The SQL of each statistic, with the filter's conditions and parameters. */
char *
unknot_journal_stats_get_sql (UnknotJournalStatsSql      which,
                              const UnknotJournalFilter *filter)
{
  GString *sql = g_string_new (NULL);

  switch (which)
    {
    case UNKNOT_JOURNAL_STATS_SQL_DAYS:
      g_string_append (sql, days_sql_head ());
      unknot_journal_filter_append_sql (filter, TRUE, sql);
      break;

    case UNKNOT_JOURNAL_STATS_SQL_TECHNIQUES:
    case UNKNOT_JOURNAL_STATS_SQL_TOOLS:
      {
        const char *column = which == UNKNOT_JOURNAL_STATS_SQL_TOOLS ? "e.tool" : "e.technique";
        /* The covering index of the tool or technique (schema version 3) holds every
         * column these read. Over a range of time, SQLite would rather take the index
         * on the time, which is not covering and reads the table as well: three to
         * four times slower over the same rows. With a region, its list of entries
         * is quicker to start from. */
        const char *indexed = filter != NULL && unknot_journal_filter_get_region (filter) != NULL ? ""
                              : which == UNKNOT_JOURNAL_STATS_SQL_TOOLS ? " INDEXED BY entries_tool"
                              : " INDEXED BY entries_technique";

        g_string_append_printf (sql,
                                "SELECT %s AS what, count(*) AS n,"
                                " avg (e.pain_after - e.pain_before) AS change,"
                                " count(*) FILTER (WHERE " MEANINGFUL_SQL ")"
                                " FROM entries AS e%s"
                                " WHERE %s IS NOT NULL AND e.pain_after IS NOT NULL",
                                column, indexed, column);
        unknot_journal_filter_append_sql (filter, TRUE, sql);
        /* Most relief first; of two as helpful, the one tried more often. */
        g_string_append (sql, " GROUP BY what ORDER BY change ASC, n DESC, what ASC");
      }
      break;

    case UNKNOT_JOURNAL_STATS_SQL_REGIONS:
      /* Each region's row keeps a copy of its entry's time and pain before (schema
       * version 3), so that over a range of time, or everything, the regions' own
       * index holds all there is to count, without one look-up per row. */
      if (is_range_only (filter))
        {
          g_string_append (sql,
                           "SELECT r.region, avg (r.pain_before), count(*)"
                           " FROM entry_regions AS r WHERE 1");
          append_range (sql, filter, "r.when_us");
          g_string_append (sql, " GROUP BY r.region ORDER BY r.region");
          break;
        }
      /* Narrowed to a region (and a range), as the region page asks: the entries
       * come from that region's rows of the same index, and every region of each
       * from the regions' own table, with its copy of the pain; the entries' table
       * is not read. */
      if (is_region_and_range_only (filter))
        {
          g_string_append (sql,
                           "SELECT r.region, avg (r.pain_before), count(*)"
                           " FROM entry_regions AS r WHERE r.entry IN"
                           " (SELECT g.entry FROM entry_regions AS g INDEXED BY entry_regions_stats"
                           " WHERE g.region IN (:f_region, :f_region || '-left', :f_region || '-right')");
          append_range (sql, filter, "g.when_us");
          g_string_append (sql, ") GROUP BY r.region ORDER BY r.region");
          break;
        }
      g_string_append (sql,
                       "SELECT r.region, avg (e.pain_before), count(*)"
                       " FROM entry_regions AS r JOIN entries AS e ON e.id = r.entry"
                       " WHERE 1");
      unknot_journal_filter_append_sql (filter, TRUE, sql);
      g_string_append (sql, " GROUP BY r.region ORDER BY r.region");
      break;

    case UNKNOT_JOURNAL_STATS_SQL_TOTALS:
      g_string_append (sql,
                       "SELECT count(*), count (e.pain_after), avg (e.pain_before),"
                       " avg (e.pain_after), max (e.pain_before)"
                       " FROM entries AS e WHERE 1");
      unknot_journal_filter_append_sql (filter, TRUE, sql);
      break;

    default:
      g_assert_not_reached ();
    }

  return g_string_free (sql, FALSE);
}

/* Prepares @which on the journal's read connection, with the filter bound; %NULL with
 * @error set when SQLite refuses, or %NULL alone when the journal is not open (then
 * there is nothing to count). */
static sqlite3_stmt *
prepare (UnknotJournal              *journal,
         UnknotJournalStatsSql       which,
         const UnknotJournalFilter  *filter,
         GError                    **error)
{
  sqlite3 *db = unknot_journal_get_read_db (journal);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (db == NULL)
    return NULL;

  sql = unknot_journal_stats_get_sql (which, filter);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = unknot_journal_filter_bind (filter, stmt);
  if (rc != SQLITE_OK)
    {
      g_debug ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (db));
      unknot_journal_db_set_error (error, db, rc, UNKNOT_JOURNAL_ACTION_READ, NULL);
      return NULL;
    }
  return g_steal_pointer (&stmt);
}

static gboolean
check_done (sqlite3_stmt  *stmt,
            int            rc,
            GError       **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  unknot_journal_db_set_error (error, sqlite3_db_handle (stmt), rc, UNKNOT_JOURNAL_ACTION_READ, NULL);
  return FALSE;
}

static double
column_average (sqlite3_stmt *stmt,
                int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, column);
}

static void
clear_relief (gpointer data)
{
  UnknotJournalStatsRelief *relief = data;

  g_clear_pointer (&relief->id, g_free);
}

static void
clear_region (gpointer data)
{
  UnknotJournalStatsRegion *region = data;

  g_clear_pointer (&region->region, g_free);
}

static GDateTime *
start_of_day (GDateTime *when)
{
  int year, month, day;

  g_date_time_get_ymd (when, &year, &month, &day);
  return g_date_time_new (g_date_time_get_timezone (when), year, month, day, 0, 0, 0);
}

/**
 * unknot_journal_stats_range_get_bounds:
 * @now: (nullable): the moment that is "today"; %NULL for now
 * @since: (out) (transfer full) (nullable): the first moment of the range, local midnight
 * @until: (out) (transfer full) (nullable): the end of today, local midnight
 *
 * The range of whole local days that @range means: the 14 days up to today, three
 * months or a year up to today, or (for everything) no bounds at all, %NULL both.
 */
void
unknot_journal_stats_range_get_bounds (UnknotJournalStatsRange   range,
                                       GDateTime                *now,
                                       GDateTime               **since,
                                       GDateTime               **until)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) back = NULL;

  g_return_if_fail (since != NULL && until != NULL);

  *since = *until = NULL;
  if (range == UNKNOT_JOURNAL_STATS_RANGE_ALL)
    return;

  local = now ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  today = start_of_day (local);

  switch (range)
    {
    case UNKNOT_JOURNAL_STATS_RANGE_TWO_WEEKS:
      back = g_date_time_add_days (today, -13);
      break;

    case UNKNOT_JOURNAL_STATS_RANGE_THREE_MONTHS:
      back = g_date_time_add_months (today, -3);
      break;

    case UNKNOT_JOURNAL_STATS_RANGE_YEAR:
      back = g_date_time_add_years (today, -1);
      break;

    case UNKNOT_JOURNAL_STATS_RANGE_ALL:
    default:
      g_assert_not_reached ();
    }

  /* Calendar arithmetic keeps the hour, which a change of summer time would move. */
  *since = start_of_day (back);
  if (range != UNKNOT_JOURNAL_STATS_RANGE_TWO_WEEKS)
    {
      g_autoptr(GDateTime) next = g_date_time_add_days (*since, 1);

      g_date_time_unref (*since);
      *since = start_of_day (next);
    }
  {
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);

    *until = start_of_day (tomorrow);
  }
}

/**
 * unknot_journal_stats_range_filter:
 *
 * Returns: (transfer full): a filter for the range's days
 */
UnknotJournalFilter *
unknot_journal_stats_range_filter (UnknotJournalStatsRange  range,
                                   GDateTime               *now)
{
  UnknotJournalFilter *filter = unknot_journal_filter_new ();
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;

  unknot_journal_stats_range_get_bounds (range, now, &since, &until);
  unknot_journal_filter_set_range (filter, since, until);
  return filter;
}

/* One local day's sums while the days are counted. */
typedef struct
{
  int day;
  gint64 n;
  gint64 before_sum;
  gint64 n_after;
  gint64 after_sum;
} DaySums;

/* The local day, as YYYYMMDD, that a quarter hour of UTC lies in; what SQLite's
 * strftime ('%Y%m%d', quarter * 900, 'unixepoch', 'localtime') gives. */
static int
local_day_of_quarter (sqlite3_int64 quarter)
{
  time_t when = (time_t) (quarter * QUARTER_S);
  struct tm local;

  if (localtime_r (&when, &local) == NULL)
    return 0;
  return (local.tm_year + 1900) * 10000 + (local.tm_mon + 1) * 100 + local.tm_mday;
}

/* Where @day is in @sums_by_day (ordered by day), or where it would go. */
static guint
find_day (GArray *sums_by_day,
          int     day)
{
  guint low = 0;
  guint high = sums_by_day->len;

  /* Most often the day is the last one, or a new one after it. */
  if (high > 0 && g_array_index (sums_by_day, DaySums, high - 1).day < day)
    return high;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (sums_by_day, DaySums, middle).day < day)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/**
 * unknot_journal_stats_days:
 * @filter: (nullable): which entries count; %NULL for all
 *
 * The pain before and after, one element per local calendar day that has entries,
 * oldest first. A day without entries is not there: a gap, never a zero.
 *
 * Returns: (transfer full) (element-type UnknotJournalStatsDay) (nullable): the days;
 *   empty when the journal is not open; %NULL with @error set when it cannot be read
 */
GArray *
unknot_journal_stats_days (UnknotJournal              *journal,
                           const UnknotJournalFilter  *filter,
                           GError                    **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (UnknotJournalStatsDay));
  g_autoptr(GArray) sums_by_day = g_array_new (FALSE, FALSE, sizeof (DaySums));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean have_quarter = FALSE;
  sqlite3_int64 last_quarter = 0;
  int day_of_quarter = 0;
  guint last_index = 0;
  int rc;

  g_return_val_if_fail (UNKNOT_IS_JOURNAL (journal), NULL);

  stmt = prepare (journal, UNKNOT_JOURNAL_STATS_SQL_DAYS, filter, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (stmt == NULL)
    return g_steal_pointer (&days);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_int64 quarter = sqlite3_column_int64 (stmt, 0);
      DaySums *sums;

      if (!have_quarter || quarter != last_quarter)
        {
          guint index;

          have_quarter = TRUE;
          last_quarter = quarter;
          day_of_quarter = local_day_of_quarter (quarter);
          /* The rows come in the index's order, so a new day nearly always follows
           * the last; a day met again (a clock put back over midnight, or another
           * order) is found where it is. */
          index = find_day (sums_by_day, day_of_quarter);
          if (index == sums_by_day->len ||
              g_array_index (sums_by_day, DaySums, index).day != day_of_quarter)
            {
              DaySums fresh = { .day = day_of_quarter };

              g_array_insert_val (sums_by_day, index, fresh);
            }
          last_index = index;
        }
      sums = &g_array_index (sums_by_day, DaySums, last_index);
      sums->n++;
      sums->before_sum += sqlite3_column_int64 (stmt, 1);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          sums->n_after++;
          sums->after_sum += sqlite3_column_int64 (stmt, 2);
        }
    }
  if (!check_done (stmt, rc, error))
    return NULL;

  for (guint i = 0; i < sums_by_day->len; i++)
    {
      const DaySums *sums = &g_array_index (sums_by_day, DaySums, i);
      UnknotJournalStatsDay day = {
        .day = sums->day,
        .pain_before = (double) sums->before_sum / (double) sums->n,
        .pain_after = sums->n_after > 0 ? (double) sums->after_sum / (double) sums->n_after : NAN,
        .n_entries = (guint) sums->n,
        .n_after = (guint) sums->n_after,
      };

      g_array_append_val (days, day);
    }

  return g_steal_pointer (&days);
}

/**
 * unknot_journal_stats_relief:
 * @by: techniques or tools
 * @filter: (nullable): which entries count (a region and a range, usually); %NULL for all
 *
 * The relief each technique (or tool) brought, over the entries that noted the pain
 * both before and after: ranked by the average change, most relief first. Entries
 * without a technique (or tool) are left out. An element whose too_few is set has
 * fewer than UNKNOT_JOURNAL_STATS_MIN_SESSIONS sessions: too few to tell.
 *
 * Returns: (transfer full) (element-type UnknotJournalStatsRelief) (nullable): the
 *   ranking, whose ids the array frees; %NULL with @error set when it cannot be read
 */
GArray *
unknot_journal_stats_relief (UnknotJournal              *journal,
                             UnknotJournalStatsBy        by,
                             const UnknotJournalFilter  *filter,
                             GError                    **error)
{
  g_autoptr(GArray) ranking = g_array_new (FALSE, FALSE, sizeof (UnknotJournalStatsRelief));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  UnknotJournalStatsSql which;
  int rc;

  g_return_val_if_fail (UNKNOT_IS_JOURNAL (journal), NULL);

  g_array_set_clear_func (ranking, clear_relief);
  which = by == UNKNOT_JOURNAL_STATS_BY_TOOL ? UNKNOT_JOURNAL_STATS_SQL_TOOLS
                                             : UNKNOT_JOURNAL_STATS_SQL_TECHNIQUES;
  stmt = prepare (journal, which, filter, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (stmt == NULL)
    return g_steal_pointer (&ranking);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      UnknotJournalStatsRelief relief = {
        .id = g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
        .n_sessions = (guint) sqlite3_column_int64 (stmt, 1),
        .average_change = sqlite3_column_double (stmt, 2),
        .n_meaningful = (guint) sqlite3_column_int64 (stmt, 3),
      };

      relief.meaningful_share = relief.n_sessions > 0
                                ? (double) relief.n_meaningful / relief.n_sessions : 0.0;
      relief.too_few = relief.n_sessions < UNKNOT_JOURNAL_STATS_MIN_SESSIONS;
      g_array_append_val (ranking, relief);
    }
  if (!check_done (stmt, rc, error))
    return NULL;

  return g_steal_pointer (&ranking);
}

/**
 * unknot_journal_stats_regions:
 * @filter: (nullable): which entries count (a range, usually); %NULL for all
 *
 * The average pain before for each body map region that entries name, by region id,
 * for the map's heat overlay. An entry that names two regions counts for both.
 *
 * Returns: (transfer full) (element-type UnknotJournalStatsRegion) (nullable): the
 *   regions, whose ids the array frees; %NULL with @error set when it cannot be read
 */
GArray *
unknot_journal_stats_regions (UnknotJournal              *journal,
                              const UnknotJournalFilter  *filter,
                              GError                    **error)
{
  g_autoptr(GArray) regions = g_array_new (FALSE, FALSE, sizeof (UnknotJournalStatsRegion));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  int rc;

  g_return_val_if_fail (UNKNOT_IS_JOURNAL (journal), NULL);

  g_array_set_clear_func (regions, clear_region);
  stmt = prepare (journal, UNKNOT_JOURNAL_STATS_SQL_REGIONS, filter, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (stmt == NULL)
    return g_steal_pointer (&regions);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      UnknotJournalStatsRegion region = {
        .region = g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
        .pain_before = sqlite3_column_double (stmt, 1),
        .n_entries = (guint) sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (regions, region);
    }
  if (!check_done (stmt, rc, error))
    return NULL;

  return g_steal_pointer (&regions);
}

/**
 * unknot_journal_stats_totals:
 * @filter: (nullable): which entries count; %NULL for all
 * @totals: (out caller-allocates): the numbers
 *
 * The entries a filter lets through, taken together: how many, and their average
 * pain before and after. When the journal is not open, it holds no entries.
 *
 * Returns: %FALSE with @error set when the journal cannot be read
 */
gboolean
unknot_journal_stats_totals (UnknotJournal              *journal,
                             const UnknotJournalFilter  *filter,
                             UnknotJournalStatsTotals   *totals,
                             GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  int rc;

  g_return_val_if_fail (UNKNOT_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (totals != NULL, FALSE);

  *totals = (UnknotJournalStatsTotals) { 0, 0, NAN, NAN, -1 };

  stmt = prepare (journal, UNKNOT_JOURNAL_STATS_SQL_TOTALS, filter, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (stmt == NULL)
    return TRUE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return check_done (stmt, rc, error);

  totals->n_entries = (guint) sqlite3_column_int64 (stmt, 0);
  totals->n_after = (guint) sqlite3_column_int64 (stmt, 1);
  totals->pain_before = column_average (stmt, 2);
  totals->pain_after = column_average (stmt, 3);
  totals->worst_before = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 4);
  return TRUE;
}

/* The start of the summary's sentence, for each range. */
static const char *
range_lead (UnknotJournalStatsRange range)
{
  switch (range)
    {
    case UNKNOT_JOURNAL_STATS_RANGE_TWO_WEEKS:
      /* Translators: the start of a sentence about the journal, see “%s your pain before a session averaged…” */
      return _("Over the last 2 weeks");

    case UNKNOT_JOURNAL_STATS_RANGE_THREE_MONTHS:
      /* Translators: the start of a sentence about the journal, see “%s your pain before a session averaged…” */
      return _("Over the last 3 months");

    case UNKNOT_JOURNAL_STATS_RANGE_YEAR:
      /* Translators: the start of a sentence about the journal, see “%s your pain before a session averaged…” */
      return _("Over the last year");

    case UNKNOT_JOURNAL_STATS_RANGE_ALL:
    default:
      /* Translators: the start of a sentence about the journal, see “%s your pain before a session averaged…” */
      return _("Since you started your journal");
    }
}

/**
 * unknot_journal_stats_describe:
 * @totals: the range's numbers, from unknot_journal_stats_totals ()
 *
 * The numbers of a range in one plain sentence, for a screen reader and a person who
 * skims: "Over the last 2 weeks your pain before a session averaged 6.1, and 3.9
 * after it; 9 sessions." Numbers are written the way the locale writes them.
 *
 * Returns: (transfer full): the sentence
 */
char *
unknot_journal_stats_describe (UnknotJournalStatsRange         range,
                               const UnknotJournalStatsTotals *totals)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *lead = range_lead (range);
  guint n;

  g_return_val_if_fail (totals != NULL, NULL);

  n = totals->n_entries;

  if (n == 0)
    /* Translators: %s is the start of the sentence, such as “Over the last 2 weeks” */
    return g_strdup_printf (_("%s you logged no sessions."), lead);

  before = g_strdup_printf ("%.1f", totals->pain_before);
  if (totals->n_after == 0)
    return g_strdup_printf (/* Translators: the first %s is the start of the sentence, such as
                             * “Over the last 2 weeks”, the second the average pain (0 to 10),
                             * such as “6.1”; %u is the number of sessions */
                            ngettext ("%s your pain before a session averaged %s; %u session, with no pain noted after it.",
                                      "%s your pain before a session averaged %s; %u sessions, with no pain noted after them.",
                                      n),
                            lead, before, n);

  after = g_strdup_printf ("%.1f", totals->pain_after);
  return g_strdup_printf (/* Translators: the first %s is the start of the sentence, such as
                           * “Over the last 2 weeks”, the next two the average pain (0 to 10)
                           * before and after a session, such as “6.1” and “3.9”; %u is the
                           * number of sessions */
                          ngettext ("%s your pain before a session averaged %s, and %s after it; %u session.",
                                    "%s your pain before a session averaged %s, and %s after it; %u sessions.",
                                    n),
                          lead, before, after, n);
}

/**
 * unknot_journal_stats_summary:
 * @now: (nullable): the moment that is "today"; %NULL for now
 *
 * unknot_journal_stats_describe () for the entries of @range.
 *
 * Returns: (transfer full) (nullable): the sentence; %NULL with @error set when the
 *   journal cannot be read
 */
char *
unknot_journal_stats_summary (UnknotJournal            *journal,
                              UnknotJournalStatsRange   range,
                              GDateTime                *now,
                              GError                  **error)
{
  g_autoptr(UnknotJournalFilter) filter = unknot_journal_stats_range_filter (range, now);
  UnknotJournalStatsTotals totals;

  g_return_val_if_fail (UNKNOT_IS_JOURNAL (journal), NULL);

  if (!unknot_journal_stats_totals (journal, filter, &totals, error))
    return NULL;
  return unknot_journal_stats_describe (range, &totals);
}

/**
 * unknot_journal_stats_describe_relief:
 * @relief: one technique's or tool's numbers, from unknot_journal_stats_relief ()
 *
 * What a technique or tool did for the person, in the words every place that shows
 * it uses (the ranking, the region and technique pages, the report): "Pain down 2.5
 * on average over 6 sessions", or that there are too few sessions to tell.
 *
 * Returns: (transfer full): the sentence, without a full stop
 */
char *
unknot_journal_stats_describe_relief (const UnknotJournalStatsRelief *relief)
{
  g_autofree char *change = NULL;
  guint n;

  g_return_val_if_fail (relief != NULL, NULL);

  n = relief->n_sessions;
  if (relief->too_few)
    return g_strdup_printf (/* Translators: %u is the number of sessions so far, below 3 */
                            ngettext ("Too few sessions to tell yet: %u so far",
                                      "Too few sessions to tell yet: %u so far",
                                      n),
                            n);

  change = g_strdup_printf ("%.1f", fabs (relief->average_change));
  if (relief->average_change <= -0.05)
    return g_strdup_printf (/* Translators: %s is a change in pain on the 0–10 scale, such
                             * as “2.5”; %u is the number of sessions */
                            ngettext ("Pain down %s on average over %u session",
                                      "Pain down %s on average over %u sessions",
                                      n),
                            change, n);
  if (relief->average_change >= 0.05)
    return g_strdup_printf (/* Translators: %s is a change in pain on the 0–10 scale, such
                             * as “1.0”; %u is the number of sessions */
                            ngettext ("Pain up %s on average over %u session",
                                      "Pain up %s on average over %u sessions",
                                      n),
                            change, n);
  return g_strdup_printf (/* Translators: %u is the number of sessions */
                          ngettext ("No change in pain on average over %u session",
                                    "No change in pain on average over %u sessions",
                                    n),
                          n);
}

/**
 * unknot_journal_stats_describe_meaningful:
 * @relief: one technique's or tool's numbers
 *
 * How many of its sessions brought a meaningful drop: "4 of 6 sessions brought a
 * clear drop (2 points or 30 %)".
 *
 * Returns: (transfer full): the sentence, without a full stop
 */
char *
unknot_journal_stats_describe_meaningful (const UnknotJournalStatsRelief *relief)
{
  g_return_val_if_fail (relief != NULL, NULL);

  return g_strdup_printf (/* Translators: the first %u is a number of sessions out of the
                           * second; a clear drop is one of 2 points or more, or of 30 %
                           * or more */
                          ngettext ("%u of %u session brought a clear drop (2 points or 30 %%)",
                                    "%u of %u sessions brought a clear drop (2 points or 30 %%)",
                                    relief->n_sessions),
                          relief->n_meaningful, relief->n_sessions);
}
