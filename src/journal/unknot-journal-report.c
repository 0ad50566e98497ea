/* unknot-journal-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report a person takes to a clinician: a one-page summary (the period, average and
 * worst pain before and after a session, the trend chart, the pain map, the warning
 * signs logged and the techniques tried with their effect), then every entry as a
 * table. One GtkPrintOperation draws it, exported to PDF or printed.
 *
 * Everything is read from the journal before the first page is drawn (statistics as
 * the journal's SQL aggregates, the entries oldest first), and the pages are laid out
 * in "begin-print": a row of the table is never split, the header is drawn again on
 * every page of the table, the chart and the map are on the first page only, and the
 * summary is cut to what fits on one page, saying so.
 */

#define G_LOG_DOMAIN "unknot-journal-report"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <librsvg/rsvg.h>

#include "bodymap/unknot-body-map.h"
#include "catalog/unknot-region.h"
#include "catalog/unknot-technique.h"
#include "catalog/unknot-tool.h"
#include "unknot-journal-report.h"
#include "unknot-journal-row.h"
#include "unknot-journal-stats.h"
#include "unknot-red-flags.h"
#include "unknot-svg-style.h"
#include "unknot-trend-chart.h"

/* The page, in points (1/72 inch). */
#define MARGIN_MM 15.0
#define GAP 10.0
#define CHART_HEIGHT 150.0
#define MAP_WIDTH 150.0
#define FOOTER_HEIGHT 22.0
#define CELL_PAD 3.0
/* Notes are cut to this many characters in the table. */
#define NOTES_CHARS 90

#define FONT_TITLE "Sans Bold 17"
#define FONT_HEADING "Sans Bold 10.5"
#define FONT_BODY "Sans 9"
#define FONT_BODY_BOLD "Sans Bold 9"
#define FONT_TABLE "Sans 7.5"
#define FONT_TABLE_HEAD "Sans Bold 7.5"
#define FONT_SMALL "Sans 7.5"

/* The part of the map's drawing (600 × 1000) that holds the regions. */
#define MAP_X 110.0
#define MAP_Y 140.0
#define MAP_W 380.0
#define MAP_H 700.0
/* The legend under the map, at most. */
#define MAP_LEGEND_HEIGHT 64.0

typedef enum {
  COLUMN_WHEN,
  COLUMN_REGIONS,
  COLUMN_TECHNIQUE,
  COLUMN_TOOL,
  COLUMN_PAIN,
  COLUMN_RED_FLAGS,
  COLUMN_NOTES,
  N_COLUMNS
} Column;

/* The share of the width each column takes. */
static const double column_share[N_COLUMNS] = { 0.11, 0.17, 0.18, 0.11, 0.09, 0.14, 0.20 };

typedef struct
{
  UnknotCatalog            *catalog;
  UnknotJournalFilter      *range;
  GDateTime                *generated;
  GPtrArray                *entries;        /* UnknotJournalEntry, oldest first */
  UnknotJournalStatsTotals  totals;
  int                       worst_after;    /* -1 when no entry noted it */
  GArray                   *days;           /* UnknotJournalStatsDay */
  GArray                   *relief;         /* UnknotJournalStatsRelief, by technique */
  GArray                   *regions;        /* UnknotJournalStatsRegion */
  GBytes                   *map_svg;

  /* Laid out in begin-print. */
  GArray                   *page_starts;    /* guint: the first entry of each table page */
  double                   *row_heights;
  double                    header_height;
} Report;

static void
report_free (Report *report)
{
  g_clear_object (&report->catalog);
  g_clear_pointer (&report->range, unknot_journal_filter_free);
  g_clear_pointer (&report->generated, g_date_time_unref);
  g_clear_pointer (&report->entries, g_ptr_array_unref);
  g_clear_pointer (&report->days, g_array_unref);
  g_clear_pointer (&report->relief, g_array_unref);
  g_clear_pointer (&report->regions, g_array_unref);
  g_clear_pointer (&report->map_svg, g_bytes_unref);
  g_clear_pointer (&report->page_starts, g_array_unref);
  g_clear_pointer (&report->row_heights, g_free);
  g_free (report);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Report, report_free)

/* Reading */

