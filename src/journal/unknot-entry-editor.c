/* unknot-entry-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pain journal's entry editor: when, where (a small body map in multiple
 * selection), pain before and after, what was done, the occasion, how it feels, the
 * warning signs and notes. It edits a copy of the entry it was given and writes it
 * through the journal's async API: the dialog stays open, with everything typed, until
 * the journal has acknowledged the write, and says plainly why when it could not.
 * After saving, warning signs get their advice at once, over the window the editor
 * was presented on, and a toast there offers to undo the save.
 */

#define G_LOG_DOMAIN "unknot-entry-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bodymap/unknot-body-map.h"
#include "unknot-entry-editor.h"
#include "unknot-pain-scale.h"
#include "unknot-red-flags.h"

struct _UnknotEntryEditor
{
  AdwDialog           parent_instance;

  UnknotJournal      *journal;
  UnknotCatalog      *catalog;
  /* The entry as given (what "no changes" means) and the one to store. */
  UnknotJournalEntry *original;
  GtkWidget          *parent;
  GDateTime          *when;

  GPtrArray          *technique_ids;
  GPtrArray          *tool_ids;
  GPtrArray          *occasion_ids;
  GPtrArray          *quality_buttons;
  GPtrArray          *red_flag_rows;
  /* Regions of the entry that the map does not show: kept as they were. */
  GStrv               hidden_regions;

  gboolean            loading;
  gboolean            saving;
  gboolean            showing_error;

  UnknotBodyMap      *body_map;
  UnknotPainScale    *pain_before;
  UnknotPainScale    *pain_after;

  /* Template widgets */
  GtkButton          *save_button;
  GtkButton          *cancel_button;
  GtkStack           *save_stack;
  AdwBanner          *banner;
  AdwPreferencesPage *page;
  AdwActionRow       *when_row;
  GtkMenuButton      *when_button;
  GtkCalendar        *calendar;
  GtkSpinButton      *hour_spin;
  GtkSpinButton      *minute_spin;
  AdwComboRow        *occasion_row;
  AdwClamp           *map_clamp;
  GtkLabel           *regions_label;
  AdwPreferencesGroup *pain_before_group;
  AdwPreferencesGroup *pain_after_group;
  AdwComboRow        *technique_row;
  AdwComboRow        *tool_row;
  AdwSpinRow         *minutes_row;
  AdwSpinRow         *seconds_row;
  AdwWrapBox         *qualities_box;
  AdwPreferencesGroup *red_flags_group;
  GtkTextView        *notes_view;
};

G_DEFINE_FINAL_TYPE (UnknotEntryEditor, unknot_entry_editor, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_CATALOG,
  PROP_ENTRY,
  N_PROPS
};

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What the toast's Undo needs, alive after the editor is gone. */
typedef struct
{
  UnknotJournal      *journal;
  char               *id;
  /* The entry as it was before an edit; %NULL when the save added it. */
  UnknotJournalEntry *previous;
  GtkWidget          *overlay;
} Undo;

static void
undo_free (gpointer data,
           GClosure *closure)
{
  Undo *undo = data;

  g_clear_object (&undo->journal);
  g_clear_pointer (&undo->id, g_free);
  g_clear_object (&undo->previous);
  g_clear_weak_pointer (&undo->overlay);
  g_free (undo);
}

/* Whether two lists hold the same ids, in any order. */
static gboolean
same_set (const char * const *a,
          const char * const *b)
{
  guint na = a ? g_strv_length ((GStrv) a) : 0;
  guint nb = b ? g_strv_length ((GStrv) b) : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (!g_strv_contains (b, a[i]))
      return FALSE;

  return TRUE;
}

static const char *
id_at (GPtrArray *ids,
       guint      position)
{
  return position < ids->len ? g_ptr_array_index (ids, position) : NULL;
}

