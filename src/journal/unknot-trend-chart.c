/* unknot-trend-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pain over time: one point per local day, a line for the day's pain before a
 * session and one for the pain after it, and the relief between them shaded. A day
 * without entries is a gap in both lines, never a zero; a day whose entries noted no
 * pain after breaks only the line of the pain after. The 0–10 axis is on the left,
 * dates below, fewer of them when the chart is narrow.
 *
 * unknot_trend_chart_draw () draws it into any GtkSnapshot (the printed report uses
 * it); the widget calls it from its snapshot with colours from its style: its CSS
 * node "trendchart" has a child node per colour ("before", "after", "relief", "grid"),
 * never drawn, whose color the stylesheet sets for light, dark and high contrast.
 *
 * The widget keeps its drawing but for the selected day as pixels at the device's
 * scale, which it rasterises itself (unknot-trend-raster.c: cairo's stroker, which
 * GSK uses for paths, takes ten times as long on a year's zigzag), and its labels as
 * a node; a frame that only moves the selection draws these and the marker. A new
 * drawing's slices of rows are drawn side by side, by this thread and those of a
 * thread pool the widget keeps from its first drawing until it is finalized (the
 * pool's threads are GLib's shared ones: they keep nothing alive).
 *
 * Pointing at a day, or moving to it with Left, Right, Home and End, selects it; the
 * selected day's values are in :selection-text and in the accessible description,
 * after the summary the page gives with unknot_trend_chart_set_summary ().
 */

#define G_LOG_DOMAIN "unknot-trend-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "unknot-journal-stats.h"
#include "unknot-trend-chart.h"
#include "unknot-trend-raster.h"

#define PAD          6.0f
#define TICK_GAP     6.0f
#define LINE_WIDTH   2.5f
#define DOT_RADIUS   3.5f
#define MIN_LABEL_PX 72.0f
#define SEGMENTS_PER_STROKE 16

/* The widget's labels, laid out once: a new drawing (new days, a new size) lays out
 * the same figures and dates again. The widget owns it and hangs it, unowned, on its
 * Pango context, where make_layout () finds it; it holds while the context's serial
 * (its font, its resolution) stays. A context without one (the printed report's)
 * lays out every time. */
typedef struct {
  guint       serial;
  GHashTable *layouts;  /* text → PangoLayout */
} LayoutCache;

#define LAYOUT_CACHE_MAX 64

struct _UnknotTrendChart
{
  GtkWidget  parent_instance;

  GArray    *days;
  GDateTime *since;
  GDateTime *until;
  int        selected_day;
  char      *summary;
  char      *selection_text;
  double     pointer_x, pointer_y;  /* where the pointer last was; NAN when outside */

  /* The drawing but for the selection, rasterised once at the device's pixels, and
   * its labels: a frame that only moves the selection (a hover) draws these and the
   * marker. */
  GdkTexture    *cache;
  GskRenderNode *cache_labels;
  LayoutCache    layouts;
  int            cache_width, cache_height, cache_scale;
  UnknotTrendChartColours cache_colours;
  GThreadPool   *pool;  /* draws slices of a new drawing, made on first use */

  /* Never drawn: their CSS nodes carry the colours. */
  GtkWidget *before_node;
  GtkWidget *after_node;
  GtkWidget *relief_node;
  GtkWidget *grid_node;
};

