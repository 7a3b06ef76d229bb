#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Stored in the database: never renumber, only append. */
typedef enum {
  PROV_ORDER_KIND_MOBILE_USER = 1,
  PROV_ORDER_KIND_USER_EXTENSION = 2,
  PROV_ORDER_KIND_NEW_WIRELESS_CUSTOMER = 3,
  PROV_ORDER_KIND_ADD_SERVICES = 4,
  PROV_ORDER_KIND_LINE_LIFECYCLE = 5,
} ProvOrderKind;

#define PROV_ORDER_KIND_FIRST PROV_ORDER_KIND_MOBILE_USER
#define PROV_ORDER_KIND_LAST  PROV_ORDER_KIND_LINE_LIFECYCLE

#define PROV_TYPE_ORDER_KIND (prov_order_kind_get_type ())
GType prov_order_kind_get_type (void);

gboolean     prov_order_kind_is_valid        (int            value);
const char  *prov_order_kind_to_id           (ProvOrderKind  kind);
gboolean     prov_order_kind_from_id         (const char    *id,
                                              ProvOrderKind *out_kind);
const char  *prov_order_kind_get_title       (ProvOrderKind  kind);
const char  *prov_order_kind_get_description (ProvOrderKind  kind);

G_END_DECLS
