#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_EXTENSION_PAGE (prov_extension_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvExtensionPage, prov_extension_page, PROV, EXTENSION_PAGE, AdwBin)

G_END_DECLS
