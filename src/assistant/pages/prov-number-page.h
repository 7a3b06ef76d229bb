#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_NUMBER_PAGE (prov_number_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvNumberPage, prov_number_page, PROV, NUMBER_PAGE, AdwBin)

G_END_DECLS
