#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "prov-store.h"
#include "prov-store-private.h"
#include "prov-store-schema.h"
#include "prov-order-placing.h"
#include "prov-order-reference.h"
#include "prov-store-snapshot.h"

/*
 * ProvStore: the one place that talks SQL.
 *
 * A single worker thread owns the sqlite3 connection; every call becomes a
 * request pushed onto a GAsyncQueue, run there in order, and completed back
 * on the caller's main context. The worker never touches the ProvStore
 * object: it may outlive it for the time it takes to drain the queue.
 *
 * Group commit: requests that are already waiting when the worker takes
 * one are run together in one transaction (each in a savepoint of its
 * own), so that one fsync makes all of them durable; replies are only
 * delivered once that commit is on disk. A group that fails to commit is
 * run again one request at a time, so that each gets its own outcome.
 */

#define MAX_GROUP 64

typedef struct {
  StoreFunc      func;
  gpointer       args;
  GDestroyNotify free_args;
  /* For writes: the order whose change is announced on completion. */
  char          *changed_uuid;
  GAsyncReadyCallback callback;
  gpointer       user_data;
  gpointer       source_tag;
  GCancellable  *cancellable;
  GMainContext  *context;
} StoreRequest;

struct _ProvStore
{
  GObject      parent_instance;

  char        *path;
  GAsyncQueue *queue;
  GThread     *thread;
};

G_DEFINE_FINAL_TYPE (ProvStore, prov_store, G_TYPE_OBJECT)

enum {
  ORDER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Pushed to make the worker leave its loop. */
static int stop_marker;

G_DEFINE_BOXED_TYPE (ProvReservationConflict, prov_reservation_conflict,
                     prov_reservation_conflict_copy, prov_reservation_conflict_free)
G_DEFINE_BOXED_TYPE (ProvOrderEvent, prov_order_event, prov_order_event_copy, prov_order_event_free)

ProvReservationConflict *
prov_reservation_conflict_copy (const ProvReservationConflict *conflict)
{
  ProvReservationConflict *copy = g_new0 (ProvReservationConflict, 1);

  copy->field = g_strdup (conflict->field);
  copy->kind = conflict->kind;
  copy->value = g_strdup (conflict->value);
  copy->holder_uuid = g_strdup (conflict->holder_uuid);
  copy->holder_customer = g_strdup (conflict->holder_customer);
  copy->holder_state = conflict->holder_state;

  return copy;
}

void
prov_reservation_conflict_free (ProvReservationConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->field);
  g_free (conflict->value);
  g_free (conflict->holder_uuid);
  g_free (conflict->holder_customer);
  g_free (conflict);
}

char *
prov_reservation_conflict_dup_message (const ProvReservationConflict *conflict)
{
  g_autofree char *short_id = g_strndup (conflict->holder_uuid, 8);
  const char *kind = prov_id_kind_get_title (conflict->kind);
  const char *state = prov_order_state_get_title (conflict->holder_state);

  if (conflict->holder_customer != NULL && *conflict->holder_customer != '\0')
    /* Translators: "This ICCID is already used by order 1a2b3c4d (Jan Jansen, Draft)" */
    return g_strdup_printf (_("This %s is already used by order %s (%s, %s)"),
                            kind, short_id, conflict->holder_customer, state);

  /* Translators: "This ICCID is already used by order 1a2b3c4d (Draft)" */
  return g_strdup_printf (_("This %s is already used by order %s (%s)"), kind, short_id, state);
}

ProvOrderEvent *
prov_order_event_copy (const ProvOrderEvent *event)
{
  ProvOrderEvent *copy = g_new0 (ProvOrderEvent, 1);

  copy->at = event->at;
  copy->who = g_strdup (event->who);
  copy->from_state = event->from_state;
  copy->to_state = event->to_state;
  copy->reason = g_strdup (event->reason);

  return copy;
}

void
prov_order_event_free (ProvOrderEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->who);
  g_free (event->reason);
  g_free (event);
}

/* ------------------------------------------------------------------------ */
/* The worker thread                                                        */

static void
store_request_clear (StoreRequest *request)
{
  if (request->free_args != NULL)
    request->free_args (request->args);
  g_free (request->changed_uuid);
  g_clear_object (&request->cancellable);
  g_main_context_unref (request->context);
}

static void
store_request_unref (StoreRequest *request)
{
  g_atomic_rc_box_release_full (request, (GDestroyNotify) store_request_clear);
}

/* A reply to @request: it has no callback of its own, and is handed to the
 * request's callback only once what the request wrote is durable. A
 * request run again gets a new reply. */
static GTask *
new_reply (ProvStore    *store,
           StoreRequest *request)
{
  GTask *task = g_task_new (store, request->cancellable, NULL, NULL);

  g_task_set_source_tag (task, request->source_tag);
  g_task_set_task_data (task, g_atomic_rc_box_acquire (request), (GDestroyNotify) store_request_unref);

  return task;
}

static void
worker_close_db (StoreWorker *worker)
{
  GHashTableIter iter;
  gpointer statement;

  g_hash_table_iter_init (&iter, worker->statements);
  while (g_hash_table_iter_next (&iter, NULL, &statement))
    sqlite3_finalize (statement);
  g_hash_table_remove_all (worker->statements);

  g_clear_pointer (&worker->db, sqlite3_close);
  /* After SQLite: see open_private. The sender's lock goes with it. */
  if (worker->file_fd >= 0)
    {
      close (worker->file_fd);
      worker->file_fd = -1;
    }
  worker->sending = FALSE;
}

static gboolean
deliver (gpointer data)
{
  g_autoptr(GTask) task = data;
  StoreRequest *request = g_task_get_task_data (task);
  ProvStore *self = g_task_get_source_object (task);

  if (request->changed_uuid != NULL && !g_task_had_error (task))
    g_signal_emit (self, signals[ORDER_CHANGED], 0, request->changed_uuid);

  if (request->callback != NULL)
    request->callback (G_OBJECT (self), G_ASYNC_RESULT (task), request->user_data);

  return G_SOURCE_REMOVE;
}

static void
run_request (StoreWorker *worker,
             GTask       *task)
{
  StoreRequest *request = g_task_get_task_data (task);

  if (!g_task_return_error_if_cancelled (task))
    request->func (worker, task, request->args);
}

static void worker_open  (StoreWorker *worker,
                          GTask       *task,
                          gpointer     args);
static void worker_close (StoreWorker *worker,
                          GTask       *task,
                          gpointer     args);

/* The store's own requests (opening, closing) change the connection and
 * run outside any group. */
static gboolean
groupable (GTask *task)
{
  StoreRequest *request = g_task_get_task_data (task);

  return request->func != worker_open && request->func != worker_close;
}

