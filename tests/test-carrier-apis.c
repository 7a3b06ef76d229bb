/* The carrier client against the sandbox for the APIs around an order:
 * the TMF620 catalog (and its offline cache), TMF629 customers, TMF637
 * the customers' products, TMF685 number reservations, and TMF622 list,
 * patch and cancel. With
 * PROV_CAPTURE set, the sandbox writes every request body there for
 * validate-tmf-payloads.py to check against the specs. */
#include <string.h>

#include "prov-carrier-client.h"
#include "prov-catalog.h"
#include "prov-ids.h"
#include "prov-order-field.h"
#include "prov-tmf622.h"
#include "prov-tmf629.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"

typedef struct {
  Sandbox            sandbox;
  ProvCarrierClient *client;
  char              *store_dir;
  ProvStore         *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *capture = NULL;
  g_autofree char *store_path = NULL;

  if (g_getenv ("PROV_CAPTURE") != NULL)
    capture = g_strconcat ("--capture=", g_getenv ("PROV_CAPTURE"), NULL);

  sandbox_start (&fixture->sandbox, "--state-delay=60000", capture, NULL);
  fixture->client = prov_carrier_client_new (fixture->sandbox.root, "test-token", 5);
  fixture->store_dir = prov_test_make_tmp_dir ();
  store_path = g_build_filename (fixture->store_dir, "orders.db", NULL);
  fixture->store = prov_test_open_store (store_path, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  prov_test_close_store (fixture->store);
  prov_test_remove_tree (fixture->store_dir);
  g_free (fixture->store_dir);
  g_clear_object (&fixture->client);
  sandbox_remove (&fixture->sandbox);
}

#define AWAIT(call, ...) \
  G_STMT_START { \
    g_autoptr(GAsyncResult) awaited_ = NULL; \
    call (__VA_ARGS__, NULL, prov_test_store_result, &awaited_); \
    prov_test_await (&awaited_); \
    result = g_steal_pointer (&awaited_); \
  } G_STMT_END

static guint
count_names (GListModel *model,
             const char *name)
{
  guint found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ProvOffering) offering = g_list_model_get_item (model, i);
      found += g_str_equal (prov_offering_get_name (offering), name);
    }

  return found;
}

/* Takes the message a rule returns. */
static void
assert_refused (char *message)
{
  g_assert_nonnull (message);
  g_free (message);
}

static void
assert_accepted (char *message)
{
  g_assert_null (message);
}

static void
test_catalog_cached_for_offline_use (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) offerings = NULL;
  g_autoptr(JsonNode) specifications = NULL;
  g_autoptr(JsonObject) fetched = NULL;
  g_autoptr(JsonNode) fetched_node = NULL;
  g_autoptr(ProvPinRule) mobile_pin = NULL;
  g_autoptr(ProvPinRule) extension_pin = NULL;
  g_autoptr(JsonNode) cached = NULL;
  g_autoptr(ProvCatalog) catalog = NULL;
  g_autoptr(GListModel) portfolios = NULL;
  g_autoptr(GListModel) voice = NULL;
  g_autoptr(GListModel) data_for_advanced = NULL;
  g_autoptr(GListModel) data_for_expert = NULL;
  g_autoptr(GListModel) add_ons_be = NULL;
  gint64 fetched_at = 0;
  gboolean saved;

  AWAIT (prov_carrier_client_list_offerings_async, fixture->client);
  offerings = prov_carrier_client_list_offerings_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (offerings)), >, 20);
  g_clear_object (&result);

  AWAIT (prov_carrier_client_list_specifications_async, fixture->client);
  specifications = prov_carrier_client_list_specifications_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (specifications)), >=, 2);
  g_clear_object (&result);

  fetched = json_object_new ();
  json_object_set_member (fetched, PROV_CATALOG_OFFERINGS, json_node_copy (offerings));
  json_object_set_member (fetched, PROV_CATALOG_SPECIFICATIONS, json_node_copy (specifications));
  fetched_node = json_node_init_object (json_node_alloc (), fetched);

  AWAIT (prov_store_save_catalog_async, fixture->store, "sandbox", fetched_node);
  saved = prov_store_save_catalog_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  g_assert_true (saved);
  g_clear_object (&result);

  /* The carrier goes away: the pages work from the cache. */
  sandbox_stop (&fixture->sandbox);

  AWAIT (prov_store_load_catalog_async, fixture->store, "sandbox");
  cached = prov_store_load_catalog_finish (fixture->store, result, &fetched_at, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fetched_at, >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (cached), PROV_CATALOG_OFFERINGS)), ==,
                    json_array_get_length (json_node_get_array (offerings)));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (cached), PROV_CATALOG_SPECIFICATIONS)), ==,
                    json_array_get_length (json_node_get_array (specifications)));

  catalog = prov_catalog_new_from_json (cached, fetched_at, &error);
  g_assert_no_error (error);

  /* The PIN rules come from the products' specifications, as the two
   * portals state them: 000 for a mobile user, 0000 for an extension. */
  mobile_pin = prov_catalog_dup_pin_rule (catalog, "voice-professional");
  g_assert_nonnull (mobile_pin);
  g_assert_cmpstr (prov_pin_rule_get_factory_pin (mobile_pin), ==, "000");
  assert_accepted (prov_pin_rule_check (mobile_pin, "000"));
  g_assert_true (prov_pin_rule_must_change (mobile_pin, "000"));
  extension_pin = prov_catalog_dup_pin_rule (catalog, "extension-basic");
  g_assert_nonnull (extension_pin);
  g_assert_cmpstr (prov_pin_rule_get_factory_pin (extension_pin), ==, "0000");
  assert_refused (prov_pin_rule_check (extension_pin, "000"));
  g_assert_false (prov_pin_rule_must_change (extension_pin, "000"));
  g_assert_null (prov_catalog_dup_pin_rule (catalog, "data-2gb"));

  portfolios = prov_catalog_list_portfolios_with (catalog, PROV_OFFERING_ROLE_VOICE);
  g_assert_cmpuint (g_list_model_get_n_items (portfolios), ==, 2);
  g_assert_cmpuint (count_names (portfolios, "Mobile Europe"), ==, 1);

  /* The voice products are the portal's tiers. */
  voice = prov_catalog_list (catalog, PROV_OFFERING_ROLE_VOICE, PROV_OFFERING_AVAILABLE_IN, "portfolio-mobile-nl", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (voice), ==, 2);
  g_assert_cmpuint (count_names (voice, "Professional User"), ==, 1);
  g_assert_cmpuint (count_names (voice, "Expert User"), ==, 0);

  /* Data packages follow the voice product. */
  data_for_advanced = prov_catalog_list (catalog, PROV_OFFERING_ROLE_DATA, PROV_OFFERING_REQUIRES, "voice-advanced", NULL);
  data_for_expert = prov_catalog_list (catalog, PROV_OFFERING_ROLE_DATA, PROV_OFFERING_REQUIRES,
                                              "voice-expert", NULL);
  g_assert_cmpuint (count_names (data_for_advanced, "Data 2 GB"), ==, 1);
  g_assert_cmpuint (count_names (data_for_advanced, "Data Unlimited"), ==, 0);
  g_assert_cmpuint (count_names (data_for_expert, "Data Unlimited"), ==, 1);
  g_assert_cmpuint (count_names (data_for_expert, "Data 2 GB"), ==, 0);

  /* Add-ons depend on the country's proposition. */
  add_ons_be = prov_catalog_list (catalog, PROV_OFFERING_ROLE_ADD_ON, PROV_OFFERING_ADD_ON_TO, "extension-basic", "BE");
  g_assert_cmpuint (count_names (add_ons_be, "Fax to e-mail"), ==, 1);
  g_assert_cmpuint (count_names (add_ons_be, "Call recording"), ==, 0);
}

