/* A customer's lines as the customer view reads them from TMF637: from
 * the sandbox's demo enterprise customer, and from a carrier that sends
 * only what the spec requires. */
#include "prov-product-line.h"

static JsonNode *
enterprise_products (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "src", "sandbox", "demo-products.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *all;
  JsonArray *theirs = json_array_new ();
  JsonNode *node;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  all = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      JsonObject *product = json_array_get_object_element (all, i);
      const char *id = json_object_get_string_member (product, "id");

      if (g_str_has_prefix (id, "demo-line-vanleeuwen") || g_str_has_prefix (id, "demo-accessory-vanleeuwen"))
        {
          /* The demo's relative dates, as the sandbox writes them. */
          if (json_object_has_member (product, "startDate"))
            json_object_set_string_member (product, "startDate", "2025-01-02T09:00:00Z");
          if (json_object_has_member (product, "terminationDate"))
            json_object_set_string_member (product, "terminationDate", "2026-11-27T09:00:00Z");
          json_array_add_element (theirs, json_node_copy (json_array_get_element (all, i)));
        }
    }

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, theirs);
  return node;
}

static void
test_enterprise_lines (void)
{
  g_autoptr(JsonNode) products = enterprise_products ();
  g_autoptr(GPtrArray) lines = prov_product_lines_from_tmf637 (products);
  ProvProductLine *first;
  guint ended = 0;

  /* Nine lines; the accessories are not lines but belong to theirs. */
  g_assert_cmpuint (lines->len, ==, 9);
  first = g_ptr_array_index (lines, 0);
  g_assert_cmpstr (prov_product_line_get_number (first), ==, "+31620031001");
  g_assert_cmpstr (prov_product_line_get_plan (first), ==, "Corporate pooled plan");
  g_assert_cmpstr (prov_product_line_get_employee (first), ==, "Anouk Visser");
  g_assert_cmpstr (prov_product_line_get_device (first), ==, "iPhone 15");
  g_assert_nonnull (prov_product_line_get_imei (first));
  g_assert_nonnull (prov_product_line_get_iccid (first));
  g_assert_cmpuint (prov_product_line_get_accessories (first)->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (prov_product_line_get_accessories (first), 0), ==, "Rugged case");
  g_assert_nonnull (prov_product_line_get_start_date (first));
  g_assert_null (prov_product_line_get_termination_date (first));
  g_assert_true (prov_product_line_matches (first, "anouk"));
  g_assert_true (prov_product_line_matches (first, "620031001"));
  g_assert_false (prov_product_line_matches (first, "Bram"));

  /* Ended lines come last, with their end date. */
  for (guint i = 0; i < lines->len; i++)
    {
      ProvProductLine *line = g_ptr_array_index (lines, i);

      if (g_strcmp0 (prov_product_line_get_status (line), "terminated") == 0)
        {
          ended++;
          g_assert_cmpuint (i, >=, lines->len - 2);
          g_assert_nonnull (prov_product_line_get_termination_date (line));
        }
    }
  g_assert_cmpuint (ended, ==, 2);
  g_assert_cmpstr (prov_product_status_get_title ("suspended"), ==, "Suspended");
  g_assert_cmpstr (prov_product_status_get_title ("aborted "), ==, "Aborted");
}

/* Only the id is promised: a product with a number and nothing else is a
 * line that says little; one without a number is not a line; one
 * without an id is left out. */
static void
test_required_members_only (void)
{
  g_autoptr(JsonNode) products = json_from_string ("[{\"id\":\"a\",\"realizingResource\":[{\"id\":\"+31620000001\","
                                                   "\"@referredType\":\"MSISDN\"}]},{\"id\":\"b\"},"
                                                   "{\"productCharacteristic\":[{\"name\":\"MSISDN\",\"value\":\"+31620000002\"}]},"
                                                   "{\"id\":\"c\",\"productRelationship\":[{\"relationshipType\":\"reliesOn\","
                                                   "\"product\":{\"id\":\"a\"}}]}, 5, null]", NULL);
  g_autoptr(GPtrArray) lines = prov_product_lines_from_tmf637 (products);
  ProvProductLine *line;

  g_assert_cmpuint (lines->len, ==, 1);
  line = g_ptr_array_index (lines, 0);
  g_assert_cmpstr (prov_product_line_get_number (line), ==, "+31620000001");
  g_assert_null (prov_product_line_get_plan (line));
  g_assert_null (prov_product_line_get_status (line));
  g_assert_null (prov_product_line_get_employee (line));
  g_assert_cmpuint (prov_product_line_get_accessories (line)->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (prov_product_line_get_accessories (line), 0), ==, "Accessory");
}

/* What the carrier shipped for a line last: its tracking number. */
static void
test_tracking_number (void)
{
  g_autoptr(JsonNode) products = json_from_string ("[{\"id\":\"p-1\",\"status\":\"active\","
                                                   "\"productCharacteristic\":[{\"name\":\"MSISDN\",\"value\":\"+31612000001\"},"
                                                   "{\"name\":\"trackingNumber\",\"value\":\"TRK0000ABCD\"}]},"
                                                   "{\"id\":\"p-2\",\"status\":\"active\",\"productCharacteristic\":"
                                                   "[{\"name\":\"MSISDN\",\"value\":\"+31612000002\"}]}]", NULL);
  g_autoptr(GPtrArray) lines = prov_product_lines_from_tmf637 (products);

  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpstr (prov_product_line_get_tracking (g_ptr_array_index (lines, 0)), ==, "TRK0000ABCD");
  g_assert_null (prov_product_line_get_tracking (g_ptr_array_index (lines, 1)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/product-lines/enterprise", test_enterprise_lines);
  g_test_add_func ("/product-lines/required-members-only", test_required_members_only);
  g_test_add_func ("/product-lines/tracking-number", test_tracking_number);

  return g_test_run ();
}
