/* Flow 5 from the keyboard, as at the counter: a request started from a
 * line of the enterprise customer in Customers, its question answered,
 * placed to wait for a manager. With PROV_SCREENSHOT_DIR set, each page is
 * photographed for the README. */
#include <string.h>

#include "prov-test-app.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"

#define TIMEOUT_MS 30000
#define ENTERPRISE "Van Leeuwen Logistiek B.V."
#define ENTERPRISE_ID "c0ffee00-0000-4000-8000-000000000007"
/* Line 3 of the sandbox's demo enterprise customer. */
#define LINE_1_NUMBER "+31620031001"
#define LINE_3_NUMBER "+31620031003"
#define LINE_4_NUMBER "+31620031004"
#define LINE_5_NUMBER "+31620031005"
#define LINE_7_NUMBER "+31620031007"

static guint
count_log (ProvTestApp *app,
           const char  *needle)
{
  g_auto(GStrv) lines = prov_test_app_dup_log_lines (app, needle);

  return g_strv_length (lines);
}

/* The enterprise customer open in Customers, its lines read; from the
 * orders, as after signing in, where Customers shows what it showed. */
static void
open_enterprise_customer (ProvTestApp *app)
{
  guint searched = count_log (app, "Customer search “Leeuwen”: 1 found");
  guint shown = count_log (app, "Customer " ENTERPRISE " shows 9 lines");
  guint customers = count_log (app, "Main window shows customers");

  prov_test_app_keys ("alt+o", NULL);
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("alt+u", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Main window shows customers", customers, TIMEOUT_MS));
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("ctrl+a", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "Leeuwen");
  g_assert_true (prov_test_app_wait_for_log_count (app, "Customer search “Leeuwen”: 1 found", searched, TIMEOUT_MS));
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("Return", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Customer " ENTERPRISE " shows 9 lines", shown, TIMEOUT_MS));
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
}

/* A line's menu opened from the keyboard, @mnemonic taken from it: the
 * request's assistant opens on its page. The new order's uuid. */
static char *
start_line_request (ProvTestApp *app,
                    const char  *number,
                    const char  *mnemonic,
                    const char  *request_id)
{
  g_autofree char *line_menu = g_strdup_printf ("'Requests for %s'", number);
  g_autofree char *logged = g_strdup_printf ("Request %s on line", request_id);
  guint opened = count_log (app, "Assistant for order");
  guint shown = count_log (app, "Assistant page request shown");

  g_assert_true (prov_test_app_tab_to (app, line_menu, 30));
  prov_test_app_keys ("Return", NULL);
  g_usleep (400 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys (mnemonic, NULL);
  g_assert_true (prov_test_app_wait_for_log (app, logged, TIMEOUT_MS));
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant for order", opened, TIMEOUT_MS));
  prov_test_app_expect_page (app, "request", shown, NULL);
  return prov_test_app_dup_logged_uuid (app, "Assistant for order");
}

/* From the request's page: Confirm, then Place Request; waits until the
 * request @uuid is placed to wait for approval. */
static void
place_request (ProvTestApp *app,
               const char  *uuid)
{
  g_autofree char *placed = g_strdup_printf ("Order %s placed as awaiting-approval", uuid);
  guint before = count_log (app, placed);

  prov_test_app_next_page (app, "alt+n", "confirm");
  prov_test_app_keys ("alt+r", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, placed, before, TIMEOUT_MS));
}

/* The sandbox and the app on it, signed in as the clerk, the enterprise
 * customer open in Customers. */
static ProvTestApp *
start_at_enterprise (Sandbox  *sandbox,
                     char    **window)
{
  ProvTestApp *app;

  sandbox_start (sandbox, "--state-delay=500", NULL);
  app = prov_test_app_spawn_synced (sandbox->root, window);
  open_enterprise_customer (app);

  return app;
}

/* The order window of @uuid, from the approvals queue's action. */
static void
show_order (ProvTestApp *app,
            const char  *uuid)
{
  g_autofree char *shown = g_strdup_printf ("Order window shows order %s", uuid);
  guint before = count_log (app, shown);

  prov_test_app_activate_action ("show-order", uuid);
  g_assert_true (prov_test_app_wait_for_log_count (app, shown, before, TIMEOUT_MS));
  g_usleep (1000 * G_TIME_SPAN_MILLISECOND);
}

/* @needle in `order show @uuid` within a few seconds. */
static gboolean
order_shows (ProvTestApp *app,
             const char  *uuid,
             const char  *needle)
{
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *shown = prov_test_app_run_cli (app, "order", "show", uuid);

      if (strstr (shown, needle) != NULL)
        return TRUE;
      if (i == 49)
        g_test_message ("%s", shown);
      g_usleep (200 * G_TIME_SPAN_MILLISECOND);
    }

  return FALSE;
}

/* The customer's contact told at @count milestones, each e-mail once at
 * the carrier; the sender is woken (F5) until they are there. */
static void
assert_emails_sent_once (ProvTestApp *app,
                         Sandbox     *sandbox,
                         guint        count)
{
  g_autoptr(GHashTable) sent = NULL;
  GHashTableIter iter;
  gpointer times;

  for (guint i = 0; i < 20; i++)
    {
      g_clear_pointer (&sent, g_hash_table_unref);
      sent = sandbox_count_by_reference (sandbox, "messages");
      if (g_hash_table_size (sent) >= count)
        break;
      prov_test_app_keys ("F5", NULL);
      g_usleep (1500 * G_TIME_SPAN_MILLISECOND);
    }

  g_assert_cmpuint (g_hash_table_size (sent), ==, count);
  g_hash_table_iter_init (&iter, sent);
  while (g_hash_table_iter_next (&iter, NULL, &times))
    g_assert_cmpuint (GPOINTER_TO_UINT (times), ==, 1);
}

/* A clerk suspends a stolen phone's line; a manager allows the approval
 * through the override; the carrier suspends the line. */
static void
test_suspend_approved_through_the_override (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autofree char *window = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *completed = NULL;
  g_autofree char *line = NULL;
  guint lines_shown;

  if (!prov_test_have_display ())
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }

  app = start_at_enterprise (&sandbox, &window);
  prov_test_app_screenshot ("line-requests-customer");

  uuid = start_line_request (app, LINE_3_NUMBER, "u", "suspend");
  /* Why: stolen. */
  prov_test_app_choose ("alt+r", 1);
  prov_test_app_screenshot ("line-request-suspend");
  place_request (app, uuid);
  g_assert_true (prov_test_app_wait_for_log (app, "Requests awaiting approval: 1", TIMEOUT_MS));

  /* The approvals queue, then the request's window. */
  prov_test_app_focus_window (window, TIMEOUT_MS);
  prov_test_app_keys ("alt+a", NULL);
  g_usleep (600 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_screenshot ("approvals-queue");
  show_order (app, uuid);
  line = g_strdup_printf ("Request %s: Progress: Placed, Awaiting Approval", uuid);
  g_assert_true (prov_test_app_wait_for_log (app, line, TIMEOUT_MS));
  g_clear_pointer (&line, g_free);
  prov_test_app_screenshot ("line-request-awaiting-approval");

  /* The clerk approves; a manager allows it. */
  lines_shown = count_log (app, "Customer " ENTERPRISE " shows 9 lines");
  prov_test_app_press_button ("alt+p");
  g_assert_true (prov_test_app_wait_for_log (app, "Manager override asked for " PROV_TEST_CLERK, TIMEOUT_MS));
  g_assert_true (prov_test_app_focus_assistant (app, "Manager Override", TIMEOUT_MS));
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, PROV_TEST_MANAGER_PIN);
  prov_test_app_keys ("Return", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, "Request decided: queued", TIMEOUT_MS));
  g_assert_true (order_shows (app, uuid, PROV_TEST_CLERK ", allowed by " PROV_TEST_MANAGER));
  /* Sent and completed by the carrier. */
  completed = g_strdup_printf ("Lines of order %s (completed)", uuid);
  prov_test_app_focus_window (window, TIMEOUT_MS);
  g_assert_true (prov_test_app_sync_until_log (app, completed, 30, 1500));
  g_assert_true (order_shows (app, uuid, "Completed"));
  /* The till read the customer's lines again, on its own, and Customers
   * shows them so without being opened again. */
  g_assert_true (prov_test_app_wait_for_log (app, "The lines of customer " ENTERPRISE_ID " were read from the carrier "
                                             "after a request", TIMEOUT_MS));
  g_assert_true (prov_test_app_wait_for_log_count (app, "Customer " ENTERPRISE " shows 9 lines", lines_shown, TIMEOUT_MS));
  assert_emails_sent_once (app, &sandbox, 3);
  show_order (app, uuid);
  line = g_strdup_printf ("Request %s: Progress: Completed, Completed", uuid);
  g_assert_true (prov_test_app_wait_for_log (app, line, TIMEOUT_MS));
  g_usleep (500 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_screenshot ("line-request-completed");
  g_assert_true (prov_test_app_wait_for_log (app, "Requests awaiting approval: 0", TIMEOUT_MS));

  prov_test_app_terminate (app);
  sandbox_remove (&sandbox);
}

