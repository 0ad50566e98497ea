/* test-entry-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pain journal's entry editor, driven with real clicks and keys over a window
 * with a toast overlay, writing to a real journal in the test's own data folder: a new
 * entry, a pre-filled one, the advice for warning signs, a write that fails (through
 * the journal tests' fault VFS, which fails as a full disk does, also for root) and
 * Undo after an edit; at 360 px, in light and dark, with pictures to look at.
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

#include "bodymap/unknot-body-map.h"
#include "catalog/unknot-catalog.h"
#include "journal/unknot-entry-editor.h"
#include "journal/unknot-pain-scale.h"
#include "journal/unknot-red-flags.h"
#include "unknot-test-utils.h"

/* The journal tests' SQLite VFS that fails on purpose, built into this test. */
#include "journal-fault-vfs.c"

typedef struct
{
  UnknotCatalog     *catalog;
  UnknotJournal     *journal;
  GtkWindow         *window;
  AdwToastOverlay   *overlay;
  GtkWidget         *content;
  UnknotEntryEditor *editor;
  /* What the editor reported, and in which order. */
  UnknotJournalEntry *saved;
  guint              n_in_journal_when_saved;
  gboolean           mapped_when_saved;
  gboolean           closed;
  gboolean           saved_before_closed;
} Fixture;

/* ---------------------------------------------------------------------------------- */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static gboolean
result_is_set (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static UnknotJournal *
open_journal (const char *vfs_name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "unknot", "journal.db", NULL);
  UnknotJournal *journal = unknot_journal_new_full (path, vfs_name);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  unknot_journal_open_async (journal, NULL, store_result_cb, &result);
  unknot_test_wait_until (result_is_set, &result);
  /* A journal that can only be read opens with a load error, and opens all the same. */
  if (!unknot_journal_open_finish (journal, result, &error))
    g_test_message ("the journal opened with: %s", error->message);

  return journal;
}

static gboolean
journal_is_idle (gpointer data)
{
  return !unknot_journal_is_busy (data);
}

static UnknotJournalEntry *
add_directly (UnknotJournal      *journal,
              UnknotJournalEntry *entry)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  UnknotJournalEntry *stored;

  unknot_journal_add_async (journal, entry, NULL, store_result_cb, &result);
  unknot_test_wait_until (result_is_set, &result);
  stored = unknot_journal_add_finish (journal, result, &error);
  g_assert_no_error (error);

  return stored;
}

static void
on_saved_cb (UnknotEntryEditor  *editor,
             UnknotJournalEntry *entry,
             Fixture            *fixture)
{
  g_autoptr(UnknotJournalEntry) stored = NULL;

  g_assert_null (fixture->saved);
  g_assert_false (fixture->closed);
  fixture->saved = g_object_ref (entry);
  stored = unknot_journal_lookup (fixture->journal, unknot_journal_entry_get_id (entry));
  fixture->n_in_journal_when_saved = stored != NULL;
  fixture->mapped_when_saved = gtk_widget_get_mapped (GTK_WIDGET (editor));
}

static void
on_closed_cb (AdwDialog *dialog,
              Fixture   *fixture)
{
  fixture->closed = TRUE;
  fixture->saved_before_closed = fixture->saved != NULL;
}

static gboolean
widget_is_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static void
fixture_set_up (Fixture    *fixture,
                const char *vfs_name)
{
  static GtkCssProvider *provider;

  /* The app's own style sheet, which AdwApplication loads for the app. */
  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (provider, RESOURCE_BASE_PATH "/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  fixture->catalog = unknot_catalog_new_default ();
  fixture->journal = open_journal (vfs_name);
  unknot_test_wait_until (journal_is_idle, fixture->journal);

  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fixture->window, 720, 1000);
  fixture->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  fixture->content = adw_status_page_new ();
  adw_status_page_set_title (ADW_STATUS_PAGE (fixture->content), "The journal");
  adw_toast_overlay_set_child (fixture->overlay, fixture->content);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->overlay));
  gtk_window_present (fixture->window);
  unknot_test_wait_until (widget_is_drawn, fixture->window);
}

static gboolean
map_is_rendered (gpointer data)
{
  graphene_point_t point;

  return gtk_widget_get_mapped (data) &&
         unknot_body_map_find_region_point (data, "spine", &point);
}

static UnknotBodyMap *
editor_map (Fixture *fixture)
{
  return UNKNOT_BODY_MAP (unknot_test_find_descendant (GTK_WIDGET (fixture->editor),
                                                       UNKNOT_TYPE_BODY_MAP));
}

static void
present_editor (Fixture            *fixture,
                UnknotJournalEntry *entry)
{
  fixture->editor = unknot_entry_editor_new (fixture->journal, fixture->catalog, entry);
  g_object_add_weak_pointer (G_OBJECT (fixture->editor), (gpointer *) &fixture->editor);
  g_signal_connect (fixture->editor, "saved", G_CALLBACK (on_saved_cb), fixture);
  g_signal_connect (fixture->editor, "closed", G_CALLBACK (on_closed_cb), fixture);
  unknot_entry_editor_present (fixture->editor, fixture->content);
  unknot_test_wait_until (widget_is_drawn, fixture->editor);
  unknot_test_wait_until (map_is_rendered, editor_map (fixture));
  unknot_test_wait_for_frame (fixture->window);
}

