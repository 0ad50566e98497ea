/* unknot-page-sections.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The building blocks the content pages share: a headed paragraph, a bulleted list,
 * and a row that opens another page.
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *unknot_page_section_new  (const char         *heading,
                                     const char         *text);
GtkWidget *unknot_page_list_new     (const char         *heading,
                                     const char * const *items,
                                     const char         *icon_name);
GtkWidget *unknot_page_link_row_new (const char         *title,
                                     const char         *subtitle,
                                     const char         *action_name,
                                     GVariant           *target);

G_END_DECLS
