#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* TMF620: the demo catalog, read-only, with the products of the five
 * order flows and the specifications that say what their PINs are. */
typedef struct _ProvSandboxCatalog ProvSandboxCatalog;

ProvSandboxCatalog *prov_sandbox_catalog_new   (const char         *base_url,
                                                GError            **error);
void                prov_sandbox_catalog_free  (ProvSandboxCatalog *catalog);
JsonNode           *prov_sandbox_catalog_list  (ProvSandboxCatalog *catalog,
                                                const char         *category,
                                                const char         *lifecycle_status,
                                                guint               offset,
                                                guint               limit,
                                                guint              *total);
JsonNode           *prov_sandbox_catalog_get   (ProvSandboxCatalog *catalog,
                                                const char         *id,
                                                GError            **error);
JsonNode           *prov_sandbox_catalog_list_specifications (ProvSandboxCatalog *catalog,
                                                              guint               offset,
                                                              guint               limit,
                                                              guint              *total);
JsonNode           *prov_sandbox_catalog_get_specification   (ProvSandboxCatalog  *catalog,
                                                              const char          *id,
                                                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvSandboxCatalog, prov_sandbox_catalog_free)

G_END_DECLS
