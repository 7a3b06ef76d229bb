/* Flow 4, the reseller portal's Add Services, keyboard only: a customer
 * under a reseller, a service type, a search by prefix and grade, two
 * numbers ticked and added and one added alone, one removed, prices as
 * the sandbox's price lists say, a setting changed on one number and an
 * error made and fixed through the validity report, a warning accepted,
 * terms agreed, services created, an e-mail with the confirmation to the
 * customer, Finish back to the start. What reached the sandbox is
 * checked. Also: a customer account alone, and the network dropping
 * between Creation and Notifications. */
#include <string.h>

#include "prov-test-app.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"
#include "prov-tmf681.h"

#define TIMEOUT_MS 30000
#define CUSTOMERS "tmf-api/customerManagement/v4/customer"
#define MESSAGES "tmf-api/communicationManagement/v4/communicationMessage"

static void
keys_times (const char *key,
            guint       times)
{
  for (guint i = 0; i < times; i++)
    prov_test_app_keys (key, NULL);
}

static char *
opened_uuid (ProvTestApp *app,
             guint        nth)
{
  g_auto(GStrv) lines = prov_test_app_dup_log_lines (app, "Assistant for order ");

  g_assert_cmpuint (g_strv_length (lines), >, nth);
  return g_strndup (strstr (lines[nth], "order ") + strlen ("order "), 36);
}

/* The reseller's new customer: the first reseller, no phone number. */
static void
fill_customer (ProvTestApp *app)
{
  prov_test_app_keys ("ctrl+shift+a", NULL);
  g_assert_true (prov_test_app_focus_assistant (app, "Customer", TIMEOUT_MS));
  g_assert_true (prov_test_app_wait_for_log (app, "Resellers listed: 2", TIMEOUT_MS));
  prov_test_app_expect_page (app, "customer", 0, NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "Jewellery Quarter Cafe");
  prov_test_app_keys ("Tab", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "hello@jqcafe.example");
  prov_test_app_keys ("Tab", "Tab", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "4821");
  prov_test_app_screenshot ("add-services-customer");
  prov_test_app_keys ("Return", NULL);
  prov_test_app_expect_page (app, "service", 0, "add-services-service");
}

static JsonObject *
find_message_to (Sandbox    *sandbox,
                 const char *email,
                 guint      *count)
{
  g_autoptr(JsonNode) messages = sandbox_get_json (sandbox, MESSAGES "?limit=100");
  JsonArray *list = json_node_get_array (messages);
  JsonObject *found = NULL;

  *count = 0;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *message = json_array_get_object_element (list, i);
      JsonObject *receiver = json_array_get_object_element (json_object_get_array_member (message, "receiver"), 0);

      if (g_strcmp0 (json_object_get_string_member (receiver, "email"), email) == 0)
        {
          (*count)++;
          found = message;
        }
    }

  return found != NULL ? json_object_ref (found) : NULL;
}

