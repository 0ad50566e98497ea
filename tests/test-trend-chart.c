/* test-trend-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trend chart on known days, in a window of its own, with colours a stylesheet
 * makes pure (red before, blue after, green relief) so that its pixels tell which line
 * is where: both lines between two days in a row, neither across a day without
 * entries, only the line of the pain before across a day that noted no pain after.
 * Run again with GDK_SCALE=2 (the trend-chart-scale2/ tests), where the picture has
 * twice the pixels and the same checks hold. The pointer and the keys select a day,
 * and the accessible description says its values. A year of days, which the widget
 * rasterises itself, looks as the paths of the printed report do.
 */

#include "config.h"

#include <math.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "journal/unknot-journal-stats.h"
#include "journal/unknot-trend-chart.h"
#include "unknot-screenshot.h"
#include "unknot-test-utils.h"

#define WIDTH  400
#define HEIGHT 200

static const char *style =
  "trendchart { color: rgb(0,0,0); }"
  "trendchart > before { color: rgb(255,0,0); }"
  "trendchart > after { color: rgb(0,0,255); }"
  "trendchart > relief { color: rgb(0,255,0); }"
  "trendchart > grid { color: rgba(0,0,0,0); }";

typedef struct
{
  GtkWindow        *window;
  UnknotTrendChart *chart;
  GArray           *days;
} Fixture;

static void
add_day (GArray *days,
         int     day,
         double  before,
         double  after)
{
  UnknotJournalStatsDay d = {
    .day = day,
    .pain_before = before,
    .pain_after = after,
    .n_entries = 1,
    .n_after = isnan (after) ? 0 : 1,
  };

  g_array_append_val (days, d);
}

/* 1 to 5 March 2026: before 8 and after 2 on the 1st and 2nd; nothing on the 3rd;
 * before 8, no after, on the 4th; before 8 and after 2 on the 5th. */
static GArray *
known_days (void)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (UnknotJournalStatsDay));

  add_day (days, 20260301, 8, 2);
  add_day (days, 20260302, 8, 2);
  add_day (days, 20260304, 8, NAN);
  add_day (days, 20260305, 8, 2);
  return days;
}

static void
fixture_init (Fixture *fixture)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr(GDateTime) since = g_date_time_new_local (2026, 3, 1, 0, 0, 0);
  g_autoptr(GDateTime) until = g_date_time_new_local (2026, 3, 6, 0, 0, 0);

  gtk_css_provider_load_from_string (provider, style);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER);

  fixture->days = known_days ();
  fixture->chart = UNKNOT_TREND_CHART (unknot_trend_chart_new ());
  gtk_widget_set_size_request (GTK_WIDGET (fixture->chart), WIDTH, HEIGHT);
  gtk_widget_set_halign (GTK_WIDGET (fixture->chart), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (fixture->chart), GTK_ALIGN_START);
  unknot_trend_chart_set_days (fixture->chart, fixture->days, since, until);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, WIDTH, HEIGHT);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->chart));
  gtk_window_present (fixture->window);
  unknot_test_wait_for_frame (fixture->chart);
}

static void
fixture_clear (Fixture *fixture)
{
  unknot_test_close_window (fixture->window);
  g_clear_pointer (&fixture->days, g_array_unref);
}

/* The colour at (@x, @y) in the widget's coordinates, in device pixels. */
static void
pixel_at (GdkTexture *texture,
          int         scale,
          double      x,
          double      y,
          guchar      rgba[4])
{
  g_autoptr(GdkTextureDownloader) downloader = gdk_texture_downloader_new (texture);
  g_autoptr(GBytes) bytes = NULL;
  const guchar *pixels;
  gsize stride;
  int px = (int) floor (x * scale), py = (int) floor (y * scale);

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, gdk_texture_get_width (texture));
  g_assert_cmpint (py, <, gdk_texture_get_height (texture));

  gdk_texture_downloader_set_format (downloader, GDK_MEMORY_R8G8B8A8);
  bytes = gdk_texture_downloader_download_bytes (downloader, &stride);
  pixels = g_bytes_get_data (bytes, NULL);
  memcpy (rgba, pixels + py * stride + px * 4, 4);
}

typedef enum { RED, BLUE, GREEN, NOT_RED, NOT_BLUE } Expect;

