#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "prov-carrier-client-private.h"
#include "prov-carrier-url.h"
#include "prov-tmf622.h"

/*
 * The TM Forum Open APIs over libsoup 3. Every call is asynchronous;
 * answers are sorted into the outcomes the sync engine acts on (see
 * ProvCarrierError). TLS certificates are always verified: the session
 * keeps libsoup's default of rejecting any certificate the system does not
 * trust. This file has the transport and TMF622; the other APIs live in
 * prov-carrier-catalog.c, prov-carrier-customer.c and
 * prov-carrier-numbers.c.
 */

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
  guint              retry_after_s;
  guint              total;
  ProvCarrierAnswer  answer;
} Call;

static void
call_free (Call *call)
{
  g_clear_object (&call->message);
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
                                                 NULL);

  /* The store's proxy settings apply to the carrier, but a sandbox on this
   * computer is reached directly: asking the proxy resolver about loopback
   * stalls every new connection on an offline till. */
  if (prov_carrier_url_is_loopback (self->base_url))
    soup_session_set_proxy_resolver (self->session, NULL);

  return self;
}

static guint
parse_retry_after (SoupMessage *message)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (message), "Retry-After");

  return value != NULL ? (guint) CLAMP (g_ascii_strtoull (value, NULL, 10), 1, 3600) : 1;
}

/* The carrier's own words for a refusal, if it sent a TMF630 Error. */
static char *
dup_reason (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  if (body == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  object = json_node_get_object (json_parser_get_root (parser));
  return g_strdup (json_object_get_string_member_with_default (object, "message",
                   json_object_get_string_member_with_default (object, "reason", NULL)));
}

static void
on_response (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *reason = NULL;
  JsonNode *root;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNCERTAIN,
                                 _("No answer from the carrier: %s"), error->message);
      return;
    }

  status = soup_message_get_status (call->message);
  if (status == 429)
    {
      call->retry_after_s = parse_retry_after (call->message);
      g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_THROTTLED,
                               _("The carrier asks to wait %u seconds"), call->retry_after_s);
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
      reason = dup_reason (body);
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

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error))
    {
      g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNCERTAIN,
                               _("The carrier's answer could not be read: %s"), error->message);
      return;
    }

  root = json_parser_get_root (parser);
  if (call->answer != PROV_CARRIER_ANSWER_OBJECT)
    {
      JsonArray *list = JSON_NODE_HOLDS_ARRAY (root) ? json_node_get_array (root) : NULL;
      const char *total = soup_message_headers_get_one (soup_message_get_response_headers (call->message),
                                                        "X-Total-Count");

      if (list == NULL)
        g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNCERTAIN,
                                 _("The carrier's answer could not be read: %s"), "not a list");
      else if (call->answer == PROV_CARRIER_ANSWER_LIST)
        {
          call->total = total != NULL ? (guint) g_ascii_strtoull (total, NULL, 10) : json_array_get_length (list);
          g_task_return_pointer (task, json_node_copy (root), (GDestroyNotify) json_node_unref);
        }
      else if (json_array_get_length (list) == 0)
        g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_NOT_FOUND,
                                 _("The carrier has no record of it"));
      else
        g_task_return_pointer (task, json_node_copy (json_array_get_element (list, 0)),
                               (GDestroyNotify) json_node_unref);
      return;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNCERTAIN,
                               _("The carrier's answer could not be read: %s"), "not an object");
      return;
    }

  g_task_return_pointer (task, json_node_copy (root), (GDestroyNotify) json_node_unref);
}

void
prov_carrier_client_send_async (ProvCarrierClient   *self,
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

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  call->answer = answer;
  call->message = soup_message_new (method, uri);
  if (call->message == NULL)
    {
      g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_REFUSED,
                               _("The carrier address %s is not valid"), uri);
      g_object_unref (task);
      return;
    }

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

  soup_session_send_and_read_async (self->session, call->message, G_PRIORITY_DEFAULT, cancellable,
                                    on_response, task);
}

