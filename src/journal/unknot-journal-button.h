/* unknot-journal-button.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_JOURNAL_BUTTON (unknot_journal_button_get_type ())

G_DECLARE_FINAL_TYPE (UnknotJournalButton, unknot_journal_button, UNKNOT, JOURNAL_BUTTON, GtkButton)

GtkWidget *unknot_journal_button_new (void);

G_END_DECLS
