#include <string.h>

#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "prov-order-reference.h"
#include "prov-test-util.h"

typedef struct {
  char      *dir;
  char      *path;
  ProvStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = prov_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "orders.db", NULL);
  fixture->store = prov_test_open_store (fixture->path, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  prov_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static ProvOrder *
new_draft (ProvStore  *store,
           const char *customer,
           const char *iccid)
{
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, customer);
  if (iccid != NULL)
    prov_order_set_field (order, PROV_ORDER_FIELD_SIM_ICCID, iccid);

  conflicts = prov_test_save (store, order, &error);
  g_assert_no_error (error);
  g_assert_nonnull (conflicts);

  return g_steal_pointer (&order);
}

static void
test_save_and_load_round_trip (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_USER_EXTENSION, "clerk");
  g_autoptr(ProvOrder) loaded = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Café Één “quoted”");
  prov_order_set_field (order, PROV_ORDER_FIELD_EXTENSION_NUMBER, "0042");
  prov_order_set_field (order, "notes", "line one\nline two");
  prov_order_set_current_page (order, "extension");

  conflicts = prov_test_save (fixture->store, order, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);

  loaded = prov_test_load (fixture->store, prov_order_get_uuid (order), &error);
  g_assert_no_error (error);
  g_assert_cmpint (prov_order_get_kind (loaded), ==, PROV_ORDER_KIND_USER_EXTENSION);
  g_assert_cmpint (prov_order_get_state (loaded), ==, PROV_ORDER_STATE_DRAFT);
  g_assert_cmpstr (prov_order_get_current_page (loaded), ==, "extension");
  g_assert_cmpstr (prov_order_get_created_by (loaded), ==, "clerk");
  g_assert_cmpstr (prov_order_get_field (loaded, PROV_ORDER_FIELD_CUSTOMER_NAME), ==, "Café Één “quoted”");
  g_assert_cmpstr (prov_order_get_field (loaded, PROV_ORDER_FIELD_EXTENSION_NUMBER), ==, "0042");
  g_assert_cmpstr (prov_order_get_field (loaded, "notes"), ==, "line one\nline two");
  /* The customer and the notes are the order's; the extension is its
   * line's. */
  keys = prov_order_dup_field_keys (loaded);
  g_assert_cmpuint (g_strv_length (keys), ==, 2);
  g_clear_pointer (&keys, g_strfreev);
  keys = prov_order_line_dup_field_keys (prov_order_get_line (loaded, 0));
  g_assert_cmpuint (g_strv_length (keys), ==, 1);
}

/* Lines keep their order, ids, actions, products and fields. */
static void
test_lines_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_NEW_WIRELESS_CUSTOMER, "clerk");
  g_autoptr(ProvOrder) loaded = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  ProvOrderLine *second;
  ProvOrderLine *third;

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Bakkerij de Vries");
  prov_order_set_field (order, PROV_ORDER_FIELD_SIM_ICCID, "8931440400000000006");
  second = prov_order_add_line (order);
  prov_order_line_set_field (second, PROV_ORDER_FIELD_SIM_ICCID, "8931440400000000014");
  third = prov_order_add_line (order);
  prov_order_line_set_action (third, PROV_LINE_ACTION_DELETE);
  prov_order_line_set_product_ref (third, "product-17");

  conflicts = prov_test_save (fixture->store, order, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);

  loaded = prov_test_load (fixture->store, prov_order_get_uuid (order), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (prov_order_get_n_lines (loaded), ==, 3);
  g_assert_cmpstr (prov_order_get_field (loaded, PROV_ORDER_FIELD_SIM_ICCID), ==, "8931440400000000006");
  g_assert_cmpstr (prov_order_line_get_id (prov_order_get_line (loaded, 1)), ==, "2");
  g_assert_cmpstr (prov_order_line_get_field (prov_order_get_line (loaded, 1), PROV_ORDER_FIELD_SIM_ICCID), ==,
                   "8931440400000000014");
  g_assert_cmpint (prov_order_line_get_action (prov_order_get_line (loaded, 2)), ==, PROV_LINE_ACTION_DELETE);
  g_assert_cmpstr (prov_order_line_get_product_ref (prov_order_get_line (loaded, 2)), ==, "product-17");
}

