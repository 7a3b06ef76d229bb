/* What the overview and the printout read back: the registry's shown
 * fields, and the sentences that keep the portal's meaning where a field
 * alone would not (a SIM connected later, end-user billing off). */
#include <string.h>

#include "prov-order-field.h"
#include "prov-order-summary.h"

static const char *
value_of (GArray     *lines,
          const char *title)
{
  for (guint i = 0; i < lines->len; i++)
    if (g_str_equal (g_array_index (lines, ProvSummaryLine, i).title, title))
      return g_array_index (lines, ProvSummaryLine, i).value;
  return NULL;
}

static gboolean
mentions (GArray     *lines,
          const char *text)
{
  for (guint i = 0; i < lines->len; i++)
    if (strstr (g_array_index (lines, ProvSummaryLine, i).value, text) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_sim_later_and_billing_off (void)
{
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
  g_autoptr(GArray) lines = NULL;

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Bakkerij de Vries");
  prov_order_set_field (order, PROV_ORDER_FIELD_SIM_MODE, "later");
  prov_order_set_field (order, PROV_ORDER_FIELD_CONFIRM_END_USER_BILLING, "false");
  prov_order_set_field (order, PROV_ORDER_FIELD_EXTENSION_PIN, "000");
  prov_order_set_field (order, PROV_ORDER_FIELD_EXTENSION_PIN_CHANGE_REQUIRED, "true");

  lines = prov_order_summary_lines (order);
  g_assert_cmpstr (value_of (lines, "Customer"), ==, "Bakkerij de Vries");
  g_assert_nonnull (value_of (lines, "SIM"));
  g_assert_nonnull (strstr (value_of (lines, "SIM"), "Connected later"));
  g_assert_nonnull (value_of (lines, "End user billing"));
  g_assert_nonnull (strstr (value_of (lines, "End user billing"), "invoice by hand"));
  /* The factory PIN is no secret; it must change. */
  g_assert_cmpstr (value_of (lines, "Log-on PIN"), ==, "000, to be changed at first login");
}

static void
test_connected_billed_and_secret (void)
{
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
  g_autoptr(GArray) lines = NULL;

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Bakkerij de Vries");
  prov_order_set_field (order, PROV_ORDER_FIELD_SIM_MODE, "now");
  prov_order_set_field (order, PROV_ORDER_FIELD_SIM_ICCID, "89314404000132922221");
  prov_order_set_field (order, PROV_ORDER_FIELD_CONFIRM_END_USER_BILLING, "true");
  prov_order_set_field (order, PROV_ORDER_FIELD_EXTENSION_PIN, "4821");
  prov_order_set_field (order, PROV_ORDER_FIELD_EXTENSION_PIN_CHANGE_REQUIRED, "false");

  lines = prov_order_summary_lines (order);
  g_assert_cmpstr (value_of (lines, "SIM (ICCID)"), ==, "89314404000132922221");
  g_assert_null (value_of (lines, "SIM"));
  g_assert_null (value_of (lines, "End user billing"));
  g_assert_null (value_of (lines, "Log-on PIN"));
  g_assert_false (mentions (lines, "4821"));
}

/* Services of a reseller's customer, one line a number: each number's
 * settings read back under the line, by the carrier's names. */
static void
test_service_settings (void)
{
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_ADD_SERVICES, "clerk");
  g_autoptr(GArray) lines = NULL;
  ProvOrderLine *second;

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Digbeth Print Works");
  prov_order_set_field (order, PROV_ORDER_FIELD_NUMBER_MSISDN, "+441217370000");
  prov_order_set_field (order, "setting.forwardTo", "+441217300300");
  second = prov_order_add_line (order);
  prov_order_line_set_field (second, PROV_ORDER_FIELD_NUMBER_MSISDN, "+441217370100");
  prov_order_line_set_field (second, "setting.callerIdShown", "false");

  lines = prov_order_summary_lines (order);
  g_assert_cmpstr (value_of (lines, "Line 1: forwardTo"), ==, "+441217300300");
  g_assert_cmpstr (value_of (lines, "Line 2: callerIdShown"), ==, "false");
  g_assert_cmpstr (value_of (lines, "Line 2: Phone number"), ==, "+441217370100");
  g_assert_cmpstr (prov_order_field_get_carrier_name (prov_order_field_lookup ("setting.forwardTo"),
                                                      "setting.forwardTo"), ==, "forwardTo");
  g_assert_true (prov_order_field_is_line ("setting.forwardTo"));
  g_assert_null (prov_order_field_lookup ("setting."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/order/summary/sim-later-and-billing-off", test_sim_later_and_billing_off);
  g_test_add_func ("/order/summary/connected-billed-and-secret", test_connected_billed_and_secret);
  g_test_add_func ("/order/summary/service-settings", test_service_settings);

  return g_test_run ();
}
