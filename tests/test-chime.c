/* test-chime.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hold-complete chime on machines without sound: a hold finishes with sound on, and
 * the process neither crashes, nor warns, nor stops its main loop, whether GStreamer has
 * no plugins at all or there is no sound server. Each case runs in a child process
 * with the environment it is about, so a crash fails the case instead of the run.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "timer/unknot-chime.h"
#include "timer/unknot-hold-timer.h"
#include "unknot-test-utils.h"

#define SEC G_USEC_PER_SEC
/* How long the chime may take to say what became of it (the sound itself is 1.2 s). */
#define RESULT_SECONDS 10
/* The longest the main loop may go without running a 10 ms timeout: a few ms when
 * nothing blocks, seconds or forever when something waits on a sound server. The
 * margin is for a busy machine running the sanitizer build. */
#define MAX_STALL_USEC (2 * G_USEC_PER_SEC)

typedef struct
{
  gint64       now;
  GSettings   *settings;
  UnknotChime *chime;
  guint        finished;
  guint        played;
  guint        failed;
  gint64       last_tick;
  gint64       longest_stall;
  gboolean     timed_out;
} Fixture;

static gint64
fake_clock (gpointer data)
{
  Fixture *fixture = data;

  return fixture->now;
}

/* What the application does when a hold finishes (see on_hold_finished_cb). */
static void
on_hold_finished_cb (UnknotHoldTimer *timer,
                     Fixture         *fixture)
{
  fixture->finished++;
  if (g_settings_get_boolean (fixture->settings, "sound-enabled"))
    unknot_chime_play (fixture->chime);
}

static void
on_played_cb (UnknotChime *chime,
              Fixture     *fixture)
{
  fixture->played++;
}

static void
on_failed_cb (UnknotChime  *chime,
              const GError *error,
              Fixture      *fixture)
{
  g_assert_nonnull (error);
  g_test_message ("the chime stayed silent: %s", error->message);
  fixture->failed++;
}

static gboolean
on_tick_cb (gpointer data)
{
  Fixture *fixture = data;
  gint64 now = g_get_monotonic_time ();

  fixture->longest_stall = MAX (fixture->longest_stall, now - fixture->last_tick);
  fixture->last_tick = now;

  return G_SOURCE_CONTINUE;
}

static gboolean
on_timeout_cb (gpointer data)
{
  Fixture *fixture = data;

  fixture->timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the chime has said what became of its attempt, checking all
 * the while that a 10 ms timeout keeps firing. */
static void
wait_for_chime (Fixture *fixture)
{
  guint tick, timeout;

  fixture->last_tick = g_get_monotonic_time ();
  tick = g_timeout_add (10, on_tick_cb, fixture);
  timeout = g_timeout_add_seconds (RESULT_SECONDS, on_timeout_cb, fixture);

  while (fixture->played + fixture->failed == 0 && !fixture->timed_out)
    g_main_context_iteration (NULL, TRUE);
  on_tick_cb (fixture);

  g_source_remove (tick);
  if (!fixture->timed_out)
    g_source_remove (timeout);

  g_assert_false (fixture->timed_out);
  g_test_message ("longest stall of the main loop: %" G_GINT64_FORMAT " ms",
                  fixture->longest_stall / 1000);
  g_assert_cmpint (fixture->longest_stall, <, MAX_STALL_USEC);
}

static void
check_outcome (Fixture *fixture)
{
  UnknotChimeState state = unknot_chime_get_state (fixture->chime);

  g_assert_cmpuint (fixture->played + fixture->failed, ==, 1);
  if (fixture->failed == 1)
    {
      g_assert_cmpint (state, ==, UNKNOT_CHIME_FAILED);
      g_assert_nonnull (unknot_chime_get_last_error (fixture->chime));
    }
  else
    {
      /* A machine with working sound plays it. */
      g_assert_cmpint (state, ==, UNKNOT_CHIME_PLAYED);
      g_assert_null (unknot_chime_get_last_error (fixture->chime));
    }
}

/* A whole hold of the hold timer, with its clock in the test's hands, and the chime
 * wired as the application wires it. */
static void
finish_hold_with_sound (void)
{
  Fixture fixture = { .now = 1000 * SEC };
  g_autoptr(UnknotHoldTimer) timer = unknot_hold_timer_new ();
  gint64 before;

  fixture.settings = g_settings_new ("io.github.unknot.Unknot");
  g_settings_set_boolean (fixture.settings, "sound-enabled", TRUE);
  fixture.chime = unknot_chime_new (NULL);
  g_assert_true (g_file_test (unknot_chime_get_file (fixture.chime), G_FILE_TEST_IS_REGULAR));
  g_signal_connect (fixture.chime, "played", G_CALLBACK (on_played_cb), &fixture);
  g_signal_connect (fixture.chime, "failed", G_CALLBACK (on_failed_cb), &fixture);

  unknot_hold_timer_set_clock (timer, fake_clock, &fixture);
  g_signal_connect (timer, "finished", G_CALLBACK (on_hold_finished_cb), &fixture);
  unknot_hold_timer_start (timer, 30, FALSE);
  fixture.now += 30 * SEC;

  /* The hold finishes and the chime is asked to play, which returns at once. */
  before = g_get_monotonic_time ();
  unknot_hold_timer_update (timer);
  g_assert_cmpint (g_get_monotonic_time () - before, <, MAX_STALL_USEC);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_FINISHED);
  g_assert_cmpuint (fixture.finished, ==, 1);
  g_assert_cmpuint (unknot_chime_get_attempts (fixture.chime), ==, 1);

  wait_for_chime (&fixture);
  check_outcome (&fixture);

  /* A second hold tries again, as quietly. */
  unknot_hold_timer_start (timer, 10, FALSE);
  fixture.now += 10 * SEC;
  fixture.played = fixture.failed = 0;
  unknot_hold_timer_update (timer);
  g_assert_cmpuint (unknot_chime_get_attempts (fixture.chime), ==, 2);
  wait_for_chime (&fixture);
  check_outcome (&fixture);

  g_assert_finalize_object (fixture.chime);
  g_clear_object (&fixture.settings);
}