static gboolean
editor_is_gone (gpointer data)
{
  Fixture *fixture = data;

  return fixture->editor == NULL;
}

static void
fixture_tear_down (Fixture *fixture)
{
  GtkWindow *window = fixture->window;

  if (fixture->editor != NULL)
    adw_dialog_force_close (ADW_DIALOG (fixture->editor));
  unknot_test_wait_until (editor_is_gone, fixture);
  unknot_test_wait_until (journal_is_idle, fixture->journal);
  unknot_test_close_window (window);
  /* The last replies of the journal's worker (an Undo's) are delivered. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  unknot_test_wait_until (journal_is_idle, fixture->journal);
  g_clear_object (&fixture->saved);
  g_assert_finalize_object (fixture->journal);
  g_clear_object (&fixture->catalog);
}


/* ---------------------------------------------------------------------------------- */
/* Finding and using the editor's controls as a person would */

static UnknotPainScale *
pain_scale (Fixture *fixture,
            guint    index)
{
  g_autoptr(GPtrArray) scales = g_ptr_array_new ();

  unknot_test_collect (GTK_WIDGET (fixture->editor), UNKNOT_TYPE_PAIN_SCALE, scales);
  g_assert_cmpuint (scales->len, ==, 2);

  return g_ptr_array_index (scales, index);
}

#define pain_before(fixture) pain_scale ((fixture), 0)
#define pain_after(fixture) pain_scale ((fixture), 1)

static void
click_widget (GtkWidget *widget)
{
  unknot_test_scroll_into_view (widget);
  unknot_test_click (widget, gtk_widget_get_width (widget) / 2.0,
                gtk_widget_get_height (widget) / 2.0);
}

static void
click_region (Fixture    *fixture,
              const char *region_id)
{
  UnknotBodyMap *map = editor_map (fixture);
  graphene_point_t point;

  unknot_test_scroll_into_view (unknot_body_map_get_region_widget (map, region_id));
  g_assert_true (unknot_body_map_find_region_point (map, region_id, &point));
  unknot_test_click (GTK_WIDGET (map), point.x, point.y);
}

/* Gives the scale the keyboard focus (as Tab does) and types @keyval. */
static void
type_on_scale (UnknotPainScale *scale,
               guint            keyval)
{
  GtkWidget *focus;

  unknot_test_scroll_into_view (GTK_WIDGET (scale));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (scale)));
  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (scale)));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (scale)));
  unknot_test_press_key_full (focus, keyval, 0);
}

static GtkWidget *
find_button_with_label (GtkWidget  *widget,
                        const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 &&
      gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_label (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
red_flag_row (Fixture    *fixture,
              const char *red_flag_id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  const char *label = unknot_journal_get_red_flag_label (red_flag_id);

  unknot_test_collect (GTK_WIDGET (fixture->editor), ADW_TYPE_SWITCH_ROW, rows);
  g_assert_cmpuint (rows->len, ==, g_strv_length ((GStrv) unknot_journal_get_red_flag_ids ()));
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), label) == 0)
      return g_ptr_array_index (rows, i);

  g_error ("no row for the warning sign %s", red_flag_id);
}

static GtkWidget *
save_button (Fixture *fixture)
{
  return unknot_test_find_by_id (GTK_WIDGET (fixture->editor), "save_button");
}

static gboolean
editor_closed_or_error (gpointer data)
{
  Fixture *fixture = data;

  return fixture->closed ||
         (fixture->editor != NULL &&
          adw_banner_get_revealed (ADW_BANNER (unknot_test_find_by_id (GTK_WIDGET (fixture->editor), "banner"))));
}

static void
assert_closed_after_write (Fixture *fixture)
{
  unknot_test_wait_until (editor_closed_or_error, fixture);
  if (!fixture->closed)
    g_error ("the editor stayed open: %s",
             adw_banner_get_title (ADW_BANNER (unknot_test_find_by_id (GTK_WIDGET (fixture->editor), "banner"))));
  /* The journal had the entry when the editor said so, with the dialog still open,
   * and the dialog closed only then. */
  g_assert_nonnull (fixture->saved);
  g_assert_cmpuint (fixture->n_in_journal_when_saved, ==, 1);
  g_assert_true (fixture->mapped_when_saved);
  g_assert_true (fixture->saved_before_closed);
}

/* Clicks Save and checks that the editor waits for the journal, busy. */
static void
click_save (Fixture *fixture)
{
  GtkWidget *button = save_button (fixture);

  g_assert_true (gtk_widget_is_sensitive (button));
  click_widget (button);
  if (fixture->saved == NULL && !fixture->closed)
    {
      /* The write is on its way: Save says so and cannot be pressed twice. */
      g_assert_false (gtk_widget_is_sensitive (button));
      gtk_test_accessible_assert_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_BUSY, TRUE);
    }
}

