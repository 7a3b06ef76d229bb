#include <sqlite3.h>

#include "prov-store-error.h"
#include "prov-store-private.h"

/* ------------------------------------------------------------------------ */
/* An order's timeline                                                      */

gboolean
_prov_store_worker_add_event (StoreWorker    *worker,
                              sqlite3_int64   order_id,
                              gint64          at,
                              const char     *who,
                              ProvOrderState  from,
                              ProvOrderState  to,
                              const char     *reason,
                              const char     *authorised_by,
                              GError        **error)
{
  sqlite3_stmt *statement = _prov_store_worker_prepare (worker,
                                                        "INSERT INTO order_events "
                                                        "  (order_id, at, who, from_state, to_state, reason, authorised_by) "
                                                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                                        error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, order_id);
  sqlite3_bind_int64 (statement, 2, at);
  _prov_store_bind_text (statement, 3, who);
  if (from != 0)
    sqlite3_bind_int (statement, 4, from);
  else
    sqlite3_bind_null (statement, 4);
  sqlite3_bind_int (statement, 5, to);
  _prov_store_bind_text (statement, 6, reason);
  _prov_store_bind_text (statement, 7, authorised_by);

  return _prov_store_worker_run (worker, statement, error);
}


static gpointer
read_event (sqlite3_stmt *statement)
{
  ProvOrderEvent *event = g_new0 (ProvOrderEvent, 1);

  event->at = sqlite3_column_int64 (statement, 0);
  event->who = g_strdup (_prov_store_column_text (statement, 1));
  event->from_state = sqlite3_column_int (statement, 2);
  event->to_state = sqlite3_column_int (statement, 3);
  event->reason = g_strdup (_prov_store_column_text (statement, 4));
  event->authorised_by = g_strdup (_prov_store_column_text (statement, 5));

  return event;
}

static void
worker_list_events (StoreWorker *worker,
                    GTask       *task,
                    gpointer     data)
{
  const char *uuid = data;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *statement;

  assert_on_worker (worker);

  if (!_prov_store_worker_require_db (worker, &error) ||
      !(statement = _prov_store_worker_prepare (worker,
                                                "SELECT e.at, e.who, e.from_state, e.to_state, e.reason, e.authorised_by "
                                                "FROM order_events e JOIN orders o ON o.id = e.order_id "
                                                "WHERE o.uuid = ? ORDER BY e.at, e.id",
                                                &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _prov_store_bind_text (statement, 1, uuid);
  _prov_store_worker_return_rows (worker, task, statement, read_event, (GDestroyNotify) prov_order_event_free);
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

  _prov_store_push (self, worker_list_events, g_strdup (uuid), g_free, NULL,
                    cancellable, callback, user_data, prov_store_list_events_async);
}

/* The order's timeline, oldest first. */
GPtrArray *
prov_store_list_events_finish (ProvStore     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _prov_store_finish_pointer (self, result, prov_store_list_events_async, error);
}

