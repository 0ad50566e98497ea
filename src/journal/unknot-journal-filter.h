/* unknot-journal-filter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_JOURNAL_FILTER (unknot_journal_filter_get_type ())

typedef struct _UnknotJournalFilter UnknotJournalFilter;

GType                unknot_journal_filter_get_type      (void) G_GNUC_CONST;
UnknotJournalFilter *unknot_journal_filter_new           (void);
UnknotJournalFilter *unknot_journal_filter_copy          (const UnknotJournalFilter *self);
void                 unknot_journal_filter_free          (UnknotJournalFilter       *self);
gboolean             unknot_journal_filter_equal         (const UnknotJournalFilter *a,
                                                          const UnknotJournalFilter *b);
gboolean             unknot_journal_filter_is_empty      (const UnknotJournalFilter *self);
const char          *unknot_journal_filter_get_region    (const UnknotJournalFilter *self);
void                 unknot_journal_filter_set_region    (UnknotJournalFilter       *self,
                                                          const char                *region_id);
const char          *unknot_journal_filter_get_tool      (const UnknotJournalFilter *self);
void                 unknot_journal_filter_set_tool      (UnknotJournalFilter       *self,
                                                          const char                *tool_id);
const char          *unknot_journal_filter_get_technique (const UnknotJournalFilter *self);
void                 unknot_journal_filter_set_technique (UnknotJournalFilter       *self,
                                                          const char                *technique_id);
GDateTime           *unknot_journal_filter_get_since     (const UnknotJournalFilter *self);
GDateTime           *unknot_journal_filter_get_until     (const UnknotJournalFilter *self);
void                 unknot_journal_filter_set_range     (UnknotJournalFilter       *self,
                                                          GDateTime                 *since,
                                                          GDateTime                 *until);
const char          *unknot_journal_filter_get_text      (const UnknotJournalFilter *self);
void                 unknot_journal_filter_set_text      (UnknotJournalFilter       *self,
                                                          const char                *text);
gboolean             unknot_journal_filter_get_red_flagged (const UnknotJournalFilter *self);
void                 unknot_journal_filter_set_red_flagged (UnknotJournalFilter       *self,
                                                            gboolean                   red_flagged);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotJournalFilter, unknot_journal_filter_free)

G_END_DECLS