static void
test_services_for_a_resellers_customer (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autoptr(JsonObject) order = NULL;
  g_autoptr(JsonObject) message = NULL;
  g_autofree char *window = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *sent = NULL;
  JsonArray *items;
  guint count = 0;

  if (!prov_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  sandbox_start (&sandbox, "--state-delay=60000", NULL);
  app = prov_test_app_spawn_synced (sandbox.root, &window);
  fill_customer (app);
  uuid = opened_uuid (app, 0);

  /* The carrier's first service type: geographic numbers. */
  prov_test_app_keys ("alt+n", NULL);
  prov_test_app_expect_page (app, "numbers", 0, NULL);

  /* Gold numbers starting 0121 737: two ticked and added, one alone. */
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "0121737");
  prov_test_app_choose ("alt+g", 1);
  prov_test_app_keys ("alt+s", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, ": 5 numbers found", TIMEOUT_MS));
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_screenshot ("add-services-numbers-found");
  /* The keyboard is at the first number's tick; the next tick is past its Add. */
  prov_test_app_keys ("space", NULL);
  keys_times ("Tab", 2);
  prov_test_app_keys ("space", NULL);
  prov_test_app_keys ("alt+t", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, ": 2, ", TIMEOUT_MS));
  g_usleep (500 * G_TIME_SPAN_MILLISECOND);
  /* At the first number left: added alone. */
  keys_times ("Tab", 1);
  prov_test_app_keys ("Return", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, ": 3, ", TIMEOUT_MS));
  /* Three gold numbers under Standard 2026: £50 once, £2 a month each. */
  g_assert_true (prov_test_app_wait_for_log (app, "150.00 once,", TIMEOUT_MS));
  g_usleep (500 * G_TIME_SPAN_MILLISECOND);
  /* The first chosen number removed: past the two numbers still found. */
  g_assert_true (prov_test_app_tab_to (app, "'Remove +44", 12));
  prov_test_app_keys ("Return", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, ": 2, ", 1, TIMEOUT_MS));
  g_assert_true (prov_test_app_wait_for_log (app, "100.00 once,", TIMEOUT_MS));
  /* The keyboard on what is left of the chosen list scrolls it into view. */
  g_assert_true (prov_test_app_tab_to (app, "'Remove +44", 12));
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_screenshot ("add-services-numbers");
  prov_test_app_keys ("alt+n", NULL);

  /* Settings open at the first number's first field to type in, its
   * forwarding: a number without its country code, which the report
   * will flag. The second number's caller ID off. */
  prov_test_app_expect_page (app, "settings", 0, NULL);
  g_assert_true (prov_test_app_tab_to (app, "in row 'A number every call is forwarded to", 6));
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "0121 730 0300");
  g_assert_true (prov_test_app_tab_to_next (app, "in row 'Whether the number is shown", 6));
  prov_test_app_keys ("space", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, "Setting callerIdShown of ", TIMEOUT_MS));
  prov_test_app_screenshot ("add-services-settings");
  prov_test_app_keys ("alt+n", NULL);

  /* Billing: the other price list reprices both numbers. */
  prov_test_app_expect_page (app, "billing", 0, NULL);
  prov_test_app_choose ("alt+p", 1);
  g_assert_true (prov_test_app_wait_for_log (app, "under pricelist-reseller-gold:", TIMEOUT_MS));
  g_assert_true (prov_test_app_wait_for_log (app, "70.00 once,", TIMEOUT_MS));
  prov_test_app_screenshot ("add-services-billing");
  prov_test_app_keys ("alt+n", NULL);

  /* Creation: one error (the forwarding number) and one warning (no
   * phone); the error fixed from the report. */
  prov_test_app_expect_page (app, "creation", 0, NULL);
  g_assert_true (prov_test_app_wait_for_log (app, ": 1 errors, 1 warnings", TIMEOUT_MS));
  prov_test_app_keys ("alt+f", NULL);
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_screenshot ("add-services-validity-report");
  g_assert_true (prov_test_app_tab_to (app, "'Go There' in row '+44", 10));
  prov_test_app_keys ("Return", NULL);
  /* Back at the first number's forwarding. */
  prov_test_app_expect_page (app, "settings", 1, NULL);
  g_assert_true (prov_test_app_tab_to (app, "in row 'A number every call is forwarded to", 8));
  prov_test_app_keys ("ctrl+a", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "+441217300300");
  prov_test_app_keys ("alt+n", NULL);
  prov_test_app_expect_page (app, "billing", 1, NULL);
  prov_test_app_keys ("alt+n", NULL);
  prov_test_app_expect_page (app, "creation", 1, NULL);
  g_assert_true (prov_test_app_wait_for_log (app, ": 0 errors, 1 warnings", TIMEOUT_MS));
  prov_test_app_keys ("alt+w", NULL);
  prov_test_app_keys ("alt+a", NULL);
  prov_test_app_screenshot ("add-services-creation");
  prov_test_app_keys ("alt+s", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, " placed as queued", TIMEOUT_MS));

  /* Notifications: the e-mail to the customer with the confirmation. */
  prov_test_app_expect_page (app, "notifications", 0, NULL);
  prov_test_app_keys ("alt+e", NULL);
  sent = g_strdup_printf ("for order %s, confirmation attached", uuid);
  g_assert_true (prov_test_app_wait_for_log (app, sent, TIMEOUT_MS));
  g_assert_true (prov_test_app_sync_until_log (app, "E-mail to hello@jqcafe.example: Sent by the carrier", 20, 1000));
  prov_test_app_screenshot ("add-services-notifications");
  /* Finish: back to the start for more services. */
  /* Tabbed to, the row is scrolled into view before its list opens below
   * it (opened at once by its mnemonic, the list had no monitor to fit). */
  g_assert_true (prov_test_app_tab_to (app, "Focus on GtkTextView", 20));
  /* Tab is a character in the e-mail's text: Ctrl+Tab leaves it. */
  prov_test_app_keys ("ctrl+Tab", NULL);
  g_assert_true (prov_test_app_tab_to (app, "ProvChoiceRow '' in row '_Go To'", 10));
  g_usleep (400 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("Return", NULL);
  g_usleep (400 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("Down", "Down", "Return", NULL);
  g_usleep (400 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("alt+f", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, "opened on page service", TIMEOUT_MS));

  order = sandbox_find_order (&sandbox, uuid);
  g_assert_nonnull (order);
  items = json_object_get_array_member (order, "productOrderItem");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_cmpstr (sandbox_item_characteristic (order, 0, "forwardTo"), ==, "+441217300300");
  g_assert_cmpstr (sandbox_item_characteristic (order, 1, "callerIdShown"), ==, "false");
  g_assert_cmpstr (sandbox_item_characteristic (order, 0, "priceList"), ==, "pricelist-reseller-gold");
  g_assert_cmpstr (sandbox_item_characteristic (order, 0, "grade"), ==, "gold");
  g_assert_true (g_str_has_prefix (sandbox_item_characteristic (order, 1, "MSISDN"), "+44121737"));

  message = find_message_to (&sandbox, "hello@jqcafe.example", &count);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (message, "attachment"), 0), "mimeType"), ==, "application/pdf");

  prov_test_app_terminate (app);
  sandbox_remove (&sandbox);
}

