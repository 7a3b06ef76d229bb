#pragma once

#include <gtk/gtk.h>

#include "prov-sync-scheduler.h"

G_BEGIN_DECLS

/* The New Order menu as the carrier's ordering portal has it: one entry
 * per mobile-user tier (the catalog's voice products), then the PBX user
 * extension. */
#define PROV_TYPE_NEW_ORDER_MENU (prov_new_order_menu_get_type ())
G_DECLARE_FINAL_TYPE (ProvNewOrderMenu, prov_new_order_menu, PROV, NEW_ORDER_MENU, GObject)

ProvNewOrderMenu *prov_new_order_menu_new       (GtkApplication    *application,
                                                 ProvSyncScheduler *scheduler);
GMenuModel       *prov_new_order_menu_get_model (ProvNewOrderMenu  *self);

G_END_DECLS
