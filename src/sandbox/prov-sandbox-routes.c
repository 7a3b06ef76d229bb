#include <string.h>

#include "prov-sandbox-other-carrier.h"
#include "prov-sandbox-parties.h"
#include "prov-sandbox-products.h"
#include "prov-sandbox-server-private.h"

/* What the sandbox answers at each TM Forum API's resources, and how: the
 * bodies, TMF630 errors and list headers every answer shares. */

void
_prov_sandbox_respond_json (SoupServerMessage *message,
                            guint              status,
                            JsonNode          *body)
{
  g_autofree char *text = json_to_string (body, FALSE);

  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json;charset=utf-8",
                                    SOUP_MEMORY_COPY, text, strlen (text));
}

/* A TMF630 Error. */
void
_prov_sandbox_respond_error (SoupServerMessage *message,
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

  _prov_sandbox_respond_json (message, status, body);
}

/* Paging attributes are whole numbers from 0 to 2^31 - 1, written in
 * decimal digits; anything else is refused with 400 before a list is read
 * (_prov_sandbox_check_paging), so that no list answers a first page to a
 * question it did not understand. */
static gboolean
read_paging (const char  *name,
             const char  *value,
             guint64     *out,
             GError     **error)
{
  g_autoptr(GError) parse_error = NULL;

  if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT32, out, &parse_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s must be a whole number from 0 to %d, not “%s”", name, G_MAXINT32, value);
      return FALSE;
    }
  return TRUE;
}

gboolean
_prov_sandbox_check_paging (GHashTable  *query,
                            GError     **error)
{
  const char * const names[] = { "offset", "limit" };
  guint64 unused;

  for (guint i = 0; query != NULL && i < G_N_ELEMENTS (names); i++)
    {
      const char *value = g_hash_table_lookup (query, names[i]);

      if (value != NULL && !read_paging (names[i], value, &unused, error))
        return FALSE;
    }
  return TRUE;
}

static guint
query_uint (GHashTable *query,
            const char *name,
            guint       fallback)
{
  const char *value = query != NULL ? g_hash_table_lookup (query, name) : NULL;
  guint64 number = fallback;

  if (value != NULL && !read_paging (name, value, &number, NULL))
    return fallback;
  return (guint) number;
}

/* The answer to a carried-out request, or the TMF630 error for why not. */
void
_prov_sandbox_respond_outcome (SoupServerMessage *message,
                               guint              status,
                               JsonNode          *answer,
                               GError            *error)
{
  if (answer != NULL)
    {
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;

      if (status == SOUP_STATUS_CREATED && object != NULL && json_object_has_member (object, "href"))
        soup_message_headers_replace (soup_server_message_get_response_headers (message), "Location",
                                      json_object_get_string_member (object, "href"));
      _prov_sandbox_respond_json (message, status, answer);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    _prov_sandbox_respond_error (message, SOUP_STATUS_NOT_FOUND, "Not found", error->message);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) || error->domain == JSON_PARSER_ERROR)
    _prov_sandbox_respond_error (message, SOUP_STATUS_BAD_REQUEST, "Invalid request", error->message);
  else
    _prov_sandbox_respond_error (message, SOUP_STATUS_INTERNAL_SERVER_ERROR, "Storage", error->message);
}

static void
respond_list (SoupServerMessage *message,
              JsonNode          *list,
              guint              total,
              GError            *error)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  g_autofree char *total_text = NULL;
  g_autofree char *count_text = NULL;

  if (list == NULL)
    {
      _prov_sandbox_respond_outcome (message, SOUP_STATUS_OK, NULL, error);
      return;
    }

  total_text = g_strdup_printf ("%u", total);
  count_text = g_strdup_printf ("%u", json_array_get_length (json_node_get_array (list)));
  soup_message_headers_replace (headers, "X-Total-Count", total_text);
  soup_message_headers_replace (headers, "X-Result-Count", count_text);
  _prov_sandbox_respond_json (message, SOUP_STATUS_OK, list);
}

static const char *
query_string (GHashTable *query,
              const char *name)
{
  return query != NULL ? g_hash_table_lookup (query, name) : NULL;
}

