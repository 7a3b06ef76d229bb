#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "prov-carrier-client-private.h"
#include "prov-carrier-url.h"
#include "prov-json-guard.h"
#include "prov-tmf622.h"

/*
 * The TM Forum Open APIs over libsoup 3. Every call is asynchronous;
 * answers are sorted into the outcomes the sync engine acts on (see
 * ProvCarrierError). TLS certificates are always verified: the session
 * keeps libsoup's default of rejecting any certificate the system does not
 * trust. This file has the transport and TMF622; the other APIs live in
 * prov-carrier-catalog.c, prov-carrier-customer.c, prov-carrier-numbers.c
 * and prov-carrier-find-order.c.
 *
 * What libsoup 3.2.3 (Debian 12) must not be asked to do:
 * - Restart a request. It silently sends an idempotent request (GET, PUT,
 *   DELETE) again when a reused keep-alive connection turns out to be
 *   closed, and its async path then completes the message twice: the
 *   first completion finishes the restarted message's I/O, the second
 *   reads the response stream of I/O that is gone (a NULL read in
 *   run_until_read_done, fixed upstream after 3.2.3). Idempotent requests
 *   therefore always get a connection of their own, which libsoup never
 *   restarts; POST and PATCH are never restarted anyway.
 * - Follow a redirect (see PROV_CARRIER_ERROR_REDIRECTED).
 * - Read an answer of any size into memory: the body is read here, up to
 *   MAX_ANSWER_BYTES, and parsed only within PROV_JSON_MAX_DEPTH.
 */

#define MAX_ANSWER_BYTES (16 * 1024 * 1024)
#define READ_CHUNK_BYTES (64 * 1024)
/* Requests in flight at once; more wait in libsoup's queue. */
#define MAX_CONNECTIONS 8

G_DEFINE_QUARK (prov-carrier-error-quark, prov_carrier_error)

struct _ProvCarrierClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;
  char        *token;
};

G_DEFINE_FINAL_TYPE (ProvCarrierClient, prov_carrier_client, G_TYPE_OBJECT)

typedef struct {
  SoupMessage       *message;
  GInputStream      *stream;
  GByteArray        *body;
  guint              retry_after_s;
  guint              total;
  ProvCarrierAnswer  answer;
} Call;

static void
call_free (Call *call)
{
  g_clear_object (&call->message);
  g_clear_object (&call->stream);
  g_clear_pointer (&call->body, g_byte_array_unref);
  g_free (call);
}

ProvCarrierClient *
prov_carrier_client_new (const char *base_url,
                         const char *token,
                         guint       timeout_s)
{
  ProvCarrierClient *self;

  g_return_val_if_fail (base_url != NULL, NULL);

  self = g_object_new (PROV_TYPE_CARRIER_CLIENT, NULL);
  self->base_url = g_str_has_suffix (base_url, "/") ? g_strdup (base_url) : g_strconcat (base_url, "/", NULL);
  self->token = g_strdup (token);
  self->session = soup_session_new_with_options ("timeout", timeout_s,
                                                 "user-agent", "Provisioner/" PACKAGE_VERSION " ",
                                                 "max-conns", MAX_CONNECTIONS,
                                                 "max-conns-per-host", MAX_CONNECTIONS,
                                                 NULL);

  /* The store's proxy settings apply to the carrier, but a sandbox on this
   * computer is reached directly: asking the proxy resolver about loopback
   * stalls every new connection on an offline till. */
  if (prov_carrier_url_is_loopback (self->base_url))
    soup_session_set_proxy_resolver (self->session, NULL);

  return self;
}

const char *
prov_carrier_client_get_base_url (ProvCarrierClient *self)
{
  g_return_val_if_fail (PROV_IS_CARRIER_CLIENT (self), NULL);

  return self->base_url;
}

