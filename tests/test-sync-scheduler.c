/* The app's sync loop against the sandbox: it sends and follows orders by
 * itself, stops while the network monitor says the carrier cannot be
 * reached and resumes when it can, and keeps the catalog and reserved
 * numbers for offline use. */
#include "prov-sync-scheduler.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"

/* A network monitor the test switches on and off. */
#define TEST_TYPE_MONITOR (test_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TestMonitor, test_monitor, TEST, MONITOR, GObject)

struct _TestMonitor
{
  GObject  parent_instance;
  gboolean available;
};

static void test_monitor_iface_init (GNetworkMonitorInterface *iface);
static void test_monitor_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestMonitor, test_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, test_monitor_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, test_monitor_iface_init))

enum { PROP_0, PROP_AVAILABLE, PROP_METERED, PROP_CONNECTIVITY };

static void
test_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TestMonitor *self = TEST_MONITOR (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case PROP_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    }
}

static gboolean
test_monitor_can_reach (GNetworkMonitor     *monitor,
                        GSocketConnectable  *connectable,
                        GCancellable        *cancellable,
                        GError             **error)
{
  if (TEST_MONITOR (monitor)->available)
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE, "The test pulled the cable");
  return FALSE;
}

static void
test_monitor_can_reach_async (GNetworkMonitor     *monitor,
                              GSocketConnectable  *connectable,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (monitor, cancellable, callback, user_data);
  GError *error = NULL;

  if (test_monitor_can_reach (monitor, connectable, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
test_monitor_can_reach_finish (GNetworkMonitor  *monitor,
                               GAsyncResult     *result,
                               GError          **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
test_monitor_initable_init (GInitable     *initable,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return TRUE;
}

static void
test_monitor_initable_iface_init (GInitableIface *iface)
{
  iface->init = test_monitor_initable_init;
}

static void
test_monitor_iface_init (GNetworkMonitorInterface *iface)
{
  iface->can_reach = test_monitor_can_reach;
  iface->can_reach_async = test_monitor_can_reach_async;
  iface->can_reach_finish = test_monitor_can_reach_finish;
}

static void
test_monitor_class_init (TestMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_monitor_get_property;
  g_object_class_override_property (object_class, PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, PROP_CONNECTIVITY, "connectivity");
}

static void
test_monitor_init (TestMonitor *self)
{
}

static void
set_available (TestMonitor *monitor,
               gboolean     available)
{
  monitor->available = available;
  g_signal_emit_by_name (monitor, "network-changed", available);
}

/* ------------------------------------------------------------------------ */

static ProvOrder *
queue_order (ProvStore  *store,
             const char *customer)
{
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, customer);
  conflicts = prov_test_save (store, order, &error);
  g_assert_no_error (error);
  g_assert_true (prov_test_transition (store, order, PROV_ORDER_STATE_READY, &error));
  g_assert_true (prov_test_transition (store, order, PROV_ORDER_STATE_QUEUED, &error));

  return g_steal_pointer (&order);
}

typedef struct {
  GHashTable *last_state;   /* uuid → state the scheduler reported */
} Seen;

static void
on_order_changed (ProvSyncScheduler *scheduler,
                  ProvOrder         *order,
                  Seen              *seen)
{
  g_hash_table_insert (seen->last_state, g_strdup (prov_order_get_uuid (order)),
                       GUINT_TO_POINTER (prov_order_get_state (order)));
}

static gboolean
on_deadline (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the condition holds or seconds have passed. */
#define RUN_UNTIL(condition, seconds) \
  G_STMT_START { \
    gboolean expired_ = FALSE; \
    guint deadline_ = g_timeout_add_seconds (seconds, on_deadline, &expired_); \
    while (!(condition) && !expired_) \
      g_main_context_iteration (NULL, TRUE); \
    if (!expired_) \
      g_source_remove (deadline_); \
  } G_STMT_END

static void
wait_ms (guint ms)
{
  gboolean expired = FALSE;

  g_timeout_add (ms, on_deadline, &expired);
  while (!expired)
    g_main_context_iteration (NULL, TRUE);
}

static guint
state_of (Seen      *seen,
          ProvOrder *order)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (seen->last_state, prov_order_get_uuid (order)));
}

static void
test_pauses_offline_and_resumes (void)
{
  Sandbox sandbox = { 0 };
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "orders.db", NULL);
  g_autoptr(ProvStore) store = prov_test_open_store (path, NULL);
  g_autoptr(TestMonitor) monitor = g_object_new (TEST_TYPE_MONITOR, NULL);
  g_autoptr(ProvSyncScheduler) scheduler = NULL;
  g_autoptr(ProvOrder) first = NULL;
  g_autoptr(ProvOrder) second = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) numbers = NULL;
  Seen seen = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };

  sandbox_start (&sandbox, "--acknowledged-delay=200", "--in-progress-delay=300", NULL);

  scheduler = prov_sync_scheduler_new (store, G_NETWORK_MONITOR (monitor));
  prov_sync_scheduler_set_interval (scheduler, 1);
  g_signal_connect (scheduler, "order-changed", G_CALLBACK (on_order_changed), &seen);

  /* Offline: the order waits in the outbox, nothing reaches the carrier. */
  prov_sync_scheduler_set_carrier (scheduler, "sandbox", sandbox.root, NULL, "D-1001");
  first = queue_order (store, "Offline Customer");
  prov_sync_scheduler_sync_now (scheduler);
  wait_ms (1500);
  g_assert_false (prov_sync_scheduler_get_online (scheduler));
  g_assert_cmpuint (prov_sync_scheduler_get_queued (scheduler), ==, 1);
  g_assert_cmpuint (state_of (&seen, first), ==, 0);
  g_assert_cmpint (prov_sync_scheduler_get_last_sync (scheduler), ==, 0);

  /* The network comes back: the scheduler resumes without being asked,
   * and follows the order to completed. */
  set_available (monitor, TRUE);
  RUN_UNTIL (state_of (&seen, first) == PROV_ORDER_STATE_COMPLETED, 20);
  g_assert_cmpuint (state_of (&seen, first), ==, PROV_ORDER_STATE_COMPLETED);
  g_assert_true (prov_sync_scheduler_get_online (scheduler));
  RUN_UNTIL (prov_sync_scheduler_get_queued (scheduler) == 0, 5);
  g_assert_cmpuint (prov_sync_scheduler_get_queued (scheduler), ==, 0);
  g_assert_cmpint (prov_sync_scheduler_get_last_sync (scheduler), >, 0);

  /* Reference data for offline use came along. */
  RUN_UNTIL (prov_sync_scheduler_get_catalog (scheduler) != NULL, 5);
  g_assert_nonnull (prov_sync_scheduler_get_catalog (scheduler));
  g_assert_cmpuint (prov_catalog_get_n_offerings (prov_sync_scheduler_get_catalog (scheduler)), >, 20);
  wait_ms (500);
  prov_store_list_free_numbers_async (store, NULL, NULL, prov_test_store_result, &result);
  numbers = prov_store_list_free_numbers_finish (store, prov_test_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (numbers), >=, 5);

  /* Offline again: a new order stays queued until the cable is back. */
  set_available (monitor, FALSE);
  second = queue_order (store, "Second Customer");
  prov_sync_scheduler_sync_now (scheduler);
  wait_ms (1500);
  g_assert_false (prov_sync_scheduler_get_online (scheduler));
  g_assert_cmpuint (state_of (&seen, second), ==, 0);

  set_available (monitor, TRUE);
  RUN_UNTIL (state_of (&seen, second) == PROV_ORDER_STATE_COMPLETED, 20);
  g_assert_cmpuint (state_of (&seen, second), ==, PROV_ORDER_STATE_COMPLETED);

  g_clear_object (&scheduler);
  g_hash_table_unref (seen.last_state);
  prov_test_close_store (g_steal_pointer (&store));
  prov_test_remove_tree (dir);
  sandbox_remove (&sandbox);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-scheduler/pauses-offline-and-resumes", test_pauses_offline_and_resumes);

  return g_test_run ();
}
