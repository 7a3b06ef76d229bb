/* Flow 5 without a display: every request's rules and body, and the
 * approvals the store decides (nobody on their own request). */
#include <string.h>

#include "prov-line-request.h"
#include "prov-order-field.h"
#include "prov-order-placing.h"
#include "prov-store-error.h"
#include "prov-test-util.h"
#include "prov-tmf622.h"

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

static const char *
characteristic (JsonObject *product,
                const char *name)
{
  JsonArray *characteristics = json_object_get_array_member (product, "productCharacteristic");

  for (guint i = 0; i < json_array_get_length (characteristics); i++)
    {
      JsonObject *entry = json_array_get_object_element (characteristics, i);

      if (g_str_equal (json_object_get_string_member (entry, "name"), name))
        return json_object_get_string_member (entry, "value");
    }

  return NULL;
}

static void
test_every_request_on_the_wire (void)
{
  const ProvLineRequest *requests;
  guint n_requests;

  requests = prov_line_requests_get_all (&n_requests);
  g_assert_cmpuint (n_requests, ==, 17);

  for (guint i = 0; i < n_requests; i++)
    {
      g_autoptr(ProvOrder) order = prov_test_answered_request (requests[i].id, i + 1);
      g_autoptr(GPtrArray) problems = prov_order_collect_problems (order, NULL);
      g_autoptr(JsonNode) body = NULL;
      JsonObject *item;
      JsonObject *product;

      g_test_message ("%s", requests[i].id);
      if (problems->len > 0)
        g_error ("%s: %s", requests[i].id, (char *) g_ptr_array_index (problems, 0));

      body = prov_tmf622_build_order_create (order, NULL);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (body), "category"), ==, "line-lifecycle");
      item = json_array_get_object_element (json_object_get_array_member (json_node_get_object (body), "productOrderItem"), 0);
      product = json_object_get_object_member (item, "product");
      g_assert_cmpstr (characteristic (product, "requestType"), ==, requests[i].id);
      g_assert_cmpstr (json_object_get_string_member (item, "action"), ==, prov_line_action_to_id (requests[i].wire_action));

      /* A change names the line; an accessory relies on it. */
      if (requests[i].wire_action != PROV_LINE_ACTION_ADD)
        g_assert_cmpstr (json_object_get_string_member (product, "id"), ==, prov_order_line_get_product_ref (prov_order_get_line (order, 0)));
      else if ((requests[i].starts & PROV_LINE_REQUEST_FROM_CUSTOMER) == 0)
        g_assert_cmpstr (json_object_get_string_member (
                           json_object_get_object_member (
                             json_array_get_object_element (json_object_get_array_member (product, "productRelationship"), 0),
                             "product"), "id"), !=, NULL);
      else
        g_assert_false (json_object_has_member (product, "id"));

      g_assert_cmpstr (json_object_has_member (product, "status") ? json_object_get_string_member (product, "status") : NULL,
                       ==, requests[i].product_status);
      /* Nothing the till keeps for itself goes along. */
      g_assert_null (characteristic (product, "request.line-number"));
    }

  g_assert_cmpstr (prov_line_request_lookup ("suspend")->product_status, ==, "suspended");
  g_assert_cmpstr (prov_line_request_lookup ("restore")->product_status, ==, "active");
  g_assert_null (prov_line_request_lookup ("suspend-all"));
}

/* A request whose question is unanswered is no request yet. */
static void
test_unanswered_requests_are_not_placed (void)
{
  const ProvLineRequest *requests;
  guint n_requests;

  requests = prov_line_requests_get_all (&n_requests);
  for (guint i = 0; i < n_requests; i++)
    {
      g_autoptr(ProvProductLine) line = NULL;
      g_autoptr(ProvOrder) order = NULL;
      g_autoptr(GPtrArray) problems = NULL;

      if (requests[i].asks == PROV_LINE_REQUEST_ASKS_NOTHING)
        continue;
      if ((requests[i].starts & PROV_LINE_REQUEST_FROM_CUSTOMER) == 0)
        line = prov_test_product_line ("product-1", "active", "+31612000001", 0);
      order = prov_line_request_new_order (&requests[i], line, "C-1", "Van Leeuwen", 30, "Sem Bakker");
      problems = prov_order_collect_problems (order, NULL);
      g_test_message ("%s", requests[i].id);
      g_assert_cmpuint (problems->len, >, 0);
    }
}

