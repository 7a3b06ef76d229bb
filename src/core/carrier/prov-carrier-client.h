#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "prov-number-search.h"
#include "prov-tmf681.h"

#include "prov-duplicates.h"

G_BEGIN_DECLS

#define PROV_CARRIER_ERROR (prov_carrier_error_quark ())
GQuark prov_carrier_error_quark (void);

typedef enum {
  /* No answer, a broken one, or a server error: the request may or may
   * not have been carried out. Ask before trying again. */
  PROV_CARRIER_ERROR_UNCERTAIN,
  /* 429: try again after the Retry-After the finish function returns. */
  PROV_CARRIER_ERROR_THROTTLED,
  /* 4xx: the carrier refused the request; the message says why. */
  PROV_CARRIER_ERROR_REFUSED,
  PROV_CARRIER_ERROR_NOT_FOUND,
  /* 3xx: the carrier sent the request elsewhere. Redirects are never
   * followed (a POST would become a GET, https could become http); the
   * request may or may not have been carried out. */
  PROV_CARRIER_ERROR_REDIRECTED,
  /* The carrier's answers do not let us tell whether it has the order
   * (it lists orders without their externalId, or more than we may page
   * through): only a person can decide. */
  PROV_CARRIER_ERROR_UNVERIFIABLE,
} ProvCarrierError;

#define PROV_TYPE_CARRIER_CLIENT (prov_carrier_client_get_type ())
G_DECLARE_FINAL_TYPE (ProvCarrierClient, prov_carrier_client, PROV, CARRIER_CLIENT, GObject)

ProvCarrierClient *prov_carrier_client_new                 (const char          *base_url,
                                                            const char          *token,
                                                            guint                timeout_s);
