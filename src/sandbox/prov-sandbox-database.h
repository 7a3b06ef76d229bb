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

JsonNode *prov_sandbox_new_resource        (JsonNode     *request,
                                            const char   *base_url,
                                            const char   *collection,
                                            const char   *id);
gboolean  prov_sandbox_database_store      (sqlite3      *db,
                                            const char   *sql,
                                            GError      **error,
                                            ...) G_GNUC_NULL_TERMINATED;
JsonNode *prov_sandbox_database_page       (sqlite3      *db,
                                            const char   *count_sql,
                                            const char   *page_sql,
                                            const char   *filter,
                                            guint         offset,
                                            guint         limit,
                                            guint        *total,
                                            GError      **error);

G_END_DECLS