/* 405 for a resource the sandbox serves, with a method it does not. */
static void
respond_not_served (SoupServerMessage *message,
                    const char        *method,
                    const char        *resource,
                    const char        *collection)
{
  if (g_str_has_prefix (resource, collection))
    _prov_sandbox_respond_error (message, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method not allowed", method);
  else
    _prov_sandbox_respond_error (message, SOUP_STATUS_NOT_FOUND, "Not found", resource);
}

/* What another carrier says it has: see prov_sandbox_other_carrier_total. */
static guint
listed_total (ProvSandboxServer *self,
              guint              total)
{
  return self->other_carrier ? prov_sandbox_other_carrier_total (total) : total;
}

/* Only the members @required names, in every answer of the kind, where
 * this sandbox answers as a carrier that promises no more. */
static void
bare (ProvSandboxServer  *self,
      JsonNode           *answer,
      const char * const *required)
{
  if (answer != NULL && self->bare_answers)
    prov_sandbox_other_carrier_keep_required (answer, required);
}

#define OFFSET(query) query_uint (query, "offset", 0)
#define LIMIT(query) MIN (query_uint (query, "limit", 100), 1000)

void
_prov_sandbox_serve_tmf622 (ProvSandboxServer *self,
                            SoupServerMessage *message,
                            const char        *method,
                            const char        *resource,
                            GHashTable        *query,
                            JsonNode          *body)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_strconcat (self->root_url, PROV_SANDBOX_TMF622_PATH + 1, NULL);
  guint total = 0;

  if (g_str_equal (resource, "productOrder") && g_str_equal (method, SOUP_METHOD_POST))
    {
      answer = prov_sandbox_orders_create (self->orders, body, base, &error);
      if (answer != NULL && self->other_carrier)
        prov_sandbox_other_carrier_keep_required (answer, prov_sandbox_tmf622_required);
      _prov_sandbox_respond_outcome (message, SOUP_STATUS_CREATED, answer, error);
    }
  else if (g_str_equal (resource, "productOrder") && g_str_equal (method, SOUP_METHOD_GET))
    {
      answer = prov_sandbox_orders_list (self->orders, query_string (query, "externalId"), query_string (query, "state"),
                                         OFFSET (query), LIMIT (query), &total, &error);
      bare (self, answer, prov_sandbox_tmf622_required);
      respond_list (message, answer, listed_total (self, total), error);
    }
  else if (g_str_has_prefix (resource, "productOrder/") && g_str_equal (method, SOUP_METHOD_GET))
    {
      answer = prov_sandbox_orders_get (self->orders, resource + strlen ("productOrder/"), &error);
      _prov_sandbox_respond_outcome (message, SOUP_STATUS_OK, answer, error);
    }
  else if (g_str_has_prefix (resource, "productOrder/") && g_str_equal (method, "PATCH"))
    {
      answer = prov_sandbox_orders_patch (self->orders, resource + strlen ("productOrder/"), body, &error);
      _prov_sandbox_respond_outcome (message, SOUP_STATUS_OK, answer, error);
    }
  else if (g_str_equal (resource, "cancelProductOrder") && g_str_equal (method, SOUP_METHOD_POST))
    {
      answer = prov_sandbox_orders_cancel (self->orders, body, &error);
      _prov_sandbox_respond_outcome (message, SOUP_STATUS_CREATED, answer, error);
    }
  else
    respond_not_served (message, method, resource,
                        g_str_has_prefix (resource, "cancel") ? "cancelProductOrder" : "productOrder");
}

