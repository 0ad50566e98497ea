/* unknot-journal-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One entry of the pain journal: when, where, how much it hurt before and after, what
 * the person did about it and what they noticed. An entry is a plain value with a
 * stable UUID; the journal hands out snapshots of what it has stored, and takes
 * copies of what it is given, so an entry being edited is never the one on a list.
 *
 * Setters store whatever they are given; unknot_journal_entry_validate() (which the
 * journal runs before every write) refuses what cannot be saved, with a message for
 * the person. That keeps a slip in the editor from crashing anything.
 */

#define G_LOG_DOMAIN "unknot-journal-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-journal.h"
#include "unknot-journal-entry.h"
#include "unknot-journal-private.h"

struct _UnknotJournalEntry
{
  GObject    parent_instance;

  char      *id;
  GDateTime *when;
  GStrv      regions;
  int        pain_before;
  int        pain_after;
  char      *technique_id;
  char      *tool_id;
  guint      seconds;
  char      *occasion;
  GStrv      qualities;
  GStrv      red_flags;
  char      *notes;
  GDateTime *created;
  GDateTime *modified;
};

G_DEFINE_FINAL_TYPE (UnknotJournalEntry, unknot_journal_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_WHEN,
  PROP_REGIONS,
  PROP_PAIN_BEFORE,
  PROP_PAIN_AFTER,
  PROP_TECHNIQUE_ID,
  PROP_TOOL_ID,
  PROP_SECONDS,
  PROP_OCCASION,
  PROP_QUALITIES,
  PROP_RED_FLAGS,
  PROP_HAS_RED_FLAGS,
  PROP_NOTES,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Entries alive in this process, so tests can tell that a list does not hold them all. */
static gint n_live;

/* The moments of the guide's "When to Massage" topic (data/catalog/guide.xml), by the
 * same ids, and "other". */
static const char * const occasion_ids[] = {
  "after-sitting",
  "post-workout",
  "stress-relief",
  "chronic-ache",
  "before-stretching",
  "other",
  NULL
};

static const char * const quality_ids[] = {
  "aching",
  "stiff",
  "sharp",
  "burning",
  "throbbing",
  "shooting",
  "tingling",
  NULL
};

static const char * const red_flag_ids[] = {
  "limb-numbness",
  "leg-weakness",
  "saddle-numbness",
  "bladder-bowel",
  "fever",
  "fall-or-accident",
  "severe-or-persistent-pain",
  NULL
};

/* Lowercase words joined by single hyphens: "gluteals-left", "spine". */
static gboolean
is_id_syntax (const char *id,
              gboolean    digits)
{
  gboolean after_hyphen = TRUE;
  gsize len = 0;

  if (id == NULL || *id == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++, len++)
    {
      if (*p == '-')
        {
          if (after_hyphen)
            return FALSE;
          after_hyphen = TRUE;
        }
      else if ((*p >= 'a' && *p <= 'z') || (digits && *p >= '0' && *p <= '9'))
        after_hyphen = FALSE;
      else
        return FALSE;
    }

  return !after_hyphen && len <= 64;
}

/* An id from outside, safe to put into a message whatever bytes it holds. */
static char *
printable (const char *text)
{
  return g_utf8_make_valid (text, MIN (strlen (text), 80));
}

/* Keeps each id once, in the order given. */
static GStrv
unique_strv (const char * const *ids)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (g_hash_table_add (seen, (gpointer) ids[i]))
        g_strv_builder_add (builder, ids[i]);
    }

  return g_strv_builder_end (builder);
}

static gboolean
set_strv (GStrv              *field,
          const char * const *ids)
{
  g_auto(GStrv) unique = unique_strv (ids);

  if (g_strv_equal ((const char * const *) *field, (const char * const *) unique))
    return FALSE;

  g_strfreev (*field);
  *field = g_steal_pointer (&unique);
  return TRUE;
}

static gboolean
date_time_equal0 (GDateTime *a,
                  GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b) && g_date_time_get_utc_offset (a) == g_date_time_get_utc_offset (b);
}

