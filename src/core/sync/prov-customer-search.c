#include "prov-customer-search.h"
#include "prov-json-guard.h"

/* The carrier's matches are kept in the store first, so the same search
 * finds them offline; then the store answers, with local customers too. */

#define MAX_RESULTS 20

static void
on_local_customers_found (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *customers = prov_store_search_customers_finish (PROV_STORE (source), result, &error);

  if (customers == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, customers, (GDestroyNotify) g_ptr_array_unref);
}

static void
search_locally (GTask *task)
{
  prov_store_search_customers_async (g_task_get_source_object (task), g_task_get_task_data (task), MAX_RESULTS,
                                     g_task_get_cancellable (task), on_local_customers_found, task);
}

static void
on_carrier_customer_kept (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!prov_store_save_customer_finish (PROV_STORE (source), result, &error))
    g_warning ("A customer from the carrier could not be kept: %s", error->message);
}

static void
on_carrier_customers_found (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  GTask *task = user_data;
  ProvStore *store = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) matches = prov_carrier_client_search_customers_finish (PROV_CARRIER_CLIENT (source), result, &error);
  JsonArray *list = matches != NULL ? json_node_get_array (matches) : NULL;

  if (matches == NULL)
    g_debug ("Customer search at the carrier: %s", error->message);

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *object = prov_json_array_get_object (list, i);
      g_autoptr(ProvCustomer) customer = object != NULL ? prov_customer_new_from_tmf629 (object) : NULL;

      if (customer != NULL)
        prov_store_save_customer_async (store, customer, NULL, on_carrier_customer_kept, NULL);
    }

  /* Queued behind the saves on the store's one worker. */
  search_locally (task);
}

/* Customers matching @text: asked of @session's carrier first (NULL when
 * it cannot be reached), then of the store. */
void
prov_customer_search_async (ProvStore           *store,
                            ProvCarrierSession  *session,
                            const char          *text,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  GTask *task;

  g_return_if_fail (PROV_IS_STORE (store));
  g_return_if_fail (session == NULL || PROV_IS_CARRIER_SESSION (session));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, prov_customer_search_async);
  g_task_set_task_data (task, g_strdup (trimmed), g_free);

  if (session != NULL && g_utf8_strlen (trimmed, -1) >= 2)
    prov_carrier_client_search_customers_async (prov_carrier_session_get_client (session), trimmed, cancellable,
                                                on_carrier_customers_found, task);
  else
    search_locally (task);
}

GPtrArray *
prov_customer_search_finish (ProvStore     *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
