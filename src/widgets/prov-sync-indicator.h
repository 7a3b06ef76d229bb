#pragma once

#include <gtk/gtk.h>

#include "prov-sync-scheduler.h"

G_BEGIN_DECLS

#define PROV_TYPE_SYNC_INDICATOR (prov_sync_indicator_get_type ())
G_DECLARE_FINAL_TYPE (ProvSyncIndicator, prov_sync_indicator, PROV, SYNC_INDICATOR, GtkWidget)

void prov_sync_indicator_set_scheduler (ProvSyncIndicator *self,
                                        ProvSyncScheduler *scheduler);

G_END_DECLS
