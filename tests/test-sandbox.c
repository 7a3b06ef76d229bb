/* The carrier sandbox as the client meets it: orders, their states, and
 * the faults it injects on request. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "prov-test-sandbox.h"
#include "sandbox-line-requests.h"

typedef struct {
  guint       status;
  JsonNode   *body;
  GError     *error;
  char       *retry_after;
  char       *total;
} Reply;

static void
reply_clear (Reply *reply)
{
  g_clear_pointer (&reply->body, json_node_unref);
  g_clear_error (&reply->error);
  g_clear_pointer (&reply->retry_after, g_free);
  g_clear_pointer (&reply->total, g_free);
}

static Reply
request_uri (Sandbox    *sandbox,
             const char *method,
             const char *uri,
             const char *json)
{
  g_autoptr(SoupMessage) message = soup_message_new (method, uri);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  Reply reply = { 0 };

  if (json != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
      soup_message_set_request_body_from_bytes (message, "application/json", body);
    }

  bytes = soup_session_send_and_read (sandbox->session, message, NULL, &reply.error);
  if (bytes == NULL)
    return reply;

  reply.status = soup_message_get_status (message);
  reply.retry_after = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message), "Retry-After"));
  reply.total = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message), "X-Total-Count"));
  if (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    reply.body = json_node_copy (json_parser_get_root (parser));

  return reply;
}

static Reply
request (Sandbox    *sandbox,
         const char *method,
         const char *resource,
         const char *json)
{
  g_autofree char *uri = g_strconcat (sandbox->base, resource, NULL);

  return request_uri (sandbox, method, uri, json);
}

/* TMF637, the customers' products. */
static Reply
inventory (Sandbox    *sandbox,
           const char *resource)
{
  g_autofree char *uri = g_strconcat (sandbox->root, "tmf-api/productInventory/v4/", resource, NULL);

  return request_uri (sandbox, "GET", uri, NULL);
}

static const char *
member (Reply      *reply,
        const char *name)
{
  return json_object_get_string_member_with_default (json_node_get_object (reply->body), name, NULL);
}

static char *
order_json (const char *external_id,
            const char *iccid)
{
  return g_strdup_printf ("{\"externalId\":\"%s\",\"productOrderItem\":[{\"id\":\"1\",\"action\":\"add\","
                          "\"product\":{\"productCharacteristic\":[{\"name\":\"ICCID\",\"value\":\"%s\"}]}}]}",
                          external_id, iccid);
}

static void
test_orders_and_states (void)
{
  Sandbox sandbox = { 0 };
  g_autofree char *first_json = order_json ("local-1", "89014103211118510720");
  g_autofree char *same_sim_json = order_json ("local-2", "89014103211118510720");
  g_autofree char *by_id = NULL;
  Reply created, listed, fetched, conflict, wrong;

  sandbox_start (&sandbox, "--state-delay=300", NULL);

  created = request (&sandbox, "POST", "productOrder", first_json);
  g_assert_no_error (created.error);
  g_assert_cmpuint (created.status, ==, 201);
  g_assert_cmpstr (member (&created, "state"), ==, "acknowledged");
  g_assert_cmpstr (member (&created, "externalId"), ==, "local-1");
  by_id = g_strconcat ("productOrder/", member (&created, "id"), NULL);

  listed = request (&sandbox, "GET", "productOrder?externalId=local-1", NULL);
  g_assert_cmpuint (listed.status, ==, 200);
  g_assert_cmpstr (listed.total, ==, "1");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed.body)), ==, 1);

  /* A SIM that is already active is refused, with the reason. */
  conflict = request (&sandbox, "POST", "productOrder", same_sim_json);
  g_assert_cmpuint (conflict.status, ==, 201);
  g_assert_cmpstr (member (&conflict, "state"), ==, "rejected");

  /* Time moves the order on. */
  g_usleep (700 * G_TIME_SPAN_MILLISECOND);
  fetched = request (&sandbox, "GET", by_id, NULL);
  g_assert_cmpuint (fetched.status, ==, 200);
  g_assert_cmpstr (member (&fetched, "state"), ==, "completed");

  wrong = request (&sandbox, "DELETE", "productOrder", NULL);
  g_assert_cmpuint (wrong.status, ==, 405);

  reply_clear (&created);
  reply_clear (&listed);
  reply_clear (&conflict);
  reply_clear (&fetched);
  reply_clear (&wrong);
  sandbox_remove (&sandbox);
}