static void
run_group (StoreWorker *worker,
           GPtrArray   *group)
{
  guint ran = 0;
  gboolean committed = FALSE;

  for (guint i = 0; i < group->len; i++)
    if (!groupable (g_ptr_array_index (group, i)))
      {
        for (guint j = 0; j < group->len; j++)
          run_request (worker, g_ptr_array_index (group, j));
        return;
      }

  if (group->len == 1 || worker->db == NULL || !worker_exec (worker, "BEGIN IMMEDIATE", NULL))
    {
      for (guint i = 0; i < group->len; i++)
        run_request (worker, g_ptr_array_index (group, i));
      return;
    }

  worker->in_group = TRUE;
  while (ran < group->len)
    {
      run_request (worker, g_ptr_array_index (group, ran++));
      /* SQLite rolled the whole transaction back (a full disk, an I/O
       * error): what ran before is undone. */
      if (sqlite3_get_autocommit (worker->db))
        break;
    }
  worker->in_group = FALSE;

  committed = !sqlite3_get_autocommit (worker->db) && worker_exec (worker, "COMMIT", NULL);
  if (!committed)
    {
      if (!sqlite3_get_autocommit (worker->db))
        worker_exec (worker, "ROLLBACK", NULL);

      /* Each on its own now, with a new reply: the first one may have
       * said the change was made. */
      for (guint i = 0; i < ran; i++)
        {
          GTask *first = g_ptr_array_index (group, i);

          group->pdata[i] = new_reply (g_task_get_source_object (first), g_task_get_task_data (first));
          g_object_unref (first);
          run_request (worker, g_ptr_array_index (group, i));
        }
    }

  for (guint i = ran; i < group->len; i++)
    run_request (worker, g_ptr_array_index (group, i));
}

static gpointer
worker_main (gpointer data)
{
  StoreWorker *worker = data;
  g_autoptr(GPtrArray) group = g_ptr_array_new ();
  gboolean stopping = FALSE;

  while (!stopping)
    {
      gpointer item = g_async_queue_pop (worker->queue);

      if (item == &stop_marker)
        break;

      g_ptr_array_add (group, item);
      while (group->len < MAX_GROUP && (item = g_async_queue_try_pop (worker->queue)) != NULL)
        {
          if (item == &stop_marker)
            {
              stopping = TRUE;
              break;
            }
          g_ptr_array_add (group, item);
        }

      run_group (worker, group);

      /* Durable now: the replies go to the main context. Delivering may
       * drop the last reference to the store, whose finalize then only
       * queues stop_marker: nothing here touches the store. */
      for (guint i = 0; i < group->len; i++)
        {
          GTask *task = g_ptr_array_index (group, i);
          StoreRequest *request = g_task_get_task_data (task);
          GSource *source = g_idle_source_new ();

          g_source_set_priority (source, G_PRIORITY_DEFAULT);
          g_source_set_callback (source, deliver, task, NULL);
          g_source_set_static_name (source, "[provisioner] store reply");
          g_source_attach (source, request->context);
          g_source_unref (source);
        }
      g_ptr_array_set_size (group, 0);
    }

  worker_close_db (worker);
  g_hash_table_unref (worker->statements);
  g_async_queue_unref (worker->queue);
  g_free (worker->path);
  g_free (worker);

  return NULL;
}

gboolean
worker_require_db (StoreWorker  *worker,
                   GError      **error)
{
  if (worker->db != NULL)
    return TRUE;

  g_set_error_literal (error, PROV_STORE_ERROR, PROV_STORE_ERROR_CLOSED,
                       _("The order database is not open"));
  return FALSE;
}

sqlite3_stmt *
worker_prepare (StoreWorker  *worker,
                const char   *sql,
                GError      **error)
{
  sqlite3_stmt *statement;

  assert_on_worker (worker);

  statement = g_hash_table_lookup (worker->statements, sql);
  if (statement != NULL)
    return statement;

  if (sqlite3_prepare_v3 (worker->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, NULL) != SQLITE_OK)
    {
      prov_store_set_sqlite_error (error, worker->db, NULL);
      return NULL;
    }

  g_hash_table_insert (worker->statements, (gpointer) sql, statement);
  return statement;
}

void
statement_done (sqlite3_stmt *statement)
{
  sqlite3_reset (statement);
  sqlite3_clear_bindings (statement);
}

/* Runs a statement that returns no rows. */
gboolean
worker_run (StoreWorker  *worker,
            sqlite3_stmt *statement,
            GError      **error)
{
  int rc = sqlite3_step (statement);

  statement_done (statement);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      prov_store_set_sqlite_error (error, worker->db, NULL);
      return FALSE;
    }

  return TRUE;
}

gboolean
worker_exec (StoreWorker  *worker,
             const char   *sql,
             GError      **error)
{
  sqlite3_stmt *statement = worker_prepare (worker, sql, error);

  return statement != NULL && worker_run (worker, statement, error);
}

/* Inside a group, a request's transaction is a savepoint of the group's. */
gboolean
worker_begin (StoreWorker  *worker,
              GError      **error)
{
  return worker_exec (worker, worker->in_group ? "SAVEPOINT request" : "BEGIN IMMEDIATE", error);
}

gboolean
worker_commit (StoreWorker  *worker,
               GError      **error)
{
  return worker_exec (worker, worker->in_group ? "RELEASE request" : "COMMIT", error);
}

void
worker_rollback (StoreWorker *worker)
{
  if (sqlite3_get_autocommit (worker->db))
    return;

  if (worker->in_group)
    {
      worker_exec (worker, "ROLLBACK TO request", NULL);
      worker_exec (worker, "RELEASE request", NULL);
    }
  else
    worker_exec (worker, "ROLLBACK", NULL);
}

void
bind_text (sqlite3_stmt *statement,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (statement, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (statement, index);
}

const char *
column_text (sqlite3_stmt *statement,
             int           index)
{
  return (const char *) sqlite3_column_text (statement, index);
}

/* ------------------------------------------------------------------------ */
/* Queueing requests                                                        */

void
prov_store_push (ProvStore           *self,
                 StoreFunc            func,
                 gpointer             args,
                 GDestroyNotify       free_args,
                 const char          *changed_uuid,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data,
                 gpointer             source_tag)
{
  StoreRequest *request = g_atomic_rc_box_new0 (StoreRequest);
  GTask *task;

  request->func = func;
  request->args = args;
  request->free_args = free_args;
  request->changed_uuid = g_strdup (changed_uuid);
  request->callback = callback;
  request->user_data = user_data;
  request->source_tag = source_tag;
  request->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  request->context = g_main_context_ref_thread_default ();
  task = new_reply (self, request);
  store_request_unref (request);

  g_async_queue_push (self->queue, task);
}

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
      worker_close_db (worker);
      return FALSE;
    }

  sqlite3_extended_result_codes (db, FALSE);
  sqlite3_busy_timeout (db, 5000);
  worker->db = db;

  /* WAL keeps readers and the writer apart and survives power cuts;
   * synchronous=FULL makes each committed keystroke durable. */
  if (sqlite3_exec (db, "PRAGMA journal_mode = WAL;"
                        "PRAGMA synchronous = FULL;"
                        "PRAGMA foreign_keys = ON;", NULL, NULL, NULL) != SQLITE_OK ||
      !prov_store_schema_migrate (db, error))
    {
      if (error != NULL && *error == NULL)
        prov_store_set_sqlite_error (error, db, NULL);
      worker_close_db (worker);
      return FALSE;
    }

  return TRUE;
}

