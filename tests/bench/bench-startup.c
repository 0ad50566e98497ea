/* bench-startup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Start-up against a yardstick: Unknot and tests/bench/bare-window (an empty
 * libadwaita window built with the same toolchain) are started in turn, several
 * times each, with the bare window twice more: as "bare + card" (--with-card: a 64 px
 * picture and a card with one row, the least content a real window shows, to tell
 * what drawing any content costs on this machine) and as "bare frame" (--with-frame:
 * Unknot's layout with nothing in it, the split view, its two header bars, a focused
 * search entry and a one-row card, to tell what the frame alone costs), each time with a fresh XDG_DATA_HOME and XDG_CONFIG_HOME
 * and the program's own XDG_CACHE_HOME, kept across its starts. Both run with
 * --exit-after-first-frame, which prints the monotonic time of their first drawn
 * frame and quits. Measured: the time from spawning to that frame, and the peak
 * resident memory of the whole run (wait4's ru_maxrss). It prints the medians and both
 * ratios from the same run; it never fails on a timing. Beside them it prints the CPU
 * time (user and system, all threads) the program had used by its first frame, read
 * from /proc when it reports the frame: on a busy machine that varies far less than
 * the wall clock does. The programs also print when they start building their window
 * ("activate") and when it is presented, so that the first frame's time is split into
 * three phases: starting (the process, GTK and libadwaita, up to activate), building
 * and presenting the window, and drawing its first frame.
 *
 * Beside them, when it is installed, a peer: GNOME Clocks (or --peer EXE), an
 * application people use, started without options and timed by the first-frame probe
 * (tests/bench/first-frame-probe.c, preloaded: $UNKNOT_FIRST_FRAME_PROBE or --probe),
 * which prints the same three marks and quits it after its first frame.
 *
 * Usage: bench-startup [--runs N] [--first-run] [--journal-entries N] [--peer EXE]
 *                      [--probe PATH] [UNKNOT [BARE-WINDOW]]
 * The programs default to $UNKNOT_EXE and $UNKNOT_BARE_WINDOW_EXE. Unknot starts as a
 * returning person would (first run done) unless --first-run is given, which measures
 * the welcome dialog too.
 *
 * With --journal-entries N the yardstick is Unknot itself: it starts alternately with a
 * pain journal of N entries and with an empty one (both made once, and copied into
 * each start's fresh data directory), and the ratios say what a long journal costs.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <locale.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "journal-test-utils.h"

/* The targets of issue 8: first frame within 1.2 times the bare window's, and at most
 * 20 MB more memory. */
#define TARGET_TIME_RATIO 1.2
#define TARGET_MEMORY_MB 20.0
/* Issue 9's: a start with a long journal within 1.05 times a start with an empty one. */
#define TARGET_JOURNAL_RATIO 1.05
#define FRAME_TIMEOUT_MS 60000

/* The lines a program prints with --exit-after-first-frame, in order. */
typedef enum
{
  MARK_ACTIVATE,
  MARK_PRESENTED,
  MARK_FIRST_FRAME,
  N_MARKS
} Mark;

static const char *mark_names[N_MARKS] = { "activate", "presented", "first-frame" };