static void
test_injected_faults (void)
{
  Sandbox errors = { 0 }, throttled = { 0 }, dropped = { 0 };
  g_autofree char *json = order_json ("local-9", "8931440400000000008");
  guint arrived;
  Reply reply;

  sandbox_start (&errors, "--error-rate=1", NULL);
  reply = request (&errors, "GET", "productOrder", NULL);
  g_assert_true (reply.status == 500 || reply.status == 503);
  reply_clear (&reply);
  sandbox_remove (&errors);

  sandbox_start (&throttled, "--throttle-rate=1", "--retry-after=7", NULL);
  reply = request (&throttled, "GET", "productOrder", NULL);
  g_assert_cmpuint (reply.status, ==, 429);
  g_assert_cmpstr (reply.retry_after, ==, "7");
  reply_clear (&reply);
  sandbox_remove (&throttled);

  /* Dropped connections, some before the work and some after it: the
   * client sees an error every time… */
  sandbox_start (&dropped, "--drop-rate=1", NULL);
  for (guint i = 0; i < 20; i++)
    {
      reply = request (&dropped, "POST", "productOrder", json);
      g_assert_nonnull (reply.error);
      reply_clear (&reply);
    }
  sandbox_stop (&dropped);

  /* …yet some of those orders reached the carrier: only asking it by
   * externalId tells. */
  sandbox_start (&dropped, NULL, NULL);
  reply = request (&dropped, "GET", "productOrder?externalId=local-9", NULL);
  g_assert_cmpuint (reply.status, ==, 200);
  arrived = json_array_get_length (json_node_get_array (reply.body));
  g_test_message ("%u of 20 dropped requests were carried out", arrived);
  g_assert_cmpuint (arrived, >, 0);
  g_assert_cmpuint (arrived, <, 20);
  reply_clear (&reply);
  sandbox_remove (&dropped);
}

/* Orders of several lines, changes and ends of existing products: each
 * item moves with its order; a SIM active on any line of another order
 * gets the whole order rejected. */
static void
test_lines_and_their_states (void)
{
  Sandbox sandbox = { 0 };
  const char *lines =
    "{\"externalId\":\"lines-1\",\"productOrderItem\":["
    " {\"id\":\"1\",\"action\":\"add\",\"product\":{\"productCharacteristic\":[{\"name\":\"ICCID\",\"value\":\"8931440400000000008\"}]}},"
    " {\"id\":\"2\",\"action\":\"add\",\"product\":{\"productCharacteristic\":[{\"name\":\"ICCID\",\"value\":\"8931440400000000016\"}]}},"
    " {\"id\":\"3\",\"action\":\"modify\",\"product\":{\"id\":\"demo-product-jansen-1001\"}},"
    " {\"id\":\"4\",\"action\":\"delete\",\"product\":{\"id\":\"demo-product-jansen-1002\"}}]}";
  const char *second_sim_again =
    "{\"externalId\":\"lines-2\",\"productOrderItem\":["
    " {\"id\":\"1\",\"action\":\"add\",\"product\":{\"productCharacteristic\":[{\"name\":\"ICCID\",\"value\":\"8931440400000000024\"}]}},"
    " {\"id\":\"2\",\"action\":\"add\",\"product\":{\"productCharacteristic\":[{\"name\":\"ICCID\",\"value\":\"8931440400000000016\"}]}}]}";
  g_autofree char *resource = NULL;
  Reply created;
  Reply rejected;
  Reply later = { 0 };
  JsonArray *items;

  sandbox_start (&sandbox, "--acknowledged-delay=0", "--in-progress-delay=60000", NULL);

  created = request (&sandbox, "POST", "productOrder", lines);
  g_assert_no_error (created.error);
  g_assert_cmpuint (created.status, ==, 201);
  resource = g_strconcat ("productOrder/", member (&created, "id"), NULL);

  rejected = request (&sandbox, "POST", "productOrder", second_sim_again);
  g_assert_cmpuint (rejected.status, ==, 201);
  g_assert_cmpstr (member (&rejected, "state"), ==, "rejected");

  later = request (&sandbox, "GET", resource, NULL);
  g_assert_cmpstr (member (&later, "state"), ==, "inProgress");
  items = json_object_get_array_member (json_node_get_object (later.body), "productOrderItem");
  g_assert_cmpuint (json_array_get_length (items), ==, 4);
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, i), "state"), ==,
                     "inProgress");

  reply_clear (&created);
  reply_clear (&rejected);
  reply_clear (&later);
  sandbox_remove (&sandbox);
}