JsonNode *
prov_carrier_client_send_finish (ProvCarrierClient  *self,
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

  prov_carrier_client_send_async (self, PROV_TMF622_API, SOUP_METHOD_POST, "productOrder", order, PROV_CARRIER_ANSWER_OBJECT,
             cancellable, callback, user_data, prov_carrier_client_create_order_async);
}

JsonNode *
prov_carrier_client_create_order_finish (ProvCarrierClient  *self,
                                         GAsyncResult       *result,
                                         guint              *retry_after_s,
                                         GError            **error)
{
  return prov_carrier_client_send_finish (self, result, retry_after_s, NULL, error);
}

/* GET productOrder?externalId=…: the order the carrier made of ours, or
 * PROV_CARRIER_ERROR_NOT_FOUND when it never arrived. */
void
prov_carrier_client_find_order_async (ProvCarrierClient   *self,
                                      const char          *external_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *resource = NULL;

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (external_id != NULL);

  escaped = g_uri_escape_string (external_id, NULL, FALSE);
  resource = g_strconcat ("productOrder?externalId=", escaped, "&limit=1", NULL);
  prov_carrier_client_send_async (self, PROV_TMF622_API, SOUP_METHOD_GET, resource, NULL, PROV_CARRIER_ANSWER_LIST_HEAD,
             cancellable, callback, user_data, prov_carrier_client_find_order_async);
}

JsonNode *
prov_carrier_client_find_order_finish (ProvCarrierClient  *self,
                                       GAsyncResult       *result,
                                       guint              *retry_after_s,
                                       GError            **error)
{
  return prov_carrier_client_send_finish (self, result, retry_after_s, NULL, error);
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
  prov_carrier_client_send_async (self, PROV_TMF622_API, SOUP_METHOD_GET, resource, NULL, PROV_CARRIER_ANSWER_OBJECT,
             cancellable, callback, user_data, prov_carrier_client_get_order_async);
}

JsonNode *
prov_carrier_client_get_order_finish (ProvCarrierClient  *self,
                                      GAsyncResult       *result,
                                      guint              *retry_after_s,
                                      GError            **error)
{
  return prov_carrier_client_send_finish (self, result, retry_after_s, NULL, error);
}

/* GET productOrder?state=…, a page at a time; total is X-Total-Count. */
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

  prov_carrier_client_send_async (self, PROV_TMF622_API, SOUP_METHOD_GET, resource->str, NULL,
                                  PROV_CARRIER_ANSWER_LIST, cancellable, callback, user_data,
                                  prov_carrier_client_list_orders_async);
}

JsonNode *
prov_carrier_client_list_orders_finish (ProvCarrierClient  *self,
                                        GAsyncResult       *result,
                                        guint              *total,
                                        GError            **error)
{
  return prov_carrier_client_send_finish (self, result, NULL, total, error);
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
  prov_carrier_client_send_async (self, PROV_TMF622_API, "PATCH", resource, changes,
                                  PROV_CARRIER_ANSWER_OBJECT, cancellable, callback, user_data,
                                  prov_carrier_client_patch_order_async);
}

JsonNode *
prov_carrier_client_patch_order_finish (ProvCarrierClient  *self,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  return prov_carrier_client_send_finish (self, result, NULL, NULL, error);
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
  prov_carrier_client_send_async (self, PROV_TMF622_API, SOUP_METHOD_POST, "cancelProductOrder", body,
                                  PROV_CARRIER_ANSWER_OBJECT, cancellable, callback, user_data,
                                  prov_carrier_client_cancel_order_async);
}

JsonNode *
prov_carrier_client_cancel_order_finish (ProvCarrierClient  *self,
                                         GAsyncResult       *result,
                                         GError            **error)
{
  return prov_carrier_client_send_finish (self, result, NULL, NULL, error);
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