static void
test_warranty (void)
{
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 12, 7, 12, 0, 0);
  g_autofree char *fine = prov_line_request_check_warranty ("2026-01-10", PROV_LINE_REQUEST_DAMAGE_NONE, today);
  g_autofree char *old = prov_line_request_check_warranty ("2025-11-30", PROV_LINE_REQUEST_DAMAGE_NONE, today);
  g_autofree char *wet = prov_line_request_check_warranty ("2026-06-01", PROV_LINE_REQUEST_DAMAGE_LIQUID, today);
  g_autofree char *broken = prov_line_request_check_warranty ("2026-06-01", PROV_LINE_REQUEST_DAMAGE_PHYSICAL, today);
  g_autofree char *battery = prov_line_request_check_warranty ("2026-06-01", PROV_LINE_REQUEST_DAMAGE_BATTERY, today);
  g_autofree char *future = prov_line_request_check_warranty ("2027-01-01", PROV_LINE_REQUEST_DAMAGE_NONE, today);
  g_autofree char *garbled = prov_line_request_check_warranty ("1 June", PROV_LINE_REQUEST_DAMAGE_NONE, today);
  g_autofree char *unsaid = prov_line_request_check_warranty ("2026-06-01", NULL, today);

  g_assert_null (fine);
  /* Out of warranty or damaged: the clerk is told to offer an upgrade. */
  g_assert_nonnull (strstr (old, "upgrade"));
  g_assert_nonnull (strstr (wet, "liquid"));
  g_assert_nonnull (strstr (broken, "physical"));
  g_assert_nonnull (strstr (battery, "battery"));
  g_assert_nonnull (future);
  g_assert_nonnull (garbled);
  g_assert_nonnull (unsaid);
}

static void
test_restore_window (void)
{
  g_autoptr(ProvOrder) recent = prov_test_answered_request ("restore", 1);
  g_autoptr(ProvProductLine) long_ago = prov_test_product_line ("product-2", "terminated", "+31612000002", 45);
  g_autoptr(ProvOrder) late = prov_line_request_new_order (prov_line_request_lookup ("restore"), long_ago,
                                                           "C-1", "Van Leeuwen", 30, "Sem Bakker");
  g_autoptr(GPtrArray) recent_problems = prov_order_collect_problems (recent, NULL);
  g_autoptr(GPtrArray) late_problems = prov_order_collect_problems (late, NULL);

  g_assert_cmpuint (recent_problems->len, ==, 0);
  g_assert_cmpuint (late_problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (late_problems, 0), "30 days"));
}

static gboolean
place (ProvStore   *store,
       ProvOrder   *order,
       const char  *who,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  prov_store_place_order_async (store, order, NULL, who, NULL, prov_test_store_result, &result);
  return prov_store_place_order_finish (store, prov_test_await (&result), error);
}

static gboolean
decide (ProvStore            *store,
        ProvOrder            *order,
        ProvApprovalDecision  decision,
        const char           *who,
        const char           *authorised_by,
        const char           *text,
        GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  prov_store_decide_approval_async (store, order, decision, who, authorised_by, text, NULL,
                                    prov_test_store_result, &result);
  return prov_store_decide_approval_finish (store, prov_test_await (&result), NULL, error);
}

