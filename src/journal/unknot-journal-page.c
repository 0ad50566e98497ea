/* unknot-journal-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pain journal as a list of days: each entry's regions, time, technique and pain
 * before → after, newest first, searched and filtered by SQL queries of the journal
 * (the list is swapped, never filtered here). The page observes the journal: its
 * rows, whether it is open, read-only or was restored from a backup, and the warning
 * signs of the last two weeks, which a banner keeps in view until it is dismissed.
 * It asks the window for the editor through win.log-pain and win.edit-entry.
 */

#define G_LOG_DOMAIN "unknot-journal-page"

#include "config.h"

#include <glib/gi18n.h>

#include "timer/unknot-hold-indicator.h"
#include "unknot-journal-transfer.h"
#include "unknot-menu-names.h"

#include "unknot-journal-days.h"
#include "unknot-journal-page.h"
#include "unknot-journal-report.h"
#include "unknot-journal-row.h"
#include "unknot-journal-stats.h"
#include "unknot-red-flags.h"

/* How many recent warning signs are read for the banner's most urgent tier. */
#define MAX_FLAGGED_READ 200

/* A list view keeps some 200 rows around what it shows, which takes the better part
 * of a second to build on a slow machine. So its first frame has the rows a tall
 * window shows, and the rest come in over the next frames, a few at a time. */
#define FIRST_ROWS     24
#define ROWS_PER_FRAME 24
#define LIST_VIEW_ROWS 200

struct _UnknotJournalPage
{
  AdwNavigationPage     parent_instance;

  UnknotJournal        *journal;
  UnknotCatalog        *catalog;
  GSettings            *settings;
  UnknotHold           *hold;

  UnknotJournalDays    *days;
  GtkSliceListModel    *slice;         /* the days, the first few at first */
  guint                 grow_id;
  gboolean              grow_started;
  UnknotJournalResults *results;       /* the list shown when filtered */
  UnknotJournalResults *flagged;       /* the last two weeks' warning signs */
  AdwClamp             *filter_line;
  GtkLabel             *filter_label;
  char                 *region_filter;
  char                 *tool_filter;
  char                 *range_filter;
  gint64                banner_newest; /* the newest warning sign the banner shows */
  gint64                dismissed;     /* without settings */

  AdwToastOverlay      *toast_overlay;
  GtkWidget            *log_button;
  GtkWidget            *empty_log_button;
  GtkMenuButton        *filter_button;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  AdwBanner            *banner;
  GtkWidget            *notice;
  GtkLabel             *notice_title;
  GtkLabel             *notice_label;
  GtkStack             *stack;
  GtkListView          *list_view;
  AdwStatusPage        *unavailable_status;
  UnknotHoldIndicator  *hold_indicator;

  /* The "more" menu: the journal's transfers, then the reports (report_section) */
  GtkMenuButton        *more_button;
  UnknotJournalTransfer *transfer;
  GMenu                *report_section;
};

G_DEFINE_FINAL_TYPE (UnknotJournalPage, unknot_journal_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_CATALOG,
  PROP_SETTINGS,
  PROP_HOLD,
  PROP_REGION_FILTER,
  PROP_TOOL_FILTER,
  PROP_RANGE_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The same ranges of whole local days as What Helps Me and the pain map count. */
static const struct {
  const char              *id;
  const char              *label;
  UnknotJournalStatsRange  range;
} ranges[] = {
  { "", N_("All Time"), UNKNOT_JOURNAL_STATS_RANGE_ALL },
  { "2w", N_("Last 2 Weeks"), UNKNOT_JOURNAL_STATS_RANGE_TWO_WEEKS },
  { "3m", N_("Last 3 Months"), UNKNOT_JOURNAL_STATS_RANGE_THREE_MONTHS },
  { "1y", N_("Last Year"), UNKNOT_JOURNAL_STATS_RANGE_YEAR },
};

/* ---------------------------------------------------------------------------------- */
/* Days */

/**
 * format_day:
 *
 * Returns: "Today", "Yesterday", or the weekday and the date, for a section's heading
 */
static char *
format_day (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  gint day = unknot_journal_days_get_day (local);

  if (day == unknot_journal_days_get_day (now))
    return g_strdup (_("Today"));
  if (day == unknot_journal_days_get_day (yesterday))
    return g_strdup (_("Yesterday"));
  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: a day in the journal, this year; see g_date_time_format() */
    return g_date_time_format (local, C_("journal day", "%A, %-e %B"));
  /* Translators: a day in the journal, another year; see g_date_time_format() */
  return g_date_time_format (local, C_("journal day", "%A, %-e %B %Y"));
}

static void
setup_header_cb (GtkSignalListItemFactory *factory,
                 GtkListHeader            *header,
                 UnknotJournalPage        *self)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, NULL);

  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "journal-day");
  gtk_list_header_set_child (header, label);
}

