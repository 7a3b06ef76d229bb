#include <glib/gi18n-lib.h>

#include "prov-order-field.h"
#include "prov-store-private.h"

/* Stock operations of ProvStore: SIMs and devices on the shelves. */

typedef struct {
  guint added;
  guint known;
} AddResult;

typedef struct {
  GPtrArray *items;
  AddResult *result;
} AddStock;

static gboolean
write_stock (StoreWorker  *worker,
             gpointer      data,
             GError      **error)
{
  AddStock *add = data;
  sqlite3_stmt *insert;
  gint64 now = g_get_real_time ();

  if (!(insert = _prov_store_worker_prepare (worker,
                                             "INSERT OR IGNORE INTO stock (id_kind, identifier, status, model, added_at, updated_at) "
                                             "VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                                             error)))
    return FALSE;

  for (guint i = 0; i < add->items->len; i++)
    {
      ProvStockItem *item = g_ptr_array_index (add->items, i);

      sqlite3_bind_int (insert, 1, item->kind);
      _prov_store_bind_text (insert, 2, item->identifier);
      sqlite3_bind_int (insert, 3, PROV_STOCK_STATUS_IN_STOCK);
      _prov_store_bind_text (insert, 4, item->model);
      sqlite3_bind_int64 (insert, 5, now);
      if (!_prov_store_worker_run (worker, insert, error))
        return FALSE;

      if (sqlite3_changes (worker->db) > 0)
        add->result->added++;
      else
        add->result->known++;
    }

  return TRUE;
}

static void
worker_add_stock (StoreWorker *worker,
                  GTask       *task,
                  gpointer     data)
{
  AddStock add = { data, g_new0 (AddResult, 1) };
  g_autoptr(GError) error = NULL;

  if (_prov_store_worker_write (worker, write_stock, &add, &error))
    g_task_return_pointer (task, add.result, g_free);
  else
    {
      g_free (add.result);
      g_task_return_error (task, g_steal_pointer (&error));
    }
}

static gpointer
copy_item (gconstpointer item,
           gpointer      user_data)
{
  return prov_stock_item_copy (item);
}

/* Adds SIMs and devices as in stock; ones already known are left as they are. */
void
prov_store_add_stock_async (ProvStore           *self,
                            GPtrArray           *items,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GPtrArray *copy;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (items != NULL);

  copy = g_ptr_array_copy (items, copy_item, NULL);
  g_ptr_array_set_free_func (copy, (GDestroyNotify) prov_stock_item_free);

  _prov_store_push (self, worker_add_stock, copy, (GDestroyNotify) g_ptr_array_unref, NULL,
                    cancellable, callback, user_data, prov_store_add_stock_async);
}

gboolean
prov_store_add_stock_finish (ProvStore     *self,
                             GAsyncResult  *result,
                             guint         *added,
                             guint         *already_known,
                             GError       **error)
{
  g_autofree AddResult *counts = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  counts = g_task_propagate_pointer (G_TASK (result), error);
  if (counts == NULL)
    return FALSE;

  if (added != NULL)
    *added = counts->added;
  if (already_known != NULL)
    *already_known = counts->known;

  return TRUE;
}

typedef struct {
  guint32          kinds;
  char            *suffix;
  ProvStockStatus  status;
  guint            limit;
} FindArgs;

static void
find_args_free (FindArgs *args)
{
  g_free (args->suffix);
  g_free (args);
}

static void
worker_find_stock (StoreWorker *worker,
                   GTask       *task,
                   gpointer     data)
{
  FindArgs *args = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_stock_item_free);
  g_autofree char *pattern = NULL;
  sqlite3_stmt *statement;
  sqlite3_stmt *count;
  guint total = 0;
  int rc;

  assert_on_worker (worker);

  if (!_prov_store_worker_require_db (worker, &error) ||
      !(statement = _prov_store_worker_prepare (worker,
                                                "SELECT id_kind, identifier, status, model, added_at FROM stock "
                                                "WHERE ((1 << id_kind) & ?1) != 0 AND identifier LIKE ?2 "
                                                "AND (?3 = 0 OR status = ?3) ORDER BY added_at DESC, id DESC LIMIT ?4",
                                                &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Suffixes are digits only (checked by the caller): nothing to escape. */
  pattern = g_strconcat ("%", args->suffix, NULL);
  sqlite3_bind_int64 (statement, 1, args->kinds);
  _prov_store_bind_text (statement, 2, pattern);
  sqlite3_bind_int (statement, 3, args->status);
  sqlite3_bind_int (statement, 4, args->limit);

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      ProvStockItem *item = prov_stock_item_new (sqlite3_column_int (statement, 0),
                                                 _prov_store_column_text (statement, 1),
                                                 _prov_store_column_text (statement, 3));
      item->status = sqlite3_column_int (statement, 2);
      item->added_at = sqlite3_column_int64 (statement, 4);
      g_ptr_array_add (items, item);
    }
  if (rc != SQLITE_DONE)
    prov_store_set_sqlite_error (&error, worker->db, NULL);
  _prov_store_statement_done (statement);

  /* How many there are in all, when the list is cut. */
  if (error == NULL && items->len >= args->limit &&
      (count = _prov_store_worker_prepare (worker,
                                           "SELECT count(*) FROM stock WHERE ((1 << id_kind) & ?1) != 0 AND identifier LIKE ?2 "
                                           "AND (?3 = 0 OR status = ?3)", &error)) != NULL)
    {
      sqlite3_bind_int64 (count, 1, args->kinds);
      _prov_store_bind_text (count, 2, pattern);
      sqlite3_bind_int (count, 3, args->status);
      if (sqlite3_step (count) == SQLITE_ROW)
        total = sqlite3_column_int (count, 0);
      else
        prov_store_set_sqlite_error (&error, worker->db, NULL);
      _prov_store_statement_done (count);
    }
  else
    total = items->len;

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    {
      g_object_set_data (G_OBJECT (task), "prov-total", GUINT_TO_POINTER (total));
      g_task_return_pointer (task, g_steal_pointer (&items), (GDestroyNotify) g_ptr_array_unref);
    }
}

/*
 * Stock of @kinds (a mask of 1 << ProvIdKind) whose identifier ends in
 * @suffix (digits; "" for all), with @status (0 for any), newest first:
 * how a clerk picks a SIM by the last four digits printed on it.
 */
void
prov_store_find_stock_async (ProvStore           *self,
                             guint32              kinds,
                             const char          *suffix,
                             ProvStockStatus      status,
                             guint                limit,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  FindArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (suffix != NULL);

  for (const char *p = suffix; *p != '\0'; p++)
    g_return_if_fail (g_ascii_isxdigit (*p));

  args = g_new0 (FindArgs, 1);
  args->kinds = kinds;
  args->suffix = g_ascii_strup (suffix, -1);
  args->status = status;
  args->limit = limit;

  _prov_store_push (self, worker_find_stock, args, (GDestroyNotify) find_args_free, NULL,
                    cancellable, callback, user_data, prov_store_find_stock_async);
}

/* @total: how many match in all; more than the list holds when @limit
 * cut it. */
GPtrArray *
prov_store_find_stock_finish (ProvStore     *self,
                              GAsyncResult  *result,
                              guint         *total,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (total != NULL)
    *total = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "prov-total"));

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A request of flow 5 the carrier completed replaced a SIM or a device:
 * the old one, if the store sold it, is back on the shelf as returned.
 * Runs in the completion's transaction. */
gboolean
_prov_store_worker_return_replaced (StoreWorker    *worker,
                                    sqlite3_int64   order_id,
                                    gint64          at,
                                    GError        **error)
{
  static const char * const replaced[] = { PROV_ORDER_FIELD_REQUEST_OLD_ICCID, PROV_ORDER_FIELD_REQUEST_OLD_IMEI };

  for (guint i = 0; i < G_N_ELEMENTS (replaced); i++)
    {
      sqlite3_stmt *statement = _prov_store_worker_prepare (worker,
                                                            "UPDATE stock SET status = ?1, updated_at = ?2, order_id = NULL "
                                                            "WHERE status = ?3 AND identifier IN "
                                                            "  (SELECT json_extract (payload, '$.\"' || ?4 || '\"') "
                                                            "   FROM order_lines WHERE order_id = ?5)",
                                                            error);

      if (statement == NULL)
        return FALSE;
      sqlite3_bind_int (statement, 1, PROV_STOCK_STATUS_RETURNED);
      sqlite3_bind_int64 (statement, 2, at);
      sqlite3_bind_int (statement, 3, PROV_STOCK_STATUS_USED);
      _prov_store_bind_text (statement, 4, replaced[i]);
      sqlite3_bind_int64 (statement, 5, order_id);
      if (!_prov_store_worker_run (worker, statement, error))
        return FALSE;
    }

  return TRUE;
}
