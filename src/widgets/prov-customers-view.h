#pragma once

#include <adwaita.h>

#include "prov-store.h"
#include "prov-sync-scheduler.h"

G_BEGIN_DECLS

/* The main window's Customers: a search over the till's own customers
 * and those the carrier returns, and the customer picked from it. */
#define PROV_TYPE_CUSTOMERS_VIEW (prov_customers_view_get_type ())
G_DECLARE_FINAL_TYPE (ProvCustomersView, prov_customers_view, PROV, CUSTOMERS_VIEW, AdwBin)

void prov_customers_view_set_context (ProvCustomersView *self,
                                      ProvStore         *store,
                                      ProvSyncScheduler *scheduler);
void prov_customers_view_focus       (ProvCustomersView *self);
void prov_customers_view_search_for  (ProvCustomersView *self,
                                      const char        *text);
void prov_customers_view_reset       (ProvCustomersView *self);
void prov_customers_view_set_key_capture_widget (ProvCustomersView *self,
                                                 GtkWidget         *widget);

G_END_DECLS
