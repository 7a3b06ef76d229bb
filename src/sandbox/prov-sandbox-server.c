#include <stdio.h>
#include <string.h>

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "prov-json-guard.h"
#include "prov-sandbox-listener.h"
#include "prov-sandbox-other-carrier.h"
#include "prov-sandbox-parties.h"
#include "prov-sandbox-schema.h"
#include "prov-sandbox-server.h"
#include "prov-sandbox-server-private.h"
#include "prov-sandbox-products.h"

/* The TMF622, TMF620, TMF629 and TMF685 subset the carrier client uses,
 * with the faults of a real network and a busy carrier injected on
 * request. */

#define TIMEOUT_ANSWER_AFTER_S 20
/* TMF bodies of a few orders are kilobytes; anything near this is not an
 * order. */
#define MAX_BODY_BYTES (1024 * 1024)

typedef struct {
  ProvSandboxServer *self;
  SoupServerMessage *message;
  char              *path;
  GHashTable        *query;
  ProvSandboxFault   fault;
  gboolean           finished;   /* the client went away while it waited */
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
drop_connection (SoupServerMessage *message)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (message);

  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);
}

static JsonNode *
read_body (SoupServerMessage  *message,
           GError            **error)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr(GError) parse_error = NULL;
  JsonNode *node;

  if (body->length == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The request has no body");
      return NULL;
    }

  node = prov_json_parse_guarded (body->data, body->length, PROV_JSON_MAX_DEPTH, &parse_error);
  if (node == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The body is not JSON the carrier takes: %s",
                 parse_error->message);

  return node;
}

/* The definition a request body must follow, NULL for requests without
 * one. */
static gboolean
check_body (ProvSandboxServer  *self,
            const char         *method,
            const char         *path,
            JsonNode           *body,
            GError            **error)
{
  static const struct {
    const char *method;
    const char *path;      /* under the API's base path; '*' ends with an id */
    int         api;
    const char *definition;
  } routes[] = {
    { "POST", "productOrder", 622, "ProductOrder_Create" },
    { "PATCH", "productOrder/*", 622, "ProductOrder_Update" },
    { "POST", "cancelProductOrder", 622, "CancelProductOrder_Create" },
    { "POST", "customer", 629, "Customer_Create" },
    { "POST", "reservation", 685, "Reservation_Create" },
    { "PATCH", "reservation/*", 685, "Reservation_Update" },
    { "POST", "availabilityCheck", 685, "AvailabilityCheck_Create" },
    { "POST", "communicationMessage", 681, "CommunicationMessage_Create" },
  };
  const char *bases[] = { PROV_SANDBOX_TMF622_PATH, PROV_SANDBOX_TMF629_PATH, PROV_SANDBOX_TMF685_PATH,
                          PROV_SANDBOX_TMF681_PATH };
  ProvSandboxSchema *schemas[] = { self->tmf622, self->tmf629, self->tmf685, self->tmf681 };

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      guint api = routes[i].api == 622 ? 0 : routes[i].api == 629 ? 1 : routes[i].api == 685 ? 2 : 3;
      const char *resource = g_str_has_prefix (path, bases[api]) ? path + strlen (bases[api]) : NULL;
      gsize stem = strcspn (routes[i].path, "*");
      gboolean matches;

      if (resource == NULL || !g_str_equal (method, routes[i].method))
        continue;

      matches = routes[i].path[stem] == '*'
                ? strncmp (resource, routes[i].path, stem) == 0 && resource[stem] != '\0' && strchr (resource + stem, '/') == NULL
                : g_str_equal (resource, routes[i].path);
      if (matches)
        return prov_sandbox_schema_validate (schemas[api], routes[i].definition, body, error);
    }

  return TRUE;
}

/* Every request body, one JSON line each, for the tests that check what
 * the client sends against the TM Forum specs. */
