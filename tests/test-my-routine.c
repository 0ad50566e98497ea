/* test-my-routine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The person's own routine, edited from wherever it is shown: every page that shows it
 * follows the store, whichever page changed it. Driven with real clicks in the real
 * window.
 */

#include "config.h"


#include "pages/unknot-technique-page.h"
#include "routines/unknot-routine-page.h"
#include "unknot-test-utils.h"
#include "unknot-window.h"

/* A button, or a menu's item, that shows @text and can be clicked now. */
static GtkWidget *
find_clickable (GtkWidget  *widget,
                const char *text)
{
  g_autofree char *label = NULL;

  if (GTK_IS_BUTTON (widget))
    label = g_strdup (gtk_button_get_label (GTK_BUTTON (widget)));
  else if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "text") != NULL &&
           !GTK_IS_EDITABLE (widget))
    g_object_get (widget, "text", &label, NULL);

  /* A menu item shows its label without the mnemonic's underline. */
  if (label != NULL && !GTK_IS_BUTTON (widget))
    {
      g_autoptr(GString) plain = g_string_new (text);

      g_string_replace (plain, "_", "", 0);
      if (g_str_equal (label, plain->str))
        g_set_str (&label, text);
    }

  if (g_strcmp0 (label, text) == 0 && gtk_widget_get_mapped (widget) &&
      gtk_widget_is_sensitive (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_clickable (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} ClickableCheck;

static gboolean
clickable_shown (gpointer data)
{
  ClickableCheck *check = data;

  return find_clickable (check->root, check->text) != NULL;
}

static void click_widget (GtkWidget *widget);

/* Waits for what the person would see, then clicks it in its middle. */
static void
click_text (GtkWidget  *root,
            const char *text)
{
  ClickableCheck check = { root, text };
  GtkWidget *target;

  g_test_message ("clicking “%s”", text);
  unknot_test_wait_until (clickable_shown, &check);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_widget_get_root (root)));
  target = find_clickable (root, text);
  click_widget (target);
}

typedef struct
{
  GtkWidget *widget;
  GtkWidget *window;
} InView;

/* Whether the middle of @widget is inside its window and on top there, so a click
 * there reaches it. */
static gboolean
in_view (gpointer data)
{
  InView *check = data;
  graphene_point_t point;
  GtkWidget *picked;

  if (!gtk_widget_compute_point (check->widget, check->window,
                                 &GRAPHENE_POINT_INIT (gtk_widget_get_width (check->widget) / 2.0,
                                                       gtk_widget_get_height (check->widget) / 2.0),
                                 &point))
    return FALSE;

  picked = gtk_widget_pick (check->window, point.x, point.y, GTK_PICK_DEFAULT);
  return picked != NULL && (picked == check->widget || gtk_widget_is_ancestor (picked, check->widget));
}

/* Brings @widget into view as a person would by scrolling to it (the keyboard focus
 * scrolls its page), then clicks its middle. */
static void
click_widget (GtkWidget *widget)
{
  InView check = { widget, GTK_WIDGET (gtk_widget_get_native (widget)) };

  if (!in_view (&check))
    gtk_widget_grab_focus (widget);
  unknot_test_wait_until (in_view, &check);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_widget_get_root (widget)));
  unknot_test_click (widget, gtk_widget_get_width (widget) / 2.0,
                     gtk_widget_get_height (widget) / 2.0);
}

typedef struct
{
  GtkButton  *button;
  const char *label;
} LabelCheck;

static gboolean
button_says (gpointer data)
{
  LabelCheck *check = data;

  return g_strcmp0 (gtk_button_get_label (check->button), check->label) == 0;
}

static void
wait_for_label (GtkWidget  *button,
                const char *label)
{
  LabelCheck check = { GTK_BUTTON (button), label };

  unknot_test_wait_until (button_says, &check);
}

/* The technique ids of the holds listed on a routine page, in order. */
static GStrv
listed_holds (AdwNavigationPage *page)
{
  GtkWidget *list = unknot_test_find_by_id (GTK_WIDGET (page), "holds_list");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    g_strv_builder_add (builder, gtk_widget_get_name (row));

  return g_strv_builder_end (builder);
}

