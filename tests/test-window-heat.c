/* test-window-heat.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Show My Pain" in the real window, with real clicks: entries logged through the
 * journal, the switch turned on with a click, the tinted regions' pixels carry the
 * heat colour and an untouched region's do not, each region says its average; a click
 * on a region opens the journal with only that region's entries; the switch off, the
 * map leads to the region pages again. The switch and the period are remembered and
 * the switch works from the keyboard; a sidebar whose journal is not open yet says so.
 * It moves the X pointer, so it runs alone.
 */

#include "config.h"

#include "journal/unknot-journal-page.h"
#include "journal/unknot-journal-row.h"
#include "pages/unknot-region-page.h"
#include "sidebar/unknot-sidebar.h"
#include "unknot-test-utils.h"
#include "unknot-window.h"

#define UNSET UNKNOT_JOURNAL_PAIN_UNSET

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static gboolean
journal_is_open (gpointer data)
{
  return unknot_journal_is_open (data);
}

static void
add_entry (UnknotJournal *journal,
           int            days_ago,
           const char    *region,
           int            before,
           int            after)
{
  g_autoptr(UnknotJournalEntry) entry = unknot_journal_entry_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) when = g_date_time_add_days (now, -days_ago);
  const char *regions[] = { region, NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(UnknotJournalEntry) saved = NULL;
  g_autoptr(GError) error = NULL;

  unknot_journal_entry_set_when (entry, when);
  unknot_journal_entry_set_regions (entry, regions);
  unknot_journal_entry_set_pain_before (entry, before);
  unknot_journal_entry_set_pain_after (entry, after);

  unknot_journal_add_async (journal, entry, NULL, store_result_cb, &result);
  unknot_test_wait_until (result_arrived, &result);
  saved = unknot_journal_add_finish (journal, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
}

static void
pixel_at (GdkTexture             *texture,
          const graphene_point_t *point,
          guint8                  rgba[4])
{
  g_autoptr(GdkTextureDownloader) downloader = gdk_texture_downloader_new (texture);
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *data;
  gsize stride;
  int x = (int) point->x, y = (int) point->y;

  g_assert_cmpint (x, <, gdk_texture_get_width (texture));
  g_assert_cmpint (y, <, gdk_texture_get_height (texture));
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

/* What the map draws over a plain pixel for @heat: its ramp colour, at its alpha. */
static void
expected_tint (const guint8 plain[4],
               double       heat,
               guint8       out[4])
{
  GdkRGBA colour;

  unknot_body_map_get_heat_colour (heat, &colour);
  out[0] = (guint8) (plain[0] * (1 - colour.alpha) + colour.red * 255 * colour.alpha + 0.5);
  out[1] = (guint8) (plain[1] * (1 - colour.alpha) + colour.green * 255 * colour.alpha + 0.5);
  out[2] = (guint8) (plain[2] * (1 - colour.alpha) + colour.blue * 255 * colour.alpha + 0.5);
  out[3] = 255;
}

static void
click_middle (GtkWidget *widget)
{
  unknot_test_scroll_into_view (widget);
  unknot_test_click (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static void
click_region (UnknotBodyMap *map,
              const char    *region_id)
{
  graphene_point_t point;

  unknot_test_scroll_into_view (unknot_body_map_get_region_widget (map, region_id));
  g_assert_true (unknot_body_map_find_region_point (map, region_id, &point));
  unknot_test_click (GTK_WIDGET (map), point.x, point.y);
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} TextCheck;

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
tooltip_has (gpointer data)
{
  TextCheck *check = data;
  const char *tooltip = gtk_widget_get_tooltip_text (check->widget);

  return tooltip != NULL && strstr (tooltip, check->text) != NULL;
}

static gboolean
tooltip_lacks (gpointer data)
{
  return !tooltip_has (data);
}

static gboolean
journal_page_shown (gpointer data)
{
  return UNKNOT_IS_JOURNAL_PAGE (unknot_window_get_visible_page (data));
}

static gboolean
region_page_shown (gpointer data)
{
  AdwNavigationPage *page = unknot_window_get_visible_page (data);

  return UNKNOT_IS_REGION_PAGE (page) &&
         g_str_equal (unknot_region_get_id (unknot_region_page_get_region (UNKNOT_REGION_PAGE (page))),
                      "gluteals-right");
}

typedef struct
{
  GtkWidget  *page;
  const char *region_id;
  guint       n_rows;
} RowCheck;

static guint
count_region_rows (GtkWidget  *page,
                   const char *region_id,
                   guint      *n_other)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n = 0;

  unknot_test_collect (page, UNKNOT_TYPE_JOURNAL_ROW, rows);
  *n_other = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      UnknotJournalEntry *entry = unknot_journal_row_get_entry (g_ptr_array_index (rows, i));
      const char * const *regions;

      if (entry == NULL || !gtk_widget_get_mapped (g_ptr_array_index (rows, i)))
        continue;
      regions = unknot_journal_entry_get_regions (entry);
      if (regions != NULL && g_strv_contains (regions, region_id))
        n++;
      else
        (*n_other)++;
    }

  return n;
}

static gboolean
journal_lists_rows (gpointer data)
{
  RowCheck *check = data;
  guint n_other;

  return count_region_rows (check->page, check->region_id, &n_other) == check->n_rows && n_other == 0;
}

typedef struct
{
  UnknotApplication *app;
  GtkWindow         *window;
  UnknotJournal     *journal;
  UnknotBodyMap     *map;
  GtkWidget         *sidebar;
  GtkWidget         *heat_switch;
  /* The click gesture of the switch's list, and whether it has stopped counting
   * presses: a press on the same spot within the double-click time is the second of
   * a double click, which activates no row. */
  GtkGesture        *list_click;
  gulong             list_click_stopped;
  gboolean           clicks_counted;
} Fixture;

static void
on_list_click_stopped_cb (GtkGestureClick *gesture,
                          gpointer         data)
{
  *(gboolean *) data = TRUE;
}

/* Hears when the click gesture of the list that holds the switch stops counting
 * presses (its double-click time is over, or a press was too far). */
static void
watch_list_clicks (Fixture *fixture)
{
  GtkWidget *list = gtk_widget_get_parent (fixture->heat_switch);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);

  g_assert_true (GTK_IS_LIST_BOX (list));
  fixture->list_click = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_GESTURE_CLICK (controller))
        continue;
      g_assert_null (fixture->list_click);
      fixture->list_click = g_object_ref (GTK_GESTURE (controller));
    }
  g_assert_nonnull (fixture->list_click);
  fixture->list_click_stopped = g_signal_connect (fixture->list_click, "stopped",
                                                  G_CALLBACK (on_list_click_stopped_cb),
                                                  &fixture->clicks_counted);
  fixture->clicks_counted = TRUE;
}

