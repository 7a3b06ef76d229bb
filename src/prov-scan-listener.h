#pragma once

#include <gtk/gtk.h>

#include "prov-scan.h"

G_BEGIN_DECLS

#define PROV_TYPE_SCAN_LISTENER (prov_scan_listener_get_type ())
G_DECLARE_FINAL_TYPE (ProvScanListener, prov_scan_listener, PROV, SCAN_LISTENER, GObject)

ProvScanListener *prov_scan_listener_new (GtkWidget *widget);

G_END_DECLS