static void
test_account_only (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autofree char *window = NULL;
  g_autofree char *uuid = NULL;
  gboolean completed = FALSE;

  if (!prov_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  sandbox_start (&sandbox, NULL, NULL);
  app = prov_test_app_spawn_synced (sandbox.root, &window);
  fill_customer (app);
  prov_test_app_keys ("alt+o", NULL);
  prov_test_app_keys ("alt+n", NULL);
  /* Straight to Billing. */
  prov_test_app_expect_page (app, "billing", 0, NULL);
  g_assert_false (prov_test_app_wait_for_log (app, "Assistant page numbers shown", 200));
  prov_test_app_keys ("alt+n", NULL);
  prov_test_app_expect_page (app, "creation", 0, NULL);
  prov_test_app_keys ("alt+w", "alt+a", "alt+s", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, " placed as queued", TIMEOUT_MS));
  prov_test_app_expect_page (app, "notifications", 0, NULL);
  uuid = opened_uuid (app, 0);
  prov_test_app_keys ("alt+f", NULL);
  /* The customer is created under the reseller, and nothing is ordered. */
  for (guint i = 0; i < 20 && !completed; i++)
    {
      g_autofree char *shown = NULL;

      prov_test_app_keys ("F5", NULL);
      g_usleep (1000 * G_TIME_SPAN_MILLISECOND);
      shown = prov_test_app_run_cli (app, "order", "show", uuid);
      completed = strstr (shown, "Completed") != NULL;
    }
  g_assert_true (completed);
  {
    g_autofree char *path = g_strconcat ("tmf-api/productOrderingManagement/v4/productOrder?externalId=", uuid, NULL);
    g_autoptr(JsonNode) none = sandbox_get_json (&sandbox, path);

    g_assert_cmpuint (json_array_get_length (json_node_get_array (none)), ==, 0);
  }

  prov_test_app_terminate (app);
  sandbox_remove (&sandbox);
}

/* The network drops between Creation and Notifications: the e-mail waits
 * in the outbox and goes out once when the carrier is back. */
static void
test_network_drops_before_notifications (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autoptr(JsonObject) at_carrier = NULL;
  g_autoptr(JsonObject) message = NULL;
  g_autofree char *window = NULL;
  g_autofree char *uuid = NULL;
  guint count = 0;

  if (!prov_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  sandbox_start (&sandbox, "--state-delay=60000", NULL);
  app = prov_test_app_spawn_synced (sandbox.root, &window);
  fill_customer (app);
  uuid = opened_uuid (app, 0);
  prov_test_app_keys ("alt+n", NULL);
  prov_test_app_expect_page (app, "numbers", 0, NULL);
  prov_test_app_keys ("alt+s", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, ": 5 numbers found", TIMEOUT_MS));
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  /* The keyboard is at the first number's tick; its Add is next. */
  keys_times ("Tab", 1);
  prov_test_app_keys ("Return", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, ": 1, ", TIMEOUT_MS));
  prov_test_app_keys ("alt+n", NULL);
  prov_test_app_expect_page (app, "settings", 0, NULL);
  prov_test_app_keys ("alt+n", NULL);
  prov_test_app_expect_page (app, "billing", 0, NULL);
  prov_test_app_keys ("alt+n", NULL);
  prov_test_app_expect_page (app, "creation", 0, NULL);
  prov_test_app_keys ("alt+w", "alt+a", "alt+s", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, " placed as queued", TIMEOUT_MS));
  prov_test_app_expect_page (app, "notifications", 0, NULL);
  at_carrier = sandbox_find_order (&sandbox, uuid);
  g_assert_nonnull (at_carrier);

  /* The network goes; the e-mail is queued all the same. */
  sandbox_stop (&sandbox);
  prov_test_app_keys ("alt+e", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, "E-mail to hello@jqcafe.example: Queued", TIMEOUT_MS));

  /* Back: it goes out, once, however often the till syncs. */
  sandbox_start (&sandbox, "--state-delay=60000", NULL);
  g_assert_true (prov_test_app_sync_until_log (app, "E-mail to hello@jqcafe.example: Sent by the carrier", 30, 1000));
  prov_test_app_keys ("F5", NULL);
  g_usleep (2000 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("F5", NULL);
  g_usleep (2000 * G_TIME_SPAN_MILLISECOND);
  message = find_message_to (&sandbox, "hello@jqcafe.example", &count);
  g_assert_cmpuint (count, ==, 1);

  prov_test_app_terminate (app);
  sandbox_remove (&sandbox);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/add-services/services-for-a-resellers-customer", test_services_for_a_resellers_customer);
  g_test_add_func ("/ui/add-services/account-only", test_account_only);
  g_test_add_func ("/ui/add-services/network-drops-before-notifications", test_network_drops_before_notifications);

  return g_test_run ();
}
