#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_SIM_PAGE (prov_sim_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvSimPage, prov_sim_page, PROV, SIM_PAGE, AdwBin)

void prov_sim_page_set_offers_later (ProvSimPage *self,
                                     gboolean     offers_later);

G_END_DECLS