static void
test_customer_search_and_create (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) matches = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(ProvCustomer) found = NULL;
  g_autoptr(ProvCustomer) customer = prov_customer_new ("Fenna Bakker");
  g_autoptr(GPtrArray) local = NULL;

  AWAIT (prov_carrier_client_search_customers_async, fixture->client, "jansen");
  matches = prov_carrier_client_search_customers_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (matches)), ==, 1);
  found = prov_customer_new_from_tmf629 (json_array_get_object_element (json_node_get_array (matches), 0));
  g_assert_cmpstr (prov_customer_get_name (found), ==, "Jansen Installatietechniek B.V.");
  g_assert_cmpstr (prov_customer_get_email (found), ==, "kantoor@jansen.example");
  g_clear_object (&result);

  prov_customer_set_email (customer, "fenna@example.nl");
  prov_customer_set_phone (customer, "+31611122233");
  body = prov_customer_to_tmf629_create (customer);
  AWAIT (prov_carrier_client_create_customer_async, fixture->client, body);
  created = prov_carrier_client_create_customer_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  prov_customer_set_carrier_id (customer, json_object_get_string_member (json_node_get_object (created), "id"));
  g_assert_nonnull (prov_customer_get_carrier_id (customer));
  g_clear_object (&result);

  /* Both are kept locally and found offline by any part of the name. */
  AWAIT (prov_store_save_customer_async, fixture->store, found);
  g_assert_true (prov_store_save_customer_finish (fixture->store, result, &error));
  g_clear_object (&result);
  AWAIT (prov_store_save_customer_async, fixture->store, customer);
  g_assert_true (prov_store_save_customer_finish (fixture->store, result, &error));
  g_clear_object (&result);

  AWAIT (prov_store_search_customers_async, fixture->store, "bAKK", 10);
  local = prov_store_search_customers_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (local->len, ==, 1);
  g_assert_cmpstr (prov_customer_get_carrier_id (g_ptr_array_index (local, 0)), ==,
                   prov_customer_get_carrier_id (customer));
}

static GPtrArray *
find_duplicates (ProvCarrierClient         *client,
                 const ProvCustomerProfile *profile)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *found;

  AWAIT (prov_carrier_client_find_duplicates_async, client, profile);
  found = prov_carrier_client_find_duplicates_finish (client, result, &error);
  g_assert_no_error (error);

  return found;
}

static const char *
duplicate_name (GPtrArray *found,
                guint      index)
{
  return json_object_get_string_member (((ProvDuplicate *) g_ptr_array_index (found, index))->customer, "name");
}

/* Possible duplicates of a new customer, at any carrier: by name and
 * address, e-mail, phone or ID document, however they are spelled. */
