#pragma once

#include "prov-carrier-client.h"
#include "prov-store.h"

G_BEGIN_DECLS

/* What one pass over the queued e-mails did. */
typedef struct {
  guint sent;        /* sent and answered */
  guint recovered;   /* found at the carrier after an uncertain attempt */
  guint retried;     /* uncertain or unreachable: tried again later */
  guint refused;     /* the carrier refused it: needs the clerk */
  guint failed;      /* the carrier took it but could not send it */
} ProvMessagesReport;

void     prov_sync_send_messages_async  (ProvStore           *store,
                                         ProvCarrierClient   *client,
                                         gint64               due_by,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean prov_sync_send_messages_finish (ProvStore           *store,
                                         GAsyncResult        *result,
                                         ProvMessagesReport  *report,
                                         GError             **error);

G_END_DECLS
