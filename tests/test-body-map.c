/* test-body-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bodymap/unknot-body-map.h"
#include "bodymap/unknot-body-map-drawing.h"
#include "bodymap/unknot-body-map-region.h"
#include "catalog/unknot-catalog.h"
#include "unknot-screenshot.h"
#include "unknot-test-utils.h"

#define N_REGIONS 17

/* The scale factor the run asked GDK for: test-body-map-scale2 sets GDK_SCALE=2. */
static int
expected_scale (void)
{
  const char *scale = g_getenv ("GDK_SCALE");

  return scale != NULL ? (int) g_ascii_strtoll (scale, NULL, 10) : 1;
}

typedef struct
{
  GtkWindow     *window;
  UnknotBodyMap *map;
  UnknotCatalog *catalog;
} Fixture;

static gboolean
map_is_rendered (gpointer data)
{
  UnknotBodyMap *map = data;
  graphene_point_t point;

  return gtk_widget_get_mapped (data) &&
         unknot_body_map_find_region_point (map, "spine", &point);
}

/* The map alone, as unknot_body_map_new () makes it: whoever shows it names its regions
 * (the window, from the catalogue; /body-map/labels-in-window checks that). */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->catalog = unknot_catalog_new_default ();
  fixture->map = UNKNOT_BODY_MAP (unknot_body_map_new (RESOURCE_BASE_PATH "/bodymap/back.svg"));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (fixture->window, FALSE);
  gtk_window_set_default_size (fixture->window, 480, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->map));
  gtk_window_present (fixture->window);
  unknot_test_wait_until (map_is_rendered, fixture->map);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->catalog);
}

static void
region_point (Fixture          *fixture,
              const char       *id,
              graphene_point_t *point)
{
  g_assert_true (unknot_body_map_find_region_point (fixture->map, id, point));
}

static void
test_hit_every_region (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(GStrv) ids = unknot_body_map_dup_region_ids (fixture->map);
  double centre = gtk_widget_get_width (GTK_WIDGET (fixture->map)) / 2.0;

  g_assert_cmpuint (g_strv_length (ids), ==, N_REGIONS);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      graphene_point_t point;
      GtkWidget *picked;

      region_point (fixture, ids[i], &point);
      g_assert_cmpstr (unknot_body_map_region_at (fixture->map, point.x, point.y), ==, ids[i]);

      /* GTK's own picking, which routes clicks, agrees with the map. */
      picked = gtk_widget_pick (GTK_WIDGET (fixture->map), point.x, point.y, GTK_PICK_DEFAULT);
      g_assert_true (UNKNOT_IS_BODY_MAP_REGION (picked));
      g_assert_cmpstr (unknot_body_map_region_get_region_id (UNKNOT_BODY_MAP_REGION (picked)),
                       ==, ids[i]);

      /* The person's left is on the viewer's left in a view from behind. */
      if (g_str_has_suffix (ids[i], "-left"))
        g_assert_cmpfloat (point.x, <, centre);
      else if (g_str_has_suffix (ids[i], "-right"))
        g_assert_cmpfloat (point.x, >, centre);
      else
        g_assert_cmpfloat (ABS (point.x - centre), <, 6);
    }
}

/* Walks the straight line between two regions' inner points: somewhere between them is
 * a gap that belongs to neither, and it hits nothing. */
static void
assert_gap_between (Fixture    *fixture,
                    const char *a,
                    const char *b)
{
  graphene_point_t pa, pb;
  gboolean found_gap = FALSE;

  region_point (fixture, a, &pa);
  region_point (fixture, b, &pb);

  for (int step = 0; step <= 400 && !found_gap; step++)
    {
      double t = step / 400.0;
      double x = pa.x + (pb.x - pa.x) * t;
      double y = pa.y + (pb.y - pa.y) * t;
      const char *hit = unknot_body_map_region_at (fixture->map, x, y);

      if (hit == NULL)
        {
          GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (fixture->map), x, y, GTK_PICK_DEFAULT);

          found_gap = TRUE;
          g_assert_false (UNKNOT_IS_BODY_MAP_REGION (picked));
        }
      else
        {
          g_assert_true (g_str_equal (hit, a) || g_str_equal (hit, b));
        }
    }

  if (!found_gap)
    g_error ("no gap between %s and %s", a, b);
}

static void
test_gaps_and_outside (Fixture       *fixture,
                       gconstpointer  data)
{
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->map));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->map));

  /* Outside the body. */
  g_assert_null (unknot_body_map_region_at (fixture->map, 2, 2));
  g_assert_null (unknot_body_map_region_at (fixture->map, width - 2, height / 2.0));
  g_assert_null (unknot_body_map_region_at (fixture->map, -5, 100));

  assert_gap_between (fixture, "rhomboids-left", "spine");
  assert_gap_between (fixture, "spine", "rhomboids-right");
  assert_gap_between (fixture, "quadratus-lumborum-left", "erector-spinae-lumbar-left");
  assert_gap_between (fixture, "erector-spinae-thoracic-right", "erector-spinae-lumbar-right");
  assert_gap_between (fixture, "gluteals-left", "hamstrings-left");
}

