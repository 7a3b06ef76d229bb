#include <string.h>

#include <glib/gi18n-lib.h>

#include "prov-json-guard.h"
#include "prov-product-line.h"

struct _ProvProductLine
{
  GObject    parent_instance;

  char      *id;
  char      *number;
  char      *plan;
  char      *device;
  char      *imei;
  char      *iccid;
  char      *status;
  char      *employee;
  /* The carrier's shipment of what the last request sent (trackingNumber). */
  char      *tracking;
  GDateTime *start_date;
  GDateTime *termination_date;
  GPtrArray *accessories;   /* names of the products that rely on the line */
};

G_DEFINE_FINAL_TYPE (ProvProductLine, prov_product_line, G_TYPE_OBJECT)

/* TMF637 ProductStatusType, in the clerk's words. */
const char *
prov_product_status_get_title (const char *status)
{
  static const struct {
    const char *status;
    const char *title;
  } titles[] = {
    { "created", N_("Created") },
    { "pendingActive", N_("Being activated") },
    { "active", N_("Active") },
    { "suspended", N_("Suspended") },
    { "pendingTerminate", N_("Being ended") },
    { "terminated", N_("Ended") },
    { "cancelled", N_("Cancelled") },
    /* The spec's enum has "aborted " with a space. */
    { "aborted", N_("Aborted") },
  };
  g_autofree char *trimmed = status != NULL ? g_strstrip (g_strdup (status)) : NULL;

  for (guint i = 0; trimmed != NULL && i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (titles[i].status, trimmed))
      return _(titles[i].title);

  return status;
}

/* The first object of @product's @array whose @key member is @value. */
static JsonObject *
find_entry (JsonObject *product,
            const char *array,
            const char *key,
            const char *value)
{
  JsonArray *list = prov_json_object_get_array (product, array);

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *entry = prov_json_array_get_object (list, i);

      if (g_strcmp0 (prov_json_object_get_string (entry, key), value) == 0)
        return entry;
    }

  return NULL;
}

static const char *
characteristic (JsonObject *product,
                const char *name)
{
  return prov_json_object_get_string (find_entry (product, "productCharacteristic", "name", name), "value");
}

/* A resource the product is realised by, of @type (MSISDN, ICCID). */
static const char *
resource (JsonObject *product,
          const char *type)
{
  JsonObject *entry = find_entry (product, "realizingResource", "@referredType", type);

  return prov_json_object_get_string_or (entry, "name", prov_json_object_get_string (entry, "id"));
}

static const char *
party_name (JsonObject *product,
            const char *role)
{
  JsonObject *party = find_entry (product, "relatedParty", "role", role);

  return prov_json_object_get_string_or (party, "name", prov_json_object_get_string (party, "id"));
}

/* The line an accessory relies on, or NULL. */
static const char *
relies_on (JsonObject *product)
{
  JsonObject *relationship = find_entry (product, "productRelationship", "relationshipType", "reliesOn");

  return prov_json_object_get_string (prov_json_object_get_object (relationship, "product"), "id");
}

