#include <gio/gio.h>

#include "prov-json-guard.h"
#include "prov-sandbox-database.h"
#include "prov-sandbox-parties.h"

/*
 * TMF681 communication messages: the e-mails a till asks the carrier to
 * send its customers. The sandbox records each one as sent (or failed,
 * when it cannot be delivered); the list is
 * what was sent, oldest first, so a test can count what arrived.
 */

/* Mail to a domain under .invalid (RFC 2606) cannot be delivered: the
 * carrier answers it "failed", as it would a bounce. */
static gboolean
addressed_to_nowhere (JsonObject *message)
{
  JsonArray *receivers = prov_json_object_get_array (message, "receiver");

  for (guint i = 0; receivers != NULL && i < json_array_get_length (receivers); i++)
    {
      const char *address = prov_json_object_get_string (prov_json_array_get_object (receivers, i), "email");

      if (address != NULL && g_str_has_suffix (address, ".invalid"))
        return TRUE;
    }

  return FALSE;
}

JsonNode *
prov_sandbox_messages_create (sqlite3     *db,
                              JsonNode    *request,
                              const char  *base_url,
                              GError     **error)
{
  g_autoptr(JsonNode) message = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *href = NULL;
  g_autofree char *body = NULL;
  g_autofree char *now = prov_sandbox_format_time (g_get_real_time ());
  JsonObject *object;
  sqlite3_stmt *statement = NULL;
  gboolean stored;

  if (!JSON_NODE_HOLDS_OBJECT (request))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "A CommunicationMessage is an object");
      return NULL;
    }

  message = json_node_copy (request);
  object = json_node_get_object (message);
  href = g_strconcat (base_url, "communicationMessage/", id, NULL);
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "href", href);
  json_object_set_string_member (object, "sendTime", now);
  if (addressed_to_nowhere (object))
    json_object_set_string_member (object, "state", "failed");
  else
    {
      json_object_set_string_member (object, "state", "completed");
      json_object_set_string_member (object, "sendTimeComplete", now);
    }
  body = json_to_string (message, FALSE);

  sqlite3_prepare_v2 (db, "INSERT INTO messages (id, body, seq) VALUES (?, ?, (SELECT count(*) FROM messages))",
                      -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, body, -1, SQLITE_TRANSIENT);
  stored = sqlite3_step (statement) == SQLITE_DONE;
  if (!stored)
    prov_sandbox_database_set_error (error, db);
  sqlite3_finalize (statement);

  return stored ? g_steal_pointer (&message) : NULL;
}

/* A page of the messages sent, oldest first. */
JsonNode *
prov_sandbox_messages_list (sqlite3     *db,
                            guint        offset,
                            guint        limit,
                            guint       *total,
                            GError     **error)
{
  JsonArray *list = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);
  sqlite3_stmt *statement = NULL;

  json_node_take_array (node, list);

  sqlite3_prepare_v2 (db, "SELECT count(*) FROM messages", -1, &statement, NULL);
  sqlite3_step (statement);
  *total = sqlite3_column_int (statement, 0);
  sqlite3_finalize (statement);

  sqlite3_prepare_v2 (db, "SELECT body FROM messages ORDER BY seq LIMIT ?1 OFFSET ?2", -1, &statement, NULL);
  sqlite3_bind_int (statement, 1, limit);
  sqlite3_bind_int (statement, 2, offset);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      JsonNode *message = prov_sandbox_json_parse ((const char *) sqlite3_column_text (statement, 0), error);

      if (message == NULL)
        {
          sqlite3_finalize (statement);
          json_node_unref (node);
          return NULL;
        }
      json_array_add_element (list, message);
    }
  sqlite3_finalize (statement);

  return node;
}
