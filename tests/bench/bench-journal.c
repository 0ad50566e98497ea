/* bench-journal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal with 100,000 entries, in one run, against the targets:
 *
 *   - how long until the list can give its first rows (open, n_items, get_item 0-30),
 *     against an empty journal and against 150 ms;
 *   - memory (RSS) with the first page loaded, against an empty journal and +15 MB;
 *   - one commit: the time from add_async () to its callback, and how much of it the
 *     main thread spent working (its CPU time), against 16 ms;
 *   - the journal's page: the time from creating it on the open journal until a frame
 *     with its rows is drawn, and the memory (RSS) of a fresh process with the page
 *     shown, against an empty journal and against 150 ms and +15 MB. These need a
 *     display (build-aux/dev bench gives one); without one they are skipped;
 *   - each of the statistics (src/journal/unknot-journal-stats.c), against 50 ms.
 *
 * Memory is measured in a fresh process for each journal (this program run again), so
 * one measurement does not inherit the other's heap. It prints numbers and ratios and
 * never fails on a timing. UNKNOT_BENCH_JOURNAL_ENTRIES changes the size; the files go
 * under the build directory (a real disk, so that a commit's fsync is real) unless
 * UNKNOT_BENCH_JOURNAL_DIR says otherwise.
 */

#include "config.h"

#include <time.h>

#include <glib/gstdio.h>

#include <adwaita.h>

#include "catalog/unknot-catalog.h"
#include "journal/unknot-journal-page.h"
#include "journal/unknot-journal-private.h"
#include "journal/unknot-journal-row.h"
#include "journal/unknot-journal-stats.h"
#include "journal-test-utils.h"

#define FIRST_ROWS 31
#define COMMITS 25

static gint64
thread_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gint64
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? g_ascii_strtoll (line + strlen ("VmRSS:"), NULL, 10) : -1;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static double
maximum (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len - 1);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* Opens @path and reads its first rows as soon as the list has them; returns that
 * wall time in ms, and in @checked_ms the time until opening finished (the whole
 * file checked). */
static double
first_rows (const char     *path,
            UnknotJournal **out,
            double         *checked_ms)
{
  g_autoptr(GAsyncResult) result = NULL;
  UnknotJournal *journal;
  gint64 start = g_get_monotonic_time ();
  double ms;
  guint n;

  journal = unknot_journal_new (path);
  unknot_journal_set_backups_enabled (journal, FALSE);
  unknot_journal_open_async (journal, NULL, store_result_cb, &result);
  while (!unknot_journal_is_open (journal))
    g_main_context_iteration (NULL, TRUE);

  n = g_list_model_get_n_items (G_LIST_MODEL (journal));
  for (guint i = 0; i < MIN (n, FIRST_ROWS); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (journal), i));
  ms = (g_get_monotonic_time () - start) / 1000.0;

  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  unknot_journal_open_finish (journal, result, NULL);
  if (checked_ms != NULL)
    *checked_ms = (g_get_monotonic_time () - start) / 1000.0;

  *out = journal;
  return ms;
}

/* Run as a child: the RSS with the journal's first page loaded. */
static int
measure_rss (const char *path)
{
  UnknotJournal *journal = NULL;

  first_rows (path, &journal, NULL);
  g_print ("%" G_GINT64_FORMAT "\n", rss_kib ());
  journal_test_close (journal);
  return 0;
}

static gint64
rss_in_child (const char *self,
              const char *path)
{
  const char *argv[] = { self, "--rss", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("Could not measure memory: %s\n", error->message);
      return -1;
    }
  return g_ascii_strtoll (out, NULL, 10);
}

static void
time_first_rows (const char *label,
                 const char *path,
                 double     *median_out)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) checked = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint round = 0; round < 7; round++)
    {
      UnknotJournal *journal = NULL;
      double checked_ms;
      double ms = first_rows (path, &journal, &checked_ms);

      g_array_append_val (times, ms);
      g_array_append_val (checked, checked_ms);
      journal_test_close (journal);
    }

  *median_out = median (times);
  g_print ("  %-34s median %7.1f ms, max %7.1f ms\n", label, *median_out, maximum (times));
  g_print ("  %-34s median %7.1f ms\n", "  (opening finished, file checked)", median (checked));
}

