#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "prov-store-error.h"
#include "prov-store-private.h"
#include "prov-store-schema.h"

/* ------------------------------------------------------------------------ */
/* Open and close                                                           */

static char *
dup_aside_path (const char *path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  return g_strdup_printf ("%s.damaged-%s", path, stamp);
}

/* A damaged database is renamed, never deleted: its orders may still be
 * recovered by support. Its WAL and shared-memory files go with it. */
static char *
move_aside (const char  *path,
            GError     **error)
{
  g_autofree char *aside = dup_aside_path (path);
  const char *suffixes[] = { "-wal", "-shm" };

  if (g_rename (path, aside) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The damaged order database could not be moved aside: %s"),
                   g_strerror (saved_errno));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  return g_steal_pointer (&aside);
}

/*
 * The database holds customers' names, addresses and e-mails: only this
 * user may read it. SQLite gives its WAL and shared-memory files the
 * database's mode, so a database created 0600 (whatever the umask) keeps
 * them private too; one made by an older version is tightened, with its
 * companions.
 *
 * The descriptor stays open for as long as the store is: the sender's lock
 * (prov_store_claim_outbox) is taken on it, so that it follows the file
 * itself, whatever path or symbolic link the database was opened through.
 * It is closed only after SQLite has closed the database: closing any
 * descriptor of a file drops every POSIX lock this process holds on it,
 * SQLite's included.
 */
static int
open_private (const char  *path,
              GError     **error)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  GStatBuf info;

  if (fd < 0 || fstat (fd, &info) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_UNREADABLE,
                   _("The order database %s cannot be opened: %s"), path, g_strerror (saved_errno));
      if (fd >= 0)
        close (fd);
      return -1;
    }

  /* SQLite names its journal after the path it was given: two names of one
   * file mean two journals, and a database two programs damage. */
  if (info.st_nlink > 1)
    {
      g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_UNREADABLE,
                   _("The order database %s has another name (a hard link), through which another program could "
                     "change it unseen. Remove the other name, or copy the database, and open it again."),
                   path);
      close (fd);
      return -1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_stat (file, &info) == 0 && (info.st_mode & 0077) != 0 && g_chmod (file, 0600) != 0)
        g_warning ("%s could not be made private: %s", file, g_strerror (errno));
    }

  return fd;
}

static gboolean
worker_open_db (StoreWorker  *worker,
                GError      **error)
{
  g_autofree char *directory = g_path_get_dirname (worker->path);
  sqlite3 *db = NULL;
  int rc;

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_UNREADABLE,
                   _("The folder for the order database, %s, cannot be created: %s"),
                   directory, g_strerror (saved_errno));
      return FALSE;
    }

  worker->file_fd = open_private (worker->path, error);
  if (worker->file_fd < 0)
    return FALSE;

  rc = sqlite3_open_v2 (worker->path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_UNREADABLE,
                   _("The order database %s cannot be opened: %s"),
                   worker->path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      _prov_store_worker_close_db (worker);
      return FALSE;
    }

  sqlite3_extended_result_codes (db, FALSE);
  sqlite3_busy_timeout (db, 5000);
  worker->db = db;

  /* WAL keeps readers and the writer apart and survives power cuts;
   * synchronous=FULL makes each committed keystroke durable. */
  /* secure_delete: what is deleted or overwritten (an erased PIN) is
   * zeroed in the file, not left in a free page. */
  if (sqlite3_exec (db, "PRAGMA journal_mode = WAL;"
                        "PRAGMA secure_delete = ON;"
                        "PRAGMA synchronous = FULL;"
                        "PRAGMA foreign_keys = ON;", NULL, NULL, NULL) != SQLITE_OK ||
      !prov_store_schema_migrate (db, error))
    {
      if (error != NULL && *error == NULL)
        prov_store_set_sqlite_error (error, db, NULL);
      _prov_store_worker_close_db (worker);
      return FALSE;
    }

  return TRUE;
}

void
_prov_store_worker_open (StoreWorker *worker,
                         GTask       *task,
                         gpointer     args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;

  assert_on_worker (worker);

  if (worker->db != NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  if (!worker_open_db (worker, &error))
    {
      if (!g_error_matches (error, PROV_STORE_ERROR, PROV_STORE_ERROR_CORRUPT))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      g_debug ("Moving damaged database aside: %s", error->message);
      g_clear_error (&error);

      aside = move_aside (worker->path, &error);
      if (aside == NULL || !worker_open_db (worker, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  g_task_return_pointer (task, g_steal_pointer (&aside), g_free);
}

void
prov_store_open_async (ProvStore           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (PROV_IS_STORE (self));

  _prov_store_push (self, _prov_store_worker_open, NULL, NULL, NULL,
                    cancellable, callback, user_data, prov_store_open_async);
}

/*
 * Succeeds with @moved_aside_path set when the database was damaged: it was
 * renamed to that path and a new, empty one was started in its place.
 */
gboolean
prov_store_open_finish (ProvStore     *self,
                        GAsyncResult  *result,
                        char         **moved_aside_path,
                        GError       **error)
{
  g_autofree char *aside = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  aside = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (moved_aside_path != NULL)
    *moved_aside_path = g_steal_pointer (&aside);

  return TRUE;
}

void
_prov_store_worker_close (StoreWorker *worker,
                          GTask       *task,
                          gpointer     args)
{
  assert_on_worker (worker);

  _prov_store_worker_close_db (worker);
  g_task_return_boolean (task, TRUE);
}

void
prov_store_close_async (ProvStore           *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (PROV_IS_STORE (self));

  _prov_store_push (self, _prov_store_worker_close, NULL, NULL, NULL,
                    cancellable, callback, user_data, prov_store_close_async);
}

gboolean
prov_store_close_finish (ProvStore     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return _prov_store_finish (self, result, prov_store_close_async, error);
}

