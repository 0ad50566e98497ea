/* unknot-pain-scale.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 0–10 numeric rating scale for pain: eleven buttons in a row, one of them chosen
 * (or none, for a score not given), with the scale's anchors always shown beneath its
 * ends: 0 "No pain" and 10 "Worst pain imaginable". Each value takes one click, or one
 * key while the scale has the focus: the digits choose 0 to 9, End chooses 10 and Home
 * 0, the arrow keys move by one, and Delete or BackSpace clear an optional scale. For
 * screen readers the scale is one radio group named by whoever shows it, whose
 * description says its value; Tab enters it at the chosen value and the next Tab
 * leaves it.
 */

#define G_LOG_DOMAIN "unknot-pain-scale"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-journal-entry.h"
#include "unknot-pain-scale.h"

#define N_VALUES (UNKNOT_JOURNAL_PAIN_MAX + 1)

struct _UnknotPainScale
{
  GtkWidget        parent_instance;

  GtkWidget       *box;
  GtkToggleButton *buttons[N_VALUES];

  int              value;
  gboolean         optional;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (UnknotPainScale, unknot_pain_scale, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_OPTIONAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_description (UnknotPainScale *self)
{
  g_autofree char *value = NULL;
  g_autofree char *description = NULL;

  if (self->value == UNKNOT_JOURNAL_PAIN_UNSET)
    value = g_strdup (_("No value"));
  else
    /* Translators: the value of a pain scale, e.g. "6 of 10" */
    value = g_strdup_printf (_("%d of %d"), self->value, UNKNOT_JOURNAL_PAIN_MAX);

  /* Translators: a pain scale's value, then how to use it from the keyboard */
  description = g_strdup_printf (_("%s. Type 0 to 9, or End for 10; the arrow keys move by one."),
                                 value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
set_value_and_focus (UnknotPainScale *self,
                     int              value)
{
  GtkWidget *focus_child = gtk_widget_get_focus_child (self->box);

  unknot_pain_scale_set_value (self, value);

  /* The focus follows the chosen value, as in a group of radio buttons. */
  if (focus_child != NULL && self->value != UNKNOT_JOURNAL_PAIN_UNSET)
    gtk_widget_grab_focus (GTK_WIDGET (self->buttons[self->value]));
}

static void
on_button_toggled_cb (GtkToggleButton *button,
                      UnknotPainScale *self)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  for (int i = 0; i < N_VALUES; i++)
    {
      if (self->buttons[i] == button)
        {
          unknot_pain_scale_set_value (self, i);
          return;
        }
    }
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   UnknotPainScale       *self)
{
  int current = self->value;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return GDK_EVENT_PROPAGATE;

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    set_value_and_focus (self, keyval - GDK_KEY_0);
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    set_value_and_focus (self, keyval - GDK_KEY_KP_0);
  else if (keyval == GDK_KEY_End || keyval == GDK_KEY_KP_End)
    set_value_and_focus (self, UNKNOT_JOURNAL_PAIN_MAX);
  else if (keyval == GDK_KEY_Home || keyval == GDK_KEY_KP_Home)
    set_value_and_focus (self, 0);
  else if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ||
           keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    set_value_and_focus (self, current == UNKNOT_JOURNAL_PAIN_UNSET ? 0 : MAX (0, current - 1));
  else if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right ||
           keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    set_value_and_focus (self, current == UNKNOT_JOURNAL_PAIN_UNSET
                               ? 0 : MIN (UNKNOT_JOURNAL_PAIN_MAX, current + 1));
  else if (self->optional &&
           (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete || keyval == GDK_KEY_BackSpace))
    unknot_pain_scale_set_value (self, UNKNOT_JOURNAL_PAIN_UNSET);
  else
    return GDK_EVENT_PROPAGATE;

  return GDK_EVENT_STOP;
}

/* One stop in the focus chain: Tab enters at the chosen value (or 0), the next leaves. */
static gboolean
unknot_pain_scale_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  UnknotPainScale *self = UNKNOT_PAIN_SCALE (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (self->box);
  int target;

  if (focus_child == NULL || !gtk_widget_has_focus (focus_child))
    {
      target = self->value != UNKNOT_JOURNAL_PAIN_UNSET ? self->value : 0;
      return gtk_widget_grab_focus (GTK_WIDGET (self->buttons[target]));
    }

  if (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD)
    return FALSE;

  /* Arrows are the key controller's: they change the value. */
  return TRUE;
}

static gboolean
unknot_pain_scale_grab_focus (GtkWidget *widget)
{
  return unknot_pain_scale_focus (widget, GTK_DIR_TAB_FORWARD);
}

static void
unknot_pain_scale_dispose (GObject *object)
{
  UnknotPainScale *self = UNKNOT_PAIN_SCALE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->box = NULL;
  memset (self->buttons, 0, sizeof self->buttons);

  G_OBJECT_CLASS (unknot_pain_scale_parent_class)->dispose (object);
}

static void
unknot_pain_scale_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UnknotPainScale *self = UNKNOT_PAIN_SCALE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_int (value, self->value);
      break;

    case PROP_OPTIONAL:
      g_value_set_boolean (value, self->optional);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_pain_scale_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  UnknotPainScale *self = UNKNOT_PAIN_SCALE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      unknot_pain_scale_set_value (self, g_value_get_int (value));
      break;

    case PROP_OPTIONAL:
      unknot_pain_scale_set_optional (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_pain_scale_class_init (UnknotPainScaleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_pain_scale_dispose;
  object_class->get_property = unknot_pain_scale_get_property;
  object_class->set_property = unknot_pain_scale_set_property;

  widget_class->focus = unknot_pain_scale_focus;
  widget_class->grab_focus = unknot_pain_scale_grab_focus;

  /**
   * UnknotPainScale:value:
   *
   * The chosen score from 0 to 10, or %UNKNOT_JOURNAL_PAIN_UNSET (-1) for none.
   */
  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL,
                      UNKNOT_JOURNAL_PAIN_UNSET, UNKNOT_JOURNAL_PAIN_MAX, UNKNOT_JOURNAL_PAIN_UNSET,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /**
   * UnknotPainScale:optional:
   *
   * Whether the person may leave the score out: Delete or BackSpace then clear it.
   */
  properties[PROP_OPTIONAL] =
    g_param_spec_boolean ("optional", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "painscale");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_RADIO_GROUP);
}

static void
unknot_pain_scale_init (UnknotPainScale *self)
{
  GtkWidget *outer, *anchors, *low, *high;
  GtkEventController *keys;

  self->value = UNKNOT_JOURNAL_PAIN_UNSET;

  outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_parent (outer, GTK_WIDGET (self));

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 3);
  gtk_box_set_homogeneous (GTK_BOX (self->box), TRUE);
  gtk_widget_add_css_class (self->box, "pain-values");
  gtk_box_append (GTK_BOX (outer), self->box);

  for (int i = 0; i < N_VALUES; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d", i);
      g_autofree char *name = NULL;
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      if (i == 0)
        /* Translators: the accessible name of the value 0 on a pain scale */
        name = g_strdup_printf (_("%d, no pain"), i);
      else if (i == UNKNOT_JOURNAL_PAIN_MAX)
        /* Translators: the accessible name of the value 10 on a pain scale */
        name = g_strdup_printf (_("%d, worst pain imaginable"), i);
      else
        name = g_strdup (label);

      gtk_widget_add_css_class (button, "pain-value");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->buttons[0]);
      g_signal_connect (button, "toggled", G_CALLBACK (on_button_toggled_cb), self);
      gtk_box_append (GTK_BOX (self->box), button);
      self->buttons[i] = GTK_TOGGLE_BUTTON (button);
    }

  /* The anchors, beneath the ends of the scale. */
  anchors = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (anchors), TRUE);
  low = gtk_label_new (_("No pain"));
  high = gtk_label_new (_("Worst pain imaginable"));
  gtk_label_set_xalign (GTK_LABEL (low), 0);
  gtk_label_set_xalign (GTK_LABEL (high), 1);
  gtk_label_set_justify (GTK_LABEL (high), GTK_JUSTIFY_RIGHT);
  gtk_label_set_wrap (GTK_LABEL (low), TRUE);
  gtk_label_set_wrap (GTK_LABEL (high), TRUE);
  gtk_widget_add_css_class (low, "caption");
  gtk_widget_add_css_class (high, "caption");
  gtk_widget_add_css_class (anchors, "pain-anchors");
  gtk_box_append (GTK_BOX (anchors), low);
  gtk_box_append (GTK_BOX (anchors), high);
  gtk_box_append (GTK_BOX (outer), anchors);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               _("Click a value, or type 0 to 9, or End for 10"));
  gtk_widget_add_css_class (GTK_WIDGET (self), "pain-scale");
  update_description (self);
}

