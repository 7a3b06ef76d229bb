#include "prov-json-guard.h"
#include "prov-catalog.h"

struct _ProvCatalog
{
  GObject     parent_instance;

  GPtrArray  *offerings;
  GHashTable *by_id;
  gint64      fetched_at;
};

G_DEFINE_FINAL_TYPE (ProvCatalog, prov_catalog, G_TYPE_OBJECT)

/* From a TMF620 productOffering list, as fetched or as cached. */
ProvCatalog *
prov_catalog_new_from_json (JsonNode  *offerings,
                            gint64     fetched_at,
                            GError   **error)
{
  g_autoptr(ProvCatalog) self = g_object_new (PROV_TYPE_CATALOG, NULL);
  JsonArray *list;

  g_return_val_if_fail (offerings != NULL, NULL);

  if (!JSON_NODE_HOLDS_ARRAY (offerings))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The catalog is not a list of offerings");
      return NULL;
    }

  list = json_node_get_array (offerings);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *object = prov_json_array_get_object (list, i);
      g_autoptr(GError) offering_error = NULL;
      ProvOffering *offering;

      if (object == NULL)
        continue;

      /* One offering the counter cannot use leaves the others usable. */
      offering = prov_offering_new_from_tmf620 (object, &offering_error);
      if (offering == NULL || g_hash_table_contains (self->by_id, prov_offering_get_id (offering)))
        {
          g_debug ("Catalog offering %u left out: %s", i,
                   offering_error != NULL ? offering_error->message : "its id is there twice");
          g_clear_object (&offering);
          continue;
        }

      g_ptr_array_add (self->offerings, offering);
      g_hash_table_insert (self->by_id, (gpointer) prov_offering_get_id (offering), offering);
    }

  self->fetched_at = fetched_at;
  return g_steal_pointer (&self);
}

guint
prov_catalog_get_n_offerings (ProvCatalog *self)
{
  g_return_val_if_fail (PROV_IS_CATALOG (self), 0);
  return self->offerings->len;
}

gint64
prov_catalog_get_fetched_at (ProvCatalog *self)
{
  g_return_val_if_fail (PROV_IS_CATALOG (self), 0);
  return self->fetched_at;
}

ProvOffering *
prov_catalog_lookup (ProvCatalog *self,
                     const char  *id)
{
  g_return_val_if_fail (PROV_IS_CATALOG (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
}

/* Offerings of a role, optionally only those related to another one
 * (e.g. data packages that require the chosen voice product) and sold in
 * a country. */
GListModel *
prov_catalog_list (ProvCatalog *self,
                   const char  *role,
                   const char  *relationship_type,
                   const char  *related_id,
                   const char  *country)
{
  GListStore *store = g_list_store_new (PROV_TYPE_OFFERING);

  g_return_val_if_fail (PROV_IS_CATALOG (self), NULL);

  for (guint i = 0; i < self->offerings->len; i++)
    {
      ProvOffering *offering = g_ptr_array_index (self->offerings, i);

      if (role != NULL && !prov_offering_has_role (offering, role))
        continue;
      if (relationship_type != NULL && !prov_offering_relates_to (offering, relationship_type, related_id))
        continue;
      if (!prov_offering_sold_in (offering, country))
        continue;

      g_list_store_append (store, offering);
    }

  return G_LIST_MODEL (store);
}

/* The portfolios with at least one product of a role: voice for mobile
 * users, extension for the hosted PBX. */
GListModel *
prov_catalog_list_portfolios_with (ProvCatalog *self,
                                   const char  *product_role)
{
  GListStore *store = g_list_store_new (PROV_TYPE_OFFERING);

  g_return_val_if_fail (PROV_IS_CATALOG (self), NULL);

  for (guint i = 0; i < self->offerings->len; i++)
    {
      ProvOffering *portfolio = g_ptr_array_index (self->offerings, i);
      g_autoptr(GListModel) products = NULL;

      if (!prov_offering_has_role (portfolio, PROV_OFFERING_ROLE_PORTFOLIO))
        continue;

      products = prov_catalog_list (self, product_role, PROV_OFFERING_AVAILABLE_IN,
                                    prov_offering_get_id (portfolio), NULL);
      if (g_list_model_get_n_items (products) > 0)
        g_list_store_append (store, portfolio);
    }

  return G_LIST_MODEL (store);
}

static void
prov_catalog_finalize (GObject *object)
{
  ProvCatalog *self = PROV_CATALOG (object);

  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->offerings);

  G_OBJECT_CLASS (prov_catalog_parent_class)->finalize (object);
}

static void
prov_catalog_class_init (ProvCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = prov_catalog_finalize;
}

static void
prov_catalog_init (ProvCatalog *self)
{
  self->offerings = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}