const char        *prov_carrier_client_get_base_url        (ProvCarrierClient   *self);
void               prov_carrier_client_create_order_async  (ProvCarrierClient   *self,
                                                            JsonNode            *order,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
JsonNode          *prov_carrier_client_create_order_finish (ProvCarrierClient   *self,
                                                            GAsyncResult        *result,
                                                            guint               *retry_after_s,
                                                            GError             **error);
void               prov_carrier_client_find_order_async    (ProvCarrierClient   *self,
                                                            const char          *external_id,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
JsonNode          *prov_carrier_client_find_order_finish   (ProvCarrierClient   *self,
                                                            GAsyncResult        *result,
                                                            guint               *retry_after_s,
                                                            GError             **error);
void               prov_carrier_client_get_order_async     (ProvCarrierClient   *self,
                                                            const char          *id,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
JsonNode          *prov_carrier_client_get_order_finish    (ProvCarrierClient   *self,
                                                            GAsyncResult        *result,
                                                            guint               *retry_after_s,
                                                            GError             **error);

void               prov_carrier_client_list_orders_async   (ProvCarrierClient   *self,
                                                            const char          *state,
                                                            guint                offset,
                                                            guint                limit,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
JsonNode          *prov_carrier_client_list_orders_finish  (ProvCarrierClient   *self,
                                                            GAsyncResult        *result,
                                                            guint               *total,
                                                            GError             **error);
void               prov_carrier_client_patch_order_async   (ProvCarrierClient   *self,
                                                            const char          *id,
                                                            JsonNode            *changes,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
JsonNode          *prov_carrier_client_patch_order_finish  (ProvCarrierClient   *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void               prov_carrier_client_cancel_order_async  (ProvCarrierClient   *self,
                                                            const char          *id,
                                                            const char          *reason,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
JsonNode          *prov_carrier_client_cancel_order_finish (ProvCarrierClient   *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

/* TMF620 (prov-carrier-catalog.c) */
void               prov_carrier_client_list_offerings_async  (ProvCarrierClient   *self,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
JsonNode          *prov_carrier_client_list_offerings_finish (ProvCarrierClient   *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);
void               prov_carrier_client_list_specifications_async  (ProvCarrierClient   *self,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
JsonNode          *prov_carrier_client_list_specifications_finish (ProvCarrierClient   *self,
                                                                   GAsyncResult        *result,
                                                                   GError             **error);

/* TMF629 (prov-carrier-customer.c) */
void               prov_carrier_client_list_products_async  (ProvCarrierClient   *self,
                                                             const char          *customer_id,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
JsonNode          *prov_carrier_client_list_products_finish (ProvCarrierClient   *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);
void               prov_carrier_client_find_duplicates_async  (ProvCarrierClient         *self,
                                                               const ProvCustomerProfile *profile,
                                                               GCancellable              *cancellable,
                                                               GAsyncReadyCallback        callback,
                                                               gpointer                   user_data);
GPtrArray         *prov_carrier_client_find_duplicates_finish (ProvCarrierClient         *self,
                                                               GAsyncResult              *result,
                                                               GError                   **error);
void               prov_carrier_client_find_created_customer_async  (ProvCarrierClient   *self,
                                                                      const char          *external_id,
                                                                      const char          *name,
                                                                      GCancellable        *cancellable,
                                                                      GAsyncReadyCallback  callback,
                                                                      gpointer             user_data);
char              *prov_carrier_client_find_created_customer_finish (ProvCarrierClient   *self,
                                                                      GAsyncResult        *result,
                                                                      GError             **error);
void               prov_carrier_client_search_customers_async  (ProvCarrierClient   *self,
                                                                const char          *name,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
JsonNode          *prov_carrier_client_search_customers_finish (ProvCarrierClient   *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);
void               prov_carrier_client_create_customer_async   (ProvCarrierClient   *self,
                                                                JsonNode            *customer,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
JsonNode          *prov_carrier_client_create_customer_finish  (ProvCarrierClient   *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);

/* TMF685 (prov-carrier-numbers.c) */
void               prov_carrier_client_reserve_numbers_async   (ProvCarrierClient   *self,
                                                                const char          *dealer_code,
                                                                const char          *pool,
                                                                guint                count,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
JsonNode          *prov_carrier_client_reserve_numbers_finish  (ProvCarrierClient   *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);
void               prov_carrier_client_reserve_these_numbers_async (ProvCarrierClient   *self,
                                                                    const char          *dealer_code,
                                                                    const char          *pool,
                                                                    const char * const  *numbers,
                                                                    GCancellable        *cancellable,
                                                                    GAsyncReadyCallback  callback,
                                                                    gpointer             user_data);
void               prov_carrier_client_release_numbers_async   (ProvCarrierClient   *self,
                                                                const char          *reservation_id,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
void               prov_carrier_client_search_numbers_async    (ProvCarrierClient      *self,
                                                                const ProvNumberSearch *search,
                                                                GCancellable           *cancellable,
                                                                GAsyncReadyCallback     callback,
                                                                gpointer                user_data);
GPtrArray         *prov_carrier_client_search_numbers_finish   (ProvCarrierClient      *self,
                                                                GAsyncResult           *result,
                                                                GError                **error);
/* TMF629 resellers (prov-carrier-resellers.c) */
typedef struct {
  char *id;
  char *name;
} ProvReseller;

void               prov_reseller_free                          (ProvReseller           *reseller);
void               prov_carrier_client_list_resellers_async    (ProvCarrierClient      *self,
                                                                const char             *dealer_code,
                                                                GCancellable           *cancellable,
                                                                GAsyncReadyCallback     callback,
                                                                gpointer                user_data);
GPtrArray         *prov_carrier_client_list_resellers_finish   (ProvCarrierClient      *self,
                                                                GAsyncResult           *result,
                                                                GError                **error);
void               prov_carrier_client_list_reseller_customers_async  (ProvCarrierClient   *self,
                                                                       const char          *reseller_id,
                                                                       GCancellable        *cancellable,
                                                                       GAsyncReadyCallback  callback,
                                                                       gpointer             user_data);
JsonArray         *prov_carrier_client_list_reseller_customers_finish (ProvCarrierClient   *self,
                                                                       GAsyncResult        *result,
                                                                       GError             **error);

/* TMF681 (prov-carrier-messages.c) */
void               prov_carrier_client_send_message_async      (ProvCarrierClient      *self,
                                                                JsonNode               *message,
                                                                GCancellable           *cancellable,
                                                                GAsyncReadyCallback     callback,
                                                                gpointer                user_data);
JsonNode          *prov_carrier_client_send_message_finish     (ProvCarrierClient      *self,
                                                                GAsyncResult           *result,
                                                                const char             *external_id,
                                                                GError                **error);
void               prov_carrier_client_find_message_async      (ProvCarrierClient      *self,
                                                                const char             *external_id,
                                                                GCancellable           *cancellable,
                                                                GAsyncReadyCallback     callback,
                                                                gpointer                user_data);
JsonNode          *prov_carrier_client_find_message_finish     (ProvCarrierClient      *self,
                                                                GAsyncResult           *result,
                                                                GError                **error);

/* The longest a reservation is kept, whatever the carrier says. */
#define PROV_RESERVATION_MAX_DAYS 30

GStrv              prov_carrier_reservation_dup_numbers        (JsonNode            *reservation,
                                                                guint                asked,
                                                                const char * const  *wanted,
                                                                char               **reservation_id,
                                                                gint64              *valid_until,
                                                                guint               *refused);
JsonNode          *prov_carrier_client_release_numbers_finish  (ProvCarrierClient   *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);

G_END_DECLS