/* A real click on the switch, as a person would make it: never the second half of a
 * double click. The test clicks faster than a person does (on, two regions, off in
 * well under GTK's 400 ms double-click time), and the list counts presses on the same
 * spot whatever happened elsewhere in between; so the next click waits until the list
 * has stopped counting the last one. */
static void
click_switch (Fixture *fixture)
{
  unknot_test_wait_until (flag_is_set, &fixture->clicks_counted);
  click_middle (fixture->heat_switch);
  fixture->clicks_counted = FALSE;
}

/* A window, and a journal with two entries for the left gluteals (6.5 on average), one
 * for the right (3), and one for the left hamstrings long before the 3 months the map
 * shows. */
static void
fixture_set_up (Fixture *fixture)
{
  fixture->app = unknot_test_application_new ();
  fixture->window = unknot_test_activate (fixture->app);
  fixture->journal = unknot_application_get_journal (fixture->app);
  fixture->map = unknot_window_get_body_map (UNKNOT_WINDOW (fixture->window));
  fixture->sidebar = gtk_widget_get_ancestor (GTK_WIDGET (fixture->map), UNKNOT_TYPE_SIDEBAR);
  fixture->heat_switch = unknot_test_find_descendant (fixture->sidebar, ADW_TYPE_SWITCH_ROW);

  g_assert_nonnull (fixture->heat_switch);
  watch_list_clicks (fixture);
  g_assert_false (adw_switch_row_get_active (ADW_SWITCH_ROW (fixture->heat_switch)));
  unknot_test_wait_until (journal_is_open, fixture->journal);

  add_entry (fixture->journal, 2, "gluteals-left", 6, 3);
  add_entry (fixture->journal, 1, "gluteals-left", 7, UNSET);
  add_entry (fixture->journal, 1, "gluteals-right", 3, 2);
  add_entry (fixture->journal, 200, "hamstrings-left", 9, 5);
}

