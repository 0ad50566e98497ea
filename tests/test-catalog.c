/* test-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <librsvg/rsvg.h>

#include "catalog/unknot-catalog.h"
#include "journal/unknot-journal-entry.h"

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
      const char * const *keywords = unknot_region_get_keywords (region);

      g_assert_nonnull (unknot_region_get_name (region));
      g_assert_nonnull (unknot_region_get_summary (region));
      g_assert_nonnull (unknot_region_get_location (region));
      g_assert_nonnull (unknot_region_get_function (region));
      /* Every region has everyday words, and a search finds it by each of them. */
      g_assert_cmpuint (g_strv_length ((GStrv) keywords), >, 0);
      for (guint k = 0; keywords[k] != NULL; k++)
        {
          g_assert_cmpstr (keywords[k], !=, "");
          g_assert_true (unknot_region_matches (region, keywords[k]));
        }
      g_assert_false (unknot_region_matches (region, "xylophone"));
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

/* A region is found by the words of its <keywords> alone, not only by its name. */
static void
test_search_keywords (void)
{
  static const char xml[] =
    "<regions>"
    "<region id='a' sides='none'><name>Alpha</name><location>L</location>"
    "<keywords> wobbly bit ;  knotty </keywords></region>"
    "<region id='b' sides='none'><name>Beta</name><location>L</location></region>"
    "</regions>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new (bytes, NULL, NULL, NULL, &error);
  g_autoptr(UnknotCatalog) real = unknot_catalog_new_default ();
  g_auto(GStrv) hammies = search (real, "hammies");
  UnknotRegion *a, *b, *hamstrings;

  g_assert_no_error (error);
  a = unknot_catalog_lookup_region (catalog, "a");
  b = unknot_catalog_lookup_region (catalog, "b");

  g_assert_cmpstrv (unknot_region_get_keywords (a), ((const char *[]) { "wobbly bit", "knotty", NULL }));
  g_assert_cmpstrv (unknot_region_get_keywords (b), ((const char *[]) { NULL }));
  g_assert_true (unknot_region_matches (a, "knotty"));
  g_assert_true (unknot_region_matches (a, "WOBBLY"));
  g_assert_true (unknot_region_matches (a, "bit wobbly"));
  g_assert_false (unknot_region_matches (b, "knotty"));
  g_assert_false (unknot_region_matches (a, "xylophone"));

  /* In the real catalogue, "hammies" is a keyword and nothing else of the hamstrings. */
  g_assert_cmpstrv (hammies, ((const char *[]) { "hamstrings-left", "hamstrings-right", NULL }));
  hamstrings = unknot_catalog_lookup_region (real, "hamstrings-left");
  g_assert_true (g_strv_contains (unknot_region_get_keywords (hamstrings), "hammies"));
  g_assert_null (strstr (unknot_region_get_title (hamstrings), "ammies"));
  g_assert_null (strstr (unknot_region_get_summary (hamstrings), "ammies"));
  for (guint i = 0; unknot_region_get_muscles (hamstrings)[i] != NULL; i++)
    g_assert_null (strstr (unknot_region_get_muscles (hamstrings)[i], "ammies"));
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
      g_autoptr(UnknotCatalog) catalog = unknot_catalog_new (bytes, NULL, NULL, NULL, &error);

      g_assert_null (catalog);
      g_assert_nonnull (error);
    }
}

/* A drawing exists in the GResource and librsvg paints something visible with it. */
static void
assert_drawing_renders (const char *path)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle;
  cairo_surface_t *surface;
  cairo_t *cr;
  const guint8 *data;
  guint painted = 0;
  int stride;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("%s is not in the GResource: %s", path, error->message);

  handle = rsvg_handle_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 280, 180);
  cr = cairo_create (surface);
  g_assert_true (rsvg_handle_render_document (handle, cr, &(RsvgRectangle) { 0, 0, 280, 180 }, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 180; y++)
    for (int x = 0; x < 280; x++)
      painted += data[y * stride + x * 4 + 3] > 0;

  /* More than a speck: at least 2 % of the picture is drawn. */
  if (painted < 280 * 180 / 50)
    g_error ("%s paints only %u pixels", path, painted);

  cairo_surface_destroy (surface);
  g_object_unref (handle);
}

