/* unknot-journal-transfer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Taking the journal anywhere, from the journal page's menu: Export as CSV…, Import
 * From CSV…, Back Up Journal… and Restore From Backup…. Each asks for a file with
 * GtkFileDialog (the file chooser portal inside Flatpak, so the sandbox needs no
 * access to the person's files), then hands the file to the store:
 *
 *   export   GFile's replace (a new file renamed over the old one only once it is
 *            whole; after an error the close is cancelled, which keeps what was
 *            there) fed by unknot_journal_csv_export_async ()
 *   import   UnknotImportDialog: the preview, and nothing written until Import
 *   back up  unknot_journal_back_up_async (): SQLite's backup API on the worker
 *   restore  unknot_journal_check_backup_async (), an AdwAlertDialog to confirm, then
 *            unknot_journal_restore_async (), which keeps the journal it replaces
 *
 * and says how it went in a toast. The *_to () and *_from () functions start from a
 * file, past the file dialog, for the tests. Items that cannot work (a journal that
 * is read-only, or not readable) are turned off, and the menu says why.
 */

#define G_LOG_DOMAIN "unknot-journal-transfer"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-import-dialog.h"
#include "unknot-journal-csv.h"
#include "unknot-journal-private.h"
#include "unknot-journal-transfer.h"

struct _UnknotJournalTransfer
{
  GObject             parent_instance;

  UnknotJournal      *journal;
  GtkWidget          *parent;   /* weak */
  AdwToastOverlay    *toasts;   /* weak */
  GSimpleActionGroup *actions;
  GMenu              *menu;
};

G_DEFINE_FINAL_TYPE (UnknotJournalTransfer, unknot_journal_transfer, G_TYPE_OBJECT)

/* ---------------------------------------------------------------------------------- */

static void
show_toast (UnknotJournalTransfer *self,
            const char            *text,
            gboolean               is_error)
{
  AdwToast *toast;

  g_debug ("%s", text);
  if (self->toasts == NULL)
    return;

  toast = adw_toast_new (text);
  adw_toast_set_use_markup (toast, FALSE);
  if (is_error)
    {
      /* An error stays until it is read. */
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static GtkWindow *
parent_window (UnknotJournalTransfer *self)
{
  GtkRoot *root = self->parent ? gtk_widget_get_root (self->parent) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static char *
display_name (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return g_filename_display_name (name ? name : "?");
}

/**
 * unknot_journal_transfer_suggest_name:
 * @now: (nullable): the moment to name the file after; %NULL for now
 *
 * Returns: a file name such as "unknot-journal-2026-12-02.csv"
 */
char *
unknot_journal_transfer_suggest_name (const char *what,
                                      const char *extension,
                                      GDateTime  *now)
{
  g_autoptr(GDateTime) local = now ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");

  return g_strdup_printf ("unknot-%s-%s.%s", what, day, extension);
}

/* ---------------------------------------------------------------------------------- */
/* What works now */

static void
update_state (UnknotJournalTransfer *self)
{
  gboolean open = unknot_journal_is_open (self->journal);
  gboolean readable = open && unknot_journal_get_read_db (self->journal) != NULL;
  gboolean writable = open && !unknot_journal_is_read_only (self->journal);
  const struct { const char *name; gboolean enabled; } states[] = {
    { "export-csv", readable },
    { "import-csv", writable },
    { "back-up", writable },
    { "restore", writable },
  };
  const char *why = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), states[i].name);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), states[i].enabled);
    }

  /* Short, for a menu that fits a phone; the journal page's banner says the rest. */
  if (open && !readable)
    why = _("The journal cannot be read now");
  else if (open && !writable)
    why = _("Read-only journal: only Export works");

  g_menu_remove_all (self->menu);
  if (why != NULL)
    {
      /* An item without an action: shown, and turned off. */
      g_autoptr(GMenuItem) item = g_menu_item_new (why, NULL);

      g_menu_append_item (self->menu, item);
    }
  g_menu_append (self->menu, _("_Export as CSV…"), "transfer.export-csv");
  g_menu_append (self->menu, _("_Import From CSV…"), "transfer.import-csv");
  g_menu_append (self->menu, _("_Back Up Journal…"), "transfer.back-up");
  g_menu_append (self->menu, _("_Restore From Backup…"), "transfer.restore");
}

