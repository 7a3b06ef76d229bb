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

/* What sets a kind's orders apart, wherever the core treats them so. */
typedef enum {
  PROV_ORDER_KIND_TRAITS_NONE = 0,
  /* The order may create its customer at the carrier (TMF629) first. */
  PROV_ORDER_KIND_CREATES_CUSTOMER  = 1 << 0,
  /* Its lines may be placed before their devices and SIMs are there:
   * the order then waits for its inventory. */
  PROV_ORDER_KIND_INVENTORY_LATER   = 1 << 1,
  /* Placed, it waits for a manager's approval before it is sent. */
  PROV_ORDER_KIND_NEEDS_APPROVAL    = 1 << 2,
} ProvOrderKindTraits;

#define PROV_TYPE_ORDER_KIND (prov_order_kind_get_type ())
GType prov_order_kind_get_type (void);

gboolean     prov_order_kind_is_valid        (int            value);
const char  *prov_order_kind_to_id           (ProvOrderKind  kind);
gboolean     prov_order_kind_from_id         (const char    *id,
                                              ProvOrderKind *out_kind);
const char  *prov_order_kind_get_title       (ProvOrderKind  kind);
const char  *prov_order_kind_get_description (ProvOrderKind  kind);
gboolean     prov_order_kind_has_traits      (ProvOrderKind        kind,
                                              ProvOrderKindTraits  traits);

G_END_DECLS
