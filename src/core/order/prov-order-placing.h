#pragma once

#include "prov-catalog.h"
#include "prov-order.h"

G_BEGIN_DECLS

#define PROV_ORDER_ERROR (prov_order_error_quark ())
GQuark prov_order_error_quark (void);

typedef enum {
  PROV_ORDER_ERROR_INCOMPLETE,
} ProvOrderError;

/* What placing an order needs and where it takes the order, decided from
 * the order and (when there is one) the carrier's catalog: the assistant,
 * the order window, import and the CLI place through the store, which asks
 * these. */
GPtrArray     *prov_order_collect_problems (ProvOrder    *order,
                                            ProvCatalog  *catalog);
gboolean       prov_order_check_complete   (ProvOrder    *order,
                                            ProvCatalog  *catalog,
                                            GError      **error);
ProvOrderState prov_order_placed_state   (ProvOrder  *order);
gboolean       prov_order_needs_approval (ProvOrder  *order);
ProvOrderState prov_order_approved_state (ProvOrder  *order);
const char    *prov_order_placed_reason  (ProvOrder      *order,
                                          ProvOrderState  state);

G_END_DECLS