static guint
position_of (GPtrArray  *ids,
             const char *id)
{
  for (guint i = 1; id != NULL && i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      return i;

  return 0;
}

static gboolean
is_update (UnknotEntryEditor *self)
{
  g_autoptr(UnknotJournalEntry) stored = NULL;

  stored = unknot_journal_lookup (self->journal, unknot_journal_entry_get_id (self->original));

  return stored != NULL;
}

/* What the form says, as an entry with the original's id. */
static UnknotJournalEntry *
collect_entry (UnknotEntryEditor *self)
{
  UnknotJournalEntry *entry = unknot_journal_entry_copy (self->original);
  g_autoptr(GStrvBuilder) regions = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) qualities = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) flags = g_strv_builder_new ();
  g_auto(GStrv) region_ids = NULL;
  g_auto(GStrv) quality_ids = NULL;
  g_auto(GStrv) flag_ids = NULL;
  g_autofree char *notes = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  guint seconds;

  unknot_journal_entry_set_when (entry, self->when);

  /* Lists keep the entry's own order when they hold the same ids. */
  if (unknot_body_map_get_selected_regions (self->body_map) != NULL)
    g_strv_builder_addv (regions, (const char **) unknot_body_map_get_selected_regions (self->body_map));
  if (self->hidden_regions != NULL)
    g_strv_builder_addv (regions, (const char **) self->hidden_regions);
  region_ids = g_strv_builder_end (regions);
  if (!same_set ((const char * const *) region_ids, unknot_journal_entry_get_regions (self->original)))
    unknot_journal_entry_set_regions (entry, (const char * const *) region_ids);

  unknot_journal_entry_set_pain_before (entry, unknot_pain_scale_get_value (self->pain_before));
  unknot_journal_entry_set_pain_after (entry, unknot_pain_scale_get_value (self->pain_after));
  unknot_journal_entry_set_technique_id (entry, id_at (self->technique_ids,
                                                       adw_combo_row_get_selected (self->technique_row)));
  unknot_journal_entry_set_tool_id (entry, id_at (self->tool_ids,
                                                  adw_combo_row_get_selected (self->tool_row)));
  seconds = (guint) adw_spin_row_get_value (self->minutes_row) * 60 +
            (guint) adw_spin_row_get_value (self->seconds_row);
  unknot_journal_entry_set_seconds (entry, MIN (seconds, UNKNOT_JOURNAL_MAX_SECONDS));
  unknot_journal_entry_set_occasion (entry, id_at (self->occasion_ids,
                                                   adw_combo_row_get_selected (self->occasion_row)));

  for (guint i = 0; i < self->quality_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->quality_buttons, i);

      if (gtk_toggle_button_get_active (button))
        g_strv_builder_add (qualities, g_object_get_data (G_OBJECT (button), "unknot-id"));
    }
  quality_ids = g_strv_builder_end (qualities);
  if (!same_set ((const char * const *) quality_ids, unknot_journal_entry_get_qualities (self->original)))
    unknot_journal_entry_set_qualities (entry, (const char * const *) quality_ids);

  for (guint i = 0; i < self->red_flag_rows->len; i++)
    {
      AdwSwitchRow *row = g_ptr_array_index (self->red_flag_rows, i);

      if (adw_switch_row_get_active (row))
        g_strv_builder_add (flags, g_object_get_data (G_OBJECT (row), "unknot-id"));
    }
  flag_ids = g_strv_builder_end (flags);
  if (!same_set ((const char * const *) flag_ids, unknot_journal_entry_get_red_flags (self->original)))
    unknot_journal_entry_set_red_flags (entry, (const char * const *) flag_ids);

  /* The notes are read once here, never per keystroke. */
  buffer = gtk_text_view_get_buffer (self->notes_view);
  if (gtk_text_buffer_get_modified (buffer))
    {
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (*notes != '\0' || (unknot_journal_entry_get_notes (self->original) != NULL &&
                             *unknot_journal_entry_get_notes (self->original) != '\0'))
        unknot_journal_entry_set_notes (entry, notes);
    }

  return entry;
}

static gboolean
has_changes (UnknotEntryEditor *self)
{
  g_autoptr(UnknotJournalEntry) entry = collect_entry (self);

  return !unknot_journal_entry_equal (entry, self->original);
}

