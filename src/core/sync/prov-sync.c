#include <glib/gi18n-lib.h>

#include "prov-json-guard.h"
#include "prov-store-error.h"
#include "prov-sync.h"
#include "prov-sync-private.h"
#include "prov-sync-customer.h"
#include "prov-tmf622.h"

/*
 * The outbox worker. Each queued order is sent with its uuid as externalId,
 * so that it reaches the carrier exactly once:
 * - before the request that may create the order leaves, the attempt is
 *   recorded durably (prov_store_begin_attempt); a crash, a lost answer or
 *   a full disk after that leaves an order the next attempt asks the
 *   carrier about before posting again;
 * - asking means finding the carrier's order whose externalId is ours (see
 *   prov-carrier-find-order.c); an order is only posted again when the
 *   carrier's list shows it never arrived;
 * - when the store cannot write, nothing more is sent in this pass: an
 *   answer that cannot be recorded would only be asked for again.
 * Retries back off exponentially with jitter and honour Retry-After.
 *
 * Writes that record what the carrier did take no cancellable: once the
 * carrier has answered, the answer is kept.
 */

#define BATCH 100
#define PARALLEL 8

G_DEFINE_FINAL_TYPE (ProvSync, prov_sync, G_TYPE_OBJECT)

enum { ORDER_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

void
_prov_sync_pass_free (Pass *pass)
{
  g_clear_pointer (&pass->work, g_ptr_array_unref);
  g_clear_error (&pass->stopped);
  g_free (pass);
}

void
_prov_sync_pass_stop (Pass         *pass,
                      const GError *why)
{
  if (pass->stopped == NULL)
    pass->stopped = g_error_copy (why);
}

void
_prov_sync_pass_return (GTask *pass_task)
{
  Pass *pass = g_task_get_task_data (pass_task);

  g_return_if_fail (!pass->returned);
  pass->returned = TRUE;

  if (pass->stopped != NULL)
    g_task_return_error (pass_task, g_error_copy (pass->stopped));
  else
    g_task_return_boolean (pass_task, TRUE);
}

void
_prov_sync_announce_change (ProvSync  *self,
                            ProvOrder *order)
{
  g_signal_emit (self, signals[ORDER_CHANGED], 0, order);
}

typedef struct {
  GTask           *pass_task;
  ProvOutboxEntry *entry;
  ProvOrder       *order;
  char            *rejection;   /* the carrier's reason, once rejected */
  /* The carrier answered this pass's create: a lookup now follows the
   * order it made, rather than asking whether an earlier attempt did. */
  gboolean         created;
} Job;

static void start_jobs (GTask *pass_task);

static void
job_done (Job *job)
{
  GTask *pass_task = job->pass_task;
  Pass *pass = g_task_get_task_data (pass_task);

  g_clear_object (&job->order);
  g_free (job->rejection);
  g_free (job);

  pass->running--;
  start_jobs (pass_task);
  g_object_unref (pass_task);
}

static ProvSync *
job_sync (Job *job)
{
  return g_task_get_source_object (job->pass_task);
}

static Pass *
job_pass (Job *job)
{
  return g_task_get_task_data (job->pass_task);
}

static GCancellable *
job_cancellable (Job *job)
{
  return g_task_get_cancellable (job->pass_task);
}

/* The store could not read or write: this order waits, and so does the
 * rest of the outbox. */
static void
job_failed_here (Job          *job,
                 const GError *error)
{
  /* The pass fails with this error: whoever runs it tells the clerk. */
  g_debug ("Order %s: %s", job->entry->uuid, error->message);
  job_pass (job)->report.failed++;
  _prov_sync_pass_stop (job_pass (job), error);
  job_done (job);
}

static gint64
backoff_us (ProvSync *self,
            guint     attempts,
            guint     retry_after_s)
{
  double delay_ms = self->backoff_base_ms * (double) (1u << MIN (attempts, 16));

  delay_ms = MIN (delay_ms, self->backoff_max_ms);
  /* Jitter: clerks' tills that went offline together must not come back
   * in lockstep. */
  delay_ms *= g_rand_double_range (self->rand, 0.5, 1.5);
  delay_ms = MAX (delay_ms, retry_after_s * 1000.0);

  return (gint64) (delay_ms * 1000);
}

static void needs_attention (Job        *job,
                             const char *reason);

static void
on_transition_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_store_transition_finish (PROV_STORE (source), result, &error))
    {
      job_failed_here (job, error);
      return;
    }

  /* A rejected order is recorded as the carrier rejected it, then handed
   * to the clerk with the carrier's reason. */
  if (job->rejection != NULL && prov_order_get_state (job->order) == PROV_ORDER_STATE_REJECTED)
    {
      needs_attention (job, job->rejection);
      return;
    }

  g_signal_emit (job_sync (job), signals[ORDER_CHANGED], 0, job->order);
  job_done (job);
}