static void
assert_colour (GdkTexture *texture,
               int         scale,
               double      x,
               double      y,
               Expect      expect,
               const char *what)
{
  guchar p[4];
  gboolean red, blue, green;

  pixel_at (texture, scale, x, y, p);
  red = p[3] > 200 && p[0] > 200 && p[1] < 60 && p[2] < 60;
  blue = p[3] > 200 && p[2] > 200 && p[0] < 60 && p[1] < 60;
  /* The relief is green at its own alpha (it is a fill, seen through). */
  green = p[3] > 200 && p[1] > 200 && p[0] < 60 && p[2] < 60;
  g_test_message ("%s at %.1f,%.1f: %u %u %u %u", what, x, y, p[0], p[1], p[2], p[3]);

  switch (expect)
    {
    case RED:
      g_assert_true (red);
      break;
    case BLUE:
      g_assert_true (blue);
      break;
    case GREEN:
      g_assert_true (green);
      break;
    case NOT_RED:
      g_assert_false (red);
      break;
    case NOT_BLUE:
      g_assert_false (blue);
      break;
    default:
      g_assert_not_reached ();
    }
}

static double
between (UnknotTrendChart *chart,
         int               a,
         int               b)
{
  double xa = unknot_trend_chart_get_day_x (chart, a);
  double xb = unknot_trend_chart_get_day_x (chart, b);

  g_assert_cmpfloat (xa, >=, 0);
  g_assert_cmpfloat (xb, >, xa);
  return (xa + xb) / 2;
}

/* The lines where the days say, the gap and the missing after where they are. */
static void
test_lines_and_gaps (void)
{
  Fixture fixture;
  g_autoptr(GdkTexture) texture = NULL;
  UnknotTrendChart *chart;
  double y_before, y_after, x;
  int scale;

  fixture_init (&fixture);
  chart = fixture.chart;
  texture = unknot_test_screenshot (chart, "trend-chart-known.png");
  scale = gtk_widget_get_scale_factor (GTK_WIDGET (chart));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (chart)) * scale);

  y_before = unknot_trend_chart_get_value_y (chart, 8);
  y_after = unknot_trend_chart_get_value_y (chart, 2);
  g_assert_cmpfloat (y_before, <, y_after);

  /* 1st–2nd: both lines, and the relief between them. */
  x = between (chart, 20260301, 20260302);
  assert_colour (texture, scale, x, y_before, RED, "before, 1st–2nd");
  assert_colour (texture, scale, x, y_after, BLUE, "after, 1st–2nd");
  assert_colour (texture, scale, x, (y_before + y_after) / 2, GREEN, "relief, 1st–2nd");

  /* 2nd–4th: the 3rd has no entries; neither line crosses it, nothing is shaded. */
  x = unknot_trend_chart_get_day_x (chart, 20260303);
  assert_colour (texture, scale, x, y_before, NOT_RED, "before, on the 3rd");
  assert_colour (texture, scale, x, y_after, NOT_BLUE, "after, on the 3rd");
  assert_colour (texture, scale, x, unknot_trend_chart_get_value_y (chart, 0) - 1, NOT_RED, "no zero on the 3rd");
  {
    guchar p[4];

    pixel_at (texture, scale, x, (y_before + y_after) / 2, p);
    g_assert_false (p[1] > 200 && p[0] < 60);
  }

  /* 4th–5th: the pain before goes on; the pain after is broken by the 4th. */
  x = between (chart, 20260304, 20260305);
  assert_colour (texture, scale, x, y_before, RED, "before, 4th–5th");
  assert_colour (texture, scale, x, y_after, NOT_BLUE, "after, 4th–5th");

  fixture_clear (&fixture);
}

