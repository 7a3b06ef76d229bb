#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "prov-order-placing.h"
#include "prov-store-error.h"
#include "prov-order-field.h"
#include "prov-store-private.h"
#include "prov-store-snapshot.h"


typedef struct {
  char           *uuid;
  ProvOrder      *order;   /* only touched on the main thread */
  char           *carrier_id;
  ProvOrderState  to;
  char           *who;
  char           *authorised_by;
  char           *reason;
  gint64          at;
} TransitionArgs;

static void
transition_args_free (TransitionArgs *args)
{
  g_free (args->uuid);
  g_free (args->carrier_id);
  g_clear_object (&args->order);
  g_free (args->who);
  g_free (args->authorised_by);
  g_free (args->reason);
  g_free (args);
}

static gboolean
state_holds_identifiers (ProvOrderState state)
{
  return prov_order_state_is_open (state) && state != PROV_ORDER_STATE_DRAFT;
}

/* The store's stock follows the orders its SIMs and devices are on: placed
 * is assigned, completed is used; cancelled, or back to a draft, is on the
 * shelf again. Runs before the reservations change. */
static gboolean
worker_follow_stock (StoreWorker     *worker,
                     sqlite3_int64    order_id,
                     TransitionArgs  *args,
                     GError         **error)
{
  ProvStockStatus from;
  ProvStockStatus to;
  sqlite3_stmt *statement;

  if (args->to == PROV_ORDER_STATE_COMPLETED)
    from = PROV_STOCK_STATUS_ASSIGNED, to = PROV_STOCK_STATUS_USED;
  else if (prov_order_state_is_closed_locally (args->to) || args->to == PROV_ORDER_STATE_DRAFT)
    from = PROV_STOCK_STATUS_ASSIGNED, to = PROV_STOCK_STATUS_IN_STOCK;
  else if (args->to != PROV_ORDER_STATE_READY && state_holds_identifiers (args->to))
    from = PROV_STOCK_STATUS_IN_STOCK, to = PROV_STOCK_STATUS_ASSIGNED;
  else
    return TRUE;

  statement = _prov_store_worker_prepare (worker,
                                          "UPDATE stock SET status = ?1, updated_at = ?2, "
                                          "  order_id = CASE WHEN ?1 = ?5 THEN NULL ELSE ?3 END "
                                          "WHERE status = ?4 AND identifier IN (SELECT value FROM reservations WHERE order_id = ?3)",
                                          error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int (statement, 1, to);
  sqlite3_bind_int64 (statement, 2, args->at);
  sqlite3_bind_int64 (statement, 3, order_id);
  sqlite3_bind_int (statement, 4, from);
  sqlite3_bind_int (statement, 5, PROV_STOCK_STATUS_IN_STOCK);
  return _prov_store_worker_run (worker, statement, error);
}

/* Leaving the draft state needs every identifier of the order to be its
 * own; closing the order gives them back. */
static gboolean
worker_update_reservations (StoreWorker     *worker,
                            sqlite3_int64    order_id,
                            const char      *payload,
                            TransitionArgs  *args,
                            GError         **error)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(ProvOrder) parsed = NULL;
  g_autoptr(ProvOrderSnapshot) snapshot = NULL;
  sqlite3_stmt *statement;

  if (!prov_order_state_is_open (args->to))
    {
      statement = _prov_store_worker_prepare (worker, "DELETE FROM reservations WHERE order_id = ?", error);
      if (statement == NULL)
        return FALSE;
      sqlite3_bind_int64 (statement, 1, order_id);
      return _prov_store_worker_run (worker, statement, error);
    }

  if (!state_holds_identifiers (args->to))
    return TRUE;

  parsed = prov_order_new_from_row (args->uuid, PROV_ORDER_KIND_MOBILE_USER, PROV_ORDER_STATE_DRAFT,
                                    NULL, NULL, 0, 0, NULL);
  if (!prov_order_load_payload_json (parsed, payload, error) ||
      !_prov_store_worker_read_lines (worker, order_id, parsed, error))
    return FALSE;

  snapshot = prov_order_snapshot_new (parsed, args->at);
  conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_reservation_conflict_free);
  if (!_prov_store_worker_reserve_identifiers (worker, order_id, snapshot, args->at, conflicts, error))
    return FALSE;

  if (conflicts->len > 0)
    {
      g_autofree char *message = prov_reservation_conflict_dup_message (g_ptr_array_index (conflicts, 0));
      g_set_error_literal (error, PROV_STORE_ERROR, PROV_STORE_ERROR_IDENTIFIER_TAKEN, message);
      return FALSE;
    }

  return TRUE;
}

