/* The main window's Customers from the keyboard, as at the counter: the
 * enterprise customer found by name and opened, their lines from the
 * carrier, a line's requests; then the carrier out of reach, the same
 * customer found by a line's IMEI and shown from what was kept. */
#include <string.h>

#include "prov-test-app.h"
#include "prov-test-sandbox.h"

#define TIMEOUT_MS 30000
#define ENTERPRISE "Van Leeuwen Logistiek B.V."
/* Line 3 of the sandbox's demo enterprise customer. */
#define LINE_3_NUMBER "+31620031003"
#define LINE_3_IMEI "358907101204141"

static void
test_customer_view (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autofree char *window = NULL;
  g_autofree char *line_menu = NULL;

  if (!prov_test_have_display ())
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }

  sandbox_start (&sandbox, "--state-delay=3000", NULL);
  app = prov_test_app_spawn_synced (sandbox.root, &window);

  /* Customers, by its mnemonic; typing goes to its search. */
  prov_test_app_keys ("alt+u", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, "Main window shows customers", TIMEOUT_MS));
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "Leeuwen");
  g_assert_true (prov_test_app_wait_for_log (app, "Customer search “Leeuwen”: 1 found", TIMEOUT_MS));
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_screenshot ("customers-search");

  /* Enter opens the first found; the lines come from the carrier. */
  prov_test_app_keys ("Return", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, "Customer " ENTERPRISE " shown", TIMEOUT_MS));
  g_assert_true (prov_test_app_wait_for_log (app, "The lines of " ENTERPRISE " were read from the carrier", TIMEOUT_MS));
  g_assert_true (prov_test_app_wait_for_log (app, "Customer " ENTERPRISE " shows 9 lines", TIMEOUT_MS));
  g_assert_true (prov_test_app_wait_for_names (app, (const char *[]) { "Refreshed from the carrier on", NULL }, TIMEOUT_MS));
  g_assert_true (prov_test_app_wait_for_names (app, (const char *[]) { "Waalhaven Oostzijde 84", "Customer number", NULL },
                                               TIMEOUT_MS));
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_screenshot ("customer");

  /* A line's requests: its menu from the keyboard. */
  line_menu = g_strdup_printf ("'Requests for %s'", LINE_3_NUMBER);
  g_assert_true (prov_test_app_tab_to (app, line_menu, 12));
  prov_test_app_keys ("Return", NULL);
  g_assert_true (prov_test_app_wait_for_names (app, (const char *[]) { "Suspend", "Change Plan", "Disconnect", NULL },
                                               TIMEOUT_MS));
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_screenshot ("customer-line-menu");
  prov_test_app_keys ("Escape", NULL);
  /* Its details: the device with its IMEI. */
  prov_test_app_keys ("shift+Tab", "Return", NULL);
  g_assert_true (prov_test_app_wait_for_names (app, (const char *[]) { "IMEI " LINE_3_IMEI, NULL }, TIMEOUT_MS));

  /* The carrier out of reach: the customer found by the line's IMEI,
   * at this counter, and shown from what was kept. */
  sandbox_stop (&sandbox);
  prov_test_app_keys ("alt+Left", NULL);
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("ctrl+a", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, LINE_3_IMEI);
  g_assert_true (prov_test_app_wait_for_log (app, "Customer search “" LINE_3_IMEI "”: 1 found", TIMEOUT_MS));
  prov_test_app_keys ("Return", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Customer " ENTERPRISE " shown", 1, TIMEOUT_MS));
  g_assert_true (prov_test_app_wait_for_log_count (app, "Customer " ENTERPRISE " shows 9 lines", 1, TIMEOUT_MS));
  g_assert_true (prov_test_app_wait_for_names (app, (const char *[]) { "Offline: as the carrier listed them on", NULL },
                                               TIMEOUT_MS));
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_screenshot ("customer-offline");

  /* Back to the orders by their mnemonic. */
  prov_test_app_keys ("alt+o", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, "Main window shows orders", TIMEOUT_MS));

  prov_test_app_terminate (app);
  sandbox_remove (&sandbox);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/customers/customer-view", test_customer_view);

  return g_test_run ();
}
