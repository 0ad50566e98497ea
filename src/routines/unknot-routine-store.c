/* unknot-routine-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The person's own routine: the techniques they chose, kept as a small JSON document
 * with a format version under the user data directory.
 *
 * Saving never half-writes: the new file is written beside the old one, synced and
 * renamed over it. A file that cannot be read is never overwritten: it is moved aside
 * under a new name (which the caller tells the person), and the routine starts empty.
 * A file from a newer version of Unknot is read but not written.
 */

#define G_LOG_DOMAIN "unknot-routine-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "unknot-routine-store.h"

#define FORMAT_VERSION 1

struct _UnknotRoutineStore
{
  GObject    parent_instance;

  char      *path;
  GPtrArray *techniques;
  char      *kept_aside;
  GError    *load_error;
  gboolean   read_only;
};

static void unknot_routine_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UnknotRoutineStore, unknot_routine_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      unknot_routine_store_list_model_init))

G_DEFINE_QUARK (unknot-routine-store-error-quark, unknot_routine_store_error)

enum {
  PROP_0,
  PROP_LOAD_ERROR,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The one way the list changes, so that every observer hears of every change. */
static void
emit_changed (UnknotRoutineStore *self,
              guint               position,
              guint               removed,
              guint               added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static GType
unknot_routine_store_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
unknot_routine_store_get_n_items (GListModel *model)
{
  return UNKNOT_ROUTINE_STORE (model)->techniques->len;
}

static gpointer
unknot_routine_store_get_item (GListModel *model,
                               guint       position)
{
  UnknotRoutineStore *self = UNKNOT_ROUTINE_STORE (model);

  if (position >= self->techniques->len)
    return NULL;

  return gtk_string_object_new (g_ptr_array_index (self->techniques, position));
}

static void
unknot_routine_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = unknot_routine_store_get_item_type;
  iface->get_n_items = unknot_routine_store_get_n_items;
  iface->get_item = unknot_routine_store_get_item;
}

static void
unknot_routine_store_finalize (GObject *object)
{
  UnknotRoutineStore *self = UNKNOT_ROUTINE_STORE (object);

  g_free (self->path);
  g_ptr_array_unref (self->techniques);
  g_free (self->kept_aside);
  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (unknot_routine_store_parent_class)->finalize (object);
}

static void
unknot_routine_store_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  UnknotRoutineStore *self = UNKNOT_ROUTINE_STORE (object);

