/* unknot-menu-names.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The items of a menu made from a GMenu reach the AT-SPI bus with no name in GTK 4.18
 * (a screen reader hears "menu item" five times), although each shows its label. Each
 * item is given its shown text as its accessible name whenever the menu opens, so
 * items that the model adds later are named too.
 */

#define G_LOG_DOMAIN "unknot-menu-names"

#include "config.h"

#include "unknot-menu-names.h"

static void
name_items (GtkWidget *widget)
{
  GParamSpec *text = g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "text");

  /* Menu items are GtkModelButtons, a private type: known by their "text". */
  if (text != NULL && text->value_type == G_TYPE_STRING && !GTK_IS_EDITABLE (widget) &&
      !GTK_IS_LABEL (widget))
    {
      g_autofree char *label = NULL;

      g_object_get (widget, "text", &label, NULL);
      if (label != NULL && *label != '\0')
        {
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                        -1);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    name_items (child);
}

static void
on_popover_map_cb (GtkWidget *popover)
{
  name_items (popover);
}

/**
 * unknot_menu_button_name_items:
 *
 * Makes sure every item of @button's menu has an accessible name.
 */
void
unknot_menu_button_name_items (GtkMenuButton *button)
{
  GtkPopover *popover;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  popover = gtk_menu_button_get_popover (button);
  g_return_if_fail (popover != NULL);

  name_items (GTK_WIDGET (popover));
  g_signal_connect (popover, "map", G_CALLBACK (on_popover_map_cb), NULL);
}