static void
unknot_journal_entry_finalize (GObject *object)
{
  UnknotJournalEntry *self = UNKNOT_JOURNAL_ENTRY (object);

  g_free (self->id);
  g_clear_pointer (&self->when, g_date_time_unref);
  g_strfreev (self->regions);
  g_free (self->technique_id);
  g_free (self->tool_id);
  g_free (self->occasion);
  g_strfreev (self->qualities);
  g_strfreev (self->red_flags);
  g_free (self->notes);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);

  g_atomic_int_add (&n_live, -1);

  G_OBJECT_CLASS (unknot_journal_entry_parent_class)->finalize (object);
}

static void
unknot_journal_entry_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  UnknotJournalEntry *self = UNKNOT_JOURNAL_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_WHEN:
      g_value_set_boxed (value, self->when);
      break;

    case PROP_REGIONS:
      g_value_set_boxed (value, self->regions);
      break;

    case PROP_PAIN_BEFORE:
      g_value_set_int (value, self->pain_before);
      break;

    case PROP_PAIN_AFTER:
      g_value_set_int (value, self->pain_after);
      break;

    case PROP_TECHNIQUE_ID:
      g_value_set_string (value, self->technique_id);
      break;

    case PROP_TOOL_ID:
      g_value_set_string (value, self->tool_id);
      break;

    case PROP_SECONDS:
      g_value_set_uint (value, self->seconds);
      break;

    case PROP_OCCASION:
      g_value_set_string (value, self->occasion);
      break;

    case PROP_QUALITIES:
      g_value_set_boxed (value, self->qualities);
      break;

    case PROP_RED_FLAGS:
      g_value_set_boxed (value, self->red_flags);
      break;

    case PROP_HAS_RED_FLAGS:
      g_value_set_boolean (value, unknot_journal_entry_has_red_flags (self));
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_journal_entry_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  UnknotJournalEntry *self = UNKNOT_JOURNAL_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      /* Construct-only: a new entry gets a new UUID unless it is given one. */
      g_free (self->id);
      self->id = g_value_dup_string (value);
      if (self->id == NULL)
        self->id = g_uuid_string_random ();
      break;

    case PROP_WHEN:
      unknot_journal_entry_set_when (self, g_value_get_boxed (value));
      break;

    case PROP_REGIONS:
      unknot_journal_entry_set_regions (self, g_value_get_boxed (value));
      break;

    case PROP_PAIN_BEFORE:
      unknot_journal_entry_set_pain_before (self, g_value_get_int (value));
      break;

    case PROP_PAIN_AFTER:
      unknot_journal_entry_set_pain_after (self, g_value_get_int (value));
      break;

    case PROP_TECHNIQUE_ID:
      unknot_journal_entry_set_technique_id (self, g_value_get_string (value));
      break;

    case PROP_TOOL_ID:
      unknot_journal_entry_set_tool_id (self, g_value_get_string (value));
      break;

    case PROP_SECONDS:
      unknot_journal_entry_set_seconds (self, g_value_get_uint (value));
      break;

    case PROP_OCCASION:
      unknot_journal_entry_set_occasion (self, g_value_get_string (value));
      break;

    case PROP_QUALITIES:
      unknot_journal_entry_set_qualities (self, g_value_get_boxed (value));
      break;

    case PROP_RED_FLAGS:
      unknot_journal_entry_set_red_flags (self, g_value_get_boxed (value));
      break;

    case PROP_NOTES:
      unknot_journal_entry_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_journal_entry_class_init (UnknotJournalEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = unknot_journal_entry_finalize;
  object_class->get_property = unknot_journal_entry_get_property;
  object_class->set_property = unknot_journal_entry_set_property;

  /**
   * UnknotJournalEntry:id:
   *
   * The entry's UUID, the same for as long as the entry exists (and after an undone
   * deletion).
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotJournalEntry:when:
   *
   * When it happened; now for a new entry. Kept with the UTC offset it was given in.
   */
  properties[PROP_WHEN] =
    g_param_spec_boxed ("when", NULL, NULL, G_TYPE_DATE_TIME, rw);

  /**
   * UnknotJournalEntry:regions:
   *
   * The body map's region ids where it hurt ("gluteals-left", "spine"); at least one.
   */
  properties[PROP_REGIONS] =
    g_param_spec_boxed ("regions", NULL, NULL, G_TYPE_STRV, rw);

  /**
   * UnknotJournalEntry:pain-before:
   *
   * How much it hurt before, 0 (none) to 10; %UNKNOT_JOURNAL_PAIN_UNSET until chosen.
   * An entry needs it.
   */
  properties[PROP_PAIN_BEFORE] =
    g_param_spec_int ("pain-before", NULL, NULL,
                      UNKNOT_JOURNAL_PAIN_UNSET, UNKNOT_JOURNAL_PAIN_MAX,
                      UNKNOT_JOURNAL_PAIN_UNSET, rw);

  /**
   * UnknotJournalEntry:pain-after:
   *
   * How much it hurt after, 0 to 10, or %UNKNOT_JOURNAL_PAIN_UNSET.
   */
  properties[PROP_PAIN_AFTER] =
    g_param_spec_int ("pain-after", NULL, NULL,
                      UNKNOT_JOURNAL_PAIN_UNSET, UNKNOT_JOURNAL_PAIN_MAX,
                      UNKNOT_JOURNAL_PAIN_UNSET, rw);

  properties[PROP_TECHNIQUE_ID] =
    g_param_spec_string ("technique-id", NULL, NULL, NULL, rw);

  properties[PROP_TOOL_ID] =
    g_param_spec_string ("tool-id", NULL, NULL, NULL, rw);

  /**
   * UnknotJournalEntry:seconds:
   *
   * Time spent, in seconds; 0 when not recorded.
   */
  properties[PROP_SECONDS] =
    g_param_spec_uint ("seconds", NULL, NULL, 0, UNKNOT_JOURNAL_MAX_SECONDS, 0, rw);

  /**
   * UnknotJournalEntry:occasion:
   *
   * One of unknot_journal_get_occasion_ids(), or %NULL.
   */
  properties[PROP_OCCASION] =
    g_param_spec_string ("occasion", NULL, NULL, NULL, rw);

  /**
   * UnknotJournalEntry:qualities:
   *
   * How the pain felt, from unknot_journal_get_quality_ids().
   */
  properties[PROP_QUALITIES] =
    g_param_spec_boxed ("qualities", NULL, NULL, G_TYPE_STRV, rw);

  /**
   * UnknotJournalEntry:red-flags:
   *
   * Warning signs the person noticed, from unknot_journal_get_red_flag_ids().
   */
  properties[PROP_RED_FLAGS] =
    g_param_spec_boxed ("red-flags", NULL, NULL, G_TYPE_STRV, rw);

  properties[PROP_HAS_RED_FLAGS] =
    g_param_spec_boolean ("has-red-flags", NULL, NULL, FALSE, ro);

  /**
   * UnknotJournalEntry:notes:
   *
   * Free text of any length; never %NULL.
   */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "", rw);

  /**
   * UnknotJournalEntry:created:
   *
   * When the entry was first saved, or %NULL before it was.
   */
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, ro);

  /**
   * UnknotJournalEntry:modified:
   *
   * When the entry was last saved, or %NULL before it was.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_journal_entry_init (UnknotJournalEntry *self)
{
  g_atomic_int_inc (&n_live);

  self->when = g_date_time_new_now_local ();
  self->regions = g_new0 (char *, 1);
  self->pain_before = UNKNOT_JOURNAL_PAIN_UNSET;
  self->pain_after = UNKNOT_JOURNAL_PAIN_UNSET;
  self->qualities = g_new0 (char *, 1);
  self->red_flags = g_new0 (char *, 1);
  self->notes = g_strdup ("");
}

/**
 * unknot_journal_entry_new:
 *
 * Returns: (transfer full): a new, empty entry for now, with a new UUID
 */
