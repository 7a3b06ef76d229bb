#include <libsoup/soup.h>

#include "prov-ids.h"
#include "prov-json-guard.h"
#include "prov-carrier-client-private.h"

/*
 * TMF685: numbers are reserved from the carrier's pool a few at a time and
 * kept in the store, so a new number can be picked at the counter while
 * the network is down. Unused ones are handed back by cancelling the
 * reservation.
 */

/* @numbers: the ones the clerk picked, or NULL for any @count. */
static JsonNode *
build_reservation (const char         *dealer_code,
                   const char         *pool,
                   guint               count,
                   const char * const *numbers)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *amount = g_strdup_printf ("%u", count);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@type");
  json_builder_add_string_value (builder, "ResourceReservation");
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, "Mobile numbers for new lines at the counter");

  json_builder_set_member_name (builder, "relatedParty");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, dealer_code != NULL && *dealer_code != '\0' ? dealer_code : "counter");
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, "dealer");
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "reservationItem");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "quantity");
  json_builder_add_int_value (builder, count);
  json_builder_set_member_name (builder, "resourceCapacity");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "capacityDemandAmount");
  json_builder_add_string_value (builder, amount);
  if (pool != NULL)
    {
      json_builder_set_member_name (builder, "resourcePool");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, pool);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  if (numbers != NULL)
    {
      json_builder_set_member_name (builder, "appliedCapacityAmount");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "appliedDemandAmount");
      json_builder_add_string_value (builder, amount);
      json_builder_set_member_name (builder, "resource");
      json_builder_begin_array (builder);
      for (guint i = 0; numbers[i] != NULL; i++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, numbers[i]);
          json_builder_set_member_name (builder, "type");
          json_builder_add_string_value (builder, "MSISDN");
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
prov_carrier_client_reserve_numbers_async (ProvCarrierClient   *self,
                                           const char          *dealer_code,
                                           const char          *pool,
                                           guint                count,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (count > 0);

  body = build_reservation (dealer_code, pool, count, NULL);
  _prov_carrier_client_send_async (self, PROV_TMF685_API, SOUP_METHOD_POST, "reservation", body,
                                   PROV_CARRIER_ANSWER_OBJECT, cancellable, callback, user_data,
                                   prov_carrier_client_reserve_numbers_async);
}

JsonNode *
prov_carrier_client_reserve_numbers_finish (ProvCarrierClient  *self,
                                            GAsyncResult       *result,
                                            GError            **error)
{
  return _prov_carrier_client_send_finish (self, result, NULL, NULL, error);
}

void
prov_carrier_client_release_numbers_async (ProvCarrierClient   *self,
                                           const char          *reservation_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *resource = NULL;

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (reservation_id != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "reservationState");
  json_builder_add_string_value (builder, "cancelled");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  escaped = g_uri_escape_string (reservation_id, NULL, FALSE);
  resource = g_strconcat ("reservation/", escaped, NULL);
  _prov_carrier_client_send_async (self, PROV_TMF685_API, "PATCH", resource, body,
                                   PROV_CARRIER_ANSWER_OBJECT, cancellable, callback, user_data,
                                   prov_carrier_client_release_numbers_async);
}

JsonNode *
prov_carrier_client_release_numbers_finish (ProvCarrierClient  *self,
                                            GAsyncResult       *result,
                                            GError            **error)
{
  return _prov_carrier_client_send_finish (self, result, NULL, NULL, error);
}

/*
 * The numbers a reservation holds for us, each checked as search results
 * are (an E.164 number, as the carrier spelled it, once): no more than
 * @asked, and only those in @wanted when the clerk picked them (NULL: any).
 * An answer holding more, or strings that are no numbers, is the
 * carrier's mistake, never numbers to sell; @refused counts what was left
 * out. The reservation lasts as the carrier says, but never past
 * PROV_RESERVATION_MAX_DAYS; one already over holds nothing.
 */
