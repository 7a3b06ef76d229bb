#include <libsoup/soup.h>

#include "prov-carrier-client-private.h"

/* TMF620: the offerings the counter can sell, fetched whole so the store
 * can keep them for offline use. */

#define MAX_OFFERINGS 1000

void
prov_carrier_client_list_offerings_async (ProvCarrierClient   *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autofree char *resource = g_strdup_printf ("productOffering?lifecycleStatus=Active&limit=%u", MAX_OFFERINGS);

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));

  _prov_carrier_client_send_async (self, PROV_TMF620_API, SOUP_METHOD_GET, resource, NULL,
                                   PROV_CARRIER_ANSWER_LIST, cancellable, callback, user_data,
                                   prov_carrier_client_list_offerings_async);
}

JsonNode *
prov_carrier_client_list_offerings_finish (ProvCarrierClient  *self,
                                           GAsyncResult       *result,
                                           GError            **error)
{
  return _prov_carrier_client_send_finish (self, result, NULL, NULL, error);
}

/* The product specifications, for what they say of characteristics such
 * as the PIN. A carrier need not serve them: NOT_FOUND then. */
void
prov_carrier_client_list_specifications_async (ProvCarrierClient   *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_autofree char *resource = g_strdup_printf ("productSpecification?limit=%u", MAX_OFFERINGS);

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));

  _prov_carrier_client_send_async (self, PROV_TMF620_API, SOUP_METHOD_GET, resource, NULL,
                                   PROV_CARRIER_ANSWER_LIST, cancellable, callback, user_data,
                                   prov_carrier_client_list_specifications_async);
}

JsonNode *
prov_carrier_client_list_specifications_finish (ProvCarrierClient  *self,
                                                GAsyncResult       *result,
                                                GError            **error)
{
  return _prov_carrier_client_send_finish (self, result, NULL, NULL, error);
}