typedef struct
{
  double phase_ms[N_MARKS];  /* spawn → activate, activate → presented, → first frame */
  double first_frame_ms;
  double total_ms;
  double cpu_ms;
  double peak_mb;
} Sample;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
median (const double *values,
        guint         n)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof (double));

  qsort (sorted, n, sizeof (double), compare_doubles);

  return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFile *child;

      while (g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
        remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

/* The CPU time @pid has used so far, all its threads, in ms; -1 if unknown. */
static double
read_cpu_ms (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (!g_file_get_contents (path, &contents, NULL, NULL) ||
      (after_name = strrchr (contents, ')')) == NULL)
    return -1;

  /* After "pid (comm)": state is field 3, utime 14 and stime 15. */
  fields = g_strsplit (after_name + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    return -1;

  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) *
         1000.0 / sysconf (_SC_CLK_TCK);
}

/* Reads the child's standard output up to the first-frame line and fills @marks with
 * the monotonic µs of each mark it printed (-1 for one it did not); FALSE if the
 * first frame never came. */
static gboolean
read_marks (int    fd,
            gint64 marks[N_MARKS])
{
  GString *out = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + FRAME_TIMEOUT_MS * 1000;

  for (guint m = 0; m < N_MARKS; m++)
    marks[m] = -1;

  while (marks[MARK_FIRST_FRAME] < 0)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      gint64 left = (deadline - g_get_monotonic_time ()) / 1000;
      char buffer[256];
      const char *line;
      ssize_t n;

      if (left <= 0 || poll (&pfd, 1, (int) left) <= 0)
        break;
      n = read (fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (out, buffer, n);

      for (guint m = 0; m < N_MARKS; m++)
        {
          g_autofree char *prefix = g_strconcat (mark_names[m], " ", NULL);

          line = strstr (out->str, prefix);
          if (marks[m] < 0 && line != NULL && (line == out->str || line[-1] == '\n') &&
              strchr (line, '\n') != NULL)
            marks[m] = g_ascii_strtoll (line + strlen (prefix), NULL, 10);
        }
    }

  g_string_free (out, TRUE);

  return marks[MARK_FIRST_FRAME] >= 0;
}

static void
print_file (const char *path)
{
  g_autofree char *contents = NULL;

  if (g_file_get_contents (path, &contents, NULL, NULL))
    g_printerr ("%s", contents);
}

/* A data directory holding only a journal of @n entries, made once per run of the
 * benchmark. */
static char *
make_journal_template (guint n)
{
  g_autofree char *dir = g_dir_make_tmp ("unknot-bench-journal-XXXXXX", NULL);
  g_autofree char *unknot_dir = g_build_filename (dir, "unknot", NULL);
  g_autofree char *path = g_build_filename (unknot_dir, "journal.db", NULL);

  g_assert (dir != NULL);
  g_assert (g_mkdir_with_parents (unknot_dir, 0700) == 0);
  journal_test_generate (path, n);

  return g_steal_pointer (&path);
}

/* One program the benchmark starts. */
typedef struct
{
  char       *name;
  char       *exe;
  const char *extra_arg;  /* after --exit-after-first-frame, or NULL */
  const char *journal;
  /* A peer without --exit-after-first-frame: started plainly, with this library
   * (tests/bench/first-frame-probe.c) preloaded to print the marks. */
  const char *probe;
  /* Its own XDG_CACHE_HOME, kept from start to start as a person's is (Mesa's shaders,
   * the hint of the size Unknot's map was drawn at), and made warm by the start that is
   * not counted. */
  char       *cache;
  Sample     *samples;
  double      frame_ms, total_ms, cpu_ms, peak_mb, phase_ms[N_MARKS];
} Program;

static char **
child_environment (const char    *home,
                   gboolean       first_run,
                   const Program *program)
{
  const char *journal = program->journal;
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *settings_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  char **envp = g_get_environ ();

  g_mkdir_with_parents (data, 0700);
  g_mkdir_with_parents (settings_dir, 0700);

  if (journal != NULL)
    {
      g_autofree char *unknot_dir = g_build_filename (data, "unknot", NULL);
      g_autofree char *copy = g_build_filename (unknot_dir, "journal.db", NULL);
      g_autoptr(GFile) from = g_file_new_for_path (journal);
      g_autoptr(GFile) to = g_file_new_for_path (copy);
      g_autoptr(GError) error = NULL;

      g_mkdir_with_parents (unknot_dir, 0700);
      if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
        g_error ("could not copy the journal: %s", error->message);
    }

  /* Settings in a file of the fresh configuration directory, so that a returning
   * person's first run is already done. */
  if (!first_run)
    {
      g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);

      g_assert (g_file_set_contents (keyfile, "[io/github/unknot/Unknot]\n"
                                              "first-run-done=true\n", -1, NULL));
    }

  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data, TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config, TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", program->cache, TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "keyfile", TRUE);
  /* What the test environment sets to catch bugs slows every allocation down. */
  envp = g_environ_unsetenv (envp, "MALLOC_CHECK_");
  envp = g_environ_unsetenv (envp, "MALLOC_PERTURB_");
  envp = g_environ_unsetenv (envp, "G_DEBUG");
  envp = g_environ_unsetenv (envp, "G_SLICE");

  if (program->probe != NULL)
    {
      const char *preload = g_environ_getenv (envp, "LD_PRELOAD");
      g_autofree char *value = preload != NULL && *preload != '\0'
                               ? g_strconcat (preload, ":", program->probe, NULL)
                               : g_strdup (program->probe);

      envp = g_environ_setenv (envp, "LD_PRELOAD", value, TRUE);
    }

  return envp;
}

