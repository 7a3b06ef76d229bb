#include "prov-carrier-url.h"

static void
assert_normalizes (const char *input,
                   const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = prov_carrier_url_normalize (input, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (normalized, ==, expected);
}

static void
assert_refused (const char *input,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = prov_carrier_url_normalize (input, &error);

  g_assert_null (normalized);
  g_assert_error (error, PROV_CARRIER_URL_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_accepted (void)
{
  assert_normalizes ("https://api.carrier.example/", "https://api.carrier.example/");
  assert_normalizes ("  https://api.carrier.example/tmf-api  ", "https://api.carrier.example/tmf-api/");
  assert_normalizes ("https://api.carrier.example:8443", "https://api.carrier.example:8443/");
  assert_normalizes ("http://127.0.0.1:8622/", "http://127.0.0.1:8622/");
  assert_normalizes ("http://localhost:8622", "http://localhost:8622/");
  assert_normalizes ("http://[::1]:8622/", "http://[::1]:8622/");
}

static void
test_refused (void)
{
  assert_refused (NULL, PROV_CARRIER_URL_ERROR_EMPTY);
  assert_refused ("   ", PROV_CARRIER_URL_ERROR_EMPTY);
  assert_refused ("api.carrier.example", PROV_CARRIER_URL_ERROR_MALFORMED);
  assert_refused ("https://", PROV_CARRIER_URL_ERROR_MALFORMED);
  assert_refused ("http://api.carrier.example/", PROV_CARRIER_URL_ERROR_INSECURE);
  assert_refused ("http://192.168.1.20/", PROV_CARRIER_URL_ERROR_INSECURE);
  assert_refused ("ftp://api.carrier.example/", PROV_CARRIER_URL_ERROR_UNSUPPORTED_SCHEME);
  assert_refused ("https://api.carrier.example/?key=1", PROV_CARRIER_URL_ERROR_HAS_QUERY);
  assert_refused ("https://api.carrier.example/#x", PROV_CARRIER_URL_ERROR_HAS_QUERY);
  assert_refused ("https://user:secret@api.carrier.example/", PROV_CARRIER_URL_ERROR_HAS_CREDENTIALS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/carrier-url/accepted", test_accepted);
  g_test_add_func ("/carrier-url/refused", test_refused);

  return g_test_run ();
}