static GtkWidget *
hold_menu_button (AdwNavigationPage *page,
                  const char        *technique_id)
{
  GtkWidget *row = unknot_test_find_by_name (GTK_WIDGET (page), technique_id);
  GtkWidget *button = row ? unknot_test_find_descendant (row, GTK_TYPE_MENU_BUTTON) : NULL;

  g_assert_nonnull (button);
  return button;
}

/* Opens a hold's menu on My Routine with a click and picks @item in it. */
static void
pick_from_hold_menu (AdwNavigationPage *page,
                     const char        *technique_id,
                     const char        *item)
{
  GtkWidget *button = hold_menu_button (page, technique_id);

  click_widget (button);
  click_text (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))), item);
}

static GtkWidget *
find_by_action (GtkWidget  *widget,
                const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0 &&
      gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_action (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The header bar's Back button. */
static GtkWidget *
back_button (AdwNavigationPage *page)
{
  GtkWidget *button = find_by_action (GTK_WIDGET (page), "navigation.pop");

  g_assert_nonnull (button);
  return button;
}

typedef struct
{
  UnknotRoutineStore *store;
  AdwNavigationPage  *page;
  const char * const *expected;
} RoutineCheck;

static gboolean
routine_is (gpointer data)
{
  RoutineCheck *check = data;
  g_auto(GStrv) listed = NULL;

  if (!g_strv_equal (unknot_routine_store_get_techniques (check->store), check->expected))
    return FALSE;
  if (check->page == NULL)
    return TRUE;

  listed = listed_holds (check->page);
  return g_strv_equal ((const char * const *) listed, check->expected);
}

/* Waits until the store, and @page if given, hold exactly @expected. */
static void
wait_for_routine (UnknotRoutineStore *store,
                  AdwNavigationPage  *page,
                  const char * const *expected)
{
  RoutineCheck check = { store, page, expected };
  g_autofree char *what = g_strjoinv (", ", (char **) expected);

  g_test_message ("waiting for the routine to be [%s]", what);
  unknot_test_wait_until (routine_is, &check);
}

static char **
routine_on_disk (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "unknot", "my-routine.json", NULL);
  g_autoptr(UnknotRoutineStore) on_disk = unknot_routine_store_new (path);

  g_assert_true (unknot_routine_store_load (on_disk, NULL));
  return g_strdupv ((char **) unknot_routine_store_get_techniques (on_disk));
}

/* The scenario: added on the technique page, shown from the toast, taken out on
 * My Routine with its menu, then Back: the technique page says "Add" again, and
 * pressing it adds. */
static void
test_technique_page_follows_store (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = unknot_test_activate (app);
  UnknotRoutineStore *store = unknot_application_get_routine_store (app);
  AdwNavigationPage *technique_page, *page;
  GtkWidget *button;
  UnknotRoutine *routine;
  g_auto(GStrv) saved = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-technique", "(ss)",
                              "foam-roller-glutes", "gluteals-left");
  technique_page = unknot_test_wait_for_page (window, "foam-roller-glutes");
  button = unknot_test_find_by_name (GTK_WIDGET (technique_page), "toggle-my-routine");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Add to _My Routine");

  click_widget (button);
  wait_for_label (button, "_Remove From My Routine");
  g_assert_true (unknot_routine_store_contains (store, "foam-roller-glutes"));

  /* "Show" on the toast opens My Routine, which runs its holds. */
  click_text (GTK_WIDGET (window), "_Show");
  page = unknot_test_wait_for_page (window, "routine");
  g_assert_true (unknot_routine_page_get_editable (UNKNOT_ROUTINE_PAGE (page)));
  routine = unknot_routine_player_get_routine (unknot_routine_page_get_player (UNKNOT_ROUTINE_PAGE (page)));
  g_assert_cmpstr (unknot_routine_get_title (routine), ==, "My Routine");
  g_assert_cmpuint (unknot_routine_get_n_holds (routine), ==, 1);
  g_assert_cmpstr (unknot_technique_get_id (unknot_routine_get_technique (routine, 0)), ==, "foam-roller-glutes");

  /* Taken out with the hold's own menu. */
  pick_from_hold_menu (page, "foam-roller-glutes", "_Remove From Routine");
  wait_for_routine (store, page, (const char *[]) { NULL });
  saved = routine_on_disk ();
  g_assert_cmpuint (g_strv_length (saved), ==, 0);

  /* Back: the technique page below followed the store while it was out of view. */
  click_widget (back_button (page));
  page = unknot_test_wait_for_page (window, "foam-roller-glutes");
  g_assert_true (page == technique_page);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Add to _My Routine");

  click_widget (button);
  wait_for_label (button, "_Remove From My Routine");
  g_assert_true (unknot_routine_store_contains (store, "foam-roller-glutes"));
  g_clear_pointer (&saved, g_strfreev);
  saved = routine_on_disk ();
  g_assert_cmpstrv (saved, ((const char *[]) { "foam-roller-glutes", NULL }));

  unknot_test_close_window (window);
}