static void
bind_header_cb (GtkSignalListItemFactory *factory,
                GtkListHeader            *header,
                UnknotJournalPage        *self)
{
  UnknotJournalEntry *entry = gtk_list_header_get_item (header);
  g_autofree char *day = entry ? format_day (unknot_journal_entry_get_when (entry)) : NULL;

  gtk_label_set_label (GTK_LABEL (gtk_list_header_get_child (header)), day);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              UnknotJournalPage        *self)
{
  gtk_list_item_set_child (item, unknot_journal_row_new (self->catalog));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             UnknotJournalPage        *self)
{
  UnknotJournalRow *row = UNKNOT_JOURNAL_ROW (gtk_list_item_get_child (item));
  g_autofree char *description = NULL;

  unknot_journal_row_set_entry (row, gtk_list_item_get_item (item));
  description = unknot_journal_row_describe (row);
  gtk_list_item_set_accessible_label (item, description);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               UnknotJournalPage        *self)
{
  unknot_journal_row_set_entry (UNKNOT_JOURNAL_ROW (gtk_list_item_get_child (item)), NULL);
}

/* ---------------------------------------------------------------------------------- */
/* States */

static void
update_state (UnknotJournalPage *self)
{
  const GError *error = unknot_journal_get_load_error (self->journal);
  const char *kept_aside = unknot_journal_get_kept_aside (self->journal);
  gboolean read_only = unknot_journal_is_read_only (self->journal);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->days));
  gboolean newer = g_error_matches (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_NEWER);
  gboolean unavailable = error != NULL && kept_aside == NULL && !newer && n_items == 0;
  const char *page;

  if (n_items > 0)
    page = "list";
  else if (unavailable)
    page = "unavailable";
  else if (!unknot_journal_is_open (self->journal))
    page = "loading";
  else if (self->results != NULL)
    page = "no-matches";
  else
    page = "empty";
  gtk_stack_set_visible_child_name (self->stack, page);

  /* What happened to the file, above the list (or instead of it). */
  if (unavailable)
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->unavailable_status, markup);
    }
  gtk_widget_set_visible (self->notice, error != NULL && !unavailable);
  if (error != NULL && !unavailable)
    {
      const char *title;

      if (kept_aside != NULL)
        title = unknot_journal_get_restored_from (self->journal) != NULL
                ? _("Journal Restored From a Backup")
                : _("A New Journal Was Started");
      else if (newer)
        title = _("Journal Is Read-Only");
      else if (read_only)
        title = _("Journal Cannot Be Changed");
      else
        title = _("Journal Problem");
      gtk_label_set_label (self->notice_title, title);
      gtk_label_set_label (self->notice_label, error->message);
    }

  /* Nothing can be logged or deleted in a file that is only read. */
  gtk_widget_set_sensitive (self->log_button, !read_only);
  gtk_widget_set_sensitive (self->empty_log_button, !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.delete-entry", !read_only);
}

