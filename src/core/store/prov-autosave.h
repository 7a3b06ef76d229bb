#pragma once

#include "prov-store.h"

G_BEGIN_DECLS

#define PROV_TYPE_AUTOSAVE (prov_autosave_get_type ())
G_DECLARE_FINAL_TYPE (ProvAutosave, prov_autosave, PROV, AUTOSAVE, GObject)

ProvAutosave *prov_autosave_new          (ProvStore     *store,
                                          ProvOrder     *order);
ProvOrder    *prov_autosave_get_order    (ProvAutosave  *self);
gboolean      prov_autosave_get_saved    (ProvAutosave  *self);
const GError *prov_autosave_get_error    (ProvAutosave  *self);
void          prov_autosave_flush_async  (ProvAutosave  *self,
                                          GCancellable  *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer       user_data);
gboolean      prov_autosave_flush_finish (ProvAutosave  *self,
                                          GAsyncResult  *result,
                                          GError       **error);

G_END_DECLS