/* A manager cannot approve their own request; they send another back with
 * a question, which its requester answers by placing it again, and decline
 * a third. */
static void
test_own_request_ask_and_decline (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autofree char *window = NULL;
  g_autofree char *employee = NULL;
  g_autofree char *disconnect = NULL;
  g_autofree char *own = NULL;
  guint shown;

  if (!prov_test_have_display ())
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }

  app = start_at_enterprise (&sandbox, &window);

  /* The clerk: line 4 to another employee, line 5 disconnected. */
  employee = start_line_request (app, LINE_4_NUMBER, "e", "assign-employee");
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "Noah Visser");
  prov_test_app_screenshot ("line-request-assign-employee");
  place_request (app, employee);

  prov_test_app_focus_window (window, TIMEOUT_MS);
  disconnect = start_line_request (app, LINE_5_NUMBER, "c", "disconnect");
  /* The early-termination warning, read to the customer. */
  prov_test_app_keys ("space", NULL);
  prov_test_app_screenshot ("line-request-disconnect");
  place_request (app, disconnect);

  /* The manager's turn: their own request first. */
  prov_test_app_activate_action ("sign-out", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, "Till locked (sign-out); " PROV_TEST_CLERK " signed out", TIMEOUT_MS));
  g_assert_true (prov_test_app_sign_in (app, PROV_TEST_MANAGER, PROV_TEST_MANAGER_PIN, 1));
  open_enterprise_customer (app);
  own = start_line_request (app, LINE_7_NUMBER, "s", "stipend-enrol");
  place_request (app, own);
  show_order (app, own);
  prov_test_app_press_button ("alt+p");
  g_assert_true (prov_test_app_wait_for_log (app, "Approval refused: " PROV_TEST_MANAGER " placed this request", TIMEOUT_MS));
  g_usleep (500 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_screenshot ("line-request-own-refused");
  prov_test_app_keys ("Escape", NULL);

  /* Asked: back to the clerk with a question. */
  show_order (app, employee);
  prov_test_app_press_button ("alt+k");
  g_usleep (600 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "From which day?");
  prov_test_app_screenshot ("line-request-ask");
  prov_test_app_keys ("Return", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, "Request decided: info-requested", TIMEOUT_MS));
  g_assert_true (order_shows (app, employee, "From which day?"));

  /* Declined, with its reason. */
  show_order (app, disconnect);
  prov_test_app_press_button ("alt+d");
  g_usleep (600 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "The line stays until the contract ends");
  prov_test_app_keys ("Return", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, "Request decided: declined", TIMEOUT_MS));
  g_assert_true (order_shows (app, disconnect, "The line stays until the contract ends"));

  /* The clerk answers by changing the request and placing it again. */
  prov_test_app_activate_action ("sign-out", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, "Till locked (sign-out); " PROV_TEST_MANAGER " signed out", TIMEOUT_MS));
  g_assert_true (prov_test_app_sign_in (app, PROV_TEST_CLERK, PROV_TEST_CLERK_PIN, 2));
  show_order (app, employee);
  shown = count_log (app, "Assistant page request shown");
  prov_test_app_press_button ("alt+e");
  prov_test_app_expect_page (app, "request", shown, NULL);
  prov_test_app_keys ("ctrl+a", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "Noah Visser from 1 January");
  place_request (app, employee);
  g_assert_true (order_shows (app, employee, "Noah Visser from 1 January"));

  prov_test_app_terminate (app);
  sandbox_remove (&sandbox);
}