static void
needs_attention (Job        *job,
                 const char *reason)
{
  job_pass (job)->report.refused++;
  prov_store_transition_async (job_sync (job)->store, job->order, PROV_ORDER_STATE_NEEDS_ATTENTION,
                               PROV_SYNC_WHO, reason, NULL, on_transition_done, job);
}

char *
_prov_sync_dup_carrier_note (JsonObject *order)
{
  JsonArray *notes = prov_json_object_get_array (order, "note");
  guint length = notes != NULL ? json_array_get_length (notes) : 0;
  JsonObject *last = length > 0 ? prov_json_array_get_object (notes, length - 1) : NULL;

  return g_strdup (prov_json_object_get_string (last, "text"));
}

static void
on_line_states_recorded (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The order's own state is what the clerk acts on; its lines' follow at
   * the next poll when this could not be written. */
  if (!prov_store_record_line_states_finish (PROV_STORE (source), result, &error))
    g_debug ("Line states not recorded: %s", error->message);
}

/* productOrderItem.state of each line the carrier lists, and the product
 * it made or changes (product.id), which a later change refers to. */
void
_prov_sync_record_line_states (ProvStore  *store,
                               const char *uuid,
                               JsonObject *carrier_order)
{
  JsonArray *items = prov_json_object_get_array (carrier_order, "productOrderItem");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = prov_json_array_get_object (items, i);
      const char *id = prov_json_object_get_string (item, "id");
      const char *state = prov_json_object_get_string (item, "state");
      const char *product_id = prov_json_object_get_string (prov_json_object_get_object (item, "product"), "id");

      if (id != NULL && (state != NULL || product_id != NULL))
        {
          g_strv_builder_add (builder, id);
          g_strv_builder_add (builder, state != NULL ? state : "");
          g_strv_builder_add (builder, product_id != NULL ? product_id : "");
        }
    }

  lines = g_strv_builder_end (builder);
  if (lines[0] != NULL)
    prov_store_record_line_states_async (store, uuid, (const char * const *) lines, NULL,
                                         on_line_states_recorded, NULL);
}

/* The carrier has the order: note its id and state, leave the outbox. */
static void
record_at_carrier (Job      *job,
                   JsonNode *carrier_order)
{
  JsonObject *object = json_node_get_object (carrier_order);
  const char *id = prov_json_object_get_string (object, "id");
  const char *state_id = prov_json_object_get_string (object, "state");
  const char *reason = _("Received by the carrier");
  ProvOrderState state;

  if (!prov_order_state_from_id (state_id, &state) || !prov_order_state_is_at_carrier (state))
    state = PROV_ORDER_STATE_ACKNOWLEDGED;

  if (state == PROV_ORDER_STATE_REJECTED)
    {
      g_autofree char *note = _prov_sync_dup_carrier_note (object);

      job->rejection = g_strdup (note != NULL ? note : _("The carrier rejected the order"));
      prov_store_carrier_transition_async (job_sync (job)->store, job->order, state, id, PROV_SYNC_WHO,
                                           note, NULL, on_transition_done, job);
      return;
    }

  if (id == NULL)
    reason = _("Received by the carrier, which gave no reference to follow the order by");

  _prov_sync_record_line_states (job_sync (job)->store, job->entry->uuid, object);
  prov_store_carrier_transition_async (job_sync (job)->store, job->order, state, id, PROV_SYNC_WHO,
                                       reason, NULL, on_transition_done, job);
}

