/* journal-fault-vfs.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JOURNAL_FAULT_VFS "unknot-fault"

typedef enum {
  JOURNAL_FAULT_NONE,
  /* The Nth write, sync or truncate fails with an I/O error; later ones succeed. */
  JOURNAL_FAULT_IO_ONCE,
  /* The Nth write and every one after it fail with SQLITE_FULL. */
  JOURNAL_FAULT_DISK_FULL,
  /* As on a read-only file system: files open read-only, new ones cannot be made. */
  JOURNAL_FAULT_READ_ONLY,
} JournalFaultMode;

void     journal_fault_vfs_register  (void);
void     journal_fault_vfs_arm       (JournalFaultMode mode,
                                      guint            n);
void     journal_fault_vfs_disarm    (void);
guint    journal_fault_vfs_get_count (void);
gboolean journal_fault_vfs_has_fired (void);

G_END_DECLS
