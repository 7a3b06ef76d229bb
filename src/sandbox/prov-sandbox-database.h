#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The carrier's own SQLite file: orders, customers, the number pool and
 * the donor carrier's records that port-ins are checked against. */
sqlite3  *prov_sandbox_database_open       (const char  *path,
                                            GError     **error);
void      prov_sandbox_database_set_error  (GError     **error,
                                            sqlite3     *db);
JsonNode *prov_sandbox_json_parse          (const char  *text,
                                            GError     **error);
char     *prov_sandbox_format_time         (gint64       usec);

G_END_DECLS
