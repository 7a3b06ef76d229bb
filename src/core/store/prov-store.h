#pragma once

#include <gio/gio.h>

#include <json-glib/json-glib.h>

#include "prov-catalog.h"
#include "prov-customer.h"
#include "prov-staff.h"
#include "prov-id-kind.h"
#include "prov-order.h"
#include "prov-order-filter.h"
#include "prov-store-error.h"
#include "prov-stock.h"

G_BEGIN_DECLS

/* Another open order already holds an identifier this order uses. */
typedef struct {
  char           *field;
  ProvIdKind      kind;
  char           *value;
  char           *holder_uuid;
  char           *holder_customer;
  ProvOrderState  holder_state;
} ProvReservationConflict;

#define PROV_TYPE_RESERVATION_CONFLICT (prov_reservation_conflict_get_type ())
GType                    prov_reservation_conflict_get_type    (void);
ProvReservationConflict *prov_reservation_conflict_copy        (const ProvReservationConflict *conflict);
void                     prov_reservation_conflict_free        (ProvReservationConflict       *conflict);
char                    *prov_reservation_conflict_dup_message (const ProvReservationConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvReservationConflict, prov_reservation_conflict_free)

/* One entry of an order's timeline. */
typedef struct {
  gint64          at;
  char           *who;
  ProvOrderState  from_state;   /* 0 when the order was created */
  ProvOrderState  to_state;
  char           *reason;
  char           *authorised_by;   /* the manager who allowed @who to, or NULL */
} ProvOrderEvent;

#define PROV_TYPE_ORDER_EVENT (prov_order_event_get_type ())
GType           prov_order_event_get_type (void);
ProvOrderEvent *prov_order_event_copy     (const ProvOrderEvent *event);
void            prov_order_event_free     (ProvOrderEvent       *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvOrderEvent, prov_order_event_free)

#define PROV_TYPE_STORE (prov_store_get_type ())
G_DECLARE_FINAL_TYPE (ProvStore, prov_store, PROV, STORE, GObject)

ProvStore  *prov_store_new                 (const char           *path);
const char *prov_store_get_path            (ProvStore            *self);
char       *prov_store_dup_default_path    (void);

