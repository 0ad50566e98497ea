/* unknot-test-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "unknot-application.h"

G_BEGIN_DECLS

/* How long a UI condition may take before the test fails rather than hangs. Generous,
 * for the sanitizer build on a busy machine; a UI test has 120 s in all. */
#define UNKNOT_TEST_WAIT_SECONDS 20

typedef gboolean (*UnknotTestCondition) (gpointer data);

void               unknot_test_init              (int                  *argc,
                                                  char               ***argv);
UnknotApplication *unknot_test_application_new   (void);

/* Every wait below runs the main loop until what it waits for has happened. After
 * UNKNOT_TEST_WAIT_SECONDS the test fails instead, at the caller's line, saying what
 * never came true. */
#define UNKNOT_TEST_WHERE __FILE__, __LINE__, G_STRFUNC

void               unknot_test_wait_for_real     (const char           *file,
                                                  int                   line,
                                                  const char           *func,
                                                  UnknotTestCondition   condition,
                                                  gpointer              data,
                                                  const char           *format,
                                                  ...) G_GNUC_PRINTF (6, 7);
/* Until @condition (@data) holds; the rest is a printf-style description of it. */
#define unknot_test_wait_for(condition, data, ...) \
  unknot_test_wait_for_real (UNKNOT_TEST_WHERE, (condition), (data), __VA_ARGS__)
