/* unknot-journal-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal as CSV, and back. An export is one row per entry, oldest first, with a
 * header row: UTF-8, CRLF line endings, RFC 4180 quoting, the ids of several regions,
 * qualities or red flags in one cell separated by ';'. A cell that a spreadsheet
 * would run as a formula (one starting with '=', '+', '-', '@', a tab or a carriage
 * return) is written with a "'" in front; so is a cell that starts with "'" itself,
 * so that the import can take exactly that added quote off again and every cell reads
 * back as it was. The entries are read from the journal a page at a time by their
 * (time, row id) key and written as each page is ready, so a long journal never
 * becomes one string.
 *
 * An import reads the file in a thread and makes an UnknotJournalCsvImport: the
 * entries to add and the rows skipped, each with its line and the reason. Nothing is
 * written until unknot_journal_csv_import_apply_async(), which adds the entries
 * through the journal's own write path in one transaction
 * (unknot_journal_add_many_async ()), so each is checked as any other entry is, and
 * the journal's lists hear of them all at once.
 */

#define G_LOG_DOMAIN "unknot-journal-csv"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-journal-csv.h"
#include "unknot-journal-private.h"

/* Entries read from the journal, and written, at a time. */
#define EXPORT_PAGE_SIZE 500

typedef struct
{
  guint                line;
  UnknotJournalCsvSkip reason;
  char                *message;
} Skipped;

struct _UnknotJournalCsvImport
{
  GObject        parent_instance;

  UnknotJournal *journal;
  GListStore    *entries;
  GArray        *lines;    /* the line each entry starts on, in the file */
  GArray        *skipped;  /* Skipped, by line */
  gboolean       applying;
  gboolean       applied;
};

G_DEFINE_FINAL_TYPE (UnknotJournalCsvImport, unknot_journal_csv_import, G_TYPE_OBJECT)

enum {
  COLUMN_ID,
  COLUMN_WHEN,
  COLUMN_REGIONS,
  COLUMN_PAIN_BEFORE,
  COLUMN_PAIN_AFTER,
  COLUMN_TECHNIQUE,
  COLUMN_TOOL,
  COLUMN_SECONDS,
  COLUMN_OCCASION,
  COLUMN_QUALITIES,
  COLUMN_RED_FLAGS,
  COLUMN_NOTES,
  COLUMN_CREATED,
  COLUMN_MODIFIED,
  N_COLUMNS
};

static const char * const columns[] = {
  "id",
  "when",
  "regions",
  "pain_before",
  "pain_after",
  "technique",
  "tool",
  "seconds",
  "occasion",
  "qualities",
  "red_flags",
  "notes",
  "created",
  "modified",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == N_COLUMNS + 1);

/* ------------------------------------------------------------------------------------
 * Writing
 */

static gboolean
is_guarded_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'';
}

static void
append_cell (GString    *out,
             const char *text)
{
  gboolean guard;

  if (text == NULL || *text == '\0')
    return;

  guard = is_guarded_start (text[0]);

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      if (guard)
        g_string_append_c (out, '\'');
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* @value (0 or more, below 10^width) in @width digits, with leading zeros, as
 * printf ()'s %0*d writes it. Returns: the end */
static char *
append_digits (char *p,
               int   value,
               int   width)
{
  for (int i = width - 1; i >= 0; i--)
    {
      p[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  return p + width;
}

/* ISO 8601 with the offset as ±hh:mm (or Z), and microseconds when there are any:
 * what GDateTime reads back exactly, and what spreadsheets read. Made from the
 * numbers the journal stores, without a GDateTime or a GTimeZone for each row (the
 * civil date from a day count is Howard Hinnant's days_from_civil, inverted). */
static void
append_time (GString *out,
             gint64   usec,
             gint32   offset)
{
  gint64 local = usec + (gint64) offset * G_USEC_PER_SEC;
  gint64 days = local / G_TIME_SPAN_DAY;
  gint64 in_day = local % G_TIME_SPAN_DAY;
  gint64 era, doe, yoe, doy, mp, year, month, day;
  gint64 offset_minutes = offset / 60;
  int microsecond;
  int second;

  if (in_day < 0)
    {
      in_day += G_TIME_SPAN_DAY;
      days--;
    }

  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  doe = days - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = yoe + era * 400 + (month <= 2);

  second = (int) (in_day / G_USEC_PER_SEC);
  microsecond = (int) (in_day % G_USEC_PER_SEC);

  /* Three of these a row: written digit by digit, which printf () takes ten times
   * longer over. */
  if (year >= 0 && year <= 9999 && ABS (offset_minutes) < 100 * 60)
    {
      char text[40];
      char *p = text;

      p = append_digits (p, (int) year, 4);
      *p++ = '-';
      p = append_digits (p, (int) month, 2);
      *p++ = '-';
      p = append_digits (p, (int) day, 2);
      *p++ = 'T';
      p = append_digits (p, second / 3600, 2);
      *p++ = ':';
      p = append_digits (p, second / 60 % 60, 2);
      *p++ = ':';
      p = append_digits (p, second % 60, 2);
      if (microsecond != 0)
        {
          *p++ = '.';
          p = append_digits (p, microsecond, 6);
        }
      if (offset_minutes == 0)
        *p++ = 'Z';
      else
        {
          *p++ = offset_minutes < 0 ? '-' : '+';
          p = append_digits (p, (int) (ABS (offset_minutes) / 60), 2);
          *p++ = ':';
          p = append_digits (p, (int) (ABS (offset_minutes) % 60), 2);
        }
      g_string_append_len (out, text, p - text);
      return;
    }

  g_string_append_printf (out, "%04d-%02d-%02dT%02d:%02d:%02d",
                          (int) year, (int) month, (int) day,
                          second / 3600, second / 60 % 60, second % 60);
  if (microsecond != 0)
    g_string_append_printf (out, ".%06d", microsecond);

  if (offset_minutes == 0)
    g_string_append_c (out, 'Z');
  else
    g_string_append_printf (out, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+',
                            (int) (ABS (offset_minutes) / 60), (int) (ABS (offset_minutes) % 60));
}

/* A saved time, in local time as the journal gives it (none when it is 0). */
static void
append_local_time (GString   *out,
                   GTimeZone *local,
                   gint64     usec)
{
  gint64 seconds;
  int interval;

  if (usec <= 0)
    return;

  seconds = usec / G_USEC_PER_SEC;
  interval = g_time_zone_find_interval (local, G_TIME_TYPE_UNIVERSAL, seconds);
  append_time (out, usec, interval < 0 ? 0 : g_time_zone_get_offset (local, interval));
}

/* Ids joined by spaces, as the journal's query gives them, joined by ';'. */
static void
append_ids (GString    *out,
            const char *ids)
{
  gsize start = out->len;

  if (ids == NULL)
    return;

  append_cell (out, ids);
  for (gsize i = start; i < out->len; i++)
    {
      if (out->str[i] == ' ')
        out->str[i] = ';';
    }
}

static void
append_header (GString *out)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, columns[i]);
    }
  g_string_append (out, "\r\n");
}

