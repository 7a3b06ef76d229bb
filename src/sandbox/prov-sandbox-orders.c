#include <string.h>

#include "prov-json-guard.h"
#include "prov-sandbox-database.h"
#include "prov-sandbox-orders.h"
#include "prov-sandbox-products.h"

/*
 * Orders move acknowledged → inProgress → completed as time passes, worked
 * out whenever an order is read. The carrier's rules:
 * - an order whose ICCID another open order holds is rejected, as with a
 *   SIM that is already active;
 * - a port-in whose transfer PIN does not match the donor carrier's record
 *   goes to pending with a note, until a PATCH supplies the right PIN;
 * - a cancellation is accepted until the order is completed;
 * - a modify or delete must name a product of the carrier's that has not
 *   ended, except a restore within the restore window (30 days unless
 *   told otherwise); an accessory must rely on a line that has not ended;
 * - a completed order makes or changes the customer's products (TMF637),
 *   and each item then names its product (product.id).
 */

struct _ProvSandboxOrders
{
  sqlite3           *db;
  ProvSandboxDelays  delays;
  gboolean           other_carrier;
  guint              restore_window_days;
};

/* How another carrier pages its lists, whatever limit it is asked for. */
#define OTHER_CARRIER_PAGE 50
#define OTHER_TILLS_ORDERS 300
#define OTHER_CUSTOMERS_PRODUCTS 120

#define OPEN_STATES "('acknowledged', 'inProgress', 'pending', 'held')"

ProvSandboxOrders *
prov_sandbox_orders_new (sqlite3                 *db,
                         const ProvSandboxDelays *delays)
{
  ProvSandboxOrders *orders = g_new0 (ProvSandboxOrders, 1);

  orders->db = db;
  orders->delays = *delays;
  orders->restore_window_days = PROV_SANDBOX_RESTORE_WINDOW_DAYS;

  return orders;
}

/* How long after its end this carrier still restores a line. */
void
prov_sandbox_orders_set_restore_window (ProvSandboxOrders *orders,
                                        guint              days)
{
  orders->restore_window_days = days;
}

void
prov_sandbox_orders_free (ProvSandboxOrders *orders)
{
  g_free (orders);
}

static JsonArray *
first_item_characteristics (JsonObject *order)
{
  JsonArray *items = prov_json_object_get_array (order, "productOrderItem");
  JsonObject *item = items != NULL && json_array_get_length (items) > 0
                     ? prov_json_array_get_object (items, 0) : NULL;
  JsonObject *product = prov_json_object_get_object (item, "product");

  return prov_json_object_get_array (product, "productCharacteristic");
}

static const char *
find_characteristic (JsonObject *order,
                     const char *name)
{
  JsonArray *characteristics = first_item_characteristics (order);

  for (guint i = 0; characteristics != NULL && i < json_array_get_length (characteristics); i++)
    {
      JsonObject *characteristic = prov_json_array_get_object (characteristics, i);

      if (characteristic != NULL &&
          g_strcmp0 (prov_json_object_get_string (characteristic, "name"), name) == 0)
        return prov_json_object_get_string (characteristic, "value");
    }

  return NULL;
}

/* Every line's ICCID, space-joined: how the orders table keeps them. */
static char *
dup_iccids (JsonObject *order)
{
  JsonArray *items = prov_json_object_get_array (order, "productOrderItem");
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *product = prov_json_object_get_object (prov_json_array_get_object (items, i), "product");
      JsonArray *characteristics = prov_json_object_get_array (product, "productCharacteristic");

      for (guint j = 0; characteristics != NULL && j < json_array_get_length (characteristics); j++)
        {
          JsonObject *characteristic = prov_json_array_get_object (characteristics, j);
          const char *value = prov_json_object_get_string (characteristic, "value");

          if (g_strcmp0 (prov_json_object_get_string (characteristic, "name"), "ICCID") == 0 && value != NULL)
            g_string_append_printf (joined, "%s%s", joined->len > 0 ? " " : "", value);
        }
    }

  return joined->len > 0 ? g_string_free (g_steal_pointer (&joined), FALSE) : NULL;
}

static char *
dup_iccids_or_empty (JsonObject *order)
{
  char *iccids = dup_iccids (order);

  return iccids != NULL ? iccids : g_strdup ("");
}

