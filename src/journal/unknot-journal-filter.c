/* unknot-journal-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which entries a list of the journal shows: by region, tool, technique, a range of
 * dates, a piece of the notes and whether a warning sign was noted. A filter is a small value; the journal turns it into
 * the WHERE clause of its queries, so nothing is filtered by walking over objects.
 */

#define G_LOG_DOMAIN "unknot-journal-filter"

#include "config.h"

#include "unknot-journal-filter.h"
#include "unknot-journal-private.h"

struct _UnknotJournalFilter
{
  char      *region;
  char      *tool;
  char      *technique;
  GDateTime *since;
  GDateTime *until;
  char      *text;
  gboolean   red_flagged;
};

G_DEFINE_BOXED_TYPE (UnknotJournalFilter, unknot_journal_filter,
                     unknot_journal_filter_copy, unknot_journal_filter_free)

/**
 * unknot_journal_filter_new:
 *
 * Returns: (transfer full): a filter that lets every entry through
 */
UnknotJournalFilter *
unknot_journal_filter_new (void)
{
  return g_new0 (UnknotJournalFilter, 1);
}

UnknotJournalFilter *
unknot_journal_filter_copy (const UnknotJournalFilter *self)
{
  UnknotJournalFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = unknot_journal_filter_new ();
  copy->region = g_strdup (self->region);
  copy->tool = g_strdup (self->tool);
  copy->technique = g_strdup (self->technique);
  copy->since = self->since ? g_date_time_ref (self->since) : NULL;
  copy->until = self->until ? g_date_time_ref (self->until) : NULL;
  copy->text = g_strdup (self->text);
  copy->red_flagged = self->red_flagged;

  return copy;
}

void
unknot_journal_filter_free (UnknotJournalFilter *self)
{
  if (self == NULL)
    return;

  g_free (self->region);
  g_free (self->tool);
  g_free (self->technique);
  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  g_free (self->text);
  g_free (self);
}

static gboolean
date_time_equal0 (GDateTime *a,
                  GDateTime *b)
{
  return (a == NULL || b == NULL) ? a == b : g_date_time_equal (a, b);
}

gboolean
unknot_journal_filter_equal (const UnknotJournalFilter *a,
                             const UnknotJournalFilter *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->region, b->region) == 0 &&
         g_strcmp0 (a->tool, b->tool) == 0 &&
         g_strcmp0 (a->technique, b->technique) == 0 &&
         date_time_equal0 (a->since, b->since) &&
         date_time_equal0 (a->until, b->until) &&
         g_strcmp0 (a->text, b->text) == 0 &&
         a->red_flagged == b->red_flagged;
}

gboolean
unknot_journal_filter_is_empty (const UnknotJournalFilter *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->region == NULL && self->tool == NULL && self->technique == NULL &&
         self->since == NULL && self->until == NULL && self->text == NULL &&
         !self->red_flagged;
}

/* Empty strings mean "any", like %NULL. */
static void
set_field (char       **field,
           const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  g_set_str (field, value);
}

const char *
unknot_journal_filter_get_region (const UnknotJournalFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->region;
}

/**
 * unknot_journal_filter_set_region:
 * @region_id: (nullable): a body map region ("gluteals-left"), or a region without
 *   its side ("gluteals") for both sides
 */
void
unknot_journal_filter_set_region (UnknotJournalFilter *self,
                                  const char          *region_id)
{
  g_return_if_fail (self != NULL);
  set_field (&self->region, region_id);
}

const char *
unknot_journal_filter_get_tool (const UnknotJournalFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->tool;
}

void
unknot_journal_filter_set_tool (UnknotJournalFilter *self,
                                const char          *tool_id)
{
  g_return_if_fail (self != NULL);
  set_field (&self->tool, tool_id);
}

const char *
unknot_journal_filter_get_technique (const UnknotJournalFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->technique;
}

void
unknot_journal_filter_set_technique (UnknotJournalFilter *self,
                                     const char          *technique_id)
{
  g_return_if_fail (self != NULL);
  set_field (&self->technique, technique_id);
}

/**
 * unknot_journal_filter_get_since:
 *
 * Returns: (transfer none) (nullable): the earliest moment shown
 */
GDateTime *
unknot_journal_filter_get_since (const UnknotJournalFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->since;
}

/**
 * unknot_journal_filter_get_until:
 *
 * Returns: (transfer none) (nullable): the first moment no longer shown
 */
GDateTime *
unknot_journal_filter_get_until (const UnknotJournalFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->until;
}

/**
 * unknot_journal_filter_set_range:
 * @since: (nullable): entries from this moment on
 * @until: (nullable): entries before this moment (so a day is midnight to midnight)
 */