static void
on_retry_recorded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_store_retry_later_finish (PROV_STORE (source), result, &error))
    {
      job_failed_here (job, error);
      return;
    }

  job_done (job);
}

static void
retry_later (Job          *job,
             const GError *problem,
             guint         retry_after_s)
{
  ProvSync *self = job_sync (job);

  job_pass (job)->report.retried++;
  prov_store_retry_later_async (self->store, job->entry->uuid,
                                g_get_real_time () + backoff_us (self, job->entry->attempts, retry_after_s),
                                problem->message, NULL, on_retry_recorded, job);
}

typedef struct {
  Job    *job;
  GError *problem;
} Accepted;

static void
on_accepted_recorded (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Accepted *accepted = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_store_record_order_fields_finish (PROV_STORE (source), result, &error))
    job_failed_here (accepted->job, error);
  else
    retry_later (accepted->job, accepted->problem, 0);

  g_error_free (accepted->problem);
  g_free (accepted);
}

/* The carrier answered a create with success, but not with this order, or
 * does not list it: it is remembered, so that a later look that does not
 * find it is the carrier contradicting itself (the clerk is asked), never
 * a reason to post a second order. */
static void
retry_accepted_later (Job          *job,
                      const GError *problem)
{
  const char * const fields[] = { PROV_ORDER_FIELD_CARRIER_ACCEPTED, "true", NULL };
  Accepted *accepted = g_new0 (Accepted, 1);

  accepted->job = job;
  accepted->problem = g_error_copy (problem);
  prov_order_set_field (job->order, PROV_ORDER_FIELD_CARRIER_ACCEPTED, "true");
  prov_store_record_order_fields_async (job_sync (job)->store, job->entry->uuid, fields, NULL,
                                        on_accepted_recorded, accepted);
}

/* A refusal needs the clerk; anything else is tried again later. */
static void
handle_failure (Job          *job,
                const GError *error,
                guint         retry_after_s)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* The attempt is recorded: the next pass asks before posting. */
      _prov_sync_pass_stop (job_pass (job), error);
      job_done (job);
    }
  else if (g_error_matches (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_REFUSED) ||
           g_error_matches (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNVERIFIABLE))
    needs_attention (job, error->message);
  else
    retry_later (job, error, retry_after_s);
}

static void on_found (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data);

static void
on_created (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(JsonNode) carrier_order = NULL;
  g_autoptr(GError) error = NULL;
  guint retry_after_s = 0;
  JsonObject *object;
  const char *external_id;

  carrier_order = prov_carrier_client_create_order_finish (PROV_CARRIER_CLIENT (source), result, &retry_after_s, &error);
  if (carrier_order == NULL)
    {
      handle_failure (job, error, retry_after_s);
      return;
    }

  object = json_node_get_object (carrier_order);
  external_id = prov_json_object_get_string (object, "externalId");
  if (external_id != NULL && !g_str_equal (external_id, job->entry->uuid))
    {
      g_autoptr(GError) problem = g_error_new (PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNCERTAIN,
                                               _("The carrier answered with another order (%s)"), external_id);
      retry_accepted_later (job, problem);
      return;
    }

  job_pass (job)->report.sent++;

  /* Only productOrderItem is promised: without an id the order cannot be
   * followed, so find the carrier's full record of it. */
  if (prov_json_object_get_string (object, "id") == NULL)
    {
      job->created = TRUE;
      prov_carrier_client_find_order_async (job_sync (job)->client, job->entry->uuid, job_cancellable (job),
                                            on_found, job);
    }
  else
    record_at_carrier (job, carrier_order);
}

/* A cancelled pass must not post: another pass may be about to. */
static gboolean
job_stopped (Job *job)
{
  g_autoptr(GError) error = NULL;

  if (!g_cancellable_set_error_if_cancelled (job_cancellable (job), &error))
    return FALSE;

  handle_failure (job, error, 0);
  return TRUE;
}