static double
time_quick_check (const char *path)
{
  sqlite3 *db = journal_test_sql_open (path);
  gint64 start = g_get_monotonic_time ();
  g_autofree char *check = journal_test_sql_text (db, "PRAGMA quick_check(1)");
  double ms = (g_get_monotonic_time () - start) / 1000.0;

  sqlite3_close (db);
  return ms;
}

typedef enum {
  COMMIT_ADD,
  COMMIT_EDIT_OLD,
} CommitKind;

static void
time_commits (const char *path,
              CommitKind  kind,
              gboolean    with_filter,
              double     *wall_out,
              double     *main_out)
{
  UnknotJournal *journal = NULL;
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) main_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(UnknotJournalFilter) filter = unknot_journal_filter_new ();
  g_autoptr(UnknotJournalResults) results = NULL;

  first_rows (path, &journal, NULL);

  /* A list of the journal page, filtered by region, follows every change too. */
  if (with_filter)
    {
      unknot_journal_filter_set_region (filter, "gluteals");
      results = unknot_journal_query (journal, filter);
      for (guint p = 0; p < FIRST_ROWS; p++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (results), p));
    }

  for (guint i = 0; i < COMMITS; i++)
    {
      g_autoptr(UnknotJournalEntry) entry = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(UnknotJournalEntry) saved = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start, cpu_start;
      double ms, cpu_ms;

      if (kind == COMMIT_EDIT_OLD)
        {
          /* An entry about half-way down, so both its places are deep in the list. */
          g_autoptr(UnknotJournalEntry) old = g_list_model_get_item (G_LIST_MODEL (journal), 50000 + i * 9);

          entry = unknot_journal_entry_copy (old);
          unknot_journal_entry_set_notes (entry, "edited");
        }
      else
        entry = journal_test_entry_new (1000000 + i);

      start = g_get_monotonic_time ();
      cpu_start = thread_cpu_usec ();
      if (kind == COMMIT_EDIT_OLD)
        unknot_journal_update_async (journal, entry, NULL, store_result_cb, &result);
      else
        unknot_journal_add_async (journal, entry, NULL, store_result_cb, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      cpu_ms = (thread_cpu_usec () - cpu_start) / 1000.0;

      saved = kind == COMMIT_EDIT_OLD ? unknot_journal_update_finish (journal, result, &error)
                                      : unknot_journal_add_finish (journal, result, &error);
      if (saved == NULL)
        g_error ("Commit failed: %s", error->message);

      g_array_append_val (wall, ms);
      g_array_append_val (main_cpu, cpu_ms);
    }

  *wall_out = median (wall);
  *main_out = median (main_cpu);
  g_print ("  %-34s median %6.2f ms (max %6.2f), main thread %5.2f ms (max %5.2f)\n",
           kind == COMMIT_EDIT_OLD ? (with_filter ? "editing an old one, region list" : "editing an old one")
                                   : (with_filter ? "a new entry, region list open" : "a new entry"),
           *wall_out, maximum (wall), *main_out, maximum (main_cpu));

  if (results != NULL)
    g_assert_finalize_object (g_steal_pointer (&results));
  journal_test_close (journal);
}

