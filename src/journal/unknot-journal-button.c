/* unknot-journal-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The way to the pain journal that every header offers, so that it is one click away
 * wherever the person is, on a wide window or a phone. It only names the window's
 * action (win.show-journal, also Ctrl+J).
 *
 * A page's header has room for it or for the hold indicator, not for both at phone
 * width: given the indicator as its "companion", the button steps aside while a hold
 * runs (the indicator then leads to the hold page, whose header has the button).
 */

#define G_LOG_DOMAIN "unknot-journal-button"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-journal-button.h"

struct _UnknotJournalButton
{
  GtkButton  parent_instance;

  GtkWidget *companion;
};

G_DEFINE_FINAL_TYPE (UnknotJournalButton, unknot_journal_button, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_COMPANION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_companion_visible_cb (UnknotJournalButton *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), !gtk_widget_get_visible (self->companion));
}

static void
set_companion (UnknotJournalButton *self,
               GtkWidget           *companion)
{
  if (self->companion == companion)
    return;

  if (self->companion != NULL)
    g_signal_handlers_disconnect_by_data (self->companion, self);
  g_set_weak_pointer (&self->companion, companion);
  if (companion != NULL)
    {
      g_signal_connect_object (companion, "notify::visible",
                               G_CALLBACK (on_companion_visible_cb), self, G_CONNECT_SWAPPED);
      on_companion_visible_cb (self);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANION]);
}

static void
unknot_journal_button_dispose (GObject *object)
{
  UnknotJournalButton *self = UNKNOT_JOURNAL_BUTTON (object);

  if (self->companion != NULL)
    g_signal_handlers_disconnect_by_data (self->companion, self);
  g_clear_weak_pointer (&self->companion);

  G_OBJECT_CLASS (unknot_journal_button_parent_class)->dispose (object);
}

static void
unknot_journal_button_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  UnknotJournalButton *self = UNKNOT_JOURNAL_BUTTON (object);

  switch (prop_id)
    {
    case PROP_COMPANION:
      g_value_set_object (value, self->companion);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_journal_button_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  UnknotJournalButton *self = UNKNOT_JOURNAL_BUTTON (object);

  switch (prop_id)
    {
    case PROP_COMPANION:
      set_companion (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_journal_button_class_init (UnknotJournalButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_journal_button_dispose;
  object_class->get_property = unknot_journal_button_get_property;
  object_class->set_property = unknot_journal_button_set_property;

  /**
   * UnknotJournalButton:companion:
   *
   * A widget that takes the button's place while it is visible, or %NULL.
   */
  properties[PROP_COMPANION] =
    g_param_spec_object ("companion", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_journal_button_init (UnknotJournalButton *self)
{
  gtk_button_set_icon_name (GTK_BUTTON (self), "x-office-calendar-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "win.show-journal");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Pain Journal (Ctrl+J)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pain Journal"),
                                  GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, "Control+J",
                                  -1);
  gtk_widget_set_name (GTK_WIDGET (self), "journal-button");
}

GtkWidget *
unknot_journal_button_new (void)
{
  return g_object_new (UNKNOT_TYPE_JOURNAL_BUTTON, NULL);
}
