/* Flows 1 and 2 end to end, as a clerk does them: keyboard and barcode
 * scanner only (xdotool; a scanner types with a few ms between keys). The
 * orders must be in the store as placed and reach the sandbox carrier.
 * With PROV_SCREENSHOT_DIR set, every page is photographed for the README. */
#include <string.h>

#include "prov-test-app.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"
#include "prov-tmf622.h"

#define TIMEOUT_MS 30000

static void
expect_page (ProvTestApp *app,
             const char  *flow,
             const char  *page,
             guint        seen_before)
{
  g_autofree char *line = g_strdup_printf ("Assistant page %s shown", page);
  g_autofree char *shot = g_strdup_printf ("%s-%s", flow, page);

  /* The log keeps every line: wait for this page's next showing. */
  g_assert_true (prov_test_app_wait_for_log_count (app, line, seen_before, TIMEOUT_MS));
  g_usleep (400 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_screenshot (shot);
}

/* The uuid of the nth order placed since the app started (from 0). */
static char *
placed_uuid (ProvTestApp *app,
             guint        nth)
{
  g_auto(GStrv) lines = NULL;
  const char *start;

  if (!prov_test_app_wait_for_log_count (app, " placed as ", nth, TIMEOUT_MS))
    return NULL;

  lines = prov_test_app_dup_log_lines (app, " placed as ");
  start = strstr (lines[nth], "Order ");
  return start != NULL ? g_strndup (start + strlen ("Order "), 36) : NULL;
}

static void
test_both_flows (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *window = NULL;
  g_autofree char *extension_uuid = NULL;
  g_autofree char *another_uuid = NULL;
  g_autoptr(JsonObject) another_order = NULL;
  g_autofree char *mobile_uuid = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonObject) extension_order = NULL;
  g_autoptr(JsonObject) mobile_order = NULL;
  g_autoptr(ProvStore) store = NULL;
  g_autoptr(ProvOrder) next = NULL;
  g_autofree char *next_uuid = NULL;
  g_auto(GStrv) opened = NULL;
  g_autoptr(ProvOrder) extension = NULL;
  g_autoptr(ProvOrder) mobile = NULL;

  if (!prov_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  sandbox_start (&sandbox, "--state-delay=3000", NULL);
  /* The first sync brings the catalog and reserved numbers. */
  app = prov_test_app_spawn_synced (sandbox.root, &window);

  /* Flow 2: a user extension for Jansen Installatietechniek. */
  prov_test_app_keys ("ctrl+shift+n", NULL);
  g_assert_true (prov_test_app_focus_assistant (app, "Stocktaking", TIMEOUT_MS));
  expect_page (app, "user-extension", "stocktaking", 0);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "jansen");
  g_usleep (1500 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("Return", NULL);
  expect_page (app, "user-extension", "add-ons", 0);
  prov_test_app_keys ("alt+n", NULL);
  expect_page (app, "user-extension", "extension", 0);
  /* A new subscriber is a new user: the portal asks their name, e-mail
   * and language; the name shown on calls follows. */
  prov_test_app_press_button ("alt+u");
  prov_test_app_type_new_subscriber ("Anna", "Jansen", "anna@jansen.example");
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "0000");
  prov_test_app_keys ("Tab", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "030");
  prov_test_app_keys ("Return", NULL);
  expect_page (app, "user-extension", "confirm", 0);
  /* Place it and start the next extension for the same customer. */
  prov_test_app_keys ("alt+a", NULL);
  extension_uuid = placed_uuid (app, 0);
  g_assert_nonnull (extension_uuid);
  /* The next one starts at Stocktaking, its steps filled in as before. */
  g_assert_true (prov_test_app_focus_assistant (app, "Stocktaking", TIMEOUT_MS));
  expect_page (app, "user-extension-another", "stocktaking", 1);
  prov_test_app_keys ("alt+n", NULL);
  expect_page (app, "user-extension-another", "add-ons", 1);
  prov_test_app_keys ("alt+n", NULL);
  expect_page (app, "user-extension-another", "extension", 1);
  /* "Use next available extension" stayed ticked: the number is the next
   * free one already, and the new subscriber is next to type. */
  prov_test_app_type_new_subscriber ("Bram", "Jansen", "bram@jansen.example");
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "2468");
  /* The area code came along from the first extension. */
  prov_test_app_keys ("Tab", "Return", NULL);
  expect_page (app, "user-extension-another", "confirm", 1);
  prov_test_app_keys ("alt+o", NULL);
  another_uuid = placed_uuid (app, 1);
  g_assert_nonnull (another_uuid);

  /* Flow 1: a mobile user for Bakkerij de Vries, the SIM scanned. The
   * New Order menu lists the portal's tiers: the second is Professional
   * User, sold for 12 or 24 months only. */
  g_assert_true (prov_test_app_focus_window (window, TIMEOUT_MS));
  prov_test_app_keys ("ctrl+n", NULL);
  g_usleep (500 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("Down", "Return", NULL);
  g_assert_true (prov_test_app_focus_assistant (app, "Stocktaking", TIMEOUT_MS));
  expect_page (app, "mobile-user", "stocktaking", 2);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "bakk");
  g_usleep (1500 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("Return", NULL);
  expect_page (app, "mobile-user", "subscription", 0);
  prov_test_app_keys ("alt+n", NULL);
  expect_page (app, "mobile-user", "add-ons", 2);
  prov_test_app_keys ("alt+n", NULL);
  expect_page (app, "mobile-user", "user", 0);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "Sanne");
  prov_test_app_keys ("Tab", "Tab", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "de Vries");
  prov_test_app_keys ("Tab", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "sanne@bakkerij.example");
  prov_test_app_keys ("alt+n", NULL);
  expect_page (app, "mobile-user", "sim", 0);
  prov_test_app_type (PROV_TEST_SCANNER_DELAY, "89314404000132922221\n");
  expect_page (app, "mobile-user", "number", 0);
  prov_test_app_keys ("alt+n", NULL);
  expect_page (app, "mobile-user", "extension", 2);
  prov_test_app_press_button ("alt+u");
  prov_test_app_keys ("Tab", NULL);
  /* The mobile portal's factory PIN has three digits; the product's
   * specification says so. */
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "000");
  prov_test_app_keys ("Tab", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "020");
  prov_test_app_keys ("Return", NULL);
  expect_page (app, "mobile-user", "confirm", 2);
  prov_test_app_keys ("alt+o", NULL);
  mobile_uuid = placed_uuid (app, 2);
  g_assert_nonnull (mobile_uuid);

  /* The next order starts with the current customer: Next needs nothing
   * typed on Stocktaking. */
  g_assert_true (prov_test_app_focus_window (window, TIMEOUT_MS));
  prov_test_app_keys ("ctrl+1", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page stocktaking shown", 3, TIMEOUT_MS));
  g_assert_true (prov_test_app_focus_assistant (app, "Stocktaking", TIMEOUT_MS));
  opened = prov_test_app_dup_log_lines (app, "opened on page");
  g_assert_cmpuint (g_strv_length (opened), ==, 4);
  next_uuid = prov_test_app_dup_logged_uuid (app, "opened on page");
  g_usleep (400 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("alt+n", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page subscription shown", 1, TIMEOUT_MS));

  /* Both reached the carrier once, with what was typed and scanned. */
  extension_order = sandbox_find_order (&sandbox, extension_uuid);
  g_assert_nonnull (extension_order);
  /* Jansen has 1001, 1002 and 1004 at the carrier (TMF637): four digits,
   * and 1003 is the first free one. */
  g_assert_cmpstr (sandbox_order_characteristic (extension_order, PROV_ORDER_FIELD_EXTENSION_NUMBER), ==, "1003");
  g_assert_cmpstr (sandbox_order_characteristic (extension_order, PROV_ORDER_FIELD_EXTENSION_NAME), ==, "Anna Jansen");
  g_assert_cmpstr (sandbox_order_characteristic (extension_order, PROV_ORDER_FIELD_USER_FIRST_NAME), ==, "Anna");
  g_assert_cmpstr (sandbox_order_characteristic (extension_order, PROV_ORDER_FIELD_USER_LAST_NAME), ==, "Jansen");
  g_assert_cmpstr (sandbox_order_characteristic (extension_order, PROV_ORDER_FIELD_USER_EMAIL), ==, "anna@jansen.example");
  g_assert_cmpstr (sandbox_order_characteristic (extension_order, PROV_ORDER_FIELD_USER_LANGUAGE), ==, "nl");
  /* Anna got the factory PIN: the carrier must make her change it. */
  g_assert_cmpstr (sandbox_order_characteristic (extension_order, PROV_ORDER_FIELD_EXTENSION_PIN_CHANGE_REQUIRED), ==, "true");
  another_order = sandbox_find_order (&sandbox, another_uuid);
  g_assert_nonnull (another_order);
  /* 1003 is taken by the order this till placed, not yet at the carrier. */
  g_assert_cmpstr (sandbox_order_characteristic (another_order, PROV_ORDER_FIELD_EXTENSION_NUMBER), ==, "1005");
  g_assert_cmpstr (sandbox_order_characteristic (another_order, PROV_ORDER_FIELD_EXTENSION_AREA_CODE), ==, "030");
  g_assert_cmpstr (sandbox_order_characteristic (another_order, PROV_ORDER_FIELD_EXTENSION_NAME), ==, "Bram Jansen");
  g_assert_cmpstr (sandbox_order_characteristic (another_order, PROV_ORDER_FIELD_USER_EMAIL), ==, "bram@jansen.example");
  g_assert_cmpstr (sandbox_order_characteristic (another_order, PROV_ORDER_FIELD_EXTENSION_PIN_CHANGE_REQUIRED), ==, "false");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (another_order, "relatedParty"), 0), "name"),
                   ==, "Jansen Installatietechniek B.V.");
  /* The carrier's own customer number, not this till's. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (another_order, "relatedParty"), 0), "id"),
                   ==, "c0ffee00-0000-4000-8000-000000000002");
  mobile_order = sandbox_find_order (&sandbox, mobile_uuid);
  g_assert_nonnull (mobile_order);
  g_assert_cmpstr (sandbox_order_characteristic (mobile_order, "ICCID"), ==, "89314404000132922221");
  g_assert_cmpstr (sandbox_order_characteristic (mobile_order, PROV_ORDER_FIELD_USER_DISPLAY_NAME), ==, "Sanne de Vries");
  g_assert_cmpstr (sandbox_order_characteristic (mobile_order, PROV_ORDER_FIELD_EXTENSION_NAME), ==, "Sanne de Vries");
  g_assert_cmpstr (sandbox_order_characteristic (mobile_order, PROV_ORDER_FIELD_EXTENSION_AREA_CODE), ==, "020");
  g_assert_nonnull (sandbox_order_characteristic (mobile_order, "MSISDN"));
  g_assert_cmpstr (sandbox_order_offering (mobile_order), ==, "voice-professional");
  g_assert_cmpstr (sandbox_order_characteristic (mobile_order, PROV_ORDER_FIELD_STOCKTAKING_CONTRACT_MONTHS), ==, "12");
  g_assert_cmpstr (sandbox_order_characteristic (mobile_order, PROV_ORDER_FIELD_EXTENSION_PIN), ==, "000");
  g_assert_cmpstr (sandbox_order_characteristic (mobile_order, PROV_ORDER_FIELD_EXTENSION_PIN_CHANGE_REQUIRED), ==, "true");

  prov_test_app_terminate (app);

  /* And the store has them as placed, with the customer and the scan. */
  path = prov_test_app_dup_database_path (app);
  store = prov_test_open_store (path, NULL);
  extension = prov_test_load (store, extension_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prov_order_get_field (extension, PROV_ORDER_FIELD_CUSTOMER_NAME), ==, "Jansen Installatietechniek B.V.");
  g_assert_true (prov_order_state_is_at_carrier (prov_order_get_state (extension)) ||
                 prov_order_get_state (extension) == PROV_ORDER_STATE_QUEUED);
  mobile = prov_test_load (store, mobile_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prov_order_get_field (mobile, PROV_ORDER_FIELD_SIM_ICCID), ==, "89314404000132922221");
  g_assert_cmpstr (prov_order_get_field (mobile, PROV_ORDER_FIELD_CUSTOMER_NAME), ==, "Bakkerij de Vries");
  next = prov_test_load (store, next_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prov_order_get_field (next, PROV_ORDER_FIELD_CUSTOMER_ID), ==,
                   prov_order_get_field (mobile, PROV_ORDER_FIELD_CUSTOMER_ID));
  g_assert_cmpint (prov_order_get_state (next), ==, PROV_ORDER_STATE_DRAFT);
  prov_test_close_store (g_steal_pointer (&store));

  sandbox_remove (&sandbox);
}

