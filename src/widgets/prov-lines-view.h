#pragma once

#include <adwaita.h>

#include "prov-catalog.h"
#include "prov-order.h"

G_BEGIN_DECLS

/* The lines of an order the carrier has, each with its package, device,
 * SIM and the state of the product it made (TMF637): Active once the
 * carrier says so. */
#define PROV_TYPE_LINES_VIEW (prov_lines_view_get_type ())
G_DECLARE_FINAL_TYPE (ProvLinesView, prov_lines_view, PROV, LINES_VIEW, AdwPreferencesGroup)

void prov_lines_view_show (ProvLinesView *self,
                           ProvOrder     *order,
                           ProvCatalog   *catalog,
                           JsonNode      *products);

G_END_DECLS