/* A new accessory for a line's phone, from the catalog: placed by the
 * clerk, approved by the manager signed in, made by the carrier. */
static void
test_accessory_for_a_line (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autofree char *window = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *line = NULL;

  if (!prov_test_have_display ())
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }

  app = start_at_enterprise (&sandbox, &window);

  uuid = start_line_request (app, LINE_1_NUMBER, "a", "accessory");
  /* The second accessory of the catalog. */
  prov_test_app_choose ("alt+a", 1);
  prov_test_app_screenshot ("line-request-accessory");
  place_request (app, uuid);
  g_assert_true (order_shows (app, uuid, "Accessory"));

  prov_test_app_activate_action ("sign-out", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, "Till locked (sign-out); " PROV_TEST_CLERK " signed out", TIMEOUT_MS));
  g_assert_true (prov_test_app_sign_in (app, PROV_TEST_MANAGER, PROV_TEST_MANAGER_PIN, 1));
  show_order (app, uuid);
  prov_test_app_press_button ("alt+p");
  g_assert_true (prov_test_app_wait_for_log (app, "Request decided: queued", TIMEOUT_MS));
  g_assert_true (order_shows (app, uuid, "Marit de Vries  Queued"));

  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("Lines of order %s (completed)", uuid);
  prov_test_app_focus_window (window, TIMEOUT_MS);
  g_assert_true (prov_test_app_sync_until_log (app, line, 30, 1500));
  g_assert_true (prov_test_app_wait_for_log (app, "The lines of customer " ENTERPRISE_ID " were read from the carrier "
                                             "after a request", TIMEOUT_MS));
  /* Placed, approved, done. */
  assert_emails_sent_once (app, &sandbox, 3);

  prov_test_app_terminate (app);
  sandbox_remove (&sandbox);
}

