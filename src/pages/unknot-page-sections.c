/* unknot-page-sections.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "unknot-link-row.h"
#include "unknot-page-sections.h"

static GtkWidget *
heading_label (const char *heading)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", heading,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   NULL);

  gtk_widget_add_css_class (label, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);

  return label;
}

/**
 * unknot_page_section_new:
 * @heading: (nullable): the section's heading
 * @text: the paragraph
 *
 * Returns: (transfer floating) (nullable): a heading over a paragraph, or %NULL when
 *   there is no text to show
 */
GtkWidget *
unknot_page_section_new (const char *heading,
                         const char *text)
{
  GtkWidget *box, *body;

  if (text == NULL || *text == '\0')
    return NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  if (heading != NULL)
    gtk_box_append (GTK_BOX (box), heading_label (heading));

  body = g_object_new (GTK_TYPE_LABEL,
                       "label", text,
                       "xalign", 0.0f,
                       "wrap", TRUE,
                       "natural-wrap-mode", GTK_NATURAL_WRAP_WORD,
                       NULL);
  gtk_widget_add_css_class (body, "body");
  gtk_box_append (GTK_BOX (box), body);

  return box;
}

/**
 * unknot_page_list_new:
 * @icon_name: (nullable): the icon before each item
 *
 * Returns: (transfer floating) (nullable): a heading over a list of short items
 */
GtkWidget *
unknot_page_list_new (const char         *heading,
                      const char * const *items,
                      const char         *icon_name)
{
  GtkWidget *box, *list;

  if (items == NULL || items[0] == NULL)
    return NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  if (heading != NULL)
    gtk_box_append (GTK_BOX (box), heading_label (heading));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  if (heading != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                    -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW,
                                     "title", items[i],
                                     "title-lines", 0,
                                     "activatable", FALSE,
                                     NULL);

      if (icon_name != NULL)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

          gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, NULL,
                                          -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_box_append (GTK_BOX (box), list);

  return box;
}

/**
 * unknot_page_link_row_new:
 * @subtitle: (nullable): a second line
 * @target: (transfer floating): the action's parameter
 *
 * Returns: (transfer floating): an activatable row that runs @action_name
 */
GtkWidget *
unknot_page_link_row_new (const char *title,
                          const char *subtitle,
                          const char *action_name,
                          GVariant   *target)
{
  GtkWidget *row = g_object_new (UNKNOT_TYPE_LINK_ROW,
                                 "title", title,
                                 "subtitle", subtitle,
                                 "activatable", TRUE,
                                 "action-name", action_name,
                                 "action-target", target,
                                 NULL);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}
