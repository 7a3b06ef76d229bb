#include <glib/gi18n-lib.h>

#include "prov-store-error.h"
#include "prov-store-schema.h"

/*
 * Each entry takes the database from version N to N + 1. Never edit an entry
 * that has shipped: add a new one. Integer enum columns hold the values of
 * ProvOrderKind, ProvOrderState and ProvIdKind, which are never renumbered.
 * Every version has a fixture in tests/fixtures that test-store-migrations
 * migrates to the newest.
 */
static const char * const migrations[] = {
  /* 1: the first schema */
  "CREATE TABLE customers ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  carrier_id TEXT,"
  "  name TEXT NOT NULL,"
  "  email TEXT,"
  "  phone TEXT,"
  "  pin TEXT,"
  "  details TEXT NOT NULL DEFAULT '{}',"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE);"

  "CREATE TABLE orders ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  kind INTEGER NOT NULL,"
  "  state INTEGER NOT NULL,"
  "  carrier_state TEXT,"
  "  carrier_id TEXT,"
  "  customer_id INTEGER REFERENCES customers (id) ON DELETE SET NULL,"
  "  customer_name TEXT,"
  "  reference TEXT,"
  "  msisdn TEXT,"
  "  iccid TEXT,"
  "  imei TEXT,"
  "  payload TEXT NOT NULL DEFAULT '{}',"
  "  current_page TEXT,"
  "  created_by TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  submitted_at INTEGER"
  ");"
  "CREATE INDEX orders_by_update ON orders (updated_at DESC, id DESC);"
  "CREATE INDEX orders_by_state ON orders (state);"
  "CREATE INDEX orders_by_carrier_id ON orders (carrier_id);"

  "CREATE TABLE order_events ("
  "  id INTEGER PRIMARY KEY,"
  "  order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,"
  "  at INTEGER NOT NULL,"
  "  who TEXT NOT NULL,"
  "  from_state INTEGER,"
  "  to_state INTEGER NOT NULL,"
  "  reason TEXT"
  ");"
  "CREATE INDEX order_events_by_order ON order_events (order_id, at);"

  "CREATE TABLE outbox ("
  "  order_id INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,"
  "  queued_at INTEGER NOT NULL,"
  "  attempts INTEGER NOT NULL DEFAULT 0,"
  "  next_attempt_at INTEGER NOT NULL,"
  "  last_error TEXT"
  ");"

  /* One ICCID or IMEI belongs to one open order at a time. */
  "CREATE TABLE reservations ("
  "  kind INTEGER NOT NULL,"
  "  value TEXT NOT NULL,"
  "  order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,"
  "  field TEXT NOT NULL,"
  "  reserved_at INTEGER NOT NULL,"
  "  PRIMARY KEY (kind, value)"
  ");"
  "CREATE INDEX reservations_by_order ON reservations (order_id);"

  "CREATE TABLE extensions ("
  "  id INTEGER PRIMARY KEY,"
  "  account TEXT NOT NULL,"
  "  number TEXT NOT NULL,"
  "  name TEXT,"
  "  order_id INTEGER REFERENCES orders (id) ON DELETE SET NULL,"
  "  created_at INTEGER NOT NULL,"
  "  UNIQUE (account, number)"
  ");"

  /* status: 1 in stock, 2 reserved, 3 assigned, 4 used, 5 faulty */
  "CREATE TABLE stock ("
  "  id INTEGER PRIMARY KEY,"
  "  id_kind INTEGER NOT NULL,"
  "  identifier TEXT NOT NULL,"
  "  status INTEGER NOT NULL DEFAULT 1,"
  "  model TEXT,"
  "  order_id INTEGER REFERENCES orders (id) ON DELETE SET NULL,"
  "  added_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  UNIQUE (id_kind, identifier)"
  ");"
  "CREATE INDEX stock_by_status ON stock (status, id_kind);"

  "CREATE TABLE catalog_cache ("
  "  carrier TEXT NOT NULL,"
  "  resource TEXT NOT NULL,"
  "  resource_id TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  fetched_at INTEGER NOT NULL,"
  "  PRIMARY KEY (carrier, resource, resource_id)"
  ");"

  /* status: 1 available, 2 reserved, 3 assigned, 4 released */
  "CREATE TABLE numbers ("
  "  id INTEGER PRIMARY KEY,"
  "  msisdn TEXT NOT NULL UNIQUE,"
  "  status INTEGER NOT NULL DEFAULT 1,"
  "  pool TEXT,"
  "  reservation_id TEXT,"
  "  order_id INTEGER REFERENCES orders (id) ON DELETE SET NULL,"
  "  expires_at INTEGER"
  ");",

  /* 2: an order has lines (TMF622 productOrderItems), each with its own
   * offering, action, product it changes, state and fields. An order of
   * version 1 becomes one line: the fields of its product, SIM, number,
   * device, user and extension move to it; the customer, the reference,
   * the start date and what the clerk asked of the till stay. */
  "CREATE TABLE order_lines ("
  "  id INTEGER PRIMARY KEY,"
  "  order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  line_id TEXT NOT NULL,"
  "  action INTEGER NOT NULL DEFAULT 0,"
  "  product_ref TEXT,"
  "  state TEXT,"
  "  payload TEXT NOT NULL DEFAULT '{}',"
  "  UNIQUE (order_id, position)"
  ");"
  "INSERT INTO order_lines (order_id, position, line_id, payload) "
  "  SELECT id, 0, '1', (SELECT json_group_object (key, value) FROM json_each (orders.payload) "
  "                      WHERE key NOT LIKE 'customer.%' AND key NOT IN "
  "                        ('reference', 'stocktaking.start-date', 'confirm.print', 'confirm.save-pdf', 'notes')) "
  "  FROM orders;"
  "UPDATE orders SET payload = (SELECT json_group_object (key, value) FROM json_each (orders.payload) "
  "                             WHERE key LIKE 'customer.%' OR key IN "
  "                               ('reference', 'stocktaking.start-date', 'confirm.print', 'confirm.save-pdf', 'notes'));"
  /* An identifier is held by one line of one open order. */
  "ALTER TABLE reservations ADD COLUMN line_position INTEGER NOT NULL DEFAULT 0;",

  /* 3: the customers' products at the carrier (TMF637), for offline use */
  "CREATE TABLE carrier_products ("
  "  account TEXT NOT NULL,"
  "  product_id TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  fetched_at INTEGER NOT NULL,"
  "  PRIMARY KEY (account, product_id)"
  ");",

  /* 4: e-mails to go out through the carrier (TMF681), exactly once.
   * state: 0 queued, 1 sent, 2 needs attention */
  "CREATE TABLE messages ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  order_id INTEGER REFERENCES orders (id) ON DELETE SET NULL,"
  "  body TEXT NOT NULL,"
  "  state INTEGER NOT NULL DEFAULT 0,"
  "  attempts INTEGER NOT NULL DEFAULT 0,"
  "  next_attempt_at INTEGER NOT NULL,"
  "  carrier_id TEXT,"
  "  problem TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  sent_at INTEGER"
  ");"
  "CREATE INDEX messages_due ON messages (state, next_attempt_at);",

  /* 5: the store's staff, who sign in with a PIN (kept as its Argon2id
   * hash only); a timeline event names who did it and, where a manager
   * allowed a clerk to, that manager. role: 1 clerk, 2 manager */
  "CREATE TABLE staff ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  role INTEGER NOT NULL,"
  "  pin_hash TEXT NOT NULL,"
  "  active INTEGER NOT NULL DEFAULT 1,"
  "  wrong_pins INTEGER NOT NULL DEFAULT 0,"
  "  locked_until INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL"
  ");"
  "ALTER TABLE order_events ADD COLUMN authorised_by TEXT;",
};