static void
capture (ProvSandboxServer *self,
         const char        *method,
         const char        *path,
         JsonNode          *body)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) line = NULL;
  g_autofree char *text = NULL;

  if (self->capture == NULL || body == NULL)
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, method);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "body");
  json_builder_add_value (builder, json_node_copy (body));
  json_builder_end_object (builder);
  line = json_builder_get_root (builder);
  text = json_to_string (line, FALSE);

  fprintf (self->capture, "%s\n", text);
  fflush (self->capture);
}

static void
carry_out (ProvSandboxServer *self,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query)
{
  const char *method = soup_server_message_get_method (message);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (method, SOUP_METHOD_GET) && !_prov_sandbox_check_paging (query, &error))
    {
      _prov_sandbox_respond_outcome (message, SOUP_STATUS_BAD_REQUEST, NULL, error);
      return;
    }

  if (g_str_equal (method, SOUP_METHOD_POST) || g_str_equal (method, "PATCH"))
    {
      body = read_body (message, &error);
      if (body == NULL)
        {
          _prov_sandbox_respond_outcome (message, SOUP_STATUS_BAD_REQUEST, NULL, error);
          return;
        }
      capture (self, method, path, body);
      if (!check_body (self, method, path, body, &error))
        {
          _prov_sandbox_respond_outcome (message, SOUP_STATUS_BAD_REQUEST, NULL, error);
          return;
        }
    }

  if (g_str_has_prefix (path, PROV_SANDBOX_TMF622_PATH))
    _prov_sandbox_serve_tmf622 (self, message, method, path + strlen (PROV_SANDBOX_TMF622_PATH), query, body);
  else if (g_str_has_prefix (path, PROV_SANDBOX_TMF620_PATH))
    _prov_sandbox_serve_tmf620 (self, message, method, path + strlen (PROV_SANDBOX_TMF620_PATH), query);
  else if (g_str_has_prefix (path, PROV_SANDBOX_TMF629_PATH))
    _prov_sandbox_serve_tmf629 (self, message, method, path + strlen (PROV_SANDBOX_TMF629_PATH), query, body);
  else if (g_str_has_prefix (path, PROV_SANDBOX_TMF685_PATH))
    _prov_sandbox_serve_tmf685 (self, message, method, path + strlen (PROV_SANDBOX_TMF685_PATH), body);
  else if (g_str_has_prefix (path, PROV_SANDBOX_TMF681_PATH))
    _prov_sandbox_serve_tmf681 (self, message, method, path + strlen (PROV_SANDBOX_TMF681_PATH), query, body);
  else if (g_str_has_prefix (path, PROV_SANDBOX_TMF637_PATH))
    _prov_sandbox_serve_tmf637 (self, message, method, path + strlen (PROV_SANDBOX_TMF637_PATH), query);
  else
    _prov_sandbox_respond_error (message, SOUP_STATUS_NOT_FOUND, "Not found", path);
}

/* Somewhere a client must not follow: a POST that followed it would turn
 * into a GET of another till's order. */
static void
redirect (ProvSandboxServer *self,
          SoupServerMessage *message)
{
  g_autofree char *target = NULL;
  sqlite3_stmt *statement = NULL;

  sqlite3_prepare_v2 (self->db, "SELECT id FROM orders ORDER BY seq LIMIT 1", -1, &statement, NULL);
  if (sqlite3_step (statement) == SQLITE_ROW)
    target = g_strconcat (self->root_url, PROV_SANDBOX_TMF622_PATH + 1, "productOrder/",
                          (const char *) sqlite3_column_text (statement, 0), NULL);
  else
    target = g_strdup (self->root_url);
  sqlite3_finalize (statement);

  soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, target);
}

#define DEEP_NESTING_LEVELS 100000

static void
respond_deeply_nested (SoupServerMessage *message)
{
  GString *text = g_string_sized_new (2 * DEEP_NESTING_LEVELS);

  for (guint i = 0; i < DEEP_NESTING_LEVELS; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < DEEP_NESTING_LEVELS; i++)
    g_string_append_c (text, ']');

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_TAKE, text->str, text->len);
  g_string_free (text, FALSE);
}

