#include <string.h>

#include "prov-sandbox-orders.h"

/*
 * Orders move acknowledged → inProgress → completed as time passes
 * (state_delay_ms per step), worked out when the order is read. An order
 * whose ICCID another order already holds is rejected, as a carrier does
 * with a SIM that is in use.
 */

struct _ProvSandboxOrders
{
  sqlite3 *db;
  gint64   state_delay_us;
};

static void
set_error (GError     **error,
           sqlite3     *db)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sandbox database: %s", sqlite3_errmsg (db));
}

ProvSandboxOrders *
prov_sandbox_orders_open (const char  *path,
                          guint        state_delay_ms,
                          GError     **error)
{
  g_autoptr(ProvSandboxOrders) orders = g_new0 (ProvSandboxOrders, 1);

  orders->state_delay_us = (gint64) state_delay_ms * 1000;

  if (sqlite3_open (path, &orders->db) != SQLITE_OK ||
      sqlite3_exec (orders->db,
                    "PRAGMA journal_mode = WAL;"
                    "CREATE TABLE IF NOT EXISTS orders ("
                    "  id TEXT PRIMARY KEY,"
                    "  external_id TEXT,"
                    "  iccid TEXT,"
                    "  state TEXT NOT NULL,"
                    "  body TEXT NOT NULL,"
                    "  created_at INTEGER NOT NULL,"
                    "  seq INTEGER NOT NULL);"
                    "CREATE INDEX IF NOT EXISTS orders_by_external_id ON orders (external_id);"
                    "CREATE INDEX IF NOT EXISTS orders_by_iccid ON orders (iccid);",
                    NULL, NULL, NULL) != SQLITE_OK)
    {
      set_error (error, orders->db);
      return NULL;
    }

  return g_steal_pointer (&orders);
}

void
prov_sandbox_orders_close (ProvSandboxOrders *orders)
{
  if (orders == NULL)
    return;

  sqlite3_close (orders->db);
  g_free (orders);
}

static char *
find_characteristic (JsonObject *order,
                     const char *name)
{
  JsonArray *items = json_object_get_array_member (order, "productOrderItem");

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonObject *product = item != NULL && json_object_has_member (item, "product")
                            ? json_object_get_object_member (item, "product") : NULL;
      JsonArray *characteristics = product != NULL && json_object_has_member (product, "productCharacteristic")
                                   ? json_object_get_array_member (product, "productCharacteristic") : NULL;

      for (guint j = 0; characteristics != NULL && j < json_array_get_length (characteristics); j++)
        {
          JsonObject *characteristic = json_array_get_object_element (characteristics, j);

          if (characteristic != NULL &&
              g_strcmp0 (json_object_get_string_member_with_default (characteristic, "name", NULL), name) == 0)
            return g_strdup (json_object_get_string_member_with_default (characteristic, "value", NULL));
        }
    }

  return NULL;
}

static gboolean
iccid_in_use (ProvSandboxOrders *orders,
              const char        *iccid)
{
  sqlite3_stmt *statement = NULL;
  gboolean in_use;

  sqlite3_prepare_v2 (orders->db,
                      "SELECT 1 FROM orders WHERE iccid = ? AND state NOT IN ('rejected', 'cancelled', 'failed')",
                      -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, iccid, -1, SQLITE_TRANSIENT);
  in_use = sqlite3_step (statement) == SQLITE_ROW;
  sqlite3_finalize (statement);

  return in_use;
}

static JsonNode *
parse (const char  *text,
       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;

  return json_node_copy (json_parser_get_root (parser));
}

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_format_iso8601 (time);
}

