/* A new customer's order: the customer is created at the carrier (TMF629)
 * before the order, which then names the carrier's customer number; an
 * answer lost after the customer was created does not create them twice. */
#include <string.h>

#include "prov-carrier-client.h"
#include "prov-order-field.h"
#include "prov-sync.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"
#include "prov-tmf629.h"

typedef struct {
  Sandbox            sandbox;
  ProvCarrierClient *client;
  char              *dir;
  ProvStore         *store;
  ProvSync          *sync;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  /* @data: the sandbox's options, separated by spaces (two at most). */
  g_auto(GStrv) options = g_strsplit (data != NULL ? data : "", " ", 3);

  sandbox_start (&fixture->sandbox, options[0], options[0] != NULL ? options[1] : NULL, NULL);
  fixture->client = prov_carrier_client_new (fixture->sandbox.root, "test-token", 5);
  fixture->dir = prov_test_make_tmp_dir ();
  path = g_build_filename (fixture->dir, "orders.db", NULL);
  fixture->store = prov_test_open_store (path, NULL);
  fixture->sync = prov_sync_new (fixture->store, fixture->client, "TEST");
  prov_sync_set_backoff (fixture->sync, 10, 50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->sync);
  prov_test_close_store (fixture->store);
  g_clear_object (&fixture->store);
  prov_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->client);
  sandbox_remove (&fixture->sandbox);
}

/* The same customer each time, unless a test names them otherwise. */
static ProvOrder *
new_customer_order (guint serial)
{
  return sandbox_new_customer_order (serial, "Bakker Telecom B.V.", "490154203237518");
}

static void
place (ProvStore *store,
       ProvOrder *order)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  prov_store_place_order_async (store, order, NULL, "clerk", NULL, prov_test_store_result, &result);
  g_assert_true (prov_store_place_order_finish (store, prov_test_await (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpint (prov_order_get_state (order), ==, PROV_ORDER_STATE_QUEUED);
}

static ProvSyncReport
send_pass (ProvSync *sync)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ProvSyncReport report = { 0 };
  gint64 next_due = -1;

  prov_sync_send_due_async (sync, NULL, prov_test_store_result, &result);
  g_assert_true (prov_sync_send_due_finish (sync, prov_test_await (&result), &report, &next_due, &error));
  g_assert_no_error (error);
  return report;
}

/* Passes until the one order queued is sent: a carrier that answers a
 * customer create without its number has it looked up on the next pass. */
static void
send_due (ProvSync *sync)
{
  guint sent = 0;

  for (guint pass = 0; pass < 20 && sent == 0; pass++)
    {
      ProvSyncReport report = send_pass (sync);

      g_assert_cmpuint (report.refused, ==, 0);
      sent += report.sent;
      if (sent == 0)
        g_usleep (60 * G_TIME_SPAN_MILLISECOND);
    }
  g_assert_cmpuint (sent, ==, 1);
}

/* Every pass the sender would make, then how often the carrier has the
 * customer created for @uuid. */
static guint
customers_after_passes (Fixture    *fixture,
                        const char *uuid,
                        guint       passes)
{
  g_autoptr(GHashTable) counts = NULL;

  for (guint pass = 0; pass < passes; pass++)
    {
      send_pass (fixture->sync);
      g_usleep (60 * G_TIME_SPAN_MILLISECOND);
    }

  counts = sandbox_count_by_reference (&fixture->sandbox, "customers");
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, uuid));
}

/* The carrier's order for @uuid, found as the client finds it at any
 * carrier. */
static JsonObject *
order_at_carrier (Fixture    *fixture,
                  const char *uuid)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) found = NULL;

  prov_carrier_client_find_order_async (fixture->client, uuid, NULL, prov_test_store_result, &result);
  found = prov_carrier_client_find_order_finish (fixture->client, prov_test_await (&result), NULL, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (found));
}

