/* A reseller's customer's services: the validity report (errors to fix,
 * warnings to accept, each with its page) and what the chosen numbers
 * cost under each price list, on the sandbox's demo catalog. */
#include <string.h>

#include "prov-number-pricing.h"
#include "prov-service-check.h"

static ProvCatalog *
demo_catalog (void)
{
  g_autofree char *offerings_path = g_test_build_filename (G_TEST_DIST, "..", "src", "sandbox", "demo-catalog.json",
                                                           NULL);
  g_autofree char *specifications_path = g_test_build_filename (G_TEST_DIST, "..", "src", "sandbox",
                                                                "demo-specifications.json", NULL);
  g_autoptr(JsonParser) offerings = json_parser_new ();
  g_autoptr(JsonParser) specifications = json_parser_new ();
  g_autoptr(JsonObject) both = json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GError) error = NULL;
  ProvCatalog *catalog;

  g_assert_true (json_parser_load_from_file (offerings, offerings_path, &error));
  g_assert_true (json_parser_load_from_file (specifications, specifications_path, &error));
  json_object_set_member (both, "productOffering", json_node_copy (json_parser_get_root (offerings)));
  json_object_set_member (both, "productSpecification", json_node_copy (json_parser_get_root (specifications)));
  json_node_set_object (root, both);
  catalog = prov_catalog_new_from_json (root, 1, &error);
  g_assert_no_error (error);
  return catalog;
}

