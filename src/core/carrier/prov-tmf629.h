#pragma once

#include <json-glib/json-glib.h>

#include "prov-order.h"

G_BEGIN_DECLS

/* The characteristic that ties a customer the till created to the order
 * it was created for: how an answer lost on the way is found again. */
#define PROV_TMF629_EXTERNAL_ID "externalId"

gboolean  prov_tmf629_order_needs_customer   (ProvOrder *order);
JsonNode *prov_tmf629_build_customer_create  (ProvOrder *order);

G_END_DECLS