static gboolean
iccid_in_use (ProvSandboxOrders *orders,
              const char        *iccid)
{
  sqlite3_stmt *statement = NULL;
  gboolean in_use;

  sqlite3_prepare_v2 (orders->db,
                      "SELECT 1 FROM orders WHERE (' ' || iccid || ' ') LIKE ('% ' || ? || ' %') "
                      "AND state NOT IN ('rejected', 'cancelled', 'failed')",
                      -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, iccid, -1, SQLITE_TRANSIENT);
  in_use = sqlite3_step (statement) == SQLITE_ROW;
  sqlite3_finalize (statement);

  return in_use;
}

/* NULL when the donor carrier agrees to the port-in, else why not. */
static char *
check_port_in (ProvSandboxOrders *orders,
               JsonObject        *order)
{
  const char *msisdn = find_characteristic (order, "MSISDN");
  const char *pin = find_characteristic (order, "number.transfer-pin");
  sqlite3_stmt *statement = NULL;
  char *problem = NULL;

  if (g_strcmp0 (find_characteristic (order, "number.mode"), "port-in") != 0 || msisdn == NULL)
    return NULL;

  sqlite3_prepare_v2 (orders->db, "SELECT transfer_pin FROM donor_lines WHERE msisdn = ?", -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, msisdn, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW &&
      g_strcmp0 ((const char *) sqlite3_column_text (statement, 0), pin) != 0)
    problem = g_strdup_printf ("The transfer PIN for %s does not match the donor carrier's records. "
                               "Ask the customer for the PIN of their current carrier and supply it.", msisdn);
  sqlite3_finalize (statement);

  return problem;
}

static void
add_note (JsonObject *order,
          const char *text)
{
  g_autofree char *date = prov_sandbox_format_time (g_get_real_time ());
  JsonObject *note = json_object_new ();

  if (!json_object_has_member (order, "note"))
    json_object_set_array_member (order, "note", json_array_new ());

  json_object_set_string_member (note, "author", "carrier");
  json_object_set_string_member (note, "date", date);
  json_object_set_string_member (note, "text", text);
  json_array_add_object_element (json_object_get_array_member (order, "note"), note);
}

/* The order's items move with it: this carrier works on all lines of an
 * order at once. */
static void
set_state (JsonObject *order,
           const char *state)
{
  JsonArray *items = prov_json_object_get_array (order, "productOrderItem");

  json_object_set_string_member (order, "state", state);
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = prov_json_array_get_object (items, i);

      if (item != NULL)
        json_object_set_string_member (item, "state", state);
    }
}