/* The real application finishes a hold of a real step with sound on. */
static void
finish_application_hold_with_sound (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  Fixture fixture = { .now = 1000 * SEC };
  UnknotHoldTimer *timer = unknot_application_get_hold_timer (app);
  GtkWindow *window;
  gint64 before;

  /* With its window in front, as a person doing a hold has it (in the background it
   * would send a notification, and there is no notification server here). */
  window = unknot_test_activate (app);

  g_settings_set_boolean (unknot_application_get_settings (app), "sound-enabled", TRUE);
  fixture.chime = unknot_application_get_chime (app);
  g_assert_cmpuint (unknot_chime_get_attempts (fixture.chime), ==, 0);
  g_signal_connect (fixture.chime, "played", G_CALLBACK (on_played_cb), &fixture);
  g_signal_connect (fixture.chime, "failed", G_CALLBACK (on_failed_cb), &fixture);

  unknot_hold_timer_set_clock (timer, fake_clock, &fixture);
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-hold",
                                  g_variant_new ("(ssuu)", "foam-roller-upper-back", "rhomboids-left", 1, 30));
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_RUNNING);

  fixture.now += 30 * SEC;
  before = g_get_monotonic_time ();
  unknot_hold_timer_update (timer);
  g_assert_cmpint (g_get_monotonic_time () - before, <, MAX_STALL_USEC);
  g_assert_cmpint (unknot_hold_timer_get_state (timer), ==, UNKNOT_HOLD_TIMER_FINISHED);
  g_assert_cmpuint (unknot_chime_get_attempts (fixture.chime), ==, 1);

  wait_for_chime (&fixture);
  check_outcome (&fixture);

  g_signal_handlers_disconnect_by_data (fixture.chime, &fixture);
  unknot_test_close_window (window);
}

static char *
make_empty_dir (const char *template)
{
  char *dir = g_dir_make_tmp (template, NULL);

  g_assert_nonnull (dir);

  return dir;
}

/* GStreamer with no plugins at all: no playbin, no sink, nothing. */
static char **
no_gstreamer_envp (void)
{
  g_autofree char *plugins = make_empty_dir ("unknot-no-gst-XXXXXX");
  g_autofree char *registry = g_build_filename (plugins, "registry.bin", NULL);
  char **envp = g_get_environ ();

  envp = g_environ_setenv (envp, "GST_PLUGIN_SYSTEM_PATH", plugins, TRUE);
  envp = g_environ_setenv (envp, "GST_PLUGIN_SYSTEM_PATH_1_0", plugins, TRUE);
  envp = g_environ_setenv (envp, "GST_REGISTRY", registry, TRUE);
  envp = g_environ_setenv (envp, "GST_REGISTRY_1_0", registry, TRUE);
  envp = g_environ_unsetenv (envp, "GST_PLUGIN_PATH");
  envp = g_environ_unsetenv (envp, "GST_PLUGIN_PATH_1_0");

  return envp;
}