UnknotJournalEntry *
unknot_journal_entry_new (void)
{
  return g_object_new (UNKNOT_TYPE_JOURNAL_ENTRY, NULL);
}

/* An entry read back from the journal keeps the id it was stored with. */
UnknotJournalEntry *
unknot_journal_entry_new_with_id (const char *id)
{
  return g_object_new (UNKNOT_TYPE_JOURNAL_ENTRY, "id", id, NULL);
}

/**
 * unknot_journal_entry_copy:
 *
 * Returns: (transfer full): an entry with the same id and values, to edit without
 *   changing this one
 */
UnknotJournalEntry *
unknot_journal_entry_copy (UnknotJournalEntry *self)
{
  UnknotJournalEntry *copy;

  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self), NULL);

  copy = unknot_journal_entry_new_with_id (self->id);
  g_date_time_unref (copy->when);
  copy->when = self->when ? g_date_time_ref (self->when) : NULL;
  g_strfreev (copy->regions);
  copy->regions = g_strdupv (self->regions);
  copy->pain_before = self->pain_before;
  copy->pain_after = self->pain_after;
  copy->technique_id = g_strdup (self->technique_id);
  copy->tool_id = g_strdup (self->tool_id);
  copy->seconds = self->seconds;
  copy->occasion = g_strdup (self->occasion);
  g_strfreev (copy->qualities);
  copy->qualities = g_strdupv (self->qualities);
  g_strfreev (copy->red_flags);
  copy->red_flags = g_strdupv (self->red_flags);
  g_free (copy->notes);
  copy->notes = g_strdup (self->notes);
  copy->created = self->created ? g_date_time_ref (self->created) : NULL;
  copy->modified = self->modified ? g_date_time_ref (self->modified) : NULL;

  return copy;
}