static void
test_load_unknown_order (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ProvOrder) loaded = NULL;
  g_autoptr(GError) error = NULL;

  loaded = prov_test_load (fixture->store, "no-such-order", &error);
  g_assert_null (loaded);
  g_assert_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_NOT_FOUND);
}

static ProvOrder *
find_by_reference (ProvStore  *store,
                   const char *reference)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ProvOrder *order;

  prov_store_find_by_reference_async (store, reference, NULL, prov_test_store_result, &result);
  order = prov_store_find_by_reference_finish (store, prov_test_await (&result), &error);
  g_assert_no_error (error);
  return order;
}

/* A confirmation's reference finds its order among others, and only its. */
static void
test_find_by_reference (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(ProvOrder) first = new_draft (fixture->store, "Bakkerij de Vries", NULL);
  g_autoptr(ProvOrder) second = new_draft (fixture->store, "Jansen Installatie", NULL);
  g_autofree char *first_reference = prov_order_reference_from_uuid (prov_order_get_uuid (first));
  g_autofree char *second_reference = prov_order_reference_from_uuid (prov_order_get_uuid (second));
  g_autofree char *unknown_reference = prov_order_reference_from_uuid ("00000000-0000-4000-8000-000000000000");
  g_autoptr(ProvOrder) found_first = find_by_reference (fixture->store, first_reference);
  g_autoptr(ProvOrder) found_second = find_by_reference (fixture->store, second_reference);
  g_autoptr(ProvOrder) found_none = find_by_reference (fixture->store, unknown_reference);

  g_assert_nonnull (found_first);
  g_assert_cmpstr (prov_order_get_uuid (found_first), ==, prov_order_get_uuid (first));
  g_assert_nonnull (found_second);
  g_assert_cmpstr (prov_order_get_uuid (found_second), ==, prov_order_get_uuid (second));
  g_assert_null (found_none);
}

static GPtrArray *
list_orders (ProvStore             *store,
             const ProvOrderFilter *filter,
             guint                  offset,
             guint                  limit,
             gint64                *out_count)
{
  g_autoptr(GAsyncResult) list_result = NULL;
  g_autoptr(GAsyncResult) count_result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *orders;

  prov_store_list_orders_async (store, filter, offset, limit, NULL, prov_test_store_result, &list_result);
  orders = prov_store_list_orders_finish (store, prov_test_await (&list_result), &error);
  g_assert_no_error (error);

  prov_store_count_orders_async (store, filter, NULL, prov_test_store_result, &count_result);
  *out_count = prov_store_count_orders_finish (store, prov_test_await (&count_result), &error);
  g_assert_no_error (error);

  return orders;
}

