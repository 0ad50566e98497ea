/* unknot-hold-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "unknot-hold.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_HOLD_PAGE (unknot_hold_page_get_type ())

G_DECLARE_FINAL_TYPE (UnknotHoldPage, unknot_hold_page, UNKNOT, HOLD_PAGE, AdwNavigationPage)

UnknotHoldPage *unknot_hold_page_new          (UnknotHold      *hold,
                                               GSettings       *settings);
const char     *unknot_hold_page_get_digits   (UnknotHoldPage  *self);

G_END_DECLS
