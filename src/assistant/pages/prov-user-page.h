#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_USER_PAGE (prov_user_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvUserPage, prov_user_page, PROV, USER_PAGE, AdwBin)

G_END_DECLS
