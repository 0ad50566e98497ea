/* unknot-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview of a CSV import: the file is read (in a thread, by
 * unknot_journal_csv_import_read_async ()) as soon as the dialog is made, and the
 * dialog says how many entries will be added and lists each row that will be
 * skipped, with its row number and why. Nothing is written until Import is pressed;
 * then the entries go in one transaction, and the dialog closes once they are in the
 * journal, emitting ::imported. A file that cannot be read at all (not UTF-8, not this
 * CSV) is said so in the dialog, which then only closes.
 */

#define G_LOG_DOMAIN "unknot-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-import-dialog.h"
#include "unknot-journal-csv.h"

/* Rows listed one by one; a longer list ends with how many more there are. */
#define MAX_SKIPPED_ROWS 200

struct _UnknotImportDialog
{
  AdwDialog               parent_instance;

  UnknotJournal          *journal;
  GFile                  *file;
  GCancellable           *cancellable;
  UnknotJournalCsvImport *import;
  gboolean                applying;

  GtkWidget              *cancel_button;
  GtkWidget              *import_button;
  GtkStack               *stack;
  GtkLabel               *summary_label;
  GtkLabel               *apply_error_label;
  GtkLabel               *detail_label;
  GtkWidget              *skipped_group;
  GtkListBox             *skipped_list;
  AdwStatusPage          *error_status;
};

G_DEFINE_FINAL_TYPE (UnknotImportDialog, unknot_import_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (UnknotImportDialog *self)
{
  gboolean can_apply = self->import != NULL && !self->applying &&
                       unknot_journal_csv_import_get_n_entries (self->import) > 0 &&
                       !unknot_journal_is_read_only (self->journal);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", can_apply);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", !self->applying);
  gtk_widget_set_visible (self->import_button, self->import != NULL);
}

static GtkWidget *
skipped_row_new (guint       line,
                 const char *message)
{
  g_autofree char *title = g_strdup_printf (_("Row %u"), line);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "property");
  return row;
}

static void
show_preview (UnknotImportDialog *self)
{
  guint n_entries = unknot_journal_csv_import_get_n_entries (self->import);
  guint n_skipped = unknot_journal_csv_import_get_n_skipped (self->import);
  g_autofree char *summary = NULL;
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *detail = NULL;

  if (n_entries > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u entry will be added",
                                            "%u entries will be added", n_entries),
                               n_entries);
  else
    summary = g_strdup (_("No entries will be added"));
  gtk_label_set_label (self->summary_label, summary);

  if (n_skipped > 0)
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "From “%s”. %u row will be skipped, for the reason given below. "
                                           "Nothing is added to your journal until you press Import.",
                                           "From “%s”. %u rows will be skipped, each for the reason given below. "
                                           "Nothing is added to your journal until you press Import.",
                                           n_skipped),
                              name, n_skipped);
  else
    detail = g_strdup_printf (_("From “%s”. Every row can be added. Nothing is added to your "
                                "journal until you press Import."), name);
  gtk_label_set_label (self->detail_label, detail);

  for (guint i = 0; i < MIN (n_skipped, MAX_SKIPPED_ROWS); i++)
    gtk_list_box_append (self->skipped_list,
                         skipped_row_new (unknot_journal_csv_import_get_skipped_line (self->import, i),
                                          unknot_journal_csv_import_get_skipped_message (self->import, i)));
  if (n_skipped > MAX_SKIPPED_ROWS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more row",
                                                            "And %u more rows",
                                                            n_skipped - MAX_SKIPPED_ROWS),
                                               n_skipped - MAX_SKIPPED_ROWS);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->skipped_list, row);
    }
  gtk_widget_set_visible (self->skipped_group, n_skipped > 0);

  gtk_stack_set_visible_child_name (self->stack, "preview");
  update_actions (self);
  if (gtk_widget_get_sensitive (self->import_button) && gtk_widget_is_visible (self->import_button))
    adw_dialog_set_default_widget (ADW_DIALOG (self), self->import_button);
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(UnknotImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(UnknotJournalCsvImport) import = NULL;

  import = unknot_journal_csv_import_read_finish (UNKNOT_JOURNAL (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->stack == NULL)
    return;

  if (import == NULL)
    {
      g_debug ("%s cannot be imported: %s", g_file_peek_path (self->file), error->message);
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
      update_actions (self);
      return;
    }

  self->import = g_steal_pointer (&import);
  show_preview (self);
}

static void
on_opened_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(UnknotImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;

  stream = g_file_read_finish (G_FILE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->stack == NULL)
    return;

  if (stream == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The file could not be opened (%s). Nothing was "
                                                    "added to your journal."), error->message);

      g_debug ("%s cannot be opened: %s", g_file_peek_path (self->file), error->message);
      adw_status_page_set_description (self->error_status, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
      return;
    }

  unknot_journal_csv_import_read_async (self->journal, G_INPUT_STREAM (stream), self->cancellable,
                                        on_read_cb, g_object_ref (self));
}

