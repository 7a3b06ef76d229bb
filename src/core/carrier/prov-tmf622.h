#pragma once

#include <json-glib/json-glib.h>

#include "prov-order.h"

G_BEGIN_DECLS

/* Payload keys with a fixed place in a TMF622 order. */
#define PROV_ORDER_FIELD_CUSTOMER_ID    "customer.id"
#define PROV_ORDER_FIELD_OFFERING_ID    "subscription.offering-id"
#define PROV_ORDER_FIELD_OFFERING_NAME  "subscription.offering-name"
#define PROV_ORDER_FIELD_START_DATE     "stocktaking.start-date"

JsonNode *prov_tmf622_build_order_create (ProvOrder  *order,
                                          const char *dealer_code);

JsonNode *prov_tmf622_build_order_update (const char *key,
                                          const char *value);
JsonNode *prov_tmf622_build_cancel       (const char *carrier_id,
                                          const char *reason);

G_END_DECLS