static gboolean
run_once (const Program *program,
          gboolean       first_run,
          Sample        *sample)
{
  const char *exe = program->exe;
  g_autofree char *home = g_dir_make_tmp ("unknot-bench-startup-XXXXXX", NULL);
  g_autofree char *log = g_build_filename (home, "stderr.log", NULL);
  g_autoptr(GFile) home_file = NULL;
  g_auto(GStrv) envp = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { exe, "--exit-after-first-frame", program->extra_arg, NULL };
  struct rusage usage;
  int out_fd = -1, err_fd, status = 0;
  gint64 start, marks[N_MARKS], end;
  gboolean framed;
  GPid pid;

  g_assert (home != NULL);
  home_file = g_file_new_for_path (home);
  envp = child_environment (home, first_run, program);
  if (program->probe != NULL)
    argv[1] = NULL;
  err_fd = g_open (log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert (err_fd >= 0);

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes_and_fds (home, argv, (const char * const *) envp,
                                         G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                         -1, -1, err_fd, NULL, NULL, 0,
                                         &pid, NULL, &out_fd, NULL, &error))
    g_error ("could not start %s: %s", exe, error->message);
  close (err_fd);

  framed = read_marks (out_fd, marks);
  sample->cpu_ms = read_cpu_ms (pid);
  close (out_fd);
  while (wait4 (pid, &status, 0, &usage) < 0 && errno == EINTR)
    ;
  end = g_get_monotonic_time ();

  if (!framed || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s %s did not report a frame (wait status %d):\n",
                  exe, program->probe != NULL ? "with the first-frame probe" : "--exit-after-first-frame",
                  status);
      print_file (log);
      remove_tree (home_file);
      return FALSE;
    }

  sample->first_frame_ms = (marks[MARK_FIRST_FRAME] - start) / 1000.0;
  for (guint m = 0; m < N_MARKS; m++)
    {
      gint64 from = m == 0 ? start : marks[m - 1];

      sample->phase_ms[m] = marks[m] >= 0 && from >= 0 ? (marks[m] - from) / 1000.0 : NAN;
    }
  sample->total_ms = (end - start) / 1000.0;
  sample->peak_mb = usage.ru_maxrss / 1024.0;
  remove_tree (home_file);

  return TRUE;
}

#define MAX_PROGRAMS 5

