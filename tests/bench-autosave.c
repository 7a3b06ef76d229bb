/* Autosave latency with 100,000 orders in the database: the time from a
 * draft's save request to its durable commit, as the clerk's typing causes
 * it. Prints median and p99. Usage: bench-autosave [ORDERS] */
#include <stdlib.h>

#include "prov-test-util.h"

#define SAVES 400

int
main (int   argc,
      char *argv[])
{
  const char *orders = argc > 1 ? argv[1] : "100000";
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "orders.db", NULL);
  g_autofree char *seeder = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                              "seed-orders", NULL);
  g_autoptr(GSubprocess) seeding = NULL;
  g_autoptr(ProvStore) store = NULL;
  g_autoptr(ProvOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  double latencies_ms[SAVES];

  seeding = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, seeder, path, orders, NULL);
  if (seeding == NULL || !g_subprocess_wait_check (seeding, NULL, &error))
    g_error ("Could not seed the database: %s", error->message);

  store = prov_test_open_store (path, NULL);
  order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "bench");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Jan Jansen");
  prov_order_set_field (order, PROV_ORDER_FIELD_SIM_ICCID, "8931440400000000006");

  for (guint i = 0; i < SAVES; i++)
    {
      g_autofree char *notes = g_strdup_printf ("keystroke %u", i);
      g_autoptr(GPtrArray) conflicts = NULL;
      gint64 started;

      prov_order_set_field (order, "notes", notes);
      started = g_get_monotonic_time ();
      conflicts = prov_test_save (store, order, &error);
      if (conflicts == NULL)
        g_error ("Save failed: %s", error->message);
      latencies_ms[i] = (g_get_monotonic_time () - started) / 1000.0;
    }

  g_print ("autosave latency with %s orders: median %.2f ms, p99 %.2f ms, max %.2f ms (%d saves)\n",
           orders, prov_test_percentile (latencies_ms, SAVES, 50), prov_test_percentile (latencies_ms, SAVES, 99),
           prov_test_percentile (latencies_ms, SAVES, 100), SAVES);

  g_clear_object (&store);
  prov_test_remove_tree (dir);

  return 0;
}
