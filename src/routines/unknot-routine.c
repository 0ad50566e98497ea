/* unknot-routine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A guided routine: the holds of several techniques, one after another. The routine
 * for an occasion ("after a workout") is built from the catalogue's guide, which names
 * the techniques that fit it, keeping only those for the tools the person owns.
 */

#define G_LOG_DOMAIN "unknot-routine"

#include "config.h"

#include "timer/unknot-hold-timer.h"
#include "unknot-routine.h"

typedef struct
{
  UnknotTechnique *technique;
  UnknotStep      *step;
  guint            seconds;
} Hold;

struct _UnknotRoutine
{
  GObject  parent_instance;

  char    *title;
  GArray  *holds;
  gboolean both_sides;
};

G_DEFINE_FINAL_TYPE (UnknotRoutine, unknot_routine, G_TYPE_OBJECT)

static void
hold_clear (gpointer data)
{
  Hold *hold = data;

  g_clear_object (&hold->technique);
  g_clear_object (&hold->step);
}

static void
unknot_routine_finalize (GObject *object)
{
  UnknotRoutine *self = UNKNOT_ROUTINE (object);

  g_free (self->title);
  g_array_unref (self->holds);

  G_OBJECT_CLASS (unknot_routine_parent_class)->finalize (object);
}

static void
unknot_routine_class_init (UnknotRoutineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_routine_finalize;
}

static void
unknot_routine_init (UnknotRoutine *self)
{
  self->holds = g_array_new (FALSE, TRUE, sizeof (Hold));
  g_array_set_clear_func (self->holds, hold_clear);
}

static void
add_technique (UnknotRoutine   *self,
               UnknotTechnique *technique,
               guint            preferred_seconds)
{
  GListModel *steps = unknot_technique_get_steps (technique);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(UnknotStep) step = g_list_model_get_item (steps, i);
      Hold hold;

      if (!unknot_step_is_hold (step))
        continue;

      hold.technique = g_object_ref (technique);
      hold.step = g_object_ref (step);
      hold.seconds = unknot_step_suggest_seconds (step, preferred_seconds);
      g_array_append_val (self->holds, hold);
    }
}

/**
 * unknot_routine_new_for_occasion:
 * @occasion_id: a section of the guide's "when-to-massage" topic
 * @owned_tools: (nullable): the tools the person has; with none named, every tool
 * @preferred_seconds: the person's default hold, kept within each step's range
 *
 * Returns: (transfer full) (nullable): the routine, or %NULL for an unknown occasion
 */
UnknotRoutine *
unknot_routine_new_for_occasion (UnknotCatalog      *catalog,
                                 const char         *occasion_id,
                                 const char * const *owned_tools,
                                 guint               preferred_seconds)
{
  UnknotTopic *topic = unknot_catalog_lookup_topic (catalog, "when-to-massage");
  g_autoptr(UnknotTopicSection) occasion = NULL;
  GListModel *sections;

  g_return_val_if_fail (UNKNOT_IS_CATALOG (catalog), NULL);

  if (topic == NULL)
    return NULL;

  sections = unknot_topic_get_sections (topic);
  for (guint i = 0; i < g_list_model_get_n_items (sections) && occasion == NULL; i++)
    {
      g_autoptr(UnknotTopicSection) section = g_list_model_get_item (sections, i);

      if (g_strcmp0 (unknot_topic_section_get_id (section), occasion_id) == 0)
        occasion = g_steal_pointer (&section);
    }

  if (occasion == NULL)
    return NULL;

  return unknot_routine_new_for_techniques (catalog, unknot_topic_section_get_title (occasion),
                                            unknot_topic_section_get_techniques (occasion),
                                            owned_tools, preferred_seconds);
}

/**
 * unknot_routine_new_for_techniques:
 * @technique_ids: the techniques, in order; unknown ids are passed over
 * @owned_tools: (nullable): the tools the person has; with none named, every tool
 *
 * Returns: (transfer full): a routine of the hold steps of these techniques
 */
UnknotRoutine *
unknot_routine_new_for_techniques (UnknotCatalog      *catalog,
                                   const char         *title,
                                   const char * const *technique_ids,
                                   const char * const *owned_tools,
                                   guint               preferred_seconds)
{
  UnknotRoutine *self;
  gboolean any_tool = owned_tools == NULL || owned_tools[0] == NULL;

  g_return_val_if_fail (UNKNOT_IS_CATALOG (catalog), NULL);

  self = g_object_new (UNKNOT_TYPE_ROUTINE, NULL);
  self->title = g_strdup (title);

  for (const char * const *id = technique_ids; id && *id; id++)
    {
      UnknotTechnique *technique = unknot_catalog_lookup_technique (catalog, *id);

      if (technique == NULL)
        continue;
      if (!any_tool && !g_strv_contains (owned_tools, unknot_technique_get_tool_id (technique)))
        continue;

      add_technique (self, technique, preferred_seconds);
    }

  return self;
}

const char *
unknot_routine_get_title (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return self->title;
}

guint
unknot_routine_get_n_holds (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), 0);
  return self->holds->len;
}

UnknotTechnique *
unknot_routine_get_technique (UnknotRoutine *self,
                              guint          position)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (position < self->holds->len, NULL);
  return g_array_index (self->holds, Hold, position).technique;
}

UnknotStep *
unknot_routine_get_step (UnknotRoutine *self,
                         guint          position)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (position < self->holds->len, NULL);
  return g_array_index (self->holds, Hold, position).step;
}

guint
unknot_routine_get_seconds (UnknotRoutine *self,
                            guint          position)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), 0);
  g_return_val_if_fail (position < self->holds->len, 0);
  return g_array_index (self->holds, Hold, position).seconds;
}

/**
 * unknot_routine_set_both_sides:
 *
 * Whether one-sided holds run on both sides, with the switch between them (the
 * person's both-sides setting).
 */
void
unknot_routine_set_both_sides (UnknotRoutine *self,
                               gboolean       both_sides)
{
  g_return_if_fail (UNKNOT_IS_ROUTINE (self));
  self->both_sides = !!both_sides;
}

/* Whether the hold at @position runs on both sides. */
gboolean
unknot_routine_hold_is_both_sides (UnknotRoutine *self,
                                   guint          position)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), FALSE);
  g_return_val_if_fail (position < self->holds->len, FALSE);
  return self->both_sides && unknot_step_is_one_sided (g_array_index (self->holds, Hold, position).step);
}

/* The whole routine, get-ready counts and switches included, in seconds: shown up
 * front. */
guint
unknot_routine_get_total_seconds (UnknotRoutine *self)
{
  guint total = 0;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), 0);

  for (guint i = 0; i < self->holds->len; i++)
    {
      guint seconds = g_array_index (self->holds, Hold, i).seconds;

      total += UNKNOT_ROUTINE_GET_READY_SECONDS + seconds;
      if (unknot_routine_hold_is_both_sides (self, i))
        total += UNKNOT_HOLD_TIMER_SWITCH_SECONDS + seconds;
    }

  return total;
}
