#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_LINES_PAGE (prov_lines_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvLinesPage, prov_lines_page, PROV, LINES_PAGE, AdwBin)

G_END_DECLS