/* The same, described by the condition's own name. */
#define unknot_test_wait_until(condition, data) \
  unknot_test_wait_for ((condition), (data), "%s", #condition)

GtkWindow         *unknot_test_activate_real     (const char           *file,
                                                  int                   line,
                                                  const char           *func,
                                                  UnknotApplication    *app);
#define unknot_test_activate(app) unknot_test_activate_real (UNKNOT_TEST_WHERE, (app))

void               unknot_test_wait_for_frame_real (const char         *file,
                                                  int                   line,
                                                  const char           *func,
                                                  GtkWidget            *widget);
#define unknot_test_wait_for_frame(widget) \
  unknot_test_wait_for_frame_real (UNKNOT_TEST_WHERE, GTK_WIDGET (widget))

AdwNavigationPage *unknot_test_wait_for_page_real (const char          *file,
                                                  int                   line,
                                                  const char           *func,
                                                  GtkWindow            *window,
                                                  const char           *tag);
#define unknot_test_wait_for_page(window, tag) \
  unknot_test_wait_for_page_real (UNKNOT_TEST_WHERE, (window), (tag))

void               unknot_test_resize_real       (const char           *file,
                                                  int                   line,
                                                  const char           *func,
                                                  GtkWindow            *window,
                                                  int                   width,
                                                  int                   height);
#define unknot_test_resize(window, width, height) \
  unknot_test_resize_real (UNKNOT_TEST_WHERE, (window), (width), (height))

void               unknot_test_set_dark_real     (const char           *file,
                                                  int                   line,
                                                  const char           *func,
                                                  GtkWindow            *window,
                                                  gboolean              dark);
#define unknot_test_set_dark(window, dark) \
  unknot_test_set_dark_real (UNKNOT_TEST_WHERE, (window), (dark))

void               unknot_test_close_window_real (const char           *file,
                                                  int                   line,
                                                  const char           *func,
                                                  GtkWindow            *window);
#define unknot_test_close_window(window) unknot_test_close_window_real (UNKNOT_TEST_WHERE, (window))

GtkWidget         *unknot_test_find_descendant   (GtkWidget            *widget,
                                                  GType                 type);
void               unknot_test_collect           (GtkWidget            *widget,
                                                  GType                 type,
                                                  GPtrArray            *found);
gboolean           unknot_test_has_text          (GtkWidget            *widget,
                                                  const char           *text);
GtkWidget         *unknot_test_find_by_id        (GtkWidget            *widget,
                                                  const char           *buildable_id);
GtkWidget         *unknot_test_find_by_name      (GtkWidget            *widget,
                                                  const char           *name);

/* Real X events; each returns once GTK has handled them. */
void               unknot_test_pointer_move_real (const char           *file,
                                                  int                   line,
                                                  const char           *func,
                                                  GtkWidget            *widget,
                                                  double                x,
                                                  double                y);
#define unknot_test_pointer_move(widget, x, y) \
  unknot_test_pointer_move_real (UNKNOT_TEST_WHERE, (widget), (x), (y))
void               unknot_test_click_real        (const char           *file,
                                                  int                   line,
                                                  const char           *func,
                                                  GtkWidget            *widget,
                                                  double                x,
                                                  double                y);
#define unknot_test_click(widget, x, y) unknot_test_click_real (UNKNOT_TEST_WHERE, (widget), (x), (y))
void               unknot_test_scroll_into_view_real (const char       *file,
                                                      int               line,
                                                      const char       *func,
                                                      GtkWidget        *widget);
#define unknot_test_scroll_into_view(widget) \
  unknot_test_scroll_into_view_real (UNKNOT_TEST_WHERE, (widget))
void               unknot_test_press_key_real    (const char           *file,
                                                  int                   line,
                                                  const char           *func,
                                                  GtkWidget            *widget,
                                                  guint                 keyval);
#define unknot_test_press_key(widget, keyval) \
  unknot_test_press_key_real (UNKNOT_TEST_WHERE, (widget), (keyval))
void               unknot_test_press_key_full_real (const char         *file,
                                                    int                 line,
                                                    const char         *func,
                                                    GtkWidget          *widget,
                                                    guint               keyval,
                                                    GdkModifierType     modifiers);
#define unknot_test_press_key_full(widget, keyval, modifiers) \
  unknot_test_press_key_full_real (UNKNOT_TEST_WHERE, (widget), (keyval), (modifiers))

void               unknot_test_use_fake_clock    (UnknotHoldTimer      *timer);
void               unknot_test_advance_clock     (UnknotHoldTimer      *timer,
                                                  double                seconds);

GdkTexture        *unknot_test_screenshot_real   (const char           *file,
                                                  int                   line,
                                                  const char           *func,
                                                  GtkWidget            *widget,
                                                  const char           *name);
/* A picture of @widget once drawn, also written to the test build directory as @name. */
#define unknot_test_screenshot(widget, name) \
  unknot_test_screenshot_real (UNKNOT_TEST_WHERE, GTK_WIDGET (widget), (name))
void               unknot_test_save_png_real     (const char           *file,
                                                  int                   line,
                                                  const char           *func,
                                                  GtkWidget            *widget,
                                                  const char           *name);
#define unknot_test_save_png(widget, name) \
  unknot_test_save_png_real (UNKNOT_TEST_WHERE, GTK_WIDGET (widget), (name))

void               unknot_test_assert_style_real (const char           *file,
                                                  int                   line,
                                                  const char           *func,
                                                  GdkTexture           *texture,
                                                  const char           *name,
                                                  gboolean              dark);
/* That the picture's background is dark, or light. */
#define unknot_test_assert_dark(texture, name) \
  unknot_test_assert_style_real (UNKNOT_TEST_WHERE, (texture), (name), TRUE)
#define unknot_test_assert_light(texture, name) \
  unknot_test_assert_style_real (UNKNOT_TEST_WHERE, (texture), (name), FALSE)

void               unknot_test_assert_fits_real  (const char           *file,
                                                  int                   line,
                                                  const char           *func,
                                                  GtkWindow            *window,
                                                  const char           *name);
/* That nothing the window shows is wider than it, past its edges, or squeezed. */
#define unknot_test_assert_fits(window, name) \
  unknot_test_assert_fits_real (UNKNOT_TEST_WHERE, (window), (name))

GtkWidget         *unknot_test_find_clickable    (GtkWidget            *widget,
                                                 const char           *text);

G_END_DECLS
