#pragma once

#include <adwaita.h>

#include "prov-store.h"

G_BEGIN_DECLS

#define PROV_TYPE_PREFERENCES_WINDOW (prov_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ProvPreferencesWindow, prov_preferences_window, PROV, PREFERENCES_WINDOW, AdwPreferencesWindow)

ProvPreferencesWindow *prov_preferences_window_new (GSettings *app_settings,
                                                    ProvStore *store);

G_END_DECLS
