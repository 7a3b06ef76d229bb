#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "prov-carrier-client-private.h"
#include "prov-json-guard.h"

/*
 * TMF629: a dealer's resellers are its sub-accounts, the parties its own
 * Customer record names with the role "subAccount"; a reseller's customers
 * are those that name the reseller, with the role "reseller", among their
 * related parties. TMF629 declares no filter
 * for that, so the list is read (bounded) and each customer checked.
 */

void
prov_reseller_free (ProvReseller *reseller)
{
  if (reseller == NULL)
    return;

  g_free (reseller->id);
  g_free (reseller->name);
  g_free (reseller);
}

static void
on_dealer_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) dealer = _prov_carrier_client_send_finish (PROV_CARRIER_CLIENT (source), result, NULL, NULL,
                                                                 &error);
  JsonArray *parties;
  GPtrArray *resellers;

  if (dealer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  resellers = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_reseller_free);
  parties = prov_json_object_get_array (json_node_get_object (dealer), "relatedParty");
  for (guint i = 0; parties != NULL && i < json_array_get_length (parties); i++)
    {
      JsonObject *party = prov_json_array_get_object (parties, i);
      const char *id = prov_json_object_get_string (party, "id");
      ProvReseller *reseller;

      if (id == NULL || g_ascii_strcasecmp (prov_json_object_get_string_or (party, "role", ""), "subAccount") != 0)
        continue;

      reseller = g_new0 (ProvReseller, 1);
      reseller->id = g_strdup (id);
      /* Only the id is required of a RelatedParty. */
      reseller->name = g_strdup (prov_json_object_get_string_or (party, "name", id));
      g_ptr_array_add (resellers, reseller);
    }

  g_task_return_pointer (task, resellers, (GDestroyNotify) g_ptr_array_unref);
}

/* The resellers under @dealer_code: a GPtrArray of ProvReseller. */
void
prov_carrier_client_list_resellers_async (ProvCarrierClient   *self,
                                          const char          *dealer_code,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *resource = NULL;
  GTask *task;

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (dealer_code != NULL && *dealer_code != '\0');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, prov_carrier_client_list_resellers_async);
  escaped = g_uri_escape_string (dealer_code, NULL, FALSE);
  resource = g_strconcat ("customer/", escaped, NULL);
  _prov_carrier_client_send_async (self, PROV_TMF629_API, SOUP_METHOD_GET, resource, NULL,
                                   PROV_CARRIER_ANSWER_OBJECT, cancellable, on_dealer_read, task,
                                   prov_carrier_client_list_resellers_async);
}

GPtrArray *
prov_carrier_client_list_resellers_finish (ProvCarrierClient  *self,
                                           GAsyncResult       *result,
                                           GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static ProvCarrierListVerdict
names_reseller (JsonObject *customer,
                gpointer    reseller_id)
{
  JsonArray *parties = prov_json_object_get_array (customer, "relatedParty");

  for (guint i = 0; parties != NULL && i < json_array_get_length (parties); i++)
    {
      JsonObject *party = prov_json_array_get_object (parties, i);

      if (g_strcmp0 (prov_json_object_get_string (party, "id"), reseller_id) == 0 &&
          g_ascii_strcasecmp (prov_json_object_get_string_or (party, "role", ""), "reseller") == 0)
        return PROV_CARRIER_LIST_KEEP;
    }

  return PROV_CARRIER_LIST_SKIP;
}

/* The customers under @reseller_id: a JsonArray of TMF629 Customers. */
void
prov_carrier_client_list_reseller_customers_async (ProvCarrierClient   *self,
                                                   const char          *reseller_id,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data)
{
  g_autofree char *too_long = NULL;

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (reseller_id != NULL);

  too_long = g_strdup_printf (_("The carrier has more customers than the till reads (%u pages): "
                                "the reseller's customers could not all be listed"),
                              PROV_CARRIER_LIST_MAX_PAGES);
  _prov_carrier_client_read_list_async (self, PROV_TMF629_API, "customer", names_reseller, g_strdup (reseller_id), g_free,
                                        too_long, cancellable, callback, user_data,
                                        prov_carrier_client_list_reseller_customers_async);
}

JsonArray *
prov_carrier_client_list_reseller_customers_finish (ProvCarrierClient  *self,
                                                    GAsyncResult       *result,
                                                    GError            **error)
{
  return _prov_carrier_client_read_list_finish (self, result, prov_carrier_client_list_reseller_customers_async,
                                                NULL, error);
}