static Report *
report_new (UnknotJournal             *journal,
            UnknotCatalog             *catalog,
            const UnknotJournalFilter *range,
            GError                   **error)
{
  g_autoptr(Report) report = g_new0 (Report, 1);
  g_autoptr(UnknotJournalResults) results = NULL;
  guint n;

  report->catalog = catalog ? g_object_ref (catalog) : NULL;
  report->range = range ? unknot_journal_filter_copy (range) : NULL;
  report->generated = g_date_time_new_now_local ();
  report->worst_after = -1;

  if (!unknot_journal_stats_totals (journal, range, &report->totals, error))
    return NULL;
  if (!(report->days = unknot_journal_stats_days (journal, range, error)))
    return NULL;
  if (!(report->relief = unknot_journal_stats_relief (journal, UNKNOT_JOURNAL_STATS_BY_TECHNIQUE,
                                                      range, error)))
    return NULL;
  if (!(report->regions = unknot_journal_stats_regions (journal, range, error)))
    return NULL;

  results = unknot_journal_query (journal, range);
  n = g_list_model_get_n_items (G_LIST_MODEL (results));
  report->entries = g_ptr_array_new_full (n, g_object_unref);
  /* The list is newest first; the report reads oldest first. */
  for (guint i = n; i > 0; i--)
    {
      UnknotJournalEntry *entry = g_list_model_get_item (G_LIST_MODEL (results), i - 1);

      if (entry == NULL)
        continue;
      report->worst_after = MAX (report->worst_after, unknot_journal_entry_get_pain_after (entry));
      g_ptr_array_add (report->entries, entry);
    }

  /* Techniques tried without the pain after noted have no sessions: they are listed
   * too, as too few to tell. */
  {
    g_autoptr(GHashTable) counted = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < report->relief->len; i++)
      g_hash_table_add (counted, g_array_index (report->relief, UnknotJournalStatsRelief, i).id);
    for (guint i = 0; i < report->entries->len; i++)
      {
        const char *id = unknot_journal_entry_get_technique_id (g_ptr_array_index (report->entries, i));
        UnknotJournalStatsRelief none = { NULL, 0, 0, 0, 0, TRUE };

        if (id == NULL || *id == '\0' || g_hash_table_contains (counted, id))
          continue;
        none.id = g_strdup (id);
        g_array_append_val (report->relief, none);
        g_hash_table_add (counted, none.id);
      }
  }

  report->map_svg = g_resources_lookup_data (RESOURCE_BASE_PATH "/bodymap/back.svg",
                                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  return g_steal_pointer (&report);
}

/* Words */

static char *
format_date (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  /* Translators: a date in the report, in strftime () format; see g_date_time_format () */
  return g_date_time_format (local, _("%-d %B %Y"));
}

static char *
format_when (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  g_autofree char *date = g_date_time_format (local, "%x");
  /* Translators: a time of day in the report's table; see g_date_time_format () */
  g_autofree char *time = g_date_time_format (local, _("%H:%M"));

  return g_strdup_printf ("%s %s", date, time);
}

static char *
format_average (double value)
{
  if (isnan (value))
    /* Translators: an average pain that cannot be given, because nothing was noted */
    return g_strdup (_("not noted"));
  return g_strdup_printf ("%.1f", value);
}

static const char *
technique_title (Report     *report,
                 const char *id)
{
  UnknotTechnique *technique = NULL;

  if (id == NULL || *id == '\0')
    return NULL;
  if (report->catalog != NULL)
    technique = unknot_catalog_lookup_technique (report->catalog, id);
  return technique ? unknot_technique_get_title (technique) : id;
}

static const char *
tool_name (Report     *report,
           const char *id)
{
  UnknotTool *tool = NULL;

  if (id == NULL || *id == '\0')
    return NULL;
  if (report->catalog != NULL)
    tool = unknot_catalog_lookup_tool (report->catalog, id);
  return tool ? unknot_tool_get_name (tool) : id;
}

