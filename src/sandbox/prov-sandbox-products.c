#include <gio/gio.h>
#include <string.h>

#include "prov-json-guard.h"
#include "prov-sandbox-database.h"
#include "prov-sandbox-products.h"

/*
 * A completed order changes the customer's products: an added item makes a
 * product (its id goes back on the item as product.id; an accessory names
 * the line it relies on), a modify merges its characteristics and
 * resources into the product it names and may set its status (suspended,
 * active: a restore when the line had ended), its offering (plan) and its
 * related parties (transfer of liability, the employee it is assigned to),
 * a delete ends it and records when. Secrets the order carried (PINs) are
 * not kept on the product.
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

/* Whether @time (RFC 3339) lies more than @days days before @now. */
static gboolean
older_than_days (const char *time,
                 guint       days,
                 gint64      now)
{
  g_autoptr(GDateTime) date = time != NULL ? g_date_time_new_from_iso8601 (time, NULL) : NULL;

  return date == NULL || now - g_date_time_to_unix (date) * G_USEC_PER_SEC > (gint64) days * G_TIME_SPAN_DAY;
}

/* Why the carrier refuses what @item asks of the products it names, or
 * NULL when it takes it. A modify or delete names a product that has not
 * ended, except a restore (status active) within @restore_window_days of
 * the end; an accessory relies on a line that has not ended. */
