#include <gio/gio.h>

#include "prov-json-guard.h"
#include "prov-sandbox-database.h"
#include "prov-sandbox-parties.h"

/*
 * TMF685 reservations of mobile numbers. A reservation holds its numbers
 * for RESERVATION_MINUTES; numbers an order uses leave the pool for good
 * (see prov-sandbox-orders.c), the others come back when the reservation
 * is cancelled or runs out.
 */

#define RESERVATION_MINUTES 30
#define MAX_NUMBERS_PER_RESERVATION 20

static JsonObject *
first_item (JsonObject *reservation)
{
  JsonArray *items = prov_json_object_get_array (reservation, "reservationItem");

  return items != NULL && json_array_get_length (items) > 0 ? prov_json_array_get_object (items, 0) : NULL;
}

static gboolean
store_reservation (sqlite3     *db,
                   JsonNode    *reservation,
                   GError     **error)
{
  JsonObject *object = json_node_get_object (reservation);
  g_autofree char *body = json_to_string (reservation, FALSE);
  sqlite3_stmt *statement = NULL;
  gboolean stored;

  sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO reservations (id, state, body) VALUES (?, ?, ?)", -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, json_object_get_string_member (object, "id"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, json_object_get_string_member (object, "reservationState"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 3, body, -1, SQLITE_TRANSIENT);
  stored = sqlite3_step (statement) == SQLITE_DONE;
  if (!stored)
    prov_sandbox_database_set_error (error, db);
  sqlite3_finalize (statement);

  return stored;
}

/* The ids of the resources a reservation item names, as a JSON array, or
 * NULL when it names none. */
static char *
dup_requested_numbers (JsonObject *item)
{
  JsonObject *applied = prov_json_object_get_object (item, "appliedCapacityAmount");
  JsonArray *resources = prov_json_object_get_array (applied, "resource");
  g_autoptr(JsonArray) ids = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (resources == NULL || json_array_get_length (resources) == 0)
    return NULL;

  ids = json_array_new ();
  for (guint i = 0; i < json_array_get_length (resources); i++)
    {
      const char *id = prov_json_object_get_string (prov_json_array_get_object (resources, i), "id");

      if (id != NULL)
        json_array_add_string_element (ids, id);
    }
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, ids);
  return json_to_string (node, FALSE);
}

