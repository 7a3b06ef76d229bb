/* provisioner-cli as a script would use it. */
#include <string.h>

#include <json-glib/json-glib.h>

#include "prov-test-sandbox.h"
#include "prov-test-util.h"

static int
run_cli (char       **out,
         char       **err,
         const char  *first_argument,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = prov_test_make_tmp_dir ();
  const char *argument;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PROVISIONER_CLI"));
  va_start (args, first_argument);
  for (argument = first_argument; argument != NULL; argument = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) argument);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* The tool must touch nothing of the developer's: not the keyring, not
   * the app's database. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", home, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  prov_test_remove_tree (home);

  return g_subprocess_get_exit_status (process);
}

static JsonObject *
parse_line (const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_id_prints_json_lines (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonObject) meid = NULL;
  g_autoptr(JsonObject) iccid = NULL;
  int status;

  status = run_cli (&out, &err, "id", "A10000009296F2", "8931 4404 0000 0000 006", NULL);
  g_assert_cmpint (status, ==, 1);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);

  meid = parse_line (lines[0]);
  g_assert_cmpstr (json_object_get_string_member (meid, "kind"), ==, "meid");
  g_assert_true (json_object_get_boolean_member (meid, "valid"));
  g_assert_cmpstr (json_object_get_string_member (meid, "pseudo_esn"), ==, "8075B7ED");
  g_assert_cmpstr (json_object_get_string_member (meid, "decimal"), ==, "270113177609606898");

  iccid = parse_line (lines[1]);
  g_assert_cmpstr (json_object_get_string_member (iccid, "kind"), ==, "iccid");
  g_assert_false (json_object_get_boolean_member (iccid, "valid"));
  g_assert_cmpstr (json_object_get_string_member (iccid, "check_digit"), ==, "8");
  g_assert_nonnull (strstr (json_object_get_string_member (iccid, "error"), "check digit"));
}

static void
test_id_with_kind (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) esn = NULL;

  g_assert_cmpint (run_cli (&out, &err, "id", "--kind", "esn", "23010485759", NULL), ==, 0);
  esn = parse_line (g_strchomp (out));
  g_assert_cmpstr (json_object_get_string_member (esn, "hex"), ==, "E69FFFFF");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "id", "--kind", "nonsense", "1", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "nonsense"));
}

static void
test_stock_import_and_find (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *database = g_build_filename (dir, "orders.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "delivery.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (csv,
                                      "kind,identifier,model\n"
                                      "sim,89014103211118510720,\n"
                                      "device,490154203237517,Typo\n"
                                      "device,490154203237518,Fairphone 5\n", -1, NULL));

  g_assert_cmpint (run_cli (&out, &err, "stock", "--database", database, "import", csv, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Added 2"));
  g_assert_nonnull (strstr (err, "Line 3"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "stock", "--database", database, "find", "7518", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "imei\t490154203237518\t"));
  g_assert_nonnull (strstr (out, "Fairphone 5"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "stock", "--database", database, "find", "9999", NULL), ==, 1);

  prov_test_remove_tree (dir);
}

static void
test_sync_sends_the_outbox (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *database = g_build_filename (dir, "orders.db", NULL);
  g_autoptr(ProvStore) store = prov_test_open_store (database, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) listed = NULL;
  g_autoptr(GError) error = NULL;
  Sandbox sandbox = { 0 };

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
      g_autofree char *iccid = g_strdup_printf ("893144040000000%04u", i);
      g_autoptr(GPtrArray) conflicts = NULL;

      prov_order_set_field (order, PROV_ORDER_FIELD_ICCID, iccid);
      conflicts = prov_test_save (store, order, &error);
      g_assert_true (prov_test_transition (store, order, PROV_ORDER_STATE_READY, &error));
      g_assert_true (prov_test_transition (store, order, PROV_ORDER_STATE_QUEUED, &error));
      g_assert_no_error (error);
    }
  prov_test_close_store (store);
  g_clear_object (&store);

  sandbox_start (&sandbox, NULL, NULL);

  g_assert_cmpint (run_cli (&out, &err, "sync", "--database", database, "--carrier", sandbox.root, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Sent: 3\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Nothing is sent twice. */
  g_assert_cmpint (run_cli (&out, &err, "sync", "--database", database, "--carrier", sandbox.root, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Sent: 0\n"));

  uri = g_strconcat (sandbox.base, "productOrder", NULL);
  message = soup_message_new ("GET", uri);
  listed = soup_session_send_and_read (sandbox.session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (message), "X-Total-Count"), ==, "3");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "sync", "--database", database, "--carrier", "http://carrier.example/", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "https://"));

  sandbox_remove (&sandbox);
  prov_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/id-prints-json-lines", test_id_prints_json_lines);
  g_test_add_func ("/cli/id-with-kind", test_id_with_kind);
  g_test_add_func ("/cli/stock-import-and-find", test_stock_import_and_find);
  g_test_add_func ("/cli/sync-sends-the-outbox", test_sync_sends_the_outbox);

  return g_test_run ();
}
