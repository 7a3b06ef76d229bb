#pragma once

#include <adwaita.h>

#include "prov-store.h"
#include "prov-sync-scheduler.h"

G_BEGIN_DECLS

#define PROV_TYPE_ORDER_WINDOW (prov_order_window_get_type ())
G_DECLARE_FINAL_TYPE (ProvOrderWindow, prov_order_window, PROV, ORDER_WINDOW, AdwWindow)

ProvOrderWindow *prov_order_window_new (ProvStore         *store,
                                        ProvSyncScheduler *scheduler,
                                        const char        *uuid);

G_END_DECLS
