/* unknot-topic-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page of the guide: paragraphs, checklists (what not to massage over, what to check
 * with a clinician first) and warnings (when to get medical help), with links to the
 * techniques a section recommends.
 */

#define G_LOG_DOMAIN "unknot-topic-page"

#include "config.h"

#include <glib/gi18n.h>

#include "timer/unknot-hold.h"
#include "journal/unknot-journal-button.h"
#include "timer/unknot-hold-indicator.h"

#include "unknot-page-sections.h"
#include "unknot-topic-page.h"

struct _UnknotTopicPage
{
  AdwNavigationPage  parent_instance;

  UnknotCatalog     *catalog;
  UnknotTopic       *topic;
  UnknotHold        *hold;

  GtkLabel          *title_label;
  GtkLabel          *summary_label;
  GtkBox            *sections_box;
  UnknotHoldIndicator *hold_indicator;
};

G_DEFINE_FINAL_TYPE (UnknotTopicPage, unknot_topic_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_TOPIC,
  PROP_HOLD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_warning (UnknotTopicSection *section)
{
  const char * const *items = unknot_topic_section_get_items (section);
  GtkWidget *card, *title, *text;

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "red-flags");
  gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  unknot_topic_section_get_title (section),
                                  -1);

  title = g_object_new (GTK_TYPE_LABEL,
                        "label", unknot_topic_section_get_title (section),
                        "xalign", 0.0f,
                        "wrap", TRUE,
                        NULL);
  gtk_widget_add_css_class (title, "title-3");
  gtk_box_append (GTK_BOX (card), title);

  text = g_object_new (GTK_TYPE_LABEL,
                       "label", unknot_topic_section_get_text (section),
                       "xalign", 0.0f,
                       "wrap", TRUE,
                       NULL);
  gtk_box_append (GTK_BOX (card), text);

  for (guint i = 0; items[i] != NULL; i++)
    {
      /* Translators: a bullet before each red-flag symptom */
      g_autofree char *line = g_strdup_printf (_("• %s"), items[i]);
      GtkWidget *item = g_object_new (GTK_TYPE_LABEL,
                                      "label", line,
                                      "xalign", 0.0f,
                                      "wrap", TRUE,
                                      NULL);

      gtk_widget_add_css_class (item, "heading");
      gtk_box_append (GTK_BOX (card), item);
    }

  return card;
}

static GtkWidget *
create_section (UnknotTopicPage    *self,
                UnknotTopicSection *section)
{
  const char * const *techniques = unknot_topic_section_get_techniques (section);
  GtkWidget *box, *part, *list;

  switch (unknot_topic_section_get_kind (section))
    {
    case UNKNOT_SECTION_KIND_WARNING:
      return create_warning (section);

    case UNKNOT_SECTION_KIND_CHECKLIST:
      box = unknot_page_section_new (unknot_topic_section_get_title (section),
                                     unknot_topic_section_get_text (section));
      part = unknot_page_list_new (NULL, unknot_topic_section_get_items (section),
                                   unknot_topic_section_get_icon_name (section));
      if (part != NULL)
        gtk_box_append (GTK_BOX (box), part);
      return box;

    case UNKNOT_SECTION_KIND_TEXT:
    default:
      break;
    }

  box = unknot_page_section_new (unknot_topic_section_get_title (section),
                                 unknot_topic_section_get_text (section));
  if (techniques[0] == NULL || techniques[0][0] == '\0')
    return box;

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  unknot_topic_section_get_title (section),
                                  -1);
  for (guint i = 0; techniques[i] != NULL; i++)
    {
      UnknotTechnique *technique = unknot_catalog_lookup_technique (self->catalog, techniques[i]);
      UnknotTool *tool;

      if (technique == NULL)
        continue;

      tool = unknot_catalog_lookup_tool (self->catalog, unknot_technique_get_tool_id (technique));
      gtk_list_box_append (GTK_LIST_BOX (list),
                           unknot_page_link_row_new (unknot_technique_get_title (technique),
                                                     tool ? unknot_tool_get_name (tool) : NULL,
                                                     "win.show-technique",
                                                     g_variant_new ("(ss)", techniques[i], "")));
    }
  gtk_widget_set_margin_top (list, 6);
  gtk_box_append (GTK_BOX (box), list);

  /* An occasion's techniques can also run as one guided routine. */
  if (g_str_equal (unknot_topic_get_id (self->topic), "when-to-massage"))
    {
      GtkWidget *button = g_object_new (GTK_TYPE_BUTTON,
                                        "label", _("Start as a _Guided Routine"),
                                        "use-underline", TRUE,
                                        "halign", GTK_ALIGN_START,
                                        "action-name", "win.start-routine",
                                        "action-target", g_variant_new_string (unknot_topic_section_get_id (section)),
                                        NULL);

      gtk_widget_add_css_class (button, "pill");
      gtk_widget_set_name (button, "start-routine");
      gtk_widget_set_margin_top (button, 6);
      gtk_box_append (GTK_BOX (box), button);
    }

  return box;
}

