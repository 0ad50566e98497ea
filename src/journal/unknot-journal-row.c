/* unknot-journal-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One entry in the journal's list: the regions by name (and a warning sign when red
 * flags were noted), the time and the technique, pain before → after with a pill
 * that shows the change in colour, and a button that deletes it. The row knows the
 * catalogue only for names; the list item around it is what a person activates.
 *
 * A list view makes some 200 rows however long the journal is, so the row is built
 * in code, without a template to parse, from as few widgets as it needs.
 */

#define G_LOG_DOMAIN "unknot-journal-row"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-journal-row.h"

struct _UnknotJournalRow
{
  GtkWidget           parent_instance;

  UnknotCatalog      *catalog;
  UnknotJournalEntry *entry;

  GtkWidget          *flag_icon;
  GtkLabel           *regions_label;
  GtkLabel           *detail_label;
  GtkLabel           *pain_label;
  GtkLabel           *change_label;
  GtkWidget          *delete_button;
};

G_DEFINE_FINAL_TYPE (UnknotJournalRow, unknot_journal_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_time (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  /* Translators: the time of a journal entry; see g_date_time_format() */
  return g_date_time_format (local, C_("journal entry time", "%H:%M"));
}

static char *
format_day_and_time (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  /* Translators: the day and time of a journal entry; see g_date_time_format() */
  return g_date_time_format (local, C_("journal entry day and time", "%A %-e %B %Y, %H:%M"));
}

static const char *
technique_title (UnknotJournalRow *self)
{
  const char *id = unknot_journal_entry_get_technique_id (self->entry);
  UnknotTechnique *technique = NULL;

  if (id == NULL)
    return NULL;
  if (self->catalog != NULL)
    technique = unknot_catalog_lookup_technique (self->catalog, id);
  return technique ? unknot_technique_get_title (technique) : id;
}

static void
update (UnknotJournalRow *self)
{
  g_autofree char *regions = NULL;
  g_autofree char *time = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *pain = NULL;
  g_autofree char *when = NULL;
  g_autofree char *delete_name = NULL;
  const char *technique;
  int before, after;

  gtk_widget_remove_css_class (GTK_WIDGET (self->change_label), "better");
  gtk_widget_remove_css_class (GTK_WIDGET (self->change_label), "worse");
  gtk_widget_remove_css_class (GTK_WIDGET (self->change_label), "same");

  if (self->entry == NULL)
    return;

  regions = unknot_journal_format_regions (self->catalog, unknot_journal_entry_get_regions (self->entry));
  time = format_time (unknot_journal_entry_get_when (self->entry));
  pain = unknot_journal_format_pain (self->entry);
  technique = technique_title (self);

  /* Translators: a journal entry's time, then its technique ("Pain only" when none) */
  detail = g_strdup_printf (C_("journal entry detail", "%s · %s"), time, technique ? technique : _("Pain only"));
  gtk_label_set_label (self->regions_label, regions);
  gtk_label_set_label (self->detail_label, detail);
  gtk_label_set_label (self->pain_label, pain);

  before = unknot_journal_entry_get_pain_before (self->entry);
  after = unknot_journal_entry_get_pain_after (self->entry);
  gtk_widget_set_visible (GTK_WIDGET (self->change_label), after != UNKNOT_JOURNAL_PAIN_UNSET);
  if (after != UNKNOT_JOURNAL_PAIN_UNSET)
    {
      g_autofree char *change = NULL;

      if (after < before)
        {
          /* Translators: pain went down by this much; the sign is a minus (U+2212) */
          change = g_strdup_printf (C_("pain change", "−%d"), before - after);
          gtk_widget_add_css_class (GTK_WIDGET (self->change_label), "better");
        }
      else if (after > before)
        {
          /* Translators: pain went up by this much */
          change = g_strdup_printf (C_("pain change", "+%d"), after - before);
          gtk_widget_add_css_class (GTK_WIDGET (self->change_label), "worse");
        }
      else
        {
          /* Translators: pain stayed the same */
          change = g_strdup (C_("pain change", "±0"));
          gtk_widget_add_css_class (GTK_WIDGET (self->change_label), "same");
        }
      gtk_label_set_label (self->change_label, change);
    }

  gtk_widget_set_visible (self->flag_icon, unknot_journal_entry_has_red_flags (self->entry));

  when = format_day_and_time (unknot_journal_entry_get_when (self->entry));
  /* Translators: the delete button of a journal entry; %s is its day and time */
  delete_name = g_strdup_printf (_("Delete entry from %s"), when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_name,
                                  -1);
  /* The target first: an action that takes an id is never named without one. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "s",
                                    unknot_journal_entry_get_id (self->entry));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "journal.delete-entry");
}

static void
unknot_journal_row_dispose (GObject *object)
{
  UnknotJournalRow *self = UNKNOT_JOURNAL_ROW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->catalog);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (unknot_journal_row_parent_class)->dispose (object);
}

static void
unknot_journal_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  UnknotJournalRow *self = UNKNOT_JOURNAL_ROW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_journal_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  UnknotJournalRow *self = UNKNOT_JOURNAL_ROW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_ENTRY:
      unknot_journal_row_set_entry (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_journal_row_class_init (UnknotJournalRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_journal_row_dispose;
  object_class->get_property = unknot_journal_row_get_property;
  object_class->set_property = unknot_journal_row_set_property;

  /**
   * UnknotJournalRow:catalog:
   *
   * Where the names of regions and techniques come from; without it, their ids show.
   */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, UNKNOT_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, UNKNOT_TYPE_JOURNAL_ENTRY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "journalrow");
}

