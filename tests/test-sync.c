/* Orders queued against the sandbox with faults on (errors, dropped
 * connections, 429s, broken answers) end at the carrier exactly once, and
 * every local state matches the carrier's; so do the new customers some
 * orders create (TMF629) and the e-mails sent with them (TMF681). */
#include <stdlib.h>
#include <string.h>

#include "prov-sync.h"
#include "prov-sync-messages.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"

/* Every SOLD_ELSEWHERE_EVERYth SIM was already sold by another till:
 * the carrier must reject our order for it. */
#define SOLD_ELSEWHERE_EVERY 100

static guint
n_orders (void)
{
  const char *count = g_getenv ("PROV_SYNC_TEST_ORDERS");

  return count != NULL ? (guint) atoi (count) : 1000;
}

/* Another till sells some of the same SIMs first, straight to the carrier. */
static guint
sell_elsewhere (Sandbox   *sandbox,
                GPtrArray *orders)
{
  guint sold = 0;

  for (guint i = SOLD_ELSEWHERE_EVERY - 1; i < orders->len; i += SOLD_ELSEWHERE_EVERY)
    {
      const char *iccid = prov_order_get_field (g_ptr_array_index (orders, i), PROV_ORDER_FIELD_SIM_ICCID);
      g_autofree char *json = g_strdup_printf ("{\"externalId\":\"other-till-%u\",\"productOrderItem\":[{\"id\":\"1\","
                                               "\"action\":\"add\",\"product\":{\"productCharacteristic\":"
                                               "[{\"name\":\"ICCID\",\"value\":\"%s\"}]}}]}", i, iccid);
      g_autofree char *uri = g_strconcat (sandbox->base, "productOrder", NULL);
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
      g_autoptr(GBytes) reply = NULL;
      g_autoptr(SoupMessage) message = soup_message_new ("POST", uri);
      g_autoptr(GError) error = NULL;

      soup_message_set_request_body_from_bytes (message, "application/json", body);
      reply = soup_session_send_and_read (sandbox->session, message, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (soup_message_get_status (message), ==, 201);
      sold++;
    }

  return sold;
}

/* The e-mails due, all of them whatever their retry time: the run does
 * not wait out the delay between attempts. TRUE once none is left. */
static gboolean
send_messages (ProvStore          *store,
               ProvCarrierClient  *client,
               ProvMessagesReport *total)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GPtrArray) due = NULL;
  ProvMessagesReport report = { 0 };

  prov_sync_send_messages_async (store, client, G_MAXINT64, NULL, prov_test_store_result, &result);
  g_assert_true (prov_sync_send_messages_finish (store, prov_test_await (&result), &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.refused + report.failed, ==, 0);
  total->sent += report.sent;
  total->recovered += report.recovered;
  total->retried += report.retried;

  prov_store_list_messages_async (store, NULL, G_MAXINT64, NULL, prov_test_store_result, &listed);
  due = prov_store_list_messages_finish (store, prov_test_await (&listed), &error);
  g_assert_no_error (error);
  return due->len == 0;
}