/* The widget draws what unknot_trend_chart_draw () draws, pixel for pixel. */
static void
test_draw_matches_widget (void)
{
  Fixture fixture;
  g_autoptr(GdkTexture) from_widget = NULL;
  g_autoptr(GdkTexture) from_draw = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GDateTime) since = g_date_time_new_local (2026, 3, 1, 0, 0, 0);
  g_autoptr(GDateTime) until = g_date_time_new_local (2026, 3, 6, 0, 0, 0);
  UnknotTrendChartColours colours = {
    .before = { 1, 0, 0, 1 }, .after = { 0, 0, 1, 1 }, .relief = { 0, 1, 0, 1 },
    .grid = { 0, 0, 0, 0 }, .text = { 0, 0, 0, 1 },
  };
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width, height, scale;

  fixture_init (&fixture);
  from_widget = unknot_test_screenshot (fixture.chart, "trend-chart-widget.png");
  width = gtk_widget_get_width (GTK_WIDGET (fixture.chart));
  height = gtk_widget_get_height (GTK_WIDGET (fixture.chart));
  scale = gtk_widget_get_scale_factor (GTK_WIDGET (fixture.chart));

  snapshot = gtk_snapshot_new ();
  unknot_trend_chart_draw (snapshot, gtk_widget_get_pango_context (GTK_WIDGET (fixture.chart)),
                           fixture.days, since, until, width, height, &colours);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (GTK_NATIVE (fixture.window));
  {
    g_autoptr(GskRenderNode) scaled = NULL;

    if (scale == 1)
      scaled = gsk_render_node_ref (node);
    else
      {
        g_autoptr(GskTransform) transform = gsk_transform_scale (NULL, scale, scale);

        scaled = gsk_transform_node_new (node, transform);
      }

    from_draw = gsk_renderer_render_texture (renderer, scaled,
                                             &GRAPHENE_RECT_INIT (0, 0, width * scale, height * scale));
  }

  g_assert_cmpint (gdk_texture_get_width (from_draw), ==, gdk_texture_get_width (from_widget));
  {
    g_autoptr(GdkTextureDownloader) a = gdk_texture_downloader_new (from_widget);
    g_autoptr(GdkTextureDownloader) b = gdk_texture_downloader_new (from_draw);
    g_autoptr(GBytes) bytes_a = NULL;
    g_autoptr(GBytes) bytes_b = NULL;
    gsize stride_a, stride_b;
    guint differ = 0;

    gdk_texture_downloader_set_format (a, GDK_MEMORY_R8G8B8A8);
    gdk_texture_downloader_set_format (b, GDK_MEMORY_R8G8B8A8);
    bytes_a = gdk_texture_downloader_download_bytes (a, &stride_a);
    bytes_b = gdk_texture_downloader_download_bytes (b, &stride_b);
    for (int y = 0; y < height * scale; y++)
      for (int x = 0; x < width * scale * 4; x++)
        {
          int d = ((const guchar *) g_bytes_get_data (bytes_a, NULL))[y * stride_a + x] -
                  ((const guchar *) g_bytes_get_data (bytes_b, NULL))[y * stride_b + x];

          if (ABS (d) > 8)
            differ++;
        }
    g_test_message ("%u of %d bytes differ", differ, width * height * scale * scale * 4);
    g_assert_cmpuint (differ, <, (guint) (width * height * scale * scale * 4) / 1000);
  }

  fixture_clear (&fixture);
}

/* At GDK_SCALE=2 the picture really has twice the pixels, and a line stays sharp: the
 * line's middle is as red as at scale 1, with no blur across it. */
static void
test_scale (void)
{
  Fixture fixture;
  g_autoptr(GdkTexture) texture = NULL;
  const char *env = g_getenv ("GDK_SCALE");
  int expected = env != NULL ? atoi (env) : 1;
  int scale;
  double x, y;
  guchar p[4];
  guint red_rows = 0;

  fixture_init (&fixture);
  scale = gtk_widget_get_scale_factor (GTK_WIDGET (fixture.chart));
  g_assert_cmpint (scale, ==, MAX (expected, 1));
  texture = unknot_test_screenshot (fixture.chart, "trend-chart-scale.png");
  g_assert_cmpint (gdk_texture_get_width (texture), ==, WIDTH * scale);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, HEIGHT * scale);

  /* Down across the flat line of the pain before: about LINE_WIDTH × scale rows of
   * pure red, whatever the scale. */
  x = between (fixture.chart, 20260301, 20260302);
  y = unknot_trend_chart_get_value_y (fixture.chart, 8);
  for (int dy = -6 * scale; dy <= 6 * scale; dy++)
    {
      pixel_at (texture, 1, x * scale, y * scale + dy, p);
      if (p[0] > 200 && p[1] < 60 && p[2] < 60 && p[3] > 200)
        red_rows++;
    }
  g_test_message ("%u rows of red at scale %d", red_rows, scale);
  g_assert_cmpuint (red_rows, >=, (guint) (2 * scale));
  g_assert_cmpuint (red_rows, <=, (guint) (3 * scale + 1));

  fixture_clear (&fixture);
}

