#pragma once

#include <adwaita.h>

#include "prov-customer.h"
#include "prov-store.h"
#include "prov-sync-scheduler.h"

G_BEGIN_DECLS

/* One customer: contact and addresses, their lines at the carrier (kept
 * offline, refreshed when it can be reached) with the requests each line
 * starts, and their orders and drafts at this counter. */
#define PROV_TYPE_CUSTOMER_VIEW (prov_customer_view_get_type ())
G_DECLARE_FINAL_TYPE (ProvCustomerView, prov_customer_view, PROV, CUSTOMER_VIEW, AdwBin)

void          prov_customer_view_set_context  (ProvCustomerView  *self,
                                               ProvStore         *store,
                                               ProvSyncScheduler *scheduler);
void          prov_customer_view_show         (ProvCustomerView  *self,
                                               ProvCustomer      *customer);
void          prov_customer_view_clear        (ProvCustomerView  *self);
void          prov_customer_view_focus_first  (ProvCustomerView  *self);

G_END_DECLS