const char *
unknot_journal_entry_get_id (UnknotJournalEntry *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self), NULL);
  return self->id;
}

/**
 * unknot_journal_entry_get_when:
 *
 * Returns: (transfer none) (nullable): when it happened
 */
GDateTime *
unknot_journal_entry_get_when (UnknotJournalEntry *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self), NULL);
  return self->when;
}

void
unknot_journal_entry_set_when (UnknotJournalEntry *self,
                               GDateTime          *when)
{
  g_return_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self));

  if (date_time_equal0 (self->when, when))
    return;

  g_clear_pointer (&self->when, g_date_time_unref);
  self->when = when ? g_date_time_ref (when) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHEN]);
}

const char * const *
unknot_journal_entry_get_regions (UnknotJournalEntry *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self), NULL);
  return (const char * const *) self->regions;
}

/**
 * unknot_journal_entry_set_regions:
 * @regions: (nullable): region ids; each is kept once, in this order
 */
void
unknot_journal_entry_set_regions (UnknotJournalEntry *self,
                                  const char * const *regions)
{
  g_return_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self));

  if (set_strv (&self->regions, regions))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGIONS]);
}

int
unknot_journal_entry_get_pain_before (UnknotJournalEntry *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self), UNKNOT_JOURNAL_PAIN_UNSET);
  return self->pain_before;
}

/**
 * unknot_journal_entry_set_pain_before:
 * @pain: 0 to 10; any other value is kept here but refused when the entry is saved
 */
void
unknot_journal_entry_set_pain_before (UnknotJournalEntry *self,
                                      int                 pain)
{
  g_return_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self));

  if (self->pain_before == pain)
    return;

  self->pain_before = pain;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAIN_BEFORE]);
}

int
unknot_journal_entry_get_pain_after (UnknotJournalEntry *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self), UNKNOT_JOURNAL_PAIN_UNSET);
  return self->pain_after;
}

/**
 * unknot_journal_entry_set_pain_after:
 * @pain: 0 to 10, or %UNKNOT_JOURNAL_PAIN_UNSET
 */
void
unknot_journal_entry_set_pain_after (UnknotJournalEntry *self,
                                     int                 pain)
{
  g_return_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self));

  if (self->pain_after == pain)
    return;

  self->pain_after = pain;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAIN_AFTER]);
}

/* Empty strings mean "none", like %NULL. */
static gboolean
set_id (char       **field,
        const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  return g_set_str (field, value);
}

const char *
unknot_journal_entry_get_technique_id (UnknotJournalEntry *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self), NULL);
  return self->technique_id;
}

void
unknot_journal_entry_set_technique_id (UnknotJournalEntry *self,
                                       const char         *technique_id)
{
  g_return_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self));

  if (set_id (&self->technique_id, technique_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TECHNIQUE_ID]);
}

const char *
unknot_journal_entry_get_tool_id (UnknotJournalEntry *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self), NULL);
  return self->tool_id;
}

