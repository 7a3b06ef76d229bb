#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_SERVICE_PAGE (prov_service_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvServicePage, prov_service_page, PROV, SERVICE_PAGE, AdwBin)

G_END_DECLS