static void
update_when_row (UnknotEntryEditor *self)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (self->when);
  /* Translators: the date and time of a journal entry, in g_date_time_format () form */
  g_autofree char *text = g_date_time_format (local, _("%A, %-d %B %Y, %H:%M"));

  adw_action_row_set_subtitle (self->when_row, text);
}

/* The date and time picker shows self->when. */
static void
load_when (UnknotEntryEditor *self)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (self->when);
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  gtk_calendar_select_day (self->calendar, local);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
  self->loading = was_loading;
  update_when_row (self);
}

static void
on_when_changed_cb (UnknotEntryEditor *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) when = NULL;

  if (self->loading)
    return;

  day = gtk_calendar_get_date (self->calendar);
  when = g_date_time_new_local (g_date_time_get_year (day),
                                g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day),
                                gtk_spin_button_get_value_as_int (self->hour_spin),
                                gtk_spin_button_get_value_as_int (self->minute_spin),
                                0);
  if (when == NULL)
    return;

  g_clear_pointer (&self->when, g_date_time_unref);
  self->when = g_steal_pointer (&when);
  update_when_row (self);
}

static void
update_regions_label (UnknotEntryEditor *self)
{
  const char * const *ids = unknot_body_map_get_selected_regions (self->body_map);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      UnknotRegion *region = unknot_catalog_lookup_region (self->catalog, ids[i]);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, region ? unknot_region_get_title (region) : ids[i]);
    }

  if (text->len == 0)
    {
      gtk_label_set_text (self->regions_label, _("Tap where it hurts"));
      gtk_widget_add_css_class (GTK_WIDGET (self->regions_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->regions_label, text->str);
      gtk_widget_remove_css_class (GTK_WIDGET (self->regions_label), "dim-label");
    }
}

static void
update_actions (UnknotEntryEditor *self)
{
  gboolean read_only = unknot_journal_is_read_only (self->journal);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !self->saving && !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.cancel", !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.clear-after",
                                 !self->saving &&
                                 unknot_pain_scale_get_value (self->pain_after) != UNKNOT_JOURNAL_PAIN_UNSET);
  gtk_stack_set_visible_child_name (self->save_stack, self->saving ? "busy" : "label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->saving ? _("Saving…") : "",
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->save_button),
                               GTK_ACCESSIBLE_STATE_BUSY, self->saving,
                               -1);
}

static void
show_error (UnknotEntryEditor *self,
            const char        *message)
{
  self->showing_error = TRUE;
  gtk_widget_add_css_class (GTK_WIDGET (self->banner), "error");
  adw_banner_set_title (self->banner, message);
  adw_banner_set_revealed (self->banner, TRUE);
  gtk_accessible_announce (GTK_ACCESSIBLE (self), message,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_HIGH);
}

static void
update_read_only (UnknotEntryEditor *self)
{
  if (unknot_journal_is_read_only (self->journal))
    {
      const GError *error = unknot_journal_get_load_error (self->journal);
      g_autofree char *message = NULL;

      message = g_strdup_printf ("%s %s", _("Saving is off: your journal can only be read."),
                                 error ? error->message : "");
      show_error (self, g_strstrip (message));
    }
  else if (!self->showing_error)
    adw_banner_set_revealed (self->banner, FALSE);

  update_actions (self);
}

static void
on_read_only_changed_cb (UnknotEntryEditor *self)
{
  update_read_only (self);
}

static void
on_selected_regions_changed_cb (UnknotEntryEditor *self)
{
  update_regions_label (self);
}

static void
on_pain_after_changed_cb (UnknotEntryEditor *self)
{
  update_actions (self);
}

static void
on_technique_selected_cb (UnknotEntryEditor *self)
{
  UnknotTechnique *technique;
  const char *id;

  if (self->loading)
    return;

  /* A technique is done with its own tool. */
  id = id_at (self->technique_ids, adw_combo_row_get_selected (self->technique_row));
  technique = id ? unknot_catalog_lookup_technique (self->catalog, id) : NULL;
  if (technique != NULL && unknot_technique_get_tool_id (technique) != NULL)
    adw_combo_row_set_selected (self->tool_row,
                                position_of (self->tool_ids, unknot_technique_get_tool_id (technique)));
}

