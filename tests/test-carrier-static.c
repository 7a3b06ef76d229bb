/* Carriers that follow the spec only as far as it goes, served here on
 * loopback: one that answers every list the same whatever part is asked
 * for (as a mock that serves the spec's examples does), and one whose
 * X-Total-Count is far lower than its list. The order lookup neither reads
 * the same page fifty times nor stops short of a full page. */
#include <string.h>

#include <libsoup/soup.h>

#include "prov-carrier-client.h"
#include "prov-test-util.h"

typedef struct {
  SoupServer *server;
  char       *root;
  guint       gets;
  guint       listed;       /* how many orders the carrier has */
  guint       page_size;    /* its own, whatever limit asks */
  guint       said_total;   /* its X-Total-Count */
  gboolean    same_page;    /* ignores offset and limit */
  const char *ours;         /* the externalId of one of them */
  guint       ours_at;
} Carrier;

static guint
query_uint (GHashTable *query,
            const char *name)
{
  const char *value = query != NULL ? g_hash_table_lookup (query, name) : NULL;

  return value != NULL ? (guint) g_ascii_strtoull (value, NULL, 10) : 0;
}

static void
on_request (SoupServer        *server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  Carrier *carrier = user_data;
  g_autoptr(GString) body = g_string_new ("[");
  g_autofree char *total = g_strdup_printf ("%u", carrier->said_total);
  guint offset = carrier->same_page ? 0 : query_uint (query, "offset");
  guint end = carrier->same_page ? 1 : MIN (carrier->listed, offset + carrier->page_size);

  carrier->gets++;
  for (guint i = offset; i < end; i++)
    {
      if (i > offset)
        g_string_append_c (body, ',');
      if (carrier->same_page)
        /* Only what TMF622 requires of a ProductOrder. */
        g_string_append (body, "{\"productOrderItem\":[{\"id\":\"1\",\"action\":\"add\"}]}");
      else
        g_string_append_printf (body, "{\"id\":\"order-%u\",\"externalId\":\"%s\",\"state\":\"acknowledged\","
                                "\"productOrderItem\":[{\"id\":\"1\",\"action\":\"add\"}]}",
                                i, i == carrier->ours_at ? carrier->ours : "another-till");
    }
  g_string_append_c (body, ']');

  soup_message_headers_replace (soup_server_message_get_response_headers (message), "X-Total-Count", total);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, body->str, body->len);
}

static void
carrier_start (Carrier *carrier)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  carrier->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (carrier->server, "/", on_request, carrier, NULL);
  g_assert_true (soup_server_listen_local (carrier->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (carrier->server);
  carrier->root = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
carrier_stop (Carrier *carrier)
{
  soup_server_disconnect (carrier->server);
  g_clear_object (&carrier->server);
  g_free (carrier->root);
}

static JsonNode *
find_order (Carrier     *carrier,
            const char  *external_id,
            GError     **error)
{
  g_autoptr(ProvCarrierClient) client = prov_carrier_client_new (carrier->root, NULL, 5);
  g_autoptr(GAsyncResult) result = NULL;

  prov_carrier_client_find_order_async (client, external_id, NULL, prov_test_store_result, &result);
  return prov_carrier_client_find_order_finish (client, prov_test_await (&result), NULL, error);
}

/* One order without id or externalId, the same whatever is asked for,
 * and X-Total-Count 0: nothing can prove ours missing, the carrier says so
 * at once, and it is asked no more than twice. */
static void
test_unlabelled_list_stops_at_its_total (void)
{
  Carrier carrier = { .same_page = TRUE, .said_total = 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) found = NULL;

  carrier_start (&carrier);
  found = find_order (&carrier, "5a0e7d1c-0000-4000-8000-000000000001", &error);
  g_assert_null (found);
  g_assert_error (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_UNVERIFIABLE);
  g_assert_nonnull (strstr (error->message, "lists orders without the reference"));
  g_assert_cmpuint (carrier.gets, <=, 2);
  carrier_stop (&carrier);
}

/* 150 orders paged by 50, X-Total-Count 10, ours the 141st: every full
 * page is followed, whatever the header says, and ours is found. */
static void
test_full_pages_read_past_a_low_total (void)
{
  Carrier carrier = { .listed = 150, .page_size = 50, .said_total = 10,
                      .ours = "5a0e7d1c-0000-4000-8000-000000000002", .ours_at = 140 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) found = NULL;

  carrier_start (&carrier);
  found = find_order (&carrier, carrier.ours, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (found), "id"), ==, "order-140");

  /* One that is not there: the whole list is read, to its empty end. */
  carrier.gets = 0;
  g_clear_pointer (&found, json_node_unref);
  found = find_order (&carrier, "5a0e7d1c-0000-4000-8000-000000000003", &error);
  g_assert_null (found);
  g_assert_error (error, PROV_CARRIER_ERROR, PROV_CARRIER_ERROR_NOT_FOUND);
  g_assert_cmpuint (carrier.gets, >=, 4);
  carrier_stop (&carrier);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/carrier-static/unlabelled-list-stops-at-its-total", test_unlabelled_list_stops_at_its_total);
  g_test_add_func ("/carrier-static/full-pages-read-past-a-low-total", test_full_pages_read_past_a_low_total);

  return g_test_run ();
}
