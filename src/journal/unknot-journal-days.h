/* unknot-journal-days.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_JOURNAL_DAYS (unknot_journal_days_get_type ())

G_DECLARE_FINAL_TYPE (UnknotJournalDays, unknot_journal_days, UNKNOT, JOURNAL_DAYS, GObject)

UnknotJournalDays *unknot_journal_days_new       (GListModel        *model);
GListModel        *unknot_journal_days_get_model (UnknotJournalDays *self);
void               unknot_journal_days_set_model (UnknotJournalDays *self,
                                                  GListModel        *model);
gint               unknot_journal_days_get_day   (GDateTime         *when);

G_END_DECLS
