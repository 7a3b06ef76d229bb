#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "prov-carrier-client-private.h"
#include "prov-json-guard.h"

/*
 * Finding the carrier's order for our externalId after an uncertain
 * attempt. TMF622 v4 declares no externalId filter on GET /productOrder,
 * so a carrier may ignore it and list everyone's orders: every element is
 * checked, and the list is paged through (bounded) before the order is
 * taken to be missing. Only an element whose externalId is ours matches;
 * when the carrier's list cannot show that (elements without externalId,
 * more orders than we page through, an offset that is ignored), the answer
 * is PROV_CARRIER_ERROR_UNVERIFIABLE, never "not there": posting again on
 * a guess is how orders are sent twice.
 *
 * A carrier that ignores the filter but says how many orders it has
 * (X-Total-Count) is first asked for its last page: lists are mostly in
 * the order orders arrived, and ours is recent. Only when it is not there
 * is the whole list read from the start.
 */

#define PAGE_SIZE 200
#define MAX_PAGES 50
/* A long scan must not start over for one lost page. */
#define PAGE_TRIES 4
#define PAGE_RETRY_MS 100

typedef enum {
  PAGE_FIRST,    /* also tells whether the filter is honoured */
  PAGE_NEWEST,
  PAGE_FORWARD,
} PageKind;

typedef struct {
  char       *external_id;
  PageKind    kind;
  guint       offset;          /* of the next page read from the start */
  guint       page_size;       /* the carrier's, once known */
  guint       pages;
  gboolean    limit_ignored;   /* a page longer than asked for */
  gboolean    unlabelled;      /* an element without an externalId */
  guint       retry_after_s;
  guint       page_tries;
  GHashTable *seen_ids;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_free (lookup->external_id);
  g_hash_table_unref (lookup->seen_ids);
  g_free (lookup);
}

static void request_page (GTask *task);

static gboolean
on_page_retry_due (gpointer user_data)
{
  request_page (user_data);
  return G_SOURCE_REMOVE;
}

/* Whether the page is asked for again, after a short pause. A carrier
 * that asks us to slow down is not waited for here: the order is tried
 * again later, and others go meanwhile. */
static gboolean
retry_page (GTask        *task,
            const GError *error)
{
  Lookup *lookup = g_task_get_task_data (task);

  if (++lookup->page_tries >= PAGE_TRIES ||
      !g_error_matches (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNCERTAIN))
    return FALSE;

  g_timeout_add (PAGE_RETRY_MS << lookup->page_tries, on_page_retry_due, task);
  return TRUE;
}

static void
return_missing (GTask  *task,
                Lookup *lookup)
{
  if (lookup->unlabelled)
    g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNVERIFIABLE,
                             _("The carrier lists orders without the reference Provisioner gave them, so it cannot "
                               "tell whether the carrier received this order. Check with the carrier before "
                               "sending it again."));
  else
    g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_NOT_FOUND,
                             _("The carrier has no record of it"));
}