/* A point of back.svg (600 × 1000 units, drawn centred and scaled to fit) in the map's
 * own coordinates. */
static void
svg_to_widget (Fixture          *fixture,
               double            svg_x,
               double            svg_y,
               graphene_point_t *point)
{
  double width = gtk_widget_get_width (GTK_WIDGET (fixture->map));
  double height = gtk_widget_get_height (GTK_WIDGET (fixture->map));
  double scale = MIN (width / 600.0, height / 1000.0);

  point->x = (width - 600.0 * scale) / 2.0 + svg_x * scale;
  point->y = (height - 1000.0 * scale) / 2.0 + svg_y * scale;
}

static void
assert_svg_point_hits (Fixture    *fixture,
                       double      svg_x,
                       double      svg_y,
                       const char *region_id)
{
  graphene_point_t point;

  svg_to_widget (fixture, svg_x, svg_y, &point);
  g_assert_cmpstr (unknot_body_map_region_at (fixture->map, point.x, point.y), ==, region_id);
}

/* The anatomy the regions must cover, on both sides (the right side mirrors the left
 * about x = 300): the rhomboids reach the lower tip of the shoulder blade; the
 * latissimus dorsi fans from the spine beside the lowest ribs and from the top of the
 * pelvis up to the armpit; the spine, neck included, stays the spine. */
static void
test_anatomy_reaches (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct { double x, y; const char *region; } points[] = {
    { 259.5, 345, "rhomboids" },          /* beside the shoulder blade's lower half */
    { 272, 270, "rhomboids" },            /* its upper part, as before */
    { 200.5, 558, "latissimus-dorsi" },   /* the flank, down to the iliac crest */
    { 247.5, 484.5, "latissimus-dorsi" }, /* beside the spine, below the lowest ribs */
    { 200, 360, "latissimus-dorsi" },     /* towards the armpit */
    { 227, 520, "quadratus-lumborum" },   /* still its own region, inside the fan */
  };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autofree char *left = g_strconcat (points[i].region, "-left", NULL);
      g_autofree char *right = g_strconcat (points[i].region, "-right", NULL);

      assert_svg_point_hits (fixture, points[i].x, points[i].y, left);
      assert_svg_point_hits (fixture, 600 - points[i].x, points[i].y, right);
    }

  /* The spine from the neck to the sacrum. */
  for (double y = 230; y <= 560; y += 30)
    assert_svg_point_hits (fixture, 300, y, "spine");
}

static void
test_catalog_matches_drawing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_auto(GStrv) ids = unknot_body_map_dup_region_ids (fixture->map);
  GListModel *regions = unknot_catalog_get_regions (fixture->catalog);

  /* Every region of the drawing is described ... */
  for (guint i = 0; ids[i] != NULL; i++)
    g_assert_nonnull (unknot_catalog_lookup_region (fixture->catalog, ids[i]));

  /* ... and every described region is drawn. */
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(UnknotRegion) region = g_list_model_get_item (regions, i);

      g_assert_true (g_strv_contains ((const char * const *) ids, unknot_region_get_id (region)));
    }
  g_assert_cmpuint (g_list_model_get_n_items (regions), ==, g_strv_length (ids));
}

static const char *
focused_region (Fixture *fixture)
{
  GtkWidget *focus = gtk_window_get_focus (fixture->window);

  g_assert_true (UNKNOT_IS_BODY_MAP_REGION (focus));

  return unknot_body_map_region_get_region_id (UNKNOT_BODY_MAP_REGION (focus));
}

static void
test_keyboard_reaches_every_region (Fixture       *fixture,
                                    gconstpointer  data)
{
  static const GtkDirectionType arrows[] = { GTK_DIR_UP, GTK_DIR_DOWN, GTK_DIR_LEFT, GTK_DIR_RIGHT };
  g_autoptr(GHashTable) visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GQueue) queue = g_queue_new ();

  /* Tab enters the map on one region. */
  gtk_window_set_focus (fixture->window, NULL);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->map), GTK_DIR_TAB_FORWARD));
  g_queue_push_tail (queue, g_strdup (focused_region (fixture)));
  g_hash_table_add (visited, g_strdup (focused_region (fixture)));

  /* Arrow keys alone reach every region. */
  while (!g_queue_is_empty (queue))
    {
      g_autofree char *id = g_queue_pop_head (queue);

      for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
        {
          gtk_widget_grab_focus (unknot_body_map_get_region_widget (fixture->map, id));
          g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->map), arrows[i]));
          if (!g_hash_table_contains (visited, focused_region (fixture)))
            {
              g_hash_table_add (visited, g_strdup (focused_region (fixture)));
              g_queue_push_tail (queue, g_strdup (focused_region (fixture)));
            }
        }
    }
  g_assert_cmpuint (g_hash_table_size (visited), ==, N_REGIONS);

  /* Right of the left rhomboids is the spine; the next Tab leaves the map. */
  gtk_widget_grab_focus (unknot_body_map_get_region_widget (fixture->map, "rhomboids-left"));
  gtk_widget_child_focus (GTK_WIDGET (fixture->map), GTK_DIR_RIGHT);
  g_assert_cmpstr (focused_region (fixture), ==, "spine");
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (fixture->map), GTK_DIR_TAB_FORWARD));
}

