/* Placing an order, without a display: what it needs, where it goes, and
 * that state, outbox, timeline and extensions change in one step. */
#include <string.h>

#include "prov-line-request.h"
#include "prov-order-placing.h"
#include "prov-sim-link.h"
#include "prov-store-error.h"
#include "prov-test-util.h"

typedef struct {
  char      *dir;
  ProvStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = prov_test_make_tmp_dir ();
  path = g_build_filename (fixture->dir, "orders.db", NULL);
  fixture->store = prov_test_open_store (path, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  prov_test_close_store (fixture->store);
  g_clear_object (&fixture->store);
  prov_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
place (ProvStore  *store,
       ProvOrder  *order,
       GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  prov_store_place_order_async (store, order, NULL, "clerk", NULL, prov_test_store_result, &result);
  return prov_store_place_order_finish (store, prov_test_await (&result), error);
}

static ProvOrder *
complete_order (ProvOrderKind kind,
                guint         serial)
{
  ProvOrder *order = prov_order_new (kind, "clerk");
  g_autofree char *iccid = prov_test_make_iccid (serial);

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Jan Jansen");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_ID, "C-1001");
  prov_order_set_field (order, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, "voice-advanced");
  prov_order_set_field (order, PROV_ORDER_FIELD_SIM_ICCID, iccid);

  return order;
}

static void
test_incomplete_orders_stay_drafts (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(ProvOrder) nobody = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
  g_autoptr(ProvOrder) nothing = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
  g_autoptr(ProvOrder) bad_sim = complete_order (PROV_ORDER_KIND_MOBILE_USER, 1);
  g_autoptr(ProvOrder) unknown_product = complete_order (PROV_ORDER_KIND_LINE_LIFECYCLE, 2);
  g_autoptr(GError) error = NULL;

  g_assert_false (place (fixture->store, nobody, &error));
  g_assert_error (error, PROV_ORDER_ERROR, PROV_ORDER_ERROR_INCOMPLETE);
  g_clear_error (&error);

  prov_order_set_field (nothing, PROV_ORDER_FIELD_CUSTOMER_NAME, "Jan Jansen");
  g_assert_false (place (fixture->store, nothing, &error));
  g_assert_error (error, PROV_ORDER_ERROR, PROV_ORDER_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "Line 1"));
  g_clear_error (&error);

  prov_order_set_field (bad_sim, PROV_ORDER_FIELD_SIM_ICCID, "8931440400000000007");
  g_assert_false (place (fixture->store, bad_sim, &error));
  g_assert_error (error, PROV_ORDER_ERROR, PROV_ORDER_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "ICCID"));
  g_clear_error (&error);

  /* A change to a product must say which one. */
  prov_order_line_set_action (prov_order_get_line (unknown_product, 0), PROV_LINE_ACTION_MODIFY);
  g_assert_false (place (fixture->store, unknown_product, &error));
  g_assert_error (error, PROV_ORDER_ERROR, PROV_ORDER_ERROR_INCOMPLETE);

  g_assert_cmpint (prov_order_get_state (bad_sim), ==, PROV_ORDER_STATE_DRAFT);
}

static void
test_placed_state_follows_the_order (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(ProvOrder) now = complete_order (PROV_ORDER_KIND_MOBILE_USER, 10);
  g_autoptr(ProvOrder) later = complete_order (PROV_ORDER_KIND_MOBILE_USER, 11);
  g_autoptr(ProvOrder) wireless = complete_order (PROV_ORDER_KIND_NEW_WIRELESS_CUSTOMER, 12);
  g_autoptr(ProvProductLine) line = prov_test_product_line ("product-13", "active", "+31612000013", 0);
  g_autoptr(ProvOrder) lifecycle = prov_line_request_new_order (prov_line_request_lookup ("new-sim"), line,
                                                                "C-1001", "Jan Jansen", 30, "clerk");
  g_autofree char *iccid = prov_test_make_iccid (13);
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(GError) error = NULL;
  gint64 next_due = 0;

  prov_order_set_field (later, PROV_ORDER_FIELD_SIM_ICCID, NULL);
  prov_order_set_field (later, PROV_ORDER_FIELD_SIM_MODE, "later");
  prov_order_set_field (lifecycle, PROV_ORDER_FIELD_SIM_ICCID, iccid);

  g_assert_true (place (fixture->store, now, &error));
  g_assert_no_error (error);
  g_assert_true (place (fixture->store, later, &error));
  g_assert_true (place (fixture->store, wireless, &error));
  g_assert_true (place (fixture->store, lifecycle, &error));

  g_assert_cmpint (prov_order_get_state (now), ==, PROV_ORDER_STATE_QUEUED);
  /* Placed as the portals place it: the user is created now. */
  g_assert_cmpint (prov_order_get_state (later), ==, PROV_ORDER_STATE_QUEUED);
  /* Its device is not scanned yet. */
  g_assert_cmpint (prov_order_get_state (wireless), ==, PROV_ORDER_STATE_AWAITING_INVENTORY);
  g_assert_cmpint (prov_order_get_state (lifecycle), ==, PROV_ORDER_STATE_AWAITING_APPROVAL);

  /* Only the queued ones are in the outbox. */
  prov_store_list_outbox_async (fixture->store, G_MAXINT64, 10, NULL, prov_test_store_result, &listed);
  outbox = prov_store_list_outbox_finish (fixture->store, prov_test_await (&listed), &next_due, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outbox->len, ==, 2);
  g_assert_cmpstr (((ProvOutboxEntry *) g_ptr_array_index (outbox, 0))->uuid, ==, prov_order_get_uuid (now));
  g_assert_cmpstr (((ProvOutboxEntry *) g_ptr_array_index (outbox, 1))->uuid, ==, prov_order_get_uuid (later));
}

