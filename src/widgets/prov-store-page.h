#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_STORE_PAGE (prov_store_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvStorePage, prov_store_page, PROV, STORE_PAGE, AdwPreferencesPage)

G_END_DECLS
