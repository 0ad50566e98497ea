/* unknot-chime.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The soft chime at the end of a hold, played as a freedesktop event sound through
 * GSound (libcanberra), as GNOME Clocks did up to version 46.
 *
 * Sound is a nicety: whatever the machine lacks (a libcanberra driver, an audio
 * device, a sound server, the file itself), the chime stays silent, says why at debug
 * level only, and never blocks or takes the application down. Opening the sound
 * context, which may connect to a sound server, happens on a worker thread; playing is
 * asynchronous. What became of the last attempt is kept in the state property and the
 * last error, and told by the played and failed signals.
 *
 * libcanberra reads real files only, not a GResource: the sound is installed in
 * $datadir/unknot/sounds (see unknot_chime_find_sound ()).
 */

#define G_LOG_DOMAIN "unknot-chime"

#include "config.h"

#include <gsound.h>

#include "unknot-chime.h"

#define DEFAULT_SOUND "hold-complete.wav"

/* GSound 1.0 has no g_autoptr support of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GSoundContext, g_object_unref)

struct _UnknotChime
{
  GObject           parent_instance;

  char             *file;
  GSoundContext    *context;
  GCancellable     *cancellable;
  GError           *last_error;
  UnknotChimeState  state;
  guint             attempts;
  guint             serial;
  gboolean          opening;
  gboolean          play_pending;
};

G_DEFINE_FINAL_TYPE (UnknotChime, unknot_chime, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (UnknotChimeState, unknot_chime_state,
  G_DEFINE_ENUM_VALUE (UNKNOT_CHIME_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (UNKNOT_CHIME_PLAYING, "playing"),
  G_DEFINE_ENUM_VALUE (UNKNOT_CHIME_PLAYED, "played"),
  G_DEFINE_ENUM_VALUE (UNKNOT_CHIME_FAILED, "failed"))

enum {
  PROP_0,
  PROP_FILE,
  PROP_STATE,
  PROP_ATTEMPTS,
  N_PROPS
};

enum {
  SIGNAL_PLAYED,
  SIGNAL_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One attempt in flight: a later attempt supersedes what an earlier one reports. */
typedef struct
{
  UnknotChime *self;
  guint        serial;
} Attempt;

static Attempt *
attempt_new (UnknotChime *self)
{
  Attempt *attempt = g_new0 (Attempt, 1);

  attempt->self = g_object_ref (self);
  attempt->serial = self->serial;

  return attempt;
}

static void
attempt_free (Attempt *attempt)
{
  g_clear_object (&attempt->self);
  g_free (attempt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Attempt, attempt_free)

static void
set_state (UnknotChime      *self,
           UnknotChimeState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
succeed (UnknotChime *self)
{
  g_clear_error (&self->last_error);
  set_state (self, UNKNOT_CHIME_PLAYED);
  g_signal_emit (self, signals[SIGNAL_PLAYED], 0);
}

/* Takes @error. Never more than a debug message: a machine without sound is normal. */
static void
fail (UnknotChime *self,
      GError      *error)
{
  g_debug ("The hold-complete chime stays silent: %s", error->message);

  g_clear_error (&self->last_error);
  self->last_error = error;
  set_state (self, UNKNOT_CHIME_FAILED);
  g_signal_emit (self, signals[SIGNAL_FAILED], 0, error);
}

static void
on_played_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Attempt) attempt = user_data;
  UnknotChime *self = attempt->self;
  g_autoptr(GError) error = NULL;
  gboolean played;

  played = gsound_context_play_full_finish (GSOUND_CONTEXT (object), result, &error);
  if (attempt->serial != self->serial)
    return;

  if (played)
    succeed (self);
  else
    fail (self, g_steal_pointer (&error));
}

static void
start_playing (UnknotChime *self)
{
  gsound_context_play_full (self->context,
                            self->cancellable,
                            on_played_cb,
                            attempt_new (self),
                            GSOUND_ATTR_MEDIA_FILENAME, self->file,
                            GSOUND_ATTR_MEDIA_ROLE, "event",
                            /* No event ID: a sound server would cache the sample under
                             * it, shadowing the theme's sound of that name. */
                            GSOUND_ATTR_CANBERRA_CACHE_CONTROL, "never",
                            NULL);
}

/* On a worker thread: opening may connect to a sound server, which can take a while
 * or never answer. */
static void
open_context_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  g_autoptr(GSoundContext) context = NULL;
  GError *error = NULL;

  context = gsound_context_new (cancellable, &error);
  if (context == NULL || !gsound_context_open (context, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&context), g_object_unref);
}

static void
on_context_opened_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(UnknotChime) self = user_data;
  g_autoptr(GSoundContext) context = NULL;
  g_autoptr(GError) error = NULL;

  self->opening = FALSE;
  context = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (context == NULL)
    {
      /* Tried again at the next chime: a sound server may have started by then. */
      self->play_pending = FALSE;
      fail (self, g_steal_pointer (&error));
      return;
    }

  g_set_object (&self->context, context);
  if (self->play_pending)
    {
      self->play_pending = FALSE;
      start_playing (self);
    }
}