static void
fixture_tear_down (Fixture *fixture)
{
  /* The fixture is gone after the test; the gesture may outlive it a moment. */
  g_clear_signal_handler (&fixture->list_click_stopped, fixture->list_click);
  g_clear_object (&fixture->list_click);
  unknot_test_close_window (fixture->window);
  g_clear_object (&fixture->app);
}

/* A real click on the switch, and the map says the averages. */
static void
click_switch_on (Fixture *fixture)
{
  TextCheck check;

  click_switch (fixture);
  check = (TextCheck) { unknot_body_map_get_region_widget (fixture->map, "gluteals-left"),
                        "Average pain 6.5 over 2 entries in the last 3 months" };
  unknot_test_wait_until (tooltip_has, &check);
  check = (TextCheck) { unknot_body_map_get_region_widget (fixture->map, "gluteals-right"),
                        "Average pain 3.0 over 1 entry" };
  unknot_test_wait_until (tooltip_has, &check);
  g_assert_true (adw_switch_row_get_active (ADW_SWITCH_ROW (fixture->heat_switch)));
}

static void
click_switch_off (Fixture *fixture)
{
  TextCheck check = { unknot_body_map_get_region_widget (fixture->map, "gluteals-left"), "Average pain" };

  click_switch (fixture);
  unknot_test_wait_until (tooltip_lacks, &check);
  g_assert_false (adw_switch_row_get_active (ADW_SWITCH_ROW (fixture->heat_switch)));
}

/* On, the tinted regions carry the heat colour and the others do not, each region
 * says its average, the legend explains; off, the map is as it was. */