static void
on_journal_state_notify_cb (UnknotJournal         *journal,
                            GParamSpec            *pspec,
                            UnknotJournalTransfer *self)
{
  update_state (self);
}

/* ---------------------------------------------------------------------------------- */
/* Export */

typedef struct
{
  UnknotJournalTransfer *self;
  GFile                 *file;
  GOutputStream         *stream;
  guint                  n_written;
  GError                *error;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->self);
  g_clear_object (&export->file);
  g_clear_object (&export->stream);
  g_clear_error (&export->error);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static void
export_failed (Export       *export,
               const GError *error)
{
  g_autofree char *name = display_name (export->file);
  g_autofree char *text = g_strdup_printf (_("Your journal could not be exported to “%s”: %s "
                                             "Nothing was written there; try another place."),
                                           name, error->message);

  show_toast (export->self, text, TRUE);
}

static void
on_export_closed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (export->error != NULL)
    {
      /* The close was cancelled on purpose, which leaves the file as it was. */
      g_output_stream_close_finish (G_OUTPUT_STREAM (source), result, NULL);
      export_failed (export, export->error);
      return;
    }

  if (!g_output_stream_close_finish (G_OUTPUT_STREAM (source), result, &error))
    {
      export_failed (export, error);
      return;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u entry", "Exported %u entries",
                                       export->n_written),
                          export->n_written);
  show_toast (export->self, text, FALSE);
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GCancellable) abandon = NULL;
  Export *pending;

  if (!unknot_journal_csv_export_finish (UNKNOT_JOURNAL (source), result, &export->n_written, &export->error))
    {
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
    }

  pending = g_steal_pointer (&export);
  g_output_stream_close_async (pending->stream, G_PRIORITY_DEFAULT, abandon, on_export_closed_cb, pending);
}

static void
on_export_replaced_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GError) error = NULL;
  GFileOutputStream *stream;
  Export *pending;

  stream = g_file_replace_finish (G_FILE (source), result, &error);
  if (stream == NULL)
    {
      export_failed (export, error);
      return;
    }

  export->stream = G_OUTPUT_STREAM (stream);
  pending = g_steal_pointer (&export);
  unknot_journal_csv_export_async (pending->self->journal, pending->stream, NULL, on_exported_cb, pending);
}

/**
 * unknot_journal_transfer_export_to:
 *
 * Writes the journal as CSV to @file, replacing it only once the export is whole.
 */
void
unknot_journal_transfer_export_to (UnknotJournalTransfer *self,
                                   GFile                 *file)
{
  Export *export;

  g_return_if_fail (UNKNOT_IS_JOURNAL_TRANSFER (self));
  g_return_if_fail (G_IS_FILE (file));

  export = g_new0 (Export, 1);
  export->self = g_object_ref (self);
  export->file = g_object_ref (file);
  g_file_replace_async (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, G_PRIORITY_DEFAULT,
                        NULL, on_export_replaced_cb, export);
}

/* ---------------------------------------------------------------------------------- */
/* Import */

static void
on_imported_cb (UnknotImportDialog    *dialog,
                guint                  n_added,
                UnknotJournalTransfer *self)
{
  g_autofree char *text = NULL;

  if (n_added == 0)
    text = g_strdup (_("No entries were added: they are all in your journal already"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u entry", "Imported %u entries", n_added),
                            n_added);
  show_toast (self, text, FALSE);
}

/**
 * unknot_journal_transfer_import_from:
 *
 * Shows the preview of importing @file (UnknotImportDialog); nothing is written until
 * the person confirms it.
 */
void
unknot_journal_transfer_import_from (UnknotJournalTransfer *self,
                                     GFile                 *file)
{
  UnknotImportDialog *dialog;

  g_return_if_fail (UNKNOT_IS_JOURNAL_TRANSFER (self));
  g_return_if_fail (G_IS_FILE (file));

  dialog = unknot_import_dialog_new (self->journal, file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_cb), self, G_CONNECT_DEFAULT);
  adw_dialog_present (ADW_DIALOG (dialog), self->parent);
}