static void
on_undo_delete_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GtkWidget) overlay = user_data;
  g_autoptr(UnknotJournalEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  entry = unknot_journal_delete_finish (UNKNOT_JOURNAL (source), result, &error);
  if (entry == NULL && overlay != NULL && gtk_widget_get_root (overlay) != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                 adw_toast_new (error ? error->message : _("The entry could not be removed.")));
}

static void
on_undo_update_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GtkWidget) overlay = user_data;
  g_autoptr(UnknotJournalEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  entry = unknot_journal_update_finish (UNKNOT_JOURNAL (source), result, &error);
  if (entry == NULL && overlay != NULL && gtk_widget_get_root (overlay) != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                 adw_toast_new (error ? error->message : _("The changes could not be undone.")));
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    Undo     *undo)
{
  GtkWidget *overlay = undo->overlay ? g_object_ref (undo->overlay) : NULL;

  if (undo->previous == NULL)
    unknot_journal_delete_async (undo->journal, undo->id, NULL, on_undo_delete_done_cb, overlay);
  else
    unknot_journal_update_async (undo->journal, undo->previous, NULL, on_undo_update_done_cb, overlay);
}

/* After the journal acknowledged: the warning signs' advice first, then a toast. */
static void
tell_after_saving (GtkWidget          *parent,
                   UnknotJournal      *journal,
                   UnknotJournalEntry *stored,
                   UnknotJournalEntry *previous)
{
  UnknotRedFlagTier tier = unknot_red_flags_get_tier (unknot_journal_entry_get_red_flags (stored));
  GtkWidget *overlay;

  if (parent == NULL)
    return;

  /* Warning signs are never silent. */
  if (tier != UNKNOT_RED_FLAG_TIER_NONE)
    {
      AdwDialog *alert;
      g_autofree char *body = NULL;

      body = g_strdup_printf ("%s\n\n%s", unknot_red_flag_tier_get_advice (tier),
                              unknot_red_flags_get_disclaimer ());
      alert = adw_alert_dialog_new (unknot_red_flag_tier_get_title (tier), body);
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_I Understand"));
      adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "close");
      adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "close");
      gtk_widget_add_css_class (GTK_WIDGET (alert), "red-flag-advice");
      adw_dialog_present (alert, parent);
    }

  overlay = ADW_IS_TOAST_OVERLAY (parent) ? parent
                                          : gtk_widget_get_ancestor (parent, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (previous ? _("Entry changed") : _("Entry saved"));
      Undo *undo = g_new0 (Undo, 1);

      undo->journal = g_object_ref (journal);
      undo->id = g_strdup (unknot_journal_entry_get_id (stored));
      undo->previous = previous ? g_object_ref (previous) : NULL;
      g_set_weak_pointer (&undo->overlay, overlay);
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb),
                             undo, undo_free, 0);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

typedef struct
{
  UnknotEntryEditor  *self;
  UnknotJournalEntry *previous;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->previous);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  UnknotEntryEditor *self = data->self;
  g_autoptr(UnknotJournalEntry) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWidget) parent = NULL;

  stored = data->previous
           ? unknot_journal_update_finish (UNKNOT_JOURNAL (source), result, &error)
           : unknot_journal_add_finish (UNKNOT_JOURNAL (source), result, &error);

  self->saving = FALSE;
  update_actions (self);

  if (stored == NULL)
    {
      /* Nothing typed is lost: the dialog stays, and says why. */
      show_error (self, error ? error->message : _("Your entry could not be saved."));
      gtk_widget_grab_focus (GTK_WIDGET (self->save_button));
      return;
    }

  self->showing_error = FALSE;
  adw_banner_set_revealed (self->banner, FALSE);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, stored);

  parent = self->parent ? g_object_ref (self->parent) : NULL;
  adw_dialog_force_close (ADW_DIALOG (self));
  tell_after_saving (parent, self->journal, stored, data->previous);
}