static void
test_window_heat_overlay (void)
{
  Fixture fixture;
  UnknotBodyMap *map;
  GSettings *settings;
  g_autoptr(GdkTexture) plain = NULL;
  g_autoptr(GdkTexture) tinted = NULL;
  g_autoptr(GdkTexture) cleared = NULL;
  g_autoptr(GdkTexture) reference = NULL;
  graphene_point_t p_left, p_right, p_hams, p_lats;
  guint8 plain_left[4], plain_right[4], plain_hams[4], plain_lats[4];
  guint8 left[4], right[4], hams[4], lats[4], want[4], off_left[4], off_right[4];
  char *message;

  fixture_set_up (&fixture);
  map = fixture.map;
  settings = unknot_application_get_settings (fixture.app);

  g_assert_true (unknot_body_map_find_region_point (map, "gluteals-left", &p_left));
  g_assert_true (unknot_body_map_find_region_point (map, "gluteals-right", &p_right));
  plain = unknot_test_screenshot (map, "window-heat-off.png");
  pixel_at (plain, &p_left, off_left);
  pixel_at (plain, &p_right, off_right);

  click_switch_on (&fixture);
  g_assert_true (g_settings_get_boolean (settings, "pain-map-shown"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (fixture.heat_switch)), ==,
                   "Pain logged for 2 regions");
  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (unknot_body_map_get_region_widget (map, "gluteals-left")),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                "Average pain 6.5 over 2 entries in the last 3 months");
  g_assert_null (message);
  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (unknot_body_map_get_region_widget (map, "hamstrings-left")),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                "No entries in the last 3 months");
  g_assert_null (message);
  g_assert_true (unknot_test_has_text (fixture.sidebar, "Click a region to see its entries"));
  g_assert_true (unknot_test_has_text (fixture.sidebar, "No entries"));

  /* Dark, the legend and the colours read as well. */
  unknot_test_set_dark (fixture.window, TRUE);
  {
    g_autoptr(GdkTexture) dark = unknot_test_screenshot (fixture.window, "window-heat-dark.png");

    unknot_test_assert_dark (dark, "window-heat-dark.png");
  }
  unknot_test_set_dark (fixture.window, FALSE);

  /* The tinted regions carry their heat's colour; the others are as they were. The
   * legend makes the map smaller, so the picture without colour to compare with is
   * the same map with its heat cleared for a moment. */
  unknot_test_wait_for_frame (fixture.window);
  unknot_test_save_png (fixture.window, "window-heat-on-window.png");
  g_assert_true (unknot_body_map_find_region_point (map, "gluteals-left", &p_left));
  g_assert_true (unknot_body_map_find_region_point (map, "gluteals-right", &p_right));
  g_assert_true (unknot_body_map_find_region_point (map, "hamstrings-left", &p_hams));
  g_assert_true (unknot_body_map_find_region_point (map, "latissimus-dorsi-right", &p_lats));
  tinted = unknot_test_screenshot (map, "window-heat-on.png");
  pixel_at (tinted, &p_left, left);
  pixel_at (tinted, &p_right, right);
  pixel_at (tinted, &p_hams, hams);
  pixel_at (tinted, &p_lats, lats);
  unknot_body_map_clear_heat (map);
  reference = unknot_test_screenshot (map, "window-heat-reference.png");
  pixel_at (reference, &p_left, plain_left);
  pixel_at (reference, &p_right, plain_right);
  pixel_at (reference, &p_hams, plain_hams);
  pixel_at (reference, &p_lats, plain_lats);
  expected_tint (plain_left, 0.65, want);
  g_assert_cmpint (colour_distance (left, want), <, 12);
  expected_tint (plain_right, 0.30, want);
  g_assert_cmpint (colour_distance (right, want), <, 12);
  g_assert_cmpint (colour_distance (left, right), >, 60);
  g_assert_cmpint (colour_distance (hams, plain_hams), ==, 0);
  g_assert_cmpint (colour_distance (lats, plain_lats), ==, 0);

  /* A new entry recolours the map by itself. */
  add_entry (fixture.journal, 0, "gluteals-right", 9, UNSET);
  {
    TextCheck check = { unknot_body_map_get_region_widget (map, "gluteals-right"),
                        "Average pain 6.0 over 2 entries" };
    g_autoptr(GdkTexture) again = NULL;

    unknot_test_wait_until (tooltip_has, &check);
    again = unknot_test_screenshot (map, "window-heat-again.png");
    g_assert_cmpint (gdk_texture_get_height (again), ==, gdk_texture_get_height (reference));
    pixel_at (again, &p_right, right);
    expected_tint (plain_right, 0.60, want);
    g_assert_cmpint (colour_distance (right, want), <, 12);
    pixel_at (again, &p_left, left);
    expected_tint (plain_left, 0.65, want);
    g_assert_cmpint (colour_distance (left, want), <, 12);
  }

  /* Off with a click: no colour, the map as it was before. */
  click_switch_off (&fixture);
  g_assert_false (g_settings_get_boolean (settings, "pain-map-shown"));
  unknot_test_wait_for_frame (fixture.window);
  cleared = unknot_test_screenshot (map, "window-heat-cleared.png");
  g_assert_cmpint (gdk_texture_get_height (cleared), ==, gdk_texture_get_height (plain));
  g_assert_true (unknot_body_map_find_region_point (map, "gluteals-left", &p_left));
  g_assert_true (unknot_body_map_find_region_point (map, "gluteals-right", &p_right));
  pixel_at (cleared, &p_left, left);
  pixel_at (cleared, &p_right, right);
  g_assert_cmpint (colour_distance (left, off_left), ==, 0);
  g_assert_cmpint (colour_distance (right, off_right), ==, 0);

  fixture_tear_down (&fixture);
}

