#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The carrier's API token for a carrier profile, kept in the Secret
 * Service (the user's keyring), never in the database or GSettings. */

void     prov_carrier_token_store_async   (const char          *profile,
                                           const char          *token,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean prov_carrier_token_store_finish  (GAsyncResult        *result,
                                           GError             **error);
void     prov_carrier_token_lookup_async  (const char          *profile,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
char    *prov_carrier_token_lookup_finish (GAsyncResult        *result,
                                           GError             **error);
void     prov_carrier_token_clear_async   (const char          *profile,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean prov_carrier_token_clear_finish  (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
