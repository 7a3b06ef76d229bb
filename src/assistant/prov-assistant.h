#pragma once

#include <gtk/gtk.h>

#include "prov-store.h"
#include "prov-sync-scheduler.h"

G_BEGIN_DECLS

/* The order flow for one order: a GtkAssistant (which cannot be
 * subclassed) with a page widget per step of the carrier's portal. */
#define PROV_TYPE_ASSISTANT (prov_assistant_get_type ())
G_DECLARE_FINAL_TYPE (ProvAssistant, prov_assistant, PROV, ASSISTANT, GObject)

gboolean       prov_assistant_supports_kind (ProvOrderKind      kind);
ProvAssistant *prov_assistant_new           (ProvStore         *store,
                                             ProvSyncScheduler *scheduler,
                                             ProvOrder         *order);
void           prov_assistant_present       (ProvAssistant     *self,
                                             GtkWindow         *parent);
GtkWindow     *prov_assistant_get_window    (ProvAssistant     *self);

G_END_DECLS
