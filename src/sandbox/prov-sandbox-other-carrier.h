#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How another carrier, one that follows the spec, answers unlike this
 * sandbox: each is something the spec allows and a client must survive. */

guint prov_sandbox_other_carrier_total           (guint               total);
void  prov_sandbox_other_carrier_keep_required   (JsonNode           *object_or_list,
                                                  const char * const *required);
void  prov_sandbox_other_carrier_pad_reservation (JsonNode           *reservation);

/* The members each definition requires (TMF622 ProductOrder, TMF629
 * Customer, TMF681 CommunicationMessage). */
extern const char * const prov_sandbox_tmf622_required[];
extern const char * const prov_sandbox_tmf629_required[];
extern const char * const prov_sandbox_tmf681_required[];

G_END_DECLS