G_DEFINE_FINAL_TYPE (UnknotTrendChart, unknot_trend_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_DAY,
  PROP_SELECTION_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where things are: shared by the drawing and by the pointer. */
typedef struct {
  float  left, top, right, bottom;  /* the plot area */
  guint  first;                     /* the Julian day at the left edge */
  guint  n_days;                    /* days from the left edge to the right one */
} Geometry;

/* The Julian day of a yyyymmdd as GDate counts it (1 January of year 1 is day 1),
 * or 0 if it is no date: worked out as GDate does, without making one, since every
 * drawing asks for every day's. */
static guint
julian_of (int yyyymmdd)
{
  static const guint8 days_in_month[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  static const guint16 days_before[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
  int y = yyyymmdd / 10000, m = (yyyymmdd / 100) % 100, d = yyyymmdd % 100;
  gboolean leap;
  guint before;

  if (y < 1 || y > G_MAXUINT16 || m < 1 || m > 12 || d < 1)
    return 0;
  leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > days_in_month[m - 1] + (m == 2 && leap))
    return 0;
  before = (guint) (y - 1);
  return before * 365 + before / 4 - before / 100 + before / 400 + days_before[m - 1] + (m > 2 && leap) + d;
}

static guint
julian_of_datetime (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  int y, m, d;

  g_date_time_get_ymd (local, &y, &m, &d);
  return julian_of (y * 10000 + m * 100 + d);
}

static const UnknotJournalStatsDay *
day_at (GArray *days,
        guint   i)
{
  return &g_array_index (days, UnknotJournalStatsDay, i);
}

/* The days shown: from @since (or the first day with entries) to the day before
 * @until (or the last day with entries). FALSE when there is nothing to show. */
static gboolean
day_span (GArray    *days,
          GDateTime *since,
          GDateTime *until,
          guint     *first,
          guint     *last)
{
  guint n = days != NULL ? days->len : 0;

  *first = since != NULL ? julian_of_datetime (since) : (n > 0 ? julian_of (day_at (days, 0)->day) : 0);
  if (until != NULL)
    {
      g_autoptr(GDateTime) before_until = g_date_time_add_seconds (until, -1);

      *last = julian_of_datetime (before_until);
    }
  else
    *last = n > 0 ? julian_of (day_at (days, n - 1)->day) : *first;

  if (*first == 0 || *last < *first)
    return FALSE;
  return TRUE;
}

static GQuark
layout_cache_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("unknot-trend-chart-layouts");
  return quark;
}

static PangoLayout *
new_layout (PangoContext *context,
            const char   *text)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));

  /* A little smaller than the text around it, with figures of one width. */
  if (font != NULL)
    {
      int size = pango_font_description_get_size (font);

      if (size > 0)
        pango_font_description_set_size (font, size * 9 / 10);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Returns: (transfer full): @text laid out as a label */
static PangoLayout *
make_layout (PangoContext *context,
             const char   *text)
{
  LayoutCache *cache = g_object_get_qdata (G_OBJECT (context), layout_cache_quark ());
  PangoLayout *layout;

  if (cache == NULL)
    return new_layout (context, text);

  if (cache->serial != pango_context_get_serial (context) ||
      g_hash_table_size (cache->layouts) >= LAYOUT_CACHE_MAX)
    {
      g_hash_table_remove_all (cache->layouts);
      cache->serial = pango_context_get_serial (context);
    }
  layout = g_hash_table_lookup (cache->layouts, text);
  if (layout == NULL)
    {
      layout = new_layout (context, text);
      g_hash_table_insert (cache->layouts, g_strdup (text), layout);
    }
  return g_object_ref (layout);
}

static void
measure_text (PangoContext *context,
              const char   *text,
              int          *width,
              int          *height)
{
  g_autoptr(PangoLayout) layout = make_layout (context, text);

  pango_layout_get_pixel_size (layout, width, height);
}

static gboolean
compute_geometry (PangoContext *context,
                  GArray       *days,
                  GDateTime    *since,
                  GDateTime    *until,
                  float         width,
                  float         height,
                  Geometry     *geometry)
{
  guint first, last;
  int label_width, label_height;

  memset (geometry, 0, sizeof *geometry);
  measure_text (context, "10", &label_width, &label_height);
  geometry->left = PAD + label_width + TICK_GAP;
  geometry->top = PAD + label_height / 2.0f;
  geometry->right = width - PAD - label_width / 2.0f;
  geometry->bottom = height - PAD - label_height - TICK_GAP;

  if (!day_span (days, since, until, &first, &last))
    return FALSE;
  geometry->first = first;
  geometry->n_days = last - first + 1;
  return geometry->right > geometry->left && geometry->bottom > geometry->top;
}

static float
x_of (const Geometry *g,
      guint           julian)
{
  float plot = g->right - g->left;

  if (g->n_days <= 1)
    return g->left + plot / 2.0f;
  return g->left + plot * (float) (julian - g->first) / (float) (g->n_days - 1);
}

static float
y_of (const Geometry *g,
      double          pain)
{
  return g->bottom - (g->bottom - g->top) * (float) CLAMP (pain, 0.0, 10.0) / 10.0f;
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoContext  *context,
             const char    *text,
             float          x,
             float          y,
             float          xalign,
             float          yalign,
             const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = make_layout (context, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (roundf (x - w * xalign), roundf (y - h * yalign)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* A line through the days' values, broken wherever a day is missing (or, for the
 * pain after, noted no pain after). A point with no neighbour gets a dot, so that a
 * lone day shows. */
static void
append_line (GtkSnapshot    *snapshot,
             const Geometry *g,
             GArray         *days,
             gboolean        after,
             gboolean        dots,
             const GdkRGBA  *color)
{
  g_autoptr(GskPathBuilder) lines = gsk_path_builder_new ();
  g_autoptr(GskPathBuilder) points = gsk_path_builder_new ();
  g_autoptr(GskPath) path = NULL;
  g_autoptr(GskStroke) stroke = gsk_stroke_new (LINE_WIDTH);
  guint previous = 0, n_segments = 0;
  float previous_x = 0, previous_y = 0;
  gboolean any_line = FALSE, any_point = FALSE;

  gsk_stroke_set_line_join (stroke, GSK_LINE_JOIN_ROUND);
  gsk_stroke_set_line_cap (stroke, GSK_LINE_CAP_ROUND);

  for (guint i = 0; i < days->len; i++)
    {
      const UnknotJournalStatsDay *day = day_at (days, i);
      double value = after ? day->pain_after : day->pain_before;
      guint julian = julian_of (day->day);
      gboolean joined_before, joined_after = FALSE;
      float x, y;

      if (julian < g->first || julian >= g->first + g->n_days || isnan (value))
        {
          previous = 0;
          continue;
        }
      x = x_of (g, julian);
      y = y_of (g, value);
      joined_before = previous != 0 && julian == previous + 1;
      if (i + 1 < days->len)
        {
          const UnknotJournalStatsDay *next = day_at (days, i + 1);

          joined_after = julian_of (next->day) == julian + 1 &&
                         !isnan (after ? next->pain_after : next->pain_before);
        }

      /* A software renderer strokes a long zigzag in time that grows faster than its
       * length (every crossing of its edges counts): a year is stroked in pieces. */
      if (joined_before && n_segments >= SEGMENTS_PER_STROKE)
        {
          path = gsk_path_builder_free_to_path (g_steal_pointer (&lines));
          gtk_snapshot_append_stroke (snapshot, path, stroke, color);
          g_clear_pointer (&path, gsk_path_unref);
          lines = gsk_path_builder_new ();
          gsk_path_builder_move_to (lines, previous_x, previous_y);
          n_segments = 0;
        }

      if (joined_before)
        {
          gsk_path_builder_line_to (lines, x, y);
          any_line = TRUE;
          n_segments++;
        }
      else
        gsk_path_builder_move_to (lines, x, y);
      previous_x = x;
      previous_y = y;

      if (dots || (!joined_before && !joined_after))
        {
          gsk_path_builder_add_circle (points, &GRAPHENE_POINT_INIT (x, y), DOT_RADIUS);
          any_point = TRUE;
        }
      previous = julian;
    }

  if (any_line)
    {
      path = gsk_path_builder_free_to_path (g_steal_pointer (&lines));
      gtk_snapshot_append_stroke (snapshot, path, stroke, color);
      g_clear_pointer (&path, gsk_path_unref);
    }
  if (any_point)
    {
      path = gsk_path_builder_free_to_path (g_steal_pointer (&points));
      gtk_snapshot_append_fill (snapshot, path, GSK_FILL_RULE_WINDING, color);
    }
}

/* The area between the two lines, over each run of days that noted both. A run of
 * one day is a bar between the two points. */
static void
append_relief (GtkSnapshot    *snapshot,
               const Geometry *g,
               GArray         *days,
               const GdkRGBA  *color)
{
  g_autoptr(GskPathBuilder) builder = gsk_path_builder_new ();
  g_autoptr(GskPath) path = NULL;
  float half = CLAMP ((g->right - g->left) / MAX (g->n_days, 1) / 4.0f, 1.5f, DOT_RADIUS);
  gboolean any = FALSE;
  guint i = 0;

  while (i < days->len)
    {
      guint start = i, end;

      if (isnan (day_at (days, i)->pain_after) ||
          julian_of (day_at (days, i)->day) < g->first ||
          julian_of (day_at (days, i)->day) >= g->first + g->n_days)
        {
          i++;
          continue;
        }
      end = i;
      while (end + 1 < days->len &&
             !isnan (day_at (days, end + 1)->pain_after) &&
             julian_of (day_at (days, end + 1)->day) == julian_of (day_at (days, end)->day) + 1 &&
             julian_of (day_at (days, end + 1)->day) < g->first + g->n_days)
        end++;

      if (start == end)
        {
          const UnknotJournalStatsDay *day = day_at (days, start);
          float x = x_of (g, julian_of (day->day));
          float y1 = y_of (g, day->pain_before), y2 = y_of (g, day->pain_after);

          gsk_path_builder_add_rect (builder, &GRAPHENE_RECT_INIT (x - half, MIN (y1, y2),
                                                                2 * half, fabsf (y1 - y2)));
        }
      else
        {
          for (guint k = start; k <= end; k++)
            {
              const UnknotJournalStatsDay *day = day_at (days, k);
              float x = x_of (g, julian_of (day->day)), y = y_of (g, day->pain_before);

              if (k == start)
                gsk_path_builder_move_to (builder, x, y);
              else
                gsk_path_builder_line_to (builder, x, y);
            }
          for (guint k = end + 1; k-- > start;)
            {
              const UnknotJournalStatsDay *day = day_at (days, k);

              gsk_path_builder_line_to (builder, x_of (g, julian_of (day->day)), y_of (g, day->pain_after));
            }
          gsk_path_builder_close (builder);
        }
      any = TRUE;
      i = end + 1;
    }

  if (!any)
    return;
  path = gsk_path_builder_free_to_path (g_steal_pointer (&builder));
  gtk_snapshot_append_fill (snapshot, path, GSK_FILL_RULE_WINDING, color);
}

static char *
format_axis_date (guint julian,
                  guint n_days)
{
  GDate date;
  g_autoptr(GDateTime) when = NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);
  /* Translators: a date under the trend chart, strftime () style: “3 Nov” */
  return g_date_time_format (when, n_days > 400 ? _("%b %Y") : _("%-d %b"));
}

/* The 0–10 axis has a line every 2 points, a label every 2, or every 5 when short. */
static guint
axis_step (PangoContext   *context,
           const Geometry *g)
{
  int label_width, label_height;

  measure_text (context, "10", &label_width, &label_height);
  return (g->bottom - g->top) / 5.0f < label_height * 1.2f ? 5 : 2;
}

/* A grid line's y: on a device pixel's middle, at scale 1 and 2 alike. */
static float
grid_y (const Geometry *g,
        guint           value)
{
  return floorf (y_of (g, value)) + 0.5f;
}

/* The labels of both axes: the 0–10 one, and the dates when there are days to show.
 * They lie outside the plot area, clear of the lines, the relief and the dots. */
static void
append_labels (GtkSnapshot                   *snapshot,
               PangoContext                  *context,
               const Geometry                *g,
               gboolean                       has_span,
               const UnknotTrendChartColours *colours)
{
  guint step = axis_step (context, g);
  guint n_ticks, n_labels;

  for (guint v = 0; v <= 10; v += step)
    {
      char text[4];

      g_snprintf (text, sizeof text, "%u", v);
      append_text (snapshot, context, text, g->left - TICK_GAP, grid_y (g, v), 1.0f, 0.5f, &colours->text);
    }

  if (!has_span)
    return;

  /* Dates: as many as fit, never closer than a label's width, first and last. */
  {
    g_autofree char *first_text = format_axis_date (g->first, g->n_days);
    g_autofree char *last_text = format_axis_date (g->first + g->n_days - 1, g->n_days);
    int first_width, last_width, text_height;
    float plot = g->right - g->left, widest;

    /* The first label starts at the left edge and the last ends at the right one, so
     * each label needs its own width and a gap on either side. */
    measure_text (context, first_text, &first_width, &text_height);
    measure_text (context, last_text, &last_width, &text_height);
    widest = MAX (first_width, last_width) * 1.2f + 24.0f;
    n_labels = (guint) MAX (2.0f, floorf (plot / MAX (MIN_LABEL_PX, widest)));
    n_labels = MIN (n_labels, g->n_days);
    n_ticks = n_labels;
    for (guint i = 0; i < n_ticks; i++)
      {
        guint offset = n_ticks == 1 ? 0 : (guint) roundf ((float) (g->n_days - 1) * i / (n_ticks - 1));
        g_autofree char *text = format_axis_date (g->first + offset, g->n_days);
        float x = x_of (g, g->first + offset);
        float xalign = n_ticks == 1 ? 0.5f : (i == 0 ? 0.0f : (i + 1 == n_ticks ? 1.0f : 0.5f));

        append_text (snapshot, context, g_strstrip (text), x, g->bottom + TICK_GAP, xalign, 0.0f,
                     &colours->text);
      }
  }
}

static gboolean
show_dots (const Geometry *g)
{
  return (g->right - g->left) / MAX (g->n_days, 1) >= 4 * DOT_RADIUS;
}

/* The whole drawing, but for a selected day, as paths (for the printed report). */
static void
draw_chart (GtkSnapshot                   *snapshot,
            PangoContext                  *context,
            GArray                        *days,
            GDateTime                     *since,
            GDateTime                     *until,
            float                          width,
            float                          height,
            const UnknotTrendChartColours *colours)
{
  g_autoptr(GArray) none = NULL;
  Geometry g;
  gboolean has_span;
  guint step;

  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));
  g_return_if_fail (PANGO_IS_CONTEXT (context));
  g_return_if_fail (colours != NULL);

  if (days == NULL)
    days = none = g_array_new (FALSE, FALSE, sizeof (UnknotJournalStatsDay));

  has_span = compute_geometry (context, days, since, until, width, height, &g);
  if (g.right <= g.left || g.bottom <= g.top)
    return;

  step = axis_step (context, &g);
  {
    g_autoptr(GskPathBuilder) builder = gsk_path_builder_new ();
    g_autoptr(GskPath) path = NULL;
    g_autoptr(GskStroke) stroke = gsk_stroke_new (1.0f);

    for (guint v = 0; v <= 10; v += step)
      {
        gsk_path_builder_move_to (builder, g.left, grid_y (&g, v));
        gsk_path_builder_line_to (builder, g.right, grid_y (&g, v));
      }
    path = gsk_path_builder_free_to_path (g_steal_pointer (&builder));
    gtk_snapshot_append_stroke (snapshot, path, stroke, &colours->grid);
  }
  append_labels (snapshot, context, &g, has_span, colours);

  if (!has_span)
    return;

  append_relief (snapshot, &g, days, &colours->relief);
  append_line (snapshot, &g, days, FALSE, show_dots (&g), &colours->before);
  append_line (snapshot, &g, days, TRUE, show_dots (&g), &colours->after);
}