typedef struct
{
  GListModel *model;
  guint       n;
} CountCheck;

static gboolean
has_n_items (gpointer data)
{
  CountCheck *check = data;

  return g_list_model_get_n_items (check->model) == check->n;
}

static void
wait_for_n_entries (Fixture *fixture,
                    guint    n)
{
  CountCheck check = { G_LIST_MODEL (fixture->journal), n };

  unknot_test_wait_for (has_n_items, &check, "the journal to hold %u entries", n);
}

typedef struct
{
  GtkWidget  *root;
  const char *label;
} ButtonCheck;

static gboolean
button_shown (gpointer data)
{
  ButtonCheck *check = data;

  return find_button_with_label (check->root, check->label) != NULL;
}

static void
click_button_labelled (GtkWidget  *root,
                       const char *label)
{
  ButtonCheck check = { root, label };

  unknot_test_wait_until (button_shown, &check);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_widget_get_root (root)));
  click_widget (find_button_with_label (root, label));
}

static void
click_toast_undo (Fixture *fixture)
{
  click_button_labelled (GTK_WIDGET (fixture->overlay), "_Undo");
}

/* ---------------------------------------------------------------------------------- */

/* A new entry: 6 before with a click, 3 after with a key, a region on the small map,
 * Save; the journal has exactly that entry, written before the dialog closed; the
 * toast's Undo, after the dialog is gone, takes it out again. */
static void
test_new_entry (void)
{
  Fixture fixture = { 0 };
  const char * const *regions;
  g_autoptr(UnknotJournalEntry) stored = NULL;
  GtkLabel *label;

  fixture_set_up (&fixture, NULL);
  present_editor (&fixture, NULL);
  g_assert_cmpstr (adw_dialog_get_title (ADW_DIALOG (fixture.editor)), ==, "Log Pain");

  /* Nothing chosen yet, and it says so. */
  label = GTK_LABEL (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "regions_label"));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Tap where it hurts");
  g_assert_cmpint (unknot_pain_scale_get_value (pain_before (&fixture)), ==, -1);
  g_assert_cmpint (unknot_pain_scale_get_value (pain_after (&fixture)), ==, -1);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (pain_before (&fixture)),
                                   GTK_ACCESSIBLE_ROLE_RADIO_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (pain_before (&fixture)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Pain before");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (pain_after (&fixture)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Pain after");
  g_assert_true (unknot_test_has_text (GTK_WIDGET (pain_before (&fixture)), "No pain"));
  g_assert_true (unknot_test_has_text (GTK_WIDGET (pain_before (&fixture)), "Worst pain imaginable"));

  click_widget (unknot_pain_scale_get_button (pain_before (&fixture), 6));
  g_assert_cmpint (unknot_pain_scale_get_value (pain_before (&fixture)), ==, 6);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (unknot_pain_scale_get_button (pain_before (&fixture), 6))));

  type_on_scale (pain_after (&fixture), GDK_KEY_3);
  g_assert_cmpint (unknot_pain_scale_get_value (pain_after (&fixture)), ==, 3);
  /* The focus follows the value, as in a radio group. */
  g_assert_true (gtk_widget_has_focus (unknot_pain_scale_get_button (pain_after (&fixture), 3)));

  click_region (&fixture, "gluteals-left");
  regions = unknot_body_map_get_selected_regions (editor_map (&fixture));
  g_assert_nonnull (regions);
  g_assert_cmpstr (regions[0], ==, "gluteals-left");
  g_assert_null (regions[1]);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Gluteals, left side");

  /* The time, from the picker's own spin buttons. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "hour_spin")), 7);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "minute_spin")), 45);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "when_row"))),
                            "07:45"));

  click_save (&fixture);
  assert_closed_after_write (&fixture);

  wait_for_n_entries (&fixture, 1);
  stored = g_list_model_get_item (G_LIST_MODEL (fixture.journal), 0);
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (unknot_journal_entry_get_when (stored));

    g_assert_cmpint (g_date_time_get_hour (local), ==, 7);
    g_assert_cmpint (g_date_time_get_minute (local), ==, 45);
  }
  g_assert_cmpstr (unknot_journal_entry_get_id (stored), ==, unknot_journal_entry_get_id (fixture.saved));
  g_assert_cmpint (unknot_journal_entry_get_pain_before (stored), ==, 6);
  g_assert_cmpint (unknot_journal_entry_get_pain_after (stored), ==, 3);
  regions = unknot_journal_entry_get_regions (stored);
  g_assert_cmpuint (g_strv_length ((GStrv) regions), ==, 1);
  g_assert_cmpstr (regions[0], ==, "gluteals-left");
  g_assert_false (unknot_journal_entry_has_red_flags (stored));

  /* The toast says so, and its Undo works with the editor gone. */
  unknot_test_wait_until (editor_is_gone, &fixture);
  g_assert_true (unknot_test_has_text (GTK_WIDGET (fixture.overlay), "Entry saved"));
  click_toast_undo (&fixture);
  wait_for_n_entries (&fixture, 0);

  fixture_tear_down (&fixture);
}