/* Once the carrier has completed an order, or it is cancelled, its
 * secrets (log-on, transfer and account PINs) have done their work: they
 * are erased from the order and its lines. */
static gboolean
worker_forget_secrets (StoreWorker    *worker,
                       sqlite3_int64   order_id,
                       GError        **error)
{
  /* The order's own fields, and its lines'. */
  static const char * const erase[] = {
    "UPDATE orders SET payload = json_remove (payload, '$.\"' || ?1 || '\"') "
    "WHERE id = ?2 AND json_extract (payload, '$.\"' || ?1 || '\"') IS NOT NULL",
    "UPDATE order_lines SET payload = json_remove (payload, '$.\"' || ?1 || '\"') "
    "WHERE order_id = ?2 AND json_extract (payload, '$.\"' || ?1 || '\"') IS NOT NULL",
  };
  const ProvOrderField *fields;
  guint n_fields;

  fields = prov_order_field_get_all (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i].kind != PROV_FIELD_SECRET)
        continue;

      for (guint t = 0; t < G_N_ELEMENTS (erase); t++)
        {
          sqlite3_stmt *statement = _prov_store_worker_prepare (worker, erase[t], error);

          if (statement == NULL)
            return FALSE;
          _prov_store_bind_text (statement, 1, fields[i].key);
          sqlite3_bind_int64 (statement, 2, order_id);
          if (!_prov_store_worker_run (worker, statement, error))
            return FALSE;
        }
    }

  worker->truncate_wal = TRUE;
  return TRUE;
}