static void
test_duplicate_customers (Fixture       *fixture,
                          gconstpointer  data)
{
  const ProvCustomerProfile by_address = { .name = "maria SCHMIDT", .postcode = "10 115" };
  const ProvCustomerProfile by_email = { .name = "Someone Else", .email = "Kantoor@Jansen.example" };
  const ProvCustomerProfile by_phone_and_id = { .name = "T. Peeters", .phone = "+32 3 123 45 67",
                                                .id_number = "be123456789" };
  const ProvCustomerProfile new_one = { .name = "Maria Schmidt", .postcode = "80331", .email = "new@example.org" };
  g_autoptr(GPtrArray) address = find_duplicates (fixture->client, &by_address);
  g_autoptr(GPtrArray) email = find_duplicates (fixture->client, &by_email);
  g_autoptr(GPtrArray) phone_and_id = find_duplicates (fixture->client, &by_phone_and_id);
  g_autoptr(GPtrArray) none = find_duplicates (fixture->client, &new_one);
  g_autoptr(ProvCarrierClient) other_client = NULL;
  g_autoptr(GPtrArray) at_other = NULL;
  g_autofree char *label = NULL;
  Sandbox other = { 0 };

  g_assert_cmpuint (address->len, ==, 1);
  g_assert_cmpstr (duplicate_name (address, 0), ==, "Maria Schmidt");
  g_assert_cmpint (((ProvDuplicate *) g_ptr_array_index (address, 0))->reasons, ==, PROV_DUPLICATE_NAME_AND_ADDRESS);
  g_assert_cmpuint (email->len, ==, 1);
  g_assert_cmpstr (duplicate_name (email, 0), ==, "Jansen Installatietechniek B.V.");
  g_assert_cmpuint (phone_and_id->len, ==, 1);
  g_assert_cmpint (((ProvDuplicate *) g_ptr_array_index (phone_and_id, 0))->reasons, ==,
                   PROV_DUPLICATE_PHONE | PROV_DUPLICATE_ID_NUMBER);
  label = prov_duplicate_reasons_dup_label (PROV_DUPLICATE_PHONE | PROV_DUPLICATE_ID_NUMBER);
  g_assert_cmpstr (label, ==, "same phone number, same ID document");
  /* The same name elsewhere is no duplicate. */
  g_assert_cmpuint (none->len, ==, 0);

  /* A new customer as an order creates them: validated against TMF629 by
   * the sandbox, and by validate-tmf-payloads.py from the capture. */
  {
    g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_NEW_WIRELESS_CUSTOMER, "clerk");
    g_autoptr(JsonNode) body = NULL;
    g_autoptr(JsonNode) created = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    const ProvCustomerProfile created_for = { .external_id = prov_order_get_uuid (order) };
    g_autoptr(GPtrArray) found = NULL;

    prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Ahmet Yılmaz");
    prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_KIND, "person");
    prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_BIRTH_DATE, "1980-02-29");
    prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_PHONE, "+31611122233");
    prov_order_set_field (order, PROV_ORDER_FIELD_SERVICE_STREET, "Kerkstraat 1");
    prov_order_set_field (order, PROV_ORDER_FIELD_SERVICE_POSTCODE, "1017 GA");
    prov_order_set_field (order, PROV_ORDER_FIELD_SERVICE_COUNTRY, "NL");
    body = prov_tmf629_build_customer_create (order);
    AWAIT (prov_carrier_client_create_customer_async, fixture->client, body);
    created = prov_carrier_client_create_customer_finish (fixture->client, result, &error);
    g_assert_no_error (error);
    found = find_duplicates (fixture->client, &created_for);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpint (((ProvDuplicate *) g_ptr_array_index (found, 0))->reasons, ==, PROV_DUPLICATE_SAME_ORDER);
  }

  sandbox_start (&other, "--other-carrier", NULL);
  other_client = prov_carrier_client_new (other.root, "test-token", 5);
  at_other = find_duplicates (other_client, &by_email);
  g_assert_cmpuint (at_other->len, ==, 1);
  g_clear_object (&other_client);
  sandbox_remove (&other);
}

#define JANSEN "c0ffee00-0000-4000-8000-000000000002"

static JsonNode *
list_products (ProvCarrierClient *client,
               const char        *customer_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *products;

  AWAIT (prov_carrier_client_list_products_async, client, customer_id);
  products = prov_carrier_client_list_products_finish (client, result, &error);
  g_assert_no_error (error);

  return products;
}

/* The customer's products come from the carrier, kept for offline use:
 * the extensions in use are the carrier's and those this till's orders
 * took, with the carrier's names; ended products free their numbers. A
 * carrier that ignores the relatedParty filter (TMF637 does not declare
 * it) and pages by 50 still gives only this customer's products. */
