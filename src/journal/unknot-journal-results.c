/* unknot-journal-results.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entries of the journal that a filter lets through, newest first, as a list model
 * that reads its rows from the database a page of 50 at a time and keeps six pages at
 * most. A page next to one already read is found by its key (the entry's time and row
 * id), so scrolling costs the same at the end of a long journal as at its start; a page
 * far from any other is found by the key at its offset, from an index. Every count
 * and position is a query with the filter as its WHERE clause.
 *
 * The journal tells every list of each committed change, in two steps around the
 * moment its reading connection moves to the new state of the file: where the entry
 * was (from its page, when one holds it, or counted), then where it is. So each list
 * announces exactly what changed, at the right position, and what it reports always
 * matches what it reads.
 */

#define G_LOG_DOMAIN "unknot-journal"

#include "config.h"

#include "unknot-journal-private.h"

#define PAGE_SIZE 50
#define MAX_PAGES 6
/* Past this many newer entries, a position is counted from the filter's index. */
#define DEEP 2000

typedef struct
{
  guint      index;
  GPtrArray *entries;
  GArray    *keys;        /* when, row id of each entry */
  gint64     first_when;
  gint64     first_rowid;
  gint64     last_when;
  gint64     last_rowid;
} Page;

struct _UnknotJournalResults
{
  GObject              parent_instance;

  UnknotJournal       *journal;
  gboolean             owned_by_journal;
  UnknotJournalFilter *filter;

  sqlite3_stmt        *count_stmt;
  sqlite3_stmt        *key_at_stmt;
  sqlite3_stmt        *older_stmt;
  sqlite3_stmt        *newer_stmt;
  sqlite3_stmt        *key_stmt;
  sqlite3_stmt        *position_stmt;
  sqlite3_stmt        *position_by_index_stmt;
  sqlite3_stmt        *depth_stmt;
  gboolean             prepared;

  guint                n_items;
  GHashTable          *pages;
  GQueue               recent;

  /* The change being applied, between change_begin () and change_emit (). */
  gboolean             change_pending;
  gboolean             was_member;
  gboolean             is_member;
  guint                old_position;
  guint                new_position;
  gint64               old_when;
  gint64               old_rowid;
  guint                old_n_items;
};

static void unknot_journal_results_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UnknotJournalResults, unknot_journal_results, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      unknot_journal_results_list_model_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->entries);
  g_array_unref (page->keys);
  g_free (page);
}

static void
drop_pages (UnknotJournalResults *self)
{
  g_queue_clear (&self->recent);
  g_hash_table_remove_all (self->pages);
}

static void
finalize_statements (UnknotJournalResults *self)
{
  g_clear_pointer (&self->count_stmt, sqlite3_finalize);
  g_clear_pointer (&self->key_at_stmt, sqlite3_finalize);
  g_clear_pointer (&self->older_stmt, sqlite3_finalize);
  g_clear_pointer (&self->newer_stmt, sqlite3_finalize);
  g_clear_pointer (&self->key_stmt, sqlite3_finalize);
  g_clear_pointer (&self->position_stmt, sqlite3_finalize);
  g_clear_pointer (&self->position_by_index_stmt, sqlite3_finalize);
  g_clear_pointer (&self->depth_stmt, sqlite3_finalize);
  self->prepared = FALSE;
}

