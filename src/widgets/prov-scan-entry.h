#pragma once

#include <adwaita.h>

#include "prov-scan.h"

G_BEGIN_DECLS

#define PROV_TYPE_SCAN_ENTRY (prov_scan_entry_get_type ())
G_DECLARE_FINAL_TYPE (ProvScanEntry, prov_scan_entry, PROV, SCAN_ENTRY, AdwBin)

GtkWidget    *prov_scan_entry_new       (guint32         kinds);
const ProvId *prov_scan_entry_get_id    (ProvScanEntry  *self);
gboolean      prov_scan_entry_get_valid (ProvScanEntry  *self);
const char   *prov_scan_entry_get_text  (ProvScanEntry  *self);
void          prov_scan_entry_set_text  (ProvScanEntry  *self,
                                         const char     *text);
gboolean      prov_scan_entry_take_scan (ProvScanEntry  *self,
                                         const ProvScan *scan);
void          prov_scan_entry_show_problem (ProvScanEntry *self,
                                            const char    *message);

G_END_DECLS
