/* Staff at the till, from the keyboard: a clerk cancels a placed order
 * and a manager's PIN allows it, the timeline naming both; the till locks
 * on Ctrl+L and after its idle minutes, and the clerk signs in again. */
#include <string.h>

#include "prov-test-app.h"
#include "prov-test-util.h"

#define TIMEOUT_MS 30000

/* An order placed without its SIM: it waits for it, and may be cancelled. */
static char *
order_awaiting_sim (ProvTestApp *app)
{
  g_autofree char *path = prov_test_app_dup_database_path (app);
  g_autoptr(ProvStore) store = prov_test_open_store (path, NULL);
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, PROV_TEST_CLERK);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  char *uuid;

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Sanne Visser");
  conflicts = prov_test_save (store, order, &error);
  g_assert_no_error (error);
  g_assert_true (prov_test_transition (store, order, PROV_ORDER_STATE_READY, &error));
  g_assert_true (prov_test_transition (store, order, PROV_ORDER_STATE_AWAITING_SIM, &error));
  uuid = g_strdup (prov_order_get_uuid (order));
  prov_test_close_store (g_steal_pointer (&store));

  return uuid;
}

static void
test_override_cancels (void)
{
  g_autoptr(ProvTestApp) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *cancelled = NULL;
  g_autofree char *shown_line = NULL;

  if (!prov_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  app = prov_test_app_new (&error);
  g_assert_no_error (error);
  uuid = order_awaiting_sim (app);
  g_assert_true (prov_test_app_start (app, &error));
  g_assert_no_error (error);

  shown_line = g_strdup_printf ("Order window shows order %s", uuid);
  prov_test_app_activate_action ("show-order", uuid);
  g_assert_true (prov_test_app_wait_for_log (app, shown_line, TIMEOUT_MS));
  g_usleep (1000 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_press_button ("alt+a");
  /* Cancel This Order? Its own Cancel Order, then the override. */
  g_usleep (1000 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_press_button ("alt+a");
  g_assert_true (prov_test_app_wait_for_log (app, "Manager override asked for " PROV_TEST_CLERK, TIMEOUT_MS));
  g_assert_true (prov_test_app_focus_assistant (app, "Manager Override", TIMEOUT_MS));
  prov_test_app_screenshot ("manager-override");
  /* A wrong PIN counts against the manager and allows nothing. */
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, "111111");
  prov_test_app_keys ("Return", NULL);
  g_usleep (1500 * G_TIME_SPAN_MILLISECOND);
  g_assert_false (prov_test_app_wait_for_log (app, "Manager override: ", 500));
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, PROV_TEST_MANAGER_PIN);
  prov_test_app_keys ("Return", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, "Manager override: " PROV_TEST_MANAGER " allowed " PROV_TEST_CLERK,
                                             TIMEOUT_MS));
  cancelled = g_strdup_printf ("Order %s cancelled by " PROV_TEST_CLERK ", allowed by " PROV_TEST_MANAGER, uuid);
  g_assert_true (prov_test_app_wait_for_log (app, cancelled, TIMEOUT_MS));

  /* The timeline names both. */
  for (guint i = 0; i < 50; i++)
    {
      g_clear_pointer (&shown, g_free);
      shown = prov_test_app_run_cli (app, "order", "show", uuid);
      if (strstr (shown, PROV_TEST_CLERK ", allowed by " PROV_TEST_MANAGER) != NULL)
        break;
      g_usleep (200 * G_TIME_SPAN_MILLISECOND);
    }
  g_test_message ("%s", shown);
  g_assert_nonnull (strstr (shown, PROV_TEST_CLERK ", allowed by " PROV_TEST_MANAGER "  Cancelled"));

  prov_test_app_terminate (app);
}

/* Ctrl+L locks at once; a minute without a key locks too. Each time the
 * orders go and the sign-in comes back. */
static void
test_locks (void)
{
  g_autoptr(ProvTestApp) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *window = NULL;

  if (!prov_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  app = prov_test_app_new (&error);
  g_assert_no_error (error);
  prov_test_app_set_setting (app, "lock-after-minutes", "1");
  g_assert_true (prov_test_app_start (app, &error));
  g_assert_no_error (error);
  prov_test_app_screenshot ("signed-in");

  window = prov_test_app_find_window (app, "Provisioner", TIMEOUT_MS);
  g_assert_true (prov_test_app_focus_window (window, TIMEOUT_MS));
  prov_test_app_keys ("ctrl+l", NULL);
  g_assert_true (prov_test_app_wait_for_log (app, "Till locked (sign-out); " PROV_TEST_CLERK " signed out", TIMEOUT_MS));
  g_assert_true (prov_test_app_sign_in (app, PROV_TEST_CLERK, PROV_TEST_CLERK_PIN, 1));

  /* Untouched for the minute set. */
  g_assert_true (prov_test_app_wait_for_log (app, "Till locked (idle)", 120000));
  g_assert_true (prov_test_app_wait_for_log_count (app, "Sign-in shown", 2, TIMEOUT_MS));
  g_usleep (700 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_screenshot ("sign-in");
  g_assert_true (prov_test_app_sign_in (app, PROV_TEST_CLERK, PROV_TEST_CLERK_PIN, 2));

  prov_test_app_terminate (app);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/staff/override-cancels", test_override_cancels);
  g_test_add_func ("/ui/staff/locks", test_locks);

  return g_test_run ();
}