/* SELECT @what FROM entries AS e WHERE @condition AND <the filter> @tail */
static gboolean
prepare_full (UnknotJournalResults  *self,
              sqlite3               *db,
              const char            *what,
              const char            *condition,
              const char            *tail,
              gboolean               for_count,
              sqlite3_stmt         **stmt)
{
  g_autoptr(GString) conditions = g_string_new (NULL);
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(GError) error = NULL;
  int rc;

  if (condition != NULL)
    g_string_append_printf (conditions, " AND %s", condition);
  unknot_journal_filter_append_sql (self->filter, for_count, conditions);

  g_string_append_printf (sql, "%s FROM entries AS e", what);
  if (conditions->len > 0)
    g_string_append_printf (sql, " WHERE %s", conditions->str + strlen (" AND "));
  if (tail != NULL)
    g_string_append (sql, tail);

  if (!unknot_journal_db_prepare (db, sql->str, stmt, &error))
    return FALSE;

  rc = unknot_journal_filter_bind (self->filter, *stmt);
  if (rc != SQLITE_OK)
    {
      g_debug ("Could not bind the filter: %s", sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

/* A list of one region is counted from the region's index alone. */
static gboolean
prepare_count (UnknotJournalResults *self,
               sqlite3              *db)
{
  g_autoptr(UnknotJournalFilter) region_only = unknot_journal_filter_new ();

  unknot_journal_filter_set_region (region_only, unknot_journal_filter_get_region (self->filter));
  if (unknot_journal_filter_get_region (self->filter) == NULL ||
      !unknot_journal_filter_equal (self->filter, region_only))
    return prepare_full (self, db, "count(*)", NULL, NULL, TRUE, &self->count_stmt);

  return unknot_journal_db_prepare (db,
                                    "SELECT count(DISTINCT entry) FROM entry_regions"
                                    " WHERE region IN (:f_region, :f_region || '-left', :f_region || '-right')",
                                    &self->count_stmt, NULL) &&
         unknot_journal_filter_bind (self->filter, self->count_stmt) == SQLITE_OK;
}

/* Counts start from the filter's index; everything else walks the entries in order
 * (see unknot_journal_filter_append_sql ()). */
static gboolean
prepare_one (UnknotJournalResults  *self,
             sqlite3               *db,
             const char            *what,
             const char            *condition,
             const char            *tail,
             sqlite3_stmt         **stmt)
{
  return prepare_full (self, db, what, condition, tail, FALSE, stmt);
}

static gboolean
prepare (UnknotJournalResults *self)
{
  sqlite3 *db = unknot_journal_get_read_db (self->journal);

  finalize_statements (self);
  if (db == NULL)
    return FALSE;

  self->prepared =
    prepare_count (self, db) &&
    prepare_one (self, db, "e.when_us, e.id", NULL,
                 UNKNOT_JOURNAL_ORDER_NEWEST_FIRST " LIMIT 1 OFFSET :offset",
                 &self->key_at_stmt) &&
    prepare_one (self, db, UNKNOT_JOURNAL_ENTRY_COLUMNS, "(e.when_us, e.id) < (:when, :rowid)",
                 UNKNOT_JOURNAL_ORDER_NEWEST_FIRST " LIMIT :limit",
                 &self->older_stmt) &&
    prepare_one (self, db, UNKNOT_JOURNAL_ENTRY_COLUMNS, "(e.when_us, e.id) > (:when, :rowid)",
                 " ORDER BY e.when_us ASC, e.id ASC LIMIT :limit",
                 &self->newer_stmt) &&
    prepare_one (self, db, "e.when_us, e.id", "e.uuid = :uuid", NULL, &self->key_stmt) &&
    prepare_one (self, db, "count(*)", "(e.when_us, e.id) > (:when, :rowid)", NULL,
                 &self->position_stmt) &&
    prepare_full (self, db, "count(*)", "(e.when_us, e.id) > (:when, :rowid)", NULL, TRUE,
                  &self->position_by_index_stmt) &&
    unknot_journal_db_prepare (db, "SELECT count(*) FROM entries AS e"
                               " WHERE (e.when_us, e.id) > (:when, :rowid)",
                               &self->depth_stmt, NULL);

  if (!self->prepared)
    finalize_statements (self);

  return self->prepared;
}

static void
bind_int64 (sqlite3_stmt *stmt,
            const char   *name,
            gint64        value)
{
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, name), value);
}

/* Returns: the number of rows counted, or 0 when the file could not be read */
static guint
step_count (sqlite3_stmt *stmt)
{
  guint n = 0;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    n = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);
  else
    g_debug ("Could not count entries: %s", sqlite3_errstr (rc));
  sqlite3_reset (stmt);

  return n;
}

static guint
count (UnknotJournalResults *self)
{
  return self->prepared ? step_count (self->count_stmt) : 0;
}

