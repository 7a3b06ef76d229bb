#include <glib/gi18n-lib.h>

#include "prov-store.h"
#include "prov-store-private.h"

/*
 * ProvStore: the one place that talks SQL.
 *
 * A single worker thread owns the sqlite3 connection (prov-store-worker.c);
 * every call becomes a request pushed onto a GAsyncQueue, run there in
 * order, and completed back on the caller's main context. The operations
 * are split by table, as Epiphany's history service is: orders, lines,
 * transitions and placing, events, stock, catalog, customers, products,
 * numbers, messages, extensions and the outbox each have a file of their
 * own, and share the worker through prov-store-private.h.
 */

struct _ProvStore
{
  GObject      parent_instance;

  char        *path;
  GAsyncQueue *queue;
  GThread     *thread;
};

G_DEFINE_FINAL_TYPE (ProvStore, prov_store, G_TYPE_OBJECT)

enum {
  ORDER_CHANGED,
  PRODUCTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_BOXED_TYPE (ProvReservationConflict, prov_reservation_conflict,
                     prov_reservation_conflict_copy, prov_reservation_conflict_free)
G_DEFINE_BOXED_TYPE (ProvOrderEvent, prov_order_event, prov_order_event_copy, prov_order_event_free)

ProvReservationConflict *
prov_reservation_conflict_copy (const ProvReservationConflict *conflict)
{
  ProvReservationConflict *copy = g_new0 (ProvReservationConflict, 1);

  copy->field = g_strdup (conflict->field);
  copy->kind = conflict->kind;
  copy->value = g_strdup (conflict->value);
  copy->holder_uuid = g_strdup (conflict->holder_uuid);
  copy->holder_customer = g_strdup (conflict->holder_customer);
  copy->holder_state = conflict->holder_state;

  return copy;
}

void
prov_reservation_conflict_free (ProvReservationConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->field);
  g_free (conflict->value);
  g_free (conflict->holder_uuid);
  g_free (conflict->holder_customer);
  g_free (conflict);
}

char *
prov_reservation_conflict_dup_message (const ProvReservationConflict *conflict)
{
  g_autofree char *short_id = g_strndup (conflict->holder_uuid, 8);
  const char *kind = prov_id_kind_get_title (conflict->kind);
  const char *state = prov_order_state_get_title (conflict->holder_state);

  if (conflict->holder_customer != NULL && *conflict->holder_customer != '\0')
    /* Translators: "This ICCID is already used by order 1a2b3c4d (Jan Jansen, Draft)" */
    return g_strdup_printf (_("This %s is already used by order %s (%s, %s)"),
                            kind, short_id, conflict->holder_customer, state);

  /* Translators: "This ICCID is already used by order 1a2b3c4d (Draft)" */
  return g_strdup_printf (_("This %s is already used by order %s (%s)"), kind, short_id, state);
}

ProvOrderEvent *
prov_order_event_copy (const ProvOrderEvent *event)
{
  ProvOrderEvent *copy = g_new0 (ProvOrderEvent, 1);

  copy->at = event->at;
  copy->who = g_strdup (event->who);
  copy->from_state = event->from_state;
  copy->to_state = event->to_state;
  copy->reason = g_strdup (event->reason);
  copy->authorised_by = g_strdup (event->authorised_by);

  return copy;
}

void
prov_order_event_free (ProvOrderEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->who);
  g_free (event->reason);
  g_free (event->authorised_by);
  g_free (event);
}


/* Emits ProvStore::order-changed for @uuid; the worker calls it on the
 * main context once what changed the order is durable. */
void
_prov_store_announce_change (ProvStore  *self,
                             const char *uuid)
{
  g_signal_emit (self, signals[ORDER_CHANGED], 0, uuid);
}

/* Emits ProvStore::products-changed for @account, once the carrier's
 * products of that customer the store keeps were replaced. */
void
_prov_store_announce_products (ProvStore  *self,
                               const char *account)
{
  g_signal_emit (self, signals[PRODUCTS_CHANGED], 0, account);
}

GAsyncQueue *
_prov_store_get_queue (ProvStore *self)
{
  return self->queue;
}

/* ------------------------------------------------------------------------ */

char *
prov_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "provisioner", "orders.db", NULL);
}

ProvStore *
prov_store_new (const char *path)
{
  ProvStore *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (PROV_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->queue = g_async_queue_new ();

  self->thread = _prov_store_worker_start (path, self->queue);

  return self;
}

const char *
prov_store_get_path (ProvStore *self)
{
  g_return_val_if_fail (PROV_IS_STORE (self), NULL);

  return self->path;
}

static void
prov_store_finalize (GObject *object)
{
  ProvStore *self = PROV_STORE (object);

  _prov_store_worker_stop (self->queue, self->thread);

  g_async_queue_unref (self->queue);
  g_free (self->path);

  G_OBJECT_CLASS (prov_store_parent_class)->finalize (object);
}

static void
prov_store_class_init (ProvStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = prov_store_finalize;

  /* Emitted on the main context after an order was written. */
  signals[ORDER_CHANGED] = g_signal_new ("order-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                         G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
  /* Emitted on the main context after a customer's products (TMF637)
   * were read again and kept: the customer's account. */
  signals[PRODUCTS_CHANGED] = g_signal_new ("products-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                            G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
prov_store_init (ProvStore *self)
{
}

