#include <glib/gi18n-lib.h>

#include "prov-carrier-client-private.h"
#include "prov-json-guard.h"

/*
 * TMF637: the products a customer has at the carrier (users, extensions),
 * which decide what a new order may take. TMF637 v4 declares no filter on
 * GET /product besides fields, offset and limit, so a carrier may ignore
 * relatedParty.id and list everyone's products: the whole list is read
 * (prov_carrier_client_read_list_async) and only the products naming the
 * customer among their related parties are kept. A missing extension
 * would be handed out twice, so a list too long to read is an error.
 */

static ProvCarrierListVerdict
belongs_to (JsonObject *product,
            gpointer    customer_id)
{
  JsonArray *parties = prov_json_object_get_array (product, "relatedParty");

  /* Neither one to refer to nor, without parties, one to place. */
  if (prov_json_object_get_string (product, "id") == NULL)
    return PROV_CARRIER_LIST_SKIP;
  if (parties == NULL)
    return PROV_CARRIER_LIST_UNKNOWN;

  for (guint i = 0; parties != NULL && i < json_array_get_length (parties); i++)
    if (g_strcmp0 (prov_json_object_get_string (prov_json_array_get_object (parties, i), "id"), customer_id) == 0)
      return PROV_CARRIER_LIST_KEEP;

  return PROV_CARRIER_LIST_SKIP;
}

/* The products of the carrier's customer @customer_id: an array of TMF637
 * Product objects, each with an id and that customer among its parties. */
void
prov_carrier_client_list_products_async (ProvCarrierClient   *self,
                                         const char          *customer_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *resource = NULL;
  g_autofree char *too_long = NULL;

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (customer_id != NULL);

  escaped = g_uri_escape_string (customer_id, NULL, FALSE);
  resource = g_strdup_printf ("product?relatedParty.id=%s", escaped);
  too_long = g_strdup_printf (_("The carrier lists more products than the till reads (%u pages): "
                                "the customer's products could not be read"),
                              PROV_CARRIER_LIST_MAX_PAGES);
  _prov_carrier_client_read_list_async (self, PROV_TMF637_API, resource, belongs_to, g_strdup (customer_id), g_free,
                                        too_long, cancellable, callback, user_data,
                                        prov_carrier_client_list_products_async);
}

JsonNode *
prov_carrier_client_list_products_finish (ProvCarrierClient  *self,
                                          GAsyncResult       *result,
                                          GError            **error)
{
  JsonArray *products = _prov_carrier_client_read_list_finish (self, result, prov_carrier_client_list_products_async,
                                                               NULL, error);
  JsonNode *node;

  if (products == NULL)
    return NULL;

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, products);
  return node;
}