static void
on_region_activated_cb (UnknotBodyMap *map,
                        const char    *id,
                        char         **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

static void
test_accessible_and_activation (Fixture       *fixture,
                                gconstpointer  data)
{
  g_auto(GStrv) ids = unknot_body_map_dup_region_ids (fixture->map);
  g_autofree char *activated = NULL;
  GtkWidget *trap = unknot_body_map_get_region_widget (fixture->map, "upper-trapezius-left");

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (fixture->map), GTK_ACCESSIBLE_ROLE_GROUP);

  /* A label given to a region is its accessible name and its tooltip. */
  unknot_body_map_set_region_label (fixture->map, "upper-trapezius-left", "A label for the test");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (trap), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "A label for the test");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (trap), ==, "A label for the test");

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *region = unknot_body_map_get_region_widget (fixture->map, ids[i]);

      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (region), GTK_ACCESSIBLE_ROLE_BUTTON);
      gtk_test_accessible_assert_state (GTK_ACCESSIBLE (region), GTK_ACCESSIBLE_STATE_SELECTED,
                                        FALSE);
      g_assert_true (gtk_widget_get_focusable (region));
    }

  /* Enter (the widget's activate signal) chooses the region, like a button. */
  g_signal_connect (fixture->map, "region-activated", G_CALLBACK (on_region_activated_cb),
                    &activated);
  gtk_widget_grab_focus (trap);
  g_assert_true (gtk_widget_activate (trap));
  g_assert_cmpstr (activated, ==, "upper-trapezius-left");
  g_assert_cmpstr (unknot_body_map_get_selected_region (fixture->map), ==, "upper-trapezius-left");
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (trap), GTK_ACCESSIBLE_STATE_SELECTED, TRUE);

  /* Selecting from outside moves the selection. */
  unknot_body_map_set_selected_region (fixture->map, "spine");
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (trap), GTK_ACCESSIBLE_STATE_SELECTED, FALSE);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (unknot_body_map_get_region_widget (fixture->map, "spine")),
                                    GTK_ACCESSIBLE_STATE_SELECTED, TRUE);
}

/* The map as the app shows it: every region is named for screen readers (and in its
 * tooltip) by its title in the catalogue, which is read here again from the data files,
 * apart from the app's own copy. */
static void
test_labels_in_window (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  GListModel *regions = unknot_catalog_get_regions (catalog);
  GtkWindow *window = unknot_test_activate (app);
  GtkWidget *map = unknot_test_find_descendant (GTK_WIDGET (window), UNKNOT_TYPE_BODY_MAP);
  g_auto(GStrv) ids = NULL;

  g_assert_nonnull (map);
  ids = unknot_body_map_dup_region_ids (UNKNOT_BODY_MAP (map));
  g_assert_cmpuint (g_strv_length (ids), ==, g_list_model_get_n_items (regions));

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(UnknotRegion) region = g_list_model_get_item (regions, i);
      GtkWidget *widget = unknot_body_map_get_region_widget (UNKNOT_BODY_MAP (map),
                                                             unknot_region_get_id (region));

      g_assert_nonnull (widget);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           unknot_region_get_title (region));
      g_assert_cmpstr (gtk_widget_get_tooltip_text (widget), ==, unknot_region_get_title (region));
    }

  /* And the titles are the catalogue's words, with the side spelled out. */
  gtk_test_accessible_assert_property (
    GTK_ACCESSIBLE (unknot_body_map_get_region_widget (UNKNOT_BODY_MAP (map), "upper-trapezius-left")),
    GTK_ACCESSIBLE_PROPERTY_LABEL, "Upper trapezius, left side");
  gtk_test_accessible_assert_property (
    GTK_ACCESSIBLE (unknot_body_map_get_region_widget (UNKNOT_BODY_MAP (map), "spine")),
    GTK_ACCESSIBLE_PROPERTY_LABEL, "Spine");

  unknot_test_close_window (window);
}

/* The run is at the scale factor it asked for, and pictures have that many device
 * pixels per logical pixel. */
