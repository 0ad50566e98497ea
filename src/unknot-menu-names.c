/* unknot-menu-names.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The items of a menu made from a GMenu reach the AT-SPI bus with no name in GTK 4.18
 * (a screen reader hears "menu item" five times), although each shows its label. Each
 * item is given its shown text as its accessible name whenever the menu opens, so
 * items that the model adds later are named too.
 *
 * GTK builds a menu's popover and every item the moment a menu button is given its
 * model; unknot_menu_button_set_menu_on_demand () leaves that until the menu first
 * opens, for a menu that a window's first frame does not show.
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

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  GMenuModel *model = user_data;

  /* The button has a popover from now on, so GTK does not ask again. */
  gtk_menu_button_set_menu_model (button, model);
  unknot_menu_button_name_items (button);
}

/**
 * unknot_menu_button_set_menu_on_demand:
 * @button: a menu button without a menu
 * @model: the menu it opens
 *
 * Gives @button the menu @model once the menu first opens (by a click, a key or an
 * accessibility action), and names its items as unknot_menu_button_name_items () does.
 */
void
unknot_menu_button_set_menu_on_demand (GtkMenuButton *button,
                                       GMenuModel    *model)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (model));
  g_return_if_fail (gtk_menu_button_get_popover (button) == NULL);

  gtk_menu_button_set_create_popup_func (button, create_popup_cb, g_object_ref (model),
                                         g_object_unref);
}
