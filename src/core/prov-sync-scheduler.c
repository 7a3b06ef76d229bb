#include <glib/gi18n-lib.h>

#include "prov-carrier-client.h"
#include "prov-sync-scheduler.h"
#include "prov-sync.h"

/*
 * One pass: send what is due, poll the orders at the carrier, refresh the
 * catalog when it is a day old and top up the reserved numbers, then count
 * what is still queued. Passes run one at a time, every interval and
 * whenever asked; none runs while the carrier cannot be reached, and the
 * first one starts as soon as it can (GNetworkMonitor).
 */

#define DEFAULT_INTERVAL_S 30
#define CATALOG_MAX_AGE_US (24 * G_TIME_SPAN_HOUR)
#define MIN_FREE_NUMBERS 5
#define NUMBERS_PER_RESERVATION 10

struct _ProvSyncScheduler
{
  GObject            parent_instance;

  ProvStore         *store;
  GNetworkMonitor   *monitor;
  ProvCarrierClient *client;
  ProvSync          *sync;
  ProvCatalog       *catalog;
  char              *profile_id;
  char              *base_url;
  char              *dealer_code;
  GCancellable      *cancellable;

  guint              interval_s;
  guint              timeout_id;
  gboolean           online;
  gboolean           syncing;
  gboolean           again;       /* asked for while a pass was running */
  guint              queued;
  gint64             last_sync;
  char              *last_problem;
};

G_DEFINE_FINAL_TYPE (ProvSyncScheduler, prov_sync_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ONLINE,
  PROP_SYNCING,
  PROP_QUEUED,
  PROP_LAST_SYNC,
  PROP_LAST_PROBLEM,
  PROP_CATALOG,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum { ORDER_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void start_pass (ProvSyncScheduler *self);

static void
set_problem (ProvSyncScheduler *self,
             const char        *problem)
{
  if (g_strcmp0 (self->last_problem, problem) == 0)
    return;

  g_free (self->last_problem);
  self->last_problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_PROBLEM]);
}

static void
set_syncing (ProvSyncScheduler *self,
             gboolean           syncing)
{
  if (self->syncing == syncing)
    return;

  self->syncing = syncing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);
}

static gboolean
on_timeout (gpointer user_data)
{
  ProvSyncScheduler *self = user_data;

  self->timeout_id = 0;
  start_pass (self);

  return G_SOURCE_REMOVE;
}

static void
schedule (ProvSyncScheduler *self,
          gint64             next_due)
{
  gint64 wait_us = (gint64) self->interval_s * G_USEC_PER_SEC;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!self->online || self->sync == NULL)
    return;

  if (next_due > 0)
    wait_us = CLAMP (next_due - g_get_real_time (), 100 * 1000, wait_us);

  self->timeout_id = g_timeout_add ((guint) (wait_us / 1000), on_timeout, self);
}

/* ---- counting what waits ------------------------------------------------ */

static void
on_queued_counted (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ProvSyncScheduler) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 count = prov_store_count_orders_finish (PROV_STORE (source), result, &error);

  if (count < 0)
    return;

  if (self->queued != (guint) count)
    {
      self->queued = (guint) count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUEUED]);
    }
}

static void
count_queued (ProvSyncScheduler *self)
{
  g_autoptr(ProvOrderFilter) queued = prov_order_filter_new (NULL, 1u << PROV_ORDER_STATE_QUEUED, 0);

  prov_store_count_orders_async (self->store, queued, NULL, on_queued_counted, g_object_ref (self));
}

/* ---- a pass ------------------------------------------------------------- */

typedef struct {
  ProvSyncScheduler *self;
  gint64             next_due;
} Pass;

static void
pass_free (Pass *pass)
{
  g_object_unref (pass->self);
  g_free (pass);
}

