/* unknot-journal-evidence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The person's own evidence where they choose what to do: what each technique did for
 * them, in one region (both sides) or everywhere, as the journal's statistics count it.
 * The region and technique pages share it. It follows the journal by itself: every
 * change (an entry added, edited or deleted, an import, the journal opening) makes it
 * stale, and one ::changed follows a burst of them, from an idle. The numbers are read
 * again only when someone asks. Without a journal, or one that is not open or cannot be
 * read, there is no evidence, and nothing fails.
 */

#define G_LOG_DOMAIN "unknot-journal-evidence"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-journal-evidence.h"

struct _UnknotJournalEvidence
{
  GObject        parent_instance;

  UnknotJournal *journal;
  char          *region_id;
  char          *technique_id;

  GArray        *ranking;      /* of UnknotJournalStatsRelief; NULL when stale */
  gboolean       available;
  guint          changed_id;
};

G_DEFINE_FINAL_TYPE (UnknotJournalEvidence, unknot_journal_evidence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_REGION_ID,
  PROP_TECHNIQUE_ID,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* describe_relief () says "down" from a drop that rounds to 0.1; so does "helped". */
#define HELPED_BELOW (-0.05)

static gboolean
emit_changed_cb (gpointer data)
{
  UnknotJournalEvidence *self = data;

  self->changed_id = 0;
  g_signal_emit (self, signals[CHANGED], 0);

  return G_SOURCE_REMOVE;
}

static void
on_journal_changed_cb (UnknotJournalEvidence *self)
{
  g_clear_pointer (&self->ranking, g_array_unref);
  if (self->changed_id == 0)
    self->changed_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, emit_changed_cb, self, NULL);
}

/* A damaged journal set aside, with no backup to open instead: the empty journal in
 * its place says nothing about what the person did. */
static gboolean
journal_was_emptied (UnknotJournal *journal)
{
  const GError *error = unknot_journal_get_load_error (journal);

  return g_error_matches (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_DAMAGED) &&
         unknot_journal_get_restored_from (journal) == NULL;
}

static void
ensure_ranking (UnknotJournalEvidence *self)
{
  g_autoptr(UnknotJournalFilter) filter = NULL;
  g_autoptr(GError) error = NULL;

  if (self->ranking != NULL)
    return;

  self->available = FALSE;
  if (self->journal == NULL || !unknot_journal_is_open (self->journal) ||
      journal_was_emptied (self->journal))
    {
      self->ranking = g_array_new (FALSE, FALSE, sizeof (UnknotJournalStatsRelief));
      return;
    }

  filter = unknot_journal_filter_new ();
  unknot_journal_filter_set_region (filter, self->region_id);
  unknot_journal_filter_set_technique (filter, self->technique_id);
  self->ranking = unknot_journal_stats_relief (self->journal, UNKNOT_JOURNAL_STATS_BY_TECHNIQUE,
                                               filter, &error);
  if (self->ranking == NULL)
    {
      g_debug ("No evidence from the journal: %s", error->message);
      self->ranking = g_array_new (FALSE, FALSE, sizeof (UnknotJournalStatsRelief));
      return;
    }
  self->available = TRUE;
}

