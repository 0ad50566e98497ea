/* test-red-flags.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "journal/unknot-journal-entry.h"
#include "journal/unknot-red-flags.h"

/* Every warning sign the editor offers has a tier, and the tiers are the issue's:
 * help now for the signs of nerve pressure and accidents, a doctor soon for the rest. */
static void
test_every_sign_has_its_tier (void)
{
  const char * const *ids = unknot_journal_get_red_flag_ids ();
  const char * const now[] = { "saddle-numbness", "bladder-bowel", "leg-weakness",
                               "fall-or-accident", NULL };
  const char * const soon[] = { "fever", "limb-numbness", "severe-or-persistent-pain", NULL };

  g_assert_cmpuint (g_strv_length ((GStrv) ids), ==, g_strv_length ((GStrv) now) + g_strv_length ((GStrv) soon));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      UnknotRedFlagTier tier = unknot_red_flag_get_tier (ids[i]);

      if (g_strv_contains (now, ids[i]))
        g_assert_cmpint (tier, ==, UNKNOT_RED_FLAG_TIER_NOW);
      else if (g_strv_contains (soon, ids[i]))
        g_assert_cmpint (tier, ==, UNKNOT_RED_FLAG_TIER_SOON);
      else
        g_error ("red flag %s has no expected tier", ids[i]);
    }
  g_assert_cmpint (unknot_red_flag_get_tier ("sore-toe"), ==, UNKNOT_RED_FLAG_TIER_NONE);
}

static void
test_most_urgent_wins (void)
{
  const char * const mixed[] = { "fever", "bladder-bowel", NULL };
  const char * const mild[] = { "fever", "limb-numbness", NULL };
  const char * const none[] = { NULL };

  g_assert_cmpint (unknot_red_flags_get_tier (mixed), ==, UNKNOT_RED_FLAG_TIER_NOW);
  g_assert_cmpint (unknot_red_flags_get_tier (mild), ==, UNKNOT_RED_FLAG_TIER_SOON);
  g_assert_cmpint (unknot_red_flags_get_tier (none), ==, UNKNOT_RED_FLAG_TIER_NONE);
  g_assert_cmpint (unknot_red_flags_get_tier (NULL), ==, UNKNOT_RED_FLAG_TIER_NONE);
}

/* Both tiers tell the person not to massage until it has been checked. */
static void
test_advice_says_do_not_massage (void)
{
  UnknotRedFlagTier tiers[] = { UNKNOT_RED_FLAG_TIER_NOW, UNKNOT_RED_FLAG_TIER_SOON };

  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    {
      const char *advice = unknot_red_flag_tier_get_advice (tiers[i]);

      g_assert_nonnull (unknot_red_flag_tier_get_title (tiers[i]));
      g_assert_nonnull (advice);
      g_assert_nonnull (strstr (advice, "not massage"));
      g_assert_nonnull (strstr (advice, "checked"));
    }
  g_assert_nonnull (strstr (unknot_red_flag_tier_get_advice (UNKNOT_RED_FLAG_TIER_NOW), "emergency"));
  g_assert_null (unknot_red_flag_tier_get_advice (UNKNOT_RED_FLAG_TIER_NONE));
  g_assert_nonnull (strstr (unknot_red_flags_get_disclaimer (), "general advice"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/red-flags/every-sign-has-its-tier", test_every_sign_has_its_tier);
  g_test_add_func ("/red-flags/most-urgent-wins", test_most_urgent_wins);
  g_test_add_func ("/red-flags/advice-says-do-not-massage", test_advice_says_do_not_massage);

  return g_test_run ();
}
