#include <string.h>

#include <glib/gi18n-lib.h>

#include "prov-id-kind.h"
#include "prov-json-guard.h"
#include "prov-line-request.h"
#include "prov-order-field.h"
#include "prov-rfc3339.h"
#include "prov-tmf622.h"

/*
 * The TMF622 v4 ProductOrder_Create body for an order: one productOrderItem
 * per line. The local uuid goes as externalId, so the carrier can be asked
 * for the order after an uncertain send. What goes where is declared in
 * prov-order-field.c: only fields declared for the carrier are sent, as the
 * order's members, the line's productOffering, or characteristics of the
 * line's product (identifiers also as realizingResource).
 */

#define TILL_CUSTOMER_PREFIX "till-customer:"

/* The name the carrier knows a characteristic by. */
static const char *
carrier_name (const char *key)
{
  const ProvOrderField *field = prov_order_field_lookup (key);

  return field != NULL && field->carrier_name != NULL ? prov_order_field_get_carrier_name (field, key) : key;
}

static void
add_characteristic (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "valueType");
  json_builder_add_string_value (builder, "string");
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, value);
  json_builder_end_object (builder);
}

static void
add_resource (JsonBuilder *builder,
              const char  *value,
              const char  *referred_type)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, value);
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, value);
  json_builder_set_member_name (builder, "@referredType");
  json_builder_add_string_value (builder, referred_type);
  json_builder_end_object (builder);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* A date typed as YYYY-MM-DD starts at local midnight. */
static char *
dup_start_date_time (const char *date)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  if (date == NULL)
    return NULL;

  iso = strlen (date) == 10 ? g_strconcat (date, "T00:00:00", NULL) : g_strdup (date);
  parsed = g_date_time_new_from_iso8601 (iso, local);

  return parsed != NULL ? prov_rfc3339_format (parsed) : NULL;
}

static const char *
resource_type (const ProvOrderField *field)
{
  return field->id_kind == PROV_ID_KIND_ICCID ? "SIMCard" : "MSISDN";
}

/* What a line asks of its product itself: a status (suspend, restore),
 * or the line an accessory relies on. */
static void
add_product_members (JsonBuilder   *builder,
                     ProvOrderLine *line)
{
  const char *status = prov_order_line_get_field (line, PROV_ORDER_FIELD_REQUEST_PRODUCT_STATUS);
  const char *relies_on = prov_order_line_get_field (line, PROV_ORDER_FIELD_REQUEST_RELIES_ON);

  if (status != NULL)
    add_string_member (builder, "status", status);

  if (relies_on != NULL)
    {
      json_builder_set_member_name (builder, "productRelationship");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_string_member (builder, "relationshipType", "reliesOn");
      json_builder_set_member_name (builder, "product");
      json_builder_begin_object (builder);
      add_string_member (builder, "id", relies_on);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
}

/* The line's product: for add, what to create; for modify and delete,
 * the existing product (its id) and what changes. */
static void
add_product (JsonBuilder   *builder,
             ProvOrder     *order,
             ProvOrderLine *line)
{
  g_auto(GStrv) order_keys = prov_order_dup_field_keys (order);
  g_auto(GStrv) keys = prov_order_line_dup_field_keys (line);
  const char *product_ref = prov_order_line_get_product_ref (line);
  gboolean any_resource = FALSE;

  json_builder_set_member_name (builder, "product");
  json_builder_begin_object (builder);
  if (product_ref != NULL)
    add_string_member (builder, "id", product_ref);
  add_product_members (builder, line);

  json_builder_set_member_name (builder, "productCharacteristic");
  json_builder_begin_array (builder);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const ProvOrderField *field = prov_order_field_lookup (keys[i]);

      if (field != NULL && (field->carrier == PROV_FIELD_CARRIER_CHARACTERISTIC ||
                            field->carrier == PROV_FIELD_CARRIER_RESOURCE))
        add_characteristic (builder, prov_order_field_get_carrier_name (field, keys[i]),
                            prov_order_line_get_field (line, keys[i]));
      any_resource |= field != NULL && field->carrier == PROV_FIELD_CARRIER_RESOURCE;
    }
  /* TMF622 has no characteristics on the order itself: what the order
   * says as one (its type) goes with each of its lines. */
  for (guint i = 0; order_keys[i] != NULL; i++)
    {
      const ProvOrderField *field = prov_order_field_lookup (order_keys[i]);

      if (field != NULL && field->carrier == PROV_FIELD_CARRIER_CHARACTERISTIC)
        add_characteristic (builder, prov_order_field_get_carrier_name (field, order_keys[i]),
                            prov_order_get_field (order, order_keys[i]));
    }
  json_builder_end_array (builder);

  if (any_resource)
    {
      json_builder_set_member_name (builder, "realizingResource");
      json_builder_begin_array (builder);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          const ProvOrderField *field = prov_order_field_lookup (keys[i]);

          if (field != NULL && field->carrier == PROV_FIELD_CARRIER_RESOURCE)
            add_resource (builder, prov_order_line_get_field (line, keys[i]), resource_type (field));
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

static void
add_item (JsonBuilder   *builder,
          ProvOrder     *order,
          ProvOrderLine *line)
{
  const char *offering_id = prov_order_line_get_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID);
  ProvLineAction action = prov_order_line_get_action (line);

  json_builder_begin_object (builder);
  add_string_member (builder, "id", prov_order_line_get_id (line));
  add_string_member (builder, "action", prov_line_action_to_id (action));
  json_builder_set_member_name (builder, "quantity");
  json_builder_add_int_value (builder, 1);
  if (offering_id != NULL)
    {
      const char *offering_name = prov_order_line_get_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_NAME);

      json_builder_set_member_name (builder, "productOffering");
      json_builder_begin_object (builder);
      add_string_member (builder, "id", offering_id);
      if (offering_name != NULL)
        add_string_member (builder, "name", offering_name);
      json_builder_end_object (builder);
    }
  add_product (builder, order, line);
  json_builder_end_object (builder);
}