void        prov_store_open_async          (ProvStore            *self,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    prov_store_open_finish         (ProvStore            *self,
                                            GAsyncResult         *result,
                                            char                **moved_aside_path,
                                            GError              **error);

void        prov_store_close_async         (ProvStore            *self,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    prov_store_close_finish        (ProvStore            *self,
                                            GAsyncResult         *result,
                                            GError              **error);

void        prov_store_save_order_async    (ProvStore            *self,
                                            ProvOrder            *order,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    prov_store_save_order_finish   (ProvStore            *self,
                                            GAsyncResult         *result,
                                            GPtrArray           **conflicts,
                                            GError              **error);

void        prov_store_load_order_async    (ProvStore            *self,
                                            const char           *uuid,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
ProvOrder  *prov_store_load_order_finish   (ProvStore            *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void        prov_store_find_follow_up_async  (ProvStore          *self,
                                              const char         *uuid,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
ProvOrder  *prov_store_find_follow_up_finish (ProvStore          *self,
                                              GAsyncResult       *result,
                                              GError            **error);
void        prov_store_find_by_reference_async  (ProvStore          *self,
                                                 const char         *reference,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
ProvOrder  *prov_store_find_by_reference_finish (ProvStore          *self,
                                                 GAsyncResult       *result,
                                                 GError            **error);

void        prov_store_list_orders_async   (ProvStore            *self,
                                            const ProvOrderFilter *filter,
                                            guint                 offset,
                                            guint                 limit,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GPtrArray  *prov_store_list_orders_finish  (ProvStore            *self,
                                            GAsyncResult         *result,
                                            GError              **error);

void        prov_store_count_orders_async  (ProvStore            *self,
                                            const ProvOrderFilter *filter,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gint64      prov_store_count_orders_finish (ProvStore            *self,
                                            GAsyncResult         *result,
                                            GError              **error);

void        prov_store_transition_async    (ProvStore            *self,
                                            ProvOrder            *order,
                                            ProvOrderState        to,
                                            const char           *who,
                                            const char           *reason,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
void        prov_store_record_order_fields_async  (ProvStore           *self,
                                                   const char          *uuid,
                                                   const char * const  *keys_and_values,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean    prov_store_record_order_fields_finish (ProvStore           *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void        prov_store_record_line_states_async (ProvStore       *self,
                                            const char           *uuid,
                                            const char * const   *lines,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    prov_store_record_line_states_finish (ProvStore      *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void        prov_store_place_order_async   (ProvStore            *self,
                                            ProvOrder            *order,
                                            ProvCatalog          *catalog,
                                            const char           *who,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
void        prov_store_place_new_order_async (ProvStore          *self,
                                            ProvOrder            *order,
                                            ProvCatalog          *catalog,
                                            const char           *who,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    prov_store_place_order_finish  (ProvStore            *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void        prov_store_carrier_transition_async (ProvStore       *self,
                                            ProvOrder            *order,
                                            ProvOrderState        to,
                                            const char           *carrier_id,
                                            const char           *who,
                                            const char           *reason,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    prov_store_transition_finish   (ProvStore            *self,
                                            GAsyncResult         *result,
                                            GError              **error);

void        prov_store_list_events_async   (ProvStore            *self,
                                            const char           *uuid,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GPtrArray  *prov_store_list_events_finish  (ProvStore            *self,
                                            GAsyncResult         *result,
                                            GError              **error);

void        prov_store_add_stock_async     (ProvStore            *self,
                                            GPtrArray            *items,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    prov_store_add_stock_finish    (ProvStore            *self,
                                            GAsyncResult         *result,
                                            guint                *added,
                                            guint                *already_known,
                                            GError              **error);

void        prov_store_find_stock_async    (ProvStore            *self,
                                            guint32               kinds,
                                            const char           *suffix,
                                            ProvStockStatus       status,
                                            guint                 limit,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GPtrArray  *prov_store_find_stock_finish   (ProvStore            *self,
                                            GAsyncResult         *result,
                                            guint                *total,
                                            GError              **error);

/* An e-mail to go out through the carrier (TMF681). Stored as integers:
 * never renumber. */
typedef enum {
  PROV_MESSAGE_QUEUED = 0,
  PROV_MESSAGE_SENT = 1,
  PROV_MESSAGE_NEEDS_ATTENTION = 2,
  PROV_MESSAGE_FAILED = 3,           /* the carrier answered failed or cancelled */
} ProvMessageState;

typedef struct {
  char             *uuid;        /* its externalId at the carrier */
  char             *order_uuid;  /* NULL: of no order */
  JsonNode         *body;        /* TMF681 CommunicationMessage_Create */
  ProvMessageState  state;
  guint             attempts;
  char             *carrier_id;
  char             *problem;
  gint64            created_at;
  gint64            sent_at;     /* 0 until sent */
} ProvQueuedMessage;

void        prov_queued_message_free          (ProvQueuedMessage   *message);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvQueuedMessage, prov_queued_message_free)

void        prov_store_queue_message_async    (ProvStore           *self,
                                               const char          *uuid,
                                               const char          *order_uuid,
                                               JsonNode            *body,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean    prov_store_queue_message_finish   (ProvStore           *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void        prov_store_list_messages_async    (ProvStore           *self,
                                               const char          *order_uuid,
                                               gint64               due_by,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GPtrArray  *prov_store_list_messages_finish   (ProvStore           *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void        prov_store_record_message_async   (ProvStore           *self,
                                               const char          *uuid,
                                               ProvMessageState     state,
                                               gboolean             attempt,
                                               gint64               next_attempt_at,
                                               const char          *carrier_id,
                                               const char          *problem,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean    prov_store_record_message_finish  (ProvStore           *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* An order waiting in the outbox. */
typedef struct {
  char  *uuid;
  guint  attempts;
} ProvOutboxEntry;

void        prov_outbox_entry_free         (ProvOutboxEntry      *entry);

void        prov_store_list_outbox_async   (ProvStore            *self,
                                            gint64                due_by,
                                            guint                 limit,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GPtrArray  *prov_store_list_outbox_finish  (ProvStore            *self,
                                            GAsyncResult         *result,
                                            gint64               *next_due,
                                            GError              **error);
void        prov_store_begin_attempt_async (ProvStore            *self,
                                            const char           *uuid,
                                            gint64                retry_at,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    prov_store_begin_attempt_finish (ProvStore           *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void        prov_store_retry_later_async   (ProvStore            *self,
                                            const char           *uuid,
                                            gint64                next_attempt_at,
                                            const char           *problem,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    prov_store_retry_later_finish  (ProvStore            *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void        prov_store_claim_outbox_async  (ProvStore            *self,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    prov_store_claim_outbox_finish (ProvStore            *self,
                                            GAsyncResult         *result,
                                            GError              **error);

/* Catalog cache (prov-store-catalog.c) */
void        prov_store_save_catalog_async  (ProvStore            *self,
                                            const char           *carrier,
                                            JsonNode             *catalog,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    prov_store_save_catalog_finish (ProvStore            *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void        prov_store_load_catalog_async  (ProvStore            *self,
                                            const char           *carrier,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
JsonNode   *prov_store_load_catalog_finish (ProvStore            *self,
                                            GAsyncResult         *result,
                                            gint64               *fetched_at,
                                            GError              **error);

/* Customers (prov-store-customers.c) */
void        prov_store_save_customer_async (ProvStore            *self,
                                            ProvCustomer         *customer,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    prov_store_save_customer_finish (ProvStore           *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void        prov_store_search_customers_async (ProvStore         *self,
                                            const char           *text,
                                            guint                 limit,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GPtrArray  *prov_store_search_customers_finish (ProvStore        *self,
                                            GAsyncResult         *result,
                                            GError              **error);

/* Reserved numbers (prov-store-numbers.c) */
void        prov_store_add_numbers_async   (ProvStore            *self,
                                            const char           *reservation_id,
                                            const char * const   *msisdns,
                                            gint64                expires_at,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    prov_store_add_numbers_finish  (ProvStore            *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void        prov_store_list_free_numbers_async (ProvStore        *self,
                                            const char           *except_order_uuid,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GStrv       prov_store_list_free_numbers_finish (ProvStore       *self,
                                            GAsyncResult         *result,
                                            GError              **error);

/* The customers' products at the carrier (prov-store-products.c) */
void        prov_store_save_products_async  (ProvStore           *self,
                                             const char          *account,
                                             JsonNode            *products,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean    prov_store_save_products_finish (ProvStore           *self,
                                             GAsyncResult        *result,
                                             GError             **error);
void        prov_store_list_products_async  (ProvStore           *self,
                                             const char          *account,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
JsonNode   *prov_store_list_products_finish (ProvStore           *self,
                                             GAsyncResult        *result,
                                             gint64              *fetched_at,
                                             GError             **error);

/* Extensions (prov-store-extensions.c) */
void        prov_store_list_extensions_async (ProvStore          *self,
                                            const char           *account,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GStrv       prov_store_list_extensions_finish (ProvStore         *self,
                                            GAsyncResult         *result,
                                            GStrv                *names,
                                            GError              **error);
void        prov_store_add_extension_async (ProvStore            *self,
                                            const char           *account,
                                            const char           *number,
                                            const char           *name,
                                            const char           *order_uuid,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    prov_store_add_extension_finish (ProvStore           *self,
                                            GAsyncResult         *result,
                                            GError              **error);

/* Cancelling a placed order (prov-store-transitions.c) */
void        prov_store_cancel_order_async  (ProvStore            *self,
                                            ProvOrder            *order,
                                            const char           *who,
                                            const char           *authorised_by,
                                            const char           *reason,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);

/* A manager's decision on a request awaiting approval
 * (prov-store-approvals.c) */
typedef enum {
  PROV_APPROVAL_APPROVE,
  PROV_APPROVAL_DECLINE,
  PROV_APPROVAL_ASK,
} ProvApprovalDecision;

void        prov_store_decide_approval_async  (ProvStore            *self,
                                               ProvOrder            *order,
                                               ProvApprovalDecision  decision,
                                               const char           *who,
                                               const char           *authorised_by,
                                               const char           *text,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean    prov_store_decide_approval_finish (ProvStore            *self,
                                               GAsyncResult         *result,
                                               ProvOrderState       *out_state,
                                               GError              **error);

/* The till's staff (prov-store-staff.c) */
void             prov_store_add_staff_async       (ProvStore            *self,
                                                   const char           *name,
                                                   ProvStaffRole         role,
                                                   const char           *pin_hash,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
ProvStaffMember *prov_store_add_staff_finish      (ProvStore            *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
void             prov_store_add_staff_with_pin_async (ProvStore         *self,
                                                   const char           *name,
                                                   ProvStaffRole         role,
                                                   const char           *pin,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
ProvStaffMember *prov_store_add_staff_with_pin_finish (ProvStore        *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
void             prov_store_list_staff_async      (ProvStore            *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
GPtrArray       *prov_store_list_staff_finish     (ProvStore            *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
void             prov_store_record_pin_try_async  (ProvStore            *self,
                                                   gint64                id,
                                                   gboolean              right,
                                                   const char           *new_hash,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
void             prov_store_set_staff_pin_async   (ProvStore            *self,
                                                   gint64                id,
                                                   const char           *pin_hash,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
void             prov_store_set_staff_active_async (ProvStore           *self,
                                                   gint64                id,
                                                   gboolean              active,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
void             prov_store_set_staff_role_async  (ProvStore            *self,
                                                   gint64                id,
                                                   ProvStaffRole         role,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
void             prov_store_unlock_staff_async    (ProvStore            *self,
                                                   gint64                id,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
void             prov_store_try_pin_async         (ProvStore             *self,
                                                   const ProvStaffMember *member,
                                                   const char            *pin,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
ProvStaffMember *prov_store_try_pin_finish        (ProvStore            *self,
                                                   GAsyncResult         *result,
                                                   gboolean             *right,
                                                   GError              **error);
ProvStaffMember *prov_store_change_staff_finish   (ProvStore            *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
