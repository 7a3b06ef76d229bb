#include <glib/gi18n-lib.h>

#include "prov-number-reserve.h"
#include "prov-store-error.h"
#include "prov-sync-messages.h"
#include "prov-sync-scheduler.h"

/*
 * When to talk to the carrier, and whether it can be reached: the rest is
 * done by others. One pass: send what is due (ProvSync), poll the orders
 * at the carrier, refresh the catalog (ProvCatalogCache) and top up the
 * reserved numbers, then count what is still queued. Passes run one at a
 * time, every interval and whenever asked; none runs while the carrier
 * cannot be reached, and the first one starts as soon as it can
 * (GNetworkMonitor). Each pass holds the carrier session it began with: a
 * switch of carrier cancels it, and the next pass uses the new one.
 */

#define DEFAULT_INTERVAL_S 30

struct _ProvSyncScheduler
{
  GObject             parent_instance;

  ProvStore          *store;
  GNetworkMonitor    *monitor;
  ProvCatalogCache   *catalog_cache;
  ProvCarrierSession *session;
  GCancellable       *cancellable;   /* the session's work */

  guint               interval_s;
  guint               timeout_id;
  gboolean            online;
  gboolean            syncing;
  gboolean            again;       /* asked for while a pass was running */
  guint               queued;
  gint64              last_sync;
  char               *last_problem;
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

/* The next pass: at @next_due when an order is due sooner than the
 * interval, else after the interval. */
static void
schedule (ProvSyncScheduler *self,
          gint64             next_due)
{
  gint64 wait_us = (gint64) self->interval_s * G_USEC_PER_SEC;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!self->online || self->session == NULL)
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
  ProvSyncScheduler  *self;
  ProvCarrierSession *session;
  GCancellable       *cancellable;
  gint64              next_due;
  /* Sending stopped for a reason only time or the clerk can change (the
   * store cannot write, another program sends): wait a whole interval. */
  gboolean            held_up;
} Pass;

static void
pass_free (Pass *pass)
{
  g_object_unref (pass->self);
  g_object_unref (pass->session);
  g_object_unref (pass->cancellable);
  g_free (pass);
}

/* What the clerk sees of a failed step; nothing for a cancelled one. */
static void
report_problem (Pass         *pass,
                const GError *error)
{
  if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      pass->session != pass->self->session)
    return;

  set_problem (pass->self, error->message);
}

static void
finish_pass (Pass *pass)
{
  ProvSyncScheduler *self = pass->self;
  gboolean current = pass->session == self->session;

  if (current)
    {
      self->last_sync = g_get_real_time ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
    }
  set_syncing (self, FALSE);
  count_queued (self);

  if (self->again || !current)
    {
      self->again = FALSE;
      schedule (self, g_get_real_time ());
    }
  else
    schedule (self, pass->held_up ? 0 : pass->next_due);

  pass_free (pass);
}

static void
on_numbers_topped_up (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Pass *pass = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_number_reserve_top_up_finish (PROV_STORE (source), result, &error))
    report_problem (pass, error);

  finish_pass (pass);
}

static void
on_catalog_refreshed (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Pass *pass = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_catalog_cache_refresh_finish (PROV_CATALOG_CACHE (source), result, &error))
    report_problem (pass, error);

  prov_number_reserve_top_up_async (pass->self->store, pass->session, pass->cancellable,
                                    on_numbers_topped_up, pass);
}

static void
on_messages_sent (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Pass *pass = user_data;
  g_autoptr(GError) error = NULL;
  ProvMessagesReport report = { 0 };

  if (!prov_sync_send_messages_finish (PROV_STORE (source), result, &report, &error))
    report_problem (pass, error);
  else if (report.failed > 0)
    {
      g_autoptr(GError) undelivered = g_error_new (PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_REFUSED,
                                                   g_dngettext (GETTEXT_PACKAGE,
                                                                "The carrier could not send an e-mail: the order's "
                                                                "notifications say which, and why.",
                                                                "The carrier could not send %u e-mails: the orders' "
                                                                "notifications say which, and why.",
                                                                report.failed),
                                                   report.failed);

      report_problem (pass, undelivered);
    }

  prov_catalog_cache_refresh_async (pass->self->catalog_cache, pass->session, pass->cancellable,
                                    on_catalog_refreshed, pass);
}

