/* bench-journal-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 10's targets over a journal of 100,000 entries (tests/journal-test-generate.c
 * makes them; UNKNOT_BENCH_JOURNAL_ENTRIES changes how many):
 *
 *   - each statistic (src/journal/unknot-journal-stats.c: days, relief by technique
 *     and by tool, pain per region, totals), over everything and over each range the
 *     trends offer, against 50 ms;
 *   - CSV export, and CSV import: reading the file into its preview, then adding the
 *     entries (one transaction), against 1 s each.
 *
 * UNKNOT_BENCH_CSV_ONLY=1 leaves the statistics out (to profile the CSV steps alone).
 *
 * It prints the median and the slowest of a few runs, and each as a ratio to its
 * target (below 1.0 meets it), measured in the same run, with the CPU time the
 * process spent on the median run beside it: on a machine other programs share, the
 * wall-clock time also counts the waits for a core. Nothing is asserted on time.
 */

#include "config.h"

#include <time.h>

#include <glib/gstdio.h>

#include "journal/unknot-journal-csv.h"
#include "journal/unknot-journal-private.h"
#include "journal/unknot-journal-stats.h"
#include "journal-test-utils.h"

#define RUNS 7
#define QUERY_TARGET_MS 50.0
#define TRANSFER_TARGET_MS 1000.0

typedef enum {
  QUERY_DAYS,
  QUERY_TECHNIQUES,
  QUERY_TOOLS,
  QUERY_REGIONS,
  QUERY_TOTALS,
} Query;

/* CPU time of the whole process (every thread), in milliseconds. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* The machine's load, which the wall-clock times depend on. */
static const char *
load_average (void)
{
  static char text[64];
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    return "unknown";
  g_strlcpy (text, contents, sizeof text);
  g_strchomp (text);
  return text;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static double
maximum (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len - 1);
}

static void
run_query (UnknotJournal             *journal,
           Query                      query,
           const UnknotJournalFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) result = NULL;
  UnknotJournalStatsTotals totals;

  switch (query)
    {
    case QUERY_DAYS:
      result = unknot_journal_stats_days (journal, filter, &error);
      break;
    case QUERY_TECHNIQUES:
      result = unknot_journal_stats_relief (journal, UNKNOT_JOURNAL_STATS_BY_TECHNIQUE, filter, &error);
      break;
    case QUERY_TOOLS:
      result = unknot_journal_stats_relief (journal, UNKNOT_JOURNAL_STATS_BY_TOOL, filter, &error);
      break;
    case QUERY_REGIONS:
      result = unknot_journal_stats_regions (journal, filter, &error);
      break;
    case QUERY_TOTALS:
    default:
      unknot_journal_stats_totals (journal, filter, &totals, &error);
      break;
    }
  g_assert_no_error (error);
}

/* The days as they were counted before: grouped by quarter hour and then by local
 * day in SQL, each through a temporary B-tree. Measured in the same run, so that
 * the ratio of the two is the machine's load's as little as can be. */
#define OLD_DAYS_SQL \
  "SELECT CAST(strftime ('%Y%m%d', q.quarter * 900, 'unixepoch', 'localtime') AS INTEGER) AS day," \
  " CAST(sum (q.before_sum) AS REAL) / sum (q.n)," \
  " CASE WHEN sum (q.n_after) > 0 THEN CAST(sum (q.after_sum) AS REAL) / sum (q.n_after) END," \
  " sum (q.n), sum (q.n_after)" \
  " FROM (SELECT e.when_us / 900000000 AS quarter, count(*) AS n," \
  "  sum (e.pain_before) AS before_sum, total (e.pain_after) AS after_sum," \
  "  count (e.pain_after) AS n_after" \
  "  FROM entries AS e GROUP BY quarter) AS q GROUP BY day ORDER BY day"

