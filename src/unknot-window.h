/* unknot-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bodymap/unknot-body-map.h"
#include "journal/unknot-journal-entry.h"
#include "unknot-application.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_WINDOW (unknot_window_get_type ())

G_DECLARE_FINAL_TYPE (UnknotWindow, unknot_window, UNKNOT, WINDOW, AdwApplicationWindow)

UnknotWindow      *unknot_window_new              (UnknotApplication *application);
UnknotBodyMap     *unknot_window_get_body_map     (UnknotWindow      *self);
AdwNavigationPage *unknot_window_get_visible_page (UnknotWindow      *self);
void               unknot_window_log_entry        (UnknotWindow      *self,
                                                   UnknotJournalEntry *entry);

G_END_DECLS