static gboolean
selected_is (gpointer data)
{
  gpointer *check = data;

  return unknot_trend_chart_get_selected_day (check[0]) == GPOINTER_TO_INT (check[1]);
}

static void
wait_for_selected (UnknotTrendChart *chart,
                   int               day)
{
  gpointer check[2] = { chart, GINT_TO_POINTER (day) };

  unknot_test_wait_for (selected_is, check, "day %d to be selected", day);
}

/* The pointer and the keys select a day; the description says its values. */
static void
test_select (void)
{
  Fixture fixture;
  GtkWidget *widget;
  g_autofree char *description = NULL;

  fixture_init (&fixture);
  widget = GTK_WIDGET (fixture.chart);
  unknot_trend_chart_set_summary (fixture.chart, "Four days.");
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_IMG));
  g_assert_true (gtk_widget_get_focusable (widget));
  g_assert_cmpint (unknot_trend_chart_get_selected_day (fixture.chart), ==, 0);

  unknot_test_pointer_move (widget, unknot_trend_chart_get_day_x (fixture.chart, 20260302) + 2, HEIGHT / 2);
  wait_for_selected (fixture.chart, 20260302);
  g_assert_nonnull (strstr (unknot_trend_chart_get_selection_text (fixture.chart), "pain 8.0 before, 2.0 after; 1 session"));

  /* A day without entries is never selected: the nearest day with entries is. */
  unknot_test_pointer_move (widget, unknot_trend_chart_get_day_x (fixture.chart, 20260303) + 10, HEIGHT / 2);
  wait_for_selected (fixture.chart, 20260304);
  g_assert_nonnull (strstr (unknot_trend_chart_get_selection_text (fixture.chart), "none noted after"));
  unknot_test_save_png (widget, "trend-chart-selected.png");

  /* Keys: Home, Right, End, Left; the pointer stays still. */
  gtk_widget_grab_focus (widget);
  unknot_test_press_key (widget, GDK_KEY_Home);
  wait_for_selected (fixture.chart, 20260301);
  unknot_test_press_key (widget, GDK_KEY_Right);
  wait_for_selected (fixture.chart, 20260302);
  unknot_test_press_key (widget, GDK_KEY_Right);
  wait_for_selected (fixture.chart, 20260304);
  unknot_test_press_key (widget, GDK_KEY_End);
  wait_for_selected (fixture.chart, 20260305);
  unknot_test_press_key (widget, GDK_KEY_Left);
  wait_for_selected (fixture.chart, 20260304);

  {
    g_autofree char *expected = g_strdup_printf ("Four days. %s.", unknot_trend_chart_get_selection_text (fixture.chart));

    g_assert_cmpstr (unknot_trend_chart_get_selection_text (fixture.chart), ==,
                     "Wednesday 4 March: pain 8.0 before, none noted after; 1 session");
    description = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  }
  g_assert_null (description);
  g_assert_true (g_str_has_prefix (unknot_trend_chart_get_selection_text (fixture.chart), "Wednesday"));

  fixture_clear (&fixture);
}

/* No days, one day, and nothing but days without an after: no crash, nothing drawn
 * out of place. */
static void
test_edges (void)
{
  Fixture fixture;
  g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (UnknotJournalStatsDay));
  g_autoptr(GdkTexture) texture = NULL;
  double x;

  fixture_init (&fixture);
  unknot_trend_chart_set_days (fixture.chart, NULL, NULL, NULL);
  g_clear_object (&texture);
  texture = unknot_test_screenshot (fixture.chart, "trend-chart-empty.png");

  add_day (one, 20260310, 6, 3);
  unknot_trend_chart_set_days (fixture.chart, one, NULL, NULL);
  g_clear_object (&texture);
  texture = unknot_test_screenshot (fixture.chart, "trend-chart-one-day.png");
  x = unknot_trend_chart_get_day_x (fixture.chart, 20260310);
  g_assert_cmpfloat (x, >, 0);
  /* A lone day is a dot on each line. */
  assert_colour (texture, gtk_widget_get_scale_factor (GTK_WIDGET (fixture.chart)), x,
                 unknot_trend_chart_get_value_y (fixture.chart, 6), RED, "the lone day's before");
  assert_colour (texture, gtk_widget_get_scale_factor (GTK_WIDGET (fixture.chart)), x,
                 unknot_trend_chart_get_value_y (fixture.chart, 3), BLUE, "the lone day's after");

  fixture_clear (&fixture);
}