static gboolean
worker_apply_transition (StoreWorker  *worker,
                         gpointer      data,
                         GError      **error)
{
  TransitionArgs *args = data;
  g_autoptr(GError) find_error = NULL;
  g_autofree char *payload = NULL;
  sqlite3_stmt *statement;
  sqlite3_int64 order_id;
  ProvOrderState from;

  if (!_prov_store_worker_find_order (worker, args->uuid, &order_id, &from, &payload, &find_error))
    {
      if (find_error != NULL)
        g_propagate_error (error, g_steal_pointer (&find_error));
      else
        g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_NOT_FOUND,
                     _("There is no order %s"), args->uuid);
      return FALSE;
    }

  /* Before and after the reservations change: what is released is known
   * before, what is newly held after. */
  if (!prov_order_state_check_transition (from, args->to, error) ||
      (!state_holds_identifiers (args->to) && !worker_follow_stock (worker, order_id, args, error)) ||
      !worker_update_reservations (worker, order_id, payload, args, error) ||
      (state_holds_identifiers (args->to) && !worker_follow_stock (worker, order_id, args, error)))
    return FALSE;

  statement = _prov_store_worker_prepare (worker,
                                          "UPDATE orders SET state = ?1, updated_at = ?2, "
                                          "submitted_at = CASE WHEN ?1 = ?3 THEN ?2 ELSE submitted_at END, "
                                          "carrier_state = CASE WHEN ?4 IS NOT NULL THEN ?4 ELSE carrier_state END, "
                                          "carrier_id = coalesce (?6, carrier_id) "
                                          "WHERE id = ?5",
                                          error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int (statement, 1, args->to);
  sqlite3_bind_int64 (statement, 2, args->at);
  sqlite3_bind_int (statement, 3, PROV_ORDER_STATE_QUEUED);
  _prov_store_bind_text (statement, 4, prov_order_state_is_at_carrier (args->to) ? prov_order_state_to_id (args->to) : NULL);
  sqlite3_bind_int64 (statement, 5, order_id);
  _prov_store_bind_text (statement, 6, args->carrier_id);
  if (!_prov_store_worker_run (worker, statement, error))
    return FALSE;

  if (args->to == PROV_ORDER_STATE_QUEUED)
    {
      statement = _prov_store_worker_prepare (worker,
                                              "INSERT OR REPLACE INTO outbox (order_id, queued_at, attempts, next_attempt_at) "
                                              "VALUES (?1, ?2, 0, ?2)",
                                              error);
      if (statement == NULL)
        return FALSE;
      sqlite3_bind_int64 (statement, 1, order_id);
      sqlite3_bind_int64 (statement, 2, args->at);
      if (!_prov_store_worker_run (worker, statement, error))
        return FALSE;
    }
  else if (from == PROV_ORDER_STATE_QUEUED)
    {
      statement = _prov_store_worker_prepare (worker, "DELETE FROM outbox WHERE order_id = ?", error);
      if (statement == NULL)
        return FALSE;
      sqlite3_bind_int64 (statement, 1, order_id);
      if (!_prov_store_worker_run (worker, statement, error))
        return FALSE;
    }

  if (args->to == PROV_ORDER_STATE_COMPLETED && !_prov_store_worker_return_replaced (worker, order_id, args->at, error))
    return FALSE;

  if (!prov_order_state_is_open (args->to) &&
      !worker_forget_secrets (worker, order_id, error))
    return FALSE;

  if (!_prov_store_worker_add_event (worker, order_id, args->at, args->who, from, args->to, args->reason,
                                     args->authorised_by, error))
    return FALSE;

  /* Flow 5 tells the customer's contact at each milestone. The payload is
   * read before secrets are erased: only the contact is used. */
  return _prov_store_worker_queue_milestone (worker, order_id, args->uuid, payload,
                                             sqlite3_last_insert_rowid (worker->db), from, args->to,
                                             args->authorised_by != NULL ? args->authorised_by : args->who,
                                             args->reason, args->at, error);
}

/* One transition within a write already under way (placing, an
 * approval): as prov_store_transition_async does it. */
gboolean
_prov_store_worker_transition (StoreWorker     *worker,
                               const char      *uuid,
                               ProvOrderState   to,
                               const char      *who,
                               const char      *authorised_by,
                               const char      *reason,
                               gint64           at,
                               GError         **error)
{
  TransitionArgs step = {
    .uuid = (char *) uuid,
    .to = to,
    .who = (char *) who,
    .authorised_by = (char *) authorised_by,
    .reason = (char *) reason,
    .at = at,
  };

  return worker_apply_transition (worker, &step, error);
}

static void
worker_transition (StoreWorker *worker,
                   GTask       *task,
                   gpointer     data)
{
  _prov_store_worker_return_write (worker, task, worker_apply_transition, data);
}

void
prov_store_transition_async (ProvStore           *self,
                             ProvOrder           *order,
                             ProvOrderState       to,
                             const char          *who,
                             const char          *reason,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  prov_store_carrier_transition_async (self, order, to, NULL, who, reason, cancellable, callback, user_data);
}

static void
push_transition (ProvStore           *self,
                 ProvOrder           *order,
                 ProvOrderState       to,
                 const char          *carrier_id,
                 const char          *who,
                 const char          *authorised_by,
                 const char          *reason,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  TransitionArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (PROV_IS_ORDER (order));
  g_return_if_fail (who != NULL);

  args = g_new0 (TransitionArgs, 1);
  args->uuid = g_strdup (prov_order_get_uuid (order));
  args->carrier_id = g_strdup (carrier_id);
  args->order = g_object_ref (order);
  args->to = to;
  args->who = g_strdup (who);
  args->authorised_by = g_strdup (authorised_by);
  args->reason = g_strdup (reason);
  args->at = g_get_real_time ();

  _prov_store_push (self, worker_transition, args, (GDestroyNotify) transition_args_free,
                    args->uuid, cancellable, callback, user_data, prov_store_carrier_transition_async);
}

