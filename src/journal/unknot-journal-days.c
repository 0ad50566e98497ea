/* unknot-journal-days.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal's entries (or a query's), one section per calendar day, for a
 * GtkListView with section headers. The list is newest first, so a day is a run of
 * neighbours; its ends are found by looking outwards from the asked position, a step
 * that doubles and then halves, so a day of 1,500 entries costs about twenty lookups
 * and the list of 100,000 entries is never read as a whole (its pages come in on
 * demand). The last section found is kept until the list changes.
 */

#define G_LOG_DOMAIN "unknot-journal-days"

#include "config.h"

#include "unknot-journal-days.h"
#include "unknot-journal-entry.h"

struct _UnknotJournalDays
{
  GObject     parent_instance;

  GListModel *model;
  gulong      items_changed_id;

  gboolean    cached;
  guint       cached_start;
  guint       cached_end;
};

static void unknot_journal_days_list_model_init    (GListModelInterface   *iface);
static void unknot_journal_days_section_model_init (GtkSectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UnknotJournalDays, unknot_journal_days, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      unknot_journal_days_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SECTION_MODEL,
                                                      unknot_journal_days_section_model_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The local calendar day of the entry at @position, as yyyymmdd; -1 when it cannot be
 * read. */
static gint
day_at (UnknotJournalDays *self,
        guint              position)
{
  g_autoptr(UnknotJournalEntry) entry = g_list_model_get_item (self->model, position);

  if (entry == NULL)
    return -1;
  return unknot_journal_days_get_day (unknot_journal_entry_get_when (entry));
}

/* The first position of the run of @day that holds @position. */
static guint
find_start (UnknotJournalDays *self,
            guint              position,
            gint               day)
{
  guint same = position, other = 0, step = 1;
  gboolean found_other = FALSE;

  while (same > 0)
    {
      guint probe = same > step ? same - step : 0;

      if (day_at (self, probe) == day)
        {
          same = probe;
          step *= 2;
        }
      else
        {
          other = probe;
          found_other = TRUE;
          break;
        }
    }

  /* Between a position of another day and one of this day: halve. */
  while (found_other && same - other > 1)
    {
      guint middle = other + (same - other) / 2;

      if (day_at (self, middle) == day)
        same = middle;
      else
        other = middle;
    }

  return same;
}

/* The position after the run of @day that holds @position. */
static guint
find_end (UnknotJournalDays *self,
          guint              position,
          gint               day,
          guint              n_items)
{
  guint same = position, other = n_items, step = 1;

  while (same + 1 < n_items)
    {
      guint probe = MIN (same + step, n_items - 1);

      if (day_at (self, probe) == day)
        {
          same = probe;
          step *= 2;
        }
      else
        {
          other = probe;
          break;
        }
    }

  while (other < n_items && other - same > 1)
    {
      guint middle = same + (other - same) / 2;

      if (day_at (self, middle) == day)
        same = middle;
      else
        other = middle;
    }

  return same + 1;
}

static void
on_items_changed_cb (GListModel        *model,
                     guint              position,
                     guint              removed,
                     guint              added,
                     UnknotJournalDays *self)
{
  guint n_items = g_list_model_get_n_items (model);
  guint first = position > 0 ? position - 1 : 0;
  guint last = MIN (position + added + 1, n_items);

  self->cached = FALSE;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  /* The neighbours of a change may now start or end a day. */
  if (last > first)
    gtk_section_model_sections_changed (GTK_SECTION_MODEL (self), first, last - first);
}

static GType
unknot_journal_days_get_item_type (GListModel *model)
{
  return UNKNOT_TYPE_JOURNAL_ENTRY;
}

static guint
unknot_journal_days_get_n_items (GListModel *model)
{
  UnknotJournalDays *self = UNKNOT_JOURNAL_DAYS (model);

  return self->model ? g_list_model_get_n_items (self->model) : 0;
}

static gpointer
unknot_journal_days_get_item (GListModel *model,
                              guint       position)
{
  UnknotJournalDays *self = UNKNOT_JOURNAL_DAYS (model);

  return self->model ? g_list_model_get_item (self->model, position) : NULL;
}

static void
unknot_journal_days_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = unknot_journal_days_get_item_type;
  iface->get_n_items = unknot_journal_days_get_n_items;
  iface->get_item = unknot_journal_days_get_item;
}