/* The carrier's customers created for @uuid. */
static GPtrArray *
customers_created_for (Fixture    *fixture,
                       const char *uuid)
{
  const ProvCustomerProfile created_for = { .external_id = uuid };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *found;

  prov_carrier_client_find_duplicates_async (fixture->client, &created_for, NULL, prov_test_store_result, &result);
  found = prov_carrier_client_find_duplicates_finish (fixture->client, prov_test_await (&result), &error);
  g_assert_no_error (error);

  return found;
}

static const char *
medium_value (JsonObject *customer,
              const char *medium_type,
              const char *field)
{
  JsonArray *media = json_object_get_array_member (customer, "contactMedium");

  for (guint i = 0; i < json_array_get_length (media); i++)
    {
      JsonObject *medium = json_array_get_object_element (media, i);

      if (g_str_equal (json_object_get_string_member (medium, "mediumType"), medium_type))
        return json_object_get_string_member (json_object_get_object_member (medium, "characteristic"), field);
    }

  return NULL;
}

static void
test_customer_before_order (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(ProvOrder) order = new_customer_order (51);
  g_autoptr(ProvOrder) stored = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(JsonObject) at_carrier = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *customer;
  const char *customer_id;

  place (fixture->store, order);
  send_due (fixture->sync);

  customers = customers_created_for (fixture, prov_order_get_uuid (order));
  g_assert_cmpuint (customers->len, ==, 1);
  customer = ((ProvDuplicate *) g_ptr_array_index (customers, 0))->customer;
  customer_id = json_object_get_string_member (customer, "id");
  g_assert_cmpstr (json_object_get_string_member (customer, "name"), ==, "Bakker Telecom B.V.");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (customer, "engagedParty"),
                                                  "@referredType"), ==, "Organization");
  g_assert_cmpstr (medium_value (customer, "postalAddress", "postCode"), ==, "1234 AB");
  g_assert_cmpstr (medium_value (customer, "phone", "phoneNumber"), ==, "+31611122233");

  /* The order names the carrier's customer, and the till remembers it. */
  at_carrier = order_at_carrier (fixture, prov_order_get_uuid (order));
  g_assert_nonnull (at_carrier);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (at_carrier, "relatedParty"), 0), "id"), ==, customer_id);
  stored = prov_test_load (fixture->store, prov_order_get_uuid (order), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prov_order_get_field (stored, PROV_ORDER_FIELD_CUSTOMER_ID), ==, customer_id);
}

/* The customer was created but the answer was lost: the next attempt
 * finds them by the order they were created for. */
static void
test_lost_answer_creates_no_second_customer (Fixture       *fixture,
                                             gconstpointer  data)
{
  g_autoptr(ProvOrder) order = new_customer_order (52);
  g_autoptr(JsonNode) body = prov_tmf629_build_customer_create (order);
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(JsonObject) at_carrier = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *customer_id;

  prov_carrier_client_create_customer_async (fixture->client, body, NULL, prov_test_store_result, &result);
  created = prov_carrier_client_create_customer_finish (fixture->client, prov_test_await (&result), &error);
  g_assert_no_error (error);
  customer_id = json_object_get_string_member (json_node_get_object (created), "id");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_CREATION_STARTED, "true");

  place (fixture->store, order);
  send_due (fixture->sync);

  customers = customers_created_for (fixture, prov_order_get_uuid (order));
  g_assert_cmpuint (customers->len, ==, 1);
  at_carrier = order_at_carrier (fixture, prov_order_get_uuid (order));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (at_carrier, "relatedParty"), 0), "id"), ==, customer_id);
}

/* Created while the carrier could not be reached, the clerk never saw the
 * carrier's possible duplicates: sending asks first, and one there (the
 * same phone number) stops the order for the clerk, naming it; nobody is
 * created. Once the clerk confirmed a new customer it goes. */
