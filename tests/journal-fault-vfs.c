/* journal-fault-vfs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SQLite VFS that wraps the default one and fails on purpose: the Nth write, sync
 * or truncate of any file (the database, its log, a backup), or every write from the
 * Nth on as a full disk would, or every attempt to change a file as a read-only file
 * system would. A failed call does nothing and returns the error, as the kernel does.
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "journal-fault-vfs.h"

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
} FaultFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs fault_vfs;
static gint mode = JOURNAL_FAULT_NONE;
static gint target;
static gint count;
static gint fired;

/* Returns: the error this call must fail with, or SQLITE_OK */
static int
next_fault (gboolean is_write,
            int      io_error)
{
  JournalFaultMode current = g_atomic_int_get (&mode);
  int n;

  switch (current)
    {
    case JOURNAL_FAULT_IO_ONCE:
      n = g_atomic_int_add (&count, 1) + 1;
      if (n == g_atomic_int_get (&target))
        {
          g_atomic_int_set (&fired, TRUE);
          return io_error;
        }
      return SQLITE_OK;

    case JOURNAL_FAULT_DISK_FULL:
      if (!is_write)
        return SQLITE_OK;
      n = g_atomic_int_add (&count, 1) + 1;
      if (n >= g_atomic_int_get (&target))
        {
          g_atomic_int_set (&fired, TRUE);
          return SQLITE_FULL;
        }
      return SQLITE_OK;

    case JOURNAL_FAULT_READ_ONLY:
      g_atomic_int_set (&fired, TRUE);
      return SQLITE_READONLY;

    case JOURNAL_FAULT_NONE:
    default:
      return SQLITE_OK;
    }
}

static int
fault_close (sqlite3_file *file)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xClose (f->real);
}

static int
fault_read (sqlite3_file *file,
            void         *buffer,
            int           amount,
            sqlite3_int64 offset)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xRead (f->real, buffer, amount, offset);
}

static int
fault_write (sqlite3_file *file,
             const void   *buffer,
             int           amount,
             sqlite3_int64 offset)
{
  FaultFile *f = (FaultFile *) file;
  int rc = next_fault (TRUE, SQLITE_IOERR_WRITE);

  if (rc != SQLITE_OK)
    return rc;
  return f->real->pMethods->xWrite (f->real, buffer, amount, offset);
}

static int
fault_truncate (sqlite3_file *file,
                sqlite3_int64 size)
{
  FaultFile *f = (FaultFile *) file;
  int rc = next_fault (FALSE, SQLITE_IOERR_TRUNCATE);

  if (rc != SQLITE_OK)
    return rc;
  return f->real->pMethods->xTruncate (f->real, size);
}

static int
fault_sync (sqlite3_file *file,
            int           flags)
{
  FaultFile *f = (FaultFile *) file;
  int rc = next_fault (FALSE, SQLITE_IOERR_FSYNC);

  if (rc != SQLITE_OK)
    return rc;
  return f->real->pMethods->xSync (f->real, flags);
}

static int
fault_file_size (sqlite3_file  *file,
                 sqlite3_int64 *size)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xFileSize (f->real, size);
}

static int
fault_lock (sqlite3_file *file,
            int           level)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xLock (f->real, level);
}

static int
fault_unlock (sqlite3_file *file,
              int           level)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xUnlock (f->real, level);
}

static int
fault_check_reserved_lock (sqlite3_file *file,
                           int          *out)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xCheckReservedLock (f->real, out);
}

static int
fault_file_control (sqlite3_file *file,
                    int           op,
                    void         *arg)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xFileControl (f->real, op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xSectorSize (f->real);
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xDeviceCharacteristics (f->real);
}

static int
fault_shm_map (sqlite3_file  *file,
               int            page,
               int            page_size,
               int            extend,
               void volatile **out)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xShmMap (f->real, page, page_size, extend, out);
}

static int
fault_shm_lock (sqlite3_file *file,
                int           offset,
                int           n,
                int           flags)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xShmLock (f->real, offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *file)
{
  FaultFile *f = (FaultFile *) file;

  f->real->pMethods->xShmBarrier (f->real);
}

static int
fault_shm_unmap (sqlite3_file *file,
                 int           delete_flag)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xShmUnmap (f->real, delete_flag);
}

static int
fault_fetch (sqlite3_file  *file,
             sqlite3_int64  offset,
             int            amount,
             void         **out)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xFetch (f->real, offset, amount, out);
}

static int
fault_unfetch (sqlite3_file  *file,
               sqlite3_int64  offset,
               void          *page)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xUnfetch (f->real, offset, page);
}

static const sqlite3_io_methods fault_methods = {
  3,
  fault_close,
  fault_read,
  fault_write,
  fault_truncate,
  fault_sync,
  fault_file_size,
  fault_lock,
  fault_unlock,
  fault_check_reserved_lock,
  fault_file_control,
  fault_sector_size,
  fault_device_characteristics,
  fault_shm_map,
  fault_shm_lock,
  fault_shm_barrier,
  fault_shm_unmap,
  fault_fetch,
  fault_unfetch,
};