/* Only the visible page of the trail is mapped: what is beneath it can be neither
 * tabbed to nor read by a screen reader. */
static gboolean
only_top_page_mapped (gpointer data)
{
  AdwNavigationView *view = data;
  g_autoptr(GListModel) trail = adw_navigation_view_get_navigation_stack (view);
  AdwNavigationPage *visible = adw_navigation_view_get_visible_page (view);

  for (guint i = 0; i < g_list_model_get_n_items (trail); i++)
    {
      g_autoptr(AdwNavigationPage) page = g_list_model_get_item (trail, i);

      if (gtk_widget_get_mapped (GTK_WIDGET (page)) != (page == visible))
        return FALSE;
    }
  return TRUE;
}

static gboolean
focus_on (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_has_focus (widget);
}

/* Moving, taking out and putting back, all with clicks on My Routine's own page. */
static void
test_my_routine_editing (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  GtkWindow *window = unknot_test_activate (app);
  UnknotRoutineStore *store = unknot_application_get_routine_store (app);
  g_auto(GStrv) order = NULL;
  g_auto(GStrv) saved = NULL;
  AdwNavigationPage *page;
  g_autoptr(GListModel) trail = NULL;
  guint n_routine_pages = 0;
  AdwStatusPage *empty;

  unknot_routine_store_add (store, "ball-glutes");
  unknot_routine_store_add (store, "hands-lower-back");
  unknot_routine_store_add (store, "foam-roller-upper-back");
  g_assert_true (unknot_routine_store_save (store, NULL));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-my-routine", NULL);
  page = unknot_test_wait_for_page (window, "routine");
  order = listed_holds (page);
  g_assert_cmpstrv (order, ((const char *[]) { "ball-glutes", "hands-lower-back", "foam-roller-upper-back", NULL }));

  /* Each hold has a menu: the first cannot move up, the last cannot move down. */
  g_assert_cmpuint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (hold_menu_button (page, "ball-glutes")))), ==, 2);
  g_assert_cmpuint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (hold_menu_button (page, "hands-lower-back")))), ==, 3);
  g_assert_cmpuint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (hold_menu_button (page, "foam-roller-upper-back")))), ==, 2);

  /* Moving the last one up: the same page shows the new order, the file keeps it and
   * the moved hold keeps the keyboard focus. */
  pick_from_hold_menu (page, "foam-roller-upper-back", "Move _Up");
  wait_for_routine (store, page, (const char *[]) { "ball-glutes", "foam-roller-upper-back", "hands-lower-back", NULL });
  g_assert_true (unknot_window_get_visible_page (UNKNOT_WINDOW (window)) == page);
  g_clear_pointer (&order, g_strfreev);
  order = listed_holds (page);
  g_assert_cmpstrv (order, ((const char *[]) { "ball-glutes", "foam-roller-upper-back", "hands-lower-back", NULL }));
  unknot_test_wait_until (focus_on, unknot_test_find_by_name (GTK_WIDGET (page), "foam-roller-upper-back"));
  saved = routine_on_disk ();
  g_assert_cmpstrv (saved, ((const char *[]) { "ball-glutes", "foam-roller-upper-back", "hands-lower-back", NULL }));

  /* A hold opens its whole technique; My Routine opened again from there comes to the
   * top of the trail instead of being on it twice. */
  gtk_widget_activate (unknot_test_find_by_name (GTK_WIDGET (page), "hands-lower-back"));
  unknot_test_wait_for_page (window, "hands-lower-back");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-my-routine", NULL);
  page = unknot_test_wait_for_page (window, "routine");
  trail = adw_navigation_view_get_navigation_stack (ADW_NAVIGATION_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_NAVIGATION_VIEW)));
  for (guint i = 0; i < g_list_model_get_n_items (trail); i++)
    {
      g_autoptr(AdwNavigationPage) on_trail = g_list_model_get_item (trail, i);

      n_routine_pages += g_strcmp0 (adw_navigation_page_get_tag (on_trail), "routine") == 0;
    }
  g_assert_cmpuint (n_routine_pages, ==, 1);
  unknot_test_wait_until (only_top_page_mapped, gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_NAVIGATION_VIEW));

  /* Taking a hold out can be undone from the toast: it comes back to its place. */
  pick_from_hold_menu (page, "foam-roller-upper-back", "_Remove From Routine");
  wait_for_routine (store, page, (const char *[]) { "ball-glutes", "hands-lower-back", NULL });
  g_clear_pointer (&order, g_strfreev);
  order = listed_holds (page);
  g_assert_cmpstrv (order, ((const char *[]) { "ball-glutes", "hands-lower-back", NULL }));
  click_text (GTK_WIDGET (window), "_Undo");
  wait_for_routine (store, page, (const char *[]) { "ball-glutes", "foam-roller-upper-back", "hands-lower-back", NULL });
  g_clear_pointer (&order, g_strfreev);
  order = listed_holds (page);
  g_assert_cmpstrv (order, ((const char *[]) { "ball-glutes", "foam-roller-upper-back", "hands-lower-back", NULL }));
  g_clear_pointer (&saved, g_strfreev);
  saved = routine_on_disk ();
  g_assert_cmpstrv (saved, ((const char *[]) { "ball-glutes", "foam-roller-upper-back", "hands-lower-back", NULL }));

  /* Taking every hold out leaves a page that says how to fill it, with nothing to start. */
  unknot_routine_store_remove (store, "ball-glutes");
  unknot_routine_store_remove (store, "hands-lower-back");
  unknot_routine_store_remove (store, "foam-roller-upper-back");
  g_clear_pointer (&order, g_strfreev);
  order = listed_holds (page);
  g_assert_cmpuint (g_strv_length (order), ==, 0);
  empty = ADW_STATUS_PAGE (unknot_test_find_by_id (GTK_WIDGET (page), "empty_status"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (empty)));
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "Your Routine Is Empty");
  g_assert_false (gtk_widget_is_drawable (unknot_test_find_by_id (GTK_WIDGET (page), "start_button")));
  unknot_test_save_png (GTK_WIDGET (window), "my-routine-empty.png");

  unknot_test_close_window (window);
}

