/* unknot-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "unknot-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bodymap/unknot-body-map-drawing.h"
#include "catalog/unknot-catalog.h"
#include "unknot-application.h"
#include "unknot-first-run-dialog.h"
#include "unknot-preferences-dialog.h"
#include "unknot-screenshot.h"
#include "unknot-shortcuts-dialog.h"
#include "unknot-window.h"

struct _UnknotApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  UnknotCatalog  *catalog;
  UnknotHold     *hold;
  UnknotRoutineStore *routine_store;
  UnknotChime    *chime;
  UnknotJournal  *journal;
  char           *screenshot_path;
  gboolean        exit_after_first_frame;
  gboolean        journal_open_deferred; /* until the window's first frame is drawn */
};

G_DEFINE_FINAL_TYPE (UnknotApplication, unknot_application, ADW_TYPE_APPLICATION)

enum {
  SIGNAL_HOLD_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  /* Used by build-aux/dev on machines without a display: draw the window once, save it
   * as a PNG and quit. */
  { "screenshot", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, NULL, NULL, N_("FILE") },
  /* Used by tests/bench/bench-startup: print "activate <monotonic µs>" when the window
   * is about to be built, "presented <µs>" once it is built and presented, and
   * "first-frame <µs>" once its first frame is drawn; then quit. */
  { "exit-after-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL, NULL, NULL },
  { NULL }
};

static void
on_screenshot_saved_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(UnknotApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!unknot_widget_save_png_finish (GTK_WIDGET (object), result, &error))
    {
      g_printerr ("%s\n", error->message);
      g_application_release (G_APPLICATION (self));
      exit (EXIT_FAILURE);
    }

  g_print ("%s\n", self->screenshot_path);
  g_application_release (G_APPLICATION (self));
  g_action_group_activate_action (G_ACTION_GROUP (self), "quit", NULL);
}

static GtkWindow *
unknot_application_get_main_window (UnknotApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (const GList *l = windows; l != NULL; l = l->next)
    {
      if (UNKNOT_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static void
open_journal (UnknotApplication *self)
{
  self->journal_open_deferred = FALSE;
  if (self->journal != NULL && !unknot_journal_is_open (self->journal) &&
      !unknot_journal_is_busy (self->journal))
    unknot_journal_open_async (self->journal, NULL, NULL, NULL);
}

/* The journal is opened (checked, backed up) once the window is on screen, so that its
 * worker never competes with the first frame, however long the journal. */
static void
on_window_drawn_cb (GdkFrameClock     *clock,
                    UnknotApplication *self)
{
  GtkWindow *window = unknot_application_get_main_window (self);

  if (window != NULL && !gdk_surface_get_mapped (gtk_native_get_surface (GTK_NATIVE (window))))
    return;

  g_signal_handlers_disconnect_by_func (clock, on_window_drawn_cb, self);
  open_journal (self);
}

/* A line "NAME <monotonic µs>" for tests/bench/bench-startup. */
static void
print_mark (const char *name)
{
  g_print ("%s %" G_GINT64_FORMAT "\n", name, g_get_monotonic_time ());
  fflush (stdout);
}

static void
on_first_frame_painted_cb (GdkFrameClock     *clock,
                           UnknotApplication *self)
{
  GtkWindow *window = unknot_application_get_main_window (self);

  /* The first frame that drew the window: mapped, and laid out. */
  if (window == NULL || !gdk_surface_get_mapped (gtk_native_get_surface (GTK_NATIVE (window))) ||
      gtk_widget_get_width (GTK_WIDGET (window)) == 0)
    return;

  print_mark ("first-frame");
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_painted_cb, self);
  g_action_group_activate_action (G_ACTION_GROUP (self), "quit", NULL);
}

static void
unknot_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  UnknotApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Closing (not destroying) lets each window save its state; the application ends
   * when the last one is gone. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l != NULL; l = l->next)
    {
      /* A window with a dialog open would close only the dialog. */
      if (ADW_IS_APPLICATION_WINDOW (l->data))
        {
          AdwDialog *dialog;

          while ((dialog = adw_application_window_get_visible_dialog (l->data)) != NULL)
            adw_dialog_force_close (dialog);
        }

      gtk_window_close (l->data);
    }
}