#define COLUMN_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

/* One row of UNKNOT_JOURNAL_ENTRY_COLUMNS (see unknot_journal_db_read_entry()), straight
 * into the file: making an entry of each row would cost four times as long. */
static void
append_row (GString      *out,
            GTimeZone    *local,
            sqlite3_stmt *stmt)
{
  append_cell (out, COLUMN_TEXT (stmt, 1));
  g_string_append_c (out, ',');
  append_time (out, sqlite3_column_int64 (stmt, 2), sqlite3_column_int (stmt, 3));
  g_string_append_c (out, ',');
  append_ids (out, COLUMN_TEXT (stmt, 13));
  g_string_append_printf (out, ",%d,", sqlite3_column_int (stmt, 4));
  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    g_string_append_printf (out, "%d", sqlite3_column_int (stmt, 5));
  g_string_append_c (out, ',');
  append_cell (out, COLUMN_TEXT (stmt, 6));
  g_string_append_c (out, ',');
  append_cell (out, COLUMN_TEXT (stmt, 7));
  g_string_append_printf (out, ",%" G_GINT64_FORMAT ",",
                          (gint64) CLAMP (sqlite3_column_int64 (stmt, 8), 0, G_MAXUINT));
  append_cell (out, COLUMN_TEXT (stmt, 9));
  g_string_append_c (out, ',');
  append_ids (out, COLUMN_TEXT (stmt, 14));
  g_string_append_c (out, ',');
  append_ids (out, COLUMN_TEXT (stmt, 15));
  g_string_append_c (out, ',');
  append_cell (out, COLUMN_TEXT (stmt, 10));
  g_string_append_c (out, ',');
  append_local_time (out, local, sqlite3_column_int64 (stmt, 11));
  g_string_append_c (out, ',');
  append_local_time (out, local, sqlite3_column_int64 (stmt, 12));
  g_string_append (out, "\r\n");
}

/* The entries after a (time, row id) key, oldest first. */
typedef struct
{
  UnknotJournal *journal;
  GOutputStream *stream;
  sqlite3_stmt  *page;
  GString       *buffer;
  GTimeZone     *local;
  gint64         last_when;
  gint64         last_rowid;
  guint          n_written;
  gboolean       header_written;
  gboolean       finished;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->journal);
  g_clear_object (&export->stream);
  g_clear_pointer (&export->page, sqlite3_finalize);
  g_clear_pointer (&export->local, g_time_zone_unref);
  if (export->buffer != NULL)
    g_string_free (export->buffer, TRUE);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static Export *
export_new (UnknotJournal  *journal,
            GOutputStream  *stream,
            GError        **error)
{
  g_autoptr(Export) export = g_new0 (Export, 1);
  sqlite3 *db = unknot_journal_get_read_db (journal);

  if (db == NULL || !unknot_journal_is_open (journal))
    {
      g_set_error_literal (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_FAILED,
                           _("Your journal is not open, so nothing was exported. "
                             "Try again once the journal shows your entries."));
      return NULL;
    }

  if (!unknot_journal_db_prepare (db,
                                  "SELECT " UNKNOT_JOURNAL_ENTRY_COLUMNS " FROM entries AS e"
                                  " WHERE (e.when_us, e.id) > (?1, ?2)"
                                  " ORDER BY e.when_us, e.id LIMIT ?3",
                                  &export->page, error))
    return NULL;

  export->journal = g_object_ref (journal);
  export->stream = g_object_ref (stream);
  export->buffer = g_string_sized_new (EXPORT_PAGE_SIZE * 256);
  export->local = g_time_zone_new_local ();
  export->last_when = G_MININT64;
  export->last_rowid = G_MININT64;

  return g_steal_pointer (&export);
}

