#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "prov-order-reference.h"
#include "prov-store-error.h"
#include "prov-order-field.h"
#include "prov-store-private.h"
#include "prov-store-snapshot.h"

/* ------------------------------------------------------------------------ */
/* Orders                                                                   */

/* Finds an order's row id and state; FALSE with no error when it is new. */
gboolean
_prov_store_worker_find_order (StoreWorker     *worker,
                               const char      *uuid,
                               sqlite3_int64   *out_id,
                               ProvOrderState  *out_state,
                               char           **out_payload,
                               GError         **error)
{
  sqlite3_stmt *statement = _prov_store_worker_prepare (worker, "SELECT id, state, payload FROM orders WHERE uuid = ?", error);
  int rc;

  if (statement == NULL)
    return FALSE;

  _prov_store_bind_text (statement, 1, uuid);
  rc = sqlite3_step (statement);
  if (rc == SQLITE_ROW)
    {
      *out_id = sqlite3_column_int64 (statement, 0);
      *out_state = sqlite3_column_int (statement, 1);
      if (out_payload != NULL)
        *out_payload = g_strdup (_prov_store_column_text (statement, 2));
    }
  else if (rc != SQLITE_DONE)
    prov_store_set_sqlite_error (error, worker->db, NULL);

  _prov_store_statement_done (statement);
  return rc == SQLITE_ROW;
}

static gboolean
state_accepts_content_changes (ProvOrderState state)
{
  return prov_order_state_is_editable (state) ||
         state == PROV_ORDER_STATE_AWAITING_SIM ||
         state == PROV_ORDER_STATE_AWAITING_INVENTORY;
}

gboolean
_prov_store_worker_write_order (StoreWorker        *worker,
                                ProvOrderSnapshot  *snapshot,
                                GPtrArray          *conflicts,
                                GError            **error)
{
  g_autoptr(GError) find_error = NULL;
  sqlite3_stmt *statement;
  sqlite3_int64 order_id = 0;
  ProvOrderState state = 0;

  if (_prov_store_worker_find_order (worker, snapshot->uuid, &order_id, &state, NULL, &find_error))
    {
      if (!state_accepts_content_changes (state))
        {
          g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_NOT_EDITABLE,
                       _("The order is “%s” and can no longer be changed"),
                       prov_order_state_get_title (state));
          return FALSE;
        }

      statement = _prov_store_worker_prepare (worker,
                                              "UPDATE orders SET updated_at = ?, current_page = ?, payload = ?, "
                                              "customer_name = ?, reference = ?, msisdn = ?, iccid = ?, imei = ? "
                                              "WHERE id = ?",
                                              error);
      if (statement == NULL)
        return FALSE;

      sqlite3_bind_int64 (statement, 1, snapshot->updated_at);
      _prov_store_bind_text (statement, 2, snapshot->current_page);
      _prov_store_bind_text (statement, 3, snapshot->payload);
      _prov_store_bind_text (statement, 4, snapshot->customer_name);
      _prov_store_bind_text (statement, 5, snapshot->reference);
      _prov_store_bind_text (statement, 6, snapshot->msisdn);
      _prov_store_bind_text (statement, 7, snapshot->iccid);
      _prov_store_bind_text (statement, 8, snapshot->imei);
      sqlite3_bind_int64 (statement, 9, order_id);
      if (!_prov_store_worker_run (worker, statement, error))
        return FALSE;
    }
  else if (find_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&find_error));
      return FALSE;
    }
  else
    {
      statement = _prov_store_worker_prepare (worker,
                                              "INSERT INTO orders (uuid, kind, state, created_by, created_at, updated_at, "
                                              "current_page, payload, customer_name, reference, msisdn, iccid, imei) "
                                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                              error);
      if (statement == NULL)
        return FALSE;

      _prov_store_bind_text (statement, 1, snapshot->uuid);
      sqlite3_bind_int (statement, 2, snapshot->kind);
      sqlite3_bind_int (statement, 3, PROV_ORDER_STATE_DRAFT);
      _prov_store_bind_text (statement, 4, snapshot->created_by);
      sqlite3_bind_int64 (statement, 5, snapshot->created_at);
      sqlite3_bind_int64 (statement, 6, snapshot->updated_at);
      _prov_store_bind_text (statement, 7, snapshot->current_page);
      _prov_store_bind_text (statement, 8, snapshot->payload);
      _prov_store_bind_text (statement, 9, snapshot->customer_name);
      _prov_store_bind_text (statement, 10, snapshot->reference);
      _prov_store_bind_text (statement, 11, snapshot->msisdn);
      _prov_store_bind_text (statement, 12, snapshot->iccid);
      _prov_store_bind_text (statement, 13, snapshot->imei);
      if (!_prov_store_worker_run (worker, statement, error))
        return FALSE;

      order_id = sqlite3_last_insert_rowid (worker->db);
      if (!_prov_store_worker_add_event (worker, order_id, snapshot->created_at, snapshot->created_by,
                                         0, PROV_ORDER_STATE_DRAFT, NULL, NULL, error))
        return FALSE;
    }

  return _prov_store_worker_write_lines (worker, order_id, snapshot, error) &&
         _prov_store_worker_reserve_identifiers (worker, order_id, snapshot, snapshot->updated_at, conflicts, error);
}