static void
unknot_chime_dispose (GObject *object)
{
  UnknotChime *self = UNKNOT_CHIME (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (unknot_chime_parent_class)->dispose (object);
}

static void
unknot_chime_finalize (GObject *object)
{
  UnknotChime *self = UNKNOT_CHIME (object);

  g_clear_object (&self->cancellable);
  g_clear_error (&self->last_error);
  g_clear_pointer (&self->file, g_free);

  G_OBJECT_CLASS (unknot_chime_parent_class)->finalize (object);
}

static void
unknot_chime_constructed (GObject *object)
{
  UnknotChime *self = UNKNOT_CHIME (object);

  G_OBJECT_CLASS (unknot_chime_parent_class)->constructed (object);

  if (self->file == NULL)
    self->file = unknot_chime_find_sound (DEFAULT_SOUND);
}

static void
unknot_chime_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  UnknotChime *self = UNKNOT_CHIME (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_string (value, self->file);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_ATTEMPTS:
      g_value_set_uint (value, self->attempts);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_chime_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  UnknotChime *self = UNKNOT_CHIME (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_chime_class_init (UnknotChimeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = unknot_chime_constructed;
  object_class->dispose = unknot_chime_dispose;
  object_class->finalize = unknot_chime_finalize;
  object_class->get_property = unknot_chime_get_property;
  object_class->set_property = unknot_chime_set_property;

  /**
   * UnknotChime:file:
   *
   * The sound file to play; by default the installed hold-complete sound.
   */
  properties[PROP_FILE] =
    g_param_spec_string ("file", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);

  /**
   * UnknotChime:state:
   *
   * What became of the last attempt to play.
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       UNKNOT_TYPE_CHIME_STATE,
                       UNKNOT_CHIME_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotChime:attempts:
   *
   * How many times the chime was asked to play.
   */
  properties[PROP_ATTEMPTS] =
    g_param_spec_uint ("attempts", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UnknotChime::played:
   *
   * The sound was played to its end.
   */
  signals[SIGNAL_PLAYED] =
    g_signal_new ("played",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * UnknotChime::failed:
   * @error: why the chime stayed silent
   *
   * The sound could not be played; nothing else happened.
   */
  signals[SIGNAL_FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
unknot_chime_init (UnknotChime *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * unknot_chime_new:
 * @file: (nullable): the sound file, or %NULL for the hold-complete sound
 */
UnknotChime *
unknot_chime_new (const char *file)
{
  return g_object_new (UNKNOT_TYPE_CHIME, "file", file, NULL);
}

const char *
unknot_chime_get_file (UnknotChime *self)
{
  g_return_val_if_fail (UNKNOT_IS_CHIME (self), NULL);

  return self->file;
}

/**
 * unknot_chime_play:
 *
 * Plays the sound once, in the background. Returns at once; the state property, and
 * the played or failed signal, tell what became of it.
 */
void
unknot_chime_play (UnknotChime *self)
{
  g_return_if_fail (UNKNOT_IS_CHIME (self));

  self->attempts++;
  self->serial++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTEMPTS]);
  set_state (self, UNKNOT_CHIME_PLAYING);

  if (!g_file_test (self->file, G_FILE_TEST_IS_REGULAR))
    {
      fail (self, g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               "No sound file at %s", self->file));
      return;
    }

  if (self->context != NULL)
    {
      start_playing (self);
      return;
    }

  self->play_pending = TRUE;
  if (!self->opening)
    {
      /* Not the task's source object: the worker thread may drop its reference to
       * the task after the callback ran, and the chime must not outlive its owner for
       * that. */
      g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, on_context_opened_cb,
                                          g_object_ref (self));

      self->opening = TRUE;
      g_task_set_source_tag (task, unknot_chime_play);
      g_task_set_static_name (task, "[unknot] open sound context");
      g_task_run_in_thread (task, open_context_thread);
    }
}

UnknotChimeState
unknot_chime_get_state (UnknotChime *self)
{
  g_return_val_if_fail (UNKNOT_IS_CHIME (self), UNKNOT_CHIME_IDLE);

  return self->state;
}

guint
unknot_chime_get_attempts (UnknotChime *self)
{
  g_return_val_if_fail (UNKNOT_IS_CHIME (self), 0);

  return self->attempts;
}

/**
 * unknot_chime_get_last_error:
 *
 * Returns: (nullable): why the last attempt stayed silent, or %NULL if it did not
 */
const GError *
unknot_chime_get_last_error (UnknotChime *self)
{
  g_return_val_if_fail (UNKNOT_IS_CHIME (self), NULL);

  return self->last_error;
}

static char *
find_in (const char *dir,
         const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR) ? g_steal_pointer (&path) : NULL;
}

/**
 * unknot_chime_find_sound:
 * @name: a file name in data/sounds/
 *
 * Where the sound @name is: in $UNKNOT_SOUNDS_DIR when that is set; beside the
 * executable when it runs from the build tree (which keeps a copy in data/sounds/ for
 * the app and the tests alike); else where it is installed.
 *
 * Returns: (transfer full): the path of the file, which may not exist
 */
char *
unknot_chime_find_sound (const char *name)
{
  const char *env = g_getenv ("UNKNOT_SOUNDS_DIR");
  g_autofree char *exe = NULL;
  char *path;

  g_return_val_if_fail (name != NULL, NULL);

  if (env != NULL && env[0] != '\0')
    return g_build_filename (env, name, NULL);

  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe != NULL)
    {
      g_autofree char *exe_dir = g_path_get_dirname (exe);
      g_autofree char *build_dir = g_build_filename (exe_dir, "..", "data", "sounds", NULL);

      if ((path = find_in (build_dir, name)) != NULL)
        return path;
    }

  return g_build_filename (SOUNDSDIR, name, NULL);
}
