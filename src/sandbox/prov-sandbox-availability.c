#include <string.h>

#include <gio/gio.h>

#include "prov-json-guard.h"
#include "prov-sandbox-database.h"
#include "prov-sandbox-parties.h"

/*
 * TMF685 availability checks of fixed numbers: which numbers of a pool
 * (the public geographic block, or one a customer already holds) are free,
 * filtered by prefix, grade and digits they contain, the next ones in
 * order or a random draw. AvailabilityCheck_Create declares nothing but
 * its type, so the request extends it ("NumberAvailabilityCheck") with a
 * ResourceCapacityDemand and the criteria; the answer lists the numbers as
 * ResourceRefs with their grade. Another carrier may ignore the criteria:
 * with other_carrier set, the sandbox does, and the client must check.
 */

#define MAX_NUMBERS_PER_CHECK 50

/* How memorable the last four digits are: gold for one digit repeated, a
 * run or a round number, silver for pairs, standard for the rest. */
static const char *
grade_of (const char *msisdn)
{
  const char *d = msisdn + strlen (msisdn) - 4;
  gboolean run = TRUE;

  for (guint i = 1; i < 4; i++)
    run &= d[i] == d[i - 1] + 1;
  if ((d[0] == d[1] && d[1] == d[2] && d[2] == d[3]) || run || (d[2] == '0' && d[3] == '0'))
    return "gold";
  if ((d[0] == d[2] && d[1] == d[3]) || (d[0] == d[1] && d[2] == d[3]) || (d[0] == d[3] && d[1] == d[2]))
    return "silver";
  return "standard";
}

/* Two public blocks of Birmingham numbers, and a block Van Dijk Advocaten
 * already holds, on first use. */
gboolean
prov_sandbox_availability_seed (sqlite3  *db,
                                GError  **error)
{
  static const struct {
    const char *block;
    const char *pool;
    guint       count;
  } blocks[] = {
    { "+44121737", "geographic", 1000 },
    { "+44121738", "geographic", 1000 },
    { "+44121739", "customer:c0ffee00-0000-4000-8000-000000000005", 20 },
  };
  sqlite3_stmt *insert = NULL;

  if (sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO numbers (msisdn, pool, grade) VALUES (?, ?, ?)", -1, &insert,
                          NULL) != SQLITE_OK)
    {
      prov_sandbox_database_set_error (error, db);
      return FALSE;
    }

  for (guint b = 0; b < G_N_ELEMENTS (blocks); b++)
    for (guint i = 0; i < blocks[b].count; i++)
      {
        g_autofree char *msisdn = g_strdup_printf ("%s%04u", blocks[b].block, i);

        sqlite3_bind_text (insert, 1, msisdn, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (insert, 2, blocks[b].pool, -1, SQLITE_STATIC);
        sqlite3_bind_text (insert, 3, grade_of (msisdn), -1, SQLITE_STATIC);
        sqlite3_step (insert);
        sqlite3_reset (insert);
      }
  sqlite3_finalize (insert);

  return TRUE;
}

static JsonObject *
new_number (const char *msisdn,
            const char *grade)
{
  JsonObject *number = json_object_new ();
  JsonArray *characteristics = json_array_new ();
  JsonObject *characteristic = json_object_new ();

  json_object_set_string_member (number, "id", msisdn);
  json_object_set_string_member (number, "name", msisdn);
  json_object_set_string_member (number, "type", "MSISDN");
  json_object_set_string_member (number, "state", "available");
  json_object_set_string_member (characteristic, "name", "grade");
  json_object_set_string_member (characteristic, "value", grade);
  json_array_add_object_element (characteristics, characteristic);
  json_object_set_array_member (number, "characteristic", characteristics);
  return number;
}

JsonNode *
prov_sandbox_availability_check (sqlite3     *db,
                                 JsonNode    *request,
                                 const char  *base_url,
                                 gboolean     other_carrier,
                                 GError     **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (request) ? json_node_get_object (request) : NULL;
  JsonObject *demand = prov_json_object_get_object (object, "resourceCapacityDemand");
  JsonObject *pool = prov_json_object_get_object (demand, "resourcePool");
  JsonObject *criteria = prov_json_object_get_object (object, "numberCriteria");
  const char *pool_id = prov_json_object_get_string (pool, "id");
  const char *amount = prov_json_object_get_string (demand, "capacityDemandAmount");
  const char *prefix = other_carrier ? NULL : prov_json_object_get_string (criteria, "prefix");
  const char *grade = other_carrier ? NULL : prov_json_object_get_string (criteria, "grade");
  const char *contains = other_carrier ? NULL : prov_json_object_get_string (criteria, "contains");
  const char *selection = other_carrier ? NULL : prov_json_object_get_string (criteria, "selection");
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *href = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  JsonObject *check;
  JsonArray *numbers;
  sqlite3_stmt *statement = NULL;
  gint64 quantity = amount != NULL ? g_ascii_strtoll (amount, NULL, 10) : 0;

  if (pool_id == NULL || quantity < 1 || quantity > MAX_NUMBERS_PER_CHECK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "resourceCapacityDemand needs a resourcePool id and a capacityDemandAmount of 1 to %d",
                   MAX_NUMBERS_PER_CHECK);
      return NULL;
    }
  if (g_strcmp0 (selection, "contains") == 0 && (contains == NULL || *contains == '\0'))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "numberCriteria.selection \"contains\" needs numberCriteria.contains");
      return NULL;
    }

  /* Free numbers: in no reservation, or in one that ran out. */
  g_string_append (sql, "SELECT msisdn, grade FROM numbers"
                        " WHERE pool = ?1 AND (reservation_id IS NULL OR reserved_until < ?2)"
                        "   AND (?3 IS NULL OR substr (msisdn, 1, length (?3)) = ?3)"
                        "   AND (?4 IS NULL OR grade = ?4)"
                        "   AND (?5 IS NULL OR instr (substr (msisdn, 4), ?5) > 0)");
  g_string_append (sql, g_strcmp0 (selection, "random") == 0 ? " ORDER BY random ()" : " ORDER BY msisdn");
  g_string_append (sql, " LIMIT ?6");
  if (sqlite3_prepare_v2 (db, sql->str, -1, &statement, NULL) != SQLITE_OK)
    {
      prov_sandbox_database_set_error (error, db);
      return NULL;
    }
  sqlite3_bind_text (statement, 1, pool_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 2, g_get_real_time ());
  sqlite3_bind_text (statement, 3, prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 4, grade, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 5, contains, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 6, quantity);

  answer = json_node_copy (request);
  check = json_node_get_object (answer);
  href = g_strconcat (base_url, "availabilityCheck/", id, NULL);
  json_object_set_string_member (check, "id", id);
  json_object_set_string_member (check, "href", href);
  numbers = json_array_new ();
  while (sqlite3_step (statement) == SQLITE_ROW)
    json_array_add_object_element (numbers, new_number ((const char *) sqlite3_column_text (statement, 0),
                                                        (const char *) sqlite3_column_text (statement, 1)));
  sqlite3_finalize (statement);
  json_object_set_array_member (check, "availableResource", numbers);

  return g_steal_pointer (&answer);
}