/* Formats the next page into the buffer; at the end, sets finished. */
static gboolean
export_fill (Export  *export,
             GError **error)
{
  sqlite3 *db = unknot_journal_get_read_db (export->journal);
  guint n = 0;
  int rc;

  g_string_truncate (export->buffer, 0);

  if (!export->header_written)
    {
      append_header (export->buffer);
      export->header_written = TRUE;
    }

  sqlite3_bind_int64 (export->page, 1, export->last_when);
  sqlite3_bind_int64 (export->page, 2, export->last_rowid);
  sqlite3_bind_int (export->page, 3, EXPORT_PAGE_SIZE);

  while ((rc = sqlite3_step (export->page)) == SQLITE_ROW)
    {
      export->last_rowid = sqlite3_column_int64 (export->page, 0);
      export->last_when = sqlite3_column_int64 (export->page, 2);
      append_row (export->buffer, export->local, export->page);
      n++;
    }
  sqlite3_reset (export->page);

  if (rc != SQLITE_DONE)
    {
      unknot_journal_db_set_error (error, db, rc, UNKNOT_JOURNAL_ACTION_READ, NULL);
      return FALSE;
    }

  export->n_written += n;
  if (n < EXPORT_PAGE_SIZE)
    export->finished = TRUE;

  return TRUE;
}

static void
set_write_error (GError **error,
                 GError  *cause)
{
  g_set_error (error, cause->domain, cause->code,
               _("The file could not be written: %s. Your journal is unchanged; "
                 "choose another place and export again."),
               cause->message);
}

/**
 * unknot_journal_csv_get_columns:
 *
 * Returns: (transfer none): the names in the header row, in order
 */
const char * const *
unknot_journal_csv_get_columns (void)
{
  return columns;
}

/**
 * unknot_journal_csv_export:
 * @n_written: (out) (optional): the number of entries written
 *
 * Writes every entry to @stream, blocking: for tests and tools. The window uses
 * unknot_journal_csv_export_async(). The stream is flushed, not closed.
 */
gboolean
unknot_journal_csv_export (UnknotJournal  *journal,
                           GOutputStream  *stream,
                           guint          *n_written,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autoptr(Export) export = NULL;

  g_return_val_if_fail (UNKNOT_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  export = export_new (journal, stream, error);
  if (export == NULL)
    return FALSE;

  while (!export->finished)
    {
      g_autoptr(GError) local_error = NULL;

      if (!export_fill (export, error))
        return FALSE;

      if (!g_output_stream_write_all (stream, export->buffer->str, export->buffer->len,
                                      NULL, cancellable, &local_error))
        {
          set_write_error (error, local_error);
          return FALSE;
        }
    }

  if (!g_output_stream_flush (stream, cancellable, NULL))
    {
      g_autoptr(GError) local_error = NULL;

      /* flush again for the message: the first error was not kept */
      g_output_stream_flush (stream, cancellable, &local_error);
      if (local_error != NULL)
        {
          set_write_error (error, local_error);
          return FALSE;
        }
    }

  if (n_written != NULL)
    *n_written = export->n_written;

  return TRUE;
}

static void export_step (GTask *task);

static void
on_export_flushed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GError *message = NULL;

  if (!g_output_stream_flush_finish (G_OUTPUT_STREAM (source), result, &error))
    {
      set_write_error (&message, error);
      g_task_return_error (task, message);
      return;
    }

  g_task_return_int (task, export->n_written);
}

static void
on_export_written_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GError *message = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, &error))
    {
      set_write_error (&message, error);
      g_task_return_error (task, message);
      return;
    }

  export_step (g_steal_pointer (&task));
}

/* One page on the main thread (the journal's reading connection lives there), then
 * its writing, asynchronously; the next page once it is written. */
