/* unknot-menu-names.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void unknot_menu_button_name_items         (GtkMenuButton *button);
void unknot_menu_button_set_menu_on_demand (GtkMenuButton *button,
                                            GMenuModel    *model);

G_END_DECLS