static void
on_journal_state_notify_cb (GObject           *object,
                            GParamSpec        *pspec,
                            UnknotJournalPage *self)
{
  update_state (self);
}

static void
on_days_n_items_notify_cb (GObject           *object,
                           GParamSpec        *pspec,
                           UnknotJournalPage *self)
{
  update_state (self);
}

/* ---------------------------------------------------------------------------------- */
/* The red-flag banner */

static gint64
get_dismissed (UnknotJournalPage *self)
{
  return self->settings ? g_settings_get_int64 (self->settings, "journal-red-flags-dismissed")
                        : self->dismissed;
}

static void
update_banner (UnknotJournalPage *self)
{
  GListModel *flagged = G_LIST_MODEL (self->flagged);
  guint n = g_list_model_get_n_items (flagged);
  UnknotRedFlagTier tier = UNKNOT_RED_FLAG_TIER_NONE;
  g_autofree char *title = NULL;
  gint64 newest = 0;

  /* Newest first: the newest warning sign, and the most urgent of them all. */
  for (guint i = 0; i < MIN (n, MAX_FLAGGED_READ); i++)
    {
      g_autoptr(UnknotJournalEntry) entry = g_list_model_get_item (flagged, i);
      GDateTime *created;

      if (entry == NULL)
        continue;
      created = unknot_journal_entry_get_created (entry);
      if (created != NULL)
        newest = MAX (newest, g_date_time_to_unix_usec (created));
      tier = MAX (tier, unknot_red_flags_get_tier (unknot_journal_entry_get_red_flags (entry)));
    }
  self->banner_newest = newest;

  if (n == 0 || newest <= get_dismissed (self))
    {
      adw_banner_set_revealed (self->banner, FALSE);
      return;
    }

  /* Translators: the journal's banner; %s is "Get Help Now" or "See a Doctor Soon" */
  title = g_strdup_printf (_("%s: do not massage until the warning signs you noted are checked. This is general advice."),
                           tier != UNKNOT_RED_FLAG_TIER_NONE ? unknot_red_flag_tier_get_title (tier)
                                                             : _("Warning Signs"));
  adw_banner_set_title (self->banner, title);
  adw_banner_set_revealed (self->banner, TRUE);
}

static void
on_flagged_changed_cb (GListModel        *model,
                       guint              position,
                       guint              removed,
                       guint              added,
                       UnknotJournalPage *self)
{
  update_banner (self);
}

/* The last two weeks from now: made anew whenever the page is shown. */
static void
query_flagged (UnknotJournalPage *self)
{
  g_autoptr(UnknotJournalFilter) filter = unknot_journal_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) since = g_date_time_add_days (now, -UNKNOT_RED_FLAG_REMINDER_DAYS);

  if (self->flagged != NULL)
    g_signal_handlers_disconnect_by_func (self->flagged, on_flagged_changed_cb, self);
  g_clear_object (&self->flagged);

  unknot_journal_filter_set_red_flagged (filter, TRUE);
  unknot_journal_filter_set_range (filter, since, NULL);
  self->flagged = unknot_journal_query (self->journal, filter);
  g_signal_connect (self->flagged, "items-changed", G_CALLBACK (on_flagged_changed_cb), self);
  update_banner (self);
}

static void
on_banner_button_clicked_cb (AdwBanner         *banner,
                             UnknotJournalPage *self)
{
  if (self->settings != NULL)
    g_settings_set_int64 (self->settings, "journal-red-flags-dismissed", self->banner_newest);
  else
    self->dismissed = self->banner_newest;
  adw_banner_set_revealed (self->banner, FALSE);
}

static void
on_showing_cb (AdwNavigationPage *page,
               UnknotJournalPage *self)
{
  query_flagged (self);
}

/* ---------------------------------------------------------------------------------- */
/* The first rows first */

