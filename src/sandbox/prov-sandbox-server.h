#pragma once

#include <libsoup/soup.h>

#include "prov-sandbox-faults.h"
#include "prov-sandbox-orders.h"

G_BEGIN_DECLS

#define PROV_SANDBOX_TMF622_PATH "/tmf-api/productOrderingManagement/v4/"

typedef struct _ProvSandboxServer ProvSandboxServer;

ProvSandboxServer *prov_sandbox_server_new    (ProvSandboxOrders  *orders,
                                               ProvSandboxFaults  *faults);
gboolean           prov_sandbox_server_listen (ProvSandboxServer  *self,
                                               guint               port,
                                               guint              *bound_port,
                                               GError            **error);
void               prov_sandbox_server_free   (ProvSandboxServer  *self);

G_END_DECLS
