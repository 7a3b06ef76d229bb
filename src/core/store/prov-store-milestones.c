#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "prov-line-request.h"
#include "prov-order-field.h"
#include "prov-store-private.h"
#include "prov-tmf681.h"

/*
 * Flow 5's milestones by e-mail: when a request is placed, approved,
 * declined, sent back with a question or completed, its customer's contact
 * gets an e-mail through the carrier (TMF681). It is queued in the very
 * transaction that records the change, under an id made from the change's
 * timeline event: never lost, never queued twice, sent once by the
 * outbox's sender like every other e-mail.
 */

typedef enum {
  MILESTONE_NONE,
  MILESTONE_PLACED,
  MILESTONE_APPROVED,
  MILESTONE_DECLINED,
  MILESTONE_ASKED,
  MILESTONE_COMPLETED,
} Milestone;

static Milestone
milestone_of (ProvOrderState from,
              ProvOrderState to)
{
  if (to == PROV_ORDER_STATE_AWAITING_APPROVAL)
    return MILESTONE_PLACED;
  if (from == PROV_ORDER_STATE_AWAITING_APPROVAL &&
      (to == PROV_ORDER_STATE_QUEUED || to == PROV_ORDER_STATE_COMPLETED))
    return MILESTONE_APPROVED;
  if (to == PROV_ORDER_STATE_DECLINED)
    return MILESTONE_DECLINED;
  if (to == PROV_ORDER_STATE_INFO_REQUESTED)
    return MILESTONE_ASKED;
  if (to == PROV_ORDER_STATE_COMPLETED)
    return MILESTONE_COMPLETED;
  return MILESTONE_NONE;
}

/* The e-mail's id at the carrier: the same for the same event, whatever
 * tries to queue it. */
static char *
dup_message_uuid (const char    *order_uuid,
                  sqlite3_int64  event_id)
{
  g_autofree char *seed = g_strdup_printf ("%s/milestone/%" G_GINT64_FORMAT, order_uuid, (gint64) event_id);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);

  /* Shaped as a version 5 UUID, as TMF681 ids usually are. */
  return g_strdup_printf ("%.8s-%.4s-5%.3s-8%.3s-%.12s", sha, sha + 8, sha + 13, sha + 17, sha + 20);
}

static char *
dup_subject (Milestone   milestone,
             const char *request,
             const char *line)
{
  switch (milestone)
    {
    case MILESTONE_PLACED:
      /* Translators: an e-mail's subject; the request and its line */
      return g_strdup_printf (_("%s, %s: waiting for approval"), request, line);
    case MILESTONE_APPROVED:
      /* Translators: an e-mail's subject; the request and its line */
      return g_strdup_printf (_("%s, %s: approved"), request, line);
    case MILESTONE_DECLINED:
      /* Translators: an e-mail's subject; the request and its line */
      return g_strdup_printf (_("%s, %s: declined"), request, line);
    case MILESTONE_ASKED:
      /* Translators: an e-mail's subject; the request and its line */
      return g_strdup_printf (_("%s, %s: a question"), request, line);
    case MILESTONE_COMPLETED:
    case MILESTONE_NONE:
    default:
      /* Translators: an e-mail's subject; the request and its line */
      return g_strdup_printf (_("%s, %s: done"), request, line);
    }
}

static char *
dup_body (Milestone   milestone,
          const char *customer,
          const char *request,
          const char *line,
          const char *who,
          const char *reason)
{
  GString *body = g_string_new (NULL);

  /* Translators: an e-mail's greeting; the customer */
  g_string_append_printf (body, _("Dear %s,"), customer);
  g_string_append (body, "\n\n");
  switch (milestone)
    {
    case MILESTONE_PLACED:
      /* Translators: the request, its line, who placed it */
      g_string_append_printf (body, _("the request “%s” for the line %s was placed by %s. It goes to the carrier once a "
                                      "manager approves it."), request, line, who);
      break;
    case MILESTONE_APPROVED:
      /* Translators: the request, its line, who approved it */
      g_string_append_printf (body, _("the request “%s” for the line %s was approved by %s."), request, line, who);
      break;
    case MILESTONE_DECLINED:
      /* Translators: the request, its line, who declined it, and why */
      g_string_append_printf (body, _("the request “%s” for the line %s was declined by %s: %s"), request, line, who,
                              reason != NULL ? reason : "");
      break;
    case MILESTONE_ASKED:
      /* Translators: the request, its line, who asks, and the question */
      g_string_append_printf (body, _("before the request “%s” for the line %s can be approved, %s asks: %s"), request,
                              line, who, reason != NULL ? reason : "");
      break;
    case MILESTONE_COMPLETED:
    case MILESTONE_NONE:
    default:
      /* Translators: the request and its line */
      g_string_append_printf (body, _("the request “%s” for the line %s is done."), request, line);
      break;
    }
  g_string_append (body, "\n");

  return g_string_free (body, FALSE);
}

