#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "prov-store-error.h"
#include "prov-store-private.h"

/* The outbox: orders placed but not yet with the carrier. */

void
prov_outbox_entry_free (ProvOutboxEntry *entry)
{
  g_free (entry->uuid);
  g_free (entry);
}

typedef struct {
  GPtrArray *entries;
  gint64     next_due;
} OutboxList;

static void
outbox_list_free (OutboxList *list)
{
  g_ptr_array_unref (list->entries);
  g_free (list);
}

typedef struct {
  gint64 due_by;
  guint  limit;
} ListArgs;

static void
worker_list_outbox (StoreWorker *worker,
                    GTask       *task,
                    gpointer     data)
{
  ListArgs *args = data;
  g_autoptr(GError) error = NULL;
  OutboxList *list = g_new0 (OutboxList, 1);
  sqlite3_stmt *statement;
  int rc;

  assert_on_worker (worker);

  list->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_outbox_entry_free);
  list->next_due = -1;

  if (!_prov_store_worker_require_db (worker, &error) ||
      !(statement = _prov_store_worker_prepare (worker,
                                                "SELECT o.uuid, b.attempts FROM outbox b JOIN orders o ON o.id = b.order_id "
                                                "WHERE b.next_attempt_at <= ? ORDER BY b.next_attempt_at, b.order_id LIMIT ?",
                                                &error)))
    goto failed;

  sqlite3_bind_int64 (statement, 1, args->due_by);
  sqlite3_bind_int (statement, 2, args->limit);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      ProvOutboxEntry *entry = g_new0 (ProvOutboxEntry, 1);

      entry->uuid = g_strdup (_prov_store_column_text (statement, 0));
      entry->attempts = sqlite3_column_int (statement, 1);
      g_ptr_array_add (list->entries, entry);
    }
  _prov_store_statement_done (statement);
  if (rc != SQLITE_DONE)
    {
      prov_store_set_sqlite_error (&error, worker->db, NULL);
      goto failed;
    }

  if (!(statement = _prov_store_worker_prepare (worker, "SELECT min (next_attempt_at) FROM outbox", &error)))
    goto failed;
  if (sqlite3_step (statement) == SQLITE_ROW && sqlite3_column_type (statement, 0) != SQLITE_NULL)
    list->next_due = sqlite3_column_int64 (statement, 0);
  _prov_store_statement_done (statement);

  g_task_return_pointer (task, list, (GDestroyNotify) outbox_list_free);
  return;

failed:
  outbox_list_free (list);
  g_task_return_error (task, g_steal_pointer (&error));
}

/* Up to @limit orders whose next attempt is due by @due_by (real time, µs),
 * the longest waiting first. */
void
prov_store_list_outbox_async (ProvStore           *self,
                              gint64               due_by,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  ListArgs *args = g_new0 (ListArgs, 1);

  g_return_if_fail (PROV_IS_STORE (self));

  args->due_by = due_by;
  args->limit = limit;
  _prov_store_push (self, worker_list_outbox, args, g_free, NULL,
                    cancellable, callback, user_data, prov_store_list_outbox_async);
}

/* @next_due: when the earliest order in the outbox is due, -1 when empty. */
GPtrArray *
prov_store_list_outbox_finish (ProvStore     *self,
                               GAsyncResult  *result,
                               gint64        *next_due,
                               GError       **error)
{
  OutboxList *list;
  GPtrArray *entries;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  list = g_task_propagate_pointer (G_TASK (result), error);
  if (list == NULL)
    return NULL;

  if (next_due != NULL)
    *next_due = list->next_due;
  entries = g_ptr_array_ref (list->entries);
  outbox_list_free (list);

  return entries;
}

typedef struct {
  char   *uuid;
  gint64  next_attempt_at;
  char   *problem;
} AttemptArgs;

static void
attempt_args_free (AttemptArgs *args)
{
  g_free (args->uuid);
  g_free (args->problem);
  g_free (args);
}

static AttemptArgs *
attempt_args_new (const char *uuid,
                  gint64      next_attempt_at,
                  const char *problem)
{
  AttemptArgs *args = g_new0 (AttemptArgs, 1);

  args->uuid = g_strdup (uuid);
  args->next_attempt_at = next_attempt_at;
  args->problem = g_strdup (problem);

  return args;
}

