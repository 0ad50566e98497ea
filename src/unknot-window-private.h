/* unknot-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "catalog/unknot-catalog.h"
#include "journal/unknot-journal.h"
#include "routines/unknot-routine-store.h"
#include "sidebar/unknot-sidebar.h"
#include "timer/unknot-hold.h"
#include "timer/unknot-hold-indicator.h"
#include "unknot-window.h"

G_BEGIN_DECLS

struct _UnknotWindow
{
  AdwApplicationWindow    parent_instance;

  /* The application's services, given at construction. */
  GSettings              *settings;
  UnknotCatalog          *catalog;
  UnknotHold             *hold;
  UnknotRoutineStore     *routine_store;
  UnknotJournal          *journal;

  AdwNavigationSplitView *split_view;
  AdwNavigationView      *content_view;
  AdwToastOverlay        *toast_overlay;
  AdwToolbarView         *sidebar_toolbar;
  GtkMenuButton          *primary_menu_button;
  GMenuModel             *primary_menu;  /* given to the button when it first opens */
  UnknotSidebar          *sidebar;
  UnknotHoldIndicator    *hold_indicator;
  AdwToast               *load_error_toast;
  gboolean                journal_error_shown;
};

typedef gboolean (*UnknotPageFilter) (AdwNavigationPage *page,
                                      gpointer           data);

void _unknot_window_class_actions_init (UnknotWindowClass *klass);
void _unknot_window_show_page          (UnknotWindow      *self,
                                        AdwNavigationPage *page,
                                        gboolean           new_trail);
void _unknot_window_show_page_instead  (UnknotWindow      *self,
                                        AdwNavigationPage *page,
                                        UnknotPageFilter   leaves,
                                        gpointer           data);

G_END_DECLS
