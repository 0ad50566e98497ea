/* unknot-journal-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "catalog/unknot-catalog.h"
#include "timer/unknot-hold.h"
#include "unknot-journal.h"
#include "unknot-journal-transfer.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_JOURNAL_PAGE (unknot_journal_page_get_type ())

G_DECLARE_FINAL_TYPE (UnknotJournalPage, unknot_journal_page, UNKNOT, JOURNAL_PAGE, AdwNavigationPage)

UnknotJournalPage *unknot_journal_page_new (UnknotJournal *journal,
                                            UnknotCatalog *catalog,
                                            GSettings     *settings,
                                            UnknotHold    *hold);
UnknotJournalTransfer *
                   unknot_journal_page_get_transfer       (UnknotJournalPage *self);
GMenu             *unknot_journal_page_get_report_section (UnknotJournalPage *self);

G_END_DECLS
