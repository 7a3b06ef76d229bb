#include <sqlite3.h>
#include <signal.h>
#include <stdio.h>

#include "prov-test-sandbox.h"
#include "prov-test-util.h"
#include "prov-tmf681.h"
#include "prov-order-field.h"

/* Starts the sandbox on @sandbox->dir, or on a new directory. */
void
sandbox_start (Sandbox     *sandbox,
               const char  *first_option,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  const char *option;
  va_list args;
  guint port;

  if (sandbox->dir == NULL)
    sandbox->dir = prov_test_make_tmp_dir ();
  g_ptr_array_add (argv, g_strdup (g_getenv ("PROVISIONER_SANDBOX")));
  g_ptr_array_add (argv, g_strdup_printf ("--port=%u", sandbox->port));
  g_ptr_array_add (argv, g_strdup_printf ("--database=%s/carrier.db", sandbox->dir));
  /* The same faults every run, unless a run asks for others. */
  g_ptr_array_add (argv, g_strdup_printf ("--seed=%s", g_getenv ("PROV_TEST_SANDBOX_SEED") != NULL
                                                       ? g_getenv ("PROV_TEST_SANDBOX_SEED") : "622"));
  va_start (args, first_option);
  for (option = first_option; option != NULL; option = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (option));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, sandbox->child_setup != NULL ? sandbox->child_setup
                                                                               : prov_test_die_with_parent, NULL, NULL);
  sandbox->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sandbox->process));
  line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (sscanf (line, "Carrier sandbox listening on http://127.0.0.1:%u/", &port) == 1);

  sandbox->port = port;
  sandbox->root = g_strdup_printf ("http://127.0.0.1:%u/", port);
  sandbox->base = g_strconcat (sandbox->root, "tmf-api/productOrderingManagement/v4/", NULL);
  sandbox->session = soup_session_new_with_options ("timeout", 5, NULL);
}

/* Stops the process; the database stays until sandbox_remove. */
void
sandbox_stop (Sandbox *sandbox)
{
  if (sandbox->process == NULL)
    return;

  g_subprocess_send_signal (sandbox->process, SIGTERM);
  g_subprocess_wait (sandbox->process, NULL, NULL);
  g_clear_object (&sandbox->process);
  g_clear_object (&sandbox->session);
  g_clear_pointer (&sandbox->base, g_free);
  g_clear_pointer (&sandbox->root, g_free);
}

void
sandbox_remove (Sandbox *sandbox)
{
  sandbox_stop (sandbox);
  prov_test_remove_tree (sandbox->dir);
  g_clear_pointer (&sandbox->dir, g_free);
}


/* The carrier's order for our uuid (its externalId), waiting for it to
 * arrive; asserts there is only one. */
JsonObject *
sandbox_find_order (Sandbox    *sandbox,
                    const char *uuid)
{
  g_autofree char *uri = g_strconcat (sandbox->base, "productOrder?externalId=", uuid, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *list;

  for (guint attempt = 0; attempt < 60; attempt++)
    {
      g_clear_pointer (&body, g_bytes_unref);
      g_clear_object (&message);
      message = soup_message_new ("GET", uri);
      body = soup_session_send_and_read (sandbox->session, message, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL));
      list = json_node_get_array (json_parser_get_root (parser));
      if (json_array_get_length (list) > 0)
        {
          g_assert_cmpuint (json_array_get_length (list), ==, 1);
          return json_object_ref (json_array_get_object_element (list, 0));
        }
      g_usleep (500 * G_TIME_SPAN_MILLISECOND);
    }

  return NULL;
}

/* A characteristic of the order's item @index, or NULL. */
const char *
sandbox_item_characteristic (JsonObject *order,
                             guint       index,
                             const char *name)
{
  JsonObject *item = json_array_get_object_element (json_object_get_array_member (order, "productOrderItem"), index);
  JsonArray *list = json_object_get_array_member (json_object_get_object_member (item, "product"), "productCharacteristic");

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *entry = json_array_get_object_element (list, i);

      if (g_str_equal (json_object_get_string_member (entry, "name"), name))
        return json_object_get_string_member (entry, "value");
    }

  return NULL;
}

const char *
sandbox_order_characteristic (JsonObject *order,
                              const char *name)
{
  return sandbox_item_characteristic (order, 0, name);
}

/* What the sandbox answers a GET of @path (under its root), parsed; NULL
 * when it answered anything but 200 with JSON, or dropped the
 * connection. */
