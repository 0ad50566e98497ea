/* unknot-region.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One region of the body map as the catalogue describes it: a muscle group on one side
 * of the body ("rhomboids-left"), or the spine.
 */

#define G_LOG_DOMAIN "unknot-region"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-catalog-private.h"
#include "unknot-search.h"

struct _UnknotRegion
{
  GObject  parent_instance;

  char    *id;
  char    *base_id;
  char    *side;
  char    *name;
  char    *title;
  char    *summary;
  GStrv    muscles;
  GStrv    keywords;
  char    *location;
  char    *function;
  char    *tightens;
  char    *pressing;
  char    *caution;
  char    *why_no_pressure;
  char    *instead;
  char    *search_text;
};

G_DEFINE_FINAL_TYPE (UnknotRegion, unknot_region, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
unknot_region_finalize (GObject *object)
{
  UnknotRegion *self = UNKNOT_REGION (object);

  g_free (self->id);
  g_free (self->base_id);
  g_free (self->side);
  g_free (self->name);
  g_free (self->title);
  g_free (self->summary);
  g_strfreev (self->muscles);
  g_strfreev (self->keywords);
  g_free (self->location);
  g_free (self->function);
  g_free (self->tightens);
  g_free (self->pressing);
  g_free (self->caution);
  g_free (self->why_no_pressure);
  g_free (self->instead);
  g_free (self->search_text);

  G_OBJECT_CLASS (unknot_region_parent_class)->finalize (object);
}

static void
unknot_region_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  UnknotRegion *self = UNKNOT_REGION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_region_class_init (UnknotRegionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = unknot_region_finalize;
  object_class->get_property = unknot_region_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_region_init (UnknotRegion *self)
{
}

UnknotRegion *
unknot_region_new (const UnknotRegionInfo *info,
                   const char             *side)
{
  UnknotRegion *self = g_object_new (UNKNOT_TYPE_REGION, NULL);
  g_autoptr(GString) search = g_string_new (NULL);

  self->base_id = g_strdup (info->base_id);
  self->side = g_strdup (side);
  self->id = side ? g_strconcat (info->base_id, "-", side, NULL) : g_strdup (info->base_id);
  self->name = g_strdup (info->name);
  if (g_strcmp0 (side, "left") == 0)
    /* Translators: a muscle on the person's own left side, e.g. "Gluteals, left side" */
    self->title = g_strdup_printf (_("%s, left side"), info->name);
  else if (g_strcmp0 (side, "right") == 0)
    /* Translators: a muscle on the person's own right side, e.g. "Gluteals, right side" */
    self->title = g_strdup_printf (_("%s, right side"), info->name);
  else
    self->title = g_strdup (info->name);
  self->summary = g_strdup (info->summary);
  self->muscles = g_strdupv (info->muscles);
  self->keywords = g_strdupv (info->keywords);
  self->location = g_strdup (info->location);
  self->function = g_strdup (info->function);
  self->tightens = g_strdup (info->tightens);
  self->pressing = g_strdup (info->pressing);
  self->caution = g_strdup (info->caution);
  self->why_no_pressure = g_strdup (info->why_no_pressure);
  self->instead = g_strdup (info->instead);

  /* Everything a person may type to find this region, folded once. */
  g_string_append_printf (search, "%s\n%s\n", self->title, self->summary ? self->summary : "");
  for (guint i = 0; self->muscles && self->muscles[i]; i++)
    g_string_append_printf (search, "%s\n", self->muscles[i]);
  for (guint i = 0; self->keywords && self->keywords[i]; i++)
    g_string_append_printf (search, "%s\n", self->keywords[i]);
  self->search_text = unknot_search_fold (search->str);

  return self;
}

const char *
unknot_region_get_id (UnknotRegion *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION (self), NULL);
  return self->id;
}

const char *
unknot_region_get_base_id (UnknotRegion *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION (self), NULL);
  return self->base_id;
}

/* "left", "right", or %NULL for the spine. */
const char *
unknot_region_get_side (UnknotRegion *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION (self), NULL);
  return self->side;
}

const char *
unknot_region_get_name (UnknotRegion *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION (self), NULL);
  return self->name;
}

const char *
unknot_region_get_title (UnknotRegion *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION (self), NULL);
  return self->title;
}

const char *
unknot_region_get_summary (UnknotRegion *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION (self), NULL);
  return self->summary;
}

const char * const *
unknot_region_get_muscles (UnknotRegion *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION (self), NULL);
  return (const char * const *) self->muscles;
}

const char * const *
unknot_region_get_keywords (UnknotRegion *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION (self), NULL);
  return (const char * const *) self->keywords;
}

const char *
unknot_region_get_location (UnknotRegion *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION (self), NULL);
  return self->location;
}

const char *
unknot_region_get_function (UnknotRegion *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION (self), NULL);
  return self->function;
}

const char *
unknot_region_get_tightens (UnknotRegion *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION (self), NULL);
  return self->tightens;
}

const char *
unknot_region_get_pressing (UnknotRegion *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION (self), NULL);
  return self->pressing;
}

/* What to take care of when working this region, or %NULL. */
const char *
unknot_region_get_caution (UnknotRegion *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION (self), NULL);
  return self->caution;
}

const char *
unknot_region_get_why_no_pressure (UnknotRegion *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION (self), NULL);
  return self->why_no_pressure;
}

const char *
unknot_region_get_instead (UnknotRegion *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION (self), NULL);
  return self->instead;
}

gboolean
unknot_region_is_no_pressure_zone (UnknotRegion *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION (self), FALSE);
  return self->why_no_pressure != NULL;
}

/**
 * unknot_region_matches:
 * @query: what the person typed
 *
 * Returns: whether every word of @query appears in the region's name, muscles,
 *   summary or everyday keywords, ignoring case and accents' composition; %FALSE
 *   for a query with no word
 */
gboolean
unknot_region_matches (UnknotRegion *self,
                       const char   *query)
{
  g_return_val_if_fail (UNKNOT_IS_REGION (self), FALSE);

  return unknot_search_matches (self->search_text, query);
}