/* An entry from a finished hold: its regions, technique, tool and time show chosen. */
static void
test_pre_filled (void)
{
  Fixture fixture = { 0 };
  g_autoptr(UnknotJournalEntry) entry = unknot_journal_entry_new ();
  const char *regions[] = { "upper-trapezius-left", "spine", NULL };
  GListModel *techniques;
  g_autoptr(UnknotTechnique) technique = NULL;
  UnknotTool *tool;
  AdwComboRow *technique_row, *tool_row;
  GtkStringObject *item;
  GtkLabel *label;

  fixture_set_up (&fixture, NULL);

  /* The first technique done with a tool. */
  techniques = unknot_catalog_get_techniques (fixture.catalog);
  for (guint i = 0; i < g_list_model_get_n_items (techniques) && technique == NULL; i++)
    {
      g_autoptr(UnknotTechnique) candidate = g_list_model_get_item (techniques, i);

      if (unknot_technique_get_tool_id (candidate) != NULL)
        technique = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (technique);
  tool = unknot_catalog_lookup_tool (fixture.catalog, unknot_technique_get_tool_id (technique));
  g_assert_nonnull (tool);

  unknot_journal_entry_set_regions (entry, regions);
  unknot_journal_entry_set_technique_id (entry, unknot_technique_get_id (technique));
  unknot_journal_entry_set_tool_id (entry, unknot_tool_get_id (tool));
  unknot_journal_entry_set_seconds (entry, 95);
  unknot_journal_entry_set_pain_before (entry, 4);
  present_editor (&fixture, entry);

  /* The map shows both chosen, each region says so, and both are named below it. */
  g_assert_true (g_strv_equal (unknot_body_map_get_selected_regions (editor_map (&fixture)),
                               (const char * const *) regions));
  for (guint i = 0; regions[i] != NULL; i++)
    gtk_test_accessible_assert_state (GTK_ACCESSIBLE (unknot_body_map_get_region_widget (editor_map (&fixture), regions[i])),
                                      GTK_ACCESSIBLE_STATE_CHECKED, GTK_ACCESSIBLE_TRISTATE_TRUE);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (unknot_body_map_get_region_widget (editor_map (&fixture), "gluteals-left")),
                                    GTK_ACCESSIBLE_STATE_CHECKED, GTK_ACCESSIBLE_TRISTATE_FALSE);
  label = GTK_LABEL (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "regions_label"));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Upper trapezius, left side\nSpine");

  technique_row = ADW_COMBO_ROW (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "technique_row"));
  item = adw_combo_row_get_selected_item (technique_row);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, unknot_technique_get_title (technique));
  tool_row = ADW_COMBO_ROW (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "tool_row"));
  item = adw_combo_row_get_selected_item (tool_row);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, unknot_tool_get_name (tool));
  /* Choosing "None" and the technique again brings its tool back. */
  adw_combo_row_set_selected (tool_row, 0);
  {
    guint position = adw_combo_row_get_selected (technique_row);

    adw_combo_row_set_selected (technique_row, 0);
    adw_combo_row_set_selected (technique_row, position);
  }
  item = adw_combo_row_get_selected_item (tool_row);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, unknot_tool_get_name (tool));
  g_assert_cmpfloat (adw_spin_row_get_value (ADW_SPIN_ROW (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "minutes_row"))), ==, 1);
  g_assert_cmpfloat (adw_spin_row_get_value (ADW_SPIN_ROW (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "seconds_row"))), ==, 35);

  /* Pain before shows its value, for the eye and for screen readers. */
  g_assert_cmpint (unknot_pain_scale_get_value (pain_before (&fixture)), ==, 4);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (unknot_pain_scale_get_button (pain_before (&fixture), 4))));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (pain_before (&fixture)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "4 of 10. Type 0 to 9, or End for 10; the arrow keys move by one.");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (pain_after (&fixture)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "No value. Type 0 to 9, or End for 10; the arrow keys move by one.");

  /* A region clicked on the map joins the others; clicked again, it leaves. */
  click_region (&fixture, "gluteals-left");
  g_assert_cmpuint (g_strv_length ((GStrv) unknot_body_map_get_selected_regions (editor_map (&fixture))), ==, 3);
  click_region (&fixture, "gluteals-left");
  g_assert_true (g_strv_equal (unknot_body_map_get_selected_regions (editor_map (&fixture)),
                               (const char * const *) regions));

  /* Keys on the scales: End is 10, the arrows move by one, Delete clears pain after. */
  type_on_scale (pain_after (&fixture), GDK_KEY_End);
  g_assert_cmpint (unknot_pain_scale_get_value (pain_after (&fixture)), ==, 10);
  unknot_test_press_key_full (unknot_pain_scale_get_button (pain_after (&fixture), 10), GDK_KEY_Left, 0);
  g_assert_cmpint (unknot_pain_scale_get_value (pain_after (&fixture)), ==, 9);
  unknot_test_press_key_full (unknot_pain_scale_get_button (pain_after (&fixture), 9), GDK_KEY_Delete, 0);
  g_assert_cmpint (unknot_pain_scale_get_value (pain_after (&fixture)), ==, -1);

  /* Escape with nothing changed closes at once, and nothing was written. */
  unknot_test_press_key_full (unknot_pain_scale_get_button (pain_after (&fixture), 9), GDK_KEY_Escape, 0);
  unknot_test_wait_until (editor_is_gone, &fixture);
  g_assert_null (fixture.saved);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.journal)), ==, 0);

  fixture_tear_down (&fixture);
}