/* A new SIM for a line, picked from stock by its last four digits as on
 * the SIM page, and placed. */
static void
test_new_sim_from_stock (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autofree char *window = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *picked = NULL;
  g_autofree char *iccid = prov_test_make_iccid (4321);
  g_autofree char *csv = g_strdup_printf ("iccid,kind,model\n%s,sim,Nano\n", iccid);
  g_autofree char *path = NULL;
  g_autofree char *printed = NULL;

  if (!prov_test_have_display ())
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }

  app = start_at_enterprise (&sandbox, &window);
  path = prov_test_app_write_file (app, "sims.csv", csv);
  printed = prov_test_app_run_cli (app, "stock", "import", path);

  uuid = start_line_request (app, LINE_1_NUMBER, "i", "new-sim");
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, iccid + strlen (iccid) - 4);
  picked = g_strdup_printf ("Request picks %s from stock by %s", iccid, iccid + strlen (iccid) - 4);
  g_assert_true (prov_test_app_wait_for_log (app, picked, TIMEOUT_MS));
  g_usleep (400 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_screenshot ("line-request-new-sim");
  place_request (app, uuid);
  g_assert_true (order_shows (app, uuid, iccid));

  prov_test_app_terminate (app);
  sandbox_remove (&sandbox);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The core's messages too: what the sender does after a request. */
  g_setenv ("PROV_TEST_APP_DEBUG", "Provisioner Provisioner-core", TRUE);

  g_test_add_func ("/ui/line-requests/suspend-approved-through-the-override", test_suspend_approved_through_the_override);
  g_test_add_func ("/ui/line-requests/own-request-ask-and-decline", test_own_request_ask_and_decline);
  g_test_add_func ("/ui/line-requests/accessory-for-a-line", test_accessory_for_a_line);
  g_test_add_func ("/ui/line-requests/new-sim-from-stock", test_new_sim_from_stock);

  return g_test_run ();
}