static void
save (UnknotEntryEditor *self)
{
  g_autoptr(UnknotJournalEntry) entry = NULL;
  SaveData *data;

  if (self->saving || unknot_journal_is_read_only (self->journal))
    return;

  if (unknot_pain_scale_get_value (self->pain_before) == UNKNOT_JOURNAL_PAIN_UNSET)
    {
      show_error (self, _("Choose how much it hurt before: pain before is needed to save the entry."));
      gtk_widget_grab_focus (GTK_WIDGET (self->pain_before));
      return;
    }

  /* A new try: the last error goes until this one is answered. */
  self->showing_error = FALSE;
  adw_banner_set_revealed (self->banner, FALSE);

  entry = collect_entry (self);
  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->previous = unknot_journal_lookup (self->journal, unknot_journal_entry_get_id (entry));

  self->saving = TRUE;
  update_actions (self);

  if (data->previous != NULL)
    unknot_journal_update_async (self->journal, entry, NULL, on_saved_cb, data);
  else
    unknot_journal_add_async (self->journal, entry, NULL, on_saved_cb, data);
}

static void
on_discard_response_cb (AdwAlertDialog    *alert,
                        const char        *response,
                        UnknotEntryEditor *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    adw_dialog_force_close (ADW_DIALOG (self));
}

static void
on_close_attempt_cb (UnknotEntryEditor *self)
{
  AdwDialog *alert;

  if (self->saving)
    return;

  if (!has_changes (self))
    {
      adw_dialog_force_close (ADW_DIALOG (self));
      return;
    }

  alert = adw_alert_dialog_new (_("Discard Changes?"),
                                _("What you entered here will be lost."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "keep", _("_Keep Editing"),
                                  "discard", _("_Discard"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "discard",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "keep");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "keep");
  g_signal_connect_object (alert, "response", G_CALLBACK (on_discard_response_cb), self, 0);
  adw_dialog_present (alert, GTK_WIDGET (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (UNKNOT_ENTRY_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

static void
clear_after_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  UnknotEntryEditor *self = UNKNOT_ENTRY_EDITOR (widget);

  unknot_pain_scale_set_value (self->pain_after, UNKNOT_JOURNAL_PAIN_UNSET);
  gtk_widget_grab_focus (GTK_WIDGET (self->pain_after));
}

static void
now_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  UnknotEntryEditor *self = UNKNOT_ENTRY_EDITOR (widget);

  g_clear_pointer (&self->when, g_date_time_unref);
  self->when = g_date_time_new_now_local ();
  load_when (self);
}

static GtkStringList *
string_list_with_none (const char *none)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, none);

  return list;
}

static void
build_choices (UnknotEntryEditor *self)
{
  g_autoptr(GtkStringList) techniques = string_list_with_none (_("None"));
  g_autoptr(GtkStringList) tools = string_list_with_none (_("None"));
  g_autoptr(GtkStringList) occasions = string_list_with_none (_("Not given"));
  GListModel *model;
  const char * const *ids;

  g_ptr_array_add (self->technique_ids, NULL);
  model = unknot_catalog_get_techniques (self->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(UnknotTechnique) technique = g_list_model_get_item (model, i);

      g_ptr_array_add (self->technique_ids, g_strdup (unknot_technique_get_id (technique)));
      gtk_string_list_append (techniques, unknot_technique_get_title (technique));
    }
  adw_combo_row_set_model (self->technique_row, G_LIST_MODEL (techniques));

  g_ptr_array_add (self->tool_ids, NULL);
  model = unknot_catalog_get_tools (self->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(UnknotTool) tool = g_list_model_get_item (model, i);

      g_ptr_array_add (self->tool_ids, g_strdup (unknot_tool_get_id (tool)));
      gtk_string_list_append (tools, unknot_tool_get_name (tool));
    }
  adw_combo_row_set_model (self->tool_row, G_LIST_MODEL (tools));

  g_ptr_array_add (self->occasion_ids, NULL);
  ids = unknot_journal_get_occasion_ids ();
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_ptr_array_add (self->occasion_ids, g_strdup (ids[i]));
      gtk_string_list_append (occasions, unknot_journal_get_occasion_label (ids[i]));
    }
  adw_combo_row_set_model (self->occasion_row, G_LIST_MODEL (occasions));

  ids = unknot_journal_get_quality_ids ();
  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (unknot_journal_get_quality_label (ids[i]));

      g_object_set_data_full (G_OBJECT (button), "unknot-id", g_strdup (ids[i]), g_free);
      gtk_widget_add_css_class (button, "quality");
      adw_wrap_box_append (self->qualities_box, button);
      g_ptr_array_add (self->quality_buttons, button);
    }

  ids = unknot_journal_get_red_flag_ids ();
  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *row = adw_switch_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), unknot_journal_get_red_flag_label (ids[i]));
      g_object_set_data_full (G_OBJECT (row), "unknot-id", g_strdup (ids[i]), g_free);
      adw_preferences_group_add (self->red_flags_group, row);
      g_ptr_array_add (self->red_flag_rows, row);
    }
}