static void
test_offline_order_checks_duplicates_first (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(ProvOrder) order = new_customer_order (53);
  g_autoptr(ProvOrder) stored = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const ProvOrderEvent *last;
  ProvSyncReport report;

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_PHONE, "+31302345678");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_DUPLICATES_CHECKED, "false");
  place (fixture->store, order);
  report = send_pass (fixture->sync);
  g_assert_cmpuint (report.refused, ==, 1);
  g_assert_cmpuint (report.sent, ==, 0);

  stored = prov_test_load (fixture->store, prov_order_get_uuid (order), &error);
  g_assert_no_error (error);
  g_assert_cmpint (prov_order_get_state (stored), ==, PROV_ORDER_STATE_NEEDS_ATTENTION);
  prov_store_list_events_async (fixture->store, prov_order_get_uuid (order), NULL, prov_test_store_result, &result);
  events = prov_store_list_events_finish (fixture->store, prov_test_await (&result), &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (events, events->len - 1);
  g_assert_nonnull (strstr (last->reason, "Jansen Installatietechniek B.V. (same phone number)"));
  customers = customers_created_for (fixture, prov_order_get_uuid (order));
  g_assert_cmpuint (customers->len, ==, 0);
  g_clear_pointer (&customers, g_ptr_array_unref);

  /* The clerk looked and confirmed: a new customer, then the order. */
  prov_order_set_field (stored, PROV_ORDER_FIELD_CUSTOMER_DUPLICATES_CHECKED, "true");
  prov_order_set_field (stored, PROV_ORDER_FIELD_CUSTOMER_NEW_CONFIRMED, "true");
  place (fixture->store, stored);
  send_due (fixture->sync);
  customers = customers_created_for (fixture, prov_order_get_uuid (order));
  g_assert_cmpuint (customers->len, ==, 1);
}

/* Nobody at the carrier matches: the check is recorded and the customer
 * created without the clerk. */
static void
test_offline_order_without_duplicates_goes (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(ProvOrder) order = new_customer_order (54);
  g_autoptr(ProvOrder) stored = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GError) error = NULL;

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_DUPLICATES_CHECKED, "false");
  place (fixture->store, order);
  send_due (fixture->sync);

  customers = customers_created_for (fixture, prov_order_get_uuid (order));
  g_assert_cmpuint (customers->len, ==, 1);
  stored = prov_test_load (fixture->store, prov_order_get_uuid (order), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prov_order_get_field (stored, PROV_ORDER_FIELD_CUSTOMER_DUPLICATES_CHECKED), ==, "true");
}

/* A reseller's new customer without services: the customer is created
 * under the reseller, no order is sent, and the order is complete. */
static void
test_account_only (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_ADD_SERVICES, "clerk");
  g_autoptr(ProvOrder) stored = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) no_order = NULL;
  JsonObject *customer;

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Jewellery Quarter Cafe");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_EMAIL, "hello@jqcafe.example");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_ACCOUNT_PIN, "4821");
  prov_order_set_field (order, PROV_ORDER_FIELD_RESELLER_ID, "R-2002");
  prov_order_set_field (order, PROV_ORDER_FIELD_RESELLER_NAME, "Brum Business Comms");
  prov_order_set_field (order, PROV_ORDER_FIELD_SERVICE_ACCOUNT_ONLY, "true");
  place (fixture->store, order);
  send_due (fixture->sync);

  stored = prov_test_load (fixture->store, prov_order_get_uuid (order), &error);
  g_assert_no_error (error);
  g_assert_cmpint (prov_order_get_state (stored), ==, PROV_ORDER_STATE_COMPLETED);
  customers = customers_created_for (fixture, prov_order_get_uuid (order));
  g_assert_cmpuint (customers->len, ==, 1);
  customer = ((ProvDuplicate *) g_ptr_array_index (customers, 0))->customer;
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (customer, "relatedParty"), 0), "id"), ==, "R-2002");
  g_assert_cmpstr (prov_order_get_field (stored, PROV_ORDER_FIELD_CUSTOMER_ID), ==,
                   json_object_get_string_member (customer, "id"));

  prov_carrier_client_find_order_async (fixture->client, prov_order_get_uuid (order), NULL, prov_test_store_result,
                                        &result);
  no_order = prov_carrier_client_find_order_finish (fixture->client, prov_test_await (&result), NULL, &error);
  g_assert_null (no_order);
  g_assert_error (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_NOT_FOUND);
}