void
unknot_journal_filter_set_range (UnknotJournalFilter *self,
                                 GDateTime           *since,
                                 GDateTime           *until)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  self->since = since ? g_date_time_ref (since) : NULL;
  self->until = until ? g_date_time_ref (until) : NULL;
}

const char *
unknot_journal_filter_get_text (const UnknotJournalFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

/**
 * unknot_journal_filter_set_text:
 * @text: (nullable): words to find in the notes, in any case
 */
void
unknot_journal_filter_set_text (UnknotJournalFilter *self,
                                const char          *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (self != NULL);

  stripped = text ? g_strstrip (g_utf8_make_valid (text, -1)) : NULL;
  set_field (&self->text, stripped);
}

gboolean
unknot_journal_filter_get_red_flagged (const UnknotJournalFilter *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->red_flagged;
}

/**
 * unknot_journal_filter_set_red_flagged:
 * @red_flagged: %TRUE for only the entries that noted a warning sign (any red flag)
 *
 * With a range, this is how the journal page finds the recent warning signs that its
 * banner reminds of.
 */
void
unknot_journal_filter_set_red_flagged (UnknotJournalFilter *self,
                                       gboolean             red_flagged)
{
  g_return_if_fail (self != NULL);
  self->red_flagged = !!red_flagged;
}

/* Appends one " AND …" per condition, with named parameters that
 * unknot_journal_filter_bind() fills in. The entry table is "e".
 *
 * A region is matched two ways, each the fastest for its query: a count starts from
 * the region's index (about 20 ms for 20,000 matches in 100,000 entries); a page
 * walks the entries newest first and looks each one up (under 2 ms for 50 rows, where
 * sorting every match for each page took 25 ms). */
void
unknot_journal_filter_append_sql (const UnknotJournalFilter *self,
                                  gboolean                   for_count,
                                  GString                   *sql)
{
  if (self == NULL)
    return;

  if (self->region != NULL && for_count)
    g_string_append (sql,
                     " AND e.id IN (SELECT entry FROM entry_regions"
                     " WHERE region IN (:f_region, :f_region || '-left', :f_region || '-right'))");
  else if (self->region != NULL)
    g_string_append (sql,
                     " AND EXISTS (SELECT 1 FROM entry_regions AS r WHERE r.entry = e.id"
                     " AND r.region IN (:f_region, :f_region || '-left', :f_region || '-right'))");
  if (self->tool != NULL)
    g_string_append (sql, " AND e.tool = :f_tool");
  if (self->technique != NULL)
    g_string_append (sql, " AND e.technique = :f_technique");
  if (self->since != NULL)
    g_string_append (sql, " AND e.when_us >= :f_since");
  if (self->until != NULL)
    g_string_append (sql, " AND e.when_us < :f_until");
  if (self->text != NULL)
    g_string_append (sql, " AND unknot_contains(e.notes, :f_text)");
  /* The flags' primary key starts with the entry: one lookup per entry walked. */
  if (self->red_flagged)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM entry_red_flags AS f WHERE f.entry = e.id)");
}

static int
bind_text (sqlite3_stmt *stmt,
           const char   *name,
           const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  return index > 0 ? sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT) : SQLITE_OK;
}

static int
bind_time (sqlite3_stmt *stmt,
           const char   *name,
           GDateTime    *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  return index > 0 ? sqlite3_bind_int64 (stmt, index, g_date_time_to_unix_usec (value)) : SQLITE_OK;
}

/* Binds the parameters of unknot_journal_filter_append_sql(); they stay bound across
 * sqlite3_reset(), so a statement is bound once for its life. */
int
unknot_journal_filter_bind (const UnknotJournalFilter *self,
                            sqlite3_stmt              *stmt)
{
  g_autofree char *folded = NULL;
  int rc = SQLITE_OK;

  if (self == NULL)
    return SQLITE_OK;

  if (self->region != NULL && rc == SQLITE_OK)
    rc = bind_text (stmt, ":f_region", self->region);
  if (self->tool != NULL && rc == SQLITE_OK)
    rc = bind_text (stmt, ":f_tool", self->tool);
  if (self->technique != NULL && rc == SQLITE_OK)
    rc = bind_text (stmt, ":f_technique", self->technique);
  if (self->since != NULL && rc == SQLITE_OK)
    rc = bind_time (stmt, ":f_since", self->since);
  if (self->until != NULL && rc == SQLITE_OK)
    rc = bind_time (stmt, ":f_until", self->until);
  if (self->text != NULL && rc == SQLITE_OK)
    {
      folded = unknot_journal_fold_text (self->text);
      rc = bind_text (stmt, ":f_text", folded);
    }

  return rc;
}