static char *
format_red_flags (const char * const *red_flags)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; red_flags != NULL && red_flags[i] != NULL; i++)
    {
      const char *label = unknot_journal_get_red_flag_label (red_flags[i]);

      if (i > 0)
        /* Translators: between the warning signs of one entry */
        g_string_append (text, _("; "));
      g_string_append (text, label ? label : red_flags[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
shorten (const char *text,
         guint       max_chars)
{
  g_autofree char *flat = NULL;

  if (text == NULL)
    return g_strdup ("");

  flat = g_strdup (text);
  g_strdelimit (flat, "\r\n\t", ' ');
  g_strstrip (flat);
  if (g_utf8_strlen (flat, -1) <= max_chars)
    return g_steal_pointer (&flat);

  {
    g_autofree char *start = g_utf8_substring (flat, 0, max_chars - 1);

    g_strchomp (start);
    return g_strconcat (start, "…", NULL);
  }
}

static char *
describe_period (Report *report)
{
  GDateTime *since = report->range ? unknot_journal_filter_get_since (report->range) : NULL;
  GDateTime *until = report->range ? unknot_journal_filter_get_until (report->range) : NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (since != NULL)
    {
      from = format_date (since);
      to = format_date (until ? until : report->generated);
      /* Translators: the period a report covers, two dates */
      return g_strdup_printf (_("Period: %s to %s"), from, to);
    }

  if (report->entries->len == 0)
    return g_strdup (_("Period: the whole journal"));

  from = format_date (unknot_journal_entry_get_when (g_ptr_array_index (report->entries, 0)));
  to = format_date (unknot_journal_entry_get_when (g_ptr_array_index (report->entries,
                                                                        report->entries->len - 1)));
  /* Translators: the period a report covers: the whole journal, from its first entry's
   * date to its last's */
  return g_strdup_printf (_("Period: the whole journal, %s to %s"), from, to);
}

/* Drawing */

static PangoLayout *
layout_new (GtkPrintContext *context,
            const char      *font,
            const char      *text,
            double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
set_grey (cairo_t *cr,
          double   level)
{
  cairo_set_source_rgb (cr, level, level, level);
}

/* Draws text at (x, y) and returns its height. */
static double
show_text (GtkPrintContext *context,
           const char      *font,
           const char      *text,
           double           x,
           double           y,
           double           width)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(PangoLayout) layout = layout_new (context, font, text, width);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return layout_height (layout);
}

static double
text_height (GtkPrintContext *context,
             const char      *font,
             const char      *text,
             double           width)
{
  g_autoptr(PangoLayout) layout = layout_new (context, font, text, width);

  return layout_height (layout);
}

static void
draw_footer (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             int                page_nr)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  int n_pages;
  g_autofree char *page = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  int text_width;

  g_object_get (operation, "n-pages", &n_pages, NULL);

  set_grey (cr, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, height - FOOTER_HEIGHT + 4);
  cairo_line_to (cr, width, height - FOOTER_HEIGHT + 4);
  cairo_stroke (cr);

  set_grey (cr, 0.3);
  show_text (context, FONT_SMALL, _("Self-reported by the person; not a diagnosis."),
             0, height - FOOTER_HEIGHT + 8, width * 0.7);

  /* Translators: the page number at the foot of each page of the report */
  page = g_strdup_printf (_("Page %d of %d"), page_nr + 1, MAX (n_pages, 1));
  layout = layout_new (context, FONT_SMALL, page, -1);
  pango_layout_get_size (layout, &text_width, NULL);
  cairo_move_to (cr, width - (double) text_width / PANGO_SCALE, height - FOOTER_HEIGHT + 8);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_chart (Report          *report,
            GtkPrintContext *context,
            double           x,
            double           y,
            double           width,
            double           height)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(GObject) pango = G_OBJECT (gtk_print_context_create_pango_context (context));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GDateTime *since = report->range ? unknot_journal_filter_get_since (report->range) : NULL;
  GDateTime *until = report->range ? unknot_journal_filter_get_until (report->range) : NULL;
  UnknotTrendChartColours colours = {
    .before = { 0.75, 0.22, 0.17, 1.0 },
    .after = { 0.11, 0.44, 0.85, 1.0 },
    .relief = { 0.11, 0.44, 0.85, 0.18 },
    .grid = { 0.75, 0.75, 0.74, 1.0 },
    .text = { 0.24, 0.22, 0.27, 1.0 },
  };
  const struct { const GdkRGBA *colour; const char *label; } keys[] = {
    { &colours.before, _("Pain before a session") },
    { &colours.after, _("Pain after it") },
  };
  double key_x = x;

  unknot_trend_chart_draw (snapshot, PANGO_CONTEXT (pango), report->days, since,
                           until ? until : report->generated, width, height - 16, &colours);
  node = gtk_snapshot_free_to_node (snapshot);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height - 16);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_restore (cr);

  /* The key under the chart. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(PangoLayout) layout = layout_new (context, FONT_SMALL, keys[i].label, -1);
      int text_width;

      gdk_cairo_set_source_rgba (cr, keys[i].colour);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, key_x, y + height - 6);
      cairo_line_to (cr, key_x + 16, y + height - 6);
      cairo_stroke (cr);

      set_grey (cr, 0.2);
      cairo_move_to (cr, key_x + 20, y + height - 11);
      pango_cairo_show_layout (cr, layout);
      pango_layout_get_size (layout, &text_width, NULL);
      key_x += 20 + (double) text_width / PANGO_SCALE + 16;
    }
}

/* The map's stylesheet: every region grey, and those with entries in their heat. */
static char *
map_stylesheet (Report *report)
{
  g_autoptr(GString) css = g_string_new (".region { fill: #deddda !important; "
                                         "stroke: #9a9996 !important; }\n");

  for (guint i = 0; i < report->regions->len; i++)
    {
      UnknotJournalStatsRegion *region = &g_array_index (report->regions, UnknotJournalStatsRegion, i);
      GdkRGBA colour;

      if (region->n_entries == 0 || !unknot_journal_is_valid_region_id (region->region))
        continue;
      unknot_body_map_get_heat_colour (region->pain_before / UNKNOT_JOURNAL_PAIN_MAX, &colour);
      g_string_append_printf (css, "#%s { fill: #%02x%02x%02x !important; }\n",
                              region->region,
                              (guint) lround (colour.red * 255),
                              (guint) lround (colour.green * 255),
                              (guint) lround (colour.blue * 255));
    }

  return g_string_free (g_steal_pointer (&css), FALSE);
}

static double
draw_map (Report          *report,
          GtkPrintContext *context,
          double           x,
          double           y,
          double           width)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = width / MAP_W;
  double height = MAP_H * scale;
  double legend_y = y + height + 6;
  g_autoptr(RsvgHandle) handle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *css = NULL;
  const int steps = 12;
  double bar_w = width - 10;
  RsvgRectangle viewport;

  if (report->map_svg != NULL)
    handle = rsvg_handle_new_from_data (g_bytes_get_data (report->map_svg, NULL),
                                        g_bytes_get_size (report->map_svg), &error);
  if (handle != NULL)
    {
      css = map_stylesheet (report);
      if (!rsvg_handle_set_stylesheet (handle, (const guint8 *) css, strlen (css), &error))
        g_warning ("The report's map has no colours: %s", error->message);
      g_clear_error (&error);

      viewport.x = x - MAP_X * scale;
      viewport.y = y - MAP_Y * scale;
      viewport.width = 600 * scale;
      viewport.height = 1000 * scale;
      cairo_save (cr);
      cairo_rectangle (cr, x, y, width, height);
      cairo_clip (cr);
      if (!rsvg_handle_render_document (handle, cr, &viewport, &error))
        g_warning ("The report's map could not be drawn: %s", error->message);
      cairo_restore (cr);
    }
  else if (error != NULL)
    g_warning ("The report's map could not be read: %s", error->message);

  /* The legend: the heat ramp from 0 to 10, and the grey of no entries. */
  {
    cairo_pattern_t *ramp = cairo_pattern_create_linear (x, 0, x + bar_w, 0);

    for (int i = 0; i < steps; i++)
      {
        GdkRGBA colour;

        unknot_body_map_get_heat_colour ((double) i / (steps - 1), &colour);
        cairo_pattern_add_color_stop_rgb (ramp, (double) i / (steps - 1),
                                          colour.red, colour.green, colour.blue);
      }
    cairo_set_source (cr, ramp);
    cairo_rectangle (cr, x, legend_y, bar_w, 8);
    cairo_fill (cr);
    cairo_pattern_destroy (ramp);
  }
  set_grey (cr, 0.2);
  show_text (context, FONT_SMALL, "0", x, legend_y + 9, -1);
  show_text (context, FONT_SMALL, "10", x + bar_w - 8, legend_y + 9, -1);
  legend_y += 22;
  cairo_set_source_rgb (cr, 0xde / 255.0, 0xdd / 255.0, 0xda / 255.0);
  cairo_rectangle (cr, x, legend_y + 1, 8, 8);
  cairo_fill (cr);
  set_grey (cr, 0.2);
  show_text (context, FONT_SMALL, _("No entries"), x + 12, legend_y, width - 12);
  legend_y += 12;
  legend_y += show_text (context, FONT_SMALL,
                         _("Colour: the average pain before a session in each region, "
                           "from 0 to 10"),
                         x, legend_y, width);

  return legend_y - y;
}

/* The lines of the summary's right-hand column, each drawn if it fits. */
typedef struct
{
  const char *font;
  char       *text;
  double      indent;
  double      space_before;
} Line;

static void
line_clear (gpointer data)
{
  g_free (((Line *) data)->text);
}

static void
add_line (GArray     *lines,
          const char *font,
          double      indent,
          double      space_before,
          char       *text)
{
  Line line = { font, text, indent, space_before };

  g_array_append_val (lines, line);
}

/* Adds the lines of one section, keeping within @room and leaving room for a line that
 * says how many were left out (@left). Returns the height used. */
static double
fit_lines (GtkPrintContext *context,
           GArray          *lines,
           GPtrArray       *items,
           const char      *font,
           double           width,
           double           room,
           guint           *left)
{
  double used = 0;
  double more_height = text_height (context, FONT_SMALL, "Ag", width) + 1;

  *left = 0;
  for (guint i = 0; i < items->len; i++)
    {
      const char *item = g_ptr_array_index (items, i);
      double h = text_height (context, font, item, width - 8) + 3;
      gboolean last = i + 1 == items->len;

      if (used + h + (last ? 0 : more_height) > room)
        {
          *left = items->len - i;
          return used + more_height;
        }

      add_line (lines, font, 8, 3, g_strdup (item));
      used += h;
    }

  return used;
}

static void
add_more_line (GArray *lines,
               guint   left)
{
  if (left == 0)
    return;
  add_line (lines, FONT_SMALL, 8, 1,
            /* Translators: under a list in the report's summary, when not all of it fits */
            g_strdup_printf (ngettext ("And %u more; see the entries",
                                       "And %u more; see the entries", left),
                             left));
}

/* Most pain first; of two as painful, the one with more entries. */
static int
compare_regions (gconstpointer a,
                 gconstpointer b)
{
  const UnknotJournalStatsRegion *ra = a;
  const UnknotJournalStatsRegion *rb = b;

  if (ra->pain_before != rb->pain_before)
    return ra->pain_before > rb->pain_before ? -1 : 1;
  if (ra->n_entries != rb->n_entries)
    return ra->n_entries > rb->n_entries ? -1 : 1;
  return g_strcmp0 (ra->region, rb->region);
}

static void
draw_summary (Report            *report,
              GtkPrintOperation *operation,
              GtkPrintContext   *context)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double bottom = gtk_print_context_get_height (context) - FOOTER_HEIGHT - GAP;
  double y = 0;
  g_autofree char *period = describe_period (report);
  g_autofree char *generated = NULL;
  g_autofree char *made = NULL;
  UnknotJournalStatsTotals *totals = &report->totals;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_autoptr(GPtrArray) flags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) techniques = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();
  g_autoptr(GPtrArray) region_lines = g_ptr_array_new_with_free_func (g_free);
  double column_left, column_w, room, ly, y_map;

  g_array_set_clear_func (lines, line_clear);

  set_grey (cr, 0.1);
  y += show_text (context, FONT_TITLE, _("Back Pain Journal: Report"), 0, y, width);
  y += 2;
  set_grey (cr, 0.25);
  y += show_text (context, FONT_BODY, period, 0, y, width);
  generated = format_date (report->generated);
  /* Translators: %s is today's date */
  made = g_strdup_printf (_("Made with Unknot on %s"), generated);
  y += show_text (context, FONT_BODY, made, 0, y, width);
  y += 6;

  /* The line that says what this is, in a band of its own. */
  {
    const char *line = _("Self-reported by the person; not a diagnosis.");
    double h = text_height (context, FONT_BODY_BOLD, line, width - 12) + 8;

    cairo_set_source_rgb (cr, 0.95, 0.93, 0.86);
    cairo_rectangle (cr, 0, y, width, h);
    cairo_fill (cr);
    set_grey (cr, 0.1);
    show_text (context, FONT_BODY_BOLD, line, 6, y + 4, width - 12);
    y += h + GAP;
  }

  if (totals->n_entries == 0)
    {
      set_grey (cr, 0.1);
      y += show_text (context, FONT_HEADING, _("No Entries"), 0, y, width);
      y += 4;
      show_text (context, FONT_BODY,
                 _("There are no entries in the journal for this period, so there is "
                   "nothing to summarise yet."),
                 0, y, width);
      return;
    }

  /* The numbers, in two columns. */
  {
    g_autofree char *avg_before = format_average (totals->pain_before);
    g_autofree char *avg_after = format_average (totals->pain_after);
    g_autofree char *worst_before = g_strdup_printf ("%d", totals->worst_before);
    g_autofree char *worst_after = report->worst_after >= 0
                                   ? g_strdup_printf ("%d", report->worst_after)
                                   : g_strdup (_("not noted"));
    g_autofree char *n_entries = g_strdup_printf ("%u", totals->n_entries);
    g_autofree char *n_after = g_strdup_printf ("%u", totals->n_after);
    const char *labels[] = {
      _("Average pain before a session"), avg_before,
      _("Worst pain before a session"), worst_before,
      _("Average pain after a session"), avg_after,
      _("Worst pain after a session"), worst_after,
      _("Entries"), n_entries,
      _("Entries with the pain after noted"), n_after,
    };
    double half = (width - GAP) / 2;
    double row_y = y;

    set_grey (cr, 0.1);
    y += show_text (context, FONT_HEADING, _("Pain, on a Scale of 0 to 10"), 0, y, width) + 3;
    row_y = y;
    for (guint i = 0; i < G_N_ELEMENTS (labels); i += 2)
      {
        double cx = (i / 2) % 2 == 0 ? 0 : half + GAP;
        double h;

        set_grey (cr, 0.25);
        h = show_text (context, FONT_BODY, labels[i], cx, row_y, half - 40);
        set_grey (cr, 0.05);
        show_text (context, FONT_BODY_BOLD, labels[i + 1], cx + half - 36, row_y, 36);
        if ((i / 2) % 2 == 1)
          row_y += h + 2;
      }
    y = row_y + GAP;
  }

  /* The chart, never split: it has its own place on this page. */
  set_grey (cr, 0.1);
  y += show_text (context, FONT_HEADING, _("Pain Day by Day"), 0, y, width) + 3;
  draw_chart (report, context, 0, y, width, CHART_HEIGHT);
  y += CHART_HEIGHT + GAP;

  /* The map on the left; warning signs and techniques on the right. */
  set_grey (cr, 0.1);
  y_map = y + show_text (context, FONT_HEADING, _("Where It Hurts"), 0, y, MAP_WIDTH);
  set_grey (cr, 0.3);
  y_map += show_text (context, FONT_SMALL, _("The back, seen from behind: the left side is on the left"),
                      0, y_map, MAP_WIDTH) + 4;
  /* The map shrinks to leave its legend room above the footer (Letter is shorter). */
  draw_map (report, context, 0, y_map,
            MIN (MAP_WIDTH, (bottom - y_map - MAP_LEGEND_HEIGHT) * MAP_W / MAP_H));

  column_left = MAP_WIDTH + 2 * GAP;
  column_w = width - column_left;
  room = bottom - y;

  /* The warning signs most urgent first, and of those the newest first: when not all
   * fit, the ones left to the table are the older and less urgent. */
  for (int pass = UNKNOT_RED_FLAG_TIER_NOW; pass >= UNKNOT_RED_FLAG_TIER_NONE; pass--)
    {
      for (guint i = report->entries->len; i > 0; i--)
        {
          UnknotJournalEntry *entry = g_ptr_array_index (report->entries, i - 1);
          const char * const *ids = unknot_journal_entry_get_red_flags (entry);
          g_autofree char *date = NULL;
          g_autofree char *signs = NULL;
          const char *tier;

          if (!unknot_journal_entry_has_red_flags (entry) ||
              (int) unknot_red_flags_get_tier (ids) != pass)
            continue;
          date = format_date (unknot_journal_entry_get_when (entry));
          signs = format_red_flags (ids);
          tier = unknot_red_flag_tier_get_title (unknot_red_flags_get_tier (ids));
          g_ptr_array_add (flags, tier
                                  /* Translators: a warning sign in the report: a date,
                                   * the signs, and how soon they should be checked */
                                  ? g_strdup_printf (_("%s: %s (%s)"), date, signs, tier)
                                  /* Translators: a warning sign in the report: a date
                                   * and the signs */
                                  : g_strdup_printf (_("%s: %s"), date, signs));
        }
    }

  for (guint i = 0; i < report->relief->len; i++)
    {
      UnknotJournalStatsRelief *relief = &g_array_index (report->relief, UnknotJournalStatsRelief, i);
      const char *title = technique_title (report, relief->id);
      g_autofree char *effect = NULL;

      if (title == NULL)
        continue;
      effect = unknot_journal_stats_describe_relief (relief);
      if (relief->too_few)
        /* Translators: a technique and what it did, in the report */
        g_ptr_array_add (techniques, g_strdup_printf (_("%s: %s."), title, effect));
      else
        {
          g_autofree char *meaningful = unknot_journal_stats_describe_meaningful (relief);

          /* Translators: a technique, what it did, and how often it brought a clear
           * drop, in the report */
          g_ptr_array_add (techniques, g_strdup_printf (_("%s: %s; %s."), title, effect, meaningful));
        }
    }

  for (guint i = 0; i < report->regions->len; i++)
    g_ptr_array_add (regions, &g_array_index (report->regions, UnknotJournalStatsRegion, i));
  g_ptr_array_sort_values (regions, compare_regions);
  for (guint i = 0; i < regions->len; i++)
    {
      UnknotJournalStatsRegion *region = g_ptr_array_index (regions, i);
      UnknotRegion *found = report->catalog ? unknot_catalog_lookup_region (report->catalog, region->region) : NULL;
      g_autofree char *average = format_average (region->pain_before);

      g_ptr_array_add (region_lines,
                       /* Translators: a region in the report's summary: its name, its
                        * average pain before a session, and over how many entries */
                       g_strdup_printf (ngettext ("%s: %s on average, %u entry",
                                                  "%s: %s on average, %u entries",
                                                  region->n_entries),
                                        found ? unknot_region_get_title (found) : region->region,
                                        average, region->n_entries));
    }

  /* The warning signs first, as a clinician would want them, then the techniques;
   * each section takes at most what leaves the other some room. */
  {
    double heading = text_height (context, FONT_HEADING, "Ag", column_w) + 3;
    double flags_room, used;
    guint left = 0;

    add_line (lines, FONT_HEADING, 0, 0, g_strdup (_("Warning Signs Logged")));
    if (flags->len == 0)
      {
        add_line (lines, FONT_BODY, 8, 3, g_strdup (_("None logged in this period.")));
        used = heading + 16;
      }
    else
      {
        flags_room = techniques->len > 0 ? room * 0.45 : room;
        used = heading + fit_lines (context, lines, flags, FONT_BODY, column_w,
                                    flags_room - heading, &left);
        add_more_line (lines, left);
      }

    add_line (lines, FONT_HEADING, 0, GAP, g_strdup (_("Techniques Tried and Their Effect")));
    used += GAP + heading;
    if (techniques->len == 0)
      {
        add_line (lines, FONT_BODY, 8, 3, g_strdup (_("No technique was noted in this period.")));
        used += 16;
      }
    else
      {
        used += fit_lines (context, lines, techniques, FONT_BODY, column_w,
                           (room - used) * 0.6, &left);
        add_more_line (lines, left);
      }

    add_line (lines, FONT_HEADING, 0, GAP, g_strdup (_("Pain Before a Session, by Region")));
    used += GAP + heading;
    fit_lines (context, lines, region_lines, FONT_BODY, column_w, room - used, &left);
    add_more_line (lines, left);
  }

  ly = y;
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      ly += line->space_before;
      set_grey (cr, line->indent == 0 ? 0.1 : 0.15);
      ly += show_text (context, line->font, line->text, column_left + line->indent, ly,
                       column_w - line->indent);
    }
}

