/* Flow 3, a new wireless customer, as a clerk does it with the keyboard
 * and the barcode scanner only: a business with two lines (packages
 * chosen, a product removed, the second line added from the last page),
 * one possible duplicate looked at and declined, the order created while
 * the carrier cannot be reached, the inventory scanned, sent once the
 * carrier is back, and both lines Active. A second test picks the
 * duplicate instead of creating a customer. With PROV_SCREENSHOT_DIR set,
 * every page is photographed for the README. */
#include <string.h>

#include "prov-test-app.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"

#define TIMEOUT_MS 30000
#define CUSTOMERS "tmf-api/customerManagement/v4/customer"

static void
type_field (const char *text)
{
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, text);
}

static char *
created_uuid (ProvTestApp *app)
{
  g_auto(GStrv) lines = NULL;
  const char *start;

  g_assert_true (prov_test_app_wait_for_log (app, " placed as awaiting-inventory", TIMEOUT_MS));
  lines = prov_test_app_dup_log_lines (app, " placed as awaiting-inventory");
  start = strstr (lines[0], "Order ");
  g_assert_nonnull (start);
  return g_strndup (start + strlen ("Order "), 36);
}

/* Create Order opens the order's window on its inventory; its uuid. */
static char *
wait_inventory_shown (ProvTestApp *app)
{
  g_autofree char *uuid = created_uuid (app);
  g_autofree char *shown = g_strdup_printf ("Order %s shows its inventory", uuid);

  g_assert_true (prov_test_app_wait_for_log (app, shown, TIMEOUT_MS));
  g_usleep (1000 * G_TIME_SPAN_MILLISECOND);
  return g_steal_pointer (&uuid);
}

static guint
count_customers (Sandbox *sandbox)
{
  g_autoptr(JsonNode) customers = sandbox_get_json (sandbox, CUSTOMERS);

  return json_array_get_length (json_node_get_array (customers));
}

/* Carrier and contact, then a customer profile whose phone number the
 * carrier's Jansen Installatietechniek B.V. also has. */
static void
fill_first_pages (ProvTestApp *app,
                  gboolean     business,
                  const char  *name,
                  const char  *phone)
{
  prov_test_app_keys ("ctrl+shift+w", NULL);
  g_assert_true (prov_test_app_focus_assistant (app, "Carrier and Contact", TIMEOUT_MS));
  prov_test_app_expect_page (app, "carrier", 0, NULL);
  type_field ("Anna de Boer");
  prov_test_app_keys ("Tab", NULL);
  /* Bad input gets its message and keeps the page from moving on. */
  type_field ("0612");
  prov_test_app_keys ("Return", NULL);
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  if (business)
    prov_test_app_screenshot ("new-customer-carrier");
  g_assert_false (prov_test_app_wait_for_log_count (app, "Assistant page profile shown", 0, 500));
  prov_test_app_keys ("ctrl+a", NULL);
  type_field ("+31612345678");
  prov_test_app_keys ("Return", NULL);

  prov_test_app_expect_page (app, "profile", 0, NULL);
  if (business)
    prov_test_app_choose ("alt+p", 1);
  prov_test_app_keys ("Tab", NULL);
  type_field (name);
  prov_test_app_keys ("Tab", NULL);
  type_field (business ? "30123456" : "12/03/1985");
  prov_test_app_keys ("Tab", "Tab", NULL);
  type_field ("NW1234567");
  prov_test_app_keys ("Tab", NULL);
  type_field ("info@example.org");
  prov_test_app_keys ("Tab", NULL);
  type_field (phone);
  prov_test_app_keys ("Tab", "Tab", NULL);
  type_field ("4821");
  if (business)
    prov_test_app_screenshot ("new-customer-profile");
  prov_test_app_keys ("Return", NULL);

  prov_test_app_expect_page (app, "addresses", 0, NULL);
  type_field ("Stationsweg 1");
  prov_test_app_keys ("Tab", NULL);
  type_field ("3511 AA");
  prov_test_app_keys ("Tab", NULL);
  type_field ("Utrecht");
  if (business)
    prov_test_app_screenshot ("new-customer-addresses");
  prov_test_app_keys ("alt+n", NULL);
}