/* A year of days, every one noted, a zigzag as real pains make one: the widget keeps
 * it as pixels it rasterises itself (src/journal/unknot-trend-raster.c), and they
 * must look like the paths unknot_trend_chart_draw () makes, here as wide as the
 * page and as narrow as the chart gets (days denser than pixels). Compared
 * premultiplied, so that a nearly clear pixel at a line's rim counts as little as
 * it shows. */
static GArray *
some_days (guint32 seed,
           int     n_days)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (UnknotJournalStatsDay));
  g_autoptr(GDateTime) first = g_date_time_new_local (2025, 1, 1, 12, 0, 0);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (int i = 0; i < n_days; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (first, i);
      double before = g_rand_double_range (rand, 4, 9);
      double after = i % 17 == 5 ? NAN : MAX (0, before - g_rand_double_range (rand, 0, 4));

      add_day (days, g_date_time_get_year (when) * 10000 + g_date_time_get_month (when) * 100 +
                     g_date_time_get_day_of_month (when), before, after);
    }
  return days;
}

static GArray *
a_year (void)
{
  return some_days (11, 365);
}

/* The widget's picture of @days, @from_widget, looks like the paths
 * unknot_trend_chart_draw () makes of them. */
static void
assert_like_paths (UnknotTrendChart *chart,
                   GdkTexture       *from_widget,
                   GArray           *days,
                   GDateTime        *since,
                   GDateTime        *until,
                   int               width,
                   int               height)
{
  g_autoptr(GdkTexture) from_draw = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderNode) scaled = NULL;
  g_autoptr(GskTransform) transform = NULL;
  g_autofree char *paths_name = NULL;
  UnknotTrendChartColours colours = {
    .before = { 1, 0, 0, 1 }, .after = { 0, 0, 1, 1 }, .relief = { 0, 1, 0, 1 },
    .grid = { 0, 0, 0, 0 }, .text = { 0, 0, 0, 1 },
  };
  GtkSnapshot *snapshot;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (chart));

  g_assert_cmpint (gdk_texture_get_width (from_widget), ==, width * scale);

  snapshot = gtk_snapshot_new ();
  unknot_trend_chart_draw (snapshot, gtk_widget_get_pango_context (GTK_WIDGET (chart)),
                           days, since, until, width, height, &colours);
  node = gtk_snapshot_free_to_node (snapshot);
  transform = gsk_transform_scale (NULL, scale, scale);
  scaled = transform != NULL ? gsk_transform_node_new (node, transform) : gsk_render_node_ref (node);
  from_draw = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (chart))),
                                           scaled, &GRAPHENE_RECT_INIT (0, 0, width * scale, height * scale));
  /* Beside the widget's picture, to look at. */
  paths_name = g_strdup_printf ("%strend-chart-year-%dx%d-paths.png",
                                scale > 1 ? "scale2-" : "", width, height);
  g_assert_true (gdk_texture_save_to_png (from_draw, g_test_get_filename (G_TEST_BUILT, paths_name, NULL)));

  {
    g_autoptr(GdkTextureDownloader) a = gdk_texture_downloader_new (from_widget);
    g_autoptr(GdkTextureDownloader) b = gdk_texture_downloader_new (from_draw);
    g_autoptr(GBytes) bytes_a = NULL;
    g_autoptr(GBytes) bytes_b = NULL;
    const guchar *pa, *pb;
    gsize stride_a, stride_b;
    guint differ = 0, n_bytes = width * height * scale * scale * 4;
    int largest = 0;

    gdk_texture_downloader_set_format (a, GDK_MEMORY_R8G8B8A8_PREMULTIPLIED);
    gdk_texture_downloader_set_format (b, GDK_MEMORY_R8G8B8A8_PREMULTIPLIED);
    bytes_a = gdk_texture_downloader_download_bytes (a, &stride_a);
    bytes_b = gdk_texture_downloader_download_bytes (b, &stride_b);
    pa = g_bytes_get_data (bytes_a, NULL);
    pb = g_bytes_get_data (bytes_b, NULL);
    for (int y = 0; y < height * scale; y++)
      for (int x = 0; x < width * scale * 4; x++)
        {
          int d = ABS (pa[y * stride_a + x] - pb[y * stride_b + x]);

          largest = MAX (largest, d);
          if (d > 8)
            differ++;
        }
    g_test_message ("%d×%d at scale %d: %u of %u bytes differ by more than 8, the most by %d",
                    width, height, scale, differ, n_bytes, largest);
    /* Rims of lines a few levels apart, and some pixels where several segments
     * cross, by less than half a pixel's cover: never a line, a dot or the relief
     * out of place. (Measured: 0.5 % of the bytes at 720×240, 0.15 % at scale 2;
     * 1.2 % at 160×140, where two days share a pixel and nearly every pixel is a
     * line's rim; the most by 96.) */
    g_assert_cmpuint (differ, <, n_bytes / (width < 360 ? 50 : 100));
    g_assert_cmpint (largest, <, 128);
  }
}