static void
test_customer_products (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) products = list_products (fixture->client, JANSEN);
  g_autoptr(JsonNode) from_other = NULL;
  g_autoptr(ProvCarrierClient) other_client = NULL;
  g_auto(GStrv) numbers = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) after_end = NULL;
  Sandbox other = { 0 };
  JsonObject *ended;

  g_assert_cmpuint (json_array_get_length (json_node_get_array (products)), ==, 3);

  /* This till placed 1003 for Jansen before the carrier listed it. */
  AWAIT (prov_store_add_extension_async, fixture->store, JANSEN, "1003", "Anna Jansen", NULL);
  g_assert_true (prov_store_add_extension_finish (fixture->store, result, &error));
  g_clear_object (&result);
  AWAIT (prov_store_save_products_async, fixture->store, JANSEN, products);
  g_assert_true (prov_store_save_products_finish (fixture->store, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  AWAIT (prov_store_list_extensions_async, fixture->store, JANSEN);
  numbers = prov_store_list_extensions_finish (fixture->store, result, &names, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpstrv (numbers, ((const char * const[]) { "1001", "1002", "1003", "1004", NULL }));
  g_assert_cmpstrv (names, ((const char * const[]) { "Receptie", "Willem Jansen", "Anna Jansen", "Werkplaats", NULL }));

  /* The carrier ended 1002: its number is free again. */
  ended = json_array_get_object_element (json_node_get_array (products), 1);
  json_object_set_string_member (ended, "status", "terminated");
  AWAIT (prov_store_save_products_async, fixture->store, JANSEN, products);
  g_assert_true (prov_store_save_products_finish (fixture->store, result, &error));
  g_clear_object (&result);
  AWAIT (prov_store_list_extensions_async, fixture->store, JANSEN);
  after_end = prov_store_list_extensions_finish (fixture->store, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (after_end, ((const char * const[]) { "1001", "1003", "1004", NULL }));

  sandbox_start (&other, "--other-carrier", NULL);
  other_client = prov_carrier_client_new (other.root, "test-token", 5);
  from_other = list_products (other_client, JANSEN);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (from_other)), ==, 3);
  g_clear_object (&other_client);
  sandbox_remove (&other);
}

static void
test_number_reservation (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) released = NULL;
  g_autoptr(JsonNode) third = NULL;
  g_autofree char *first_id = NULL;
  g_auto(GStrv) first_numbers = NULL;
  g_auto(GStrv) second_numbers = NULL;
  g_auto(GStrv) third_numbers = NULL;
  g_auto(GStrv) free_numbers = NULL;
  gint64 until = 0;

  AWAIT (prov_carrier_client_reserve_numbers_async, fixture->client, "D-1001", "gold", 3);
  first = prov_carrier_client_reserve_numbers_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  first_numbers = prov_carrier_reservation_dup_numbers (first, 3, NULL, &first_id, &until, NULL);
  g_assert_cmpuint (g_strv_length (first_numbers), ==, 3);
  g_assert_nonnull (first_id);
  g_assert_cmpint (until, >, g_get_real_time ());
  g_clear_object (&result);

  /* Reserved numbers are nobody else's. */
  AWAIT (prov_carrier_client_reserve_numbers_async, fixture->client, "D-1001", "gold", 3);
  second = prov_carrier_client_reserve_numbers_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  second_numbers = prov_carrier_reservation_dup_numbers (second, 3, NULL, NULL, NULL, NULL);
  for (guint i = 0; second_numbers[i] != NULL; i++)
    g_assert_false (g_strv_contains ((const char * const *) first_numbers, second_numbers[i]));
  g_clear_object (&result);

  AWAIT (prov_store_add_numbers_async, fixture->store, first_id, (const char * const *) first_numbers, until);
  g_assert_true (prov_store_add_numbers_finish (fixture->store, result, &error));
  g_clear_object (&result);
  AWAIT (prov_store_list_free_numbers_async, fixture->store, NULL);
  free_numbers = prov_store_list_free_numbers_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (free_numbers), ==, 3);
  g_clear_object (&result);

  /* Released numbers go back to the pool. */
  AWAIT (prov_carrier_client_release_numbers_async, fixture->client, first_id);
  released = prov_carrier_client_release_numbers_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (released), "reservationState"), ==, "cancelled");
  g_clear_object (&result);

  AWAIT (prov_carrier_client_reserve_numbers_async, fixture->client, "D-1001", "gold", 3);
  third = prov_carrier_client_reserve_numbers_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  third_numbers = prov_carrier_reservation_dup_numbers (third, 3, NULL, NULL, NULL, NULL);
  g_assert_true (g_strv_contains ((const char * const *) third_numbers, first_numbers[0]));
}

static JsonNode *
create_port_in (Fixture    *fixture,
                const char *pin)
{
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *created;

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Maria Schmidt");
  prov_order_set_field (order, PROV_ORDER_FIELD_NUMBER_MSISDN, "+31612345678");
  prov_order_set_field (order, PROV_ORDER_FIELD_NUMBER_MODE, "port-in");
  prov_order_set_field (order, PROV_ORDER_FIELD_NUMBER_TRANSFER_PIN, pin);
  body = prov_tmf622_build_order_create (order, "D-1001");

  AWAIT (prov_carrier_client_create_order_async, fixture->client, body);
  created = prov_carrier_client_create_order_finish (fixture->client, result, NULL, &error);
  g_assert_no_error (error);

  return created;
}

static const char *
state_of (JsonNode *order)
{
  return json_object_get_string_member (json_node_get_object (order), "state");
}

static void
test_pending_port_in_patched_then_cancelled (Fixture       *fixture,
                                             gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) order = create_port_in (fixture, "0000");
  g_autoptr(JsonNode) still_pending = NULL;
  g_autoptr(JsonNode) patched = NULL;
  g_autoptr(JsonNode) wrong = NULL;
  g_autoptr(JsonNode) right = NULL;
  g_autoptr(JsonNode) in_progress = NULL;
  g_autoptr(JsonNode) cancel = NULL;
  g_autoptr(JsonNode) cancelled = NULL;
  g_autoptr(JsonNode) cancel_again = NULL;
  const char *id = json_object_get_string_member (json_node_get_object (order), "id");
  guint total = 0;

  g_assert_cmpstr (state_of (order), ==, "pending");

  wrong = prov_tmf622_build_order_update (PROV_ORDER_FIELD_NUMBER_TRANSFER_PIN, "1234");
  AWAIT (prov_carrier_client_patch_order_async, fixture->client, id, wrong);
  still_pending = prov_carrier_client_patch_order_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (state_of (still_pending), ==, "pending");
  g_clear_object (&result);

  right = prov_tmf622_build_order_update (PROV_ORDER_FIELD_NUMBER_TRANSFER_PIN, "4321");
  AWAIT (prov_carrier_client_patch_order_async, fixture->client, id, right);
  patched = prov_carrier_client_patch_order_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (state_of (patched), ==, "inProgress");
  g_clear_object (&result);

  AWAIT (prov_carrier_client_list_orders_async, fixture->client, "inProgress", 0, 10);
  in_progress = prov_carrier_client_list_orders_finish (fixture->client, result, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (in_progress), 0), "id"),
                   ==, id);
  g_clear_object (&result);

  AWAIT (prov_carrier_client_cancel_order_async, fixture->client, id, "The customer changed their mind");
  cancel = prov_carrier_client_cancel_order_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (state_of (cancel), ==, "done");
  g_clear_object (&result);

  AWAIT (prov_carrier_client_get_order_async, fixture->client, id);
  cancelled = prov_carrier_client_get_order_finish (fixture->client, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (state_of (cancelled), ==, "cancelled");
  g_clear_object (&result);

  /* A cancelled order cannot be cancelled again: the carrier says why. */
  AWAIT (prov_carrier_client_cancel_order_async, fixture->client, id, NULL);
  cancel_again = prov_carrier_client_cancel_order_finish (fixture->client, result, &error);
  g_assert_null (cancel_again);
  g_assert_error (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "cancelled"));
}