static void
run_old_days (UnknotJournal *journal)
{
  sqlite3 *db = unknot_journal_get_read_db (journal);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, OLD_DAYS_SQL, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

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

static void
print_row (const char *label,
           double      median_ms,
           double      max_ms,
           double      cpu,
           double      target_ms)
{
  g_print ("  %-34s median %7.1f ms, max %7.1f ms, CPU %7.1f ms   ratio %5.2f (max %5.2f, CPU %5.2f)\n",
           label, median_ms, max_ms, cpu, median_ms / target_ms, max_ms / target_ms, cpu / target_ms);
}

int
main (int   argc,
      char *argv[])
{
  const char *size = g_getenv ("UNKNOT_BENCH_JOURNAL_ENTRIES");
  const char *base = g_getenv ("UNKNOT_BENCH_JOURNAL_DIR");
  gboolean csv_only = g_getenv ("UNKNOT_BENCH_CSV_ONLY") != NULL;
  guint n = size ? (guint) g_ascii_strtoull (size, NULL, 10) : 100000;
  g_autofree char *template = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *big = NULL;
  g_autofree char *target_path = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  const char *range_names[] = { "2 weeks", "3 months", "a year", "everything" };
  const struct { const char *name; Query query; } queries[] = {
    { "days", QUERY_DAYS },
    { "relief by technique", QUERY_TECHNIQUES },
    { "relief by tool", QUERY_TOOLS },
    { "pain per region", QUERY_REGIONS },
    { "totals", QUERY_TOTALS },
  };
  UnknotJournal *journal;
  UnknotJournal *target;
  double days_all_ms = 0;
  double slowest_query = 0, worst_transfer = 0, slowest_cpu = 0, worst_transfer_cpu = 0;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(UnknotJournalCsvImport) import = NULL;

  g_setenv ("TZ", "Europe/Berlin", TRUE);

  if (base == NULL)
    base = g_getenv ("G_TEST_BUILDDIR");
  template = g_build_filename (base ? base : g_get_tmp_dir (), "bench-journal-stats-XXXXXX", NULL);
  dir = g_mkdtemp (template) ? g_strdup (template) : NULL;
  g_assert_nonnull (dir);
  big = g_build_filename (dir, "big", "journal.db", NULL);
  target_path = g_build_filename (dir, "imported", "journal.db", NULL);

  g_print ("Journal statistics and CSV benchmark: %u entries (one a minute from 2025-01-01)\n", n);
  journal_test_generate (big, n);
  g_print ("  generated in %.1f s\n", g_timer_elapsed (timer, NULL));

  journal = journal_test_open (big, NULL, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, n);

  /* "Today" is the day of the last entry, so every range holds entries. */
  now = g_date_time_new_from_unix_utc_usec (JOURNAL_TEST_START_US + (gint64) (n - 1) * JOURNAL_TEST_STEP_US);

  g_print ("\nStatistics (SQL on the main thread's connection, %u runs each; target %.0f ms):\n",
           RUNS, QUERY_TARGET_MS);
  for (guint q = 0; !csv_only && q < G_N_ELEMENTS (queries); q++)
    {
      for (UnknotJournalStatsRange range = UNKNOT_JOURNAL_STATS_RANGE_TWO_WEEKS;
           range <= UNKNOT_JOURNAL_STATS_RANGE_ALL; range++)
        {
          g_autoptr(UnknotJournalFilter) filter = unknot_journal_stats_range_filter (range, now);
          g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
          g_autofree char *label = g_strdup_printf ("%s, %s", queries[q].name, range_names[range]);
          double m, worst;

          for (guint run = 0; run < RUNS; run++)
            {
              gint64 start = g_get_monotonic_time ();
              double cpu_start = cpu_ms ();
              double ms, cpu_run;

              run_query (journal, queries[q].query, filter);
              ms = (g_get_monotonic_time () - start) / 1000.0;
              cpu_run = cpu_ms () - cpu_start;
              g_array_append_val (times, ms);
              g_array_append_val (cpu, cpu_run);
            }
          m = median (times);
          worst = maximum (times);
          slowest_query = MAX (slowest_query, worst);
          slowest_cpu = MAX (slowest_cpu, median (cpu));
          print_row (label, m, worst, median (cpu), QUERY_TARGET_MS);
          if (queries[q].query == QUERY_DAYS && range == UNKNOT_JOURNAL_STATS_RANGE_ALL)
            days_all_ms = m;
        }

      /* And narrowed to a region, as the region page asks. */
      {
        g_autoptr(UnknotJournalFilter) filter = unknot_journal_stats_range_filter (UNKNOT_JOURNAL_STATS_RANGE_ALL, now);
        g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
        g_autofree char *label = g_strdup_printf ("%s, one region", queries[q].name);
        double m, worst;

        unknot_journal_filter_set_region (filter, "gluteals");
        for (guint run = 0; run < RUNS; run++)
          {
            gint64 start = g_get_monotonic_time ();
            double cpu_start = cpu_ms ();
            double ms, cpu_run;

            run_query (journal, queries[q].query, filter);
            ms = (g_get_monotonic_time () - start) / 1000.0;
            cpu_run = cpu_ms () - cpu_start;
            g_array_append_val (times, ms);
            g_array_append_val (cpu, cpu_run);
          }
        m = median (times);
        worst = maximum (times);
        slowest_query = MAX (slowest_query, worst);
        slowest_cpu = MAX (slowest_cpu, median (cpu));
        print_row (label, m, worst, median (cpu), QUERY_TARGET_MS);
      }
    }

  /* The days over everything, the way they were counted before. */
  if (!csv_only)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
      double m;

      for (guint run = 0; run < RUNS; run++)
        {
          gint64 start = g_get_monotonic_time ();
          double cpu_start = cpu_ms ();
          double ms, cpu_run;

          run_old_days (journal);
          ms = (g_get_monotonic_time () - start) / 1000.0;
          cpu_run = cpu_ms () - cpu_start;
          g_array_append_val (times, ms);
          g_array_append_val (cpu, cpu_run);
        }
      m = median (times);
      print_row ("days, everything (old SQL)", m, maximum (times), median (cpu), QUERY_TARGET_MS);
      g_print ("  days, everything: now %.2f of the old SQL's time\n", days_all_ms / m);
    }

  g_print ("\nCSV (target %.0f ms each):\n", TRANSFER_TARGET_MS);
  {
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
    double m, worst;

    for (guint run = 0; run < 3; run++)
      {
        g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
        g_autoptr(GError) error = NULL;
        guint n_written = 0;
        gint64 start = g_get_monotonic_time ();
        double cpu_start = cpu_ms ();
        double ms, cpu_run;

        g_assert_true (unknot_journal_csv_export (journal, out, &n_written, NULL, &error));
        g_assert_true (g_output_stream_close (out, NULL, &error));
        ms = (g_get_monotonic_time () - start) / 1000.0;
        cpu_run = cpu_ms () - cpu_start;
        g_assert_no_error (error);
        g_assert_cmpuint (n_written, ==, n);
        g_array_append_val (times, ms);
        g_array_append_val (cpu, cpu_run);
        g_clear_pointer (&csv, g_bytes_unref);
        csv = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
      }
    m = median (times);
    worst = maximum (times);
    worst_transfer = MAX (worst_transfer, m);
    worst_transfer_cpu = MAX (worst_transfer_cpu, median (cpu));
    print_row ("export (to memory)", m, worst, median (cpu), TRANSFER_TARGET_MS);
    g_print ("  %-38s %.1f MB\n", "  the file", g_bytes_get_size (csv) / 1e6);
  }

  target = journal_test_open (target_path, NULL, FALSE);
  {
    g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (csv);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    gint64 start = g_get_monotonic_time ();
    double cpu_start = cpu_ms ();
    double ms, cpu_run;

    unknot_journal_csv_import_read_async (target, in, NULL, store_result_cb, &result);
    import = unknot_journal_csv_import_read_finish (target, wait_for (&result), &error);
    ms = (g_get_monotonic_time () - start) / 1000.0;
    cpu_run = cpu_ms () - cpu_start;
    g_assert_no_error (error);
    g_assert_cmpuint (unknot_journal_csv_import_get_n_entries (import), ==, n);
    worst_transfer = MAX (worst_transfer, ms);
    worst_transfer_cpu = MAX (worst_transfer_cpu, cpu_run);
    print_row ("import: read and preview", ms, ms, cpu_run, TRANSFER_TARGET_MS);
  }
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    guint n_added = 0;
    gint64 start = g_get_monotonic_time ();
    double cpu_start = cpu_ms ();
    double ms, cpu_run;

    unknot_journal_csv_import_apply_async (import, NULL, store_result_cb, &result);
    g_assert_true (unknot_journal_csv_import_apply_finish (import, wait_for (&result), &n_added, &error));
    ms = (g_get_monotonic_time () - start) / 1000.0;
    cpu_run = cpu_ms () - cpu_start;
    g_assert_no_error (error);
    g_assert_cmpuint (n_added, ==, n);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (target)), ==, n);
    worst_transfer = MAX (worst_transfer, ms);
    worst_transfer_cpu = MAX (worst_transfer_cpu, cpu_run);
    print_row ("import: add (one transaction)", ms, ms, cpu_run, TRANSFER_TARGET_MS);
  }
  g_clear_object (&import);

  g_print ("\nRatios (below 1.0 meets the target):\n");
  g_print ("  slowest statistic / %.0f ms        %5.2f  (its CPU time, median: %.2f)\n",
           QUERY_TARGET_MS, slowest_query / QUERY_TARGET_MS, slowest_cpu / QUERY_TARGET_MS);
  g_print ("  slowest CSV step / %.0f ms        %5.2f  (its CPU time: %.2f)\n",
           TRANSFER_TARGET_MS, worst_transfer / TRANSFER_TARGET_MS, worst_transfer_cpu / TRANSFER_TARGET_MS);
  g_print ("  load average while measured        %s\n", load_average ());

  journal_test_close (target);
  journal_test_close (journal);

  /* The files go (unless asked to keep them, to look at their query plans). */
  if (g_getenv ("UNKNOT_BENCH_KEEP") != NULL)
    {
      g_print ("  kept: %s\n", big);
      return 0;
    }
  for (guint i = 0; i < 2; i++)
    {
      const char *path = i == 0 ? big : target_path;
      g_autofree char *folder = g_path_get_dirname (path);

      g_unlink (path);
      g_rmdir (folder);
    }
  g_rmdir (dir);

  return 0;
}