static JsonObject *
item_of (Reply *reply,
         guint  index)
{
  return json_array_get_object_element (json_object_get_array_member (json_node_get_object (reply->body),
                                                                      "productOrderItem"), index);
}

static const char *
product_characteristic (JsonObject *product,
                        const char *name)
{
  JsonArray *list = json_object_has_member (product, "productCharacteristic")
                    ? json_object_get_array_member (product, "productCharacteristic") : NULL;

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (list, i), "name"), name))
      return json_object_get_string_member (json_array_get_object_element (list, i), "value");

  return NULL;
}

/* A completed order makes the customer's products (TMF637) and names them
 * on its items; a modify changes the product it names, a delete ends it;
 * a change of a product the carrier does not have is rejected. */
static void
test_products_follow_orders (void)
{
  Sandbox sandbox = { 0 };
  const char *user =
    "{\"externalId\":\"user-1\",\"relatedParty\":[{\"id\":\"cust-9\",\"role\":\"Customer\","
    "\"@referredType\":\"Individual\"}],\"productOrderItem\":[{\"id\":\"1\",\"action\":\"add\","
    "\"productOffering\":{\"id\":\"voice-advanced\",\"name\":\"Advanced User\"},\"product\":{"
    "\"productCharacteristic\":[{\"name\":\"sim.mode\",\"value\":\"later\"},"
    "{\"name\":\"extension.pin\",\"value\":\"000\"}]}}]}";
  const char *unknown =
    "{\"externalId\":\"change-0\",\"productOrderItem\":[{\"id\":\"1\",\"action\":\"modify\","
    "\"product\":{\"id\":\"no-such-product\"}}]}";
  g_autofree char *link = NULL;
  g_autofree char *user_resource = NULL;
  g_autofree char *link_resource = NULL;
  g_autofree char *product_resource = NULL;
  g_autofree char *product_id = NULL;
  Reply created, completed, product, linked, link_completed, rejected, listed, jansen;

  sandbox_start (&sandbox, "--acknowledged-delay=0", "--in-progress-delay=0", NULL);

  /* The demo customer Jansen has three extensions at the carrier. */
  jansen = inventory (&sandbox, "product?relatedParty.id=c0ffee00-0000-4000-8000-000000000002");
  g_assert_cmpuint (jansen.status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (jansen.body)), ==, 3);
  g_assert_cmpstr (jansen.total, ==, "3");

  rejected = request (&sandbox, "POST", "productOrder", unknown);
  g_assert_cmpuint (rejected.status, ==, 201);
  g_assert_cmpstr (member (&rejected, "state"), ==, "rejected");

  created = request (&sandbox, "POST", "productOrder", user);
  g_assert_cmpuint (created.status, ==, 201);
  user_resource = g_strconcat ("productOrder/", member (&created, "id"), NULL);
  completed = request (&sandbox, "GET", user_resource, NULL);
  g_assert_cmpstr (member (&completed, "state"), ==, "completed");
  product_id = g_strdup (json_object_get_string_member (json_object_get_object_member (item_of (&completed, 0),
                                                                                      "product"), "id"));
  g_assert_nonnull (product_id);

  product_resource = g_strconcat ("product/", product_id, NULL);
  product = inventory (&sandbox, product_resource);
  g_assert_cmpuint (product.status, ==, 200);
  g_assert_cmpstr (member (&product, "status"), ==, "active");
  g_assert_cmpstr (product_characteristic (json_node_get_object (product.body), PROV_ORDER_FIELD_SIM_MODE), ==, "later");
  /* The PIN is not kept on the product. */
  g_assert_null (product_characteristic (json_node_get_object (product.body), PROV_ORDER_FIELD_EXTENSION_PIN));
  reply_clear (&product);

  /* Only this customer's products when asked for them. */
  listed = inventory (&sandbox, "product?relatedParty.id=cust-9");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed.body)), ==, 1);

  link = g_strdup_printf ("{\"externalId\":\"change-1\",\"productOrderItem\":[{\"id\":\"1\",\"action\":\"modify\","
                          "\"product\":{\"id\":\"%s\",\"productCharacteristic\":[{\"name\":\"sim.mode\",\"value\":\"now\"},"
                          "{\"name\":\"ICCID\",\"value\":\"8931440400000000008\"}]}}]}", product_id);
  linked = request (&sandbox, "POST", "productOrder", link);
  g_assert_cmpuint (linked.status, ==, 201);
  g_assert_cmpstr (member (&linked, "state"), ==, "acknowledged");
  link_resource = g_strconcat ("productOrder/", member (&linked, "id"), NULL);
  link_completed = request (&sandbox, "GET", link_resource, NULL);
  g_assert_cmpstr (member (&link_completed, "state"), ==, "completed");

  product = inventory (&sandbox, product_resource);
  g_assert_cmpstr (product_characteristic (json_node_get_object (product.body), "ICCID"), ==, "8931440400000000008");
  g_assert_cmpstr (product_characteristic (json_node_get_object (product.body), PROV_ORDER_FIELD_SIM_MODE), ==, "now");

  reply_clear (&created);
  reply_clear (&completed);
  reply_clear (&product);
  reply_clear (&linked);
  reply_clear (&link_completed);
  reply_clear (&rejected);
  reply_clear (&listed);
  reply_clear (&jansen);
  sandbox_remove (&sandbox);
}

