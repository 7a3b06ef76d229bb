#include "prov-catalog-cache.h"

#define MAX_AGE_US (24 * G_TIME_SPAN_HOUR)

struct _ProvCatalogCache
{
  GObject      parent_instance;

  ProvStore   *store;
  ProvCatalog *catalog;
};

G_DEFINE_FINAL_TYPE (ProvCatalogCache, prov_catalog_cache, G_TYPE_OBJECT)

enum { PROP_0, PROP_CATALOG, N_PROPS };
static GParamSpec *properties[N_PROPS];

ProvCatalogCache *
prov_catalog_cache_new (ProvStore *store)
{
  ProvCatalogCache *self;

  g_return_val_if_fail (PROV_IS_STORE (store), NULL);

  self = g_object_new (PROV_TYPE_CATALOG_CACHE, NULL);
  self->store = g_object_ref (store);

  return self;
}

/* NULL until a catalog has been loaded or fetched. */
ProvCatalog *
prov_catalog_cache_get_catalog (ProvCatalogCache *self)
{
  g_return_val_if_fail (PROV_IS_CATALOG_CACHE (self), NULL);

  return self->catalog;
}

static void
set_catalog (ProvCatalogCache *self,
             ProvCatalog      *catalog)
{
  if (g_set_object (&self->catalog, catalog))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

/* Another carrier: its catalog is not this one. */
void
prov_catalog_cache_clear (ProvCatalogCache *self)
{
  g_return_if_fail (PROV_IS_CATALOG_CACHE (self));

  set_catalog (self, NULL);
}

/* Takes @catalog_json unless a fresher catalog is already here. */
static gboolean
offer (ProvCatalogCache  *self,
       JsonNode          *catalog_json,
       gint64             fetched_at,
       GError           **error)
{
  g_autoptr(ProvCatalog) catalog = NULL;

  if (self->catalog != NULL && prov_catalog_get_fetched_at (self->catalog) >= fetched_at)
    return TRUE;

  catalog = prov_catalog_new_from_json (catalog_json, fetched_at, error);
  if (catalog == NULL)
    return FALSE;

  set_catalog (self, catalog);
  return TRUE;
}

static void
on_cached_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ProvCatalogCache *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) offerings = NULL;
  g_autoptr(GError) error = NULL;
  gint64 fetched_at = 0;

  offerings = prov_store_load_catalog_finish (PROV_STORE (source), result, &fetched_at, &error);
  if (offerings == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (fetched_at > 0 && !offer (self, offerings, fetched_at, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* The copy the store keeps for @profile_id, if any. */
void
prov_catalog_cache_load_async (ProvCatalogCache    *self,
                               const char          *profile_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PROV_IS_CATALOG_CACHE (self));
  g_return_if_fail (profile_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, prov_catalog_cache_load_async);
  prov_store_load_catalog_async (self->store, profile_id, cancellable, on_cached_loaded, task);
}

gboolean
prov_catalog_cache_load_finish (ProvCatalogCache  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_store_save_catalog_finish (PROV_STORE (source), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_specifications_fetched (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ProvCatalogCache *self = g_task_get_source_object (task);
  ProvCarrierSession *session = g_task_get_task_data (task);
  JsonObject *catalog = g_object_get_data (G_OBJECT (task), "catalog");
  g_autoptr(JsonNode) specifications = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  specifications = prov_carrier_client_list_specifications_finish (PROV_CARRIER_CLIENT (source), result, &error);
  /* A carrier that keeps its specifications to itself still sells its
   * offerings; the pages then apply no limits it did not state. */
  if (specifications == NULL && !g_error_matches (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_NOT_FOUND))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (specifications != NULL)
    json_object_set_member (catalog, PROV_CATALOG_SPECIFICATIONS, g_steal_pointer (&specifications));

  node = json_node_init_object (json_node_alloc (), catalog);
  if (!offer (self, node, g_get_real_time (), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  prov_store_save_catalog_async (self->store, prov_carrier_session_get_profile_id (session), node,
                                 g_task_get_cancellable (task), on_saved, g_object_ref (task));
}

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) offerings = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;
  JsonObject *catalog;

  offerings = prov_carrier_client_list_offerings_finish (PROV_CARRIER_CLIENT (source), result, &error);
  if (offerings == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  catalog = json_object_new ();
  json_object_set_member (catalog, PROV_CATALOG_OFFERINGS, g_steal_pointer (&offerings));
  g_object_set_data_full (G_OBJECT (task), "catalog", catalog, (GDestroyNotify) json_object_unref);
  cancellable = g_task_get_cancellable (task);
  prov_carrier_client_list_specifications_async (PROV_CARRIER_CLIENT (source), cancellable,
                                                 on_specifications_fetched, g_steal_pointer (&task));
}

/* Fetches the catalog from @session's carrier when the one here is
 * missing or a day old, and keeps it for offline use. */
void
prov_catalog_cache_refresh_async (ProvCatalogCache    *self,
                                  ProvCarrierSession  *session,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PROV_IS_CATALOG_CACHE (self));
  g_return_if_fail (PROV_IS_CARRIER_SESSION (session));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, prov_catalog_cache_refresh_async);
  g_task_set_task_data (task, g_object_ref (session), g_object_unref);

  if (self->catalog != NULL && g_get_real_time () - prov_catalog_get_fetched_at (self->catalog) <= MAX_AGE_US)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  prov_carrier_client_list_offerings_async (prov_carrier_session_get_client (session), cancellable,
                                            on_fetched, task);
}

gboolean
prov_catalog_cache_refresh_finish (ProvCatalogCache  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
prov_catalog_cache_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ProvCatalogCache *self = PROV_CATALOG_CACHE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prov_catalog_cache_finalize (GObject *object)
{
  ProvCatalogCache *self = PROV_CATALOG_CACHE (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (prov_catalog_cache_parent_class)->finalize (object);
}

static void
prov_catalog_cache_class_init (ProvCatalogCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = prov_catalog_cache_get_property;
  object_class->finalize = prov_catalog_cache_finalize;

  properties[PROP_CATALOG] = g_param_spec_object ("catalog", NULL, NULL, PROV_TYPE_CATALOG,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
prov_catalog_cache_init (ProvCatalogCache *self)
{
}
