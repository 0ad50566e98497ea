/* unknot-shortcuts-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "unknot-shortcuts-dialog"

#include "config.h"

#include "unknot-shortcuts-dialog.h"

/* GtkShortcutsWindow is deprecated since GTK 4.18 and AdwShortcutsDialog needs
 * libadwaita 1.8, newer than the platform we target, so the list is a plain dialog. */
struct _UnknotShortcutsDialog
{
  AdwDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (UnknotShortcutsDialog, unknot_shortcuts_dialog, ADW_TYPE_DIALOG)

static void
unknot_shortcuts_dialog_class_init (UnknotShortcutsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-shortcuts-dialog.ui");
}

static void
unknot_shortcuts_dialog_init (UnknotShortcutsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

UnknotShortcutsDialog *
unknot_shortcuts_dialog_new (void)
{
  return g_object_new (UNKNOT_TYPE_SHORTCUTS_DIALOG, NULL);
}
