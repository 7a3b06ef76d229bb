#include <string.h>

#include "prov-order-field.h"
#include "prov-tmf629.h"

/*
 * A new customer's order creates the customer at the carrier first
 * (TMF629 Customer_Create), from the order fields the registry routes
 * there: contact media, the service address, and characteristics; the
 * order's uuid goes along as a characteristic, so the customer can be
 * found again when the carrier's answer was lost.
 */

/* Whether the carrier must create the customer before the order: a new
 * wireless customer, or a reseller's new customer, the carrier has no
 * number for yet. */
gboolean
prov_tmf629_order_needs_customer (ProvOrder *order)
{
  g_return_val_if_fail (PROV_IS_ORDER (order), FALSE);

  return prov_order_kind_has_traits (prov_order_get_kind (order), PROV_ORDER_KIND_CREATES_CUSTOMER) &&
         prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_ID) == NULL &&
         prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME) != NULL;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_medium (JsonBuilder *builder,
            const char  *medium_type,
            gboolean     preferred,
            JsonObject  *characteristic)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, characteristic);
  json_builder_begin_object (builder);
  add_string (builder, "mediumType", medium_type);
  json_builder_set_member_name (builder, "preferred");
  json_builder_add_boolean_value (builder, preferred);
  json_builder_set_member_name (builder, "characteristic");
  json_builder_add_value (builder, node);
  json_builder_end_object (builder);
}

static void
add_characteristic (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_begin_object (builder);
  add_string (builder, "name", name);
  add_string (builder, "valueType", "string");
  add_string (builder, "value", value);
  json_builder_end_object (builder);
}

/* Every address is a postal medium; MediumCharacteristic.contactType tells
 * them apart. */
static const struct {
  const char *member_prefix;   /* of the registry's carrier name */
  const char *contact_type;
} postal_addresses[] = {
  { "postalAddress.", "service" },
  { "billingAddress.", "billing" },
  { "listingAddress.", "directoryListing" },
};

static int
find_postal_address (const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (postal_addresses); i++)
    if (g_str_has_prefix (member, postal_addresses[i].member_prefix))
      return (int) i;
  return -1;
}

JsonNode *
prov_tmf629_build_customer_create (ProvOrder *order)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonObject) email = json_object_new ();
  g_autoptr(JsonObject) phone = json_object_new ();
  JsonObject *addresses[G_N_ELEMENTS (postal_addresses)] = { NULL };
  g_autoptr(GPtrArray) characteristics = g_ptr_array_new ();   /* name, value, … */
  const char *name = prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME);
  const char *party = prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_UUID);
  gboolean business = g_strcmp0 (prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_KIND), "business") == 0;
  const ProvOrderField *fields;
  guint n_fields;
  int postal;

  g_return_val_if_fail (PROV_IS_ORDER (order), NULL);

  fields = prov_order_field_get_all (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const char *value = prov_order_get_field (order, fields[i].key);
      const char *member = fields[i].carrier_name;

      if (fields[i].carrier != PROV_FIELD_CARRIER_CUSTOMER || value == NULL)
        continue;

      if (g_str_equal (member, "contactMedium.email"))
        json_object_set_string_member (email, "emailAddress", value);
      else if (g_str_equal (member, "contactMedium.phone"))
        json_object_set_string_member (phone, "phoneNumber", value);
      else if ((postal = find_postal_address (member)) >= 0)
        {
          if (addresses[postal] == NULL)
            addresses[postal] = json_object_new ();
          json_object_set_string_member (addresses[postal], strchr (member, '.') + 1, value);
        }
      else if (g_str_has_prefix (member, "characteristic."))
        {
          g_ptr_array_add (characteristics, (gpointer) (member + strlen ("characteristic.")));
          g_ptr_array_add (characteristics, (gpointer) value);
        }
    }

  json_builder_begin_object (builder);
  add_string (builder, "@type", "Customer");
  add_string (builder, "name", name != NULL ? name : "");
  add_string (builder, "status", "Initialized");

  json_builder_set_member_name (builder, "engagedParty");
  json_builder_begin_object (builder);
  add_string (builder, "id", party != NULL ? party : prov_order_get_uuid (order));
  add_string (builder, "name", name != NULL ? name : "");
  add_string (builder, "@referredType", business ? "Organization" : "Individual");
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "contactMedium");
  json_builder_begin_array (builder);
  if (json_object_get_size (email) > 0)
    add_medium (builder, "email", TRUE, json_object_ref (email));
  if (json_object_get_size (phone) > 0)
    add_medium (builder, "phone", json_object_get_size (email) == 0, json_object_ref (phone));
  for (guint i = 0; i < G_N_ELEMENTS (postal_addresses); i++)
    if (addresses[i] != NULL)
      {
        json_object_set_string_member (addresses[i], "contactType", postal_addresses[i].contact_type);
        add_medium (builder, "postalAddress", FALSE, addresses[i]);
      }
  json_builder_end_array (builder);

  /* A reseller's customer names the reseller. */
  if (prov_order_get_field (order, PROV_ORDER_FIELD_RESELLER_ID) != NULL)
    {
      json_builder_set_member_name (builder, "relatedParty");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_string (builder, "id", prov_order_get_field (order, PROV_ORDER_FIELD_RESELLER_ID));
      if (prov_order_get_field (order, PROV_ORDER_FIELD_RESELLER_NAME) != NULL)
        add_string (builder, "name", prov_order_get_field (order, PROV_ORDER_FIELD_RESELLER_NAME));
      add_string (builder, "role", "reseller");
      add_string (builder, "@referredType", "Organization");
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "characteristic");
  json_builder_begin_array (builder);
  add_characteristic (builder, PROV_TMF629_EXTERNAL_ID, prov_order_get_uuid (order));
  for (guint i = 0; i + 1 < characteristics->len; i += 2)
    add_characteristic (builder, g_ptr_array_index (characteristics, i), g_ptr_array_index (characteristics, i + 1));
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