/* The same drawing but for the labels, straight into pixels at @scale: what the
 * widget keeps (see unknot-trend-raster.c for why). The shapes are worked out once,
 * in device pixels, and every slice of rows draws them. */
typedef struct {
  GArray *xy;    /* float pairs: the points of every run, one run after another */
  GArray *ends;  /* guint: where each run ends, in points */
  GArray *dots;  /* float pairs */
} Line;

typedef struct {
  GArray *x, *y1, *y2;  /* float: the points of every band, one band after another */
  GArray *ends;         /* guint: where each band ends, in points */
  GArray *rects;        /* float quads, x, y, width and height: a lone day's bar */
} Relief;

typedef struct {
  const Geometry                *g;
  int                            scale;
  guint                          step;
  const UnknotTrendChartColours *colours;
  gboolean                       has_days;
  Line                           lines[2];  /* the pain before, the pain after */
  Relief                         relief;
} Shapes;

static void
shapes_clear (Shapes *shapes)
{
  for (guint k = 0; k < G_N_ELEMENTS (shapes->lines); k++)
    {
      g_clear_pointer (&shapes->lines[k].xy, g_array_unref);
      g_clear_pointer (&shapes->lines[k].ends, g_array_unref);
      g_clear_pointer (&shapes->lines[k].dots, g_array_unref);
    }
  g_clear_pointer (&shapes->relief.x, g_array_unref);
  g_clear_pointer (&shapes->relief.y1, g_array_unref);
  g_clear_pointer (&shapes->relief.y2, g_array_unref);
  g_clear_pointer (&shapes->relief.ends, g_array_unref);
  g_clear_pointer (&shapes->relief.rects, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Shapes, shapes_clear)

/* A run of days in a row is a line; a run of one day is a dot, and so is every day
 * when there is room for dots. */
static void
line_shapes (Line           *line,
             const Geometry *g,
             GArray         *days,
             const guint    *julians,
             float           scale,
             gboolean        after,
             gboolean        dots)
{
  guint previous = 0, start = 0;

  line->xy = g_array_new (FALSE, FALSE, sizeof (float));
  line->ends = g_array_new (FALSE, FALSE, sizeof (guint));
  line->dots = g_array_new (FALSE, FALSE, sizeof (float));

  for (guint i = 0; i <= days->len; i++)
    {
      const UnknotJournalStatsDay *day = i < days->len ? day_at (days, i) : NULL;
      double value = day == NULL ? NAN : after ? day->pain_after : day->pain_before;
      gboolean shown = day != NULL && julians[i] >= g->first && julians[i] < g->first + g->n_days &&
                       !isnan (value);
      gboolean joined = shown && previous != 0 && julians[i] == previous + 1;
      guint n = line->xy->len / 2;
      float xy[2];

      /* A run ends where the next day does not join it. */
      if (!joined && n > start)
        {
          if (n - start > 1)
            g_array_append_val (line->ends, n);
          else
            {
              if (!dots)
                g_array_append_vals (line->dots, &g_array_index (line->xy, float, 2 * start), 2);
              g_array_set_size (line->xy, 2 * start);
            }
          start = line->xy->len / 2;
        }
      if (!shown)
        {
          previous = 0;
          continue;
        }

      xy[0] = x_of (g, julians[i]) * scale;
      xy[1] = y_of (g, value) * scale;
      g_array_append_vals (line->xy, xy, 2);
      if (dots)
        g_array_append_vals (line->dots, xy, 2);
      previous = julians[i];
    }
}

/* The relief between the lines wherever both are, as bands; a lone day as a bar. */
static void
relief_shapes (Relief         *relief,
               const Geometry *g,
               GArray         *days,
               const guint    *julians,
               float           scale)
{
  float half = CLAMP ((g->right - g->left) / MAX (g->n_days, 1) / 4.0f, 1.5f, DOT_RADIUS);
  guint i = 0;

  relief->x = g_array_new (FALSE, FALSE, sizeof (float));
  relief->y1 = g_array_new (FALSE, FALSE, sizeof (float));
  relief->y2 = g_array_new (FALSE, FALSE, sizeof (float));
  relief->ends = g_array_new (FALSE, FALSE, sizeof (guint));
  relief->rects = g_array_new (FALSE, FALSE, sizeof (float));

  while (i < days->len)
    {
      guint end;

      if (isnan (day_at (days, i)->pain_after) ||
          julians[i] < g->first || julians[i] >= g->first + g->n_days)
        {
          i++;
          continue;
        }
      end = i;
      while (end + 1 < days->len &&
             !isnan (day_at (days, end + 1)->pain_after) &&
             julians[end + 1] == julians[end] + 1 &&
             julians[end + 1] < g->first + g->n_days)
        end++;

      if (end == i)
        {
          float y1 = y_of (g, day_at (days, i)->pain_before) * scale;
          float y2 = y_of (g, day_at (days, i)->pain_after) * scale;
          float rect[4] = { x_of (g, julians[i]) * scale - half * scale, MIN (y1, y2),
                            2 * half * scale, fabsf (y1 - y2) };

          g_array_append_vals (relief->rects, rect, 4);
        }
      else
        {
          for (guint k = i; k <= end; k++)
            {
              float x = x_of (g, julians[k]) * scale;
              float y1 = y_of (g, day_at (days, k)->pain_before) * scale;
              float y2 = y_of (g, day_at (days, k)->pain_after) * scale;

              g_array_append_val (relief->x, x);
              g_array_append_val (relief->y1, y1);
              g_array_append_val (relief->y2, y2);
            }
          g_array_append_val (relief->ends, relief->x->len);
        }
      i = end + 1;
    }
}

static void
raster_line (UnknotTrendRaster *raster,
             const Line        *line,
             float              scale,
             const GdkRGBA     *color)
{
  const float *xy = (const float *) (gpointer) line->xy->data;
  guint start = 0;

  for (guint r = 0; r < line->ends->len; r++)
    {
      guint end = g_array_index (line->ends, guint, r);

      unknot_trend_raster_stroke_polyline (raster, xy + 2 * start, end - start, LINE_WIDTH * scale);
      start = end;
    }
  unknot_trend_raster_composite (raster, color);

  for (guint i = 0; i < line->dots->len; i += 2)
    unknot_trend_raster_fill_circle (raster, g_array_index (line->dots, float, i),
                                     g_array_index (line->dots, float, i + 1), DOT_RADIUS * scale);
  unknot_trend_raster_composite (raster, color);
}

static void
raster_relief (UnknotTrendRaster *raster,
               const Relief      *relief,
               const GdkRGBA     *color)
{
  guint start = 0;

  for (guint r = 0; r < relief->ends->len; r++)
    {
      guint end = g_array_index (relief->ends, guint, r);

      unknot_trend_raster_paint_band (raster, &g_array_index (relief->x, float, start),
                                      &g_array_index (relief->y1, float, start),
                                      &g_array_index (relief->y2, float, start), end - start, color);
      start = end;
    }
  for (guint i = 0; i < relief->rects->len; i += 4)
    {
      const float *rect = &g_array_index (relief->rects, float, i);

      unknot_trend_raster_fill_rect (raster, rect[0], rect[1], rect[2], rect[3]);
    }
  unknot_trend_raster_composite (raster, color);
}

/* Every shape, into the rows of one slice. */
static void
raster_shapes (UnknotTrendRaster *slice,
               const Shapes      *s)
{
  const Geometry *g = s->g;

  for (guint v = 0; v <= 10; v += s->step)
    unknot_trend_raster_fill_rect (slice, g->left * s->scale, (grid_y (g, v) - 0.5f) * s->scale,
                                   (g->right - g->left) * s->scale, s->scale);
  unknot_trend_raster_composite (slice, &s->colours->grid);

  if (s->has_days)
    {
      raster_relief (slice, &s->relief, &s->colours->relief);
      raster_line (slice, &s->lines[0], s->scale, &s->colours->before);
      raster_line (slice, &s->lines[1], s->scale, &s->colours->after);
    }
}

/* Adds @cost to every row from @lo to @hi of @change, a row's change from the last. */
static inline void
add_rows (float *change,
          int    height,
          float  lo,
          float  hi,
          float  cost)
{
  int from = CLAMP ((int) floorf (lo), 0, height), to = CLAMP ((int) ceilf (hi), from, height);

  change[from] += cost;
  change[to] -= cost;
}

/* How much drawing each device row of @height takes, roughly, in the units of a
 * pixel of a line: a row of a line's segment costs its pixels and a little for the
 * row; one of a band, its pixels and its share of sampling the columns; every row,
 * the mask's scans. Slices of equal work, not of equal rows, finish together. */
static void
estimate_work (const Shapes *s,
               int           width,
               int           height,
               float        *work)
{
  float reach = LINE_WIDTH * s->scale / 2.0f + 1.0f;
  g_autofree float *change = g_new0 (float, height + 1);
  float level = 0.0f;

  for (guint k = 0; s->has_days && k < G_N_ELEMENTS (s->lines); k++)
    {
      const Line *line = &s->lines[k];
      const float *xy = (const float *) (gpointer) line->xy->data;
      guint start = 0;

      for (guint r = 0; r < line->ends->len; r++)
        {
          guint end = g_array_index (line->ends, guint, r);

          for (guint i = start + 1; i < end; i++)
            {
              float dx = fabsf (xy[2 * i] - xy[2 * i - 2]), dy = fabsf (xy[2 * i + 1] - xy[2 * i - 1]);
              float across = dy > 1.0f ? reach * sqrtf (dx * dx + dy * dy) / dy : dx + reach;

              add_rows (change, height, MIN (xy[2 * i - 1], xy[2 * i + 1]) - reach,
                        MAX (xy[2 * i - 1], xy[2 * i + 1]) + reach, 8.0f + 2.0f * MIN (across, dx + reach));
            }
          start = end;
        }
      for (guint i = 0; i < line->dots->len; i += 2)
        add_rows (change, height, g_array_index (line->dots, float, i + 1) - 2 * reach,
                  g_array_index (line->dots, float, i + 1) + 2 * reach, 8.0f + 4.0f * reach);
    }

  if (s->has_days)
    {
      const Relief *relief = &s->relief;
      guint start = 0;

      for (guint r = 0; r < relief->ends->len; r++)
        {
          guint end = g_array_index (relief->ends, guint, r);

          for (guint i = start + 1; i < end; i++)
            {
              const float *x = (const float *) (gpointer) relief->x->data;
              const float *y1 = (const float *) (gpointer) relief->y1->data;
              const float *y2 = (const float *) (gpointer) relief->y2->data;
              float lo = MIN (MIN (y1[i - 1], y1[i]), MIN (y2[i - 1], y2[i]));
              float hi = MAX (MAX (y1[i - 1], y1[i]), MAX (y2[i - 1], y2[i]));
              float columns = x[i] - x[i - 1];

              add_rows (change, height, lo, hi + 1.0f, columns * (0.5f + 8.0f / MAX (1.0f, hi - lo)));
            }
          start = end;
        }
    }

  for (int j = 0; j < height; j++)
    {
      level += change[j];
      work[j] = level + width / 16.0f;
    }
}

#define MAX_SLICES 4

/* One drawing's slices, shared by the threads that draw them: a slice is drawn by
 * whichever thread claims it first (the pool's, or the one waiting for them). */
typedef struct _Job Job;

typedef struct {
  Job               *job;
  const Shapes      *shapes;  /* read, never written, by every slice */
  UnknotTrendRaster *whole;
  int                top, bottom;
  int                claimed;
} Slice;

struct _Job {
  GMutex mutex;
  GCond  cond;
  guint  n_slices, n_drawn;
  Slice  slices[MAX_SLICES];
};

static void
job_clear (gpointer data)
{
  Job *job = data;

  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
}

static void
draw_slice (Slice *s)
{
  g_autoptr(UnknotTrendRaster) slice = NULL;

  if (!g_atomic_int_compare_and_exchange (&s->claimed, 0, 1))
    return;
  slice = unknot_trend_raster_new_slice (s->whole, s->top, s->bottom);
  raster_shapes (slice, s->shapes);
  g_clear_pointer (&slice, unknot_trend_raster_free);

  g_mutex_lock (&s->job->mutex);
  s->job->n_drawn++;
  g_cond_signal (&s->job->cond);
  g_mutex_unlock (&s->job->mutex);
}

/* A pool's thread: it holds a reference on the job, which a late task (one whose
 * slice was drawn already) may outlive the drawing with. */
static void
draw_slice_cb (gpointer data,
               gpointer user_data)
{
  Slice *s = data;
  Job *job = s->job;

  draw_slice (s);
  g_atomic_rc_box_release_full (job, job_clear);
}

/* The drawing but for its labels, in pixels: in slices of rows of about equal work,
 * one a processor (up to 4), each at least 64 device rows (fewer are not worth a
 * thread), drawn by the threads of @pool (made on first use, kept between drawings)
 * and this one. */
static GdkTexture *
raster_chart (GThreadPool                  **pool,
              PangoContext                  *context,
              GArray                        *days,
              GDateTime                     *since,
              GDateTime                     *until,
              int                            width,
              int                            height,
              int                            scale,
              const UnknotTrendChartColours *colours)
{
  g_autoptr(UnknotTrendRaster) raster = unknot_trend_raster_new (width * scale, height * scale);
  g_autofree guint *julians = NULL;
  g_auto(Shapes) shapes = { NULL, };
  Job *job;
  Geometry g;
  gboolean has_span;
  int rows = height * scale, n_slices;

  has_span = compute_geometry (context, days, since, until, width, height, &g);
  if (g.right <= g.left || g.bottom <= g.top)
    return unknot_trend_raster_free_to_texture (g_steal_pointer (&raster));

  shapes = (Shapes) {
    .g = &g,
    .scale = scale,
    .step = axis_step (context, &g),
    .colours = colours,
    .has_days = has_span && days != NULL && days->len > 0,
  };
  if (shapes.has_days)
    {
      julians = g_new (guint, days->len);
      for (guint i = 0; i < days->len; i++)
        julians[i] = julian_of (day_at (days, i)->day);
      relief_shapes (&shapes.relief, &g, days, julians, scale);
      line_shapes (&shapes.lines[0], &g, days, julians, scale, FALSE, show_dots (&g));
      line_shapes (&shapes.lines[1], &g, days, julians, scale, TRUE, show_dots (&g));
    }

  n_slices = CLAMP (MIN ((int) g_get_num_processors (), rows / 64), 1, MAX_SLICES);
  if (n_slices > 1 && *pool == NULL)
    *pool = g_thread_pool_new (draw_slice_cb, NULL, MAX_SLICES - 1, FALSE, NULL);
  if (*pool == NULL)
    n_slices = 1;

  job = g_atomic_rc_box_new0 (Job);
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);
  job->n_slices = n_slices;
  {
    g_autofree float *work = g_new (float, rows);
    double total = 0.0, sum = 0.0;
    int top = 0;

    estimate_work (&shapes, width * scale, rows, work);
    for (int j = 0; j < rows; j++)
      total += work[j];
    for (int k = 0, j = 0; k < n_slices; k++)
      {
        /* The slice ends where the work so far reaches its share. */
        while (j < rows && (k + 1 == n_slices || sum + work[j] / 2 < total * (k + 1) / n_slices))
          sum += work[j++];
        job->slices[k] = (Slice) {
          .job = job,
          .shapes = &shapes,
          .whole = raster,
          .top = top,
          .bottom = j,
        };
        top = j;
      }
  }

  for (int k = 1; k < n_slices; k++)
    {
      Job *ref = g_atomic_rc_box_acquire (job);

      g_thread_pool_push (*pool, &ref->slices[k], NULL);
    }
  /* This thread draws the first slice, and any that no thread of the pool has begun. */
  for (int k = 0; k < n_slices; k++)
    draw_slice (&job->slices[k]);
  g_mutex_lock (&job->mutex);
  while (job->n_drawn < job->n_slices)
    g_cond_wait (&job->cond, &job->mutex);
  g_mutex_unlock (&job->mutex);
  g_atomic_rc_box_release_full (job, job_clear);

  return unknot_trend_raster_free_to_texture (g_steal_pointer (&raster));
}

