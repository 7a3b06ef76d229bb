/* Orders synced per second to the carrier sandbox on loopback, no faults:
 * from a full outbox to an empty one. */
#include <stdlib.h>

#include "prov-sync.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"

#define ORDERS 1000

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "orders.db", NULL);
  g_autoptr(ProvStore) store = prov_test_open_store (path, NULL);
  g_autoptr(ProvCarrierClient) client = NULL;
  g_autoptr(ProvSync) sync = NULL;
  Sandbox sandbox = { 0 };
  gint64 started;
  double seconds;

  for (guint i = 0; i < ORDERS; i++)
    {
      g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "bench");
      g_autofree char *iccid = g_strdup_printf ("8931440%012u", i);
      g_autoptr(GPtrArray) conflicts = NULL;

      prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Jan Jansen");
      prov_order_set_field (order, PROV_ORDER_FIELD_ICCID, iccid);
      conflicts = prov_test_save (store, order, NULL);
      if (!prov_test_transition (store, order, PROV_ORDER_STATE_READY, NULL) ||
          !prov_test_transition (store, order, PROV_ORDER_STATE_QUEUED, NULL))
        g_error ("could not queue order %u", i);
    }

  sandbox_start (&sandbox, NULL, NULL);
  client = prov_carrier_client_new (sandbox.root, NULL, 10);
  sync = prov_sync_new (store, client, "BENCH");

  started = g_get_monotonic_time ();
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
  seconds = (g_get_monotonic_time () - started) / 1e6;

  g_print ("sync to the sandbox on loopback, no faults: %d orders in %.2f s, %.0f orders per second\n",
           ORDERS, seconds, ORDERS / seconds);

  sandbox_remove (&sandbox);
  g_clear_object (&store);
  prov_test_remove_tree (dir);

  return 0;
}
