#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_CONFIRM_PAGE (prov_confirm_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvConfirmPage, prov_confirm_page, PROV, CONFIRM_PAGE, AdwBin)

G_END_DECLS
