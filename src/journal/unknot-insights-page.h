/* unknot-insights-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "catalog/unknot-catalog.h"
#include "timer/unknot-hold.h"
#include "unknot-journal.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_INSIGHTS_PAGE (unknot_insights_page_get_type ())

G_DECLARE_FINAL_TYPE (UnknotInsightsPage, unknot_insights_page, UNKNOT, INSIGHTS_PAGE, AdwNavigationPage)

UnknotInsightsPage *unknot_insights_page_new (UnknotJournal *journal,
                                              UnknotCatalog *catalog,
                                              GSettings     *settings,
                                              UnknotHold    *hold);

G_END_DECLS
