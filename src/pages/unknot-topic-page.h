/* unknot-topic-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "catalog/unknot-catalog.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_TOPIC_PAGE (unknot_topic_page_get_type ())

G_DECLARE_FINAL_TYPE (UnknotTopicPage, unknot_topic_page, UNKNOT, TOPIC_PAGE, AdwNavigationPage)

UnknotTopicPage *unknot_topic_page_new       (UnknotCatalog   *catalog,
                                              UnknotTopic     *topic);
UnknotTopic     *unknot_topic_page_get_topic (UnknotTopicPage *self);

G_END_DECLS