static void
test_techniques_integrity (void)
{
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  GListModel *regions = unknot_catalog_get_regions (catalog);
  GListModel *tools = unknot_catalog_get_tools (catalog);
  GListModel *techniques = unknot_catalog_get_techniques (catalog);
  guint holds = 0;

  /* Every region but the spine has at least two techniques; the spine has none. */
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(UnknotRegion) region = g_list_model_get_item (regions, i);
      g_autoptr(GListModel) list =
        unknot_catalog_list_techniques_for_region (catalog, unknot_region_get_base_id (region));

      if (unknot_region_is_no_pressure_zone (region))
        g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
      else if (g_list_model_get_n_items (list) < 2)
        g_error ("%s has %u techniques", unknot_region_get_id (region), g_list_model_get_n_items (list));
    }

  /* Every tool has a technique and an icon. */
  for (guint i = 0; i < g_list_model_get_n_items (tools); i++)
    {
      g_autoptr(UnknotTool) tool = g_list_model_get_item (tools, i);
      gboolean used = FALSE;

      for (guint t = 0; t < g_list_model_get_n_items (techniques) && !used; t++)
        {
          g_autoptr(UnknotTechnique) technique = g_list_model_get_item (techniques, t);

          used = g_str_equal (unknot_technique_get_tool_id (technique), unknot_tool_get_id (tool));
        }
      g_assert_true (used);
      g_assert_nonnull (unknot_tool_get_icon (tool));
      assert_drawing_renders (unknot_tool_get_icon (tool));
    }
  g_assert_cmpuint (g_list_model_get_n_items (tools), ==, 6);

  /* Every technique: a known tool, 3–6 steps, each with a picture that renders, holds
   * within 10–120 s, and the advice a person needs. */
  for (guint t = 0; t < g_list_model_get_n_items (techniques); t++)
    {
      g_autoptr(UnknotTechnique) technique = g_list_model_get_item (techniques, t);
      GListModel *steps = unknot_technique_get_steps (technique);

      g_assert_nonnull (unknot_catalog_lookup_tool (catalog, unknot_technique_get_tool_id (technique)));
      g_assert_cmpuint (g_list_model_get_n_items (steps), >=, 3);
      g_assert_cmpuint (g_list_model_get_n_items (steps), <=, 6);
      g_assert_nonnull (unknot_technique_get_position (technique));
      g_assert_nonnull (unknot_technique_get_pressure (technique));
      g_assert_nonnull (unknot_technique_get_stop (technique));
      g_assert_nonnull (unknot_technique_get_breathing (technique));
      g_assert_nonnull (unknot_technique_get_mistakes (technique)[0]);

      for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
        {
          g_autoptr(UnknotStep) step = g_list_model_get_item (steps, i);

          g_assert_cmpuint (unknot_step_get_number (step), ==, i + 1);
          assert_drawing_renders (unknot_step_get_illustration (step));
          if (unknot_step_is_hold (step))
            {
              holds++;
              g_assert_cmpuint (unknot_step_get_hold_min (step), >=, 10);
              g_assert_cmpuint (unknot_step_get_hold_max (step), <=, 120);
              g_assert_cmpuint (unknot_step_get_hold_min (step), <=, unknot_step_get_hold_max (step));
              /* The suggestion stays inside the step's range. */
              g_assert_cmpuint (unknot_step_suggest_seconds (step, 5), ==, unknot_step_get_hold_min (step));
              g_assert_cmpuint (unknot_step_suggest_seconds (step, 500), ==, unknot_step_get_hold_max (step));
            }
          else
            {
              g_assert_cmpuint (unknot_step_suggest_seconds (step, 30), ==, 0);
            }
        }
    }
  g_assert_cmpuint (holds, >=, g_list_model_get_n_items (techniques) / 2);
}

