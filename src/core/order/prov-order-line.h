#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a line does to the customer's products (TMF622 ItemActionType).
 * Stored as integers: never renumber. */
typedef enum {
  PROV_LINE_ACTION_ADD = 0,
  PROV_LINE_ACTION_MODIFY = 1,
  PROV_LINE_ACTION_DELETE = 2,
  PROV_LINE_ACTION_NO_CHANGE = 3,
} ProvLineAction;

const char *prov_line_action_to_id   (ProvLineAction  action);
gboolean    prov_line_action_from_id (const char     *id,
                                      ProvLineAction *action);

/* One productOrderItem: its own offering, action, the existing product it
 * changes (modify, delete), its identifiers and settings, and its state as
 * the carrier reports it. */
#define PROV_TYPE_ORDER_LINE (prov_order_line_get_type ())
G_DECLARE_FINAL_TYPE (ProvOrderLine, prov_order_line, PROV, ORDER_LINE, GObject)

ProvOrderLine  *prov_order_line_new             (const char     *id);
ProvOrderLine  *prov_order_line_copy            (ProvOrderLine  *self,
                                                 const char     *id);
const char     *prov_order_line_get_id          (ProvOrderLine  *self);
ProvLineAction  prov_order_line_get_action      (ProvOrderLine  *self);
void            prov_order_line_set_action      (ProvOrderLine  *self,
                                                 ProvLineAction  action);
const char     *prov_order_line_get_product_ref (ProvOrderLine  *self);
void            prov_order_line_set_product_ref (ProvOrderLine  *self,
                                                 const char     *product_id);
const char     *prov_order_line_get_state       (ProvOrderLine  *self);
void            prov_order_line_set_state       (ProvOrderLine  *self,
                                                 const char     *state);
const char     *prov_order_line_get_field       (ProvOrderLine  *self,
                                                 const char     *key);
void            prov_order_line_set_field       (ProvOrderLine  *self,
                                                 const char     *key,
                                                 const char     *value);
char          **prov_order_line_dup_field_keys  (ProvOrderLine  *self);
GHashTable     *prov_order_line_get_fields      (ProvOrderLine  *self);

G_END_DECLS