void
unknot_journal_entry_set_tool_id (UnknotJournalEntry *self,
                                  const char         *tool_id)
{
  g_return_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self));

  if (set_id (&self->tool_id, tool_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL_ID]);
}

guint
unknot_journal_entry_get_seconds (UnknotJournalEntry *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self), 0);
  return self->seconds;
}

void
unknot_journal_entry_set_seconds (UnknotJournalEntry *self,
                                  guint               seconds)
{
  g_return_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self));

  if (self->seconds == seconds)
    return;

  self->seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS]);
}

const char *
unknot_journal_entry_get_occasion (UnknotJournalEntry *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self), NULL);
  return self->occasion;
}

void
unknot_journal_entry_set_occasion (UnknotJournalEntry *self,
                                   const char         *occasion)
{
  g_return_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self));

  if (set_id (&self->occasion, occasion))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCASION]);
}

const char * const *
unknot_journal_entry_get_qualities (UnknotJournalEntry *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self), NULL);
  return (const char * const *) self->qualities;
}

void
unknot_journal_entry_set_qualities (UnknotJournalEntry *self,
                                    const char * const *qualities)
{
  g_return_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self));

  if (set_strv (&self->qualities, qualities))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUALITIES]);
}

const char * const *
unknot_journal_entry_get_red_flags (UnknotJournalEntry *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self), NULL);
  return (const char * const *) self->red_flags;
}

void
unknot_journal_entry_set_red_flags (UnknotJournalEntry *self,
                                    const char * const *red_flags)
{
  gboolean had;

  g_return_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self));

  had = unknot_journal_entry_has_red_flags (self);
  if (!set_strv (&self->red_flags, red_flags))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RED_FLAGS]);
  if (had != unknot_journal_entry_has_red_flags (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_RED_FLAGS]);
}

gboolean
unknot_journal_entry_has_red_flags (UnknotJournalEntry *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self), FALSE);
  return self->red_flags[0] != NULL;
}

const char *
unknot_journal_entry_get_notes (UnknotJournalEntry *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self), NULL);
  return self->notes;
}

/**
 * unknot_journal_entry_set_notes:
 * @notes: (nullable): free text; %NULL means no notes
 */
void
unknot_journal_entry_set_notes (UnknotJournalEntry *self,
                                const char         *notes)
{
  g_return_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self));

  if (g_set_str (&self->notes, notes ? notes : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * unknot_journal_entry_get_created:
 *
 * Returns: (transfer none) (nullable): when the entry was first saved
 */
GDateTime *
unknot_journal_entry_get_created (UnknotJournalEntry *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self), NULL);
  return self->created;
}

/**
 * unknot_journal_entry_get_modified:
 *
 * Returns: (transfer none) (nullable): when the entry was last saved
 */
GDateTime *
unknot_journal_entry_get_modified (UnknotJournalEntry *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self), NULL);
  return self->modified;
}

void
unknot_journal_entry_set_saved_times (UnknotJournalEntry *self,
                                      GDateTime          *created,
                                      GDateTime          *modified)
{
  g_return_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self));

  if (!date_time_equal0 (self->created, created))
    {
      g_clear_pointer (&self->created, g_date_time_unref);
      self->created = created ? g_date_time_ref (created) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
    }
  if (!date_time_equal0 (self->modified, modified))
    {
      g_clear_pointer (&self->modified, g_date_time_unref);
      self->modified = modified ? g_date_time_ref (modified) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_INVALID, message);
  return FALSE;
}

/* Returns: (nullable): the first of @ids not in @allowed, to show */
static char *
find_unknown (const char * const *ids,
              const char * const *allowed)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (!g_strv_contains (allowed, ids[i]))
        return printable (ids[i]);
    }
  return NULL;
}

/**
 * unknot_journal_entry_validate:
 * @known_regions: (nullable): the region ids the body map has; with %NULL, a region
 *   id only needs to look like one (lowercase words joined by hyphens)
 *
 * Checks that the entry can be saved: pain before given, both scores from 0 to 10, at
 * least one region, ids that exist, text that is valid UTF-8.
 *
 * Returns: %TRUE, or %FALSE with %UNKNOT_JOURNAL_ERROR_INVALID and a message that says
 *   what to change
 */