static void
worker_open (StoreWorker *worker,
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

  prov_store_push (self, worker_open, NULL, NULL, NULL,
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

static void
worker_close (StoreWorker *worker,
              GTask       *task,
              gpointer     args)
{
  assert_on_worker (worker);

  worker_close_db (worker);
  g_task_return_boolean (task, TRUE);
}

void
prov_store_close_async (ProvStore           *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (PROV_IS_STORE (self));

  prov_store_push (self, worker_close, NULL, NULL, NULL,
                   cancellable, callback, user_data, prov_store_close_async);
}

gboolean
prov_store_close_finish (ProvStore     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Reservations                                                             */

static gboolean
worker_reserve_identifiers (StoreWorker          *worker,
                            sqlite3_int64         order_id,
                            ProvOrderSnapshot    *snapshot,
                            gint64                now,
                            GPtrArray            *conflicts,
                            GError              **error)
{
  sqlite3_stmt *release = worker_prepare (worker, "DELETE FROM reservations WHERE order_id = ?", error);
  sqlite3_stmt *holder;
  sqlite3_stmt *reserve;

  if (release == NULL)
    return FALSE;
  sqlite3_bind_int64 (release, 1, order_id);
  if (!worker_run (worker, release, error))
    return FALSE;

  holder = worker_prepare (worker,
                           "SELECT o.uuid, o.customer_name, o.state FROM reservations r "
                           "JOIN orders o ON o.id = r.order_id WHERE r.kind = ? AND r.value = ?",
                           error);
  reserve = worker_prepare (worker,
                            "INSERT INTO reservations (kind, value, order_id, field, reserved_at, line_position) "
                            "VALUES (?, ?, ?, ?, ?, ?)",
                            error);
  if (holder == NULL || reserve == NULL)
    return FALSE;

  for (guint i = 0; i < snapshot->identifiers->len; i++)
    {
      ProvOrderIdentifier *identifier = g_ptr_array_index (snapshot->identifiers, i);
      int rc;

      sqlite3_bind_int (holder, 1, identifier->kind);
      bind_text (holder, 2, identifier->value);
      rc = sqlite3_step (holder);
      if (rc == SQLITE_ROW)
        {
          ProvReservationConflict *conflict = g_new0 (ProvReservationConflict, 1);

          conflict->field = g_strdup (identifier->field);
          conflict->kind = identifier->kind;
          conflict->value = g_strdup (identifier->value);
          conflict->holder_uuid = g_strdup (column_text (holder, 0));
          conflict->holder_customer = g_strdup (column_text (holder, 1));
          conflict->holder_state = sqlite3_column_int (holder, 2);
          g_ptr_array_add (conflicts, conflict);
          statement_done (holder);
          continue;
        }
      statement_done (holder);
      if (rc != SQLITE_DONE)
        {
          prov_store_set_sqlite_error (error, worker->db, NULL);
          return FALSE;
        }

      sqlite3_bind_int (reserve, 1, identifier->kind);
      bind_text (reserve, 2, identifier->value);
      sqlite3_bind_int64 (reserve, 3, order_id);
      bind_text (reserve, 4, identifier->field);
      sqlite3_bind_int64 (reserve, 5, now);
      sqlite3_bind_int (reserve, 6, identifier->line);
      if (!worker_run (worker, reserve, error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Lines                                                                    */

static gboolean
worker_write_lines (StoreWorker        *worker,
                    sqlite3_int64       order_id,
                    ProvOrderSnapshot  *snapshot,
                    GError            **error)
{
  sqlite3_stmt *forget = worker_prepare (worker, "DELETE FROM order_lines WHERE order_id = ?", error);
  sqlite3_stmt *insert;

  if (forget == NULL)
    return FALSE;
  sqlite3_bind_int64 (forget, 1, order_id);
  if (!worker_run (worker, forget, error))
    return FALSE;

  insert = worker_prepare (worker,
                           "INSERT INTO order_lines (order_id, position, line_id, action, product_ref, state, payload) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < snapshot->lines->len; i++)
    {
      ProvLineSnapshot *line = g_ptr_array_index (snapshot->lines, i);

      sqlite3_bind_int64 (insert, 1, order_id);
      sqlite3_bind_int (insert, 2, i);
      bind_text (insert, 3, line->line_id);
      sqlite3_bind_int (insert, 4, line->action);
      bind_text (insert, 5, line->product_ref);
      bind_text (insert, 6, line->state);
      bind_text (insert, 7, line->payload);
      if (!worker_run (worker, insert, error))
        return FALSE;
    }

  return TRUE;
}

/* Gives @order the lines stored for it. */
static gboolean
worker_read_lines (StoreWorker    *worker,
                   sqlite3_int64   order_id,
                   ProvOrder      *order,
                   GError        **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *statement;
  int rc;

  statement = worker_prepare (worker,
                              "SELECT line_id, action, product_ref, state, payload FROM order_lines "
                              "WHERE order_id = ? ORDER BY position",
                              error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, order_id);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      g_autoptr(ProvOrderLine) line = prov_order_line_new (column_text (statement, 0));

      prov_order_line_set_action (line, sqlite3_column_int (statement, 1));
      prov_order_line_set_product_ref (line, column_text (statement, 2));
      prov_order_line_set_state (line, column_text (statement, 3));
      if (!prov_order_fields_from_json (prov_order_line_get_fields (line), column_text (statement, 4), error))
        {
          statement_done (statement);
          return FALSE;
        }
      g_ptr_array_add (lines, g_steal_pointer (&line));
    }
  statement_done (statement);

  if (rc != SQLITE_DONE)
    {
      prov_store_set_sqlite_error (error, worker->db, NULL);
      return FALSE;
    }

  if (lines->len > 0)
    prov_order_set_lines (order, lines);

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Orders                                                                   */

static gboolean
worker_add_event (StoreWorker    *worker,
                  sqlite3_int64   order_id,
                  gint64          at,
                  const char     *who,
                  ProvOrderState  from,
                  ProvOrderState  to,
                  const char     *reason,
                  GError        **error)
{
  sqlite3_stmt *statement = worker_prepare (worker,
                                            "INSERT INTO order_events (order_id, at, who, from_state, to_state, reason) "
                                            "VALUES (?, ?, ?, ?, ?, ?)",
                                            error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, order_id);
  sqlite3_bind_int64 (statement, 2, at);
  bind_text (statement, 3, who);
  if (from != 0)
    sqlite3_bind_int (statement, 4, from);
  else
    sqlite3_bind_null (statement, 4);
  sqlite3_bind_int (statement, 5, to);
  bind_text (statement, 6, reason);

  return worker_run (worker, statement, error);
}

/* Finds an order's row id and state; FALSE with no error when it is new. */
static gboolean
worker_find_order (StoreWorker     *worker,
                   const char      *uuid,
                   sqlite3_int64   *out_id,
                   ProvOrderState  *out_state,
                   char           **out_payload,
                   GError         **error)
{
  sqlite3_stmt *statement = worker_prepare (worker, "SELECT id, state, payload FROM orders WHERE uuid = ?", error);
  int rc;

  if (statement == NULL)
    return FALSE;

  bind_text (statement, 1, uuid);
  rc = sqlite3_step (statement);
  if (rc == SQLITE_ROW)
    {
      *out_id = sqlite3_column_int64 (statement, 0);
      *out_state = sqlite3_column_int (statement, 1);
      if (out_payload != NULL)
        *out_payload = g_strdup (column_text (statement, 2));
    }
  else if (rc != SQLITE_DONE)
    prov_store_set_sqlite_error (error, worker->db, NULL);

  statement_done (statement);
  return rc == SQLITE_ROW;
}

static gboolean
state_accepts_content_changes (ProvOrderState state)
{
  return prov_order_state_is_editable (state) ||
         state == PROV_ORDER_STATE_AWAITING_SIM ||
         state == PROV_ORDER_STATE_AWAITING_INVENTORY;
}

static gboolean
worker_write_order (StoreWorker        *worker,
                    ProvOrderSnapshot  *snapshot,
                    GPtrArray          *conflicts,
                    GError            **error)
{
  g_autoptr(GError) find_error = NULL;
  sqlite3_stmt *statement;
  sqlite3_int64 order_id = 0;
  ProvOrderState state = 0;

  if (worker_find_order (worker, snapshot->uuid, &order_id, &state, NULL, &find_error))
    {
      if (!state_accepts_content_changes (state))
        {
          g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_NOT_EDITABLE,
                       _("The order is “%s” and can no longer be changed"),
                       prov_order_state_get_title (state));
          return FALSE;
        }

      statement = worker_prepare (worker,
                                  "UPDATE orders SET updated_at = ?, current_page = ?, payload = ?, "
                                  "customer_name = ?, reference = ?, msisdn = ?, iccid = ?, imei = ? "
                                  "WHERE id = ?",
                                  error);
      if (statement == NULL)
        return FALSE;

      sqlite3_bind_int64 (statement, 1, snapshot->updated_at);
      bind_text (statement, 2, snapshot->current_page);
      bind_text (statement, 3, snapshot->payload);
      bind_text (statement, 4, snapshot->customer_name);
      bind_text (statement, 5, snapshot->reference);
      bind_text (statement, 6, snapshot->msisdn);
      bind_text (statement, 7, snapshot->iccid);
      bind_text (statement, 8, snapshot->imei);
      sqlite3_bind_int64 (statement, 9, order_id);
      if (!worker_run (worker, statement, error))
        return FALSE;
    }
  else if (find_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&find_error));
      return FALSE;
    }
  else
    {
      statement = worker_prepare (worker,
                                  "INSERT INTO orders (uuid, kind, state, created_by, created_at, updated_at, "
                                  "current_page, payload, customer_name, reference, msisdn, iccid, imei) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  error);
      if (statement == NULL)
        return FALSE;

      bind_text (statement, 1, snapshot->uuid);
      sqlite3_bind_int (statement, 2, snapshot->kind);
      sqlite3_bind_int (statement, 3, PROV_ORDER_STATE_DRAFT);
      bind_text (statement, 4, snapshot->created_by);
      sqlite3_bind_int64 (statement, 5, snapshot->created_at);
      sqlite3_bind_int64 (statement, 6, snapshot->updated_at);
      bind_text (statement, 7, snapshot->current_page);
      bind_text (statement, 8, snapshot->payload);
      bind_text (statement, 9, snapshot->customer_name);
      bind_text (statement, 10, snapshot->reference);
      bind_text (statement, 11, snapshot->msisdn);
      bind_text (statement, 12, snapshot->iccid);
      bind_text (statement, 13, snapshot->imei);
      if (!worker_run (worker, statement, error))
        return FALSE;

      order_id = sqlite3_last_insert_rowid (worker->db);
      if (!worker_add_event (worker, order_id, snapshot->created_at, snapshot->created_by,
                             0, PROV_ORDER_STATE_DRAFT, NULL, error))
        return FALSE;
    }

  return worker_write_lines (worker, order_id, snapshot, error) &&
         worker_reserve_identifiers (worker, order_id, snapshot, snapshot->updated_at, conflicts, error);
}

static void
worker_save_order (StoreWorker *worker,
                   GTask       *task,
                   gpointer     args)
{
  ProvOrderSnapshot *snapshot = args;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_reservation_conflict_free);
  g_autoptr(GError) error = NULL;

  assert_on_worker (worker);

  if (!worker_require_db (worker, &error) ||
      !worker_begin (worker, &error) ||
      !worker_write_order (worker, snapshot, conflicts, &error) ||
      !worker_commit (worker, &error))
    {
      if (worker->db != NULL)
        worker_rollback (worker);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&conflicts), (GDestroyNotify) g_ptr_array_unref);
}

void
prov_store_save_order_async (ProvStore           *self,
                             ProvOrder           *order,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (PROV_IS_ORDER (order));

  /* The worker gets a copy: the order may change again while it writes. */
  prov_store_push (self, worker_save_order,
                   prov_order_snapshot_new (order, g_get_real_time ()),
                   (GDestroyNotify) prov_order_snapshot_free,
                   prov_order_get_uuid (order),
                   cancellable, callback, user_data, prov_store_save_order_async);
}

/*
 * The order is saved even when some of its identifiers are held by other
 * open orders: those come back in @conflicts, for the page to show next to
 * the field, and the order cannot leave the draft state until they are
 * resolved.
 */
gboolean
prov_store_save_order_finish (ProvStore     *self,
                              GAsyncResult  *result,
                              GPtrArray    **conflicts,
                              GError       **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  found = g_task_propagate_pointer (G_TASK (result), error);
  if (found == NULL)
    return FALSE;

  if (conflicts != NULL)
    *conflicts = g_steal_pointer (&found);

  return TRUE;
}

#define ORDER_COLUMNS "uuid, kind, state, carrier_id, created_by, created_at, updated_at, current_page, " \
                      "customer_name, reference, msisdn, iccid, imei"

static ProvOrder *
order_from_row (sqlite3_stmt *statement)
{
  const char *summary_fields[] = {
    PROV_ORDER_FIELD_CUSTOMER_NAME, PROV_ORDER_FIELD_REFERENCE, PROV_ORDER_FIELD_MSISDN,
    PROV_ORDER_FIELD_ICCID, PROV_ORDER_FIELD_IMEI,
  };
  ProvOrder *order = prov_order_new_from_row (column_text (statement, 0),
                                              sqlite3_column_int (statement, 1),
                                              sqlite3_column_int (statement, 2),
                                              column_text (statement, 3),
                                              column_text (statement, 4),
                                              sqlite3_column_int64 (statement, 5),
                                              sqlite3_column_int64 (statement, 6),
                                              column_text (statement, 7));

  for (guint i = 0; i < G_N_ELEMENTS (summary_fields); i++)
    prov_order_set_field (order, summary_fields[i], column_text (statement, 8 + i));

  return order;
}

/* The order of the one row @statement (SELECT ORDER_COLUMNS, payload, id,
 * already bound) gives, with its lines; NULL, without an error, when it
 * gives none. */
static ProvOrder *
worker_read_one_order (StoreWorker   *worker,
                       sqlite3_stmt  *statement,
                       GError       **error)
{
  g_autoptr(ProvOrder) order = NULL;
  int rc = sqlite3_step (statement);

  if (rc == SQLITE_ROW)
    {
      order = order_from_row (statement);
      if (!prov_order_load_payload_json (order, column_text (statement, 13), error) ||
          !worker_read_lines (worker, sqlite3_column_int64 (statement, 14), order, error))
        g_clear_object (&order);
    }
  else if (rc != SQLITE_DONE)
    prov_store_set_sqlite_error (error, worker->db, NULL);
  statement_done (statement);

  return g_steal_pointer (&order);
}

static void
worker_load_order (StoreWorker *worker,
                   GTask       *task,
                   gpointer     args)
{
  const char *uuid = args;
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvOrder) order = NULL;
  sqlite3_stmt *statement;

  assert_on_worker (worker);

  if (!worker_require_db (worker, &error) ||
      !(statement = worker_prepare (worker, "SELECT " ORDER_COLUMNS ", payload, id FROM orders WHERE uuid = ?", &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  bind_text (statement, 1, uuid);
  order = worker_read_one_order (worker, statement, &error);
  if (order == NULL && error == NULL)
    g_set_error (&error, PROV_STORE_ERROR, PROV_STORE_ERROR_NOT_FOUND,
                 _("There is no order %s"), uuid);

  if (order == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&order), g_object_unref);
}

void
prov_store_load_order_async (ProvStore           *self,
                             const char          *uuid,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (uuid != NULL);

  prov_store_push (self, worker_load_order, g_strdup (uuid), g_free, NULL,
                   cancellable, callback, user_data, prov_store_load_order_async);
}

ProvOrder *
prov_store_load_order_finish (ProvStore     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Returns through @task the one order @sql selects (its ORDER_COLUMNS,
 * payload and id), with ?1 bound to @text and ?2, if it asks, to the
 * cancelled state; or NULL when it selects none. */
static void
worker_return_one_order (StoreWorker *worker,
                         GTask       *task,
                         const char  *sql,
                         const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvOrder) order = NULL;
  sqlite3_stmt *statement;

  assert_on_worker (worker);

  if (!worker_require_db (worker, &error) || !(statement = worker_prepare (worker, sql, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  bind_text (statement, 1, text);
  if (sqlite3_bind_parameter_count (statement) >= 2)
    sqlite3_bind_int (statement, 2, PROV_ORDER_STATE_CANCELLED);
  order = worker_read_one_order (worker, statement, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&order), g_object_unref);
}

static void
worker_find_follow_up (StoreWorker *worker,
                       GTask       *task,
                       gpointer     args)
{
  worker_return_one_order (worker, task,
                           "SELECT " ORDER_COLUMNS ", payload, id FROM orders "
                           "WHERE json_extract (payload, '$.\"" PROV_ORDER_FIELD_FOLLOWS "\"') = ?1 "
                           "AND state != ?2 ORDER BY created_at DESC, id DESC LIMIT 1",
                           args);
}

/* The newest order, not cancelled, that follows up order @uuid (such as
 * the change that connects its SIM); the finish function returns NULL
 * without an error when there is none. */
void
prov_store_find_follow_up_async (ProvStore           *self,
                                 const char          *uuid,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (uuid != NULL);

  prov_store_push (self, worker_find_follow_up, g_strdup (uuid), g_free, NULL,
                   cancellable, callback, user_data, prov_store_find_follow_up_async);
}

ProvOrder *
prov_store_find_follow_up_finish (ProvStore     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
worker_find_by_reference (StoreWorker *worker,
                          GTask       *task,
                          gpointer     args)
{
  /* Cancelled or not: a confirmation finds its order. */
  worker_return_one_order (worker, task,
                           "SELECT " ORDER_COLUMNS ", payload, id FROM orders "
                           "WHERE substr (uuid, 1, length (?1)) = ?1 "
                           "ORDER BY created_at DESC, id DESC LIMIT 1",
                           args);
}

/* The order whose confirmation carries @reference (valid, as
 * prov_order_reference_normalize gives it); the finish function returns
 * NULL without an error when this till has none. Forty bits of a random
 * uuid make two orders of one till sharing a reference unlikely enough
 * that the newest is taken. */
void
prov_store_find_by_reference_async (ProvStore           *self,
                                    const char          *reference,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  char *uuid_prefix;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (reference != NULL);

  uuid_prefix = prov_order_reference_dup_uuid_prefix (reference);
  g_return_if_fail (uuid_prefix != NULL);
  prov_store_push (self, worker_find_by_reference, uuid_prefix, g_free, NULL,
                   cancellable, callback, user_data, prov_store_find_by_reference_async);
}

ProvOrder *
prov_store_find_by_reference_finish (ProvStore     *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  ProvOrderFilter *filter;
  guint            offset;
  guint            limit;
} ListArgs;

static void
list_args_free (ListArgs *args)
{
  prov_order_filter_free (args->filter);
  g_free (args);
}

#define FILTER_CLAUSE \
  "(?1 IS NULL OR customer_name LIKE ?1 ESCAPE '\\' OR reference LIKE ?1 ESCAPE '\\' " \
  "OR msisdn LIKE ?1 ESCAPE '\\' OR iccid LIKE ?1 ESCAPE '\\' OR imei LIKE ?1 ESCAPE '\\') " \
  "AND (?2 = 0 OR ((1 << state) & ?2) != 0) AND (?3 = 0 OR ((1 << kind) & ?3) != 0)"

static void
bind_filter (sqlite3_stmt          *statement,
             const ProvOrderFilter *filter)
{
  g_autofree char *pattern = prov_order_filter_dup_like_pattern (filter);

  bind_text (statement, 1, pattern);
  sqlite3_bind_int64 (statement, 2, filter != NULL ? filter->states : 0);
  sqlite3_bind_int64 (statement, 3, filter != NULL ? filter->kinds : 0);
}

static void
worker_list_orders (StoreWorker *worker,
                    GTask       *task,
                    gpointer     data)
{
  ListArgs *args = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orders = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *statement;
  int rc;

  assert_on_worker (worker);

  if (!worker_require_db (worker, &error) ||
      !(statement = worker_prepare (worker,
                                    "SELECT " ORDER_COLUMNS " FROM orders WHERE " FILTER_CLAUSE
                                    " ORDER BY updated_at DESC, id DESC LIMIT ?4 OFFSET ?5",
                                    &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  bind_filter (statement, args->filter);
  sqlite3_bind_int64 (statement, 4, args->limit);
  sqlite3_bind_int64 (statement, 5, args->offset);

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    g_ptr_array_add (orders, order_from_row (statement));
  if (rc != SQLITE_DONE)
    prov_store_set_sqlite_error (&error, worker->db, NULL);
  statement_done (statement);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&orders), (GDestroyNotify) g_ptr_array_unref);
}

/* Newest change first; a page of @limit orders from @offset. */
void
prov_store_list_orders_async (ProvStore             *self,
                              const ProvOrderFilter *filter,
                              guint                  offset,
                              guint                  limit,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  ListArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));

  args = g_new0 (ListArgs, 1);
  args->filter = prov_order_filter_copy (filter);
  args->offset = offset;
  args->limit = limit;

  prov_store_push (self, worker_list_orders, args, (GDestroyNotify) list_args_free, NULL,
                   cancellable, callback, user_data, prov_store_list_orders_async);
}

GPtrArray *
prov_store_list_orders_finish (ProvStore     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
worker_count_orders (StoreWorker *worker,
                     GTask       *task,
                     gpointer     data)
{
  ListArgs *args = data;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *statement;
  gint64 count = -1;

  assert_on_worker (worker);

  if (!worker_require_db (worker, &error) ||
      !(statement = worker_prepare (worker, "SELECT count(*) FROM orders WHERE " FILTER_CLAUSE, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  bind_filter (statement, args->filter);
  if (sqlite3_step (statement) == SQLITE_ROW)
    count = sqlite3_column_int64 (statement, 0);
  else
    prov_store_set_sqlite_error (&error, worker->db, NULL);
  statement_done (statement);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, count);
}

void
prov_store_count_orders_async (ProvStore             *self,
                               const ProvOrderFilter *filter,
                               GCancellable          *cancellable,
                               GAsyncReadyCallback    callback,
                               gpointer               user_data)
{
  ListArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));

  args = g_new0 (ListArgs, 1);
  args->filter = prov_order_filter_copy (filter);

  prov_store_push (self, worker_count_orders, args, (GDestroyNotify) list_args_free, NULL,
                   cancellable, callback, user_data, prov_store_count_orders_async);
}

gint64
prov_store_count_orders_finish (ProvStore     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  return g_task_propagate_int (G_TASK (result), error);
}

typedef struct {
  char           *uuid;
  ProvOrder      *order;   /* only touched on the main thread */
  char           *carrier_id;
  ProvOrderState  to;
  char           *who;
  char           *reason;
  gint64          at;
} TransitionArgs;

static void
transition_args_free (TransitionArgs *args)
{
  g_free (args->uuid);
  g_free (args->carrier_id);
  g_clear_object (&args->order);
  g_free (args->who);
  g_free (args->reason);
  g_free (args);
}

static gboolean
state_holds_identifiers (ProvOrderState state)
{
  return prov_order_state_is_open (state) && state != PROV_ORDER_STATE_DRAFT;
}

/* The store's stock follows the orders its SIMs and devices are on: placed
 * is assigned, completed is used; cancelled, or back to a draft, is on the
 * shelf again. Runs before the reservations change. */
static gboolean
worker_follow_stock (StoreWorker     *worker,
                     sqlite3_int64    order_id,
                     TransitionArgs  *args,
                     GError         **error)
{
  ProvStockStatus from;
  ProvStockStatus to;
  sqlite3_stmt *statement;

  if (args->to == PROV_ORDER_STATE_COMPLETED)
    from = PROV_STOCK_STATUS_ASSIGNED, to = PROV_STOCK_STATUS_USED;
  else if (args->to == PROV_ORDER_STATE_CANCELLED || args->to == PROV_ORDER_STATE_DRAFT)
    from = PROV_STOCK_STATUS_ASSIGNED, to = PROV_STOCK_STATUS_IN_STOCK;
  else if (args->to != PROV_ORDER_STATE_READY && state_holds_identifiers (args->to))
    from = PROV_STOCK_STATUS_IN_STOCK, to = PROV_STOCK_STATUS_ASSIGNED;
  else
    return TRUE;

  statement = worker_prepare (worker,
                              "UPDATE stock SET status = ?1, updated_at = ?2, "
                              "  order_id = CASE WHEN ?1 = ?5 THEN NULL ELSE ?3 END "
                              "WHERE status = ?4 AND identifier IN (SELECT value FROM reservations WHERE order_id = ?3)",
                              error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int (statement, 1, to);
  sqlite3_bind_int64 (statement, 2, args->at);
  sqlite3_bind_int64 (statement, 3, order_id);
  sqlite3_bind_int (statement, 4, from);
  sqlite3_bind_int (statement, 5, PROV_STOCK_STATUS_IN_STOCK);
  return worker_run (worker, statement, error);
}

/* Leaving the draft state needs every identifier of the order to be its
 * own; closing the order gives them back. */
static gboolean
worker_update_reservations (StoreWorker     *worker,
                            sqlite3_int64    order_id,
                            const char      *payload,
                            TransitionArgs  *args,
                            GError         **error)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(ProvOrder) parsed = NULL;
  g_autoptr(ProvOrderSnapshot) snapshot = NULL;
  sqlite3_stmt *statement;

  if (!prov_order_state_is_open (args->to))
    {
      statement = worker_prepare (worker, "DELETE FROM reservations WHERE order_id = ?", error);
      if (statement == NULL)
        return FALSE;
      sqlite3_bind_int64 (statement, 1, order_id);
      return worker_run (worker, statement, error);
    }

  if (!state_holds_identifiers (args->to))
    return TRUE;

  parsed = prov_order_new_from_row (args->uuid, PROV_ORDER_KIND_MOBILE_USER, PROV_ORDER_STATE_DRAFT,
                                    NULL, NULL, 0, 0, NULL);
  if (!prov_order_load_payload_json (parsed, payload, error) ||
      !worker_read_lines (worker, order_id, parsed, error))
    return FALSE;

  snapshot = prov_order_snapshot_new (parsed, args->at);
  conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_reservation_conflict_free);
  if (!worker_reserve_identifiers (worker, order_id, snapshot, args->at, conflicts, error))
    return FALSE;

  if (conflicts->len > 0)
    {
      g_autofree char *message = prov_reservation_conflict_dup_message (g_ptr_array_index (conflicts, 0));
      g_set_error_literal (error, PROV_STORE_ERROR, PROV_STORE_ERROR_IDENTIFIER_TAKEN, message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
worker_apply_transition (StoreWorker     *worker,
                         TransitionArgs  *args,
                         GError         **error)
{
  g_autoptr(GError) find_error = NULL;
  g_autofree char *payload = NULL;
  sqlite3_stmt *statement;
  sqlite3_int64 order_id;
  ProvOrderState from;

  if (!worker_find_order (worker, args->uuid, &order_id, &from, &payload, &find_error))
    {
      if (find_error != NULL)
        g_propagate_error (error, g_steal_pointer (&find_error));
      else
        g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_NOT_FOUND,
                     _("There is no order %s"), args->uuid);
      return FALSE;
    }

  /* Before and after the reservations change: what is released is known
   * before, what is newly held after. */
  if (!prov_order_state_check_transition (from, args->to, error) ||
      (!state_holds_identifiers (args->to) && !worker_follow_stock (worker, order_id, args, error)) ||
      !worker_update_reservations (worker, order_id, payload, args, error) ||
      (state_holds_identifiers (args->to) && !worker_follow_stock (worker, order_id, args, error)))
    return FALSE;

  statement = worker_prepare (worker,
                              "UPDATE orders SET state = ?1, updated_at = ?2, "
                              "submitted_at = CASE WHEN ?1 = ?3 THEN ?2 ELSE submitted_at END, "
                              "carrier_state = CASE WHEN ?4 IS NOT NULL THEN ?4 ELSE carrier_state END, "
                              "carrier_id = coalesce (?6, carrier_id) "
                              "WHERE id = ?5",
                              error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int (statement, 1, args->to);
  sqlite3_bind_int64 (statement, 2, args->at);
  sqlite3_bind_int (statement, 3, PROV_ORDER_STATE_QUEUED);
  bind_text (statement, 4, prov_order_state_is_at_carrier (args->to) ? prov_order_state_to_id (args->to) : NULL);
  sqlite3_bind_int64 (statement, 5, order_id);
  bind_text (statement, 6, args->carrier_id);
  if (!worker_run (worker, statement, error))
    return FALSE;

  if (args->to == PROV_ORDER_STATE_QUEUED)
    {
      statement = worker_prepare (worker,
                                  "INSERT OR REPLACE INTO outbox (order_id, queued_at, attempts, next_attempt_at) "
                                  "VALUES (?1, ?2, 0, ?2)",
                                  error);
      if (statement == NULL)
        return FALSE;
      sqlite3_bind_int64 (statement, 1, order_id);
      sqlite3_bind_int64 (statement, 2, args->at);
      if (!worker_run (worker, statement, error))
        return FALSE;
    }
  else if (from == PROV_ORDER_STATE_QUEUED)
    {
      statement = worker_prepare (worker, "DELETE FROM outbox WHERE order_id = ?", error);
      if (statement == NULL)
        return FALSE;
      sqlite3_bind_int64 (statement, 1, order_id);
      if (!worker_run (worker, statement, error))
        return FALSE;
    }

  return worker_add_event (worker, order_id, args->at, args->who, from, args->to, args->reason, error);
}

static void
worker_transition (StoreWorker *worker,
                   GTask       *task,
                   gpointer     data)
{
  TransitionArgs *args = data;
  g_autoptr(GError) error = NULL;

  assert_on_worker (worker);

  if (!worker_require_db (worker, &error) ||
      !worker_begin (worker, &error) ||
      !worker_apply_transition (worker, args, &error) ||
      !worker_commit (worker, &error))
    {
      if (worker->db != NULL)
        worker_rollback (worker);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
prov_store_transition_async (ProvStore           *self,
                             ProvOrder           *order,
                             ProvOrderState       to,
                             const char          *who,
                             const char          *reason,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  prov_store_carrier_transition_async (self, order, to, NULL, who, reason, cancellable, callback, user_data);
}

/* Moves @order to @to if its state machine allows it from the state the
 * database holds, recording who did it and why on its timeline, and the
 * carrier's id for it when @carrier_id is given. Finish with
 * prov_store_transition_finish. */
void
prov_store_carrier_transition_async (ProvStore           *self,
                                     ProvOrder           *order,
                                     ProvOrderState       to,
                                     const char          *carrier_id,
                                     const char          *who,
                                     const char          *reason,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  TransitionArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (PROV_IS_ORDER (order));
  g_return_if_fail (who != NULL);

  args = g_new0 (TransitionArgs, 1);
  args->uuid = g_strdup (prov_order_get_uuid (order));
  args->carrier_id = g_strdup (carrier_id);
  args->order = g_object_ref (order);
  args->to = to;
  args->who = g_strdup (who);
  args->reason = g_strdup (reason);
  args->at = g_get_real_time ();

  prov_store_push (self, worker_transition, args, (GDestroyNotify) transition_args_free,
                   args->uuid, cancellable, callback, user_data, prov_store_carrier_transition_async);
}

gboolean
prov_store_transition_finish (ProvStore     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  StoreRequest *request;
  TransitionArgs *args;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  request = g_task_get_task_data (G_TASK (result));
  args = request->args;
  prov_order_set_persisted_state (args->order, args->to, args->at);
  if (args->carrier_id != NULL)
    prov_order_set_carrier_id (args->order, args->carrier_id);

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Lines at the carrier                                                     */

typedef struct {
  char  *uuid;
  GStrv  lines;   /* line id, state, product id ("" when not told), … */
} LineStatesArgs;

static void
line_states_args_free (LineStatesArgs *args)
{
  g_free (args->uuid);
  g_strfreev (args->lines);
  g_free (args);
}

static void
worker_record_line_states (StoreWorker *worker,
                           GTask       *task,
                           gpointer     data)
{
  LineStatesArgs *args = data;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *statement;

  assert_on_worker (worker);

  if (!worker_require_db (worker, &error) ||
      !(statement = worker_prepare (worker,
                                    "UPDATE order_lines SET state = coalesce (nullif (?1, ''), state), "
                                    "  product_ref = coalesce (nullif (?4, ''), product_ref) "
                                    "WHERE order_id = (SELECT id FROM orders WHERE uuid = ?2) AND line_id = ?3",
                                    &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; args->lines[i] != NULL && args->lines[i + 1] != NULL && args->lines[i + 2] != NULL; i += 3)
    {
      bind_text (statement, 1, args->lines[i + 1]);
      bind_text (statement, 2, args->uuid);
      bind_text (statement, 3, args->lines[i]);
      bind_text (statement, 4, args->lines[i + 2]);
      if (!worker_run (worker, statement, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  g_task_return_boolean (task, TRUE);
}

/* Each line's state as the carrier reports it (productOrderItem.state)
 * and the carrier's product it made or changes (product.id): @lines holds
 * a line id, its state and its product id ("" for either when the carrier
 * did not say), then the next line's. For a new line the product id is
 * what a later change of it refers to. */
void
prov_store_record_line_states_async (ProvStore           *self,
                                     const char          *uuid,
                                     const char * const  *lines,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  LineStatesArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));

  args = g_new0 (LineStatesArgs, 1);
  args->uuid = g_strdup (uuid);
  args->lines = g_strdupv ((char **) lines);
  prov_store_push (self, worker_record_line_states, args, (GDestroyNotify) line_states_args_free, uuid,
                   cancellable, callback, user_data, prov_store_record_line_states_async);
}

gboolean
prov_store_record_line_states_finish (ProvStore     *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Placing                                                                  */

typedef struct {
  ProvOrderSnapshot *snapshot;
  ProvOrder         *order;      /* only touched on the main thread */
  ProvOrderState     to;
  char              *who;
  char              *reason;
  gint64             at;
  char              *account;
  GPtrArray         *extensions;  /* number, name, … */
  gboolean           new_only;    /* refused when the till has it already */
} PlaceArgs;

static void
place_args_free (PlaceArgs *args)
{
  prov_order_snapshot_free (args->snapshot);
  g_clear_object (&args->order);
  g_free (args->who);
  g_free (args->reason);
  g_free (args->account);
  g_ptr_array_unref (args->extensions);
  g_free (args);
}

static gboolean
worker_apply_place (StoreWorker  *worker,
                    PlaceArgs    *args,
                    GError      **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_reservation_conflict_free);
  TransitionArgs step = { 0 };
  sqlite3_int64 order_id = 0;
  ProvOrderState state = 0;

  /* An order from elsewhere never changes one the till has: whatever its
   * state, another order of the same reference is a duplicate. */
  if (args->new_only && worker_find_order (worker, args->snapshot->uuid, &order_id, &state, NULL, error))
    {
      g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_ALREADY_THERE,
                   _("The till has an order with this reference already (%s, %s): it is left as it is, and this "
                     "one is not placed"),
                   args->snapshot->uuid, prov_order_state_get_title (state));
      return FALSE;
    }
  if (error != NULL && *error != NULL)
    return FALSE;

  if (!worker_write_order (worker, args->snapshot, conflicts, error))
    return FALSE;
  if (conflicts->len > 0)
    {
      g_autofree char *message = prov_reservation_conflict_dup_message (g_ptr_array_index (conflicts, 0));
      g_set_error_literal (error, PROV_STORE_ERROR, PROV_STORE_ERROR_IDENTIFIER_TAKEN, message);
      return FALSE;
    }

  if (!worker_find_order (worker, args->snapshot->uuid, &order_id, &state, NULL, error))
    return FALSE;

  step.uuid = args->snapshot->uuid;
  step.who = args->who;
  step.at = args->at;
  if (state == PROV_ORDER_STATE_DRAFT)
    {
      step.to = PROV_ORDER_STATE_READY;
      step.reason = (char *) _("Every step is complete");
      if (!worker_apply_transition (worker, &step, error))
        return FALSE;
    }

  step.to = args->to;
  step.reason = args->reason;
  if (!worker_apply_transition (worker, &step, error))
    return FALSE;

  /* The extensions it takes are in use from now on, for the next order. */
  for (guint i = 0; args->account != NULL && i < args->extensions->len; i += 2)
    if (!worker_record_extension (worker, args->account, g_ptr_array_index (args->extensions, i),
                                  g_ptr_array_index (args->extensions, i + 1), args->snapshot->uuid, TRUE, error))
      return FALSE;

  return TRUE;
}

static void
worker_place (StoreWorker *worker,
              GTask       *task,
              gpointer     data)
{
  g_autoptr(GError) error = NULL;

  assert_on_worker (worker);

  if (!worker_require_db (worker, &error) ||
      !worker_begin (worker, &error) ||
      !worker_apply_place (worker, data, &error) ||
      !worker_commit (worker, &error))
    {
      if (worker->db != NULL)
        worker_rollback (worker);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void push_place (ProvStore           *self,
                        ProvOrder           *order,
                        ProvCatalog         *catalog,
                        const char          *who,
                        gboolean             new_only,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data);

/*
 * Places a draft: checks it is complete, saves what it holds, and moves it
 * to the state its content calls for (queued for the carrier, awaiting a
 * SIM, its inventory or an approval), with the outbox entry and the
 * timeline events, all in one transaction. @catalog, the carrier's as the
 * till has it (or NULL), says what the lines' products allow. Fails with
 * PROV_ORDER_ERROR when it is not complete, PROV_STORE_ERROR_IDENTIFIER_TAKEN when one of its
 * identifiers is another open order's.
 */
void
prov_store_place_order_async (ProvStore           *self,
                              ProvOrder           *order,
                              ProvCatalog         *catalog,
                              const char          *who,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  push_place (self, order, catalog, who, FALSE, cancellable, callback, user_data);
}

/* As prov_store_place_order_async, for an order from elsewhere (an
 * import): fails with PROV_STORE_ERROR_ALREADY_THERE, changing nothing,
 * when the till has an order of its uuid in any state. Finished with
 * prov_store_place_order_finish. */
void
prov_store_place_new_order_async (ProvStore           *self,
                                  ProvOrder           *order,
                                  ProvCatalog         *catalog,
                                  const char          *who,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  push_place (self, order, catalog, who, TRUE, cancellable, callback, user_data);
}

static void
push_place (ProvStore           *self,
            ProvOrder           *order,
            ProvCatalog         *catalog,
            const char          *who,
            gboolean             new_only,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  PlaceArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (PROV_IS_ORDER (order));

  if (!prov_order_check_complete (order, catalog, &error))
    {
      g_task_report_error (self, callback, user_data, prov_store_place_order_async, g_steal_pointer (&error));
      return;
    }

  args = g_new0 (PlaceArgs, 1);
  args->at = g_get_real_time ();
  args->snapshot = prov_order_snapshot_new (order, args->at);
  args->order = g_object_ref (order);
  args->to = prov_order_placed_state (order);
  args->reason = g_strdup (prov_order_placed_reason (order, args->to));
  args->who = g_strdup (who);
  args->new_only = new_only;
  args->account = g_strdup (prov_order_get_customer_account (order));
  args->extensions = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < prov_order_get_n_lines (order); i++)
    {
      ProvOrderLine *line = prov_order_get_line (order, i);
      const char *number = prov_order_line_get_field (line, "extension.number");

      if (number == NULL)
        continue;
      g_ptr_array_add (args->extensions, g_strdup (number));
      g_ptr_array_add (args->extensions, g_strdup (prov_order_line_get_field (line, "extension.name")));
    }
  prov_store_push (self, worker_place, args, (GDestroyNotify) place_args_free, prov_order_get_uuid (order),
                   cancellable, callback, user_data, prov_store_place_order_async);
}

gboolean
prov_store_place_order_finish (ProvStore     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  StoreRequest *request;
  PlaceArgs *args;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  /* Incomplete orders are reported without a request behind them. */
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  request = g_task_get_task_data (G_TASK (result));
  args = request->args;
  prov_order_set_persisted_state (args->order, args->to, args->at);

  return TRUE;
}

static void
worker_list_events (StoreWorker *worker,
                    GTask       *task,
                    gpointer     data)
{
  const char *uuid = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_order_event_free);
  sqlite3_stmt *statement;
  int rc;

  assert_on_worker (worker);

  if (!worker_require_db (worker, &error) ||
      !(statement = worker_prepare (worker,
                                    "SELECT e.at, e.who, e.from_state, e.to_state, e.reason "
                                    "FROM order_events e JOIN orders o ON o.id = e.order_id "
                                    "WHERE o.uuid = ? ORDER BY e.at, e.id",
                                    &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  bind_text (statement, 1, uuid);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      ProvOrderEvent *event = g_new0 (ProvOrderEvent, 1);

      event->at = sqlite3_column_int64 (statement, 0);
      event->who = g_strdup (column_text (statement, 1));
      event->from_state = sqlite3_column_int (statement, 2);
      event->to_state = sqlite3_column_int (statement, 3);
      event->reason = g_strdup (column_text (statement, 4));
      g_ptr_array_add (events, event);
    }
  if (rc != SQLITE_DONE)
    prov_store_set_sqlite_error (&error, worker->db, NULL);
  statement_done (statement);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&events), (GDestroyNotify) g_ptr_array_unref);
}

void
prov_store_list_events_async (ProvStore           *self,
                              const char          *uuid,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (uuid != NULL);

  prov_store_push (self, worker_list_events, g_strdup (uuid), g_free, NULL,
                   cancellable, callback, user_data, prov_store_list_events_async);
}

/* The order's timeline, oldest first. */
GPtrArray *
prov_store_list_events_finish (ProvStore     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */

char *
prov_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "provisioner", "orders.db", NULL);
}

ProvStore *
prov_store_new (const char *path)
{
  ProvStore *self;
  StoreWorker *worker;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (PROV_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->queue = g_async_queue_new ();

  worker = g_new0 (StoreWorker, 1);
  worker->queue = g_async_queue_ref (self->queue);
  worker->path = g_strdup (path);
  worker->statements = g_hash_table_new (NULL, NULL);
  worker->file_fd = -1;

  /* The worker reads its own thread pointer only for assertions, after
   * this assignment is visible: the queue's lock orders the two. */
  g_async_queue_lock (self->queue);
  self->thread = g_thread_new ("prov-store", worker_main, worker);
  worker->thread = self->thread;
  g_async_queue_unlock (self->queue);

  return self;
}

const char *
prov_store_get_path (ProvStore *self)
{
  g_return_val_if_fail (PROV_IS_STORE (self), NULL);

  return self->path;
}

static void
prov_store_finalize (GObject *object)
{
  ProvStore *self = PROV_STORE (object);

  g_async_queue_push (self->queue, &stop_marker);
  if (g_thread_self () == self->thread)
    g_thread_unref (self->thread);
  else
    g_thread_join (self->thread);

  g_async_queue_unref (self->queue);
  g_free (self->path);

  G_OBJECT_CLASS (prov_store_parent_class)->finalize (object);
}

static void
prov_store_class_init (ProvStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = prov_store_finalize;

  /* Emitted on the main context after an order was written. */
  signals[ORDER_CHANGED] = g_signal_new ("order-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                         G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
prov_store_init (ProvStore *self)
{
}
