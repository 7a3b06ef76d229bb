#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_ADDRESS_PAGE (prov_address_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvAddressPage, prov_address_page, PROV, ADDRESS_PAGE, AdwBin)

G_END_DECLS