static void
test_guide_complete (void)
{
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  const char *topics[] = { "before-you-start", "when-to-massage", "partner-and-professional",
                           "beyond-the-massage", "benefits" };
  const char *occasions[] = { "post-workout", "after-sitting", "chronic-ache", "stress-relief",
                              "before-stretching" };
  UnknotTopic *safety, *when;
  gboolean has_checklist = FALSE, has_warning = FALSE;
  GListModel *sections;

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    g_assert_nonnull (unknot_catalog_lookup_topic (catalog, topics[i]));

  /* Safety: what not to massage over, and the red flags, as lists. */
  safety = unknot_catalog_lookup_topic (catalog, "before-you-start");
  sections = unknot_topic_get_sections (safety);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(UnknotTopicSection) section = g_list_model_get_item (sections, i);

      if (unknot_topic_section_get_kind (section) == UNKNOT_SECTION_KIND_CHECKLIST)
        {
          has_checklist = TRUE;
          g_assert_cmpuint (g_strv_length ((GStrv) unknot_topic_section_get_items (section)), >=, 4);
        }
      if (unknot_topic_section_get_kind (section) == UNKNOT_SECTION_KIND_WARNING)
        {
          has_warning = TRUE;
          g_assert_cmpuint (g_strv_length ((GStrv) unknot_topic_section_get_items (section)), >=, 5);
        }
    }
  g_assert_true (has_checklist);
  g_assert_true (has_warning);

  /* Each occasion to massage names techniques that exist. */
  when = unknot_catalog_lookup_topic (catalog, "when-to-massage");
  sections = unknot_topic_get_sections (when);
  for (guint o = 0; o < G_N_ELEMENTS (occasions); o++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
        {
          g_autoptr(UnknotTopicSection) section = g_list_model_get_item (sections, i);
          const char * const *ids = unknot_topic_section_get_techniques (section);

          if (!g_str_equal (unknot_topic_section_get_id (section), occasions[o]))
            continue;

          found = TRUE;
          g_assert_nonnull (ids[0]);
          for (guint t = 0; ids[t] != NULL; t++)
            g_assert_nonnull (unknot_catalog_lookup_technique (catalog, ids[t]));
        }
      g_assert_true (found);
    }
}

/* The ids the guide gives the items of its red-flag section, in their order, read from
 * the shipped guide.xml itself (the catalogue keeps only the items' words). An item
 * without an id is recorded as "". */
typedef struct {
  gboolean    in_red_flags;
  GPtrArray  *ids;
} RedFlagIds;

static void
red_flag_ids_start (GMarkupParseContext  *context,
                    const char           *element,
                    const char          **names,
                    const char          **values,
                    gpointer              user_data,
                    GError              **error)
{
  RedFlagIds *data = user_data;
  const char *id = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], "id"))
      id = values[i];

  if (g_str_equal (element, "section"))
    data->in_red_flags = g_strcmp0 (id, "red-flags") == 0;
  else if (data->in_red_flags && g_str_equal (element, "item"))
    g_ptr_array_add (data->ids, g_strdup (id != NULL ? id : ""));
}

