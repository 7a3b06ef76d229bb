#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "prov-order-placing.h"
#include "prov-store-error.h"
#include "prov-store-private.h"

/*
 * A manager's decision on a request that awaits approval (flow 5):
 * approve (it goes to the carrier, or completes when the carrier has
 * nothing to do), decline with a reason (closed; what it held goes back
 * to stock), or ask the requester a question (they edit it and place it
 * again). Nobody decides on their own request: the store refuses it
 * whatever asked, the app, the CLI or a test.
 */

typedef struct {
  char                 *uuid;
  ProvOrder            *order;   /* only touched on the main thread */
  ProvApprovalDecision  decision;
  ProvOrderState        approved_state;
  char                 *who;
  char                 *authorised_by;
  char                 *text;
  gint64                at;
  ProvOrderState        to;      /* set by the worker */
} DecisionArgs;

static void
decision_args_free (DecisionArgs *args)
{
  g_free (args->uuid);
  g_clear_object (&args->order);
  g_free (args->who);
  g_free (args->authorised_by);
  g_free (args->text);
  g_free (args);
}

/* Who placed @order for approval last: the requester. */
static char *
worker_find_requester (StoreWorker    *worker,
                       sqlite3_int64   order_id,
                       GError        **error)
{
  sqlite3_stmt *statement = _prov_store_worker_prepare (worker,
                                                        "SELECT who FROM order_events WHERE order_id = ?1 AND to_state = ?2 "
                                                        "ORDER BY at DESC, id DESC LIMIT 1",
                                                        error);
  char *who = NULL;
  int rc;

  if (statement == NULL)
    return NULL;

  sqlite3_bind_int64 (statement, 1, order_id);
  sqlite3_bind_int (statement, 2, PROV_ORDER_STATE_AWAITING_APPROVAL);
  rc = sqlite3_step (statement);
  if (rc == SQLITE_ROW)
    who = g_strdup (_prov_store_column_text (statement, 0));
  else if (rc != SQLITE_DONE)
    prov_store_set_sqlite_error (error, worker->db, NULL);
  _prov_store_statement_done (statement);

  return who;
}

static gboolean
worker_apply_decision (StoreWorker  *worker,
                       gpointer      data,
                       GError      **error)
{
  DecisionArgs *args = data;
  g_autoptr(GError) find_error = NULL;
  g_autofree char *requester = NULL;
  const char *decider = args->authorised_by != NULL ? args->authorised_by : args->who;
  sqlite3_int64 order_id;
  ProvOrderState state;

  if (!_prov_store_worker_find_order (worker, args->uuid, &order_id, &state, NULL, &find_error))
    {
      if (find_error != NULL)
        g_propagate_error (error, g_steal_pointer (&find_error));
      else
        g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_NOT_FOUND, _("There is no order %s"), args->uuid);
      return FALSE;
    }

  if (state != PROV_ORDER_STATE_AWAITING_APPROVAL)
    {
      g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_NOT_EDITABLE,
                   _("The request is “%s”: only a request awaiting approval can be approved, declined or asked about"),
                   prov_order_state_get_title (state));
      return FALSE;
    }

  requester = worker_find_requester (worker, order_id, error);
  if (requester == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (requester != NULL && g_utf8_collate (requester, decider) == 0)
    {
      g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_OWN_REQUEST,
                   _("%s placed this request and cannot decide on it: another manager does"), requester);
      return FALSE;
    }

  switch (args->decision)
    {
    case PROV_APPROVAL_APPROVE:
      args->to = args->approved_state;
      break;
    case PROV_APPROVAL_DECLINE:
      args->to = PROV_ORDER_STATE_DECLINED;
      break;
    case PROV_APPROVAL_ASK:
      args->to = PROV_ORDER_STATE_INFO_REQUESTED;
      break;
    default:
      g_assert_not_reached ();
    }

  return _prov_store_worker_transition (worker, args->uuid, args->to, args->who, args->authorised_by,
                                        args->text, args->at, error);
}

static gboolean
is_blank (const char *text)
{
  for (const char *c = text; c != NULL && *c != '\0'; c = g_utf8_next_char (c))
    if (!g_unichar_isspace (g_utf8_get_char (c)))
      return FALSE;

  return TRUE;
}

static void
worker_decide (StoreWorker *worker,
               GTask       *task,
               gpointer     data)
{
  _prov_store_worker_return_write (worker, task, worker_apply_decision, data);
}

/*
 * Records a manager's @decision on @order, which awaits approval: @who
 * decides, or asks on behalf of @authorised_by, the manager who allowed
 * it. @text is the reason (decline), the question (ask) or a remark
 * (approve, may be NULL); it goes on the timeline. Fails with
 * PROV_STORE_ERROR_OWN_REQUEST when the deciding manager placed the
 * request, PROV_STORE_ERROR_NOT_EDITABLE when it no longer awaits
 * approval.
 */
void
prov_store_decide_approval_async (ProvStore            *self,
                                  ProvOrder            *order,
                                  ProvApprovalDecision  decision,
                                  const char           *who,
                                  const char           *authorised_by,
                                  const char           *text,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  DecisionArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (PROV_IS_ORDER (order));
  g_return_if_fail (who != NULL);

  if (decision != PROV_APPROVAL_APPROVE && is_blank (text))
    {
      g_task_report_new_error (self, callback, user_data, prov_store_decide_approval_async,
                               PROV_STORE_ERROR, PROV_STORE_ERROR_FAILED, "%s",
                               decision == PROV_APPROVAL_DECLINE ? _("Say why the request is declined")
                                                                 : _("Enter the question for the requester"));
      return;
    }

  args = g_new0 (DecisionArgs, 1);
  args->uuid = g_strdup (prov_order_get_uuid (order));
  args->order = g_object_ref (order);
  args->decision = decision;
  args->approved_state = prov_order_approved_state (order);
  args->who = g_strdup (who);
  args->authorised_by = g_strdup (authorised_by);
  args->text = g_strdup (text);
  args->at = g_get_real_time ();
  if (decision == PROV_APPROVAL_APPROVE && args->text == NULL)
    args->text = g_strdup (_("Approved"));

  _prov_store_push (self, worker_decide, args, (GDestroyNotify) decision_args_free, args->uuid,
                    cancellable, callback, user_data, prov_store_decide_approval_async);
}

/* The state the decision took the order to. */
gboolean
prov_store_decide_approval_finish (ProvStore      *self,
                                   GAsyncResult   *result,
                                   ProvOrderState *out_state,
                                   GError        **error)
{
  DecisionArgs *args;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  args = _prov_store_request_get_args (G_TASK (result));
  prov_order_set_persisted_state (args->order, args->to, args->at);
  if (out_state != NULL)
    *out_state = args->to;

  return TRUE;
}