/* Looks for ours on a page; counts the ids not seen before. */
static JsonNode *
find_on_page (Lookup    *lookup,
              JsonArray *list,
              guint     *unseen)
{
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *order = prov_json_array_get_object (list, i);
      const char *external_id = prov_json_object_get_string (order, "externalId");
      const char *id = prov_json_object_get_string (order, "id");

      /* Elements without an id cannot be told apart: each counts as new. */
      if (id == NULL || g_hash_table_add (lookup->seen_ids, g_strdup (id)))
        (*unseen)++;

      if (external_id == NULL)
        lookup->unlabelled = TRUE;
      else if (g_str_equal (external_id, lookup->external_id))
        return json_node_copy (json_array_get_element (list, i));
    }

  return NULL;
}

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Lookup *lookup = g_task_get_task_data (task);
  g_autoptr(JsonNode) page = NULL;
  g_autoptr(JsonNode) found = NULL;
  g_autoptr(GError) error = NULL;
  guint total = G_MAXUINT;
  guint length;
  guint unseen = 0;

  page = _prov_carrier_client_send_finish (PROV_CARRIER_CLIENT (source), result, &lookup->retry_after_s, &total, &error);
  if (page == NULL)
    {
      if (retry_page (task, error))
        g_steal_pointer (&task);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  lookup->page_tries = 0;
  lookup->pages++;

  length = json_array_get_length (json_node_get_array (page));
  found = find_on_page (lookup, json_node_get_array (page), &unseen);
  if (found != NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&found), (GDestroyNotify) json_node_unref);
      return;
    }

  switch (lookup->kind)
    {
    case PAGE_FIRST:
      lookup->page_size = length;
      lookup->limit_ignored = length > PAGE_SIZE;
      lookup->offset = length;
      /* Nothing there, or the filter is honoured and ours is not among
       * the matches. */
      if (length == 0 || lookup->limit_ignored)
        {
          return_missing (task, lookup);
          return;
        }
      if (total != G_MAXUINT && total > length)
        {
          lookup->kind = PAGE_NEWEST;
          lookup->offset = MAX (length, total - length);
          request_page (g_steal_pointer (&task));
          return;
        }
      break;

    case PAGE_NEWEST:
      /* Read again from the start: its ids must count as unseen then. */
      g_hash_table_remove_all (lookup->seen_ids);
      lookup->kind = PAGE_FORWARD;
      lookup->offset = 0;
      request_page (g_steal_pointer (&task));
      return;

    case PAGE_FORWARD:
    default:
      lookup->offset += length;
      if (length == 0)
        {
          return_missing (task, lookup);
          return;
        }
      break;
    }

  /* The end of the list, as far as it can be known: an empty page, or a
   * short one where X-Total-Count agrees. The header is optional and may
   * be stale, so on its own it never proves the order missing: a full
   * page is followed by the next. But once an order without our
   * reference has been seen, nothing can prove ours missing, and reading
   * past what the carrier says it has only repeats itself. */
  if (total != G_MAXUINT && lookup->offset >= total && (length < lookup->page_size || lookup->unlabelled))
    return_missing (task, lookup);
  else if (unseen == 0)
    g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNVERIFIABLE,
                             _("The carrier lists the same orders whatever part of the list is asked for, so it "
                               "cannot tell whether the carrier received this order. Check with the carrier before "
                               "sending it again."));
  else if (lookup->pages >= MAX_PAGES)
    g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNVERIFIABLE,
                             _("The carrier does not search its orders by the reference Provisioner gave them, and "
                               "it has more than %u orders to look through. Check with the carrier before sending "
                               "this order again."),
                             lookup->offset);
  else
    {
      lookup->kind = PAGE_FORWARD;
      request_page (g_steal_pointer (&task));
    }
}

static void
request_page (GTask *task)
{
  Lookup *lookup = g_task_get_task_data (task);
  g_autofree char *escaped = g_uri_escape_string (lookup->external_id, NULL, FALSE);
  g_autofree char *resource = NULL;

  /* The filter stays in the query: a carrier that honours it answers at
   * once, with an empty list when it does not have the order. */
  resource = g_strdup_printf ("productOrder?externalId=%s&offset=%u&limit=%u", escaped, lookup->offset,
                              lookup->kind == PAGE_FIRST ? PAGE_SIZE : MAX (lookup->page_size, 1));
  _prov_carrier_client_send_async (g_task_get_source_object (task), PROV_TMF622_API, SOUP_METHOD_GET, resource,
                                   NULL, PROV_CARRIER_ANSWER_LIST, g_task_get_cancellable (task), on_page, task,
                                   prov_carrier_client_find_order_async);
}

/* The carrier's order whose externalId is @external_id, or
 * PROV_CARRIER_ERROR_NOT_FOUND when the carrier's whole list shows it
 * never arrived. */
void
prov_carrier_client_find_order_async (ProvCarrierClient   *self,
                                      const char          *external_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;
  Lookup *lookup;

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (external_id != NULL);

  lookup = g_new0 (Lookup, 1);
  lookup->external_id = g_strdup (external_id);
  lookup->seen_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, prov_carrier_client_find_order_async);
  g_task_set_task_data (task, lookup, (GDestroyNotify) lookup_free);
  request_page (task);
}

JsonNode *
prov_carrier_client_find_order_finish (ProvCarrierClient  *self,
                                       GAsyncResult       *result,
                                       guint              *retry_after_s,
                                       GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (retry_after_s != NULL)
    *retry_after_s = ((Lookup *) g_task_get_task_data (G_TASK (result)))->retry_after_s;

  return g_task_propagate_pointer (G_TASK (result), error);
}