static void
test_timeline_and_extension (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(ProvOrder) order = complete_order (PROV_ORDER_KIND_USER_EXTENSION, 20);
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GAsyncResult) extensions = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_auto(GStrv) numbers = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  prov_order_set_field (order, PROV_ORDER_FIELD_EXTENSION_NUMBER, "204");
  prov_order_set_field (order, PROV_ORDER_FIELD_EXTENSION_NAME, "Piet Jansen");
  g_assert_true (place (fixture->store, order, &error));
  g_assert_no_error (error);

  /* draft, ready, queued: who and why for each. */
  prov_store_list_events_async (fixture->store, prov_order_get_uuid (order), NULL, prov_test_store_result, &listed);
  events = prov_store_list_events_finish (fixture->store, prov_test_await (&listed), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  g_assert_cmpint (((ProvOrderEvent *) g_ptr_array_index (events, 2))->to_state, ==, PROV_ORDER_STATE_QUEUED);
  g_assert_cmpstr (((ProvOrderEvent *) g_ptr_array_index (events, 2))->who, ==, "clerk");

  prov_store_list_extensions_async (fixture->store, "C-1001", NULL, prov_test_store_result, &extensions);
  numbers = prov_store_list_extensions_finish (fixture->store, prov_test_await (&extensions), &names, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) numbers, "204"));
}

/* A SIM another open order holds: nothing of the placing happens. */
static void
test_identifier_taken (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(ProvOrder) first = complete_order (PROV_ORDER_KIND_MOBILE_USER, 30);
  g_autoptr(ProvOrder) second = complete_order (PROV_ORDER_KIND_MOBILE_USER, 30);
  g_autoptr(ProvOrder) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (place (fixture->store, first, &error));
  g_assert_false (place (fixture->store, second, &error));
  g_assert_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_IDENTIFIER_TAKEN);
  g_assert_cmpint (prov_order_get_state (second), ==, PROV_ORDER_STATE_DRAFT);

  reloaded = prov_test_load (fixture->store, prov_order_get_uuid (second), NULL);
  g_assert_null (reloaded);
}

/* With the carrier's catalog, the product decides what its line may hold:
 * the PIN its specification describes, and only the terms it is sold for. */
static void
test_product_rules (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) catalog_json = json_from_string (
    "{\"productOffering\":[{\"id\":\"voice-professional\",\"name\":\"Professional User\","
    "   \"productSpecification\":{\"id\":\"spec-mobile\"},"
    "   \"productOfferingTerm\":[{\"duration\":{\"amount\":12,\"units\":\"month\"}},"
    "                            {\"duration\":{\"amount\":24,\"units\":\"month\"}}]}],"
    " \"productSpecification\":[{\"id\":\"spec-mobile\",\"productSpecCharacteristic\":["
    "   {\"name\":\"extension.pin\",\"productSpecCharacteristicValue\":["
    "     {\"unitOfMeasure\":\"digits\",\"valueFrom\":3,\"valueTo\":8},"
    "     {\"value\":\"000\",\"isDefault\":true}]}]}]}", NULL);
  g_autoptr(ProvCatalog) catalog = prov_catalog_new_from_json (catalog_json, 1, NULL);
  g_autoptr(ProvOrder) order = complete_order (PROV_ORDER_KIND_MOBILE_USER, 7);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) without_catalog = NULL;

  g_assert_nonnull (catalog);
  prov_order_set_field (order, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, "voice-professional");
  prov_order_set_field (order, PROV_ORDER_FIELD_EXTENSION_PIN, "000");
  prov_order_set_field (order, PROV_ORDER_FIELD_STOCKTAKING_CONTRACT_MONTHS, "24");
  problems = prov_order_collect_problems (order, catalog);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  prov_order_set_field (order, PROV_ORDER_FIELD_EXTENSION_PIN, "12");
  prov_order_set_field (order, PROV_ORDER_FIELD_STOCKTAKING_CONTRACT_MONTHS, "1");
  problems = prov_order_collect_problems (order, catalog);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "3 to 8 digits"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 1), "Professional User is not sold for 1 month"));

  /* Without the catalog the till knows no more than that a PIN is digits. */
  without_catalog = prov_order_collect_problems (order, NULL);
  g_assert_cmpuint (without_catalog->len, ==, 0);
}

