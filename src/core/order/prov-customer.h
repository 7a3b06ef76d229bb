#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A customer as the counter knows it: kept in the store, and at the
 * carrier (TMF629) once carrier_id is set. */
#define PROV_TYPE_CUSTOMER (prov_customer_get_type ())
G_DECLARE_FINAL_TYPE (ProvCustomer, prov_customer, PROV, CUSTOMER, GObject)

ProvCustomer *prov_customer_new               (const char   *name);
ProvCustomer *prov_customer_new_from_tmf629   (JsonObject   *customer);
ProvCustomer *prov_customer_new_from_row      (const char   *uuid,
                                               const char   *carrier_id,
                                               const char   *name,
                                               const char   *email,
                                               const char   *phone);
const char   *prov_customer_get_uuid          (ProvCustomer *self);
const char   *prov_customer_get_carrier_id    (ProvCustomer *self);
void          prov_customer_set_carrier_id    (ProvCustomer *self,
                                               const char   *carrier_id);
const char   *prov_customer_get_name          (ProvCustomer *self);
const char   *prov_customer_get_email         (ProvCustomer *self);
void          prov_customer_set_email         (ProvCustomer *self,
                                               const char   *email);
const char   *prov_customer_get_phone         (ProvCustomer *self);
void          prov_customer_set_phone         (ProvCustomer *self,
                                               const char   *phone);
guint         prov_customer_get_n_addresses   (ProvCustomer *self);
char         *prov_customer_dup_address       (ProvCustomer *self,
                                               guint         index,
                                               const char  **kind);
char         *prov_customer_dup_details_json  (ProvCustomer *self);
void          prov_customer_set_details_json  (ProvCustomer *self,
                                               const char   *json);
JsonNode     *prov_customer_to_tmf629_create  (ProvCustomer *self);

G_END_DECLS
