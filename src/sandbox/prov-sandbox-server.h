#pragma once

#include <libsoup/soup.h>

#include "prov-sandbox-catalog.h"
#include "prov-sandbox-faults.h"
#include "prov-sandbox-orders.h"

G_BEGIN_DECLS

#define PROV_SANDBOX_TMF620_PATH "/tmf-api/productCatalogManagement/v4/"
#define PROV_SANDBOX_TMF622_PATH "/tmf-api/productOrderingManagement/v4/"
#define PROV_SANDBOX_TMF629_PATH "/tmf-api/customerManagement/v4/"
#define PROV_SANDBOX_TMF685_PATH "/tmf-api/resourcePoolManagement/v1/"
#define PROV_SANDBOX_TMF637_PATH "/tmf-api/productInventory/v4/"
#define PROV_SANDBOX_TMF681_PATH "/tmf-api/communicationManagement/v4/"

typedef struct _ProvSandboxServer ProvSandboxServer;

ProvSandboxServer *prov_sandbox_server_new    (sqlite3            *db,
                                               ProvSandboxOrders  *orders,
                                               ProvSandboxFaults  *faults,
                                               const char         *capture_path,
                                               GError            **error);
gboolean           prov_sandbox_server_listen (ProvSandboxServer  *self,
                                               guint               port,
                                               guint               idle_timeout_s,
                                               guint               request_timeout_s,
                                               guint              *bound_port,
                                               GError            **error);
void               prov_sandbox_server_free   (ProvSandboxServer  *self);
void               prov_sandbox_server_behave_as_other_carrier (ProvSandboxServer *self);
void               prov_sandbox_server_answer_bare             (ProvSandboxServer *self);

G_END_DECLS
