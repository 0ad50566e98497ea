/* unknot-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's routes: each action finds what was asked for in the catalogue and
 * shows its page, built from the services the window was given.
 */

#define G_LOG_DOMAIN "unknot-window"

#include "config.h"

#include "journal/unknot-entry-editor.h"
#include "journal/unknot-insights-page.h"
#include "journal/unknot-journal-page.h"
#include "pages/unknot-region-page.h"
#include "pages/unknot-technique-page.h"
#include "pages/unknot-topic-page.h"
#include "routines/unknot-routine-page.h"
#include "timer/unknot-hold-page.h"
#include "unknot-window-private.h"

static void
show_region_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  const char *region_id = g_variant_get_string (parameter, NULL);
  UnknotRegion *region = unknot_catalog_lookup_region (self->catalog, region_id);

  if (region == NULL)
    {
      g_warning ("No region “%s” in the catalogue", region_id);
      return;
    }

  unknot_body_map_set_selected_region (unknot_sidebar_get_body_map (self->sidebar), region_id);
  _unknot_window_show_page (self,
                            g_object_new (UNKNOT_TYPE_REGION_PAGE,
                                          "catalog", self->catalog,
                                          "region", region,
                                          "settings", self->settings,
                                          "hold", self->hold,
                                          "journal", self->journal,
                                          "routine-store", self->routine_store,
                                          NULL),
                            TRUE);
}

static void
show_technique_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  const char *technique_id, *region_id;
  UnknotTechnique *technique;

  g_variant_get (parameter, "(&s&s)", &technique_id, &region_id);
  technique = unknot_catalog_lookup_technique (self->catalog, technique_id);
  if (technique == NULL)
    {
      g_warning ("No technique “%s” in the catalogue", technique_id);
      return;
    }

  _unknot_window_show_page (self,
                            g_object_new (UNKNOT_TYPE_TECHNIQUE_PAGE,
                                          "catalog", self->catalog,
                                          "technique", technique,
                                          "hold", self->hold,
                                          "routine-store", self->routine_store,
                                          "region-id", *region_id ? region_id : NULL,
                                          "journal", self->journal,
                                          NULL),
                            FALSE);
}

static void
show_topic_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  const char *topic_id = g_variant_get_string (parameter, NULL);
  UnknotTopic *topic = unknot_catalog_lookup_topic (self->catalog, topic_id);

  if (topic == NULL)
    {
      g_warning ("No guide topic “%s”", topic_id);
      return;
    }

  _unknot_window_show_page (self,
                            g_object_new (UNKNOT_TYPE_TOPIC_PAGE,
                                          "catalog", self->catalog,
                                          "topic", topic,
                                          "hold", self->hold,
                                          NULL),
                            FALSE);
}

static gboolean
is_hold_page (AdwNavigationPage *page,
              gpointer           data)
{
  return UNKNOT_IS_HOLD_PAGE (page);
}

/* The page of the hold in progress, on top of what is shown. */
static void
show_hold_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  /* One hold page at a time: the new one goes on top, any earlier one leaves the
   * trail, and the pages in between stay. */
  _unknot_window_show_page_instead (self,
                                    ADW_NAVIGATION_PAGE (unknot_hold_page_new (self->hold, self->settings)),
                                    is_hold_page, NULL);
}

static void
start_routine_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  const char *occasion_id = g_variant_get_string (parameter, NULL);
  g_autoptr(UnknotRoutine) known = unknot_routine_new_for_occasion (self->catalog, occasion_id,
                                                                    NULL, UNKNOT_HOLD_DEFAULT_SECONDS);

  if (known == NULL)
    {
      g_warning ("No routine for “%s”", occasion_id);
      return;
    }

  _unknot_window_show_page (self,
                            g_object_new (UNKNOT_TYPE_ROUTINE_PAGE,
                                          "catalog", self->catalog,
                                          "settings", self->settings,
                                          "hold", self->hold,
                                          "occasion", occasion_id,
                                          NULL),
                            FALSE);
}

static void
show_my_routine_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  _unknot_window_show_page (self,
                            g_object_new (UNKNOT_TYPE_ROUTINE_PAGE,
                                          "catalog", self->catalog,
                                          "settings", self->settings,
                                          "hold", self->hold,
                                          "routine-store", self->routine_store,
                                          NULL),
                            FALSE);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  unknot_sidebar_focus_search (self->sidebar);
}

/* The journal on top of the trail, from anywhere; Back leads to where the person was.
 * Asked for again, it moves to the top instead of being on the trail twice. */
