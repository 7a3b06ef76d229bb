#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_RESELLER_PAGE (prov_reseller_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvResellerPage, prov_reseller_page, PROV, RESELLER_PAGE, AdwBin)

G_END_DECLS
