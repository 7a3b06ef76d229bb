#pragma once

#include <adwaita.h>

#include "prov-store.h"

G_BEGIN_DECLS

#define PROV_TYPE_STAFF_PAGE (prov_staff_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvStaffPage, prov_staff_page, PROV, STAFF_PAGE, AdwPreferencesPage)

void prov_staff_page_set_store (ProvStaffPage *self,
                                ProvStore     *store);

G_END_DECLS
