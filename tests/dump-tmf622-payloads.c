/* Test helper: prints, one per line, the TMF622 ProductOrder_Create bodies
 * the client sends for a range of orders, for validate-tmf-payloads.py. */
#include "prov-line-request.h"
#include "prov-sim-link.h"
#include "prov-test-util.h"
#include "prov-tmf622.h"

static void
print_order (ProvOrder  *order,
             const char *dealer_code)
{
  g_autoptr(JsonNode) body = prov_tmf622_build_order_create (order, dealer_code);
  g_autofree char *text = json_to_string (body, FALSE);

  g_print ("%s\n", text);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ProvOrder) full = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
  g_autoptr(ProvOrder) empty = prov_order_new (PROV_ORDER_KIND_USER_EXTENSION, "clerk");
  g_autoptr(ProvOrder) dual_sim = prov_order_new (PROV_ORDER_KIND_NEW_WIRELESS_CUSTOMER, "clerk");
  g_autoptr(ProvOrder) odd = prov_order_new (PROV_ORDER_KIND_LINE_LIFECYCLE, "Zoë \"the clerk\"");
  g_autoptr(ProvOrder) changes = prov_order_new (PROV_ORDER_KIND_LINE_LIFECYCLE, "clerk");
  ProvOrderLine *line;

  prov_order_set_field (full, PROV_ORDER_FIELD_CUSTOMER_NAME, "Jan Jansen");
  prov_order_set_field (full, PROV_ORDER_FIELD_CUSTOMER_ID, "CUST-1001");
  prov_order_set_field (full, PROV_ORDER_FIELD_REFERENCE, "PO-1001");
  prov_order_set_field (full, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, "mobile-advanced");
  prov_order_set_field (full, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_NAME, "Advanced User");
  prov_order_set_field (full, PROV_ORDER_FIELD_STOCKTAKING_START_DATE, "2026-12-01");
  prov_order_set_field (full, PROV_ORDER_FIELD_SIM_ICCID, "89014103211118510720");
  prov_order_set_field (full, PROV_ORDER_FIELD_NUMBER_MSISDN, "+31612345678");
  prov_order_set_field (full, PROV_ORDER_FIELD_DEVICE_IMEI, "490154203237518");
  prov_order_set_field (full, PROV_ORDER_FIELD_USER_LANGUAGE, "nl");
  /* Shown at the till, never sent. */
  prov_order_set_field (full, PROV_ORDER_FIELD_USER_LANGUAGE_NAME, "Nederlands");
  prov_order_set_field (full, PROV_ORDER_FIELD_NUMBER_SUMMARY, "+31 6 12345678 (new)");
  prov_order_set_field (full, PROV_ORDER_FIELD_ADDONS_NAMES, "Roaming EU");
  print_order (full, "DEALER-42");

  /* Placed with its SIM to connect later, then the SIM linked to the
   * product the carrier made. */
  {
    g_autoptr(ProvOrder) later = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
    g_autoptr(ProvOrder) link = NULL;

    prov_order_set_field (later, PROV_ORDER_FIELD_CUSTOMER_ID, "CUST-1001");
    prov_order_set_field (later, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, "voice-advanced");
    prov_order_set_field (later, PROV_ORDER_FIELD_SIM_MODE, "later");
    print_order (later, NULL);
    prov_order_line_set_product_ref (prov_order_get_line (later, 0), "5d7e0c9e-2f43-4d36-9d3c-1b0f3c3e2a11");
    link = prov_order_new_sim_link (later, prov_order_find_line_awaiting_sim (later), "89314404000132922221",
                                    "clerk", NULL);
    print_order (link, NULL);
  }

  print_order (empty, NULL);

  /* Three lines: a dual-SIM phone, a second phone, a data SIM. */
  prov_order_set_field (dual_sim, PROV_ORDER_FIELD_CUSTOMER_ID, "CUST-2001");
  prov_order_set_field (dual_sim, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, "voice-professional");
  prov_order_set_field (dual_sim, PROV_ORDER_FIELD_DEVICE_IMEI, "490154203237518");
  prov_order_set_field (dual_sim, PROV_ORDER_FIELD_DEVICE_IMEI2, "356938035643809");
  prov_order_set_field (dual_sim, PROV_ORDER_FIELD_SIM_ICCID, "8931440400000000008");
  prov_order_set_field (dual_sim, PROV_ORDER_FIELD_STOCKTAKING_START_DATE, "2026-12-01T09:30:00+01:00");
  line = prov_order_add_line (dual_sim);
  prov_order_line_set_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, "voice-advanced");
  prov_order_line_set_field (line, PROV_ORDER_FIELD_SIM_ICCID, "8931440400000000016");
  line = prov_order_add_line (dual_sim);
  prov_order_line_set_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, "data-only-10gb");
  print_order (dual_sim, "");

  /* Changes to what the customer has: a new SIM for one line, another
   * line ended. */
  prov_order_set_field (changes, PROV_ORDER_FIELD_CUSTOMER_ID, "CUST-2001");
  line = prov_order_get_line (changes, 0);
  prov_order_line_set_action (line, PROV_LINE_ACTION_MODIFY);
  prov_order_line_set_product_ref (line, "product-17");
  prov_order_line_set_field (line, PROV_ORDER_FIELD_SIM_ICCID, "8931440400000000024");
  line = prov_order_add_line (changes);
  prov_order_line_set_action (line, PROV_LINE_ACTION_DELETE);
  prov_order_line_set_product_ref (line, "product-18");
  print_order (changes, NULL);

  /* A reseller's customer's services: a line a number, with its grade
   * and the settings of the service type. */
  {
    g_autoptr(ProvOrder) services = prov_order_new (PROV_ORDER_KIND_ADD_SERVICES, "clerk");

    prov_order_set_field (services, PROV_ORDER_FIELD_CUSTOMER_ID, "c0ffee00-0000-4000-8000-000000000006");
    prov_order_set_field (services, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, "svc-geographic-number");
    prov_order_set_field (services, PROV_ORDER_FIELD_NUMBER_MSISDN, "+441217370000");
    prov_order_set_field (services, "setting.forwardTo", "+441217300300");
    prov_order_set_field (services, "setting.ringTime", "20");
    line = prov_order_add_line (services);
    prov_order_line_set_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, "svc-geographic-number");
    prov_order_line_set_field (line, PROV_ORDER_FIELD_NUMBER_MSISDN, "+441217370100");
    prov_order_line_set_field (line, "setting.callerIdShown", "false");
    print_order (services, "D-1001");
  }

  /* Flow 5: one body per request, each with its question answered. */
  {
    const ProvLineRequest *requests;
    guint n_requests;

    requests = prov_line_requests_get_all (&n_requests);
    for (guint i = 0; i < n_requests; i++)
      {
        g_autoptr(ProvOrder) request = prov_test_answered_request (requests[i].id, 100 + i);

        print_order (request, "D-1001");
      }
  }

  prov_order_set_field (odd, PROV_ORDER_FIELD_CUSTOMER_NAME, "Ahmet Yılmaz & Söhne \"GmbH\"\n");
  prov_order_set_field (odd, PROV_ORDER_FIELD_REFERENCE, "<script>");
  prov_order_set_field (odd, PROV_ORDER_FIELD_STOCKTAKING_START_DATE, "not a date");
  print_order (odd, "D/1");

  return 0;
}
