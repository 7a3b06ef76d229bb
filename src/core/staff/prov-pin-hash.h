#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A PIN as the store keeps it: Argon2id (libsodium's crypto_pwhash_str,
 * interactive limits), computed and checked in a thread of its own: never
 * on the main loop, never on the store's worker. */
void      prov_pin_hash_async          (const char           *pin,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
char     *prov_pin_hash_finish         (GAsyncResult         *result,
                                        GError              **error);

void      prov_pin_verify_async        (const char           *hash,
                                        const char           *pin,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean  prov_pin_verify_finish       (GAsyncResult         *result,
                                        char                **new_hash,
                                        GError              **error);

gboolean  prov_pin_hash_is_argon2id    (const char           *hash);
void      prov_pin_wipe                (char                 *pin);

G_END_DECLS