static void
test_scale_factor (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (fixture->map));
  g_autoptr(GdkTexture) texture = NULL;

  g_test_message ("expected scale factor %d", expected_scale ());
  g_assert_cmpint (gdk_surface_get_scale_factor (gtk_native_get_surface (native)), ==, expected_scale ());
  g_assert_cmpint (gtk_widget_get_scale_factor (GTK_WIDGET (fixture->map)), ==, expected_scale ());

  texture = unknot_widget_render_texture (GTK_WIDGET (fixture->map));
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==,
                   gtk_widget_get_width (GTK_WIDGET (fixture->map)) * expected_scale ());
  g_assert_cmpint (gdk_texture_get_height (texture), ==,
                   gtk_widget_get_height (GTK_WIDGET (fixture->map)) * expected_scale ());
}

static int texture_scale = 1;

static void
pixel_at (GdkTexture             *texture,
          const graphene_point_t *point,
          guint8                  rgba[4])
{
  g_autoptr(GdkTextureDownloader) downloader = gdk_texture_downloader_new (texture);
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *data;
  gsize stride;
  /* Textures are in device pixels; points in the widget's logical pixels. */
  int scale = texture_scale;
  int x = (int) (point->x * scale), y = (int) (point->y * scale);

  gdk_texture_downloader_set_format (downloader, GDK_MEMORY_R8G8B8A8);
  bytes = gdk_texture_downloader_download_bytes (downloader, &stride);
  data = g_bytes_get_data (bytes, NULL);
  memcpy (rgba, data + (gsize) y * stride + (gsize) x * 4, 4);
}

static int
colour_distance (const guint8 a[4],
                 const guint8 b[4])
{
  return ABS (a[0] - b[0]) + ABS (a[1] - b[1]) + ABS (a[2] - b[2]);
}

static GdkTexture *
render_map (Fixture    *fixture,
            const char *png_name)
{
  GdkTexture *texture;

  unknot_test_save_png (GTK_WIDGET (fixture->map), png_name);
  texture = unknot_widget_render_texture (GTK_WIDGET (fixture->map));
  g_assert_nonnull (texture);
  texture_scale = expected_scale ();
  g_assert_cmpint (gdk_texture_get_width (texture), ==,
                   gtk_widget_get_width (GTK_WIDGET (fixture->map)) * texture_scale);

  return texture;
}

static void
test_rendering_states_and_styles (Fixture       *fixture,
                                  gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *lats = unknot_body_map_get_region_widget (fixture->map, "latissimus-dorsi-left");
  g_autoptr(GdkTexture) plain = NULL;
  g_autoptr(GdkTexture) hovered = NULL;
  g_autoptr(GdkTexture) selected = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  g_autoptr(GdkTexture) light_again = NULL;
  g_autoptr(GdkTexture) low = NULL;
  g_autoptr(GdkTexture) high = NULL;
  guint8 p_low[4], p_high[4];
  graphene_point_t point, outside = GRAPHENE_POINT_INIT (3, 3);
  guint8 p_light_again[4], p_plain[4], p_hover[4], p_selected[4], p_dark[4], bg_plain[4], bg_hover[4];

  region_point (fixture, "latissimus-dorsi-left", &point);

  plain = render_map (fixture, "body-map-light.png");
  pixel_at (plain, &point, p_plain);
  pixel_at (plain, &outside, bg_plain);

  /* Hover tints the region, and only the region. */
  gtk_widget_set_state_flags (lats, GTK_STATE_FLAG_PRELIGHT, FALSE);
  hovered = render_map (fixture, "body-map-light-hover.png");
  pixel_at (hovered, &point, p_hover);
  pixel_at (hovered, &outside, bg_hover);
  g_assert_cmpint (colour_distance (p_plain, p_hover), >, 20);
  g_assert_cmpint (colour_distance (bg_plain, bg_hover), ==, 0);
  gtk_widget_unset_state_flags (lats, GTK_STATE_FLAG_PRELIGHT);

  /* Selection is stronger than hover. */
  unknot_body_map_set_selected_region (fixture->map, "latissimus-dorsi-left");
  selected = render_map (fixture, "body-map-light-selected.png");
  pixel_at (selected, &point, p_selected);
  g_assert_cmpint (colour_distance (p_plain, p_selected), >, colour_distance (p_plain, p_hover));
  unknot_body_map_set_selected_region (fixture->map, NULL);

  /* The heat overlay runs from pale to deep along its ramp, and clears again. */
  unknot_body_map_set_region_heat (fixture->map, "latissimus-dorsi-left", 0.0);
  low = render_map (fixture, "body-map-heat-low.png");
  pixel_at (low, &point, p_low);
  unknot_body_map_set_region_heat (fixture->map, "latissimus-dorsi-left", 1.0);
  high = render_map (fixture, "body-map-heat-high.png");
  pixel_at (high, &point, p_high);
  g_assert_cmpint (colour_distance (p_low, p_high), >, 150);
  g_assert_cmpint (p_high[0] + p_high[1] + p_high[2], <, p_low[0] + p_low[1] + p_low[2]);
  unknot_body_map_clear_heat (fixture->map);

  /* The dark style restyles the drawing itself. */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  dark = render_map (fixture, "body-map-dark.png");
  pixel_at (dark, &point, p_dark);
  g_assert_cmpint (colour_distance (p_plain, p_dark), >, 40);
  /* Darker, not just different. */
  g_assert_cmpint (p_dark[0] + p_dark[1] + p_dark[2], <, p_plain[0] + p_plain[1] + p_plain[2]);

  /* And back to light, exactly as before. */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  light_again = render_map (fixture, "body-map-light-again.png");
  pixel_at (light_again, &point, p_light_again);
  g_assert_cmpint (colour_distance (p_plain, p_light_again), ==, 0);
}