/* On, a click on a region opens the journal with that region's entries alone, and the
 * journal follows new entries; off, the map leads to region pages again. */
static void
test_window_heat_route (void)
{
  Fixture fixture;
  RowCheck rows;
  AdwNavigationPage *page;

  fixture_set_up (&fixture);
  click_switch_on (&fixture);

  click_region (fixture.map, "gluteals-left");
  unknot_test_wait_until (journal_page_shown, fixture.window);
  page = unknot_window_get_visible_page (UNKNOT_WINDOW (fixture.window));
  rows = (RowCheck) { GTK_WIDGET (page), "gluteals-left", 2 };
  unknot_test_wait_until (journal_lists_rows, &rows);
  {
    g_autofree char *region_filter = NULL;
    g_autofree char *range_filter = NULL;
    GtkWidget *filter_button = unknot_test_find_by_id (GTK_WIDGET (page), "filter_button");

    g_object_get (page, "region-filter", &region_filter, "range-filter", &range_filter, NULL);
    g_assert_cmpstr (region_filter, ==, "gluteals-left");
    g_assert_cmpstr (range_filter, ==, "3m");
    /* The page shows it is filtered. */
    g_assert_nonnull (filter_button);
    g_assert_true (gtk_widget_has_css_class (filter_button, "journal-filtered"));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (unknot_test_find_by_id (GTK_WIDGET (page), "filter_label"))), ==,
                     "Showing Gluteals, left side · Last 3 Months");
  }
  /* The region keeps its colour: no highlight of a chosen region over it. */
  g_assert_null (unknot_body_map_get_selected_region (fixture.map));
  unknot_test_save_png (fixture.window, "window-heat-journal.png");

  /* Another region's entry does not join the list; the region's own does. */
  add_entry (fixture.journal, 0, "gluteals-right", 9, UNSET);
  add_entry (fixture.journal, 0, "gluteals-left", 5, 2);
  rows.n_rows = 3;
  unknot_test_wait_until (journal_lists_rows, &rows);

  /* Another region, with the journal already shown: the same page, filtered again. */
  click_region (fixture.map, "gluteals-right");
  rows = (RowCheck) { GTK_WIDGET (page), "gluteals-right", 2 };
  unknot_test_wait_until (journal_lists_rows, &rows);
  g_assert_true (unknot_window_get_visible_page (UNKNOT_WINDOW (fixture.window)) == page);

  /* Off, the map leads to the region's page. */
  click_switch_off (&fixture);
  click_region (fixture.map, "gluteals-right");
  unknot_test_wait_until (region_page_shown, fixture.window);
  g_assert_cmpstr (unknot_body_map_get_selected_region (fixture.map), ==, "gluteals-right");

  fixture_tear_down (&fixture);
}