static void
on_applied_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(UnknotImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  self->applying = FALSE;
  if (!unknot_journal_csv_import_apply_finish (UNKNOT_JOURNAL_CSV_IMPORT (source), result, &n_added, &error))
    {
      if (self->stack == NULL)
        return;
      /* The dialog stays, with what happened; the import cannot be tried again. */
      gtk_label_set_label (self->apply_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->apply_error_label), TRUE);
      g_clear_object (&self->import);
      update_actions (self);
      gtk_widget_set_visible (self->import_button, FALSE);
      gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, n_added);
  adw_dialog_force_close (ADW_DIALOG (self));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  UnknotImportDialog *self = UNKNOT_IMPORT_DIALOG (widget);

  if (self->import == NULL || self->applying)
    return;

  self->applying = TRUE;
  update_actions (self);
  /* Not cancelled with the dialog: once it is sent, the journal says how it went. */
  unknot_journal_csv_import_apply_async (self->import, NULL, on_applied_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

static void
unknot_import_dialog_constructed (GObject *object)
{
  UnknotImportDialog *self = UNKNOT_IMPORT_DIALOG (object);

  G_OBJECT_CLASS (unknot_import_dialog_parent_class)->constructed (object);

  g_assert (UNKNOT_IS_JOURNAL (self->journal));
  g_assert (G_IS_FILE (self->file));

  update_actions (self);
  g_file_read_async (self->file, G_PRIORITY_DEFAULT, self->cancellable, on_opened_cb, g_object_ref (self));
}

static void
unknot_import_dialog_dispose (GObject *object)
{
  UnknotImportDialog *self = UNKNOT_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_IMPORT_DIALOG);
  self->stack = NULL;
  g_clear_object (&self->import);
  g_clear_object (&self->journal);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (unknot_import_dialog_parent_class)->dispose (object);
}

static void
unknot_import_dialog_finalize (GObject *object)
{
  UnknotImportDialog *self = UNKNOT_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (unknot_import_dialog_parent_class)->finalize (object);
}

static void
unknot_import_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  UnknotImportDialog *self = UNKNOT_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_import_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  UnknotImportDialog *self = UNKNOT_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_import_dialog_class_init (UnknotImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = unknot_import_dialog_constructed;
  object_class->dispose = unknot_import_dialog_dispose;
  object_class->finalize = unknot_import_dialog_finalize;
  object_class->get_property = unknot_import_dialog_get_property;
  object_class->set_property = unknot_import_dialog_set_property;

  /**
   * UnknotImportDialog:journal:
   *
   * The journal the entries go to, which also says which ids it has already.
   */
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, UNKNOT_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotImportDialog:file:
   *
   * The CSV file, in the format the journal exports.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UnknotImportDialog::imported:
   * @n_added: how many entries were added
   *
   * The entries are in the journal; the dialog closes.
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotImportDialog, apply_error_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotImportDialog, detail_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotImportDialog, skipped_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotImportDialog, skipped_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotImportDialog, error_status);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
}

static void
unknot_import_dialog_init (UnknotImportDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * unknot_import_dialog_new:
 *
 * Returns: (transfer floating): a dialog that starts reading @file at once
 */
UnknotImportDialog *
unknot_import_dialog_new (UnknotJournal *journal,
                          GFile         *file)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (UNKNOT_TYPE_IMPORT_DIALOG, "journal", journal, "file", file, NULL);
}

/* Whether the file was read and the preview is shown. */
gboolean
unknot_import_dialog_is_ready (UnknotImportDialog *self)
{
  g_return_val_if_fail (UNKNOT_IS_IMPORT_DIALOG (self), FALSE);

  const char *shown = self->stack ? gtk_stack_get_visible_child_name (self->stack) : NULL;

  return g_strcmp0 (shown, "preview") == 0 || g_strcmp0 (shown, "error") == 0;
}

guint
unknot_import_dialog_get_n_entries (UnknotImportDialog *self)
{
  g_return_val_if_fail (UNKNOT_IS_IMPORT_DIALOG (self), 0);

  return self->import ? unknot_journal_csv_import_get_n_entries (self->import) : 0;
}

guint
unknot_import_dialog_get_n_skipped (UnknotImportDialog *self)
{
  g_return_val_if_fail (UNKNOT_IS_IMPORT_DIALOG (self), 0);

  return self->import ? unknot_journal_csv_import_get_n_skipped (self->import) : 0;
}