static gboolean
worker_is_line_request (StoreWorker   *worker,
                        sqlite3_int64  order_id)
{
  sqlite3_stmt *statement = _prov_store_worker_prepare (worker, "SELECT kind FROM orders WHERE id = ?", NULL);
  gboolean is_request;

  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, order_id);
  is_request = sqlite3_step (statement) == SQLITE_ROW && sqlite3_column_int (statement, 0) == PROV_ORDER_KIND_LINE_LIFECYCLE;
  _prov_store_statement_done (statement);

  return is_request;
}

/* Queues the e-mail of the change from @from to @to of the order
 * @order_id (@payload its fields), recorded as the timeline event
 * @event_id, when it is a milestone of a request with a contact to tell.
 * Runs inside the change's transaction. */
gboolean
_prov_store_worker_queue_milestone (StoreWorker     *worker,
                                    sqlite3_int64    order_id,
                                    const char      *order_uuid,
                                    const char      *payload,
                                    sqlite3_int64    event_id,
                                    ProvOrderState   from,
                                    ProvOrderState   to,
                                    const char      *who,
                                    const char      *reason,
                                    gint64           at,
                                    GError         **error)
{
  Milestone milestone = milestone_of (from, to);
  g_autoptr(ProvOrder) parsed = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) message = NULL;
  const ProvLineRequest *request;
  const char *to_email;
  const char *customer;
  const char *line;
  sqlite3_stmt *statement;

  if (milestone == MILESTONE_NONE || payload == NULL || !worker_is_line_request (worker, order_id))
    return TRUE;

  parsed = prov_order_new_from_row (order_uuid, PROV_ORDER_KIND_LINE_LIFECYCLE, PROV_ORDER_STATE_DRAFT,
                                    NULL, NULL, 0, 0, NULL);
  if (!prov_order_load_payload_json (parsed, payload, error) ||
      !_prov_store_worker_read_lines (worker, order_id, parsed, error))
    return FALSE;

  request = prov_line_request_for_order (parsed);
  to_email = prov_order_get_field (parsed, PROV_ORDER_FIELD_CUSTOMER_EMAIL);
  if (request == NULL || to_email == NULL)
    return TRUE;

  customer = prov_order_get_field (parsed, PROV_ORDER_FIELD_CUSTOMER_NAME);
  line = prov_order_get_field (parsed, PROV_ORDER_FIELD_REQUEST_LINE_NUMBER);
  if (line == NULL)
    line = _("a new line");
  uuid = dup_message_uuid (order_uuid, event_id);
  subject = dup_subject (milestone, prov_line_request_get_title (request), line);
  text = dup_body (milestone, customer != NULL ? customer : to_email, prov_line_request_get_title (request), line,
                   who, reason);
  {
    const ProvEmail email = {
      .external_id = uuid,
      .to_email = to_email,
      .to_name = customer,
      .from_email = "orders@provisioner.example",
      .subject = subject,
      .body = text,
    };

    message = prov_tmf681_build_email (&email);
  }
  body = json_to_string (message, FALSE);

  statement = _prov_store_worker_prepare (worker,
                                          "INSERT OR IGNORE INTO messages (uuid, order_id, body, state, next_attempt_at, created_at) "
                                          "VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                                          error);
  if (statement == NULL)
    return FALSE;
  _prov_store_bind_text (statement, 1, uuid);
  sqlite3_bind_int64 (statement, 2, order_id);
  _prov_store_bind_text (statement, 3, body);
  sqlite3_bind_int (statement, 4, PROV_MESSAGE_QUEUED);
  sqlite3_bind_int64 (statement, 5, at);
  g_debug ("E-mail %s to %s queued: %s", uuid, to_email, subject);

  return _prov_store_worker_run (worker, statement, error);
}
