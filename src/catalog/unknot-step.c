/* unknot-step.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One step of a technique: what to do, its picture and, for a sustained press, how long
 * to hold it.
 */

#define G_LOG_DOMAIN "unknot-step"

#include "config.h"

#include "unknot-catalog-private.h"

/* Holds outside this range are a mistake in the content, not a choice. */
#define HOLD_LIMIT_MIN 10
#define HOLD_LIMIT_MAX 120

struct _UnknotStep
{
  GObject  parent_instance;

  guint    number;
  char    *text;
  char    *illustration;
  guint    hold_min;
  guint    hold_max;
  gboolean one_sided;
};

G_DEFINE_FINAL_TYPE (UnknotStep, unknot_step, G_TYPE_OBJECT)

static void
unknot_step_finalize (GObject *object)
{
  UnknotStep *self = UNKNOT_STEP (object);

  g_free (self->text);
  g_free (self->illustration);

  G_OBJECT_CLASS (unknot_step_parent_class)->finalize (object);
}

static void
unknot_step_class_init (UnknotStepClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_step_finalize;
}

static void
unknot_step_init (UnknotStep *self)
{
}

static gboolean
parse_seconds (const char  *value,
               guint       *seconds)
{
  guint64 parsed;

  if (value == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (value, 10, HOLD_LIMIT_MIN, HOLD_LIMIT_MAX, &parsed, NULL))
    return FALSE;

  *seconds = (guint) parsed;
  return TRUE;
}

UnknotStep *
unknot_step_new_from_xml (UnknotXmlNode  *node,
                          guint           number,
                          GError        **error)
{
  g_autoptr(UnknotStep) self = g_object_new (UNKNOT_TYPE_STEP, NULL);
  const char *illustration = unknot_xml_node_get_attribute (node, "illustration");

  self->number = number;
  self->text = unknot_xml_node_dup_child_text (node, "text");
  self->one_sided = g_strcmp0 (unknot_xml_node_get_attribute (node, "one-sided"), "yes") == 0;
  if (illustration != NULL)
    self->illustration = g_strconcat (RESOURCE_BASE_PATH "/illustrations/", illustration, NULL);

  if (self->text == NULL || self->illustration == NULL)
    {
      g_set_error (error, UNKNOT_CATALOG_ERROR, UNKNOT_CATALOG_ERROR_INVALID,
                   "line %d: a step needs its text and an illustration", node->line);
      return NULL;
    }

  if (!parse_seconds (unknot_xml_node_get_attribute (node, "hold-min"), &self->hold_min) ||
      !parse_seconds (unknot_xml_node_get_attribute (node, "hold-max"), &self->hold_max) ||
      (self->hold_min == 0) != (self->hold_max == 0) ||
      self->hold_min > self->hold_max)
    {
      g_set_error (error, UNKNOT_CATALOG_ERROR, UNKNOT_CATALOG_ERROR_INVALID,
                   "line %d: a hold needs hold-min ≤ hold-max, both %d–%d s",
                   node->line, HOLD_LIMIT_MIN, HOLD_LIMIT_MAX);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* 1 for the first step. */
guint
unknot_step_get_number (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), 0);
  return self->number;
}

const char *
unknot_step_get_text (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), NULL);
  return self->text;
}

/* The GResource path of the step's picture. */
const char *
unknot_step_get_illustration (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), NULL);
  return self->illustration;
}

gboolean
unknot_step_is_hold (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), FALSE);
  return self->hold_max > 0;
}

guint
unknot_step_get_hold_min (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), 0);
  return self->hold_min;
}

guint
unknot_step_get_hold_max (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), 0);
  return self->hold_max;
}

/**
 * unknot_step_suggest_seconds:
 * @preferred: the person's default hold length
 *
 * Returns: @preferred, kept within this step's hold range; 0 if the step is no hold
 */
guint
unknot_step_suggest_seconds (UnknotStep *self,
                             guint       preferred)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), 0);

  if (!unknot_step_is_hold (self))
    return 0;

  return CLAMP (preferred, self->hold_min, self->hold_max);
}

/* Whether the step is done on one side of the body, then on the other. */
gboolean
unknot_step_is_one_sided (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), FALSE);
  return self->one_sided;
}