int
prov_store_schema_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      prov_store_set_sqlite_error (error, db, message);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static int
read_user_version (sqlite3 *db,
                   GError **error)
{
  sqlite3_stmt *statement = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &statement, NULL) == SQLITE_OK &&
      sqlite3_step (statement) == SQLITE_ROW)
    version = sqlite3_column_int (statement, 0);
  else
    prov_store_set_sqlite_error (error, db, NULL);

  sqlite3_finalize (statement);
  return version;
}

/* All steps run in one transaction: a power cut mid-way leaves the
 * database at the version it had, never in between. */
gboolean
prov_store_schema_migrate (sqlite3  *db,
                           GError  **error)
{
  int version = read_user_version (db, error);
  int latest = prov_store_schema_latest_version ();

  if (version < 0)
    return FALSE;

  if (version > latest)
    {
      g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_TOO_NEW,
                   _("The order database was written by a newer version of Provisioner (format %d; this version reads up to %d)"),
                   version, latest);
      return FALSE;
    }

  if (version == latest)
    return TRUE;

  if (!exec_sql (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (int next = version + 1; next <= latest; next++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", next);

      if (!exec_sql (db, migrations[next - 1], error) || !exec_sql (db, set_version, error))
        {
          exec_sql (db, "ROLLBACK", NULL);
          return FALSE;
        }
    }

  return exec_sql (db, "COMMIT", error);
}