/* The hosted PBX portal's Stocktaking lists customer, start date,
 * portfolio, product and reference: after the customer comes the start
 * date, typed in the clerk's locale (month/day/year in the C locale), or
 * picked in the calendar beside it with the arrow keys and Space. */
static void
test_start_date (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_months (now, 2);
  g_autoptr(GDateTime) first = g_date_time_new_local (g_date_time_get_year (later), g_date_time_get_month (later),
                                                      1, 0, 0, 0);
  g_autofree char *window = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *typed = g_date_time_format (first, "%m/%d/%Y");
  g_autofree char *typed_iso = g_date_time_format (first, "%Y-%m-%d");
  g_autofree char *month_prefix = g_date_time_format (first, "%Y-%m-");
  g_autofree char *shown = NULL;
  g_autofree char *picked_shown = NULL;
  g_autofree char *picked = NULL;
  g_autoptr(JsonObject) at_carrier = NULL;
  g_autofree char *placed = NULL;
  GDate picked_date;

  if (!prov_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  sandbox_start (&sandbox, NULL, NULL);
  app = prov_test_app_spawn_synced (sandbox.root, &window);

  prov_test_app_keys ("ctrl+shift+n", NULL);
  g_assert_true (prov_test_app_focus_assistant (app, "Stocktaking", TIMEOUT_MS));
  expect_page (app, "user-extension", "stocktaking", 0);
  uuid = prov_test_app_dup_logged_uuid (app, "opened on page");
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "jansen");
  g_usleep (1500 * G_TIME_SPAN_MILLISECOND);
  /* Past the customer found and "New Customer With This Name". */
  prov_test_app_keys ("Tab", "Tab", "Tab", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, typed);
  g_usleep (800 * G_TIME_SPAN_MILLISECOND);
  shown = prov_test_app_run_cli (app, "order", "show", uuid);
  g_test_message ("%s", shown);
  g_assert_nonnull (strstr (shown, typed_iso));

  /* The calendar opens on that month; the third row's Wednesday (the C
   * locale's weeks start on Sunday) is another day of it. */
  prov_test_app_keys ("Tab", "Return", NULL);
  g_usleep (600 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("Right", "Down", "Down", "Right", "Right", "Right", NULL);
  prov_test_app_screenshot ("start-date-calendar");
  prov_test_app_keys ("space", NULL);
  g_usleep (800 * G_TIME_SPAN_MILLISECOND);
  picked_shown = prov_test_app_run_cli (app, "order", "show", uuid);
  g_test_message ("%s", picked_shown);
  g_assert_null (strstr (picked_shown, typed_iso));
  picked = g_strdup (strstr (picked_shown, month_prefix));
  g_assert_nonnull (picked);
  picked[10] = '\0';
  g_date_clear (&picked_date, 1);
  g_date_set_parse (&picked_date, picked);
  g_assert_true (g_date_valid (&picked_date));
  g_assert_cmpint (g_date_get_weekday (&picked_date), ==, G_DATE_WEDNESDAY);

  /* Placed with end-user billing off: the carrier gets the picked date
   * and is told not to bill the customer. */
  prov_test_app_keys ("Return", NULL);
  expect_page (app, "user-extension", "add-ons", 0);
  prov_test_app_keys ("alt+n", NULL);
  expect_page (app, "user-extension", "extension", 0);
  prov_test_app_press_button ("alt+u");
  prov_test_app_type_new_subscriber ("Cor", "Jansen", "cor@jansen.example");
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "1234");
  prov_test_app_keys ("Tab", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "030");
  prov_test_app_keys ("Return", NULL);
  expect_page (app, "user-extension", "confirm", 0);
  prov_test_app_press_button ("alt+e");
  prov_test_app_keys ("alt+o", NULL);
  placed = placed_uuid (app, 0);
  g_assert_cmpstr (placed, ==, uuid);
  at_carrier = sandbox_find_order (&sandbox, uuid);
  g_assert_nonnull (at_carrier);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (at_carrier, "requestedStartDate"), picked));
  g_assert_cmpstr (sandbox_order_characteristic (at_carrier, PROV_ORDER_FIELD_CONFIRM_END_USER_BILLING), ==, "false");

  prov_test_app_terminate (app);
  sandbox_remove (&sandbox);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/flows/extension-then-mobile-user", test_both_flows);
  g_test_add_func ("/ui/flows/start-date", test_start_date);

  return g_test_run ();
}
