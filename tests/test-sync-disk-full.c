/* A store that cannot write stops sending, says why, and sends again once
 * it can: no order reaches the carrier twice. Runs on a real, tiny tmpfs in
 * a private user and mount namespace. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "prov-store-error.h"
#include "prov-sync.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"

#define ORDERS 12
#define PASSES_WHILE_FULL 20

static const char *small_disk;

static void
fill_disk (const char *path)
{
  static char block[512];
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  close (fd);
}

/* One pass; the error it stopped with, if any. */
static GError *
send_due (ProvSync       *sync,
          ProvSyncReport *report,
          gint64         *next_due)
{
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;

  prov_sync_send_due_async (sync, NULL, prov_test_store_result, &result);
  prov_sync_send_due_finish (sync, prov_test_await (&result), report, next_due, &error);

  return error;
}

static void
test_full_disk_stops_sending (void)
{
  g_autofree char *path = g_build_filename (small_disk, "orders.db", NULL);
  g_autofree char *filler = g_build_filename (small_disk, "filler", NULL);
  g_autoptr(ProvStore) store = prov_test_open_store (path, NULL);
  g_autoptr(GPtrArray) orders = sandbox_queue_orders (store, ORDERS);
  g_autoptr(GHashTable) at_carrier = NULL;
  g_autoptr(ProvCarrierClient) client = NULL;
  g_autoptr(ProvSync) sync = NULL;
  Sandbox sandbox = { 0 };
  guint stopped = 0;
  gint64 next_due = -1;

  /* The carrier's database is elsewhere: only the till's disk is full.
   * Its latency keeps the first orders in flight while the disk fills. */
  sandbox_start (&sandbox, "--state-delay=50", "--latency=400", NULL);
  client = prov_carrier_client_new (sandbox.root, NULL, 5);
  sync = prov_sync_new (store, client, "TEST");
  prov_sync_set_backoff (sync, 1, 1);

  /* The disk fills after the first posts left, before their answers are
   * recorded: the carrier has those orders, the till does not know. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    gint64 posts_left = g_get_monotonic_time () + 150 * G_TIME_SPAN_MILLISECOND;

    prov_sync_send_due_async (sync, NULL, prov_test_store_result, &result);
    while (g_get_monotonic_time () < posts_left)
      g_main_context_iteration (NULL, FALSE);
    fill_disk (filler);
    g_assert_false (prov_sync_send_due_finish (sync, prov_test_await (&result), NULL, NULL, &error));
    g_assert_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_DISK_FULL);
  }

  /* Every pass stops with the store's reason, none posts an order again. */
  for (guint pass = 0; pass < PASSES_WHILE_FULL; pass++)
    {
      ProvSyncReport report = { 0 };
      g_autoptr(GError) error = send_due (sync, &report, &next_due);

      if (error != NULL)
        {
          g_assert_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_DISK_FULL);
          g_assert_nonnull (strstr (error->message, "disk is full"));
          stopped++;
        }
      g_usleep (2000);
    }
  g_test_message ("%u of %u passes stopped on the full disk", stopped, PASSES_WHILE_FULL);
  g_assert_cmpuint (stopped, ==, PASSES_WHILE_FULL);

  /* Nothing at the carrier twice, whatever got out before the disk said no. */
  at_carrier = sandbox_list_our_orders (&sandbox);
  g_test_message ("%u orders reached the carrier before the store said no", g_hash_table_size (at_carrier));
  g_assert_cmpuint (g_hash_table_size (at_carrier), >, 0);
  g_assert_cmpuint (g_hash_table_size (at_carrier), <, ORDERS);
  g_clear_pointer (&at_carrier, g_hash_table_unref);

  /* Space again: sending resumes and finishes. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  for (guint pass = 0; pass < 100; pass++)
    {
      ProvSyncReport report = { 0 };
      g_autoptr(GError) error = send_due (sync, &report, &next_due);

      g_assert_no_error (error);
      if (next_due < 0)
        break;
      g_usleep (5000);
    }
  g_assert_cmpint (next_due, <, 0);

  at_carrier = sandbox_list_our_orders (&sandbox);
  g_assert_cmpuint (g_hash_table_size (at_carrier), ==, ORDERS);
  for (guint i = 0; i < orders->len; i++)
    {
      const char *uuid = prov_order_get_uuid (g_ptr_array_index (orders, i));
      g_autoptr(ProvOrder) local = prov_test_load (store, uuid, NULL);
      SandboxOrder *carrier = g_hash_table_lookup (at_carrier, uuid);

      g_assert_nonnull (carrier);
      g_assert_cmpstr (prov_order_get_carrier_id (local), ==, carrier->id);
    }

  sandbox_remove (&sandbox);
}

int
main (int   argc,
      char *argv[])
{
  small_disk = prov_test_run_on_small_disk (argc, argv, "16m");

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/full-disk-stops-sending", test_full_disk_stops_sending);

  return g_test_run ();
}
