/* Orders synced per second to the carrier sandbox on loopback, no faults,
 * from a full outbox to an empty one; beside it, in the same run and
 * against the same sandbox, a raw loop of keep-alive POSTs of the same
 * bodies: what the network and the carrier allow, without the outbox. */
#include <stdlib.h>
#include <string.h>

#include "prov-sync.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"
#include "prov-tmf622.h"

#define ORDERS 1000

static double
sync_orders_per_second (Sandbox   *sandbox,
                        ProvStore *store)
{
  g_autoptr(ProvCarrierClient) client = prov_carrier_client_new (sandbox->root, NULL, 10);
  g_autoptr(ProvSync) sync = prov_sync_new (store, client, "BENCH");
  gint64 started = g_get_monotonic_time ();

  for (;;)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      ProvSyncReport report;
      gint64 next_due;

      prov_sync_send_due_async (sync, NULL, prov_test_store_result, &result);
      if (!prov_sync_send_due_finish (sync, prov_test_await (&result), &report, &next_due, &error))
        g_error ("%s", error->message);
      if (report.failed > 0 || report.retried > 0)
        g_error ("a send failed or was retried without faults");
      if (next_due < 0)
        break;
    }

  return ORDERS / ((g_get_monotonic_time () - started) / 1e6);
}

/* One connection, one POST after another: the same bodies the client
 * sends, with other externalIds and ICCIDs so the carrier accepts them. */
static double
raw_posts_per_second (Sandbox   *sandbox,
                      GPtrArray *orders,
                      guint      first_serial)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 10, NULL);
  g_autofree char *uri = g_strconcat (sandbox->base, "productOrder", NULL);
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  gint64 started;

  for (guint i = 0; i < orders->len; i++)
    {
      g_autoptr(ProvOrder) copy = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "bench");
      g_autoptr(JsonNode) body = NULL;
      g_autofree char *iccid = prov_test_make_iccid (500000 + first_serial + i);
      char *text;

      prov_order_set_field (copy, PROV_ORDER_FIELD_CUSTOMER_NAME,
                            prov_order_get_field (g_ptr_array_index (orders, i), PROV_ORDER_FIELD_CUSTOMER_NAME));
      prov_order_set_field (copy, PROV_ORDER_FIELD_SIM_ICCID, iccid);
      body = prov_tmf622_build_order_create (copy, "BENCH");
      text = json_to_string (body, FALSE);
      g_ptr_array_add (bodies, g_bytes_new_take (text, strlen (text)));
    }

  started = g_get_monotonic_time ();
  for (guint i = 0; i < bodies->len; i++)
    {
      g_autoptr(SoupMessage) message = soup_message_new ("POST", uri);
      g_autoptr(GBytes) answer = NULL;
      g_autoptr(GError) error = NULL;

      soup_message_set_request_body_from_bytes (message, "application/json;charset=utf-8",
                                                g_ptr_array_index (bodies, i));
      answer = soup_session_send_and_read (session, message, NULL, &error);
      if (answer == NULL || soup_message_get_status (message) != SOUP_STATUS_CREATED)
        g_error ("raw POST %u: %s", i, error != NULL ? error->message : soup_message_get_reason_phrase (message));
    }

  return bodies->len / ((g_get_monotonic_time () - started) / 1e6);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "orders.db", NULL);
  g_autoptr(ProvStore) store = prov_test_open_store (path, NULL);
  g_autoptr(GPtrArray) orders = sandbox_queue_orders (store, ORDERS);
  Sandbox sandbox = { 0 };
  double client_rate;
  double raw_rate;

  /* The raw loop before and after the client, averaged: the machine's
   * load drifts during a run. */
  sandbox_start (&sandbox, NULL, NULL);
  raw_rate = raw_posts_per_second (&sandbox, orders, 0);
  client_rate = sync_orders_per_second (&sandbox, store);
  raw_rate = (raw_rate + raw_posts_per_second (&sandbox, orders, ORDERS)) / 2;

  g_print ("sync to the sandbox on loopback, no faults: %d orders, %.0f orders per second\n", ORDERS, client_rate);
  g_print ("raw keep-alive POST loop to the same sandbox: %.0f posts per second\n", raw_rate);
  g_print ("client / raw: %.2f (goal: at least 0.80)\n", client_rate / raw_rate);

  sandbox_remove (&sandbox);
  prov_test_close_store (store);
  g_clear_object (&store);
  prov_test_remove_tree (dir);

  return 0;
}
