#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

int      prov_store_schema_latest_version (void);
gboolean prov_store_schema_migrate        (sqlite3  *db,
                                           GError  **error);

G_END_DECLS
