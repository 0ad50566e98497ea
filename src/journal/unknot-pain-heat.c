/* unknot-pain-heat.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The person's pain on the body map: the journal's average pain per region over a
 * range (unknot_journal_stats_regions ()) turned into the map's heat values. This is
 * the one place that knows both the journal and the map; the map only takes a heat
 * between 0 and 1 per region id and knows nothing of where it came from.
 *
 * While active it follows the journal: every change of the journal (an entry added,
 * edited, deleted, a journal opened late) computes the heat again, once for a burst of
 * changes, and emits ::changed.
 */

#define G_LOG_DOMAIN "unknot-pain-heat"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "unknot-pain-heat.h"

/* Changes that come close together (an import, a burst of acknowledgements from the
 * journal's worker) are counted once, this long after the first. */
#define REFRESH_DELAY_MS 100

typedef struct {
  double heat;
  double average;
  guint  n_entries;
} RegionHeat;

struct _UnknotPainHeat
{
  GObject                  parent_instance;

  UnknotJournal           *journal;
  UnknotJournalStatsRange  range;
  gboolean                 active;

  GHashTable              *regions;   /* region id → RegionHeat */
  GError                  *error;
  guint                    refresh_source;
};

G_DEFINE_FINAL_TYPE (UnknotPainHeat, unknot_pain_heat, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_RANGE,
  PROP_ACTIVE,
  PROP_ERROR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_error (UnknotPainHeat *self,
           GError         *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static gboolean
refresh_cb (gpointer data)
{
  UnknotPainHeat *self = data;

  self->refresh_source = 0;
  unknot_pain_heat_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
queue_refresh (UnknotPainHeat *self)
{
  if (!self->active || self->refresh_source != 0)
    return;

  self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
  g_source_set_name_by_id (self->refresh_source, "[unknot] pain heat refresh");
}

static void
on_journal_items_changed_cb (UnknotPainHeat *self,
                             guint           position,
                             guint           removed,
                             guint           added)
{
  queue_refresh (self);
}

static void
on_journal_open_changed_cb (UnknotPainHeat *self)
{
  queue_refresh (self);
}

static void
unknot_pain_heat_constructed (GObject *object)
{
  UnknotPainHeat *self = UNKNOT_PAIN_HEAT (object);

  G_OBJECT_CLASS (unknot_pain_heat_parent_class)->constructed (object);

  g_return_if_fail (self->journal != NULL);

  g_signal_connect_object (self->journal, "items-changed",
                           G_CALLBACK (on_journal_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->journal, "notify::is-open",
                           G_CALLBACK (on_journal_open_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->journal, "notify::load-error",
                           G_CALLBACK (on_journal_open_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
unknot_pain_heat_dispose (GObject *object)
{
  UnknotPainHeat *self = UNKNOT_PAIN_HEAT (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (unknot_pain_heat_parent_class)->dispose (object);
}

static void
unknot_pain_heat_finalize (GObject *object)
{
  UnknotPainHeat *self = UNKNOT_PAIN_HEAT (object);

  g_clear_pointer (&self->regions, g_hash_table_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (unknot_pain_heat_parent_class)->finalize (object);
}

static void
unknot_pain_heat_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UnknotPainHeat *self = UNKNOT_PAIN_HEAT (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_RANGE:
      g_value_set_int (value, self->range);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_pain_heat_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UnknotPainHeat *self = UNKNOT_PAIN_HEAT (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_RANGE:
      unknot_pain_heat_set_range (self, g_value_get_int (value));
      break;

    case PROP_ACTIVE:
      unknot_pain_heat_set_active (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_pain_heat_class_init (UnknotPainHeatClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = unknot_pain_heat_constructed;
  object_class->dispose = unknot_pain_heat_dispose;
  object_class->finalize = unknot_pain_heat_finalize;
  object_class->get_property = unknot_pain_heat_get_property;
  object_class->set_property = unknot_pain_heat_set_property;

  /**
   * UnknotPainHeat:journal:
   *
   * The journal whose entries make the heat.
   */
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, UNKNOT_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotPainHeat:range:
   *
   * The days that count, an #UnknotJournalStatsRange.
   */
  properties[PROP_RANGE] =
    g_param_spec_int ("range", NULL, NULL,
                      UNKNOT_JOURNAL_STATS_RANGE_TWO_WEEKS, UNKNOT_JOURNAL_STATS_RANGE_ALL,
                      UNKNOT_JOURNAL_STATS_RANGE_THREE_MONTHS,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotPainHeat:active:
   *
   * Whether the heat is computed and follows the journal; inactive, there is none.
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotPainHeat:error:
   *
   * Why the journal's statistics could not be read the last time, or %NULL.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UnknotPainHeat::changed:
   *
   * The heat was computed again (or cleared); look it up or apply it again.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
unknot_pain_heat_init (UnknotPainHeat *self)
{
  self->range = UNKNOT_JOURNAL_STATS_RANGE_THREE_MONTHS;
  self->regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

UnknotPainHeat *
unknot_pain_heat_new (UnknotJournal *journal)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL (journal), NULL);

  return g_object_new (UNKNOT_TYPE_PAIN_HEAT, "journal", journal, NULL);
}

UnknotJournal *
unknot_pain_heat_get_journal (UnknotPainHeat *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_HEAT (self), NULL);

  return self->journal;
}

UnknotJournalStatsRange
unknot_pain_heat_get_range (UnknotPainHeat *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_HEAT (self), UNKNOT_JOURNAL_STATS_RANGE_THREE_MONTHS);

  return self->range;
}

void
unknot_pain_heat_set_range (UnknotPainHeat          *self,
                            UnknotJournalStatsRange  range)
{
  g_return_if_fail (UNKNOT_IS_PAIN_HEAT (self));
  g_return_if_fail (range <= UNKNOT_JOURNAL_STATS_RANGE_ALL);

  if (self->range == range)
    return;

  self->range = range;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
  if (self->active)
    unknot_pain_heat_refresh (self);
}

gboolean
unknot_pain_heat_get_active (UnknotPainHeat *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_HEAT (self), FALSE);

  return self->active;
}

/**
 * unknot_pain_heat_set_active:
 *
 * Turned on, the heat is computed at once and then follows the journal; turned off,
 * it is forgotten (and ::changed says so).
 */
void
unknot_pain_heat_set_active (UnknotPainHeat *self,
                             gboolean        active)
{
  g_return_if_fail (UNKNOT_IS_PAIN_HEAT (self));

  active = !!active;
  if (self->active == active)
    return;

  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  unknot_pain_heat_refresh (self);
}

/**
 * unknot_pain_heat_get_error:
 *
 * Returns: (nullable): why the statistics could not be read, the last time
 */
const GError *
unknot_pain_heat_get_error (UnknotPainHeat *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_HEAT (self), NULL);

  return self->error;
}

/**
 * unknot_pain_heat_for_pain:
 * @average: an average pain on the 0–10 scale, or NAN for none
 *
 * The heat of a region whose average pain is @average: the pain itself, a tenth of
 * it. The scale is absolute on purpose: a colour means the same pain in every range
 * and every month, and a region at 2 out of 10 stays pale even when it is the worst
 * one, which a scale relative to the worst region would paint the darkest.
 *
 * Returns: from 0 to 1, or -1 (no heat) for NAN
 */
double
unknot_pain_heat_for_pain (double average)
{
  if (isnan (average))
    return -1;

  return CLAMP (average, 0.0, 10.0) / 10.0;
}

/**
 * unknot_pain_heat_refresh:
 *
 * Computes the heat now (when active) from the journal's average pain before a
 * session per region, and emits ::changed. The pain before is the pain the person
 * lives with there; the pain after says what a session did, which the relief ranking
 * tells. A journal that is not open yet gives no heat and no error.
 */
void
unknot_pain_heat_refresh (UnknotPainHeat *self)
{
  g_autoptr(UnknotJournalFilter) filter = NULL;
  g_autoptr(GArray) regions = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (UNKNOT_IS_PAIN_HEAT (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_hash_table_remove_all (self->regions);

  if (self->active && unknot_journal_is_open (self->journal))
    {
      filter = unknot_journal_stats_range_filter (self->range, NULL);
      regions = unknot_journal_stats_regions (self->journal, filter, &error);
    }

  for (guint i = 0; regions != NULL && i < regions->len; i++)
    {
      const UnknotJournalStatsRegion *region = &g_array_index (regions, UnknotJournalStatsRegion, i);
      RegionHeat *heat;

      if (region->region == NULL || region->n_entries == 0)
        continue;

      heat = g_new0 (RegionHeat, 1);
      heat->average = region->pain_before;
      heat->n_entries = region->n_entries;
      heat->heat = unknot_pain_heat_for_pain (region->pain_before);
      g_hash_table_replace (self->regions, g_strdup (region->region), heat);
    }

  if (error != NULL)
    g_debug ("The pain map could not be read from the journal: %s", error->message);
  set_error (self, g_steal_pointer (&error));

  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * unknot_pain_heat_get_n_regions:
 *
 * Returns: how many regions have entries in the range
 */
guint
unknot_pain_heat_get_n_regions (UnknotPainHeat *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_HEAT (self), 0);

  return g_hash_table_size (self->regions);
}

/**
 * unknot_pain_heat_lookup:
 * @region_id: a map region's id ("gluteals-left")
 * @heat: (out) (optional): its heat, 0 to 1
 * @average: (out) (optional): its average pain before, 0 to 10
 * @n_entries: (out) (optional): the entries it was averaged over
 *
 * Returns: whether the region has entries in the range (otherwise the outs are -1,
 *   NAN and 0)
 */
gboolean
unknot_pain_heat_lookup (UnknotPainHeat *self,
                         const char     *region_id,
                         double         *heat,
                         double         *average,
                         guint          *n_entries)
{
  RegionHeat *found;

  g_return_val_if_fail (UNKNOT_IS_PAIN_HEAT (self), FALSE);
  g_return_val_if_fail (region_id != NULL, FALSE);

  found = g_hash_table_lookup (self->regions, region_id);
  if (heat != NULL)
    *heat = found ? found->heat : -1;
  if (average != NULL)
    *average = found ? found->average : NAN;
  if (n_entries != NULL)
    *n_entries = found ? found->n_entries : 0;

  return found != NULL;
}

/**
 * unknot_pain_heat_apply:
 *
 * Tints every region of @map that has entries with its heat, and clears all others.
 */
void
unknot_pain_heat_apply (UnknotPainHeat *self,
                        UnknotBodyMap  *map)
{
  g_auto(GStrv) ids = NULL;

  g_return_if_fail (UNKNOT_IS_PAIN_HEAT (self));
  g_return_if_fail (UNKNOT_IS_BODY_MAP (map));

  ids = unknot_body_map_dup_region_ids (map);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      double heat;

      unknot_pain_heat_lookup (self, ids[i], &heat, NULL, NULL);
      unknot_body_map_set_region_heat (map, ids[i], heat);
    }
}

static const char *
range_words (UnknotJournalStatsRange range)
{
  switch (range)
    {
    case UNKNOT_JOURNAL_STATS_RANGE_TWO_WEEKS:
      /* Translators: ends “Average pain 6.2 over 5 entries …” */
      return _("in the last 2 weeks");

    case UNKNOT_JOURNAL_STATS_RANGE_THREE_MONTHS:
      /* Translators: ends “Average pain 6.2 over 5 entries …” */
      return _("in the last 3 months");

    case UNKNOT_JOURNAL_STATS_RANGE_YEAR:
      /* Translators: ends “Average pain 6.2 over 5 entries …” */
      return _("in the last year");

    case UNKNOT_JOURNAL_STATS_RANGE_ALL:
    default:
      /* Translators: ends “Average pain 6.2 over 5 entries …” */
      return _("since you started your journal");
    }
}

/**
 * unknot_pain_heat_describe:
 * @average: the region's average pain, or NAN
 * @n_entries: how many entries it was averaged over; 0 for none
 *
 * What the heat of one region means, in words for a screen reader and a tooltip:
 * "Average pain 6.2 over 5 entries in the last 3 months", or "No entries in the last
 * 3 months".
 *
 * Returns: (transfer full): the sentence
 */
char *
unknot_pain_heat_describe (UnknotJournalStatsRange range,
                           double                  average,
                           guint                   n_entries)
{
  g_autofree char *pain = NULL;

  if (n_entries == 0 || isnan (average))
    /* Translators: %s is a range, such as “in the last 3 months” */
    return g_strdup_printf (_("No entries %s"), range_words (range));

  pain = g_strdup_printf ("%.1f", average);
  return g_strdup_printf (/* Translators: the first %s is an average pain (0 to 10), such
                           * as “6.2”; %u the number of entries; the last %s a range,
                           * such as “in the last 3 months” */
                          ngettext ("Average pain %s over %u entry %s",
                                    "Average pain %s over %u entries %s",
                                    n_entries),
                          pain, n_entries, range_words (range));
}