static void
on_polled (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Pass *pass = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_sync_poll_finish (PROV_SYNC (source), result, NULL, &error))
    report_problem (pass, error);

  /* The e-mails after the orders they are about. */
  prov_sync_send_messages_async (pass->self->store, prov_carrier_session_get_client (pass->session),
                                 g_get_real_time (), pass->cancellable, on_messages_sent, pass);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Pass *pass = user_data;
  g_autoptr(GError) error = NULL;
  ProvSyncReport report = { 0 };

  if (!prov_sync_send_due_finish (PROV_SYNC (source), result, &report, &pass->next_due, &error))
    {
      if (error->domain == PROV_STORE_ERROR)
        {
          g_autofree char *problem = g_strdup_printf (_("Sending is paused: %s"), error->message);

          pass->held_up = TRUE;
          set_problem (pass->self, problem);
          finish_pass (pass);
          return;
        }
      report_problem (pass, error);
    }
  else if (report.retried > 0)
    set_problem (pass->self, _("The carrier did not answer every order; they are tried again shortly"));
  else
    set_problem (pass->self, NULL);

  prov_sync_poll_async (PROV_SYNC (source), pass->cancellable, on_polled, pass);
}

static void
start_pass (ProvSyncScheduler *self)
{
  Pass *pass;

  if (self->session == NULL || !self->online)
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
  pass->session = g_object_ref (self->session);
  pass->cancellable = g_object_ref (self->cancellable);
  prov_sync_send_due_async (prov_carrier_session_get_sync (pass->session), pass->cancellable, on_sent, pass);
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

  if (self->session == NULL)
    return;

  address = g_network_address_parse_uri (prov_carrier_session_get_base_url (self->session), 443, NULL);
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
on_catalog_changed (ProvSyncScheduler *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

static void
on_cached_catalog_loaded (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!prov_catalog_cache_load_finish (PROV_CATALOG_CACHE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("The cached catalog could not be read: %s", error->message);
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
  self->catalog_cache = prov_catalog_cache_new (store);
  g_signal_connect_object (self->catalog_cache, "notify::catalog", G_CALLBACK (on_catalog_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (monitor, "network-changed", G_CALLBACK (on_network_changed), self, 0);
  count_queued (self);

  return self;
}

static void
drop_session (ProvSyncScheduler *self)
{
  if (self->session == NULL)
    return;

  g_signal_handlers_disconnect_by_func (prov_carrier_session_get_sync (self->session), on_order_changed, self);
  g_clear_object (&self->session);
}

/* Switches to a carrier profile; base_url NULL means none is set up, and
 * orders stay queued. A pass that is running ends on the old carrier. */
void
prov_sync_scheduler_set_carrier (ProvSyncScheduler *self,
                                 const char        *profile_id,
                                 const char        *base_url,
                                 const char        *token,
                                 const char        *dealer_code)
{
  g_return_if_fail (PROV_IS_SYNC_SCHEDULER (self));

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  g_object_unref (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->syncing)
    self->again = TRUE;

  drop_session (self);
  prov_catalog_cache_clear (self->catalog_cache);

  if (base_url == NULL || profile_id == NULL)
    {
      set_online (self, FALSE);
      return;
    }

  self->session = prov_carrier_session_new (self->store, profile_id, base_url, token, dealer_code);
  g_signal_connect (prov_carrier_session_get_sync (self->session), "order-changed",
                    G_CALLBACK (on_order_changed), self);

  prov_catalog_cache_load_async (self->catalog_cache, profile_id, self->cancellable,
                                 on_cached_catalog_loaded, NULL);
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
  return prov_catalog_cache_get_catalog (self->catalog_cache);
}

ProvStore *
prov_sync_scheduler_get_store (ProvSyncScheduler *self)
{
  g_return_val_if_fail (PROV_IS_SYNC_SCHEDULER (self), NULL);
  return self->store;
}

/* The carrier to ask right now: NULL when none is set up or it cannot be
 * reached. */
ProvCarrierSession *
prov_sync_scheduler_get_reachable_session (ProvSyncScheduler *self)
{
  g_return_val_if_fail (PROV_IS_SYNC_SCHEDULER (self), NULL);
  return self->online ? self->session : NULL;
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
      g_value_set_object (value, prov_catalog_cache_get_catalog (self->catalog_cache));
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
  drop_session (self);

  G_OBJECT_CLASS (prov_sync_scheduler_parent_class)->dispose (object);
}

static void
prov_sync_scheduler_finalize (GObject *object)
{
  ProvSyncScheduler *self = PROV_SYNC_SCHEDULER (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->catalog_cache);
  g_clear_object (&self->monitor);
  g_clear_object (&self->store);
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
