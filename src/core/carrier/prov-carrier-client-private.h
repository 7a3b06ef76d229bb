#pragma once

#include "prov-carrier-client.h"

G_BEGIN_DECLS

/* Where each TM Forum API lives under the carrier's base address. */
#define PROV_TMF620_API "tmf-api/productCatalogManagement/v4/"
#define PROV_TMF622_API "tmf-api/productOrderingManagement/v4/"
#define PROV_TMF629_API "tmf-api/customerManagement/v4/"
#define PROV_TMF685_API "tmf-api/resourcePoolManagement/v1/"
#define PROV_TMF637_API "tmf-api/productInventory/v4/"
#define PROV_TMF681_API "tmf-api/communicationManagement/v4/"

typedef enum {
  PROV_CARRIER_ANSWER_OBJECT,
  PROV_CARRIER_ANSWER_LIST,        /* an array, with X-Total-Count */
} ProvCarrierAnswer;

void      _prov_carrier_client_send_async  (ProvCarrierClient   *self,
                                            const char          *api,
                                            const char          *method,
                                            const char          *resource,
                                            JsonNode            *body,
                                            ProvCarrierAnswer    answer,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data,
                                            gpointer             source_tag);
JsonNode *_prov_carrier_client_send_finish (ProvCarrierClient   *self,
                                            GAsyncResult        *result,
                                            guint               *retry_after_s,
                                            guint               *total,
                                            GError             **error);

/* How many pages of a list are read before it counts as too long. */
#define PROV_CARRIER_LIST_MAX_PAGES 50

/* What a list reader makes of one element of the carrier's list. */
typedef enum {
  PROV_CARRIER_LIST_SKIP,     /* not one looked for */
  PROV_CARRIER_LIST_KEEP,
  PROV_CARRIER_LIST_UNKNOWN,  /* lacks the members that would tell (only
                               * required members are promised) */
} ProvCarrierListVerdict;

typedef ProvCarrierListVerdict (*ProvCarrierListKeep) (JsonObject *element,
                                                       gpointer    keep_data);

void       _prov_carrier_client_read_list_async  (ProvCarrierClient   *self,
                                                  const char          *api,
                                                  const char          *resource,
                                                  ProvCarrierListKeep  keep,
                                                  gpointer             keep_data,
                                                  GDestroyNotify       free_keep_data,
                                                  const char          *too_long,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data,
                                                  gpointer             source_tag);
JsonArray *_prov_carrier_client_read_list_finish (ProvCarrierClient   *self,
                                                  GAsyncResult        *result,
                                                  gpointer             source_tag,
                                                  guint               *n_unknown,
                                                  GError             **error);
gpointer   _prov_carrier_client_read_list_get_keep_data (GAsyncResult *result);

G_END_DECLS