/* libsoup's own list of methods it may send twice is private. */
static gboolean
method_is_idempotent (const char *method)
{
  const char * const idempotent[] = { "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE" };

  for (guint i = 0; i < G_N_ELEMENTS (idempotent); i++)
    if (g_str_equal (method, idempotent[i]))
      return TRUE;

  return FALSE;
}

static guint
parse_retry_after (SoupMessage *message)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (message), "Retry-After");

  return value != NULL ? (guint) CLAMP (g_ascii_strtoull (value, NULL, 10), 1, 3600) : 1;
}

/* The carrier's own words for a refusal, if it sent a TMF630 Error. */
static char *
dup_reason (GByteArray *body)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *member;

  root = prov_json_parse_guarded ((const char *) body->data, body->len, PROV_JSON_MAX_DEPTH, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  member = json_object_get_member (object, "message");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
    member = json_object_get_member (object, "reason");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;

  return g_utf8_make_valid (json_node_get_string (member), -1);
}

static void
return_unreadable (GTask      *task,
                   const char *why)
{
  g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNCERTAIN,
                           _("The carrier's answer could not be read: %s"), why);
}

/* The whole answer is in: sort it into an outcome. */
static void
return_answer (GTask *task)
{
  Call *call = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (call->message);
  guint status = soup_message_get_status (call->message);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  if (status == 429)
    {
      call->retry_after_s = parse_retry_after (call->message);
      g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_THROTTLED,
                               _("The carrier asks to wait %u seconds"), call->retry_after_s);
      return;
    }

  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      const char *location = soup_message_headers_get_one (headers, "Location");
      g_autofree char *target = g_utf8_make_valid (location != NULL ? location : "?", -1);

      g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_REDIRECTED,
                               _("The carrier redirected the request to %s (%u); Provisioner does not follow "
                                 "redirects. Check the carrier's address in Preferences."),
                               target, status);
      return;
    }

  if (status == SOUP_STATUS_NOT_FOUND)
    {
      g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_NOT_FOUND,
                               _("The carrier has no record of it"));
      return;
    }

  if (status >= 400 && status < 500)
    {
      reason = dup_reason (call->body);
      g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_REFUSED,
                               _("The carrier refused the request: %s"),
                               reason != NULL ? reason : soup_message_get_reason_phrase (call->message));
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNCERTAIN,
                               _("The carrier had a problem (%u %s)"),
                               status, soup_message_get_reason_phrase (call->message));
      return;
    }

  root = prov_json_parse_guarded ((const char *) call->body->data, call->body->len, PROV_JSON_MAX_DEPTH, &error);
  if (root == NULL)
    {
      return_unreadable (task, error->message);
      return;
    }

  if (call->answer == PROV_CARRIER_ANSWER_LIST)
    {
      const char *total = soup_message_headers_get_one (headers, "X-Total-Count");

      if (!JSON_NODE_HOLDS_ARRAY (root))
        {
          return_unreadable (task, _("not a list"));
          return;
        }
      call->total = total != NULL ? (guint) MIN (g_ascii_strtoull (total, NULL, 10), G_MAXUINT - 1) : G_MAXUINT;
    }
  else if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      return_unreadable (task, _("not an object"));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&root), (GDestroyNotify) json_node_unref);
}

static void read_next_chunk (GTask *task);

static void
on_chunk_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GError) error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (chunk == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNCERTAIN,
                                 _("The carrier's answer broke off: %s"), error->message);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      return_answer (task);
      return;
    }

  if (call->body->len + g_bytes_get_size (chunk) > MAX_ANSWER_BYTES)
    {
      /* Closing early drops the connection, with the rest of the answer. */
      g_input_stream_close (call->stream, NULL, NULL);
      g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNCERTAIN,
                               _("The carrier's answer is larger than %u MB"), MAX_ANSWER_BYTES / (1024 * 1024));
      return;
    }

  g_byte_array_append (call->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  read_next_chunk (g_steal_pointer (&task));
}

