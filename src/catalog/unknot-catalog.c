/* unknot-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The content of Unknot, read from data/catalog/ in the GResource. The files are
 * translated with gettext: xgettext extracts them through the ITS rules in po/its/, and
 * every text is looked up in the catalogue's domain as it is read.
 */

#define G_LOG_DOMAIN "unknot-catalog"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-catalog.h"
#include "unknot-catalog-private.h"

struct _UnknotCatalog
{
  GObject     parent_instance;

  GListStore *regions;
  GHashTable *regions_by_id;
};

G_DEFINE_FINAL_TYPE (UnknotCatalog, unknot_catalog, G_TYPE_OBJECT)

G_DEFINE_QUARK (unknot-catalog-error-quark, unknot_catalog_error)

typedef struct
{
  UnknotCatalog    *catalog;
  UnknotRegionInfo  info;
  char             *sides;
  GPtrArray        *muscles;
  GString          *text;
  gboolean          in_region;
} ParseState;

static void
region_info_clear (UnknotRegionInfo *info)
{
  g_clear_pointer (&info->base_id, g_free);
  g_clear_pointer (&info->name, g_free);
  g_clear_pointer (&info->summary, g_free);
  g_clear_pointer (&info->muscles, g_strfreev);
  g_clear_pointer (&info->keywords, g_strfreev);
  g_clear_pointer (&info->location, g_free);
  g_clear_pointer (&info->function, g_free);
  g_clear_pointer (&info->tightens, g_free);
  g_clear_pointer (&info->pressing, g_free);
  g_clear_pointer (&info->why_no_pressure, g_free);
  g_clear_pointer (&info->instead, g_free);
}

static void
add_region (UnknotCatalog *self,
            UnknotRegion  *region)
{
  g_list_store_append (self->regions, region);
  g_hash_table_insert (self->regions_by_id,
                       (gpointer) unknot_region_get_id (region),
                       region);
}

static void
parse_start_element (GMarkupParseContext  *context,
                     const char           *element_name,
                     const char          **attribute_names,
                     const char          **attribute_values,
                     gpointer              user_data,
                     GError              **error)
{
  ParseState *state = user_data;

  g_string_truncate (state->text, 0);

  if (g_str_equal (element_name, "region"))
    {
      const char *id = NULL, *sides = NULL, *order = NULL;

      if (!g_markup_collect_attributes (element_name, attribute_names, attribute_values, error,
                                        G_MARKUP_COLLECT_STRING, "id", &id,
                                        G_MARKUP_COLLECT_STRING, "sides", &sides,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL,
                                        "order", &order,
                                        G_MARKUP_COLLECT_INVALID))
        return;

      if (!g_str_equal (sides, "both") && !g_str_equal (sides, "none"))
        {
          g_set_error (error, UNKNOT_CATALOG_ERROR, UNKNOT_CATALOG_ERROR_INVALID,
                       "region “%s”: sides must be “both” or “none”", id);
          return;
        }

      region_info_clear (&state->info);
      state->info.base_id = g_strdup (id);
      g_set_str (&state->sides, sides);
      g_ptr_array_set_size (state->muscles, 0);
      state->in_region = TRUE;
    }
}

static void
parse_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 text_len,
            gpointer              user_data,
            GError              **error)
{
  ParseState *state = user_data;

  g_string_append_len (state->text, text, text_len);
}

static char *
translated (ParseState *state)
{
  g_strstrip (state->text->str);
  state->text->len = strlen (state->text->str);

  return g_strdup (g_dgettext (GETTEXT_PACKAGE, state->text->str));
}

