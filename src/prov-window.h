#pragma once

#include <adwaita.h>

#include "prov-session.h"
#include "prov-store.h"
#include "prov-sync-scheduler.h"

G_BEGIN_DECLS

#define PROV_TYPE_WINDOW (prov_window_get_type ())
G_DECLARE_FINAL_TYPE (ProvWindow, prov_window, PROV, WINDOW, AdwApplicationWindow)

ProvWindow *prov_window_new               (GtkApplication    *application,
                                           ProvStore         *store,
                                           ProvSyncScheduler *scheduler,
                                           ProvSession       *session,
                                           GMenuModel        *new_order_menu);
void        prov_window_show_toast        (ProvWindow        *self,
                                           const char        *message);
void        prov_window_show_store_failed (ProvWindow        *self,
                                           const GError      *error);

G_END_DECLS