static void
on_attempt_begun (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Job *job = user_data;
  ProvSync *self = job_sync (job);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;

  if (!prov_store_begin_attempt_finish (PROV_STORE (source), result, &error))
    {
      job_failed_here (job, error);
      return;
    }

  if (job_stopped (job))
    return;

  body = prov_tmf622_build_order_create (job->order, self->dealer_code);
  prov_carrier_client_create_order_async (self->client, body, job_cancellable (job), on_created, job);
}

static void
post (Job *job)
{
  ProvSync *self = job_sync (job);

  if (job_stopped (job))
    return;

  prov_store_begin_attempt_async (self->store, job->entry->uuid,
                                  g_get_real_time () + backoff_us (self, job->entry->attempts, 0),
                                  NULL, on_attempt_begun, job);
}

/* The carrier's own record of the order, looked for after a create that
 * answered without an id, or before sending again after an attempt whose
 * outcome is unknown. */
static void
on_found (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(JsonNode) carrier_order = NULL;
  g_autoptr(GError) error = NULL;
  guint retry_after_s = 0;

  carrier_order = prov_carrier_client_find_order_finish (PROV_CARRIER_CLIENT (source), result, &retry_after_s, &error);
  if (carrier_order != NULL)
    {
      if (!job->created)
        job_pass (job)->report.recovered++;
      record_at_carrier (job, carrier_order);
    }
  else if (!g_error_matches (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_NOT_FOUND))
    handle_failure (job, error, retry_after_s);
  else if (job->created)
    {
      /* It said it created the order but does not list it (yet): ask
       * again later, before any new post. */
      g_autoptr(GError) problem = g_error_new_literal (PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNCERTAIN,
                                                        _("The carrier accepted the order but does not list it yet"));
      retry_accepted_later (job, problem);
    }
  else if (g_strcmp0 (prov_order_get_field (job->order, PROV_ORDER_FIELD_CARRIER_ACCEPTED), "true") == 0)
    needs_attention (job, _("The carrier answered an earlier attempt with success but does not list this order, "
                            "so sending it again could make a second order. Check with the carrier, then send it "
                            "again or cancel it."));
  else
    post (job);
}

static void
send_order (Job *job)
{
  /* An earlier attempt may have reached the carrier: ask before posting. */
  if (job->entry->attempts > 0)
    prov_carrier_client_find_order_async (job_sync (job)->client, job->entry->uuid, job_cancellable (job),
                                          on_found, job);
  else
    post (job);
}

static void
on_customer_ensured (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;

  if (prov_sync_ensure_customer_finish (PROV_STORE (source), result, &error))
    {
      /* A reseller's customer account alone: nothing to order. */
      if (g_strcmp0 (prov_order_get_field (job->order, PROV_ORDER_FIELD_SERVICE_ACCOUNT_ONLY), "true") == 0)
        {
          job_pass (job)->report.sent++;
          prov_store_carrier_transition_async (job_sync (job)->store, job->order, PROV_ORDER_STATE_COMPLETED, NULL,
                                               PROV_SYNC_WHO, _("Only a customer account was asked for: the carrier created it"),
                                               NULL, on_transition_done, job);
          return;
        }
      send_order (job);
    }
  else if (error->domain == PROV_CARRIER_ERROR || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    handle_failure (job, error, 0);
  else
    job_failed_here (job, error);
}

static void
on_order_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;

  job->order = prov_store_load_order_finish (PROV_STORE (source), result, &error);
  if (job->order == NULL)
    {
      job_failed_here (job, error);
      return;
    }

  /* A new customer is created at the carrier before their order. */
  if (job_stopped (job))
    return;
  prov_sync_ensure_customer_async (job_sync (job)->store, job_sync (job)->client, job->order, job_cancellable (job),
                                   on_customer_ensured, job);
}

static void
start_jobs (GTask *pass_task)
{
  Pass *pass = g_task_get_task_data (pass_task);
  ProvSync *self = g_task_get_source_object (pass_task);

  while (pass->stopped == NULL && pass->running < PARALLEL && pass->next < pass->work->len)
    {
      Job *job = g_new0 (Job, 1);

      job->pass_task = g_object_ref (pass_task);
      job->entry = g_ptr_array_index (pass->work, pass->next++);
      pass->running++;
      prov_store_load_order_async (self->store, job->entry->uuid, g_task_get_cancellable (pass_task),
                                   on_order_loaded, job);
    }

  if (pass->running == 0)
    _prov_sync_pass_return (pass_task);
}

