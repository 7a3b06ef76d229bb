#include "prov-json-guard.h"
#include "prov-customer.h"

struct _ProvCustomer
{
  GObject  parent_instance;

  char    *uuid;
  char    *carrier_id;
  char    *name;
  char    *email;
  char    *phone;
  /* TMF629 postalAddress characteristics, as the carrier gave them. */
  JsonArray *addresses;
};

G_DEFINE_FINAL_TYPE (ProvCustomer, prov_customer, G_TYPE_OBJECT)

enum { PROP_0, PROP_NAME, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

ProvCustomer *
prov_customer_new (const char *name)
{
  ProvCustomer *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (PROV_TYPE_CUSTOMER, NULL);
  self->uuid = g_uuid_string_random ();
  self->name = g_strdup (name);

  return self;
}

ProvCustomer *
prov_customer_new_from_row (const char *uuid,
                            const char *carrier_id,
                            const char *name,
                            const char *email,
                            const char *phone)
{
  ProvCustomer *self = g_object_new (PROV_TYPE_CUSTOMER, NULL);

  self->uuid = g_strdup (uuid);
  self->carrier_id = g_strdup (carrier_id);
  self->name = g_strdup (name);
  self->email = g_strdup (email);
  self->phone = g_strdup (phone);

  return self;
}

static const char *
find_medium (JsonObject *customer,
             const char *medium_type,
             const char *field)
{
  JsonArray *media = prov_json_object_get_array (customer, "contactMedium");

  for (guint i = 0; media != NULL && i < json_array_get_length (media); i++)
    {
      JsonObject *medium = prov_json_array_get_object (media, i);
      JsonObject *characteristic;

      if (medium == NULL ||
          g_strcmp0 (prov_json_object_get_string (medium, "mediumType"), medium_type) != 0 ||
          !json_object_has_member (medium, "characteristic"))
        continue;

      characteristic = prov_json_object_get_object (medium, "characteristic");
      if (characteristic != NULL)
        return prov_json_object_get_string_or (characteristic, field, NULL);
    }

  return NULL;
}

/* A customer the carrier sent; its local uuid is derived from the
 * carrier's id, so fetching it twice gives the same customer. */
ProvCustomer *
prov_customer_new_from_tmf629 (JsonObject *customer)
{
  const char *id = prov_json_object_get_string (customer, "id");
  const char *name = prov_json_object_get_string (customer, "name");
  g_autofree char *uuid = NULL;
  ProvCustomer *self;
  JsonArray *media;

  if (id == NULL || name == NULL)
    return NULL;

  uuid = g_compute_checksum_for_string (G_CHECKSUM_SHA256, id, -1);
  uuid[32] = '\0';

  self = prov_customer_new_from_row (uuid, id, name,
                                     find_medium (customer, "email", "emailAddress"),
                                     find_medium (customer, "phone", "phoneNumber"));
  media = prov_json_object_get_array (customer, "contactMedium");
  for (guint i = 0; media != NULL && i < json_array_get_length (media); i++)
    {
      JsonObject *medium = prov_json_array_get_object (media, i);
      JsonObject *address = prov_json_object_get_object (medium, "characteristic");

      if (address != NULL && g_strcmp0 (prov_json_object_get_string (medium, "mediumType"), "postalAddress") == 0)
        json_array_add_element (self->addresses, json_node_copy (json_object_get_member (medium, "characteristic")));
    }

  return self;
}

/* What the store keeps beside the columns: the addresses, as JSON. */
char *
prov_customer_dup_details_json (ProvCustomer *self)
{
  g_autoptr(JsonObject) details = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  g_return_val_if_fail (PROV_IS_CUSTOMER (self), NULL);

  json_object_set_array_member (details, "addresses", json_array_ref (self->addresses));
  json_node_set_object (node, details);
  return json_to_string (node, FALSE);
}

/* Reads what prov_customer_dup_details_json wrote; anything else is
 * left alone, so a damaged row still shows its name. */
void
prov_customer_set_details_json (ProvCustomer *self,
                                const char   *json)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *addresses;

  g_return_if_fail (PROV_IS_CUSTOMER (self));

  node = json != NULL ? json_from_string (json, NULL) : NULL;
  addresses = node != NULL && JSON_NODE_HOLDS_OBJECT (node)
              ? prov_json_object_get_array (json_node_get_object (node), "addresses") : NULL;
  if (addresses == NULL)
    return;

  g_clear_pointer (&self->addresses, json_array_unref);
  self->addresses = json_array_new ();
  for (guint i = 0; i < json_array_get_length (addresses); i++)
    if (prov_json_array_get_object (addresses, i) != NULL)
      json_array_add_element (self->addresses, json_node_copy (json_array_get_element (addresses, i)));
}

