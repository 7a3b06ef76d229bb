#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PROV_TYPE_NOTIFICATIONS_PAGE (prov_notifications_page_get_type ())
G_DECLARE_FINAL_TYPE (ProvNotificationsPage, prov_notifications_page, PROV, NOTIFICATIONS_PAGE, AdwBin)

G_END_DECLS