static void
send_everything (ProvSync          *sync,
                 ProvStore         *store,
                 ProvCarrierClient *client)
{
  ProvSyncReport total = { 0 };
  ProvMessagesReport messages = { 0 };
  gboolean messages_done = FALSE;
  gint64 deadline = g_get_monotonic_time () + 300 * G_TIME_SPAN_SECOND;

  for (;;)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      ProvSyncReport report = { 0 };
      gint64 next_due = -1;

      g_assert_cmpint (g_get_monotonic_time (), <, deadline);

      prov_sync_send_due_async (sync, NULL, prov_test_store_result, &result);
      g_assert_true (prov_sync_send_due_finish (sync, prov_test_await (&result), &report, &next_due, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (report.failed, ==, 0);

      total.sent += report.sent;
      total.recovered += report.recovered;
      total.retried += report.retried;
      total.refused += report.refused;

      if (!messages_done)
        messages_done = send_messages (store, client, &messages);

      if (next_due < 0 && messages_done)
        break;
      if (next_due >= 0 && report.sent + report.recovered + report.retried + report.refused == 0)
        g_usleep (MIN (MAX (next_due - g_get_real_time (), 1000), 200000));
    }

  g_test_message ("sent %u, found after an uncertain attempt %u, retried %u, refused %u",
                  total.sent, total.recovered, total.retried, total.refused);
  g_test_message ("e-mails: sent %u, found after an uncertain attempt %u, retried %u",
                  messages.sent, messages.recovered, messages.retried);
  /* The faults did happen: otherwise this test proves nothing. */
  g_assert_cmpuint (total.retried, >, 0);
  g_assert_cmpuint (total.recovered, >, 0);
}

static void
poll_until_settled (ProvSync  *sync,
                    ProvStore *store)
{
  g_autoptr(ProvOrderFilter) at_carrier = prov_order_filter_new (NULL, prov_order_state_group_get_mask (PROV_ORDER_STATE_GROUP_AT_CARRIER), 0);

  for (guint pass = 0; pass < 100; pass++)
    {
      g_autoptr(GAsyncResult) polled = NULL;
      g_autoptr(GAsyncResult) counted = NULL;
      g_autoptr(GError) error = NULL;

      g_usleep (200 * G_TIME_SPAN_MILLISECOND);
      prov_sync_poll_async (sync, NULL, prov_test_store_result, &polled);
      g_assert_true (prov_sync_poll_finish (sync, prov_test_await (&polled), NULL, &error));

      prov_store_count_orders_async (store, at_carrier, NULL, prov_test_store_result, &counted);
      if (prov_store_count_orders_finish (store, prov_test_await (&counted), &error) == 0)
        return;
    }

  g_assert_not_reached ();
}

/* @faults: the sandbox's fault options, with @mode: NULL for the sandbox
 * as it is, or an option that makes it behave unlike itself. */
static void
exactly_once_under_faults (const char * const *faults,
                           const char         *mode)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "orders.db", NULL);
  g_autoptr(ProvStore) store = prov_test_open_store (path, NULL);
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GPtrArray) customer_orders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) customers_at_carrier = NULL;
  g_autoptr(GHashTable) messages_at_carrier = NULL;
  g_autoptr(GHashTable) at_carrier = NULL;
  g_autoptr(GHashTable) carrier_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(ProvCarrierClient) client = NULL;
  g_autoptr(ProvSync) sync = NULL;
  Sandbox sandbox = { 0 };
  guint count = n_orders ();
  guint needs_attention = 0;
  guint sold_elsewhere;
  gint64 started = g_get_monotonic_time ();

  orders = sandbox_queue_orders (store, count);
  /* One in twenty: a new customer's order, and an e-mail. */
  sandbox_queue_customers_and_messages (store, MAX (count / 20, 1), 5000, customer_orders, messages);
  g_test_message ("%u orders, %u of new customers, and %u e-mails queued in %.1f s", count, customer_orders->len,
                  messages->len, (g_get_monotonic_time () - started) / 1e6);

  /* The other till's sales go in before the faults are switched on. */
  sandbox_start (&sandbox, NULL, NULL);
  sold_elsewhere = sell_elsewhere (&sandbox, orders);
  sandbox_stop (&sandbox);

  sandbox_start (&sandbox, faults[0], faults[1], faults[2], faults[3], faults[4], faults[5],
                 "--retry-after=1", "--state-delay=50", mode, NULL);
  client = prov_carrier_client_new (sandbox.root, NULL, 5);
  sync = prov_sync_new (store, client, "TEST");
  prov_sync_set_backoff (sync, 10, 300);

  started = g_get_monotonic_time ();
  send_everything (sync, store, client);
  g_test_message ("outbox empty after %.1f s", (g_get_monotonic_time () - started) / 1e6);
  started = g_get_monotonic_time ();
  poll_until_settled (sync, store);
  g_test_message ("states settled after %.1f s", (g_get_monotonic_time () - started) / 1e6);
  sandbox_stop (&sandbox);

  /* The truth, from the carrier's database, without faults. */
  sandbox_start (&sandbox, NULL, NULL);
  at_carrier = sandbox_list_our_orders (&sandbox);
  for (guint i = 0; i < customer_orders->len; i++)
    if (!g_hash_table_contains (at_carrier, g_ptr_array_index (customer_orders, i)))
      {
        g_autoptr(GAsyncResult) result = NULL;
        g_autoptr(GPtrArray) events = NULL;

        prov_store_list_events_async (store, g_ptr_array_index (customer_orders, i), NULL, prov_test_store_result,
                                      &result);
        events = prov_store_list_events_finish (store, prov_test_await (&result), NULL);
        for (guint j = 0; events != NULL && j < events->len; j++)
          g_test_message ("not at the carrier: %s: %s", (const char *) g_ptr_array_index (customer_orders, i),
                          ((ProvOrderEvent *) g_ptr_array_index (events, j))->reason);
      }
  g_assert_cmpuint (g_hash_table_size (at_carrier), ==, count + customer_orders->len);

  /* Each new customer and each e-mail exactly once at the carrier. */
  customers_at_carrier = sandbox_count_by_reference (&sandbox, "customers");
  for (guint i = 0; i < customer_orders->len; i++)
    {
      g_autoptr(ProvOrder) local = prov_test_load (store, g_ptr_array_index (customer_orders, i), NULL);
      SandboxOrder *carrier = g_hash_table_lookup (at_carrier, g_ptr_array_index (customer_orders, i));

      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (customers_at_carrier,
                                                               g_ptr_array_index (customer_orders, i))), ==, 1);
      g_assert_nonnull (carrier);
      g_assert_cmpstr (prov_order_get_carrier_id (local), ==, carrier->id);
      g_assert_cmpstr (prov_order_state_to_id (prov_order_get_state (local)), ==, carrier->state);
      g_assert_true (g_hash_table_add (carrier_ids, carrier->id));
    }
  messages_at_carrier = sandbox_count_by_reference (&sandbox, "messages");
  for (guint i = 0; i < messages->len; i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (messages_at_carrier, g_ptr_array_index (messages, i))),
                      ==, 1);

  for (guint i = 0; i < orders->len; i++)
    {
      ProvOrder *order = g_ptr_array_index (orders, i);
      g_autoptr(ProvOrder) local = prov_test_load (store, prov_order_get_uuid (order), NULL);
      SandboxOrder *carrier = g_hash_table_lookup (at_carrier, prov_order_get_uuid (order));

      g_assert_nonnull (carrier);
      /* Its own carrier order, no other till's and no other of ours. */
      g_assert_cmpstr (prov_order_get_carrier_id (local), ==, carrier->id);
      g_assert_true (g_hash_table_add (carrier_ids, carrier->id));
      if (g_str_equal (carrier->state, "rejected"))
        {
          /* The carrier refused it; the clerk sees why and can fix it. */
          g_assert_cmpint (prov_order_get_state (local), ==, PROV_ORDER_STATE_NEEDS_ATTENTION);
          needs_attention++;
        }
      else
        {
          g_assert_cmpstr (prov_order_state_to_id (prov_order_get_state (local)), ==, carrier->state);
          /* Its line follows the carrier's item. */
          g_assert_cmpstr (prov_order_line_get_state (prov_order_get_line (local, 0)), ==, carrier->state);
        }
    }

  g_assert_cmpuint (needs_attention, ==, sold_elsewhere);
  g_assert_cmpuint (needs_attention, >, 0);

  sandbox_remove (&sandbox);
  g_clear_object (&store);
  prov_test_remove_tree (dir);
}

static void
test_exactly_once_under_faults (void)
{
  const char * const faults[] = { "--error-rate=0.15", "--drop-rate=0.05", "--throttle-rate=0.03",
                                  "--malformed-rate=0.02", "--redirect-rate=0.02", "--nesting-rate=0.01" };

  exactly_once_under_faults (faults, NULL);
}

/* A carrier that follows the spec but is not our sandbox: it ignores the
 * externalId filter and lists other tills' orders first, and answers a
 * create with only productOrderItem (no id). */
static void
test_exactly_once_at_another_carrier (void)
{
  /* Lower rates: every create there needs a look through its whole list,
   * dozens of requests, each of which may fail. */
  const char * const faults[] = { "--error-rate=0.05", "--drop-rate=0.03", "--throttle-rate=0.01",
                                  "--malformed-rate=0.01", "--redirect-rate=0.01", "--nesting-rate=0.005" };

  exactly_once_under_faults (faults, "--other-carrier");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/exactly-once-under-faults", test_exactly_once_under_faults);
  g_test_add_func ("/sync/exactly-once-at-another-carrier", test_exactly_once_at_another_carrier);

  return g_test_run ();
}
