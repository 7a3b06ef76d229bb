#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "prov-carrier-client-private.h"
#include "prov-json-guard.h"
#include "prov-tmf681.h"

/*
 * TMF681: e-mails go out through the carrier. Sending one is no more
 * idempotent than placing an order: before sending again after an
 * uncertain attempt, the sender looks for the message by its externalId,
 * reading the carrier's list (bounded) since TMF681 has no filter for it.
 */

/* Sends @message, a CommunicationMessage_Create as
 * prov_tmf681_build_email() writes it. */
void
prov_carrier_client_send_message_async (ProvCarrierClient   *self,
                                        JsonNode            *message,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (message != NULL);

  _prov_carrier_client_send_async (self, PROV_TMF681_API, SOUP_METHOD_POST, "communicationMessage", message,
                                   PROV_CARRIER_ANSWER_OBJECT, cancellable, callback, user_data,
                                   prov_carrier_client_send_message_async);
}

/* The carrier's CommunicationMessage, checked to be this e-mail. */
JsonNode *
prov_carrier_client_send_message_finish (ProvCarrierClient  *self,
                                         GAsyncResult       *result,
                                         const char         *external_id,
                                         GError            **error)
{
  g_autoptr(JsonNode) message = _prov_carrier_client_send_finish (self, result, NULL, NULL, error);
  const char *answered;

  if (message == NULL)
    return NULL;

  /* Only required members are promised: an answer without the id back
   * is taken as sent, one naming another e-mail is not this one. */
  answered = prov_tmf681_get_external_id (json_node_get_object (message));
  if (answered != NULL && g_strcmp0 (answered, external_id) != 0)
    {
      g_set_error (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNCERTAIN,
                   _("The carrier answered with another message (%s)"), answered);
      return NULL;
    }

  return g_steal_pointer (&message);
}

/* A message without the externalId characteristic may be this one: only
 * required members are promised, and TMF681 requires none. */
static ProvCarrierListVerdict
is_message_for (JsonObject *message,
                gpointer    external_id)
{
  const char *listed = prov_tmf681_get_external_id (message);

  if (listed == NULL)
    return PROV_CARRIER_LIST_UNKNOWN;
  return g_str_equal (listed, external_id) ? PROV_CARRIER_LIST_KEEP : PROV_CARRIER_LIST_SKIP;
}

/* The message the carrier sent for @external_id, or
 * PROV_CARRIER_ERROR_NOT_FOUND when it sent none. */
void
prov_carrier_client_find_message_async (ProvCarrierClient   *self,
                                        const char          *external_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *too_long = NULL;

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (external_id != NULL);

  too_long = g_strdup_printf (_("The carrier has sent more messages than the till reads (%u pages): "
                                "whether this one was sent cannot be checked"),
                              PROV_CARRIER_LIST_MAX_PAGES);
  _prov_carrier_client_read_list_async (self, PROV_TMF681_API, "communicationMessage", is_message_for,
                                        g_strdup (external_id), g_free, too_long,
                                        cancellable, callback, user_data, prov_carrier_client_find_message_async);
}

JsonNode *
prov_carrier_client_find_message_finish (ProvCarrierClient  *self,
                                         GAsyncResult       *result,
                                         GError            **error)
{
  guint unknown = 0;
  g_autoptr(JsonArray) found = _prov_carrier_client_read_list_finish (self, result,
                                                                      prov_carrier_client_find_message_async,
                                                                      &unknown, error);

  if (found == NULL)
    return NULL;
  if (json_array_get_length (found) > 0)
    return json_node_init_object (json_node_alloc (), json_array_get_object_element (found, 0));
  if (unknown > 0)
    g_set_error (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNVERIFIABLE,
                 _("The carrier lists messages without the reference Provisioner gives its e-mails "
                   "(%u of them), so it cannot tell whether this one was sent. Check with the customer "
                   "before sending it again."),
                 unknown);
  else
    g_set_error (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_NOT_FOUND,
                 _("The carrier has not sent this message"));
  return NULL;
}
