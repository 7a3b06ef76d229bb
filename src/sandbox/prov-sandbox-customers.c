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
  return prov_sandbox_database_page (db,
                                     "SELECT count(*) FROM customers WHERE ?1 IS NULL OR instr (lower (name), lower (?1)) > 0",
                                     "SELECT body FROM customers WHERE ?1 IS NULL OR instr (lower (name), lower (?1)) > 0 "
                                     "ORDER BY name COLLATE NOCASE LIMIT ?2 OFFSET ?3",
                                     name, offset, limit, total, error);
}

JsonNode *
prov_sandbox_customers_create (sqlite3     *db,
                               JsonNode    *request,
                               const char  *base_url,
                               GError     **error)
{
  g_autoptr(JsonNode) customer = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *body = NULL;
  JsonObject *object;
  const char *name;

  object = JSON_NODE_HOLDS_OBJECT (request) ? json_node_get_object (request) : NULL;
  name = object != NULL ? prov_json_object_get_string (object, "name") : NULL;
  if (name == NULL || *name == '\0' || !json_object_has_member (object, "engagedParty"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "name and engagedParty are required");
      return NULL;
    }

  customer = prov_sandbox_new_resource (request, base_url, "customer/", id);
  json_object_set_string_member (json_node_get_object (customer), "status", "Approved");
  body = json_to_string (customer, FALSE);

  if (!prov_sandbox_database_store (db, "INSERT INTO customers (id, name, body, seq) "
                                        "VALUES (?, ?, ?, (SELECT count(*) FROM customers))",
                                    error, id, name, body, NULL))
    return NULL;

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
