/* libFuzzer target: a request body as the sandbox handles it, from bytes
 * to a stored order and back: the guarded parse, the check against the
 * TMF622 definitions, then creating, patching and listing orders. */
#include <stdint.h>

#include "prov-json-guard.h"
#include "prov-sandbox-database.h"
#include "prov-sandbox-orders.h"
#include "prov-sandbox-schema.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define BASE "http://127.0.0.1/tmf-api/productOrderingManagement/v4/"

static sqlite3 *db;
static ProvSandboxOrders *orders;
static ProvSandboxSchema *schema;
static char *patched_id;
static guint runs;

static void
set_up (void)
{
  ProvSandboxDelays delays = { 0, 0 };
  g_autoptr(JsonNode) order = json_from_string ("{\"externalId\":\"fuzz\",\"productOrderItem\":[{\"id\":\"1\","
                                                "\"action\":\"add\",\"product\":{\"productCharacteristic\":"
                                                "[{\"name\":\"ICCID\",\"value\":\"8931440400000000008\"}]}}]}", NULL);
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(GError) error = NULL;

  db = prov_sandbox_database_open (":memory:", &error);
  g_assert_no_error (error);
  orders = prov_sandbox_orders_new (db, &delays);
  schema = prov_sandbox_schema_new ("/com/example/Provisioner/sandbox/specs/TMF622-ProductOrder-v4.0.0.swagger.json",
                                    &error);
  g_assert_no_error (error);

  created = prov_sandbox_orders_create (orders, order, BASE, &error);
  g_assert_no_error (error);
  patched_id = g_strdup (json_object_get_string_member (json_node_get_object (created), "id"));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(GError) error = NULL;
  gboolean patch;
  guint total = 0;

  if (db == NULL)
    set_up ();
  if (size == 0)
    return 0;

  /* The first byte picks POST or PATCH, the rest is the body. */
  patch = data[0] & 1;
  body = prov_json_parse_guarded ((const char *) data + 1, size - 1, PROV_JSON_MAX_DEPTH, NULL);
  if (body == NULL ||
      !prov_sandbox_schema_validate (schema, patch ? "ProductOrder_Update" : "ProductOrder_Create", body, NULL))
    return 0;

  if (patch)
    answer = prov_sandbox_orders_patch (orders, patched_id, body, &error);
  else
    answer = prov_sandbox_orders_create (orders, body, BASE, &error);

  /* What was stored reads back. */
  listed = prov_sandbox_orders_list (orders, NULL, NULL, 0, 20, &total, &error);
  g_assert_nonnull (listed);

  /* A long run must not grow the database without end. */
  if (++runs % 500 == 0)
    sqlite3_exec (db, "DELETE FROM orders WHERE external_id IS NOT 'fuzz'", NULL, NULL, NULL);

  return 0;
}
