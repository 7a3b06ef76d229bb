#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_PROFILE_PAGE (prov_profile_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvProfilePage, prov_profile_page, PROV, PROFILE_PAGE, AdwBin)

G_END_DECLS
