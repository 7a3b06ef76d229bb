#pragma once

#include <glib-object.h>

#include "prov-order-field.h"
#include "prov-order-kind.h"
#include "prov-order-line.h"
#include "prov-order-state.h"

G_BEGIN_DECLS

#define PROV_TYPE_ORDER (prov_order_get_type ())
G_DECLARE_FINAL_TYPE (ProvOrder, prov_order, PROV, ORDER, GObject)

ProvOrder      *prov_order_new               (ProvOrderKind   kind,
                                              const char     *created_by);
ProvOrder      *prov_order_new_another       (ProvOrder      *self);
const char     *prov_order_get_uuid          (ProvOrder      *self);
ProvOrderKind   prov_order_get_kind          (ProvOrder      *self);
ProvOrderState  prov_order_get_state         (ProvOrder      *self);
const char     *prov_order_get_carrier_id    (ProvOrder      *self);
const char     *prov_order_get_created_by    (ProvOrder      *self);
gint64          prov_order_get_created_at    (ProvOrder      *self);
gint64          prov_order_get_updated_at    (ProvOrder      *self);
const char     *prov_order_get_current_page  (ProvOrder      *self);
void            prov_order_set_current_page  (ProvOrder      *self,
                                              const char     *page);
const char     *prov_order_get_customer_account (ProvOrder    *self);
const char     *prov_order_get_field         (ProvOrder      *self,
                                              const char     *key);
void            prov_order_forget_secrets    (ProvOrder      *self);
void            prov_order_set_field         (ProvOrder      *self,
                                              const char     *key,
                                              const char     *value);
char          **prov_order_dup_field_keys    (ProvOrder      *self);
char           *prov_order_dup_payload_json  (ProvOrder      *self);
gboolean        prov_order_check_transition  (ProvOrder      *self,
                                              ProvOrderState  to,
                                              GError        **error);
guint           prov_order_get_n_lines       (ProvOrder      *self);
ProvOrderLine  *prov_order_get_line          (ProvOrder      *self,
                                              guint           index);
ProvOrderLine  *prov_order_add_line          (ProvOrder      *self);
void            prov_order_remove_line       (ProvOrder      *self,
                                              guint           index);
void            prov_order_set_lines         (ProvOrder      *self,
                                              GPtrArray      *lines);

gboolean        prov_order_fields_set        (GHashTable     *fields,
                                              const char     *key,
                                              const char     *value);
char          **prov_order_fields_dup_keys   (GHashTable     *fields);
char           *prov_order_fields_to_json    (GHashTable     *fields);
gboolean        prov_order_fields_from_json  (GHashTable     *fields,
                                              const char     *json,
                                              GError        **error);

/* For ProvStore, which owns the persisted state. */
ProvOrder      *prov_order_new_from_row      (const char     *uuid,
                                              ProvOrderKind   kind,
                                              ProvOrderState  state,
                                              const char     *carrier_id,
                                              const char     *created_by,
                                              gint64          created_at,
                                              gint64          updated_at,
                                              const char     *current_page);
gboolean        prov_order_load_payload_json (ProvOrder      *self,
                                              const char     *json,
                                              GError        **error);
void            prov_order_set_carrier_id    (ProvOrder      *self,
                                              const char     *carrier_id);
void            prov_order_set_persisted_state (ProvOrder    *self,
                                                ProvOrderState state,
                                                gint64       updated_at);

G_END_DECLS
