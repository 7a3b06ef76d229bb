#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "prov-carrier-client-private.h"
#include "prov-json-guard.h"

/*
 * TMF637: the products a customer has at the carrier (users, extensions),
 * which decide what a new order may take. TMF637 v4 declares no filter on
 * GET /product besides fields, offset and limit, so a carrier may ignore
 * relatedParty.id and list everyone's products, by a page size of its own:
 * every element is checked for the customer among its related parties,
 * and the whole list is read, bounded. A list longer than the bound is an
 * error rather than a partial answer: a missing extension would be handed
 * out twice.
 */

#define PAGE_SIZE 100
#define MAX_PAGES 50

typedef struct {
  char      *customer_id;
  guint      offset;
  guint      pages;
  JsonArray *products;
} Listing;

static void
listing_free (Listing *listing)
{
  g_free (listing->customer_id);
  json_array_unref (listing->products);
  g_free (listing);
}

static gboolean
belongs_to (JsonObject *product,
            const char *customer_id)
{
  JsonArray *parties = prov_json_object_get_array (product, "relatedParty");

  for (guint i = 0; parties != NULL && i < json_array_get_length (parties); i++)
    if (g_strcmp0 (prov_json_object_get_string (prov_json_array_get_object (parties, i), "id"), customer_id) == 0)
      return TRUE;

  return FALSE;
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
  g_autoptr(JsonNode) page = prov_carrier_client_send_finish (PROV_CARRIER_CLIENT (source), result, NULL, &total, &error);
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
      JsonObject *product = prov_json_array_get_object (elements, i);

      if (product != NULL && prov_json_object_get_string (product, "id") != NULL &&
          belongs_to (product, listing->customer_id))
        json_array_add_element (listing->products, json_node_copy (json_array_get_element (elements, i)));
    }

  listing->offset += length;
  if (length == 0 || (total != G_MAXUINT && listing->offset >= total))
    {
      JsonNode *products = json_node_new (JSON_NODE_ARRAY);

      json_node_set_array (products, listing->products);
      g_task_return_pointer (task, products, (GDestroyNotify) json_node_unref);
      return;
    }

  if (++listing->pages >= MAX_PAGES)
    {
      g_task_return_new_error (task, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNVERIFIABLE,
                               _("The carrier lists more products than the till reads (%u pages): "
                                 "the customer's products could not be read"),
                               MAX_PAGES);
      return;
    }

  request_page (g_steal_pointer (&task));
}

static void
request_page (GTask *task)
{
  Listing *listing = g_task_get_task_data (task);
  g_autofree char *escaped = g_uri_escape_string (listing->customer_id, NULL, FALSE);
  g_autofree char *resource = g_strdup_printf ("product?relatedParty.id=%s&offset=%u&limit=%u",
                                               escaped, listing->offset, PAGE_SIZE);

  prov_carrier_client_send_async (g_task_get_source_object (task), PROV_TMF637_API, SOUP_METHOD_GET, resource, NULL,
                                  PROV_CARRIER_ANSWER_LIST, g_task_get_cancellable (task), on_page, task,
                                  prov_carrier_client_list_products_async);
}

/* The products of the carrier's customer @customer_id: an array of TMF637
 * Product objects, each with an id and that customer among its parties. */
void
prov_carrier_client_list_products_async (ProvCarrierClient   *self,
                                         const char          *customer_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  GTask *task;
  Listing *listing;

  g_return_if_fail (PROV_IS_CARRIER_CLIENT (self));
  g_return_if_fail (customer_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, prov_carrier_client_list_products_async);
  listing = g_new0 (Listing, 1);
  listing->customer_id = g_strdup (customer_id);
  listing->products = json_array_new ();
  g_task_set_task_data (task, listing, (GDestroyNotify) listing_free);

  request_page (task);
}

JsonNode *
prov_carrier_client_list_products_finish (ProvCarrierClient  *self,
                                          GAsyncResult       *result,
                                          GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
