#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_SETTINGS_PAGE (prov_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvSettingsPage, prov_settings_page, PROV, SETTINGS_PAGE, AdwBin)

G_END_DECLS
