/* A new customer's order from the back office waits for its inventory: at
 * the counter the clerk opens it and scans, with the scanner only, a
 * dual-SIM phone's box, a SIM and a device, and picks a second SIM from
 * stock by its last four digits; a SIM scanned twice is
 * refused, a wrong scan is undone; Send puts both lines, with their
 * devices and SIMs, at the carrier, and once it completes the order both
 * lines are Active. */
#include <string.h>

#include "prov-test-app.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"

#define TIMEOUT_MS 30000
#define ORDER_UUID "5a1e5e1d-7c4b-4d0e-9f1a-2b3c4d5e6f70"

static void
import_order (ProvTestApp *app)
{
  const char *json =
    "[{\"externalId\":\"" ORDER_UUID "\",\"category\":\"new-wireless-customer\",\"@type\":\"ProductOrder\","
    "  \"relatedParty\":[{\"id\":\"c0ffee00-0000-4000-8000-000000000002\",\"name\":\"Jansen Installatietechniek B.V.\","
    "                    \"role\":\"Customer\",\"@referredType\":\"Organization\"}],"
    "  \"productOrderItem\":["
    "   {\"id\":\"1\",\"action\":\"add\",\"quantity\":1,\"productOffering\":{\"id\":\"line-family-2\"},"
    "    \"product\":{\"productCharacteristic\":[]}},"
    "   {\"id\":\"2\",\"action\":\"add\",\"quantity\":1,\"productOffering\":{\"id\":\"line-data-10gb\"},"
    "    \"product\":{\"productCharacteristic\":[]}}]}]";
  g_autofree char *path = prov_test_app_write_file (app, "order.json", json);
  g_autofree char *printed = prov_test_app_run_cli (app, "order", "import", path);
}

static void
import_stock (ProvTestApp *app,
              const char  *iccid)
{
  g_autofree char *csv = g_strdup_printf ("iccid,kind,model\n%s,sim,Nano\n", iccid);
  g_autofree char *path = prov_test_app_write_file (app, "sims.csv", csv);
  g_autofree char *printed = prov_test_app_run_cli (app, "stock", "import", path);
}

static void
scan (ProvTestApp *app,
      const char  *code,
      guint        logged_before)
{
  g_autofree char *typed = g_strconcat (code, "\n", NULL);

  prov_test_app_type (PROV_TEST_SCANNER_DELAY, typed);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Inventory of order " ORDER_UUID, logged_before, TIMEOUT_MS));
}

static void
test_scan_inventory_and_send (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autoptr(JsonObject) at_carrier = NULL;
  g_autofree char *window = NULL;
  g_autofree char *sim_1 = prov_test_make_iccid (41);
  g_autofree char *sim_2 = prov_test_make_iccid (42);
  g_auto(GStrv) refused = NULL;
  g_auto(GStrv) active = NULL;

  if (!prov_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  sandbox_start (&sandbox, NULL, NULL);
  app = prov_test_app_spawn_synced (sandbox.root, &window);
  import_order (app);
  import_stock (app, sim_2);

  prov_test_app_activate_action ("show-order", ORDER_UUID);
  g_assert_true (prov_test_app_wait_for_log (app, "Order " ORDER_UUID " shows its inventory", TIMEOUT_MS));
  g_usleep (1000 * G_TIME_SPAN_MILLISECOND);

  /* The box of a dual-SIM phone: GS1, both IMEIs, to line 1. */
  scan (app, "(01)09506000134352(8040)490154203237518(8041)356938035643809", 0);
  scan (app, sim_1, 1);
  /* The same SIM again: refused, nothing moves. */
  scan (app, sim_1, 2);
  refused = prov_test_app_dup_log_lines (app, "refused");
  g_assert_cmpuint (g_strv_length (refused), ==, 1);
  g_assert_nonnull (strstr (refused[0], "line 1"));
  /* The second SIM is picked from stock by its last four digits. */
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, sim_2 + strlen (sim_2) - 4);
  prov_test_app_keys ("Return", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Inventory of order " ORDER_UUID, 3, TIMEOUT_MS));
  /* The wrong device for line 2, undone; then the right one. */
  scan (app, "352935090123457", 4);
  prov_test_app_keys ("alt+u", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, "last scan undone", TIMEOUT_MS));
  scan (app, "A10000009296F2", 6);
  prov_test_app_screenshot ("inventory");

  prov_test_app_keys ("alt+s", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, "Order " ORDER_UUID " sent with its inventory", TIMEOUT_MS));
  prov_test_app_keys ("F5", NULL);

  at_carrier = sandbox_find_order (&sandbox, ORDER_UUID);
  g_assert_nonnull (at_carrier);
  g_assert_cmpstr (sandbox_item_characteristic (at_carrier, 0, "IMEI"), ==, "490154203237518");
  g_assert_cmpstr (sandbox_item_characteristic (at_carrier, 0, "IMEI2"), ==, "356938035643809");
  g_assert_cmpstr (sandbox_item_characteristic (at_carrier, 0, "ICCID"), ==, sim_1);
  g_assert_cmpstr (sandbox_item_characteristic (at_carrier, 1, "ICCID"), ==, sim_2);
  g_assert_cmpstr (sandbox_item_characteristic (at_carrier, 1, "MEID"), ==, "A10000009296F2");
  g_assert_null (sandbox_item_characteristic (at_carrier, 1, "IMEI"));

  /* The carrier completes the order: its overview shows each line's
   * product, as the carrier's inventory (TMF637) lists it, Active. */
  prov_test_app_sync_until_log (app, "Lines of order " ORDER_UUID " (completed)", 20, 1500);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Line 2: Active", 0, TIMEOUT_MS));
  active = prov_test_app_dup_log_lines (app, ": Active");
  g_assert_cmpuint (g_strv_length (active), >=, 2);
  prov_test_app_screenshot ("lines-active");

  prov_test_app_terminate (app);
  sandbox_remove (&sandbox);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/inventory/scan-and-send", test_scan_inventory_and_send);

  return g_test_run ();
}