static void
test_list_search_and_filter (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(ProvOrder) jan = new_draft (fixture->store, "Jan Jansen", "8931440400000000006");
  g_autoptr(ProvOrder) piet = new_draft (fixture->store, "Piet 100% Pietersen", NULL);
  g_autoptr(ProvOrder) klaas = new_draft (fixture->store, "Klaas Vaak", NULL);
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(ProvOrderFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  gint64 count;

  orders = list_orders (fixture->store, NULL, 0, 10, &count);
  g_assert_cmpint (count, ==, 3);
  g_assert_cmpuint (orders->len, ==, 3);
  /* Most recently changed first. */
  g_assert_cmpstr (prov_order_get_uuid (g_ptr_array_index (orders, 0)), ==, prov_order_get_uuid (klaas));
  g_assert_cmpstr (prov_order_get_field (g_ptr_array_index (orders, 2), PROV_ORDER_FIELD_SIM_ICCID), ==, "8931440400000000006");
  g_clear_pointer (&orders, g_ptr_array_unref);

  orders = list_orders (fixture->store, NULL, 1, 1, &count);
  g_assert_cmpuint (orders->len, ==, 1);
  g_assert_cmpstr (prov_order_get_uuid (g_ptr_array_index (orders, 0)), ==, prov_order_get_uuid (piet));
  g_clear_pointer (&orders, g_ptr_array_unref);

  filter = prov_order_filter_new ("  0400000000  ", 0, 0);
  orders = list_orders (fixture->store, filter, 0, 10, &count);
  g_assert_cmpint (count, ==, 1);
  g_assert_cmpstr (prov_order_get_uuid (g_ptr_array_index (orders, 0)), ==, prov_order_get_uuid (jan));
  g_clear_pointer (&orders, g_ptr_array_unref);
  g_clear_pointer (&filter, prov_order_filter_free);

  /* The clerk's % is a character, not a wildcard. */
  filter = prov_order_filter_new ("100%", 0, 0);
  orders = list_orders (fixture->store, filter, 0, 10, &count);
  g_assert_cmpint (count, ==, 1);
  g_clear_pointer (&orders, g_ptr_array_unref);
  g_clear_pointer (&filter, prov_order_filter_free);

  g_assert_true (prov_test_transition (fixture->store, klaas, PROV_ORDER_STATE_READY, &error));
  g_assert_no_error (error);
  filter = prov_order_filter_new (NULL, 1u << PROV_ORDER_STATE_READY, 0);
  orders = list_orders (fixture->store, filter, 0, 10, &count);
  g_assert_cmpint (count, ==, 1);
  g_assert_cmpstr (prov_order_get_uuid (g_ptr_array_index (orders, 0)), ==, prov_order_get_uuid (klaas));
  g_clear_pointer (&orders, g_ptr_array_unref);
  g_clear_pointer (&filter, prov_order_filter_free);

  filter = prov_order_filter_new (NULL, 0, 1u << PROV_ORDER_KIND_USER_EXTENSION);
  orders = list_orders (fixture->store, filter, 0, 10, &count);
  g_assert_cmpint (count, ==, 0);
  g_assert_cmpuint (orders->len, ==, 0);
}

static GPtrArray *
search_customers (ProvStore  *store,
                  const char *text)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *customers;

  prov_store_search_customers_async (store, text, 20, NULL, prov_test_store_result, &result);
  customers = prov_store_search_customers_finish (store, prov_test_await (&result), &error);
  g_assert_no_error (error);
  return customers;
}

/* What the customer view asks of the store: a customer found by their
 * number, or by a line's number, ICCID or IMEI from the carrier's last
 * list or the till's orders; their addresses kept; their orders only;
 * and when their lines were fetched. */