static void
finish_pass (Pass *pass)
{
  ProvSyncScheduler *self = pass->self;

  self->last_sync = g_get_real_time ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
  set_syncing (self, FALSE);
  count_queued (self);

  if (self->again)
    {
      self->again = FALSE;
      schedule (self, g_get_real_time ());
    }
  else
    schedule (self, pass->next_due);

  pass_free (pass);
}

static void
set_catalog (ProvSyncScheduler *self,
             JsonNode          *offerings,
             gint64             fetched_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvCatalog) catalog = prov_catalog_new_from_json (offerings, fetched_at, &error);

  if (catalog == NULL)
    {
      set_problem (self, error->message);
      return;
    }

  g_set_object (&self->catalog, catalog);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

static void
on_numbers_stored (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Pass *pass = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_store_add_numbers_finish (PROV_STORE (source), result, &error))
    g_warning ("Reserved numbers could not be kept: %s", error->message);

  finish_pass (pass);
}

static void
on_numbers_reserved (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Pass *pass = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reservation = NULL;
  g_autofree char *reservation_id = NULL;
  g_auto(GStrv) numbers = NULL;
  gint64 until = 0;

  reservation = prov_carrier_client_reserve_numbers_finish (PROV_CARRIER_CLIENT (source), result, &error);
  if (reservation == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_problem (pass->self, error->message);
      finish_pass (pass);
      return;
    }

  numbers = prov_carrier_reservation_dup_numbers (reservation, &reservation_id, &until);
  if (reservation_id == NULL || numbers[0] == NULL)
    {
      finish_pass (pass);
      return;
    }

  prov_store_add_numbers_async (pass->self->store, reservation_id, (const char * const *) numbers, until,
                                NULL, on_numbers_stored, pass);
}

static void
on_free_numbers_listed (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  Pass *pass = user_data;
  ProvSyncScheduler *self = pass->self;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) numbers = prov_store_list_free_numbers_finish (PROV_STORE (source), result, &error);

  if (numbers == NULL || g_strv_length (numbers) >= MIN_FREE_NUMBERS || g_cancellable_is_cancelled (self->cancellable))
    {
      finish_pass (pass);
      return;
    }

  prov_carrier_client_reserve_numbers_async (self->client, self->dealer_code, NULL, NUMBERS_PER_RESERVATION,
                                             self->cancellable, on_numbers_reserved, pass);
}

static void
top_up_numbers (Pass *pass)
{
  prov_store_list_free_numbers_async (pass->self->store, NULL, NULL, on_free_numbers_listed, pass);
}

static void
on_catalog_cached (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Pass *pass = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_store_save_catalog_finish (PROV_STORE (source), result, &error))
    g_warning ("The catalog could not be kept for offline use: %s", error->message);

  top_up_numbers (pass);
}

static void
on_catalog_fetched (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Pass *pass = user_data;
  ProvSyncScheduler *self = pass->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) offerings = NULL;

  offerings = prov_carrier_client_list_offerings_finish (PROV_CARRIER_CLIENT (source), result, &error);
  if (offerings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_problem (self, error->message);
      top_up_numbers (pass);
      return;
    }

  set_catalog (self, offerings, g_get_real_time ());
  prov_store_save_catalog_async (self->store, self->profile_id, offerings, NULL, on_catalog_cached, pass);
}

static void
refresh_reference_data (Pass *pass)
{
  ProvSyncScheduler *self = pass->self;

  if (self->catalog == NULL ||
      g_get_real_time () - prov_catalog_get_fetched_at (self->catalog) > CATALOG_MAX_AGE_US)
    prov_carrier_client_list_offerings_async (self->client, self->cancellable, on_catalog_fetched, pass);
  else
    top_up_numbers (pass);
}

