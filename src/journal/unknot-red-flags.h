/* unknot-red-flags.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How soon a warning sign should be checked, least urgent first, so that the most
 * urgent of several signs is the largest value. */
typedef enum {
  UNKNOT_RED_FLAG_TIER_NONE,
  UNKNOT_RED_FLAG_TIER_SOON,  /* see a doctor the same day or the next */
  UNKNOT_RED_FLAG_TIER_NOW,   /* emergency services or an emergency department */
} UnknotRedFlagTier;

/* Red flags stay worth a reminder this long after the entry that noted them. */
#define UNKNOT_RED_FLAG_REMINDER_DAYS 14

UnknotRedFlagTier  unknot_red_flag_get_tier        (const char         *red_flag_id);
UnknotRedFlagTier  unknot_red_flags_get_tier       (const char * const *red_flag_ids);
const char        *unknot_red_flag_tier_get_title  (UnknotRedFlagTier   tier);
const char        *unknot_red_flag_tier_get_advice (UnknotRedFlagTier   tier);
const char        *unknot_red_flags_get_disclaimer (void);

G_END_DECLS