static void
test_customers_and_their_lines (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *tmf629 =
    "{\"id\":\"cust-42\",\"name\":\"Van Leeuwen Logistiek B.V.\",\"contactMedium\":["
    "{\"mediumType\":\"postalAddress\",\"characteristic\":{\"contactType\":\"billing\",\"street1\":\"Postbus 5021\","
    "\"postCode\":\"3008 AA\",\"city\":\"Rotterdam\",\"country\":\"NL\"}}]}";
  const char *products_json =
    "[{\"id\":\"line-1\",\"status\":\"active\",\"productCharacteristic\":["
    "{\"name\":\"MSISDN\",\"value\":\"+31620031001\"},{\"name\":\"IMEI\",\"value\":\"353281151204007\"}]}]";
  g_autoptr(JsonNode) customer_node = json_from_string (tmf629, NULL);
  g_autoptr(ProvCustomer) customer = prov_customer_new_from_tmf629 (json_node_get_object (customer_node));
  g_autoptr(ProvCustomer) other = prov_customer_new ("Klaas Vaak");
  g_autoptr(JsonNode) products = json_from_string (products_json, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(ProvOrder) theirs = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
  g_autoptr(ProvOrder) klaas = new_draft (fixture->store, "Klaas Vaak", "8931440400000000006");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(ProvOrderFilter) filter = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autofree char *address = NULL;
  const char *kind = NULL;
  gint64 before = g_get_real_time ();
  gint64 fetched_at = 0;
  gint64 count;

  prov_store_save_customer_async (fixture->store, customer, NULL, prov_test_store_result, &result);
  g_assert_true (prov_store_save_customer_finish (fixture->store, prov_test_await (&result), &error));
  g_clear_object (&result);
  prov_store_save_customer_async (fixture->store, other, NULL, prov_test_store_result, &result);
  g_assert_true (prov_store_save_customer_finish (fixture->store, prov_test_await (&result), &error));
  g_clear_object (&result);

  /* Never listed: nothing, fetched never. */
  prov_store_list_products_async (fixture->store, "cust-42", NULL, prov_test_store_result, &result);
  listed = prov_store_list_products_finish (fixture->store, prov_test_await (&result), &fetched_at, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, 0);
  g_assert_cmpint (fetched_at, ==, 0);
  g_clear_object (&result);
  g_clear_pointer (&listed, json_node_unref);

  prov_store_save_products_async (fixture->store, "cust-42", products, NULL, prov_test_store_result, &result);
  g_assert_true (prov_store_save_products_finish (fixture->store, prov_test_await (&result), &error));
  g_clear_object (&result);
  prov_store_list_products_async (fixture->store, "cust-42", NULL, prov_test_store_result, &result);
  listed = prov_store_list_products_finish (fixture->store, prov_test_await (&result), &fetched_at, &error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, 1);
  g_assert_cmpint (fetched_at, >=, before);
  g_clear_object (&result);

  /* By customer number, the phone number written nationally, the IMEI. */
  found = search_customers (fixture->store, "cust-42");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (prov_customer_get_carrier_id (g_ptr_array_index (found, 0)), ==, "cust-42");
  /* The address came back from the store. */
  g_assert_cmpuint (prov_customer_get_n_addresses (g_ptr_array_index (found, 0)), ==, 1);
  address = prov_customer_dup_address (g_ptr_array_index (found, 0), 0, &kind);
  g_assert_cmpstr (address, ==, "Postbus 5021\n3008 AA Rotterdam\nNL");
  g_assert_cmpstr (kind, ==, "billing");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = search_customers (fixture->store, "06 2003 1001");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (prov_customer_get_name (g_ptr_array_index (found, 0)), ==, "Van Leeuwen Logistiek B.V.");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = search_customers (fixture->store, "353281151204007");
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* A short number matches no line: "1" is in every body. */
  found = search_customers (fixture->store, "1001");
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* A SIM of the till's orders finds its customer. */
  prov_order_set_field (klaas, PROV_ORDER_FIELD_CUSTOMER_ID, "cust-klaas");
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = prov_test_save (fixture->store, klaas, &error);
  g_assert_no_error (error);
  prov_customer_set_carrier_id (other, "cust-klaas");
  prov_store_save_customer_async (fixture->store, other, NULL, prov_test_store_result, &result);
  g_assert_true (prov_store_save_customer_finish (fixture->store, prov_test_await (&result), &error));
  g_clear_object (&result);
  found = search_customers (fixture->store, "8931440400000000006");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (prov_customer_get_name (g_ptr_array_index (found, 0)), ==, "Klaas Vaak");

  /* The customer's orders, nobody else's. */
  prov_order_set_field (theirs, PROV_ORDER_FIELD_CUSTOMER_NAME, "Van Leeuwen Logistiek B.V.");
  prov_order_set_field (theirs, PROV_ORDER_FIELD_CUSTOMER_ID, "cust-42");
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = prov_test_save (fixture->store, theirs, &error);
  g_assert_no_error (error);
  filter = prov_order_filter_new (NULL, 0, 0);
  prov_order_filter_set_customer (filter, "cust-42");
  orders = list_orders (fixture->store, filter, 0, 10, &count);
  g_assert_cmpint (count, ==, 1);
  g_assert_cmpstr (prov_order_get_uuid (g_ptr_array_index (orders, 0)), ==, prov_order_get_uuid (theirs));
}

static void
test_transitions_and_timeline (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(ProvOrder) order = new_draft (fixture->store, "Jan Jansen", NULL);
  g_autoptr(ProvOrder) loaded = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  ProvOrderEvent *event;

  g_assert_false (prov_test_transition (fixture->store, order, PROV_ORDER_STATE_QUEUED, &error));
  g_assert_error (error, PROV_ORDER_STATE_ERROR, PROV_ORDER_STATE_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpint (prov_order_get_state (order), ==, PROV_ORDER_STATE_DRAFT);

  g_assert_true (prov_test_transition (fixture->store, order, PROV_ORDER_STATE_READY, &error));
  g_assert_true (prov_test_transition (fixture->store, order, PROV_ORDER_STATE_QUEUED, &error));
  g_assert_no_error (error);
  g_assert_cmpint (prov_order_get_state (order), ==, PROV_ORDER_STATE_QUEUED);

  /* A queued order's content is what goes to the carrier: it is frozen. */
  prov_order_set_field (order, "notes", "too late");
  g_assert_null (prov_test_save (fixture->store, order, &error));
  g_assert_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_NOT_EDITABLE);
  g_clear_error (&error);

  loaded = prov_test_load (fixture->store, prov_order_get_uuid (order), &error);
  g_assert_no_error (error);
  g_assert_cmpint (prov_order_get_state (loaded), ==, PROV_ORDER_STATE_QUEUED);
  g_assert_null (prov_order_get_field (loaded, "notes"));

  prov_store_list_events_async (fixture->store, prov_order_get_uuid (order), NULL, prov_test_store_result, &result);
  events = prov_store_list_events_finish (fixture->store, prov_test_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (event->from_state, ==, 0);
  g_assert_cmpint (event->to_state, ==, PROV_ORDER_STATE_DRAFT);
  g_assert_cmpstr (event->who, ==, "clerk");
  event = g_ptr_array_index (events, 2);
  g_assert_cmpint (event->from_state, ==, PROV_ORDER_STATE_READY);
  g_assert_cmpint (event->to_state, ==, PROV_ORDER_STATE_QUEUED);
  g_assert_cmpstr (event->who, ==, "test");
  g_assert_cmpstr (event->reason, ==, "because the test says so");
}

static void
test_identifier_held_by_one_open_order (Fixture       *fixture,
                                        gconstpointer  data)
{
  const char *iccid = "8931440400000000006";
  g_autoptr(ProvOrder) first = new_draft (fixture->store, "Jan Jansen", iccid);
  g_autoptr(ProvOrder) second = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
  g_autoptr(ProvOrder) loaded = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *short_id = g_strndup (prov_order_get_uuid (first), 8);
  ProvReservationConflict *conflict;

  prov_order_set_field (second, PROV_ORDER_FIELD_CUSTOMER_NAME, "Piet Pietersen");
  prov_order_set_field (second, PROV_ORDER_FIELD_SIM_ICCID, iccid);
  conflicts = prov_test_save (fixture->store, second, &error);
  g_assert_no_error (error);

  /* Saved anyway (nothing typed is lost), but the conflict names the holder. */
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->field, ==, PROV_ORDER_FIELD_SIM_ICCID);
  g_assert_cmpstr (conflict->holder_uuid, ==, prov_order_get_uuid (first));
  message = prov_reservation_conflict_dup_message (conflict);
  g_assert_nonnull (strstr (message, short_id));
  g_assert_nonnull (strstr (message, "Jan Jansen"));
  loaded = prov_test_load (fixture->store, prov_order_get_uuid (second), &error);
  g_assert_cmpstr (prov_order_get_field (loaded, PROV_ORDER_FIELD_SIM_ICCID), ==, iccid);

  /* It cannot leave the draft state while another order holds the SIM. */
  g_assert_false (prov_test_transition (fixture->store, second, PROV_ORDER_STATE_READY, &error));
  g_assert_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_IDENTIFIER_TAKEN);
  g_assert_nonnull (strstr (error->message, short_id));
  g_clear_error (&error);

  /* Cancelling the first order releases the SIM. */
  g_assert_true (prov_test_transition (fixture->store, first, PROV_ORDER_STATE_CANCELLED, &error));
  g_assert_no_error (error);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = prov_test_save (fixture->store, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_true (prov_test_transition (fixture->store, second, PROV_ORDER_STATE_READY, &error));
  g_assert_no_error (error);
}

static void
remember_uuid (char       **slot,
               const char  *uuid)
{
  g_free (*slot);
  *slot = g_strdup (uuid);
}

static void
test_changed_signal (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *changed = NULL;

  g_signal_connect_swapped (fixture->store, "order-changed", G_CALLBACK (remember_uuid), &changed);
  conflicts = prov_test_save (fixture->store, order, NULL);
  g_assert_cmpstr (changed, ==, prov_order_get_uuid (order));
}

static void
test_reopen_keeps_everything (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(ProvOrder) order = new_draft (fixture->store, "Jan Jansen", NULL);
  g_autoptr(ProvOrder) loaded = NULL;
  g_autoptr(GError) error = NULL;

  prov_test_close_store (fixture->store);
  g_clear_object (&fixture->store);

  fixture->store = prov_test_open_store (fixture->path, NULL);
  loaded = prov_test_load (fixture->store, prov_order_get_uuid (order), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prov_order_get_field (loaded, PROV_ORDER_FIELD_CUSTOMER_NAME), ==, "Jan Jansen");
}

static void
test_damaged_file_is_moved_aside (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "orders.db", NULL);
  g_autofree char *aside = NULL;
  g_autofree char *aside_contents = NULL;
  g_autoptr(ProvStore) store = NULL;
  g_autoptr(ProvOrder) order = NULL;
  const char *garbage = "this is not a database, but somebody's orders may be in it";

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));

  store = prov_test_open_store (path, &aside);
  g_assert_nonnull (aside);
  g_assert_true (g_str_has_prefix (aside, path));
  g_assert_true (g_file_get_contents (aside, &aside_contents, NULL, NULL));
  g_assert_cmpstr (aside_contents, ==, garbage);

  /* The fresh database works. */
  order = new_draft (store, "Jan Jansen", NULL);
  g_clear_object (&store);
  prov_test_remove_tree (dir);
}

