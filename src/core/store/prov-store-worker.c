#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "prov-store-error.h"
#include "prov-store-private.h"

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

/* Pushed to make the worker leave its loop. */
static int stop_marker;

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

void
_prov_store_worker_close_db (StoreWorker *worker)
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
    _prov_store_announce_change (self, request->changed_uuid);

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

/* The store's own requests (opening, closing) change the connection and
 * run outside any group. */
static gboolean
groupable (GTask *task)
{
  StoreRequest *request = g_task_get_task_data (task);

  return request->func != _prov_store_worker_open && request->func != _prov_store_worker_close;
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

  if (group->len == 1 || worker->db == NULL || !_prov_store_worker_exec (worker, "BEGIN IMMEDIATE", NULL))
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

  committed = !sqlite3_get_autocommit (worker->db) && _prov_store_worker_exec (worker, "COMMIT", NULL);
  if (!committed)
    {
      if (!sqlite3_get_autocommit (worker->db))
        _prov_store_worker_exec (worker, "ROLLBACK", NULL);

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
      if (worker->truncate_wal && worker->db != NULL && sqlite3_get_autocommit (worker->db))
        {
          worker->truncate_wal = FALSE;
          if (sqlite3_wal_checkpoint_v2 (worker->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL) != SQLITE_OK)
            g_debug ("The WAL was not emptied after secrets were erased: %s", sqlite3_errmsg (worker->db));
        }

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

  _prov_store_worker_close_db (worker);
  g_hash_table_unref (worker->statements);
  g_async_queue_unref (worker->queue);
  g_free (worker->path);
  g_free (worker);

  return NULL;
}

gboolean
_prov_store_worker_require_db (StoreWorker  *worker,
                               GError      **error)
{
  if (worker->db != NULL)
    return TRUE;

  g_set_error_literal (error, PROV_STORE_ERROR, PROV_STORE_ERROR_CLOSED,
                       _("The order database is not open"));
  return FALSE;
}

sqlite3_stmt *
_prov_store_worker_prepare (StoreWorker  *worker,
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
_prov_store_statement_done (sqlite3_stmt *statement)
{
  sqlite3_reset (statement);
  sqlite3_clear_bindings (statement);
}

/* Runs a statement that returns no rows. */
gboolean
_prov_store_worker_run (StoreWorker  *worker,
                        sqlite3_stmt *statement,
                        GError      **error)
{
  int rc = sqlite3_step (statement);

  _prov_store_statement_done (statement);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      prov_store_set_sqlite_error (error, worker->db, NULL);
      return FALSE;
    }

  return TRUE;
}

gboolean
_prov_store_worker_exec (StoreWorker  *worker,
                         const char   *sql,
                         GError      **error)
{
  sqlite3_stmt *statement = _prov_store_worker_prepare (worker, sql, error);

  return statement != NULL && _prov_store_worker_run (worker, statement, error);
}

/* Inside a group, a request's transaction is a savepoint of the group's. */
gboolean
_prov_store_worker_begin (StoreWorker  *worker,
                          GError      **error)
{
  return _prov_store_worker_exec (worker, worker->in_group ? "SAVEPOINT request" : "BEGIN IMMEDIATE", error);
}

gboolean
_prov_store_worker_commit (StoreWorker  *worker,
                           GError      **error)
{
  return _prov_store_worker_exec (worker, worker->in_group ? "RELEASE request" : "COMMIT", error);
}

void
_prov_store_worker_rollback (StoreWorker *worker)
{
  if (sqlite3_get_autocommit (worker->db))
    return;

  if (worker->in_group)
    {
      _prov_store_worker_exec (worker, "ROLLBACK TO request", NULL);
      _prov_store_worker_exec (worker, "RELEASE request", NULL);
    }
  else
    _prov_store_worker_exec (worker, "ROLLBACK", NULL);
}

void
_prov_store_bind_text (sqlite3_stmt *statement,
                       int           index,
                       const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (statement, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (statement, index);
}

const char *
_prov_store_column_text (sqlite3_stmt *statement,
                         int           index)
{
  return (const char *) sqlite3_column_text (statement, index);
}

/* ------------------------------------------------------------------------ */
/* Queueing requests                                                        */

void
_prov_store_push (ProvStore           *self,
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

  g_async_queue_push (_prov_store_get_queue (self), task);
}


/* ------------------------------------------------------------------------ */
/* Starting and stopping                                                    */

GThread *
_prov_store_worker_start (const char  *path,
                          GAsyncQueue *queue)
{
  StoreWorker *worker = g_new0 (StoreWorker, 1);
  GThread *thread;

  worker->queue = g_async_queue_ref (queue);
  worker->path = g_strdup (path);
  worker->statements = g_hash_table_new (NULL, NULL);
  worker->file_fd = -1;

  /* The worker reads its own thread pointer only for assertions, after
   * this assignment is visible: the queue's lock orders the two. */
  g_async_queue_lock (queue);
  thread = g_thread_new ("prov-store", worker_main, worker);
  worker->thread = thread;
  g_async_queue_unlock (queue);

  return thread;
}

/* Asks the worker to leave its loop once what is queued before has run.
 * Called from the store's finalize, which may run on the worker itself
 * (when a reply drops the last reference): then it cannot wait for it. */
void
_prov_store_worker_stop (GAsyncQueue *queue,
                         GThread     *thread)
{
  g_async_queue_push (queue, &stop_marker);
  if (g_thread_self () == thread)
    g_thread_unref (thread);
  else
    g_thread_join (thread);
}

/* What the request behind @task was given, for its finish function. */
gpointer
_prov_store_request_get_args (GTask *task)
{
  StoreRequest *request = g_task_get_task_data (task);

  return request->args;
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */

/* Runs @write in a transaction of its own (inside a group, a savepoint of
 * the group's): all it changed is kept, or on failure nothing. */
gboolean
_prov_store_worker_write (StoreWorker         *worker,
                          ProvStoreWriteFunc   write,
                          gpointer             data,
                          GError             **error)
{
  assert_on_worker (worker);

  if (!_prov_store_worker_require_db (worker, error) ||
      !_prov_store_worker_begin (worker, error))
    return FALSE;

  if (!write (worker, data, error) || !_prov_store_worker_commit (worker, error))
    {
      if (worker->db != NULL)
        _prov_store_worker_rollback (worker);
      return FALSE;
    }

  return TRUE;
}

/* Runs @write as _prov_store_worker_write does and returns on @task
 * whether it worked. */
void
_prov_store_worker_return_write (StoreWorker        *worker,
                                 GTask              *task,
                                 ProvStoreWriteFunc  write,
                                 gpointer            data)
{
  GError *error = NULL;

  if (_prov_store_worker_write (worker, write, data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The finish of every operation that answers only whether it worked. */
gboolean
_prov_store_finish (ProvStore     *self,
                    GAsyncResult  *result,
                    gpointer       source_tag,
                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The finish of every operation that answers with a pointer (an order, a
 * list), or NULL with @error set. */
gpointer
_prov_store_finish_pointer (ProvStore     *self,
                            GAsyncResult  *result,
                            gpointer       source_tag,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Steps @statement to its end and returns through @task, as a GPtrArray,
 * what @read_row makes of each row; or the error that stopped it. */
void
_prov_store_worker_return_rows (StoreWorker      *worker,
                                GTask            *task,
                                sqlite3_stmt     *statement,
                                ProvStoreRowFunc  read_row,
                                GDestroyNotify    free_row)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);
  GError *error = NULL;
  int rc;

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_row (statement));
  if (rc != SQLITE_DONE)
    prov_store_set_sqlite_error (&error, worker->db, NULL);
  _prov_store_statement_done (statement);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&rows), (GDestroyNotify) g_ptr_array_unref);
}