/* The selected day, over the drawing: a line down the chart and a ring on each value. */
static void
draw_selection (GtkSnapshot                   *snapshot,
                PangoContext                  *context,
                GArray                        *days,
                GDateTime                     *since,
                GDateTime                     *until,
                float                          width,
                float                          height,
                const UnknotTrendChartColours *colours,
                int                            selected)
{
  Geometry g;

  if (selected == 0 || days == NULL ||
      !compute_geometry (context, days, since, until, width, height, &g))
    return;

  if (selected != 0)
    {
      guint julian = julian_of (selected);

      if (julian >= g.first && julian < g.first + g.n_days)
        {
          g_autoptr(GskPathBuilder) builder = gsk_path_builder_new ();
          g_autoptr(GskPath) path = NULL;
          g_autoptr(GskStroke) stroke = gsk_stroke_new (1.0f);
          float x = floorf (x_of (&g, julian)) + 0.5f;

          gsk_path_builder_move_to (builder, x, g.top);
          gsk_path_builder_line_to (builder, x, g.bottom);
          path = gsk_path_builder_free_to_path (g_steal_pointer (&builder));
          gtk_snapshot_append_stroke (snapshot, path, stroke, &colours->text);
        }
    }

  if (selected != 0)
    {
      for (guint i = 0; i < days->len; i++)
        {
          const UnknotJournalStatsDay *day = day_at (days, i);
          g_autoptr(GskPathBuilder) builder = NULL;
          g_autoptr(GskPath) path = NULL;
          g_autoptr(GskStroke) stroke = NULL;
          float x;

          if (day->day != selected || julian_of (day->day) < g.first)
            continue;
          x = x_of (&g, julian_of (day->day));
          stroke = gsk_stroke_new (2.0f);
          builder = gsk_path_builder_new ();
          gsk_path_builder_add_circle (builder, &GRAPHENE_POINT_INIT (x, y_of (&g, day->pain_before)),
                                       DOT_RADIUS + 2);
          path = gsk_path_builder_free_to_path (g_steal_pointer (&builder));
          gtk_snapshot_append_stroke (snapshot, path, stroke, &colours->before);
          g_clear_pointer (&path, gsk_path_unref);
          if (!isnan (day->pain_after))
            {
              builder = gsk_path_builder_new ();
              gsk_path_builder_add_circle (builder, &GRAPHENE_POINT_INIT (x, y_of (&g, day->pain_after)),
                                           DOT_RADIUS + 2);
              path = gsk_path_builder_free_to_path (g_steal_pointer (&builder));
              gtk_snapshot_append_stroke (snapshot, path, stroke, &colours->after);
            }
          break;
        }
    }
}

