/* unknot-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "catalog/unknot-catalog.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_APPLICATION (unknot_application_get_type ())

G_DECLARE_FINAL_TYPE (UnknotApplication, unknot_application, UNKNOT, APPLICATION, AdwApplication)

UnknotApplication *unknot_application_new          (void);
GSettings         *unknot_application_get_settings (UnknotApplication *self);
UnknotCatalog     *unknot_application_get_catalog  (UnknotApplication *self);

G_END_DECLS
