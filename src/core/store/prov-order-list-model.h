#pragma once

#include "prov-order-list-item.h"
#include "prov-store.h"

G_BEGIN_DECLS

#define PROV_TYPE_ORDER_LIST_MODEL (prov_order_list_model_get_type ())
G_DECLARE_FINAL_TYPE (ProvOrderListModel, prov_order_list_model, PROV, ORDER_LIST_MODEL, GObject)

ProvOrderListModel    *prov_order_list_model_new        (ProvStore             *store);
const ProvOrderFilter *prov_order_list_model_get_filter (ProvOrderListModel    *self);
void                   prov_order_list_model_set_filter (ProvOrderListModel    *self,
                                                         const ProvOrderFilter *filter);
gboolean               prov_order_list_model_get_counted (ProvOrderListModel   *self);
const GError          *prov_order_list_model_get_error  (ProvOrderListModel    *self);

G_END_DECLS