static void
test_unreadable_file_is_reported (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "orders.db", NULL);
  g_autoptr(ProvStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* A directory where the file should be cannot be opened, even by root. */
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);

  store = prov_store_new (path);
  prov_store_open_async (store, NULL, prov_test_store_result, &result);
  g_assert_false (prov_store_open_finish (store, prov_test_await (&result), NULL, &error));
  g_assert_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));

  g_clear_object (&store);
  prov_test_remove_tree (dir);
}

static void
test_too_new_database_is_refused (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "orders.db", NULL);
  g_autoptr(ProvStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 9999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = prov_store_new (path);
  prov_store_open_async (store, NULL, prov_test_store_result, &result);
  g_assert_false (prov_store_open_finish (store, prov_test_await (&result), NULL, &error));
  g_assert_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_TOO_NEW);
  /* Not touched: a newer Provisioner may still read it. */
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_clear_object (&store);
  prov_test_remove_tree (dir);
}

static guint
file_mode (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  return info.st_mode & 0777;
}

/* Customers' names and addresses: readable by this user only, whatever
 * the umask, and tightened on a database an older version made. */
static void
test_database_is_private (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "orders.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(ProvStore) store = NULL;
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
  g_autoptr(GPtrArray) conflicts = NULL;
  mode_t saved = umask (022);

  store = prov_test_open_store (path, NULL);
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Jan Jansen");
  conflicts = prov_test_save (store, order, NULL);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  prov_test_close_store (store);
  g_clear_object (&store);

  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    g_assert_cmpint (g_chmod (wal, 0644), ==, 0);
  store = prov_test_open_store (path, NULL);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    g_assert_cmpuint (file_mode (wal), ==, 0600);
  prov_test_close_store (store);
  g_clear_object (&store);

  umask (saved);
  prov_test_remove_tree (dir);
}

