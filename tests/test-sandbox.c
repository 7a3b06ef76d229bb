/* The carrier sandbox as the client meets it: orders, their states, and
 * the faults it injects on request. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "prov-test-sandbox.h"

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
request (Sandbox    *sandbox,
         const char *method,
         const char *resource,
         const char *json)
{
  g_autofree char *uri = g_strconcat (sandbox->base, resource, NULL);
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
    " {\"id\":\"3\",\"action\":\"modify\",\"product\":{\"id\":\"product-17\"}},"
    " {\"id\":\"4\",\"action\":\"delete\",\"product\":{\"id\":\"product-18\"}}]}";
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbox/orders-and-states", test_orders_and_states);
  g_test_add_func ("/sandbox/injected-faults", test_injected_faults);
  g_test_add_func ("/sandbox/lines-and-their-states", test_lines_and_their_states);

  return g_test_run ();
}