static void
test_guide_red_flags_match_journal (void)
{
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  const char * const *journal_ids = unknot_journal_get_red_flag_ids ();
  const GMarkupParser parser = { red_flag_ids_start, NULL, NULL, NULL, NULL };
  RedFlagIds data = { FALSE, g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(GPtrArray) guide_ids = data.ids;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotTopicSection) red_flags = NULL;
  const char * const *items = NULL;
  GListModel *sections;
  gboolean any_id = FALSE;

  sections = unknot_topic_get_sections (unknot_catalog_lookup_topic (catalog, "before-you-start"));
  for (guint i = 0; i < g_list_model_get_n_items (sections) && red_flags == NULL; i++)
    {
      g_autoptr(UnknotTopicSection) section = g_list_model_get_item (sections, i);

      if (g_str_equal (unknot_topic_section_get_id (section), "red-flags"))
        red_flags = g_steal_pointer (&section);
    }
  g_assert_nonnull (red_flags);
  g_assert_cmpint (unknot_topic_section_get_kind (red_flags), ==, UNKNOT_SECTION_KIND_WARNING);
  items = unknot_topic_section_get_items (red_flags);

  /* The guide lists as many warning signs as the journal lets a person note ... */
  g_assert_cmpuint (g_strv_length ((GStrv) items), ==, g_strv_length ((GStrv) journal_ids));

  bytes = g_resources_lookup_data (RESOURCE_BASE_PATH "/catalog/guide.xml",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  context = g_markup_parse_context_new (&parser, G_MARKUP_DEFAULT_FLAGS, &data, NULL);
  g_assert_true (g_markup_parse_context_parse (context, g_bytes_get_data (bytes, NULL),
                                               g_bytes_get_size (bytes), &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (guide_ids->len, ==, g_strv_length ((GStrv) items));

  for (guint i = 0; i < guide_ids->len; i++)
    any_id = any_id || *(const char *) g_ptr_array_index (guide_ids, i) != '\0';
  if (!any_id)
    return;

  /* ... and, as it marks them, the same signs in the same order, in the same words. */
  for (guint i = 0; i < guide_ids->len; i++)
    {
      const char *id = g_ptr_array_index (guide_ids, i);

      if (g_strcmp0 (id, journal_ids[i]) != 0)
        g_error ("red flag %u of the guide is “%s”, of the journal “%s”", i, id, journal_ids[i]);
      g_assert_cmpstr (items[i], ==, unknot_journal_get_red_flag_label (id));
    }
}

static void
assert_invalid (const char *regions,
                const char *tools,
                const char *techniques,
                const char *guide,
                const char *message_part)
{
  g_autoptr(GBytes) r = g_bytes_new_static (regions, strlen (regions));
  g_autoptr(GBytes) to = tools ? g_bytes_new_static (tools, strlen (tools)) : NULL;
  g_autoptr(GBytes) te = techniques ? g_bytes_new_static (techniques, strlen (techniques)) : NULL;
  g_autoptr(GBytes) g = guide ? g_bytes_new_static (guide, strlen (guide)) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new (r, to, te, g, &error);

  if (catalog != NULL)
    g_error ("accepted a catalogue that should fail with “%s”", message_part);
  g_assert_nonnull (error);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, message_part);
}

#define REGIONS "<regions><region id='back' sides='both'><name>Back</name><location>L</location></region>" \
                "<region id='spine' sides='none'><name>Spine</name><location>L</location></region></regions>"
#define TOOLS "<tools><tool id='ball'><name>Ball</name><description>D</description></tool></tools>"
#define STEP(hold) "<step illustration='a.svg' " hold "><text>T</text></step>"
#define TECHNIQUE(tool, regions, hold) \
  "<techniques><technique id='t' tool='" tool "' regions='" regions "'><title>T</title>" \
  "<position>P</position><stop>S</stop><steps>" STEP("") STEP("") STEP(hold) "</steps></technique></techniques>"

static void
test_dangling_ids (void)
{
  g_autoptr(GBytes) r = g_bytes_new_static (REGIONS, strlen (REGIONS));
  g_autoptr(GBytes) to = g_bytes_new_static (TOOLS, strlen (TOOLS));
  const char *good = TECHNIQUE ("ball", "back", "hold-min='20' hold-max='40'");
  g_autoptr(GBytes) te = g_bytes_new_static (good, strlen (good));
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new (r, to, te, NULL, &error);

  /* The small catalogue is valid as it stands ... */
  g_assert_no_error (error);
  g_assert_nonnull (unknot_catalog_lookup_technique (catalog, "t"));

  /* ... and each broken link or value is refused with a message that names it. */
  assert_invalid (REGIONS, TOOLS, TECHNIQUE ("roller", "back", ""), NULL, "roller");
  assert_invalid (REGIONS, TOOLS, TECHNIQUE ("ball", "neck", ""), NULL, "neck");
  assert_invalid (REGIONS, TOOLS, TECHNIQUE ("ball", "spine", ""), NULL, "spine");
  assert_invalid (REGIONS, TOOLS, TECHNIQUE ("ball", "back", "hold-min='5' hold-max='40'"), NULL, "hold");
  assert_invalid (REGIONS, TOOLS, TECHNIQUE ("ball", "back", "hold-min='50' hold-max='40'"), NULL, "hold");
  assert_invalid (REGIONS, TOOLS, TECHNIQUE ("ball", "back", "hold-min='20'"), NULL, "hold");
  assert_invalid (REGIONS, TOOLS, good,
                  "<guide><topic id='g'><title>G</title><section id='s' techniques='t nope'>"
                  "<title>S</title><text>T</text></section></topic></guide>", "nope");
  assert_invalid (REGIONS, TOOLS TOOLS, NULL, NULL, "second <tools>");
}

static void
test_search_techniques_and_guide (void)
{
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  UnknotTechnique *roller = unknot_catalog_lookup_technique (catalog, "foam-roller-upper-back");
  UnknotTechnique *cane = unknot_catalog_lookup_technique (catalog, "stick-upper-trapezius");
  UnknotTopic *when = unknot_catalog_lookup_topic (catalog, "when-to-massage");

  /* A technique is found by its tool's name. */
  g_assert_true (unknot_technique_matches (roller, "foam roller"));
  g_assert_false (unknot_technique_matches (cane, "foam roller"));
  g_assert_true (unknot_topic_matches (when, "workout"));
}

/* Techniques that predate the second content pass and still lack a step to hold or a
 * caution of their own; every technique added since must have both. */

static void
test_techniques_three_tools_per_region (void)
{
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  GListModel *regions = unknot_catalog_get_regions (catalog);
  GListModel *techniques = unknot_catalog_get_techniques (catalog);

  /* At least thirty techniques, so that the catalogue reads complete. */
  g_assert_cmpuint (g_list_model_get_n_items (techniques), >=, 30);

  /* Every region a person may press has techniques for three or more different tools. */
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(UnknotRegion) region = g_list_model_get_item (regions, i);
      g_autoptr(GListModel) list = NULL;
      g_autoptr(GHashTable) tools = g_hash_table_new (g_str_hash, g_str_equal);

      if (unknot_region_is_no_pressure_zone (region))
        continue;

      list = unknot_catalog_list_techniques_for_region (catalog, unknot_region_get_base_id (region));
      for (guint t = 0; t < g_list_model_get_n_items (list); t++)
        {
          g_autoptr(UnknotTechnique) technique = g_list_model_get_item (list, t);

          g_hash_table_add (tools, (gpointer) unknot_technique_get_tool_id (technique));
        }
      if (g_hash_table_size (tools) < 3)
        g_error ("%s has techniques for %u tools", unknot_region_get_id (region), g_hash_table_size (tools));
    }
}

static void
test_techniques_complete (void)
{
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  GListModel *techniques = unknot_catalog_get_techniques (catalog);

  /* Every technique: illustrated steps, common mistakes, a caution, and at least one
   * step to hold, every hold inside the 20–60 s the reference gives for a tender spot. */
  for (guint t = 0; t < g_list_model_get_n_items (techniques); t++)
    {
      g_autoptr(UnknotTechnique) technique = g_list_model_get_item (techniques, t);
      const char *id = unknot_technique_get_id (technique);
      GListModel *steps = unknot_technique_get_steps (technique);
      const char * const *mistakes = unknot_technique_get_mistakes (technique);
      guint holds = 0;

      g_assert_cmpuint (g_list_model_get_n_items (steps), >=, 2);
      for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
        {
          g_autoptr(UnknotStep) step = g_list_model_get_item (steps, i);
          g_autofree char *drawing = g_strdup_printf ("%s-%u.svg", id, i + 1);
          g_autofree char *name = g_path_get_basename (unknot_step_get_illustration (step));

          /* Each step has its own drawing, named after its technique and number. */
          g_assert_cmpstr (name, ==, drawing);
          if (unknot_step_is_hold (step))
            {
              holds++;
              g_assert_cmpuint (unknot_step_get_hold_min (step), >=, 20);
              g_assert_cmpuint (unknot_step_get_hold_max (step), <=, 60);
            }
        }

      g_assert_cmpuint (g_strv_length ((GStrv) mistakes), >=, 3);
      if (holds == 0)
        g_error ("%s has no step to hold", id);
      if (unknot_technique_get_caution (technique) == NULL)
        g_error ("%s has no caution", id);
    }
}

static void
test_techniques_article_variants (void)
{
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  struct {
    const char *id;
    const char *tool;
    const char *region;
  } variants[] = {
    { "ball-wall-lats", "massage-ball", "latissimus-dorsi" },
    { "stick-lats", "massage-stick", "latissimus-dorsi" },
    { "massager-lats", "electric-massager", "latissimus-dorsi" },
    { "ball-hamstrings-chair", "massage-ball", "hamstrings" },
    { "stick-hamstrings", "massage-stick", "hamstrings" },
    { "hands-hamstrings", "hands", "hamstrings" },
    { "hands-glutes", "hands", "gluteals" },
    { "stick-glutes", "massage-stick", "gluteals" },
    { "ball-wall-glutes", "massage-ball", "gluteals" },
    { "hands-lower-back-strokes", "hands", "erector-spinae-lumbar" },
    { "hands-upper-trapezius-circles", "hands", "upper-trapezius" },
    { "ball-quadratus-lumborum-side", "massage-ball", "quadratus-lumborum" },
    { "stick-mid-back", "massage-stick", "erector-spinae-thoracic" },
  };

  /* The reference's variants that are techniques of their own sit with their tool and
   * where a person would look for them. */
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      UnknotTechnique *technique = unknot_catalog_lookup_technique (catalog, variants[i].id);

      g_assert_nonnull (technique);
      g_assert_cmpstr (unknot_technique_get_tool_id (technique), ==, variants[i].tool);
      g_assert_true (unknot_technique_serves_region (technique, variants[i].region));
    }

  /* Lying on the side over the waist comes with the kidney caution. */
  g_assert_nonnull (strstr (unknot_technique_get_caution (unknot_catalog_lookup_technique (catalog, "ball-quadratus-lumborum-side")),
                            "kidneys"));
}