static double
column_x (double width,
          Column column)
{
  double x = 0;

  for (int i = 0; i < (int) column; i++)
    x += column_share[i] * width;
  return x;
}

static void
entry_cells (Report             *report,
             UnknotJournalEntry *entry,
             char               *cells[N_COLUMNS])
{
  const char *technique = technique_title (report, unknot_journal_entry_get_technique_id (entry));
  const char *tool = tool_name (report, unknot_journal_entry_get_tool_id (entry));

  cells[COLUMN_WHEN] = format_when (unknot_journal_entry_get_when (entry));
  cells[COLUMN_REGIONS] = unknot_journal_format_regions (report->catalog,
                                                         unknot_journal_entry_get_regions (entry));
  cells[COLUMN_TECHNIQUE] = g_strdup (technique ? technique : "");
  cells[COLUMN_TOOL] = g_strdup (tool ? tool : "");
  cells[COLUMN_PAIN] = unknot_journal_format_pain (entry);
  cells[COLUMN_RED_FLAGS] = format_red_flags (unknot_journal_entry_get_red_flags (entry));
  cells[COLUMN_NOTES] = shorten (unknot_journal_entry_get_notes (entry), NOTES_CHARS);
}

static void
header_cells (char *cells[N_COLUMNS])
{
  cells[COLUMN_WHEN] = g_strdup (_("Date and time"));
  cells[COLUMN_REGIONS] = g_strdup (_("Regions"));
  cells[COLUMN_TECHNIQUE] = g_strdup (_("Technique"));
  cells[COLUMN_TOOL] = g_strdup (_("Tool"));
  /* Translators: a column of the report's table: pain before → after */
  cells[COLUMN_PAIN] = g_strdup (_("Pain before → after"));
  cells[COLUMN_RED_FLAGS] = g_strdup (_("Warning signs"));
  cells[COLUMN_NOTES] = g_strdup (_("Notes (shortened)"));
}

