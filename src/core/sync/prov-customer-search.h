#pragma once

#include "prov-carrier-session.h"
#include "prov-store.h"

G_BEGIN_DECLS

void       prov_customer_search_async  (ProvStore           *store,
                                        ProvCarrierSession  *session,
                                        const char          *text,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
GPtrArray *prov_customer_search_finish (ProvStore           *store,
                                        GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