static gboolean
alert_shown (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *alert = unknot_test_find_descendant (GTK_WIDGET (fixture->window), ADW_TYPE_ALERT_DIALOG);

  return alert != NULL && gtk_widget_get_mapped (alert);
}

/* A warning sign saved: its tier's advice appears at once, with the disclaimer. */
static void
test_red_flag_advice (void)
{
  Fixture fixture = { 0 };
  AdwAlertDialog *alert;
  g_autoptr(UnknotJournalEntry) stored = NULL;
  const char *flags[] = { "saddle-numbness", NULL };

  fixture_set_up (&fixture, NULL);
  present_editor (&fixture, NULL);
  g_assert_cmpint (unknot_red_flags_get_tier (flags), ==, UNKNOT_RED_FLAG_TIER_NOW);

  click_widget (unknot_pain_scale_get_button (pain_before (&fixture), 5));
  click_region (&fixture, "erector-spinae-lumbar-right");
  click_widget (red_flag_row (&fixture, "saddle-numbness"));
  g_assert_true (adw_switch_row_get_active (ADW_SWITCH_ROW (red_flag_row (&fixture, "saddle-numbness"))));
  click_save (&fixture);
  assert_closed_after_write (&fixture);

  unknot_test_wait_until (alert_shown, &fixture);
  alert = ADW_ALERT_DIALOG (unknot_test_find_descendant (GTK_WIDGET (fixture.window), ADW_TYPE_ALERT_DIALOG));
  g_assert_cmpstr (adw_alert_dialog_get_heading (alert), ==,
                   unknot_red_flag_tier_get_title (UNKNOT_RED_FLAG_TIER_NOW));
  g_assert_cmpstr (adw_alert_dialog_get_heading (alert), ==, "Get Help Now");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (alert),
                            unknot_red_flag_tier_get_advice (UNKNOT_RED_FLAG_TIER_NOW)));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (alert), unknot_red_flags_get_disclaimer ()));
  /* Shown, not only there: its button can be clicked, and it closes the advice. */
  {
    ButtonCheck check = { GTK_WIDGET (alert), "_I Understand" };

    unknot_test_wait_until (button_shown, &check);
    unknot_test_scroll_into_view (find_button_with_label (GTK_WIDGET (alert), "_I Understand"));
  }
  unknot_test_save_png (fixture.window, "entry-editor-red-flag-advice.png");

  wait_for_n_entries (&fixture, 1);
  stored = g_list_model_get_item (G_LIST_MODEL (fixture.journal), 0);
  g_assert_true (g_strv_equal (unknot_journal_entry_get_red_flags (stored), flags));

  click_button_labelled (GTK_WIDGET (alert), "_I Understand");
  g_assert_null (unknot_test_find_descendant (GTK_WIDGET (fixture.window), ADW_TYPE_ALERT_DIALOG));
  fixture_tear_down (&fixture);
}

static gboolean
banner_revealed (gpointer data)
{
  return adw_banner_get_revealed (data);
}

/* The write fails (a full disk, through the fault VFS): the editor stays open with
 * everything typed and says why; once there is room, Save saves it all. */