static Page *
read_page (UnknotJournalResults *self,
           guint                 index)
{
  guint start = index * PAGE_SIZE;
  guint want = MIN (PAGE_SIZE, self->n_items - start);
  Page *newer = index > 0 ? g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index - 1)) : NULL;
  Page *older = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index + 1));
  g_autoptr(GPtrArray) entries = g_ptr_array_new_full (want, g_object_unref);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean reversed = FALSE;
  Page *page;
  int rc;

  /* Next to a page already read, the rows are found by key. Otherwise the first row's
   * key is found by its offset, reading only an index where the filter allows. */
  if (newer != NULL)
    {
      stmt = self->older_stmt;
      bind_int64 (stmt, ":when", newer->last_when);
      bind_int64 (stmt, ":rowid", newer->last_rowid);
    }
  else if (older != NULL)
    {
      stmt = self->newer_stmt;
      bind_int64 (stmt, ":when", older->first_when);
      bind_int64 (stmt, ":rowid", older->first_rowid);
      reversed = TRUE;
    }
  else
    {
      gint64 when, rowid;

      bind_int64 (self->key_at_stmt, ":offset", start);
      rc = sqlite3_step (self->key_at_stmt);
      when = sqlite3_column_int64 (self->key_at_stmt, 0);
      rowid = sqlite3_column_int64 (self->key_at_stmt, 1);
      sqlite3_reset (self->key_at_stmt);
      if (rc != SQLITE_ROW)
        {
          g_debug ("Could not find entry %u: %s", start, sqlite3_errstr (rc));
          return NULL;
        }

      /* Older than the next row id: this row and the ones after it. */
      stmt = self->older_stmt;
      bind_int64 (stmt, ":when", when);
      bind_int64 (stmt, ":rowid", rowid + 1);
    }
  bind_int64 (stmt, ":limit", want);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key[2] = { sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 0) };

      g_ptr_array_add (entries, unknot_journal_db_read_entry (stmt, 0));
      g_array_append_vals (keys, key, 2);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE || entries->len == 0)
    {
      g_debug ("Could not read entries %u to %u: %s", start, start + want,
               rc == SQLITE_DONE ? "no rows" : sqlite3_errstr (rc));
      return NULL;
    }

  if (reversed)
    {
      for (guint i = 0, j = entries->len - 1; i < j; i++, j--)
        {
          gpointer entry = entries->pdata[i];
          gint64 key[2] = { g_array_index (keys, gint64, 2 * i), g_array_index (keys, gint64, 2 * i + 1) };

          entries->pdata[i] = entries->pdata[j];
          entries->pdata[j] = entry;
          g_array_index (keys, gint64, 2 * i) = g_array_index (keys, gint64, 2 * j);
          g_array_index (keys, gint64, 2 * i + 1) = g_array_index (keys, gint64, 2 * j + 1);
          g_array_index (keys, gint64, 2 * j) = key[0];
          g_array_index (keys, gint64, 2 * j + 1) = key[1];
        }
    }

  page = g_new0 (Page, 1);
  page->index = index;
  page->first_when = g_array_index (keys, gint64, 0);
  page->first_rowid = g_array_index (keys, gint64, 1);
  page->last_when = g_array_index (keys, gint64, keys->len - 2);
  page->last_rowid = g_array_index (keys, gint64, keys->len - 1);
  page->entries = g_steal_pointer (&entries);
  page->keys = g_steal_pointer (&keys);

  return page;
}

static Page *
get_page (UnknotJournalResults *self,
          guint                 index)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));

  if (page != NULL)
    {
      g_queue_remove (&self->recent, page);
      g_queue_push_head (&self->recent, page);
      return page;
    }

  page = read_page (self, index);
  if (page == NULL)
    return NULL;

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  g_queue_push_head (&self->recent, page);
  while (self->recent.length > MAX_PAGES)
    {
      Page *oldest = g_queue_pop_tail (&self->recent);

      g_hash_table_remove (self->pages, GUINT_TO_POINTER (oldest->index));
    }

  return page;
}

static GType
unknot_journal_results_get_item_type (GListModel *model)
{
  return UNKNOT_TYPE_JOURNAL_ENTRY;
}

