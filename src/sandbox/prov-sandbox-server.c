#include <string.h>

#include "prov-sandbox-server.h"

/* The TMF622 subset the carrier client uses, with the faults of a real
 * network and a busy carrier injected on request. */

#define TIMEOUT_ANSWER_AFTER_S 20

struct _ProvSandboxServer
{
  SoupServer        *server;
  ProvSandboxOrders *orders;
  ProvSandboxFaults *faults;
  char              *base_url;
};

typedef struct {
  ProvSandboxServer *self;
  SoupServerMessage *message;
  char              *path;
  GHashTable        *query;
  ProvSandboxFault   fault;
} Request;

static void
request_free (Request *request)
{
  g_object_unref (request->message);
  g_free (request->path);
  g_clear_pointer (&request->query, g_hash_table_unref);
  g_free (request);
}

static void
respond_json (SoupServerMessage *message,
              guint              status,
              JsonNode          *body)
{
  g_autofree char *text = json_to_string (body, FALSE);

  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json;charset=utf-8",
                                    SOUP_MEMORY_COPY, text, strlen (text));
}

/* A TMF630 Error. */
static void
respond_error (SoupServerMessage *message,
               guint              status,
               const char        *reason,
               const char        *detail)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *code = g_strdup_printf ("%u", status);
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, reason);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, detail);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  respond_json (message, status, body);
}

static void
drop_connection (SoupServerMessage *message)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (message);

  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);
}

static guint
query_uint (GHashTable *query,
            const char *name,
            guint       fallback)
{
  const char *value = query != NULL ? g_hash_table_lookup (query, name) : NULL;

  return value != NULL ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

static void
create_order (ProvSandboxServer *self,
              SoupServerMessage *message)
{
  SoupMessageBody *request_body = soup_server_message_get_request_body (message);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) order = NULL;
  g_autoptr(GError) error = NULL;
  const char *href;

  if (request_body->length == 0 ||
      !json_parser_load_from_data (parser, request_body->data, request_body->length, &error))
    {
      respond_error (message, SOUP_STATUS_BAD_REQUEST, "Invalid JSON",
                     error != NULL ? error->message : "empty body");
      return;
    }

  order = prov_sandbox_orders_create (self->orders, json_parser_get_root (parser), self->base_url, &error);
  if (order == NULL)
    {
      respond_error (message, SOUP_STATUS_BAD_REQUEST, "Invalid productOrder", error->message);
      return;
    }

  href = json_object_get_string_member (json_node_get_object (order), "href");
  soup_message_headers_replace (soup_server_message_get_response_headers (message), "Location", href);
  respond_json (message, SOUP_STATUS_CREATED, order);
}

static void
list_orders (ProvSandboxServer *self,
             SoupServerMessage *message,
             GHashTable        *query)
{
  const char *external_id = query != NULL ? g_hash_table_lookup (query, "externalId") : NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *count_text = NULL;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  guint total = 0;

  list = prov_sandbox_orders_list (self->orders, external_id,
                                   query_uint (query, "offset", 0), MIN (query_uint (query, "limit", 100), 1000),
                                   &total, &error);
  if (list == NULL)
    {
      respond_error (message, SOUP_STATUS_INTERNAL_SERVER_ERROR, "Storage", error->message);
      return;
    }

  total_text = g_strdup_printf ("%u", total);
  count_text = g_strdup_printf ("%u", json_array_get_length (json_node_get_array (list)));
  soup_message_headers_replace (headers, "X-Total-Count", total_text);
  soup_message_headers_replace (headers, "X-Result-Count", count_text);
  respond_json (message, SOUP_STATUS_OK, list);
}

static void
get_order (ProvSandboxServer *self,
           SoupServerMessage *message,
           const char        *id)
{
  g_autoptr(JsonNode) order = NULL;
  g_autoptr(GError) error = NULL;

  order = prov_sandbox_orders_get (self->orders, id, &error);
  if (order == NULL)
    respond_error (message, SOUP_STATUS_NOT_FOUND, "Not found", error->message);
  else
    respond_json (message, SOUP_STATUS_OK, order);
}

