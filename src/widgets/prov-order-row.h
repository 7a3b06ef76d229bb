#pragma once

#include <adwaita.h>

#include "prov-order-list-item.h"

G_BEGIN_DECLS

#define PROV_TYPE_ORDER_ROW (prov_order_row_get_type ())
G_DECLARE_FINAL_TYPE (ProvOrderRow, prov_order_row, PROV, ORDER_ROW, AdwBin)

GtkWidget *prov_order_row_new      (void);
void       prov_order_row_set_item (ProvOrderRow      *self,
                                    ProvOrderListItem *item);
void       prov_order_row_open     (GtkWidget         *from,
                                    ProvOrder         *order);

G_END_DECLS