static void
unknot_journal_days_get_section (GtkSectionModel *model,
                                 guint            position,
                                 guint           *out_start,
                                 guint           *out_end)
{
  UnknotJournalDays *self = UNKNOT_JOURNAL_DAYS (model);
  guint n_items = unknot_journal_days_get_n_items (G_LIST_MODEL (self));
  gint day;

  if (position >= n_items)
    {
      *out_start = n_items;
      *out_end = G_MAXUINT;
      return;
    }

  if (self->cached && self->cached_start <= position && position < self->cached_end)
    {
      *out_start = self->cached_start;
      *out_end = self->cached_end;
      return;
    }

  day = day_at (self, position);
  if (day < 0)
    {
      /* Unreadable: a section of its own, so nothing else is misfiled. */
      *out_start = position;
      *out_end = position + 1;
      return;
    }

  self->cached_start = find_start (self, position, day);
  self->cached_end = find_end (self, position, day, n_items);
  self->cached = TRUE;
  *out_start = self->cached_start;
  *out_end = self->cached_end;
}

static void
unknot_journal_days_section_model_init (GtkSectionModelInterface *iface)
{
  iface->get_section = unknot_journal_days_get_section;
}

static void
unknot_journal_days_dispose (GObject *object)
{
  UnknotJournalDays *self = UNKNOT_JOURNAL_DAYS (object);

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (unknot_journal_days_parent_class)->dispose (object);
}

static void
unknot_journal_days_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UnknotJournalDays *self = UNKNOT_JOURNAL_DAYS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, unknot_journal_days_get_n_items (G_LIST_MODEL (self)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_journal_days_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UnknotJournalDays *self = UNKNOT_JOURNAL_DAYS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      unknot_journal_days_set_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_journal_days_class_init (UnknotJournalDaysClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_journal_days_dispose;
  object_class->get_property = unknot_journal_days_get_property;
  object_class->set_property = unknot_journal_days_set_property;

  /**
   * UnknotJournalDays:model:
   *
   * The entries, newest first: the journal itself or one of its queries.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_journal_days_init (UnknotJournalDays *self)
{
}

/**
 * unknot_journal_days_new:
 * @model: (nullable): a list of #UnknotJournalEntry, newest first
 */
UnknotJournalDays *
unknot_journal_days_new (GListModel *model)
{
  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);

  return g_object_new (UNKNOT_TYPE_JOURNAL_DAYS, "model", model, NULL);
}

/**
 * unknot_journal_days_get_model:
 *
 * Returns: (transfer none) (nullable): the entries
 */
GListModel *
unknot_journal_days_get_model (UnknotJournalDays *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_DAYS (self), NULL);
  return self->model;
}

/* Shows @model instead: one change for the whole list. */
void
unknot_journal_days_set_model (UnknotJournalDays *self,
                               GListModel        *model)
{
  guint old_n_items, new_n_items;

  g_return_if_fail (UNKNOT_IS_JOURNAL_DAYS (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  old_n_items = unknot_journal_days_get_n_items (G_LIST_MODEL (self));
  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_set_object (&self->model, model);
  if (self->model != NULL)
    self->items_changed_id = g_signal_connect (self->model, "items-changed",
                                               G_CALLBACK (on_items_changed_cb), self);
  self->cached = FALSE;
  new_n_items = unknot_journal_days_get_n_items (G_LIST_MODEL (self));

  if (old_n_items > 0 || new_n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, new_n_items);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
  if (old_n_items != new_n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * unknot_journal_days_get_day:
 * @when: a moment
 *
 * Returns: its calendar day where the person is, as yyyymmdd
 */
gint
unknot_journal_days_get_day (GDateTime *when)
{
  g_autoptr(GDateTime) local = NULL;
  int year, month, day;

  g_return_val_if_fail (when != NULL, -1);

  local = g_date_time_to_local (when);
  g_date_time_get_ymd (local, &year, &month, &day);
  return year * 10000 + month * 100 + day;
}
