/* unknot-welcome-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the content side shows before anything is chosen: how Unknot works in three
 * steps, the guide's topics to learn from, and the first safety rule.
 */

#define G_LOG_DOMAIN "unknot-welcome-page"

#include "config.h"

#include "journal/unknot-journal-button.h"
#include "timer/unknot-hold-indicator.h"
#include "unknot-page-sections.h"
#include "unknot-welcome-page.h"

struct _UnknotWelcomePage
{
  AdwNavigationPage    parent_instance;

  UnknotCatalog       *catalog;
  UnknotHold          *hold;

  UnknotHoldIndicator *hold_indicator;
  AdwStatusPage       *welcome_status;
  GtkListBox          *learn_list;
};

G_DEFINE_FINAL_TYPE (UnknotWelcomePage, unknot_welcome_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_HOLD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
unknot_welcome_page_constructed (GObject *object)
{
  UnknotWelcomePage *self = UNKNOT_WELCOME_PAGE (object);
  GListModel *topics;

  G_OBJECT_CLASS (unknot_welcome_page_parent_class)->constructed (object);

  if (self->hold != NULL)
    unknot_hold_indicator_set_timer (self->hold_indicator, unknot_hold_get_timer (self->hold));

  g_return_if_fail (self->catalog != NULL);

  topics = unknot_catalog_get_topics (self->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(UnknotTopic) topic = g_list_model_get_item (topics, i);

      gtk_list_box_append (self->learn_list,
                           unknot_page_link_row_new (unknot_topic_get_title (topic),
                                                     unknot_topic_get_summary (topic),
                                                     "win.show-topic",
                                                     g_variant_new_string (unknot_topic_get_id (topic))));
    }
}

static void
unknot_welcome_page_dispose (GObject *object)
{
  UnknotWelcomePage *self = UNKNOT_WELCOME_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_WELCOME_PAGE);
  g_clear_object (&self->catalog);
  g_clear_object (&self->hold);

  G_OBJECT_CLASS (unknot_welcome_page_parent_class)->dispose (object);
}

static void
unknot_welcome_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UnknotWelcomePage *self = UNKNOT_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_HOLD:
      g_value_set_object (value, self->hold);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_welcome_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UnknotWelcomePage *self = UNKNOT_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_HOLD:
      self->hold = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_welcome_page_class_init (UnknotWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = unknot_welcome_page_constructed;
  object_class->dispose = unknot_welcome_page_dispose;
  object_class->get_property = unknot_welcome_page_get_property;
  object_class->set_property = unknot_welcome_page_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, UNKNOT_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotWelcomePage:hold:
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
                                               RESOURCE_BASE_PATH "/ui/unknot-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotWelcomePage, hold_indicator);
  gtk_widget_class_bind_template_child (widget_class, UnknotWelcomePage, welcome_status);
  gtk_widget_class_bind_template_child (widget_class, UnknotWelcomePage, learn_list);
}

static void
unknot_welcome_page_init (UnknotWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The development build has an icon of its own. */
  adw_status_page_set_icon_name (self->welcome_status, APPLICATION_ID);
}
