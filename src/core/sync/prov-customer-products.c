#include "prov-customer-products.h"

/* A customer's products are read from the carrier (TMF637) and kept in the
 * store, which answers the pages from then on, online or not. A failed
 * read keeps what was kept before. */

static void
on_products_saved (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_store_save_products_finish (PROV_STORE (source), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_products_listed (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) products = prov_carrier_client_list_products_finish (PROV_CARRIER_CLIENT (source), result, &error);

  if (products == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  prov_store_save_products_async (g_task_get_source_object (task), g_task_get_task_data (task), products,
                                  g_task_get_cancellable (task), on_products_saved, g_object_ref (task));
}

/* Reads @account's products from @client's carrier into @store: the
 * sender does when a request on the account's lines is completed. Finish
 * with prov_customer_products_refresh_finish. */
void
prov_customer_products_refresh_from_async (ProvStore           *store,
                                           ProvCarrierClient   *client,
                                           const char          *account,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PROV_IS_STORE (store));
  g_return_if_fail (PROV_IS_CARRIER_CLIENT (client));
  g_return_if_fail (account != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, prov_customer_products_refresh_async);
  g_task_set_task_data (task, g_strdup (account), g_free);
  prov_carrier_client_list_products_async (client, account, cancellable, on_products_listed, task);
}

/* Reads @account's products from @session's carrier into @store. */
void
prov_customer_products_refresh_async (ProvStore           *store,
                                      ProvCarrierSession  *session,
                                      const char          *account,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (PROV_IS_CARRIER_SESSION (session));

  prov_customer_products_refresh_from_async (store, prov_carrier_session_get_client (session), account,
                                             cancellable, callback, user_data);
}

gboolean
prov_customer_products_refresh_finish (ProvStore     *store,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
