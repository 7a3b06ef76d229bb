#include <string.h>

#include "prov-id-kind.h"
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

/* The name the carrier knows a characteristic by. */
static const char *
carrier_name (const char *key)
{
  const ProvOrderField *field = prov_order_field_lookup (key);

  return field != NULL && field->carrier_name != NULL ? field->carrier_name : key;
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

/* The line's product: for add, what to create; for modify and delete,
 * the existing product (its id) and what changes. */
static void
add_product (JsonBuilder   *builder,
             ProvOrderLine *line)
{
  g_auto(GStrv) keys = prov_order_line_dup_field_keys (line);
  const char *product_ref = prov_order_line_get_product_ref (line);
  gboolean any_resource = FALSE;

  json_builder_set_member_name (builder, "product");
  json_builder_begin_object (builder);
  if (product_ref != NULL)
    add_string_member (builder, "id", product_ref);

  json_builder_set_member_name (builder, "productCharacteristic");
  json_builder_begin_array (builder);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const ProvOrderField *field = prov_order_field_lookup (keys[i]);

      if (field != NULL && (field->carrier == PROV_FIELD_CARRIER_CHARACTERISTIC ||
                            field->carrier == PROV_FIELD_CARRIER_RESOURCE))
        add_characteristic (builder, field->carrier_name, prov_order_line_get_field (line, keys[i]));
      any_resource |= field != NULL && field->carrier == PROV_FIELD_CARRIER_RESOURCE;
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
          ProvOrderLine *line)
{
  const char *offering_id = prov_order_line_get_field (line, PROV_ORDER_FIELD_OFFERING_ID);
  ProvLineAction action = prov_order_line_get_action (line);

  json_builder_begin_object (builder);
  add_string_member (builder, "id", prov_order_line_get_id (line));
  add_string_member (builder, "action", prov_line_action_to_id (action));
  json_builder_set_member_name (builder, "quantity");
  json_builder_add_int_value (builder, 1);
  if (offering_id != NULL)
    {
      const char *offering_name = prov_order_line_get_field (line, PROV_ORDER_FIELD_OFFERING_NAME);

      json_builder_set_member_name (builder, "productOffering");
      json_builder_begin_object (builder);
      add_string_member (builder, "id", offering_id);
      if (offering_name != NULL)
        add_string_member (builder, "name", offering_name);
      json_builder_end_object (builder);
    }
  add_product (builder, line);
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
  g_autofree char *start = dup_start_date_time (prov_order_get_field (order, PROV_ORDER_FIELD_START_DATE));

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
      add_string_member (builder, "@referredType", "Individual");
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
    add_item (builder, prov_order_get_line (order, i));
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
