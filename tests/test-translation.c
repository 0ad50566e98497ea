/* test-translation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalogue is translated with gettext like the rest of the app: with a (small,
 * test-only) German translation installed, a technique page shows German.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "catalog/unknot-catalog.h"
#include "pages/unknot-technique-page.h"
#include "unknot-test-utils.h"

static void
test_technique_page_in_german (void)
{
  g_autoptr(UnknotCatalog) catalog = unknot_catalog_new_default ();
  UnknotTechnique *technique = unknot_catalog_lookup_technique (catalog, "foam-roller-upper-back");
  UnknotTechniquePage *page;

  g_assert_cmpstr (unknot_technique_get_title (technique), ==, "Den oberen Rücken rollen");

  page = g_object_ref_sink (unknot_technique_page_new (catalog, technique, NULL, NULL, NULL));
  g_assert_cmpstr (adw_navigation_page_get_title (ADW_NAVIGATION_PAGE (page)), ==,
                   "Den oberen Rücken rollen");
  g_assert_true (unknot_test_has_text (GTK_WIDGET (page), "Den oberen Rücken rollen"));
  g_assert_true (unknot_test_has_text (GTK_WIDGET (page), "Faszienrolle"));
  g_assert_true (unknot_test_has_text (GTK_WIDGET (page), "Ausgangsposition"));
  g_assert_true (unknot_test_has_text (GTK_WIDGET (page), "30 Sekunden _halten"));
  /* Text without a translation stays English rather than vanishing. */
  g_assert_true (unknot_test_has_text (GTK_WIDGET (page), "Take Care"));

  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *locale_dir = NULL;

  /* The locale data and the .mo file are made in the build tree by meson. LOCPATH is
   * set only around this one setlocale (): glibc's newlocale () loses its copy of the
   * path list whenever LOCPATH is set, and libraries loaded later call newlocale (). */
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LOCPATH", g_getenv ("UNKNOT_TEST_LOCPATH"), TRUE);
  if (setlocale (LC_ALL, "") == NULL)
    g_error ("the de_DE.UTF-8 locale data was not found in %s", g_getenv ("LOCPATH"));
  g_unsetenv ("LOCPATH");

  locale_dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "locale", NULL);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  unknot_test_init (&argc, &argv);

  g_test_add_func ("/translation/technique-page-in-german", test_technique_page_in_german);

  return g_test_run ();
}