static void
cells_free (char *cells[N_COLUMNS])
{
  for (int i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&cells[i], g_free);
}

/* The height of a row, measured with one layout for all its cells: making a layout
 * per cell took most of the time of a long report. */
static double
row_height (GtkPrintContext *context,
            PangoLayout     *layout,
            char            *cells[N_COLUMNS])
{
  double width = gtk_print_context_get_width (context);
  double height = 0;

  for (int i = 0; i < N_COLUMNS; i++)
    {
      pango_layout_set_width (layout, (int) ((column_share[i] * width - 2 * CELL_PAD) * PANGO_SCALE));
      pango_layout_set_text (layout, cells[i], -1);
      height = MAX (height, layout_height (layout));
    }
  return height + 2 * CELL_PAD;
}

static void
draw_row (GtkPrintContext *context,
          PangoLayout     *layout,
          char            *cells[N_COLUMNS],
          double           y,
          double           height,
          gboolean         header,
          gboolean         shaded)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);

  if (header || shaded)
    {
      set_grey (cr, header ? 0.86 : 0.96);
      cairo_rectangle (cr, 0, y, width, height);
      cairo_fill (cr);
    }

  for (int i = 0; i < N_COLUMNS; i++)
    {
      double w = column_share[i] * width;

      set_grey (cr, 0.05);
      pango_layout_set_width (layout, (int) ((w - 2 * CELL_PAD) * PANGO_SCALE));
      pango_layout_set_text (layout, cells[i], -1);
      cairo_move_to (cr, column_x (width, i) + CELL_PAD, y + CELL_PAD);
      pango_cairo_show_layout (cr, layout);
    }

  set_grey (cr, 0.75);
  cairo_set_line_width (cr, 0.4);
  cairo_move_to (cr, 0, y + height);
  cairo_line_to (cr, width, y + height);
  cairo_stroke (cr);
}

