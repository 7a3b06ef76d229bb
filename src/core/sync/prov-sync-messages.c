#include <glib/gi18n-lib.h>

#include "prov-json-guard.h"
#include "prov-sync-messages.h"
#include "prov-tmf681.h"

/*
 * Sends the queued e-mails through the carrier, each exactly once: the
 * attempt is recorded (and committed) before the request leaves; an e-mail
 * tried before is first looked for at the carrier by its externalId, and
 * sent again only when the carrier's whole list shows it is not there.
 * One at a time: a till sends a few a day.
 */

/* How long an uncertain e-mail waits before the next look. */
#define RETRY_SECONDS 30

typedef struct {
  ProvStore          *store;
  ProvCarrierClient  *client;
  GPtrArray          *due;      /* ProvQueuedMessage */
  guint               next;
  ProvMessagesReport  report;
} Pass;

static void
pass_free (Pass *pass)
{
  g_clear_object (&pass->store);
  g_clear_object (&pass->client);
  g_clear_pointer (&pass->due, g_ptr_array_unref);
  g_free (pass);
}

static void send_next (GTask *task);

static ProvQueuedMessage *
current (GTask *task)
{
  Pass *pass = g_task_get_task_data (task);

  return g_ptr_array_index (pass->due, pass->next - 1);
}

static void
on_recorded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* A store that cannot write stops the pass: nothing is sent unrecorded. */
  if (!prov_store_record_message_finish (PROV_STORE (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  send_next (g_steal_pointer (&task));
}

static void
record (GTask            *task,
        ProvMessageState  state,
        const char       *carrier_id,
        const GError     *problem)
{
  Pass *pass = g_task_get_task_data (task);
  gint64 next_attempt_at = g_get_real_time () + (gint64) RETRY_SECONDS * G_USEC_PER_SEC;

  prov_store_record_message_async (pass->store, current (task)->uuid, state, FALSE, next_attempt_at, carrier_id,
                                   problem != NULL ? problem->message : NULL, g_task_get_cancellable (task),
                                   on_recorded, task);
}

/* Refused and unverifiable outcomes need the clerk; the rest is tried
 * again later, after a look at the carrier. */
static void
record_failure (GTask        *task,
                const GError *error)
{
  Pass *pass = g_task_get_task_data (task);

  if (g_error_matches (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_REFUSED) ||
      g_error_matches (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNVERIFIABLE))
    {
      pass->report.refused++;
      record (task, PROV_MESSAGE_NEEDS_ATTENTION, NULL, error);
    }
  else
    {
      pass->report.retried++;
      record (task, PROV_MESSAGE_QUEUED, NULL, error);
    }
}

/* Sent, or taken by the carrier but not delivered: its state is kept and
 * the clerk told, never counted as sent. */
static void
record_answer (GTask      *task,
               JsonNode   *message,
               gboolean    recovered)
{
  Pass *pass = g_task_get_task_data (task);
  JsonObject *object = json_node_get_object (message);
  const char *carrier_id = prov_json_object_get_string (object, "id");
  const char *state = NULL;

  if (prov_tmf681_is_undelivered (object, &state))
    {
      g_autoptr(GError) problem = NULL;

      pass->report.failed++;
      g_debug ("E-mail %s not sent by the carrier: %s", current (task)->uuid, state);
      if (g_str_equal (state, "cancelled"))
        problem = g_error_new_literal (PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_REFUSED,
                                       _("The carrier cancelled this e-mail: it was not sent. Check the address "
                                         "with the customer."));
      else
        problem = g_error_new_literal (PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_REFUSED,
                                       _("The carrier could not send this e-mail (failed). Check the address with "
                                         "the customer."));
      record (task, PROV_MESSAGE_FAILED, carrier_id, problem);
      return;
    }

  if (recovered)
    {
      pass->report.recovered++;
      g_debug ("E-mail %s was sent by an earlier attempt", current (task)->uuid);
    }
  else
    {
      pass->report.sent++;
      g_debug ("E-mail %s sent by the carrier", current (task)->uuid);
    }
  record (task, PROV_MESSAGE_SENT, carrier_id, NULL);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) message = prov_carrier_client_send_message_finish (PROV_CARRIER_CLIENT (source), result,
                                                                        current (task)->uuid, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  if (message == NULL)
    {
      record_failure (task, error);
      return;
    }

  record_answer (task, message, FALSE);
}

static void
on_attempt_recorded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  Pass *pass = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!prov_store_record_message_finish (PROV_STORE (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  prov_carrier_client_send_message_async (pass->client, current (task)->body, g_task_get_cancellable (task),
                                          on_sent, task);
}

static void
send_now (GTask *task)
{
  Pass *pass = g_task_get_task_data (task);
  gint64 next_attempt_at = g_get_real_time () + (gint64) RETRY_SECONDS * G_USEC_PER_SEC;

  prov_store_record_message_async (pass->store, current (task)->uuid, PROV_MESSAGE_QUEUED, TRUE, next_attempt_at,
                                   NULL, NULL, g_task_get_cancellable (task), on_attempt_recorded, task);
}

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) found = prov_carrier_client_find_message_finish (PROV_CARRIER_CLIENT (source), result, &error);

  if (found != NULL)
    record_answer (task, found, TRUE);
  else if (g_error_matches (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_NOT_FOUND))
    send_now (task);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
    }
  else
    record_failure (task, error);
}

static void
send_next (GTask *task)
{
  Pass *pass = g_task_get_task_data (task);
  ProvQueuedMessage *message;

  if (pass->next >= pass->due->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  message = g_ptr_array_index (pass->due, pass->next++);
  if (message->attempts > 0)
    prov_carrier_client_find_message_async (pass->client, message->uuid, g_task_get_cancellable (task),
                                            on_looked_up, task);
  else
    send_now (task);
}

static void
on_due_listed (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  Pass *pass = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  pass->due = prov_store_list_messages_finish (PROV_STORE (source), result, &error);
  if (pass->due == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  send_next (task);
}

/* Sends the e-mails due by @due_by (usually now). */
void
prov_sync_send_messages_async (ProvStore           *store,
                               ProvCarrierClient   *client,
                               gint64               due_by,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  Pass *pass;

  g_return_if_fail (PROV_IS_STORE (store));
  g_return_if_fail (PROV_IS_CARRIER_CLIENT (client));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, prov_sync_send_messages_async);
  pass = g_new0 (Pass, 1);
  pass->store = g_object_ref (store);
  pass->client = g_object_ref (client);
  g_task_set_task_data (task, pass, (GDestroyNotify) pass_free);

  prov_store_list_messages_async (store, NULL, due_by, cancellable, on_due_listed, task);
}

gboolean
prov_sync_send_messages_finish (ProvStore           *store,
                                GAsyncResult        *result,
                                ProvMessagesReport  *report,
                                GError             **error)
{
  Pass *pass;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  pass = g_task_get_task_data (G_TASK (result));
  if (report != NULL)
    *report = pass->report;
  return g_task_propagate_boolean (G_TASK (result), error);
}