static void
read_next_chunk (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (call->stream, READ_CHUNK_BYTES, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), on_chunk_read, task);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  call->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (call->stream == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNCERTAIN,
                                 _("No answer from the carrier: %s"), error->message);
      g_object_unref (task);
      return;
    }

  read_next_chunk (task);
}

void
_prov_carrier_client_send_async (ProvCarrierClient   *self,
                                 const char          *api,
                                 const char          *method,
                                 const char          *resource,
                                 JsonNode            *body,
                                 ProvCarrierAnswer    answer,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data,
                                 gpointer             source_tag)
{
  g_autofree char *uri = g_strconcat (self->base_url, api, resource, NULL);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Call *call = g_new0 (Call, 1);
  SoupMessageFlags flags = SOUP_MESSAGE_NO_REDIRECT;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  call->answer = answer;
  call->body = g_byte_array_new ();
  call->message = soup_message_new (method, uri);
  if (call->message == NULL)
    {
      g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_REFUSED,
                               _("The carrier address %s is not valid"), uri);
      g_object_unref (task);
      return;
    }

  /* See the top of this file. */
  if (method_is_idempotent (method))
    flags |= SOUP_MESSAGE_NEW_CONNECTION;
  soup_message_add_flags (call->message, flags);

  soup_message_headers_replace (soup_message_get_request_headers (call->message), "Accept", "application/json");
  if (self->token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", self->token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (call->message), "Authorization", authorization);
    }

  if (body != NULL)
    {
      char *text = json_to_string (body, FALSE);
      gsize length = strlen (text);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, length);

      soup_message_set_request_body_from_bytes (call->message, "application/json;charset=utf-8", bytes);
    }

  soup_session_send_async (self->session, call->message, G_PRIORITY_DEFAULT, cancellable, on_sent, task);
}

JsonNode *
_prov_carrier_client_send_finish (ProvCarrierClient  *self,
                                  GAsyncResult       *result,
                                  guint              *retry_after_s,
                                  guint              *total,
                                  GError            **error)
{
  Call *call;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  call = g_task_get_task_data (G_TASK (result));
  if (retry_after_s != NULL)
    *retry_after_s = call->retry_after_s;
  if (total != NULL)
    *total = call->total;

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* POST productOrder. The body's externalId is what find_order looks for
 * after an uncertain outcome. */
void
prov_carrier_client_create_order_async (ProvCarrierClient   *self,
                                        JsonNode            *order,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (order != NULL);

  _prov_carrier_client_send_async (self, PROV_TMF622_API, SOUP_METHOD_POST, "productOrder", order, PROV_CARRIER_ANSWER_OBJECT,
                                   cancellable, callback, user_data, prov_carrier_client_create_order_async);
}

/* Only productOrderItem is promised (TMF622 v4 requires nothing else):
 * an answer without it is not an order, whatever its status said. */
static JsonNode *
require_product_order (JsonNode  *answer,
                       GError   **error)
{
  g_autoptr(JsonNode) owned = answer;

  if (owned == NULL)
    return NULL;

  if (prov_json_object_get_array (json_node_get_object (owned), "productOrderItem") == NULL)
    {
      g_set_error_literal (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNCERTAIN,
                           _("The carrier's answer is not a product order"));
      return NULL;
    }

  return g_steal_pointer (&owned);
}

/* The order the carrier made. Its id and externalId may be missing: only
 * productOrderItem is promised. */
JsonNode *
prov_carrier_client_create_order_finish (ProvCarrierClient  *self,
                                         GAsyncResult       *result,
                                         guint              *retry_after_s,
                                         GError            **error)
{
  return require_product_order (_prov_carrier_client_send_finish (self, result, retry_after_s, NULL, error), error);
}

void
prov_carrier_client_get_order_async (ProvCarrierClient   *self,
                                     const char          *id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *resource = NULL;

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (id != NULL);

  escaped = g_uri_escape_string (id, NULL, FALSE);
  resource = g_strconcat ("productOrder/", escaped, NULL);
  _prov_carrier_client_send_async (self, PROV_TMF622_API, SOUP_METHOD_GET, resource, NULL, PROV_CARRIER_ANSWER_OBJECT,
                                   cancellable, callback, user_data, prov_carrier_client_get_order_async);
}

JsonNode *
prov_carrier_client_get_order_finish (ProvCarrierClient  *self,
                                      GAsyncResult       *result,
                                      guint              *retry_after_s,
                                      GError            **error)
{
  return require_product_order (_prov_carrier_client_send_finish (self, result, retry_after_s, NULL, error), error);
}

/* GET productOrder?state=…, a page at a time; total is X-Total-Count, or
 * G_MAXUINT when the carrier does not say. */
void
prov_carrier_client_list_orders_async (ProvCarrierClient   *self,
                                       const char          *state,
                                       guint                offset,
                                       guint                limit,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GString) resource = g_string_new ("productOrder?");

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));

  if (state != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (state, NULL, FALSE);
      g_string_append_printf (resource, "state=%s&", escaped);
    }
  g_string_append_printf (resource, "offset=%u&limit=%u", offset, limit);

  _prov_carrier_client_send_async (self, PROV_TMF622_API, SOUP_METHOD_GET, resource->str, NULL,
                                   PROV_CARRIER_ANSWER_LIST, cancellable, callback, user_data,
                                   prov_carrier_client_list_orders_async);
}