static gboolean
store_order (ProvSandboxOrders  *orders,
             const char         *sql,
             JsonObject         *object,
             const char         *state,
             gint64              state_since,
             GError            **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *body = NULL;
  g_autofree char *iccids = dup_iccids (object);
  sqlite3_stmt *statement = NULL;
  gboolean stored;

  set_state (object, state);
  json_node_set_object (node, object);
  body = json_to_string (node, FALSE);

  sqlite3_prepare_v2 (orders->db, sql, -1, &statement, NULL);
  sqlite3_bind_text (statement, sqlite3_bind_parameter_index (statement, ":id"),
                     json_object_get_string_member (object, "id"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, sqlite3_bind_parameter_index (statement, ":external_id"),
                     prov_json_object_get_string (object, "externalId"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, sqlite3_bind_parameter_index (statement, ":iccid"), iccids, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, sqlite3_bind_parameter_index (statement, ":state"), state, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, sqlite3_bind_parameter_index (statement, ":body"), body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, sqlite3_bind_parameter_index (statement, ":since"), state_since);
  stored = sqlite3_step (statement) == SQLITE_DONE;
  if (!stored)
    prov_sandbox_database_set_error (error, orders->db);
  sqlite3_finalize (statement);

  return stored;
}

/* Why the carrier refuses one of the order's items, or NULL. */
static char *
check_items (ProvSandboxOrders *orders,
             JsonObject        *order,
             gint64             now)
{
  JsonArray *items = prov_json_object_get_array (order, "productOrderItem");

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = prov_json_array_get_object (items, i);
      char *problem = item != NULL ? prov_sandbox_products_check_item (orders->db, item, orders->restore_window_days, now)
                                   : NULL;

      if (problem != NULL)
        return problem;
    }

  return NULL;
}

/* A number taken from the pool for this order leaves the pool for good. */
static void
assign_number (ProvSandboxOrders *orders,
               JsonObject        *order)
{
  const char *msisdn = find_characteristic (order, "MSISDN");
  g_autofree char *owner = g_strconcat ("order:", json_object_get_string_member (order, "id"), NULL);
  sqlite3_stmt *statement = NULL;

  if (msisdn == NULL)
    return;

  sqlite3_prepare_v2 (orders->db, "UPDATE numbers SET reservation_id = ?, reserved_until = NULL WHERE msisdn = ?",
                      -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, owner, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, msisdn, -1, SQLITE_TRANSIENT);
  sqlite3_step (statement);
  sqlite3_finalize (statement);
}

JsonNode *
prov_sandbox_orders_create (ProvSandboxOrders  *orders,
                            JsonNode           *request,
                            const char         *base_url,
                            GError            **error)
{
  g_autoptr(JsonNode) order = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *href = NULL;
  g_autofree char *order_date = NULL;
  g_autofree char *port_in_problem = NULL;
  JsonObject *object;
  g_auto(GStrv) iccids = NULL;
  g_autofree char *joined = NULL;
  const char *state = "acknowledged";
  g_autofree char *item_problem = NULL;
  gint64 now = g_get_real_time ();

  if (!JSON_NODE_HOLDS_OBJECT (request) ||
      !json_object_has_member (json_node_get_object (request), "productOrderItem"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "productOrderItem is required");
      return NULL;
    }

  order = json_node_copy (request);
  object = json_node_get_object (order);
  href = g_strconcat (base_url, "productOrder/", id, NULL);
  order_date = prov_sandbox_format_time (now);
  joined = dup_iccids_or_empty (object);
  iccids = g_strsplit (joined, " ", -1);

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "href", href);
  json_object_set_string_member (object, "orderDate", order_date);

  for (guint i = 0; iccids[i] != NULL && g_str_equal (state, "acknowledged"); i++)
    if (*iccids[i] != '\0' && iccid_in_use (orders, iccids[i]))
      {
        g_autofree char *text = g_strdup_printf ("SIM %s is already active on another order", iccids[i]);

        state = "rejected";
        add_note (object, text);
      }

  if (g_str_equal (state, "acknowledged") && (item_problem = check_items (orders, object, now)) != NULL)
    {
      state = "rejected";
      add_note (object, item_problem);
    }

  if (g_str_equal (state, "rejected"))
    ;
  else if ((port_in_problem = check_port_in (orders, object)) != NULL)
    {
      state = "pending";
      add_note (object, port_in_problem);
    }

  if (!store_order (orders,
                    "INSERT INTO orders (id, external_id, iccid, state, body, created_at, state_since, seq) "
                    "VALUES (:id, :external_id, :iccid, :state, :body, :since, :since, (SELECT count(*) FROM orders))",
                    object, state, now, error))
    return NULL;

  if (!g_str_equal (state, "rejected"))
    assign_number (orders, object);

  return g_steal_pointer (&order);
}

/* Where time has taken an order since it entered its state. */
static const char *
advance_state (ProvSandboxOrders *orders,
               const char        *state,
               gint64            *state_since)
{
  gint64 now = g_get_real_time ();
  gint64 acknowledged_us = (gint64) orders->delays.acknowledged_ms * 1000;
  gint64 in_progress_us = (gint64) orders->delays.in_progress_ms * 1000;

  if (g_str_equal (state, "acknowledged"))
    {
      if (now - *state_since < acknowledged_us)
        return state;
      *state_since += acknowledged_us;
      state = "inProgress";
    }

  if (g_str_equal (state, "inProgress") && now - *state_since >= in_progress_us)
    {
      *state_since += in_progress_us;
      return "completed";
    }

  return state;
}

static JsonNode *
row_to_order (ProvSandboxOrders  *orders,
              sqlite3_stmt       *statement,
              GError            **error)
{
  const char *state = (const char *) sqlite3_column_text (statement, 1);
  gint64 state_since = sqlite3_column_int64 (statement, 3);
  const char *new_state = advance_state (orders, state, &state_since);
  JsonNode *order = prov_sandbox_json_parse ((const char *) sqlite3_column_text (statement, 2), error);

  if (order == NULL)
    return NULL;

  if (g_str_equal (new_state, "completed") && !g_str_equal (state, "completed"))
    prov_sandbox_products_apply_order (orders->db, json_node_get_object (order));
  set_state (json_node_get_object (order), new_state);
  if (!g_str_equal (state, new_state))
    store_order (orders, "UPDATE orders SET state = :state, state_since = :since, body = :body WHERE id = :id",
                 json_node_get_object (order), new_state, state_since, NULL);

  return order;
}

