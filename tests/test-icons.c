/* test-icons.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every icon Unknot names in its code, its templates and its catalogue must exist in
 * the icon theme it runs with (Adwaita and hicolor) or in its own resources; a missing
 * one shows up as a broken-image picture in front of the person.
 */

#include "config.h"

#include "unknot-test-utils.h"

static void
collect_icon_names (GFile      *dir,
                    GRegex     *regex,
                    GHashTable *names)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);

  while (g_file_enumerator_iterate (children, &info, &child, NULL, &error) && info != NULL)
    {
      const char *name = g_file_info_get_name (info);
      g_autofree char *contents = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          collect_icon_names (child, regex, names);
          continue;
        }
      if (!g_str_has_suffix (name, ".c") && !g_str_has_suffix (name, ".ui") &&
          !g_str_has_suffix (name, ".xml"))
        continue;

      g_assert_true (g_file_load_contents (child, NULL, &contents, NULL, NULL, &error));
      g_assert_no_error (error);

      for (g_regex_match (regex, contents, 0, &match);
           g_match_info_matches (match);
           g_match_info_next (match, NULL))
        g_hash_table_add (names, g_match_info_fetch (match, 1));
    }
  g_assert_no_error (error);
}

static void
test_every_named_icon_exists (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) src = g_file_new_for_path (SRCDIR "/src");
  g_autoptr(GFile) catalog = g_file_new_for_path (SRCDIR "/data/catalog");
  g_autoptr(GString) missing = g_string_new (NULL);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  GHashTableIter iter;
  const char *name;

  /* The app's own icons come from its resources, as GtkApplication arranges. */
  gtk_icon_theme_add_resource_path (theme, RESOURCE_BASE_PATH "/icons");

  /* Icon names as written: a quoted string, a template property or a catalogue
   * attribute, ending in -symbolic (the only kind Unknot uses in its interface). */
  regex = g_regex_new ("[\"'>]([a-z0-9-]+-symbolic)[\"'<]", 0, 0, &error);
  g_assert_no_error (error);
  collect_icon_names (src, regex, names);
  collect_icon_names (catalog, regex, names);

  /* The scan really found the icons (it would pass trivially on finding none). */
  g_assert_true (g_hash_table_contains (names, "go-next-symbolic"));
  g_assert_true (g_hash_table_contains (names, "open-menu-symbolic"));
  g_assert_cmpuint (g_hash_table_size (names), >=, 8);

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (!gtk_icon_theme_has_icon (theme, name))
      g_string_append_printf (missing, " %s", name);

  if (missing->len > 0)
    g_error ("icons not in the theme:%s", missing->str);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/icons/every-named-icon-exists", test_every_named_icon_exists);

  return g_test_run ();
}
