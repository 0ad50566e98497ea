/* test-routine-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The person's own routine on disk: it round-trips, a damaged file is reported and
 * kept, never written over, and a newer file is not changed.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "routines/unknot-routine-store.h"

static char *
temp_path (void)
{
  g_autofree char *dir = g_dir_make_tmp ("unknot-routine-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, "unknot", "my-routine.json", NULL);
}

static void
test_round_trip (void)
{
  g_autofree char *path = temp_path ();
  g_autoptr(UnknotRoutineStore) store = unknot_routine_store_new (path);
  g_autoptr(UnknotRoutineStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  /* No file yet: an empty routine. */
  g_assert_true (unknot_routine_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((GStrv) unknot_routine_store_get_techniques (store)), ==, 0);

  unknot_routine_store_add (store, "ball-glutes");
  unknot_routine_store_add (store, "hands-lower-back");
  unknot_routine_store_add (store, "ball-glutes");
  g_assert_true (unknot_routine_store_save (store, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"version\" : 1"));

  again = unknot_routine_store_new (path);
  g_assert_true (unknot_routine_store_load (again, &error));
  g_assert_cmpstrv (unknot_routine_store_get_techniques (again),
                    ((const char *[]) { "ball-glutes", "hands-lower-back", NULL }));

  unknot_routine_store_remove (again, "ball-glutes");
  g_assert_true (unknot_routine_store_save (again, &error));
  g_assert_true (unknot_routine_store_load (store, &error));
  g_assert_cmpstrv (unknot_routine_store_get_techniques (store),
                    ((const char *[]) { "hands-lower-back", NULL }));
}

/* The person can reorder their routine; the order is what the file keeps. */
static void
test_reorder (void)
{
  g_autofree char *path = temp_path ();
  g_autoptr(UnknotRoutineStore) store = unknot_routine_store_new (path);
  g_autoptr(UnknotRoutineStore) again = unknot_routine_store_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (unknot_routine_store_load (store, &error));
  unknot_routine_store_add (store, "ball-glutes");
  unknot_routine_store_add (store, "hands-lower-back");
  unknot_routine_store_add (store, "foam-roller-upper-back");

  g_assert_true (unknot_routine_store_move (store, "foam-roller-upper-back", -1));
  g_assert_cmpstrv (unknot_routine_store_get_techniques (store),
                    ((const char *[]) { "ball-glutes", "foam-roller-upper-back", "hands-lower-back", NULL }));
  g_assert_true (unknot_routine_store_move (store, "ball-glutes", 1));
  g_assert_cmpstrv (unknot_routine_store_get_techniques (store),
                    ((const char *[]) { "foam-roller-upper-back", "ball-glutes", "hands-lower-back", NULL }));

  /* Not past either end, and nothing for a technique that is not in it. */
  g_assert_false (unknot_routine_store_move (store, "foam-roller-upper-back", -1));
  g_assert_false (unknot_routine_store_move (store, "hands-lower-back", 1));
  g_assert_false (unknot_routine_store_move (store, "stick-lower-back", 1));
  g_assert_cmpstrv (unknot_routine_store_get_techniques (store),
                    ((const char *[]) { "foam-roller-upper-back", "ball-glutes", "hands-lower-back", NULL }));

  /* A removal says where the technique was, and can be put back there. */
  g_assert_cmpint (unknot_routine_store_remove (store, "ball-glutes"), ==, 1);
  g_assert_cmpint (unknot_routine_store_remove (store, "ball-glutes"), ==, -1);
  g_assert_cmpstrv (unknot_routine_store_get_techniques (store),
                    ((const char *[]) { "foam-roller-upper-back", "hands-lower-back", NULL }));
  unknot_routine_store_insert (store, "ball-glutes", 1);
  unknot_routine_store_insert (store, "ball-glutes", 0);
  g_assert_cmpstrv (unknot_routine_store_get_techniques (store),
                    ((const char *[]) { "foam-roller-upper-back", "ball-glutes", "hands-lower-back", NULL }));

  g_assert_true (unknot_routine_store_save (store, &error));
  g_assert_no_error (error);
  g_assert_true (unknot_routine_store_load (again, &error));
  g_assert_cmpstrv (unknot_routine_store_get_techniques (again),
                    ((const char *[]) { "foam-roller-upper-back", "ball-glutes", "hands-lower-back", NULL }));

  /* Past the end means last. */
  unknot_routine_store_insert (again, "stick-lower-back", 99);
  g_assert_cmpstr (unknot_routine_store_get_techniques (again)[3], ==, "stick-lower-back");
  g_assert_null (unknot_routine_store_get_techniques (again)[4]);
}

static void
test_damaged_file_is_kept (void)
{
  const char *damaged[] = {
    "{ \"version\": 1, \"techniques\": [\"ball-glutes\", ",
    "[\"a list, not an object\"]",
    "{ \"techniques\": [\"no version\"] }",
    "{ \"version\": 1, \"techniques\": [1, 2] }",
  };

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autofree char *path = temp_path ();
      g_autofree char *dir = g_path_get_dirname (path);
      g_autoptr(UnknotRoutineStore) store = unknot_routine_store_new (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *kept = NULL;

      g_mkdir_with_parents (dir, 0700);
      g_assert_true (g_file_set_contents (path, damaged[i], -1, NULL));

      /* Reported, with where the file went ... */
      g_assert_false (unknot_routine_store_load (store, &error));
      g_assert_error (error, UNKNOT_ROUTINE_STORE_ERROR, UNKNOT_ROUTINE_STORE_ERROR_DAMAGED);
      g_assert_nonnull (unknot_routine_store_get_kept_aside (store));
      g_assert_nonnull (strstr (error->message, unknot_routine_store_get_kept_aside (store)));

      /* ... and every byte of it kept, while a new routine is saved in its place. */
      unknot_routine_store_add (store, "ball-glutes");
      g_assert_true (unknot_routine_store_save (store, NULL));
      g_assert_true (g_file_get_contents (unknot_routine_store_get_kept_aside (store), &kept, NULL, NULL));
      g_assert_cmpstr (kept, ==, damaged[i]);
    }
}

static void
test_newer_file_is_not_changed (void)
{
  const char *newer = "{ \"version\": 99, \"techniques\": [\"ball-glutes\"], \"future\": true }";
  g_autofree char *path = temp_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(UnknotRoutineStore) store = unknot_routine_store_new (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, newer, -1, NULL));

  g_assert_false (unknot_routine_store_load (store, &error));
  g_assert_error (error, UNKNOT_ROUTINE_STORE_ERROR, UNKNOT_ROUTINE_STORE_ERROR_NEWER);
  g_clear_error (&error);

  /* Readable, but not written. */
  g_assert_cmpstrv (unknot_routine_store_get_techniques (store),
                    ((const char *[]) { "ball-glutes", NULL }));
  g_assert_true (unknot_routine_store_is_read_only (store));
  unknot_routine_store_add (store, "hands-lower-back");
  g_assert_false (unknot_routine_store_save (store, &error));
  g_assert_error (error, UNKNOT_ROUTINE_STORE_ERROR, UNKNOT_ROUTINE_STORE_ERROR_READ_ONLY);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, newer);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/routine-store/round-trip", test_round_trip);
  g_test_add_func ("/routine-store/reorder", test_reorder);
  g_test_add_func ("/routine-store/damaged-file-is-kept", test_damaged_file_is_kept);
  g_test_add_func ("/routine-store/newer-file-is-not-changed", test_newer_file_is_not_changed);

  return g_test_run ();
}
