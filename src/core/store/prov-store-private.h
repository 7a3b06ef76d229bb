#pragma once

#include <sqlite3.h>

#include "prov-store.h"

G_BEGIN_DECLS

/* Shared by the files that implement ProvStore's operations. Everything
 * here runs on the store's worker thread, except prov_store_push. */

typedef struct _StoreWorker StoreWorker;
typedef void (*StoreFunc) (StoreWorker *worker,
                           GTask       *task,
                           gpointer     args);

struct _StoreWorker
{
  GAsyncQueue *queue;
  GThread     *thread;
  char        *path;
  sqlite3     *db;
  /* Keyed by the address of the SQL literal: every query is a constant. */
  GHashTable  *statements;
  /* The database file, open from before SQLite opens it until after it is
   * closed; -1 while closed. prov_store_claim_outbox locks it. */
  int          file_fd;
  gboolean     sending;
  /* Running requests inside one group transaction (see prov-store.c). */
  gboolean     in_group;
};

#define assert_on_worker(worker) g_assert (g_thread_self () == (worker)->thread)

void          prov_store_push   (ProvStore           *self,
                                 StoreFunc            func,
                                 gpointer             args,
                                 GDestroyNotify       free_args,
                                 const char          *changed_uuid,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data,
                                 gpointer             source_tag);

gboolean      worker_require_db (StoreWorker   *worker,
                                 GError       **error);
sqlite3_stmt *worker_prepare    (StoreWorker   *worker,
                                 const char    *sql,
                                 GError       **error);
gboolean      worker_run        (StoreWorker   *worker,
                                 sqlite3_stmt  *statement,
                                 GError       **error);
gboolean      worker_exec       (StoreWorker   *worker,
                                 const char    *sql,
                                 GError       **error);
gboolean      worker_begin      (StoreWorker   *worker,
                                 GError       **error);
gboolean      worker_commit     (StoreWorker   *worker,
                                 GError       **error);
void          worker_rollback   (StoreWorker   *worker);
void          statement_done    (sqlite3_stmt  *statement);
void          bind_text         (sqlite3_stmt  *statement,
                                 int            index,
                                 const char    *text);
const char   *column_text       (sqlite3_stmt  *statement,
                                 int            index);

gboolean      worker_record_extension (StoreWorker  *worker,
                                       const char   *account,
                                       const char   *number,
                                       const char   *name,
                                       const char   *order_uuid,
                                       gboolean      keep_first,
                                       GError      **error);

G_END_DECLS