char *
prov_sandbox_products_check_item (sqlite3    *db,
                                  JsonObject *item,
                                  guint       restore_window_days,
                                  gint64      now)
{
  const char *action = prov_json_object_get_string (item, "action");
  JsonObject *ordered = prov_json_object_get_object (item, "product");
  const char *id = prov_json_object_get_string (ordered, "id");
  const char *wanted = prov_json_object_get_string (ordered, "status");
  g_autoptr(JsonNode) node = NULL;
  JsonObject *product;
  const char *status;
  const char *ended;

  if (g_strcmp0 (action, "add") == 0)
    {
      JsonArray *relationships = prov_json_object_get_array (ordered, "productRelationship");

      for (guint i = 0; relationships != NULL && i < json_array_get_length (relationships); i++)
        {
          JsonObject *relationship = prov_json_array_get_object (relationships, i);
          const char *line = prov_json_object_get_string (prov_json_object_get_object (relationship, "product"), "id");
          g_autoptr(JsonNode) line_node = NULL;

          if (g_strcmp0 (prov_json_object_get_string (relationship, "relationshipType"), "reliesOn") != 0)
            continue;
          if (line == NULL || (line_node = load_product (db, line, NULL)) == NULL)
            return g_strdup_printf ("Product %s, which the new product relies on, is not a product of this carrier",
                                    line != NULL ? line : "(none named)");
          if (g_strcmp0 (prov_json_object_get_string (json_node_get_object (line_node), "status"), "terminated") == 0)
            return g_strdup_printf ("Product %s, which the new product relies on, has ended", line);
        }
      return NULL;
    }

  if (g_strcmp0 (action, "modify") != 0 && g_strcmp0 (action, "delete") != 0)
    return NULL;
  if (id == NULL)
    return g_strdup ("A modify or delete item must name its product (product.id)");
  if ((node = load_product (db, id, NULL)) == NULL)
    return g_strdup_printf ("Product %s is not a product of this carrier", id);

  product = json_node_get_object (node);
  status = prov_json_object_get_string (product, "status");
  ended = prov_json_object_get_string (product, "terminationDate");
  if (g_str_equal (action, "modify") && wanted != NULL && g_strcmp0 (wanted, "active") != 0 &&
      g_strcmp0 (wanted, "suspended") != 0)
    return g_strdup_printf ("A line's status can be set to active or suspended, not to %s", wanted);
  if (g_strcmp0 (status, "terminated") != 0)
    return NULL;
  if (!g_str_equal (action, "modify") || g_strcmp0 (wanted, "active") != 0)
    return g_strdup_printf ("Product %s ended on %s: only a restore can change it", id, ended != NULL ? ended : "an unknown date");
  if (older_than_days (ended, restore_window_days, now))
    return g_strdup_printf ("Line %s ended on %s, more than %u days ago: this carrier restores a line within %u days of its end",
                            id, ended != NULL ? ended : "an unknown date", restore_window_days, restore_window_days);

  return NULL;
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

/* Something the carrier ships (an accessory, a device, a SIM) gets the
 * shipment's tracking number, as a characteristic of the product. */
static void
add_tracking_number (JsonObject *product,
                     JsonObject *ordered,
                     gboolean    accessory)
{
  JsonArray *characteristics = prov_json_object_get_array (ordered, "productCharacteristic");
  gboolean ships = accessory;
  g_autofree char *number = NULL;
  JsonObject *tracking;
  JsonArray *shipment;

  for (guint i = 0; !ships && characteristics != NULL && i < json_array_get_length (characteristics); i++)
    {
      const char *name = prov_json_object_get_string (prov_json_array_get_object (characteristics, i), "name");

      ships = g_strcmp0 (name, "IMEI") == 0 || g_strcmp0 (name, "ICCID") == 0;
    }
  if (!ships)
    return;

  number = g_strdup_printf ("TRK%08X", g_random_int ());
  tracking = json_object_new ();
  json_object_set_string_member (tracking, "name", "trackingNumber");
  json_object_set_string_member (tracking, "valueType", "string");
  json_object_set_string_member (tracking, "value", number);
  shipment = json_array_new ();
  json_array_add_object_element (shipment, tracking);
  /* The latest shipment's: one tracking number per product. */
  merge_by (ensure_array (product, "productCharacteristic"), shipment, "name");
  json_array_unref (shipment);
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
  /* An accessory names the line it belongs to. */
  if (prov_json_object_get_array (ordered, "productRelationship") != NULL)
    json_object_set_member (product, "productRelationship",
                            json_node_copy (json_object_get_member (ordered, "productRelationship")));
  add_tracking_number (product, ordered, prov_json_object_get_array (ordered, "productRelationship") != NULL);
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
  /* One party per role: a new Customer is a transfer of liability, a new
   * User the employee the line is now assigned to. */
  merge_by (ensure_array (product, "relatedParty"), prov_json_object_get_array (ordered, "relatedParty"), "role");
  if (!ends)
    add_tracking_number (product, ordered, FALSE);
  if (!ends && prov_json_object_get_object (item, "productOffering") != NULL)
    {
      JsonObject *offering = json_object_get_object_member (item, "productOffering");

      json_object_set_member (product, "productOffering", json_node_copy (json_object_get_member (item, "productOffering")));
      if (prov_json_object_get_string (offering, "name") != NULL)
        json_object_set_string_member (product, "name", json_object_get_string_member (offering, "name"));
    }
  if (ends)
    {
      json_object_set_string_member (product, "status", "terminated");
      json_object_set_string_member (product, "terminationDate", now);
    }
  else if (prov_json_object_get_string (ordered, "status") != NULL)
    {
      /* Checked when the order came in: active or suspended. */
      json_object_set_string_member (product, "status", json_object_get_string_member (ordered, "status"));
      if (g_str_equal (json_object_get_string_member (ordered, "status"), "active"))
        json_object_remove_member (product, "terminationDate");
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

/* The demo file writes a date as "days-ago:N": N days before the
 * database was first seeded, so the demo's ended lines are as old as
 * their story says (one 10 days, one 45 days) whenever the demo is run. */
static void
resolve_relative_dates (JsonObject *product,
                        gint64      now)
{
  static const char * const members[] = { "startDate", "terminationDate", "orderDate" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *value = prov_json_object_get_string (product, members[i]);
      guint64 days;

      if (value != NULL && g_str_has_prefix (value, "days-ago:") &&
          g_ascii_string_to_unsigned (value + strlen ("days-ago:"), 10, 0, 36500, &days, NULL))
        {
          g_autofree char *date = prov_sandbox_format_time (now - (gint64) days * G_TIME_SPAN_DAY);

          json_object_set_string_member (product, members[i], date);
        }
    }
}

/* The demo customers' products, added once (a product they later end
 * stays ended). */
gboolean
prov_sandbox_products_seed (sqlite3  *db,
                            GError  **error)
{
  gint64 now = g_get_real_time ();
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
      g_autofree char *body = NULL;

      resolve_relative_dates (product, now);
      body = json_to_string (json_array_get_element (products, i), FALSE);

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
