#pragma once

#include <gio/gio.h>

#include "prov-carrier-session.h"
#include "prov-catalog-cache.h"
#include "prov-catalog.h"
#include "prov-store.h"

G_BEGIN_DECLS

/* Keeps the counter in step with the carrier while the app runs: sends
 * the outbox and polls open orders whenever the carrier can be reached,
 * pauses while it cannot, and keeps the catalog and a few reserved
 * numbers for offline use. */
#define PROV_TYPE_SYNC_SCHEDULER (prov_sync_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (ProvSyncScheduler, prov_sync_scheduler, PROV, SYNC_SCHEDULER, GObject)

ProvSyncScheduler  *prov_sync_scheduler_new              (ProvStore         *store,
                                                          GNetworkMonitor   *monitor);
void                prov_sync_scheduler_set_carrier      (ProvSyncScheduler *self,
                                                          const char        *profile_id,
                                                          const char        *base_url,
                                                          const char        *token,
                                                          const char        *dealer_code);
void                prov_sync_scheduler_set_interval     (ProvSyncScheduler *self,
                                                          guint              seconds);
void                prov_sync_scheduler_sync_now         (ProvSyncScheduler *self);
gboolean            prov_sync_scheduler_get_online       (ProvSyncScheduler *self);
gboolean            prov_sync_scheduler_get_syncing      (ProvSyncScheduler *self);
guint               prov_sync_scheduler_get_queued       (ProvSyncScheduler *self);
gint64              prov_sync_scheduler_get_last_sync    (ProvSyncScheduler *self);
const char         *prov_sync_scheduler_get_last_problem (ProvSyncScheduler *self);
ProvCatalog        *prov_sync_scheduler_get_catalog      (ProvSyncScheduler *self);
ProvStore          *prov_sync_scheduler_get_store        (ProvSyncScheduler *self);
ProvCarrierSession *prov_sync_scheduler_get_reachable_session (ProvSyncScheduler *self);

G_END_DECLS