JsonNode *
prov_carrier_client_list_orders_finish (ProvCarrierClient  *self,
                                        GAsyncResult       *result,
                                        guint              *total,
                                        GError            **error)
{
  return _prov_carrier_client_send_finish (self, result, NULL, total, error);
}

/* PATCH productOrder/{id} with a ProductOrder_Update: how a clerk supplies
 * what the carrier asked for while the order is pending. */
void
prov_carrier_client_patch_order_async (ProvCarrierClient   *self,
                                       const char          *id,
                                       JsonNode            *changes,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *resource = NULL;

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (id != NULL && changes != NULL);

  escaped = g_uri_escape_string (id, NULL, FALSE);
  resource = g_strconcat ("productOrder/", escaped, NULL);
  _prov_carrier_client_send_async (self, PROV_TMF622_API, "PATCH", resource, changes,
                                   PROV_CARRIER_ANSWER_OBJECT, cancellable, callback, user_data,
                                   prov_carrier_client_patch_order_async);
}

JsonNode *
prov_carrier_client_patch_order_finish (ProvCarrierClient  *self,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  return _prov_carrier_client_send_finish (self, result, NULL, NULL, error);
}

/* POST cancelProductOrder. */
void
prov_carrier_client_cancel_order_async (ProvCarrierClient   *self,
                                        const char          *id,
                                        const char          *reason,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (id != NULL);

  body = prov_tmf622_build_cancel (id, reason);
  _prov_carrier_client_send_async (self, PROV_TMF622_API, SOUP_METHOD_POST, "cancelProductOrder", body,
                                   PROV_CARRIER_ANSWER_OBJECT, cancellable, callback, user_data,
                                   prov_carrier_client_cancel_order_async);
}

JsonNode *
prov_carrier_client_cancel_order_finish (ProvCarrierClient  *self,
                                         GAsyncResult       *result,
                                         GError            **error)
{
  return _prov_carrier_client_send_finish (self, result, NULL, NULL, error);
}

static void
prov_carrier_client_finalize (GObject *object)
{
  ProvCarrierClient *self = PROV_CARRIER_CLIENT (object);

  g_clear_object (&self->session);
  g_free (self->base_url);
  g_free (self->token);

  G_OBJECT_CLASS (prov_carrier_client_parent_class)->finalize (object);
}

static void
prov_carrier_client_class_init (ProvCarrierClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = prov_carrier_client_finalize;
}

static void
prov_carrier_client_init (ProvCarrierClient *self)
{
}
