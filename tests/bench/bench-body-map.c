/* bench-body-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the body map costs, measured in one run: one hit test, a full rasterisation of
 * the drawing at 1000×1400, and a hover redraw as a share of that rasterisation.
 * It prints numbers and ratios; it never fails on a timing.
 */

#include "config.h"

#include <adwaita.h>

#include "bodymap/unknot-body-map.h"
#include "bodymap/unknot-body-map-private.h"

#define RUNS 7
#define LOOKUPS 1000000

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

static gboolean
map_ready (UnknotBodyMap *map)
{
  graphene_point_t point;

  return gtk_widget_get_mapped (GTK_WIDGET (map)) &&
         gtk_widget_get_width (GTK_WIDGET (map)) >= 1000 &&
         unknot_body_map_find_region_point (map, "spine", &point);
}

/* What a frame does for the map: snapshot it (its regions re-snapshot only if they
 * changed) and render the nodes. */
static double
render_once (GtkWidget *widget)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  gint64 start = g_get_monotonic_time ();

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert (node != NULL);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  GtkWindow *window;
  UnknotBodyMap *map;
  GtkWidget *region;
  double hit_ns[RUNS], raster_ms[RUNS], hover_ms[RUNS], plain_ms[RUNS];
  double hit, raster, hover, plain;
  guint hits = 0;
  GRand *rand;

  gtk_init ();
  adw_init ();

  map = UNKNOT_BODY_MAP (unknot_body_map_new (RESOURCE_BASE_PATH "/bodymap/back.svg"));
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_default_size (window, 1000, 1400);
  gtk_window_set_child (window, GTK_WIDGET (map));
  gtk_window_present (window);
  while (!map_ready (map))
    g_main_context_iteration (NULL, TRUE);

  /* (a) One hit test: random points over the whole widget. */
  rand = g_rand_new_with_seed (42);
  for (guint run = 0; run < RUNS; run++)
    {
      g_autofree double *xs = g_new (double, LOOKUPS);
      g_autofree double *ys = g_new (double, LOOKUPS);
      gint64 start;

      for (guint i = 0; i < LOOKUPS; i++)
        {
          xs[i] = g_rand_double_range (rand, 0, 1000);
          ys[i] = g_rand_double_range (rand, 0, 1400);
        }

      start = g_get_monotonic_time ();
      for (guint i = 0; i < LOOKUPS; i++)
        hits += unknot_body_map_region_at (map, xs[i], ys[i]) != NULL;
      hit_ns[run] = (g_get_monotonic_time () - start) * 1000.0 / LOOKUPS;
    }
  g_rand_free (rand);

  /* (b) A full rasterisation: drawing, masks, outlines and the ID map. */
  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start;

      unknot_body_map_drop_cache (map);
      start = g_get_monotonic_time ();
      unknot_body_map_ensure_rendered (map);
      raster_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
    }

  /* (c) A hover redraw: the same widget snapshot and rendered with one region
   * highlighted, against the cached rasterisation; and a redraw with nothing changed. */
  region = unknot_body_map_get_region_widget (map, "rhomboids-left");
  for (guint run = 0; run < RUNS; run++)
    {
      gtk_widget_set_state_flags (region, GTK_STATE_FLAG_PRELIGHT, FALSE);
      hover_ms[run] = render_once (GTK_WIDGET (map));
      gtk_widget_unset_state_flags (region, GTK_STATE_FLAG_PRELIGHT);
      plain_ms[run] = render_once (GTK_WIDGET (map));
    }

  hit = median (hit_ns, RUNS);
  raster = median (raster_ms, RUNS);
  hover = median (hover_ms, RUNS);
  plain = median (plain_ms, RUNS);

  g_print ("body map at %d×%d (scale %d), medians of %d runs:\n",
           gtk_widget_get_width (GTK_WIDGET (map)), gtk_widget_get_height (GTK_WIDGET (map)),
           gtk_widget_get_scale_factor (GTK_WIDGET (map)), RUNS);
  g_print ("  hit test:              %8.1f ns per lookup  (%u of %u points hit a region; target < 2000 ns)\n",
           hit, hits / RUNS, LOOKUPS);
  g_print ("  full rasterisation:    %8.2f ms\n", raster);
  g_print ("  hover redraw:          %8.2f ms = %.1f %% of a full rasterisation (target < 5 %%)\n",
           hover, 100.0 * hover / raster);
  g_print ("  redraw, no change:     %8.2f ms = %.1f %% of a full rasterisation\n",
           plain, 100.0 * plain / raster);
  g_print ("  hit test vs rasterisation: 1 : %.0f\n", raster * 1e6 / hit);

  gtk_window_destroy (window);

  return 0;
}
