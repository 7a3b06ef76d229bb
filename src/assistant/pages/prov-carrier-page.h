#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_CARRIER_PAGE (prov_carrier_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvCarrierPage, prov_carrier_page, PROV, CARRIER_PAGE, AdwBin)

G_END_DECLS
