#include <glib/gi18n-lib.h>

#include "prov-json-guard.h"
#include "prov-sync.h"
#include "prov-customer-products.h"
#include "prov-line-request.h"
#include "prov-order-field.h"
#include "prov-sync-private.h"

/* ------------------------------------------------------------------------ */
/* Following the orders the carrier has                                      */

typedef struct {
  GTask     *pass_task;
  ProvOrder *order;
} Poll;

static void poll_next (GTask *pass_task);

static void
poll_done (Poll *poll)
{
  GTask *pass_task = poll->pass_task;

  g_clear_object (&poll->order);
  g_free (poll);
  poll_next (pass_task);
  g_object_unref (pass_task);
}

static void
on_lines_refreshed (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autofree char *account = user_data;
  g_autoptr(GError) error = NULL;

  if (prov_customer_products_refresh_finish (PROV_STORE (source), result, &error))
    g_debug ("The lines of customer %s were read from the carrier after a request", account);
  else
    g_debug ("The lines of customer %s could not be read after a request: %s", account, error->message);
}

static void
on_request_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ProvSync) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvOrder) order = prov_store_load_order_finish (PROV_STORE (source), result, &error);
  const ProvLineRequest *request = order != NULL ? prov_line_request_for_order (order) : NULL;
  const char *account = order != NULL ? prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_ID) : NULL;

  if (request == NULL || !request->carrier_work || account == NULL)
    return;

  prov_customer_products_refresh_from_async (self->store, self->client, account, NULL, on_lines_refreshed,
                                             g_strdup (account));
}

/* A request of flow 5 the carrier completed changed the customer's lines:
 * the till reads them again, so the inventory shows the new number,
 * device, SIM or status without anyone opening a window. The polled
 * order is its list row: its fields are loaded first. */
static void
refresh_lines_after (ProvSync  *self,
                     ProvOrder *order)
{
  if (prov_order_get_state (order) != PROV_ORDER_STATE_COMPLETED ||
      prov_order_get_kind (order) != PROV_ORDER_KIND_LINE_LIFECYCLE)
    return;

  prov_store_load_order_async (self->store, prov_order_get_uuid (order), NULL, on_request_loaded, g_object_ref (self));
}

static void
on_poll_transition (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Poll *poll = user_data;
  Pass *pass = g_task_get_task_data (poll->pass_task);
  g_autoptr(GError) error = NULL;

  if (prov_store_transition_finish (PROV_STORE (source), result, &error))
    {
      pass->report.updated++;
      _prov_sync_announce_change (g_task_get_source_object (poll->pass_task), poll->order);
      refresh_lines_after (g_task_get_source_object (poll->pass_task), poll->order);
    }
  else
    {
      g_debug ("Order %s: %s", prov_order_get_uuid (poll->order), error->message);
      pass->report.failed++;
      _prov_sync_pass_stop (pass, error);
    }

  poll_done (poll);
}

static void
on_polled (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Poll *poll = user_data;
  ProvSync *self = g_task_get_source_object (poll->pass_task);
  g_autoptr(JsonNode) carrier_order = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  ProvOrderState state;
  const char *state_id;

  carrier_order = prov_carrier_client_get_order_finish (PROV_CARRIER_CLIENT (source), result, NULL, &error);
  if (carrier_order == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _prov_sync_pass_stop (g_task_get_task_data (poll->pass_task), error);
      else
        /* Asked again at the next poll. */
        g_debug ("Polling %s: %s", prov_order_get_uuid (poll->order), error->message);
      poll_done (poll);
      return;
    }

  state_id = prov_json_object_get_string (json_node_get_object (carrier_order), "state");
  if (!prov_order_state_from_id (state_id, &state) || state == prov_order_get_state (poll->order) ||
      !prov_order_check_transition (poll->order, state, NULL))
    {
      poll_done (poll);
      return;
    }

  /* The carrier's last note says why an order waits, failed or was
   * rejected; the clerk sees it on the timeline. */
  if (state == PROV_ORDER_STATE_PENDING || state == PROV_ORDER_STATE_HELD ||
      state == PROV_ORDER_STATE_FAILED || state == PROV_ORDER_STATE_REJECTED ||
      state == PROV_ORDER_STATE_CANCELLED)
    note = _prov_sync_dup_carrier_note (json_node_get_object (carrier_order));

  _prov_sync_record_line_states (self->store, prov_order_get_uuid (poll->order), json_node_get_object (carrier_order));
  prov_store_transition_async (self->store, poll->order, state, PROV_SYNC_WHO, note, NULL, on_poll_transition, poll);
}

static void
poll_next (GTask *pass_task)
{
  Pass *pass = g_task_get_task_data (pass_task);
  ProvSync *self = g_task_get_source_object (pass_task);
  Poll *poll;

  while (pass->next < pass->work->len &&
         prov_order_get_carrier_id (g_ptr_array_index (pass->work, pass->next)) == NULL)
    pass->next++;

  if (pass->stopped != NULL || pass->next == pass->work->len)
    {
      _prov_sync_pass_return (pass_task);
      return;
    }

  poll = g_new0 (Poll, 1);
  poll->pass_task = g_object_ref (pass_task);
  poll->order = g_object_ref (g_ptr_array_index (pass->work, pass->next++));
  prov_carrier_client_get_order_async (self->client, prov_order_get_carrier_id (poll->order),
                                       g_task_get_cancellable (pass_task), on_polled, poll);
}

static void
on_open_orders_listed (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) pass_task = user_data;
  Pass *pass = g_task_get_task_data (pass_task);
  g_autoptr(GError) error = NULL;

  pass->work = prov_store_list_orders_finish (PROV_STORE (source), result, &error);
  if (pass->work == NULL)
    {
      g_task_return_error (pass_task, g_steal_pointer (&error));
      return;
    }

  /* Each poll holds its own reference to the pass. */
  poll_next (pass_task);
}

/* Asks the carrier for the state of every order it is working on, and
 * records each change on the order's timeline. */
void
prov_sync_poll_async (ProvSync            *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(ProvOrderFilter) at_carrier = NULL;
  GTask *pass_task;

  g_return_if_fail (PROV_IS_SYNC (self));

  pass_task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (pass_task, prov_sync_poll_async);
  g_task_set_task_data (pass_task, g_new0 (Pass, 1), (GDestroyNotify) _prov_sync_pass_free);

  at_carrier = prov_order_filter_new (NULL, prov_order_state_group_get_mask (PROV_ORDER_STATE_GROUP_AT_CARRIER), 0);
  prov_store_list_orders_async (self->store, at_carrier, 0, 1000, cancellable, on_open_orders_listed, pass_task);
}

gboolean
prov_sync_poll_finish (ProvSync        *self,
                       GAsyncResult    *result,
                       ProvSyncReport  *report,
                       GError         **error)
{
  Pass *pass;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  pass = g_task_get_task_data (G_TASK (result));
  if (report != NULL)
    *report = pass->report;

  return g_task_propagate_boolean (G_TASK (result), error);
}