/* Everything a technique says, in one string: position, steps, advice and cautions. */
static char *
technique_text (UnknotTechnique *technique)
{
  GListModel *steps = unknot_technique_get_steps (technique);
  const char * const *mistakes = unknot_technique_get_mistakes (technique);
  g_autoptr(GString) text = g_string_new (unknot_technique_get_position (technique));

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(UnknotStep) step = g_list_model_get_item (steps, i);

      g_string_append_printf (text, "\n%s", unknot_step_get_text (step));
    }
  g_string_append_printf (text, "\n%s\n%s\n%s",
                          unknot_technique_get_pressure (technique),
                          unknot_technique_get_stop (technique),
                          unknot_technique_get_breathing (technique));
  for (guint i = 0; mistakes[i] != NULL; i++)
    g_string_append_printf (text, "\n%s", mistakes[i]);
  if (unknot_technique_get_caution (technique) != NULL)
    g_string_append_printf (text, "\n%s", unknot_technique_get_caution (technique));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_partner_techniques (void)
{
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  GListModel *techniques = unknot_catalog_get_techniques (catalog);
  UnknotTool *partner = unknot_catalog_lookup_tool (catalog, "partner");
  g_autoptr(GRegex) check_in = g_regex_new ("\\bcheck(s|ing)? in\\b|\\bcheck-ins?\\b",
                                            G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GRegex) scale = g_regex_new ("\\b1\\b.*\\b5\\b", G_REGEX_DOTALL, 0, NULL);
  const char *tool_notes;
  gboolean upper_back = FALSE, lower_back = FALSE, glutes = FALSE;
  guint n_partner = 0;

  g_assert_nonnull (partner);
  g_assert_nonnull (unknot_tool_get_icon (partner));

  /* The tool's own notes: the person massaged is in charge, the words, the spine, the
   * kidneys, when to stop and where not to massage at all. */
  tool_notes = unknot_tool_get_pressure (partner);
  g_assert_nonnull (strstr (tool_notes, "in charge"));
  g_assert_nonnull (strstr (tool_notes, "“more”"));
  g_assert_nonnull (strstr (tool_notes, "“less”"));
  g_assert_nonnull (strstr (tool_notes, "“stop”"));
  g_assert_nonnull (strstr (tool_notes, "spine"));
  g_assert_nonnull (strstr (tool_notes, "kidneys"));
  g_assert_nonnull (strstr (tool_notes, "numbness or tingling"));
  g_assert_nonnull (strstr (tool_notes, "wounds"));

  for (guint t = 0; t < g_list_model_get_n_items (techniques); t++)
    {
      g_autoptr(UnknotTechnique) technique = g_list_model_get_item (techniques, t);
      GListModel *steps = unknot_technique_get_steps (technique);
      g_autofree char *text = NULL;
      const char *id = unknot_technique_get_id (technique);
      gboolean holds = FALSE;

      if (!g_str_equal (unknot_technique_get_tool_id (technique), "partner"))
        continue;

      n_partner++;
      upper_back = upper_back || unknot_technique_serves_region (technique, "upper-trapezius")
                              || unknot_technique_serves_region (technique, "rhomboids");
      lower_back = lower_back || unknot_technique_serves_region (technique, "erector-spinae-lumbar");
      glutes = glutes || unknot_technique_serves_region (technique, "gluteals");

      /* A pressure scale, the agreed words, and checking in often. */
      text = technique_text (technique);
      if (strstr (text, "“more”") == NULL || strstr (text, "“less”") == NULL ||
          strstr (text, "“stop”") == NULL)
        g_error ("%s does not agree on the words “more”, “less” and “stop”", id);
      if (!g_regex_match (check_in, text, 0, NULL))
        g_error ("%s never checks in", id);
      if (!g_regex_match (scale, unknot_technique_get_position (technique), 0, NULL))
        g_error ("%s does not set up a pressure scale before it starts", id);

      /* Cautions, mistakes, and a hold inside the 20–60 s the reference gives. */
      g_assert_nonnull (unknot_technique_get_caution (technique));
      g_assert_nonnull (strstr (unknot_technique_get_caution (technique), "spine"));
      g_assert_cmpuint (g_strv_length ((GStrv) unknot_technique_get_mistakes (technique)), >=, 3);
      for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
        {
          g_autoptr(UnknotStep) step = g_list_model_get_item (steps, i);

          /* Drawn with both people, from the partner sketches. */
          g_assert_true (g_str_has_prefix (unknot_step_get_illustration (step),
                                           RESOURCE_BASE_PATH "/illustrations/partner-"));
          if (unknot_step_is_hold (step))
            {
              holds = TRUE;
              g_assert_cmpuint (unknot_step_get_hold_min (step), >=, 20);
              g_assert_cmpuint (unknot_step_get_hold_max (step), <=, 60);
            }
        }
      if (!holds)
        g_error ("%s has no hold", id);

      /* Over the lower back, the kidneys get their own warning. */
      if (unknot_technique_serves_region (technique, "erector-spinae-lumbar"))
        g_assert_nonnull (strstr (unknot_technique_get_caution (technique), "kidneys"));
    }

  g_assert_cmpuint (n_partner, >=, 3);
  g_assert_true (upper_back);
  g_assert_true (lower_back);
  g_assert_true (glutes);
}