static void
export_step (GTask *task)
{
  Export *export = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  if (export->finished)
    {
      g_output_stream_flush_async (export->stream, G_PRIORITY_DEFAULT, cancellable,
                                   on_export_flushed_cb, task);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  if (!export_fill (export, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  g_output_stream_write_all_async (export->stream, export->buffer->str, export->buffer->len,
                                   G_PRIORITY_DEFAULT, cancellable, on_export_written_cb, task);
}

/**
 * unknot_journal_csv_export_async:
 *
 * Writes every entry to @stream, oldest first, a page at a time, without blocking.
 * The stream is flushed, not closed.
 */
void
unknot_journal_csv_export_async (UnknotJournal       *journal,
                                 GOutputStream       *stream,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Export *export;

  g_return_if_fail (UNKNOT_IS_JOURNAL (journal));
  g_return_if_fail (G_IS_OUTPUT_STREAM (stream));

  task = g_task_new (journal, cancellable, callback, user_data);
  g_task_set_source_tag (task, unknot_journal_csv_export_async);

  export = export_new (journal, stream, &error);
  if (export == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);

  export_step (g_steal_pointer (&task));
}

/**
 * unknot_journal_csv_export_finish:
 * @n_written: (out) (optional): the number of entries written
 */
gboolean
unknot_journal_csv_export_finish (UnknotJournal  *journal,
                                  GAsyncResult   *result,
                                  guint          *n_written,
                                  GError        **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, journal), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == unknot_journal_csv_export_async, FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;

  if (n_written != NULL)
    *n_written = (guint) n;
  return TRUE;
}

/* ------------------------------------------------------------------------------------
 * Reading
 */

typedef enum {
  RECORD_OK,
  RECORD_END,
  RECORD_UNTERMINATED,
  RECORD_BAD_QUOTE,
} RecordStatus;

typedef struct
{
  const char *p;
  const char *end;
  guint       line;     /* of p, from 1 */
} Reader;

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
skip_line (Reader *r)
{
  while (r->p < r->end && *r->p != '\n' && *r->p != '\r')
    r->p++;
  if (r->p < r->end && *r->p == '\r')
    r->p++;
  if (r->p < r->end && *r->p == '\n')
    r->p++;
  r->line++;
}

/* One record into @fields (GString each, as long as the record has fields). A
 * field's bytes are kept as they are: NUL and bad UTF-8 are checked by the caller. */
static RecordStatus
read_record (Reader    *r,
             GPtrArray *fields,
             guint     *n_fields)
{
  *n_fields = 0;

  if (r->p >= r->end)
    return RECORD_END;

  for (;;)
    {
      GString *field;

      if (*n_fields == fields->len)
        g_ptr_array_add (fields, g_string_new (NULL));
      field = g_ptr_array_index (fields, *n_fields);
      g_string_truncate (field, 0);
      (*n_fields)++;

      if (r->p < r->end && *r->p == '"')
        {
          r->p++;
          for (;;)
            {
              const char *start = r->p;
              char c;

              /* The run up to the next quote or line break, in one copy. */
              while (r->p < r->end && *r->p != '"' && *r->p != '\n' && *r->p != '\r')
                r->p++;
              g_string_append_len (field, start, r->p - start);

              if (r->p >= r->end)
                return RECORD_UNTERMINATED;

              c = *r->p++;
              if (c == '"')
                {
                  if (r->p < r->end && *r->p == '"')
                    {
                      g_string_append_c (field, '"');
                      r->p++;
                      continue;
                    }
                  break;
                }

              if (c == '\n' || !(r->p < r->end && *r->p == '\n'))
                r->line++;
              g_string_append_c (field, c);
            }

          if (r->p < r->end && *r->p != ',' && *r->p != '\r' && *r->p != '\n')
            {
              skip_line (r);
              return RECORD_BAD_QUOTE;
            }
        }
      else
        {
          const char *start = r->p;

          while (r->p < r->end && *r->p != ',' && *r->p != '\r' && *r->p != '\n')
            r->p++;
          g_string_append_len (field, start, r->p - start);
        }

      if (r->p >= r->end)
        return RECORD_OK;

      if (*r->p == ',')
        {
          r->p++;
          continue;
        }

      if (*r->p == '\r')
        r->p++;
      if (r->p < r->end && *r->p == '\n')
        r->p++;
      r->line++;
      return RECORD_OK;
    }
}

/* Takes off the quote that the export put in front of a formula-like cell. */
static const char *
unguarded (GString *field)
{
  if (field->len >= 2 && field->str[0] == '\'' && is_guarded_start (field->str[1]))
    return field->str + 1;
  return field->str;
}

static char *
shown (const char *text)
{
  return g_utf8_make_valid (text, MIN (strlen (text), 60));
}

typedef struct
{
  GStrv       known_regions;
  GTimeZone  *local;
  char       *last_time_text;   /* the last time read, as written, */
  GDateTime  *last_time;        /* and what it is: the times saved are often the same */
  GPtrArray  *entries;   /* UnknotJournalEntry */
  GArray     *lines;     /* guint */
  GArray     *skipped;   /* Skipped */
  GHashTable *ids;       /* seen in the file */
} Parse;

static void
skipped_clear (gpointer data)
{
  Skipped *skipped = data;

  g_free (skipped->message);
}

static void
parse_free (Parse *parse)
{
  g_strfreev (parse->known_regions);
  g_clear_pointer (&parse->local, g_time_zone_unref);
  g_free (parse->last_time_text);
  g_clear_pointer (&parse->last_time, g_date_time_unref);
  g_clear_pointer (&parse->entries, g_ptr_array_unref);
  g_clear_pointer (&parse->lines, g_array_unref);
  g_clear_pointer (&parse->skipped, g_array_unref);
  g_clear_pointer (&parse->ids, g_hash_table_unref);
  g_free (parse);
}

static void
skip (Parse                *parse,
      guint                 line,
      UnknotJournalCsvSkip  reason,
      char                 *message)
{
  Skipped skipped = { line, reason, message };

  g_array_append_val (parse->skipped, skipped);
}

/* The ids between semicolons, each without the spaces around it, the empty ones
 * left out; in one pass, as most cells hold none or one. */
static GStrv
split_ids (const char *text)
{
  guint n_parts = 1;
  guint n = 0;
  GStrv ids;

  for (const char *p = text; *p != '\0'; p++)
    n_parts += *p == ';';
  ids = g_new (char *, n_parts + 1);

  for (const char *p = text;;)
    {
      const char *end = strchr (p, ';');
      const char *stop = end != NULL ? end : p + strlen (p);
      const char *start = p;

      while (start < stop && g_ascii_isspace (*start))
        start++;
      while (stop > start && g_ascii_isspace (stop[-1]))
        stop--;
      if (stop > start)
        ids[n++] = g_strndup (start, stop - start);

      if (end == NULL)
        break;
      p = end + 1;
    }
  ids[n] = NULL;

  return ids;
}

static gboolean
parse_time (Parse       *parse,
            const char  *text,
            gboolean     required,
            GDateTime  **out)
{
  *out = NULL;
  if (*text == '\0')
    return !required;

  if (parse->last_time != NULL && strcmp (text, parse->last_time_text) == 0)
    {
      *out = g_date_time_ref (parse->last_time);
      return TRUE;
    }

  *out = g_date_time_new_from_iso8601 (text, parse->local);
  if (*out != NULL)
    {
      g_free (parse->last_time_text);
      parse->last_time_text = g_strdup (text);
      g_clear_pointer (&parse->last_time, g_date_time_unref);
      parse->last_time = g_date_time_ref (*out);
    }
  return *out != NULL;
}

static gboolean
parse_pain (const char *text,
            gboolean    required,
            int        *out)
{
  gint64 value;

  *out = UNKNOT_JOURNAL_PAIN_UNSET;
  if (*text == '\0')
    return !required;

  if (!g_ascii_string_to_signed (text, 10, 0, UNKNOT_JOURNAL_PAIN_MAX, &value, NULL))
    return FALSE;

  *out = (int) value;
  return TRUE;
}

/* One row, all fields valid UTF-8 and NUL-free, into an entry or a skipped row. */
static void
parse_row (Parse      *parse,
           guint       line,
           GPtrArray  *fields)
{
  const char *cell[N_COLUMNS];
  g_autoptr(UnknotJournalEntry) entry = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_auto(GStrv) regions = NULL;
  g_auto(GStrv) qualities = NULL;
  g_auto(GStrv) red_flags = NULL;
  g_autoptr(GError) error = NULL;
  int pain_before;
  int pain_after;
  guint64 seconds = 0;

  for (guint i = 0; i < N_COLUMNS; i++)
    cell[i] = unguarded (g_ptr_array_index (fields, i));

  if (cell[COLUMN_ID][0] != '\0' && !g_uuid_string_is_valid (cell[COLUMN_ID]))
    {
      g_autofree char *text = shown (cell[COLUMN_ID]);

      skip (parse, line, UNKNOT_JOURNAL_CSV_SKIP_MALFORMED,
            g_strdup_printf (_("“%s” is not an entry’s id."), text));
      return;
    }

  if (!parse_time (parse, cell[COLUMN_WHEN], TRUE, &when))
    {
      g_autofree char *text = shown (cell[COLUMN_WHEN]);

      skip (parse, line, UNKNOT_JOURNAL_CSV_SKIP_BAD_DATE,
            g_strdup_printf (_("“%s” is not a date and time such as 2025-03-14T18:30:00+01:00."), text));
      return;
    }

  if (!parse_time (parse, cell[COLUMN_CREATED], FALSE, &created) ||
      !parse_time (parse, cell[COLUMN_MODIFIED], FALSE, &modified))
    {
      g_autofree char *text = shown (created == NULL ? cell[COLUMN_CREATED] : cell[COLUMN_MODIFIED]);

      skip (parse, line, UNKNOT_JOURNAL_CSV_SKIP_BAD_DATE,
            g_strdup_printf (_("“%s” is not a date and time such as 2025-03-14T18:30:00+01:00."), text));
      return;
    }

  if (!parse_pain (cell[COLUMN_PAIN_BEFORE], TRUE, &pain_before))
    {
      g_autofree char *text = shown (cell[COLUMN_PAIN_BEFORE]);

      skip (parse, line, UNKNOT_JOURNAL_CSV_SKIP_PAIN,
            g_strdup_printf (_("Pain before must be a number from 0 to 10, not “%s”."), text));
      return;
    }

  if (!parse_pain (cell[COLUMN_PAIN_AFTER], FALSE, &pain_after))
    {
      g_autofree char *text = shown (cell[COLUMN_PAIN_AFTER]);

      skip (parse, line, UNKNOT_JOURNAL_CSV_SKIP_PAIN,
            g_strdup_printf (_("Pain after must be empty or a number from 0 to 10, not “%s”."), text));
      return;
    }

  regions = split_ids (cell[COLUMN_REGIONS]);
  if (regions[0] == NULL)
    {
      skip (parse, line, UNKNOT_JOURNAL_CSV_SKIP_UNKNOWN_REGION,
            g_strdup (_("No area of the body is given.")));
      return;
    }
  for (guint i = 0; regions[i] != NULL; i++)
    {
      if (!unknot_journal_is_valid_region_id (regions[i]) ||
          (parse->known_regions != NULL &&
           !g_strv_contains ((const char * const *) parse->known_regions, regions[i])))
        {
          g_autofree char *text = shown (regions[i]);

          skip (parse, line, UNKNOT_JOURNAL_CSV_SKIP_UNKNOWN_REGION,
                g_strdup_printf (_("“%s” is not an area of the body map."), text));
          return;
        }
    }

  if (cell[COLUMN_SECONDS][0] != '\0' &&
      !g_ascii_string_to_unsigned (cell[COLUMN_SECONDS], 10, 0, UNKNOT_JOURNAL_MAX_SECONDS,
                                   &seconds, NULL))
    {
      g_autofree char *text = shown (cell[COLUMN_SECONDS]);

      skip (parse, line, UNKNOT_JOURNAL_CSV_SKIP_INVALID,
            g_strdup_printf (_("The time spent must be a number of seconds less than a day, not “%s”."),
                             text));
      return;
    }

  qualities = split_ids (cell[COLUMN_QUALITIES]);
  red_flags = split_ids (cell[COLUMN_RED_FLAGS]);

  entry = cell[COLUMN_ID][0] != '\0' ? unknot_journal_entry_new_with_id (cell[COLUMN_ID])
                                     : unknot_journal_entry_new ();
  unknot_journal_entry_set_when (entry, when);
  unknot_journal_entry_set_regions (entry, (const char * const *) regions);
  unknot_journal_entry_set_pain_before (entry, pain_before);
  unknot_journal_entry_set_pain_after (entry, pain_after);
  unknot_journal_entry_set_technique_id (entry, cell[COLUMN_TECHNIQUE][0] ? cell[COLUMN_TECHNIQUE] : NULL);
  unknot_journal_entry_set_tool_id (entry, cell[COLUMN_TOOL][0] ? cell[COLUMN_TOOL] : NULL);
  unknot_journal_entry_set_seconds (entry, (guint) seconds);
  unknot_journal_entry_set_occasion (entry, cell[COLUMN_OCCASION][0] ? cell[COLUMN_OCCASION] : NULL);
  unknot_journal_entry_set_qualities (entry, (const char * const *) qualities);
  unknot_journal_entry_set_red_flags (entry, (const char * const *) red_flags);
  unknot_journal_entry_set_notes (entry, cell[COLUMN_NOTES]);
  unknot_journal_entry_set_saved_times (entry, created, modified);

  if (!unknot_journal_entry_validate (entry, (const char * const *) parse->known_regions, &error))
    {
      skip (parse, line, UNKNOT_JOURNAL_CSV_SKIP_INVALID, g_strdup (error->message));
      return;
    }

  if (!g_hash_table_add (parse->ids, g_strdup (unknot_journal_entry_get_id (entry))))
    {
      skip (parse, line, UNKNOT_JOURNAL_CSV_SKIP_DUPLICATE,
            g_strdup (_("This entry is in the file more than once; only its first row is added.")));
      return;
    }

  g_ptr_array_add (parse->entries, g_steal_pointer (&entry));
  g_array_append_val (parse->lines, line);
}

static gboolean
parse_bytes (Parse       *parse,
             const char  *data,
             gsize        length,
             GError     **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (string_free);
  Reader r = { data, data + length, 1 };
  RecordStatus status;
  guint n_fields;
  gboolean header = TRUE;
  /* Text that is valid as a whole (without NUL) is valid in each field: checked once
   * for the file, and field by field only when it is not. */
  gboolean all_valid = g_utf8_validate_len (data, length, NULL);

  /* A byte order mark, as spreadsheets write. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    r.p += 3;

  for (;;)
    {
      guint line = r.line;
      gboolean bad_text = FALSE;

      status = read_record (&r, fields, &n_fields);
      if (status == RECORD_END)
        break;

      if (header)
        {
          gboolean matches = status == RECORD_OK && n_fields == N_COLUMNS;

          for (guint i = 0; matches && i < N_COLUMNS; i++)
            matches = g_str_equal (((GString *) g_ptr_array_index (fields, i))->str, columns[i]);

          if (!matches)
            {
              g_set_error_literal (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_INVALID,
                                   _("This file is not a journal exported by Unknot: its first line "
                                     "does not name the columns Unknot writes. Nothing was imported."));
              return FALSE;
            }
          header = FALSE;
          continue;
        }

      if (status == RECORD_UNTERMINATED)
        {
          skip (parse, line, UNKNOT_JOURNAL_CSV_SKIP_MALFORMED,
                g_strdup (_("A quoted value starts here and is never closed, so the rest of "
                            "the file cannot be read.")));
          break;
        }

      if (status == RECORD_BAD_QUOTE)
        {
          skip (parse, line, UNKNOT_JOURNAL_CSV_SKIP_MALFORMED,
                g_strdup (_("A quoted value is followed by more text before the next comma.")));
          continue;
        }

      /* A blank line, as at the end of a file edited by hand. */
      if (n_fields == 1 && ((GString *) g_ptr_array_index (fields, 0))->len == 0)
        continue;

      if (n_fields != N_COLUMNS)
        {
          skip (parse, line, UNKNOT_JOURNAL_CSV_SKIP_MALFORMED,
                g_strdup_printf (_("This row has %u values instead of %u."), n_fields, N_COLUMNS));
          continue;
        }

      for (guint i = 0; !all_valid && !bad_text && i < N_COLUMNS; i++)
        {
          GString *field = g_ptr_array_index (fields, i);

          bad_text = !g_utf8_validate_len (field->str, field->len, NULL);
        }
      if (bad_text)
        {
          skip (parse, line, UNKNOT_JOURNAL_CSV_SKIP_MALFORMED,
                g_strdup (_("This row has characters that are not UTF-8 text.")));
          continue;
        }

      parse_row (parse, line, fields);
    }

  if (header)
    {
      g_set_error_literal (error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_INVALID,
                           _("This file is empty. Nothing was imported."));
      return FALSE;
    }

  return TRUE;
}

static void
read_in_thread_cb (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Parse *parse = task_data;
  GInputStream *stream = g_object_get_data (G_OBJECT (task), "stream");
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  if (g_output_stream_splice (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              cancellable, &error) < 0)
    {
      g_task_return_new_error (task, error->domain, error->code,
                               _("The file could not be read: %s. Nothing was imported."),
                               error->message);
      return;
    }

  if (!parse_bytes (parse,
                    g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)),
                    &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static int
compare_skipped (gconstpointer a,
                 gconstpointer b)
{
  const Skipped *sa = a;
  const Skipped *sb = b;

  return (sa->line > sb->line) - (sa->line < sb->line);
}

/* Every id in the journal, when it holds no more than @n_rows entries (else @ids
 * stays %NULL); an empty one gives an empty set. */
static int
read_journal_ids (sqlite3     *db,
                  guint        n_rows,
                  GHashTable **ids)
{
  g_autoptr(sqlite3_stmt) count = NULL;
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(GHashTable) set = NULL;
  int rc;

  *ids = NULL;
  rc = sqlite3_prepare_v2 (db, "SELECT count(*) FROM entries", -1, &count, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (count);
  if (rc != SQLITE_ROW)
    return rc;
  if (sqlite3_column_int64 (count, 0) > n_rows)
    return SQLITE_OK;

  set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rc = sqlite3_prepare_v2 (db, "SELECT uuid FROM entries", -1, &select, NULL);
  if (rc != SQLITE_OK)
    return rc;
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    g_hash_table_add (set, g_strdup ((const char *) sqlite3_column_text (select, 0)));
  if (rc != SQLITE_DONE)
    return rc;

  *ids = g_steal_pointer (&set);
  return SQLITE_OK;
}

/* Back on the main thread, where the journal's reading connection is: the ids
 * already in the journal are skipped too. */
static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UnknotJournal *journal = g_task_get_source_object (task);
  Parse *parse = g_task_get_task_data (G_TASK (result));
  g_autoptr(UnknotJournalCsvImport) import = NULL;
  g_autoptr(sqlite3_stmt) exists = NULL;
  g_autoptr(GHashTable) journal_ids = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  int rc;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  db = unknot_journal_get_read_db (journal);
  if (db == NULL ||
      !unknot_journal_db_prepare (db, "SELECT 1 FROM entries WHERE uuid = ?1", &exists, &error))
    {
      if (error == NULL)
        g_set_error_literal (&error, UNKNOT_JOURNAL_ERROR, UNKNOT_JOURNAL_ERROR_FAILED,
                             _("Your journal is not open, so nothing was imported. "
                               "Try again once the journal shows your entries."));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  import = g_object_new (UNKNOT_TYPE_JOURNAL_CSV_IMPORT, NULL);
  import->journal = g_object_ref (journal);
  g_array_append_vals (import->skipped, parse->skipped->data, parse->skipped->len);
  /* The messages belong to the import now. */
  g_array_set_clear_func (parse->skipped, NULL);

  /* A journal with no more entries than the file: its ids, read once, rather than
   * a look-up for each row. */
  rc = read_journal_ids (db, parse->entries->len, &journal_ids);
  if (rc != SQLITE_OK)
    {
      unknot_journal_db_set_error (&error, db, rc, UNKNOT_JOURNAL_ACTION_READ, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < parse->entries->len; i++)
    {
      UnknotJournalEntry *entry = g_ptr_array_index (parse->entries, i);
      guint line = g_array_index (parse->lines, guint, i);

      if (journal_ids != NULL)
        {
          rc = g_hash_table_contains (journal_ids, unknot_journal_entry_get_id (entry)) ? SQLITE_ROW
                                                                                         : SQLITE_DONE;
        }
      else
        {
          sqlite3_bind_text (exists, 1, unknot_journal_entry_get_id (entry), -1, SQLITE_STATIC);
          rc = sqlite3_step (exists);
          sqlite3_reset (exists);
        }

      if (rc == SQLITE_ROW)
        {
          Skipped skipped = {
            line, UNKNOT_JOURNAL_CSV_SKIP_DUPLICATE,
            g_strdup (_("This entry is already in your journal."))
          };

          g_array_append_val (import->skipped, skipped);
          continue;
        }
      if (rc != SQLITE_DONE)
        {
          unknot_journal_db_set_error (&error, db, rc, UNKNOT_JOURNAL_ACTION_READ, NULL);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      g_array_append_val (import->lines, line);
    }
  sqlite3_clear_bindings (exists);

  /* The entries without the duplicates, in one change of the list. */
  {
    g_autoptr(GPtrArray) kept = g_ptr_array_new_full (import->lines->len, NULL);
    guint k = 0;

    for (guint i = 0; i < parse->entries->len && k < import->lines->len; i++)
      {
        if (g_array_index (parse->lines, guint, i) == g_array_index (import->lines, guint, k))
          {
            g_ptr_array_add (kept, g_ptr_array_index (parse->entries, i));
            k++;
          }
      }
    g_list_store_splice (import->entries, 0, 0, kept->pdata, kept->len);
  }

  g_array_sort (import->skipped, compare_skipped);

  g_task_return_pointer (task, g_steal_pointer (&import), g_object_unref);
}

/**
 * unknot_journal_csv_import_read_async:
 *
 * Reads a file made by unknot_journal_csv_export() (or a spreadsheet that kept its
 * columns) in a thread. Nothing is written to the journal: the result says what would
 * be added and what would be skipped, and unknot_journal_csv_import_apply_async()
 * adds it. The stream is closed.
 */
void
unknot_journal_csv_import_read_async (UnknotJournal       *journal,
                                      GInputStream        *stream,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) read = NULL;
  const char * const *known = NULL;
  Parse *parse;

  g_return_if_fail (UNKNOT_IS_JOURNAL (journal));
  g_return_if_fail (G_IS_INPUT_STREAM (stream));

  task = g_task_new (journal, cancellable, callback, user_data);
  g_task_set_source_tag (task, unknot_journal_csv_import_read_async);

  known = unknot_journal_get_known_regions (journal);
  parse = g_new0 (Parse, 1);
  parse->known_regions = g_strdupv ((char **) known);
  parse->local = g_time_zone_new_local ();
  parse->entries = g_ptr_array_new_with_free_func (g_object_unref);
  parse->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  parse->skipped = g_array_new (FALSE, FALSE, sizeof (Skipped));
  g_array_set_clear_func (parse->skipped, skipped_clear);
  parse->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The thread's task may outlive its callback for a moment, in the thread: it holds
   * neither the journal nor the last reference to the stream. */
  g_object_set_data_full (G_OBJECT (task), "stream", g_object_ref (stream), g_object_unref);
  read = g_task_new (NULL, cancellable, on_read_cb, g_steal_pointer (&task));
  g_task_set_source_tag (read, read_in_thread_cb);
  g_task_set_task_data (read, parse, (GDestroyNotify) parse_free);
  g_object_set_data_full (G_OBJECT (read), "stream", g_object_ref (stream), g_object_unref);
  g_task_run_in_thread (read, read_in_thread_cb);
}

/**
 * unknot_journal_csv_import_read_finish:
 *
 * Returns: (transfer full): what the file holds, or %NULL with an error that says
 *   why the file cannot be read at all
 */
UnknotJournalCsvImport *
unknot_journal_csv_import_read_finish (UnknotJournal  *journal,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, journal), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == unknot_journal_csv_import_read_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------------------
 * The import
 */

static void
unknot_journal_csv_import_finalize (GObject *object)
{
  UnknotJournalCsvImport *self = UNKNOT_JOURNAL_CSV_IMPORT (object);

  g_clear_object (&self->journal);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->skipped, g_array_unref);

  G_OBJECT_CLASS (unknot_journal_csv_import_parent_class)->finalize (object);
}

static void
unknot_journal_csv_import_class_init (UnknotJournalCsvImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = unknot_journal_csv_import_finalize;
}

static void
unknot_journal_csv_import_init (UnknotJournalCsvImport *self)
{
  self->entries = g_list_store_new (UNKNOT_TYPE_JOURNAL_ENTRY);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self->skipped = g_array_new (FALSE, FALSE, sizeof (Skipped));
  g_array_set_clear_func (self->skipped, skipped_clear);
}

UnknotJournal *
unknot_journal_csv_import_get_journal (UnknotJournalCsvImport *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_CSV_IMPORT (self), NULL);
  return self->journal;
}

/**
 * unknot_journal_csv_import_get_entries:
 *
 * Returns: (transfer none): the entries that would be added, in the file's order
 */
GListModel *
unknot_journal_csv_import_get_entries (UnknotJournalCsvImport *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_CSV_IMPORT (self), NULL);
  return G_LIST_MODEL (self->entries);
}

guint
unknot_journal_csv_import_get_n_entries (UnknotJournalCsvImport *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_CSV_IMPORT (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->entries));
}