/* ---------------------------------------------------------------------------------- */
/* Back up and restore */

static void
on_backed_up_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(UnknotJournalTransfer) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!unknot_journal_back_up_finish (UNKNOT_JOURNAL (source), result, &error))
    show_toast (self, error->message, TRUE);
  else
    show_toast (self, _("Journal backed up"), FALSE);
}

/**
 * unknot_journal_transfer_back_up_to:
 *
 * Copies the journal into @file, one file that Restore From Backup reads.
 */
void
unknot_journal_transfer_back_up_to (UnknotJournalTransfer *self,
                                    GFile                 *file)
{
  g_return_if_fail (UNKNOT_IS_JOURNAL_TRANSFER (self));
  g_return_if_fail (G_IS_FILE (file));

  unknot_journal_back_up_async (self->journal, file, NULL, on_backed_up_cb, g_object_ref (self));
}

static void
on_restored_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(UnknotJournalTransfer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_name = NULL;
  g_autofree char *text = NULL;

  kept = unknot_journal_restore_finish (UNKNOT_JOURNAL (source), result, &error);
  if (kept == NULL)
    {
      show_toast (self, error->message, TRUE);
      return;
    }

  /* The name is long and has no spaces: it is in the debug log, and the toast says
   * where to look, as the confirmation did. */
  kept_name = g_path_get_basename (kept);
  g_debug ("The journal that was replaced is kept as %s", kept);
  text = g_strdup (_("Journal restored. The one it replaced is kept beside it."));
  show_toast (self, text, FALSE);
}

static void
on_restore_response_cb (AdwAlertDialog        *dialog,
                        const char            *response,
                        UnknotJournalTransfer *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "unknot-file");

  if (g_strcmp0 (response, "replace") != 0)
    return;

  unknot_journal_restore_async (self->journal, file, NULL, on_restored_cb, g_object_ref (self));
}

static void
on_backup_checked_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UnknotJournalTransfer *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *shown_folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  guint n_backup = 0;
  guint n_current;
  AdwDialog *dialog;

  if (!unknot_journal_check_backup_finish (UNKNOT_JOURNAL (source), result, &n_backup, &error))
    {
      show_toast (self, error->message, TRUE);
      return;
    }

  folder = g_path_get_dirname (unknot_journal_get_path (self->journal));
  shown_folder = g_filename_display_name (folder);
  name = display_name (file);
  n_current = g_list_model_get_n_items (G_LIST_MODEL (self->journal));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Replace your journal with this backup? “%s” holds %u entry. ",
                                       "Replace your journal with this backup? “%s” holds %u entries. ",
                                       n_backup),
                          name, n_backup);
  {
    g_autofree char *rest = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Your current journal, with %u entry, is kept "
                                                          "beside it, in the folder below, as a file whose "
                                                          "name starts with “journal.db.before-restore”.",
                                                          "Your current journal, with %u entries, is kept "
                                                          "beside it, in the folder below, as a file whose "
                                                          "name starts with “journal.db.before-restore”.",
                                                          n_current),
                                             n_current);
    g_autofree char *whole = g_strconcat (body, rest, NULL);

    g_set_str (&body, whole);
  }

  dialog = adw_alert_dialog_new (_("Replace Your Journal?"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "replace", _("_Replace"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  {
    /* A path has no spaces to wrap at. */
    GtkWidget *where = gtk_label_new (shown_folder);

    gtk_label_set_wrap (GTK_LABEL (where), TRUE);
    gtk_label_set_wrap_mode (GTK_LABEL (where), PANGO_WRAP_WORD_CHAR);
    gtk_label_set_selectable (GTK_LABEL (where), TRUE);
    gtk_label_set_justify (GTK_LABEL (where), GTK_JUSTIFY_CENTER);
    gtk_widget_add_css_class (where, "dim-label");
    gtk_accessible_update_property (GTK_ACCESSIBLE (where),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your journal’s folder"),
                                    -1);
    adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), where);
  }
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "unknot-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response_cb), self, G_CONNECT_DEFAULT);
  adw_dialog_present (dialog, self->parent);
}