static void
show_journal_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  AdwNavigationPage *visible = adw_navigation_view_get_visible_page (self->content_view);

  if (UNKNOT_IS_JOURNAL_PAGE (visible))
    {
      adw_navigation_split_view_set_show_content (self->split_view, TRUE);
      return;
    }

  _unknot_window_show_page (self,
                            ADW_NAVIGATION_PAGE (unknot_journal_page_new (self->journal, self->catalog,
                                                                          self->settings, self->hold)),
                            FALSE);
}

/* The journal filtered to one region ("gluteals-left") over a range ("2w", "3m", "1y"
 * or "all"), from the map while it shows the person's pain. The journal page's own
 * filter does it, so the page shows that it is filtered and clears it as any filter. */
static void
show_journal_region_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  AdwNavigationPage *visible = adw_navigation_view_get_visible_page (self->content_view);
  const char *region_id;
  const char *range_id;

  g_variant_get (parameter, "(&s&s)", &region_id, &range_id);
  if (g_str_equal (range_id, "all"))
    range_id = "";

  if (!UNKNOT_IS_JOURNAL_PAGE (visible))
    {
      visible = ADW_NAVIGATION_PAGE (unknot_journal_page_new (self->journal, self->catalog,
                                                              self->settings, self->hold));
      g_object_set (visible, "region-filter", region_id, "range-filter", range_id, NULL);
      _unknot_window_show_page (self, visible, FALSE);
      return;
    }

  g_object_set (visible,
                "region-filter", region_id,
                "range-filter", range_id,
                "tool-filter", NULL,
                NULL);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static gboolean
is_insights_page (AdwNavigationPage *page,
                  gpointer           data)
{
  return UNKNOT_IS_INSIGHTS_PAGE (page);
}

/* "What Helps Me" on top of the trail, from the journal or the main menu; an earlier
 * one leaves the trail, so that it is there once. */
static void
show_insights_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  AdwNavigationPage *visible = adw_navigation_view_get_visible_page (self->content_view);

  if (UNKNOT_IS_INSIGHTS_PAGE (visible))
    {
      adw_navigation_split_view_set_show_content (self->split_view, TRUE);
      return;
    }

  _unknot_window_show_page_instead (self,
                                    ADW_NAVIGATION_PAGE (unknot_insights_page_new (self->journal, self->catalog,
                                                                                   self->settings, self->hold)),
                                    is_insights_page, NULL);
}

/**
 * unknot_window_log_entry:
 * @entry: what the editor starts from: a new entry (perhaps pre-filled from a
 *   session) or a copy of one in the journal, to edit
 *
 * Opens the journal's entry editor over the window.
 */
void
unknot_window_log_entry (UnknotWindow       *self,
                         UnknotJournalEntry *entry)
{
  UnknotEntryEditor *editor;

  g_return_if_fail (UNKNOT_IS_WINDOW (self));
  g_return_if_fail (UNKNOT_IS_JOURNAL_ENTRY (entry));

  editor = unknot_entry_editor_new (self->journal, self->catalog, entry);
  unknot_entry_editor_present (editor, GTK_WIDGET (self->toast_overlay));
}

/* "Log Pain": a new entry, now, with nothing filled in. */
static void
log_pain_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autoptr(UnknotJournalEntry) entry = unknot_journal_entry_new ();

  unknot_window_log_entry (UNKNOT_WINDOW (widget), entry);
}

static void
edit_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(UnknotJournalEntry) entry = unknot_journal_lookup (self->journal, id);

  if (entry == NULL)
    {
      g_warning ("No journal entry “%s”", id);
      return;
    }

  unknot_window_log_entry (self, entry);
}

void
_unknot_window_class_actions_init (UnknotWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-region", "s", show_region_action);
  gtk_widget_class_install_action (widget_class, "win.show-technique", "(ss)", show_technique_action);
  gtk_widget_class_install_action (widget_class, "win.show-topic", "s", show_topic_action);
  gtk_widget_class_install_action (widget_class, "win.show-hold", NULL, show_hold_action);
  gtk_widget_class_install_action (widget_class, "win.start-routine", "s", start_routine_action);
  gtk_widget_class_install_action (widget_class, "win.show-my-routine", NULL, show_my_routine_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-journal", NULL, show_journal_action);
  gtk_widget_class_install_action (widget_class, "win.show-journal-region", "(ss)",
                                   show_journal_region_action);
  gtk_widget_class_install_action (widget_class, "win.log-pain", NULL, log_pain_action);
  gtk_widget_class_install_action (widget_class, "win.show-insights", NULL, show_insights_action);
  gtk_widget_class_install_action (widget_class, "win.edit-entry", "s", edit_entry_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK,
                                       "win.show-journal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.log-pain", NULL);
}
