/* unknot-welcome-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "catalog/unknot-catalog.h"
#include "timer/unknot-hold.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_WELCOME_PAGE (unknot_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (UnknotWelcomePage, unknot_welcome_page, UNKNOT, WELCOME_PAGE, AdwNavigationPage)

G_END_DECLS