static void
carry_out (ProvSandboxServer *self,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query)
{
  const char *method = soup_server_message_get_method (message);
  const char *resource = path + strlen (PROV_SANDBOX_TMF622_PATH);

  if (g_str_equal (resource, "productOrder") && g_str_equal (method, SOUP_METHOD_POST))
    create_order (self, message);
  else if (g_str_equal (resource, "productOrder") && g_str_equal (method, SOUP_METHOD_GET))
    list_orders (self, message, query);
  else if (g_str_has_prefix (resource, "productOrder/") && g_str_equal (method, SOUP_METHOD_GET))
    get_order (self, message, resource + strlen ("productOrder/"));
  else if (g_str_has_prefix (resource, "productOrder"))
    respond_error (message, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method not allowed", method);
  else
    respond_error (message, SOUP_STATUS_NOT_FOUND, "Not found", path);
}

static void
handle (Request *request)
{
  SoupServerMessage *message = request->message;
  g_autofree char *retry_after = NULL;

  switch (request->fault)
    {
    case PROV_SANDBOX_FAULT_SERVER_ERROR:
      respond_error (message, g_rand_boolean (request->self->faults->rand) ? SOUP_STATUS_INTERNAL_SERVER_ERROR
                                                                          : SOUP_STATUS_SERVICE_UNAVAILABLE,
                     "Injected fault", "The sandbox was told to fail this request");
      break;

    case PROV_SANDBOX_FAULT_THROTTLE:
      retry_after = g_strdup_printf ("%u", request->self->faults->retry_after_s);
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Retry-After", retry_after);
      respond_error (message, 429 /* Too Many Requests: not in libsoup 3.2's enum */, "Too many requests", "Slow down");
      break;

    case PROV_SANDBOX_FAULT_DROP:
      drop_connection (message);
      break;

    case PROV_SANDBOX_FAULT_DROP_AFTER:
      carry_out (request->self, message, request->path, request->query);
      drop_connection (message);
      break;

    case PROV_SANDBOX_FAULT_MALFORMED:
      carry_out (request->self, message, request->path, request->query);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, "{\"id\": ", 7);
      break;

    case PROV_SANDBOX_FAULT_TIMEOUT:
      respond_error (message, SOUP_STATUS_GATEWAY_TIMEOUT, "Timeout", "The carrier did not answer in time");
      break;

    case PROV_SANDBOX_FAULT_NONE:
    default:
      carry_out (request->self, message, request->path, request->query);
    }
}

static gboolean
on_delay_over (gpointer user_data)
{
  Request *request = user_data;

  handle (request);
  soup_server_message_unpause (request->message);
  request_free (request);

  return G_SOURCE_REMOVE;
}

static void
on_request (SoupServer        *server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  ProvSandboxServer *self = user_data;
  Request *request = g_new0 (Request, 1);
  guint delay_ms;

  request->self = self;
  request->message = g_object_ref (message);
  request->path = g_strdup (path);
  request->query = query != NULL ? g_hash_table_ref (query) : NULL;
  request->fault = prov_sandbox_faults_pick (self->faults);

  delay_ms = self->faults->latency_ms;
  if (request->fault == PROV_SANDBOX_FAULT_TIMEOUT)
    delay_ms += TIMEOUT_ANSWER_AFTER_S * 1000;

  if (delay_ms == 0)
    {
      handle (request);
      request_free (request);
      return;
    }

  soup_server_message_pause (message);
  g_timeout_add (delay_ms, on_delay_over, request);
}

ProvSandboxServer *
prov_sandbox_server_new (ProvSandboxOrders *orders,
                         ProvSandboxFaults *faults)
{
  ProvSandboxServer *self = g_new0 (ProvSandboxServer, 1);

  self->server = soup_server_new ("server-header", "provisioner-sandbox", NULL);
  self->orders = orders;
  self->faults = faults;
  soup_server_add_handler (self->server, PROV_SANDBOX_TMF622_PATH, on_request, self, NULL);

  return self;
}

/* Loopback only: the sandbox is a stand-in carrier for this computer. */
gboolean
prov_sandbox_server_listen (ProvSandboxServer  *self,
                            guint               port,
                            guint              *bound_port,
                            GError            **error)
{
  g_autoptr(GSList) uris = NULL;

  if (!soup_server_listen_local (self->server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return FALSE;

  uris = soup_server_get_uris (self->server);
  *bound_port = g_uri_get_port (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  self->base_url = g_strdup_printf ("http://127.0.0.1:%u" PROV_SANDBOX_TMF622_PATH, *bound_port);
  return TRUE;
}

void
prov_sandbox_server_free (ProvSandboxServer *self)
{
  soup_server_disconnect (self->server);
  g_object_unref (self->server);
  g_free (self->base_url);
  g_free (self);
}