static void
unknot_topic_page_fill (UnknotTopicPage *self)
{
  GListModel *sections = unknot_topic_get_sections (self->topic);

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), unknot_topic_get_title (self->topic));
  adw_navigation_page_set_tag (ADW_NAVIGATION_PAGE (self), unknot_topic_get_id (self->topic));
  gtk_label_set_label (self->title_label, unknot_topic_get_title (self->topic));
  gtk_label_set_label (self->summary_label, unknot_topic_get_summary (self->topic));
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label),
                          unknot_topic_get_summary (self->topic) != NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(UnknotTopicSection) section = g_list_model_get_item (sections, i);
      GtkWidget *widget = create_section (self, section);

      if (widget != NULL)
        {
          gtk_widget_set_name (widget, unknot_topic_section_get_id (section));
          gtk_box_append (self->sections_box, widget);
        }
    }
}

static void
unknot_topic_page_constructed (GObject *object)
{
  UnknotTopicPage *self = UNKNOT_TOPIC_PAGE (object);

  G_OBJECT_CLASS (unknot_topic_page_parent_class)->constructed (object);

  if (self->hold != NULL)
    unknot_hold_indicator_set_timer (self->hold_indicator, unknot_hold_get_timer (self->hold));

  unknot_topic_page_fill (self);
}

static void
unknot_topic_page_dispose (GObject *object)
{
  UnknotTopicPage *self = UNKNOT_TOPIC_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_TOPIC_PAGE);
  g_clear_object (&self->hold);
  g_clear_object (&self->catalog);
  g_clear_object (&self->topic);

  G_OBJECT_CLASS (unknot_topic_page_parent_class)->dispose (object);
}

static void
unknot_topic_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UnknotTopicPage *self = UNKNOT_TOPIC_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_TOPIC:
      g_value_set_object (value, self->topic);
      break;

    case PROP_HOLD:
      g_value_set_object (value, self->hold);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_topic_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  UnknotTopicPage *self = UNKNOT_TOPIC_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_TOPIC:
      self->topic = g_value_dup_object (value);
      break;

    case PROP_HOLD:
      self->hold = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_topic_page_class_init (UnknotTopicPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = unknot_topic_page_constructed;
  object_class->dispose = unknot_topic_page_dispose;
  object_class->get_property = unknot_topic_page_get_property;
  object_class->set_property = unknot_topic_page_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, UNKNOT_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOPIC] =
    g_param_spec_object ("topic", NULL, NULL, UNKNOT_TYPE_TOPIC,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotTopicPage:hold:
   *
   * The hold in progress, which the header bar's indicator shows from this page.
   */
  properties[PROP_HOLD] =
    g_param_spec_object ("hold", NULL, NULL, UNKNOT_TYPE_HOLD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UNKNOT_TYPE_HOLD_INDICATOR);
  g_type_ensure (UNKNOT_TYPE_JOURNAL_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/unknot-topic-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotTopicPage, hold_indicator);
  gtk_widget_class_bind_template_child (widget_class, UnknotTopicPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotTopicPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotTopicPage, sections_box);
}

static void
unknot_topic_page_init (UnknotTopicPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

UnknotTopicPage *
unknot_topic_page_new (UnknotCatalog *catalog,
                       UnknotTopic   *topic)
{
  g_return_val_if_fail (UNKNOT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (UNKNOT_IS_TOPIC (topic), NULL);

  return g_object_new (UNKNOT_TYPE_TOPIC_PAGE,
                       "catalog", catalog,
                       "topic", topic,
                       NULL);
}

UnknotTopic *
unknot_topic_page_get_topic (UnknotTopicPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_TOPIC_PAGE (self), NULL);

  return self->topic;
}