JsonNode *
prov_tmf622_build_order_create (ProvOrder  *order,
                                const char *dealer_code)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *customer_name = prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME);
  const char *customer_id = prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_ID);
  const char *reference = prov_order_get_field (order, PROV_ORDER_FIELD_REFERENCE);
  g_autofree char *start = dup_start_date_time (prov_order_get_field (order, PROV_ORDER_FIELD_STOCKTAKING_START_DATE));

  g_return_val_if_fail (PROV_IS_ORDER (order), NULL);

  json_builder_begin_object (builder);
  add_string_member (builder, "externalId", prov_order_get_uuid (order));
  add_string_member (builder, "category", prov_order_kind_to_id (prov_order_get_kind (order)));
  add_string_member (builder, "@type", "ProductOrder");
  if (start != NULL)
    add_string_member (builder, "requestedStartDate", start);

  if (dealer_code != NULL && *dealer_code != '\0')
    {
      json_builder_set_member_name (builder, "channel");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_string_member (builder, "id", dealer_code);
      add_string_member (builder, "role", "dealer");
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }

  /* Only the carrier's own customer id names the customer: a customer not
   * known at the carrier is no related party of it (yet). */
  if (customer_id != NULL)
    {
      json_builder_set_member_name (builder, "relatedParty");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_string_member (builder, "id", customer_id);
      if (customer_name != NULL)
        add_string_member (builder, "name", customer_name);
      add_string_member (builder, "role", "Customer");
      add_string_member (builder, "@referredType",
                         g_strcmp0 (prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_KIND), "business") == 0 ? "Organization"
                                                                                                   : "Individual");
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }

  if (reference != NULL)
    {
      json_builder_set_member_name (builder, "note");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_string_member (builder, "text", reference);
      add_string_member (builder, "author", prov_order_get_created_by (order));
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "productOrderItem");
  json_builder_begin_array (builder);
  for (guint i = 0; i < prov_order_get_n_lines (order); i++)
    add_item (builder, order, prov_order_get_line (order, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* A ProductOrder_Update that gives one characteristic a new value, e.g.
 * the right transfer PIN for a pending port-in. */
JsonNode *
prov_tmf622_build_order_update (const char *key,
                                const char *value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (key != NULL && value != NULL, NULL);

  json_builder_begin_object (builder);
  add_string_member (builder, "@type", "ProductOrder");
  json_builder_set_member_name (builder, "productOrderItem");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string_member (builder, "id", "1");
  add_string_member (builder, "action", "modify");
  json_builder_set_member_name (builder, "product");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "productCharacteristic");
  json_builder_begin_array (builder);
  add_characteristic (builder, carrier_name (key), value);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
prov_tmf622_build_cancel (const char *carrier_id,
                          const char *reason)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (carrier_id != NULL, NULL);

  json_builder_begin_object (builder);
  add_string_member (builder, "@type", "CancelProductOrder");
  if (reason != NULL && *reason != '\0')
    add_string_member (builder, "cancellationReason", reason);
  json_builder_set_member_name (builder, "productOrder");
  json_builder_begin_object (builder);
  add_string_member (builder, "id", carrier_id);
  add_string_member (builder, "@referredType", "ProductOrder");
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* ------------------------------------------------------------------------ */
/* Reading a ProductOrder_Create back: provisioner-cli order import         */

static const ProvOrderField *
field_for_characteristic (const char *name)
{
  const ProvOrderField *fields;
  guint n_fields;

  fields = prov_order_field_get_all (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    if ((fields[i].carrier == PROV_FIELD_CARRIER_CHARACTERISTIC || fields[i].carrier == PROV_FIELD_CARRIER_RESOURCE) &&
        g_strcmp0 (fields[i].carrier_name, name) == 0)
      return &fields[i];

  return NULL;
}

/* The years a start date may fall in: before, it is a placeholder such as
 * 0001-01-01, which a till would store as "1-01-01" and never send. */
#define START_YEAR_FIRST 2000
#define START_YEAR_LAST  2199

/* A start date sent as local midnight was typed as a date. */
static char *
dup_start_date (const char *date_time)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) parsed = prov_rfc3339_is_valid (date_time) ? g_date_time_new_from_iso8601 (date_time, NULL)
                                                                 : NULL;
  g_autoptr(GDateTime) here = parsed != NULL ? g_date_time_to_timezone (parsed, local) : NULL;

  if (here == NULL || g_date_time_get_year (here) < START_YEAR_FIRST || g_date_time_get_year (here) > START_YEAR_LAST)
    return NULL;
  if (g_date_time_get_hour (here) == 0 && g_date_time_get_minute (here) == 0 && g_date_time_get_second (here) == 0)
    return g_date_time_format (here, "%Y-%m-%d");

  return prov_rfc3339_format (here);
}

/* The longest text an imported order may hold in one field: names,
 * references and characteristics are short; a longer one is a broken
 * file, not a customer. */
#define MAX_TEXT_BYTES 1024

static gboolean
text_fits (const char *value,
           const char *what,
           GPtrArray  *problems)
{
  if (value == NULL || strlen (value) <= MAX_TEXT_BYTES)
    return TRUE;

  g_ptr_array_add (problems, g_strdup_printf (_("%s is %zu bytes long; a field holds at most %d"), what,
                                              strlen (value), MAX_TEXT_BYTES));
  return FALSE;
}

/* Every item is one of its kind: the till neither writes nor reads a
 * quantity other than 1 (TMF622's default). */
static gboolean
quantity_is_one (JsonObject    *item,
                 ProvOrderLine *line,
                 GPtrArray     *problems)
{
  JsonNode *quantity = item != NULL ? json_object_get_member (item, "quantity") : NULL;

  if (quantity == NULL ||
      (JSON_NODE_HOLDS_VALUE (quantity) && json_node_get_value_type (quantity) == G_TYPE_INT64 &&
       json_node_get_int (quantity) == 1))
    return TRUE;

  g_ptr_array_add (problems, g_strdup_printf (_("Line %s: the quantity must be 1, one item for each line"),
                                              prov_order_line_get_id (line)));
  return FALSE;
}

/* What add_product_members wrote: a status the till asks for, and the
 * line an accessory relies on. */
static gboolean
read_product_members (ProvOrderLine *line,
                      JsonObject    *product,
                      GPtrArray     *problems)
{
  const char *status = prov_json_object_get_string (product, "status");
  JsonArray *relationships = prov_json_object_get_array (product, "productRelationship");
  gboolean ok = TRUE;

  if (status != NULL && !g_str_equal (status, "active") && !g_str_equal (status, "suspended"))
    {
      g_ptr_array_add (problems, g_strdup_printf (_("Line %s: a line can be made active or suspended, not “%s”"),
                                                  prov_order_line_get_id (line), status));
      ok = FALSE;
    }
  else
    prov_order_line_set_field (line, PROV_ORDER_FIELD_REQUEST_PRODUCT_STATUS, status);

  for (guint i = 0; relationships != NULL && i < json_array_get_length (relationships); i++)
    {
      JsonObject *relationship = prov_json_array_get_object (relationships, i);
      const char *type = prov_json_object_get_string (relationship, "relationshipType");
      const char *relies_on = prov_json_object_get_string (prov_json_object_get_object (relationship, "product"), "id");

      if (g_strcmp0 (type, "reliesOn") != 0 || relies_on == NULL ||
          prov_order_line_get_field (line, PROV_ORDER_FIELD_REQUEST_RELIES_ON) != NULL)
        {
          g_ptr_array_add (problems, g_strdup_printf (_("Line %s: a product can only name the one line it relies on"),
                                                      prov_order_line_get_id (line)));
          ok = FALSE;
          continue;
        }
      prov_order_line_set_field (line, PROV_ORDER_FIELD_REQUEST_RELIES_ON, relies_on);
    }

  return ok;
}

static gboolean
read_item (ProvOrder      *order,
           ProvOrderLine  *line,
           JsonObject     *item,
           GPtrArray      *problems)
{
  JsonObject *offering = prov_json_object_get_object (item, "productOffering");
  JsonObject *product = prov_json_object_get_object (item, "product");
  JsonArray *characteristics = prov_json_object_get_array (product, "productCharacteristic");
  const char *action_id = prov_json_object_get_string (item, "action");
  ProvLineAction action;
  gboolean ok = TRUE;

  if (!quantity_is_one (item, line, problems))
    return FALSE;

  if (!prov_line_action_from_id (action_id, &action))
    {
      g_ptr_array_add (problems, g_strdup_printf (_("Line %s: “%s” is not an action (add, modify, delete, noChange)"),
                                                  prov_order_line_get_id (line), action_id != NULL ? action_id : ""));
      return FALSE;
    }
  prov_order_line_set_action (line, action);
  prov_order_line_set_product_ref (line, prov_json_object_get_string (product, "id"));
  prov_order_line_set_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, prov_json_object_get_string (offering, "id"));
  prov_order_line_set_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_NAME, prov_json_object_get_string (offering, "name"));

  for (guint i = 0; characteristics != NULL && i < json_array_get_length (characteristics); i++)
    {
      JsonObject *characteristic = prov_json_array_get_object (characteristics, i);
      const char *name = prov_json_object_get_string (characteristic, "name");
      const char *value = prov_json_object_get_string (characteristic, "value");
      const ProvOrderField *field = field_for_characteristic (name);

      if (field == NULL || value == NULL)
        {
          g_ptr_array_add (problems, g_strdup_printf (_("Line %s: the characteristic “%s” is not one Provisioner knows, "
                                                        "or its value is not text"),
                                                      prov_order_line_get_id (line), name != NULL ? name : ""));
          ok = FALSE;
          continue;
        }
      if (!text_fits (value, prov_order_field_get_title (field), problems))
        {
          ok = FALSE;
          continue;
        }
      if (prov_order_field_is_line (field->key))
        prov_order_line_set_field (line, field->key, value);
      else
        prov_order_set_field (order, field->key, value);
    }

  return read_product_members (line, product, problems) && ok;
}