static gboolean
claim_outbox (ProvStore  *store,
              GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  prov_store_claim_outbox_async (store, NULL, prov_test_store_result, &result);
  return prov_store_claim_outbox_finish (store, prov_test_await (&result), error);
}

/* One sender per database, whatever path it is opened through: a second
 * sender through a symbolic link is refused, and a database with a second
 * name (a hard link, whose journal SQLite would keep apart) is not opened
 * at all. Once the first sender closes, the other may send. */
static void
test_one_sender_whatever_the_path (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "orders.db", NULL);
  g_autofree char *symlinked = g_build_filename (dir, "link.db", NULL);
  g_autofree char *hard_linked = g_build_filename (dir, "hard.db", NULL);
  g_autoptr(ProvStore) first = prov_test_open_store (path, NULL);
  g_autoptr(ProvStore) second = NULL;
  g_autoptr(ProvStore) third = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("orders.db", symlinked), ==, 0);
  second = prov_test_open_store (symlinked, NULL);

  g_assert_true (claim_outbox (first, &error));
  g_assert_no_error (error);
  g_assert_false (claim_outbox (second, &error));
  g_assert_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_BUSY);
  g_clear_error (&error);

  /* Claimed twice by the same store is still one claim. */
  g_assert_true (claim_outbox (first, &error));
  prov_test_close_store (first);
  g_assert_true (claim_outbox (second, &error));
  g_assert_no_error (error);
  prov_test_close_store (second);

  g_assert_cmpint (link (path, hard_linked), ==, 0);
  third = prov_store_new (hard_linked);
  prov_store_open_async (third, NULL, prov_test_store_result, &result);
  g_assert_false (prov_store_open_finish (third, prov_test_await (&result), NULL, &error));
  g_assert_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "hard link"));

  prov_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/save-and-load-round-trip", test_save_and_load_round_trip);
  ADD ("/store/lines-round-trip", test_lines_round_trip);
  ADD ("/store/load-unknown-order", test_load_unknown_order);
  ADD ("/store/find-by-reference", test_find_by_reference);
  ADD ("/store/list-search-and-filter", test_list_search_and_filter);
  ADD ("/store/customers-and-their-lines", test_customers_and_their_lines);
  ADD ("/store/transitions-and-timeline", test_transitions_and_timeline);
  ADD ("/store/identifier-held-by-one-open-order", test_identifier_held_by_one_open_order);
  ADD ("/store/changed-signal", test_changed_signal);
  ADD ("/store/reopen-keeps-everything", test_reopen_keeps_everything);
#undef ADD
  g_test_add_func ("/store/damaged-file-is-moved-aside", test_damaged_file_is_moved_aside);
  g_test_add_func ("/store/unreadable-file-is-reported", test_unreadable_file_is_reported);
  g_test_add_func ("/store/too-new-database-is-refused", test_too_new_database_is_refused);
  g_test_add_func ("/store/database-is-private", test_database_is_private);
  g_test_add_func ("/store/one-sender-whatever-the-path", test_one_sender_whatever_the_path);

  return g_test_run ();
}
