#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>

#include "prov-json-guard.h"
#include "prov-rfc3339.h"
#include "prov-sandbox-database.h"
#include "prov-sandbox-parties.h"
#include "prov-sandbox-products.h"

/* Each entry takes the sandbox's file from version N to N + 1, so a
 * carrier.db kept from an older sandbox still opens. */
static const char * const migrations[] = {
  /* 1 */
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

  /* 2: states move on from the last change, not from creation */
  "ALTER TABLE orders ADD COLUMN state_since INTEGER;"
  "UPDATE orders SET state_since = created_at;"
  "CREATE TABLE customers ("
  "  id TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  seq INTEGER NOT NULL);"
  "CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE);"
  "CREATE TABLE numbers ("
  "  msisdn TEXT PRIMARY KEY,"
  "  pool TEXT NOT NULL,"
  "  reservation_id TEXT,"
  "  reserved_until INTEGER);"
  "CREATE TABLE reservations ("
  "  id TEXT PRIMARY KEY,"
  "  state TEXT NOT NULL,"
  "  body TEXT NOT NULL);"
  "CREATE TABLE donor_lines ("
  "  msisdn TEXT PRIMARY KEY,"
  "  account TEXT NOT NULL,"
  "  transfer_pin TEXT NOT NULL);"
  /* Lines at another carrier, for port-in demos: a wrong transfer PIN
   * for one of these leaves the order pending. */
  "INSERT INTO donor_lines VALUES"
  "  ('+31612345678', 'NL-4410021', '4321'),"
  "  ('+31687654321', 'NL-7730145', '1590'),"
  "  ('+447700900123', 'UK-0090123', '2468'),"
  "  ('+12025550143', 'US-5550143', '8080');",

  /* 3: the customers' products (TMF637), made by completed orders */
  "CREATE TABLE products ("
  "  id TEXT PRIMARY KEY,"
  "  party_id TEXT,"
  "  body TEXT NOT NULL,"
  "  seq INTEGER NOT NULL);"
  "CREATE INDEX products_by_party ON products (party_id, seq);",

  /* 4: fixed numbers, graded by how memorable they are (TMF685 checks) */
  "ALTER TABLE numbers ADD COLUMN grade TEXT NOT NULL DEFAULT 'standard';"
  "CREATE INDEX numbers_by_pool ON numbers (pool, msisdn);",

  /* 5: the e-mails sent for tills (TMF681) */
  "CREATE TABLE messages ("
  "  id TEXT PRIMARY KEY,"
  "  body TEXT NOT NULL,"
  "  seq INTEGER NOT NULL);",
};

void
prov_sandbox_database_set_error (GError  **error,
                                 sqlite3  *db)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sandbox database: %s", sqlite3_errmsg (db));
}

/* 200 mobile numbers, in two pools, for TMF685 reservations. */
static gboolean
fill_number_pool (sqlite3  *db,
                  GError  **error)
{
  sqlite3_stmt *insert = NULL;

  if (sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO numbers (msisdn, pool) VALUES (?, ?)", -1, &insert, NULL) != SQLITE_OK)
    {
      prov_sandbox_database_set_error (error, db);
      return FALSE;
    }

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *msisdn = g_strdup_printf ("+3161%07u", 4200000 + i * 37);

      sqlite3_bind_text (insert, 1, msisdn, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 2, i % 4 == 0 ? "gold" : "mobile", -1, SQLITE_STATIC);
      sqlite3_step (insert);
      sqlite3_reset (insert);
    }
  sqlite3_finalize (insert);

  return TRUE;
}

/* The customers the demo finds when the clerk searches, the dealer with
 * its resellers, and a reseller's customer. */