static guint
unknot_journal_results_get_n_items (GListModel *model)
{
  return UNKNOT_JOURNAL_RESULTS (model)->n_items;
}

static gpointer
unknot_journal_results_get_item (GListModel *model,
                                 guint       position)
{
  UnknotJournalResults *self = UNKNOT_JOURNAL_RESULTS (model);
  Page *page;

  if (position >= self->n_items || !self->prepared)
    return NULL;

  page = get_page (self, position / PAGE_SIZE);
  if (page == NULL || position % PAGE_SIZE >= page->entries->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (page->entries, position % PAGE_SIZE));
}

static void
unknot_journal_results_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = unknot_journal_results_get_item_type;
  iface->get_n_items = unknot_journal_results_get_n_items;
  iface->get_item = unknot_journal_results_get_item;
}

static void
unknot_journal_results_dispose (GObject *object)
{
  UnknotJournalResults *self = UNKNOT_JOURNAL_RESULTS (object);

  drop_pages (self);
  finalize_statements (self);
  if (self->journal != NULL)
    {
      unknot_journal_remove_results (self->journal, self);
      if (self->owned_by_journal)
        self->journal = NULL;
      else
        g_clear_object (&self->journal);
    }

  G_OBJECT_CLASS (unknot_journal_results_parent_class)->dispose (object);
}

static void
unknot_journal_results_finalize (GObject *object)
{
  UnknotJournalResults *self = UNKNOT_JOURNAL_RESULTS (object);

  g_hash_table_unref (self->pages);
  g_clear_pointer (&self->filter, unknot_journal_filter_free);

  G_OBJECT_CLASS (unknot_journal_results_parent_class)->finalize (object);
}

