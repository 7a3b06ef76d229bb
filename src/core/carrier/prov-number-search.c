#include <string.h>

#include "prov-ids.h"
#include "prov-json-guard.h"
#include "prov-number-search.h"

/*
 * TMF685's AvailabilityCheck_Create declares nothing but its type: the
 * check extends it ("NumberAvailabilityCheck") with the ResourceCapacity-
 * Demand a Reservation uses and the criteria. Only the sandbox promises to
 * apply them; what any carrier answers is checked here, number by number.
 */

void
prov_available_number_free (ProvAvailableNumber *number)
{
  if (number == NULL)
    return;

  g_free (number->msisdn);
  g_free (number->grade);
  g_free (number);
}

ProvNumberSearch *
prov_number_search_copy (const ProvNumberSearch *search)
{
  ProvNumberSearch *copy = g_new0 (ProvNumberSearch, 1);

  copy->pool = g_strdup (search->pool);
  copy->prefix = g_strdup (search->prefix);
  copy->grade = g_strdup (search->grade);
  copy->contains = g_strdup (search->contains);
  copy->selection = g_strdup (search->selection);
  copy->count = search->count;
  return copy;
}

void
prov_number_search_free (ProvNumberSearch *search)
{
  if (search == NULL)
    return;

  g_free ((char *) search->pool);
  g_free ((char *) search->prefix);
  g_free ((char *) search->grade);
  g_free ((char *) search->contains);
  g_free ((char *) search->selection);
  g_free (search);
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

JsonNode *
prov_number_search_build (const ProvNumberSearch *search)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *amount = NULL;

  g_return_val_if_fail (search != NULL && search->pool != NULL && search->count > 0, NULL);

  amount = g_strdup_printf ("%u", search->count);
  json_builder_begin_object (builder);
  add_member (builder, "@type", "NumberAvailabilityCheck");
  add_member (builder, "@baseType", "AvailabilityCheck");
  json_builder_set_member_name (builder, "resourceCapacityDemand");
  json_builder_begin_object (builder);
  add_member (builder, "capacityDemandAmount", amount);
  json_builder_set_member_name (builder, "resourcePool");
  json_builder_begin_object (builder);
  add_member (builder, "id", search->pool);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "numberCriteria");
  json_builder_begin_object (builder);
  add_member (builder, "prefix", search->prefix);
  add_member (builder, "grade", search->grade);
  add_member (builder, "contains", search->contains);
  add_member (builder, "selection", search->selection != NULL ? search->selection : "next");
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const char *
grade_of (JsonObject *resource)
{
  JsonArray *characteristics = prov_json_object_get_array (resource, "characteristic");

  for (guint i = 0; characteristics != NULL && i < json_array_get_length (characteristics); i++)
    {
      JsonObject *characteristic = prov_json_array_get_object (characteristics, i);

      if (g_strcmp0 (prov_json_object_get_string (characteristic, "name"), "grade") == 0)
        return prov_json_object_get_string (characteristic, "value");
    }

  return NULL;
}

static gboolean
meets (const ProvNumberSearch *search,
       const char             *msisdn,
       const char             *grade)
{
  g_autoptr(ProvId) id = msisdn != NULL ? prov_id_parse (PROV_ID_KIND_E164, msisdn) : NULL;

  if (id == NULL || !id->valid || g_strcmp0 (id->normalized, msisdn) != 0)
    return FALSE;
  if (search->prefix != NULL && !g_str_has_prefix (msisdn, search->prefix))
    return FALSE;
  /* A grade asked for must be stated: an unstated one is no promise. */
  if (search->grade != NULL && g_strcmp0 (grade, search->grade) != 0)
    return FALSE;
  if (search->contains != NULL && *search->contains != '\0' && strstr (msisdn + 1, search->contains) == NULL)
    return FALSE;

  return TRUE;
}

GPtrArray *
prov_number_search_read (const ProvNumberSearch *search,
                         JsonNode               *answer,
                         guint                  *n_refused)
{
  JsonObject *check = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  JsonArray *resources = prov_json_object_get_array (check, "availableResource");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_available_number_free);
  guint refused = 0;

  g_return_val_if_fail (search != NULL, numbers);

  for (guint i = 0; resources != NULL && i < json_array_get_length (resources); i++)
    {
      JsonObject *resource = prov_json_array_get_object (resources, i);
      const char *msisdn = prov_json_object_get_string (resource, "id");
      const char *grade = grade_of (resource);
      ProvAvailableNumber *number;

      if (!meets (search, msisdn, grade) || g_hash_table_contains (seen, msisdn) || numbers->len >= search->count)
        {
          refused++;
          continue;
        }

      number = g_new0 (ProvAvailableNumber, 1);
      number->msisdn = g_strdup (msisdn);
      number->grade = g_strdup (grade != NULL ? grade : "standard");
      g_hash_table_add (seen, number->msisdn);
      g_ptr_array_add (numbers, number);
    }

  if (n_refused != NULL)
    *n_refused = refused;
  return numbers;
}