static void
handle (Request *request)
{
  SoupServerMessage *message = request->message;
  g_autofree char *retry_after = NULL;

  switch (request->fault)
    {
    case PROV_SANDBOX_FAULT_SERVER_ERROR:
      _prov_sandbox_respond_error (message, g_rand_boolean (request->self->faults->rand) ? SOUP_STATUS_INTERNAL_SERVER_ERROR
                                                                          : SOUP_STATUS_SERVICE_UNAVAILABLE,
                                   "Injected fault", "The sandbox was told to fail this request");
      break;

    case PROV_SANDBOX_FAULT_THROTTLE:
      retry_after = g_strdup_printf ("%u", request->self->faults->retry_after_s);
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Retry-After", retry_after);
      _prov_sandbox_respond_error (message, 429 /* Too Many Requests: not in libsoup 3.2's enum */, "Too many requests", "Slow down");
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
      _prov_sandbox_respond_error (message, SOUP_STATUS_GATEWAY_TIMEOUT, "Timeout", "The carrier did not answer in time");
      break;

    case PROV_SANDBOX_FAULT_REDIRECT:
      redirect (request->self, message);
      break;

    case PROV_SANDBOX_FAULT_DEEP_NESTING:
      carry_out (request->self, message, request->path, request->query);
      respond_deeply_nested (message);
      break;

    case PROV_SANDBOX_FAULT_NONE:
    default:
      carry_out (request->self, message, request->path, request->query);
    }
}

/* The work is done all the same, as a carrier would once it has the
 * whole request; only the answer has nowhere to go. */
static gboolean
on_delay_over (gpointer user_data)
{
  Request *request = user_data;

  handle (request);
  g_signal_handlers_disconnect_by_data (request->message, request);
  if (!request->finished)
    soup_server_message_unpause (request->message);
  request_free (request);

  return G_SOURCE_REMOVE;
}

static void
on_finished_while_waiting (SoupServerMessage *message,
                           Request           *request)
{
  request->finished = TRUE;
}

static void
on_request (SoupServer        *server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  ProvSandboxServer *self = user_data;
  Request *request;
  guint delay_ms;

  if (g_object_get_data (G_OBJECT (message), "prov-too-large") != NULL)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Connection", "close");
      _prov_sandbox_respond_error (message, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "Request too large",
                                   "The body is larger than this carrier takes (1 MB)");
      return;
    }

  request = g_new0 (Request, 1);
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
  g_signal_connect (message, "finished", G_CALLBACK (on_finished_while_waiting), request);
  g_signal_connect (message, "disconnected", G_CALLBACK (on_finished_while_waiting), request);
  g_timeout_add (delay_ms, on_delay_over, request);
}

/* Keeps no more of an oversized body than the limit; the handler then
 * answers 413. */
static void
refuse_body (SoupServerMessage *message)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);

  g_object_set_data (G_OBJECT (message), "prov-too-large", GINT_TO_POINTER (TRUE));
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_truncate (body);
}

static void
on_got_headers (SoupServerMessage *message,
                gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > MAX_BODY_BYTES)
    refuse_body (message);
}

static void
on_got_chunk (SoupServerMessage *message,
              GBytes            *chunk,
              gpointer           user_data)
{
  if (soup_server_message_get_request_body (message)->length > MAX_BODY_BYTES)
    refuse_body (message);
}

static void
on_request_started (SoupServer        *server,
                    SoupServerMessage *message,
                    gpointer           user_data)
{
  g_signal_connect (message, "got-headers", G_CALLBACK (on_got_headers), NULL);
  g_signal_connect (message, "got-chunk", G_CALLBACK (on_got_chunk), NULL);
}