static void
test_save_error (void)
{
  Fixture fixture = { 0 };
  AdwBanner *banner;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *notes = NULL;
  g_autoptr(GPtrArray) qualities = g_ptr_array_new ();
  GtkToggleButton *quality;
  g_autoptr(UnknotJournalEntry) stored = NULL;

  journal_fault_vfs_register ();
  fixture_set_up (&fixture, JOURNAL_FAULT_VFS);
  present_editor (&fixture, NULL);
  g_assert_false (unknot_journal_is_read_only (fixture.journal));

  click_widget (unknot_pain_scale_get_button (pain_before (&fixture), 7));
  click_region (&fixture, "hamstrings-right");
  unknot_test_collect (GTK_WIDGET (fixture.editor), GTK_TYPE_TOGGLE_BUTTON, qualities);
  quality = NULL;
  for (guint i = 0; i < qualities->len && quality == NULL; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (qualities, i), "quality"))
      quality = g_ptr_array_index (qualities, i);
  g_assert_nonnull (quality);
  click_widget (GTK_WIDGET (quality));
  g_assert_true (gtk_toggle_button_get_active (quality));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "notes_view")));
  gtk_text_buffer_set_text (buffer, "typed with care", -1);

  /* The disk is full from the next write on. */
  unknot_test_wait_until (journal_is_idle, fixture.journal);
  journal_fault_vfs_arm (JOURNAL_FAULT_DISK_FULL, 1);
  click_save (&fixture);
  banner = ADW_BANNER (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "banner"));
  unknot_test_wait_until (banner_revealed, banner);
  g_test_message ("the editor says: %s", adw_banner_get_title (banner));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "disk is full"));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "What you typed is still here"));
  unknot_test_save_png (fixture.window, "entry-editor-error.png");

  /* Still open, Save can be pressed again, and everything typed is there. */
  g_assert_nonnull (fixture.editor);
  g_assert_false (fixture.closed);
  g_assert_null (fixture.saved);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture.editor)));
  g_assert_true (gtk_widget_is_sensitive (save_button (&fixture)));
  g_assert_cmpint (unknot_pain_scale_get_value (pain_before (&fixture)), ==, 7);
  g_assert_cmpstr (unknot_body_map_get_selected_regions (editor_map (&fixture))[0], ==, "hamstrings-right");
  g_assert_true (gtk_toggle_button_get_active (quality));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (notes, ==, "typed with care");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.journal)), ==, 0);

  /* With room again, the same Save keeps it all. */
  journal_fault_vfs_disarm ();
  click_save (&fixture);
  assert_closed_after_write (&fixture);
  wait_for_n_entries (&fixture, 1);
  stored = g_list_model_get_item (G_LIST_MODEL (fixture.journal), 0);
  g_assert_cmpint (unknot_journal_entry_get_pain_before (stored), ==, 7);
  g_assert_cmpstr (unknot_journal_entry_get_notes (stored), ==, "typed with care");
  g_assert_cmpuint (g_strv_length ((GStrv) unknot_journal_entry_get_qualities (stored)), ==, 1);

  fixture_tear_down (&fixture);
}

/* A journal that can only be read: Save is off, and the editor says why. */
static void
test_read_only_journal (void)
{
  Fixture fixture = { 0 };
  AdwBanner *banner;

  journal_fault_vfs_register ();
  journal_fault_vfs_arm (JOURNAL_FAULT_READ_ONLY, 0);
  fixture_set_up (&fixture, JOURNAL_FAULT_VFS);
  g_assert_true (unknot_journal_is_read_only (fixture.journal));
  present_editor (&fixture, NULL);

  banner = ADW_BANNER (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "banner"));
  g_assert_true (adw_banner_get_revealed (banner));
  g_test_message ("the editor says: %s", adw_banner_get_title (banner));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "can only be read"));
  g_assert_false (gtk_widget_is_sensitive (save_button (&fixture)));

  /* Ctrl+Enter does not save either. */
  click_widget (unknot_pain_scale_get_button (pain_before (&fixture), 2));
  click_region (&fixture, "spine");
  unknot_test_press_key_full (unknot_pain_scale_get_button (pain_before (&fixture), 2), GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_false (gtk_widget_is_sensitive (save_button (&fixture)));
  unknot_test_wait_until (journal_is_idle, fixture.journal);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (fixture.saved);
  g_assert_nonnull (fixture.editor);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "save_stack"))),
                   ==, "label");

  fixture_tear_down (&fixture);
  journal_fault_vfs_disarm ();
}

static gboolean
pain_before_is_six (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(UnknotJournalEntry) entry = NULL;

  entry = unknot_journal_lookup (fixture->journal, unknot_journal_entry_get_id (fixture->saved));

  return entry != NULL && unknot_journal_entry_get_pain_before (entry) == 6;
}