/* ---------------------------------------------------------------------------------- */
/* The widget */

static int
find_day (GArray *days,
          int     yyyymmdd)
{
  for (guint i = 0; days != NULL && i < days->len; i++)
    if (day_at (days, i)->day == yyyymmdd)
      return (int) i;
  return -1;
}

/* "Tuesday 3 November: pain 6.0 before, 3.5 after; 2 sessions" */
static char *
describe_day (const UnknotJournalStatsDay *day)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (day->day / 10000, (day->day / 100) % 100,
                                                     day->day % 100, 12, 0, 0);
  /* Translators: a day on the trend chart, strftime () style: “Tuesday 3 November” */
  g_autofree char *date = g_date_time_format (when, _("%A %-d %B"));
  g_autofree char *before = g_strdup_printf ("%.1f", day->pain_before);
  g_autofree char *after = NULL;

  g_strstrip (date);
  if (isnan (day->pain_after))
    return g_strdup_printf (/* Translators: %s is a day, then the average pain before (0 to 10);
                             * %u is the number of sessions */
                            ngettext ("%s: pain %s before, none noted after; %u session",
                                      "%s: pain %s before, none noted after; %u sessions",
                                      day->n_entries),
                            date, before, day->n_entries);

  after = g_strdup_printf ("%.1f", day->pain_after);
  return g_strdup_printf (/* Translators: %s is a day, then the average pain before and after
                           * (0 to 10); %u is the number of sessions */
                          ngettext ("%s: pain %s before, %s after; %u session",
                                    "%s: pain %s before, %s after; %u sessions",
                                    day->n_entries),
                          date, before, after, day->n_entries);
}

