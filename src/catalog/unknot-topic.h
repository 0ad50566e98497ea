/* unknot-topic.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_TOPIC (unknot_topic_get_type ())

G_DECLARE_FINAL_TYPE (UnknotTopic, unknot_topic, UNKNOT, TOPIC, GObject)

const char *unknot_topic_get_id       (UnknotTopic *self);
const char *unknot_topic_get_title    (UnknotTopic *self);
const char *unknot_topic_get_summary  (UnknotTopic *self);
GListModel *unknot_topic_get_sections (UnknotTopic *self);
gboolean    unknot_topic_matches      (UnknotTopic *self,
                                       const char  *query);

G_END_DECLS
