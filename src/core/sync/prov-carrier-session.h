#pragma once

#include "prov-carrier-client.h"
#include "prov-store.h"
#include "prov-sync.h"

G_BEGIN_DECLS

/* One carrier profile as it was when the session began: its client and
 * its outbox sender. Never changes; switching carriers makes a new one,
 * and work that began on the old one finishes on it. */
#define PROV_TYPE_CARRIER_SESSION (prov_carrier_session_get_type ())
G_DECLARE_FINAL_TYPE (ProvCarrierSession, prov_carrier_session, PROV, CARRIER_SESSION, GObject)

ProvCarrierSession *prov_carrier_session_new             (ProvStore          *store,
                                                          const char         *profile_id,
                                                          const char         *base_url,
                                                          const char         *token,
                                                          const char         *dealer_code);
const char         *prov_carrier_session_get_profile_id  (ProvCarrierSession *self);
const char         *prov_carrier_session_get_base_url    (ProvCarrierSession *self);
const char         *prov_carrier_session_get_dealer_code (ProvCarrierSession *self);
ProvCarrierClient  *prov_carrier_session_get_client      (ProvCarrierSession *self);
ProvSync           *prov_carrier_session_get_sync        (ProvCarrierSession *self);

G_END_DECLS