/* The form shows the entry as given. */
static void
load_entry (UnknotEntryEditor *self)
{
  UnknotJournalEntry *entry = self->original;
  const char * const *regions = unknot_journal_entry_get_regions (entry);
  const char * const *qualities = unknot_journal_entry_get_qualities (entry);
  const char * const *flags = unknot_journal_entry_get_red_flags (entry);
  g_auto(GStrv) map_ids = unknot_body_map_dup_region_ids (self->body_map);
  g_autoptr(GStrvBuilder) hidden = g_strv_builder_new ();
  guint seconds = unknot_journal_entry_get_seconds (entry);
  const char *notes = unknot_journal_entry_get_notes (entry);
  GtkTextBuffer *buffer;

  self->loading = TRUE;

  self->when = unknot_journal_entry_get_when (entry)
               ? g_date_time_ref (unknot_journal_entry_get_when (entry))
               : g_date_time_new_now_local ();
  load_when (self);

  unknot_body_map_set_selected_regions (self->body_map, regions);
  for (guint i = 0; regions != NULL && regions[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) map_ids, regions[i]))
      g_strv_builder_add (hidden, regions[i]);
  self->hidden_regions = g_strv_builder_end (hidden);
  update_regions_label (self);

  unknot_pain_scale_set_value (self->pain_before, unknot_journal_entry_get_pain_before (entry));
  unknot_pain_scale_set_value (self->pain_after, unknot_journal_entry_get_pain_after (entry));

  adw_combo_row_set_selected (self->technique_row,
                              position_of (self->technique_ids, unknot_journal_entry_get_technique_id (entry)));
  adw_combo_row_set_selected (self->tool_row,
                              position_of (self->tool_ids, unknot_journal_entry_get_tool_id (entry)));
  adw_spin_row_set_value (self->minutes_row, seconds / 60);
  adw_spin_row_set_value (self->seconds_row, seconds % 60);
  adw_combo_row_set_selected (self->occasion_row,
                              position_of (self->occasion_ids, unknot_journal_entry_get_occasion (entry)));

  for (guint i = 0; i < self->quality_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->quality_buttons, i);
      const char *id = g_object_get_data (G_OBJECT (button), "unknot-id");

      gtk_toggle_button_set_active (button, qualities != NULL && g_strv_contains (qualities, id));
    }

  for (guint i = 0; i < self->red_flag_rows->len; i++)
    {
      AdwSwitchRow *row = g_ptr_array_index (self->red_flag_rows, i);
      const char *id = g_object_get_data (G_OBJECT (row), "unknot-id");

      adw_switch_row_set_active (row, flags != NULL && g_strv_contains (flags, id));
    }

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_set_text (buffer, notes ? notes : "", -1);
  gtk_text_buffer_set_modified (buffer, FALSE);

  self->loading = FALSE;
}