static void
check_year_at (int width,
               int height)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr(GArray) days = a_year ();
  g_autoptr(GDateTime) since = g_date_time_new_local (2025, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) until = g_date_time_new_local (2026, 1, 1, 0, 0, 0);
  g_autoptr(GdkTexture) from_widget = NULL;
  g_autofree char *name = g_strdup_printf ("trend-chart-year-%dx%d.png", width, height);
  GtkWindow *window;
  UnknotTrendChart *chart;

  gtk_css_provider_load_from_string (provider, style);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER);
  chart = UNKNOT_TREND_CHART (unknot_trend_chart_new ());
  gtk_widget_set_size_request (GTK_WIDGET (chart), width, height);
  gtk_widget_set_halign (GTK_WIDGET (chart), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (chart), GTK_ALIGN_START);
  unknot_trend_chart_set_days (chart, days, since, until);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, GTK_WIDGET (chart));
  gtk_window_present (window);
  unknot_test_wait_for_frame (chart);

  from_widget = unknot_test_screenshot (chart, name);
  assert_like_paths (chart, from_widget, days, since, until, width, height);

  unknot_test_close_window (window);
}

static void
test_year (void)
{
  check_year_at (720, 240);
  check_year_at (160, 140);
}

/* The same bytes, premultiplied. */
static void
assert_same_pixels (GdkTexture *a,
                    GdkTexture *b,
                    const char *what)
{
  g_autoptr(GdkTextureDownloader) da = gdk_texture_downloader_new (a);
  g_autoptr(GdkTextureDownloader) db = gdk_texture_downloader_new (b);
  g_autoptr(GBytes) bytes_a = NULL;
  g_autoptr(GBytes) bytes_b = NULL;
  const guchar *pa, *pb;
  gsize stride_a, stride_b;
  guint differ = 0;

  g_assert_cmpint (gdk_texture_get_width (a), ==, gdk_texture_get_width (b));
  g_assert_cmpint (gdk_texture_get_height (a), ==, gdk_texture_get_height (b));
  gdk_texture_downloader_set_format (da, GDK_MEMORY_R8G8B8A8_PREMULTIPLIED);
  gdk_texture_downloader_set_format (db, GDK_MEMORY_R8G8B8A8_PREMULTIPLIED);
  bytes_a = gdk_texture_downloader_download_bytes (da, &stride_a);
  bytes_b = gdk_texture_downloader_download_bytes (db, &stride_b);
  pa = g_bytes_get_data (bytes_a, NULL);
  pb = g_bytes_get_data (bytes_b, NULL);
  for (int y = 0; y < gdk_texture_get_height (a); y++)
    differ += memcmp (pa + y * stride_a, pb + y * stride_b, gdk_texture_get_width (a) * 4) != 0;
  if (differ > 0)
    g_test_message ("%s: %u rows differ", what, differ);
  g_assert_cmpuint (differ, ==, 0);
}

/* A chart drawn again and again (other days, another size) draws each time what a
 * new chart draws, and what the paths draw: nothing of an earlier drawing, or of
 * memory it was given, stays in its pixels, whichever thread drew which rows, and
 * the threads it keeps do not change the picture. */