static void
update_description (UnknotTrendChart *self)
{
  g_autofree char *description = NULL;

  if (self->selection_text != NULL && self->summary != NULL)
    description = g_strconcat (self->summary, " ", self->selection_text, ".", NULL);
  else if (self->selection_text != NULL)
    description = g_strconcat (self->selection_text, ".", NULL);
  else
    description = g_strdup (self->summary ? self->summary : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
select_day (UnknotTrendChart *self,
            int               yyyymmdd)
{
  int index = find_day (self->days, yyyymmdd);
  g_autofree char *text = NULL;

  if (index < 0)
    yyyymmdd = 0;
  if (self->selected_day == yyyymmdd)
    return;

  self->selected_day = yyyymmdd;
  if (index >= 0)
    text = describe_day (day_at (self->days, index));
  g_free (self->selection_text);
  self->selection_text = g_steal_pointer (&text);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DAY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_TEXT]);
}

static void
clear_cache (UnknotTrendChart *self)
{
  g_clear_object (&self->cache);
  g_clear_pointer (&self->cache_labels, gsk_render_node_unref);
}

static void
get_colours (UnknotTrendChart        *self,
             UnknotTrendChartColours *colours)
{
  gtk_widget_get_color (self->before_node, &colours->before);
  gtk_widget_get_color (self->after_node, &colours->after);
  gtk_widget_get_color (self->relief_node, &colours->relief);
  gtk_widget_get_color (self->grid_node, &colours->grid);
  gtk_widget_get_color (GTK_WIDGET (self), &colours->text);
}