int
main (int   argc,
      char *argv[])
{
  int runs = 7;
  int journal_entries = -1;
  gboolean first_run = FALSE;
  g_auto(GStrv) programs = NULL;
  g_autofree char *peer = NULL;
  g_autofree char *probe = NULL;
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Starts of each program (default 7)", "N" },
    { "first-run", 0, 0, G_OPTION_ARG_NONE, &first_run, "Start Unknot as a new person would, with the welcome dialog", NULL },
    { "journal-entries", 'j', 0, G_OPTION_ARG_INT, &journal_entries, "Compare Unknot with a journal of N entries against Unknot with an empty one", "N" },
    { "peer", 0, 0, G_OPTION_ARG_FILENAME, &peer, "A peer GTK application to start beside them (default: gnome-clocks, if installed)", "EXE" },
    { "probe", 0, 0, G_OPTION_ARG_FILENAME, &probe, "The first-frame probe library the peer is started with (default: $UNKNOT_FIRST_FRAME_PROBE)", "PATH" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &programs, NULL, "[UNKNOT [BARE-WINDOW]]" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *long_journal = NULL;
  g_autofree char *empty_journal = NULL;
  g_autofree char *long_name = NULL;
  const char *exe_args[2];
  Program program[MAX_PROGRAMS] = { { 0, } };
  guint n_programs;
  int peer_index = -1;
  const char *phase_names[N_MARKS] = {
    "starting (process, GTK, libadwaita)",
    "building and presenting the window",
    "drawing the first frame",
  };
  const char *renderer = g_getenv ("GSK_RENDERER");

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  runs = MAX (runs, 1);

  exe_args[0] = programs != NULL && programs[0] != NULL ? programs[0] : g_getenv ("UNKNOT_EXE");
  exe_args[1] = programs != NULL && programs[0] != NULL && programs[1] != NULL
                ? programs[1] : g_getenv ("UNKNOT_BARE_WINDOW_EXE");
  if (journal_entries >= 0)
    exe_args[1] = exe_args[0];
  if (exe_args[0] == NULL || exe_args[1] == NULL)
    {
      g_printerr ("Usage: bench-startup [--runs N] [--first-run] UNKNOT BARE-WINDOW\n"
                  "(or set UNKNOT_EXE and UNKNOT_BARE_WINDOW_EXE)\n");
      return EXIT_FAILURE;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("bench-startup: no display, nothing measured (build-aux/dev bench gives one)\n");
      return EXIT_SUCCESS;
    }

  /* Each program runs in its own fresh directory. */
  if (journal_entries >= 0)
    {
      long_journal = make_journal_template (journal_entries);
      empty_journal = make_journal_template (0);
      long_name = g_strdup_printf ("%d entries", journal_entries);
      program[0] = (Program) { g_strdup (long_name), g_canonicalize_filename (exe_args[0], NULL), NULL, long_journal };
      program[1] = (Program) { g_strdup ("empty journal"), g_canonicalize_filename (exe_args[1], NULL), NULL, empty_journal };
      n_programs = 2;
    }
  else
    {
      /* The yardstick; the same window with the least content a real window shows (a
       * picture and a one-row card), what content alone costs; and with Unknot's frame
       * and nothing in it, what the layout alone costs. */
      program[0] = (Program) { g_strdup ("Unknot"), g_canonicalize_filename (exe_args[0], NULL), NULL, NULL };
      program[1] = (Program) { g_strdup ("bare window"), g_canonicalize_filename (exe_args[1], NULL), NULL, NULL };
      program[2] = (Program) { g_strdup ("bare + card"), g_canonicalize_filename (exe_args[1], NULL), "--with-card", NULL };
      program[3] = (Program) { g_strdup ("bare frame"), g_canonicalize_filename (exe_args[1], NULL), "--with-frame", NULL };
      n_programs = 4;

      /* A peer, an application people use, started plainly with the probe preloaded:
       * the other yardstick, measured in the same run. */
      if (peer == NULL)
        peer = g_find_program_in_path ("gnome-clocks");
      if (probe == NULL)
        probe = g_strdup (g_getenv ("UNKNOT_FIRST_FRAME_PROBE"));
      if (peer != NULL && probe != NULL)
        {
          g_autofree char *path = g_find_program_in_path (peer);

          if (path == NULL)
            {
              g_printerr ("No such program: %s\n", peer);
              return EXIT_FAILURE;
            }
          peer_index = n_programs++;
          program[peer_index] = (Program) { g_path_get_basename (path), g_steal_pointer (&path),
                                            NULL, NULL, probe };
        }
    }
  for (guint p = 0; p < n_programs; p++)
    program[p].samples = g_new0 (Sample, runs);

  g_print ("Start-up to the first drawn frame, %d starts of each, in turn\n"
           "(GSK_RENDERER=%s, %s; peak memory is the whole run's maximum RSS)\n\n",
           runs, renderer != NULL ? renderer : "(GTK's default)",
           first_run ? "first run, with the welcome dialog" : "returning person, first run done");
  if (journal_entries < 0)
    g_print ("\"bare + card\" is the bare window showing a 64 px picture and a card with one row.\n"
             "\"bare frame\" is the bare window with Unknot's frame and nothing in it: a split view,\n"
             "two header bars, a focused search entry and a card with one switch row.\n");
  if (peer_index >= 0)
    g_print ("\"%s\" is a peer, started without options and timed by tests/bench/first-frame-probe.c.\n",
             program[peer_index].name);
  else if (journal_entries < 0)
    g_print ("No peer measured: GNOME Clocks is not installed (or give --peer EXE, and --probe "
             "if UNKNOT_FIRST_FRAME_PROBE is not set).\n");
  g_print ("\n");

  /* One start of each, not counted, so that all find the same warm caches. */
  for (guint p = 0; p < n_programs; p++)
    {
      Sample warm;

      program[p].cache = g_dir_make_tmp ("unknot-bench-cache-XXXXXX", NULL);
      g_assert (program[p].cache != NULL);

      if (!run_once (&program[p], first_run, &warm))
        return EXIT_FAILURE;
    }

  g_print ("  run");
  for (guint p = 0; p < n_programs; p++)
    g_print ("  %-14s frame (CPU)     peak", program[p].name);
  g_print ("\n");
  for (int i = 0; i < runs; i++)
    {
      /* Each run starts with another program: none always goes first. */
      for (guint k = 0; k < n_programs; k++)
        {
          guint p = (i + k) % n_programs;

          if (!run_once (&program[p], first_run, &program[p].samples[i]))
            return EXIT_FAILURE;
        }
      g_print ("  %3d", i + 1);
      for (guint p = 0; p < n_programs; p++)
        g_print ("  %8.1f ms (%4.0f ms) %5.1f MB", program[p].samples[i].first_frame_ms,
                 program[p].samples[i].cpu_ms, program[p].samples[i].peak_mb);
      g_print ("\n");
    }

  for (guint p = 0; p < n_programs; p++)
    {
      g_autofree double *values = g_new (double, runs);
      Program *pr = &program[p];

#define MEDIAN_OF(field, expr) \
      G_STMT_START { \
        for (int i = 0; i < runs; i++) \
          values[i] = pr->samples[i].expr; \
        pr->field = median (values, runs); \
      } G_STMT_END
      MEDIAN_OF (frame_ms, first_frame_ms);
      MEDIAN_OF (total_ms, total_ms);
      MEDIAN_OF (cpu_ms, cpu_ms);
      MEDIAN_OF (peak_mb, peak_mb);
      for (guint m = 0; m < N_MARKS; m++)
        MEDIAN_OF (phase_ms[m], phase_ms[m]);
#undef MEDIAN_OF
    }

  g_print ("\nMedians:\n");
  for (guint p = 0; p < n_programs; p++)
    g_print ("  %-14s first frame %7.1f ms (CPU %6.1f ms), whole run %7.1f ms, peak memory %6.1f MB\n",
             program[p].name, program[p].frame_ms, program[p].cpu_ms, program[p].total_ms,
             program[p].peak_mb);

  /* Where the difference lies: the medians of each phase (their sum need not be the
   * median of the whole). */
  g_print ("\nPhases (medians):                   ");
  for (guint p = 0; p < n_programs; p++)
    g_print (" %14s", program[p].name);
  g_print ("   %s − %s\n", journal_entries < 0 ? "Unknot" : "1st", journal_entries < 0 ? "bare" : "2nd");
  for (guint m = 0; m < N_MARKS; m++)
    {
      g_print ("  %-36s", phase_names[m]);
      for (guint p = 0; p < n_programs; p++)
        g_print (" %11.1f ms", program[p].phase_ms[m]);
      g_print ("   %+7.1f ms\n", program[0].phase_ms[m] - program[1].phase_ms[m]);
    }

  if (journal_entries >= 0)
    {
      g_print ("\nWith %d entries against an empty journal: first frame %.3f× (target ≤ %.2f×: %s), "
               "whole run %.3f×, CPU by the first frame %.3f×, peak memory %+.1f MB\n",
               journal_entries, program[0].frame_ms / program[1].frame_ms, TARGET_JOURNAL_RATIO,
               program[0].frame_ms / program[1].frame_ms <= TARGET_JOURNAL_RATIO ? "met" : "not met",
               program[0].total_ms / program[1].total_ms, program[0].cpu_ms / program[1].cpu_ms,
               program[0].peak_mb - program[1].peak_mb);
      g_unlink (long_journal);
      g_unlink (empty_journal);
    }
  else
    {
      g_print ("\nFirst frame: %.2f× the bare window's (target ≤ %.2f×: %s)\n",
               program[0].frame_ms / program[1].frame_ms, TARGET_TIME_RATIO,
               program[0].frame_ms / program[1].frame_ms <= TARGET_TIME_RATIO ? "met" : "not met");
      g_print ("CPU time by the first frame: %.2f× the bare window's\n",
               program[0].cpu_ms / program[1].cpu_ms);
      g_print ("Peak memory: %+.1f MB over the bare window's (target ≤ +%.0f MB: %s)\n",
               program[0].peak_mb - program[1].peak_mb, TARGET_MEMORY_MB,
               program[0].peak_mb - program[1].peak_mb <= TARGET_MEMORY_MB ? "met" : "not met");
      g_print ("The bare window with a picture and a one-row card: %.2f× the bare window's\n",
               program[2].frame_ms / program[1].frame_ms);
      g_print ("The bare window with Unknot's frame and nothing in it: %.2f× the bare window's "
               "(Unknot is %.2f× its frame)\n",
               program[3].frame_ms / program[1].frame_ms, program[0].frame_ms / program[3].frame_ms);
      if (peer_index >= 0)
        {
          const Program *pr = &program[peer_index];

          g_print ("Against %s, a peer: first frame %.2f× its own (it is %.2f× the bare window's), "
                   "CPU %.2f×, peak memory %+.1f MB\n",
                   pr->name, program[0].frame_ms / pr->frame_ms, pr->frame_ms / program[1].frame_ms,
                   program[0].cpu_ms / pr->cpu_ms, program[0].peak_mb - pr->peak_mb);
        }
    }

  for (guint p = 0; p < n_programs; p++)
    {
      if (program[p].cache != NULL)
        {
          g_autoptr(GFile) cache = g_file_new_for_path (program[p].cache);

          remove_tree (cache);
        }
      g_free (program[p].cache);
      g_free (program[p].name);
      g_free (program[p].exe);
      g_free (program[p].samples);
    }

  return EXIT_SUCCESS;
}