static void
test_right_pin_goes_straight_through (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(JsonNode) order = create_port_in (fixture, "4321");

  g_assert_cmpstr (state_of (order), ==, "acknowledged");
}

/* Flow 3 as the pages write it: every profile, address, listing and
 * payment field to the carrier's new customer, then the order of two lines
 * naming them. Both bodies are captured and checked against the specs. */
static void
test_new_customer_with_two_lines (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_NEW_WIRELESS_CUSTOMER, "clerk");
  g_autoptr(JsonNode) customer_body = NULL;
  g_autoptr(JsonNode) customer = NULL;
  g_autoptr(JsonNode) order_body = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ProvOrderLine *second;
  JsonArray *media;
  guint postal = 0;
  static const char * const fields[][2] = {
    { PROV_ORDER_FIELD_CUSTOMER_NAME, "Jansen Installatie B.V." }, { PROV_ORDER_FIELD_CUSTOMER_KIND, "business" },
    { PROV_ORDER_FIELD_CUSTOMER_COMPANY_NUMBER, "30123456" }, { PROV_ORDER_FIELD_CUSTOMER_ID_TYPE, "passport" },
    { PROV_ORDER_FIELD_CUSTOMER_ID_NUMBER, "NW1234567" }, { PROV_ORDER_FIELD_CUSTOMER_EMAIL, "info@jansen-installatie.example" },
    { PROV_ORDER_FIELD_CUSTOMER_PHONE, "+31302345678" }, { PROV_ORDER_FIELD_CUSTOMER_LANGUAGE, "nl" }, { PROV_ORDER_FIELD_CUSTOMER_ACCOUNT_PIN, "4821" },
    { PROV_ORDER_FIELD_CONTACT_NAME, "Anna de Boer" }, { PROV_ORDER_FIELD_CONTACT_PHONE, "+31612345678" },
    { PROV_ORDER_FIELD_SERVICE_STREET, "Stationsweg 1" }, { PROV_ORDER_FIELD_SERVICE_POSTCODE, "3511 AA" }, { PROV_ORDER_FIELD_SERVICE_CITY, "Utrecht" },
    { PROV_ORDER_FIELD_SERVICE_COUNTRY, "NL" }, { PROV_ORDER_FIELD_BILLING_STREET, "Postbus 77" }, { PROV_ORDER_FIELD_BILLING_POSTCODE, "3800 AB" },
    { PROV_ORDER_FIELD_BILLING_CITY, "Amersfoort" }, { PROV_ORDER_FIELD_BILLING_COUNTRY, "NL" }, { PROV_ORDER_FIELD_BILLING_SAME_AS_SERVICE, "false" },
    { PROV_ORDER_FIELD_DIRECTORY_LISTING, "listed" }, { PROV_ORDER_FIELD_DIRECTORY_LISTING_NAME, "Listed" },
    { PROV_ORDER_FIELD_LISTING_STREET, "Stationsweg 1" }, { PROV_ORDER_FIELD_LISTING_POSTCODE, "3511 AA" }, { PROV_ORDER_FIELD_LISTING_CITY, "Utrecht" },
    { PROV_ORDER_FIELD_LISTING_COUNTRY, "NL" },
    { PROV_ORDER_FIELD_BILL_FORMAT, "email" }, { PROV_ORDER_FIELD_PAYMENT_METHOD, "direct-debit" }, { PROV_ORDER_FIELD_PAYMENT_IBAN, "NL91ABNA0417164300" },
    { PROV_ORDER_FIELD_PAYMENT_ACCOUNT_HOLDER, "Jansen Installatie" }, { PROV_ORDER_FIELD_ORDER_TYPE, "order-new-activation" },
    { PROV_ORDER_FIELD_ORDER_TYPE_NAME, "New activation" }, { PROV_ORDER_FIELD_CARRIER_PROFILE, "sandbox" }, { PROV_ORDER_FIELD_CARRIER_NAME, "Carrier Sandbox" },
    { PROV_ORDER_FIELD_STOCKTAKING_START_DATE, "2026-12-01" }, { PROV_ORDER_FIELD_CUSTOMER_DUPLICATES_CHECKED, "true" },
    { PROV_ORDER_FIELD_CUSTOMER_NEW_CONFIRMED, "true" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    prov_order_set_field (order, fields[i][0], fields[i][1]);
  prov_order_set_field (order, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, "line-family-2");
  prov_order_set_field (order, PROV_ORDER_FIELD_LINE_TYPE, "voice");
  prov_order_set_field (order, PROV_ORDER_FIELD_LINE_PRODUCT_IDS, "wireless-voice-unlimited,wireless-voicemail");
  prov_order_set_field (order, PROV_ORDER_FIELD_LINE_PRODUCT_NAMES, "Unlimited talk and text, Visual voicemail");
  prov_order_set_field (order, PROV_ORDER_FIELD_DEVICE_IMEI, "490154203237518");
  prov_order_set_field (order, PROV_ORDER_FIELD_SIM_ICCID, "89314404000100000513");
  second = prov_order_add_line (order);
  prov_order_line_set_field (second, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, "line-data-10gb");
  prov_order_line_set_field (second, PROV_ORDER_FIELD_LINE_TYPE, "data");
  prov_order_line_set_field (second, PROV_ORDER_FIELD_DEVICE_MEID, "A10000009296F2");

  customer_body = prov_tmf629_build_customer_create (order);
  AWAIT (prov_carrier_client_create_customer_async, fixture->client, customer_body);
  customer = prov_carrier_client_create_customer_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  /* The addresses, told apart by their contact type. */
  media = json_object_get_array_member (json_node_get_object (customer), "contactMedium");
  for (guint i = 0; i < json_array_get_length (media); i++)
    {
      JsonObject *medium = json_array_get_object_element (media, i);
      JsonObject *characteristic = json_object_get_object_member (medium, "characteristic");

      if (!g_str_equal (json_object_get_string_member (medium, "mediumType"), "postalAddress"))
        continue;
      postal++;
      g_assert_cmpstr (json_object_get_string_member (characteristic, "street1"), ==,
                       g_str_equal (json_object_get_string_member (characteristic, "contactType"), "billing")
                         ? "Postbus 77" : "Stationsweg 1");
    }
  /* Service, billing and the directory's. */
  g_assert_cmpuint (postal, ==, 3);

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_ID,
                        json_object_get_string_member (json_node_get_object (customer), "id"));
  order_body = prov_tmf622_build_order_create (order, "D-1001");
  AWAIT (prov_carrier_client_create_order_async, fixture->client, order_body);
  created = prov_carrier_client_create_order_finish (fixture->client, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (created),
                                                                         "productOrderItem")), ==, 2);
}