static void
unknot_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  UnknotApplication *self = user_data;
  static const char *developers[] = { "The Unknot developers", NULL };
  AdwDialog *dialog;

  dialog = g_object_new (ADW_TYPE_ABOUT_DIALOG,
                         "application-name", _("Unknot"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Unknot developers"),
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/unknot/unknot",
                         "issue-url", "https://github.com/unknot/unknot/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Unknot developers",
                         "developers", developers,
                         "designers", developers,
                         "artists", developers,
                         /* Translators: put your names here, one per line. */
                         "translator-credits", _("translator-credits"),
                         "comments", _("Find the muscle that hurts, learn how to work it "
                                       "with the tool you have, time each hold and keep "
                                       "track of what helps."),
                         NULL);

  adw_about_dialog_add_legal_section (ADW_ABOUT_DIALOG (dialog),
                                      _("Medical Disclaimer"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("Unknot offers general guidance for self-massage. "
                                        "It does not diagnose or treat any condition and "
                                        "does not replace a doctor, physiotherapist or "
                                        "licensed massage therapist. Stop if a technique "
                                        "hurts, and seek medical help for severe, "
                                        "worsening or unexplained pain, numbness, "
                                        "weakness, fever, or bladder or bowel changes."));

  adw_dialog_present (dialog, GTK_WIDGET (unknot_application_get_main_window (self)));
}

static void
unknot_application_preferences_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  UnknotApplication *self = user_data;
  UnknotPreferencesDialog *dialog;

  dialog = unknot_preferences_dialog_new (self->settings, unknot_application_get_catalog (self));
  adw_dialog_present (ADW_DIALOG (dialog),
                      GTK_WIDGET (unknot_application_get_main_window (self)));
}

static void
unknot_application_shortcuts_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  UnknotApplication *self = user_data;
  UnknotShortcutsDialog *dialog;

  dialog = unknot_shortcuts_dialog_new ();
  adw_dialog_present (ADW_DIALOG (dialog),
                      GTK_WIDGET (unknot_application_get_main_window (self)));
}

/* The Hold button of a technique step: (technique id, the map region it was opened
 * for or "", step number, seconds). The hold timer runs it; here the request is checked
 * against the catalogue. */
static void
unknot_application_start_hold_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  UnknotApplication *self = user_data;
  const char *technique_id, *region_id;
  guint step, seconds;
  UnknotTechnique *technique;

  g_autoptr(UnknotStep) hold_step = NULL;

  g_variant_get (parameter, "(&s&suu)", &technique_id, &region_id, &step, &seconds);
  technique = unknot_catalog_lookup_technique (unknot_application_get_catalog (self), technique_id);
  if (technique == NULL || step == 0 || seconds == 0 ||
      step > g_list_model_get_n_items (unknot_technique_get_steps (technique)))
    {
      g_warning ("start-hold: no step %u in technique “%s”", step, technique_id);
      return;
    }

  hold_step = g_list_model_get_item (unknot_technique_get_steps (technique), step - 1);
  unknot_hold_start (unknot_application_get_hold (self), technique, region_id, hold_step, seconds);

  g_signal_emit (self, signals[SIGNAL_HOLD_REQUESTED], 0, technique_id, step, seconds);
}

/* The map regions a session of @technique worked: the one the person chose, or else
 * both sides of each region the technique is for. */
static GStrv
session_regions (UnknotApplication *self,
                 UnknotTechnique   *technique,
                 const char        *chosen)
{
  GListModel *regions = unknot_catalog_get_regions (unknot_application_get_catalog (self));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (chosen != NULL)
    {
      g_strv_builder_add (builder, chosen);
      return g_strv_builder_end (builder);
    }

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(UnknotRegion) region = g_list_model_get_item (regions, i);

      if (g_strv_contains (unknot_technique_get_regions (technique), unknot_region_get_base_id (region)))
        g_strv_builder_add (builder, unknot_region_get_id (region));
    }

  return g_strv_builder_end (builder);
}

/* "Log How It Feels" after a hold or a routine: (technique id, step number). The
 * journal's editor opens pre-filled with the session: where, what, with which tool and
 * for how long. */
static void
unknot_application_log_session_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  UnknotApplication *self = user_data;
  g_autoptr(UnknotJournalEntry) entry = NULL;
  g_auto(GStrv) regions = NULL;
  UnknotTechnique *technique;
  UnknotHold *hold = unknot_application_get_hold (self);
  gboolean held_now;
  const char *technique_id;
  GtkWindow *window;
  guint step;

  g_variant_get (parameter, "(&su)", &technique_id, &step);
  technique = unknot_catalog_lookup_technique (unknot_application_get_catalog (self), technique_id);
  if (technique == NULL)
    {
      g_warning ("log-session: no technique “%s”", technique_id);
      return;
    }

  /* The hold in progress (or just finished) tells the region and the time. */
  held_now = unknot_hold_get_technique (hold) == technique;
  regions = session_regions (self, technique, held_now ? unknot_hold_get_region_id (hold) : NULL);

  entry = unknot_journal_entry_new ();
  unknot_journal_entry_set_regions (entry, (const char * const *) regions);
  unknot_journal_entry_set_technique_id (entry, technique_id);
  unknot_journal_entry_set_tool_id (entry, unknot_technique_get_tool_id (technique));
  if (held_now)
    unknot_journal_entry_set_seconds (entry, unknot_hold_get_total_seconds (hold));

  window = unknot_application_get_main_window (self);
  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = unknot_application_get_main_window (self);
    }
  gtk_window_present (window);
  unknot_window_log_entry (UNKNOT_WINDOW (window), entry);
}