static GPtrArray *
list_events (ProvStore *store,
             ProvOrder *order)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *events;

  prov_store_list_events_async (store, prov_order_get_uuid (order), NULL, prov_test_store_result, &result);
  events = prov_store_list_events_finish (store, prov_test_await (&result), &error);
  g_assert_no_error (error);

  return events;
}

static guint
count_messages (ProvStore *store,
                ProvOrder *order)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = NULL;

  prov_store_list_messages_async (store, prov_order_get_uuid (order), G_MAXINT64, NULL, prov_test_store_result, &result);
  messages = prov_store_list_messages_finish (store, prov_test_await (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < messages->len; i++)
    {
      ProvQueuedMessage *message = g_ptr_array_index (messages, i);
      g_autofree char *text = json_to_string (message->body, FALSE);

      g_assert_nonnull (strstr (text, "it@vanleeuwen.example"));
    }

  return messages->len;
}

static void
test_approvals (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ProvOrder) sim = prov_test_answered_request ("new-sim", 1);
  g_autoptr(ProvOrder) declined = prov_test_answered_request ("new-sim", 2);
  g_autoptr(ProvOrder) same_sim = prov_test_answered_request ("new-sim", 2);
  g_autoptr(ProvOrder) asked = prov_test_answered_request ("suspend", 3);
  g_autoptr(ProvOrder) employee = prov_test_answered_request ("assign-employee", 4);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  ProvOrderEvent *last;

  g_assert_true (place (fixture->store, sim, "Sem Bakker", &error));
  g_assert_no_error (error);
  g_assert_cmpint (prov_order_get_state (sim), ==, PROV_ORDER_STATE_AWAITING_APPROVAL);

  /* Nobody decides on their own request: not directly, not as the
   * manager who allows a clerk to. */
  g_assert_false (decide (fixture->store, sim, PROV_APPROVAL_APPROVE, "Sem Bakker", NULL, NULL, &error));
  g_assert_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_OWN_REQUEST);
  g_clear_error (&error);
  g_assert_false (decide (fixture->store, sim, PROV_APPROVAL_APPROVE, "Eva de Boer", "Sem Bakker", NULL, &error));
  g_assert_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_OWN_REQUEST);
  g_clear_error (&error);
  g_assert_cmpint (prov_order_get_state (sim), ==, PROV_ORDER_STATE_AWAITING_APPROVAL);

  g_assert_true (decide (fixture->store, sim, PROV_APPROVAL_APPROVE, "Eva de Boer", "Mila Jansen", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (prov_order_get_state (sim), ==, PROV_ORDER_STATE_QUEUED);
  events = list_events (fixture->store, sim);
  last = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpstr (last->who, ==, "Eva de Boer");
  g_assert_cmpstr (last->authorised_by, ==, "Mila Jansen");

  /* Decided once is decided. */
  g_assert_false (decide (fixture->store, sim, PROV_APPROVAL_DECLINE, "Mila Jansen", NULL, "Too late", &error));
  g_assert_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_NOT_EDITABLE);
  g_clear_error (&error);

  /* Declined is closed, with its reason, and its SIM free again. */
  g_assert_true (place (fixture->store, declined, "Sem Bakker", &error));
  g_assert_false (place (fixture->store, same_sim, "Sem Bakker", &error));
  g_assert_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_IDENTIFIER_TAKEN);
  g_clear_error (&error);
  g_assert_false (decide (fixture->store, declined, PROV_APPROVAL_DECLINE, "Mila Jansen", NULL, "  ", &error));
  g_assert_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (decide (fixture->store, declined, PROV_APPROVAL_DECLINE, "Mila Jansen", NULL, "Not in the budget", &error));
  g_assert_cmpint (prov_order_get_state (declined), ==, PROV_ORDER_STATE_DECLINED);
  g_clear_pointer (&events, g_ptr_array_unref);
  events = list_events (fixture->store, declined);
  last = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpstr (last->reason, ==, "Not in the budget");
  g_assert_true (place (fixture->store, same_sim, "Sem Bakker", &error));
  g_assert_no_error (error);

  /* Asked, it waits for the requester, who places it again. */
  g_assert_true (place (fixture->store, asked, "Sem Bakker", &error));
  g_assert_false (decide (fixture->store, asked, PROV_APPROVAL_ASK, "Mila Jansen", NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_true (decide (fixture->store, asked, PROV_APPROVAL_ASK, "Mila Jansen", NULL, "Lost or stolen?", &error));
  g_assert_cmpint (prov_order_get_state (asked), ==, PROV_ORDER_STATE_INFO_REQUESTED);
  g_assert_true (prov_order_state_is_editable (prov_order_get_state (asked)));
  prov_order_line_set_field (prov_order_get_line (asked, 0), PROV_ORDER_FIELD_REQUEST_SUSPEND_REASON,
                             PROV_LINE_REQUEST_SUSPEND_STOLEN);
  g_assert_true (place (fixture->store, asked, "Sem Bakker", &error));
  g_assert_no_error (error);
  g_assert_cmpint (prov_order_get_state (asked), ==, PROV_ORDER_STATE_AWAITING_APPROVAL);

  /* Each milestone told the customer's contact once: placed and approved;
   * placed and declined; placed, asked and placed again. */
  g_assert_cmpuint (count_messages (fixture->store, sim), ==, 2);
  g_assert_cmpuint (count_messages (fixture->store, declined), ==, 2);
  g_assert_cmpuint (count_messages (fixture->store, asked), ==, 3);

  /* No carrier work: approved is done. */
  g_assert_true (place (fixture->store, employee, "Sem Bakker", &error));
  g_assert_true (decide (fixture->store, employee, PROV_APPROVAL_APPROVE, "Mila Jansen", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (prov_order_get_state (employee), ==, PROV_ORDER_STATE_COMPLETED);
  g_assert_cmpuint (count_messages (fixture->store, employee), ==, 2);
}

static guint
count_stock (ProvStore       *store,
             const char      *identifier,
             ProvStockStatus  status)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  prov_store_find_stock_async (store, PROV_STOCK_KINDS, identifier, status, 10, NULL, prov_test_store_result, &result);
  found = prov_store_find_stock_finish (store, prov_test_await (&result), &total, &error);
  g_assert_no_error (error);

  return found->len;
}

/* A new SIM for a line: once the carrier completed it, the SIM the store
 * sold the line before is back on the shelf as returned, the new one is
 * used. */
static void
test_replaced_sim_returns (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *old_sim = prov_test_make_iccid (41);
  g_autofree char *new_sim = prov_test_make_iccid (42);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_stock_item_free);
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(ProvOrder) sale = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "Sem Bakker");
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) products = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(ProvOrder) request = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (items, prov_stock_item_new (PROV_ID_KIND_ICCID, old_sim, NULL));
  g_ptr_array_add (items, prov_stock_item_new (PROV_ID_KIND_ICCID, new_sim, NULL));
  prov_store_add_stock_async (fixture->store, items, NULL, prov_test_store_result, &added);
  g_assert_true (prov_store_add_stock_finish (fixture->store, prov_test_await (&added), NULL, NULL, &error));

  /* The line was sold here with the old SIM. */
  prov_order_set_field (sale, PROV_ORDER_FIELD_CUSTOMER_NAME, "Van Leeuwen Logistiek B.V.");
  prov_order_set_field (sale, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, "voice-advanced");
  prov_order_set_field (sale, PROV_ORDER_FIELD_SIM_ICCID, old_sim);
  g_assert_true (place (fixture->store, sale, "Sem Bakker", &error));
  g_assert_true (prov_test_transition (fixture->store, sale, PROV_ORDER_STATE_ACKNOWLEDGED, &error));
  g_assert_true (prov_test_transition (fixture->store, sale, PROV_ORDER_STATE_COMPLETED, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_stock (fixture->store, old_sim, PROV_STOCK_STATUS_USED), ==, 1);

  json = g_strdup_printf ("[{\"id\":\"product-41\",\"status\":\"active\","
                          "\"productCharacteristic\":[{\"name\":\"MSISDN\",\"value\":\"+31612000041\"},"
                          "{\"name\":\"ICCID\",\"value\":\"%s\"}]}]", old_sim);
  products = json_from_string (json, NULL);
  lines = prov_product_lines_from_tmf637 (products);
  request = prov_line_request_new_order (prov_line_request_lookup ("new-sim"), g_ptr_array_index (lines, 0),
                                         "C-1", "Van Leeuwen Logistiek B.V.", 30, "Sem Bakker");
  prov_order_set_field (request, PROV_ORDER_FIELD_SIM_ICCID, new_sim);
  g_assert_true (place (fixture->store, request, "Sem Bakker", &error));
  g_assert_true (decide (fixture->store, request, PROV_APPROVAL_APPROVE, "Mila Jansen", NULL, NULL, &error));
  g_assert_true (prov_test_transition (fixture->store, request, PROV_ORDER_STATE_ACKNOWLEDGED, &error));
  g_assert_no_error (error);
  /* Not before the carrier is done. */
  g_assert_cmpuint (count_stock (fixture->store, old_sim, PROV_STOCK_STATUS_USED), ==, 1);
  g_assert_true (prov_test_transition (fixture->store, request, PROV_ORDER_STATE_COMPLETED, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_stock (fixture->store, old_sim, PROV_STOCK_STATUS_RETURNED), ==, 1);
  g_assert_cmpuint (count_stock (fixture->store, new_sim, PROV_STOCK_STATUS_USED), ==, 1);
}

/* A request type the carrier profile lets go without a manager is
 * approved by the policy, and the timeline says so. */
static void
test_policy_approves (Fixture       *fixture,
                      gconstpointer  data)
{
  const char * const without[] = { "suspend", NULL };
  g_autoptr(ProvOrder) suspend = prov_test_answered_request ("suspend", 1);
  g_autoptr(ProvOrder) disconnect = prov_test_answered_request ("disconnect", 2);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  ProvOrderEvent *last;

  prov_line_request_apply_policy (suspend, without);
  prov_line_request_apply_policy (disconnect, without);
  g_assert_true (place (fixture->store, suspend, "Sem Bakker", &error));
  g_assert_true (place (fixture->store, disconnect, "Sem Bakker", &error));
  g_assert_no_error (error);

  g_assert_cmpint (prov_order_get_state (suspend), ==, PROV_ORDER_STATE_QUEUED);
  g_assert_cmpint (prov_order_get_state (disconnect), ==, PROV_ORDER_STATE_AWAITING_APPROVAL);
  events = list_events (fixture->store, suspend);
  last = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpint (last->from_state, ==, PROV_ORDER_STATE_AWAITING_APPROVAL);
  g_assert_cmpint (last->to_state, ==, PROV_ORDER_STATE_QUEUED);
  g_assert_nonnull (strstr (last->reason, "policy"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/line-requests/every-request-on-the-wire", test_every_request_on_the_wire);
  g_test_add_func ("/line-requests/unanswered-requests-are-not-placed", test_unanswered_requests_are_not_placed);
  g_test_add_func ("/line-requests/warranty", test_warranty);
  g_test_add_func ("/line-requests/restore-window", test_restore_window);
  g_test_add ("/line-requests/approvals", Fixture, NULL, fixture_set_up, test_approvals, fixture_tear_down);
  g_test_add ("/line-requests/replaced-sim-returns", Fixture, NULL, fixture_set_up, test_replaced_sim_returns,
              fixture_tear_down);
  g_test_add ("/line-requests/policy-approves", Fixture, NULL, fixture_set_up, test_policy_approves, fixture_tear_down);

  return g_test_run ();
}
