/* unknot-journal-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The way to the pain journal that every header offers, so that it is one click away
 * wherever the person is, on a wide window or a phone. It only names the window's
 * action (win.show-journal, also Ctrl+J).
 */

#define G_LOG_DOMAIN "unknot-journal-button"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-journal-button.h"

struct _UnknotJournalButton
{
  GtkButton parent_instance;
};

G_DEFINE_FINAL_TYPE (UnknotJournalButton, unknot_journal_button, GTK_TYPE_BUTTON)

static void
unknot_journal_button_class_init (UnknotJournalButtonClass *klass)
{
}

static void
unknot_journal_button_init (UnknotJournalButton *self)
{
  gtk_button_set_icon_name (GTK_BUTTON (self), "x-office-calendar-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "win.show-journal");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Pain Journal (Ctrl+J)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pain Journal"),
                                  GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, "Control+J",
                                  -1);
  gtk_widget_set_name (GTK_WIDGET (self), "journal-button");
}

GtkWidget *
unknot_journal_button_new (void)
{
  return g_object_new (UNKNOT_TYPE_JOURNAL_BUTTON, NULL);
}