guint
unknot_journal_csv_import_get_n_skipped (UnknotJournalCsvImport *self)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_CSV_IMPORT (self), 0);
  return self->skipped->len;
}

/**
 * unknot_journal_csv_import_get_skipped_line:
 *
 * Returns: the line of the file that the skipped row @index starts on, from 1 (the
 *   header row)
 */
guint
unknot_journal_csv_import_get_skipped_line (UnknotJournalCsvImport *self,
                                            guint                   index)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_CSV_IMPORT (self), 0);
  g_return_val_if_fail (index < self->skipped->len, 0);
  return g_array_index (self->skipped, Skipped, index).line;
}

UnknotJournalCsvSkip
unknot_journal_csv_import_get_skipped_reason (UnknotJournalCsvImport *self,
                                              guint                   index)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_CSV_IMPORT (self), UNKNOT_JOURNAL_CSV_SKIP_MALFORMED);
  g_return_val_if_fail (index < self->skipped->len, UNKNOT_JOURNAL_CSV_SKIP_MALFORMED);
  return g_array_index (self->skipped, Skipped, index).reason;
}

/**
 * unknot_journal_csv_import_get_skipped_message:
 *
 * Returns: (transfer none): why the row is skipped, in words to show
 */
const char *
unknot_journal_csv_import_get_skipped_message (UnknotJournalCsvImport *self,
                                               guint                   index)
{
  g_return_val_if_fail (UNKNOT_IS_JOURNAL_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->skipped->len, NULL);
  return g_array_index (self->skipped, Skipped, index).message;
}

