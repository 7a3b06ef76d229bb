#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_REQUEST_PAGE (prov_request_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvRequestPage, prov_request_page, PROV, REQUEST_PAGE, AdwBin)

G_END_DECLS