static void
on_hold_finished_cb (UnknotApplication *self)
{
  GtkWindow *window = unknot_application_get_main_window (self);
  UnknotTechnique *technique = unknot_hold_get_technique (self->hold);
  UnknotStep *step = unknot_hold_get_step (self->hold);

  /* Never blocks, warns or crashes: without sound the chime stays silent. */
  if (g_settings_get_boolean (self->settings, "sound-enabled"))
    unknot_chime_play (unknot_application_get_chime (self));

  if (window == NULL || !gtk_window_is_active (window))
    {
      g_autoptr(GNotification) notification = g_notification_new (_("Hold Complete"));
      g_autoptr(GIcon) icon = g_themed_icon_new (APPLICATION_ID);

      g_notification_set_body (notification,
                               technique ? unknot_technique_get_title (technique)
                                         : _("Your hold is done."));
      g_notification_set_icon (notification, icon);
      if (technique != NULL && step != NULL)
        g_notification_add_button_with_target (notification, _("Log How It Feels"),
                                               "app.log-session", "(su)",
                                               unknot_technique_get_id (technique),
                                               unknot_step_get_number (step));
      g_application_send_notification (G_APPLICATION (self), "hold-complete", notification);
    }
}

static const GActionEntry app_actions[] = {
  { "quit", unknot_application_quit_action },
  { "about", unknot_application_about_action },
  { "preferences", unknot_application_preferences_action },
  { "shortcuts", unknot_application_shortcuts_action },
  { "start-hold", unknot_application_start_hold_action, "(ssuu)" },
  { "log-session", unknot_application_log_session_action, "(su)" },
};

static int
unknot_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  UnknotApplication *self = UNKNOT_APPLICATION (application);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", _("Unknot"), PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  self->exit_after_first_frame = g_variant_dict_contains (options, "exit-after-first-frame");
  g_variant_dict_lookup (options, "screenshot", "^ay", &self->screenshot_path);
  if (self->exit_after_first_frame || self->screenshot_path != NULL)
    {
      /* A screenshot or benchmark run must draw its own window, never hand over to a
       * running instance. */
      g_application_set_flags (application,
                               g_application_get_flags (application) |
                               G_APPLICATION_NON_UNIQUE);
    }

  return G_APPLICATION_CLASS (unknot_application_parent_class)->handle_local_options (application,
                                                                                        options);
}

static void
unknot_application_startup (GApplication *application)
{
  UnknotApplication *self = UNKNOT_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  /* The map of the back is read, and drawn as the last start showed it, on a thread of
   * its own while GTK and libadwaita start on this one. */
  unknot_body_map_drawing_preload (RESOURCE_BASE_PATH "/bodymap/back.svg");

  G_APPLICATION_CLASS (unknot_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action,
                                           accels[i].accels);

  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
unknot_application_activate (GApplication *application)
{
  UnknotApplication *self = UNKNOT_APPLICATION (application);
  GtkWindow *window;

  if (self->exit_after_first_frame)
    print_mark ("activate");

  window = unknot_application_get_main_window (self);
  if (window == NULL)
    {
      if (self->journal == NULL)
        self->journal_open_deferred = TRUE;
      window = GTK_WINDOW (unknot_window_new (self));
    }

  gtk_window_present (window);
  if (self->exit_after_first_frame)
    print_mark ("presented");
  if (self->journal_open_deferred)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                             G_CALLBACK (on_window_drawn_cb), self, 0);

  if (!g_settings_get_boolean (self->settings, "first-run-done"))
    adw_dialog_present (ADW_DIALOG (unknot_first_run_dialog_new (unknot_application_get_catalog (self),
                                                                 self->settings)),
                        GTK_WIDGET (window));

  if (self->exit_after_first_frame)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                             G_CALLBACK (on_first_frame_painted_cb), self, 0);

  if (self->screenshot_path != NULL)
    {
      g_application_hold (application);
      unknot_widget_save_png_async (GTK_WIDGET (window),
                                    self->screenshot_path,
                                    NULL,
                                    on_screenshot_saved_cb,
                                    g_object_ref (self));
    }
}

/* An entry being saved is saved before the app goes: a commit is on disk once
 * acknowledged, but one still waiting for the journal's worker is not yet. */
static void
unknot_application_shutdown (GApplication *application)
{
  UnknotApplication *self = UNKNOT_APPLICATION (application);

  while (self->journal != NULL && unknot_journal_is_busy (self->journal))
    g_main_context_iteration (NULL, TRUE);

  G_APPLICATION_CLASS (unknot_application_parent_class)->shutdown (application);
}