/* Places @json and reads the order back: with no delays it is completed
 * (or was rejected on arrival). */
static Reply
place_and_read (Sandbox    *sandbox,
                const char *json)
{
  Reply created = request (sandbox, "POST", "productOrder", json);
  g_autofree char *resource = NULL;
  Reply read;

  g_assert_cmpuint (created.status, ==, 201);
  resource = g_strconcat ("productOrder/", member (&created, "id"), NULL);
  read = request (sandbox, "GET", resource, NULL);
  g_assert_cmpuint (read.status, ==, 200);
  reply_clear (&created);
  return read;
}

static char *
note_of (Reply *reply)
{
  JsonArray *notes = json_object_get_array_member (json_node_get_object (reply->body), "note");

  return g_strdup (json_object_get_string_member (json_array_get_object_element (notes, 0), "text"));
}

static const char *
party_with_role (JsonObject *product,
                 const char *role)
{
  JsonArray *parties = json_object_get_array_member (product, "relatedParty");

  for (guint i = 0; i < json_array_get_length (parties); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (parties, i), "role"), role) == 0)
      return json_object_get_string_member (json_array_get_object_element (parties, i), "id");

  return NULL;
}

/* Days between @date (RFC 3339) and now. */
static double
days_ago (const char *date)
{
  g_autoptr(GDateTime) then = g_date_time_new_from_iso8601 (date, NULL);

  g_assert_nonnull (then);
  return (g_get_real_time () / G_USEC_PER_SEC - g_date_time_to_unix (then)) / 86400.0;
}

/* The demo enterprise customer's lines, and a carrier on which they live:
 * suspended and restored, moved to another plan, handed to another party
 * and employee, given an accessory, ended, and restored after an end only
 * within the restore window. */