static JsonNode *
load_order (ProvSandboxOrders  *orders,
            const char         *id,
            GError            **error)
{
  sqlite3_stmt *statement = NULL;
  JsonNode *order = NULL;

  sqlite3_prepare_v2 (orders->db, "SELECT id, state, body, state_since FROM orders WHERE id = ?",
                      -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    order = row_to_order (orders, statement, error);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No productOrder with id %s", id);
  sqlite3_finalize (statement);

  return order;
}

JsonNode *
prov_sandbox_orders_get (ProvSandboxOrders  *orders,
                         const char         *id,
                         GError            **error)
{
  return load_order (orders, id, error);
}

/* States change as they are read: bring every open order up to date
 * before a list filters on its state, or the products are listed. */
void
prov_sandbox_orders_advance (ProvSandboxOrders *orders)
{
  sqlite3_stmt *statement = NULL;

  sqlite3_prepare_v2 (orders->db, "SELECT id, state, body, state_since FROM orders WHERE state IN " OPEN_STATES,
                      -1, &statement, NULL);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      JsonNode *order = row_to_order (orders, statement, NULL);

      if (order != NULL)
        json_node_unref (order);
    }
  sqlite3_finalize (statement);
}

/*
 * Behaving like another spec-following carrier, not like this sandbox: it
 * ignores the query filters TMF622 does not declare (externalId, state),
 * pages by its own size whatever limit is asked for, and lists the orders
 * of other tills first. Those orders are added here, once per database.
 */
void
prov_sandbox_orders_behave_as_other_carrier (ProvSandboxOrders *orders)
{
  sqlite3_stmt *statement = NULL;
  guint existing = 0;

  orders->other_carrier = TRUE;
  prov_sandbox_products_seed_others (orders->db, OTHER_CUSTOMERS_PRODUCTS);

  sqlite3_prepare_v2 (orders->db, "SELECT count(*) FROM orders WHERE external_id LIKE 'other-till-seeded-%'",
                      -1, &statement, NULL);
  if (sqlite3_step (statement) == SQLITE_ROW)
    existing = sqlite3_column_int (statement, 0);
  sqlite3_finalize (statement);

  sqlite3_exec (orders->db, "BEGIN", NULL, NULL, NULL);
  for (guint i = existing; i < OTHER_TILLS_ORDERS; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"externalId\":\"other-till-seeded-%u\",\"productOrderItem\":"
                                               "[{\"id\":\"1\",\"action\":\"add\"}]}", i);
      g_autoptr(JsonNode) request = json_from_string (json, NULL);
      g_autoptr(JsonNode) order = prov_sandbox_orders_create (orders, request, "http://127.0.0.1/", NULL);
    }
  sqlite3_exec (orders->db, "COMMIT", NULL, NULL, NULL);
}

JsonNode *
prov_sandbox_orders_list (ProvSandboxOrders  *orders,
                          const char         *external_id,
                          const char         *state,
                          guint               offset,
                          guint               limit,
                          guint              *total,
                          GError            **error)
{
  g_autoptr(JsonArray) list = json_array_new ();
  sqlite3_stmt *statement = NULL;
  JsonNode *node;

  if (orders->other_carrier)
    {
      external_id = NULL;
      state = NULL;
      limit = MIN (limit, OTHER_CARRIER_PAGE);
    }

  if (state != NULL)
    prov_sandbox_orders_advance (orders);

  sqlite3_prepare_v2 (orders->db,
                      "SELECT count(*) FROM orders WHERE (?1 IS NULL OR external_id = ?1) AND (?2 IS NULL OR state = ?2)",
                      -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, external_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, state, -1, SQLITE_TRANSIENT);
  sqlite3_step (statement);
  *total = sqlite3_column_int (statement, 0);
  sqlite3_finalize (statement);

  sqlite3_prepare_v2 (orders->db,
                      "SELECT id, state, body, state_since FROM orders "
                      "WHERE (?1 IS NULL OR external_id = ?1) AND (?2 IS NULL OR state = ?2) "
                      "ORDER BY CASE WHEN ?5 THEN external_id NOT LIKE 'other-till-%' ELSE 0 END, seq "
                      "LIMIT ?3 OFFSET ?4",
                      -1, &statement, NULL);
  sqlite3_bind_text (statement, 1, external_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, state, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (statement, 3, limit);
  sqlite3_bind_int (statement, 4, offset);
  sqlite3_bind_int (statement, 5, orders->other_carrier);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      JsonNode *order = row_to_order (orders, statement, error);

      if (order == NULL)
        {
          sqlite3_finalize (statement);
          return NULL;
        }
      json_array_add_element (list, order);
    }
  sqlite3_finalize (statement);

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, list);
  return node;
}