static void
scan (ProvTestApp *app,
      const char  *uuid,
      const char  *code,
      guint        logged_before)
{
  g_autofree char *typed = g_strconcat (code, "\n", NULL);
  g_autofree char *needle = g_strdup_printf ("Inventory of order %s", uuid);

  prov_test_app_type (PROV_TEST_SCANNER_DELAY, typed);
  g_assert_true (prov_test_app_wait_for_log_count (app, needle, logged_before, TIMEOUT_MS));
}

static void
send_and_wait_complete (ProvTestApp *app,
                        const char  *uuid)
{
  g_autofree char *sent = g_strdup_printf ("Order %s sent with its inventory", uuid);
  g_autofree char *completed = g_strdup_printf ("Lines of order %s (completed)", uuid);

  prov_test_app_keys ("alt+s", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, sent, TIMEOUT_MS));
  g_assert_true (prov_test_app_sync_until_log (app, completed, 30, 1500));
  /* Then the carrier's inventory (TMF637) lists the lines' products. */
  g_assert_true (prov_test_app_wait_for_log_count (app, "Line 1: Active", 0, TIMEOUT_MS));
}

static void
test_business_with_two_lines (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autoptr(JsonObject) order = NULL;
  g_autoptr(JsonNode) customer = NULL;
  g_autofree char *window = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *customer_path = NULL;
  g_autofree char *sim_1 = prov_test_make_iccid (51);
  g_autofree char *sim_2 = prov_test_make_iccid (52);
  g_auto(GStrv) active = NULL;
  JsonArray *parties;
  guint customers_before;

  if (!prov_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  sandbox_start (&sandbox, "--state-delay=1000", NULL);
  customers_before = count_customers (&sandbox);
  app = prov_test_app_spawn_synced (sandbox.root, &window);
  fill_first_pages (app, TRUE, "Jansen Installatie B.V.", "+31302345678");

  /* Line 1: the voice package offered first, its hotspot removed (the
   * fourth product's Remove, after the package); saved. */
  prov_test_app_expect_page (app, "lines", 0, NULL);
  prov_test_app_keys ("Tab", "Tab", "Tab", "Tab", "Tab", NULL);
  prov_test_app_screenshot ("new-customer-lines");
  prov_test_app_keys ("Return", NULL);
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("alt+s", NULL);
  prov_test_app_keys ("alt+n", NULL);

  /* The last page: one possible duplicate (the same phone number). The
   * second line is added from here: back on Lines, a data-only line. */
  prov_test_app_expect_page (app, "options", 0, NULL);
  g_assert_true (prov_test_app_wait_for_log (app, ": 1 found", TIMEOUT_MS));
  prov_test_app_keys ("alt+l", NULL);
  prov_test_app_expect_page (app, "lines", 1, NULL);
  prov_test_app_choose ("alt+t", 1);
  prov_test_app_screenshot ("new-customer-second-line");
  prov_test_app_keys ("alt+s", NULL);
  prov_test_app_keys ("alt+n", NULL);
  prov_test_app_expect_page (app, "options", 1, NULL);

  /* Direct debit: a mistyped IBAN is refused, the right one shown masked. */
  type_field ("NL91ABNA0417164301");
  prov_test_app_keys ("ctrl+a", NULL);
  type_field ("NL91ABNA0417164300");
  prov_test_app_keys ("Tab", "Tab", NULL);
  type_field ("Jansen Installatie");
  /* Looked at, and not this customer. */
  prov_test_app_keys ("Tab", "Tab", "Return", NULL);
  prov_test_app_keys ("alt+n", NULL);
  prov_test_app_screenshot ("new-customer-options");

  /* The network goes; the order is created all the same. */
  sandbox_stop (&sandbox);
  prov_test_app_keys ("alt+o", NULL);
  uuid = wait_inventory_shown (app);

  /* A dual-SIM phone's box to line 1, its SIM, then line 2's SIM and
   * device: each scan to the next line lacking that kind. */
  scan (app, uuid, "(01)09506000134352(8040)490154203237518(8041)356938035643809", 0);
  scan (app, uuid, sim_1, 1);
  scan (app, uuid, sim_2, 2);
  scan (app, uuid, "352935090123457", 3);
  prov_test_app_screenshot ("new-customer-inventory");

  /* Back online: the customer first, then the order naming them. */
  sandbox_start (&sandbox, "--state-delay=1000", NULL);
  send_and_wait_complete (app, uuid);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Line 2: Active", 0, TIMEOUT_MS));
  active = prov_test_app_dup_log_lines (app, ": Active");
  g_assert_cmpuint (g_strv_length (active), >=, 2);
  prov_test_app_screenshot ("new-customer-complete");

  order = sandbox_find_order (&sandbox, uuid);
  g_assert_nonnull (order);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (order, "productOrderItem")), ==, 2);
  g_assert_cmpstr (sandbox_item_characteristic (order, 0, "includedProducts"), ==,
                   "wireless-voice-unlimited,wireless-data-unlimited,wireless-voicemail");
  g_assert_cmpstr (sandbox_item_characteristic (order, 0, "IMEI"), ==, "490154203237518");
  g_assert_cmpstr (sandbox_item_characteristic (order, 0, "IMEI2"), ==, "356938035643809");
  g_assert_cmpstr (sandbox_item_characteristic (order, 0, "ICCID"), ==, sim_1);
  g_assert_cmpstr (sandbox_item_characteristic (order, 1, "lineType"), ==, "data");
  g_assert_cmpstr (sandbox_item_characteristic (order, 1, "ICCID"), ==, sim_2);
  g_assert_cmpstr (sandbox_item_characteristic (order, 1, "IMEI"), ==, "352935090123457");
  g_assert_cmpstr (sandbox_item_characteristic (order, 1, "orderType"), ==, "order-new-activation");

  /* A customer was created, and it is the one the order names. */
  g_assert_cmpuint (count_customers (&sandbox), ==, customers_before + 1);
  parties = json_object_get_array_member (order, "relatedParty");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (parties, 0), "@referredType"), ==,
                   "Organization");
  customer_path = g_strconcat (CUSTOMERS "/",
                               json_object_get_string_member (json_array_get_object_element (parties, 0), "id"), NULL);
  customer = sandbox_get_json (&sandbox, customer_path);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (customer), "name"), ==,
                   "Jansen Installatie B.V.");

  prov_test_app_terminate (app);
  sandbox_remove (&sandbox);
}

