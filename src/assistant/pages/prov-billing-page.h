#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_BILLING_PAGE (prov_billing_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvBillingPage, prov_billing_page, PROV, BILLING_PAGE, AdwBin)

G_END_DECLS