gboolean
unknot_journal_entry_validate (UnknotJournalEntry  *self,
                               const char * const  *known_regions,
                               GError             **error)
{
  g_autofree char *unknown = NULL;

  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ENTRY (self), FALSE);

  if (self->id == NULL || !g_uuid_string_is_valid (self->id))
    return invalid (error, _("This entry has no valid identifier, so it cannot be saved."));

  if (self->when == NULL)
    return invalid (error, _("Choose when this happened."));

  if (self->pain_before == UNKNOT_JOURNAL_PAIN_UNSET)
    return invalid (error, _("Choose how much it hurt before, from 0 (no pain) to 10 (the worst pain)."));

  if (self->pain_before < 0 || self->pain_before > UNKNOT_JOURNAL_PAIN_MAX)
    return invalid (error, _("Pain before must be a number from 0 to 10, not %d."),
                    self->pain_before);

  if (self->pain_after != UNKNOT_JOURNAL_PAIN_UNSET &&
      (self->pain_after < 0 || self->pain_after > UNKNOT_JOURNAL_PAIN_MAX))
    return invalid (error, _("Pain after must be a number from 0 to 10, not %d."),
                    self->pain_after);

  if (self->regions[0] == NULL)
    return invalid (error, _("Choose at least one area where it hurts."));

  for (guint i = 0; self->regions[i] != NULL; i++)
    {
      if (!unknot_journal_is_valid_region_id (self->regions[i]) ||
          (known_regions != NULL && !g_strv_contains (known_regions, self->regions[i])))
        {
          g_autofree char *shown = printable (self->regions[i]);

          return invalid (error, _("“%s” is not an area of the body map. Choose the areas on the map."),
                          shown);
        }
    }

  if (self->technique_id != NULL && !is_id_syntax (self->technique_id, TRUE))
    {
      g_autofree char *shown = printable (self->technique_id);

      return invalid (error, _("“%s” is not a technique Unknot knows. Choose one from the list."),
                      shown);
    }

  if (self->tool_id != NULL && !is_id_syntax (self->tool_id, TRUE))
    {
      g_autofree char *shown = printable (self->tool_id);

      return invalid (error, _("“%s” is not a tool Unknot knows. Choose one from the list."),
                      shown);
    }

  if (self->seconds > UNKNOT_JOURNAL_MAX_SECONDS)
    return invalid (error, _("The time spent must be less than a day."));

  if (self->occasion != NULL && !g_strv_contains (occasion_ids, self->occasion))
    {
      g_autofree char *shown = printable (self->occasion);

      return invalid (error, _("“%s” is not one of the moments Unknot knows. Choose one from the list."),
                      shown);
    }

  unknown = find_unknown ((const char * const *) self->qualities, quality_ids);
  if (unknown != NULL)
    return invalid (error, _("“%s” is not a kind of pain Unknot knows. Choose from the list."),
                    unknown);

  unknown = find_unknown ((const char * const *) self->red_flags, red_flag_ids);
  if (unknown != NULL)
    return invalid (error, _("“%s” is not a warning sign Unknot knows. Choose from the list."),
                    unknown);

  if (!g_utf8_validate (self->notes, -1, NULL))
    return invalid (error, _("Some characters in the notes could not be read, so they cannot be saved. "
                             "Retype the part that looks wrong and save again."));

  return TRUE;
}

/**
 * unknot_journal_entry_equal:
 *
 * Returns: whether both have the same id and the same values the person gave (when
 *   the entries were saved is not compared)
 */
gboolean
unknot_journal_entry_equal (UnknotJournalEntry *a,
                            UnknotJournalEntry *b)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ENTRY (a), FALSE);
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ENTRY (b), FALSE);

  return g_strcmp0 (a->id, b->id) == 0 &&
         date_time_equal0 (a->when, b->when) &&
         g_strv_equal ((const char * const *) a->regions, (const char * const *) b->regions) &&
         a->pain_before == b->pain_before &&
         a->pain_after == b->pain_after &&
         g_strcmp0 (a->technique_id, b->technique_id) == 0 &&
         g_strcmp0 (a->tool_id, b->tool_id) == 0 &&
         a->seconds == b->seconds &&
         g_strcmp0 (a->occasion, b->occasion) == 0 &&
         g_strv_equal ((const char * const *) a->qualities, (const char * const *) b->qualities) &&
         g_strv_equal ((const char * const *) a->red_flags, (const char * const *) b->red_flags) &&
         g_strcmp0 (a->notes, b->notes) == 0;
}

