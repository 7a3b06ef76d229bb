#pragma once

#include "prov-carrier-client.h"
#include "prov-store.h"

G_BEGIN_DECLS

void     prov_sync_ensure_customer_async  (ProvStore           *store,
                                           ProvCarrierClient   *client,
                                           ProvOrder           *order,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean prov_sync_ensure_customer_finish (ProvStore           *store,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
