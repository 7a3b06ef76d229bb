/* Nothing typed is lost: a draft half filled in survives a crash (SIGKILL)
 * and opens again on the page it was left, with every field. An order
 * placed with "connect SIM later" reaches the carrier without a SIM; once
 * the carrier has created the user, the SIM scanned in the order's
 * overview goes out as a modify of that user's product. */
#include <signal.h>
#include <string.h>

#include "prov-test-app.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"

#define TIMEOUT_MS 30000

static void
test_draft_survives_crash (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) at_carrier = NULL;
  g_autofree char *window = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *resumed = NULL;

  if (!prov_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  sandbox_start (&sandbox, "--state-delay=3000", NULL);
  app = prov_test_app_spawn_synced (sandbox.root, &window);

  /* Half an extension: the new subscriber and the PIN typed, no area
   * code yet. */
  uuid = prov_test_app_extension_for_new_subscriber (app, "jansen", "Piet", "Jansen", "piet@jansen.example");
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "1234");
  /* Saved as typed; a moment for the last keystroke to reach the disk. */
  g_usleep (500 * G_TIME_SPAN_MILLISECOND);

  /* Power cut. */
  g_assert_true (prov_test_app_crash_and_restart (app, &error));
  g_assert_no_error (error);
  g_free (window);
  window = prov_test_app_find_window (app, "Provisioner", TIMEOUT_MS);
  g_assert_nonnull (window);
  g_assert_true (prov_test_app_wait_for_names (app, (const char *[]) { "Last synced at", NULL }, TIMEOUT_MS));

  /* Opening the draft (as from the list) resumes it on its page. */
  prov_test_app_activate_action ("resume-order", uuid);
  resumed = g_strdup_printf ("Assistant for order %s opened on page extension", uuid);
  g_assert_true (prov_test_app_wait_for_log (app, resumed, TIMEOUT_MS));
  /* Shown by the new process: ready for the keyboard. */
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page extension shown", 0, TIMEOUT_MS));
  /* The keys must reach the assistant, not the main window under it. */
  g_assert_true (prov_test_app_focus_assistant (app, "Extension", TIMEOUT_MS));
  prov_test_app_screenshot ("draft-resumed");

  /* Only the area code is missing: the rest came back. "Use next
   * available extension" came back ticked, so the page starts at the
   * name; the PIN, then the area code follow. */
  prov_test_app_keys ("Tab", "Tab", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "030");
  prov_test_app_keys ("Return", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page confirm shown", 0, TIMEOUT_MS));
  prov_test_app_keys ("alt+o", NULL);

  at_carrier = sandbox_find_order (&sandbox, uuid);
  g_assert_nonnull (at_carrier);
  g_assert_cmpstr (sandbox_order_characteristic (at_carrier, PROV_ORDER_FIELD_EXTENSION_NAME), ==, "Piet Jansen");
  g_assert_cmpstr (sandbox_order_characteristic (at_carrier, PROV_ORDER_FIELD_USER_EMAIL), ==, "piet@jansen.example");
  g_assert_cmpstr (sandbox_order_characteristic (at_carrier, PROV_ORDER_FIELD_EXTENSION_PIN), ==, "1234");
  g_assert_cmpstr (sandbox_order_characteristic (at_carrier, PROV_ORDER_FIELD_EXTENSION_AREA_CODE), ==, "030");

  prov_test_app_terminate (app);
  sandbox_remove (&sandbox);
}

static void
test_connect_sim_later (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) at_carrier = NULL;
  g_autofree char *window = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(JsonObject) change = NULL;
  g_autofree char *placed = NULL;
  g_autofree char *linkable = NULL;
  g_autofree char *product_id = NULL;
  g_autofree char *link_uuid = NULL;
  JsonObject *item;

  if (!prov_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  sandbox_start (&sandbox, "--state-delay=1000", NULL);
  app = prov_test_app_spawn_synced (sandbox.root, &window);

  uuid = prov_test_app_mobile_user_to_sim (app, "peeters", "Tom", "Peeters", "tom@peeters.example");

  /* The SIM is not at hand: connect it later. */
  prov_test_app_keys ("alt+l", NULL);
  g_usleep (500 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_screenshot ("mobile-user-sim-later");
  prov_test_app_keys ("alt+n", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page number shown", 0, TIMEOUT_MS));
  prov_test_app_keys ("alt+n", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page extension shown", 0, TIMEOUT_MS));
  prov_test_app_press_button ("alt+u");
  prov_test_app_keys ("Tab", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "5150");
  prov_test_app_keys ("Tab", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "03");
  prov_test_app_keys ("Return", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page confirm shown", 0, TIMEOUT_MS));
  prov_test_app_keys ("alt+o", NULL);

  placed = g_strdup_printf ("Order %s placed as queued", uuid);
  g_assert_true (prov_test_app_wait_for_log (app, placed, TIMEOUT_MS));

  /* Placed: the user reaches the carrier without a SIM. */
  prov_test_app_keys ("F5", NULL);
  at_carrier = sandbox_find_order (&sandbox, uuid);
  g_assert_nonnull (at_carrier);
  g_assert_null (sandbox_order_characteristic (at_carrier, "ICCID"));
  g_assert_cmpstr (sandbox_order_characteristic (at_carrier, PROV_ORDER_FIELD_SIM_MODE), ==, "later");

  /* Its overview offers Connect SIM once the carrier has reported the
   * product it made (when the order completes). */
  prov_test_app_activate_action ("show-order", uuid);
  linkable = g_strdup_printf ("Order %s: its SIM can be connected", uuid);
  g_assert_true (prov_test_app_sync_until_log (app, linkable, 20, 1500));
  g_clear_pointer (&at_carrier, json_object_unref);
  at_carrier = sandbox_find_order (&sandbox, uuid);
  product_id = g_strdup (sandbox_order_product_id (at_carrier));
  g_assert_nonnull (product_id);

  /* Scan the SIM and connect it. */
  g_usleep (1000 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_type (PROV_TEST_SCANNER_DELAY, "89314404000132922221\n");
  g_usleep (500 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_screenshot ("connect-sim");
  prov_test_app_keys ("alt+c", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, "SIM link placed as order", TIMEOUT_MS));
  link_uuid = prov_test_app_dup_logged_uuid (app, "SIM link placed as order");

  /* The change: a modify of that product, with the SIM. */
  change = sandbox_find_order (&sandbox, link_uuid);
  g_assert_nonnull (change);
  item = json_array_get_object_element (json_object_get_array_member (change, "productOrderItem"), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "action"), ==, "modify");
  g_assert_cmpstr (sandbox_order_product_id (change), ==, product_id);
  g_assert_cmpstr (sandbox_order_characteristic (change, "ICCID"), ==, "89314404000132922221");
  g_assert_cmpstr (sandbox_order_state (change), !=, "rejected");
  /* Nothing else went out for the first order. */
  g_assert_cmpuint (sandbox_count_orders (&sandbox), ==, 2);

  prov_test_app_terminate (app);
  sandbox_remove (&sandbox);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/drafts/survive-crash-and-resume", test_draft_survives_crash);
  g_test_add_func ("/ui/drafts/connect-sim-later", test_connect_sim_later);

  return g_test_run ();
}