/* How long a filtered list takes to count its entries and give its first page. */
static void
time_filters (const char *path)
{
  UnknotJournal *journal = NULL;
  const struct { const char *label; const char *region; const char *tool; const char *text; } filters[] = {
    { "region (both sides)", "gluteals", NULL, NULL },
    { "tool", NULL, "hands", NULL },
    { "text in the notes", NULL, NULL, "rücken" },
    { "region and tool", "spine", "hands", NULL },
  };

  first_rows (path, &journal, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autoptr(UnknotJournalFilter) filter = unknot_journal_filter_new ();
      g_autoptr(UnknotJournalResults) results = NULL;
      gint64 start = g_get_monotonic_time ();
      guint n;

      unknot_journal_filter_set_region (filter, filters[i].region);
      unknot_journal_filter_set_tool (filter, filters[i].tool);
      unknot_journal_filter_set_text (filter, filters[i].text);
      results = unknot_journal_query (journal, filter);
      n = g_list_model_get_n_items (G_LIST_MODEL (results));
      for (guint p = 0; p < MIN (n, FIRST_ROWS); p++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (results), p));

      g_print ("  %-34s %7.1f ms  (%u entries)\n", filters[i].label,
               (g_get_monotonic_time () - start) / 1000.0, n);
    }

  journal_test_close (journal);
}

/* ---------------------------------------------------------------------------------- */
/* The journal's statistics (issue 10's target: each query under 50 ms) */

#define STATS_RUNS 5

typedef enum {
  STATS_DAYS,
  STATS_TECHNIQUES,
  STATS_TOOLS,
  STATS_REGIONS,
  STATS_SUMMARY,
} StatsQuery;

static void
run_stats_query (UnknotJournal             *journal,
                 StatsQuery                 query,
                 const UnknotJournalFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) result = NULL;
  g_autofree char *summary = NULL;

  switch (query)
    {
    case STATS_DAYS:
      result = unknot_journal_stats_days (journal, filter, &error);
      break;
    case STATS_TECHNIQUES:
      result = unknot_journal_stats_relief (journal, UNKNOT_JOURNAL_STATS_BY_TECHNIQUE, filter, &error);
      break;
    case STATS_TOOLS:
      result = unknot_journal_stats_relief (journal, UNKNOT_JOURNAL_STATS_BY_TOOL, filter, &error);
      break;
    case STATS_REGIONS:
      result = unknot_journal_stats_regions (journal, filter, &error);
      break;
    case STATS_SUMMARY:
    default:
      summary = unknot_journal_stats_summary (journal, UNKNOT_JOURNAL_STATS_RANGE_ALL, NULL, &error);
      break;
    }
  g_assert_no_error (error);
}

/* Each statistic, the median and the slowest of a few runs, on the main thread. */
static double
time_stats (const char *path)
{
  UnknotJournal *journal = NULL;
  g_autoptr(UnknotJournalFilter) all = unknot_journal_filter_new ();
  g_autoptr(UnknotJournalFilter) week = unknot_journal_filter_new ();
  g_autoptr(UnknotJournalFilter) region = unknot_journal_filter_new ();
  g_autoptr(GDateTime) since = g_date_time_new_from_unix_utc_usec (JOURNAL_TEST_START_US + 20000 * JOURNAL_TEST_STEP_US);
  g_autoptr(GDateTime) until = g_date_time_add_weeks (since, 1);
  const struct { const char *label; StatsQuery query; const UnknotJournalFilter *filter; } queries[] = {
    { "days, everything", STATS_DAYS, all },
    { "days, a week", STATS_DAYS, week },
    { "relief by technique, everything", STATS_TECHNIQUES, all },
    { "relief by tool, everything", STATS_TOOLS, all },
    { "relief by technique, region", STATS_TECHNIQUES, region },
    { "relief by technique, a week", STATS_TECHNIQUES, week },
    { "pain per region, everything", STATS_REGIONS, all },
    { "pain per region, a week", STATS_REGIONS, week },
    { "summary, everything", STATS_SUMMARY, NULL },
  };
  double slowest = 0;

  unknot_journal_filter_set_range (week, since, until);
  unknot_journal_filter_set_region (region, "gluteals");
  first_rows (path, &journal, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      double m;

      for (guint run = 0; run < STATS_RUNS; run++)
        {
          gint64 start = g_get_monotonic_time ();
          double ms;

          run_stats_query (journal, queries[i].query, queries[i].filter);
          ms = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (times, ms);
        }
      m = maximum (times);
      slowest = MAX (slowest, m);
      g_print ("  %-34s median %6.1f ms, max %6.1f ms\n", queries[i].label, median (times), m);
    }

  journal_test_close (journal);
  return slowest;
}