GtkWidget *
unknot_pain_scale_new (void)
{
  return g_object_new (UNKNOT_TYPE_PAIN_SCALE, NULL);
}

/**
 * unknot_pain_scale_get_value:
 *
 * Returns: the chosen score, or %UNKNOT_JOURNAL_PAIN_UNSET
 */
int
unknot_pain_scale_get_value (UnknotPainScale *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_SCALE (self), UNKNOT_JOURNAL_PAIN_UNSET);

  return self->value;
}

/**
 * unknot_pain_scale_set_value:
 * @value: 0 to 10, or %UNKNOT_JOURNAL_PAIN_UNSET (any other value unsets too)
 */
void
unknot_pain_scale_set_value (UnknotPainScale *self,
                             int              value)
{
  g_return_if_fail (UNKNOT_IS_PAIN_SCALE (self));

  if (value < 0 || value > UNKNOT_JOURNAL_PAIN_MAX)
    value = UNKNOT_JOURNAL_PAIN_UNSET;

  if (self->value == value)
    return;

  self->value = value;
  self->updating = TRUE;
  for (int i = 0; i < N_VALUES; i++)
    gtk_toggle_button_set_active (self->buttons[i], i == value);
  self->updating = FALSE;

  update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

gboolean
unknot_pain_scale_get_optional (UnknotPainScale *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_SCALE (self), FALSE);

  return self->optional;
}

void
unknot_pain_scale_set_optional (UnknotPainScale *self,
                                gboolean         optional)
{
  g_return_if_fail (UNKNOT_IS_PAIN_SCALE (self));

  optional = !!optional;
  if (self->optional == optional)
    return;

  self->optional = optional;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPTIONAL]);
}

/**
 * unknot_pain_scale_get_button:
 * @value: 0 to 10
 *
 * Returns: (transfer none): the button that chooses @value
 */
GtkWidget *
unknot_pain_scale_get_button (UnknotPainScale *self,
                              int              value)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_SCALE (self), NULL);
  g_return_val_if_fail (value >= 0 && value <= UNKNOT_JOURNAL_PAIN_MAX, NULL);

  return GTK_WIDGET (self->buttons[value]);
}