static GPtrArray *
search_numbers (Fixture                *fixture,
                const ProvNumberSearch *search)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *numbers;

  AWAIT (prov_carrier_client_search_numbers_async, fixture->client, search);
  numbers = prov_carrier_client_search_numbers_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  return numbers;
}

static void
assert_numbers_meet (GPtrArray              *numbers,
                     const ProvNumberSearch *search)
{
  g_assert_cmpuint (numbers->len, <=, search->count);
  for (guint i = 0; i < numbers->len; i++)
    {
      ProvAvailableNumber *number = g_ptr_array_index (numbers, i);

      if (search->prefix != NULL)
        g_assert_true (g_str_has_prefix (number->msisdn, search->prefix));
      if (search->grade != NULL)
        g_assert_cmpstr (number->grade, ==, search->grade);
      if (search->contains != NULL)
        g_assert_nonnull (strstr (number->msisdn + 1, search->contains));
    }
}

/* TMF685 availability checks by prefix, grade, digits and pool; against
 * another carrier, which ignores the criteria, only numbers that meet them
 * are kept. */
static void
test_number_search (Fixture       *fixture,
                    gconstpointer  data)
{
  const ProvNumberSearch gold = { .pool = "geographic", .prefix = "+44121738", .grade = "gold", .count = 5 };
  const ProvNumberSearch sevens = { .pool = "geographic", .contains = "777", .selection = "contains", .count = 10 };
  const ProvNumberSearch held = { .pool = "customer:c0ffee00-0000-4000-8000-000000000005", .count = 3 };
  g_autoptr(GPtrArray) found = NULL;
  Sandbox other = { 0 };

  found = search_numbers (fixture, &gold);
  g_assert_cmpuint (found->len, ==, 5);
  assert_numbers_meet (found, &gold);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = search_numbers (fixture, &sevens);
  g_assert_cmpuint (found->len, ==, 2);
  assert_numbers_meet (found, &sevens);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = search_numbers (fixture, &held);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_true (g_str_has_prefix (((ProvAvailableNumber *) g_ptr_array_index (found, 0))->msisdn, "+44121739"));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Two of the gold ones picked: reserved, they are no longer offered. */
  found = search_numbers (fixture, &gold);
  {
    const char *picked[] = { ((ProvAvailableNumber *) g_ptr_array_index (found, 1))->msisdn,
                             ((ProvAvailableNumber *) g_ptr_array_index (found, 3))->msisdn, NULL };
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) reservation = NULL;
    g_autoptr(GPtrArray) again = NULL;
    g_auto(GStrv) reserved = NULL;

    AWAIT (prov_carrier_client_reserve_these_numbers_async, fixture->client, "D-1001", "geographic", picked);
    reservation = prov_carrier_client_reserve_numbers_finish (fixture->client, result, &error);
    g_assert_no_error (error);
    reserved = prov_carrier_reservation_dup_numbers (reservation, 2, picked, NULL, NULL, NULL);
    g_assert_cmpuint (g_strv_length (reserved), ==, 2);
    g_assert_true (g_strv_contains ((const char * const *) reserved, picked[0]));
    g_assert_true (g_strv_contains ((const char * const *) reserved, picked[1]));

    again = search_numbers (fixture, &gold);
    for (guint i = 0; i < again->len; i++)
      g_assert_false (g_strv_contains ((const char * const *) reserved,
                                       ((ProvAvailableNumber *) g_ptr_array_index (again, i))->msisdn));
  }
  g_clear_pointer (&found, g_ptr_array_unref);

  sandbox_start (&other, "--other-carrier", NULL);
  g_clear_object (&fixture->client);
  fixture->client = prov_carrier_client_new (other.root, "test-token", 5);
  found = search_numbers (fixture, &gold);
  assert_numbers_meet (found, &gold);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = search_numbers (fixture, &held);
  g_assert_cmpuint (found->len, ==, 3);
  sandbox_remove (&other);
}

