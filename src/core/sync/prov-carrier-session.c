#include "prov-carrier-session.h"

#define TIMEOUT_S 30

struct _ProvCarrierSession
{
  GObject            parent_instance;

  char              *profile_id;
  char              *base_url;
  char              *dealer_code;
  ProvCarrierClient *client;
  ProvSync          *sync;
};

G_DEFINE_FINAL_TYPE (ProvCarrierSession, prov_carrier_session, G_TYPE_OBJECT)

ProvCarrierSession *
prov_carrier_session_new (ProvStore  *store,
                          const char *profile_id,
                          const char *base_url,
                          const char *token,
                          const char *dealer_code)
{
  ProvCarrierSession *self;

  g_return_val_if_fail (PROV_IS_STORE (store), NULL);
  g_return_val_if_fail (profile_id != NULL && base_url != NULL, NULL);

  self = g_object_new (PROV_TYPE_CARRIER_SESSION, NULL);
  self->profile_id = g_strdup (profile_id);
  self->base_url = g_strdup (base_url);
  self->dealer_code = g_strdup (dealer_code);
  self->client = prov_carrier_client_new (base_url, token, TIMEOUT_S);
  self->sync = prov_sync_new (store, self->client, dealer_code);

  return self;
}

const char *
prov_carrier_session_get_profile_id (ProvCarrierSession *self)
{
  g_return_val_if_fail (PROV_IS_CARRIER_SESSION (self), NULL);
  return self->profile_id;
}

const char *
prov_carrier_session_get_base_url (ProvCarrierSession *self)
{
  g_return_val_if_fail (PROV_IS_CARRIER_SESSION (self), NULL);
  return self->base_url;
}

const char *
prov_carrier_session_get_dealer_code (ProvCarrierSession *self)
{
  g_return_val_if_fail (PROV_IS_CARRIER_SESSION (self), NULL);
  return self->dealer_code;
}

ProvCarrierClient *
prov_carrier_session_get_client (ProvCarrierSession *self)
{
  g_return_val_if_fail (PROV_IS_CARRIER_SESSION (self), NULL);
  return self->client;
}

ProvSync *
prov_carrier_session_get_sync (ProvCarrierSession *self)
{
  g_return_val_if_fail (PROV_IS_CARRIER_SESSION (self), NULL);
  return self->sync;
}

static void
prov_carrier_session_finalize (GObject *object)
{
  ProvCarrierSession *self = PROV_CARRIER_SESSION (object);

  g_clear_object (&self->sync);
  g_clear_object (&self->client);
  g_free (self->profile_id);
  g_free (self->base_url);
  g_free (self->dealer_code);

  G_OBJECT_CLASS (prov_carrier_session_parent_class)->finalize (object);
}

static void
prov_carrier_session_class_init (ProvCarrierSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = prov_carrier_session_finalize;
}

static void
prov_carrier_session_init (ProvCarrierSession *self)
{
}