static void
unknot_entry_editor_constructed (GObject *object)
{
  UnknotEntryEditor *self = UNKNOT_ENTRY_EDITOR (object);
  GListModel *regions;

  G_OBJECT_CLASS (unknot_entry_editor_parent_class)->constructed (object);

  g_return_if_fail (UNKNOT_IS_JOURNAL (self->journal));
  g_return_if_fail (UNKNOT_IS_CATALOG (self->catalog));

  if (self->original == NULL)
    self->original = unknot_journal_entry_new ();

  /* Screen readers and tooltips name each region by its muscle. */
  regions = unknot_catalog_get_regions (self->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(UnknotRegion) region = g_list_model_get_item (regions, i);

      unknot_body_map_set_region_label (self->body_map, unknot_region_get_id (region),
                                        unknot_region_get_title (region));
    }

  build_choices (self);
  load_entry (self);

  adw_dialog_set_title (ADW_DIALOG (self), is_update (self) ? _("Edit Entry") : _("Log Pain"));

  g_signal_connect_object (self->journal, "notify::read-only",
                           G_CALLBACK (on_read_only_changed_cb), self, G_CONNECT_SWAPPED);
  update_read_only (self);
}

static void
unknot_entry_editor_dispose (GObject *object)
{
  UnknotEntryEditor *self = UNKNOT_ENTRY_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_ENTRY_EDITOR);
  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->journal);
  g_clear_object (&self->catalog);
  g_clear_object (&self->original);

  G_OBJECT_CLASS (unknot_entry_editor_parent_class)->dispose (object);
}

static void
unknot_entry_editor_finalize (GObject *object)
{
  UnknotEntryEditor *self = UNKNOT_ENTRY_EDITOR (object);

  g_clear_pointer (&self->when, g_date_time_unref);
  g_clear_pointer (&self->technique_ids, g_ptr_array_unref);
  g_clear_pointer (&self->tool_ids, g_ptr_array_unref);
  g_clear_pointer (&self->occasion_ids, g_ptr_array_unref);
  g_clear_pointer (&self->quality_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->red_flag_rows, g_ptr_array_unref);
  g_clear_pointer (&self->hidden_regions, g_strfreev);

  G_OBJECT_CLASS (unknot_entry_editor_parent_class)->finalize (object);
}

static void
unknot_entry_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UnknotEntryEditor *self = UNKNOT_ENTRY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_ENTRY:
      g_value_set_object (value, self->original);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_entry_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UnknotEntryEditor *self = UNKNOT_ENTRY_EDITOR (object);
  UnknotJournalEntry *entry;

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_ENTRY:
      /* The editor works on its own copy. */
      entry = g_value_get_object (value);
      self->original = entry ? unknot_journal_entry_copy (entry) : NULL;
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_entry_editor_class_init (UnknotEntryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = unknot_entry_editor_constructed;
  object_class->dispose = unknot_entry_editor_dispose;
  object_class->finalize = unknot_entry_editor_finalize;
  object_class->get_property = unknot_entry_editor_get_property;
  object_class->set_property = unknot_entry_editor_set_property;

  /**
   * UnknotEntryEditor:journal:
   *
   * The journal that Save writes to.
   */
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         UNKNOT_TYPE_JOURNAL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * UnknotEntryEditor:catalog:
   *
   * Where the regions', techniques' and tools' names come from.
   */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         UNKNOT_TYPE_CATALOG,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * UnknotEntryEditor:entry:
   *
   * The entry shown (the editor keeps a copy of it); a new one when none is given.
   */
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL,
                         UNKNOT_TYPE_JOURNAL_ENTRY,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UnknotEntryEditor::saved:
   * @entry: the entry as the journal stored it
   *
   * The journal acknowledged the write.
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, UNKNOT_TYPE_JOURNAL_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-entry-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, save_stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, banner);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, page);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, when_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, when_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, occasion_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, map_clamp);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, regions_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, pain_before_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, pain_after_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, technique_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, tool_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, minutes_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, seconds_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, qualities_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, red_flags_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotEntryEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_close_attempt_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.clear-after", NULL, clear_after_action);
  gtk_widget_class_install_action (widget_class, "editor.now", NULL, now_action);
}