static gboolean
grow_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  UnknotJournalPage *self = data;
  guint size = gtk_slice_list_model_get_size (self->slice);

  /* The first tick comes before the first frame is laid out: that frame keeps the
   * first rows alone. */
  if (!self->grow_started)
    {
      self->grow_started = TRUE;
      return G_SOURCE_CONTINUE;
    }

  if (size >= LIST_VIEW_ROWS || size >= g_list_model_get_n_items (G_LIST_MODEL (self->days)))
    {
      gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
      self->grow_id = 0;
      return G_SOURCE_REMOVE;
    }

  gtk_slice_list_model_set_size (self->slice, size + ROWS_PER_FRAME);
  return G_SOURCE_CONTINUE;
}

/* From the first rows again, for a new list. */
static void
start_growing (UnknotJournalPage *self)
{
  gtk_slice_list_model_set_size (self->slice, FIRST_ROWS);
  self->grow_started = FALSE;
  if (self->grow_id == 0)
    self->grow_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), grow_cb, self, NULL);
}

/* ---------------------------------------------------------------------------------- */
/* Search and filters */

static gboolean
has_filters (UnknotJournalPage *self)
{
  return (self->region_filter != NULL && *self->region_filter != '\0') ||
         (self->tool_filter != NULL && *self->tool_filter != '\0') ||
         (self->range_filter != NULL && *self->range_filter != '\0');
}

/* The first moment of the range @range_id names, local midnight; %NULL for all time.
 * Entries after today are still shown. */
static GDateTime *
range_start (const char *range_id)
{
  for (guint i = 1; i < G_N_ELEMENTS (ranges); i++)
    {
      if (g_strcmp0 (ranges[i].id, range_id) == 0)
        {
          GDateTime *since = NULL;
          g_autoptr(GDateTime) until = NULL;

          unknot_journal_stats_range_get_bounds (ranges[i].range, NULL, &since, &until);
          return since;
        }
    }
  return NULL;
}

/* A side's region ("Gluteals, left side", from the map) or both sides' ("Gluteals",
 * from the filter menu). */
static const char *
region_filter_name (UnknotJournalPage *self)
{
  GListModel *list;
  UnknotRegion *region;

  if (self->catalog == NULL)
    return self->region_filter;

  region = unknot_catalog_lookup_region (self->catalog, self->region_filter);
  if (region != NULL)
    return unknot_region_get_title (region);

  list = unknot_catalog_get_regions (self->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(UnknotRegion) side = g_list_model_get_item (list, i);

      if (g_strcmp0 (unknot_region_get_base_id (side), self->region_filter) == 0)
        return unknot_region_get_name (side);
    }

  return self->region_filter;
}

/* What the filters keep, in words: "Showing Gluteals, left side · Last 3 Months". */
static void
update_filter_line (UnknotJournalPage *self)
{
  g_autoptr(GString) what = g_string_new (NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->filter_line), has_filters (self));
  if (!has_filters (self))
    return;

  if (self->region_filter != NULL && *self->region_filter != '\0')
    {
      g_string_append (what, region_filter_name (self));
    }
  if (self->tool_filter != NULL && *self->tool_filter != '\0')
    {
      UnknotTool *tool = self->catalog ? unknot_catalog_lookup_tool (self->catalog, self->tool_filter) : NULL;

      if (what->len > 0)
        /* Translators: between the filters shown above the journal */
        g_string_append (what, _(" · "));
      g_string_append (what, tool ? unknot_tool_get_name (tool) : self->tool_filter);
    }
  for (guint i = 1; i < G_N_ELEMENTS (ranges); i++)
    {
      if (g_strcmp0 (ranges[i].id, self->range_filter) != 0)
        continue;
      if (what->len > 0)
        g_string_append (what, _(" · "));
      g_string_append (what, _(ranges[i].label));
    }

  {
    /* Translators: %s lists the filters, such as “Gluteals, left side · Last 3 Months” */
    g_autofree char *text = g_strdup_printf (_("Showing %s"), what->str);

    gtk_label_set_label (self->filter_label, text);
  }
}