static void
test_guide_professional_help (void)
{
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  GListModel *topics = unknot_catalog_get_topics (catalog);
  UnknotTopic *help = unknot_catalog_lookup_topic (catalog, "professional-help");
  const char *wanted[] = { "doctor-first", "massage-therapist", "physical-therapist", "deep-tissue",
                           "myofascial-release", "trigger-point", "finding" };
  GListModel *sections;
  int partner_at = -1, help_at = -1;

  g_assert_nonnull (help);
  g_assert_cmpstr (unknot_topic_get_title (help), ==, "Professional Help");
  g_assert_nonnull (unknot_topic_get_summary (help));

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(UnknotTopic) topic = g_list_model_get_item (topics, i);

      if (g_str_equal (unknot_topic_get_id (topic), "partner-and-professional"))
        partner_at = i;
      else if (g_str_equal (unknot_topic_get_id (topic), "professional-help"))
        help_at = i;
    }
  g_assert_cmpint (partner_at, >=, 0);
  g_assert_cmpint (help_at, ==, partner_at + 1);

  sections = unknot_topic_get_sections (help);
  for (guint w = 0; w < G_N_ELEMENTS (wanted); w++)
    {
      g_autoptr(UnknotTopicSection) found = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (sections) && found == NULL; i++)
        {
          g_autoptr(UnknotTopicSection) section = g_list_model_get_item (sections, i);

          if (g_str_equal (unknot_topic_section_get_id (section), wanted[w]))
            found = g_steal_pointer (&section);
        }
      if (found == NULL)
        g_error ("the professional-help page has no section “%s”", wanted[w]);

      /* Red flags send a person to a doctor, not a therapist, and point to the list. */
      if (g_str_equal (wanted[w], "doctor-first"))
        {
          const char *text = unknot_topic_section_get_text (found);

          g_assert_nonnull (strstr (text, "does not go away"));
          g_assert_nonnull (strstr (text, "numbness or tingling"));
          g_assert_nonnull (strstr (text, "Before You Start"));
        }
    }

  /* A search for the methods finds the page. */
  g_assert_true (unknot_topic_matches (help, "trigger point"));
  g_assert_true (unknot_topic_matches (help, "myofascial"));
  g_assert_true (unknot_topic_matches (help, "physical therapist"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/regions-complete", test_regions_complete);
  g_test_add_func ("/catalog/search-everyday-words", test_search_everyday_words);
  g_test_add_func ("/catalog/search-keywords", test_search_keywords);
  g_test_add_func ("/catalog/invalid", test_invalid_catalog);
  g_test_add_func ("/catalog/techniques-integrity", test_techniques_integrity);
  g_test_add_func ("/catalog/guide-complete", test_guide_complete);
  g_test_add_func ("/catalog/guide-red-flags-match-journal", test_guide_red_flags_match_journal);
  g_test_add_func ("/catalog/dangling-ids", test_dangling_ids);
  g_test_add_func ("/catalog/search-techniques-and-guide", test_search_techniques_and_guide);
  g_test_add_func ("/catalog/techniques-three-tools-per-region", test_techniques_three_tools_per_region);
  g_test_add_func ("/catalog/techniques-complete", test_techniques_complete);
  g_test_add_func ("/catalog/techniques-article-variants", test_techniques_article_variants);
  g_test_add_func ("/catalog/partner-techniques", test_partner_techniques);
  g_test_add_func ("/catalog/guide-professional-help", test_guide_professional_help);

  return g_test_run ();
}