static void
test_pick_the_duplicate (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autoptr(JsonObject) order = NULL;
  g_autofree char *window = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *sim = prov_test_make_iccid (53);
  JsonArray *parties;
  guint customers_before;

  if (!prov_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  sandbox_start (&sandbox, "--state-delay=1000", NULL);
  customers_before = count_customers (&sandbox);
  app = prov_test_app_spawn_synced (sandbox.root, &window);
  /* Maria Schmidt's phone number: the carrier has her already. */
  fill_first_pages (app, FALSE, "Maria Schmidt", "+4930123456");
  prov_test_app_expect_page (app, "lines", 0, NULL);
  prov_test_app_keys ("alt+s", NULL);
  prov_test_app_keys ("alt+n", NULL);

  prov_test_app_expect_page (app, "options", 0, NULL);
  g_assert_true (prov_test_app_wait_for_log (app, ": 1 found", TIMEOUT_MS));
  /* Paid at the counter's terminal instead of direct debit. */
  prov_test_app_choose ("alt+m", 1);
  prov_test_app_keys ("Tab", NULL);
  type_field ("TRM-0042");
  /* Open her, and use her. */
  prov_test_app_keys ("Tab", "Tab", "Return", NULL);
  g_usleep (400 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("Tab", "Return", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, "uses the carrier's customer c0ffee00-0000-4000-8000-000000000003",
                                             TIMEOUT_MS));
  prov_test_app_screenshot ("new-customer-duplicate-picked");
  prov_test_app_keys ("alt+o", NULL);
  uuid = wait_inventory_shown (app);
  scan (app, uuid, "490154203237518", 0);
  scan (app, uuid, sim, 1);
  send_and_wait_complete (app, uuid);

  /* No customer created: the order names hers. */
  order = sandbox_find_order (&sandbox, uuid);
  g_assert_nonnull (order);
  parties = json_object_get_array_member (order, "relatedParty");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (parties, 0), "id"), ==,
                   "c0ffee00-0000-4000-8000-000000000003");
  g_assert_cmpuint (count_customers (&sandbox), ==, customers_before);

  prov_test_app_terminate (app);
  sandbox_remove (&sandbox);
}