/* The list for the search and filters: the journal itself, or a query of it. */
static void
apply_filter (UnknotJournalPage *self)
{
  g_autoptr(UnknotJournalFilter) filter = unknot_journal_filter_new ();
  g_autoptr(GDateTime) since = range_start (self->range_filter);

  unknot_journal_filter_set_text (filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  unknot_journal_filter_set_region (filter, self->region_filter);
  unknot_journal_filter_set_tool (filter, self->tool_filter);
  unknot_journal_filter_set_range (filter, since, NULL);

  if (has_filters (self))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "journal-filtered");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "journal-filtered");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button),
                               has_filters (self) ? _("Filter (some entries are hidden)") : _("Filter"));
  update_filter_line (self);

  start_growing (self);
  if (unknot_journal_filter_is_empty (filter))
    {
      unknot_journal_days_set_model (self->days, G_LIST_MODEL (self->journal));
      g_clear_object (&self->results);
    }
  else
    {
      g_autoptr(UnknotJournalResults) results = unknot_journal_query (self->journal, filter);

      unknot_journal_days_set_model (self->days, G_LIST_MODEL (results));
      g_set_object (&self->results, results);
    }

  update_state (self);
}

static void
on_search_changed_cb (GtkSearchEntry    *entry,
                      UnknotJournalPage *self)
{
  apply_filter (self);
}

static void
set_filter (UnknotJournalPage  *self,
            char              **field,
            const char         *value,
            GParamSpec         *pspec)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (!g_set_str (field, value))
    return;

  apply_filter (self);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
add_radio (GMenu      *menu,
           const char *label,
           const char *action,
           const char *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (target));
  g_menu_append_item (menu, item);
}

/* Regions (each once, for both sides), tools and ranges, from the catalogue or, without
 * one, the journal's known regions. */