static ProvOrder *
find_follow_up (ProvStore  *store,
                const char *uuid)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ProvOrder *found;

  prov_store_find_follow_up_async (store, uuid, NULL, prov_test_store_result, &result);
  found = prov_store_find_follow_up_finish (store, prov_test_await (&result), &error);
  g_assert_no_error (error);

  return found;
}

/* "Connect SIM later": the SIM goes to the carrier as a modify of the
 * product the placed order made, once the carrier has said which. */
static void
test_sim_linked_later (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(ProvOrder) later = complete_order (PROV_ORDER_KIND_MOBILE_USER, 30);
  g_autoptr(ProvOrder) link = NULL;
  g_autoptr(ProvOrder) none = NULL;
  g_autoptr(ProvOrder) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iccid = prov_test_make_iccid (31);
  ProvOrderLine *line;
  ProvOrderLine *change;

  prov_order_set_field (later, PROV_ORDER_FIELD_SIM_ICCID, NULL);
  prov_order_set_field (later, PROV_ORDER_FIELD_SIM_MODE, "later");
  g_assert_true (place (fixture->store, later, &error));
  g_assert_no_error (error);

  line = prov_order_find_line_awaiting_sim (later);
  g_assert_nonnull (line);
  none = find_follow_up (fixture->store, prov_order_get_uuid (later));
  g_assert_null (none);

  /* Before the carrier names the product, there is nothing to modify. */
  link = prov_order_new_sim_link (later, line, iccid, "clerk", &error);
  g_assert_null (link);
  g_assert_error (error, PROV_ORDER_ERROR, PROV_ORDER_ERROR_INCOMPLETE);
  g_clear_error (&error);

  prov_order_line_set_product_ref (line, "product-42");
  link = prov_order_new_sim_link (later, line, iccid, "clerk", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (prov_order_get_n_lines (link), ==, 1);
  change = prov_order_get_line (link, 0);
  g_assert_cmpint (prov_order_line_get_action (change), ==, PROV_LINE_ACTION_MODIFY);
  g_assert_cmpstr (prov_order_line_get_product_ref (change), ==, "product-42");
  g_assert_cmpstr (prov_order_line_get_field (change, PROV_ORDER_FIELD_SIM_ICCID), ==, iccid);
  g_assert_cmpstr (prov_order_get_field (link, PROV_ORDER_FIELD_CUSTOMER_ID), ==, "C-1001");

  g_assert_true (place (fixture->store, link, &error));
  g_assert_no_error (error);
  g_assert_cmpint (prov_order_get_state (link), ==, PROV_ORDER_STATE_QUEUED);

  found = find_follow_up (fixture->store, prov_order_get_uuid (later));
  g_assert_nonnull (found);
  g_assert_cmpstr (prov_order_get_uuid (found), ==, prov_order_get_uuid (link));
  g_assert_cmpstr (prov_order_get_field (found, PROV_ORDER_FIELD_SIM_ICCID), ==, iccid);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/order/placing/incomplete-orders-stay-drafts", test_incomplete_orders_stay_drafts);
  ADD ("/order/placing/placed-state-follows-the-order", test_placed_state_follows_the_order);
  ADD ("/order/placing/timeline-and-extension", test_timeline_and_extension);
  ADD ("/order/placing/identifier-taken", test_identifier_taken);
  ADD ("/order/placing/product-rules", test_product_rules);
  ADD ("/order/placing/sim-linked-later", test_sim_linked_later);
#undef ADD

  return g_test_run ();
}
