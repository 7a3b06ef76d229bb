/* libFuzzer target: what a carrier may answer, as the client reads it:
 * the guarded parse (size of nesting, numbers JSON cannot keep), then the
 * catalog, customers and orders made of it. */
#include <stdint.h>

#include "prov-catalog.h"
#include "prov-customer.h"
#include "prov-json-guard.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
read_order (JsonObject *order)
{
  JsonArray *items = prov_json_object_get_array (order, "productOrderItem");
  JsonArray *notes = prov_json_object_get_array (order, "note");

  prov_json_object_get_string (order, "id");
  prov_json_object_get_string (order, "externalId");
  prov_json_object_get_string (order, "state");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    prov_json_object_get_string (prov_json_array_get_object (items, i), "state");
  if (notes != NULL && json_array_get_length (notes) > 0)
    prov_json_object_get_string (prov_json_array_get_object (notes, json_array_get_length (notes) - 1), "text");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) root = prov_json_parse_guarded ((const char *) data, size, PROV_JSON_MAX_DEPTH, NULL);

  if (root == NULL)
    return 0;

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *list = json_node_get_array (root);
      g_autoptr(ProvCatalog) catalog = prov_catalog_new_from_json (root, 1, NULL);

      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonObject *object = prov_json_array_get_object (list, i);
          g_autoptr(ProvCustomer) customer = object != NULL ? prov_customer_new_from_tmf629 (object) : NULL;

          if (object != NULL)
            read_order (object);
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autoptr(ProvCustomer) customer = prov_customer_new_from_tmf629 (json_node_get_object (root));

      read_order (json_node_get_object (root));
    }

  return 0;
}