/* Editing an entry, then the toast's Undo: the journal holds the old values again. */
static void
test_edit_and_undo (void)
{
  Fixture fixture = { 0 };
  g_autoptr(UnknotJournalEntry) entry = unknot_journal_entry_new ();
  g_autoptr(UnknotJournalEntry) first = NULL;
  g_autoptr(UnknotJournalEntry) edited = NULL;
  const char *regions[] = { "quadratus-lumborum-right", NULL };

  fixture_set_up (&fixture, NULL);
  unknot_journal_entry_set_regions (entry, regions);
  unknot_journal_entry_set_pain_before (entry, 6);
  unknot_journal_entry_set_pain_after (entry, 3);
  unknot_journal_entry_set_notes (entry, "the first time");
  first = add_directly (fixture.journal, entry);
  wait_for_n_entries (&fixture, 1);

  present_editor (&fixture, first);
  g_assert_cmpstr (adw_dialog_get_title (ADW_DIALOG (fixture.editor)), ==, "Edit Entry");
  g_assert_cmpint (unknot_pain_scale_get_value (pain_before (&fixture)), ==, 6);

  click_widget (unknot_pain_scale_get_button (pain_before (&fixture), 2));
  click_widget (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "clear_after_button"));
  g_assert_cmpint (unknot_pain_scale_get_value (pain_after (&fixture)), ==, -1);
  /* Ctrl+Enter saves. */
  unknot_test_scroll_into_view (unknot_pain_scale_get_button (pain_before (&fixture), 2));
  gtk_widget_grab_focus (unknot_pain_scale_get_button (pain_before (&fixture), 2));
  unknot_test_press_key_full (unknot_pain_scale_get_button (pain_before (&fixture), 2), GDK_KEY_Return, GDK_CONTROL_MASK);
  assert_closed_after_write (&fixture);

  edited = unknot_journal_lookup (fixture.journal, unknot_journal_entry_get_id (first));
  g_assert_cmpint (unknot_journal_entry_get_pain_before (edited), ==, 2);
  g_assert_cmpint (unknot_journal_entry_get_pain_after (edited), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.journal)), ==, 1);

  unknot_test_wait_until (editor_is_gone, &fixture);
  g_assert_true (unknot_test_has_text (GTK_WIDGET (fixture.overlay), "Entry changed"));
  click_toast_undo (&fixture);
  unknot_test_wait_until (pain_before_is_six, &fixture);
  g_clear_object (&edited);
  edited = unknot_journal_lookup (fixture.journal, unknot_journal_entry_get_id (first));
  g_assert_true (unknot_journal_entry_equal (edited, first));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.journal)), ==, 1);

  fixture_tear_down (&fixture);
}

static gboolean
alert_with_heading_shown (gpointer data)
{
  GtkWidget *root = data;
  GtkWidget *alert = unknot_test_find_descendant (root, ADW_TYPE_ALERT_DIALOG);

  return alert != NULL && gtk_widget_get_mapped (alert) &&
         g_strcmp0 (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (alert)), "Discard Changes?") == 0;
}

/* Cancelling after a change asks first; keeping on editing loses nothing. */
static void
test_discard_asks (void)
{
  Fixture fixture = { 0 };
  GtkWidget *alert;

  fixture_set_up (&fixture, NULL);
  present_editor (&fixture, NULL);

  click_widget (unknot_pain_scale_get_button (pain_before (&fixture), 8));
  click_widget (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "cancel_button"));
  unknot_test_wait_until (alert_with_heading_shown, fixture.window);
  alert = unknot_test_find_descendant (GTK_WIDGET (fixture.window), ADW_TYPE_ALERT_DIALOG);
  click_button_labelled (alert, "_Keep Editing");
  g_assert_nonnull (fixture.editor);
  g_assert_false (fixture.closed);
  g_assert_cmpint (unknot_pain_scale_get_value (pain_before (&fixture)), ==, 8);

  /* Escape asks too, and Discard closes without writing. */
  unknot_test_press_key_full (unknot_pain_scale_get_button (pain_before (&fixture), 8), GDK_KEY_Escape, 0);
  unknot_test_wait_until (alert_with_heading_shown, fixture.window);
  alert = unknot_test_find_descendant (GTK_WIDGET (fixture.window), ADW_TYPE_ALERT_DIALOG);
  click_button_labelled (alert, "_Discard");
  unknot_test_wait_until (editor_is_gone, &fixture);
  g_assert_null (fixture.saved);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.journal)), ==, 0);

  fixture_tear_down (&fixture);
}

/* At 360 px the editor fits, in light and dark; the pictures are for people to see. */
static void
test_narrow (void)
{
  Fixture fixture = { 0 };
  g_autoptr(UnknotJournalEntry) entry = unknot_journal_entry_new ();
  const char *regions[] = { "erector-spinae-lumbar-left", "gluteals-right", NULL };
  const char *qualities[] = { "aching", "stiff", NULL };
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  g_autoptr(GdkTexture) wide = NULL;

  fixture_set_up (&fixture, NULL);
  unknot_test_resize (fixture.window, 360, 740);

  unknot_journal_entry_set_regions (entry, regions);
  unknot_journal_entry_set_pain_before (entry, 6);
  unknot_journal_entry_set_pain_after (entry, 3);
  unknot_journal_entry_set_qualities (entry, qualities);
  unknot_journal_entry_set_seconds (entry, 90);
  present_editor (&fixture, entry);

  unknot_test_assert_fits (fixture.window, "the entry editor at 360 px");
  light = unknot_test_screenshot (fixture.window, "entry-editor-360-light.png");
  unknot_test_assert_light (light, "the entry editor at 360 px");

  /* Further down: the pain scales and what was done. */
  unknot_test_scroll_into_view (GTK_WIDGET (pain_after (&fixture)));
  unknot_test_save_png (fixture.window, "entry-editor-360-light-pain.png");
  unknot_test_scroll_into_view (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "notes_view"));
  unknot_test_save_png (fixture.window, "entry-editor-360-light-end.png");

  unknot_test_set_dark (fixture.window, TRUE);
  unknot_test_scroll_into_view (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "when_button"));
  unknot_test_assert_fits (fixture.window, "the entry editor at 360 px, dark");
  dark = unknot_test_screenshot (fixture.window, "entry-editor-360-dark.png");
  unknot_test_assert_dark (dark, "the entry editor at 360 px, dark");
  unknot_test_scroll_into_view (GTK_WIDGET (pain_before (&fixture)));
  unknot_test_save_png (fixture.window, "entry-editor-360-dark-pain.png");
  unknot_test_set_dark (fixture.window, FALSE);

  /* And as a dialog over a wide window. */
  unknot_test_resize (fixture.window, 900, 1000);
  wide = unknot_test_screenshot (fixture.window, "entry-editor-wide.png");

  fixture_tear_down (&fixture);
}