static double
table_top (GtkPrintContext *context)
{
  return text_height (context, FONT_HEADING, _("Entries"), -1) + 6;
}

static void
draw_table_page (Report          *report,
                 GtkPrintContext *context,
                 guint            table_page)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  guint first = g_array_index (report->page_starts, guint, table_page);
  guint end = table_page + 1 < report->page_starts->len
              ? g_array_index (report->page_starts, guint, table_page + 1)
              : report->entries->len;
  char *cells[N_COLUMNS] = { NULL, };
  g_autoptr(PangoLayout) head = layout_new (context, FONT_TABLE_HEAD, "", -1);
  g_autoptr(PangoLayout) body = layout_new (context, FONT_TABLE, "", -1);
  double y = 0;

  set_grey (cr, 0.1);
  show_text (context, FONT_HEADING,
             table_page == 0 ? _("Entries") : _("Entries, Continued"), 0, 0, width);
  y = table_top (context);

  header_cells (cells);
  draw_row (context, head, cells, y, report->header_height, TRUE, FALSE);
  cells_free (cells);
  y += report->header_height;

  for (guint i = first; i < end; i++)
    {
      entry_cells (report, g_ptr_array_index (report->entries, i), cells);
      draw_row (context, body, cells, y, report->row_heights[i], FALSE, i % 2 == 1);
      cells_free (cells);
      y += report->row_heights[i];
    }
}

