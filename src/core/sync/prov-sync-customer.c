#include <glib/gi18n-lib.h>

#include "prov-json-guard.h"
#include "prov-order-field.h"
#include "prov-sync-customer.h"
#include "prov-tmf629.h"

/*
 * A new customer's order goes to the carrier after its customer: TMF629
 * first, then the order naming the carrier's customer number. Creating a
 * customer is no more idempotent than creating an order, so the start is
 * recorded before the request leaves; after that, the carrier is asked
 * for a customer created for this order (its externalId characteristic)
 * before one is created again. A customer whose possible duplicates the
 * clerk could not see (the order was created offline) is not created
 * while the carrier has any: the order needs the clerk's attention.
 */

typedef struct {
  ProvStore         *store;
  ProvCarrierClient *client;
  ProvOrder         *order;
} Ensure;

static void
ensure_free (Ensure *ensure)
{
  g_clear_object (&ensure->store);
  g_clear_object (&ensure->client);
  g_clear_object (&ensure->order);
  g_free (ensure);
}

static void
on_customer_recorded (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_store_record_order_fields_finish (PROV_STORE (source), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
record_customer (GTask      *task,
                 const char *carrier_id)
{
  Ensure *ensure = g_task_get_task_data (task);
  const char * const fields[] = { PROV_ORDER_FIELD_CUSTOMER_ID, carrier_id, NULL };

  g_debug ("Order %s: customer %s at the carrier", prov_order_get_uuid (ensure->order), carrier_id);
  prov_order_set_field (ensure->order, PROV_ORDER_FIELD_CUSTOMER_ID, carrier_id);
  prov_store_record_order_fields_async (ensure->store, prov_order_get_uuid (ensure->order), fields,
                                        NULL, on_customer_recorded, task);
}

static void
on_customer_created (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) customer = prov_carrier_client_create_customer_finish (PROV_CARRIER_CLIENT (source), result,
                                                                            &error);
  const char *id;

  if (customer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  id = prov_json_object_get_string (json_node_get_object (customer), "id");
  if (id == NULL)
    {
      /* TMF629 promises only engagedParty in the answer. The next attempt
       * looks for it by its externalId; where the carrier's list cannot
       * show it, the clerk is asked, and it is never created again. */
      g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNCERTAIN,
                               _("The carrier created the customer without giving its number"));
      return;
    }

  record_customer (g_steal_pointer (&task), id);
}

static void
create_customer (GTask *task)
{
  Ensure *ensure = g_task_get_task_data (task);
  g_autoptr(JsonNode) body = prov_tmf629_build_customer_create (ensure->order);

  prov_carrier_client_create_customer_async (ensure->client, body, g_task_get_cancellable (task),
                                             on_customer_created, task);
}

static void
on_start_recorded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_store_record_order_fields_finish (PROV_STORE (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  create_customer (task);
}

static void
on_earlier_looked_up (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = prov_carrier_client_find_created_customer_finish (PROV_CARRIER_CLIENT (source), result,
                                                                               &error);

  if (created != NULL)
    record_customer (g_steal_pointer (&task), created);
  else if (g_error_matches (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_NOT_FOUND))
    /* The whole list was read and shows each customer's origin: the
     * earlier attempt created nobody. */
    create_customer (g_steal_pointer (&task));
  else
    /* Unverifiable (the clerk decides) or not answered (tried again). */
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
start_creation (GTask *task)
{
  Ensure *ensure = g_task_get_task_data (task);
  const char * const started[] = { PROV_ORDER_FIELD_CUSTOMER_CREATION_STARTED, "true", NULL };

  prov_order_set_field (ensure->order, PROV_ORDER_FIELD_CUSTOMER_CREATION_STARTED, "true");
  prov_store_record_order_fields_async (ensure->store, prov_order_get_uuid (ensure->order), started,
                                        g_task_get_cancellable (task), on_start_recorded, task);
}

static void
on_checked_recorded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_store_record_order_fields_finish (PROV_STORE (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  start_creation (g_steal_pointer (&task));
}

static void
on_duplicates_looked_up (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Ensure *ensure = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = prov_carrier_client_find_duplicates_finish (PROV_CARRIER_CLIENT (source), result,
                                                                          &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char * const checked[] = { PROV_ORDER_FIELD_CUSTOMER_DUPLICATES_CHECKED, "true", NULL };
  GCancellable *cancellable;

  if (found == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < found->len; i++)
    {
      ProvDuplicate *duplicate = g_ptr_array_index (found, i);
      g_autofree char *reasons = NULL;

      if (duplicate->reasons == PROV_DUPLICATE_NONE)
        continue;
      reasons = prov_duplicate_reasons_dup_label (duplicate->reasons);
      /* Translators: a possible duplicate customer and why, e.g. "Jansen B.V. (same phone number)" */
      g_ptr_array_add (names, g_strdup_printf (_("%s (%s)"),
                                               prov_json_object_get_string_or (duplicate->customer, "name", "?"),
                                               reasons));
    }

  if (names->len > 0)
    {
      g_autofree char *listed = NULL;

      g_ptr_array_add (names, NULL);
      listed = g_strjoinv ("; ", (char **) names->pdata);
      g_debug ("Order %s: possible duplicates at the carrier: %s", prov_order_get_uuid (ensure->order), listed);
      g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_REFUSED,
                               _("The carrier may have this customer already: %s. Edit the order to use one of "
                                 "them or to confirm a new customer, then send it again."),
                               listed);
      return;
    }

  prov_order_set_field (ensure->order, PROV_ORDER_FIELD_CUSTOMER_DUPLICATES_CHECKED, "true");
  cancellable = g_task_get_cancellable (task);
  prov_store_record_order_fields_async (ensure->store, prov_order_get_uuid (ensure->order), checked, cancellable,
                                        on_checked_recorded, g_steal_pointer (&task));
}

static void
on_followed_looked_up (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = prov_carrier_client_find_created_customer_finish (PROV_CARRIER_CLIENT (source), result,
                                                                               &error);

  if (created != NULL)
    record_customer (g_steal_pointer (&task), created);
  else if (g_error_matches (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_NOT_FOUND))
    g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNCERTAIN,
                             _("The customer is created with the order before this one; this one waits for it"));
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* Makes sure the carrier has @order's new customer: on success the order
 * (and the store) has the carrier's customer number. Carrier errors are
 * PROV_CARRIER_ERROR as for orders; anything else is the store's. */
void
prov_sync_ensure_customer_async (ProvStore           *store,
                                 ProvCarrierClient   *client,
                                 ProvOrder           *order,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Ensure *ensure;

  g_return_if_fail (PROV_IS_STORE (store));
  g_return_if_fail (PROV_IS_CARRIER_CLIENT (client));
  g_return_if_fail (PROV_IS_ORDER (order));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, prov_sync_ensure_customer_async);
  ensure = g_new0 (Ensure, 1);
  ensure->store = g_object_ref (store);
  ensure->client = g_object_ref (client);
  ensure->order = g_object_ref (order);
  g_task_set_task_data (task, ensure, (GDestroyNotify) ensure_free);

  if (!prov_tmf629_order_needs_customer (order))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* The customer another order of this till creates: theirs once the
   * carrier has them, and never created twice. */
  if (prov_order_get_field (order, PROV_ORDER_FIELD_FOLLOWS_ORDER) != NULL)
    {
      prov_carrier_client_find_created_customer_async (client, prov_order_get_field (order, PROV_ORDER_FIELD_FOLLOWS_ORDER),
                                                       prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME),
                                                       cancellable, on_followed_looked_up, g_steal_pointer (&task));
      return;
    }

  if (g_strcmp0 (prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_CREATION_STARTED), "true") == 0)
    {
      prov_carrier_client_find_created_customer_async (client, prov_order_get_uuid (order),
                                                       prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME),
                                                       cancellable, on_earlier_looked_up, g_steal_pointer (&task));
      return;
    }

  /* The clerk saw the carrier's answer, or the carrier is asked now. */
  if (g_strcmp0 (prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_DUPLICATES_CHECKED), "false") == 0)
    {
      const ProvCustomerProfile profile = {
        .name = prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME),
        .postcode = prov_order_get_field (order, PROV_ORDER_FIELD_SERVICE_POSTCODE),
        .email = prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_EMAIL),
        .phone = prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_PHONE),
        .id_number = prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_ID_NUMBER),
      };

      prov_carrier_client_find_duplicates_async (client, &profile, cancellable, on_duplicates_looked_up,
                                                 g_steal_pointer (&task));
      return;
    }

  start_creation (g_steal_pointer (&task));
}

gboolean
prov_sync_ensure_customer_finish (ProvStore     *store,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
