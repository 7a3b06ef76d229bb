#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The carrier's side of TMF637: the products its completed orders made,
 * per customer (relatedParty), and the demo customers' own. */
gboolean  prov_sandbox_products_seed         (sqlite3     *db,
                                              GError     **error);
void      prov_sandbox_products_seed_others  (sqlite3     *db,
                                              guint        count);
gboolean  prov_sandbox_products_exist        (sqlite3     *db,
                                              const char  *id);
char     *prov_sandbox_products_check_item   (sqlite3     *db,
                                              JsonObject  *item,
                                              guint        restore_window_days,
                                              gint64       now);
void      prov_sandbox_products_apply_order  (sqlite3     *db,
                                              JsonObject  *order);
JsonNode *prov_sandbox_products_list         (sqlite3     *db,
                                              const char  *party_id,
                                              gboolean     newest_first,
                                              guint        offset,
                                              guint        limit,
                                              guint       *total,
                                              GError     **error);
JsonNode *prov_sandbox_products_get          (sqlite3     *db,
                                              const char  *id,
                                              GError     **error);

G_END_DECLS