GStrv
prov_carrier_reservation_dup_numbers (JsonNode            *reservation,
                                      guint                asked,
                                      const char * const  *wanted,
                                      char               **reservation_id,
                                      gint64              *valid_until,
                                      guint               *refused)
{
  g_autoptr(GStrvBuilder) numbers = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (reservation) ? json_node_get_object (reservation) : NULL;
  gint64 now = g_get_real_time ();
  gint64 until = now + 30 * 60 * G_USEC_PER_SEC;
  guint kept = 0;
  guint left_out = 0;
  JsonArray *items;

  g_return_val_if_fail (reservation != NULL, NULL);

  if (reservation_id != NULL)
    *reservation_id = object != NULL ? g_strdup (prov_json_object_get_string (object, "id")) : NULL;

  if (object != NULL && prov_json_object_get_string (object, "valid_for") != NULL)
    {
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (prov_json_object_get_string (object, "valid_for"),
                                                                  NULL);

      if (parsed != NULL)
        until = CLAMP (g_date_time_to_unix (parsed), G_MININT64 / G_USEC_PER_SEC, G_MAXINT64 / G_USEC_PER_SEC)
                * G_USEC_PER_SEC;
    }
  until = MIN (until, now + (gint64) PROV_RESERVATION_MAX_DAYS * G_TIME_SPAN_DAY);
  if (valid_until != NULL)
    *valid_until = until;

  items = prov_json_object_get_array (object, "reservationItem");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = prov_json_array_get_object (items, i);
      JsonObject *applied = prov_json_object_get_object (item, "appliedCapacityAmount");
      JsonArray *resources = prov_json_object_get_array (applied, "resource");

      for (guint j = 0; resources != NULL && j < json_array_get_length (resources); j++)
        {
          JsonObject *resource = prov_json_array_get_object (resources, j);
          const char *msisdn = resource != NULL ? prov_json_object_get_string_or (resource, "name",
                                 prov_json_object_get_string (resource, "id")) : NULL;
          g_autoptr(ProvId) id = msisdn != NULL ? prov_id_parse (PROV_ID_KIND_E164, msisdn) : NULL;

          if (id == NULL || !id->valid || g_strcmp0 (id->normalized, msisdn) != 0 ||
              (wanted != NULL && !g_strv_contains (wanted, msisdn)) ||
              kept >= asked || until <= now || !g_hash_table_add (seen, (gpointer) msisdn))
            {
              left_out++;
              continue;
            }

          g_strv_builder_add (numbers, msisdn);
          kept++;
        }
    }

  if (left_out > 0)
    g_message ("The carrier's reservation %s held %u numbers more than asked, malformed or expired: left out",
               reservation_id != NULL && *reservation_id != NULL ? *reservation_id : "", left_out);
  if (refused != NULL)
    *refused = left_out;
  return g_strv_builder_end (numbers);
}

static void
on_numbers_checked (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = _prov_carrier_client_send_finish (PROV_CARRIER_CLIENT (source), result, NULL, NULL,
                                                                 &error);
  GPtrArray *numbers;
  guint refused = 0;

  if (answer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  numbers = prov_number_search_read (g_task_get_task_data (task), answer, &refused);
  if (refused > 0)
    g_debug ("The carrier offered %u numbers that do not meet the search; left out", refused);
  g_task_return_pointer (task, numbers, (GDestroyNotify) g_ptr_array_unref);
}

/* Free numbers of a pool that meet @search (TMF685 availability check): a
 * GPtrArray of ProvAvailableNumber. */
void
prov_carrier_client_search_numbers_async (ProvCarrierClient      *self,
                                          const ProvNumberSearch *search,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data)
{
  g_autoptr(JsonNode) body = NULL;
  GTask *task;

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (search != NULL && search->pool != NULL && search->count > 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, prov_carrier_client_search_numbers_async);
  g_task_set_task_data (task, prov_number_search_copy (search), (GDestroyNotify) prov_number_search_free);
  body = prov_number_search_build (search);
  _prov_carrier_client_send_async (self, PROV_TMF685_API, SOUP_METHOD_POST, "availabilityCheck", body,
                                   PROV_CARRIER_ANSWER_OBJECT, cancellable, on_numbers_checked, task,
                                   prov_carrier_client_search_numbers_async);
}

GPtrArray *
prov_carrier_client_search_numbers_finish (ProvCarrierClient  *self,
                                           GAsyncResult       *result,
                                           GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Reserves the numbers the clerk picked from an availability check; the
 * reservation names those the carrier could hold (see
 * prov_carrier_reservation_dup_numbers). */
void
prov_carrier_client_reserve_these_numbers_async (ProvCarrierClient   *self,
                                                 const char          *dealer_code,
                                                 const char          *pool,
                                                 const char * const  *numbers,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (numbers != NULL && numbers[0] != NULL);

  body = build_reservation (dealer_code, pool, g_strv_length ((char **) numbers), numbers);
  _prov_carrier_client_send_async (self, PROV_TMF685_API, SOUP_METHOD_POST, "reservation", body,
                                   PROV_CARRIER_ANSWER_OBJECT, cancellable, callback, user_data,
                                   prov_carrier_client_reserve_these_numbers_async);
}