/*
 * The order a ProductOrder_Create body describes, as prov_tmf622_build_
 * order_create writes them: its externalId becomes its uuid (a new one
 * when it has none), its category its kind. @problems gets a sentence for
 * each thing that cannot be read; NULL then.
 */
/* The order as another till imports it: its ProductOrder_Create, with a
 * customer the carrier does not know yet named as a related party of
 * this till's own ("till-customer:" and the order's id), which the
 * carrier never gets and the import takes for the name alone. */
JsonNode *
prov_tmf622_build_order_export (ProvOrder *order)
{
  JsonNode *body = prov_tmf622_build_order_create (order, NULL);
  const char *customer_name = prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME);
  g_autofree char *id = NULL;
  JsonObject *party;
  JsonArray *parties;

  if (prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_ID) != NULL || customer_name == NULL)
    return body;

  id = g_strconcat (TILL_CUSTOMER_PREFIX, prov_order_get_uuid (order), NULL);
  party = json_object_new ();
  json_object_set_string_member (party, "id", id);
  json_object_set_string_member (party, "name", customer_name);
  json_object_set_string_member (party, "role", "Customer");
  json_object_set_string_member (party, "@referredType",
                                 g_strcmp0 (prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_KIND), "business") == 0
                                 ? "Organization" : "Individual");
  parties = json_array_new ();
  json_array_add_object_element (parties, party);
  json_object_set_array_member (json_node_get_object (body), "relatedParty", parties);
  return body;
}

