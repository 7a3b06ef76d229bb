#include "prov-number-reserve.h"

#define MIN_FREE_NUMBERS 5
#define NUMBERS_PER_RESERVATION 10

static void
on_numbers_stored (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_store_add_numbers_finish (PROV_STORE (source), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_numbers_reserved (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reservation = NULL;
  g_autofree char *reservation_id = NULL;
  g_auto(GStrv) numbers = NULL;
  gint64 until = 0;

  reservation = prov_carrier_client_reserve_numbers_finish (PROV_CARRIER_CLIENT (source), result, &error);
  if (reservation == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  numbers = prov_carrier_reservation_dup_numbers (reservation, NUMBERS_PER_RESERVATION, NULL, &reservation_id, &until,
                                                  NULL);
  if (reservation_id == NULL || numbers[0] == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  prov_store_add_numbers_async (g_task_get_source_object (task), reservation_id, (const char * const *) numbers,
                                until, NULL, on_numbers_stored, g_object_ref (task));
}

static void
on_free_numbers_listed (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ProvCarrierSession *session = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) numbers = prov_store_list_free_numbers_finish (PROV_STORE (source), result, &error);

  if (numbers == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (g_strv_length (numbers) >= MIN_FREE_NUMBERS)
    g_task_return_boolean (task, TRUE);
  else
    prov_carrier_client_reserve_numbers_async (prov_carrier_session_get_client (session),
                                               prov_carrier_session_get_dealer_code (session), NULL,
                                               NUMBERS_PER_RESERVATION, g_task_get_cancellable (task),
                                               on_numbers_reserved, g_object_ref (task));
}

void
prov_number_reserve_top_up_async (ProvStore           *store,
                                  ProvCarrierSession  *session,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PROV_IS_STORE (store));
  g_return_if_fail (PROV_IS_CARRIER_SESSION (session));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, prov_number_reserve_top_up_async);
  g_task_set_task_data (task, g_object_ref (session), g_object_unref);
  prov_store_list_free_numbers_async (store, NULL, cancellable, on_free_numbers_listed, task);
}

gboolean
prov_number_reserve_top_up_finish (ProvStore     *store,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
