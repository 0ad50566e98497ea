/* journal-generate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * journal-generate FILE N: fills the new journal FILE with N entries (see
 * journal-test-generate.c). Built without the sanitizers, so that the tests that run
 * under them do not spend their time making their data.
 */

#include <sqlite3.h>
#include <stdlib.h>

#include "journal-test-generate.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sql = NULL;
  char *message = NULL;
  sqlite3 *db = NULL;

  if (argc != 3)
    {
      g_printerr ("Usage: journal-generate FILE N\n");
      return 2;
    }

  sql = journal_test_generate_sql ((guint) g_ascii_strtoull (argv[2], NULL, 10));
  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK ||
      sqlite3_close (db) != SQLITE_OK)
    {
      g_printerr ("journal-generate: %s\n", message ? message : sqlite3_errmsg (db));
      return 1;
    }

  return 0;
}
