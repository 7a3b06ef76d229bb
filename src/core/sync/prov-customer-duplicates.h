#pragma once

#include "prov-carrier-session.h"
#include "prov-duplicates.h"
#include "prov-order.h"

G_BEGIN_DECLS

/* The carrier's customers that may be the new customer of @order, by what
 * the clerk typed: a GPtrArray of ProvDuplicate, strongest matches first. */
void       prov_customer_duplicates_find_async  (ProvCarrierSession  *session,
                                                 ProvOrder           *order,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GPtrArray *prov_customer_duplicates_find_finish (ProvCarrierSession  *session,
                                                 GAsyncResult        *result,
                                                 GError             **error);
/* What of a carrier's customer the clerk needs to tell them apart. */
char      *prov_customer_duplicates_dup_details (JsonObject          *customer);

G_END_DECLS
