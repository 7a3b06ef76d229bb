#include <string.h>

#include "prov-id-kind.h"
#include "prov-rfc3339.h"
#include "prov-tmf622.h"

/*
 * The TMF622 v4 ProductOrder_Create body for an order. The local uuid goes
 * as externalId, so the carrier can be asked for the order after an
 * uncertain send. ICCID, IMEI and MSISDN travel as productCharacteristic
 * entries, ICCID and MSISDN also as realizingResource; every other field of
 * the draft goes as a characteristic named by its key.
 */

static gboolean
is_placed_elsewhere (const char *key)
{
  return g_str_has_prefix (key, "customer.") ||
         g_str_equal (key, PROV_ORDER_FIELD_REFERENCE) ||
         g_str_equal (key, PROV_ORDER_FIELD_OFFERING_ID) ||
         g_str_equal (key, PROV_ORDER_FIELD_OFFERING_NAME) ||
         g_str_equal (key, PROV_ORDER_FIELD_START_DATE);
}

static const char *
characteristic_name (const char *key)
{
  switch (prov_id_kind_for_field (key))
    {
    case PROV_ID_KIND_ICCID:
      return "ICCID";
    case PROV_ID_KIND_IMEI:
      return g_str_has_suffix (key, "imei2") ? "IMEI2" : "IMEI";
    case PROV_ID_KIND_EID:
      return "EID";
    default:
      return g_str_equal (key, PROV_ORDER_FIELD_MSISDN) ? "MSISDN" : key;
    }
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

static void
add_product (JsonBuilder *builder,
             ProvOrder   *order)
{
  g_auto(GStrv) keys = prov_order_dup_field_keys (order);
  const char *iccid = prov_order_get_field (order, PROV_ORDER_FIELD_ICCID);
  const char *msisdn = prov_order_get_field (order, PROV_ORDER_FIELD_MSISDN);

  json_builder_set_member_name (builder, "product");
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "productCharacteristic");
  json_builder_begin_array (builder);
  for (guint i = 0; keys[i] != NULL; i++)
    if (!is_placed_elsewhere (keys[i]))
      add_characteristic (builder, characteristic_name (keys[i]), prov_order_get_field (order, keys[i]));
  json_builder_end_array (builder);

  if (iccid != NULL || msisdn != NULL)
    {
      json_builder_set_member_name (builder, "realizingResource");
      json_builder_begin_array (builder);
      if (iccid != NULL)
        add_resource (builder, iccid, "SIMCard");
      if (msisdn != NULL)
        add_resource (builder, msisdn, "MSISDN");
      json_builder_end_array (builder);
    }

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
  const char *offering_id = prov_order_get_field (order, PROV_ORDER_FIELD_OFFERING_ID);
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

  if (customer_name != NULL || customer_id != NULL)
    {
      json_builder_set_member_name (builder, "relatedParty");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_string_member (builder, "id", customer_id != NULL ? customer_id : prov_order_get_uuid (order));
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
  json_builder_begin_object (builder);
  add_string_member (builder, "id", "1");
  add_string_member (builder, "action", "add");
  json_builder_set_member_name (builder, "quantity");
  json_builder_add_int_value (builder, 1);
  if (offering_id != NULL)
    {
      const char *offering_name = prov_order_get_field (order, PROV_ORDER_FIELD_OFFERING_NAME);

      json_builder_set_member_name (builder, "productOffering");
      json_builder_begin_object (builder);
      add_string_member (builder, "id", offering_id);
      if (offering_name != NULL)
        add_string_member (builder, "name", offering_name);
      json_builder_end_object (builder);
    }
  add_product (builder, order);
  json_builder_end_object (builder);
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
  add_characteristic (builder, characteristic_name (key), value);
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
