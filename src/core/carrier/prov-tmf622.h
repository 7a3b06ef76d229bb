#pragma once

#include <json-glib/json-glib.h>

#include "prov-order.h"

G_BEGIN_DECLS

JsonNode *prov_tmf622_build_order_create (ProvOrder  *order,
                                          const char *dealer_code);

JsonNode  *prov_tmf622_build_order_export (ProvOrder  *order);
ProvOrder *prov_tmf622_read_order_create (JsonNode   *body,
                                          const char *created_by,
                                          GPtrArray  *problems);

JsonNode *prov_tmf622_build_order_update (const char *key,
                                          const char *value);
JsonNode *prov_tmf622_build_cancel       (const char *carrier_id,
                                          const char *reason);

G_END_DECLS
