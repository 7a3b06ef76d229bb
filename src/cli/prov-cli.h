#pragma once

#include "prov-store.h"

G_BEGIN_DECLS

/* The commands of provisioner-cli; each returns the process exit status. */
int           prov_cli_id         (int            argc,
                                   char         **argv);
int           prov_cli_stock      (int            argc,
                                   char         **argv);
int           prov_cli_order      (int            argc,
                                   char         **argv);
int           prov_cli_sync       (int            argc,
                                   char         **argv);
int           prov_cli_staff      (int            argc,
                                   char         **argv);

/* order approve | decline | ask | cancel (prov-cli-approvals.c) */
int           prov_cli_order_decide (ProvStore   *store,
                                     const char  *verb,
                                     const char  *uuid,
                                     const char  *as,
                                     const char  *reason,
                                     const char  *question);
char        **prov_cli_dup_requests_without_approval (void);

/* Shared by the commands. */
char         *prov_cli_dup_safe   (const char    *text);
GAsyncResult *prov_cli_await      (GAsyncResult **slot);
void          prov_cli_store      (GObject       *source,
                                   GAsyncResult  *result,
                                   gpointer       slot);
ProvStore    *prov_cli_open_store (const char    *path,
                                   GError       **error);
void          prov_cli_close_store (ProvStore    *store);
ProvStaffMember *prov_cli_sign_in (ProvStore     *store,
                                   const char    *name,
                                   ProvStaffRole  role,
                                   GError       **error);

/* A store a command opened: closed (its WAL checkpointed) on every way out
 * of the command, before the process can exit. */
typedef ProvStore ProvCliStore;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvCliStore, prov_cli_close_store)

G_END_DECLS