/* ---------------------------------------------------------------------------------- */
/* The journal's page */

typedef struct
{
  GtkWidget *list;
  gboolean   want_rows;
  gboolean   drawn;
  gint64     start;
  double     filled_ms;  /* until the list view held all the rows it keeps */
} FrameWait;

/* A list view keeps rows for about this many items around what it shows. */
#define LIST_VIEW_ROWS 200

static gboolean holds_row (GtkWidget *widget);

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    if (holds_row (child))
      n++;
  return n;
}

static gboolean
holds_row (GtkWidget *widget)
{
  if (UNKNOT_IS_JOURNAL_ROW (widget))
    return unknot_journal_row_get_entry (UNKNOT_JOURNAL_ROW (widget)) != NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (holds_row (child))
      return TRUE;
  return FALSE;
}

static gboolean
shows_rows (GtkWidget *widget)
{
  if (UNKNOT_IS_JOURNAL_ROW (widget))
    return gtk_widget_get_mapped (widget) && unknot_journal_row_get_entry (UNKNOT_JOURNAL_ROW (widget)) != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_rows (child))
      return TRUE;
  return FALSE;
}

/* After each frame is painted: whether it had rows in it (or, for an empty journal,
 * whether it was the page's first frame at all). */
static void
on_after_paint_cb (GdkFrameClock *clock,
                   FrameWait     *wait)
{
  if (!wait->want_rows || shows_rows (wait->list))
    wait->drawn = TRUE;
  if (wait->filled_ms < 0 && (!wait->want_rows || count_rows (wait->list) >= LIST_VIEW_ROWS))
    wait->filled_ms = (g_get_monotonic_time () - wait->start) / 1000.0;
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static UnknotJournal *
open_journal (const char *path)
{
  UnknotJournal *journal = NULL;

  first_rows (path, &journal, NULL);
  return journal;
}

/* The page on an open journal, shown in a window: the ms from creating it until a
 * frame with rows (@want_rows) or its first frame is drawn. The window stays open in
 * @out_window. */
static double
show_page (UnknotJournal  *journal,
           UnknotCatalog  *catalog,
           gboolean        want_rows,
           GtkWindow     **out_window,
           double         *filled_ms)
{
  FrameWait wait = { NULL, want_rows, FALSE, g_get_monotonic_time (), -1 };
  AdwNavigationView *view;
  GtkWindow *window;
  GdkFrameClock *clock;
  gint64 start = wait.start;
  double ms;
  gulong handler;

  view = ADW_NAVIGATION_VIEW (adw_navigation_view_new ());
  adw_navigation_view_add (view, ADW_NAVIGATION_PAGE (unknot_journal_page_new (journal, catalog, NULL, NULL)));
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 720, 720);
  gtk_window_set_child (window, GTK_WIDGET (view));
  wait.list = find_list_view (GTK_WIDGET (view));
  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &wait);
  gtk_window_present (window);

  while (!wait.drawn)
    g_main_context_iteration (NULL, TRUE);
  ms = (g_get_monotonic_time () - start) / 1000.0;

  /* And on, until the list view has built all the rows it keeps. */
  while (filled_ms != NULL && wait.filled_ms < 0)
    g_main_context_iteration (NULL, TRUE);
  if (filled_ms != NULL)
    *filled_ms = wait.filled_ms;

  g_signal_handler_disconnect (clock, handler);
  *out_window = window;
  return ms;
}

static void
close_window (GtkWindow *window)
{
  g_autoptr(GtkWindow) ref = g_object_ref (window);

  gtk_window_destroy (window);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
time_page (const char    *label,
           const char    *path,
           UnknotCatalog *catalog,
           gboolean       want_rows,
           double        *median_out)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filled = g_array_new (FALSE, FALSE, sizeof (double));
  UnknotJournal *journal = open_journal (path);

  for (guint round = 0; round < 7; round++)
    {
      GtkWindow *window = NULL;
      double filled_ms;
      double ms = show_page (journal, catalog, want_rows, &window, &filled_ms);

      g_array_append_val (times, ms);
      g_array_append_val (filled, filled_ms);
      close_window (window);
    }

  journal_test_close (journal);
  *median_out = median (times);
  g_print ("  %-34s median %7.1f ms, max %7.1f ms\n", label, *median_out, maximum (times));
  if (want_rows)
    g_print ("  %-34s median %7.1f ms\n", "  (all the list view's rows built)", median (filled));
}