/* The operation's signals */

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   gpointer           user_data)
{
  Report *report = user_data;
  double bottom = gtk_print_context_get_height (context) - FOOTER_HEIGHT - GAP;
  char *cells[N_COLUMNS] = { NULL, };
  g_autoptr(PangoLayout) measure = NULL;
  double y = 0;

  g_clear_pointer (&report->page_starts, g_array_unref);
  g_clear_pointer (&report->row_heights, g_free);
  report->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  report->row_heights = g_new0 (double, MAX (report->entries->len, 1));

  header_cells (cells);
  measure = layout_new (context, FONT_TABLE_HEAD, "", -1);
  report->header_height = row_height (context, measure, cells);
  cells_free (cells);
  {
    g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (FONT_TABLE);

    pango_layout_set_font_description (measure, desc);
  }

  /* Each page of the table starts with its title and its header; a row goes on the
   * next page when it would cross the footer. */
  for (guint i = 0; i < report->entries->len; i++)
    {
      entry_cells (report, g_ptr_array_index (report->entries, i), cells);
      report->row_heights[i] = row_height (context, measure, cells);
      cells_free (cells);

      if (report->page_starts->len == 0 || y + report->row_heights[i] > bottom)
        {
          g_array_append_val (report->page_starts, i);
          y = table_top (context) + report->header_height;
        }
      y += report->row_heights[i];
    }

  gtk_print_operation_set_n_pages (operation, 1 + report->page_starts->len);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 gpointer           user_data)
{
  Report *report = user_data;

  if (page_nr == 0)
    draw_summary (report, operation, context);
  else if ((guint) page_nr - 1 < report->page_starts->len)
    draw_table_page (report, context, page_nr - 1);

  draw_footer (operation, context, page_nr);
}

static GtkPrintOperation *
report_operation_new (Report     *report,
                      const char *paper_name)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (paper_name);

  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_top_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("Back Pain Journal Report"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), report);

  return operation;
}

/* Public API */

/**
 * unknot_journal_report_export_pdf_full:
 * @range: (nullable): which entries; %NULL for the whole journal
 *
 * Writes the report as a PDF, on this thread.
 *
 * Returns: whether the file was written
 */
gboolean
unknot_journal_report_export_pdf_full (UnknotJournal             *journal,
                                       UnknotCatalog             *catalog,
                                       const UnknotJournalFilter *range,
                                       const char                *paper_name,
                                       GFile                     *pdf,
                                       guint                     *n_pages,
                                       GError                   **error)
{
  g_autoptr(Report) report = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *path = NULL;
  GtkPrintOperationResult result;
  int pages = 0;

  g_return_val_if_fail (UNKNOT_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (catalog == NULL || UNKNOT_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (G_IS_FILE (pdf), FALSE);

  path = g_file_get_path (pdf);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The report can only be saved to a file on this computer."));
      return FALSE;
    }

  if (!(report = report_new (journal, catalog, range, error)))
    return FALSE;

  operation = report_operation_new (report, paper_name);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;

  g_object_get (operation, "n-pages", &pages, NULL);
  if (n_pages != NULL)
    *n_pages = (guint) MAX (pages, 0);
  return TRUE;
}

/**
 * unknot_journal_report_export_pdf:
 * @range: (nullable): which entries; %NULL for the whole journal
 *
 * Writes the report as a PDF on the locale's paper, on this thread.
 *
 * Returns: whether the file was written
 */
gboolean
unknot_journal_report_export_pdf (UnknotJournal             *journal,
                                  UnknotCatalog             *catalog,
                                  const UnknotJournalFilter *range,
                                  GFile                     *pdf,
                                  GError                   **error)
{
  return unknot_journal_report_export_pdf_full (journal, catalog, range, NULL, pdf, NULL, error);
}

/* The dialog: which period, then a PDF or the printer. */

typedef struct
{
  GtkWindow           *parent;
  UnknotJournal       *journal;
  UnknotCatalog       *catalog;
  AdwSwitchRow        *recent;
} RunData;

static void
run_data_free (RunData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->journal);
  g_clear_object (&data->catalog);
  g_clear_object (&data->recent);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RunData, run_data_free)

