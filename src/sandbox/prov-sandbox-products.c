#include <gio/gio.h>

#include "prov-json-guard.h"
#include "prov-sandbox-database.h"
#include "prov-sandbox-products.h"

/*
 * A completed order changes the customer's products: an added item makes a
 * product (its id goes back on the item as product.id), a modify merges its
 * characteristics and resources into the product it names, a delete ends
 * it. Secrets the order carried (PINs) are not kept on the product.
 */

static gboolean
is_secret (const char *name)
{
  return name != NULL && (g_str_has_suffix (name, ".pin") || g_str_has_suffix (name, "-pin"));
}

static JsonNode *
load_product (sqlite3     *db,
              const char  *id,
              GError     **error)
{
  sqlite3_stmt *statement = NULL;
  JsonNode *product = NULL;

  sqlite3_prepare_v2 (db, "SELECT body FROM products WHERE id = ?", -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    product = prov_sandbox_json_parse ((const char *) sqlite3_column_text (statement, 0), error);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No product with id %s", id);
  sqlite3_finalize (statement);

  return product;
}

static void
store_product (sqlite3    *db,
               JsonObject *product,
               const char *party_id)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *body = NULL;
  sqlite3_stmt *statement = NULL;

  json_node_set_object (node, product);
  body = json_to_string (node, FALSE);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO products (id, party_id, body, seq) "
                      "VALUES (?1, ?2, ?3, (SELECT count(*) FROM products)) "
                      "ON CONFLICT (id) DO UPDATE SET body = ?3",
                      -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, json_object_get_string_member (product, "id"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, party_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 3, body, -1, SQLITE_TRANSIENT);
  sqlite3_step (statement);
  sqlite3_finalize (statement);
}

gboolean
prov_sandbox_products_exist (sqlite3    *db,
                             const char *id)
{
  sqlite3_stmt *statement = NULL;
  gboolean exists;

  sqlite3_prepare_v2 (db, "SELECT 1 FROM products WHERE id = ? AND json_extract (body, '$.status') = 'active'",
                      -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, id, -1, SQLITE_TRANSIENT);
  exists = sqlite3_step (statement) == SQLITE_ROW;
  sqlite3_finalize (statement);

  return exists;
}

/* Replaces the element of @target whose @key member equals the change's,
 * or adds the change. */
static void
merge_by (JsonArray  *target,
          JsonArray  *changes,
          const char *key)
{
  for (guint i = 0; changes != NULL && i < json_array_get_length (changes); i++)
    {
      JsonObject *change = prov_json_array_get_object (changes, i);
      const char *value = prov_json_object_get_string (change, key);
      gboolean replaced = FALSE;

      if (change == NULL || is_secret (prov_json_object_get_string (change, "name")))
        continue;

      for (guint j = 0; j < json_array_get_length (target) && !replaced; j++)
        if (g_strcmp0 (prov_json_object_get_string (prov_json_array_get_object (target, j), key), value) == 0)
          {
            json_array_remove_element (target, j);
            replaced = TRUE;
          }
      json_array_add_element (target, json_node_copy (json_array_get_element (changes, i)));
    }
}

static JsonArray *
ensure_array (JsonObject *object,
              const char *member)
{
  if (prov_json_object_get_array (object, member) == NULL)
    json_object_set_array_member (object, member, json_array_new ());

  return json_object_get_array_member (object, member);
}

static void
add_order_item_ref (JsonObject *product,
                    JsonObject *order,
                    JsonObject *item)
{
  JsonObject *ref = json_object_new ();

  json_object_set_string_member (ref, "orderItemId", prov_json_object_get_string_or (item, "id", "1"));
  json_object_set_string_member (ref, "productOrderId", json_object_get_string_member (order, "id"));
  json_object_set_string_member (ref, "orderItemAction", prov_json_object_get_string_or (item, "action", "add"));
  json_array_add_object_element (ensure_array (product, "productOrderItem"), ref);
}