static void
build_filter_menu (UnknotJournalPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) filters = g_menu_new ();
  g_autoptr(GMenu) regions = g_menu_new ();
  g_autoptr(GMenu) tools = g_menu_new ();
  g_autoptr(GMenu) dates = g_menu_new ();
  g_autoptr(GMenu) clear = g_menu_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  add_radio (regions, _("All Regions"), "journal.region", "");
  if (self->catalog != NULL)
    {
      GListModel *list = unknot_catalog_get_regions (self->catalog);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(UnknotRegion) region = g_list_model_get_item (list, i);
          const char *base = unknot_region_get_base_id (region);

          if (g_hash_table_add (seen, (gpointer) base))
            add_radio (regions, unknot_region_get_name (region), "journal.region", base);
        }

      list = unknot_catalog_get_tools (self->catalog);
      add_radio (tools, _("All Tools"), "journal.tool", "");
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(UnknotTool) tool = g_list_model_get_item (list, i);

          add_radio (tools, unknot_tool_get_name (tool), "journal.tool", unknot_tool_get_id (tool));
        }
    }
  else
    {
      const char * const *known = unknot_journal_get_known_regions (self->journal);

      for (guint i = 0; known != NULL && known[i] != NULL; i++)
        add_radio (regions, known[i], "journal.region", known[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    add_radio (dates, _(ranges[i].label), "journal.range", ranges[i].id);

  g_menu_append_submenu (filters, _("_Region"), G_MENU_MODEL (regions));
  if (self->catalog != NULL)
    g_menu_append_submenu (filters, _("_Tool"), G_MENU_MODEL (tools));
  g_menu_append_submenu (filters, _("_Date"), G_MENU_MODEL (dates));
  g_menu_append (clear, _("_Clear Filters"), "journal.clear-filters");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (filters));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (clear));

  gtk_menu_button_set_menu_model (self->filter_button, G_MENU_MODEL (menu));
  unknot_menu_button_name_items (self->filter_button);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UnknotJournalPage *self = UNKNOT_JOURNAL_PAGE (widget);

  g_object_set (self, "region-filter", NULL, "tool-filter", NULL, "range-filter", NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  apply_filter (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UnknotJournalPage *self = UNKNOT_JOURNAL_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---------------------------------------------------------------------------------- */
/* Opening and deleting entries */

static void
on_list_activate_cb (GtkListView       *list_view,
                     guint              position,
                     UnknotJournalPage *self)
{
  g_autoptr(UnknotJournalEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->days), position);

  if (entry != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-entry", "s",
                                unknot_journal_entry_get_id (entry));
}

static void
show_error_toast (UnknotJournalPage *self,
                  const GError      *error)
{
  AdwToast *toast;

  /* The page was closed meanwhile. */
  if (self->toast_overlay == NULL)
    return;

  toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_restored_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(UnknotJournalPage) self = data;
  g_autoptr(UnknotJournalEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  entry = unknot_journal_add_finish (UNKNOT_JOURNAL (source), result, &error);
  if (entry == NULL)
    show_error_toast (self, error);
}

static void
on_undo_clicked_cb (AdwToast          *toast,
                    UnknotJournalPage *self)
{
  UnknotJournalEntry *entry = g_object_get_data (G_OBJECT (toast), "unknot-entry");

  if (self->journal == NULL)
    return;

  /* The same id: the entry comes back as it was. */
  unknot_journal_add_async (self->journal, entry, NULL, on_restored_cb, g_object_ref (self));
}

static void
on_deleted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(UnknotJournalPage) self = data;
  g_autoptr(UnknotJournalEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  entry = unknot_journal_delete_finish (UNKNOT_JOURNAL (source), result, &error);
  if (entry == NULL)
    {
      show_error_toast (self, error);
      return;
    }
  if (self->toast_overlay == NULL)
    return;

  toast = adw_toast_new (_("Entry deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "unknot-entry", g_steal_pointer (&entry), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, G_CONNECT_DEFAULT);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
delete_entry_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UnknotJournalPage *self = UNKNOT_JOURNAL_PAGE (widget);

  unknot_journal_delete_async (self->journal, g_variant_get_string (parameter, NULL), NULL,
                               on_deleted_cb, g_object_ref (self));
}

/* ---------------------------------------------------------------------------------- */
/* The "more" menu */

/* What Helps Me, then Export as CSV…, Import From CSV…, Back Up Journal…, Restore From Backup…
 * (unknot-journal-transfer.c, actions "transfer.*"), then a section of reports that
 * unknot_journal_page_get_report_section () gives, for "Report for a Clinician…". */
static void
build_more_menu (UnknotJournalPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) insights = g_menu_new ();

  self->transfer = unknot_journal_transfer_new (self->journal, GTK_WIDGET (self), self->toast_overlay);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "transfer",
                                  unknot_journal_transfer_get_actions (self->transfer));
  self->report_section = g_menu_new ();

  g_menu_append (self->report_section, _("_Report for a Clinician…"), "journal.report");

  g_menu_append (insights, _("_What Helps Me"), "win.show-insights");

  g_menu_append_section (menu, NULL, G_MENU_MODEL (insights));
  g_menu_append_section (menu, NULL, unknot_journal_transfer_get_menu (self->transfer));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (self->report_section));
  gtk_menu_button_set_menu_model (self->more_button, G_MENU_MODEL (menu));
  unknot_menu_button_name_items (self->more_button);
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UnknotJournalPage *self = UNKNOT_JOURNAL_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  unknot_journal_report_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                             self->journal, self->catalog);
}

/* ---------------------------------------------------------------------------------- */

static void
unknot_journal_page_constructed (GObject *object)
{
  UnknotJournalPage *self = UNKNOT_JOURNAL_PAGE (object);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) header_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  G_OBJECT_CLASS (unknot_journal_page_parent_class)->constructed (object);

  g_assert (UNKNOT_IS_JOURNAL (self->journal));

  if (self->hold != NULL)
    unknot_hold_indicator_set_timer (self->hold_indicator, unknot_hold_get_timer (self->hold));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  g_signal_connect (header_factory, "setup", G_CALLBACK (setup_header_cb), self);
  g_signal_connect (header_factory, "bind", G_CALLBACK (bind_header_cb), self);

  self->days = unknot_journal_days_new (G_LIST_MODEL (self->journal));
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->days)), 0, FIRST_ROWS);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_header_factory (self->list_view, header_factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->days, "notify::n-items",
                           G_CALLBACK (on_days_n_items_notify_cb), self, G_CONNECT_DEFAULT);

  g_signal_connect_object (self->journal, "notify::is-open",
                           G_CALLBACK (on_journal_state_notify_cb), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (self->journal, "notify::load-error",
                           G_CALLBACK (on_journal_state_notify_cb), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (self->journal, "notify::kept-aside",
                           G_CALLBACK (on_journal_state_notify_cb), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (self->journal, "notify::read-only",
                           G_CALLBACK (on_journal_state_notify_cb), self, G_CONNECT_DEFAULT);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  build_filter_menu (self);
  build_more_menu (self);
  query_flagged (self);
  update_state (self);
  start_growing (self);
}

static void
unknot_journal_page_dispose (GObject *object)
{
  UnknotJournalPage *self = UNKNOT_JOURNAL_PAGE (object);

  if (self->flagged != NULL)
    g_signal_handlers_disconnect_by_func (self->flagged, on_flagged_changed_cb, self);
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  if (self->grow_id != 0 && self->list_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->grow_id);
  self->grow_id = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_JOURNAL_PAGE);
  self->toast_overlay = NULL;
  g_clear_object (&self->transfer);
  g_clear_object (&self->report_section);
  g_clear_object (&self->flagged);
  g_clear_object (&self->results);
  g_clear_object (&self->slice);
  g_clear_object (&self->days);
  g_clear_object (&self->journal);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  g_clear_object (&self->hold);

  G_OBJECT_CLASS (unknot_journal_page_parent_class)->dispose (object);
}

static void
unknot_journal_page_finalize (GObject *object)
{
  UnknotJournalPage *self = UNKNOT_JOURNAL_PAGE (object);

  g_free (self->region_filter);
  g_free (self->tool_filter);
  g_free (self->range_filter);

  G_OBJECT_CLASS (unknot_journal_page_parent_class)->finalize (object);
}

static void
unknot_journal_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UnknotJournalPage *self = UNKNOT_JOURNAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_HOLD:
      g_value_set_object (value, self->hold);
      break;

    /* "" for none: the menu's "All …" items have it as their target. */
    case PROP_REGION_FILTER:
      g_value_set_string (value, self->region_filter ? self->region_filter : "");
      break;

    case PROP_TOOL_FILTER:
      g_value_set_string (value, self->tool_filter ? self->tool_filter : "");
      break;

    case PROP_RANGE_FILTER:
      g_value_set_string (value, self->range_filter ? self->range_filter : "");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_journal_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UnknotJournalPage *self = UNKNOT_JOURNAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_HOLD:
      self->hold = g_value_dup_object (value);
      break;

    case PROP_REGION_FILTER:
      set_filter (self, &self->region_filter, g_value_get_string (value), pspec);
      break;

    case PROP_TOOL_FILTER:
      set_filter (self, &self->tool_filter, g_value_get_string (value), pspec);
      break;

    case PROP_RANGE_FILTER:
      set_filter (self, &self->range_filter, g_value_get_string (value), pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_journal_page_class_init (UnknotJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = unknot_journal_page_constructed;
  object_class->dispose = unknot_journal_page_dispose;
  object_class->finalize = unknot_journal_page_finalize;
  object_class->get_property = unknot_journal_page_get_property;
  object_class->set_property = unknot_journal_page_set_property;

  /**
   * UnknotJournalPage:journal:
   *
   * The pain journal the page lists and observes.
   */
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, UNKNOT_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotJournalPage:catalog:
   *
   * The names of regions, tools and techniques, and the filter menu's choices.
   */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, UNKNOT_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotJournalPage:settings:
   *
   * Where the dismissed red-flag banner is remembered.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotJournalPage:hold:
   *
   * The hold in progress, which the header bar's indicator shows from this page.
   */
  properties[PROP_HOLD] =
    g_param_spec_object ("hold", NULL, NULL, UNKNOT_TYPE_HOLD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotJournalPage:region-filter:
   *
   * Only entries of this region (both sides), or "" for all.
   */
  properties[PROP_REGION_FILTER] =
    g_param_spec_string ("region-filter", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOOL_FILTER] =
    g_param_spec_string ("tool-filter", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotJournalPage:range-filter:
   *
   * "" for all time, "2w", "3m" or "1y" for the last two weeks, three months or year.
   */
  properties[PROP_RANGE_FILTER] =
    g_param_spec_string ("range-filter", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UNKNOT_TYPE_HOLD_INDICATOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotJournalPage, log_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotJournalPage, empty_log_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotJournalPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotJournalPage, filter_line);
  gtk_widget_class_bind_template_child (widget_class, UnknotJournalPage, filter_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotJournalPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotJournalPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, UnknotJournalPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UnknotJournalPage, banner);
  gtk_widget_class_bind_template_child (widget_class, UnknotJournalPage, notice);
  gtk_widget_class_bind_template_child (widget_class, UnknotJournalPage, notice_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotJournalPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotJournalPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotJournalPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, UnknotJournalPage, unavailable_status);
  gtk_widget_class_bind_template_child (widget_class, UnknotJournalPage, hold_indicator);
  gtk_widget_class_bind_template_child (widget_class, UnknotJournalPage, more_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_showing_cb);

  gtk_widget_class_install_property_action (widget_class, "journal.region", "region-filter");
  gtk_widget_class_install_property_action (widget_class, "journal.tool", "tool-filter");
  gtk_widget_class_install_property_action (widget_class, "journal.range", "range-filter");
  gtk_widget_class_install_action (widget_class, "journal.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "journal.report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "journal.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "journal.delete-entry", "s", delete_entry_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "journal.search", NULL);
}

static void
unknot_journal_page_init (UnknotJournalPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Not bound by its ID: the navigation page unparents its own child, after the
   * template's children are gone. */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_navigation_page_get_child (ADW_NAVIGATION_PAGE (self)));
}

/**
 * unknot_journal_page_new:
 * @catalog: (nullable): names of regions, tools and techniques
 * @settings: (nullable): where a dismissed banner is remembered
 * @hold: (nullable): the hold in progress, for the header's indicator
 */
UnknotJournalPage *
unknot_journal_page_new (UnknotJournal *journal,
                         UnknotCatalog *catalog,
                         GSettings     *settings,
                         UnknotHold    *hold)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (catalog == NULL || UNKNOT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (hold == NULL || UNKNOT_IS_HOLD (hold), NULL);

  return g_object_new (UNKNOT_TYPE_JOURNAL_PAGE,
                       "journal", journal,
                       "catalog", catalog,
                       "settings", settings,
                       "hold", hold,
                       NULL);
}

/**
 * unknot_journal_page_get_transfer:
 *
 * Returns: (transfer none): the export, import, backup and restore flows of the page's
 *   "more" menu
 */
UnknotJournalTransfer *
unknot_journal_page_get_transfer (UnknotJournalPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_PAGE (self), NULL);

  return self->transfer;
}

/**
 * unknot_journal_page_get_report_section:
 *
 * The "more" menu's last section, empty until reports add their items to it
 * (g_menu_append ()); call unknot_menu_button_name_items () on the menu button after.
 *
 * Returns: (transfer none): the section
 */
GMenu *
unknot_journal_page_get_report_section (UnknotJournalPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_PAGE (self), NULL);

  return self->report_section;
}
