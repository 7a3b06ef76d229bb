#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The carrier's side of TMF622: orders as the carrier keeps them. */
typedef struct _ProvSandboxOrders ProvSandboxOrders;

ProvSandboxOrders *prov_sandbox_orders_open   (const char         *path,
                                               guint               state_delay_ms,
                                               GError            **error);
void               prov_sandbox_orders_close  (ProvSandboxOrders  *orders);
JsonNode          *prov_sandbox_orders_create (ProvSandboxOrders  *orders,
                                               JsonNode           *request,
                                               const char         *base_url,
                                               GError            **error);
JsonNode          *prov_sandbox_orders_get    (ProvSandboxOrders  *orders,
                                               const char         *id,
                                               GError            **error);
JsonNode          *prov_sandbox_orders_list   (ProvSandboxOrders  *orders,
                                               const char         *external_id,
                                               guint               offset,
                                               guint               limit,
                                               guint              *total,
                                               GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvSandboxOrders, prov_sandbox_orders_close)

G_END_DECLS