static const char *
customer_of (JsonObject *order)
{
  JsonArray *parties = prov_json_object_get_array (order, "relatedParty");

  for (guint i = 0; parties != NULL && i < json_array_get_length (parties); i++)
    {
      JsonObject *party = prov_json_array_get_object (parties, i);

      if (g_strcmp0 (prov_json_object_get_string (party, "role"), "Customer") == 0)
        return prov_json_object_get_string (party, "id");
    }

  return NULL;
}

static void
create_product (sqlite3    *db,
                JsonObject *order,
                JsonObject *item,
                const char *now)
{
  g_autofree char *id = g_uuid_string_random ();
  JsonObject *ordered = prov_json_object_get_object (item, "product");
  JsonObject *offering = prov_json_object_get_object (item, "productOffering");
  JsonObject *product = json_object_new ();
  const char *customer = customer_of (order);

  json_object_set_string_member (product, "id", id);
  json_object_set_string_member (product, "name",
                                 prov_json_object_get_string_or (offering, "name",
                                                                 prov_json_object_get_string_or (order, "category", "Product")));
  json_object_set_string_member (product, "status", "active");
  json_object_set_boolean_member (product, "isBundle", FALSE);
  json_object_set_string_member (product, "startDate", now);
  if (prov_json_object_get_string (order, "orderDate") != NULL)
    json_object_set_string_member (product, "orderDate", json_object_get_string_member (order, "orderDate"));
  if (offering != NULL)
    json_object_set_member (product, "productOffering", json_node_copy (json_object_get_member (item, "productOffering")));
  merge_by (ensure_array (product, "productCharacteristic"),
            prov_json_object_get_array (ordered, "productCharacteristic"), "name");
  merge_by (ensure_array (product, "realizingResource"), prov_json_object_get_array (ordered, "realizingResource"),
            "@referredType");
  if (customer != NULL)
    json_object_set_member (product, "relatedParty", json_node_copy (json_object_get_member (order, "relatedParty")));
  add_order_item_ref (product, order, item);
  json_object_set_string_member (product, "@type", "Product");
  store_product (db, product, customer);

  if (ordered == NULL)
    {
      json_object_set_object_member (item, "product", json_object_new ());
      ordered = json_object_get_object_member (item, "product");
    }
  json_object_set_string_member (ordered, "id", id);
  json_object_unref (product);
}

static void
change_product (sqlite3    *db,
                JsonObject *order,
                JsonObject *item,
                gboolean    ends,
                const char *now)
{
  JsonObject *ordered = prov_json_object_get_object (item, "product");
  const char *id = prov_json_object_get_string (ordered, "id");
  g_autoptr(JsonNode) node = id != NULL ? load_product (db, id, NULL) : NULL;
  JsonObject *product;

  if (node == NULL)
    return;

  product = json_node_get_object (node);
  merge_by (ensure_array (product, "productCharacteristic"),
            prov_json_object_get_array (ordered, "productCharacteristic"), "name");
  merge_by (ensure_array (product, "realizingResource"), prov_json_object_get_array (ordered, "realizingResource"),
            "@referredType");
  if (ends)
    {
      json_object_set_string_member (product, "status", "terminated");
      json_object_set_string_member (product, "terminationDate", now);
    }
  add_order_item_ref (product, order, item);
  store_product (db, product, customer_of (product));
}

void
prov_sandbox_products_apply_order (sqlite3    *db,
                                   JsonObject *order)
{
  JsonArray *items = prov_json_object_get_array (order, "productOrderItem");
  g_autofree char *now = prov_sandbox_format_time (g_get_real_time ());

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = prov_json_array_get_object (items, i);
      const char *action = prov_json_object_get_string (item, "action");

      if (g_strcmp0 (action, "add") == 0)
        create_product (db, order, item, now);
      else if (g_strcmp0 (action, "modify") == 0 || g_strcmp0 (action, "delete") == 0)
        change_product (db, order, item, g_str_equal (action, "delete"), now);
    }
}

