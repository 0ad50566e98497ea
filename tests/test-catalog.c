/* test-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "catalog/unknot-catalog.h"

static GStrv
search (UnknotCatalog *catalog,
        const char    *query)
{
  GListModel *regions = unknot_catalog_get_regions (catalog);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(UnknotRegion) region = g_list_model_get_item (regions, i);

      if (unknot_region_matches (region, query))
        g_strv_builder_add (builder, unknot_region_get_id (region));
    }

  return g_strv_builder_end (builder);
}

static void
test_regions_complete (void)
{
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  GListModel *regions = unknot_catalog_get_regions (catalog);
  UnknotRegion *spine, *ql;

  g_assert_cmpuint (g_list_model_get_n_items (regions), ==, 17);

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(UnknotRegion) region = g_list_model_get_item (regions, i);

      g_assert_nonnull (unknot_region_get_name (region));
      g_assert_nonnull (unknot_region_get_summary (region));
      g_assert_nonnull (unknot_region_get_location (region));
      g_assert_nonnull (unknot_region_get_function (region));
      g_assert_nonnull (unknot_region_get_keywords (region));
      if (!unknot_region_is_no_pressure_zone (region))
        {
          g_assert_nonnull (unknot_region_get_tightens (region));
          g_assert_nonnull (unknot_region_get_muscles (region)[0]);
        }
    }

  ql = unknot_catalog_lookup_region (catalog, "quadratus-lumborum-right");
  g_assert_cmpstr (unknot_region_get_title (ql), ==, "Quadratus lumborum, right side");
  g_assert_cmpstr (unknot_region_get_side (ql), ==, "right");
  /* A deep muscle says where to press for it. */
  g_assert_nonnull (unknot_region_get_pressing (ql));

  spine = unknot_catalog_lookup_region (catalog, "spine");
  g_assert_true (unknot_region_is_no_pressure_zone (spine));
  g_assert_null (unknot_region_get_side (spine));
  g_assert_nonnull (unknot_region_get_instead (spine));
  g_assert_null (unknot_catalog_lookup_region (catalog, "spine-left"));
}

static void
test_search_everyday_words (void)
{
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  g_auto(GStrv) lats = search (catalog, "lats");
  g_auto(GStrv) ql = search (catalog, "QL");
  g_auto(GStrv) lower_back = search (catalog, "lower back");
  g_auto(GStrv) glutes = search (catalog, "  Glutes ");
  g_auto(GStrv) nothing = search (catalog, "elbow");

  g_assert_cmpstrv (lats, ((const char *[]) { "latissimus-dorsi-left", "latissimus-dorsi-right", NULL }));
  g_assert_cmpstrv (ql, ((const char *[]) { "quadratus-lumborum-left", "quadratus-lumborum-right", NULL }));
  g_assert_true (g_strv_contains ((const char * const *) lower_back, "erector-spinae-lumbar-left"));
  g_assert_true (g_strv_contains ((const char * const *) lower_back, "quadratus-lumborum-right"));
  g_assert_cmpstrv (glutes, ((const char *[]) { "gluteals-left", "gluteals-right", NULL }));
  g_assert_cmpuint (g_strv_length (nothing), ==, 0);
}

static void
test_invalid_catalog (void)
{
  const char *broken[] = {
    "<regions><region id='x' sides='both'><name>X</name></regions>",
    "<regions><region id='x' sides='three'><name>X</name><location>L</location></region></regions>",
    "<regions><region sides='both'><name>X</name><location>L</location></region></regions>",
    "<regions><region id='x' sides='none'><location>L</location></region></regions>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (broken[i], strlen (broken[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_from_bytes (bytes, &error);

      g_assert_null (catalog);
      g_assert_nonnull (error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/regions-complete", test_regions_complete);
  g_test_add_func ("/catalog/search-everyday-words", test_search_everyday_words);
  g_test_add_func ("/catalog/invalid", test_invalid_catalog);

  return g_test_run ();
}
