#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_ADDONS_PAGE (prov_addons_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvAddonsPage, prov_addons_page, PROV, ADDONS_PAGE, AdwBin)

G_END_DECLS
