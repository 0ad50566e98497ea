/* unknot-region-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a region is: its muscles, where it lies, what it does and what tightens it, or,
 * for the spine, why it is never pressed and which muscles to work instead.
 */

#define G_LOG_DOMAIN "unknot-region-page"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-region-page.h"

struct _UnknotRegionPage
{
  AdwNavigationPage     parent_instance;

  UnknotCatalog        *catalog;
  UnknotRegion         *region;

  GtkLabel             *title_label;
  GtkLabel             *summary_label;
  GtkWidget            *warning_box;
  GtkLabel             *why_no_pressure_label;
  GtkBox               *sections_box;
  AdwPreferencesGroup  *instead_group;
  GtkListBox           *instead_list;
  AdwPreferencesGroup  *techniques_group;
};

G_DEFINE_FINAL_TYPE (UnknotRegionPage, unknot_region_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_REGION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_section (UnknotRegionPage *self,
             const char       *heading,
             const char       *text)
{
  GtkWidget *box, *title, *body;

  if (text == NULL || *text == '\0')
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  title = g_object_new (GTK_TYPE_LABEL,
                        "label", heading,
                        "xalign", 0.0f,
                        "wrap", TRUE,
                        NULL);
  gtk_widget_add_css_class (title, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);
  body = g_object_new (GTK_TYPE_LABEL,
                       "label", text,
                       "xalign", 0.0f,
                       "wrap", TRUE,
                       "selectable", FALSE,
                       NULL);
  gtk_widget_add_css_class (body, "body");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), body);
  gtk_box_append (self->sections_box, box);
}

static void
add_instead_rows (UnknotRegionPage *self)
{
  /* The muscles that run beside the spine, on both sides. */
  static const char *beside_spine[] = {
    "erector-spinae-thoracic-left", "erector-spinae-thoracic-right",
    "erector-spinae-lumbar-left", "erector-spinae-lumbar-right",
  };

  for (guint i = 0; i < G_N_ELEMENTS (beside_spine); i++)
    {
      UnknotRegion *other = unknot_catalog_lookup_region (self->catalog, beside_spine[i]);
      GtkWidget *row;

      if (other == NULL)
        continue;

      row = g_object_new (ADW_TYPE_ACTION_ROW,
                          "title", unknot_region_get_title (other),
                          "subtitle", unknot_region_get_summary (other),
                          "activatable", TRUE,
                          "action-name", "win.show-region",
                          "action-target", g_variant_new_string (beside_spine[i]),
                          NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->instead_list, row);
    }
}

static void
unknot_region_page_fill (UnknotRegionPage *self)
{
  UnknotRegion *region = self->region;
  const char * const *muscles = unknot_region_get_muscles (region);
  g_autofree char *muscle_list = NULL;

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), unknot_region_get_title (region));
  adw_navigation_page_set_tag (ADW_NAVIGATION_PAGE (self), unknot_region_get_id (region));
  gtk_label_set_label (self->title_label, unknot_region_get_title (region));
  gtk_label_set_label (self->summary_label, unknot_region_get_summary (region));

  if (muscles != NULL && muscles[0] != NULL)
    muscle_list = g_strjoinv (", ", (GStrv) muscles);

  if (unknot_region_is_no_pressure_zone (region))
    {
      gtk_label_set_label (self->why_no_pressure_label,
                           unknot_region_get_why_no_pressure (region));
      gtk_widget_set_visible (self->warning_box, TRUE);
      add_section (self, _("Where It Is"), unknot_region_get_location (region));
      add_section (self, _("What It Does"), unknot_region_get_function (region));
      add_section (self, _("Instead"), unknot_region_get_instead (region));
      add_instead_rows (self);
      gtk_widget_set_visible (GTK_WIDGET (self->instead_group), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->techniques_group), FALSE);
      return;
    }

  add_section (self, _("Muscles"), muscle_list);
  add_section (self, _("Where It Is"), unknot_region_get_location (region));
  add_section (self, _("How to Reach It"), unknot_region_get_pressing (region));
  add_section (self, _("What It Does"), unknot_region_get_function (region));
  add_section (self, _("What Tightens It"), unknot_region_get_tightens (region));
}

static void
unknot_region_page_constructed (GObject *object)
{
  UnknotRegionPage *self = UNKNOT_REGION_PAGE (object);

  G_OBJECT_CLASS (unknot_region_page_parent_class)->constructed (object);

  unknot_region_page_fill (self);
}

static void
unknot_region_page_dispose (GObject *object)
{
  UnknotRegionPage *self = UNKNOT_REGION_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_REGION_PAGE);
  g_clear_object (&self->catalog);
  g_clear_object (&self->region);

  G_OBJECT_CLASS (unknot_region_page_parent_class)->dispose (object);
}

static void
unknot_region_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  UnknotRegionPage *self = UNKNOT_REGION_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_REGION:
      g_value_set_object (value, self->region);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_region_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  UnknotRegionPage *self = UNKNOT_REGION_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_REGION:
      self->region = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_region_page_class_init (UnknotRegionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = unknot_region_page_constructed;
  object_class->dispose = unknot_region_page_dispose;
  object_class->get_property = unknot_region_page_get_property;
  object_class->set_property = unknot_region_page_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         UNKNOT_TYPE_CATALOG,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));
  properties[PROP_REGION] =
    g_param_spec_object ("region", NULL, NULL,
                         UNKNOT_TYPE_REGION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-region-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, warning_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, why_no_pressure_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, instead_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, instead_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotRegionPage, techniques_group);
}

static void
unknot_region_page_init (UnknotRegionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

UnknotRegionPage *
unknot_region_page_new (UnknotCatalog *catalog,
                        UnknotRegion  *region)
{
  g_return_val_if_fail (UNKNOT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (UNKNOT_IS_REGION (region), NULL);

  return g_object_new (UNKNOT_TYPE_REGION_PAGE,
                       "catalog", catalog,
                       "region", region,
                       NULL);
}

UnknotRegion *
unknot_region_page_get_region (UnknotRegionPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION_PAGE (self), NULL);

  return self->region;
}