typedef struct {
  ProvOrderSnapshot *snapshot;
  GPtrArray         *conflicts;
} SaveOrder;

static gboolean
write_order (StoreWorker  *worker,
             gpointer      data,
             GError      **error)
{
  SaveOrder *save = data;

  return _prov_store_worker_write_order (worker, save->snapshot, save->conflicts, error);
}

static void
worker_save_order (StoreWorker *worker,
                   GTask       *task,
                   gpointer     args)
{
  SaveOrder save = { args, g_ptr_array_new_with_free_func ((GDestroyNotify) prov_reservation_conflict_free) };
  g_autoptr(GError) error = NULL;

  if (_prov_store_worker_write (worker, write_order, &save, &error))
    g_task_return_pointer (task, save.conflicts, (GDestroyNotify) g_ptr_array_unref);
  else
    {
      g_ptr_array_unref (save.conflicts);
      g_task_return_error (task, g_steal_pointer (&error));
    }
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
  _prov_store_push (self, worker_save_order,
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
    PROV_ORDER_FIELD_CUSTOMER_NAME, PROV_ORDER_FIELD_REFERENCE, PROV_ORDER_FIELD_NUMBER_MSISDN,
    PROV_ORDER_FIELD_SIM_ICCID, PROV_ORDER_FIELD_DEVICE_IMEI,
  };
  ProvOrder *order = prov_order_new_from_row (_prov_store_column_text (statement, 0),
                                              sqlite3_column_int (statement, 1),
                                              sqlite3_column_int (statement, 2),
                                              _prov_store_column_text (statement, 3),
                                              _prov_store_column_text (statement, 4),
                                              sqlite3_column_int64 (statement, 5),
                                              sqlite3_column_int64 (statement, 6),
                                              _prov_store_column_text (statement, 7));

  for (guint i = 0; i < G_N_ELEMENTS (summary_fields); i++)
    prov_order_set_field (order, summary_fields[i], _prov_store_column_text (statement, 8 + i));

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
      if (!prov_order_load_payload_json (order, _prov_store_column_text (statement, 13), error) ||
          !_prov_store_worker_read_lines (worker, sqlite3_column_int64 (statement, 14), order, error))
        g_clear_object (&order);
    }
  else if (rc != SQLITE_DONE)
    prov_store_set_sqlite_error (error, worker->db, NULL);
  _prov_store_statement_done (statement);

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

  if (!_prov_store_worker_require_db (worker, &error) ||
      !(statement = _prov_store_worker_prepare (worker, "SELECT " ORDER_COLUMNS ", payload, id FROM orders WHERE uuid = ?", &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _prov_store_bind_text (statement, 1, uuid);
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

  _prov_store_push (self, worker_load_order, g_strdup (uuid), g_free, NULL,
                    cancellable, callback, user_data, prov_store_load_order_async);
}

ProvOrder *
prov_store_load_order_finish (ProvStore     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return _prov_store_finish_pointer (self, result, prov_store_load_order_async, error);
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

  if (!_prov_store_worker_require_db (worker, &error) || !(statement = _prov_store_worker_prepare (worker, sql, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _prov_store_bind_text (statement, 1, text);
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
                           "WHERE json_extract (payload, '$.\"" PROV_ORDER_FIELD_FOLLOWS_ORDER "\"') = ?1 "
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

  _prov_store_push (self, worker_find_follow_up, g_strdup (uuid), g_free, NULL,
                    cancellable, callback, user_data, prov_store_find_follow_up_async);
}

ProvOrder *
prov_store_find_follow_up_finish (ProvStore     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _prov_store_finish_pointer (self, result, prov_store_find_follow_up_async, error);
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
  _prov_store_push (self, worker_find_by_reference, uuid_prefix, g_free, NULL,
                    cancellable, callback, user_data, prov_store_find_by_reference_async);
}

ProvOrder *
prov_store_find_by_reference_finish (ProvStore     *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return _prov_store_finish_pointer (self, result, prov_store_find_by_reference_async, error);
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
  "AND (?2 = 0 OR ((1 << state) & ?2) != 0) AND (?3 = 0 OR ((1 << kind) & ?3) != 0) " \
  "AND (?6 IS NULL OR json_extract (payload, '$.\"' || ?7 || '\"') = ?6)"

static void
bind_filter (sqlite3_stmt          *statement,
             const ProvOrderFilter *filter)
{
  g_autofree char *pattern = prov_order_filter_dup_like_pattern (filter);

  _prov_store_bind_text (statement, 1, pattern);
  sqlite3_bind_int64 (statement, 2, filter != NULL ? filter->states : 0);
  sqlite3_bind_int64 (statement, 3, filter != NULL ? filter->kinds : 0);
  _prov_store_bind_text (statement, 6, filter != NULL ? filter->customer_id : NULL);
  _prov_store_bind_text (statement, 7, PROV_ORDER_FIELD_CUSTOMER_ID);
}

static gpointer
read_order (sqlite3_stmt *statement)
{
  return order_from_row (statement);
}

static void
worker_list_orders (StoreWorker *worker,
                    GTask       *task,
                    gpointer     data)
{
  ListArgs *args = data;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *statement;

  assert_on_worker (worker);

  if (!_prov_store_worker_require_db (worker, &error) ||
      !(statement = _prov_store_worker_prepare (worker,
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

  _prov_store_worker_return_rows (worker, task, statement, read_order, g_object_unref);
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

  _prov_store_push (self, worker_list_orders, args, (GDestroyNotify) list_args_free, NULL,
                    cancellable, callback, user_data, prov_store_list_orders_async);
}

GPtrArray *
prov_store_list_orders_finish (ProvStore     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _prov_store_finish_pointer (self, result, prov_store_list_orders_async, error);
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

  if (!_prov_store_worker_require_db (worker, &error) ||
      !(statement = _prov_store_worker_prepare (worker, "SELECT count(*) FROM orders WHERE " FILTER_CLAUSE, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  bind_filter (statement, args->filter);
  if (sqlite3_step (statement) == SQLITE_ROW)
    count = sqlite3_column_int64 (statement, 0);
  else
    prov_store_set_sqlite_error (&error, worker->db, NULL);
  _prov_store_statement_done (statement);

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

  _prov_store_push (self, worker_count_orders, args, (GDestroyNotify) list_args_free, NULL,
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
