#pragma once

#include "prov-order.h"

G_BEGIN_DECLS

/* One position of the order list; its order arrives when its page has
 * been read from the store, and is replaced when the order changes. */
#define PROV_TYPE_ORDER_LIST_ITEM (prov_order_list_item_get_type ())
G_DECLARE_FINAL_TYPE (ProvOrderListItem, prov_order_list_item, PROV, ORDER_LIST_ITEM, GObject)

ProvOrderListItem *prov_order_list_item_new       (void);
ProvOrder         *prov_order_list_item_get_order (ProvOrderListItem *self);
void               prov_order_list_item_set_order (ProvOrderListItem *self,
                                                   ProvOrder         *order);

G_END_DECLS
