/* unknot-hold-indicator.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "unknot-hold-timer.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_HOLD_INDICATOR (unknot_hold_indicator_get_type ())

G_DECLARE_FINAL_TYPE (UnknotHoldIndicator, unknot_hold_indicator, UNKNOT, HOLD_INDICATOR, GtkButton)

GtkWidget *unknot_hold_indicator_new       (UnknotHoldTimer     *timer);
void       unknot_hold_indicator_set_timer (UnknotHoldIndicator *self,
                                            UnknotHoldTimer     *timer);

G_END_DECLS