/* Moves @order to @to if its state machine allows it from the state the
 * database holds, recording who did it and why on its timeline, and the
 * carrier's id for it when @carrier_id is given. Finish with
 * prov_store_transition_finish. */
void
prov_store_carrier_transition_async (ProvStore           *self,
                                     ProvOrder           *order,
                                     ProvOrderState       to,
                                     const char          *carrier_id,
                                     const char          *who,
                                     const char          *reason,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  push_transition (self, order, to, carrier_id, who, NULL, reason, cancellable, callback, user_data);
}

/* Cancels @order, placed but not (yet) with the carrier: awaiting its
 * SIM, its inventory or an approval, or handed to the clerk. @who did it;
 * @authorised_by is the manager who allowed them, when @who is no manager
 * (the timeline names both). Refused for a state that cannot be cancelled
 * from the till, such as an order the sender may be sending now. The
 * finish function is prov_store_transition_finish(). */
void
prov_store_cancel_order_async (ProvStore           *self,
                               ProvOrder           *order,
                               const char          *who,
                               const char          *authorised_by,
                               const char          *reason,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  push_transition (self, order, PROV_ORDER_STATE_CANCELLED, NULL, who, authorised_by, reason,
                   cancellable, callback, user_data);
}

gboolean
prov_store_transition_finish (ProvStore     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  TransitionArgs *args;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  args = _prov_store_request_get_args (G_TASK (result));
  prov_order_set_persisted_state (args->order, args->to, args->at);
  if (args->carrier_id != NULL)
    prov_order_set_carrier_id (args->order, args->carrier_id);

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Lines at the carrier                                                     */

typedef struct {
  char  *uuid;
  GStrv  lines;   /* line id, state, product id ("" when not told), … */
} LineStatesArgs;

static void
line_states_args_free (LineStatesArgs *args)
{
  g_free (args->uuid);
  g_strfreev (args->lines);
  g_free (args);
}

static void
worker_record_line_states (StoreWorker *worker,
                           GTask       *task,
                           gpointer     data)
{
  LineStatesArgs *args = data;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *statement;

  assert_on_worker (worker);

  if (!_prov_store_worker_require_db (worker, &error) ||
      !(statement = _prov_store_worker_prepare (worker,
                                                "UPDATE order_lines SET state = coalesce (nullif (?1, ''), state), "
                                                "  product_ref = coalesce (nullif (?4, ''), product_ref) "
                                                "WHERE order_id = (SELECT id FROM orders WHERE uuid = ?2) AND line_id = ?3",
                                                &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; args->lines[i] != NULL && args->lines[i + 1] != NULL && args->lines[i + 2] != NULL; i += 3)
    {
      _prov_store_bind_text (statement, 1, args->lines[i + 1]);
      _prov_store_bind_text (statement, 2, args->uuid);
      _prov_store_bind_text (statement, 3, args->lines[i]);
      _prov_store_bind_text (statement, 4, args->lines[i + 2]);
      if (!_prov_store_worker_run (worker, statement, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  g_task_return_boolean (task, TRUE);
}

/* Each line's state as the carrier reports it (productOrderItem.state)
 * and the carrier's product it made or changes (product.id): @lines holds
 * a line id, its state and its product id ("" for either when the carrier
 * did not say), then the next line's. For a new line the product id is
 * what a later change of it refers to. */
void
prov_store_record_line_states_async (ProvStore           *self,
                                     const char          *uuid,
                                     const char * const  *lines,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  LineStatesArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));

  args = g_new0 (LineStatesArgs, 1);
  args->uuid = g_strdup (uuid);
  args->lines = g_strdupv ((char **) lines);
  _prov_store_push (self, worker_record_line_states, args, (GDestroyNotify) line_states_args_free, uuid,
                    cancellable, callback, user_data, prov_store_record_line_states_async);
}

gboolean
prov_store_record_line_states_finish (ProvStore     *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _prov_store_finish (self, result, prov_store_record_line_states_async, error);
}

/* ------------------------------------------------------------------------ */
/* Placing                                                                  */

typedef struct {
  ProvOrderSnapshot *snapshot;
  ProvOrder         *order;      /* only touched on the main thread */
  ProvOrderState     to;
  char              *who;
  char              *reason;
  gint64             at;
  char              *account;
  GPtrArray         *extensions;  /* number, name, … */
  gboolean           new_only;    /* refused when the till has it already */
  ProvOrderState     approved_by_policy;  /* 0: waits for a manager */
} PlaceArgs;

static void
place_args_free (PlaceArgs *args)
{
  prov_order_snapshot_free (args->snapshot);
  g_clear_object (&args->order);
  g_free (args->who);
  g_free (args->reason);
  g_free (args->account);
  g_ptr_array_unref (args->extensions);
  g_free (args);
}

static gboolean
worker_apply_place (StoreWorker  *worker,
                    gpointer      data,
                    GError      **error)
{
  PlaceArgs *args = data;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_reservation_conflict_free);
  TransitionArgs step = { 0 };
  sqlite3_int64 order_id = 0;
  ProvOrderState state = 0;

  /* An order from elsewhere never changes one the till has: whatever its
   * state, another order of the same reference is a duplicate. */
  if (args->new_only && _prov_store_worker_find_order (worker, args->snapshot->uuid, &order_id, &state, NULL, error))
    {
      g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_ALREADY_THERE,
                   _("The till has an order with this reference already (%s, %s): it is left as it is, and this "
                     "one is not placed"),
                   args->snapshot->uuid, prov_order_state_get_title (state));
      return FALSE;
    }
  if (error != NULL && *error != NULL)
    return FALSE;

  if (!_prov_store_worker_write_order (worker, args->snapshot, conflicts, error))
    return FALSE;
  if (conflicts->len > 0)
    {
      g_autofree char *message = prov_reservation_conflict_dup_message (g_ptr_array_index (conflicts, 0));
      g_set_error_literal (error, PROV_STORE_ERROR, PROV_STORE_ERROR_IDENTIFIER_TAKEN, message);
      return FALSE;
    }

  if (!_prov_store_worker_find_order (worker, args->snapshot->uuid, &order_id, &state, NULL, error))
    return FALSE;

  step.uuid = args->snapshot->uuid;
  step.who = args->who;
  step.at = args->at;
  if (state == PROV_ORDER_STATE_DRAFT)
    {
      step.to = PROV_ORDER_STATE_READY;
      step.reason = (char *) _("Every step is complete");
      if (!worker_apply_transition (worker, &step, error))
        return FALSE;
    }

  step.to = args->to;
  step.reason = args->reason;
  if (!worker_apply_transition (worker, &step, error))
    return FALSE;

  /* The carrier profile lets this request go without a manager: the
   * policy approves it, and the timeline says so. */
  if (args->to == PROV_ORDER_STATE_AWAITING_APPROVAL && args->approved_by_policy != 0)
    {
      step.to = args->approved_by_policy;
      step.reason = (char *) _("Approved by the policy: the carrier profile lets this request go without approval");
      if (!worker_apply_transition (worker, &step, error))
        return FALSE;
    }

  /* The extensions it takes are in use from now on, for the next order. */
  for (guint i = 0; args->account != NULL && i < args->extensions->len; i += 2)
    if (!_prov_store_worker_record_extension (worker, args->account, g_ptr_array_index (args->extensions, i),
                                              g_ptr_array_index (args->extensions, i + 1), args->snapshot->uuid, TRUE, error))
      return FALSE;

  return TRUE;
}

static void
worker_place (StoreWorker *worker,
              GTask       *task,
              gpointer     data)
{
  _prov_store_worker_return_write (worker, task, worker_apply_place, data);
}

static void push_place (ProvStore           *self,
                        ProvOrder           *order,
                        ProvCatalog         *catalog,
                        const char          *who,
                        gboolean             new_only,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data);

/*
 * Places a draft: checks it is complete, saves what it holds, and moves it
 * to the state its content calls for (queued for the carrier, awaiting a
 * SIM, its inventory or an approval), with the outbox entry and the
 * timeline events, all in one transaction. @catalog, the carrier's as the
 * till has it (or NULL), says what the lines' products allow. Fails with
 * PROV_ORDER_ERROR when it is not complete, PROV_STORE_ERROR_IDENTIFIER_TAKEN when one of its
 * identifiers is another open order's.
 */
void
prov_store_place_order_async (ProvStore           *self,
                              ProvOrder           *order,
                              ProvCatalog         *catalog,
                              const char          *who,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  push_place (self, order, catalog, who, FALSE, cancellable, callback, user_data);
}

/* As prov_store_place_order_async, for an order from elsewhere (an
 * import): fails with PROV_STORE_ERROR_ALREADY_THERE, changing nothing,
 * when the till has an order of its uuid in any state. Finished with
 * prov_store_place_order_finish. */
void
prov_store_place_new_order_async (ProvStore           *self,
                                  ProvOrder           *order,
                                  ProvCatalog         *catalog,
                                  const char          *who,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  push_place (self, order, catalog, who, TRUE, cancellable, callback, user_data);
}

static void
push_place (ProvStore           *self,
            ProvOrder           *order,
            ProvCatalog         *catalog,
            const char          *who,
            gboolean             new_only,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  PlaceArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (PROV_IS_ORDER (order));

  if (!prov_order_check_complete (order, catalog, &error))
    {
      g_task_report_error (self, callback, user_data, prov_store_place_order_async, g_steal_pointer (&error));
      return;
    }

  args = g_new0 (PlaceArgs, 1);
  args->at = g_get_real_time ();
  args->snapshot = prov_order_snapshot_new (order, args->at);
  args->order = g_object_ref (order);
  args->to = prov_order_placed_state (order);
  if (!prov_order_needs_approval (order))
    args->approved_by_policy = prov_order_approved_state (order);
  args->reason = g_strdup (prov_order_placed_reason (order, args->to));
  args->who = g_strdup (who);
  args->new_only = new_only;
  args->account = g_strdup (prov_order_get_customer_account (order));
  args->extensions = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < prov_order_get_n_lines (order); i++)
    {
      ProvOrderLine *line = prov_order_get_line (order, i);
      const char *number = prov_order_line_get_field (line, PROV_ORDER_FIELD_EXTENSION_NUMBER);

      if (number == NULL)
        continue;
      g_ptr_array_add (args->extensions, g_strdup (number));
      g_ptr_array_add (args->extensions, g_strdup (prov_order_line_get_field (line, PROV_ORDER_FIELD_EXTENSION_NAME)));
    }
  _prov_store_push (self, worker_place, args, (GDestroyNotify) place_args_free, prov_order_get_uuid (order),
                    cancellable, callback, user_data, prov_store_place_order_async);
}

gboolean
prov_store_place_order_finish (ProvStore     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  PlaceArgs *args;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  /* Incomplete orders are reported without a request behind them. */
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  args = _prov_store_request_get_args (G_TASK (result));
  prov_order_set_persisted_state (args->order,
                                  args->to == PROV_ORDER_STATE_AWAITING_APPROVAL && args->approved_by_policy != 0
                                    ? args->approved_by_policy : args->to,
                                  args->at);

  return TRUE;
}

