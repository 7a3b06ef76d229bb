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
  g_autofree char *body = NULL;
  g_autofree char *now = prov_sandbox_format_time (g_get_real_time ());
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (request))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "A CommunicationMessage is an object");
      return NULL;
    }

  message = prov_sandbox_new_resource (request, base_url, "communicationMessage/", id);
  object = json_node_get_object (message);
  json_object_set_string_member (object, "sendTime", now);
  if (addressed_to_nowhere (object))
    json_object_set_string_member (object, "state", "failed");
  else
    {
      json_object_set_string_member (object, "state", "completed");
      json_object_set_string_member (object, "sendTimeComplete", now);
    }
  body = json_to_string (message, FALSE);

  if (!prov_sandbox_database_store (db, "INSERT INTO messages (id, body, seq) VALUES (?, ?, (SELECT count(*) FROM messages))",
                                    error, id, body, NULL))
    return NULL;

  return g_steal_pointer (&message);
}

/* A page of the messages sent, oldest first. */
JsonNode *
prov_sandbox_messages_list (sqlite3     *db,
                            guint        offset,
                            guint        limit,
                            guint       *total,
                            GError     **error)
{
  return prov_sandbox_database_page (db, "SELECT count(*) FROM messages",
                                     "SELECT body FROM messages ORDER BY seq LIMIT ?2 OFFSET ?3",
                                     NULL, offset, limit, total, error);
}