/* The day with entries nearest to @x, of those shown. */
static int
day_near (UnknotTrendChart *self,
          double            x)
{
  Geometry g;
  double best = G_MAXDOUBLE;
  int found = 0;

  if (self->days == NULL ||
      !compute_geometry (gtk_widget_get_pango_context (GTK_WIDGET (self)), self->days,
                         self->since, self->until,
                         gtk_widget_get_width (GTK_WIDGET (self)),
                         gtk_widget_get_height (GTK_WIDGET (self)), &g))
    return 0;

  for (guint i = 0; i < self->days->len; i++)
    {
      guint julian = julian_of (day_at (self->days, i)->day);
      double distance;

      if (julian < g.first || julian >= g.first + g.n_days)
        continue;
      distance = fabs (x_of (&g, julian) - x);
      if (distance < best)
        {
          best = distance;
          found = day_at (self->days, i)->day;
        }
    }
  return found;
}

/* The index of the first and last day shown, or FALSE for none. */
static gboolean
shown_days (UnknotTrendChart *self,
            guint            *first,
            guint            *last)
{
  guint from, to;
  gboolean any = FALSE;

  if (self->days == NULL || !day_span (self->days, self->since, self->until, &from, &to))
    return FALSE;
  for (guint i = 0; i < self->days->len; i++)
    {
      guint julian = julian_of (day_at (self->days, i)->day);

      if (julian < from || julian > to)
        continue;
      if (!any)
        *first = i;
      *last = i;
      any = TRUE;
    }
  return any;
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              UnknotTrendChart         *self)
{
  /* A pointer that did not move (the window's own motion events after a key, or a
   * warp to where it was) leaves the day the keys chose. */
  if (x == self->pointer_x && y == self->pointer_y)
    return;
  self->pointer_x = x;
  self->pointer_y = y;
  select_day (self, day_near (self, x));
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             UnknotTrendChart         *self)
{
  self->pointer_x = self->pointer_y = NAN;
}

static void
on_pressed_cb (GtkGestureClick  *gesture,
               int               n_press,
               double            x,
               double            y,
               UnknotTrendChart *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  select_day (self, day_near (self, x));
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   UnknotTrendChart      *self)
{
  guint first, last;
  int index;

  if (!shown_days (self, &first, &last))
    return GDK_EVENT_PROPAGATE;

  index = find_day (self->days, self->selected_day);
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      index = index < 0 ? (int) last : MAX ((int) first, index - 1);
      break;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      index = index < 0 ? (int) last : MIN ((int) last, index + 1);
      break;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      index = (int) first;
      break;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      index = (int) last;
      break;

    default:
      return GDK_EVENT_PROPAGATE;
    }

  select_day (self, day_at (self->days, index)->day);
  return GDK_EVENT_STOP;
}

static void
unknot_trend_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  UnknotTrendChart *self = UNKNOT_TREND_CHART (widget);
  UnknotTrendChartColours colours;

  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  PangoContext *context = gtk_widget_get_pango_context (widget);

  if (self->layouts.layouts == NULL)
    {
      self->layouts.layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      self->layouts.serial = pango_context_get_serial (context);
      g_object_set_qdata (G_OBJECT (context), layout_cache_quark (), &self->layouts);
    }

  get_colours (self, &colours);

  if (self->cache != NULL &&
      (self->cache_width != width || self->cache_height != height || self->cache_scale != scale ||
       memcmp (&self->cache_colours, &colours, sizeof colours) != 0))
    clear_cache (self);

  if (self->cache == NULL && width > 0 && height > 0)
    {
      GtkSnapshot *labels = gtk_snapshot_new ();
      Geometry g;
      gboolean has_span;

      self->cache = raster_chart (&self->pool, context, self->days, self->since, self->until,
                                  width, height, scale, &colours);
      has_span = compute_geometry (context, self->days, self->since, self->until, width, height, &g);
      if (g.right > g.left && g.bottom > g.top)
        append_labels (labels, context, &g, has_span, &colours);
      self->cache_labels = gtk_snapshot_free_to_node (labels);
      self->cache_width = width;
      self->cache_height = height;
      self->cache_scale = scale;
      self->cache_colours = colours;
    }

  if (self->cache != NULL)
    gtk_snapshot_append_texture (snapshot, self->cache, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->cache_labels != NULL)
    gtk_snapshot_append_node (snapshot, self->cache_labels);
  draw_selection (snapshot, context, self->days, self->since, self->until,
                  width, height, &colours, self->selected_day);

  if (gtk_widget_has_visible_focus (widget))
    {
      GskRoundedRect outline;
      GdkRGBA focus = colours.after;

      gsk_rounded_rect_init_from_rect (&outline,
                                       &GRAPHENE_RECT_INIT (1, 1, gtk_widget_get_width (widget) - 2,
                                                         gtk_widget_get_height (widget) - 2),
                                       6);
      focus.alpha = 0.5f;
      gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 2, 2, 2, 2 },
                                  (GdkRGBA[4]) { focus, focus, focus, focus });
    }
}

static void
unknot_trend_chart_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  UnknotTrendChart *self = UNKNOT_TREND_CHART (widget);

  GTK_WIDGET_CLASS (unknot_trend_chart_parent_class)->css_changed (widget, change);

  /* The colours, or the font of the labels, may have changed. */
  clear_cache (self);
  gtk_widget_queue_draw (widget);
}

static void
unknot_trend_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 480;
    }
  else
    {
      *minimum = 140;
      *natural = 220;
    }
}

static void
unknot_trend_chart_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  /* The colour nodes take no room; they are never drawn. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    gtk_widget_allocate (child, 0, 0, -1, NULL);
}

static void
unknot_trend_chart_dispose (GObject *object)
{
  UnknotTrendChart *self = UNKNOT_TREND_CHART (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->before_node = self->after_node = self->relief_node = self->grid_node = NULL;
  clear_cache (self);
  if (self->layouts.layouts != NULL)
    {
      g_object_set_qdata (G_OBJECT (gtk_widget_get_pango_context (GTK_WIDGET (self))),
                          layout_cache_quark (), NULL);
      g_clear_pointer (&self->layouts.layouts, g_hash_table_unref);
    }

  G_OBJECT_CLASS (unknot_trend_chart_parent_class)->dispose (object);
}

static void
unknot_trend_chart_finalize (GObject *object)
{
  UnknotTrendChart *self = UNKNOT_TREND_CHART (object);

  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->selection_text, g_free);
  /* Nothing is drawn any more: the tasks left are those of slices drawn already,
   * which end at once (unless no thread could be made to run them). */
  if (self->pool != NULL)
    {
      GThreadPool *pool = g_steal_pointer (&self->pool);

      g_thread_pool_free (pool, g_thread_pool_get_num_threads (pool) == 0, TRUE);
    }

  G_OBJECT_CLASS (unknot_trend_chart_parent_class)->finalize (object);
}