/* Characteristics in the patch replace those of the same name. */
static void
merge_characteristics (JsonObject *order,
                       JsonObject *patch)
{
  JsonArray *target = first_item_characteristics (order);
  JsonArray *changes = first_item_characteristics (patch);

  for (guint i = 0; target != NULL && changes != NULL && i < json_array_get_length (changes); i++)
    {
      JsonObject *change = prov_json_array_get_object (changes, i);
      const char *name = prov_json_object_get_string (change, "name");
      gboolean replaced = FALSE;

      for (guint j = 0; j < json_array_get_length (target) && !replaced; j++)
        {
          JsonObject *existing = prov_json_array_get_object (target, j);

          if (g_strcmp0 (prov_json_object_get_string (existing, "name"), name) == 0)
            {
              json_object_set_member (existing, "value", json_node_copy (json_object_get_member (change, "value")));
              replaced = TRUE;
            }
        }

      if (!replaced)
        json_array_add_element (target, json_node_copy (json_array_get_element (changes, i)));
    }
}

JsonNode *
prov_sandbox_orders_patch (ProvSandboxOrders  *orders,
                           const char         *id,
                           JsonNode           *patch,
                           GError            **error)
{
  g_autoptr(JsonNode) order = load_order (orders, id, error);
  g_autofree char *problem = NULL;
  g_autofree char *state = NULL;
  const char *new_state;
  JsonObject *object;

  if (order == NULL)
    return NULL;

  object = json_node_get_object (order);
  /* A copy: storing the order replaces the member. */
  state = g_strdup (json_object_get_string_member (object, "state"));
  if (!g_str_equal (state, "pending") && !g_str_equal (state, "acknowledged") && !g_str_equal (state, "held"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "An order in state %s can no longer be changed", state);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (patch) ||
      !json_object_has_member (json_node_get_object (patch), "productOrderItem"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "productOrderItem is required");
      return NULL;
    }

  merge_characteristics (object, json_node_get_object (patch));

  new_state = state;
  if (g_str_equal (state, "pending"))
    {
      problem = check_port_in (orders, object);
      if (problem != NULL)
        add_note (object, problem);
      else
        {
          add_note (object, "The information required was supplied; the order is in progress.");
          new_state = "inProgress";
        }
    }

  if (!store_order (orders, "UPDATE orders SET state = :state, state_since = :since, body = :body WHERE id = :id",
                    object, new_state, g_get_real_time (), error))
    return NULL;

  return g_steal_pointer (&order);
}

JsonNode *
prov_sandbox_orders_cancel (ProvSandboxOrders  *orders,
                            JsonNode           *request,
                            GError            **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (request) ? json_node_get_object (request) : NULL;
  JsonObject *reference = prov_json_object_get_object (object, "productOrder");
  const char *id = reference != NULL ? prov_json_object_get_string (reference, "id") : NULL;
  g_autoptr(JsonNode) order = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *cancel_id = g_uuid_string_random ();
  g_autofree char *now = prov_sandbox_format_time (g_get_real_time ());
  const char *reason;
  const char *state;

  if (id == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "productOrder.id is required");
      return NULL;
    }

  order = load_order (orders, id, error);
  if (order == NULL)
    return NULL;

  state = json_object_get_string_member (json_node_get_object (order), "state");
  if (!g_str_equal (state, "acknowledged") && !g_str_equal (state, "inProgress") &&
      !g_str_equal (state, "pending") && !g_str_equal (state, "held"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "An order in state %s cannot be cancelled", state);
      return NULL;
    }

  reason = prov_json_object_get_string_or (object, "cancellationReason", "no reason given");
  add_note (json_node_get_object (order), reason);
  json_object_set_string_member (json_node_get_object (order), "cancellationDate", now);
  json_object_set_string_member (json_node_get_object (order), "cancellationReason", reason);
  if (!store_order (orders, "UPDATE orders SET state = :state, state_since = :since, body = :body WHERE id = :id",
                    json_node_get_object (order), "cancelled", g_get_real_time (), error))
    return NULL;

  answer = json_node_copy (request);
  json_object_set_string_member (json_node_get_object (answer), "id", cancel_id);
  json_object_set_string_member (json_node_get_object (answer), "state", "done");
  json_object_set_string_member (json_node_get_object (answer), "effectiveCancellationDate", now);

  return g_steal_pointer (&answer);
}