ProvOrder *
prov_tmf622_read_order_create (JsonNode   *body,
                               const char *created_by,
                               GPtrArray  *problems)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  JsonArray *items = prov_json_object_get_array (object, "productOrderItem");
  JsonArray *parties = prov_json_object_get_array (object, "relatedParty");
  JsonArray *notes = prov_json_object_get_array (object, "note");
  const char *external_id = prov_json_object_get_string (object, "externalId");
  const char *category = prov_json_object_get_string (object, "category");
  const char *start = prov_json_object_get_string (object, "requestedStartDate");
  g_autofree char *uuid = NULL;
  g_autofree char *start_date = NULL;
  g_autoptr(ProvOrder) order = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  guint problems_before = problems->len;
  ProvOrderKind kind;
  gint64 now = g_get_real_time ();

  if (items == NULL || json_array_get_length (items) == 0)
    {
      g_ptr_array_add (problems, g_strdup (_("It is not a product order: it has no productOrderItem")));
      return NULL;
    }

  if (!prov_order_kind_from_id (category, &kind))
    {
      g_ptr_array_add (problems, g_strdup_printf (_("“%s” is not a kind of order (category)"),
                                                  category != NULL ? category : ""));
      return NULL;
    }

  uuid = external_id != NULL && g_uuid_string_is_valid (external_id) ? g_strdup (external_id) : g_uuid_string_random ();
  /* The clerk who wrote it is its note's author, when it has one. */
  if (notes != NULL && prov_json_object_get_string (prov_json_array_get_object (notes, 0), "author") != NULL)
    created_by = prov_json_object_get_string (prov_json_array_get_object (notes, 0), "author");
  order = prov_order_new_from_row (uuid, kind, PROV_ORDER_STATE_DRAFT, NULL, created_by, now, now, NULL);

  if (start == NULL && json_object_has_member (object, "requestedStartDate") &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "requestedStartDate")))
    g_ptr_array_add (problems, g_strdup (_("The requested start date is not a date-time text")));
  if (start != NULL && (start_date = dup_start_date (start)) == NULL)
    g_ptr_array_add (problems, g_strdup_printf (_("The requested start date “%s” is not an RFC 3339 date-time "
                                                  "from the year %d to %d"),
                                                start, START_YEAR_FIRST, START_YEAR_LAST));
  prov_order_set_field (order, PROV_ORDER_FIELD_STOCKTAKING_START_DATE, start_date);

  for (guint i = 0; parties != NULL && i < json_array_get_length (parties); i++)
    {
      JsonObject *party = prov_json_array_get_object (parties, i);

      if (g_strcmp0 (prov_json_object_get_string (party, "role"), "Customer") != 0)
        continue;
      text_fits (prov_json_object_get_string (party, "id"), _("The customer's number"), problems);
      text_fits (prov_json_object_get_string (party, "name"), _("The customer's name"), problems);
      /* A customer the carrier did not know yet when the order was
       * exported: the name only (see prov_tmf622_build_order_export). */
      if (!g_str_has_prefix (prov_json_object_get_string_or (party, "id", ""), TILL_CUSTOMER_PREFIX))
        prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_ID, prov_json_object_get_string (party, "id"));
      prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, prov_json_object_get_string (party, "name"));
      if (g_strcmp0 (prov_json_object_get_string (party, "@referredType"), "Organization") == 0)
        prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_KIND, "business");
    }

  if (notes != NULL && json_array_get_length (notes) > 0 &&
      text_fits (prov_json_object_get_string (prov_json_array_get_object (notes, 0), "text"), _("The reference"),
                 problems))
    prov_order_set_field (order, PROV_ORDER_FIELD_REFERENCE,
                          prov_json_object_get_string (prov_json_array_get_object (notes, 0), "text"));

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = prov_json_array_get_object (items, i);
      const char *item_id = prov_json_object_get_string (item, "id");
      g_autoptr(ProvOrderLine) line = prov_order_line_new (item_id != NULL ? item_id : "?");

      if (item == NULL || item_id == NULL)
        {
          g_ptr_array_add (problems, g_strdup_printf (_("Item %u has no id"), i + 1));
          continue;
        }
      read_item (order, line, item, problems);
      g_ptr_array_add (lines, g_steal_pointer (&line));
    }

  if (problems->len > problems_before)
    return NULL;

  prov_order_set_lines (order, lines);
  prov_line_request_describe (order);
  return g_steal_pointer (&order);
}
