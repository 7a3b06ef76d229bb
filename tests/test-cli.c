/* provisioner-cli as a script would use it. */
#include <string.h>

#include <json-glib/json-glib.h>

#include "prov-test-cli.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"

/* provisioner-cli staff -d @database with @input on its standard input;
 * what it printed replaces @out and @err. */
static int
run_staff (const char  *database,
           const char  *input,
           char       **out,
           char       **err,
           const char  *first_argument,
           ...)
{
  g_autoptr(GPtrArray) arguments = g_ptr_array_new ();
  va_list args;

  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  g_ptr_array_add (arguments, (gpointer) "staff");
  g_ptr_array_add (arguments, (gpointer) "-d");
  g_ptr_array_add (arguments, (gpointer) database);
  va_start (args, first_argument);
  prov_test_add_arguments (arguments, first_argument, args);
  va_end (args);
  return prov_test_run_cli_argv (input, out, err, arguments);
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

  status = prov_test_run_cli (&out, &err, "id", "A10000009296F2", "8931 4404 0000 0000 006", NULL);
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

  g_assert_cmpint (prov_test_run_cli (&out, &err, "id", "--kind", "esn", "23010485759", NULL), ==, 0);
  esn = parse_line (g_strchomp (out));
  g_assert_cmpstr (json_object_get_string_member (esn, "hex"), ==, "E69FFFFF");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (prov_test_run_cli (&out, &err, "id", "--kind", "nonsense", "1", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "nonsense"));
}

/* Bytes that are not UTF-8 still give JSON that parses; "--" ends the
 * options and is no value. */
