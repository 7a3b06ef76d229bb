#include <gio/gio.h>

#include "prov-json-guard.h"
#include "prov-sandbox-database.h"
#include "prov-sandbox-parties.h"

/* Customers are found by any part of their name, as a clerk types it. */
JsonNode *
prov_sandbox_customers_search (sqlite3     *db,
                               const char  *name,
                               guint        offset,
                               guint        limit,
                               guint       *total,
                               GError     **error)
{
  JsonArray *list = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);
  sqlite3_stmt *statement = NULL;

  json_node_take_array (node, list);

  sqlite3_prepare_v2 (db, "SELECT count(*) FROM customers WHERE ?1 IS NULL OR instr (lower (name), lower (?1)) > 0",
                      -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_step (statement);
  *total = sqlite3_column_int (statement, 0);
  sqlite3_finalize (statement);

  sqlite3_prepare_v2 (db, "SELECT body FROM customers WHERE ?1 IS NULL OR instr (lower (name), lower (?1)) > 0 "
                          "ORDER BY name COLLATE NOCASE LIMIT ?2 OFFSET ?3",
                      -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (statement, 2, limit);
  sqlite3_bind_int (statement, 3, offset);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      JsonNode *customer = prov_sandbox_json_parse ((const char *) sqlite3_column_text (statement, 0), error);

      if (customer == NULL)
        {
          sqlite3_finalize (statement);
          json_node_unref (node);
          return NULL;
        }
      json_array_add_element (list, customer);
    }
  sqlite3_finalize (statement);

  return node;
}

JsonNode *
prov_sandbox_customers_create (sqlite3     *db,
                               JsonNode    *request,
                               const char  *base_url,
                               GError     **error)
{
  g_autoptr(JsonNode) customer = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *href = NULL;
  g_autofree char *body = NULL;
  sqlite3_stmt *statement = NULL;
  JsonObject *object;
  const char *name;

  object = JSON_NODE_HOLDS_OBJECT (request) ? json_node_get_object (request) : NULL;
  name = object != NULL ? prov_json_object_get_string (object, "name") : NULL;
  if (name == NULL || *name == '\0' || !json_object_has_member (object, "engagedParty"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "name and engagedParty are required");
      return NULL;
    }

  customer = json_node_copy (request);
  object = json_node_get_object (customer);
  href = g_strconcat (base_url, "customer/", id, NULL);
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "href", href);
  json_object_set_string_member (object, "status", "Approved");
  body = json_to_string (customer, FALSE);

  sqlite3_prepare_v2 (db, "INSERT INTO customers (id, name, body, seq) VALUES (?, ?, ?, (SELECT count(*) FROM customers))",
                      -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 3, body, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) != SQLITE_DONE)
    {
      prov_sandbox_database_set_error (error, db);
      sqlite3_finalize (statement);
      return NULL;
    }
  sqlite3_finalize (statement);

  return g_steal_pointer (&customer);
}

JsonNode *
prov_sandbox_customers_get (sqlite3     *db,
                            const char  *id,
                            GError     **error)
{
  sqlite3_stmt *statement = NULL;
  JsonNode *customer = NULL;

  sqlite3_prepare_v2 (db, "SELECT body FROM customers WHERE id = ?", -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    customer = prov_sandbox_json_parse ((const char *) sqlite3_column_text (statement, 0), error);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No customer with id %s", id);
  sqlite3_finalize (statement);

  return customer;
}
