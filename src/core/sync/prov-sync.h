#pragma once

#include "prov-carrier-client.h"
#include "prov-store.h"

G_BEGIN_DECLS

/* What one pass over the outbox or the open orders did. */
typedef struct {
  guint sent;        /* posted and answered */
  guint recovered;   /* found at the carrier after an uncertain attempt */
  guint retried;     /* uncertain or throttled: tried again later */
  guint refused;     /* moved to needs-attention with the carrier's reason */
  guint updated;     /* open orders whose carrier state changed */
  guint failed;      /* local problems; see the log */
} ProvSyncReport;

#define PROV_TYPE_SYNC (prov_sync_get_type ())
G_DECLARE_FINAL_TYPE (ProvSync, prov_sync, PROV, SYNC, GObject)

ProvSync *prov_sync_new              (ProvStore          *store,
                                      ProvCarrierClient  *client,
                                      const char         *dealer_code);
void      prov_sync_set_backoff      (ProvSync           *self,
                                      guint               base_ms,
                                      guint               max_ms);
void      prov_sync_send_due_async   (ProvSync           *self,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data);
gboolean  prov_sync_send_due_finish  (ProvSync           *self,
                                      GAsyncResult       *result,
                                      ProvSyncReport     *report,
                                      gint64             *next_due,
                                      GError            **error);
void      prov_sync_poll_async       (ProvSync           *self,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data);
gboolean  prov_sync_poll_finish      (ProvSync           *self,
                                      GAsyncResult       *result,
                                      ProvSyncReport     *report,
                                      GError            **error);

G_END_DECLS