/* What any carrier answers is checked number by number. */
static void
test_number_search_answer_checked (void)
{
  const ProvNumberSearch search = { .pool = "geographic", .prefix = "+44121737", .grade = "gold", .count = 2 };
  const char *answer_json =
    "{\"availableResource\":["
    "{\"id\":\"+441217370000\",\"characteristic\":[{\"name\":\"grade\",\"value\":\"gold\"}]},"
    "{\"id\":\"+441217370000\",\"characteristic\":[{\"name\":\"grade\",\"value\":\"gold\"}]},"
    "{\"id\":\"+441217380000\",\"characteristic\":[{\"name\":\"grade\",\"value\":\"gold\"}]},"
    "{\"id\":\"+441217370001\"},"
    "{\"id\":\"0121 737 1111\",\"characteristic\":[{\"name\":\"grade\",\"value\":\"gold\"}]},"
    "{\"characteristic\":[{\"name\":\"grade\",\"value\":\"gold\"}]},"
    "{\"id\":\"+441217372222\",\"characteristic\":[{\"name\":\"grade\",\"value\":\"gold\"}]},"
    "{\"id\":\"+441217373333\",\"characteristic\":[{\"name\":\"grade\",\"value\":\"gold\"}]}]}";
  g_autoptr(JsonNode) answer = json_from_string (answer_json, NULL);
  g_autoptr(GPtrArray) numbers = NULL;
  guint refused = 0;

  numbers = prov_number_search_read (&search, answer, &refused);
  g_assert_cmpuint (numbers->len, ==, 2);
  g_assert_cmpstr (((ProvAvailableNumber *) g_ptr_array_index (numbers, 0))->msisdn, ==, "+441217370000");
  g_assert_cmpstr (((ProvAvailableNumber *) g_ptr_array_index (numbers, 1))->msisdn, ==, "+441217372222");
  g_assert_cmpuint (refused, ==, 6);
}

/* An e-mail through the carrier (TMF681) with the confirmation attached,
 * found again by the till's id; one never sent is not found. */
static void
test_email (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *external_id = g_uuid_string_random ();
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.5\n%%EOF\n", 15);
  const ProvEmail email = {
    .external_id = external_id, .to_email = "info@jansen-installatie.example", .to_name = "Anna de Boer",
    .from_email = "winkel@provisioner.example", .subject = "Your new services", .body = "Dear Anna, …",
    .attachment_name = "confirmation.pdf", .attachment = pdf,
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) sent = NULL;
  g_autoptr(JsonNode) found = NULL;
  g_autoptr(JsonNode) missing = NULL;
  JsonObject *attachment;
  g_autofree guchar *decoded = NULL;
  gsize decoded_size = 0;

  g_autoptr(JsonNode) body = prov_tmf681_build_email (&email);

  AWAIT (prov_carrier_client_send_message_async, fixture->client, body);
  sent = prov_carrier_client_send_message_finish (fixture->client, result, external_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (sent), "state"), ==, "completed");
  g_clear_object (&result);

  AWAIT (prov_carrier_client_find_message_async, fixture->client, external_id);
  found = prov_carrier_client_find_message_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prov_tmf681_get_external_id (json_node_get_object (found)), ==, external_id);
  attachment = json_array_get_object_element (json_object_get_array_member (json_node_get_object (found),
                                                                            "attachment"), 0);
  decoded = g_base64_decode (json_object_get_string_member (attachment, "content"), &decoded_size);
  g_assert_cmpmem (decoded, decoded_size, "%PDF-1.5\n%%EOF\n", 15);
  g_clear_object (&result);

  AWAIT (prov_carrier_client_find_message_async, fixture->client, "never-sent");
  missing = prov_carrier_client_find_message_finish (fixture->client, result, &error);
  g_assert_null (missing);
  g_assert_error (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_NOT_FOUND);
}

static guint
count_reseller_customers (Fixture    *fixture,
                          const char *reseller_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) customers = NULL;

  AWAIT (prov_carrier_client_list_reseller_customers_async, fixture->client, reseller_id);
  customers = prov_carrier_client_list_reseller_customers_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  return json_array_get_length (customers);
}

/* The dealer's resellers, their customers, and a new one under a
 * reseller; another carrier lists every customer, others' first. */
static void
test_resellers (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_ADD_SERVICES, "clerk");
  g_autoptr(GPtrArray) resellers = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  AWAIT (prov_carrier_client_list_resellers_async, fixture->client, "D-1001");
  resellers = prov_carrier_client_list_resellers_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (resellers->len, ==, 2);
  g_assert_cmpstr (((ProvReseller *) g_ptr_array_index (resellers, 0))->name, ==, "Telecom Partners Midlands");
  g_clear_object (&result);

  g_assert_cmpuint (count_reseller_customers (fixture, "R-2001"), ==, 1);
  g_assert_cmpuint (count_reseller_customers (fixture, "R-2002"), ==, 0);

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Jewellery Quarter Cafe");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_EMAIL, "hello@jqcafe.example");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_ACCOUNT_PIN, "4821");
  prov_order_set_field (order, PROV_ORDER_FIELD_RESELLER_ID, "R-2002");
  prov_order_set_field (order, PROV_ORDER_FIELD_RESELLER_NAME, "Brum Business Comms");
  body = prov_tmf629_build_customer_create (order);
  AWAIT (prov_carrier_client_create_customer_async, fixture->client, body);
  created = prov_carrier_client_create_customer_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_reseller_customers (fixture, "R-2002"), ==, 1);
}