static gboolean
reports (GPtrArray            *report,
         ProvValiditySeverity  severity,
         const char           *page_id,
         const char           *text)
{
  for (guint i = 0; i < report->len; i++)
    {
      ProvValidityItem *item = g_ptr_array_index (report, i);

      if (item->severity == severity && g_str_equal (item->page_id, page_id) && strstr (item->message, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

static ProvOrder *
complete_order (void)
{
  ProvOrder *order = prov_order_new (PROV_ORDER_KIND_ADD_SERVICES, "clerk");
  ProvOrderLine *second;

  prov_order_set_field (order, PROV_ORDER_FIELD_RESELLER_ID, "R-2001");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_MODE, "new");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Jewellery Quarter Cafe");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_EMAIL, "hello@jqcafe.example");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_PHONE, "+441217300400");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_ACCOUNT_PIN, "4821");
  prov_order_set_field (order, PROV_ORDER_FIELD_SERVICE_TYPE, "svc-geographic-number");
  prov_order_set_field (order, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, "svc-geographic-number");
  prov_order_set_field (order, PROV_ORDER_FIELD_NUMBER_MSISDN, "+441217370000");
  prov_order_set_field (order, PROV_ORDER_FIELD_NUMBER_GRADE, "gold");
  prov_order_set_field (order, "setting.ringTime", "30");
  second = prov_order_add_line (order);
  prov_order_line_set_field (second, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, "svc-geographic-number");
  prov_order_line_set_field (second, PROV_ORDER_FIELD_NUMBER_MSISDN, "+441217370417");
  prov_order_line_set_field (second, PROV_ORDER_FIELD_NUMBER_GRADE, "standard");
  prov_order_set_field (order, PROV_ORDER_FIELD_BILLING_PRICE_LIST, "pricelist-standard-2026");
  return order;
}

static void
test_empty_order (void)
{
  g_autoptr(ProvCatalog) catalog = demo_catalog ();
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_ADD_SERVICES, "clerk");
  g_autoptr(GPtrArray) report = prov_service_check (order, catalog);

  g_assert_true (reports (report, PROV_VALIDITY_ERROR, "customer", "reseller"));
  g_assert_true (reports (report, PROV_VALIDITY_ERROR, "customer", "e-mail"));
  g_assert_true (reports (report, PROV_VALIDITY_ERROR, "customer", "PIN"));
  g_assert_true (reports (report, PROV_VALIDITY_ERROR, "service", "service type"));
  g_assert_true (reports (report, PROV_VALIDITY_ERROR, "numbers", "at least one number"));
  g_assert_true (reports (report, PROV_VALIDITY_ERROR, "billing", "price list"));
  g_assert_true (reports (report, PROV_VALIDITY_WARNING, "customer", "phone number"));
  /* Errors first. */
  g_assert_cmpint (((ProvValidityItem *) g_ptr_array_index (report, report->len - 1))->severity, ==,
                   PROV_VALIDITY_WARNING);
  g_assert_cmpuint (prov_service_check_count (report, PROV_VALIDITY_WARNING), ==, 1);
}

static void
test_complete_order_and_its_faults (void)
{
  g_autoptr(ProvCatalog) catalog = demo_catalog ();
  g_autoptr(ProvOrder) order = complete_order ();
  g_autoptr(GPtrArray) clean = prov_service_check (order, catalog);
  g_autoptr(GPtrArray) faulty = NULL;
  ProvOrderLine *second = prov_order_get_line (order, 1);

  g_assert_cmpuint (clean->len, ==, 0);

  /* A setting the specification does not allow; a number from the till's
   * reserve; a grade the price list does not price. */
  prov_order_line_set_field (second, "setting.ringTime", "15");
  prov_order_line_set_field (second, PROV_ORDER_FIELD_NUMBER_SOURCE, "cache");
  prov_order_line_set_field (second, PROV_ORDER_FIELD_NUMBER_GRADE, "platinum");
  faulty = prov_service_check (order, catalog);
  g_assert_true (reports (faulty, PROV_VALIDITY_ERROR, "settings", "+441217370417"));
  g_assert_true (reports (faulty, PROV_VALIDITY_ERROR, "billing", "platinum"));
  g_assert_true (reports (faulty, PROV_VALIDITY_WARNING, "numbers", "+441217370417"));
  g_assert_cmpuint (prov_service_check_count (faulty, PROV_VALIDITY_ERROR), ==, 2);
}

static void
test_account_only (void)
{
  g_autoptr(ProvCatalog) catalog = demo_catalog ();
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_ADD_SERVICES, "clerk");
  g_autoptr(GPtrArray) report = NULL;

  prov_order_set_field (order, PROV_ORDER_FIELD_RESELLER_ID, "R-2001");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Jewellery Quarter Cafe");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_EMAIL, "hello@jqcafe.example");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_PHONE, "+441217300400");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_ACCOUNT_PIN, "4821");
  prov_order_set_field (order, PROV_ORDER_FIELD_SERVICE_ACCOUNT_ONLY, "true");
  prov_order_set_field (order, PROV_ORDER_FIELD_BILLING_PRICE_LIST, "pricelist-reseller-gold");
  report = prov_service_check (order, catalog);
  g_assert_cmpuint (report->len, ==, 0);
}

/* The pricing list follows the price list: every number by its grade. */
static void
test_pricing (void)
{
  g_autoptr(ProvCatalog) catalog = demo_catalog ();
  g_autoptr(ProvOrder) order = complete_order ();
  g_autoptr(ProvNumberPricing) standard = prov_number_pricing_new (catalog, "pricelist-standard-2026", order);
  g_autoptr(ProvNumberPricing) reseller = prov_number_pricing_new (catalog, "pricelist-reseller-gold", order);
  g_autoptr(ProvNumberPricing) none = prov_number_pricing_new (catalog, NULL, order);
  g_autofree char *total = prov_number_pricing_dup_amount (standard, standard->one_time_total);

  g_assert_cmpuint (standard->numbers->len, ==, 2);
  g_assert_cmpfloat (standard->one_time_total, ==, 50);
  g_assert_cmpfloat (standard->monthly_total, ==, 2.5);
  g_assert_cmpstr (total, ==, "£ 50.00");
  g_assert_cmpfloat (reseller->one_time_total, ==, 35);
  g_assert_cmpfloat (reseller->monthly_total, ==, 1.75);
  g_assert_cmpuint (none->n_unpriced, ==, 2);
  g_assert_cmpfloat (none->monthly_total, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/service-check/empty-order", test_empty_order);
  g_test_add_func ("/service-check/complete-order-and-its-faults", test_complete_order_and_its_faults);
  g_test_add_func ("/service-check/account-only", test_account_only);
  g_test_add_func ("/service-check/pricing", test_pricing);

  return g_test_run ();
}