void
_prov_sandbox_serve_tmf620 (ProvSandboxServer *self,
                            SoupServerMessage *message,
                            const char        *method,
                            const char        *resource,
                            GHashTable        *query)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  if (!g_str_equal (method, SOUP_METHOD_GET))
    _prov_sandbox_respond_error (message, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method not allowed", "The catalog is read-only");
  else if (g_str_equal (resource, "productOffering"))
    {
      answer = prov_sandbox_catalog_list (self->catalog, query_string (query, "category.id"),
                                          query_string (query, "lifecycleStatus"), OFFSET (query), LIMIT (query), &total);
      respond_list (message, answer, total, NULL);
    }
  else if (g_str_has_prefix (resource, "productOffering/"))
    {
      answer = prov_sandbox_catalog_get (self->catalog, resource + strlen ("productOffering/"), &error);
      _prov_sandbox_respond_outcome (message, SOUP_STATUS_OK, answer, error);
    }
  /* The other carrier keeps its specifications to itself. */
  else if (g_str_equal (resource, "productSpecification") && !self->other_carrier)
    {
      answer = prov_sandbox_catalog_list_specifications (self->catalog, OFFSET (query), LIMIT (query), &total);
      respond_list (message, answer, total, NULL);
    }
  else if (g_str_has_prefix (resource, "productSpecification/") && !self->other_carrier)
    {
      answer = prov_sandbox_catalog_get_specification (self->catalog, resource + strlen ("productSpecification/"), &error);
      _prov_sandbox_respond_outcome (message, SOUP_STATUS_OK, answer, error);
    }
  else
    respond_not_served (message, method, resource, "productOffering");
}

/* A TMF collection whose items the carrier creates, lists and reads back
 * as they were stored: TMF629 customers, TMF681 messages. */
typedef struct {
  const char         *name;       /* the resource, such as "customer" */
  const char         *filter;     /* the one attribute its list honours, or NULL */
  const char * const *required;   /* what the API promises of each item */
  JsonNode *(*list)   (sqlite3     *db,
                       const char  *filter,
                       guint        offset,
                       guint        limit,
                       guint       *total,
                       GError     **error);
  JsonNode *(*create) (sqlite3     *db,
                       JsonNode    *request,
                       const char  *base_url,
                       GError     **error);
  JsonNode *(*get)    (sqlite3     *db,
                       const char  *id,
                       GError     **error);
} Collection;

static JsonNode *
list_messages (sqlite3     *db,
               const char  *filter,
               guint        offset,
               guint        limit,
               guint       *total,
               GError     **error)
{
  return prov_sandbox_messages_list (db, offset, limit, total, error);
}

static const Collection customers = {
  "customer", "name", prov_sandbox_tmf629_required,
  prov_sandbox_customers_search, prov_sandbox_customers_create, prov_sandbox_customers_get,
};

static const Collection messages = {
  "communicationMessage", NULL, prov_sandbox_tmf681_required,
  list_messages, prov_sandbox_messages_create, NULL,
};

static void
serve_collection (ProvSandboxServer *self,
                  SoupServerMessage *message,
                  const char        *method,
                  const char        *resource,
                  GHashTable        *query,
                  JsonNode          *body,
                  const char        *api_path,
                  const Collection  *collection)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_strconcat (self->root_url, api_path + 1, NULL);
  gsize name_length = strlen (collection->name);
  gboolean whole = g_str_equal (resource, collection->name);
  gboolean one = g_str_has_prefix (resource, collection->name) && resource[name_length] == '/' &&
                 resource[name_length + 1] != '\0';
  guint total = 0;

  if (whole && g_str_equal (method, SOUP_METHOD_GET))
    {
      answer = collection->list (self->db, collection->filter != NULL ? query_string (query, collection->filter) : NULL,
                                 OFFSET (query), LIMIT (query), &total, &error);
      bare (self, answer, collection->required);
      respond_list (message, answer, listed_total (self, total), error);
    }
  else if (whole && g_str_equal (method, SOUP_METHOD_POST))
    {
      answer = collection->create (self->db, body, base, &error);
      /* Only what is required: the other carrier's create answers, too. */
      if (answer != NULL && (self->other_carrier || self->bare_answers))
        prov_sandbox_other_carrier_keep_required (answer, collection->required);
      _prov_sandbox_respond_outcome (message, SOUP_STATUS_CREATED, answer, error);
    }
  else if (one && collection->get != NULL && g_str_equal (method, SOUP_METHOD_GET))
    {
      answer = collection->get (self->db, resource + name_length + 1, &error);
      _prov_sandbox_respond_outcome (message, SOUP_STATUS_OK, answer, error);
    }
  else
    respond_not_served (message, method, resource, collection->name);
}