/* A reservation answered with more than was asked: numbers beyond the
 * quantity, strings that are no numbers (one with an escape sequence and
 * a right-to-left override), a validity that never ends. Only what was
 * asked, checked, is kept, for no longer than the bound. */
static void
assert_reservation_checked (GStrv  numbers,
                            guint  asked,
                            gint64 until)
{
  g_assert_cmpuint (g_strv_length (numbers), <=, asked);
  for (guint i = 0; numbers[i] != NULL; i++)
    {
      g_autoptr(ProvId) id = prov_id_parse (PROV_ID_KIND_E164, numbers[i]);

      g_assert_true (id->valid);
      g_assert_cmpstr (id->normalized, ==, numbers[i]);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (numbers[i], !=, numbers[j]);
    }
  g_assert_cmpint (until, <=, g_get_real_time () + (gint64) PROV_RESERVATION_MAX_DAYS * G_TIME_SPAN_DAY);
}

static void
test_reservation_answer_checked (Fixture       *fixture,
                                 gconstpointer  data)
{
  Sandbox other = { 0 };
  g_autoptr(GString) flood = g_string_new ("{\"id\":\"r-1\",\"valid_for\":\"9999-12-31T23:59:59Z\","
                                           "\"reservationItem\":[{\"appliedCapacityAmount\":{\"resource\":[");
  g_autoptr(JsonNode) crafted = NULL;
  g_auto(GStrv) from_crafted = NULL;
  gint64 until = 0;
  guint refused = 0;

  /* 100,000 numbers for a top-up of 10. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (flood, "%s{\"id\":\"+4412173%05u\"}", i > 0 ? "," : "", i);
  g_string_append (flood, ",{\"id\":\"+44121\\u001b[2J\\u202e7370997\"},{\"id\":\"reserved\"}]}}]}");
  crafted = json_from_string (flood->str, NULL);
  g_assert_nonnull (crafted);
  from_crafted = prov_carrier_reservation_dup_numbers (crafted, 10, NULL, NULL, &until, &refused);
  g_assert_cmpuint (g_strv_length (from_crafted), ==, 10);
  g_assert_cmpuint (refused, ==, 100000 - 10 + 2);
  assert_reservation_checked (from_crafted, 10, until);

  sandbox_start (&other, "--other-carrier", NULL);
  g_clear_object (&fixture->client);
  fixture->client = prov_carrier_client_new (other.root, "test-token", 5);
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) reservation = NULL;
    g_autofree char *reservation_id = NULL;
    g_auto(GStrv) numbers = NULL;
    JsonArray *resources;

    AWAIT (prov_carrier_client_reserve_numbers_async, fixture->client, "D-1001", "gold", 2);
    reservation = prov_carrier_client_reserve_numbers_finish (fixture->client, result, &error);
    g_assert_no_error (error);
    /* The other carrier did answer with more than asked ... */
    resources = json_object_get_array_member (json_object_get_object_member (
                  json_array_get_object_element (json_object_get_array_member (json_node_get_object (reservation),
                                                                               "reservationItem"), 0),
                  "appliedCapacityAmount"), "resource");
    g_assert_cmpuint (json_array_get_length (resources), >, 2);
    /* ... and only the two asked for are kept. */
    numbers = prov_carrier_reservation_dup_numbers (reservation, 2, NULL, &reservation_id, &until, &refused);
    g_assert_cmpuint (g_strv_length (numbers), ==, 2);
    g_assert_cmpuint (refused, ==, json_array_get_length (resources) - 2);
    assert_reservation_checked (numbers, 2, until);
    g_assert_nonnull (reservation_id);
  }
  sandbox_remove (&other);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/carrier-apis/catalog-cached-for-offline-use", Fixture, NULL,
              fixture_set_up, test_catalog_cached_for_offline_use, fixture_tear_down);
  g_test_add ("/carrier-apis/customer-search-and-create", Fixture, NULL,
              fixture_set_up, test_customer_search_and_create, fixture_tear_down);
  g_test_add ("/carrier-apis/duplicate-customers", Fixture, NULL,
              fixture_set_up, test_duplicate_customers, fixture_tear_down);
  g_test_add ("/carrier-apis/customer-products", Fixture, NULL,
              fixture_set_up, test_customer_products, fixture_tear_down);
  g_test_add ("/carrier-apis/reservation-answer-checked", Fixture, NULL,
              fixture_set_up, test_reservation_answer_checked, fixture_tear_down);
  g_test_add ("/carrier-apis/number-reservation", Fixture, NULL,
              fixture_set_up, test_number_reservation, fixture_tear_down);
  g_test_add ("/carrier-apis/pending-port-in-patched-then-cancelled", Fixture, NULL,
              fixture_set_up, test_pending_port_in_patched_then_cancelled, fixture_tear_down);
  g_test_add ("/carrier-apis/right-pin-goes-straight-through", Fixture, NULL,
              fixture_set_up, test_right_pin_goes_straight_through, fixture_tear_down);
  g_test_add ("/carrier-apis/new-customer-with-two-lines", Fixture, NULL,
              fixture_set_up, test_new_customer_with_two_lines, fixture_tear_down);
  g_test_add ("/carrier-apis/number-search", Fixture, NULL,
              fixture_set_up, test_number_search, fixture_tear_down);
  g_test_add_func ("/carrier-apis/number-search-answer-checked", test_number_search_answer_checked);
  g_test_add ("/carrier-apis/email", Fixture, NULL, fixture_set_up, test_email, fixture_tear_down);
  g_test_add ("/carrier-apis/resellers", Fixture, NULL, fixture_set_up, test_resellers, fixture_tear_down);

  return g_test_run ();
}
