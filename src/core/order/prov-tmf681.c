#include "prov-json-guard.h"
#include "prov-tmf681.h"

/*
 * An e-mail as a TMF681 CommunicationMessage_Create: messageType "email",
 * sender and receiver by address, the text as content, a PDF as a
 * base64 Attachment. The till's id travels as a characteristic: TMF681
 * declares no filter for listing messages, so finding one again means
 * reading the list and matching it.
 */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

JsonNode *
prov_tmf681_build_email (const ProvEmail *email)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (email != NULL && email->external_id != NULL && email->to_email != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "@type", "CommunicationMessage");
  add_string (builder, "messageType", "email");
  add_string (builder, "subject", email->subject != NULL ? email->subject : "");
  add_string (builder, "content", email->body != NULL ? email->body : "");

  json_builder_set_member_name (builder, "sender");
  json_builder_begin_object (builder);
  add_string (builder, "email", email->from_email);
  add_string (builder, "name", email->from_name);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "receiver");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "email", email->to_email);
  add_string (builder, "name", email->to_name);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  if (email->attachment != NULL && email->attachment_name != NULL)
    {
      gsize size = 0;
      const guchar *data = g_bytes_get_data (email->attachment, &size);
      g_autofree char *content = g_base64_encode (data, size);

      json_builder_set_member_name (builder, "attachment");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_string (builder, "name", email->attachment_name);
      add_string (builder, "mimeType", "application/pdf");
      add_string (builder, "attachmentType", "confirmation");
      add_string (builder, "content", content);
      json_builder_set_member_name (builder, "size");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "amount");
      json_builder_add_double_value (builder, (double) size);
      add_string (builder, "units", "bytes");
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "characteristic");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "name", PROV_TMF681_EXTERNAL_ID);
  add_string (builder, "valueType", "string");
  add_string (builder, "value", email->external_id);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

const char *
prov_tmf681_get_external_id (JsonObject *message)
{
  JsonArray *characteristics = prov_json_object_get_array (message, "characteristic");

  for (guint i = 0; characteristics != NULL && i < json_array_get_length (characteristics); i++)
    {
      JsonObject *characteristic = prov_json_array_get_object (characteristics, i);

      if (g_strcmp0 (prov_json_object_get_string (characteristic, "name"), PROV_TMF681_EXTERNAL_ID) == 0)
        return prov_json_object_get_string (characteristic, "value");
    }

  return NULL;
}

/* Whether the carrier says it did not send @message, and will not: TMF681
 * states failed and cancelled. A message without a state is taken at its
 * word: only required members are promised, and the create succeeded. */
gboolean
prov_tmf681_is_undelivered (JsonObject  *message,
                            const char **state)
{
  const char *said = prov_json_object_get_string (message, "state");

  if (state != NULL)
    *state = said;
  return g_strcmp0 (said, "failed") == 0 || g_strcmp0 (said, "cancelled") == 0;
}
