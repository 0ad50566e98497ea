/* unknot-journal-evidence.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "unknot-journal.h"
#include "unknot-journal-stats.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_JOURNAL_EVIDENCE (unknot_journal_evidence_get_type ())

G_DECLARE_FINAL_TYPE (UnknotJournalEvidence, unknot_journal_evidence, UNKNOT, JOURNAL_EVIDENCE, GObject)

UnknotJournalEvidence          *unknot_journal_evidence_new           (UnknotJournal         *journal,
                                                                       const char            *region_id,
                                                                       const char            *technique_id);
UnknotJournal                  *unknot_journal_evidence_get_journal   (UnknotJournalEvidence *self);
const char                     *unknot_journal_evidence_get_region_id (UnknotJournalEvidence *self);
gboolean                        unknot_journal_evidence_is_available  (UnknotJournalEvidence *self);
const UnknotJournalStatsRelief *unknot_journal_evidence_lookup        (UnknotJournalEvidence *self,
                                                                       const char            *technique_id);
GArray                         *unknot_journal_evidence_get_ranking   (UnknotJournalEvidence *self);
guint                           unknot_journal_evidence_get_n_sessions (UnknotJournalEvidence *self);

gboolean                        unknot_journal_evidence_helped        (const UnknotJournalStatsRelief *relief);
char                           *unknot_journal_evidence_describe      (const UnknotJournalStatsRelief *relief);

G_END_DECLS
