#include <string.h>

#include <libsoup/soup.h>

#include "prov-carrier-client-private.h"
#include "prov-json-guard.h"

/*
 * Reading a whole TMF list whose filters the spec does not declare: the
 * carrier may ignore them and list everything, by a page size of its own.
 * Every page is read in turn, bounded, and each element the caller's
 * @keep accepts is kept. A list longer than the bound is an error, never a
 * partial answer.
 *
 * X-Total-Count is optional and may be stale, so it never ends a list on
 * its own: a full page (as long as the longest page so far) means there
 * may be more, and the next page is read. Only an empty page, or a short
 * one where the header agrees, ends it. Callers decide on the whole list
 * whether something is absent; a header lower than the list must not make
 * them create it again.
 */

#define PAGE_SIZE 100

typedef struct {
  const char          *api;
  char                *resource;     /* with its query, without offset and limit */
  ProvCarrierListKeep  keep;
  gpointer             keep_data;
  GDestroyNotify       free_keep_data;
  char                *too_long;
  guint                offset;
  guint                pages;
  guint                longest_page;
  guint                unknown;
  gboolean             total_contradicted;
  JsonArray           *kept;
} Listing;

static void
listing_free (Listing *listing)
{
  g_free (listing->resource);
  g_free (listing->too_long);
  if (listing->free_keep_data != NULL)
    listing->free_keep_data (listing->keep_data);
  json_array_unref (listing->kept);
  g_free (listing);
}

static void request_page (GTask *task);

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Listing *listing = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  guint total = G_MAXUINT;
  g_autoptr(JsonNode) page = _prov_carrier_client_send_finish (PROV_CARRIER_CLIENT (source), result, NULL, &total, &error);
  JsonArray *elements;
  guint length;

  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  elements = json_node_get_array (page);
  length = json_array_get_length (elements);
  for (guint i = 0; i < length; i++)
    {
      JsonObject *element = prov_json_array_get_object (elements, i);

      switch (element != NULL ? listing->keep (element, listing->keep_data) : PROV_CARRIER_LIST_UNKNOWN)
        {
        case PROV_CARRIER_LIST_KEEP:
          json_array_add_element (listing->kept, json_node_copy (json_array_get_element (elements, i)));
          break;
        case PROV_CARRIER_LIST_UNKNOWN:
          listing->unknown++;
          break;
        case PROV_CARRIER_LIST_SKIP:
        default:
          break;
        }
    }

  if (length > 0 && total != G_MAXUINT && listing->offset >= total && !listing->total_contradicted)
    {
      listing->total_contradicted = TRUE;
      g_message ("The carrier's %s%s lists more than its X-Total-Count of %u; every page is read",
                 listing->api, listing->resource, total);
    }

  listing->offset += length;
  listing->longest_page = MAX (listing->longest_page, length);
  if (length == 0 || (length < listing->longest_page && total != G_MAXUINT && listing->offset >= total))
    {
      g_task_return_pointer (task, json_array_ref (listing->kept), (GDestroyNotify) json_array_unref);
      return;
    }

  if (++listing->pages >= PROV_CARRIER_LIST_MAX_PAGES)
    {
      g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNVERIFIABLE, "%s", listing->too_long);
      return;
    }

  request_page (g_steal_pointer (&task));
}

static void
request_page (GTask *task)
{
  Listing *listing = g_task_get_task_data (task);
  g_autofree char *resource = g_strdup_printf ("%s%soffset=%u&limit=%u", listing->resource,
                                               strchr (listing->resource, '?') != NULL ? "&" : "?",
                                               listing->offset, PAGE_SIZE);

  _prov_carrier_client_send_async (g_task_get_source_object (task), listing->api, SOUP_METHOD_GET, resource, NULL,
                                   PROV_CARRIER_ANSWER_LIST, g_task_get_cancellable (task), on_page, task,
                                   _prov_carrier_client_read_list_async);
}

/* Every element of the list at @api/@resource that @keep accepts, as a
 * JsonArray; @too_long is the error's message when the list runs over
 * PROV_CARRIER_LIST_MAX_PAGES pages. The read keeps @keep_data, freed with
 * @free_keep_data, for @keep and for the finish of the public operation it
 * is, whose @source_tag it carries. The finish function also says how many
 * elements @keep could not tell. */
void
_prov_carrier_client_read_list_async (ProvCarrierClient   *self,
                                      const char          *api,
                                      const char          *resource,
                                      ProvCarrierListKeep  keep,
                                      gpointer             keep_data,
                                      GDestroyNotify       free_keep_data,
                                      const char          *too_long,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data,
                                      gpointer             source_tag)
{
  GTask *task;
  Listing *listing;

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (keep != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  listing = g_new0 (Listing, 1);
  listing->api = api;
  listing->resource = g_strdup (resource);
  listing->keep = keep;
  listing->keep_data = keep_data;
  listing->free_keep_data = free_keep_data;
  listing->too_long = g_strdup (too_long);
  listing->kept = json_array_new ();
  g_task_set_task_data (task, listing, (GDestroyNotify) listing_free);

  request_page (task);
}

JsonArray *
_prov_carrier_client_read_list_finish (ProvCarrierClient  *self,
                                       GAsyncResult       *result,
                                       gpointer            source_tag,
                                       guint              *n_unknown,
                                       GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  if (n_unknown != NULL)
    *n_unknown = ((Listing *) g_task_get_task_data (G_TASK (result)))->unknown;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The @keep_data the read of @result was given. */
gpointer
_prov_carrier_client_read_list_get_keep_data (GAsyncResult *result)
{
  return ((Listing *) g_task_get_task_data (G_TASK (result)))->keep_data;
}