/* Another carrier counts half its customers in X-Total-Count and answers
 * a create without the customer's number. The customer created is on the
 * list's second page, past what the header says: it is found there, not
 * created again. */
static void
test_total_lower_than_list (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(ProvOrder) order = new_customer_order (55);
  g_autoptr(ProvOrder) stored = NULL;
  g_autoptr(GError) error = NULL;

  /* Other shops' customers, listed before ours: the list runs over a page. */
  for (guint i = 0; i < 120; i++)
    {
      g_autoptr(ProvOrder) other = new_customer_order (100 + i);
      g_autofree char *name = g_strdup_printf ("Aa Shop Customer %03u", i);
      g_autoptr(JsonNode) body = NULL;
      g_autoptr(JsonNode) created = NULL;
      g_autoptr(GAsyncResult) result = NULL;

      prov_order_set_field (other, PROV_ORDER_FIELD_CUSTOMER_NAME, name);
      body = prov_tmf629_build_customer_create (other);
      prov_carrier_client_create_customer_async (fixture->client, body, NULL, prov_test_store_result, &result);
      created = prov_carrier_client_create_customer_finish (fixture->client, prov_test_await (&result), &error);
      g_assert_no_error (error);
    }

  place (fixture->store, order);
  send_due (fixture->sync);
  g_assert_cmpuint (customers_after_passes (fixture, prov_order_get_uuid (order), 3), ==, 1);

  stored = prov_test_load (fixture->store, prov_order_get_uuid (order), &error);
  g_assert_no_error (error);
  g_assert_nonnull (prov_order_get_field (stored, PROV_ORDER_FIELD_CUSTOMER_ID));
}

/* A carrier whose answers carry only required members: the create
 * answer has no number, and the listed customers nothing that says which
 * was created for this order. Nothing proves the customer absent: the
 * order stops for the clerk, with the reason, and nobody is created twice. */
static void
test_unprovable_absence_asks_the_clerk (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(ProvOrder) order = new_customer_order (56);
  g_autoptr(ProvOrder) stored = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const ProvOrderEvent *last;
  guint orders_before = sandbox_count_orders (&fixture->sandbox);

  place (fixture->store, order);
  g_assert_cmpuint (customers_after_passes (fixture, prov_order_get_uuid (order), 4), ==, 1);

  stored = prov_test_load (fixture->store, prov_order_get_uuid (order), &error);
  g_assert_no_error (error);
  g_assert_cmpint (prov_order_get_state (stored), ==, PROV_ORDER_STATE_NEEDS_ATTENTION);
  prov_store_list_events_async (fixture->store, prov_order_get_uuid (order), NULL, prov_test_store_result, &result);
  events = prov_store_list_events_finish (fixture->store, prov_test_await (&result), &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (events, events->len - 1);
  g_assert_nonnull (strstr (last->reason, "cannot tell whether this customer was created"));
  g_assert_cmpuint (sandbox_count_orders (&fixture->sandbox), ==, orders_before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, options, func) g_test_add (path, Fixture, options, fixture_set_up, func, fixture_tear_down)
  ADD ("/sync-customer/customer-before-order", NULL, test_customer_before_order);
  ADD ("/sync-customer/lost-answer-creates-no-second-customer", NULL, test_lost_answer_creates_no_second_customer);
  ADD ("/sync-customer/another-carrier", "--other-carrier", test_customer_before_order);
  ADD ("/sync-customer/total-lower-than-list", "--other-carrier", test_total_lower_than_list);
  ADD ("/sync-customer/unprovable-absence-asks-the-clerk", "--other-carrier --bare-answers",
       test_unprovable_absence_asks_the_clerk);
  ADD ("/sync-customer/offline-order-checks-duplicates-first", NULL, test_offline_order_checks_duplicates_first);
  ADD ("/sync-customer/offline-order-without-duplicates-goes", NULL, test_offline_order_without_duplicates_goes);
  ADD ("/sync-customer/account-only", NULL, test_account_only);
#undef ADD

  return g_test_run ();
}
