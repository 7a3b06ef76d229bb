/* The app keeps the counter in step with the carrier by itself: a queued
 * order is sent at start, followed to completed, announced with a
 * notification, and its timeline shows every step. The sync indicator
 * says the carrier can be reached. */
#include <string.h>

#include "prov-test-app.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"

#define TIMEOUT_MS 30000

static char *
queue_order (ProvTestApp *app)
{
  g_autofree char *path = prov_test_app_dup_database_path (app);
  g_autoptr(ProvStore) store = prov_test_open_store (path, NULL);
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  char *uuid;

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Sanne Visser");
  prov_order_set_field (order, PROV_ORDER_FIELD_SIM_ICCID, "89314404000132922221");
  conflicts = prov_test_save (store, order, &error);
  g_assert_no_error (error);
  g_assert_true (prov_test_transition (store, order, PROV_ORDER_STATE_READY, &error));
  g_assert_true (prov_test_transition (store, order, PROV_ORDER_STATE_QUEUED, &error));
  uuid = g_strdup (prov_order_get_uuid (order));
  prov_test_close_store (g_steal_pointer (&store));

  return uuid;
}

/* Polls the accessible names until one contains every needle. */
static gboolean
wait_for_names (ProvTestApp        *app,
                const char * const *needles)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) names = prov_test_app_dup_accessible_names (app, &error);
      g_autofree char *all = NULL;
      gboolean found = TRUE;

      g_assert_no_error (error);
      all = g_strjoinv ("\n", names);
      for (guint i = 0; needles[i] != NULL; i++)
        found = found && strstr (all, needles[i]) != NULL;
      if (found)
        return TRUE;

      g_usleep (300 * G_TIME_SPAN_MILLISECOND);
    }

  return FALSE;
}

static guint
count_at_carrier (Sandbox    *sandbox,
                  const char *external_id)
{
  g_autofree char *uri = g_strconcat (sandbox->base, "productOrder?externalId=", external_id, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *total;

  body = soup_session_send_and_read (sandbox->session, message, NULL, &error);
  g_assert_no_error (error);
  total = soup_message_headers_get_one (soup_message_get_response_headers (message), "X-Total-Count");
  g_assert_nonnull (total);

  return (guint) g_ascii_strtoull (total, NULL, 10);
}

static void
test_queued_order_followed_to_completed (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *notified = NULL;
  g_autofree char *window = NULL;
  gboolean completed = FALSE;

  if (!prov_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  sandbox_start (&sandbox, "--acknowledged-delay=300", "--in-progress-delay=300", NULL);

  app = prov_test_app_new (&error);
  g_assert_no_error (error);
  prov_test_app_set_carrier (app, sandbox.root);
  uuid = queue_order (app);
  g_assert_true (prov_test_app_start (app, &error));
  g_assert_no_error (error);

  notified = g_strdup_printf ("Notification for order %s: The carrier completed the order for Sanne Visser.", uuid);
  /* The app sends at start; the clerk presses Sync Now (F5) to hear back
   * sooner than the next scheduled poll. */
  g_assert_true (prov_test_app_wait_for_log (app, "Main window drew its first frame", TIMEOUT_MS));
  for (guint i = 0; i < 15 && !completed; i++)
    {
      completed = prov_test_app_wait_for_log (app, notified, 2000);
      if (!completed)
        prov_test_app_activate_action ("sync-now", NULL);
    }
  g_assert_true (completed);
  g_assert_cmpuint (count_at_carrier (&sandbox, uuid), ==, 1);

  g_assert_true (wait_for_names (app, (const char *[]) { "Carrier connection: Online. No orders waiting", NULL }));

  /* What clicking the notification does: open the order. */
  prov_test_app_activate_action ("show-order", uuid);

  g_assert_true (wait_for_names (app, (const char *[]) {
    "Queued → Acknowledged", "Received by the carrier", "→ Completed", NULL
  }));

  window = prov_test_app_find_window (app, "Order", 5000);
  g_assert_nonnull (window);

  prov_test_app_terminate (app);
  sandbox_remove (&sandbox);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/sync/queued-order-followed-to-completed", test_queued_order_followed_to_completed);

  return g_test_run ();
}