/* A routine file that cannot be read is reported in the window, whoever loaded it. */
static void
test_load_error_reported (void)
{
  g_autoptr(UnknotApplication) app = unknot_test_application_new ();
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "unknot", NULL);
  g_autofree char *path = g_build_filename (dir, "my-routine.json", NULL);
  const GError *error;
  GtkWindow *window;
  g_autofree char *kept = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "{ not json", -1, NULL));

  /* The store is read before any window exists. */
  error = unknot_routine_store_get_load_error (unknot_application_get_routine_store (app));
  g_assert_error (error, UNKNOT_ROUTINE_STORE_ERROR, UNKNOT_ROUTINE_STORE_ERROR_DAMAGED);

  window = unknot_test_activate (app);
  kept = g_strdup (unknot_routine_store_get_kept_aside (unknot_application_get_routine_store (app)));
  g_assert_nonnull (kept);
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  g_assert_true (unknot_test_has_text (GTK_WIDGET (window), error->message));

  unknot_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  unknot_test_init (&argc, &argv);

  g_test_add_func ("/my-routine/technique-page-follows-store", test_technique_page_follows_store);
  g_test_add_func ("/my-routine/my-routine", test_my_routine_editing);
  g_test_add_func ("/my-routine/load-error-reported", test_load_error_reported);

  return g_test_run ();
}
