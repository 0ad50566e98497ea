/* ui-validate-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preloaded into gtk4-builder-tool by the validate-ui tests. The tool looks up a
 * template's parent class by name only, so the libadwaita classes our templates derive
 * from must be registered before it reads a file, and so must our own widgets that the
 * templates hold as children.
 */

#include "config.h"

#include <adwaita.h>

#include "journal/unknot-journal-button.h"
#include "timer/unknot-hold-indicator.h"

__attribute__((constructor))
static void
ensure_template_parent_types (void)
{
  g_type_ensure (ADW_TYPE_APPLICATION_WINDOW);
  g_type_ensure (ADW_TYPE_DIALOG);
  g_type_ensure (ADW_TYPE_PREFERENCES_DIALOG);
  g_type_ensure (ADW_TYPE_NAVIGATION_PAGE);
  g_type_ensure (ADW_TYPE_BIN);
  g_type_ensure (UNKNOT_TYPE_HOLD_INDICATOR);
  g_type_ensure (UNKNOT_TYPE_JOURNAL_BUTTON);
}