static gboolean
seed_customers (sqlite3  *db,
                GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  sqlite3_stmt *statement = NULL;
  JsonArray *customers;


  bytes = g_resources_lookup_data ("/com/example/Provisioner/sandbox/demo-customers.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return FALSE;

  customers = json_node_get_array (json_parser_get_root (parser));
  /* Demo customers added since a database was made come in too. */
  sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO customers (id, name, body, seq) VALUES (?, ?, ?, ?)", -1, &statement,
                      NULL);
  for (guint i = 0; i < json_array_get_length (customers); i++)
    {
      JsonObject *customer = json_array_get_object_element (customers, i);
      g_autofree char *body = json_to_string (json_array_get_element (customers, i), FALSE);

      sqlite3_bind_text (statement, 1, json_object_get_string_member (customer, "id"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (statement, 2, json_object_get_string_member (customer, "name"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (statement, 3, body, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (statement, 4, i);
      sqlite3_step (statement);
      sqlite3_reset (statement);
    }
  sqlite3_finalize (statement);

  return TRUE;
}

/* Readable by its owner only: the carrier's records hold customers'
 * details and PINs. SQLite gives its WAL and shared-memory files the
 * database's own mode. An older sandbox's file is narrowed too. */
static gboolean
create_private (const char  *path,
                GError     **error)
{
  int fd;

  if (g_str_equal (path, ":memory:"))
    return TRUE;

  fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 || fchmod (fd, 0600) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

sqlite3 *
prov_sandbox_database_open (const char  *path,
                            GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;
  int version = 0;

  if (!create_private (path, error))
    return NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    goto failed;

  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &statement, NULL);
  if (sqlite3_step (statement) == SQLITE_ROW)
    version = sqlite3_column_int (statement, 0);
  sqlite3_finalize (statement);

  for (int next = version + 1; next <= (int) G_N_ELEMENTS (migrations); next++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", next);

      if (sqlite3_exec (db, migrations[next - 1], NULL, NULL, NULL) != SQLITE_OK ||
          sqlite3_exec (db, set_version, NULL, NULL, NULL) != SQLITE_OK)
        goto failed;
    }

  if (!fill_number_pool (db, error) || !seed_customers (db, error) || !prov_sandbox_products_seed (db, error) ||
      !prov_sandbox_availability_seed (db, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    goto failed;

  return db;

failed:
  prov_sandbox_database_set_error (error, db);
  sqlite3_close (db);
  return NULL;
}

/* A record the sandbox stored itself: if it cannot be read, the fault is
 * the carrier's (500), never the client's. */
JsonNode *
prov_sandbox_json_parse (const char  *text,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *node;

  node = text != NULL ? prov_json_parse_guarded (text, strlen (text), PROV_JSON_MAX_DEPTH, &local_error) : NULL;
  if (node == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "A stored record could not be read: %s",
                 local_error != NULL ? local_error->message : "it is empty");

  return node;
}

char *
prov_sandbox_format_time (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return prov_rfc3339_format (time);
}

/* A copy of @request as the resource the carrier made of it: its @id, and
 * its href under @collection (such as "customer/"). */
JsonNode *
prov_sandbox_new_resource (JsonNode   *request,
                           const char *base_url,
                           const char *collection,
                           const char *id)
{
  JsonNode *resource = json_node_copy (request);
  JsonObject *object = json_node_get_object (resource);
  g_autofree char *href = g_strconcat (base_url, collection, id, NULL);

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "href", href);

  return resource;
}

/* Runs @sql, an INSERT or UPDATE, with the text parameters that follow
 * (a NULL ends them). */
gboolean
prov_sandbox_database_store (sqlite3     *db,
                             const char  *sql,
                             GError     **error,
                             ...)
{
  sqlite3_stmt *statement = NULL;
  const char *text;
  va_list texts;
  int index = 1;
  gboolean stored;

  if (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL) != SQLITE_OK)
    {
      prov_sandbox_database_set_error (error, db);
      return FALSE;
    }

  va_start (texts, error);
  while ((text = va_arg (texts, const char *)) != NULL)
    sqlite3_bind_text (statement, index++, text, -1, SQLITE_TRANSIENT);
  va_end (texts);

  stored = sqlite3_step (statement) == SQLITE_DONE;
  if (!stored)
    prov_sandbox_database_set_error (error, db);
  sqlite3_finalize (statement);

  return stored;
}

/* One page of a collection: @count_sql counts what @page_sql lists, both
 * given @filter as ?1 where they take it (NULL for all); @page_sql takes
 * the limit as ?2 and the offset as ?3 and selects each item's JSON body. */
JsonNode *
prov_sandbox_database_page (sqlite3     *db,
                            const char  *count_sql,
                            const char  *page_sql,
                            const char  *filter,
                            guint        offset,
                            guint        limit,
                            guint       *total,
                            GError     **error)
{
  JsonArray *list = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  sqlite3_stmt *statement = NULL;

  json_node_take_array (node, list);

  if (sqlite3_prepare_v2 (db, count_sql, -1, &statement, NULL) != SQLITE_OK)
    {
      prov_sandbox_database_set_error (error, db);
      return NULL;
    }
  if (sqlite3_bind_parameter_count (statement) > 0)
    sqlite3_bind_text (statement, 1, filter, -1, SQLITE_TRANSIENT);
  sqlite3_step (statement);
  *total = sqlite3_column_int (statement, 0);
  sqlite3_finalize (statement);

  if (sqlite3_prepare_v2 (db, page_sql, -1, &statement, NULL) != SQLITE_OK)
    {
      prov_sandbox_database_set_error (error, db);
      return NULL;
    }
  sqlite3_bind_text (statement, 1, filter, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (statement, 2, limit);
  sqlite3_bind_int (statement, 3, offset);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      JsonNode *item = prov_sandbox_json_parse ((const char *) sqlite3_column_text (statement, 0), error);

      if (item == NULL)
        {
          sqlite3_finalize (statement);
          return NULL;
        }
      json_array_add_element (list, item);
    }
  sqlite3_finalize (statement);

  return g_steal_pointer (&node);
}