/* A power cut while the second line is being chosen: the draft resumes on
 * the Lines page with both lines as they were, and creates the order. */
static void
test_resumes_after_crash (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *window = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *resumed = NULL;
  g_autofree char *lines = NULL;
  g_autofree char *exported = NULL;
  g_auto(GStrv) opened = NULL;
  JsonObject *order;

  if (!prov_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  sandbox_start (&sandbox, NULL, NULL);
  app = prov_test_app_spawn_synced (sandbox.root, &window);
  fill_first_pages (app, TRUE, "Jansen Installatie B.V.", "+31302345678");
  prov_test_app_expect_page (app, "lines", 0, NULL);
  prov_test_app_keys ("Tab", "Tab", "Tab", "Tab", "Tab", "Return", NULL);
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("alt+s", NULL);
  prov_test_app_keys ("alt+l", NULL);
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_choose ("alt+t", 1);
  /* Saved as chosen; a moment for the last change to reach the disk. */
  g_usleep (500 * G_TIME_SPAN_MILLISECOND);
  opened = prov_test_app_dup_log_lines (app, "Assistant for order ");
  uuid = g_strndup (strstr (opened[0], "order ") + strlen ("order "), 36);

  g_assert_true (prov_test_app_crash_and_restart (app, &error));
  g_assert_no_error (error);
  g_assert_nonnull (prov_test_app_find_window (app, "Provisioner", TIMEOUT_MS));
  g_assert_true (prov_test_app_wait_for_names (app, (const char *[]) { "Last synced at", NULL }, TIMEOUT_MS));

  prov_test_app_activate_action ("resume-order", uuid);
  resumed = g_strdup_printf ("Assistant for order %s opened on page lines", uuid);
  g_assert_true (prov_test_app_wait_for_log (app, resumed, TIMEOUT_MS));
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page lines shown", 0, TIMEOUT_MS));
  g_assert_true (prov_test_app_focus_assistant (app, "Lines", TIMEOUT_MS));
  lines = g_strdup_printf ("Lines of draft %s: 2", uuid);
  g_assert_true (prov_test_app_wait_for_log (app, lines, TIMEOUT_MS));
  prov_test_app_screenshot ("new-customer-resumed");

  /* Line 2, data only, still open: save it, then pay and create. */
  prov_test_app_keys ("alt+s", NULL);
  prov_test_app_keys ("alt+n", NULL);
  prov_test_app_expect_page (app, "options", 0, NULL);
  g_assert_true (prov_test_app_wait_for_log (app, ": 1 found", TIMEOUT_MS));
  type_field ("NL91ABNA0417164300");
  prov_test_app_keys ("Tab", "Tab", NULL);
  type_field ("Jansen Installatie");
  prov_test_app_keys ("alt+n", "alt+o", NULL);
  g_free (created_uuid (app));

  exported = prov_test_app_run_cli (app, "order", "export", uuid);
  g_assert_true (json_parser_load_from_data (parser, exported, -1, NULL));
  order = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (order, "productOrderItem")), ==, 2);
  g_assert_cmpstr (sandbox_item_characteristic (order, 0, "includedProducts"), ==,
                   "wireless-voice-unlimited,wireless-data-unlimited,wireless-voicemail");
  g_assert_cmpstr (sandbox_item_characteristic (order, 1, "lineType"), ==, "data");
  g_assert_cmpstr (sandbox_item_characteristic (order, 1, "includedProducts"), ==, "wireless-data-10gb");

  prov_test_app_terminate (app);
  sandbox_remove (&sandbox);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/new-customer/business-with-two-lines", test_business_with_two_lines);
  g_test_add_func ("/ui/new-customer/pick-the-duplicate", test_pick_the_duplicate);
  g_test_add_func ("/ui/new-customer/resumes-after-crash", test_resumes_after_crash);

  return g_test_run ();
}
