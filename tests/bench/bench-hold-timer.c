/* bench-hold-timer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hold timer with the real clock, in one run: how late a 30 s hold is noticed to
 * have finished (against one frame at 60 Hz), and how often the process wakes while
 * the hold runs behind a hidden window (target: about once a second at most). It
 * prints numbers and never fails on a timing. UNKNOT_BENCH_HOLD_SECONDS changes the
 * hold's length.
 */

#include "config.h"

#include <adwaita.h>

#include "catalog/unknot-catalog.h"
#include "timer/unknot-hold-page.h"
#include "timer/unknot-hold-timer.h"

static GPollFunc real_poll;
static guint polls;

/* Every return from poll() is one wake-up of the main loop. */
static int
counting_poll (GPollFD *fds,
               guint    n_fds,
               int      timeout)
{
  polls++;
  return real_poll (fds, n_fds, timeout);
}

static gint64
context_switches (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "voluntary_ctxt_switches:");
  return line ? g_ascii_strtoll (line + strlen ("voluntary_ctxt_switches:"), NULL, 10) : -1;
}

/* Connected before the page, so this runs first when the state changes. */
static void
on_state_cb (UnknotHoldTimer *timer,
             GParamSpec      *pspec,
             gint64          *noticed)
{
  if (unknot_hold_timer_get_state (timer) == UNKNOT_HOLD_TIMER_FINISHED && *noticed == 0)
    *noticed = g_get_monotonic_time ();
}

/* Runs after every state handler, the page's included. */
static void
on_finished_cb (UnknotHoldTimer *timer,
                gint64          *handled)
{
  *handled = g_get_monotonic_time ();
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("UNKNOT_BENCH_HOLD_SECONDS");
  guint seconds = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 30;
  g_autoptr(UnknotHoldTimer) timer = NULL;
  g_autoptr(UnknotCatalog) catalog = NULL;
  UnknotTechnique *technique;
  g_autoptr(UnknotStep) step = NULL;
  GtkWindow *window;
  gint64 start, noticed = 0, handled = 0, switches_before, switches_after;
  double error_ms, handled_ms, wakeups;
  g_autoptr(UnknotHold) hold = NULL;

  gtk_init ();
  adw_init ();

  /* The hold page as the app shows it, in a window that is hidden. */
  catalog = unknot_catalog_new_default ();
  technique = unknot_catalog_lookup_technique (catalog, "ball-between-shoulder-blades");
  step = g_list_model_get_item (unknot_technique_get_steps (technique), 2);
  timer = unknot_hold_timer_new ();
  g_signal_connect (timer, "notify::state", G_CALLBACK (on_state_cb), &noticed);
  g_signal_connect (timer, "finished", G_CALLBACK (on_finished_cb), &handled);
  hold = unknot_hold_new (timer, NULL);
  unknot_hold_start (hold, technique, NULL, step, 0);
  unknot_hold_timer_reset (timer);
  window = GTK_WINDOW (adw_window_new ());
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (unknot_hold_page_new (hold, NULL)));
  gtk_window_present (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  real_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, counting_poll);
  switches_before = context_switches ();

  start = g_get_monotonic_time ();
  unknot_hold_timer_start (timer, seconds, FALSE);
  while (handled == 0)
    g_main_context_iteration (NULL, TRUE);

  switches_after = context_switches ();
  g_main_context_set_poll_func (NULL, real_poll);

  error_ms = (noticed - (start + (gint64) seconds * G_USEC_PER_SEC)) / 1000.0;
  handled_ms = (handled - noticed) / 1000.0;
  wakeups = polls / (double) seconds;

  g_print ("hold timer, one %u s hold with the real clock, window hidden:\n", seconds);
  g_print ("  finish noticed %.3f ms after the nominal end = %.3f of a 60 Hz frame (target < 1)\n",
           error_ms, error_ms / (1000.0 / 60));
  g_print ("  the page then updated itself in %.3f ms (labels, announcement)\n", handled_ms);
  g_print ("  main loop wake-ups: %u in %u s = %.2f per second (target <= 1.5)\n",
           polls, seconds, wakeups);
  if (switches_before >= 0 && switches_after >= 0)
    g_print ("  voluntary context switches: %" G_GINT64_FORMAT " = %.2f per second\n",
             switches_after - switches_before,
             (switches_after - switches_before) / (double) seconds);

  gtk_window_destroy (window);

  return 0;
}
