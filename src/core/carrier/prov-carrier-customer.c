#include <libsoup/soup.h>

#include "prov-carrier-client-private.h"

/* TMF629: looking for the customer before creating a duplicate. */

#define MAX_MATCHES 50

void
prov_carrier_client_search_customers_async (ProvCarrierClient   *self,
                                            const char          *name,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *resource = NULL;

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (name != NULL);

  escaped = g_uri_escape_string (name, NULL, FALSE);
  resource = g_strdup_printf ("customer?name=%s&limit=%u", escaped, MAX_MATCHES);
  prov_carrier_client_send_async (self, PROV_TMF629_API, SOUP_METHOD_GET, resource, NULL,
                                  PROV_CARRIER_ANSWER_LIST, cancellable, callback, user_data,
                                  prov_carrier_client_search_customers_async);
}

JsonNode *
prov_carrier_client_search_customers_finish (ProvCarrierClient  *self,
                                             GAsyncResult       *result,
                                             GError            **error)
{
  return prov_carrier_client_send_finish (self, result, NULL, NULL, error);
}

/* POST customer with a Customer_Create (see prov_customer_to_tmf629). */
void
prov_carrier_client_create_customer_async (ProvCarrierClient   *self,
                                           JsonNode            *customer,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (customer != NULL);

  prov_carrier_client_send_async (self, PROV_TMF629_API, SOUP_METHOD_POST, "customer", customer,
                                  PROV_CARRIER_ANSWER_OBJECT, cancellable, callback, user_data,
                                  prov_carrier_client_create_customer_async);
}

JsonNode *
prov_carrier_client_create_customer_finish (ProvCarrierClient  *self,
                                            GAsyncResult       *result,
                                            GError            **error)
{
  return prov_carrier_client_send_finish (self, result, NULL, NULL, error);
}