static void
on_notify_count_cb (GObject    *object,
                    GParamSpec *pspec,
                    guint      *count)
{
  (*count)++;
}

static void
assert_checked (UnknotBodyMap *map,
                const char    *id,
                gboolean       checked)
{
  GtkWidget *region = unknot_body_map_get_region_widget (map, id);

  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (region), GTK_ACCESSIBLE_STATE_CHECKED,
                                    checked ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                            : GTK_ACCESSIBLE_TRISTATE_FALSE);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (region), GTK_ACCESSIBLE_STATE_SELECTED,
                                    checked);
  g_assert_cmpint (unknot_body_map_region_get_selected (UNKNOT_BODY_MAP_REGION (region)), ==,
                   checked);
}

/* A map in multiple mode: Enter or Space (the regions' activate signal) adds a region
 * to the selection and takes it out again; each change is notified once; regions are
 * check boxes that say whether they are chosen; the single selection stays alone.
 * Real clicks on such a map are in test-entry-editor, a pointer test. */
static void
test_multiple_selection (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  UnknotBodyMap *map = g_object_new (UNKNOT_TYPE_BODY_MAP,
                                     "resource-path", RESOURCE_BASE_PATH "/bodymap/back.svg",
                                     "multiple", TRUE,
                                     NULL);
  const char *both[] = { "upper-trapezius-left", "spine", NULL };
  const char *with_unknown[] = { "gluteals-right", "no-such-muscle", NULL };
  g_autofree char *activated = NULL;
  GtkWidget *trap, *spine;
  const char * const *selected;
  guint notified = 0;
  g_auto(GStrv) from_property = NULL;

  gtk_window_set_default_size (window, 480, 800);
  gtk_window_set_child (window, GTK_WIDGET (map));
  gtk_window_present (window);
  unknot_test_wait_until (map_is_rendered, map);

  g_assert_true (unknot_body_map_get_multiple (map));
  g_assert_null (unknot_body_map_get_selected_regions (map));
  trap = unknot_body_map_get_region_widget (map, "upper-trapezius-left");
  spine = unknot_body_map_get_region_widget (map, "spine");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (trap), GTK_ACCESSIBLE_ROLE_CHECKBOX);
  assert_checked (map, "upper-trapezius-left", FALSE);

  g_signal_connect (map, "notify::selected-regions", G_CALLBACK (on_notify_count_cb), &notified);
  g_signal_connect (map, "region-activated", G_CALLBACK (on_region_activated_cb), &activated);

  /* Two regions, each chosen with its key binding, are both chosen, in reading order. */
  gtk_widget_grab_focus (spine);
  g_assert_true (gtk_widget_activate (spine));
  g_assert_cmpstr (activated, ==, "spine");
  gtk_widget_grab_focus (trap);
  g_assert_true (gtk_widget_activate (trap));
  g_assert_cmpstr (activated, ==, "upper-trapezius-left");
  g_assert_cmpuint (notified, ==, 2);
  selected = unknot_body_map_get_selected_regions (map);
  g_assert_true (g_strv_equal (selected, both));
  g_object_get (map, "selected-regions", &from_property, NULL);
  g_assert_true (g_strv_equal ((const char * const *) from_property, both));
  assert_checked (map, "upper-trapezius-left", TRUE);
  assert_checked (map, "spine", TRUE);
  g_assert_null (unknot_body_map_get_selected_region (map));

  /* The same key again takes it out. */
  g_assert_true (gtk_widget_activate (trap));
  g_assert_cmpuint (notified, ==, 3);
  assert_checked (map, "upper-trapezius-left", FALSE);
  assert_checked (map, "spine", TRUE);
  g_assert_cmpuint (g_strv_length ((GStrv) unknot_body_map_get_selected_regions (map)), ==, 1);

  /* From outside: unknown ids are left out; the same set again is no change. */
  unknot_body_map_set_selected_regions (map, with_unknown);
  g_assert_cmpuint (notified, ==, 4);
  g_assert_cmpstr (unknot_body_map_get_selected_regions (map)[0], ==, "gluteals-right");
  g_assert_null (unknot_body_map_get_selected_regions (map)[1]);
  assert_checked (map, "spine", FALSE);
  unknot_body_map_set_selected_regions (map, with_unknown);
  g_assert_cmpuint (notified, ==, 4);
  unknot_body_map_set_selected_regions (map, NULL);
  g_assert_cmpuint (notified, ==, 5);
  g_assert_null (unknot_body_map_get_selected_regions (map));

  gtk_window_destroy (window);
}

