#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One TM Forum API's definitions, for checking request bodies. */
typedef struct _ProvSandboxSchema ProvSandboxSchema;

ProvSandboxSchema *prov_sandbox_schema_new      (const char         *resource_path,
                                                 GError            **error);
void               prov_sandbox_schema_free     (ProvSandboxSchema  *self);
gboolean           prov_sandbox_schema_validate (ProvSandboxSchema  *self,
                                                 const char         *definition,
                                                 JsonNode           *body,
                                                 GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvSandboxSchema, prov_sandbox_schema_free)

G_END_DECLS
