/* unknot-journal-results.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "unknot-journal-filter.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_JOURNAL_RESULTS (unknot_journal_results_get_type ())

G_DECLARE_FINAL_TYPE (UnknotJournalResults, unknot_journal_results, UNKNOT, JOURNAL_RESULTS, GObject)

const UnknotJournalFilter *unknot_journal_results_get_filter (UnknotJournalResults *self);

G_END_DECLS