static void
parse_end_element (GMarkupParseContext  *context,
                   const char           *element_name,
                   gpointer              user_data,
                   GError              **error)
{
  ParseState *state = user_data;
  UnknotRegionInfo *info = &state->info;
  struct {
    const char *element;
    char **field;
  } fields[] = {
    { "name", &info->name },
    { "short", &info->summary },
    { "location", &info->location },
    { "function", &info->function },
    { "tightens", &info->tightens },
    { "pressing", &info->pressing },
    { "why-no-pressure", &info->why_no_pressure },
    { "instead", &info->instead },
  };

  if (!state->in_region)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_str_equal (element_name, fields[i].element))
        {
          g_free (*fields[i].field);
          *fields[i].field = translated (state);
          return;
        }
    }

  if (g_str_equal (element_name, "muscle"))
    {
      g_ptr_array_add (state->muscles, translated (state));
    }
  else if (g_str_equal (element_name, "keywords"))
    {
      g_autofree char *keywords = translated (state);
      g_auto(GStrv) parts = g_strsplit (keywords, ";", -1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (parts[i][0] != '\0')
            g_strv_builder_add (builder, parts[i]);
        }
      g_clear_pointer (&info->keywords, g_strfreev);
      info->keywords = g_strv_builder_end (builder);
    }
  else if (g_str_equal (element_name, "region"))
    {
      if (info->name == NULL || info->location == NULL)
        {
          g_set_error (error, UNKNOT_CATALOG_ERROR, UNKNOT_CATALOG_ERROR_INVALID,
                       "region “%s” has no name or location", info->base_id);
          return;
        }

      g_ptr_array_add (state->muscles, NULL);
      info->muscles = g_strdupv ((GStrv) state->muscles->pdata);
      g_ptr_array_set_size (state->muscles, 0);

      if (g_str_equal (state->sides, "both"))
        {
          g_autoptr(UnknotRegion) left = unknot_region_new (info, "left");
          g_autoptr(UnknotRegion) right = unknot_region_new (info, "right");

          add_region (state->catalog, left);
          add_region (state->catalog, right);
        }
      else
        {
          g_autoptr(UnknotRegion) region = unknot_region_new (info, NULL);

          add_region (state->catalog, region);
        }

      region_info_clear (info);
      state->in_region = FALSE;
    }
}

static gboolean
unknot_catalog_load_regions (UnknotCatalog  *self,
                             GBytes         *bytes,
                             GError        **error)
{
  static const GMarkupParser parser = {
    parse_start_element, parse_end_element, parse_text, NULL, NULL
  };
  g_autoptr(GMarkupParseContext) context = NULL;
  ParseState state = { 0 };
  gboolean ok;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  state.catalog = self;
  state.muscles = g_ptr_array_new_with_free_func (g_free);
  state.text = g_string_new (NULL);

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &state, NULL);
  ok = g_markup_parse_context_parse (context, data, size, error) &&
       g_markup_parse_context_end_parse (context, error);

  region_info_clear (&state.info);
  g_free (state.sides);
  g_ptr_array_set_free_func (state.muscles, g_free);
  g_ptr_array_unref (state.muscles);
  g_string_free (state.text, TRUE);

  return ok;
}

static void
unknot_catalog_finalize (GObject *object)
{
  UnknotCatalog *self = UNKNOT_CATALOG (object);

  g_clear_pointer (&self->regions_by_id, g_hash_table_unref);
  g_clear_object (&self->regions);

  G_OBJECT_CLASS (unknot_catalog_parent_class)->finalize (object);
}

static void
unknot_catalog_class_init (UnknotCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = unknot_catalog_finalize;
}

static void
unknot_catalog_init (UnknotCatalog *self)
{
  self->regions = g_list_store_new (UNKNOT_TYPE_REGION);
  self->regions_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

UnknotCatalog *
unknot_catalog_new_from_bytes (GBytes  *regions_xml,
                               GError **error)
{
  g_autoptr(UnknotCatalog) self = g_object_new (UNKNOT_TYPE_CATALOG, NULL);

  g_return_val_if_fail (regions_xml != NULL, NULL);

  if (!unknot_catalog_load_regions (self, regions_xml, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * unknot_catalog_new_default:
 *
 * Loads the catalogue shipped in the application's GResource. The files are part of
 * the program, so a failure here is a programming error.
 */
UnknotCatalog *
unknot_catalog_new_default (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  UnknotCatalog *self;

  bytes = g_resources_lookup_data (RESOURCE_BASE_PATH "/catalog/regions.xml",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The region catalogue is missing: %s", error->message);

  self = unknot_catalog_new_from_bytes (bytes, &error);
  if (self == NULL)
    g_error ("The region catalogue is invalid: %s", error->message);

  return self;
}

/**
 * unknot_catalog_get_regions:
 *
 * Returns: (transfer none): a list of #UnknotRegion, in anatomical order
 */
GListModel *
unknot_catalog_get_regions (UnknotCatalog *self)
{
  g_return_val_if_fail (UNKNOT_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->regions);
}

/**
 * unknot_catalog_lookup_region:
 *
 * Returns: (transfer none) (nullable): the region with this id
 */
UnknotRegion *
unknot_catalog_lookup_region (UnknotCatalog *self,
                              const char    *region_id)
{
  g_return_val_if_fail (UNKNOT_IS_CATALOG (self), NULL);

  return region_id ? g_hash_table_lookup (self->regions_by_id, region_id) : NULL;
}