static void
unknot_application_dispose (GObject *object)
{
  UnknotApplication *self = UNKNOT_APPLICATION (object);

  if (self->hold != NULL)
    g_signal_handlers_disconnect_by_data (unknot_hold_get_timer (self->hold), self);
  g_clear_object (&self->hold);
  g_clear_object (&self->routine_store);
  g_clear_object (&self->journal);
  g_clear_object (&self->chime);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (unknot_application_parent_class)->dispose (object);
}

static void
unknot_application_finalize (GObject *object)
{
  UnknotApplication *self = UNKNOT_APPLICATION (object);

  g_clear_pointer (&self->screenshot_path, g_free);

  G_OBJECT_CLASS (unknot_application_parent_class)->finalize (object);
}

static void
unknot_application_class_init (UnknotApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = unknot_application_dispose;
  object_class->finalize = unknot_application_finalize;

  app_class->handle_local_options = unknot_application_handle_local_options;
  app_class->startup = unknot_application_startup;
  app_class->activate = unknot_application_activate;
  app_class->shutdown = unknot_application_shutdown;

  /**
   * UnknotApplication::hold-requested:
   * @technique_id: the technique
   * @step: the step's number, from 1
   * @seconds: how long to hold
   *
   * A Hold button asked for a timed hold (app.start-hold).
   */
  signals[SIGNAL_HOLD_REQUESTED] =
    g_signal_new ("hold-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);
}

static void
unknot_application_init (UnknotApplication *self)
{
  self->settings = g_settings_new ("io.github.unknot.Unknot");

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Guided self-massage for back pain"));
}

UnknotApplication *
unknot_application_new (void)
{
  return g_object_new (UNKNOT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * unknot_application_get_settings:
 * @self: a #UnknotApplication
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
unknot_application_get_settings (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * unknot_application_get_catalog:
 * @self: a #UnknotApplication
 *
 * Returns: (transfer none): the content catalogue, loaded on first use
 */
UnknotCatalog *
unknot_application_get_catalog (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), NULL);

  if (self->catalog == NULL)
    self->catalog = unknot_catalog_new_default ();

  return self->catalog;
}

/**
 * unknot_application_get_hold:
 *
 * Returns: (transfer none): the hold in progress, whose timer runs whatever page is
 *   shown
 */
UnknotHold *
unknot_application_get_hold (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), NULL);

  if (self->hold == NULL)
    {
      self->hold = unknot_hold_new (NULL, self->settings);
      g_signal_connect_swapped (self->hold, "finished", G_CALLBACK (on_hold_finished_cb), self);
    }

  return self->hold;
}

/**
 * unknot_application_get_hold_timer:
 *
 * Returns: (transfer none): the one hold timer, which runs whatever page is shown
 */
UnknotHoldTimer *
unknot_application_get_hold_timer (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), NULL);

  return unknot_hold_get_timer (unknot_application_get_hold (self));
}

/**
 * unknot_application_get_chime:
 *
 * Returns: (transfer none): the hold-complete chime, made on first use
 */
UnknotChime *
unknot_application_get_chime (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), NULL);

  if (self->chime == NULL)
    self->chime = unknot_chime_new (NULL);

  return self->chime;
}

/**
 * unknot_application_get_routine_store:
 *
 * Returns: (transfer none): the person's own routine, loaded on first use; a file that
 *   could not be read is reported by its #UnknotRoutineStore:load-error
 */
UnknotRoutineStore *
unknot_application_get_routine_store (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), NULL);

  if (self->routine_store == NULL)
    {
      self->routine_store = unknot_routine_store_new (NULL);
      unknot_routine_store_load (self->routine_store, NULL);
    }

  return self->routine_store;
}

/**
 * unknot_application_get_journal:
 *
 * Returns: (transfer none): the pain journal, opened in the background on first use
 *   (or, for the first window, once it is drawn);
 *   what went wrong on opening is its #UnknotJournal:load-error
 */
UnknotJournal *
unknot_application_get_journal (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), NULL);

  if (self->journal == NULL)
    {
      GListModel *regions = unknot_catalog_get_regions (unknot_application_get_catalog (self));
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) known = NULL;

      /* Only the map's regions are accepted in an entry. */
      for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
        {
          g_autoptr(UnknotRegion) region = g_list_model_get_item (regions, i);

          g_strv_builder_add (builder, unknot_region_get_id (region));
        }
      known = g_strv_builder_end (builder);

      self->journal = unknot_journal_new (NULL);
      unknot_journal_set_known_regions (self->journal, (const char * const *) known);
      if (!self->journal_open_deferred)
        open_journal (self);
    }

  return self->journal;
}