/**
 * unknot_journal_transfer_restore_from:
 *
 * Checks @file, asks whether to replace the journal with it (AdwAlertDialog), and
 * does so, keeping the journal it replaces.
 */
void
unknot_journal_transfer_restore_from (UnknotJournalTransfer *self,
                                      GFile                 *file)
{
  GTask *task;

  g_return_if_fail (UNKNOT_IS_JOURNAL_TRANSFER (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  unknot_journal_check_backup_async (self->journal, file, NULL, on_backup_checked_cb, task);
}

/* ---------------------------------------------------------------------------------- */
/* The file dialogs */

typedef enum {
  PICK_EXPORT,
  PICK_IMPORT,
  PICK_BACK_UP,
  PICK_RESTORE,
} Pick;

static GListModel *
filters_for (Pick pick)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (pick == PICK_EXPORT || pick == PICK_IMPORT)
    {
      gtk_file_filter_set_name (filter, _("CSV Files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Unknot Backups"));
      gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
      gtk_file_filter_add_suffix (filter, "db");
    }
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  g_list_store_append (filters, filter);
  g_list_store_append (filters, all);
  return G_LIST_MODEL (filters);
}

static void
on_file_chosen_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UnknotJournalTransfer *self = g_task_get_source_object (task);
  Pick pick = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (pick == PICK_EXPORT || pick == PICK_BACK_UP)
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);

  if (file == NULL)
    {
      if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
          !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        show_toast (self, error->message, TRUE);
      return;
    }

  switch (pick)
    {
    case PICK_EXPORT:
      unknot_journal_transfer_export_to (self, file);
      break;
    case PICK_IMPORT:
      unknot_journal_transfer_import_from (self, file);
      break;
    case PICK_BACK_UP:
      unknot_journal_transfer_back_up_to (self, file);
      break;
    case PICK_RESTORE:
    default:
      unknot_journal_transfer_restore_from (self, file);
      break;
    }
}

static void
pick_file (UnknotJournalTransfer *self,
           Pick                   pick)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = filters_for (pick);
  GTask *task = g_task_new (self, NULL, NULL, NULL);

  g_task_set_task_data (task, GINT_TO_POINTER (pick), NULL);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, filters);

  switch (pick)
    {
    case PICK_EXPORT:
      {
        g_autofree char *name = unknot_journal_transfer_suggest_name ("journal", "csv", NULL);

        gtk_file_dialog_set_title (dialog, _("Export Journal as CSV"));
        gtk_file_dialog_set_accept_label (dialog, _("_Export"));
        gtk_file_dialog_set_initial_name (dialog, name);
        gtk_file_dialog_save (dialog, parent_window (self), NULL, on_file_chosen_cb, task);
      }
      break;

    case PICK_IMPORT:
      gtk_file_dialog_set_title (dialog, _("Import From CSV"));
      gtk_file_dialog_set_accept_label (dialog, _("_Open"));
      gtk_file_dialog_open (dialog, parent_window (self), NULL, on_file_chosen_cb, task);
      break;

    case PICK_BACK_UP:
      {
        g_autofree char *name = unknot_journal_transfer_suggest_name ("journal-backup", "db", NULL);

        gtk_file_dialog_set_title (dialog, _("Back Up Journal"));
        gtk_file_dialog_set_accept_label (dialog, _("_Back Up"));
        gtk_file_dialog_set_initial_name (dialog, name);
        gtk_file_dialog_save (dialog, parent_window (self), NULL, on_file_chosen_cb, task);
      }
      break;

    case PICK_RESTORE:
    default:
      gtk_file_dialog_set_title (dialog, _("Restore From Backup"));
      gtk_file_dialog_set_accept_label (dialog, _("_Open"));
      gtk_file_dialog_open (dialog, parent_window (self), NULL, on_file_chosen_cb, task);
      break;
    }
}

