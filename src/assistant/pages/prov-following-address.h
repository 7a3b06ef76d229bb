#pragma once

#include <adwaita.h>

#include "prov-assistant-page.h"

G_BEGIN_DECLS

/* An address that is the service address unless the clerk says otherwise:
 * the billing address, the directory listing's. Its fields are
 * "PREFIX.street", "PREFIX.postcode", "PREFIX.city", "PREFIX.country" and
 * "PREFIX.same-as-service". */
#define PROV_TYPE_FOLLOWING_ADDRESS (prov_following_address_get_type ())
G_DECLARE_FINAL_TYPE (ProvFollowingAddress, prov_following_address, PROV, FOLLOWING_ADDRESS, AdwPreferencesGroup)

void     prov_following_address_load         (ProvFollowingAddress *self,
                                              ProvPageContext      *context);
/* Copies the service address while it follows it. */
void     prov_following_address_follow       (ProvFollowingAddress *self);
gboolean prov_following_address_get_complete (ProvFollowingAddress *self);
/* Leaves the address out of the order (not listed), or puts it back. */
void     prov_following_address_set_used     (ProvFollowingAddress *self,
                                              gboolean              used);

G_END_DECLS