/* GTK 4.18 can draw a scrollbar's trough before it has a size while a long text is
 * laid out, and warns. In the 1 MB note's case alone that one warning is counted and
 * let through; any other warning still ends the test, as fatal-warnings would. */
static guint n_trough_warnings;

static GLogWriterOutput
count_trough_warnings (GLogLevelFlags   log_level,
                       const GLogField *fields,
                       gsize            n_fields,
                       gpointer         user_data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Gtk") == 0 && message != NULL &&
      g_str_has_prefix (message, "Trying to snapshot GtkGizmo ") &&
      g_str_has_suffix (message, " without a current allocation"))
    {
      n_trough_warnings++;
      return G_LOG_WRITER_HANDLED;
    }

  /* Which is fatal as fatal-warnings says. */
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* A note of 1 MB (in lines, as notes are written) opens, can be changed, and is saved
 * whole; the editor reads it once, on Save. The times are printed for people, never
 * asserted. (One paragraph of 1 MB is slow to type into in any GtkTextView: Pango
 * lays out the whole paragraph again for each key.) */
static void
test_long_note (void)
{
  Fixture fixture = { 0 };
  g_autoptr(UnknotJournalEntry) entry = unknot_journal_entry_new ();
  g_autoptr(UnknotJournalEntry) first = NULL;
  g_autoptr(UnknotJournalEntry) stored = NULL;
  g_autoptr(GString) note = g_string_sized_new (1024 * 1024 + 64);
  const char *regions[] = { "rhomboids-right", NULL };
  GtkTextBuffer *buffer;
  GtkTextIter start_iter;
  gint64 start;

  while (note->len < 1024 * 1024)
    g_string_append (note, "Tight after the long drive, better after the ball. Ça va — 痛い.\n");
  g_assert_true (g_utf8_validate (note->str, note->len, NULL));

  g_log_set_writer_func (count_trough_warnings, NULL, NULL);
  fixture_set_up (&fixture, NULL);
  unknot_journal_entry_set_regions (entry, regions);
  unknot_journal_entry_set_pain_before (entry, 5);
  unknot_journal_entry_set_notes (entry, note->str);
  first = add_directly (fixture.journal, entry);

  start = g_get_monotonic_time ();
  present_editor (&fixture, first);
  g_test_message ("a 1 MB note: the editor was shown in %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  /* Typing at its start, while GTK still lays the rest out. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "notes_view")));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, g_utf8_strlen (note->str, -1));
  gtk_text_buffer_get_start_iter (buffer, &start_iter);
  gtk_text_buffer_place_cursor (buffer, &start_iter);
  unknot_test_scroll_into_view (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "notes_view"));
  gtk_widget_grab_focus (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "notes_view"));
  start = g_get_monotonic_time ();
  unknot_test_press_key_full (unknot_test_find_by_id (GTK_WIDGET (fixture.editor), "notes_view"), GDK_KEY_x, 0);
  g_test_message ("a 1 MB note: one key took %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_string_prepend_c (note, 'x');

  start = g_get_monotonic_time ();
  click_save (&fixture);
  assert_closed_after_write (&fixture);
  g_test_message ("a 1 MB note: saved in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  stored = unknot_journal_lookup (fixture.journal, unknot_journal_entry_get_id (first));
  g_assert_cmpuint (strlen (unknot_journal_entry_get_notes (stored)), ==, note->len);
  g_assert_cmpstr (unknot_journal_entry_get_notes (stored), ==, note->str);

  fixture_tear_down (&fixture);
  g_test_message ("GTK warned %u times of a scrollbar drawn before it had a size",
                  n_trough_warnings);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/entry-editor/new-entry", test_new_entry);
  g_test_add_func ("/entry-editor/pre-filled", test_pre_filled);
  g_test_add_func ("/entry-editor/red-flag-advice", test_red_flag_advice);
  g_test_add_func ("/entry-editor/save-error", test_save_error);
  g_test_add_func ("/entry-editor/read-only-journal", test_read_only_journal);
  g_test_add_func ("/entry-editor/edit-and-undo", test_edit_and_undo);
  g_test_add_func ("/entry-editor/discard-asks", test_discard_asks);
  g_test_add_func ("/entry-editor/long-note", test_long_note);
  g_test_add_func ("/entry-editor/narrow", test_narrow);

  return g_test_run ();
}