/* The single-selection map knows nothing of the multiple one. */
static void
test_single_is_not_multiple (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *trap = unknot_body_map_get_region_widget (fixture->map, "upper-trapezius-left");

  g_assert_false (unknot_body_map_get_multiple (fixture->map));
  g_assert_true (gtk_widget_activate (trap));
  g_assert_true (gtk_widget_activate (trap));
  /* A second activation keeps it chosen, as before. */
  g_assert_cmpstr (unknot_body_map_get_selected_region (fixture->map), ==, "upper-trapezius-left");
  g_assert_null (unknot_body_map_get_selected_regions (fixture->map));
}

/* The preloading thread (unknot_body_map_drawing_preload ()) draws the map as the first
 * map of the last start showed it, from a hint in the cache folder. Each case runs in a
 * process of its own, so each preloads afresh. */
#define MAP_PATH RESOURCE_BASE_PATH "/bodymap/back.svg"

static char *
hint_file (void)
{
  return g_build_filename (g_get_user_cache_dir (), "unknot", "body-map-size.ini", NULL);
}

static void
write_hint_file (const char *contents,
                 gssize      length)
{
  g_autofree char *path = hint_file ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
write_hint (int            width,
            int            height,
            UnknotSvgStyle style)
{
  g_autofree char *contents = g_strdup_printf ("[%s]\nwidth=%d\nheight=%d\nstyle=%d\n",
                                               MAP_PATH, width, height, style);

  write_hint_file (contents, -1);
}

static gboolean
read_hint_file (int *width,
                int *height,
                int *style)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *path = hint_file ();
  g_autoptr(GError) error = NULL;

  if (!g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, NULL))
    return FALSE;
  *width = g_key_file_get_integer (keys, MAP_PATH, "width", &error);
  g_assert_no_error (error);
  *height = g_key_file_get_integer (keys, MAP_PATH, "height", &error);
  g_assert_no_error (error);
  *style = g_key_file_get_integer (keys, MAP_PATH, "style", &error);
  g_assert_no_error (error);
  return TRUE;
}

static GBytes *
texture_pixels (GdkTexture *texture)
{
  g_autoptr(GdkTextureDownloader) downloader = gdk_texture_downloader_new (texture);
  gsize stride;

  gdk_texture_downloader_set_format (downloader, GDK_MEMORY_R8G8B8A8_PREMULTIPLIED);
  return gdk_texture_downloader_download_bytes (downloader, &stride);
}

static gboolean
same_picture (GdkTexture *a,
              GdkTexture *b)
{
  g_autoptr(GBytes) pa = texture_pixels (a);
  g_autoptr(GBytes) pb = texture_pixels (b);

  return gdk_texture_get_width (a) == gdk_texture_get_width (b) &&
         gdk_texture_get_height (a) == gdk_texture_get_height (b) &&
         g_bytes_equal (pa, pb);
}

/* The share of the picture's pixels that are painted. */
static double
ink_share (GdkTexture *texture)
{
  g_autoptr(GBytes) pixels = texture_pixels (texture);
  gsize size, painted = 0;
  const guint8 *data = g_bytes_get_data (pixels, &size);

  for (gsize i = 3; i < size; i += 4)
    painted += data[i] != 0;
  return (double) painted / (size / 4);
}

static UnknotBodyMapDrawing *
preload_and_get (void)
{
  UnknotBodyMapDrawing *drawing;

  unknot_body_map_drawing_preload (MAP_PATH);
  drawing = unknot_body_map_drawing_get (MAP_PATH);
  g_assert_nonnull (drawing);
  g_assert_cmpuint (unknot_body_map_drawing_get_n_regions (drawing), ==, N_REGIONS);

  return drawing;
}

/* The preloading thread's picture for a hint of @width × @height in @style is the
 * drawing in that style at that size, the whole body, and it is there once. */
