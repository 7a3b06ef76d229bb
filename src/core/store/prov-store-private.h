#pragma once

#include <sqlite3.h>

#include "prov-store.h"
#include "prov-store-snapshot.h"

G_BEGIN_DECLS

/* Shared by the files that implement ProvStore's operations. Everything
 * here runs on the store's worker thread, except _prov_store_push, the
 * finish and the store object's own functions. */

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
  /* Running requests inside one group transaction (see prov-store-worker.c). */
  gboolean     in_group;
  /* A request erased secrets: once committed, the WAL that still holds
   * the pages with them is checkpointed and emptied. */
  gboolean     truncate_wal;
};

#define assert_on_worker(worker) g_assert (g_thread_self () == (worker)->thread)

/* The worker (prov-store-worker.c): its thread, the requests it runs,
 * and the statements and transactions of every operation. */
GThread      *_prov_store_worker_start       (const char           *path,
                                              GAsyncQueue          *queue);
void          _prov_store_worker_stop        (GAsyncQueue          *queue,
                                              GThread              *thread);
void          _prov_store_push               (ProvStore            *self,
                                              StoreFunc             func,
                                              gpointer              args,
                                              GDestroyNotify        free_args,
                                              const char           *changed_uuid,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data,
                                              gpointer              source_tag);
gpointer      _prov_store_request_get_args   (GTask                *task);
gboolean      _prov_store_finish             (ProvStore            *self,
                                              GAsyncResult         *result,
                                              gpointer              source_tag,
                                              GError              **error);
gpointer      _prov_store_finish_pointer     (ProvStore            *self,
                                              GAsyncResult         *result,
                                              gpointer              source_tag,
                                              GError              **error);

gboolean      _prov_store_worker_require_db  (StoreWorker          *worker,
                                              GError              **error);
sqlite3_stmt *_prov_store_worker_prepare     (StoreWorker          *worker,
                                              const char           *sql,
                                              GError              **error);
gboolean      _prov_store_worker_run         (StoreWorker          *worker,
                                              sqlite3_stmt         *statement,
                                              GError              **error);
gboolean      _prov_store_worker_exec        (StoreWorker          *worker,
                                              const char           *sql,
                                              GError              **error);
gboolean      _prov_store_worker_begin       (StoreWorker          *worker,
                                              GError              **error);
gboolean      _prov_store_worker_commit      (StoreWorker          *worker,
                                              GError              **error);
void          _prov_store_worker_rollback    (StoreWorker          *worker);
void          _prov_store_statement_done     (sqlite3_stmt         *statement);
void          _prov_store_bind_text          (sqlite3_stmt         *statement,
                                              int                   index,
                                              const char           *text);
const char   *_prov_store_column_text        (sqlite3_stmt         *statement,
                                              int                   index);

/* A write that either happens whole or not at all. */
typedef gboolean (*ProvStoreWriteFunc) (StoreWorker  *worker,
                                        gpointer      data,
                                        GError      **error);
gboolean      _prov_store_worker_write       (StoreWorker          *worker,
                                              ProvStoreWriteFunc    write,
                                              gpointer              data,
                                              GError              **error);
void          _prov_store_worker_return_write (StoreWorker        *worker,
                                               GTask              *task,
                                               ProvStoreWriteFunc  write,
                                               gpointer            data);

/* Reads one row of a statement into what a list returns. */
typedef gpointer (*ProvStoreRowFunc) (sqlite3_stmt *statement);
void          _prov_store_worker_return_rows (StoreWorker      *worker,
                                              GTask            *task,
                                              sqlite3_stmt     *statement,
                                              ProvStoreRowFunc  read_row,
                                              GDestroyNotify    free_row);

/* Opening and closing (prov-store-open.c) */
void          _prov_store_worker_open        (StoreWorker          *worker,
                                              GTask                *task,
                                              gpointer              args);
void          _prov_store_worker_close       (StoreWorker          *worker,
                                              GTask                *task,
                                              gpointer              args);
void          _prov_store_worker_close_db    (StoreWorker          *worker);

/* The store object (prov-store.c) */
void          _prov_store_announce_change    (ProvStore            *self,
                                              const char           *uuid);
void          _prov_store_announce_products  (ProvStore            *self,
                                              const char           *account);
GAsyncQueue  *_prov_store_get_queue          (ProvStore            *self);

/* Orders (prov-store-orders.c) */
gboolean      _prov_store_worker_find_order  (StoreWorker          *worker,
                                              const char           *uuid,
                                              sqlite3_int64        *out_id,
                                              ProvOrderState       *out_state,
                                              char                **out_payload,
                                              GError              **error);
gboolean      _prov_store_worker_write_order (StoreWorker          *worker,
                                              ProvOrderSnapshot    *snapshot,
                                              GPtrArray            *conflicts,
                                              GError              **error);

/* Transitions (prov-store-transitions.c) */
gboolean      _prov_store_worker_transition  (StoreWorker          *worker,
                                              const char           *uuid,
                                              ProvOrderState        to,
                                              const char           *who,
                                              const char           *authorised_by,
                                              const char           *reason,
                                              gint64                at,
                                              GError              **error);

/* Stock (prov-store-stock.c) */
gboolean      _prov_store_worker_return_replaced (StoreWorker      *worker,
                                                  sqlite3_int64     order_id,
                                                  gint64            at,
                                                  GError          **error);

/* Flow 5's milestones by e-mail (prov-store-milestones.c) */
gboolean      _prov_store_worker_queue_milestone (StoreWorker      *worker,
                                                  sqlite3_int64     order_id,
                                                  const char       *order_uuid,
                                                  const char       *payload,
                                                  sqlite3_int64     event_id,
                                                  ProvOrderState    from,
                                                  ProvOrderState    to,
                                                  const char       *who,
                                                  const char       *reason,
                                                  gint64            at,
                                                  GError          **error);

/* Lines and the identifiers they hold (prov-store-lines.c) */
gboolean      _prov_store_worker_reserve_identifiers (StoreWorker       *worker,
                                                      sqlite3_int64      order_id,
                                                      ProvOrderSnapshot *snapshot,
                                                      gint64             now,
                                                      GPtrArray         *conflicts,
                                                      GError           **error);
gboolean      _prov_store_worker_write_lines (StoreWorker          *worker,
                                              sqlite3_int64         order_id,
                                              ProvOrderSnapshot    *snapshot,
                                              GError              **error);
gboolean      _prov_store_worker_read_lines  (StoreWorker          *worker,
                                              sqlite3_int64         order_id,
                                              ProvOrder            *order,
                                              GError              **error);

/* The timeline (prov-store-events.c) */
gboolean      _prov_store_worker_add_event   (StoreWorker          *worker,
                                              sqlite3_int64         order_id,
                                              gint64                at,
                                              const char           *who,
                                              ProvOrderState        from,
                                              ProvOrderState        to,
                                              const char           *reason,
                                              const char           *authorised_by,
                                              GError              **error);

/* Extensions in use (prov-store-extensions.c) */
gboolean      _prov_store_worker_record_extension (StoreWorker  *worker,
                                                   const char   *account,
                                                   const char   *number,
                                                   const char   *name,
                                                   const char   *order_uuid,
                                                   gboolean      keep_first,
                                                   GError      **error);

G_END_DECLS