JsonNode *
sandbox_try_get_json (Sandbox    *sandbox,
                      const char *path)
{
  g_autofree char *uri = g_strconcat (sandbox->root, path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  body = soup_session_send_and_read (sandbox->session, message, NULL, NULL);
  if (body == NULL || soup_message_get_status (message) != SOUP_STATUS_OK ||
      !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL))
    return NULL;
  return json_node_ref (json_parser_get_root (parser));
}

/* What the sandbox answers a GET of @path (under its root), parsed. */
JsonNode *
sandbox_get_json (Sandbox    *sandbox,
                  const char *path)
{
  g_autofree char *uri = g_strconcat (sandbox->root, path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  body = soup_session_send_and_read (sandbox->session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL));
  return json_node_ref (json_parser_get_root (parser));
}

/* The product offering of the order's first item. */
const char *
sandbox_order_offering (JsonObject *order)
{
  JsonObject *item = json_array_get_object_element (json_object_get_array_member (order, "productOrderItem"), 0);

  return json_object_get_string_member (json_object_get_object_member (item, "productOffering"), "id");
}

/* The carrier's product the order's first item made or changes. */
const char *
sandbox_order_product_id (JsonObject *order)
{
  JsonObject *item = json_array_get_object_element (json_object_get_array_member (order, "productOrderItem"), 0);
  JsonObject *product = json_object_get_object_member (item, "product");

  return product != NULL && json_object_has_member (product, "id") ? json_object_get_string_member (product, "id")
                                                                   : NULL;
}

const char *
sandbox_order_state (JsonObject *order)
{
  return json_object_get_string_member (order, "state");
}

/* How many orders the carrier holds (X-Total-Count). */
guint
sandbox_count_orders (Sandbox *sandbox)
{
  g_autofree char *uri = g_strconcat (sandbox->base, "productOrder?limit=1", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *total;

  body = soup_session_send_and_read (sandbox->session, message, NULL, &error);
  g_assert_no_error (error);
  total = soup_message_headers_get_one (soup_message_get_response_headers (message), "X-Total-Count");
  g_assert_nonnull (total);

  return (guint) g_ascii_strtoull (total, NULL, 10);
}

/* @count mobile-user orders, queued for sending; ICCIDs by their index. */
GPtrArray *
sandbox_queue_orders (ProvStore *store,
              guint      count)
{
  GPtrArray *orders = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < count; i++)
    {
      g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
      g_autofree char *name = g_strdup_printf ("Customer %04u", i);
      g_autofree char *iccid = g_strdup_printf ("8931440%012u", i);
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autoptr(GError) error = NULL;

      prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, name);
      prov_order_set_field (order, PROV_ORDER_FIELD_SIM_ICCID, iccid);

      conflicts = prov_test_save (store, order, &error);
      g_assert_no_error (error);
      g_assert_true (prov_test_transition (store, order, PROV_ORDER_STATE_READY, &error));
      g_assert_true (prov_test_transition (store, order, PROV_ORDER_STATE_QUEUED, &error));
      g_assert_no_error (error);
      g_ptr_array_add (orders, g_steal_pointer (&order));
    }

  return orders;
}

static void
sandbox_order_free (SandboxOrder *order)
{
  g_free (order->id);
  g_free (order->state);
  g_free (order);
}

/* Every order of ours the carrier holds, by externalId; asserts that none
 * is there twice. Other tills' orders are left out. */
GHashTable *
sandbox_list_our_orders (Sandbox *sandbox)
{
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sandbox_order_free);

  for (guint offset = 0;; offset += 1000)
    {
      g_autofree char *uri = g_strdup_printf ("%sproductOrder?offset=%u&limit=1000", sandbox->base, offset);
      g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
      g_autoptr(GBytes) body = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonArray *list;

      body = soup_session_send_and_read (sandbox->session, message, NULL, &error);
      g_assert_no_error (error);
      json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
      g_assert_no_error (error);
      list = json_node_get_array (json_parser_get_root (parser));

      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonObject *order = json_array_get_object_element (list, i);
          const char *external_id = json_object_get_string_member (order, "externalId");
          SandboxOrder *entry;

          if (g_str_has_prefix (external_id, "other-till-"))
            continue;

          g_assert_false (g_hash_table_contains (seen, external_id));
          entry = g_new0 (SandboxOrder, 1);
          entry->id = g_strdup (json_object_get_string_member (order, "id"));
          entry->state = g_strdup (json_object_get_string_member (order, "state"));
          g_hash_table_insert (seen, g_strdup (external_id), entry);
        }

      if (json_array_get_length (list) < 1000)
        return seen;
    }
}


