#pragma once

#include <adwaita.h>

#include "prov-store.h"

G_BEGIN_DECLS

#define PROV_TYPE_STOCK_WINDOW (prov_stock_window_get_type ())
G_DECLARE_FINAL_TYPE (ProvStockWindow, prov_stock_window, PROV, STOCK_WINDOW, AdwWindow)

ProvStockWindow *prov_stock_window_new (ProvStore *store);

G_END_DECLS
