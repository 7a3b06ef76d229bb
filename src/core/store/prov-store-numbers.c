#include "prov-store-private.h"

/* Numbers reserved at the carrier ahead of time (TMF685), so a new line
 * gets a number at the counter while the network is down. A number is
 * free while its reservation runs and no open order uses it. */

typedef struct {
  char   *reservation_id;
  GStrv   msisdns;
  gint64  expires_at;
} AddArgs;

static void
add_args_free (AddArgs *args)
{
  g_free (args->reservation_id);
  g_strfreev (args->msisdns);
  g_free (args);
}

/* status: 2 reserved (see the schema) */
static gboolean
write_numbers (StoreWorker  *worker,
               gpointer      data,
               GError      **error)
{
  AddArgs *args = data;
  sqlite3_stmt *insert;

  if (!(insert = _prov_store_worker_prepare (worker,
                                             "INSERT INTO numbers (msisdn, status, reservation_id, expires_at) VALUES (?1, 2, ?2, ?3) "
                                             "ON CONFLICT (msisdn) DO UPDATE SET status = 2, reservation_id = ?2, expires_at = ?3",
                                             error)))
    return FALSE;

  for (guint i = 0; args->msisdns[i] != NULL; i++)
    {
      _prov_store_bind_text (insert, 1, args->msisdns[i]);
      _prov_store_bind_text (insert, 2, args->reservation_id);
      sqlite3_bind_int64 (insert, 3, args->expires_at);
      if (!_prov_store_worker_run (worker, insert, error))
        return FALSE;
    }

  return TRUE;
}

static void
worker_add_numbers (StoreWorker *worker,
                    GTask       *task,
                    gpointer     data)
{
  _prov_store_worker_return_write (worker, task, write_numbers, data);
}

void
prov_store_add_numbers_async (ProvStore           *self,
                              const char          *reservation_id,
                              const char * const  *msisdns,
                              gint64               expires_at,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  AddArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (reservation_id != NULL && msisdns != NULL);

  args = g_new0 (AddArgs, 1);
  args->reservation_id = g_strdup (reservation_id);
  args->msisdns = g_strdupv ((char **) msisdns);
  args->expires_at = expires_at;

  _prov_store_push (self, worker_add_numbers, args, (GDestroyNotify) add_args_free, NULL,
                    cancellable, callback, user_data, prov_store_add_numbers_async);
}

gboolean
prov_store_add_numbers_finish (ProvStore     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _prov_store_finish (self, result, prov_store_add_numbers_async, error);
}

typedef struct {
  gint64  now;
  char   *except_order;
} FreeArgs;

static void
free_args_free (FreeArgs *args)
{
  g_free (args->except_order);
  g_free (args);
}

static void
worker_list_free_numbers (StoreWorker *worker,
                          GTask       *task,
                          gpointer     data)
{
  FreeArgs *args = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) numbers = g_strv_builder_new ();
  sqlite3_stmt *statement;
  int rc;

  assert_on_worker (worker);

  if (!_prov_store_worker_require_db (worker, &error) ||
      !(statement = _prov_store_worker_prepare (worker,
                                                "SELECT msisdn FROM numbers n WHERE status = 2 AND expires_at > ?1 "
                                                "AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.msisdn = n.msisdn "
                                                "  AND o.uuid IS NOT ?2 AND o.state NOT IN (?3, ?4, ?5, ?6)) "
                                                "ORDER BY msisdn",
                                                &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  sqlite3_bind_int64 (statement, 1, args->now);
  _prov_store_bind_text (statement, 2, args->except_order);
  sqlite3_bind_int (statement, 3, PROV_ORDER_STATE_CANCELLED);
  sqlite3_bind_int (statement, 4, PROV_ORDER_STATE_REJECTED);
  sqlite3_bind_int (statement, 5, PROV_ORDER_STATE_FAILED);
  sqlite3_bind_int (statement, 6, PROV_ORDER_STATE_DECLINED);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    g_strv_builder_add (numbers, _prov_store_column_text (statement, 0));
  if (rc != SQLITE_DONE)
    prov_store_set_sqlite_error (&error, worker->db, NULL);
  _prov_store_statement_done (statement);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_strv_builder_end (numbers), (GDestroyNotify) g_strfreev);
}

/* The reserved numbers no other open order uses; except_order_uuid is
 * the order being edited, whose own number stays on offer. */
void
prov_store_list_free_numbers_async (ProvStore           *self,
                                    const char          *except_order_uuid,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  FreeArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));

  args = g_new0 (FreeArgs, 1);
  args->now = g_get_real_time ();
  args->except_order = g_strdup (except_order_uuid);

  _prov_store_push (self, worker_list_free_numbers, args, (GDestroyNotify) free_args_free, NULL,
                    cancellable, callback, user_data, prov_store_list_free_numbers_async);
}

GStrv
prov_store_list_free_numbers_finish (ProvStore     *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return _prov_store_finish_pointer (self, result, prov_store_list_free_numbers_async, error);
}
