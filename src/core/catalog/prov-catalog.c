#include "prov-json-guard.h"
#include "prov-catalog.h"

struct _ProvCatalog
{
  GObject     parent_instance;

  GPtrArray  *offerings;
  GHashTable *by_id;
  GHashTable *pin_rules;   /* specification id → ProvPinRule */
  GHashTable *settings;    /* specification id → GPtrArray of ProvServiceSetting */
  gint64      fetched_at;
};

G_DEFINE_FINAL_TYPE (ProvCatalog, prov_catalog, G_TYPE_OBJECT)

/* The PIN characteristic of a specification, by the name the order sends
 * it under. Its values say how many digits (one with unitOfMeasure
 * "digits", from valueFrom to valueTo) and which PIN is the factory one
 * (the value marked isDefault). NULL when the specification states none. */
static ProvPinRule *
read_pin_rule (JsonObject *specification)
{
  const char *pin_name = PROV_CATALOG_PIN_CHARACTERISTIC;
  JsonArray *characteristics = prov_json_object_get_array (specification, "productSpecCharacteristic");

  for (guint i = 0; characteristics != NULL && i < json_array_get_length (characteristics); i++)
    {
      JsonObject *characteristic = prov_json_array_get_object (characteristics, i);
      JsonArray *values = prov_json_object_get_array (characteristic, "productSpecCharacteristicValue");
      const char *factory_pin = NULL;
      double min_digits = 0;
      double max_digits = 0;

      if (g_strcmp0 (prov_json_object_get_string (characteristic, "name"), pin_name) != 0)
        continue;

      for (guint j = 0; values != NULL && j < json_array_get_length (values); j++)
        {
          JsonObject *value = prov_json_array_get_object (values, j);

          if (value == NULL)
            continue;
          if (g_strcmp0 (prov_json_object_get_string (value, "unitOfMeasure"), "digits") == 0)
            {
              min_digits = prov_json_object_get_number (value, "valueFrom", 0);
              max_digits = prov_json_object_get_number (value, "valueTo", 0);
            }
          if (prov_json_object_get_boolean (value, "isDefault", FALSE))
            factory_pin = prov_json_object_get_string (value, "value");
        }

      /* Nonsense bounds are no bounds. */
      if (!(min_digits >= 0 && min_digits <= 64))
        min_digits = 0;
      if (!(max_digits >= 0 && max_digits <= 64))
        max_digits = 0;
      return prov_pin_rule_new ((guint) min_digits, (guint) max_digits, factory_pin);
    }

  return NULL;
}

static void
read_specifications (ProvCatalog *self,
                     JsonArray   *specifications)
{
  for (guint i = 0; specifications != NULL && i < json_array_get_length (specifications); i++)
    {
      JsonObject *specification = prov_json_array_get_object (specifications, i);
      const char *id = specification != NULL ? prov_json_object_get_string (specification, "id") : NULL;
      ProvPinRule *rule;

      if (id == NULL || g_hash_table_contains (self->pin_rules, id))
        continue;
      if ((rule = read_pin_rule (specification)) != NULL)
        g_hash_table_insert (self->pin_rules, g_strdup (id), rule);
      g_hash_table_insert (self->settings, g_strdup (id), prov_service_settings_read (specification));
    }
}

/* From a catalog as fetched or cached: an object with a TMF620 list per
 * resource, or (as older caches hold it) the list of offerings alone. */
