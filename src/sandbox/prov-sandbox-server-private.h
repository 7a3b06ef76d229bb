#pragma once

#include <stdio.h>

#include "prov-sandbox-listener.h"
#include "prov-sandbox-schema.h"
#include "prov-sandbox-server.h"

G_BEGIN_DECLS

/* Shared by prov-sandbox-server.c (requests, faults, capture) and
 * prov-sandbox-routes.c (what each API answers). */

struct _ProvSandboxServer
{
  SoupServer         *server;
  ProvSandboxListener *listener;
  sqlite3            *db;
  ProvSandboxOrders  *orders;
  ProvSandboxCatalog *catalog;
  ProvSandboxFaults  *faults;
  FILE               *capture;
  char               *root_url;
  gboolean            other_carrier;
  gboolean            bare_answers;
  ProvSandboxSchema  *tmf622;
  ProvSandboxSchema  *tmf629;
  ProvSandboxSchema  *tmf685;
  ProvSandboxSchema  *tmf681;
};

void _prov_sandbox_respond_json (SoupServerMessage *message,
                                 guint              status,
                                 JsonNode          *body);
void _prov_sandbox_respond_error (SoupServerMessage *message,
                                  guint              status,
                                  const char        *reason,
                                  const char        *detail);
void _prov_sandbox_serve_tmf622 (ProvSandboxServer *self,
                                 SoupServerMessage *message,
                                 const char        *method,
                                 const char        *resource,
                                 GHashTable        *query,
                                 JsonNode          *body);
void _prov_sandbox_serve_tmf620 (ProvSandboxServer *self,
                                 SoupServerMessage *message,
                                 const char        *method,
                                 const char        *resource,
                                 GHashTable        *query);
void _prov_sandbox_serve_tmf629 (ProvSandboxServer *self,
                                 SoupServerMessage *message,
                                 const char        *method,
                                 const char        *resource,
                                 GHashTable        *query,
                                 JsonNode          *body);
void _prov_sandbox_serve_tmf681 (ProvSandboxServer *self,
                                 SoupServerMessage *message,
                                 const char        *method,
                                 const char        *resource,
                                 GHashTable        *query,
                                 JsonNode          *body);
void _prov_sandbox_serve_tmf685 (ProvSandboxServer *self,
                                 SoupServerMessage *message,
                                 const char        *method,
                                 const char        *resource,
                                 JsonNode          *body);
void _prov_sandbox_serve_tmf637 (ProvSandboxServer *self,
                                 SoupServerMessage *message,
                                 const char        *method,
                                 const char        *resource,
                                 GHashTable        *query);
void _prov_sandbox_respond_outcome (SoupServerMessage *message,
                                    guint              status,
                                    JsonNode          *answer,
                                    GError            *error);
gboolean _prov_sandbox_check_paging (GHashTable  *query,
                                     GError     **error);

G_END_DECLS