static void
unknot_journal_results_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  UnknotJournalResults *self = UNKNOT_JOURNAL_RESULTS (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_journal_results_class_init (UnknotJournalResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_journal_results_dispose;
  object_class->finalize = unknot_journal_results_finalize;
  object_class->get_property = unknot_journal_results_get_property;

  /**
   * UnknotJournalResults:n-items:
   *
   * How many entries the filter lets through.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_journal_results_init (UnknotJournalResults *self)
{
  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                       (GDestroyNotify) page_free);
  g_queue_init (&self->recent);
}

/**
 * unknot_journal_results_new:
 * @filter: (nullable): which entries; %NULL for all
 * @owned_by_journal: %TRUE for the journal's own list, which does not keep the journal
 *   alive
 */
UnknotJournalResults *
unknot_journal_results_new (UnknotJournal             *journal,
                            const UnknotJournalFilter *filter,
                            gboolean                   owned_by_journal)
{
  UnknotJournalResults *self = g_object_new (UNKNOT_TYPE_JOURNAL_RESULTS, NULL);

  self->owned_by_journal = owned_by_journal;
  self->journal = owned_by_journal ? journal : g_object_ref (journal);
  self->filter = filter ? unknot_journal_filter_copy (filter) : unknot_journal_filter_new ();

  unknot_journal_add_results (journal, self);
  if (prepare (self))
    self->n_items = count (self);

  return self;
}

/**
 * unknot_journal_results_get_filter:
 *
 * Returns: (transfer none): the filter (an empty one when every entry is listed)
 */
const UnknotJournalFilter *
unknot_journal_results_get_filter (UnknotJournalResults *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_RESULTS (self), NULL);
  return self->filter;
}

/* After the journal opened (or its reading connection changed): everything anew. */
void
unknot_journal_results_reload (UnknotJournalResults *self)
{
  guint old_n_items = self->n_items;

  drop_pages (self);
  self->n_items = prepare (self) ? count (self) : 0;

  if (old_n_items > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
  if (old_n_items != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* The key of the entry, if the filter lets it through. */
static gboolean
find_key (UnknotJournalResults *self,
          const char           *id,
          gint64               *when,
          gint64               *rowid)
{
  int rc;

  if (!self->prepared)
    return FALSE;

  sqlite3_bind_text (self->key_stmt, sqlite3_bind_parameter_index (self->key_stmt, ":uuid"),
                     id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (self->key_stmt);
  *when = sqlite3_column_int64 (self->key_stmt, 0);
  *rowid = sqlite3_column_int64 (self->key_stmt, 1);
  sqlite3_reset (self->key_stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    g_debug ("Could not look up entry %s: %s", id, sqlite3_errstr (rc));
  return rc == SQLITE_ROW;
}

/* How many listed entries come before the one with this key. */
static guint
count_position (UnknotJournalResults *self,
                gint64                when,
                gint64                rowid)
{
  sqlite3_stmt *stmt = self->position_stmt;

  /* With a region, an entry near the top (a new one) is placed by walking down to it,
   * one deep in a long journal by counting from the region's index, which costs the
   * same wherever it is. How deep it is, the time index alone tells. */
  if (unknot_journal_filter_get_region (self->filter) != NULL)
    {
      bind_int64 (self->depth_stmt, ":when", when);
      bind_int64 (self->depth_stmt, ":rowid", rowid);
      if (step_count (self->depth_stmt) >= DEEP)
        stmt = self->position_by_index_stmt;
    }

  bind_int64 (stmt, ":when", when);
  bind_int64 (stmt, ":rowid", rowid);
  return step_count (stmt);
}

/* An entry on a page read since the last change is where that page says. */
static gboolean
find_cached (UnknotJournalResults *self,
             const char           *id,
             guint                *position,
             gint64               *when,
             gint64               *rowid)
{
  for (GList *l = self->recent.head; l != NULL; l = l->next)
    {
      Page *page = l->data;

      for (guint i = 0; i < page->entries->len; i++)
        {
          if (g_str_equal (unknot_journal_entry_get_id (g_ptr_array_index (page->entries, i)), id))
            {
              *position = page->index * PAGE_SIZE + i;
              *when = g_array_index (page->keys, gint64, 2 * i);
              *rowid = g_array_index (page->keys, gint64, 2 * i + 1);
              return TRUE;
            }
        }
    }
  return FALSE;
}

/* Called while the journal still reads the file as it was before the change. */
void
unknot_journal_results_change_begin (UnknotJournalResults *self,
                                     const char           *id)
{
  self->old_n_items = self->n_items;
  self->was_member = find_cached (self, id, &self->old_position, &self->old_when, &self->old_rowid);
  if (!self->was_member)
    {
      self->was_member = find_key (self, id, &self->old_when, &self->old_rowid);
      if (self->was_member)
        self->old_position = count_position (self, self->old_when, self->old_rowid);
    }
}

/* Called once the journal reads the file as it is after the change. Nothing is
 * announced yet, so that every list is up to date before anyone hears of any. */
void
unknot_journal_results_change_end (UnknotJournalResults *self,
                                   const char           *id)
{
  gint64 when, rowid;

  self->is_member = find_key (self, id, &when, &rowid);
  if (self->is_member)
    {
      /* Edited in place: no other entry moved, so neither did this one. */
      if (self->was_member && when == self->old_when && rowid == self->old_rowid)
        self->new_position = self->old_position;
      else
        self->new_position = count_position (self, when, rowid);
    }
  self->change_pending = TRUE;

  if (self->was_member || self->is_member)
    {
      drop_pages (self);
      self->n_items = self->n_items - (self->was_member ? 1 : 0) + (self->is_member ? 1 : 0);
    }
}

void
unknot_journal_results_change_emit (UnknotJournalResults *self)
{
  if (!self->change_pending)
    return;
  self->change_pending = FALSE;

  if (self->was_member && self->is_member)
    {
      /* Changed in place, or moved: everything between the two places shifts by one. */
      guint first = MIN (self->old_position, self->new_position);
      guint last = MAX (self->old_position, self->new_position);

      g_list_model_items_changed (G_LIST_MODEL (self), first, last - first + 1, last - first + 1);
    }
  else if (self->was_member)
    g_list_model_items_changed (G_LIST_MODEL (self), self->old_position, 1, 0);
  else if (self->is_member)
    g_list_model_items_changed (G_LIST_MODEL (self), self->new_position, 0, 1);

  if (self->n_items != self->old_n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}
