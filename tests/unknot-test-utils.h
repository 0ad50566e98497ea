/* unknot-test-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "unknot-application.h"

G_BEGIN_DECLS

typedef gboolean (*UnknotTestCondition) (gpointer data);

void               unknot_test_init              (int                  *argc,
                                                  char               ***argv);
UnknotApplication *unknot_test_application_new   (void);
GtkWindow         *unknot_test_activate          (UnknotApplication    *app);
void               unknot_test_wait_until_real   (UnknotTestCondition   condition,
                                                  gpointer              data,
                                                  const char           *what);
/* Runs the main loop until @condition holds, failing (with its name) after a while. */
#define unknot_test_wait_until(condition, data) \
  unknot_test_wait_until_real ((condition), (data), G_STRLOC ": " #condition)
void               unknot_test_close_window      (GtkWindow            *window);
GtkWidget         *unknot_test_find_descendant   (GtkWidget            *widget,
                                                  GType                 type);
gboolean           unknot_test_has_text          (GtkWidget            *widget,
                                                  const char           *text);
GtkWidget         *unknot_test_find_by_id        (GtkWidget            *widget,
                                                  const char           *buildable_id);
void               unknot_test_pointer_move      (GtkWidget            *widget,
                                                  double                x,
                                                  double                y);
void               unknot_test_click             (GtkWidget            *widget,
                                                  double                x,
                                                  double                y);
void               unknot_test_press_key         (GtkWidget            *widget,
                                                  guint                 keyval);
void               unknot_test_save_png          (GtkWidget            *widget,
                                                  const char           *name);

G_END_DECLS
