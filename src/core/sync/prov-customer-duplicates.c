#include <glib/gi18n-lib.h>

#include "prov-customer-duplicates.h"
#include "prov-json-guard.h"

/* Before a new customer is created, the clerk sees who the carrier already
 * has with the same name and address, e-mail, phone or ID number: the
 * customer at the counter may be one of them. */

static guint
count_reasons (ProvDuplicateReasons reasons)
{
  guint count = 0;

  for (guint bits = reasons; bits != 0; bits &= bits - 1)
    count++;
  return count;
}

static int
by_strength (gconstpointer a,
             gconstpointer b)
{
  const ProvDuplicate *first = *(ProvDuplicate * const *) a;
  const ProvDuplicate *second = *(ProvDuplicate * const *) b;

  return (int) count_reasons (second->reasons) - (int) count_reasons (first->reasons);
}

static void
on_found (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = prov_carrier_client_find_duplicates_finish (PROV_CARRIER_CLIENT (source), result, &error);
  GPtrArray *matching;

  if (found == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The client keeps what the carrier answered; a carrier may ignore the
   * search, so only real matches are kept here. */
  matching = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_duplicate_free);
  for (guint i = 0; i < found->len; i++)
    {
      ProvDuplicate *duplicate = g_ptr_array_index (found, i);

      if (duplicate->reasons != PROV_DUPLICATE_NONE)
        g_ptr_array_add (matching, g_steal_pointer (&found->pdata[i]));
    }
  g_ptr_array_sort (matching, by_strength);
  g_task_return_pointer (task, matching, (GDestroyNotify) g_ptr_array_unref);
}

void
prov_customer_duplicates_find_async (ProvCarrierSession  *session,
                                     ProvOrder           *order,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  ProvCustomerProfile profile = {
    .name = prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME),
    .postcode = prov_order_get_field (order, PROV_ORDER_FIELD_SERVICE_POSTCODE),
    .email = prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_EMAIL),
    .phone = prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_PHONE),
    .id_number = prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_ID_NUMBER),
  };
  GTask *task;

  g_return_if_fail (PROV_IS_CARRIER_SESSION (session));
  g_return_if_fail (PROV_IS_ORDER (order));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, prov_customer_duplicates_find_async);
  prov_carrier_client_find_duplicates_async (prov_carrier_session_get_client (session), &profile, cancellable,
                                             on_found, task);
}

GPtrArray *
prov_customer_duplicates_find_finish (ProvCarrierSession  *session,
                                      GAsyncResult        *result,
                                      GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, session), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* "kantoor@jansen.example · +31302345678 · Stationsweg 1, 3511 AA Utrecht" */
char *
prov_customer_duplicates_dup_details (JsonObject *customer)
{
  JsonArray *media = prov_json_object_get_array (customer, "contactMedium");
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; media != NULL && i < json_array_get_length (media); i++)
    {
      JsonObject *medium = prov_json_array_get_object (media, i);
      JsonObject *characteristic = prov_json_object_get_object (medium, "characteristic");
      const char *type = prov_json_object_get_string (medium, "mediumType");

      if (g_strcmp0 (type, "email") == 0 && prov_json_object_get_string (characteristic, "emailAddress") != NULL)
        g_ptr_array_add (parts, g_strdup (prov_json_object_get_string (characteristic, "emailAddress")));
      else if (g_strcmp0 (type, "phone") == 0 && prov_json_object_get_string (characteristic, "phoneNumber") != NULL)
        g_ptr_array_add (parts, g_strdup (prov_json_object_get_string (characteristic, "phoneNumber")));
      else if (g_strcmp0 (type, "postalAddress") == 0)
        g_ptr_array_add (parts, g_strjoin (" ", prov_json_object_get_string (characteristic, "street1") ?: "",
                                           prov_json_object_get_string (characteristic, "postCode") ?: "",
                                           prov_json_object_get_string (characteristic, "city") ?: "", NULL));
    }
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}
