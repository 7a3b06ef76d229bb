#pragma once

#include "prov-carrier-session.h"
#include "prov-store.h"

G_BEGIN_DECLS

/* Keeps a few numbers reserved at the carrier in the store, so a new line
 * can get a number while the network is down. */
void     prov_number_reserve_top_up_async  (ProvStore           *store,
                                            ProvCarrierSession  *session,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean prov_number_reserve_top_up_finish (ProvStore           *store,
                                            GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