ProvCatalog *
prov_catalog_new_from_json (JsonNode  *catalog,
                            gint64     fetched_at,
                            GError   **error)
{
  g_autoptr(ProvCatalog) self = g_object_new (PROV_TYPE_CATALOG, NULL);
  JsonArray *list = NULL;

  g_return_val_if_fail (catalog != NULL, NULL);

  if (JSON_NODE_HOLDS_ARRAY (catalog))
    list = json_node_get_array (catalog);
  else if (JSON_NODE_HOLDS_OBJECT (catalog))
    {
      list = prov_json_object_get_array (json_node_get_object (catalog), PROV_CATALOG_OFFERINGS);
      read_specifications (self, prov_json_object_get_array (json_node_get_object (catalog), PROV_CATALOG_SPECIFICATIONS));
    }

  if (list == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The catalog is not a list of offerings");
      return NULL;
    }

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

/* What the specification of @offering_id says of the PIN; NULL when the
 * offering or its specification is unknown or says nothing. */
ProvPinRule *
prov_catalog_dup_pin_rule (ProvCatalog *self,
                           const char  *offering_id)
{
  ProvOffering *offering;
  ProvPinRule *rule;

  g_return_val_if_fail (PROV_IS_CATALOG (self), NULL);

  offering = prov_catalog_lookup (self, offering_id);
  if (offering == NULL || prov_offering_get_specification_id (offering) == NULL)
    return NULL;

  rule = g_hash_table_lookup (self->pin_rules, prov_offering_get_specification_id (offering));
  return rule != NULL ? prov_pin_rule_copy (rule) : NULL;
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

/* The settings each number of @offering_id has, by its specification: a
 * GPtrArray of ProvServiceSetting, owned by the catalog; NULL when the
 * offering or its specification is unknown. */
GPtrArray *
prov_catalog_get_settings (ProvCatalog *self,
                           const char  *offering_id)
{
  ProvOffering *offering;

  g_return_val_if_fail (PROV_IS_CATALOG (self), NULL);

  offering = offering_id != NULL ? prov_catalog_lookup (self, offering_id) : NULL;
  if (offering == NULL || prov_offering_get_specification_id (offering) == NULL)
    return NULL;

  return g_hash_table_lookup (self->settings, prov_offering_get_specification_id (offering));
}

/* What a number of @grade costs in the price list @price_list_id: the
 * grade's offering in that list, or NULL when the list does not price it. */
ProvOffering *
prov_catalog_find_number_price (ProvCatalog *self,
                                const char  *price_list_id,
                                const char  *grade)
{
  g_autoptr(GListModel) prices = NULL;

  g_return_val_if_fail (PROV_IS_CATALOG (self), NULL);

  prices = prov_catalog_list (self, PROV_OFFERING_ROLE_NUMBER_GRADE, PROV_OFFERING_IN_PRICE_LIST, price_list_id, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (prices); i++)
    {
      g_autoptr(ProvOffering) price = g_list_model_get_item (prices, i);

      if (g_strcmp0 (prov_offering_get_grade (price), grade) == 0)
        return prov_catalog_lookup (self, prov_offering_get_id (price));
    }

  return NULL;
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

/* The portfolios @offering_id is available in, as the portal offers a
 * tier chosen from its menu. */
GListModel *
prov_catalog_list_portfolios_of (ProvCatalog *self,
                                 const char  *offering_id)
{
  GListStore *store = g_list_store_new (PROV_TYPE_OFFERING);
  ProvOffering *product;

  g_return_val_if_fail (PROV_IS_CATALOG (self), NULL);

  product = prov_catalog_lookup (self, offering_id);
  for (guint i = 0; product != NULL && i < self->offerings->len; i++)
    {
      ProvOffering *portfolio = g_ptr_array_index (self->offerings, i);

      if (prov_offering_has_role (portfolio, PROV_OFFERING_ROLE_PORTFOLIO) &&
          prov_offering_relates_to (product, PROV_OFFERING_AVAILABLE_IN, prov_offering_get_id (portfolio)))
        g_list_store_append (store, portfolio);
    }

  return G_LIST_MODEL (store);
}

static void
prov_catalog_finalize (GObject *object)
{
  ProvCatalog *self = PROV_CATALOG (object);

  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->pin_rules);
  g_hash_table_unref (self->settings);
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
  self->pin_rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) prov_pin_rule_free);
  self->settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}
