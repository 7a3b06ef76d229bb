#include "prov-json-guard.h"
#include "prov-sandbox-other-carrier.h"

const char * const prov_sandbox_tmf622_required[] = { "productOrderItem", NULL };
const char * const prov_sandbox_tmf629_required[] = { "engagedParty", NULL };
const char * const prov_sandbox_tmf681_required[] = { NULL };

/* X-Total-Count is optional, and a carrier's may be stale: this one
 * counts half of what it lists. */
guint
prov_sandbox_other_carrier_total (guint total)
{
  return total / 2;
}

static void
keep_required_members (JsonObject         *object,
                       const char * const *required)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *member = members; member != NULL; member = member->next)
    if (!g_strv_contains (required, member->data))
      json_object_remove_member (object, member->data);
}

/* Only the members the definition requires, of one object or of each
 * object in a list. */
void
prov_sandbox_other_carrier_keep_required (JsonNode           *object_or_list,
                                          const char * const *required)
{
  if (JSON_NODE_HOLDS_OBJECT (object_or_list))
    keep_required_members (json_node_get_object (object_or_list), required);
  else if (JSON_NODE_HOLDS_ARRAY (object_or_list))
    {
      JsonArray *list = json_node_get_array (object_or_list);

      for (guint i = 0; i < json_array_get_length (list); i++)
        if (prov_json_array_get_object (list, i) != NULL)
          keep_required_members (json_array_get_object_element (list, i), required);
    }
}

static void
add_resource (JsonArray  *resources,
              const char *msisdn)
{
  JsonObject *number = json_object_new ();

  json_object_set_string_member (number, "id", msisdn);
  json_object_set_string_member (number, "name", msisdn);
  json_object_set_string_member (number, "type", "MSISDN");
  json_object_set_string_member (number, "state", "reserved");
  json_array_add_object_element (resources, number);
}

/*
 * A reservation answered with more than was asked: numbers beyond the
 * quantity (the first one twice), strings that are no numbers at all (one
 * with an escape sequence and a right-to-left override), and a validity
 * that never ends. The numbers added are not reserved here: a client
 * that keeps them would sell numbers it does not hold.
 */
void
prov_sandbox_other_carrier_pad_reservation (JsonNode *reservation)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (reservation) ? json_node_get_object (reservation) : NULL;
  JsonArray *items = prov_json_object_get_array (object, "reservationItem");
  JsonObject *item = items != NULL ? prov_json_array_get_object (items, 0) : NULL;
  JsonObject *applied = prov_json_object_get_object (item, "appliedCapacityAmount");
  JsonArray *resources = prov_json_object_get_array (applied, "resource");
  const char *first;

  if (resources == NULL || json_array_get_length (resources) == 0)
    return;

  first = prov_json_object_get_string (prov_json_array_get_object (resources, 0), "id");
  if (first != NULL)
    add_resource (resources, first);
  add_resource (resources, "+441217370999");
  add_resource (resources, "+441217370998");
  add_resource (resources, "reserved");
  add_resource (resources, "+44121\033[2J\u202e7370997");
  add_resource (resources, "");
  json_object_set_string_member (object, "valid_for", "9999-12-31T23:59:59Z");
}