static void
unknot_trend_chart_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  UnknotTrendChart *self = UNKNOT_TREND_CHART (object);

  switch (prop_id)
    {
    case PROP_SELECTED_DAY:
      g_value_set_int (value, self->selected_day);
      break;

    case PROP_SELECTION_TEXT:
      g_value_set_string (value, self->selection_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_trend_chart_class_init (UnknotTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_trend_chart_dispose;
  object_class->finalize = unknot_trend_chart_finalize;
  object_class->get_property = unknot_trend_chart_get_property;

  widget_class->snapshot = unknot_trend_chart_snapshot;
  widget_class->measure = unknot_trend_chart_measure;
  widget_class->css_changed = unknot_trend_chart_css_changed;
  widget_class->size_allocate = unknot_trend_chart_size_allocate;

  /**
   * UnknotTrendChart:selected-day:
   *
   * The day pointed at or moved to, as yyyymmdd; 0 for none.
   */
  properties[PROP_SELECTED_DAY] =
    g_param_spec_int ("selected-day", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotTrendChart:selection-text:
   *
   * The selected day's values in words, or %NULL when no day is selected.
   */
  properties[PROP_SELECTION_TEXT] =
    g_param_spec_string ("selection-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "trendchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static GtkWidget *
add_colour_node (UnknotTrendChart *self,
                 const char       *name)
{
  GtkWidget *node = g_object_new (GTK_TYPE_BOX,
                                  "css-name", name,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  "can-target", FALSE,
                                  NULL);

  gtk_widget_set_parent (node, GTK_WIDGET (self));
  return node;
}

static void
unknot_trend_chart_init (UnknotTrendChart *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->before_node = add_colour_node (self, "before");
  self->after_node = add_colour_node (self, "after");
  self->relief_node = add_colour_node (self, "relief");
  self->grid_node = add_colour_node (self, "grid");

  self->pointer_x = self->pointer_y = NAN;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pain over time"),
                                  -1);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* ---------------------------------------------------------------------------------- */
/* Public API */

GtkWidget *
unknot_trend_chart_new (void)
{
  return g_object_new (UNKNOT_TYPE_TREND_CHART, NULL);
}

static void
set_datetime (GDateTime **field,
              GDateTime  *value)
{
  if (value != NULL)
    g_date_time_ref (value);
  g_clear_pointer (field, g_date_time_unref);
  *field = value;
}

/**
 * unknot_trend_chart_set_days:
 * @days: (nullable) (element-type UnknotJournalStatsDay): the days to show
 * @since: (nullable): the first moment shown; %NULL from the first day in @days
 * @until: (nullable): the end of what is shown; %NULL to the last day in @days
 *
 * Shows @days. A selected day that is still there stays selected, with its new values.
 */
void
unknot_trend_chart_set_days (UnknotTrendChart *self,
                             GArray           *days,
                             GDateTime        *since,
                             GDateTime        *until)
{
  int selected;

  g_return_if_fail (UNKNOT_IS_TREND_CHART (self));

  if (days != NULL)
    g_array_ref (days);
  g_clear_pointer (&self->days, g_array_unref);
  self->days = days;
  set_datetime (&self->since, since);
  set_datetime (&self->until, until);
  clear_cache (self);

  selected = self->selected_day;
  self->selected_day = -1;
  select_day (self, selected);
  if (self->selected_day == -1)
    self->selected_day = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GArray *
unknot_trend_chart_get_days (UnknotTrendChart *self)
{
  g_return_val_if_fail (UNKNOT_IS_TREND_CHART (self), NULL);

  return self->days;
}

int
unknot_trend_chart_get_selected_day (UnknotTrendChart *self)
{
  g_return_val_if_fail (UNKNOT_IS_TREND_CHART (self), 0);

  return self->selected_day;
}

/**
 * unknot_trend_chart_get_selection_text:
 *
 * Returns: (nullable): the selected day's values in words
 */
const char *
unknot_trend_chart_get_selection_text (UnknotTrendChart *self)
{
  g_return_val_if_fail (UNKNOT_IS_TREND_CHART (self), NULL);

  return self->selection_text;
}

/**
 * unknot_trend_chart_set_summary:
 * @summary: (nullable): what the chart shows in words, e.g. unknot_journal_stats_describe ()
 *
 * The accessible description: the summary, then the selected day's values.
 */
void
unknot_trend_chart_set_summary (UnknotTrendChart *self,
                                const char       *summary)
{
  g_return_if_fail (UNKNOT_IS_TREND_CHART (self));

  if (!g_set_str (&self->summary, summary))
    return;
  update_description (self);
}

const char *
unknot_trend_chart_get_summary (UnknotTrendChart *self)
{
  g_return_val_if_fail (UNKNOT_IS_TREND_CHART (self), NULL);

  return self->summary;
}

/**
 * unknot_trend_chart_select_day:
 * @day: yyyymmdd, a day in the chart's days; 0 for none
 */
void
unknot_trend_chart_select_day (UnknotTrendChart *self,
                               int               day)
{
  g_return_if_fail (UNKNOT_IS_TREND_CHART (self));

  select_day (self, day);
}

/**
 * unknot_trend_chart_get_day_x:
 * @day: yyyymmdd
 *
 * Returns: where @day is across the widget as it is allocated, or -1 outside it
 */
double
unknot_trend_chart_get_day_x (UnknotTrendChart *self,
                              int               day)
{
  Geometry g;
  guint julian = julian_of (day);

  g_return_val_if_fail (UNKNOT_IS_TREND_CHART (self), -1);

  if (!compute_geometry (gtk_widget_get_pango_context (GTK_WIDGET (self)), self->days,
                         self->since, self->until,
                         gtk_widget_get_width (GTK_WIDGET (self)),
                         gtk_widget_get_height (GTK_WIDGET (self)), &g) ||
      julian < g.first || julian >= g.first + g.n_days)
    return -1;
  return x_of (&g, julian);
}

/**
 * unknot_trend_chart_get_value_y:
 * @pain: a pain on the 0–10 scale
 *
 * Returns: where @pain is up the widget as it is allocated
 */
double
unknot_trend_chart_get_value_y (UnknotTrendChart *self,
                                double            pain)
{
  Geometry g;

  g_return_val_if_fail (UNKNOT_IS_TREND_CHART (self), -1);

  compute_geometry (gtk_widget_get_pango_context (GTK_WIDGET (self)), self->days,
                    self->since, self->until,
                    gtk_widget_get_width (GTK_WIDGET (self)),
                    gtk_widget_get_height (GTK_WIDGET (self)), &g);
  return y_of (&g, pain);
}

/**
 * unknot_trend_chart_draw:
 * @context: where the labels' font comes from
 * @days: (nullable) (element-type UnknotJournalStatsDay): the days
 * @colours: the colours of the drawing
 *
 * The chart as the widget draws it, without a selected day, into @width × @height
 * from the snapshot's origin.
 */
void
unknot_trend_chart_draw (GtkSnapshot                   *snapshot,
                         PangoContext                  *context,
                         GArray                        *days,
                         GDateTime                     *since,
                         GDateTime                     *until,
                         float                          width,
                         float                          height,
                         const UnknotTrendChartColours *colours)
{
  draw_chart (snapshot, context, days, since, until, width, height, colours);
}
