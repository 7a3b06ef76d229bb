#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* TMF629 customers, TMF685 number reservations and checks, and TMF681
 * messages, as the carrier keeps them in the sandbox's SQLite file. */
JsonNode *prov_sandbox_customers_search  (sqlite3     *db,
                                          const char  *name,
                                          guint        offset,
                                          guint        limit,
                                          guint       *total,
                                          GError     **error);
JsonNode *prov_sandbox_customers_create  (sqlite3     *db,
                                          JsonNode    *request,
                                          const char  *base_url,
                                          GError     **error);
JsonNode *prov_sandbox_customers_get     (sqlite3     *db,
                                          const char  *id,
                                          GError     **error);

JsonNode *prov_sandbox_numbers_reserve   (sqlite3     *db,
                                          JsonNode    *request,
                                          const char  *base_url,
                                          GError     **error);
JsonNode *prov_sandbox_numbers_get       (sqlite3     *db,
                                          const char  *id,
                                          GError     **error);
JsonNode *prov_sandbox_numbers_update    (sqlite3     *db,
                                          const char  *id,
                                          JsonNode    *request,
                                          GError     **error);

gboolean  prov_sandbox_availability_seed  (sqlite3     *db,
                                          GError     **error);
JsonNode *prov_sandbox_availability_check (sqlite3     *db,
                                          JsonNode    *request,
                                          const char  *base_url,
                                          gboolean     other_carrier,
                                          GError     **error);

JsonNode *prov_sandbox_messages_create    (sqlite3     *db,
                                          JsonNode    *request,
                                          const char  *base_url,
                                          GError     **error);
JsonNode *prov_sandbox_messages_list      (sqlite3     *db,
                                          guint        offset,
                                          guint        limit,
                                          guint       *total,
                                          GError     **error);

G_END_DECLS