static void
on_polled (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Pass *pass = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_sync_poll_finish (PROV_SYNC (source), result, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_problem (pass->self, error->message);

  refresh_reference_data (pass);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Pass *pass = user_data;
  ProvSyncScheduler *self = pass->self;
  g_autoptr(GError) error = NULL;
  ProvSyncReport report = { 0 };

  if (!prov_sync_send_due_finish (PROV_SYNC (source), result, &report, &pass->next_due, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_problem (self, error->message);
    }
  else if (report.retried > 0)
    set_problem (self, _("The carrier did not answer every order; they are tried again shortly"));
  else
    set_problem (self, NULL);

  prov_sync_poll_async (self->sync, self->cancellable, on_polled, pass);
}

static void
start_pass (ProvSyncScheduler *self)
{
  Pass *pass;

  if (self->sync == NULL || !self->online)
    return;

  if (self->syncing)
    {
      self->again = TRUE;
      return;
    }

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  set_syncing (self, TRUE);

  pass = g_new0 (Pass, 1);
  pass->self = g_object_ref (self);
  prov_sync_send_due_async (self->sync, self->cancellable, on_sent, pass);
}

/* ---- reachability ------------------------------------------------------- */

static void
set_online (ProvSyncScheduler *self,
            gboolean           online)
{
  if (self->online != online)
    {
      self->online = online;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
    }

  if (online)
    start_pass (self);
  else
    g_clear_handle_id (&self->timeout_id, g_source_remove);
}

static void
on_reachability_checked (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(ProvSyncScheduler) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean reachable = g_network_monitor_can_reach_finish (G_NETWORK_MONITOR (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (!reachable)
    g_debug ("The carrier cannot be reached: %s", error->message);

  set_online (self, reachable);
}

static void
check_reachability (ProvSyncScheduler *self)
{
  g_autoptr(GSocketConnectable) address = NULL;

  if (self->base_url == NULL)
    return;

  address = g_network_address_parse_uri (self->base_url, 443, NULL);
  if (address == NULL)
    {
      set_online (self, FALSE);
      return;
    }

  g_network_monitor_can_reach_async (self->monitor, address, self->cancellable,
                                     on_reachability_checked, g_object_ref (self));
}

static void
on_network_changed (GNetworkMonitor   *monitor,
                    gboolean           available,
                    ProvSyncScheduler *self)
{
  check_reachability (self);
}

/* ---- public ------------------------------------------------------------- */

static void
on_order_changed (ProvSync          *sync,
                  ProvOrder         *order,
                  ProvSyncScheduler *self)
{
  g_signal_emit (self, signals[ORDER_CHANGED], 0, order);
}

static void
on_cached_catalog_loaded (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(ProvSyncScheduler) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) offerings = NULL;
  gint64 fetched_at = 0;

  offerings = prov_store_load_catalog_finish (PROV_STORE (source), result, &fetched_at, &error);
  if (offerings == NULL)
    {
      g_warning ("The cached catalog could not be read: %s", error->message);
      return;
    }

  /* A fresher catalog may have arrived from the carrier meanwhile. */
  if (fetched_at > 0 && (self->catalog == NULL || prov_catalog_get_fetched_at (self->catalog) < fetched_at))
    set_catalog (self, offerings, fetched_at);
}

ProvSyncScheduler *
prov_sync_scheduler_new (ProvStore       *store,
                         GNetworkMonitor *monitor)
{
  ProvSyncScheduler *self;

  g_return_val_if_fail (PROV_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_NETWORK_MONITOR (monitor), NULL);

  self = g_object_new (PROV_TYPE_SYNC_SCHEDULER, NULL);
  self->store = g_object_ref (store);
  self->monitor = g_object_ref (monitor);
  g_signal_connect_object (monitor, "network-changed", G_CALLBACK (on_network_changed), self, 0);
  count_queued (self);

  return self;
}

/* Switches to a carrier profile; base_url NULL means none is set up, and
 * orders stay queued. */
void
prov_sync_scheduler_set_carrier (ProvSyncScheduler *self,
                                 const char        *profile_id,
                                 const char        *base_url,
                                 const char        *token,
                                 const char        *dealer_code)
{
  g_return_if_fail (PROV_IS_SYNC_SCHEDULER (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->syncing = FALSE;
  self->again = FALSE;

  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_func (self->sync, on_order_changed, self);
  g_clear_object (&self->sync);
  g_clear_object (&self->client);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->profile_id, g_free);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->dealer_code, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);

  if (base_url == NULL || profile_id == NULL)
    {
      set_online (self, FALSE);
      return;
    }

  self->profile_id = g_strdup (profile_id);
  self->base_url = g_strdup (base_url);
  self->dealer_code = g_strdup (dealer_code);
  self->client = prov_carrier_client_new (base_url, token, 30);
  self->sync = prov_sync_new (self->store, self->client, dealer_code);
  g_signal_connect (self->sync, "order-changed", G_CALLBACK (on_order_changed), self);

  prov_store_load_catalog_async (self->store, profile_id, NULL, on_cached_catalog_loaded, g_object_ref (self));
  check_reachability (self);
}

void
prov_sync_scheduler_set_interval (ProvSyncScheduler *self,
                                  guint              seconds)
{
  g_return_if_fail (PROV_IS_SYNC_SCHEDULER (self));
  g_return_if_fail (seconds > 0);

  self->interval_s = seconds;
}

/* "Sync now", and what the app calls after queueing an order. Offline it
 * only checks whether the carrier can be reached again. */
void
prov_sync_scheduler_sync_now (ProvSyncScheduler *self)
{
  g_return_if_fail (PROV_IS_SYNC_SCHEDULER (self));

  count_queued (self);
  if (self->online)
    start_pass (self);
  else
    check_reachability (self);
}

gboolean
prov_sync_scheduler_get_online (ProvSyncScheduler *self)
{
  g_return_val_if_fail (PROV_IS_SYNC_SCHEDULER (self), FALSE);
  return self->online;
}

gboolean
prov_sync_scheduler_get_syncing (ProvSyncScheduler *self)
{
  g_return_val_if_fail (PROV_IS_SYNC_SCHEDULER (self), FALSE);
  return self->syncing;
}

guint
prov_sync_scheduler_get_queued (ProvSyncScheduler *self)
{
  g_return_val_if_fail (PROV_IS_SYNC_SCHEDULER (self), 0);
  return self->queued;
}

gint64
prov_sync_scheduler_get_last_sync (ProvSyncScheduler *self)
{
  g_return_val_if_fail (PROV_IS_SYNC_SCHEDULER (self), 0);
  return self->last_sync;
}

const char *
prov_sync_scheduler_get_last_problem (ProvSyncScheduler *self)
{
  g_return_val_if_fail (PROV_IS_SYNC_SCHEDULER (self), NULL);
  return self->last_problem;
}

ProvCatalog *
prov_sync_scheduler_get_catalog (ProvSyncScheduler *self)
{
  g_return_val_if_fail (PROV_IS_SYNC_SCHEDULER (self), NULL);
  return self->catalog;
}

ProvStore *
prov_sync_scheduler_get_store (ProvSyncScheduler *self)
{
  g_return_val_if_fail (PROV_IS_SYNC_SCHEDULER (self), NULL);
  return self->store;
}

/* ---- customers ---------------------------------------------------------- */

/* The carrier's matches are kept in the store first, so the same search
 * finds them offline; then the store answers, with local customers too. */

static void
on_local_customers_found (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *customers = prov_store_search_customers_finish (PROV_STORE (source), result, &error);

  if (customers == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, customers, (GDestroyNotify) g_ptr_array_unref);
}

static void
search_locally (GTask *task)
{
  ProvSyncScheduler *self = g_task_get_source_object (task);

  prov_store_search_customers_async (self->store, g_task_get_task_data (task), 20,
                                     g_task_get_cancellable (task), on_local_customers_found, task);
}

static void
on_carrier_customer_kept (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!prov_store_save_customer_finish (PROV_STORE (source), result, &error))
    g_warning ("A customer from the carrier could not be kept: %s", error->message);
}

static void
on_carrier_customers_found (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  GTask *task = user_data;
  ProvSyncScheduler *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) matches = prov_carrier_client_search_customers_finish (PROV_CARRIER_CLIENT (source), result, &error);
  JsonArray *list = matches != NULL ? json_node_get_array (matches) : NULL;

  if (matches == NULL)
    g_debug ("Customer search at the carrier: %s", error->message);

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *object = json_array_get_object_element (list, i);
      g_autoptr(ProvCustomer) customer = object != NULL ? prov_customer_new_from_tmf629 (object) : NULL;

      if (customer != NULL)
        prov_store_save_customer_async (self->store, customer, NULL, on_carrier_customer_kept, NULL);
    }

  /* Queued behind the saves on the store's one worker. */
  search_locally (task);
}