/* No sound server to reach: none named, and an empty runtime directory. */
static char **
no_sound_server_envp (void)
{
  g_autofree char *runtime = make_empty_dir ("unknot-no-runtime-XXXXXX");
  char **envp = g_get_environ ();

  g_chmod (runtime, 0700);
  envp = g_environ_setenv (envp, "XDG_RUNTIME_DIR", runtime, TRUE);
  envp = g_environ_unsetenv (envp, "PULSE_SERVER");
  envp = g_environ_unsetenv (envp, "PIPEWIRE_REMOTE");

  return envp;
}

static void
run_child (const char *path,
           char      **envp)
{
  g_test_trap_subprocess_with_envp (path, (const char * const *) envp, 60 * G_USEC_PER_SEC,
                                    G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_hold_without_gstreamer (void)
{
  g_auto(GStrv) envp = NULL;

  if (g_test_subprocess ())
    {
      finish_hold_with_sound ();
      return;
    }

  envp = no_gstreamer_envp ();
  run_child (NULL, envp);
}

static void
test_hold_without_sound_server (void)
{
  g_auto(GStrv) envp = NULL;

  if (g_test_subprocess ())
    {
      finish_hold_with_sound ();
      return;
    }

  envp = no_sound_server_envp ();
  run_child (NULL, envp);
}

static void
test_application_hold_without_gstreamer (void)
{
  g_auto(GStrv) envp = NULL;

  if (g_test_subprocess ())
    {
      finish_application_hold_with_sound ();
      return;
    }

  envp = no_gstreamer_envp ();
  run_child (NULL, envp);
}

static void
test_application_hold_without_sound_server (void)
{
  g_auto(GStrv) envp = NULL;

  if (g_test_subprocess ())
    {
      finish_application_hold_with_sound ();
      return;
    }

  envp = no_sound_server_envp ();
  run_child (NULL, envp);
}

/* A missing file is one more reason for silence, not for a warning. */
static void
test_missing_file (void)
{
  Fixture fixture = { 0 };
  UnknotChime *chime = unknot_chime_new ("/nonexistent/unknot/chime.wav");

  fixture.chime = chime;
  g_signal_connect (chime, "played", G_CALLBACK (on_played_cb), &fixture);
  g_signal_connect (chime, "failed", G_CALLBACK (on_failed_cb), &fixture);
  g_assert_cmpint (unknot_chime_get_state (chime), ==, UNKNOT_CHIME_IDLE);
  g_assert_null (unknot_chime_get_last_error (chime));

  unknot_chime_play (chime);
  g_assert_cmpuint (unknot_chime_get_attempts (chime), ==, 1);
  g_assert_cmpint (unknot_chime_get_state (chime), ==, UNKNOT_CHIME_FAILED);
  g_assert_error (unknot_chime_get_last_error (chime), G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (fixture.failed, ==, 1);
  g_assert_cmpuint (fixture.played, ==, 0);

  g_assert_finalize_object (chime);
}

/* Run from the build tree, the sound is found beside the executable; an environment
 * variable points elsewhere. */
static void
test_find_sound (void)
{
  g_autofree char *found = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_null (g_getenv ("UNKNOT_SOUNDS_DIR"));
  found = unknot_chime_find_sound ("hold-complete.wav");
  g_assert_true (g_file_get_contents (found, &contents, &length, NULL));
  /* A RIFF WAVE file, as libcanberra reads it. */
  g_assert_cmpuint (length, >, 44);
  g_assert_cmpmem (contents, 4, "RIFF", 4);
  g_assert_cmpmem (contents + 8, 4, "WAVE", 4);

  g_setenv ("UNKNOT_SOUNDS_DIR", "/some/where", TRUE);
  moved = unknot_chime_find_sound ("hold-complete.wav");
  g_unsetenv ("UNKNOT_SOUNDS_DIR");
  g_assert_cmpstr (moved, ==, "/some/where/hold-complete.wav");
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/chime/find-sound", test_find_sound);
  g_test_add_func ("/chime/missing-file", test_missing_file);
  g_test_add_func ("/chime/hold/without-gstreamer", test_hold_without_gstreamer);
  g_test_add_func ("/chime/hold/without-sound-server", test_hold_without_sound_server);
  g_test_add_func ("/chime/application/without-gstreamer",
                   test_application_hold_without_gstreamer);
  g_test_add_func ("/chime/application/without-sound-server",
                   test_application_hold_without_sound_server);

  return g_test_run ();
}