static void
check_preloaded_picture (int            width,
                         int            height,
                         UnknotSvgStyle style)
{
  g_autoptr(UnknotBodyMapDrawing) drawing = NULL;
  g_autoptr(GdkTexture) preloaded = NULL;
  g_autoptr(GdkTexture) expected = NULL;
  g_autoptr(RsvgHandle) handle = NULL;
  g_autoptr(GError) error = NULL;

  write_hint (width, height, style);
  drawing = preload_and_get ();

  preloaded = unknot_body_map_drawing_take_prerendered (drawing, width, height, style);
  g_assert_nonnull (preloaded);
  handle = unknot_svg_style_load_handle (unknot_body_map_drawing_get_svg (drawing),
                                         unknot_body_map_drawing_get_css_base (drawing),
                                         style, &error);
  g_assert_no_error (error);
  expected = unknot_svg_style_render (handle, NULL, width, height, &error);
  g_assert_no_error (error);
  g_assert_true (same_picture (preloaded, expected));
  g_assert_cmpfloat (ink_share (preloaded), >, 0.25);

  /* Taken once: the next map draws its own. */
  g_assert_null (unknot_body_map_drawing_take_prerendered (drawing, width, height, style));
}

static void
test_preload_hinted_picture (void)
{
  check_preloaded_picture (211, 352, UNKNOT_SVG_STYLE_LIGHT);
}

static void
test_preload_dark_picture (void)
{
  g_autoptr(UnknotBodyMapDrawing) drawing = NULL;
  g_autoptr(RsvgHandle) dark_handle = NULL;
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  g_autoptr(GError) error = NULL;

  check_preloaded_picture (300, 500, UNKNOT_SVG_STYLE_DARK);

  /* And the dark drawing is not the light one under another name. */
  drawing = unknot_body_map_drawing_get (MAP_PATH);
  dark_handle = unknot_svg_style_load_handle (unknot_body_map_drawing_get_svg (drawing),
                                              unknot_body_map_drawing_get_css_base (drawing),
                                              UNKNOT_SVG_STYLE_DARK, &error);
  g_assert_no_error (error);
  dark = unknot_svg_style_render (dark_handle, NULL, 300, 500, &error);
  g_assert_no_error (error);
  light = unknot_svg_style_render (unknot_body_map_drawing_get_handle (drawing), NULL, 300, 500, &error);
  g_assert_no_error (error);
  g_assert_false (same_picture (light, dark));
}

static void
test_preload_other_size_or_style (void)
{
  g_autoptr(UnknotBodyMapDrawing) drawing = NULL;

  write_hint (211, 352, UNKNOT_SVG_STYLE_LIGHT);
  drawing = preload_and_get ();

  /* The first map asks at a size the hint did not foresee: no picture, and the unused
   * one is let go rather than kept for a map that may never come. */
  g_assert_null (unknot_body_map_drawing_take_prerendered (drawing, 212, 352, UNKNOT_SVG_STYLE_LIGHT));
  g_assert_null (unknot_body_map_drawing_take_prerendered (drawing, 211, 352, UNKNOT_SVG_STYLE_LIGHT));
}

/* The size a map draws at in show_map_in_window ()'s 320 × 480 window, in device pixels,
 * from a handle of the test's own so that this process's drawing is not read yet. */
static void
fixture_map_size (int *width,
                  int *height)
{
  g_autoptr(GBytes) svg = g_resources_lookup_data (MAP_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(RsvgHandle) handle = NULL;
  g_autoptr(GError) error = NULL;
  double svg_width, svg_height, fit;

  g_assert_nonnull (svg);
  handle = rsvg_handle_new_from_data (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), &error);
  g_assert_no_error (error);
  g_assert_true (rsvg_handle_get_intrinsic_size_in_pixels (handle, &svg_width, &svg_height));
  fit = MIN (320 / svg_width, 480 / svg_height);
  *width = MAX (1, (int) floor (svg_width * fit)) * expected_scale ();
  *height = MAX (1, (int) floor (svg_height * fit)) * expected_scale ();
}

static GtkWindow *
show_map_in_window (UnknotBodyMap **map)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  *map = UNKNOT_BODY_MAP (unknot_body_map_new (MAP_PATH));
  gtk_window_set_decorated (window, FALSE);
  /* Small enough for the screen at scale factor 2 too. */
  gtk_window_set_default_size (window, 320, 480);
  gtk_window_set_child (window, GTK_WIDGET (*map));
  gtk_window_present (window);
  unknot_test_wait_until (map_is_rendered, *map);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (*map)), ==, 320);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (*map)), ==, 480);

  return window;
}

static void
test_first_map_takes_preloaded (void)
{
  g_autoptr(UnknotBodyMapDrawing) drawing = NULL;
  g_auto(GStrv) ids = NULL;
  UnknotBodyMap *map;
  GtkWindow *window;
  int width, height, w, h, style;

  /* As at a start: the hint says what the first map showed last time. */
  fixture_map_size (&width, &height);
  write_hint (width, height, UNKNOT_SVG_STYLE_LIGHT);
  drawing = preload_and_get ();
  g_assert_true (unknot_body_map_drawing_has_prerendered (drawing, width, height, UNKNOT_SVG_STYLE_LIGHT));

  window = show_map_in_window (&map);
  /* The map drew at the hinted size (a map of another size would have rewritten the
   * hint), and the picture the thread made is gone: the map took it. */
  g_assert_true (read_hint_file (&w, &h, &style));
  g_assert_cmpint (w, ==, width);
  g_assert_cmpint (h, ==, height);
  g_assert_cmpint (style, ==, UNKNOT_SVG_STYLE_LIGHT);
  g_assert_false (unknot_body_map_drawing_has_prerendered (drawing, width, height, UNKNOT_SVG_STYLE_LIGHT));

  /* What it shows is the drawing itself, regions and all. */
  ids = unknot_body_map_dup_region_ids (map);
  g_assert_cmpuint (g_strv_length (ids), ==, N_REGIONS);
  gtk_window_destroy (window);
}

