#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One of a customer's lines as the carrier's inventory (TMF637) has it:
 * its number, plan, device, SIM, status, the employee it is assigned to,
 * and the accessories that rely on it. Only what a Product's required
 * members promise is taken for granted: the id. */
#define PROV_TYPE_PRODUCT_LINE (prov_product_line_get_type ())
G_DECLARE_FINAL_TYPE (ProvProductLine, prov_product_line, PROV, PRODUCT_LINE, GObject)

GPtrArray  *prov_product_lines_from_tmf637           (JsonNode        *products);
const char *prov_product_status_get_title            (const char      *status);

const char *prov_product_line_get_id                 (ProvProductLine *self);
const char *prov_product_line_get_number             (ProvProductLine *self);
const char *prov_product_line_get_plan               (ProvProductLine *self);
const char *prov_product_line_get_device             (ProvProductLine *self);
const char *prov_product_line_get_imei               (ProvProductLine *self);
const char *prov_product_line_get_iccid              (ProvProductLine *self);
const char *prov_product_line_get_status             (ProvProductLine *self);
const char *prov_product_line_get_employee           (ProvProductLine *self);
const char *prov_product_line_get_tracking           (ProvProductLine *self);
GDateTime  *prov_product_line_get_start_date         (ProvProductLine *self);
GDateTime  *prov_product_line_get_termination_date   (ProvProductLine *self);
GPtrArray  *prov_product_line_get_accessories        (ProvProductLine *self);
gboolean    prov_product_line_matches                (ProvProductLine *self,
                                                      const char      *text);

G_END_DECLS
