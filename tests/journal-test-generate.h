/* journal-test-generate.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The first generated entry is at this moment; each next one a minute later. */
#define JOURNAL_TEST_START_US G_GINT64_CONSTANT (1735725600000000) /* 2025-01-01 10:00 UTC */
#define JOURNAL_TEST_STEP_US  G_GINT64_CONSTANT (60000000)

extern const char * const journal_test_regions[];
extern const char * const journal_test_tools[];
extern const char * const journal_test_techniques[];

char *journal_test_generate_sql (guint n);

G_END_DECLS
