/* unknot-journal-stats.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "unknot-journal.h"
#include "unknot-journal-filter.h"

G_BEGIN_DECLS

/* Below this many sessions, a technique's or tool's numbers are too few to tell. */
#define UNKNOT_JOURNAL_STATS_MIN_SESSIONS 3

/* The ranges the trends offer; each ends with today, where the person is. */
typedef enum {
  UNKNOT_JOURNAL_STATS_RANGE_TWO_WEEKS,
  UNKNOT_JOURNAL_STATS_RANGE_THREE_MONTHS,
  UNKNOT_JOURNAL_STATS_RANGE_YEAR,
  UNKNOT_JOURNAL_STATS_RANGE_ALL,
} UnknotJournalStatsRange;

/* What the relief is counted for. */
typedef enum {
  UNKNOT_JOURNAL_STATS_BY_TECHNIQUE,
  UNKNOT_JOURNAL_STATS_BY_TOOL,
} UnknotJournalStatsBy;

/* One local calendar day that has entries. */
typedef struct {
  gint   day;          /* yyyymmdd, as unknot_journal_days_get_day () gives it */
  double pain_before;  /* the average over the day's entries */
  double pain_after;   /* the average over the entries that noted it; NAN when none did */
  guint  n_entries;
  guint  n_after;      /* entries that noted the pain after */
} UnknotJournalStatsDay;

/* The relief one technique or one tool brought. Sessions are the entries that noted
 * the pain both before and after. */
typedef struct {
  char    *id;                /* the technique's or tool's id (owned by the array) */
  guint    n_sessions;
  double   average_change;    /* after − before: below zero is relief */
  guint    n_meaningful;      /* sessions with a meaningful drop (see the .c) */
  double   meaningful_share;  /* n_meaningful / n_sessions, 0 to 1 */
  gboolean too_few;           /* n_sessions < UNKNOT_JOURNAL_STATS_MIN_SESSIONS */
} UnknotJournalStatsRelief;

/* The pain noted for one body map region. */
typedef struct {
  char   *region;       /* a region id as entries hold it ("gluteals-left"), owned */
  double  pain_before;  /* the average pain before, over its entries */
  guint   n_entries;
} UnknotJournalStatsRegion;

/* All the entries a filter lets through, taken together. */
typedef struct {
  guint  n_entries;
  guint  n_after;
  double pain_before;   /* averages as in UnknotJournalStatsDay; NAN over no entries */
  double pain_after;
  int    worst_before;  /* the highest pain before; -1 over no entries */
} UnknotJournalStatsTotals;

void      unknot_journal_stats_range_get_bounds (UnknotJournalStatsRange    range,
                                                 GDateTime                 *now,
                                                 GDateTime                **since,
                                                 GDateTime                **until);
UnknotJournalFilter *
          unknot_journal_stats_range_filter     (UnknotJournalStatsRange    range,
                                                 GDateTime                 *now);
GArray   *unknot_journal_stats_days             (UnknotJournal             *journal,
                                                 const UnknotJournalFilter *filter,
                                                 GError                   **error);
GArray   *unknot_journal_stats_relief           (UnknotJournal             *journal,
                                                 UnknotJournalStatsBy       by,
                                                 const UnknotJournalFilter *filter,
                                                 GError                   **error);
GArray   *unknot_journal_stats_regions          (UnknotJournal             *journal,
                                                 const UnknotJournalFilter *filter,
                                                 GError                   **error);
gboolean  unknot_journal_stats_totals           (UnknotJournal             *journal,
                                                 const UnknotJournalFilter *filter,
                                                 UnknotJournalStatsTotals  *totals,
                                                 GError                   **error);
char     *unknot_journal_stats_summary          (UnknotJournal             *journal,
                                                 UnknotJournalStatsRange    range,
                                                 GDateTime                 *now,
                                                 GError                   **error);
char     *unknot_journal_stats_describe         (UnknotJournalStatsRange    range,
                                                 const UnknotJournalStatsTotals *totals);
char     *unknot_journal_stats_describe_relief  (const UnknotJournalStatsRelief *relief);
char     *unknot_journal_stats_describe_meaningful (const UnknotJournalStatsRelief *relief);

G_END_DECLS
