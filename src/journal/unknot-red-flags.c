/* unknot-red-flags.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a logged warning sign means: which signs need help at once and which need a
 * doctor soon, and the words that say so. The tiers follow the reference article's
 * list of reasons to get medical attention: signs of pressure on the nerves at the
 * base of the spine (saddle numbness, bladder or bowel control, weak legs) and pain
 * after an accident cannot wait; fever, a numb or tingling limb and severe, worsening
 * or lasting pain need a doctor within a day or so. No GTK: the editor, the journal
 * page and the tests share it.
 */

#define G_LOG_DOMAIN "unknot-red-flags"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-red-flags.h"

static const struct {
  const char        *id;
  UnknotRedFlagTier  tier;
} tiers[] = {
  { "saddle-numbness", UNKNOT_RED_FLAG_TIER_NOW },
  { "bladder-bowel", UNKNOT_RED_FLAG_TIER_NOW },
  { "leg-weakness", UNKNOT_RED_FLAG_TIER_NOW },
  { "fall-or-accident", UNKNOT_RED_FLAG_TIER_NOW },
  { "fever", UNKNOT_RED_FLAG_TIER_SOON },
  { "limb-numbness", UNKNOT_RED_FLAG_TIER_SOON },
  { "severe-or-persistent-pain", UNKNOT_RED_FLAG_TIER_SOON },
};

/**
 * unknot_red_flag_get_tier:
 * @red_flag_id: an id from unknot_journal_get_red_flag_ids()
 *
 * Returns: how soon this sign should be checked; %UNKNOT_RED_FLAG_TIER_NONE for an
 *   unknown id
 */
UnknotRedFlagTier
unknot_red_flag_get_tier (const char *red_flag_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    {
      if (g_strcmp0 (tiers[i].id, red_flag_id) == 0)
        return tiers[i].tier;
    }

  return UNKNOT_RED_FLAG_TIER_NONE;
}

/**
 * unknot_red_flags_get_tier:
 * @red_flag_ids: (nullable): the signs of one entry
 *
 * Returns: the most urgent tier among them
 */
UnknotRedFlagTier
unknot_red_flags_get_tier (const char * const *red_flag_ids)
{
  UnknotRedFlagTier tier = UNKNOT_RED_FLAG_TIER_NONE;

  for (guint i = 0; red_flag_ids != NULL && red_flag_ids[i] != NULL; i++)
    tier = MAX (tier, unknot_red_flag_get_tier (red_flag_ids[i]));

  return tier;
}

/**
 * unknot_red_flag_tier_get_title:
 *
 * Returns: (nullable): a short heading for the advice, translated
 */
const char *
unknot_red_flag_tier_get_title (UnknotRedFlagTier tier)
{
  switch (tier)
    {
    case UNKNOT_RED_FLAG_TIER_NOW:
      return _("Get Help Now");
    case UNKNOT_RED_FLAG_TIER_SOON:
      return _("See a Doctor Soon");
    case UNKNOT_RED_FLAG_TIER_NONE:
    default:
      return NULL;
    }
}

/**
 * unknot_red_flag_tier_get_advice:
 *
 * Returns: (nullable): what to do, in calm and plain words, translated
 */
const char *
unknot_red_flag_tier_get_advice (UnknotRedFlagTier tier)
{
  switch (tier)
    {
    case UNKNOT_RED_FLAG_TIER_NOW:
      return _("What you noted can be a sign that the nerves at the base of your spine "
               "are under pressure, or that an injury needs looking at. Call your local "
               "emergency number or go to an emergency department today. Do not massage "
               "your back until it has been checked.");
    case UNKNOT_RED_FLAG_TIER_SOON:
      return _("What you noted should be looked at by a doctor, today or tomorrow if you "
               "can. Until it has been checked, do not massage your back.");
    case UNKNOT_RED_FLAG_TIER_NONE:
    default:
      return NULL;
    }
}

/**
 * unknot_red_flags_get_disclaimer:
 *
 * Returns: the reminder that the advice is general, translated
 */
const char *
unknot_red_flags_get_disclaimer (void)
{
  return _("This is general advice, not a diagnosis. If you are unsure, or it gets "
           "worse, get medical help.");
}
