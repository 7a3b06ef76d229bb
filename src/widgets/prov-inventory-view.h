#pragma once

#include <adwaita.h>

#include "prov-catalog.h"
#include "prov-order.h"
#include "prov-scan.h"
#include "prov-store.h"

G_BEGIN_DECLS

/* The inventory of an order awaiting it: each new line with its device and
 * SIM, filled by scanning; the last scan can be undone. Every change is
 * saved at once. Emits "changed" when the order's inventory changed. */
#define PROV_TYPE_INVENTORY_VIEW (prov_inventory_view_get_type ())
G_DECLARE_FINAL_TYPE (ProvInventoryView, prov_inventory_view, PROV, INVENTORY_VIEW, AdwPreferencesGroup)

void     prov_inventory_view_show_order (ProvInventoryView *self,
                                         ProvStore         *store,
                                         ProvCatalog       *catalog,
                                         ProvOrder         *order);
gboolean prov_inventory_view_take_scan  (ProvInventoryView *self,
                                         const ProvScan    *scan);

G_END_DECLS
