/* Nothing typed is lost: a draft half filled in survives a crash (SIGKILL)
 * and opens again on the page it was left, with every field; an order
 * placed with "connect SIM later" waits as Awaiting SIM until a scanned
 * SIM is connected in its overview, and only then reaches the carrier. */
#include <signal.h>
#include <string.h>

#include "prov-test-app.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"

#define TIMEOUT_MS 30000
#define HUMAN_DELAY "60"
#define SCANNER_DELAY "5"

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

  /* Half an extension: name and PIN typed, no area code yet. */
  prov_test_app_keys ("ctrl+shift+n", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page stocktaking shown", 0, TIMEOUT_MS));
  g_assert_true (prov_test_app_focus_assistant (app, "Stocktaking", TIMEOUT_MS));
  uuid = prov_test_app_dup_logged_uuid (app, "opened on page");
  prov_test_app_type (HUMAN_DELAY, "jansen");
  g_usleep (1500 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("Return", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page add-ons shown", 0, TIMEOUT_MS));
  prov_test_app_keys ("alt+n", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page extension shown", 0, TIMEOUT_MS));
  prov_test_app_press_button ("alt+u");
  prov_test_app_type (HUMAN_DELAY, "Piet Jansen");
  prov_test_app_keys ("Tab", NULL);
  prov_test_app_type (HUMAN_DELAY, "1234");
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
  prov_test_app_type (HUMAN_DELAY, "030");
  prov_test_app_keys ("Return", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page confirm shown", 0, TIMEOUT_MS));
  prov_test_app_keys ("alt+o", NULL);

  at_carrier = sandbox_find_order (&sandbox, uuid);
  g_assert_nonnull (at_carrier);
  g_assert_cmpstr (sandbox_order_characteristic (at_carrier, "extension.name"), ==, "Piet Jansen");
  g_assert_cmpstr (sandbox_order_characteristic (at_carrier, "extension.pin"), ==, "1234");
  g_assert_cmpstr (sandbox_order_characteristic (at_carrier, "extension.area-code"), ==, "030");

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
  g_autofree char *placed = NULL;
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;

  if (!prov_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  sandbox_start (&sandbox, "--state-delay=3000", NULL);
  app = prov_test_app_spawn_synced (sandbox.root, &window);

  prov_test_app_keys ("ctrl+1", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page stocktaking shown", 0, TIMEOUT_MS));
  g_assert_true (prov_test_app_focus_assistant (app, "Stocktaking", TIMEOUT_MS));
  uuid = prov_test_app_dup_logged_uuid (app, "opened on page");
  prov_test_app_type (HUMAN_DELAY, "peeters");
  g_usleep (1500 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("Return", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page subscription shown", 0, TIMEOUT_MS));
  prov_test_app_keys ("alt+n", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page add-ons shown", 0, TIMEOUT_MS));
  prov_test_app_keys ("alt+n", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page user shown", 0, TIMEOUT_MS));
  prov_test_app_type (HUMAN_DELAY, "Tom");
  prov_test_app_keys ("Tab", "Tab", NULL);
  prov_test_app_type (HUMAN_DELAY, "Peeters");
  prov_test_app_keys ("Tab", NULL);
  prov_test_app_type (HUMAN_DELAY, "tom@peeters.example");
  prov_test_app_keys ("alt+n", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page sim shown", 0, TIMEOUT_MS));

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
  prov_test_app_type (HUMAN_DELAY, "5150");
  prov_test_app_keys ("Tab", NULL);
  prov_test_app_type (HUMAN_DELAY, "03");
  prov_test_app_keys ("Return", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page confirm shown", 0, TIMEOUT_MS));
  prov_test_app_keys ("alt+o", NULL);

  placed = g_strdup_printf ("Order %s placed as awaiting-sim", uuid);
  g_assert_true (prov_test_app_wait_for_log (app, placed, TIMEOUT_MS));

  /* Not sent while it waits for its SIM. */
  prov_test_app_keys ("F5", NULL);
  g_usleep (2000 * G_TIME_SPAN_MILLISECOND);
  url = g_strconcat (sandbox.base, "productOrder?externalId=", uuid, NULL);
  message = soup_message_new ("GET", url);
  body = soup_session_send_and_read (sandbox.session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (message), "X-Total-Count"), ==, "0");

  /* Its overview: scan the SIM, connect and send. */
  prov_test_app_activate_action ("show-order", uuid);
  g_usleep (1500 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_type (SCANNER_DELAY, "89314404000132922221\n");
  g_usleep (500 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_screenshot ("connect-sim");
  prov_test_app_keys ("alt+c", NULL);

  at_carrier = sandbox_find_order (&sandbox, uuid);
  g_assert_nonnull (at_carrier);
  g_assert_cmpstr (sandbox_order_characteristic (at_carrier, "ICCID"), ==, "89314404000132922221");

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
