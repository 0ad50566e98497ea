/* unknot-journal-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "catalog/unknot-catalog.h"
#include "unknot-journal.h"
#include "unknot-journal-filter.h"

G_BEGIN_DECLS

void      unknot_journal_report_run              (GtkWindow                 *parent,
                                                  UnknotJournal             *journal,
                                                  UnknotCatalog             *catalog);
gboolean  unknot_journal_report_export_pdf       (UnknotJournal             *journal,
                                                  UnknotCatalog             *catalog,
                                                  const UnknotJournalFilter *range,
                                                  GFile                     *pdf,
                                                  GError                   **error);
/* @paper_name: a GtkPaperSize name (GTK_PAPER_NAME_A4, GTK_PAPER_NAME_LETTER), or
 * %NULL for the locale's default paper. @n_pages: (out) (optional): the pages made. */
gboolean  unknot_journal_report_export_pdf_full  (UnknotJournal             *journal,
                                                  UnknotCatalog             *catalog,
                                                  const UnknotJournalFilter *range,
                                                  const char                *paper_name,
                                                  GFile                     *pdf,
                                                  guint                     *n_pages,
                                                  GError                   **error);

G_END_DECLS
