#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* How long an order stays in each state before the carrier moves it on. */
typedef struct {
  guint acknowledged_ms;
  guint in_progress_ms;
} ProvSandboxDelays;

/* The carrier's side of TMF622: orders as the carrier keeps them. */
typedef struct _ProvSandboxOrders ProvSandboxOrders;

ProvSandboxOrders *prov_sandbox_orders_new    (sqlite3                 *db,
                                               const ProvSandboxDelays *delays);
void               prov_sandbox_orders_free   (ProvSandboxOrders       *orders);
#define PROV_SANDBOX_RESTORE_WINDOW_DAYS 30
void               prov_sandbox_orders_set_restore_window (ProvSandboxOrders *orders,
                                                           guint              days);
void               prov_sandbox_orders_behave_as_other_carrier (ProvSandboxOrders *orders);
void               prov_sandbox_orders_advance (ProvSandboxOrders *orders);
JsonNode          *prov_sandbox_orders_create (ProvSandboxOrders       *orders,
                                               JsonNode                *request,
                                               const char              *base_url,
                                               GError                 **error);
JsonNode          *prov_sandbox_orders_get    (ProvSandboxOrders       *orders,
                                               const char              *id,
                                               GError                 **error);
JsonNode          *prov_sandbox_orders_list   (ProvSandboxOrders       *orders,
                                               const char              *external_id,
                                               const char              *state,
                                               guint                    offset,
                                               guint                    limit,
                                               guint                   *total,
                                               GError                 **error);
JsonNode          *prov_sandbox_orders_patch  (ProvSandboxOrders       *orders,
                                               const char              *id,
                                               JsonNode                *patch,
                                               GError                 **error);
JsonNode          *prov_sandbox_orders_cancel (ProvSandboxOrders       *orders,
                                               JsonNode                *request,
                                               GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvSandboxOrders, prov_sandbox_orders_free)

G_END_DECLS
