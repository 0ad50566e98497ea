/* bench-trend-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One frame of the trend chart with a year of days (365 points a line, every day
 * noted, a few days without a pain after): the widget snapshot to a render node, then
 * that node rendered offscreen with the window's renderer, at 720×240 (the page's
 * width) and at 1600×400. Two kinds of frame: a new drawing (new days, a new size or
 * style: the lines are rasterised) and a hover frame (another day selected: the kept
 * drawing and the marker). It prints each median and its ratio to the 2 ms target
 * of issue 10; it never fails on a timing.
 */

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "journal/unknot-journal-stats.h"
#include "journal/unknot-trend-chart.h"

#define RUNS 51
#define TARGET_MS 2.0

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return values[n / 2];
}

static GArray *
a_year (GDateTime **since,
        GDateTime **until)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (UnknotJournalStatsDay));
  g_autoptr(GDateTime) first = g_date_time_new_local (2025, 1, 1, 12, 0, 0);
  GRand *rand = g_rand_new_with_seed (11);

  for (int i = 0; i < 365; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (first, i);
      UnknotJournalStatsDay day = {
        .day = g_date_time_get_year (when) * 10000 + g_date_time_get_month (when) * 100 +
               g_date_time_get_day_of_month (when),
        .pain_before = g_rand_double_range (rand, 4, 9),
        .n_entries = 2,
        .n_after = 2,
      };

      day.pain_after = i % 17 == 5 ? NAN : MAX (0, day.pain_before - g_rand_double_range (rand, 0, 4));
      if (isnan (day.pain_after))
        day.n_after = 0;
      g_array_append_val (days, day);
    }
  g_rand_free (rand);

  *since = g_date_time_new_local (2025, 1, 1, 0, 0, 0);
  *until = g_date_time_new_local (2026, 1, 1, 0, 0, 0);
  return days;
}

static gboolean
chart_ready (GtkWidget *chart,
             int        width)
{
  return gtk_widget_get_mapped (chart) && gtk_widget_get_width (chart) >= width;
}

/* One frame: the snapshot, then the render of its nodes; the two times in ms. */
static void
frame (GtkWidget *widget,
       double    *snapshot_ms,
       double    *render_ms)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  gint64 start = g_get_monotonic_time (), middle;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert (node != NULL);
  middle = g_get_monotonic_time ();
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  *snapshot_ms = (middle - start) / 1000.0;
  *render_ms = (g_get_monotonic_time () - middle) / 1000.0;
}

static void
measure (GtkWindow *window,
         GtkWidget *chart,
         GArray    *days,
         GDateTime *since,
         GDateTime *until,
         gboolean   hover,
         int        width,
         int        height)
{
  double snapshot_ms[RUNS], render_ms[RUNS], total_ms[RUNS];
  double snapshot, render, total;

  gtk_widget_set_size_request (chart, width, height);
  gtk_window_set_default_size (window, width, height);
  while (!chart_ready (chart, width))
    g_main_context_iteration (NULL, TRUE);

  /* The kept drawing is made in the first frame after a change. */
  frame (chart, &snapshot_ms[0], &render_ms[0]);
  for (guint run = 0; run < RUNS; run++)
    {
      if (hover)
        unknot_trend_chart_select_day (UNKNOT_TREND_CHART (chart),
                                       g_array_index (days, UnknotJournalStatsDay, (run * 7) % days->len).day);
      else
        unknot_trend_chart_set_days (UNKNOT_TREND_CHART (chart), days, since, until);
      frame (chart, &snapshot_ms[run], &render_ms[run]);
      total_ms[run] = snapshot_ms[run] + render_ms[run];
    }

  snapshot = median (snapshot_ms, RUNS);
  render = median (render_ms, RUNS);
  total = median (total_ms, RUNS);
  g_print ("  %-10s %4d×%-4d snapshot %6.3f ms + render %6.3f ms = %6.3f ms a frame"
           " = %.2f × the %.0f ms target\n",
           hover ? "hover" : "new days", width, height, snapshot, render, total, total / TARGET_MS, TARGET_MS);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) days = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;
  GtkWindow *window;
  GtkWidget *chart;

  gtk_init ();
  adw_init ();

  days = a_year (&since, &until);
  chart = unknot_trend_chart_new ();
  gtk_widget_set_halign (chart, GTK_ALIGN_START);
  gtk_widget_set_valign (chart, GTK_ALIGN_START);
  unknot_trend_chart_set_days (UNKNOT_TREND_CHART (chart), days, since, until);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_child (window, chart);
  gtk_window_present (window);

  g_print ("trend chart, a year of days (%u points a line), renderer %s, scale %d, medians of %d frames:\n",
           days->len, G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))),
           gtk_widget_get_scale_factor (chart), RUNS);
  measure (window, chart, days, since, until, FALSE, 720, 240);
  measure (window, chart, days, since, until, TRUE, 720, 240);
  measure (window, chart, days, since, until, FALSE, 1600, 400);
  measure (window, chart, days, since, until, TRUE, 1600, 400);

  gtk_window_destroy (window);

  return 0;
}
