/* unknot-link-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row that leads somewhere (a technique, a region, a guide topic): an activatable
 * AdwActionRow that assistive technology can activate too. GTK's AT-SPI bridge offers
 * a widget's own parameterless actions, and a list row has none of its own, so a screen
 * reader or a switch could only read these rows; "row.activate" does what Enter does.
 */

#define G_LOG_DOMAIN "unknot-link-row"

#include "config.h"

#include "unknot-link-row.h"

struct _UnknotLinkRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (UnknotLinkRow, unknot_link_row, ADW_TYPE_ACTION_ROW)

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_widget_activate (widget);
}

static void
unknot_link_row_class_init (UnknotLinkRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "row.activate", NULL, activate_action);
}

static void
unknot_link_row_init (UnknotLinkRow *self)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
}
