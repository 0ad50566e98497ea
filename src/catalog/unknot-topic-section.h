/* unknot-topic-section.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_TOPIC_SECTION (unknot_topic_section_get_type ())

G_DECLARE_FINAL_TYPE (UnknotTopicSection, unknot_topic_section, UNKNOT, TOPIC_SECTION, GObject)

typedef enum {
  UNKNOT_SECTION_KIND_TEXT,
  UNKNOT_SECTION_KIND_CHECKLIST,
  UNKNOT_SECTION_KIND_WARNING,
} UnknotSectionKind;

const char         *unknot_topic_section_get_id         (UnknotTopicSection *self);
UnknotSectionKind   unknot_topic_section_get_kind       (UnknotTopicSection *self);
const char         *unknot_topic_section_get_title      (UnknotTopicSection *self);
const char         *unknot_topic_section_get_text       (UnknotTopicSection *self);
const char * const *unknot_topic_section_get_items      (UnknotTopicSection *self);
const char * const *unknot_topic_section_get_techniques (UnknotTopicSection *self);
const char         *unknot_topic_section_get_icon_name  (UnknotTopicSection *self);

G_END_DECLS
