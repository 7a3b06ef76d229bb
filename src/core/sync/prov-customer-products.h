#pragma once

#include "prov-carrier-session.h"
#include "prov-store.h"

G_BEGIN_DECLS

void     prov_customer_products_refresh_async  (ProvStore           *store,
                                                ProvCarrierSession  *session,
                                                const char          *account,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
void     prov_customer_products_refresh_from_async (ProvStore           *store,
                                                    ProvCarrierClient   *client,
                                                    const char          *account,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean prov_customer_products_refresh_finish (ProvStore           *store,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