static void
test_first_map_remembers_size (void)
{
  UnknotBodyMap *map, *second;
  GtkWindow *window, *other;
  int expected_width, expected_height, width, height, style;

  g_assert_false (read_hint_file (&width, &height, &style));

  window = show_map_in_window (&map);
  fixture_map_size (&expected_width, &expected_height);
  g_assert_true (read_hint_file (&width, &height, &style));
  g_assert_cmpint (width, ==, expected_width);
  g_assert_cmpint (height, ==, expected_height);
  g_assert_cmpint (style, ==, UNKNOT_SVG_STYLE_LIGHT);

  /* A second map at another size is not what the next start's first frame shows. */
  other = GTK_WINDOW (gtk_window_new ());
  second = UNKNOT_BODY_MAP (unknot_body_map_new (MAP_PATH));
  gtk_window_set_decorated (other, FALSE);
  gtk_window_set_default_size (other, 200, 300);
  gtk_window_set_child (other, GTK_WIDGET (second));
  gtk_window_present (other);
  unknot_test_wait_until (map_is_rendered, second);
  g_assert_true (read_hint_file (&width, &height, &style));
  g_assert_cmpint (width, ==, expected_width);
  g_assert_cmpint (height, ==, expected_height);

  gtk_window_destroy (other);
  gtk_window_destroy (window);
}

/* A hint that is not one is ignored, costs nothing but a render, and is written anew. */
static void
check_bad_hint (const char *contents,
                gssize      length)
{
  g_autoptr(UnknotBodyMapDrawing) drawing = NULL;
  UnknotBodyMap *map;
  GtkWindow *window;
  int expected_width, expected_height, width, height, style;

  write_hint_file (contents, length);
  drawing = preload_and_get ();
  fixture_map_size (&expected_width, &expected_height);

  window = show_map_in_window (&map);
  g_assert_true (read_hint_file (&width, &height, &style));
  g_assert_cmpint (width, ==, expected_width);
  g_assert_cmpint (height, ==, expected_height);
  g_assert_cmpint (style, ==, UNKNOT_SVG_STYLE_LIGHT);
  gtk_window_destroy (window);
}

static void
test_damaged_hint (void)
{
  static const char garbage[] = "\x89PNG\r\n\x1a\n\xff\xfe[width=\0height";

  check_bad_hint (garbage, sizeof garbage);
}

static void
test_hint_out_of_range (void)
{
  g_autofree char *contents = g_strdup_printf ("[%s]\nwidth=100000\nheight=-3\nstyle=9\n", MAP_PATH);

  check_bad_hint (contents, -1);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/body-map/hit-every-region", test_hit_every_region);
  ADD ("/body-map/gaps-and-outside", test_gaps_and_outside);
  ADD ("/body-map/catalog-matches-drawing", test_catalog_matches_drawing);
  ADD ("/body-map/keyboard-reaches-every-region", test_keyboard_reaches_every_region);
  ADD ("/body-map/accessible-and-activation", test_accessible_and_activation);
  ADD ("/body-map/rendering-states-and-styles", test_rendering_states_and_styles);
  ADD ("/body-map/scale-factor", test_scale_factor);
  ADD ("/body-map/single-is-not-multiple", test_single_is_not_multiple);
  ADD ("/body-map/anatomy-reaches", test_anatomy_reaches);

#undef ADD

  g_test_add_func ("/body-map/labels-in-window", test_labels_in_window);
  g_test_add_func ("/body-map/multiple-selection", test_multiple_selection);
  g_test_add_func ("/body-map/preload-hinted-picture", test_preload_hinted_picture);
  g_test_add_func ("/body-map/preload-other-size-or-style", test_preload_other_size_or_style);
  g_test_add_func ("/body-map/preload-dark-picture", test_preload_dark_picture);
  g_test_add_func ("/body-map/first-map-takes-preloaded", test_first_map_takes_preloaded);
  g_test_add_func ("/body-map/first-map-remembers-size", test_first_map_remembers_size);
  g_test_add_func ("/body-map/damaged-hint", test_damaged_hint);
  g_test_add_func ("/body-map/hint-out-of-range", test_hint_out_of_range);

  return g_test_run ();
}