static void
on_entries_added_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UnknotJournalCsvImport *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  self->applying = FALSE;
  if (!unknot_journal_add_many_finish (UNKNOT_JOURNAL (source), result, &n_added, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self->applied = TRUE;
  g_task_return_int (task, n_added);
}

/**
 * unknot_journal_csv_import_apply_async:
 *
 * Adds the entries to the journal in one transaction (unknot_journal_add_many_async()):
 * all of them, or after an error none. An entry that was added to the journal since
 * the preview was made is left as it is. Can be called once it succeeded.
 */
void
unknot_journal_csv_import_apply_async (UnknotJournalCsvImport *self,
                                       GCancellable           *cancellable,
                                       GAsyncReadyCallback     callback,
                                       gpointer                user_data)
{
  GTask *task;

  g_return_if_fail (UNKNOT_IS_JOURNAL_CSV_IMPORT (self));
  g_return_if_fail (!self->applying && !self->applied);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, unknot_journal_csv_import_apply_async);
  self->applying = TRUE;

  /* The import's entries stay as they are while they are added. */
  unknot_journal_add_many_unchanged_async (self->journal, G_LIST_MODEL (self->entries), cancellable,
                                           on_entries_added_cb, task);
}

/**
 * unknot_journal_csv_import_apply_finish:
 * @n_added: (out) (optional): the number of entries added
 *
 * Returns: %TRUE, or %FALSE with an error that says how many entries were added
 *   before it (they stay in the journal)
 */
gboolean
unknot_journal_csv_import_apply_finish (UnknotJournalCsvImport  *self,
                                        GAsyncResult            *result,
                                        guint                   *n_added,
                                        GError                 **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == unknot_journal_csv_import_apply_async, FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;

  if (n_added != NULL)
    *n_added = (guint) n;
  return TRUE;
}