/* Run as a child: the RSS with the page shown on the journal at @path. */
static int
measure_page_rss (const char *path,
                  gboolean    want_rows)
{
  g_autoptr(UnknotCatalog) catalog = NULL;
  UnknotJournal *journal;
  GtkWindow *window = NULL;

  if (!gtk_init_check ())
    return 1;
  adw_init ();
  catalog = unknot_catalog_new_default ();
  journal = open_journal (path);
  show_page (journal, catalog, want_rows, &window, NULL);
  /* With every row the list view keeps. */
  while (want_rows && count_rows (find_list_view (GTK_WIDGET (window))) < LIST_VIEW_ROWS)
    g_main_context_iteration (NULL, TRUE);
  g_print ("%" G_GINT64_FORMAT "\n", rss_kib ());
  close_window (window);
  journal_test_close (journal);
  return 0;
}

static gint64
page_rss_in_child (const char *self,
                   const char *path,
                   gboolean    want_rows)
{
  const char *argv[] = { self, want_rows ? "--page-rss-rows" : "--page-rss", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("Could not measure the page's memory: %s\n", error->message);
      return -1;
    }
  return g_ascii_strtoll (out, NULL, 10);
}

int
main (int   argc,
      char *argv[])
{
  const char *size = g_getenv ("UNKNOT_BENCH_JOURNAL_ENTRIES");
  const char *base = g_getenv ("UNKNOT_BENCH_JOURNAL_DIR");
  guint n = size ? (guint) g_ascii_strtoull (size, NULL, 10) : 100000;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *big = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *template = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  UnknotJournal *journal = NULL;
  double empty_ms, big_ms, quick_check_ms, commit_ms, commit_main_ms;
  double other_ms, other_main_ms, filtered_main_ms;
  double page_empty_ms = 0, page_big_ms = 0;
  double stats_ms;
  gint64 page_rss_empty = -1, page_rss_big = -1;
  gboolean have_display;
  gint64 rss_empty, rss_big;
  GStatBuf st;

  if (argc == 3 && g_str_equal (argv[1], "--rss"))
    return measure_rss (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--page-rss"))
    return measure_page_rss (argv[2], FALSE);
  if (argc == 3 && g_str_equal (argv[1], "--page-rss-rows"))
    return measure_page_rss (argv[2], TRUE);

  if (base == NULL)
    base = g_getenv ("G_TEST_BUILDDIR");
  template = g_build_filename (base ? base : g_get_tmp_dir (), "bench-journal-XXXXXX", NULL);
  dir = g_mkdtemp (template) ? g_strdup (template) : NULL;
  g_assert_nonnull (dir);
  big = g_build_filename (dir, "big", "journal.db", NULL);
  empty = g_build_filename (dir, "empty", "journal.db", NULL);

  g_print ("Journal benchmark: %u entries, files in %s\n", n, dir);

  journal_test_generate (big, n);
  g_stat (big, &st);
  g_print ("  generated in %.1f s, %.1f MB\n", g_timer_elapsed (timer, NULL), st.st_size / 1e6);
  journal = journal_test_open (empty, NULL, FALSE);
  journal_test_close (journal);

  g_print ("\nFirst rows (open_async to n_items and get_item 0-%u):\n", FIRST_ROWS - 1);
  time_first_rows ("empty journal", empty, &empty_ms);
  time_first_rows ("100,000 entries", big, &big_ms);
  quick_check_ms = time_quick_check (big);
  g_print ("  of which PRAGMA quick_check alone   %7.1f ms\n", quick_check_ms);

  g_print ("\nMemory (RSS of a fresh process with the first page loaded):\n");
  rss_empty = rss_in_child (self, empty);
  rss_big = rss_in_child (self, big);
  g_print ("  empty journal %7.1f MB, 100,000 entries %7.1f MB, difference %+.1f MB\n",
           rss_empty / 1024.0, rss_big / 1024.0, (rss_big - rss_empty) / 1024.0);

  g_print ("\nCommits (%u one by one; add_async or update_async to the callback, and the\n"
           "main thread's CPU time in it):\n", COMMITS);
  time_commits (big, COMMIT_ADD, FALSE, &commit_ms, &commit_main_ms);
  time_commits (big, COMMIT_ADD, TRUE, &other_ms, &filtered_main_ms);
  time_commits (big, COMMIT_EDIT_OLD, FALSE, &other_ms, &other_main_ms);
  time_commits (big, COMMIT_EDIT_OLD, TRUE, &other_ms, &other_main_ms);

  g_print ("\nFiltered lists (count and first %u rows, on the main thread):\n", FIRST_ROWS);
  time_filters (big);

  g_print ("\nStatistics (SQL aggregates on the main thread, %u runs each):\n", STATS_RUNS);
  stats_ms = time_stats (big);

  have_display = gtk_init_check ();
  if (have_display)
    {
      g_autoptr(UnknotCatalog) catalog = NULL;

      adw_init ();
      catalog = unknot_catalog_new_default ();
      g_print ("\nThe journal's page (created on the open journal, until a frame with rows is\n"
               "drawn; the empty journal until its first frame):\n");
      time_page ("empty journal", empty, catalog, FALSE, &page_empty_ms);
      time_page ("100,000 entries", big, catalog, TRUE, &page_big_ms);

      g_print ("\nMemory with the page shown (RSS of a fresh process):\n");
      page_rss_empty = page_rss_in_child (self, empty, FALSE);
      page_rss_big = page_rss_in_child (self, big, TRUE);
      g_print ("  empty journal %7.1f MB, 100,000 entries %7.1f MB, difference %+.1f MB\n",
               page_rss_empty / 1024.0, page_rss_big / 1024.0, (page_rss_big - page_rss_empty) / 1024.0);
    }
  else
    g_print ("\nThe journal's page: no display, not measured\n");

  g_print ("\nRatios (below 1.0 meets the target):\n");
  g_print ("  first rows / 150 ms                 %.2f  (%.1fx the empty journal)\n",
           big_ms / 150.0, big_ms / MAX (empty_ms, 0.001));
  g_print ("  quick_check (runs after) / first rows %.1f\n", quick_check_ms / MAX (big_ms, 0.001));
  g_print ("  memory over empty / 15 MB           %.2f\n", (rss_big - rss_empty) / 1024.0 / 15.0);
  g_print ("  main thread per commit / 16 ms      %.2f  (%.0f%% of the commit's time)\n",
           commit_main_ms / 16.0, 100.0 * commit_main_ms / MAX (commit_ms, 0.001));
  g_print ("    with a region list open           %.2f\n", filtered_main_ms / 16.0);
  g_print ("    editing an old one, region list   %.2f\n", other_main_ms / 16.0);
  if (have_display)
    {
      g_print ("  page shows rows / 150 ms            %.2f  (%.1fx the empty journal's first frame)\n",
               page_big_ms / 150.0, page_big_ms / MAX (page_empty_ms, 0.001));
      g_print ("  page memory over empty / 15 MB      %.2f  (%.2fx the empty journal's)\n",
               (page_rss_big - page_rss_empty) / 1024.0 / 15.0,
               (double) page_rss_big / MAX (page_rss_empty, 1));
    }
  g_print ("  slowest statistic / 50 ms           %.2f\n", stats_ms / 50.0);

  /* Leave nothing behind in the build directory. */
  {
    const char *argv_rm[] = { "rm", "-rf", dir, NULL };
    g_spawn_sync (NULL, (char **) argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }

  return 0;
}