guint
prov_customer_get_n_addresses (ProvCustomer *self)
{
  g_return_val_if_fail (PROV_IS_CUSTOMER (self), 0);
  return json_array_get_length (self->addresses);
}

static void
append_line (GString    *text,
             const char *line)
{
  if (line == NULL || *line == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

/* The @index'th address on lines as a letter has it; its kind ("head
 * office", "billing") in @kind when the carrier says. */
char *
prov_customer_dup_address (ProvCustomer  *self,
                           guint          index,
                           const char   **kind)
{
  JsonObject *address;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *town = NULL;

  g_return_val_if_fail (PROV_IS_CUSTOMER (self), NULL);
  g_return_val_if_fail (index < json_array_get_length (self->addresses), NULL);

  address = json_array_get_object_element (self->addresses, index);
  if (kind != NULL)
    *kind = prov_json_object_get_string (address, "contactType");
  append_line (text, prov_json_object_get_string (address, "street1"));
  append_line (text, prov_json_object_get_string (address, "street2"));
  town = g_strjoin (" ", prov_json_object_get_string_or (address, "postCode", ""),
                    prov_json_object_get_string_or (address, "city", ""), NULL);
  append_line (text, g_strstrip (town));
  append_line (text, prov_json_object_get_string (address, "country"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

const char *
prov_customer_get_uuid (ProvCustomer *self)
{
  g_return_val_if_fail (PROV_IS_CUSTOMER (self), NULL);
  return self->uuid;
}

const char *
prov_customer_get_carrier_id (ProvCustomer *self)
{
  g_return_val_if_fail (PROV_IS_CUSTOMER (self), NULL);
  return self->carrier_id;
}

void
prov_customer_set_carrier_id (ProvCustomer *self,
                              const char   *carrier_id)
{
  g_return_if_fail (PROV_IS_CUSTOMER (self));
  replace_string (&self->carrier_id, carrier_id);
}

const char *
prov_customer_get_name (ProvCustomer *self)
{
  g_return_val_if_fail (PROV_IS_CUSTOMER (self), NULL);
  return self->name;
}

const char *
prov_customer_get_email (ProvCustomer *self)
{
  g_return_val_if_fail (PROV_IS_CUSTOMER (self), NULL);
  return self->email;
}

void
prov_customer_set_email (ProvCustomer *self,
                         const char   *email)
{
  g_return_if_fail (PROV_IS_CUSTOMER (self));
  replace_string (&self->email, email);
}

const char *
prov_customer_get_phone (ProvCustomer *self)
{
  g_return_val_if_fail (PROV_IS_CUSTOMER (self), NULL);
  return self->phone;
}

void
prov_customer_set_phone (ProvCustomer *self,
                         const char   *phone)
{
  g_return_if_fail (PROV_IS_CUSTOMER (self));
  replace_string (&self->phone, phone);
}

static void
add_medium (JsonBuilder *builder,
            const char  *medium_type,
            const char  *field,
            const char  *value,
            gboolean     preferred)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "mediumType");
  json_builder_add_string_value (builder, medium_type);
  json_builder_set_member_name (builder, "preferred");
  json_builder_add_boolean_value (builder, preferred);
  json_builder_set_member_name (builder, "characteristic");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, field);
  json_builder_add_string_value (builder, value);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* The Customer_Create body. The engaged party is the person or company
 * behind the customer account; the store knows it by the local uuid. */
JsonNode *
prov_customer_to_tmf629_create (ProvCustomer *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (PROV_IS_CUSTOMER (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@type");
  json_builder_add_string_value (builder, "Customer");
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "Initialized");

  json_builder_set_member_name (builder, "engagedParty");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->uuid);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name);
  json_builder_set_member_name (builder, "@referredType");
  json_builder_add_string_value (builder, "Individual");
  json_builder_end_object (builder);

  if (self->email != NULL || self->phone != NULL)
    {
      json_builder_set_member_name (builder, "contactMedium");
      json_builder_begin_array (builder);
      if (self->email != NULL)
        add_medium (builder, "email", "emailAddress", self->email, TRUE);
      if (self->phone != NULL)
        add_medium (builder, "phone", "phoneNumber", self->phone, self->email == NULL);
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
prov_customer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ProvCustomer *self = PROV_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prov_customer_finalize (GObject *object)
{
  ProvCustomer *self = PROV_CUSTOMER (object);

  g_free (self->uuid);
  g_free (self->carrier_id);
  g_free (self->name);
  g_free (self->email);
  g_free (self->phone);
  g_clear_pointer (&self->addresses, json_array_unref);

  G_OBJECT_CLASS (prov_customer_parent_class)->finalize (object);
}

static void
prov_customer_class_init (ProvCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = prov_customer_get_property;
  object_class->finalize = prov_customer_finalize;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
prov_customer_init (ProvCustomer *self)
{
  self->addresses = json_array_new ();
}