JsonNode *
prov_sandbox_numbers_reserve (sqlite3     *db,
                              JsonNode    *request,
                              const char  *base_url,
                              GError     **error)
{
  g_autoptr(JsonNode) reservation = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *href = NULL;
  g_autofree char *valid_for = NULL;
  g_autofree char *amount = NULL;
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (request) ? json_node_get_object (request) : NULL;
  JsonObject *item = object != NULL ? first_item (object) : NULL;
  JsonObject *demand = NULL;
  JsonObject *pool = NULL;
  JsonObject *applied;
  JsonArray *numbers;
  sqlite3_stmt *statement = NULL;
  gint64 now = g_get_real_time ();
  gint64 until = now + (gint64) RESERVATION_MINUTES * 60 * G_USEC_PER_SEC;
  gint64 quantity;
  g_autofree char *requested = NULL;

  if (object == NULL || !json_object_has_member (object, "relatedParty") || item == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "relatedParty and a reservationItem are required");
      return NULL;
    }

  quantity = json_object_get_int_member_with_default (item, "quantity", 1);
  if (quantity < 1 || quantity > MAX_NUMBERS_PER_RESERVATION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "A reservation takes 1 to %d numbers", MAX_NUMBERS_PER_RESERVATION);
      return NULL;
    }

  /* Numbers the clerk picked from an availability check: those, if free. */
  requested = dup_requested_numbers (item);

  if (json_object_has_member (item, "resourceCapacity"))
    demand = json_object_get_object_member (item, "resourceCapacity");
  if (demand != NULL && json_object_has_member (demand, "resourcePool"))
    pool = json_object_get_object_member (demand, "resourcePool");

  reservation = json_node_copy (request);
  object = json_node_get_object (reservation);
  item = first_item (object);
  href = g_strconcat (base_url, "reservation/", id, NULL);
  valid_for = prov_sandbox_format_time (until);
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "href", href);
  json_object_set_string_member (object, "valid_for", valid_for);

  sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "UPDATE numbers SET reservation_id = ?1, reserved_until = ?2 WHERE msisdn IN ("
                          "  SELECT msisdn FROM numbers"
                          "  WHERE (reservation_id IS NULL OR (reserved_until IS NOT NULL AND reserved_until < ?3))"
                          "    AND (?4 IS NULL OR pool = ?4)"
                          "    AND (?6 IS NULL OR msisdn IN (SELECT value FROM json_each (?6)))"
                          "  ORDER BY msisdn LIMIT ?5) "
                          "RETURNING msisdn",
                      -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 2, until);
  sqlite3_bind_int64 (statement, 3, now);
  sqlite3_bind_text (statement, 4, pool != NULL ? prov_json_object_get_string (pool, "id") : NULL,
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 5, quantity);
  sqlite3_bind_text (statement, 6, requested, -1, SQLITE_TRANSIENT);

  numbers = json_array_new ();
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      JsonObject *number = json_object_new ();
      const char *msisdn = (const char *) sqlite3_column_text (statement, 0);

      json_object_set_string_member (number, "id", msisdn);
      json_object_set_string_member (number, "name", msisdn);
      json_object_set_string_member (number, "type", "MSISDN");
      json_object_set_string_member (number, "state", "reserved");
      json_array_add_object_element (numbers, number);
    }
  sqlite3_finalize (statement);

  applied = json_object_new ();
  amount = g_strdup_printf ("%u", json_array_get_length (numbers));
  json_object_set_string_member (applied, "appliedDemandAmount", amount);
  json_object_set_array_member (applied, "resource", numbers);
  json_object_set_object_member (item, "appliedCapacityAmount", applied);
  json_object_set_string_member (item, "subReservationState",
                                 json_array_get_length (numbers) == (guint) quantity ? "completed" : "partial");
  json_object_set_string_member (object, "reservationState",
                                 json_array_get_length (numbers) > 0 ? "completed" : "rejected");

  if (!store_reservation (db, reservation, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return NULL;
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  return g_steal_pointer (&reservation);
}

JsonNode *
prov_sandbox_numbers_get (sqlite3     *db,
                          const char  *id,
                          GError     **error)
{
  sqlite3_stmt *statement = NULL;
  JsonNode *reservation = NULL;

  sqlite3_prepare_v2 (db, "SELECT body FROM reservations WHERE id = ?", -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    reservation = prov_sandbox_json_parse ((const char *) sqlite3_column_text (statement, 0), error);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No reservation with id %s", id);
  sqlite3_finalize (statement);

  return reservation;
}

/* Only the state changes: "cancelled" hands back the numbers no order took. */
JsonNode *
prov_sandbox_numbers_update (sqlite3     *db,
                             const char  *id,
                             JsonNode    *request,
                             GError     **error)
{
  g_autoptr(JsonNode) reservation = prov_sandbox_numbers_get (db, id, error);
  JsonObject *changes = JSON_NODE_HOLDS_OBJECT (request) ? json_node_get_object (request) : NULL;
  const char *state = changes != NULL ? prov_json_object_get_string (changes, "reservationState") : NULL;
  sqlite3_stmt *statement = NULL;

  if (reservation == NULL)
    return NULL;

  if (g_strcmp0 (state, "cancelled") != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "Only reservationState \"cancelled\" can be set");
      return NULL;
    }

  sqlite3_prepare_v2 (db, "UPDATE numbers SET reservation_id = NULL, reserved_until = NULL WHERE reservation_id = ?",
                      -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_step (statement);
  sqlite3_finalize (statement);

  json_object_set_string_member (json_node_get_object (reservation), "reservationState", "cancelled");
  if (!store_reservation (db, reservation, error))
    return NULL;

  return g_steal_pointer (&reservation);
}
