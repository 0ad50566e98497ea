/* unknot-routine-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The changes a person makes to their own routine, from whichever page: each one is
 * saved at once, and a toast on the page's window says what happened (a removal can be
 * undone from it) or why it could not be saved. The pages that show the routine follow
 * the store by themselves.
 */

#define G_LOG_DOMAIN "unknot-routine-edit"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "unknot-routine-edit.h"

typedef struct
{
  UnknotRoutineStore *store;
  char               *technique_id;
  guint               position;
} Removal;

static void
removal_free (gpointer data,
              GClosure *closure)
{
  Removal *removal = data;

  g_object_unref (removal->store);
  g_free (removal->technique_id);
  g_free (removal);
}

static void
add_toast (GtkWidget *from,
           AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (from, ADW_TYPE_TOAST_OVERLAY);

  g_object_ref_sink (toast);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));
  g_object_unref (toast);
}

/* Saves the routine, or says in a toast why it could not. */
static gboolean
save (GtkWidget          *from,
      UnknotRoutineStore *store)
{
  g_autoptr(GError) error = NULL;

  if (unknot_routine_store_save (store, &error))
    return TRUE;

  add_toast (from, adw_toast_new (error->message));
  return FALSE;
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    Removal  *removal)
{
  unknot_routine_store_insert (removal->store, removal->technique_id, removal->position);
  save (GTK_WIDGET (g_object_get_data (G_OBJECT (toast), "unknot-from")), removal->store);
}

/**
 * unknot_routine_edit_remove:
 * @from: the widget the person acted on; the toast goes on its window
 *
 * Takes a technique out of the routine, with Undo on the toast.
 *
 * Returns: whether the technique was in the routine
 */
gboolean
unknot_routine_edit_remove (GtkWidget          *from,
                            UnknotRoutineStore *store,
                            const char         *technique_id)
{
  GtkWidget *overlay;
  Removal *removal;
  AdwToast *toast;
  int position;

  g_return_val_if_fail (GTK_IS_WIDGET (from), FALSE);
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_STORE (store), FALSE);

  /* The toast outlives the page it came from, so Undo works from the window. */
  overlay = gtk_widget_get_ancestor (from, ADW_TYPE_TOAST_OVERLAY);
  position = unknot_routine_store_remove (store, technique_id);
  if (position < 0)
    return FALSE;
  if (!save (from, store))
    return TRUE;

  toast = adw_toast_new (_("Removed from your routine"));
  adw_toast_set_button_label (toast, _("_Undo"));
  removal = g_new0 (Removal, 1);
  removal->store = g_object_ref (store);
  removal->technique_id = g_strdup (technique_id);
  removal->position = (guint) position;
  g_object_set_data (G_OBJECT (toast), "unknot-from", overlay ? overlay : from);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb),
                         removal, removal_free, 0);
  add_toast (from, toast);

  return TRUE;
}

/**
 * unknot_routine_edit_toggle:
 *
 * Adds the technique to the end of the routine, or takes it out.
 *
 * Returns: whether the technique is in the routine now
 */
gboolean
unknot_routine_edit_toggle (GtkWidget          *from,
                            UnknotRoutineStore *store,
                            const char         *technique_id)
{
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WIDGET (from), FALSE);
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_STORE (store), FALSE);

  if (unknot_routine_store_contains (store, technique_id))
    {
      unknot_routine_edit_remove (from, store, technique_id);
      return FALSE;
    }

  unknot_routine_store_add (store, technique_id);
  if (save (from, store))
    {
      toast = adw_toast_new (_("Added to your routine"));
      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.show-my-routine");
      add_toast (from, toast);
    }

  return TRUE;
}

/**
 * unknot_routine_edit_move:
 * @offset: -1 for one place earlier, 1 for one place later
 *
 * Returns: whether the technique moved
 */
gboolean
unknot_routine_edit_move (GtkWidget          *from,
                          UnknotRoutineStore *store,
                          const char         *technique_id,
                          int                 offset)
{
  g_return_val_if_fail (GTK_IS_WIDGET (from), FALSE);
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_STORE (store), FALSE);

  if (offset != -1 && offset != 1)
    return FALSE;
  if (!unknot_routine_store_move (store, technique_id, offset))
    return FALSE;

  save (from, store);
  return TRUE;
}

typedef struct
{
  UnknotRoutineStore *store;
  GStrv               techniques;
} Replacement;

static void
replacement_free (gpointer data,
                  GClosure *closure)
{
  Replacement *replacement = data;

  g_object_unref (replacement->store);
  g_strfreev (replacement->techniques);
  g_free (replacement);
}

/* Makes the routine hold @techniques, in their order. */
static void
set_techniques (UnknotRoutineStore *store,
                const char * const *techniques)
{
  g_auto(GStrv) old = g_strdupv ((char **) unknot_routine_store_get_techniques (store));

  for (guint i = 0; old[i] != NULL; i++)
    if (!g_strv_contains (techniques, old[i]))
      unknot_routine_store_remove (store, old[i]);
  for (guint i = 0; techniques[i] != NULL; i++)
    {
      unknot_routine_store_remove (store, techniques[i]);
      unknot_routine_store_insert (store, techniques[i], i);
    }
}

static void
on_undo_replace_clicked_cb (AdwToast    *toast,
                            Replacement *replacement)
{
  set_techniques (replacement->store, (const char * const *) replacement->techniques);
  save (GTK_WIDGET (g_object_get_data (G_OBJECT (toast), "unknot-from")), replacement->store);
}

/**
 * unknot_routine_edit_replace:
 * @from: the widget the person acted on; the toast goes on its window
 * @techniques: the techniques the routine is to hold, in order
 *
 * Makes the routine hold @techniques and nothing else (a routine made from what
 * helped), with Undo on the toast to bring the old routine back.
 *
 * Returns: whether it was saved
 */
gboolean
unknot_routine_edit_replace (GtkWidget          *from,
                             UnknotRoutineStore *store,
                             const char * const *techniques)
{
  GtkWidget *overlay;
  Replacement *replacement;
  AdwToast *toast;
  GStrv old;

  g_return_val_if_fail (GTK_IS_WIDGET (from), FALSE);
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_STORE (store), FALSE);
  g_return_val_if_fail (techniques != NULL, FALSE);

  overlay = gtk_widget_get_ancestor (from, ADW_TYPE_TOAST_OVERLAY);
  old = g_strdupv ((char **) unknot_routine_store_get_techniques (store));
  set_techniques (store, techniques);
  if (!save (from, store))
    {
      g_strfreev (old);
      return FALSE;
    }

  toast = adw_toast_new (_("Your routine now holds what helped you most"));
  adw_toast_set_button_label (toast, _("_Undo"));
  /* A whole routine replaced: longer than a removal's to take back. */
  adw_toast_set_timeout (toast, 10);
  replacement = g_new0 (Replacement, 1);
  replacement->store = g_object_ref (store);
  replacement->techniques = old;
  g_object_set_data (G_OBJECT (toast), "unknot-from", overlay ? overlay : from);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_replace_clicked_cb),
                         replacement, replacement_free, 0);
  add_toast (from, toast);

  return TRUE;
}