static void
test_lines_live (void)
{
  Sandbox sandbox = { 0 };
  Reply lines, answer, line;
  JsonArray *list;
  guint wireless = 0, active = 0, suspended = 0, employees = 0;
  const char *ended_recently = NULL, *ended_long_ago = NULL;
  g_autofree char *json = NULL;
  g_autofree char *note = NULL;
  g_autofree char *accessory_resource = NULL;

  sandbox_start (&sandbox, "--acknowledged-delay=0", "--in-progress-delay=0", NULL);

  lines = inventory (&sandbox, "product?relatedParty.id=" ENTERPRISE_CUSTOMER);
  g_assert_cmpuint (lines.status, ==, 200);
  list = json_node_get_array (lines.body);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *product = json_array_get_object_element (list, i);
      const char *status = json_object_get_string_member (product, "status");

      if (product_characteristic (product, "MSISDN") == NULL)
        continue;
      wireless++;
      g_assert_nonnull (product_characteristic (product, "IMEI"));
      g_assert_nonnull (product_characteristic (product, "ICCID"));
      employees += party_with_role (product, "User") != NULL;
      active += g_str_equal (status, "active");
      suspended += g_str_equal (status, "suspended");
      if (g_str_equal (status, "terminated"))
        {
          double days = days_ago (json_object_get_string_member (product, "terminationDate"));

          if (days > 9.9 && days < 10.1)
            ended_recently = json_object_get_string_member (product, "id");
          else if (days > 44.9 && days < 45.1)
            ended_long_ago = json_object_get_string_member (product, "id");
        }
    }
  g_assert_cmpuint (wireless, >=, 8);
  g_assert_cmpuint (employees, ==, wireless);
  g_assert_cmpuint (active, >=, 1);
  g_assert_cmpuint (suspended, >=, 1);
  g_assert_nonnull (ended_recently);
  g_assert_nonnull (ended_long_ago);

  /* Suspended, then active again. */
  json = line_request_json ("suspend-1", "modify", "\"id\":\"" ENTERPRISE_LINE (1) "\",\"status\":\"suspended\"", "");
  answer = place_and_read (&sandbox, json);
  g_assert_cmpstr (member (&answer, "state"), ==, "completed");
  reply_clear (&answer);
  line = inventory (&sandbox, "product/" ENTERPRISE_LINE (1));
  g_assert_cmpstr (member (&line, "status"), ==, "suspended");
  reply_clear (&line);
  g_free (json);
  json = line_request_json ("restore-1", "modify", "\"id\":\"" ENTERPRISE_LINE (1) "\",\"status\":\"active\"", "");
  answer = place_and_read (&sandbox, json);
  g_assert_cmpstr (member (&answer, "state"), ==, "completed");
  reply_clear (&answer);
  line = inventory (&sandbox, "product/" ENTERPRISE_LINE (1));
  g_assert_cmpstr (member (&line, "status"), ==, "active");
  reply_clear (&line);

  /* Another plan, features, a transfer of liability and another employee. */
  g_free (json);
  json = line_request_json ("plan-2", "modify",
                            "\"id\":\"" ENTERPRISE_LINE (2) "\",\"productCharacteristic\":[{\"name\":\"features\","
                            "\"value\":\"roaming-world\"}],\"relatedParty\":[{\"id\":\"party-anna\",\"role\":\"Customer\","
                            "\"@referredType\":\"Individual\"},{\"id\":\"employee-new\",\"role\":\"User\","
                            "\"@referredType\":\"Individual\"}]",
                            ",\"productOffering\":{\"id\":\"plan-corporate-stipend\",\"name\":\"Corporate stipend\"}");
  answer = place_and_read (&sandbox, json);
  g_assert_cmpstr (member (&answer, "state"), ==, "completed");
  reply_clear (&answer);
  line = inventory (&sandbox, "product/" ENTERPRISE_LINE (2));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (line.body),
                                                                                 "productOffering"), "id"),
                   ==, "plan-corporate-stipend");
  g_assert_cmpstr (member (&line, "name"), ==, "Corporate stipend");
  g_assert_cmpstr (product_characteristic (json_node_get_object (line.body), "features"), ==, "roaming-world");
  g_assert_cmpstr (party_with_role (json_node_get_object (line.body), "Customer"), ==, "party-anna");
  g_assert_cmpstr (party_with_role (json_node_get_object (line.body), "User"), ==, "employee-new");
  /* The rest stays: the line keeps its number. */
  g_assert_cmpstr (product_characteristic (json_node_get_object (line.body), "MSISDN"), ==, "+31620031002");
  reply_clear (&line);

  /* An accessory names the line it relies on; one for an ended line is refused. */
  g_free (json);
  json = line_request_json ("accessory-3", "add",
                            "\"productRelationship\":[{\"relationshipType\":\"reliesOn\",\"product\":{\"id\":\""
                            ENTERPRISE_LINE (3) "\"}}]",
                            ",\"productOffering\":{\"id\":\"accessory-rugged-case\",\"name\":\"Rugged case\"}");
  answer = place_and_read (&sandbox, json);
  g_assert_cmpstr (member (&answer, "state"), ==, "completed");
  accessory_resource = g_strconcat ("product/", json_object_get_string_member (json_object_get_object_member (
                                      item_of (&answer, 0), "product"), "id"), NULL);
  reply_clear (&answer);
  line = inventory (&sandbox, accessory_resource);
  {
    JsonObject *relationship = json_array_get_object_element (json_object_get_array_member (json_node_get_object (line.body),
                                                                                            "productRelationship"), 0);

    g_assert_cmpstr (json_object_get_string_member (relationship, "relationshipType"), ==, "reliesOn");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (relationship, "product"), "id"),
                     ==, ENTERPRISE_LINE (3));
  }
  /* Shipped: the accessory has the shipment's tracking number. */
  {
    g_autofree char *text = json_to_string (line.body, FALSE);

    g_assert_nonnull (strstr (text, "\"name\":\"trackingNumber\""));
  }
  reply_clear (&line);
  g_free (json);
  json = g_strdup_printf ("{\"externalId\":\"accessory-ended\",\"productOrderItem\":[{\"id\":\"1\",\"action\":\"add\","
                          "\"productOffering\":{\"id\":\"accessory-car-charger\"},\"product\":{\"productRelationship\":["
                          "{\"relationshipType\":\"reliesOn\",\"product\":{\"id\":\"%s\"}}]}}]}", ended_long_ago);
  answer = place_and_read (&sandbox, json);
  g_assert_cmpstr (member (&answer, "state"), ==, "rejected");
  reply_clear (&answer);

  /* A delete ends a line and says when; a status other than active or suspended is refused. */
  g_free (json);
  json = line_request_json ("disconnect-5", "delete", "\"id\":\"" ENTERPRISE_LINE (5) "\"", "");
  answer = place_and_read (&sandbox, json);
  g_assert_cmpstr (member (&answer, "state"), ==, "completed");
  reply_clear (&answer);
  line = inventory (&sandbox, "product/" ENTERPRISE_LINE (5));
  g_assert_cmpstr (member (&line, "status"), ==, "terminated");
  g_assert_cmpfloat (days_ago (member (&line, "terminationDate")), <, 0.01);
  reply_clear (&line);
  g_free (json);
  json = line_request_json ("terminate-6", "modify", "\"id\":\"" ENTERPRISE_LINE (6) "\",\"status\":\"terminated\"", "");
  answer = place_and_read (&sandbox, json);
  g_assert_cmpstr (member (&answer, "state"), ==, "rejected");
  reply_clear (&answer);

  /* Restored 10 days after its end: within the window. */
  g_free (json);
  json = g_strdup_printf ("{\"externalId\":\"restore-recent\",\"productOrderItem\":[{\"id\":\"1\",\"action\":\"modify\","
                          "\"product\":{\"id\":\"%s\",\"status\":\"active\"}}]}", ended_recently);
  answer = place_and_read (&sandbox, json);
  g_assert_cmpstr (member (&answer, "state"), ==, "completed");
  reply_clear (&answer);
  {
    g_autofree char *resource = g_strconcat ("product/", ended_recently, NULL);

    line = inventory (&sandbox, resource);
    g_assert_cmpstr (member (&line, "status"), ==, "active");
    g_assert_false (json_object_has_member (json_node_get_object (line.body), "terminationDate"));
    reply_clear (&line);
  }

  /* 45 days after its end: refused, with the reason. */
  g_free (json);
  json = g_strdup_printf ("{\"externalId\":\"restore-old\",\"productOrderItem\":[{\"id\":\"1\",\"action\":\"modify\","
                          "\"product\":{\"id\":\"%s\",\"status\":\"active\"}}]}", ended_long_ago);
  answer = place_and_read (&sandbox, json);
  g_assert_cmpstr (member (&answer, "state"), ==, "rejected");
  note = note_of (&answer);
  g_assert_nonnull (strstr (note, "within 30 days"));
  reply_clear (&answer);
  {
    g_autofree char *resource = g_strconcat ("product/", ended_long_ago, NULL);

    line = inventory (&sandbox, resource);
    g_assert_cmpstr (member (&line, "status"), ==, "terminated");
    reply_clear (&line);
  }

  reply_clear (&lines);
  sandbox_remove (&sandbox);
}

/* The restore window is the carrier's: a sandbox told 60 days restores the
 * line that ended 45 days ago. */
static void
test_restore_window_is_the_carriers (void)
{
  Sandbox sandbox = { 0 };
  g_autofree char *json = line_request_json ("restore-9", "modify",
                                             "\"id\":\"" ENTERPRISE_LINE (9) "\",\"status\":\"active\"", "");
  Reply answer;

  sandbox_start (&sandbox, "--acknowledged-delay=0", "--in-progress-delay=0", "--restore-window=60", NULL);
  answer = place_and_read (&sandbox, json);
  g_assert_cmpstr (member (&answer, "state"), ==, "completed");
  reply_clear (&answer);
  sandbox_remove (&sandbox);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbox/orders-and-states", test_orders_and_states);
  g_test_add_func ("/sandbox/injected-faults", test_injected_faults);
  g_test_add_func ("/sandbox/lines-and-their-states", test_lines_and_their_states);

  g_test_add_func ("/sandbox/products-follow-orders", test_products_follow_orders);
  g_test_add_func ("/sandbox/lines-live", test_lines_live);
  g_test_add_func ("/sandbox/restore-window-is-the-carriers", test_restore_window_is_the_carriers);

  return g_test_run ();
}
