/* unknot-hold-ring.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "unknot-hold-timer.h"

G_BEGIN_DECLS

/* One breath of the breathing cue: in for four seconds, out for six. */
#define UNKNOT_BREATH_IN_USEC (4 * G_USEC_PER_SEC)
#define UNKNOT_BREATH_USEC (10 * G_USEC_PER_SEC)

#define UNKNOT_TYPE_HOLD_RING (unknot_hold_ring_get_type ())

G_DECLARE_FINAL_TYPE (UnknotHoldRing, unknot_hold_ring, UNKNOT, HOLD_RING, GtkWidget)

GtkWidget *unknot_hold_ring_new           (UnknotHoldTimer *timer);
guint      unknot_hold_ring_get_frames    (UnknotHoldRing  *self);
void       unknot_hold_ring_set_breathing (UnknotHoldRing  *self,
                                           gboolean         breathing);
double     unknot_hold_ring_breath_fill   (gint64           elapsed);

G_END_DECLS