static void
unknot_journal_evidence_constructed (GObject *object)
{
  UnknotJournalEvidence *self = UNKNOT_JOURNAL_EVIDENCE (object);

  G_OBJECT_CLASS (unknot_journal_evidence_parent_class)->constructed (object);

  if (self->journal == NULL)
    return;

  g_signal_connect_object (self->journal, "items-changed",
                           G_CALLBACK (on_journal_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->journal, "notify::is-open",
                           G_CALLBACK (on_journal_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->journal, "notify::load-error",
                           G_CALLBACK (on_journal_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
unknot_journal_evidence_dispose (GObject *object)
{
  UnknotJournalEvidence *self = UNKNOT_JOURNAL_EVIDENCE (object);

  g_clear_handle_id (&self->changed_id, g_source_remove);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->ranking, g_array_unref);

  G_OBJECT_CLASS (unknot_journal_evidence_parent_class)->dispose (object);
}

static void
unknot_journal_evidence_finalize (GObject *object)
{
  UnknotJournalEvidence *self = UNKNOT_JOURNAL_EVIDENCE (object);

  g_free (self->region_id);
  g_free (self->technique_id);

  G_OBJECT_CLASS (unknot_journal_evidence_parent_class)->finalize (object);
}

static void
unknot_journal_evidence_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  UnknotJournalEvidence *self = UNKNOT_JOURNAL_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_REGION_ID:
      g_value_set_string (value, self->region_id);
      break;

    case PROP_TECHNIQUE_ID:
      g_value_set_string (value, self->technique_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_journal_evidence_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  UnknotJournalEvidence *self = UNKNOT_JOURNAL_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_REGION_ID:
      self->region_id = g_value_dup_string (value);
      break;

    case PROP_TECHNIQUE_ID:
      self->technique_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_journal_evidence_class_init (UnknotJournalEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = unknot_journal_evidence_constructed;
  object_class->dispose = unknot_journal_evidence_dispose;
  object_class->finalize = unknot_journal_evidence_finalize;
  object_class->get_property = unknot_journal_evidence_get_property;
  object_class->set_property = unknot_journal_evidence_set_property;

  /**
   * UnknotJournalEvidence:journal:
   *
   * The pain journal the evidence is counted from; without one there is none.
   */
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, UNKNOT_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * UnknotJournalEvidence:region-id:
   *
   * Only the sessions on this region, as a journal filter takes it: a catalogue
   * region's base id ("gluteals") covers both sides. %NULL for every region.
   */
  properties[PROP_REGION_ID] =
    g_param_spec_string ("region-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * UnknotJournalEvidence:technique-id:
   *
   * Only this technique's sessions; %NULL for every technique.
   */
  properties[PROP_TECHNIQUE_ID] =
    g_param_spec_string ("technique-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UnknotJournalEvidence::changed:
   *
   * The journal changed: the evidence may say something else now. Emitted once, from
   * an idle, for a burst of changes.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
unknot_journal_evidence_init (UnknotJournalEvidence *self)
{
}

/**
 * unknot_journal_evidence_new:
 * @journal: (nullable): the pain journal
 * @region_id: (nullable): a region's base id, or %NULL for all regions
 * @technique_id: (nullable): one technique, or %NULL for all
 */
UnknotJournalEvidence *
unknot_journal_evidence_new (UnknotJournal *journal,
                             const char    *region_id,
                             const char    *technique_id)
{
  g_return_val_if_fail (journal == NULL || UNKNOT_IS_JOURNAL (journal), NULL);

  return g_object_new (UNKNOT_TYPE_JOURNAL_EVIDENCE,
                       "journal", journal,
                       "region-id", region_id,
                       "technique-id", technique_id,
                       NULL);
}

UnknotJournal *
unknot_journal_evidence_get_journal (UnknotJournalEvidence *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_EVIDENCE (self), NULL);

  return self->journal;
}

const char *
unknot_journal_evidence_get_region_id (UnknotJournalEvidence *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_EVIDENCE (self), NULL);

  return self->region_id;
}

/**
 * unknot_journal_evidence_is_available:
 *
 * Returns: whether the journal is open and could be read: only then do the absence
 *   of sessions and the lack of evidence mean anything
 */
gboolean
unknot_journal_evidence_is_available (UnknotJournalEvidence *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_EVIDENCE (self), FALSE);

  ensure_ranking (self);
  return self->available;
}

/**
 * unknot_journal_evidence_get_ranking:
 *
 * Returns: (transfer none) (element-type UnknotJournalStatsRelief): every technique
 *   with sessions, most relief first (see unknot_journal_stats_relief ()); empty
 *   when there is no evidence. Valid until the next ::changed.
 */
GArray *
unknot_journal_evidence_get_ranking (UnknotJournalEvidence *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_EVIDENCE (self), NULL);

  ensure_ranking (self);
  return self->ranking;
}

/**
 * unknot_journal_evidence_lookup:
 *
 * Returns: (transfer none) (nullable): what @technique_id did, or %NULL when it was
 *   never tried (with the pain after noted) here. Valid until the next ::changed.
 */
const UnknotJournalStatsRelief *
unknot_journal_evidence_lookup (UnknotJournalEvidence *self,
                                const char            *technique_id)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_EVIDENCE (self), NULL);
  g_return_val_if_fail (technique_id != NULL, NULL);

  ensure_ranking (self);
  for (guint i = 0; i < self->ranking->len; i++)
    {
      const UnknotJournalStatsRelief *relief = &g_array_index (self->ranking, UnknotJournalStatsRelief, i);

      if (g_strcmp0 (relief->id, technique_id) == 0)
        return relief;
    }

  return NULL;
}

/**
 * unknot_journal_evidence_get_n_sessions:
 *
 * Returns: the sessions counted, over every technique
 */
guint
unknot_journal_evidence_get_n_sessions (UnknotJournalEvidence *self)
{
  guint n = 0;

  g_return_val_if_fail (UNKNOT_IS_JOURNAL_EVIDENCE (self), 0);

  ensure_ranking (self);
  for (guint i = 0; i < self->ranking->len; i++)
    n += g_array_index (self->ranking, UnknotJournalStatsRelief, i).n_sessions;

  return n;
}

/**
 * unknot_journal_evidence_helped:
 *
 * Returns: whether the technique helped: enough sessions to tell, and the pain down
 *   on average (as unknot_journal_stats_describe_relief () would say)
 */
gboolean
unknot_journal_evidence_helped (const UnknotJournalStatsRelief *relief)
{
  return relief != NULL && !relief->too_few && relief->average_change <= HELPED_BELOW;
}

/**
 * unknot_journal_evidence_describe:
 *
 * The line a page shows beside a technique: "Helped you before. Pain down 2.5 on
 * average over 6 sessions" when it helped, otherwise the sentence alone.
 *
 * Returns: (transfer full): the line
 */
char *
unknot_journal_evidence_describe (const UnknotJournalStatsRelief *relief)
{
  g_autofree char *sentence = NULL;

  g_return_val_if_fail (relief != NULL, NULL);

  sentence = unknot_journal_stats_describe_relief (relief);
  if (!unknot_journal_evidence_helped (relief))
    return g_steal_pointer (&sentence);

  /* Translators: %s is what a technique did for the person, a sentence of its own such
   * as “Pain down 2.5 on average over 6 sessions” */
  return g_strdup_printf (_("Helped you before. %s"), sentence);
}
