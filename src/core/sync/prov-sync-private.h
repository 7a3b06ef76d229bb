#pragma once

#include "prov-sync.h"

G_BEGIN_DECLS

/* Shared by prov-sync.c (sending the outbox) and prov-sync-poll.c
 * (following the orders the carrier has). */

/* Who the timeline names for what the carrier did. */
#define PROV_SYNC_WHO "carrier"

struct _ProvSync
{
  GObject            parent_instance;

  ProvStore         *store;
  ProvCarrierClient *client;
  char              *dealer_code;
  guint              backoff_base_ms;
  guint              backoff_max_ms;
  GRand             *rand;
};

/* One send or poll pass: a GTask's data. */
typedef struct {
  ProvSyncReport  report;
  GPtrArray      *work;       /* ProvOutboxEntry or ProvOrder */
  guint           next;
  guint           running;
  gint64          next_due;
  /* Why the pass stopped early: a store that cannot write, or a cancel. */
  GError         *stopped;
  gboolean        returned;
} Pass;

void      _prov_sync_pass_free            (Pass         *pass);
void      _prov_sync_pass_stop            (Pass         *pass,
                                           const GError *why);
void      _prov_sync_pass_return          (GTask        *pass_task);
void      _prov_sync_announce_change      (ProvSync     *self,
                                           ProvOrder    *order);
char     *_prov_sync_dup_carrier_note     (JsonObject   *order);
void      _prov_sync_record_line_states   (ProvStore    *store,
                                           const char   *uuid,
                                           JsonObject   *carrier_order);

G_END_DECLS