/* The switch and the period come back as they were left. */
static void
test_window_heat_remembered (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GSettings *settings = unknot_application_get_settings (app);
  GtkWindow *window;
  UnknotBodyMap *map;
  GtkWidget *sidebar;
  GtkWidget *heat_switch;
  GtkWidget *combo;
  GtkWidget *glutes;
  UnknotJournal *journal;
  TextCheck check;

  g_settings_set_boolean (settings, "pain-map-shown", TRUE);
  g_settings_set_string (settings, "pain-map-range", "1y");
  window = unknot_test_activate (app);
  journal = unknot_application_get_journal (app);
  map = unknot_window_get_body_map (UNKNOT_WINDOW (window));
  sidebar = gtk_widget_get_ancestor (GTK_WIDGET (map), UNKNOT_TYPE_SIDEBAR);
  heat_switch = unknot_test_find_descendant (sidebar, ADW_TYPE_SWITCH_ROW);
  combo = unknot_test_find_descendant (sidebar, ADW_TYPE_COMBO_ROW);
  glutes = unknot_body_map_get_region_widget (map, "hamstrings-left");

  g_assert_true (adw_switch_row_get_active (ADW_SWITCH_ROW (heat_switch)));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 2);
  g_assert_true (gtk_widget_get_visible (combo));

  /* The journal opened after the window; the map follows it all the same. */
  unknot_test_wait_until (journal_is_open, journal);
  add_entry (journal, 200, "hamstrings-left", 9, 5);
  add_entry (journal, 3, "gluteals-left", 7, 4);
  add_entry (journal, 2, "erector-spinae-lumbar-left", 5, 3);
  add_entry (journal, 1, "upper-trapezius-right", 2, 1);
  add_entry (journal, 1, "quadratus-lumborum-right", 9, 6);
  check = (TextCheck) { glutes, "Average pain 9.0 over 1 entry in the last year" };
  unknot_test_wait_until (tooltip_has, &check);
  unknot_test_save_png (window, "window-heat-year.png");
  unknot_test_resize (window, 360, 720);
  unknot_test_wait_for_frame (window);
  unknot_test_save_png (window, "window-heat-year-narrow.png");
  unknot_test_assert_fits (window, "the pain map at 360 px");
  unknot_test_resize (window, 1000, 720);

  /* Choosing another period is kept, and counts again. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 0);
  {
    g_autofree char *range = g_settings_get_string (settings, "pain-map-range");

    g_assert_cmpstr (range, ==, "2w");
  }
  check = (TextCheck) { glutes, "No entries in the last 2 weeks" };
  unknot_test_wait_until (tooltip_has, &check);

  /* The switch is in reach of the keyboard: Space on it turns the pain off. */
  g_assert_true (gtk_widget_grab_focus (heat_switch));
  unknot_test_press_key (heat_switch, GDK_KEY_space);
  check = (TextCheck) { glutes, "No entries" };
  unknot_test_wait_until (tooltip_lacks, &check);
  g_assert_false (adw_switch_row_get_active (ADW_SWITCH_ROW (heat_switch)));
  g_assert_false (g_settings_get_boolean (settings, "pain-map-shown"));
  g_assert_false (gtk_widget_get_visible (combo));

  /* At phone width, the switch and the legend fit. */
  unknot_test_resize (window, 360, 720);
  unknot_test_wait_for_frame (window);
  unknot_test_save_png (window, "window-heat-narrow.png");
  unknot_test_assert_fits (window, "the pain map at 360 px");

  unknot_test_close_window (window);
}

/* A sidebar whose journal is not open yet says so, and turning it on does no harm. */
static void
test_window_heat_journal_not_open (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "unknot", "never-opened.db", NULL);
  g_autoptr(UnknotJournal) journal = unknot_journal_new (path);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *sidebar = g_object_new (UNKNOT_TYPE_SIDEBAR,
                                     "catalog", unknot_application_get_catalog (app),
                                     "journal", journal,
                                     NULL);
  GtkWidget *heat_switch = unknot_test_find_descendant (sidebar, ADW_TYPE_SWITCH_ROW);

  gtk_window_set_child (GTK_WINDOW (window), sidebar);
  gtk_window_present (GTK_WINDOW (window));
  unknot_test_wait_for_frame (window);

  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (heat_switch)), ==,
                   "Opening your journal…");
  /* The Period row is made when the pain first shows. */
  g_assert_null (unknot_test_find_descendant (sidebar, ADW_TYPE_COMBO_ROW));
  adw_switch_row_set_active (ADW_SWITCH_ROW (heat_switch), TRUE);
  unknot_test_wait_for_frame (window);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (heat_switch)), ==,
                   "Opening your journal…");
  /* Without settings, the period is the default 3 months. */
  {
    GtkWidget *combo = unknot_test_find_descendant (sidebar, ADW_TYPE_COMBO_ROW);

    g_assert_nonnull (combo);
    g_assert_true (gtk_widget_get_visible (combo));
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 1);
    g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (combo))),
                     ==, "Last 3 Months");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/window-heat/overlay", test_window_heat_overlay);
  g_test_add_func ("/window-heat/route", test_window_heat_route);
  g_test_add_func ("/window-heat/remembered", test_window_heat_remembered);
  g_test_add_func ("/window-heat/journal-not-open", test_window_heat_journal_not_open);

  return g_test_run ();
}
