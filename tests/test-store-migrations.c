/* Every schema version's fixture, migrated by ProvStore, must end up with
 * exactly the schema of a new database, and keep its data. */
#include <string.h>

#include "prov-store-schema.h"
#include "prov-test-util.h"
#include "prov-tmf622.h"

static void
append_rows (GString    *out,
             sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *statement = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (statement); i++)
        {
          const char *text = (const char *) sqlite3_column_text (statement, i);
          g_string_append_printf (out, "%s|", text != NULL ? text : "NULL");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (statement);
}

/* Columns, indexes and foreign keys of every table: the schema as SQLite
 * sees it, independent of how the CREATE statements were worded. */
static char *
describe_schema (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *statement = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &statement, NULL), ==, SQLITE_OK);
  while (sqlite3_step (statement) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (statement, 0)));
  sqlite3_finalize (statement);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *columns = g_strdup_printf ("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('%s')", table);
      g_autofree char *indexes = g_strdup_printf ("SELECT l.name, l.\"unique\", group_concat(i.name) FROM pragma_index_list('%s') l, "
                                                  "pragma_index_info(l.name) i GROUP BY l.name ORDER BY l.name", table);
      g_autofree char *keys = g_strdup_printf ("SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('%s') "
                                               "ORDER BY \"from\"", table);

      g_string_append_printf (out, "table %s\n", table);
      append_rows (out, db, columns);
      append_rows (out, db, indexes);
      append_rows (out, db, keys);
    }

  append_rows (out, db, "PRAGMA user_version");
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
count_rows (const char *path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *statement = NULL;
  sqlite3 *db = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);
  sqlite3_close (db);

  return count;
}

static char *
fresh_schema (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "fresh.db", NULL);
  g_autoptr(ProvStore) store = prov_test_open_store (path, NULL);

  prov_test_close_store (store);
  return describe_schema (path);
}

static void
test_fixture_migrates (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *name = g_strdup_printf ("schema-v%d.sql", version);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autofree char *path = g_build_filename (dir, "migrated.db", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *migrated = NULL;
  g_autoptr(ProvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *moved_aside = NULL;
  sqlite3 *db = NULL;
  gint64 orders_before;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  orders_before = count_rows (path, "orders");
  g_assert_cmpint (orders_before, >, 0);

  store = prov_test_open_store (path, &moved_aside);
  g_assert_null (moved_aside);
  prov_test_close_store (store);

  expected = fresh_schema (dir);
  migrated = describe_schema (path);
  g_assert_cmpstr (migrated, ==, expected);
  g_assert_cmpint (count_rows (path, "orders"), ==, orders_before);
  /* Every order has its line, the orders of version 1 one each. */
  g_assert_cmpint (count_rows (path, "order_lines"), >=, orders_before);

  prov_test_remove_tree (dir);
}

/* A draft saved by version 1 opens on its page with every field where the
 * order model now keeps it, and the queued order still goes to the carrier
 * with its SIM on its line. */
static void
test_v1_orders_after_upgrade (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "schema-v1.sql", NULL);
  g_autofree char *path = g_build_filename (dir, "migrated.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(ProvStore) store = NULL;
  g_autoptr(ProvOrder) draft = NULL;
  g_autoptr(ProvOrder) queued = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *text = NULL;
  sqlite3 *db = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = prov_test_open_store (path, NULL);
  draft = prov_test_load (store, "9685dcbe-cfd4-4eca-8826-9d5bdc9e4b20", NULL);
  g_assert_nonnull (draft);
  g_assert_cmpint (prov_order_get_state (draft), ==, PROV_ORDER_STATE_DRAFT);
  g_assert_cmpstr (prov_order_get_current_page (draft), ==, "stocktaking");
  g_assert_cmpstr (prov_order_get_field (draft, PROV_ORDER_FIELD_CUSTOMER_NAME), ==, "Jan Jansen");
  g_assert_cmpstr (prov_order_get_field (draft, PROV_ORDER_FIELD_REFERENCE), ==, "PO-1001");
  g_assert_cmpuint (prov_order_get_n_lines (draft), ==, 1);
  g_assert_cmpstr (prov_order_line_get_field (prov_order_get_line (draft, 0), PROV_ORDER_FIELD_SIM_ICCID), ==,
                   "8931440400000000006");

  queued = prov_test_load (store, "5dcbacda-e9cf-4f2b-aff7-edb23032f19b", NULL);
  g_assert_cmpint (prov_order_get_state (queued), ==, PROV_ORDER_STATE_QUEUED);
  body = prov_tmf622_build_order_create (queued, "TEST");
  text = json_to_string (body, FALSE);
  g_assert_nonnull (strstr (text, "\"name\":\"ICCID\",\"valueType\":\"string\",\"value\":\"8931440400000000014\""));
  g_assert_nonnull (strstr (text, "\"@referredType\":\"SIMCard\""));

  prov_test_close_store (store);
  prov_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* A version without a fixture fails here rather than going untested. */
  for (int version = 1; version <= prov_store_schema_latest_version (); version++)
    {
      g_autofree char *test_path = g_strdup_printf ("/store/migrations/from-v%d", version);
      g_test_add_data_func (test_path, GINT_TO_POINTER (version), test_fixture_migrates);
    }

  g_test_add_func ("/store/migrations/v1-orders-after-upgrade", test_v1_orders_after_upgrade);

  return g_test_run ();
}