static GtkLabel *
add_label (GtkWidget  *box,
           const char *css_class,
           float       xalign,
           gboolean    wrap)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", xalign,
                                   "wrap", wrap,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "css-classes", (const char *[]) { css_class, NULL },
                                   NULL);

  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

/* ⚠ | regions, time · technique | pain, change | delete */
static void
unknot_journal_row_init (UnknotJournalRow *self)
{
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *pain = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);

  self->flag_icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "dialog-warning-symbolic",
                                  "tooltip-text", _("Warning signs noted"),
                                  "valign", GTK_ALIGN_CENTER,
                                  "visible", FALSE,
                                  "css-classes", (const char *[]) { "journal-flag", NULL },
                                  NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->flag_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning signs noted"),
                                  -1);
  gtk_widget_set_name (self->flag_icon, "red-flags");
  gtk_widget_set_parent (self->flag_icon, GTK_WIDGET (self));

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (text, GTK_WIDGET (self));
  self->regions_label = add_label (text, "journal-regions", 0, TRUE);
  /* One line: wrapping labels cost twice as much to lay out (the region names still
   * wrap, and the list item's accessible name has it all). */
  self->detail_label = add_label (text, "journal-detail", 0, FALSE);
  gtk_label_set_ellipsize (self->detail_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "caption");

  gtk_widget_set_valign (pain, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (pain, GTK_WIDGET (self));
  self->pain_label = add_label (pain, "journal-pain", 1, FALSE);
  self->change_label = add_label (pain, "journal-change", 0.5, FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self->change_label), GTK_ALIGN_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->change_label), "caption");

  self->delete_button = g_object_new (GTK_TYPE_BUTTON,
                                      "icon-name", "user-trash-symbolic",
                                      "tooltip-text", _("Delete"),
                                      "valign", GTK_ALIGN_CENTER,
                                      "css-classes", (const char *[]) { "flat", "circular", NULL },
                                      NULL);
  gtk_widget_set_name (self->delete_button, "delete-entry");
  gtk_widget_set_parent (self->delete_button, GTK_WIDGET (self));
}

/**
 * unknot_journal_row_new:
 * @catalog: (nullable): for the names of regions and techniques
 */
GtkWidget *
unknot_journal_row_new (UnknotCatalog *catalog)
{
  return g_object_new (UNKNOT_TYPE_JOURNAL_ROW, "catalog", catalog, NULL);
}

/**
 * unknot_journal_row_get_entry:
 *
 * Returns: (transfer none) (nullable): the entry shown
 */
UnknotJournalEntry *
unknot_journal_row_get_entry (UnknotJournalRow *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ROW (self), NULL);
  return self->entry;
}

void
unknot_journal_row_set_entry (UnknotJournalRow   *self,
                              UnknotJournalEntry *entry)
{
  g_return_if_fail (UNKNOT_IS_JOURNAL_ROW (self));
  g_return_if_fail (entry == NULL || UNKNOT_IS_JOURNAL_ENTRY (entry));

  if (!g_set_object (&self->entry, entry))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}

/**
 * unknot_journal_row_describe:
 *
 * Returns: (transfer full): what the row shows, as one sentence for a screen reader
 */
char *
unknot_journal_row_describe (UnknotJournalRow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *regions = NULL;
  g_autofree char *time = NULL;
  const char *technique;
  int before, after;

  g_return_val_if_fail (UNKNOT_IS_JOURNAL_ROW (self), NULL);

  if (self->entry == NULL)
    return g_strdup ("");

  regions = unknot_journal_format_regions (self->catalog, unknot_journal_entry_get_regions (self->entry));
  time = format_time (unknot_journal_entry_get_when (self->entry));
  technique = technique_title (self);
  before = unknot_journal_entry_get_pain_before (self->entry);
  after = unknot_journal_entry_get_pain_after (self->entry);

  g_string_append_printf (text, "%s, %s", time, regions);
  if (technique != NULL)
    g_string_append_printf (text, ", %s", technique);
  if (after == UNKNOT_JOURNAL_PAIN_UNSET)
    /* Translators: part of a journal entry's description for screen readers */
    g_string_append_printf (text, _(", pain %d"), before);
  else
    /* Translators: part of a journal entry's description for screen readers */
    g_string_append_printf (text, _(", pain %d before and %d after"), before, after);
  if (unknot_journal_entry_has_red_flags (self->entry))
    g_string_append_printf (text, ", %s", _("warning signs noted"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * unknot_journal_format_regions:
 * @catalog: (nullable): for the regions' names
 *
 * Returns: (transfer full): the regions by name, as a list
 */
char *
unknot_journal_format_regions (UnknotCatalog      *catalog,
                               const char * const *region_ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; region_ids != NULL && region_ids[i] != NULL; i++)
    {
      UnknotRegion *region = catalog ? unknot_catalog_lookup_region (catalog, region_ids[i]) : NULL;

      if (i > 0)
        /* Translators: between the names of regions in a list */
        g_string_append (text, _(", "));
      g_string_append (text, region ? unknot_region_get_title (region) : region_ids[i]);
    }

  if (text->len == 0)
    g_string_append (text, _("No region"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * unknot_journal_format_pain:
 *
 * Returns: (transfer full): pain before → after, or only before when after is unset
 */
char *
unknot_journal_format_pain (UnknotJournalEntry *entry)
{
  int before = unknot_journal_entry_get_pain_before (entry);
  int after = unknot_journal_entry_get_pain_after (entry);

  if (after == UNKNOT_JOURNAL_PAIN_UNSET)
    return g_strdup_printf ("%d", before);

  /* Translators: pain before → pain after a session */
  return g_strdup_printf (C_("pain before and after", "%d → %d"), before, after);
}