  switch (prop_id)
    {
    case PROP_LOAD_ERROR:
      g_value_set_boxed (value, self->load_error);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->techniques->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_routine_store_class_init (UnknotRoutineStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = unknot_routine_store_finalize;
  object_class->get_property = unknot_routine_store_get_property;

  /**
   * UnknotRoutineStore:load-error:
   *
   * Why the routine's file could not be read as it was at the last load, or %NULL: the
   * window tells the person, whichever part of the app loaded it.
   */
  properties[PROP_LOAD_ERROR] =
    g_param_spec_boxed ("load-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotRoutineStore:n-items:
   *
   * How many techniques the routine holds.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_routine_store_init (UnknotRoutineStore *self)
{
  self->techniques = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

/**
 * unknot_routine_store_new:
 * @path: (nullable): the file, or %NULL for my-routine.json in Unknot's user data
 *   directory
 */
UnknotRoutineStore *
unknot_routine_store_new (const char *path)
{
  UnknotRoutineStore *self = g_object_new (UNKNOT_TYPE_ROUTINE_STORE, NULL);

  self->path = path ? g_strdup (path)
                    : g_build_filename (g_get_user_data_dir (), "unknot", "my-routine.json", NULL);

  return self;
}

/* Moves a file that cannot be read out of the way, keeping every byte of it. */
static void
keep_aside (UnknotRoutineStore *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *base = g_strndup (self->path, strlen (self->path) - strlen (".json"));

  g_clear_pointer (&self->kept_aside, g_free);
  for (guint n = 0; n < 100 && self->kept_aside == NULL; n++)
    {
      g_autofree char *candidate = n == 0
        ? g_strdup_printf ("%s.damaged-%s.json", base, stamp)
        : g_strdup_printf ("%s.damaged-%s-%u.json", base, stamp, n);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS) && g_rename (self->path, candidate) == 0)
        self->kept_aside = g_steal_pointer (&candidate);
    }

  /* If it could not be moved, it must at least not be written over. */
  if (self->kept_aside == NULL)
    self->read_only = TRUE;
}

/**
 * unknot_routine_store_load:
 *
 * Reads the routine. A missing file is an empty routine. On a damaged file it returns
 * %FALSE with %UNKNOT_ROUTINE_STORE_ERROR_DAMAGED, having moved the file aside (see
 * unknot_routine_store_get_kept_aside()); on a newer one, %UNKNOT_ROUTINE_STORE_ERROR_NEWER
 * with what it could read, and the store stays read-only.
 */
static gboolean
load_file (UnknotRoutineStore  *self,
           GError             **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonArray *techniques;
  gint64 version;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE_STORE (self), FALSE);

  g_ptr_array_set_size (self->techniques, 0);
  self->read_only = FALSE;

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!json_parser_load_from_mapped_file (parser, self->path, &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto damaged;

  root = json_node_get_object (json_parser_get_root (parser));
  version = json_object_get_int_member_with_default (root, "version", 0);
  if (version < 1 || !json_object_has_member (root, "techniques") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "techniques")))
    goto damaged;

  techniques = json_object_get_array_member (root, "techniques");
  for (guint i = 0; i < json_array_get_length (techniques); i++)
    {
      JsonNode *node = json_array_get_element (techniques, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        goto damaged;
      g_ptr_array_add (self->techniques, g_strdup (json_node_get_string (node)));
    }

  if (version > FORMAT_VERSION)
    {
      self->read_only = TRUE;
      g_set_error (error, UNKNOT_ROUTINE_STORE_ERROR, UNKNOT_ROUTINE_STORE_ERROR_NEWER,
                   _("Your routine was saved by a newer version of Unknot. You can use it, "
                     "but changes will not be saved."));
      return FALSE;
    }

  return TRUE;

damaged:
  g_ptr_array_set_size (self->techniques, 0);
  keep_aside (self);
  if (self->kept_aside != NULL)
    g_set_error (error, UNKNOT_ROUTINE_STORE_ERROR, UNKNOT_ROUTINE_STORE_ERROR_DAMAGED,
                 _("Your routine could not be read, so Unknot kept the file aside as “%s” "
                   "and started a new routine."), self->kept_aside);
  else
    g_set_error (error, UNKNOT_ROUTINE_STORE_ERROR, UNKNOT_ROUTINE_STORE_ERROR_DAMAGED,
                 _("Your routine in “%s” could not be read. Unknot left it untouched and "
                   "will not save over it."), self->path);
  return FALSE;
}

gboolean
unknot_routine_store_load (UnknotRoutineStore  *self,
                           GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  guint old_len;
  gboolean had_error, ok;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE_STORE (self), FALSE);

  old_len = self->techniques->len;
  had_error = self->load_error != NULL;
  ok = load_file (self, &local_error);

  g_clear_error (&self->load_error);
  if (local_error != NULL)
    self->load_error = g_error_copy (local_error);
  if (had_error || self->load_error != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
  if (old_len > 0 || self->techniques->len > 0)
    emit_changed (self, 0, old_len, self->techniques->len);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return ok;
}

/**
 * unknot_routine_store_get_load_error:
 *
 * Returns: (nullable) (transfer none): why the file could not be read as it was at the
 *   last load
 */
const GError *
unknot_routine_store_get_load_error (UnknotRoutineStore *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_STORE (self), NULL);
  return self->load_error;
}

gboolean
unknot_routine_store_save (UnknotRoutineStore  *self,
                           GError             **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE_STORE (self), FALSE);

