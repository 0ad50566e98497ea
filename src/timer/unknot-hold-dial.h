/* unknot-hold-dial.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "unknot-hold-timer.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_HOLD_DIAL (unknot_hold_dial_get_type ())

G_DECLARE_FINAL_TYPE (UnknotHoldDial, unknot_hold_dial, UNKNOT, HOLD_DIAL, GtkWidget)

GtkWidget  *unknot_hold_dial_new         (UnknotHoldTimer *timer,
                                          GSettings       *settings);
const char *unknot_hold_dial_get_digits  (UnknotHoldDial  *self);
char       *unknot_hold_dial_format_time (gint64           remaining);

G_END_DECLS