static void
on_outbox_listed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) pass_task = user_data;
  Pass *pass = g_task_get_task_data (pass_task);
  g_autoptr(GError) error = NULL;

  pass->work = prov_store_list_outbox_finish (PROV_STORE (source), result, &pass->next_due, &error);
  if (pass->work == NULL)
    {
      g_task_return_error (pass_task, g_steal_pointer (&error));
      return;
    }

  start_jobs (pass_task);
}

static void
on_outbox_claimed (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) pass_task = user_data;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;

  if (!prov_store_claim_outbox_finish (PROV_STORE (source), result, &error))
    {
      g_task_return_error (pass_task, g_steal_pointer (&error));
      return;
    }

  cancellable = g_task_get_cancellable (pass_task);
  prov_store_list_outbox_async (PROV_STORE (source), g_get_real_time (), BATCH, cancellable,
                                on_outbox_listed, g_steal_pointer (&pass_task));
}

/* Sends the orders that are due, up to a batch. Fails when the pass had to
 * stop: the store could not write (nothing more is sent until it can), or
 * @cancellable was cancelled. */
void
prov_sync_send_due_async (ProvSync            *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *pass_task;

  g_return_if_fail (PROV_IS_SYNC (self));

  pass_task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (pass_task, prov_sync_send_due_async);
  g_task_set_task_data (pass_task, g_new0 (Pass, 1), (GDestroyNotify) _prov_sync_pass_free);

  prov_store_claim_outbox_async (self->store, cancellable, on_outbox_claimed, pass_task);
}

/* @report says what happened, also when the pass fails. @next_due: when the
 * outbox had its earliest order due as the pass began (real time, µs), -1
 * when it was empty. */
gboolean
prov_sync_send_due_finish (ProvSync        *self,
                           GAsyncResult    *result,
                           ProvSyncReport  *report,
                           gint64          *next_due,
                           GError         **error)
{
  Pass *pass;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  pass = g_task_get_task_data (G_TASK (result));
  if (report != NULL)
    *report = pass->report;
  if (next_due != NULL)
    *next_due = pass->next_due;

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */

ProvSync *
prov_sync_new (ProvStore         *store,
               ProvCarrierClient *client,
               const char        *dealer_code)
{
  ProvSync *self = g_object_new (PROV_TYPE_SYNC, NULL);

  self->store = g_object_ref (store);
  self->client = g_object_ref (client);
  self->dealer_code = g_strdup (dealer_code);

  return self;
}

/* The first retry waits about @base_ms, each next one twice as long, never
 * more than @max_ms (Retry-After aside). */
void
prov_sync_set_backoff (ProvSync *self,
                       guint     base_ms,
                       guint     max_ms)
{
  g_return_if_fail (PROV_IS_SYNC (self));

  self->backoff_base_ms = base_ms;
  self->backoff_max_ms = MAX (base_ms, max_ms);
}

static void
prov_sync_finalize (GObject *object)
{
  ProvSync *self = PROV_SYNC (object);

  g_clear_object (&self->store);
  g_clear_object (&self->client);
  g_free (self->dealer_code);
  g_rand_free (self->rand);

  G_OBJECT_CLASS (prov_sync_parent_class)->finalize (object);
}

static void
prov_sync_class_init (ProvSyncClass *klass)
{
  /* An order's state changed: the carrier received, moved, completed or
   * refused it. Emitted after the change is stored. */
  signals[ORDER_CHANGED] = g_signal_new ("order-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, PROV_TYPE_ORDER);

  G_OBJECT_CLASS (klass)->finalize = prov_sync_finalize;
}

static void
prov_sync_init (ProvSync *self)
{
  self->backoff_base_ms = 2000;
  self->backoff_max_ms = 5 * 60 * 1000;
  self->rand = g_rand_new ();
}