static void
export_csv_activated_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  pick_file (user_data, PICK_EXPORT);
}

static void
import_csv_activated_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  pick_file (user_data, PICK_IMPORT);
}

static void
back_up_activated_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  pick_file (user_data, PICK_BACK_UP);
}

static void
restore_activated_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  pick_file (user_data, PICK_RESTORE);
}

/* ---------------------------------------------------------------------------------- */

static void
unknot_journal_transfer_dispose (GObject *object)
{
  UnknotJournalTransfer *self = UNKNOT_JOURNAL_TRANSFER (object);

  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  g_clear_weak_pointer (&self->parent);
  g_clear_weak_pointer (&self->toasts);
  g_clear_object (&self->actions);
  g_clear_object (&self->menu);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (unknot_journal_transfer_parent_class)->dispose (object);
}

static void
unknot_journal_transfer_class_init (UnknotJournalTransferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_journal_transfer_dispose;
}

static void
unknot_journal_transfer_init (UnknotJournalTransfer *self)
{
  const GActionEntry entries[] = {
    { "export-csv", export_csv_activated_cb, NULL, NULL, NULL, { 0 } },
    { "import-csv", import_csv_activated_cb, NULL, NULL, NULL, { 0 } },
    { "back-up", back_up_activated_cb, NULL, NULL, NULL, { 0 } },
    { "restore", restore_activated_cb, NULL, NULL, NULL, { 0 } },
  };

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  self->menu = g_menu_new ();
}

/**
 * unknot_journal_transfer_new:
 * @parent: the widget the dialogs belong to (the journal page)
 * @toasts: (nullable): where to say how it went
 *
 * Returns: (transfer full): the flows, their actions (to insert as "transfer") and
 *   their menu section
 */
UnknotJournalTransfer *
unknot_journal_transfer_new (UnknotJournal   *journal,
                             GtkWidget       *parent,
                             AdwToastOverlay *toasts)
{
  UnknotJournalTransfer *self;

  g_return_val_if_fail (UNKNOT_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (toasts == NULL || ADW_IS_TOAST_OVERLAY (toasts), NULL);

  self = g_object_new (UNKNOT_TYPE_JOURNAL_TRANSFER, NULL);
  self->journal = g_object_ref (journal);
  g_set_weak_pointer (&self->parent, parent);
  g_set_weak_pointer (&self->toasts, toasts);

  g_signal_connect_object (journal, "notify::is-open", G_CALLBACK (on_journal_state_notify_cb), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (journal, "notify::read-only", G_CALLBACK (on_journal_state_notify_cb), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (journal, "notify::load-error", G_CALLBACK (on_journal_state_notify_cb), self, G_CONNECT_DEFAULT);
  update_state (self);

  return self;
}

/**
 * unknot_journal_transfer_get_actions:
 *
 * Returns: (transfer none): export-csv, import-csv, back-up and restore
 */
GActionGroup *
unknot_journal_transfer_get_actions (UnknotJournalTransfer *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_TRANSFER (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

/**
 * unknot_journal_transfer_get_menu:
 *
 * Returns: (transfer none): the menu's items, for "transfer." actions, with a line on
 *   why some are turned off when they are
 */
GMenuModel *
unknot_journal_transfer_get_menu (UnknotJournalTransfer *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_TRANSFER (self), NULL);

  return G_MENU_MODEL (self->menu);
}