static UnknotJournalFilter *
run_data_dup_range (RunData *data)
{
  g_autoptr(GDateTime) now = NULL;

  if (!adw_switch_row_get_active (data->recent))
    return NULL;
  now = g_date_time_new_now_local ();
  return unknot_journal_stats_range_filter (UNKNOT_JOURNAL_STATS_RANGE_THREE_MONTHS, now);
}

static void
show_error (GtkWindow    *parent,
            const char   *heading,
            const GError *error)
{
  AdwDialog *alert = adw_alert_dialog_new (heading, error->message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
  adw_dialog_present (alert, parent ? GTK_WIDGET (parent) : NULL);
}

static void
on_save_finished_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RunData) data = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotJournalFilter) range = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  if (file == NULL)
    return;  /* cancelled, or the portal said why */

  range = run_data_dup_range (data);
  if (!unknot_journal_report_export_pdf (data->journal, data->catalog, range, file, &error))
    show_error (data->parent, _("The Report Was Not Saved"), error);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  gpointer                 user_data)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (g_object_get_data (G_OBJECT (operation), "parent"),
                    _("The Report Was Not Printed"), error);
    }
}

static void
print_report (RunData *data)
{
  g_autoptr(UnknotJournalFilter) range = run_data_dup_range (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  Report *report;

  if (!(report = report_new (data->journal, data->catalog, range, &error)))
    {
      show_error (data->parent, _("The Report Was Not Printed"), error);
      return;
    }

  /* The report lives as long as the operation; GTK holds the operation while the
   * print dialog is open and the pages are sent. */
  operation = report_operation_new (report, NULL);
  g_object_set_data_full (G_OBJECT (operation), "report", report, (GDestroyNotify) report_free);
  g_object_set_data_full (G_OBJECT (operation), "parent",
                          data->parent ? g_object_ref (data->parent) : NULL,
                          data->parent ? g_object_unref : NULL);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done_cb), NULL);
  /* "done" says how it went. */
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, data->parent, NULL);
}

static void
on_choose_response_cb (AdwAlertDialog *alert,
                       const char     *response,
                       gpointer        user_data)
{
  g_autoptr(RunData) data = user_data;

  /* One response only, whatever emits more. */
  g_signal_handlers_disconnect_by_func (alert, on_choose_response_cb, user_data);

  if (g_strcmp0 (response, "save") == 0)
    {
      g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
      GtkWindow *parent = data->parent;

      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      g_list_store_append (filters, filter);
      gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
      gtk_file_dialog_set_title (dialog, _("Save Report"));
      /* Translators: the file name a saved report is offered under */
      gtk_file_dialog_set_initial_name (dialog, _("pain-journal-report.pdf"));
      gtk_file_dialog_save (dialog, parent, NULL, on_save_finished_cb, g_steal_pointer (&data));
    }
  else if (g_strcmp0 (response, "print") == 0)
    print_report (data);
}

/**
 * unknot_journal_report_run:
 * @parent: (nullable): the window the dialogs belong to
 *
 * Asks which period the report covers (the whole journal or the last 3 months) and
 * whether to save it as a PDF or print it, then does so.
 */
void
unknot_journal_report_run (GtkWindow     *parent,
                           UnknotJournal *journal,
                           UnknotCatalog *catalog)
{
  AdwDialog *alert;
  GtkWidget *list;
  GtkWidget *recent;
  RunData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (UNKNOT_IS_JOURNAL (journal));

  alert = adw_alert_dialog_new (_("Report for a Clinician"),
                                _("A summary of your journal on one page, then every "
                                  "entry, to show a doctor or therapist. It covers the "
                                  "whole journal, or only its last 3 months."));
  /* One switch, reached with Tab and turned with Space. */
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  recent = adw_switch_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (recent), _("Only the Last 3 Months"));
  gtk_list_box_append (GTK_LIST_BOX (list), recent);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (alert), list);

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "cancel", _("_Cancel"),
                                  "print", _("_Print…"),
                                  "save", _("_Save as PDF…"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "save",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "save");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "cancel");

  data = g_new0 (RunData, 1);
  data->parent = parent ? g_object_ref (parent) : NULL;
  data->journal = g_object_ref (journal);
  data->catalog = catalog ? g_object_ref (catalog) : NULL;
  data->recent = g_object_ref (ADW_SWITCH_ROW (recent));
  g_signal_connect (alert, "response", G_CALLBACK (on_choose_response_cb), data);

  adw_dialog_present (alert, parent ? GTK_WIDGET (parent) : NULL);
}