static GDateTime *
parse_date (JsonObject *product,
            const char *member)
{
  const char *text = prov_json_object_get_string (product, member);

  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

static ProvProductLine *
line_new (JsonObject *product)
{
  ProvProductLine *self = g_object_new (PROV_TYPE_PRODUCT_LINE, NULL);
  JsonObject *offering = prov_json_object_get_object (product, "productOffering");
  const char *number = characteristic (product, "MSISDN");
  const char *iccid = characteristic (product, "ICCID");

  self->id = g_strdup (prov_json_object_get_string (product, "id"));
  self->number = g_strdup (number != NULL ? number : resource (product, "MSISDN"));
  self->plan = g_strdup (prov_json_object_get_string_or (offering, "name", prov_json_object_get_string (product, "name")));
  self->device = g_strdup (characteristic (product, "deviceModel"));
  self->tracking = g_strdup (characteristic (product, "trackingNumber"));
  self->imei = g_strdup (characteristic (product, "IMEI"));
  self->iccid = g_strdup (iccid != NULL ? iccid : resource (product, "ICCID"));
  self->status = g_strdup (prov_json_object_get_string (product, "status"));
  self->employee = g_strdup (party_name (product, "User"));
  self->start_date = parse_date (product, "startDate");
  self->termination_date = parse_date (product, "terminationDate");

  return self;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  ProvProductLine *first = *(ProvProductLine **) a;
  ProvProductLine *second = *(ProvProductLine **) b;
  gboolean first_ended = g_strcmp0 (first->status, "terminated") == 0;
  gboolean second_ended = g_strcmp0 (second->status, "terminated") == 0;

  /* Ended lines last; otherwise by number. */
  if (first_ended != second_ended)
    return first_ended - second_ended;
  return g_strcmp0 (first->number, second->number);
}

/* The lines among @products (a JSON array of TMF637 Products): the
 * products with a phone number, each with the names of the accessories
 * that rely on it. Products without an id are left out. */
GPtrArray *
prov_product_lines_from_tmf637 (JsonNode *products)
{
  JsonArray *list = products != NULL && JSON_NODE_HOLDS_ARRAY (products) ? json_node_get_array (products) : NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *product = prov_json_array_get_object (list, i);
      ProvProductLine *line;

      if (product == NULL || prov_json_object_get_string (product, "id") == NULL || relies_on (product) != NULL)
        continue;
      line = line_new (product);
      if (line->number == NULL)
        {
          g_object_unref (line);
          continue;
        }
      g_ptr_array_add (lines, line);
      g_hash_table_insert (by_id, line->id, line);
    }

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *product = prov_json_array_get_object (list, i);
      const char *line_id = product != NULL ? relies_on (product) : NULL;
      ProvProductLine *line = line_id != NULL ? g_hash_table_lookup (by_id, line_id) : NULL;
      JsonObject *offering = prov_json_object_get_object (product, "productOffering");

      if (line != NULL && g_strcmp0 (prov_json_object_get_string (product, "status"), "terminated") != 0)
        g_ptr_array_add (line->accessories,
                         g_strdup (prov_json_object_get_string_or (product, "name",
                                                                   prov_json_object_get_string_or (offering, "name",
                                                                                                   _("Accessory")))));
    }

  g_ptr_array_sort (lines, compare_lines);
  return lines;
}

#define GETTER(member) \
  const char * \
  prov_product_line_get_##member (ProvProductLine *self) \
  { \
    g_return_val_if_fail (PROV_IS_PRODUCT_LINE (self), NULL); \
    return self->member; \
  }

GETTER (id)
GETTER (number)
GETTER (plan)
GETTER (device)
GETTER (imei)
GETTER (iccid)
GETTER (status)
GETTER (employee)
GETTER (tracking)

GDateTime *
prov_product_line_get_start_date (ProvProductLine *self)
{
  g_return_val_if_fail (PROV_IS_PRODUCT_LINE (self), NULL);
  return self->start_date;
}

GDateTime *
prov_product_line_get_termination_date (ProvProductLine *self)
{
  g_return_val_if_fail (PROV_IS_PRODUCT_LINE (self), NULL);
  return self->termination_date;
}

GPtrArray *
prov_product_line_get_accessories (ProvProductLine *self)
{
  g_return_val_if_fail (PROV_IS_PRODUCT_LINE (self), NULL);
  return self->accessories;
}

/* Whether the line's number, SIM, device or employee holds @text. */
gboolean
prov_product_line_matches (ProvProductLine *self,
                           const char      *text)
{
  const char *fields[] = { self->number, self->iccid, self->imei, self->employee };
  g_autofree char *needle = NULL;

  g_return_val_if_fail (PROV_IS_PRODUCT_LINE (self), FALSE);

  needle = g_utf8_casefold (text != NULL ? text : "", -1);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *haystack = fields[i] != NULL ? g_utf8_casefold (fields[i], -1) : NULL;

      if (haystack != NULL && strstr (haystack, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
prov_product_line_finalize (GObject *object)
{
  ProvProductLine *self = PROV_PRODUCT_LINE (object);

  g_free (self->id);
  g_free (self->number);
  g_free (self->plan);
  g_free (self->device);
  g_free (self->imei);
  g_free (self->iccid);
  g_free (self->status);
  g_free (self->employee);
  g_free (self->tracking);
  g_clear_pointer (&self->start_date, g_date_time_unref);
  g_clear_pointer (&self->termination_date, g_date_time_unref);
  g_ptr_array_unref (self->accessories);

  G_OBJECT_CLASS (prov_product_line_parent_class)->finalize (object);
}

static void
prov_product_line_class_init (ProvProductLineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = prov_product_line_finalize;
}

static void
prov_product_line_init (ProvProductLine *self)
{
  self->accessories = g_ptr_array_new_with_free_func (g_free);
}