static FILE *
open_capture (const char *path)
{
  int fd = open (path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  FILE *file;

  if (fd < 0)
    return NULL;
  if (fchmod (fd, 0600) != 0 || (file = fdopen (fd, "a")) == NULL)
    {
      int saved = errno;

      close (fd);
      errno = saved;
      return NULL;
    }
  return file;
}

ProvSandboxServer *
prov_sandbox_server_new (sqlite3            *db,
                         ProvSandboxOrders  *orders,
                         ProvSandboxFaults  *faults,
                         const char         *capture_path,
                         GError            **error)
{
  ProvSandboxServer *self = g_new0 (ProvSandboxServer, 1);

  /* The bodies hold PINs: the capture is its owner's only. */
  if (capture_path != NULL && (self->capture = open_capture (capture_path)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", capture_path, g_strerror (errno));
      g_free (self);
      return NULL;
    }

  self->server = soup_server_new ("server-header", "provisioner-sandbox", NULL);
  self->db = db;
  self->orders = orders;
  self->faults = faults;
  soup_server_add_handler (self->server, "/tmf-api/", on_request, self, NULL);
  g_signal_connect (self->server, "request-started", G_CALLBACK (on_request_started), NULL);

  self->tmf622 = prov_sandbox_schema_new ("/com/example/Provisioner/sandbox/specs/TMF622-ProductOrder-v4.0.0.swagger.json", error);
  self->tmf629 = self->tmf622 != NULL ? prov_sandbox_schema_new ("/com/example/Provisioner/sandbox/specs/TMF629-Customer-v4.0.0.swagger.json", error) : NULL;
  self->tmf685 = self->tmf629 != NULL ? prov_sandbox_schema_new ("/com/example/Provisioner/sandbox/specs/TMF685-Resource_Pool_Management.regular.swagger.json", error) : NULL;
  self->tmf681 = self->tmf685 != NULL ? prov_sandbox_schema_new ("/com/example/Provisioner/sandbox/specs/TMF681-Communication-v4.0.0.swagger.json", error) : NULL;
  if (self->tmf681 == NULL)
    {
      prov_sandbox_server_free (self);
      return NULL;
    }

  return self;
}

/* See prov_sandbox_orders_behave_as_other_carrier; besides, order and
 * customer creates are answered with only the members the spec requires,
 * X-Total-Count is lower than the list, and reservations are answered
 * with more numbers than asked, some malformed (prov-sandbox-other-carrier.c). */
void
prov_sandbox_server_behave_as_other_carrier (ProvSandboxServer *self)
{
  self->other_carrier = TRUE;
  prov_sandbox_orders_behave_as_other_carrier (self->orders);
}

/* Orders, customers and messages, listed or created, carry only the
 * members their definitions require: then nothing in a list says whose
 * an element is, and a client can never prove its own absent. */
void
prov_sandbox_server_answer_bare (ProvSandboxServer *self)
{
  self->bare_answers = TRUE;
}

/* Loopback only: the sandbox is a stand-in carrier for this computer.
 * Connections are closed after @idle_timeout_s without a request, or
 * @request_timeout_s into one. */
gboolean
prov_sandbox_server_listen (ProvSandboxServer  *self,
                            guint               port,
                            guint               idle_timeout_s,
                            guint               request_timeout_s,
                            guint              *bound_port,
                            GError            **error)
{
  g_autofree char *catalog_base = NULL;

  self->listener = prov_sandbox_listener_new (self->server, port, idle_timeout_s, request_timeout_s,
                                              bound_port, error);
  if (self->listener == NULL)
    return FALSE;

  self->root_url = g_strdup_printf ("http://127.0.0.1:%u/", *bound_port);
  catalog_base = g_strconcat (self->root_url, PROV_SANDBOX_TMF620_PATH + 1, NULL);
  self->catalog = prov_sandbox_catalog_new (catalog_base, error);

  return self->catalog != NULL;
}

void
prov_sandbox_server_free (ProvSandboxServer *self)
{
  g_clear_pointer (&self->listener, prov_sandbox_listener_free);
  soup_server_disconnect (self->server);
  g_object_unref (self->server);
  g_clear_pointer (&self->catalog, prov_sandbox_catalog_free);
  g_clear_pointer (&self->tmf622, prov_sandbox_schema_free);
  g_clear_pointer (&self->tmf629, prov_sandbox_schema_free);
  g_clear_pointer (&self->tmf685, prov_sandbox_schema_free);
  g_clear_pointer (&self->tmf681, prov_sandbox_schema_free);
  g_clear_pointer (&self->capture, fclose);
  g_free (self->root_url);
  g_free (self);
}