static int
fault_open (sqlite3_vfs  *vfs,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  FaultFile *f = (FaultFile *) file;
  int rc;

  f->real = (sqlite3_file *) (f + 1);
  file->pMethods = NULL;

  if (g_atomic_int_get (&mode) == JOURNAL_FAULT_READ_ONLY && name != NULL &&
      (flags & SQLITE_OPEN_READWRITE) != 0)
    {
      int exists = 0;

      real_vfs->xAccess (real_vfs, name, SQLITE_ACCESS_EXISTS, &exists);
      if (!exists)
        return SQLITE_CANTOPEN;
      flags = (flags & ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_READONLY;
    }

  rc = real_vfs->xOpen (real_vfs, name, f->real, flags, out_flags);
  if (f->real->pMethods != NULL)
    file->pMethods = &fault_methods;
  return rc;
}

static int
fault_delete (sqlite3_vfs *vfs,
              const char  *name,
              int          sync_dir)
{
  if (g_atomic_int_get (&mode) == JOURNAL_FAULT_READ_ONLY)
    return SQLITE_IOERR_DELETE;
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
fault_access (sqlite3_vfs *vfs,
              const char  *name,
              int          flags,
              int         *out)
{
  int rc = real_vfs->xAccess (real_vfs, name, flags, out);

  if (rc == SQLITE_OK && flags == SQLITE_ACCESS_READWRITE &&
      g_atomic_int_get (&mode) == JOURNAL_FAULT_READ_ONLY)
    *out = 0;
  return rc;
}

static int
fault_full_pathname (sqlite3_vfs *vfs,
                     const char  *name,
                     int          size,
                     char        *out)
{
  return real_vfs->xFullPathname (real_vfs, name, size, out);
}

static void *
fault_dl_open (sqlite3_vfs *vfs,
               const char  *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
fault_dl_error (sqlite3_vfs *vfs,
                int          size,
                char        *out)
{
  real_vfs->xDlError (real_vfs, size, out);
}

static void (*fault_dl_sym (sqlite3_vfs *vfs,
                            void        *handle,
                            const char  *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
fault_dl_close (sqlite3_vfs *vfs,
                void        *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
fault_randomness (sqlite3_vfs *vfs,
                  int          size,
                  char        *out)
{
  return real_vfs->xRandomness (real_vfs, size, out);
}

static int
fault_sleep (sqlite3_vfs *vfs,
             int          microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
fault_current_time (sqlite3_vfs *vfs,
                    double      *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
fault_get_last_error (sqlite3_vfs *vfs,
                      int          size,
                      char        *out)
{
  return real_vfs->xGetLastError (real_vfs, size, out);
}

static int
fault_current_time_int64 (sqlite3_vfs   *vfs,
                          sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

void
journal_fault_vfs_register (void)
{
  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);

  fault_vfs.iVersion = 2;
  fault_vfs.szOsFile = (int) sizeof (FaultFile) + real_vfs->szOsFile;
  fault_vfs.mxPathname = real_vfs->mxPathname;
  fault_vfs.zName = JOURNAL_FAULT_VFS;
  fault_vfs.xOpen = fault_open;
  fault_vfs.xDelete = fault_delete;
  fault_vfs.xAccess = fault_access;
  fault_vfs.xFullPathname = fault_full_pathname;
  fault_vfs.xDlOpen = fault_dl_open;
  fault_vfs.xDlError = fault_dl_error;
  fault_vfs.xDlSym = fault_dl_sym;
  fault_vfs.xDlClose = fault_dl_close;
  fault_vfs.xRandomness = fault_randomness;
  fault_vfs.xSleep = fault_sleep;
  fault_vfs.xCurrentTime = fault_current_time;
  fault_vfs.xGetLastError = fault_get_last_error;
  fault_vfs.xCurrentTimeInt64 = fault_current_time_int64;

  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 0), ==, SQLITE_OK);
}

/* From now on, counts the calls that @mode fails, and fails the @n-th (1 for the next
 * one). */
void
journal_fault_vfs_arm (JournalFaultMode fault_mode,
                       guint            n)
{
  g_atomic_int_set (&count, 0);
  g_atomic_int_set (&fired, FALSE);
  g_atomic_int_set (&target, (gint) n);
  g_atomic_int_set (&mode, fault_mode);
}

void
journal_fault_vfs_disarm (void)
{
  g_atomic_int_set (&mode, JOURNAL_FAULT_NONE);
}

guint
journal_fault_vfs_get_count (void)
{
  return (guint) g_atomic_int_get (&count);
}

gboolean
journal_fault_vfs_has_fired (void)
{
  return g_atomic_int_get (&fired);
}
