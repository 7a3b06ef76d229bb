#include <glib/gi18n-lib.h>

#include "prov-store-private.h"

/*
 * The e-mails waiting to go out through the carrier (TMF681), each in the
 * form the carrier gets it. As with orders, an attempt is recorded before
 * the request leaves, so that after any uncertain outcome the sender asks
 * the carrier before sending again.
 */

void
prov_queued_message_free (ProvQueuedMessage *message)
{
  if (message == NULL)
    return;

  g_free (message->uuid);
  g_free (message->order_uuid);
  g_free (message->carrier_id);
  g_free (message->problem);
  g_clear_pointer (&message->body, json_node_unref);
  g_free (message);
}

typedef struct {
  char     *uuid;
  char     *order_uuid;
  JsonNode *body;
} QueueArgs;

static void
queue_args_free (QueueArgs *args)
{
  g_free (args->uuid);
  g_free (args->order_uuid);
  g_clear_pointer (&args->body, json_node_unref);
  g_free (args);
}

static void
worker_queue_message (StoreWorker *worker,
                      GTask       *task,
                      gpointer     data)
{
  QueueArgs *args = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = json_to_string (args->body, FALSE);
  sqlite3_stmt *statement;
  gint64 now = g_get_real_time ();

  assert_on_worker (worker);

  /* Queued once: a second queueing of the same e-mail changes nothing. */
  if (!_prov_store_worker_require_db (worker, &error) ||
      !(statement = _prov_store_worker_prepare (worker,
                                                "INSERT OR IGNORE INTO messages (uuid, order_id, body, state, next_attempt_at, "
                                                "                                created_at) "
                                                "VALUES (?1, (SELECT id FROM orders WHERE uuid = ?2), ?3, ?4, ?5, ?5)",
                                                &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _prov_store_bind_text (statement, 1, args->uuid);
  _prov_store_bind_text (statement, 2, args->order_uuid);
  _prov_store_bind_text (statement, 3, body);
  sqlite3_bind_int (statement, 4, PROV_MESSAGE_QUEUED);
  sqlite3_bind_int64 (statement, 5, now);
  if (!_prov_store_worker_run (worker, statement, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Queues @body, a TMF681 CommunicationMessage_Create, as the e-mail @uuid
 * of the order @order_uuid (or of none). */
void
prov_store_queue_message_async (ProvStore           *self,
                                const char          *uuid,
                                const char          *order_uuid,
                                JsonNode            *body,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  QueueArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (uuid != NULL && body != NULL);

  args = g_new0 (QueueArgs, 1);
  args->uuid = g_strdup (uuid);
  args->order_uuid = g_strdup (order_uuid);
  args->body = json_node_copy (body);
  _prov_store_push (self, worker_queue_message, args, (GDestroyNotify) queue_args_free, order_uuid,
                    cancellable, callback, user_data, prov_store_queue_message_async);
}

gboolean
prov_store_queue_message_finish (ProvStore     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _prov_store_finish (self, result, prov_store_queue_message_async, error);
}

typedef struct {
  char   *order_uuid;   /* NULL: those due, of any order */
  gint64  due_by;
} ListArgs;

static void
list_args_free (ListArgs *args)
{
  g_free (args->order_uuid);
  g_free (args);
}

static gpointer
read_message (sqlite3_stmt *statement)
{
  ProvQueuedMessage *message = g_new0 (ProvQueuedMessage, 1);

  message->uuid = g_strdup (_prov_store_column_text (statement, 0));
  message->order_uuid = g_strdup (_prov_store_column_text (statement, 1));
  message->body = json_from_string (_prov_store_column_text (statement, 2), NULL);
  message->state = sqlite3_column_int (statement, 3);
  message->attempts = sqlite3_column_int (statement, 4);
  message->carrier_id = g_strdup (_prov_store_column_text (statement, 5));
  message->problem = g_strdup (_prov_store_column_text (statement, 6));
  message->created_at = sqlite3_column_int64 (statement, 7);
  message->sent_at = sqlite3_column_int64 (statement, 8);
  if (message->body == NULL)
    message->body = json_node_new (JSON_NODE_NULL);

  return message;
}

static void
worker_list_messages (StoreWorker *worker,
                      GTask       *task,
                      gpointer     data)
{
  ListArgs *args = data;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *statement;

  assert_on_worker (worker);

  if (!_prov_store_worker_require_db (worker, &error) ||
      !(statement = _prov_store_worker_prepare (worker,
                                                "SELECT m.uuid, o.uuid, m.body, m.state, m.attempts, m.carrier_id, m.problem, "
                                                "       m.created_at, m.sent_at "
                                                "FROM messages m LEFT JOIN orders o ON o.id = m.order_id "
                                                "WHERE (?1 IS NULL AND ?3 < 0) OR o.uuid = ?1 "
                                                "   OR (?1 IS NULL AND m.state = ?2 AND m.next_attempt_at <= ?3) "
                                                "ORDER BY m.created_at, m.id",
                                                &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _prov_store_bind_text (statement, 1, args->order_uuid);
  sqlite3_bind_int (statement, 2, PROV_MESSAGE_QUEUED);
  sqlite3_bind_int64 (statement, 3, args->due_by);
  _prov_store_worker_return_rows (worker, task, statement, read_message, (GDestroyNotify) prov_queued_message_free);
}

/* The e-mails of @order_uuid, oldest first, whatever their state; or,
 * with @order_uuid NULL, those queued and due by @due_by, or every one
 * when @due_by is negative. A GPtrArray of ProvQueuedMessage. */
void
prov_store_list_messages_async (ProvStore           *self,
                                const char          *order_uuid,
                                gint64               due_by,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ListArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));

  args = g_new0 (ListArgs, 1);
  args->order_uuid = g_strdup (order_uuid);
  args->due_by = due_by;
  _prov_store_push (self, worker_list_messages, args, (GDestroyNotify) list_args_free, NULL,
                    cancellable, callback, user_data, prov_store_list_messages_async);
}

GPtrArray *
prov_store_list_messages_finish (ProvStore     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _prov_store_finish_pointer (self, result, prov_store_list_messages_async, error);
}

typedef struct {
  char             *uuid;
  ProvMessageState  state;
  gboolean          attempt;     /* counts as one more attempt */
  gint64            next_attempt_at;
  char             *carrier_id;
  char             *problem;
} RecordArgs;

static void
record_args_free (RecordArgs *args)
{
  g_free (args->uuid);
  g_free (args->carrier_id);
  g_free (args->problem);
  g_free (args);
}

static void
worker_record_message (StoreWorker *worker,
                       GTask       *task,
                       gpointer     data)
{
  RecordArgs *args = data;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *statement;

  assert_on_worker (worker);

  if (!_prov_store_worker_require_db (worker, &error) ||
      !(statement = _prov_store_worker_prepare (worker,
                                                "UPDATE messages SET state = ?2, attempts = attempts + ?3, next_attempt_at = ?4, "
                                                "  carrier_id = coalesce (?5, carrier_id), problem = ?6, "
                                                "  sent_at = CASE WHEN ?2 = ?7 THEN ?8 ELSE sent_at END "
                                                "WHERE uuid = ?1",
                                                &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _prov_store_bind_text (statement, 1, args->uuid);
  sqlite3_bind_int (statement, 2, args->state);
  sqlite3_bind_int (statement, 3, args->attempt ? 1 : 0);
  sqlite3_bind_int64 (statement, 4, args->next_attempt_at);
  _prov_store_bind_text (statement, 5, args->carrier_id);
  _prov_store_bind_text (statement, 6, args->problem);
  sqlite3_bind_int (statement, 7, PROV_MESSAGE_SENT);
  sqlite3_bind_int64 (statement, 8, g_get_real_time ());
  if (!_prov_store_worker_run (worker, statement, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Records what happened to the e-mail @uuid: @attempt before a request
 * leaves (committed before it does), the carrier's id once sent, a
 * problem and when to try again, or that it needs the clerk. */
void
prov_store_record_message_async (ProvStore           *self,
                                 const char          *uuid,
                                 ProvMessageState     state,
                                 gboolean             attempt,
                                 gint64               next_attempt_at,
                                 const char          *carrier_id,
                                 const char          *problem,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  RecordArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (uuid != NULL);

  args = g_new0 (RecordArgs, 1);
  args->uuid = g_strdup (uuid);
  args->state = state;
  args->attempt = attempt;
  args->next_attempt_at = next_attempt_at;
  args->carrier_id = g_strdup (carrier_id);
  args->problem = g_strdup (problem);
  _prov_store_push (self, worker_record_message, args, (GDestroyNotify) record_args_free, NULL,
                    cancellable, callback, user_data, prov_store_record_message_async);
}

gboolean
prov_store_record_message_finish (ProvStore     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _prov_store_finish (self, result, prov_store_record_message_async, error);
}
