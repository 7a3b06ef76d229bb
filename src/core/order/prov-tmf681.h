#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* An e-mail the carrier sends for the till (TMF681), with the till's own
 * id (as the characteristic "externalId") to find it again after an
 * answer was lost. */
typedef struct {
  const char *external_id;
  const char *to_email;
  const char *to_name;       /* may be NULL */
  const char *from_email;
  const char *from_name;     /* may be NULL */
  const char *subject;
  const char *body;
  const char *attachment_name;  /* NULL: nothing attached */
  GBytes     *attachment;       /* a PDF */
} ProvEmail;

#define PROV_TMF681_EXTERNAL_ID "externalId"

JsonNode *prov_tmf681_build_email            (const ProvEmail *email);
/* The till's id a CommunicationMessage carries, or NULL. */
const char *prov_tmf681_get_external_id     (JsonObject      *message);

gboolean    prov_tmf681_is_undelivered   (JsonObject       *message,
                                          const char      **state);

G_END_DECLS