  if (self->read_only)
    {
      g_set_error (error, UNKNOT_ROUTINE_STORE_ERROR, UNKNOT_ROUTINE_STORE_ERROR_READ_ONLY,
                   _("Your routine cannot be saved: its file is from a newer version of "
                     "Unknot or could not be read."));
      return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "techniques");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->techniques->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->techniques, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Written beside the old file, synced, then renamed over it. */
  return g_file_set_contents_full (self->path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/**
 * unknot_routine_store_get_techniques:
 *
 * Returns: (transfer none): the technique ids, in the order the person added them
 */
const char * const *
unknot_routine_store_get_techniques (UnknotRoutineStore *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (UNKNOT_IS_ROUTINE_STORE (self), NULL);

  /* An array that never held anything has no storage yet. */
  return self->techniques->pdata ? (const char * const *) self->techniques->pdata : none;
}

gboolean
unknot_routine_store_contains (UnknotRoutineStore *self,
                               const char         *technique_id)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_STORE (self), FALSE);
  return g_strv_contains (unknot_routine_store_get_techniques (self), technique_id);
}

void
unknot_routine_store_add (UnknotRoutineStore *self,
                          const char         *technique_id)
{
  g_return_if_fail (UNKNOT_IS_ROUTINE_STORE (self));

  unknot_routine_store_insert (self, technique_id, self->techniques->len);
}

/**
 * unknot_routine_store_insert:
 * @position: where the technique goes; past the end means last
 *
 * Puts a technique back where it was (the undo of a removal). A technique already in
 * the routine stays where it is.
 */
void
unknot_routine_store_insert (UnknotRoutineStore *self,
                             const char         *technique_id,
                             guint               position)
{
  g_return_if_fail (UNKNOT_IS_ROUTINE_STORE (self));
  g_return_if_fail (technique_id != NULL);

  if (!unknot_routine_store_contains (self, technique_id))
    {
      position = MIN (position, self->techniques->len);
      g_ptr_array_insert (self->techniques, position, g_strdup (technique_id));
      emit_changed (self, position, 0, 1);
    }
}

/**
 * unknot_routine_store_remove:
 *
 * Returns: the position the technique had, or -1 when it was not in the routine
 */
int
unknot_routine_store_remove (UnknotRoutineStore *self,
                             const char         *technique_id)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_STORE (self), -1);

  for (guint i = 0; i < self->techniques->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->techniques, i), technique_id))
        {
          g_ptr_array_remove_index (self->techniques, i);
          emit_changed (self, i, 1, 0);
          return (int) i;
        }
    }

  return -1;
}

/**
 * unknot_routine_store_move:
 * @offset: -1 to move the technique one place earlier, 1 one place later
 *
 * Returns: whether the technique moved (it is in the routine and not already first or
 *   last)
 */
gboolean
unknot_routine_store_move (UnknotRoutineStore *self,
                           const char         *technique_id,
                           int                 offset)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_STORE (self), FALSE);
  g_return_val_if_fail (offset == -1 || offset == 1, FALSE);

  for (guint i = 0; i < self->techniques->len; i++)
    {
      gpointer moved;
      int target = (int) i + offset;

      if (!g_str_equal (g_ptr_array_index (self->techniques, i), technique_id))
        continue;
      if (target < 0 || target >= (int) self->techniques->len)
        return FALSE;

      moved = self->techniques->pdata[i];
      self->techniques->pdata[i] = self->techniques->pdata[target];
      self->techniques->pdata[target] = moved;
      emit_changed (self, MIN (i, (guint) target), 2, 2);
      return TRUE;
    }

  return FALSE;
}

gboolean
unknot_routine_store_is_read_only (UnknotRoutineStore *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_STORE (self), TRUE);
  return self->read_only;
}

/* Where a file that could not be read was moved, or %NULL. */
const char *
unknot_routine_store_get_kept_aside (UnknotRoutineStore *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_STORE (self), NULL);
  return self->kept_aside;
}
