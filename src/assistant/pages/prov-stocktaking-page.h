#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_STOCKTAKING_PAGE (prov_stocktaking_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvStocktakingPage, prov_stocktaking_page, PROV, STOCKTAKING_PAGE, AdwBin)

G_END_DECLS
