#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_CREATION_PAGE (prov_creation_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvCreationPage, prov_creation_page, PROV, CREATION_PAGE, AdwBin)

G_END_DECLS