void
prov_sync_scheduler_search_customers_async (ProvSyncScheduler   *self,
                                            const char          *text,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  GTask *task;
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_if_fail (PROV_IS_SYNC_SCHEDULER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, prov_sync_scheduler_search_customers_async);
  g_task_set_task_data (task, g_strdup (trimmed), g_free);

  if (self->online && self->client != NULL && g_utf8_strlen (trimmed, -1) >= 2)
    prov_carrier_client_search_customers_async (self->client, trimmed, cancellable, on_carrier_customers_found, task);
  else
    search_locally (task);
}

GPtrArray *
prov_sync_scheduler_search_customers_finish (ProvSyncScheduler  *self,
                                             GAsyncResult       *result,
                                             GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
prov_sync_scheduler_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ProvSyncScheduler *self = PROV_SYNC_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_SYNCING:
      g_value_set_boolean (value, self->syncing);
      break;
    case PROP_QUEUED:
      g_value_set_uint (value, self->queued);
      break;
    case PROP_LAST_SYNC:
      g_value_set_int64 (value, self->last_sync);
      break;
    case PROP_LAST_PROBLEM:
      g_value_set_string (value, self->last_problem);
      break;
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prov_sync_scheduler_dispose (GObject *object)
{
  ProvSyncScheduler *self = PROV_SYNC_SCHEDULER (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_func (self->sync, on_order_changed, self);

  G_OBJECT_CLASS (prov_sync_scheduler_parent_class)->dispose (object);
}

static void
prov_sync_scheduler_finalize (GObject *object)
{
  ProvSyncScheduler *self = PROV_SYNC_SCHEDULER (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->sync);
  g_clear_object (&self->client);
  g_clear_object (&self->catalog);
  g_clear_object (&self->monitor);
  g_clear_object (&self->store);
  g_free (self->profile_id);
  g_free (self->base_url);
  g_free (self->dealer_code);
  g_free (self->last_problem);

  G_OBJECT_CLASS (prov_sync_scheduler_parent_class)->finalize (object);
}

static void
prov_sync_scheduler_class_init (ProvSyncSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = prov_sync_scheduler_get_property;
  object_class->dispose = prov_sync_scheduler_dispose;
  object_class->finalize = prov_sync_scheduler_finalize;

  properties[PROP_ONLINE] = g_param_spec_boolean ("online", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYNCING] = g_param_spec_boolean ("syncing", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUEUED] = g_param_spec_uint ("queued", NULL, NULL, 0, G_MAXUINT, 0,
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNC] = g_param_spec_int64 ("last-sync", NULL, NULL, 0, G_MAXINT64, 0,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_PROBLEM] = g_param_spec_string ("last-problem", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] = g_param_spec_object ("catalog", NULL, NULL, PROV_TYPE_CATALOG,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Relayed from ProvSync: an order's state changed at the carrier. */
  signals[ORDER_CHANGED] = g_signal_new ("order-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, PROV_TYPE_ORDER);
}

static void
prov_sync_scheduler_init (ProvSyncScheduler *self)
{
  self->interval_s = DEFAULT_INTERVAL_S;
  self->cancellable = g_cancellable_new ();
}
