#include <libsoup/soup.h>

#include <glib/gi18n-lib.h>

#include "prov-carrier-client-private.h"
#include "prov-duplicates.h"
#include "prov-json-guard.h"

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
  _prov_carrier_client_send_async (self, PROV_TMF629_API, SOUP_METHOD_GET, resource, NULL,
                                   PROV_CARRIER_ANSWER_LIST, cancellable, callback, user_data,
                                   prov_carrier_client_search_customers_async);
}

JsonNode *
prov_carrier_client_search_customers_finish (ProvCarrierClient  *self,
                                             GAsyncResult       *result,
                                             GError            **error)
{
  return _prov_carrier_client_send_finish (self, result, NULL, NULL, error);
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

  _prov_carrier_client_send_async (self, PROV_TMF629_API, SOUP_METHOD_POST, "customer", customer,
                                   PROV_CARRIER_ANSWER_OBJECT, cancellable, callback, user_data,
                                   prov_carrier_client_create_customer_async);
}

JsonNode *
prov_carrier_client_create_customer_finish (ProvCarrierClient  *self,
                                            GAsyncResult       *result,
                                            GError            **error)
{
  return _prov_carrier_client_send_finish (self, result, NULL, NULL, error);
}

/*
 * The carrier's customers that may be the one at the counter. TMF629 v4
 * declares no filter on GET /customer, so every customer is read
 * (prov_carrier_client_read_list_async) and matched here; a list longer
 * than the bound cannot be checked and says so.
 */

static ProvCarrierListVerdict
matches_profile (JsonObject *customer,
                 gpointer    profile)
{
  return prov_json_object_get_string (customer, "id") != NULL &&
         prov_customer_profile_match (profile, customer) != PROV_DUPLICATE_NONE
         ? PROV_CARRIER_LIST_KEEP : PROV_CARRIER_LIST_SKIP;
}

/* The carrier's customers matching @profile by name and address, e-mail,
 * phone or ID number: a GPtrArray of ProvDuplicate. */
void
prov_carrier_client_find_duplicates_async (ProvCarrierClient         *self,
                                           const ProvCustomerProfile *profile,
                                           GCancellable              *cancellable,
                                           GAsyncReadyCallback        callback,
                                           gpointer                   user_data)
{
  g_autofree char *too_long = NULL;

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (profile != NULL);

  too_long = g_strdup_printf (_("The carrier has more customers than the till reads (%u pages): "
                                "possible duplicates could not all be checked"),
                              PROV_CARRIER_LIST_MAX_PAGES);
  _prov_carrier_client_read_list_async (self, PROV_TMF629_API, "customer", matches_profile,
                                        prov_customer_profile_copy (profile),
                                        (GDestroyNotify) prov_customer_profile_free, too_long,
                                        cancellable, callback, user_data, prov_carrier_client_find_duplicates_async);
}

GPtrArray *
prov_carrier_client_find_duplicates_finish (ProvCarrierClient  *self,
                                            GAsyncResult       *result,
                                            GError            **error)
{
  g_autoptr(JsonArray) customers = _prov_carrier_client_read_list_finish (self, result,
                                                                          prov_carrier_client_find_duplicates_async,
                                                                          NULL, error);
  const ProvCustomerProfile *profile;
  GPtrArray *found;

  if (customers == NULL)
    return NULL;

  profile = _prov_carrier_client_read_list_get_keep_data (result);
  found = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_duplicate_free);
  for (guint i = 0; i < json_array_get_length (customers); i++)
    {
      ProvDuplicate *duplicate = g_new0 (ProvDuplicate, 1);

      duplicate->customer = json_object_ref (json_array_get_object_element (customers, i));
      duplicate->reasons = prov_customer_profile_match (profile, duplicate->customer);
      g_ptr_array_add (found, duplicate);
    }

  return found;
}

/*
 * The customer the carrier created for an order: the one carrying the
 * order's uuid as its externalId characteristic. TMF629 promises only
 * engagedParty in a listed customer, so one listed without characteristics
 * may be it, unless its name is another's (the name is required when
 * creating one, and a carrier keeps it). When such a customer is listed
 * the list cannot prove ours absent, and the answer is
 * PROV_CARRIER_ERROR_UNVERIFIABLE, never "not there": creating a customer
 * again on a guess is how customers are made twice.
 */

typedef struct {
  char *external_id;
  char *name;
} CreatedFor;

static void
created_for_free (CreatedFor *created_for)
{
  g_free (created_for->external_id);
  g_free (created_for->name);
  g_free (created_for);
}

static ProvCarrierListVerdict
is_created_for (JsonObject *customer,
                gpointer    user_data)
{
  CreatedFor *created_for = user_data;
  const ProvCustomerProfile profile = { .external_id = created_for->external_id };
  const char *name = prov_json_object_get_string (customer, "name");

  if ((prov_customer_profile_match (&profile, customer) & PROV_DUPLICATE_SAME_ORDER) != 0)
    /* Ours, but of no use without the number to name it by. */
    return prov_json_object_get_string (customer, "id") != NULL ? PROV_CARRIER_LIST_KEEP : PROV_CARRIER_LIST_UNKNOWN;
  if (prov_json_object_get_array (customer, "characteristic") != NULL ||
      (name != NULL && created_for->name != NULL && g_utf8_collate (name, created_for->name) != 0))
    return PROV_CARRIER_LIST_SKIP;
  return PROV_CARRIER_LIST_UNKNOWN;
}

/* The carrier's number for the customer named @name created for the
 * order whose uuid is @external_id, or PROV_CARRIER_ERROR_NOT_FOUND when
 * the carrier's whole list shows there is none. */
void
prov_carrier_client_find_created_customer_async (ProvCarrierClient   *self,
                                                 const char          *external_id,
                                                 const char          *name,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  g_autofree char *too_long = NULL;
  CreatedFor *created_for;

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (external_id != NULL);

  created_for = g_new0 (CreatedFor, 1);
  created_for->external_id = g_strdup (external_id);
  created_for->name = g_strdup (name);
  too_long = g_strdup_printf (_("The carrier has more customers than the till reads (%u pages): whether this "
                                "customer was created cannot be checked"),
                              PROV_CARRIER_LIST_MAX_PAGES);
  _prov_carrier_client_read_list_async (self, PROV_TMF629_API, "customer", is_created_for,
                                        created_for, (GDestroyNotify) created_for_free, too_long,
                                        cancellable, callback, user_data,
                                        prov_carrier_client_find_created_customer_async);
}

char *
prov_carrier_client_find_created_customer_finish (ProvCarrierClient  *self,
                                                  GAsyncResult       *result,
                                                  GError            **error)
{
  guint unknown = 0;
  g_autoptr(JsonArray) found = _prov_carrier_client_read_list_finish (self, result,
                                                                      prov_carrier_client_find_created_customer_async,
                                                                      &unknown, error);

  if (found == NULL)
    return NULL;
  if (json_array_get_length (found) > 0)
    return g_strdup (prov_json_object_get_string (json_array_get_object_element (found, 0), "id"));
  if (unknown > 0)
    g_set_error (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNVERIFIABLE,
                 _("The carrier lists customers without the details that show which one Provisioner "
                   "created (%u of them), so it cannot tell whether this customer was created. Check "
                   "with the carrier, then use the customer it has or confirm a new one."),
                 unknown);
  else
    g_set_error (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_NOT_FOUND,
                 _("The carrier has no customer created for this order"));
  return NULL;
}