/*
 * How many times the carrier has each reference, in @table ("customers"
 * or "messages") of the sandbox's own database: the truth, whatever the
 * sandbox says over HTTP in the mode it runs in. Keyed by the value of
 * the externalId characteristic.
 */
GHashTable *
sandbox_count_by_reference (Sandbox    *sandbox,
                            const char *table)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *path = g_build_filename (sandbox->dir, "carrier.db", NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT json_extract (characteristic.value, '$.value'), count (*) "
                                          "FROM %s, json_each (%s.body, '$.characteristic') AS characteristic "
                                          "WHERE json_extract (characteristic.value, '$.name') = 'externalId' "
                                          "GROUP BY 1",
                                          table, table);
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;

  g_assert_true (g_str_equal (table, "customers") || g_str_equal (table, "messages"));
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  while (sqlite3_step (statement) == SQLITE_ROW)
    g_hash_table_insert (counts, g_strdup ((const char *) sqlite3_column_text (statement, 0)),
                         GUINT_TO_POINTER (sqlite3_column_int (statement, 1)));
  sqlite3_finalize (statement);
  sqlite3_close (db);

  return counts;
}

/* A new wireless customer's order, complete with its line's SIM (of
 * @serial) and device: sending it creates the customer at the carrier
 * (TMF629) before the order. */
ProvOrder *
sandbox_new_customer_order (guint       serial,
                            const char *name,
                            const char *imei)
{
  ProvOrder *order = prov_order_new (PROV_ORDER_KIND_NEW_WIRELESS_CUSTOMER, "clerk");
  g_autofree char *iccid = prov_test_make_iccid (serial);

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, name);
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_KIND, "business");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_EMAIL, "info@bakkertelecom.example");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_PHONE, "+31611122233");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_COMPANY_NUMBER, "12345678");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_ID_TYPE, "passport");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_ID_NUMBER, "NX1234567");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_LANGUAGE, "nl");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_ACCOUNT_PIN, "4821");
  prov_order_set_field (order, PROV_ORDER_FIELD_SERVICE_STREET, "Dorpsstraat 12");
  prov_order_set_field (order, PROV_ORDER_FIELD_SERVICE_POSTCODE, "1234 AB");
  prov_order_set_field (order, PROV_ORDER_FIELD_SERVICE_CITY, "Utrecht");
  prov_order_set_field (order, PROV_ORDER_FIELD_SERVICE_COUNTRY, "NL");
  prov_order_set_field (order, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, "line-single-unlimited");
  prov_order_set_field (order, PROV_ORDER_FIELD_SIM_ICCID, iccid);
  prov_order_set_field (order, PROV_ORDER_FIELD_DEVICE_IMEI, imei);

  return order;
}

/*
 * The other kinds of work the outbox holds, for a run under faults:
 * @count new customers' orders, placed (their customers to be created),
 * with SIMs from @first_serial on; and @count e-mails. Their uuids are
 * added to @customer_orders and @messages.
 */
void
sandbox_queue_customers_and_messages (ProvStore *store,
                                      guint      count,
                                      guint      first_serial,
                                      GPtrArray *customer_orders,
                                      GPtrArray *messages)
{
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *name = g_strdup_printf ("Fault Run Customer %04u B.V.", i);
      g_autofree char *imei = prov_test_make_imei (first_serial + i);
      g_autoptr(ProvOrder) order = sandbox_new_customer_order (first_serial + i, name, imei);
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *to = g_strdup_printf ("customer%04u@example.org", i);
      const ProvEmail email = {
        .external_id = uuid, .to_email = to, .from_email = "winkel@provisioner.example",
        .subject = "Your order", .body = "Dear customer, your order is on its way.",
      };
      g_autoptr(JsonNode) body = prov_tmf681_build_email (&email);
      g_autoptr(GAsyncResult) placed = NULL;
      g_autoptr(GAsyncResult) queued = NULL;
      g_autoptr(GError) error = NULL;

      prov_store_place_order_async (store, order, NULL, "clerk", NULL, prov_test_store_result, &placed);
      g_assert_true (prov_store_place_order_finish (store, prov_test_await (&placed), &error));
      g_assert_no_error (error);
      g_ptr_array_add (customer_orders, g_strdup (prov_order_get_uuid (order)));

      prov_store_queue_message_async (store, uuid, NULL, body, NULL, prov_test_store_result, &queued);
      g_assert_true (prov_store_queue_message_finish (store, prov_test_await (&queued), &error));
      g_assert_no_error (error);
      g_ptr_array_add (messages, g_steal_pointer (&uuid));
    }
}
