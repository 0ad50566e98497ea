/* unknot-journal-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_JOURNAL_ENTRY (unknot_journal_entry_get_type ())

/* A pain score that was not given: pain after is optional, pain before is not. */
#define UNKNOT_JOURNAL_PAIN_UNSET (-1)
#define UNKNOT_JOURNAL_PAIN_MAX   10

/* The longest time spent that an entry can record: one day. */
#define UNKNOT_JOURNAL_MAX_SECONDS (24 * 60 * 60)

G_DECLARE_FINAL_TYPE (UnknotJournalEntry, unknot_journal_entry, UNKNOT, JOURNAL_ENTRY, GObject)

UnknotJournalEntry *unknot_journal_entry_new              (void);
UnknotJournalEntry *unknot_journal_entry_copy             (UnknotJournalEntry  *self);
const char         *unknot_journal_entry_get_id           (UnknotJournalEntry  *self);
GDateTime          *unknot_journal_entry_get_when         (UnknotJournalEntry  *self);
void                unknot_journal_entry_set_when         (UnknotJournalEntry  *self,
                                                           GDateTime           *when);
const char * const *unknot_journal_entry_get_regions      (UnknotJournalEntry  *self);
void                unknot_journal_entry_set_regions      (UnknotJournalEntry  *self,
                                                           const char * const  *regions);
int                 unknot_journal_entry_get_pain_before  (UnknotJournalEntry  *self);
void                unknot_journal_entry_set_pain_before  (UnknotJournalEntry  *self,
                                                           int                  pain);
int                 unknot_journal_entry_get_pain_after   (UnknotJournalEntry  *self);
void                unknot_journal_entry_set_pain_after   (UnknotJournalEntry  *self,
                                                           int                  pain);
const char         *unknot_journal_entry_get_technique_id (UnknotJournalEntry  *self);
void                unknot_journal_entry_set_technique_id (UnknotJournalEntry  *self,
                                                           const char          *technique_id);
const char         *unknot_journal_entry_get_tool_id      (UnknotJournalEntry  *self);
void                unknot_journal_entry_set_tool_id      (UnknotJournalEntry  *self,
                                                           const char          *tool_id);
guint               unknot_journal_entry_get_seconds      (UnknotJournalEntry  *self);
void                unknot_journal_entry_set_seconds      (UnknotJournalEntry  *self,
                                                           guint                seconds);
const char         *unknot_journal_entry_get_occasion     (UnknotJournalEntry  *self);
void                unknot_journal_entry_set_occasion     (UnknotJournalEntry  *self,
                                                           const char          *occasion);
const char * const *unknot_journal_entry_get_qualities    (UnknotJournalEntry  *self);
void                unknot_journal_entry_set_qualities    (UnknotJournalEntry  *self,
                                                           const char * const  *qualities);
const char * const *unknot_journal_entry_get_red_flags    (UnknotJournalEntry  *self);
void                unknot_journal_entry_set_red_flags    (UnknotJournalEntry  *self,
                                                           const char * const  *red_flags);
gboolean            unknot_journal_entry_has_red_flags    (UnknotJournalEntry  *self);
const char         *unknot_journal_entry_get_notes        (UnknotJournalEntry  *self);
void                unknot_journal_entry_set_notes        (UnknotJournalEntry  *self,
                                                           const char          *notes);
GDateTime          *unknot_journal_entry_get_created      (UnknotJournalEntry  *self);
GDateTime          *unknot_journal_entry_get_modified     (UnknotJournalEntry  *self);
gboolean            unknot_journal_entry_validate         (UnknotJournalEntry  *self,
                                                           const char * const  *known_regions,
                                                           GError             **error);
gboolean            unknot_journal_entry_equal            (UnknotJournalEntry  *a,
                                                           UnknotJournalEntry  *b);

gboolean            unknot_journal_is_valid_region_id     (const char          *region_id);
const char * const *unknot_journal_get_occasion_ids       (void);
const char         *unknot_journal_get_occasion_label     (const char          *occasion_id);
const char * const *unknot_journal_get_quality_ids        (void);
const char         *unknot_journal_get_quality_label      (const char          *quality_id);
const char * const *unknot_journal_get_red_flag_ids       (void);
const char         *unknot_journal_get_red_flag_label     (const char          *red_flag_id);

G_END_DECLS
