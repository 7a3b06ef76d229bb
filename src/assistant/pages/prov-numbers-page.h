#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_NUMBERS_PAGE (prov_numbers_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvNumbersPage, prov_numbers_page, PROV, NUMBERS_PAGE, AdwBin)

G_END_DECLS
