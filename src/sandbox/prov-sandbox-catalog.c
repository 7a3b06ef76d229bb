#include <gio/gio.h>

#include "prov-json-guard.h"
#include "prov-sandbox-catalog.h"

struct _ProvSandboxCatalog
{
  JsonArray *offerings;
  JsonArray *specifications;
};

#define CATALOG_RESOURCE "/com/example/Provisioner/sandbox/demo-catalog.json"
#define SPECIFICATIONS_RESOURCE "/com/example/Provisioner/sandbox/demo-specifications.json"

/* A demo list from the resource bundle, each item given its href. */
static JsonArray *
load_list (const char  *resource,
           const char  *base_url,
           const char  *collection,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *list;
  JsonNode *root;

  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s is not a list", resource);
      return NULL;
    }

  list = json_array_ref (json_node_get_array (root));
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *item = prov_json_array_get_object (list, i);
      g_autofree char *href = g_strconcat (base_url, collection, "/", json_object_get_string_member (item, "id"), NULL);

      json_object_set_string_member (item, "href", href);
    }

  return list;
}

ProvSandboxCatalog *
prov_sandbox_catalog_new (const char  *base_url,
                          GError     **error)
{
  g_autoptr(JsonArray) offerings = load_list (CATALOG_RESOURCE, base_url, "productOffering", error);
  g_autoptr(JsonArray) specifications = NULL;
  ProvSandboxCatalog *catalog;

  if (offerings == NULL ||
      (specifications = load_list (SPECIFICATIONS_RESOURCE, base_url, "productSpecification", error)) == NULL)
    return NULL;

  catalog = g_new0 (ProvSandboxCatalog, 1);
  catalog->offerings = g_steal_pointer (&offerings);
  catalog->specifications = g_steal_pointer (&specifications);
  return catalog;
}

void
prov_sandbox_catalog_free (ProvSandboxCatalog *catalog)
{
  if (catalog == NULL)
    return;

  json_array_unref (catalog->offerings);
  json_array_unref (catalog->specifications);
  g_free (catalog);
}

static gboolean
in_category (JsonObject *offering,
             const char *category)
{
  JsonArray *categories = prov_json_object_get_array (offering, "category");

  for (guint i = 0; categories != NULL && i < json_array_get_length (categories); i++)
    if (g_strcmp0 (prov_json_object_get_string (prov_json_array_get_object (categories, i), "id"), category) == 0)
      return TRUE;

  return FALSE;
}

JsonNode *
prov_sandbox_catalog_list (ProvSandboxCatalog *catalog,
                           const char         *category,
                           const char         *lifecycle_status,
                           guint               offset,
                           guint               limit,
                           guint              *total)
{
  JsonArray *page = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  *total = 0;
  for (guint i = 0; i < json_array_get_length (catalog->offerings); i++)
    {
      JsonObject *offering = prov_json_array_get_object (catalog->offerings, i);

      if (category != NULL && !in_category (offering, category))
        continue;
      if (lifecycle_status != NULL &&
          g_strcmp0 (json_object_get_string_member (offering, "lifecycleStatus"), lifecycle_status) != 0)
        continue;

      if (*total >= offset && *total < offset + limit)
        json_array_add_element (page, json_node_copy (json_array_get_element (catalog->offerings, i)));
      (*total)++;
    }

  json_node_take_array (node, page);
  return node;
}

JsonNode *
prov_sandbox_catalog_get (ProvSandboxCatalog  *catalog,
                          const char          *id,
                          GError             **error)
{
  for (guint i = 0; i < json_array_get_length (catalog->offerings); i++)
    if (g_strcmp0 (prov_json_object_get_string (prov_json_array_get_object (catalog->offerings, i), "id"), id) == 0)
      return json_node_copy (json_array_get_element (catalog->offerings, i));

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No productOffering with id %s", id);
  return NULL;
}

JsonNode *
prov_sandbox_catalog_list_specifications (ProvSandboxCatalog *catalog,
                                          guint               offset,
                                          guint               limit,
                                          guint              *total)
{
  JsonArray *page = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  *total = json_array_get_length (catalog->specifications);
  for (guint i = offset; i < *total && i - offset < limit; i++)
    json_array_add_element (page, json_node_copy (json_array_get_element (catalog->specifications, i)));

  json_node_take_array (node, page);
  return node;
}

JsonNode *
prov_sandbox_catalog_get_specification (ProvSandboxCatalog  *catalog,
                                        const char          *id,
                                        GError             **error)
{
  for (guint i = 0; i < json_array_get_length (catalog->specifications); i++)
    if (g_strcmp0 (prov_json_object_get_string (prov_json_array_get_object (catalog->specifications, i), "id"), id) == 0)
      return json_node_copy (json_array_get_element (catalog->specifications, i));

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No productSpecification with id %s", id);
  return NULL;
}