static void
test_id_odd_input (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonObject) odd = NULL;
  g_autoptr(JsonObject) negative = NULL;

  g_assert_cmpint (prov_test_run_cli (&out, &err, "id", "--", "\xff\xfe" "8931\x01", "-5", NULL), ==, 1);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  odd = parse_line (lines[0]);
  g_assert_false (json_object_get_boolean_member (odd, "valid"));
  g_assert_nonnull (strstr (json_object_get_string_member (odd, "input"), "8931"));
  negative = parse_line (lines[1]);
  g_assert_cmpstr (json_object_get_string_member (negative, "input"), ==, "-5");
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

  g_assert_cmpint (prov_test_run_cli (&out, &err, "stock", "--database", database, "import", csv, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Added 2"));
  g_assert_nonnull (strstr (err, "Line 3"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (prov_test_run_cli (&out, &err, "stock", "--database", database, "find", "7518", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "imei\t490154203237518\t"));
  g_assert_nonnull (strstr (out, "Fairphone 5"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (prov_test_run_cli (&out, &err, "stock", "--database", database, "find", "9999", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Fewer digits than a clerk types at the counter: refused, not "all". */
  g_assert_cmpint (prov_test_run_cli (&out, &err, "stock", "--database", database, "find", "", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "4 digits"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (prov_test_run_cli (&out, &err, "stock", "--database", database, "find", "7", NULL), ==, 2);

  prov_test_remove_tree (dir);
}

/* A valid ICCID of the test range whose last four digits are 1237, the
 * @n-th of them. */
static char *
iccid_ending_1237 (guint n)
{
  for (guint serial = 0, found = 0;; serial++)
    {
      g_autofree char *iccid = NULL;
      g_autofree char *body = g_strdup_printf ("89314404%07u123", serial);
      guint sum = 0;

      for (gsize i = 0; i < strlen (body); i++)
        {
          guint digit = body[strlen (body) - 1 - i] - '0';
          sum += i % 2 == 0 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
        }
      if ((10 - sum % 10) % 10 == 7 && found++ == n)
        return g_strconcat (body, "7", NULL);
    }
}

/* More matches than are listed: the tool says how many, that the list is
 * cut, and exits with status 3. */
static void
test_stock_find_cut (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *database = g_build_filename (dir, "orders.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "delivery.csv", NULL);
  g_autoptr(GString) text = g_string_new ("iccid\n");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) listed = NULL;

  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *iccid = iccid_ending_1237 (i);
      g_string_append_printf (text, "%s\n", iccid);
    }
  g_assert_true (g_file_set_contents (csv, text->str, -1, NULL));
  g_assert_cmpint (prov_test_run_cli (&out, &err, "stock", "--database", database, "import", csv, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Added 150"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (prov_test_run_cli (&out, &err, "stock", "--database", database, "find", "1237", NULL), ==, 3);
  listed = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (listed), ==, 100);
  g_assert_nonnull (strstr (err, "150 items end in 1237"));
  g_assert_nonnull (strstr (err, "only the newest 100"));

  prov_test_remove_tree (dir);
}

/* The whole file is read: a NUL byte in a line makes that line unusable,
 * not the rest of the file; UTF-16 with its byte order mark is read. */
static void
test_stock_import_odd_files (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *database = g_build_filename (dir, "orders.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "delivery.csv", NULL);
  g_autofree char *utf16 = g_build_filename (dir, "export-utf16.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char with_nul[] = "identifier\n89014103211118510720\n8931440400000000\0008\n490154203237518\n";
  const char *lines = "identifier\r\n89314404000000000016\r\n490154203237518\r\n";
  g_autofree char *converted = NULL;
  gsize converted_length = 0;
  g_autoptr(GString) bytes = g_string_new (NULL);

  g_assert_true (g_file_set_contents (csv, with_nul, sizeof with_nul - 1, NULL));
  g_assert_cmpint (prov_test_run_cli (&out, &err, "stock", "--database", database, "import", csv, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Added 2"));
  g_assert_nonnull (strstr (out, "1 lines could not be used"));
  g_assert_nonnull (strstr (err, "Line 3"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  converted = g_convert (lines, -1, "UTF-16LE", "UTF-8", NULL, &converted_length, NULL);
  g_assert_nonnull (converted);
  g_string_append_len (bytes, "\xff\xfe", 2);
  g_string_append_len (bytes, converted, converted_length);
  g_assert_true (g_file_set_contents (utf16, bytes->str, bytes->len, NULL));
  g_assert_cmpint (prov_test_run_cli (&out, &err, "stock", "--database", database, "import", utf16, NULL), ==, 1);
  /* The IMEI is in stock already; the ICCID's check digit is wrong. */
  g_assert_nonnull (strstr (out, "Added 0"));
  g_assert_nonnull (strstr (out, "1 were already in stock"));
  g_assert_nonnull (strstr (err, "Line 2"));

  prov_test_remove_tree (dir);
}

/* A run ends, whatever the carrier does: against one that answers
 * nothing for 20 s, with an answer timeout of 600 s, the run stops at its
 * time limit, says so, and leaves the orders to be looked up first. The
 * next run sends each once. */
static void
test_sync_run_ends (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *database = g_build_filename (dir, "orders.db", NULL);
  g_autoptr(ProvStore) store = prov_test_open_store (database, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  Sandbox sandbox = { 0 };
  gint64 started;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
      g_autofree char *iccid = g_strdup_printf ("893144040000001%04u", i);
      g_autoptr(GPtrArray) conflicts = NULL;

      prov_order_set_field (order, PROV_ORDER_FIELD_SIM_ICCID, iccid);
      conflicts = prov_test_save (store, order, &error);
      g_assert_true (prov_test_transition (store, order, PROV_ORDER_STATE_READY, &error));
      g_assert_true (prov_test_transition (store, order, PROV_ORDER_STATE_QUEUED, &error));
      g_assert_no_error (error);
    }
  prov_test_close_store (store);
  g_clear_object (&store);

  sandbox_start (&sandbox, "--timeout-rate=1", NULL);
  started = g_get_monotonic_time ();
  g_assert_cmpint (prov_test_run_cli (&out, &err, "sync", "--database", database, "--carrier", sandbox.root,
                            "--timeout", "600", "--time-limit", "2", NULL), ==, 1);
  /* Its own limit, not the carrier's 20 s. */
  g_assert_cmpint (g_get_monotonic_time () - started, <, 15 * G_USEC_PER_SEC);
  g_assert_nonnull (strstr (err, "Stopped after 2 seconds"));
  sandbox_stop (&sandbox);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Their retry comes due within the wait. */
  sandbox_start (&sandbox, NULL, NULL);
  g_assert_cmpint (prov_test_run_cli (&out, &err, "sync", "--database", database, "--carrier", sandbox.root,
                            "--wait", "30", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Sent: 3\n"));
  g_assert_cmpuint (sandbox_count_orders (&sandbox), ==, 3);

  sandbox_remove (&sandbox);
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

      prov_order_set_field (order, PROV_ORDER_FIELD_SIM_ICCID, iccid);
      conflicts = prov_test_save (store, order, &error);
      g_assert_true (prov_test_transition (store, order, PROV_ORDER_STATE_READY, &error));
      g_assert_true (prov_test_transition (store, order, PROV_ORDER_STATE_QUEUED, &error));
      g_assert_no_error (error);
    }
  prov_test_close_store (store);
  g_clear_object (&store);

  sandbox_start (&sandbox, NULL, NULL);

  g_assert_cmpint (prov_test_run_cli (&out, &err, "sync", "--database", database, "--carrier", sandbox.root, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Sent: 3\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Nothing is sent twice. */
  g_assert_cmpint (prov_test_run_cli (&out, &err, "sync", "--database", database, "--carrier", sandbox.root, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Sent: 0\n"));

  uri = g_strconcat (sandbox.base, "productOrder", NULL);
  message = soup_message_new ("GET", uri);
  listed = soup_session_send_and_read (sandbox.session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (message), "X-Total-Count"), ==, "3");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (prov_test_run_cli (&out, &err, "sync", "--database", database, "--carrier", "http://carrier.example/", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "https://"));

  sandbox_remove (&sandbox);
  prov_test_remove_tree (dir);
}

static ProvOrder *
order_for_export (ProvOrderKind kind,
                  guint         serial)
{
  ProvOrder *order = prov_order_new (kind, "clerk");
  g_autofree char *iccid = prov_test_make_iccid (serial);

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_ID, "CUST-1001");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Jan Jansen");
  prov_order_set_field (order, PROV_ORDER_FIELD_REFERENCE, "PO-1001");
  prov_order_set_field (order, PROV_ORDER_FIELD_STOCKTAKING_START_DATE, "2030-01-15");
  prov_order_set_field (order, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, "voice-advanced");
  prov_order_set_field (order, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_NAME, "Advanced User");
  prov_order_set_field (order, PROV_ORDER_FIELD_SIM_ICCID, iccid);
  prov_order_set_field (order, PROV_ORDER_FIELD_USER_DISPLAY_NAME, "Anna Jansen");

  return order;
}

static char **
place_orders_for_export (const char *database)
{
  g_autoptr(ProvStore) store = prov_test_open_store (database, NULL);
  g_autoptr(ProvOrder) mobile = order_for_export (PROV_ORDER_KIND_MOBILE_USER, 700);
  g_autoptr(ProvOrder) extension = order_for_export (PROV_ORDER_KIND_USER_EXTENSION, 701);
  g_autoptr(ProvOrder) wireless = order_for_export (PROV_ORDER_KIND_NEW_WIRELESS_CUSTOMER, 702);
  g_autofree char *second_iccid = prov_test_make_iccid (703);
  ProvOrder *orders[] = { mobile, extension, wireless };
  GStrvBuilder *uuids = g_strv_builder_new ();
  ProvOrderLine *line;

  prov_order_set_field (extension, PROV_ORDER_FIELD_EXTENSION_NUMBER, "204");
  prov_order_set_field (extension, PROV_ORDER_FIELD_EXTENSION_PIN, "4711");
  line = prov_order_add_line (wireless);
  prov_order_line_set_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, "data-only-10gb");
  prov_order_line_set_field (line, PROV_ORDER_FIELD_SIM_ICCID, second_iccid);
  line = prov_order_add_line (wireless);
  prov_order_line_set_action (line, PROV_LINE_ACTION_DELETE);
  prov_order_line_set_product_ref (line, "product-18");

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      prov_store_place_order_async (store, orders[i], NULL, "clerk", NULL, prov_test_store_result, &result);
      g_assert_true (prov_store_place_order_finish (store, prov_test_await (&result), &error));
      g_assert_no_error (error);
      g_strv_builder_add (uuids, prov_order_get_uuid (orders[i]));
    }

  prov_test_close_store (store);
  return g_strv_builder_end (uuids);
}

/* Exported, imported on a fresh database and exported again: the same
 * orders, lines and all. */
static void
test_order_export_import (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *first = g_build_filename (dir, "first.db", NULL);
  g_autofree char *second = g_build_filename (dir, "second.db", NULL);
  g_autofree char *file = g_build_filename (dir, "orders.json", NULL);
  g_auto(GStrv) uuids = place_orders_for_export (first);
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (prov_test_run_cli (&exported, &err, "order", "--database", first, "export", uuids[0], uuids[1], uuids[2], NULL),
                   ==, 0);
  g_assert_nonnull (strstr (exported, "\"action\" : \"delete\""));
  g_assert_true (g_file_set_contents (file, exported, -1, NULL));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "--database", second, "import", file, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Placed 3 orders; 0 refused"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (prov_test_run_cli (&again, &err, "order", "--database", second, "export", uuids[0], uuids[1], uuids[2], NULL),
                   ==, 0);
  g_assert_cmpstr (again, ==, exported);
  g_clear_pointer (&err, g_free);

  /* show: its lines and timeline, without the PIN. */
  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "--database", second, "show", uuids[1], NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Line 1 (add)"));
  g_assert_nonnull (strstr (out, "Queued"));
  g_assert_null (strstr (out, "4711"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "--database", second, "list", "--kind", "new-wireless-customer", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, uuids[2]));
  g_assert_null (strstr (out, uuids[0]));

  prov_test_remove_tree (dir);
}

/* One broken order among good ones: the good ones are placed, the broken
 * ones named with their reasons, and nothing of them is kept. */
static void
test_order_import_refuses_broken (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *database = g_build_filename (dir, "orders.db", NULL);
  g_autofree char *file = g_build_filename (dir, "batch.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *batch =
    "[{\"externalId\":\"11111111-1111-4111-8111-111111111111\",\"category\":\"mobile-user\","
    "  \"relatedParty\":[{\"id\":\"C-1\",\"name\":\"Jan Jansen\",\"role\":\"Customer\",\"@referredType\":\"Individual\"}],"
    "  \"productOrderItem\":[{\"id\":\"1\",\"action\":\"add\",\"productOffering\":{\"id\":\"voice-advanced\"},"
    "    \"product\":{\"productCharacteristic\":[{\"name\":\"ICCID\",\"value\":\"8931440400000000008\"}]}}]},"
    " {\"externalId\":\"22222222-2222-4222-8222-222222222222\",\"category\":\"mobile-user\","
    "  \"relatedParty\":[{\"id\":\"C-2\",\"name\":\"Piet Pietersen\",\"role\":\"Customer\",\"@referredType\":\"Individual\"}],"
    "  \"productOrderItem\":[{\"id\":\"1\",\"action\":\"add\",\"productOffering\":{\"id\":\"voice-advanced\"},"
    "    \"product\":{\"productCharacteristic\":[{\"name\":\"ICCID\",\"value\":\"8931440400000000007\"},"
    "                                   {\"name\":\"user.email\",\"value\":\"not an address\"}]}}]},"
    " {\"externalId\":\"33333333-3333-4333-8333-333333333333\",\"category\":\"nonsense\",\"productOrderItem\":[]}]";

  g_assert_true (g_file_set_contents (file, batch, -1, NULL));
  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "--database", database, "import", file, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Placed 1 orders; 2 refused"));
  g_assert_nonnull (strstr (err, "Order 2 (22222222-2222-4222-8222-222222222222) is refused"));
  g_assert_nonnull (strstr (err, "SIM (ICCID)"));
  g_assert_nonnull (strstr (err, "e-mail"));
  g_assert_nonnull (strstr (err, "Order 3 (33333333-3333-4333-8333-333333333333) is refused"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "--database", database, "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "11111111-1111-4111-8111-111111111111"));
  g_assert_null (strstr (out, "22222222"));
  g_assert_null (strstr (out, "33333333"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* What cannot be read is refused with its reason, never dropped or
   * changed: a start date that is a number or a placeholder, a quantity
   * other than 1, a name of two thousand characters. */
  {
    g_autoptr(GString) batch_text = g_string_new ("[");
    g_autofree char *long_name = g_strnfill (2000, 'x');
    const char *odd[] = {
      "\"requestedStartDate\":20300115", "\"requestedStartDate\":\"0001-01-01T00:00:00Z\"",
      "\"quantity\":-1", "\"quantity\":0", "\"quantity\":\"five\"", "\"quantity\":1e308",
    };

    for (guint i = 0; i < G_N_ELEMENTS (odd) + 1; i++)
      {
        gboolean on_item = i < G_N_ELEMENTS (odd) && g_str_has_prefix (odd[i], "\"quantity");

        g_string_append_printf (batch_text,
          "%s{\"externalId\":\"55555555-5555-4555-8555-55555555555%u\",\"category\":\"mobile-user\",%s%s"
          "  \"relatedParty\":[{\"id\":\"C-5\",\"name\":\"%s\",\"role\":\"Customer\",\"@referredType\":\"Individual\"}],"
          "  \"productOrderItem\":[{\"id\":\"1\",\"action\":\"add\",%s%s\"productOffering\":{\"id\":\"voice-advanced\"},"
          "    \"product\":{\"productCharacteristic\":[{\"name\":\"ICCID\",\"value\":\"8931440400000000008\"}]}}]}",
          i > 0 ? "," : "", i, !on_item && i < G_N_ELEMENTS (odd) ? odd[i] : "", !on_item && i < G_N_ELEMENTS (odd) ? "," : "",
          i == G_N_ELEMENTS (odd) ? long_name : "Jan Jansen", on_item ? odd[i] : "", on_item ? "," : "");
      }
    g_string_append (batch_text, "]");
    g_assert_true (g_file_set_contents (file, batch_text->str, -1, NULL));
    g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "--database", database, "import", file, NULL), ==, 1);
    g_test_message ("%s", err);
    g_assert_nonnull (strstr (out, "Placed 0 orders; 7 refused"));
    g_assert_nonnull (strstr (err, "not a date-time text"));
    g_assert_nonnull (strstr (err, "“0001-01-01T00:00:00Z” is not an RFC 3339 date-time"));
    g_assert_nonnull (strstr (err, "quantity must be 1"));
    g_assert_nonnull (strstr (err, "bytes long"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* A NUL inside a text would cut it short: the file is refused, and
   * nothing of it kept ("Visible\u0000Hidden" is not "Visible"). */
  g_assert_true (g_file_set_contents (file,
    "[{\"externalId\":\"44444444-4444-4444-8444-444444444444\",\"category\":\"mobile-user\","
    "  \"relatedParty\":[{\"id\":\"C-4\",\"name\":\"Visible\\u0000Hidden\",\"role\":\"Customer\","
    "    \"@referredType\":\"Individual\"}],"
    "  \"productOrderItem\":[{\"id\":\"1\",\"action\":\"add\",\"productOffering\":{\"id\":\"voice-advanced\"},"
    "    \"product\":{\"productCharacteristic\":[{\"name\":\"ICCID\",\"value\":\"8931440400000000008\"}]}}]}]",
    -1, NULL));
  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "--database", database, "import", file, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "NUL"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "--database", database, "list", NULL), ==, 0);
  g_assert_null (strstr (out, "44444444"));

  prov_test_remove_tree (dir);
}

/* An import never changes an order the till has: one in Needs Attention,
 * imported again with another customer and SIM, is refused as a
 * duplicate, and stays as it was. */
static void
test_order_import_never_overwrites (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *database = g_build_filename (dir, "orders.db", NULL);
  g_autofree char *first_file = g_build_filename (dir, "first.json", NULL);
  g_autofree char *second_file = g_build_filename (dir, "second.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ProvStore) store = NULL;
  g_autoptr(ProvOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  const char *uuid = "44444444-4444-4444-8444-444444444444";
  const char *first =
    "[{\"externalId\":\"44444444-4444-4444-8444-444444444444\",\"category\":\"mobile-user\","
    "  \"relatedParty\":[{\"id\":\"C-1\",\"name\":\"Jan Jansen\",\"role\":\"Customer\",\"@referredType\":\"Individual\"}],"
    "  \"productOrderItem\":[{\"id\":\"1\",\"action\":\"add\",\"productOffering\":{\"id\":\"voice-advanced\"},"
    "    \"product\":{\"productCharacteristic\":[{\"name\":\"ICCID\",\"value\":\"8931440400000000008\"}]}}]}]";
  const char *second =
    "[{\"externalId\":\"44444444-4444-4444-8444-444444444444\",\"category\":\"mobile-user\","
    "  \"relatedParty\":[{\"id\":\"C-9\",\"name\":\"Someone Else\",\"role\":\"Customer\",\"@referredType\":\"Individual\"}],"
    "  \"productOrderItem\":[{\"id\":\"1\",\"action\":\"add\",\"productOffering\":{\"id\":\"voice-advanced\"},"
    "    \"product\":{\"productCharacteristic\":[{\"name\":\"ICCID\",\"value\":\"8931440400000000016\"}]}}]}]";

  g_assert_true (g_file_set_contents (first_file, first, -1, NULL));
  g_assert_true (g_file_set_contents (second_file, second, -1, NULL));
  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "--database", database, "import", first_file, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The carrier refused it: the clerk is to fix it. */
  store = prov_test_open_store (database, NULL);
  order = prov_test_load (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_true (prov_test_transition (store, order, PROV_ORDER_STATE_NEEDS_ATTENTION, &error));
  g_assert_no_error (error);
  prov_test_close_store (store);
  g_clear_object (&store);

  g_assert_cmpint (prov_test_run_cli (&before, &err, "order", "--database", database, "show", uuid, NULL), ==, 0);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "--database", database, "import", second_file, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Placed 0 orders; 1 refused"));
  g_assert_nonnull (strstr (err, "has an order with this reference already"));
  g_assert_null (strstr (err, "can no longer be changed"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (prov_test_run_cli (&after, &err, "order", "--database", database, "show", uuid, NULL), ==, 0);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, "Jan Jansen"));
  g_assert_null (strstr (after, "Someone Else"));
  g_assert_null (strstr (after, "8931440400000000016"));

  prov_test_remove_tree (dir);
}

/* The back office adds the staff: a manager first, then others with a
 * manager's PIN; PINs only on standard input and never in the database;
 * five wrong ones lock a person until a manager unlocks them. */
static void
test_staff (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *database = g_build_filename (dir, "orders.db", NULL);
  g_autofree char *wal = g_strconcat (database, "-wal", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

#define STAFF(input, ...) run_staff (database, input, &out, &err, __VA_ARGS__, NULL)

  g_assert_cmpint (STAFF (NULL, "list"), ==, 0);
  g_assert_cmpstr (out, ==, "");
  /* The first is a manager, with a manager's PIN. */
  g_assert_cmpint (STAFF ("2468\n", "add", "Sem Bakker"), ==, 1);
  g_assert_nonnull (strstr (err, "is a manager"));
  g_assert_cmpint (STAFF ("13579\n", "add", "Marit de Vries", "--role", "manager"), ==, 1);
  g_assert_nonnull (strstr (err, "at least 6 digits"));
  g_assert_cmpint (STAFF ("135790\n", "add", "Marit de Vries", "--role", "manager"), ==, 0);

  /* Then only with a manager's PIN, read first. */
  g_assert_cmpint (STAFF ("2468\n", "add", "Sem Bakker"), ==, 2);
  g_assert_cmpint (STAFF ("135791\n2468\n", "add", "Sem Bakker", "--as", "Marit de Vries"), ==, 1);
  g_assert_nonnull (strstr (err, "Wrong PIN for Marit de Vries"));
  g_assert_cmpint (STAFF ("135790\n2468\n", "add", "Sem Bakker", "--as", "marit de vries"), ==, 0);
  g_assert_cmpint (STAFF ("135790\n1357\n", "add", "SEM BAKKER", "--as", "Marit de Vries"), ==, 1);
  g_assert_nonnull (strstr (err, "already"));
  g_assert_cmpint (STAFF ("2468\n1357\n", "add", "Joost Smit", "--as", "Sem Bakker"), ==, 1);
  g_assert_nonnull (strstr (err, "Only a manager"));

  g_assert_cmpint (STAFF (NULL, "list"), ==, 0);
  g_assert_cmpstr (out, ==, "Marit de Vries\tmanager\tactive\nSem Bakker\tclerk\tactive\n");

  /* The last manager stays. */
  g_assert_cmpint (STAFF ("135790\n", "deactivate", "Marit de Vries", "--as", "Marit de Vries"), ==, 1);
  g_assert_nonnull (strstr (err, "last manager"));

  /* Five wrong PINs lock Sem; the right one then does not help. */
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (STAFF ("1111\n9999\n", "set-pin", "Sem Bakker"), ==, 1);
  g_assert_nonnull (strstr (err, "locked"));
  g_assert_cmpint (STAFF ("2468\n9999\n", "set-pin", "Sem Bakker"), ==, 1);
  g_assert_nonnull (strstr (err, "locked"));
  g_assert_cmpint (STAFF (NULL, "list"), ==, 0);
  g_assert_nonnull (strstr (out, "Sem Bakker\tclerk\tlocked"));
  g_assert_cmpint (STAFF ("135790\n", "unlock", "Sem Bakker", "--as", "Marit de Vries"), ==, 0);
  g_assert_cmpint (STAFF ("2468\n8642\n", "set-pin", "Sem Bakker"), ==, 0);
  g_assert_cmpint (STAFF ("8642\n", "deactivate", "Sem Bakker", "--as", "Sem Bakker"), ==, 1);
  g_assert_cmpint (STAFF ("135790\n", "deactivate", "Sem Bakker", "--as", "Marit de Vries"), ==, 0);
  g_assert_cmpint (STAFF (NULL, "list"), ==, 0);
  g_assert_nonnull (strstr (out, "Sem Bakker\tclerk\tinactive"));

  /* With staff, an import names who does it, with their PIN. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "-d", database, "import", "/nonexistent.json", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--as"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "-d", database, "import", "/nonexistent.json", "--as", "Marit de Vries",
                            NULL), ==, 1);
  g_assert_nonnull (strstr (err, "No PIN"));

  /* Hashes only, in the database and its log. */
  for (const char * const *pin = (const char *[]) { "135790", "2468", "8642", NULL }; *pin != NULL; pin++)
    {
      g_assert_false (prov_test_file_contains (database, *pin));
      g_assert_false (prov_test_file_contains (wal, *pin));
    }
  g_assert_true (prov_test_file_contains (database, "$argon2id$") || prov_test_file_contains (wal, "$argon2id$"));

#undef STAFF
  prov_test_remove_tree (dir);
}

/* What a file or a carrier wrote reaches the terminal harmlessly: no
 * control character clears it or retitles it, no direction mark reverses
 * it, no line break forges a line of list's output. */
static void
test_hostile_text (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *database = g_build_filename (dir, "orders.db", NULL);
  g_autoptr(ProvStore) store = prov_test_open_store (database, NULL);
  g_autoptr(ProvOrder) order = order_for_export (PROV_ORDER_KIND_MOBILE_USER, 710);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  const char *hostile = "Evil\x1b[2J\x1b]0;owned\x07 \xe2\x80\xaeKing\r\nforged\tline\x7f";

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, hostile);
  prov_order_set_field (order, PROV_ORDER_FIELD_NOTES, hostile);
  conflicts = prov_test_save (store, order, &error);
  g_assert_no_error (error);
  prov_test_close_store (g_steal_pointer (&store));

  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "-d", database, "list", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);   /* one order, then the end */
  g_assert_nonnull (strstr (out, "Evil\\x1b[2J\\x1b]0;owned\\x07 \\u202eKing\\r\\nforged\\tline\\x7f"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "-d", database, "show", prov_order_get_uuid (order), NULL), ==, 0);
  for (const char *p = out; *p != '\0'; p++)
    g_assert_true (*p == '\n' || *p == '\t' || (guchar) *p >= 0x20);
  g_assert_null (strstr (out, "\xe2\x80\xae"));
  g_assert_null (strstr (out, "\x7f"));
  g_assert_nonnull (strstr (out, "\\u202eKing"));

  prov_test_remove_tree (dir);
}

static gboolean
file_holds (const char *path,
            const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (contents + i, needle, strlen (needle)) == 0)
      return TRUE;
  return FALSE;
}

/* PINs leave the till only when asked for, and are gone from its files
 * once the carrier has completed the order. */
static void
test_order_secrets (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *database = g_build_filename (dir, "orders.db", NULL);
  g_autofree char *wal = g_strconcat (database, "-wal", NULL);
  g_autoptr(ProvStore) store = prov_test_open_store (database, NULL);
  g_autoptr(ProvOrder) order = order_for_export (PROV_ORDER_KIND_USER_EXTENSION, 720);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *log_on_pin = "583920";
  const char *transfer_pin = "771942";

  prov_order_set_field (order, PROV_ORDER_FIELD_EXTENSION_NUMBER, "205");
  prov_order_set_field (order, PROV_ORDER_FIELD_EXTENSION_PIN, log_on_pin);
  prov_order_set_field (order, PROV_ORDER_FIELD_NUMBER_TRANSFER_PIN, transfer_pin);
  prov_store_place_order_async (store, order, NULL, "clerk", NULL, prov_test_store_result, &result);
  g_assert_true (prov_store_place_order_finish (store, prov_test_await (&result), &error));
  g_assert_no_error (error);

  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "--database", database, "export", prov_order_get_uuid (order), NULL),
                   ==, 0);
  g_assert_null (strstr (out, log_on_pin));
  g_assert_null (strstr (out, transfer_pin));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "--database", database, "export", "--with-pins",
                            prov_order_get_uuid (order), NULL), ==, 0);
  g_assert_nonnull (strstr (out, log_on_pin));
  g_assert_nonnull (strstr (out, transfer_pin));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (prov_test_transition (store, order, PROV_ORDER_STATE_ACKNOWLEDGED, &error));
  g_assert_true (prov_test_transition (store, order, PROV_ORDER_STATE_IN_PROGRESS, &error));
  g_assert_true (prov_test_transition (store, order, PROV_ORDER_STATE_COMPLETED, &error));
  g_assert_no_error (error);
  prov_test_close_store (g_steal_pointer (&store));

  g_assert_false (file_holds (database, log_on_pin));
  g_assert_false (file_holds (database, transfer_pin));
  g_assert_false (file_holds (wal, log_on_pin));
  g_assert_false (file_holds (wal, transfer_pin));
  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "--database", database, "export", "--with-pins",
                            prov_order_get_uuid (order), NULL), ==, 0);
  g_assert_null (strstr (out, log_on_pin));

  prov_test_remove_tree (dir);
}

/* An order for a customer the carrier does not know yet (a name, no
 * customer number) exports with that name and imports again. */
static void
test_order_export_new_customer (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *first = g_build_filename (dir, "first.db", NULL);
  g_autofree char *second = g_build_filename (dir, "second.db", NULL);
  g_autofree char *file = g_build_filename (dir, "orders.json", NULL);
  g_autoptr(ProvStore) store = prov_test_open_store (first, NULL);
  g_autoptr(ProvOrder) order = order_for_export (PROV_ORDER_KIND_MOBILE_USER, 730);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_ID, NULL);
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Sanne Visser");
  prov_store_place_order_async (store, order, NULL, "clerk", NULL, prov_test_store_result, &result);
  g_assert_true (prov_store_place_order_finish (store, prov_test_await (&result), &error));
  g_assert_no_error (error);
  prov_test_close_store (g_steal_pointer (&store));

  g_assert_cmpint (prov_test_run_cli (&exported, &err, "order", "--database", first, "export", prov_order_get_uuid (order), NULL),
                   ==, 0);
  g_assert_nonnull (strstr (exported, "Sanne Visser"));
  g_assert_true (g_file_set_contents (file, exported, -1, NULL));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "--database", second, "import", file, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Placed 1 orders; 0 refused"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (prov_test_run_cli (&again, &err, "order", "--database", second, "export", prov_order_get_uuid (order), NULL),
                   ==, 0);
  g_assert_cmpstr (again, ==, exported);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* The till's own mark is no customer number. */
  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "--database", second, "show", prov_order_get_uuid (order), NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Sanne Visser"));
  g_assert_null (strstr (out, "till-customer:"));

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
  g_test_add_func ("/cli/sync-run-ends", test_sync_run_ends);
  g_test_add_func ("/cli/order-import-never-overwrites", test_order_import_never_overwrites);
  g_test_add_func ("/cli/id-odd-input", test_id_odd_input);
  g_test_add_func ("/cli/stock-find-cut", test_stock_find_cut);
  g_test_add_func ("/cli/stock-import-odd-files", test_stock_import_odd_files);
  g_test_add_func ("/cli/order-export-import", test_order_export_import);
  g_test_add_func ("/cli/order-secrets", test_order_secrets);
  g_test_add_func ("/cli/order-export-new-customer", test_order_export_new_customer);
  g_test_add_func ("/cli/order-import-refuses-broken", test_order_import_refuses_broken);
  g_test_add_func ("/cli/staff", test_staff);
  g_test_add_func ("/cli/hostile-text", test_hostile_text);

  return g_test_run ();
}
