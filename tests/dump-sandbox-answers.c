/* Prints, one JSON body a line, what the sandbox answers once its demo
 * enterprise customer's lines have been changed in every way a line can
 * change: "products" prints the customer's TMF637 products, "orders" the
 * TMF622 orders that changed them. validate-tmf-payloads.py checks each
 * against the official definition. */
#include <string.h>

#include "prov-test-sandbox.h"
#include "sandbox-line-requests.h"

static void
print_json (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  g_print ("%s\n", text);
}

int
main (int   argc,
      char *argv[])
{
  const char *changes[][3] = {
    { "modify", "\"id\":\"" ENTERPRISE_LINE (1) "\",\"status\":\"suspended\"", "" },
    { "modify", "\"id\":\"" ENTERPRISE_LINE (4) "\",\"status\":\"active\"", "" },
    { "modify", "\"id\":\"" ENTERPRISE_LINE (2) "\",\"relatedParty\":[{\"id\":\"employee-new\",\"name\":\"New Employee\","
                "\"role\":\"User\",\"@referredType\":\"Individual\"}]",
      ",\"productOffering\":{\"id\":\"plan-corporate-stipend\",\"name\":\"Corporate stipend\"}" },
    { "add", "\"productRelationship\":[{\"relationshipType\":\"reliesOn\",\"product\":{\"id\":\"" ENTERPRISE_LINE (3) "\"}}]",
      ",\"productOffering\":{\"id\":\"accessory-rugged-case\",\"name\":\"Rugged case\"}" },
    { "delete", "\"id\":\"" ENTERPRISE_LINE (5) "\"", "" },
    { "modify", "\"id\":\"" ENTERPRISE_LINE (8) "\",\"status\":\"active\"", "" },
    /* Refused: ended 45 days ago. */
    { "modify", "\"id\":\"" ENTERPRISE_LINE (9) "\",\"status\":\"active\"", "" },
  };
  gboolean products = argc > 1 && g_str_equal (argv[1], "products");
  Sandbox sandbox = { 0 };
  g_autoptr(GPtrArray) orders = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  sandbox_start (&sandbox, "--acknowledged-delay=0", "--in-progress-delay=0", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autofree char *external_id = g_strdup_printf ("change-%u", i);
      g_autofree char *json = line_request_json (external_id, changes[i][0], changes[i][1], changes[i][2]);
      g_autofree char *uri = g_strconcat (sandbox.base, "productOrder", NULL);
      g_autoptr(SoupMessage) message = soup_message_new ("POST", uri);
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
      g_autoptr(GBytes) answer = NULL;
      g_autoptr(JsonNode) created = NULL;
      g_autofree char *path = NULL;

      soup_message_set_request_body_from_bytes (message, "application/json", body);
      answer = soup_session_send_and_read (sandbox.session, message, NULL, NULL);
      g_assert_nonnull (answer);
      created = json_from_string (g_bytes_get_data (answer, NULL), NULL);
      g_assert_nonnull (created);
      g_ptr_array_add (orders, json_node_ref (created));
      path = g_strconcat ("tmf-api/productOrderingManagement/v4/productOrder/",
                          json_object_get_string_member (json_node_get_object (created), "id"), NULL);
      g_ptr_array_add (orders, sandbox_get_json (&sandbox, path));
    }

  if (products)
    {
      g_autoptr(JsonNode) list = sandbox_get_json (&sandbox, "tmf-api/productInventory/v4/product?relatedParty.id="
                                                   ENTERPRISE_CUSTOMER);
      JsonArray *array = json_node_get_array (list);

      for (guint i = 0; i < json_array_get_length (array); i++)
        print_json (json_array_get_element (array, i));
    }
  else
    for (guint i = 0; i < orders->len; i++)
      print_json (g_ptr_array_index (orders, i));

  sandbox_remove (&sandbox);
  return 0;
}
