/* A carrier's catalog as the counter reads it: what the spec does not
 * promise may be missing, and one odd offering spoils nothing else. */
#include "prov-catalog.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/offerings-that-cannot-be-used", test_offerings_that_cannot_be_used);

  return g_test_run ();
}
