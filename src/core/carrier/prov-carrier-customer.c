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

/*
 * The carrier's customers that may be the one at the counter. TMF629 v4
 * declares no filter on GET /customer, so every customer is read, page by
 * page at the carrier's own page size, and matched here; a list longer
 * than the bound cannot be checked and says so.
 */

#define DUPLICATE_PAGE_SIZE 100
#define DUPLICATE_MAX_PAGES 50

typedef struct {
  ProvCustomerProfile *profile;
  guint                offset;
  guint                pages;
  GPtrArray           *found;    /* ProvDuplicate */
} DuplicateSearch;

static void
duplicate_search_free (DuplicateSearch *search)
{
  prov_customer_profile_free (search->profile);
  g_ptr_array_unref (search->found);
  g_free (search);
}

static void request_customers_page (GTask *task);

static void
on_customers_page (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DuplicateSearch *search = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  guint total = G_MAXUINT;
  g_autoptr(JsonNode) page = prov_carrier_client_send_finish (PROV_CARRIER_CLIENT (source), result, NULL, &total, &error);
  JsonArray *customers;
  guint length;

  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  customers = json_node_get_array (page);
  length = json_array_get_length (customers);
  for (guint i = 0; i < length; i++)
    {
      JsonObject *customer = prov_json_array_get_object (customers, i);
      ProvDuplicateReasons reasons = prov_customer_profile_match (search->profile, customer);
      ProvDuplicate *duplicate;

      if (reasons == PROV_DUPLICATE_NONE || prov_json_object_get_string (customer, "id") == NULL)
        continue;

      duplicate = g_new0 (ProvDuplicate, 1);
      duplicate->customer = json_object_ref (customer);
      duplicate->reasons = reasons;
      g_ptr_array_add (search->found, duplicate);
    }

  search->offset += length;
  if (length == 0 || (total != G_MAXUINT && search->offset >= total))
    {
      g_task_return_pointer (task, g_ptr_array_ref (search->found), (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  if (++search->pages >= DUPLICATE_MAX_PAGES)
    {
      g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNVERIFIABLE,
                               _("The carrier has more customers than the till reads (%u pages): "
                                 "possible duplicates could not all be checked"),
                               DUPLICATE_MAX_PAGES);
      return;
    }

  request_customers_page (g_steal_pointer (&task));
}

static void
request_customers_page (GTask *task)
{
  DuplicateSearch *search = g_task_get_task_data (task);
  g_autofree char *resource = g_strdup_printf ("customer?offset=%u&limit=%u", search->offset, DUPLICATE_PAGE_SIZE);

  prov_carrier_client_send_async (g_task_get_source_object (task), PROV_TMF629_API, SOUP_METHOD_GET, resource, NULL,
                                  PROV_CARRIER_ANSWER_LIST, g_task_get_cancellable (task), on_customers_page, task,
                                  prov_carrier_client_find_duplicates_async);
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
  DuplicateSearch *search;
  GTask *task;

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (profile != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, prov_carrier_client_find_duplicates_async);
  search = g_new0 (DuplicateSearch, 1);
  search->profile = prov_customer_profile_copy (profile);
  search->found = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_duplicate_free);
  g_task_set_task_data (task, search, (GDestroyNotify) duplicate_search_free);

  request_customers_page (task);
}

GPtrArray *
prov_carrier_client_find_duplicates_finish (ProvCarrierClient  *self,
                                            GAsyncResult       *result,
                                            GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
