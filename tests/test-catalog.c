/* A carrier's catalog as the counter reads it: what the spec does not
 * promise may be missing, and one odd offering spoils nothing else. */
#include <string.h>

#include "prov-catalog.h"

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
test_offerings_that_cannot_be_used (void)
{
  g_autoptr(JsonNode) offerings = json_from_string (
    "[{\"id\":\"voice-advanced\",\"name\":\"Advanced User\"},"
    " {\"id\":\"data-5gb\"},"
    " {\"name\":\"No id, so it cannot be ordered\"},"
    " 42,"
    " {\"id\":{\"not\":\"a string\"},\"name\":[]},"
    " {\"id\":\"voice-advanced\",\"name\":\"The same id again\"},"
    " {\"id\":\"sms-100\",\"name\":\"100 SMS\",\"productOfferingPrice\":[{\"priceType\":\"recurring\","
    "   \"price\":{\"value\":\"five\",\"unit\":7}}],\"productOfferingTerm\":[{\"duration\":{\"amount\":1e999}}]}]",
    NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvCatalog) catalog = prov_catalog_new_from_json (offerings, 1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  g_assert_cmpuint (prov_catalog_get_n_offerings (catalog), ==, 3);
  g_assert_cmpstr (prov_offering_get_name (prov_catalog_lookup (catalog, "voice-advanced")), ==, "Advanced User");
  /* No name: the clerk sees its id. */
  g_assert_cmpstr (prov_offering_get_name (prov_catalog_lookup (catalog, "data-5gb")), ==, "data-5gb");
  g_assert_nonnull (prov_catalog_lookup (catalog, "sms-100"));
}

/* Contract terms as the catalog states them, in months; anything that is
 * not a term in months or years is no term. */
static void
test_terms (void)
{
  g_autoptr(JsonNode) offerings = json_from_string (
    "[{\"id\":\"voice-professional\",\"productOfferingTerm\":["
    "   {\"duration\":{\"amount\":12,\"units\":\"month\"}},"
    "   {\"duration\":{\"amount\":2,\"units\":\"years\"}},"
    "   {\"duration\":{\"amount\":30,\"units\":\"days\"}},"
    "   {\"duration\":{\"amount\":-3,\"units\":\"month\"}},"
    "   {\"duration\":{\"amount\":1.5,\"units\":\"month\"}},"
    "   {\"duration\":{\"amount\":12}}]},"
    " {\"id\":\"data-2gb\"}]", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvCatalog) catalog = prov_catalog_new_from_json (offerings, 1, &error);
  ProvOffering *professional;
  const guint *terms;
  guint n_terms = 0;

  g_assert_no_error (error);
  professional = prov_catalog_lookup (catalog, "voice-professional");
  terms = prov_offering_get_terms (professional, &n_terms);
  g_assert_cmpuint (n_terms, ==, 2);
  g_assert_cmpuint (terms[0], ==, 12);
  g_assert_cmpuint (terms[1], ==, 24);
  g_assert_false (prov_offering_offers_term (professional, 1));
  /* A contract chosen before the product becomes the nearest one sold. */
  g_assert_cmpuint (prov_offering_pick_term (professional, 1), ==, 12);
  g_assert_cmpuint (prov_offering_pick_term (professional, 24), ==, 24);
  g_assert_cmpuint (prov_offering_pick_term (professional, 36), ==, 24);
  g_assert_cmpuint (prov_offering_pick_term (prov_catalog_lookup (catalog, "data-2gb"), 12), ==, 0);
}

/* The PIN rule comes from the product's specification: its digits and
 * its factory PIN; a specification that says nothing usable limits
 * nothing. */
static void
test_pin_rules (void)
{
  g_autoptr(JsonNode) catalog_json = json_from_string (
    "{\"productOffering\":["
    "   {\"id\":\"voice-advanced\",\"productSpecification\":{\"id\":\"spec-mobile\"}},"
    "   {\"id\":\"extension-basic\",\"productSpecification\":{\"id\":\"spec-odd\"}},"
    "   {\"id\":\"voice-other\",\"productSpecification\":{\"id\":\"spec-missing\"}},"
    "   {\"id\":\"data-2gb\"}],"
    " \"productSpecification\":["
    "   {\"id\":\"spec-mobile\",\"productSpecCharacteristic\":["
    "     {\"name\":\"something else\"},"
    "     {\"name\":\"extension.pin\",\"productSpecCharacteristicValue\":["
    "       {\"unitOfMeasure\":\"digits\",\"valueFrom\":3,\"valueTo\":8},"
    "       {\"value\":\"000\",\"isDefault\":true}]}]},"
    "   {\"id\":\"spec-odd\",\"productSpecCharacteristic\":["
    "     {\"name\":\"extension.pin\",\"productSpecCharacteristicValue\":["
    "       {\"unitOfMeasure\":\"digits\",\"valueFrom\":-1,\"valueTo\":1e300},"
    "       {\"value\":42,\"isDefault\":\"yes\"}, 7]}]},"
    "   \"not a specification\"]}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvCatalog) catalog = prov_catalog_new_from_json (catalog_json, 1, &error);
  g_autoptr(ProvPinRule) mobile = NULL;
  g_autoptr(ProvPinRule) odd = NULL;
  g_autofree char *too_short = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (prov_catalog_get_n_offerings (catalog), ==, 4);

  mobile = prov_catalog_dup_pin_rule (catalog, "voice-advanced");
  g_assert_nonnull (mobile);
  g_assert_cmpuint (prov_pin_rule_get_min_digits (mobile), ==, 3);
  g_assert_cmpuint (prov_pin_rule_get_max_digits (mobile), ==, 8);
  assert_accepted (prov_pin_rule_check (mobile, "000"));
  g_assert_true (prov_pin_rule_must_change (mobile, "000"));
  g_assert_false (prov_pin_rule_must_change (mobile, "0000"));
  too_short = prov_pin_rule_check (mobile, "12");
  g_assert_nonnull (too_short);
  g_assert_nonnull (strstr (too_short, "3 to 8"));
  assert_refused (prov_pin_rule_check (mobile, "123456789"));
  assert_refused (prov_pin_rule_check (mobile, "12a4"));

  /* Bounds out of reason, a factory PIN that is no string: no limits. */
  odd = prov_catalog_dup_pin_rule (catalog, "extension-basic");
  g_assert_nonnull (odd);
  g_assert_null (prov_pin_rule_get_factory_pin (odd));
  assert_accepted (prov_pin_rule_check (odd, "1"));
  assert_accepted (prov_pin_rule_check (odd, "1234567890123"));

  g_assert_null (prov_catalog_dup_pin_rule (catalog, "voice-other"));
  g_assert_null (prov_catalog_dup_pin_rule (catalog, "data-2gb"));
  g_assert_null (prov_catalog_dup_pin_rule (catalog, "not-in-the-catalog"));
  /* Without a rule a PIN is digits, of any length, and none is forced
   * to change. */
  assert_accepted (prov_pin_rule_check (NULL, "7"));
  assert_refused (prov_pin_rule_check (NULL, ""));
  g_assert_false (prov_pin_rule_must_change (NULL, "0000"));
}

/* A new customer's line packages: what each bundles (TMF620
 * bundledProductOffering), its rates by use (long distance per minute)
 * and the kind of line it is for; the sandbox's demo catalog sells them,
 * and its bundled products never pass for a mobile-user tier. */
static void
test_line_packages (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "src", "sandbox", "demo-catalog.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvCatalog) catalog = NULL;
  g_autoptr(GListModel) packages = NULL;
  g_autoptr(GListModel) voice = NULL;
  g_autoptr(JsonNode) odd = json_from_string (
    "[{\"id\":\"odd-package\",\"bundledProductOffering\":[{\"name\":\"no id\"},7,{\"id\":\"real\"}],"
    "  \"productOfferingPrice\":[{\"priceType\":\"usage\",\"name\":\"No price\"},"
    "   {\"priceType\":\"usage\",\"name\":\"Roaming\",\"price\":{\"value\":0.5,\"unit\":\"USD\"}}]}]", NULL);
  g_autoptr(ProvCatalog) odd_catalog = NULL;
  ProvOffering *family;
  ProvOffering *data_only;
  GPtrArray *rates;
  g_autofree char *label = NULL;
  g_autofree char *odd_label = NULL;
  guint voice_lines = 0;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  catalog = prov_catalog_new_from_json (json_parser_get_root (parser), 1, &error);
  g_assert_no_error (error);

  packages = prov_catalog_list (catalog, PROV_OFFERING_ROLE_LINE_PACKAGE, NULL, NULL, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (packages); i++)
    {
      g_autoptr(ProvOffering) package = g_list_model_get_item (packages, i);
      voice_lines += prov_offering_has_role (package, PROV_OFFERING_ROLE_LINE_VOICE);
    }
  g_assert_cmpuint (g_list_model_get_n_items (packages), ==, 3);
  g_assert_cmpuint (voice_lines, ==, 2);

  family = prov_catalog_lookup (catalog, "line-family-2");
  g_assert_cmpstrv (prov_offering_get_bundled_ids (family),
                    ((const char * const[]) { "wireless-voice-unlimited", "wireless-data-unlimited",
                                              "wireless-voicemail", "wireless-hotspot", NULL }));
  for (guint i = 0; prov_offering_get_bundled_ids (family)[i] != NULL; i++)
    g_assert_true (prov_offering_has_role (prov_catalog_lookup (catalog, prov_offering_get_bundled_ids (family)[i]),
                                           PROV_OFFERING_ROLE_LINE_PRODUCT));
  rates = prov_offering_get_usage_prices (family);
  g_assert_cmpuint (rates->len, ==, 3);
  label = prov_usage_price_dup_label (g_ptr_array_index (rates, 0));
  g_assert_cmpstr (label, ==, "Long distance: Canada — € 0.05 per minute");

  data_only = prov_catalog_lookup (catalog, "line-data-10gb");
  g_assert_true (prov_offering_has_role (data_only, PROV_OFFERING_ROLE_LINE_DATA));
  g_assert_cmpuint (prov_offering_get_usage_prices (data_only)->len, ==, 0);

  voice = prov_catalog_list (catalog, PROV_OFFERING_ROLE_VOICE, NULL, NULL, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (voice); i++)
    {
      g_autoptr(ProvOffering) tier = g_list_model_get_item (voice, i);
      g_assert_false (g_str_has_prefix (prov_offering_get_id (tier), "wireless-"));
    }

  /* Entries without an id or a price are left out, the rest kept. */
  odd_catalog = prov_catalog_new_from_json (odd, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (prov_offering_get_bundled_ids (prov_catalog_lookup (odd_catalog, "odd-package")),
                    ((const char * const[]) { "real", NULL }));
  rates = prov_offering_get_usage_prices (prov_catalog_lookup (odd_catalog, "odd-package"));
  g_assert_cmpuint (rates->len, ==, 1);
  odd_label = prov_usage_price_dup_label (g_ptr_array_index (rates, 0));
  g_assert_cmpstr (odd_label, ==, "Roaming — USD 0.50 per minute");
}

/* Reseller services: a service type's terms and conditions and the
 * specification of its settings; what a number of each grade costs in
 * each price list; a grade a list does not price has no price. */
static void
test_number_prices (void)
{
  g_autoptr(JsonNode) offerings = json_from_string (
    "[{\"id\":\"svc-geo\",\"name\":\"Geographic number\",\"category\":[{\"id\":\"service-type\"}],"
    "  \"productSpecification\":{\"id\":\"spec-geo\"},"
    "  \"attachment\":[{\"attachmentType\":\"brochure\",\"description\":\"Not this one\"},"
    "                  {\"attachmentType\":\"termsAndConditions\",\"description\":\"Numbers stay ours.\"}]},"
    " {\"id\":\"list-a\",\"category\":[{\"id\":\"number-price-list\"}]},"
    " {\"id\":\"list-b\",\"category\":[{\"id\":\"number-price-list\"}]},"
    " {\"id\":\"a-gold\",\"category\":[{\"id\":\"number-grade\"}],"
    "  \"prodSpecCharValueUse\":[{\"name\":\"grade\",\"productSpecCharacteristicValue\":[{\"value\":\"gold\"}]}],"
    "  \"productOfferingRelationship\":[{\"id\":\"list-a\",\"relationshipType\":\"inPriceList\"}],"
    "  \"productOfferingPrice\":[{\"priceType\":\"oneTime\",\"price\":{\"unit\":\"GBP\",\"value\":50}},"
    "                           {\"priceType\":\"recurring\",\"price\":{\"unit\":\"GBP\",\"value\":2}}]},"
    " {\"id\":\"b-gold\",\"category\":[{\"id\":\"number-grade\"}],"
    "  \"prodSpecCharValueUse\":[{\"name\":\"grade\",\"productSpecCharacteristicValue\":[{\"value\":\"gold\"}]}],"
    "  \"productOfferingRelationship\":[{\"id\":\"list-b\",\"relationshipType\":\"inPriceList\"}],"
    "  \"productOfferingPrice\":[{\"priceType\":\"recurring\",\"price\":{\"unit\":\"GBP\",\"value\":1.5}}]}]",
    NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvCatalog) catalog = prov_catalog_new_from_json (offerings, 1, &error);
  ProvOffering *service;
  ProvOffering *price;
  double amount = -1;
  const char *currency = NULL;

  g_assert_no_error (error);
  service = prov_catalog_lookup (catalog, "svc-geo");
  g_assert_cmpstr (prov_offering_get_conditions (service), ==, "Numbers stay ours.");
  g_assert_cmpstr (prov_offering_get_specification_id (service), ==, "spec-geo");

  price = prov_catalog_find_number_price (catalog, "list-a", "gold");
  g_assert_cmpstr (prov_offering_get_id (price), ==, "a-gold");
  g_assert_true (prov_offering_get_one_time_fee (price, &amount, &currency));
  g_assert_cmpfloat (amount, ==, 50);
  g_assert_cmpstr (currency, ==, "GBP");
  g_assert_true (prov_offering_get_monthly_fee (price, &amount, &currency));
  g_assert_cmpfloat (amount, ==, 2);

  price = prov_catalog_find_number_price (catalog, "list-b", "gold");
  g_assert_cmpstr (prov_offering_get_id (price), ==, "b-gold");
  g_assert_false (prov_offering_get_one_time_fee (price, NULL, NULL));
  g_assert_null (prov_catalog_find_number_price (catalog, "list-b", "silver"));
}

/* A service type's settings from its specification, and the checks of
 * the values a clerk gives them. */
static void
test_service_settings (void)
{
  g_autoptr(JsonNode) catalog_json = json_from_string (
    "{\"productOffering\":[{\"id\":\"svc-geo\",\"productSpecification\":{\"id\":\"spec-geo\"}},"
    "                      {\"id\":\"svc-none\"}],"
    " \"productSpecification\":[{\"id\":\"spec-geo\",\"productSpecCharacteristic\":["
    "   {\"name\":\"callerIdShown\",\"description\":\"Caller ID shown\",\"valueType\":\"boolean\","
    "    \"productSpecCharacteristicValue\":[{\"value\":true,\"isDefault\":true},{\"value\":false}]},"
    "   {\"name\":\"ringTime\",\"description\":\"Ring time\",\"valueType\":\"integer\","
    "    \"productSpecCharacteristicValue\":[{\"value\":10},{\"value\":20,\"isDefault\":true}]},"
    "   {\"name\":\"forwardTo\",\"valueType\":\"string\","
    "    \"productSpecCharacteristicValue\":[{\"valueType\":\"string\",\"regex\":\"^\\\\+[1-9][0-9]{7,14}$\"}]},"
    "   {\"name\":\"internal\",\"configurable\":false}]}]}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvCatalog) catalog = prov_catalog_new_from_json (catalog_json, 1, &error);
  GPtrArray *settings;
  const ProvServiceSetting *caller_id;
  const ProvServiceSetting *ring_time;
  const ProvServiceSetting *forward;

  g_assert_no_error (error);
  g_assert_null (prov_catalog_get_settings (catalog, "svc-none"));
  settings = prov_catalog_get_settings (catalog, "svc-geo");
  g_assert_cmpuint (settings->len, ==, 3);
  caller_id = g_ptr_array_index (settings, 0);
  ring_time = g_ptr_array_index (settings, 1);
  forward = g_ptr_array_index (settings, 2);
  g_assert_cmpstr (caller_id->default_value, ==, "true");
  g_assert_cmpstr (ring_time->default_value, ==, "20");
  g_assert_cmpstr (forward->description, ==, "forwardTo");

  assert_accepted (prov_service_setting_check (caller_id, "false"));
  assert_refused (prov_service_setting_check (caller_id, "yes"));
  assert_accepted (prov_service_setting_check (ring_time, "10"));
  assert_refused (prov_service_setting_check (ring_time, "15"));
  assert_refused (prov_service_setting_check (ring_time, "ten"));
  assert_accepted (prov_service_setting_check (forward, "+441217300300"));
  assert_refused (prov_service_setting_check (forward, "0121 737 0000"));
  assert_accepted (prov_service_setting_check (forward, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/offerings-that-cannot-be-used", test_offerings_that_cannot_be_used);
  g_test_add_func ("/catalog/terms", test_terms);
  g_test_add_func ("/catalog/pin-rules", test_pin_rules);
  g_test_add_func ("/catalog/line-packages", test_line_packages);
  g_test_add_func ("/catalog/number-prices", test_number_prices);
  g_test_add_func ("/catalog/service-settings", test_service_settings);

  return g_test_run ();
}