void
_prov_sandbox_serve_tmf629 (ProvSandboxServer *self,
                            SoupServerMessage *message,
                            const char        *method,
                            const char        *resource,
                            GHashTable        *query,
                            JsonNode          *body)
{
  serve_collection (self, message, method, resource, query, body, PROV_SANDBOX_TMF629_PATH, &customers);
}

void
_prov_sandbox_serve_tmf681 (ProvSandboxServer *self,
                            SoupServerMessage *message,
                            const char        *method,
                            const char        *resource,
                            GHashTable        *query,
                            JsonNode          *body)
{
  serve_collection (self, message, method, resource, query, body, PROV_SANDBOX_TMF681_PATH, &messages);
}

void
_prov_sandbox_serve_tmf685 (ProvSandboxServer *self,
                            SoupServerMessage *message,
                            const char        *method,
                            const char        *resource,
                            JsonNode          *body)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_strconcat (self->root_url, PROV_SANDBOX_TMF685_PATH + 1, NULL);

  if (g_str_equal (resource, "reservation") && g_str_equal (method, SOUP_METHOD_POST))
    {
      answer = prov_sandbox_numbers_reserve (self->db, body, base, &error);
      if (answer != NULL && self->other_carrier)
        prov_sandbox_other_carrier_pad_reservation (answer);
      _prov_sandbox_respond_outcome (message, SOUP_STATUS_CREATED, answer, error);
    }
  else if (g_str_has_prefix (resource, "reservation/") && g_str_equal (method, SOUP_METHOD_GET))
    {
      answer = prov_sandbox_numbers_get (self->db, resource + strlen ("reservation/"), &error);
      _prov_sandbox_respond_outcome (message, SOUP_STATUS_OK, answer, error);
    }
  else if (g_str_has_prefix (resource, "reservation/") && g_str_equal (method, "PATCH"))
    {
      answer = prov_sandbox_numbers_update (self->db, resource + strlen ("reservation/"), body, &error);
      _prov_sandbox_respond_outcome (message, SOUP_STATUS_OK, answer, error);
    }
  else if (g_str_equal (resource, "availabilityCheck") && g_str_equal (method, SOUP_METHOD_POST))
    {
      answer = prov_sandbox_availability_check (self->db, body, base, self->other_carrier, &error);
      _prov_sandbox_respond_outcome (message, SOUP_STATUS_CREATED, answer, error);
    }
  else
    respond_not_served (message, method, resource, "reservation");
}

/* Another carrier pages its inventory by its own size, newest first, and
 * ignores the attribute filter, which TMF637 does not declare. */
#define OTHER_CARRIER_PRODUCTS_PAGE 50

void
_prov_sandbox_serve_tmf637 (ProvSandboxServer *self,
                            SoupServerMessage *message,
                            const char        *method,
                            const char        *resource,
                            GHashTable        *query)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  /* Orders completed since they were last read make their products now. */
  prov_sandbox_orders_advance (self->orders);

  if (!g_str_equal (method, SOUP_METHOD_GET))
    respond_not_served (message, method, resource, "product");
  else if (g_str_equal (resource, "product"))
    {
      answer = prov_sandbox_products_list (self->db,
                                           self->other_carrier ? NULL : query_string (query, "relatedParty.id"),
                                           self->other_carrier, OFFSET (query),
                                           self->other_carrier ? MIN (LIMIT (query), OTHER_CARRIER_PRODUCTS_PAGE)
                                                               : LIMIT (query),
                                           &total, &error);
      respond_list (message, answer, listed_total (self, total), error);
    }
  else if (g_str_has_prefix (resource, "product/"))
    {
      answer = prov_sandbox_products_get (self->db, resource + strlen ("product/"), &error);
      _prov_sandbox_respond_outcome (message, SOUP_STATUS_OK, answer, error);
    }
  else
    respond_not_served (message, method, resource, "product");
}