static void
test_redraw (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr(GDateTime) since = g_date_time_new_local (2025, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) until = g_date_time_new_local (2026, 1, 1, 0, 0, 0);
  /* A year, a year of other pains, a month (most rows empty where lines were), the
   * year again at another size, and again at the first. */
  const struct { guint32 seed; int n_days, width, height; } rounds[] = {
    { 11, 365, 720, 240 }, { 12, 365, 720, 240 }, { 13, 30, 720, 240 },
    { 11, 365, 600, 320 }, { 11, 365, 720, 240 },
  };
  GtkWindow *window;
  UnknotTrendChart *chart;

#ifdef __GLIBC__
  /* Big blocks come from the heap, where a freed one is handed out again, and never
   * clean: a drawing that left rows of its pixels or mask uncleared would show it
   * (otherwise they are fresh pages, zero already, and it would not). */
  mallopt (M_MMAP_THRESHOLD, 64 * 1024 * 1024);
  mallopt (M_PERTURB, 0x5a);
#endif

  gtk_css_provider_load_from_string (provider, style);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER);
  /* Wherever an earlier test left the pointer, it selects no day in these charts. */
  chart = UNKNOT_TREND_CHART (unknot_trend_chart_new ());
  gtk_widget_set_can_target (GTK_WIDGET (chart), FALSE);
  gtk_widget_set_halign (GTK_WIDGET (chart), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (chart), GTK_ALIGN_START);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (window, GTK_WIDGET (chart));
  gtk_window_present (window);

  for (guint r = 0; r < G_N_ELEMENTS (rounds); r++)
    {
      g_autoptr(GArray) days = some_days (rounds[r].seed, rounds[r].n_days);
      g_autoptr(GdkTexture) again = NULL;
      g_autoptr(GdkTexture) fresh = NULL;
      g_autofree char *name = g_strdup_printf ("trend-chart-redraw-%u.png", r);
      g_autofree char *fresh_name = g_strdup_printf ("trend-chart-redraw-%u-fresh.png", r);
      g_autofree char *what = g_strdup_printf ("drawing %u", r);
      GtkWindow *fresh_window;
      UnknotTrendChart *fresh_chart;

      gtk_widget_set_size_request (GTK_WIDGET (chart), rounds[r].width, rounds[r].height);
      unknot_trend_chart_set_days (chart, days, since, until);
      unknot_test_wait_for_frame (chart);
      again = unknot_test_screenshot (GTK_WIDGET (chart), name);
      assert_like_paths (chart, again, days, since, until, rounds[r].width, rounds[r].height);

      fresh_chart = UNKNOT_TREND_CHART (unknot_trend_chart_new ());
      gtk_widget_set_can_target (GTK_WIDGET (fresh_chart), FALSE);
      gtk_widget_set_size_request (GTK_WIDGET (fresh_chart), rounds[r].width, rounds[r].height);
      gtk_widget_set_halign (GTK_WIDGET (fresh_chart), GTK_ALIGN_START);
      gtk_widget_set_valign (GTK_WIDGET (fresh_chart), GTK_ALIGN_START);
      unknot_trend_chart_set_days (fresh_chart, days, since, until);
      fresh_window = GTK_WINDOW (gtk_window_new ());
      gtk_window_set_child (fresh_window, GTK_WIDGET (fresh_chart));
      gtk_window_present (fresh_window);
      unknot_test_wait_for_frame (fresh_chart);
      fresh = unknot_test_screenshot (GTK_WIDGET (fresh_chart), fresh_name);

      assert_same_pixels (again, fresh, what);
      unknot_test_close_window (fresh_window);
    }

  unknot_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/trend-chart/lines-and-gaps", test_lines_and_gaps);
  g_test_add_func ("/trend-chart/draw-matches-widget", test_draw_matches_widget);
  g_test_add_func ("/trend-chart/scale", test_scale);
  g_test_add_func ("/trend-chart/select", test_select);
  g_test_add_func ("/trend-chart/edges", test_edges);
  g_test_add_func ("/trend-chart/year", test_year);
  g_test_add_func ("/trend-chart/redraw", test_redraw);

  return g_test_run ();
}
