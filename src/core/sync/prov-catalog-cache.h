#pragma once

#include "prov-carrier-session.h"
#include "prov-catalog.h"
#include "prov-store.h"

G_BEGIN_DECLS

/* The carrier's catalog as the counter sells from it: kept in the store
 * for offline use, fetched again when it is a day old. */
#define PROV_TYPE_CATALOG_CACHE (prov_catalog_cache_get_type ())
G_DECLARE_FINAL_TYPE (ProvCatalogCache, prov_catalog_cache, PROV, CATALOG_CACHE, GObject)

ProvCatalogCache *prov_catalog_cache_new            (ProvStore           *store);
ProvCatalog      *prov_catalog_cache_get_catalog    (ProvCatalogCache    *self);
void              prov_catalog_cache_clear          (ProvCatalogCache    *self);
void              prov_catalog_cache_load_async     (ProvCatalogCache    *self,
                                                     const char          *profile_id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean          prov_catalog_cache_load_finish    (ProvCatalogCache    *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
void              prov_catalog_cache_refresh_async  (ProvCatalogCache    *self,
                                                     ProvCarrierSession  *session,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean          prov_catalog_cache_refresh_finish (ProvCatalogCache    *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

G_END_DECLS