/* The demo customers' products, added once (a product they later end
 * stays ended). */
gboolean
prov_sandbox_products_seed (sqlite3  *db,
                            GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  sqlite3_stmt *statement = NULL;
  JsonArray *products;

  bytes = g_resources_lookup_data ("/com/example/Provisioner/sandbox/demo-products.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return FALSE;

  products = json_node_get_array (json_parser_get_root (parser));
  sqlite3_prepare_v2 (db,
                      "INSERT OR IGNORE INTO products (id, party_id, body, seq) "
                      "VALUES (?, ?, ?, (SELECT count(*) FROM products))",
                      -1, &statement, NULL);
  for (guint i = 0; i < json_array_get_length (products); i++)
    {
      JsonObject *product = json_array_get_object_element (products, i);
      g_autofree char *body = json_to_string (json_array_get_element (products, i), FALSE);

      sqlite3_bind_text (statement, 1, json_object_get_string_member (product, "id"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (statement, 2, customer_of (product), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (statement, 3, body, -1, SQLITE_TRANSIENT);
      sqlite3_step (statement);
      sqlite3_reset (statement);
    }
  sqlite3_finalize (statement);

  return TRUE;
}

/* Another carrier's inventory holds other customers' products too. */
void
prov_sandbox_products_seed_others (sqlite3 *db,
                                   guint    count)
{
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"id\":\"other-customer-product-%u\",\"status\":\"active\","
                                               "\"name\":\"User Extension\",\"productCharacteristic\":["
                                               "{\"name\":\"extension.number\",\"value\":\"%u\"},"
                                               "{\"name\":\"extension.name\",\"value\":\"Someone Else %u\"}],"
                                               "\"relatedParty\":[{\"id\":\"other-customer-%u\",\"role\":\"Customer\","
                                               "\"@referredType\":\"Organization\"}],\"@type\":\"Product\"}",
                                               i, 500 + i, i, i % 7);
      g_autoptr(JsonNode) node = json_from_string (json, NULL);

      if (!prov_sandbox_products_exist (db, json_object_get_string_member (json_node_get_object (node), "id")))
        store_product (db, json_node_get_object (node), customer_of (json_node_get_object (node)));
    }
}

JsonNode *
prov_sandbox_products_list (sqlite3     *db,
                            const char  *party_id,
                            gboolean     newest_first,
                            guint        offset,
                            guint        limit,
                            guint       *total,
                            GError     **error)
{
  g_autoptr(JsonArray) list = json_array_new ();
  sqlite3_stmt *statement = NULL;
  JsonNode *node;

  sqlite3_prepare_v2 (db, "SELECT count(*) FROM products WHERE ?1 IS NULL OR party_id = ?1", -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, party_id, -1, SQLITE_TRANSIENT);
  sqlite3_step (statement);
  *total = sqlite3_column_int (statement, 0);
  sqlite3_finalize (statement);

  sqlite3_prepare_v2 (db,
                      "SELECT body FROM products WHERE ?1 IS NULL OR party_id = ?1 "
                      "ORDER BY CASE WHEN ?4 THEN -seq ELSE seq END LIMIT ?2 OFFSET ?3",
                      -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, party_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (statement, 2, limit);
  sqlite3_bind_int (statement, 3, offset);
  sqlite3_bind_int (statement, 4, newest_first);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      JsonNode *product = prov_sandbox_json_parse ((const char *) sqlite3_column_text (statement, 0), error);

      if (product == NULL)
        {
          sqlite3_finalize (statement);
          return NULL;
        }
      json_array_add_element (list, product);
    }
  sqlite3_finalize (statement);

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, g_steal_pointer (&list));
  return node;
}

JsonNode *
prov_sandbox_products_get (sqlite3     *db,
                           const char  *id,
                           GError     **error)
{
  return load_product (db, id, error);
}