static void
unknot_entry_editor_init (UnknotEntryEditor *self)
{
  GtkEventController *shortcuts;
  GtkShortcutTrigger *trigger;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "entry-editor");

  self->technique_ids = g_ptr_array_new_with_free_func (g_free);
  self->tool_ids = g_ptr_array_new_with_free_func (g_free);
  self->occasion_ids = g_ptr_array_new_with_free_func (g_free);
  self->quality_buttons = g_ptr_array_new ();
  self->red_flag_rows = g_ptr_array_new ();

  /* Our own widgets are made here, not in the template, which gtk4-builder-tool
   * validates without them. */
  self->body_map = g_object_new (UNKNOT_TYPE_BODY_MAP,
                                 "resource-path", RESOURCE_BASE_PATH "/bodymap/back.svg",
                                 "multiple", TRUE,
                                 NULL);
  gtk_widget_set_margin_top (GTK_WIDGET (self->body_map), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->body_map), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->body_map),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Where it hurts"),
                                  -1);
  adw_clamp_set_child (self->map_clamp, GTK_WIDGET (self->body_map));
  g_signal_connect_object (self->body_map, "notify::selected-regions",
                           G_CALLBACK (on_selected_regions_changed_cb), self, G_CONNECT_SWAPPED);

  self->pain_before = UNKNOT_PAIN_SCALE (unknot_pain_scale_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pain_before),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pain before"),
                                  -1);
  adw_preferences_group_add (self->pain_before_group, GTK_WIDGET (self->pain_before));

  self->pain_after = UNKNOT_PAIN_SCALE (unknot_pain_scale_new ());
  unknot_pain_scale_set_optional (self->pain_after, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pain_after),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pain after"),
                                  -1);
  adw_preferences_group_add (self->pain_after_group, GTK_WIDGET (self->pain_after));
  g_signal_connect_object (self->pain_after, "notify::value",
                           G_CALLBACK (on_pain_after_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->technique_row, "notify::selected",
                           G_CALLBACK (on_technique_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "day-selected",
                           G_CALLBACK (on_when_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->hour_spin, "value-changed",
                           G_CALLBACK (on_when_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->minute_spin, "value-changed",
                           G_CALLBACK (on_when_changed_cb), self, G_CONNECT_SWAPPED);

  /* Ctrl+Enter saves from anywhere, the notes too (before the text view takes Enter). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                         gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (trigger,
                                                          gtk_named_action_new ("editor.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

UnknotEntryEditor *
unknot_entry_editor_new (UnknotJournal      *journal,
                         UnknotCatalog      *catalog,
                         UnknotJournalEntry *entry)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (UNKNOT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (entry == NULL || UNKNOT_IS_JOURNAL_ENTRY (entry), NULL);

  return g_object_new (UNKNOT_TYPE_ENTRY_EDITOR,
                       "journal", journal,
                       "catalog", catalog,
                       "entry", entry,
                       NULL);
}

/**
 * unknot_entry_editor_present:
 * @parent: the widget to present over; its window's toast overlay gets the toast
 *
 * Presents the editor over @parent and remembers it: the warning signs' advice and the
 * toast after saving go there, once the editor is gone.
 */
void
unknot_entry_editor_present (UnknotEntryEditor *self,
                             GtkWidget         *parent)
{
  g_return_if_fail (UNKNOT_IS_ENTRY_EDITOR (self));
  g_return_if_fail (GTK_IS_WIDGET (parent));

  g_set_weak_pointer (&self->parent, parent);
  adw_dialog_present (ADW_DIALOG (self), parent);

  /* The keyboard starts inside the editor: at the pain before when the session already
   * says where, else at the first control. */
  if (unknot_pain_scale_get_value (self->pain_before) == UNKNOT_JOURNAL_PAIN_UNSET &&
      self->original != NULL && unknot_journal_entry_get_regions (self->original)[0] != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->pain_before));
  else if (adw_dialog_get_focus (ADW_DIALOG (self)) == NULL)
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}
