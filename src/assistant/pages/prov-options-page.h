#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_OPTIONS_PAGE (prov_options_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvOptionsPage, prov_options_page, PROV, OPTIONS_PAGE, AdwBin)

G_END_DECLS
