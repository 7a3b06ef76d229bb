#pragma once

#include "prov-store.h"

G_BEGIN_DECLS

/* The commands of provisioner-cli; each returns the process exit status. */
int           prov_cli_id         (int            argc,
                                   char         **argv);
int           prov_cli_stock      (int            argc,
                                   char         **argv);
int           prov_cli_sync       (int            argc,
                                   char         **argv);

/* Shared by the commands. */
GAsyncResult *prov_cli_await      (GAsyncResult **slot);
void          prov_cli_store      (GObject       *source,
                                   GAsyncResult  *result,
                                   gpointer       slot);
ProvStore    *prov_cli_open_store (const char    *path,
                                   GError       **error);

G_END_DECLS