static void
worker_update_outbox (StoreWorker *worker,
                      GTask       *task,
                      const char  *sql,
                      AttemptArgs *args)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *statement;

  assert_on_worker (worker);

  if (!_prov_store_worker_require_db (worker, &error) || !(statement = _prov_store_worker_prepare (worker, sql, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  sqlite3_bind_int64 (statement, 1, args->next_attempt_at);
  _prov_store_bind_text (statement, 2, args->problem);
  _prov_store_bind_text (statement, 3, args->uuid);
  if (!_prov_store_worker_run (worker, statement, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (sqlite3_changes (worker->db) == 0)
    g_task_return_new_error (task, PROV_STORE_ERROR, PROV_STORE_ERROR_NOT_FOUND,
                             _("The order is no longer in the outbox"));
  else
    g_task_return_boolean (task, TRUE);
}

static void
worker_begin_attempt (StoreWorker *worker,
                      GTask       *task,
                      gpointer     data)
{
  worker_update_outbox (worker, task,
                        "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = coalesce (?, last_error) "
                        "WHERE order_id = (SELECT id FROM orders WHERE uuid = ?)",
                        data);
}

/*
 * Called before every request that may create the order at the carrier,
 * and committed before it leaves: whatever happens next (no answer, a
 * crash, a full disk), the next attempt knows the carrier may have the
 * order and asks before posting again. @retry_at is when the order is due
 * again if nothing else is recorded.
 */
void
prov_store_begin_attempt_async (ProvStore           *self,
                                const char          *uuid,
                                gint64               retry_at,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (PROV_IS_STORE (self));

  _prov_store_push (self, worker_begin_attempt, attempt_args_new (uuid, retry_at, NULL),
                    (GDestroyNotify) attempt_args_free, uuid, cancellable, callback, user_data,
                    prov_store_begin_attempt_async);
}

gboolean
prov_store_begin_attempt_finish (ProvStore     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _prov_store_finish (self, result, prov_store_begin_attempt_async, error);
}

static void
worker_retry_later (StoreWorker *worker,
                    GTask       *task,
                    gpointer     data)
{
  worker_update_outbox (worker, task,
                        "UPDATE outbox SET next_attempt_at = ?, last_error = ? "
                        "WHERE order_id = (SELECT id FROM orders WHERE uuid = ?)",
                        data);
}

/* An attempt did not end with the carrier's answer: try again at
 * @next_attempt_at; @problem is kept for the clerk to see. */
void
prov_store_retry_later_async (ProvStore           *self,
                              const char          *uuid,
                              gint64               next_attempt_at,
                              const char          *problem,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (PROV_IS_STORE (self));

  _prov_store_push (self, worker_retry_later, attempt_args_new (uuid, next_attempt_at, problem),
                    (GDestroyNotify) attempt_args_free, uuid, cancellable, callback, user_data,
                    prov_store_retry_later_async);
}

gboolean
prov_store_retry_later_finish (ProvStore     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _prov_store_finish (self, result, prov_store_retry_later_async, error);
}

/*
 * One sender per database: the app and provisioner-cli sync must not work
 * on the same outbox at once, or both could find an order missing at the
 * carrier while the other's request is still on its way. The claim is an
 * advisory lock (flock) on the database file itself, so it holds whatever
 * path or symbolic link each opened it through; it lasts until the store
 * is closed, and the kernel drops it when a process dies. SQLite's own
 * locks are POSIX record locks, which flock does not touch.
 */
static void
worker_claim_outbox (StoreWorker *worker,
                     GTask       *task,
                     gpointer     data)
{
  g_autoptr(GError) error = NULL;

  assert_on_worker (worker);

  if (!_prov_store_worker_require_db (worker, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (worker->sending)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (flock (worker->file_fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EWOULDBLOCK)
        g_task_return_new_error (task, PROV_STORE_ERROR, PROV_STORE_ERROR_BUSY,
                                 _("Another Provisioner is sending these orders (the app, or provisioner-cli sync), "
                                   "perhaps through another path to the same database. They are sent once it has "
                                   "finished."));
      else
        g_task_return_new_error (task, PROV_STORE_ERROR, PROV_STORE_ERROR_UNREADABLE,
                                 _("The outbox cannot be locked for sending (%s): %s"),
                                 worker->path, g_strerror (saved_errno));
      return;
    }

  worker->sending = TRUE;
  g_task_return_boolean (task, TRUE);
}

void
prov_store_claim_outbox_async (ProvStore           *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (PROV_IS_STORE (self));

  _prov_store_push (self, worker_claim_outbox, NULL, NULL, NULL, cancellable, callback, user_data,
                    prov_store_claim_outbox_async);
}

gboolean
prov_store_claim_outbox_finish (ProvStore     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _prov_store_finish (self, result, prov_store_claim_outbox_async, error);
}

typedef struct {
  char  *uuid;
  GStrv  keys_and_values;
} FieldsArgs;

static void
fields_args_free (FieldsArgs *args)
{
  g_free (args->uuid);
  g_strfreev (args->keys_and_values);
  g_free (args);
}

static void
worker_record_fields (StoreWorker *worker,
                      GTask       *task,
                      gpointer     data)
{
  FieldsArgs *args = data;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *statement;

  assert_on_worker (worker);

  if (!_prov_store_worker_require_db (worker, &error) ||
      !(statement = _prov_store_worker_prepare (worker,
                                                "UPDATE orders SET payload = json_set (payload, '$.\"' || ?1 || '\"', ?2) "
                                                "WHERE uuid = ?3",
                                                &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; args->keys_and_values[i] != NULL && args->keys_and_values[i + 1] != NULL; i += 2)
    {
      _prov_store_bind_text (statement, 1, args->keys_and_values[i]);
      _prov_store_bind_text (statement, 2, args->keys_and_values[i + 1]);
      _prov_store_bind_text (statement, 3, args->uuid);
      if (!_prov_store_worker_run (worker, statement, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (sqlite3_changes (worker->db) == 0)
        {
          g_task_return_new_error (task, PROV_STORE_ERROR, PROV_STORE_ERROR_NOT_FOUND,
                                   _("There is no order %s"), args->uuid);
          return;
        }
    }

  g_task_return_boolean (task, TRUE);
}

/*
 * Order-level fields the sender learns or must remember about a placed
 * order, whatever its state (such as the carrier's number for the customer
 * it created): @keys_and_values holds a key, then its value, and so on.
 * Committed before the callback runs.
 */
void
prov_store_record_order_fields_async (ProvStore           *self,
                                      const char          *uuid,
                                      const char * const  *keys_and_values,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  FieldsArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (uuid != NULL);
  g_return_if_fail (keys_and_values != NULL);

  args = g_new0 (FieldsArgs, 1);
  args->uuid = g_strdup (uuid);
  args->keys_and_values = g_strdupv ((char **) keys_and_values);
  _prov_store_push (self, worker_record_fields, args, (GDestroyNotify) fields_args_free, uuid,
                    cancellable, callback, user_data, prov_store_record_order_fields_async);
}

gboolean
prov_store_record_order_fields_finish (ProvStore     *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _prov_store_finish (self, result, prov_store_record_order_fields_async, error);
}