JsonNode *
prov_sandbox_orders_create (ProvSandboxOrders  *orders,
                            JsonNode           *request,
                            const char         *base_url,
                            GError            **error)
{
  g_autoptr(JsonNode) order = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *href = NULL;
  g_autofree char *iccid = NULL;
  g_autofree char *order_date = NULL;
  g_autofree char *body = NULL;
  sqlite3_stmt *statement = NULL;
  JsonObject *object;
  const char *state = "acknowledged";
  gint64 now = g_get_real_time ();

  if (!JSON_NODE_HOLDS_OBJECT (request) ||
      !json_object_has_member (json_node_get_object (request), "productOrderItem"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "productOrderItem is required");
      return NULL;
    }

  order = json_node_copy (request);
  object = json_node_get_object (order);
  href = g_strconcat (base_url, "productOrder/", id, NULL);
  order_date = format_time (now);
  iccid = find_characteristic (object, "ICCID");

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "href", href);
  json_object_set_string_member (object, "orderDate", order_date);

  if (iccid != NULL && iccid_in_use (orders, iccid))
    {
      g_autoptr(JsonBuilder) note = json_builder_new ();
      g_autofree char *text = g_strdup_printf ("SIM %s is already active on another order", iccid);

      state = "rejected";
      json_builder_begin_array (note);
      json_builder_begin_object (note);
      json_builder_set_member_name (note, "text");
      json_builder_add_string_value (note, text);
      json_builder_set_member_name (note, "author");
      json_builder_add_string_value (note, "carrier");
      json_builder_end_object (note);
      json_builder_end_array (note);
      json_object_set_member (object, "note", json_builder_get_root (note));
    }
  json_object_set_string_member (object, "state", state);

  body = json_to_string (order, FALSE);
  sqlite3_prepare_v2 (orders->db,
                      "INSERT INTO orders (id, external_id, iccid, state, body, created_at, seq) "
                      "VALUES (?, ?, ?, ?, ?, ?, (SELECT count(*) FROM orders))",
                      -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, json_object_get_string_member_with_default (object, "externalId", NULL), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 3, iccid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 4, state, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 5, body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 6, now);
  if (sqlite3_step (statement) != SQLITE_DONE)
    {
      set_error (error, orders->db);
      sqlite3_finalize (statement);
      return NULL;
    }
  sqlite3_finalize (statement);

  return g_steal_pointer (&order);
}

/* Where time has taken the order since it was created. */
static const char *
advance_state (ProvSandboxOrders *orders,
               const char        *state,
               gint64             created_at)
{
  gint64 age = g_get_real_time () - created_at;

  if (g_str_equal (state, "acknowledged") || g_str_equal (state, "inProgress"))
    {
      if (age >= 2 * orders->state_delay_us)
        return "completed";
      if (age >= orders->state_delay_us)
        return "inProgress";
    }

  return state;
}

static JsonNode *
row_to_order (ProvSandboxOrders  *orders,
              sqlite3_stmt       *statement,
              GError            **error)
{
  const char *id = (const char *) sqlite3_column_text (statement, 0);
  const char *state = (const char *) sqlite3_column_text (statement, 1);
  const char *new_state = advance_state (orders, state, sqlite3_column_int64 (statement, 3));
  JsonNode *order = parse ((const char *) sqlite3_column_text (statement, 2), error);

  if (order == NULL)
    return NULL;

  if (!g_str_equal (state, new_state))
    {
      sqlite3_stmt *update = NULL;

      sqlite3_prepare_v2 (orders->db, "UPDATE orders SET state = ? WHERE id = ?", -1, &update, NULL);
      sqlite3_bind_text (update, 1, new_state, -1, SQLITE_STATIC);
      sqlite3_bind_text (update, 2, id, -1, SQLITE_TRANSIENT);
      sqlite3_step (update);
      sqlite3_finalize (update);
    }

  json_object_set_string_member (json_node_get_object (order), "state", new_state);
  return order;
}

JsonNode *
prov_sandbox_orders_get (ProvSandboxOrders  *orders,
                         const char         *id,
                         GError            **error)
{
  sqlite3_stmt *statement = NULL;
  JsonNode *order = NULL;

  sqlite3_prepare_v2 (orders->db, "SELECT id, state, body, created_at FROM orders WHERE id = ?",
                      -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    order = row_to_order (orders, statement, error);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No productOrder with id %s", id);
  sqlite3_finalize (statement);

  return order;
}

JsonNode *
prov_sandbox_orders_list (ProvSandboxOrders  *orders,
                          const char         *external_id,
                          guint               offset,
                          guint               limit,
                          guint              *total,
                          GError            **error)
{
  g_autoptr(JsonArray) list = json_array_new ();
  sqlite3_stmt *statement = NULL;
  JsonNode *node;

  sqlite3_prepare_v2 (orders->db, "SELECT count(*) FROM orders WHERE ?1 IS NULL OR external_id = ?1",
                      -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, external_id, -1, SQLITE_TRANSIENT);
  sqlite3_step (statement);
  *total = sqlite3_column_int (statement, 0);
  sqlite3_finalize (statement);

  sqlite3_prepare_v2 (orders->db,
                      "SELECT id, state, body, created_at FROM orders WHERE ?1 IS NULL OR external_id = ?1 "
                      "ORDER BY seq LIMIT ?2 OFFSET ?3",
                      -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, external_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (statement, 2, limit);
  sqlite3_bind_int (statement, 3, offset);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      JsonNode *order = row_to_order (orders, statement, error);

      if (order == NULL)
        {
          sqlite3_finalize (statement);
          return NULL;
        }
      json_array_add_element (list, order);
    }
  sqlite3_finalize (statement);

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, list);
  return node;
}
