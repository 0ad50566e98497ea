/* test-topic-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page of the guide in the real window, and the techniques it links to.
 */

#include "config.h"

#include "pages/unknot-technique-page.h"
#include "unknot-test-utils.h"
#include "unknot-window.h"

static void
test_guide_links_to_techniques (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = unknot_test_activate (app);
  AdwNavigationPage *page;
  GtkWidget *row;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-topic", "s", "when-to-massage");
  page = unknot_test_wait_for_page (window, "when-to-massage");
  unknot_test_save_png (window, "pages-when-to-massage.png");

  row = unknot_test_find_descendant (unknot_test_find_by_name (GTK_WIDGET (page), "post-workout"),
                                     ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  page = unknot_test_wait_for_page (window, "foam-roller-glutes");
  g_assert_true (UNKNOT_IS_TECHNIQUE_PAGE (page));

  unknot_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/topic-page/links-to-techniques", test_guide_links_to_techniques);

  return g_test_run ();
}