guint
unknot_journal_entry_get_n_live (void)
{
  return (guint) g_atomic_int_get (&n_live);
}

/**
 * unknot_journal_is_valid_region_id:
 *
 * Returns: whether @region_id looks like a body map region id: lowercase letters in
 *   words joined by single hyphens ("gluteals-left", "spine")
 */
gboolean
unknot_journal_is_valid_region_id (const char *region_id)
{
  return is_id_syntax (region_id, FALSE);
}

/**
 * unknot_journal_get_occasion_ids:
 *
 * Returns: (transfer none): the moments an entry can be for: the guide's own ids
 *   for "When to Massage", then "other"
 */
const char * const *
unknot_journal_get_occasion_ids (void)
{
  return occasion_ids;
}

/**
 * unknot_journal_get_occasion_label:
 *
 * Returns: (nullable): the occasion's name, translated, or %NULL for an unknown id
 */
const char *
unknot_journal_get_occasion_label (const char *occasion_id)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "after-sitting", N_("After long sitting or standing") },
    { "post-workout", N_("After a workout") },
    { "stress-relief", N_("For stress relief") },
    { "chronic-ache", N_("For a chronic ache") },
    { "before-stretching", N_("Before stretching") },
    /* Translators: an occasion for a journal entry that is none of the others */
    { "other", NC_("occasion", "Other") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_strcmp0 (labels[i].id, occasion_id) == 0)
        return g_str_equal (occasion_id, "other") ? g_dpgettext2 (NULL, "occasion", labels[i].label)
                                                  : _(labels[i].label);
    }
  return NULL;
}

/**
 * unknot_journal_get_quality_ids:
 *
 * Returns: (transfer none): the kinds of pain an entry can name
 */
const char * const *
unknot_journal_get_quality_ids (void)
{
  return quality_ids;
}

/**
 * unknot_journal_get_quality_label:
 *
 * Returns: (nullable): the quality's name, translated, or %NULL for an unknown id
 */
const char *
unknot_journal_get_quality_label (const char *quality_id)
{
  /* Translators: how pain feels, chosen in the journal entry editor */
  static const struct { const char *id; const char *label; } labels[] = {
    { "aching", NC_("pain quality", "Aching") },
    { "stiff", NC_("pain quality", "Stiff") },
    { "sharp", NC_("pain quality", "Sharp") },
    { "burning", NC_("pain quality", "Burning") },
    { "throbbing", NC_("pain quality", "Throbbing") },
    { "shooting", NC_("pain quality", "Shooting") },
    { "tingling", NC_("pain quality", "Tingling") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_strcmp0 (labels[i].id, quality_id) == 0)
        return g_dpgettext2 (NULL, "pain quality", labels[i].label);
    }
  return NULL;
}

/**
 * unknot_journal_get_red_flag_ids:
 *
 * Returns: (transfer none): the warning signs an entry can record; any of them means
 *   "see a clinician" (the guide's "Get Medical Help Now")
 */
const char * const *
unknot_journal_get_red_flag_ids (void)
{
  return red_flag_ids;
}

/**
 * unknot_journal_get_red_flag_label:
 *
 * Returns: (nullable): the warning sign in plain words, translated, or %NULL for an
 *   unknown id
 */
const char *
unknot_journal_get_red_flag_label (const char *red_flag_id)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "limb-numbness", N_("Numbness or tingling in the arms or legs") },
    { "leg-weakness", N_("Weakness in the legs") },
    { "saddle-numbness", N_("Numbness around the buttocks or genitals") },
    { "bladder-bowel", N_("New problems controlling the bladder or bowels") },
    { "fever", N_("Fever") },
    { "fall-or-accident", N_("Pain after a fall or accident") },
    { "severe-or-persistent-pain", N_("Severe pain, or pain that keeps getting worse or does not go away") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_strcmp0 (labels[i].id, red_flag_id) == 0)
        return _(labels[i].label);
    }
  return NULL;
}
