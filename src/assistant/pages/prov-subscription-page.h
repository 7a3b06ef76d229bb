#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_SUBSCRIPTION_PAGE (prov_subscription_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvSubscriptionPage, prov_subscription_page, PROV, SUBSCRIPTION_PAGE, AdwBin)

G_END_DECLS
