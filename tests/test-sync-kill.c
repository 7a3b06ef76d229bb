/* provisioner-cli sync killed with SIGKILL at random moments, then run to
 * the end: every order reaches the carrier exactly once. */
#include <signal.h>
#include <stdlib.h>

#include "prov-sync.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"

#define ORDERS 500
#define KILLS 20

static GSubprocess *
spawn_sync (const char *database,
            Sandbox    *sandbox,
            const char *wait_s)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_set_child_setup (launcher, prov_test_die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("PROVISIONER_CLI"), "sync",
                                         "--database", database, "--carrier", sandbox->root,
                                         "--timeout", "5", "--wait", wait_s, NULL);
  g_assert_no_error (error);

  return process;
}

static void
test_killed_sync_sends_each_order_once (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *database = g_build_filename (dir, "orders.db", NULL);
  g_autoptr(ProvStore) store = prov_test_open_store (database, NULL);
  g_autoptr(GPtrArray) orders = sandbox_queue_orders (store, ORDERS);
  g_autoptr(GHashTable) at_carrier = NULL;
  g_autoptr(GRand) rand = g_rand_new ();
  Sandbox sandbox = { 0 };
  guint finished_early = 0;

  /* The app's own store must not hold the outbox while the tool sends. */
  prov_test_close_store (store);
  g_clear_object (&store);

  /* Latency keeps requests in flight when the kill comes. */
  sandbox_start (&sandbox, "--latency=15", "--drop-rate=0.02", "--state-delay=50", NULL);

  for (guint i = 0; i < KILLS; i++)
    {
      g_autoptr(GSubprocess) sync = spawn_sync (database, &sandbox, "60");
      guint delay_ms = g_rand_int_range (rand, 20, 400);

      g_usleep (delay_ms * 1000);
      if (g_subprocess_get_identifier (sync) == NULL)
        finished_early++;
      g_subprocess_force_exit (sync);
      g_subprocess_wait (sync, NULL, NULL);
    }
  g_test_message ("%u of %u runs had ended before their kill", finished_early, KILLS);

  /* To the end: what was in flight at a kill comes due after its backoff. */
  for (guint run = 0;; run++)
    {
      g_autoptr(GSubprocess) sync = spawn_sync (database, &sandbox, "120");
      g_autoptr(GError) error = NULL;

      g_assert_true (g_subprocess_wait (sync, NULL, &error));
      g_assert_no_error (error);
      if (g_subprocess_get_exit_status (sync) == 0)
        break;
      g_assert_cmpuint (run, <, 3);
    }
  sandbox_stop (&sandbox);

  /* The truth, without faults or latency. */
  sandbox_start (&sandbox, NULL, NULL);
  at_carrier = sandbox_list_our_orders (&sandbox);
  g_assert_cmpuint (g_hash_table_size (at_carrier), ==, ORDERS);

  store = prov_test_open_store (database, NULL);
  for (guint i = 0; i < orders->len; i++)
    {
      const char *uuid = prov_order_get_uuid (g_ptr_array_index (orders, i));
      g_autoptr(ProvOrder) local = prov_test_load (store, uuid, NULL);
      SandboxOrder *carrier = g_hash_table_lookup (at_carrier, uuid);

      g_assert_nonnull (carrier);
      g_assert_cmpstr (prov_order_get_carrier_id (local), ==, carrier->id);
      g_assert_true (prov_order_state_is_at_carrier (prov_order_get_state (local)));
    }

  sandbox_remove (&sandbox);
  prov_test_close_store (store);
  g_clear_object (&store);
  prov_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/killed-sync-sends-each-order-once", test_killed_sync_sends_each_order_once);

  return g_test_run ();
}
