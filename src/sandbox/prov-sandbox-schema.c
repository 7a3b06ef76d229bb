#include <string.h>

#include <gio/gio.h>

#include "prov-json-guard.h"
#include "prov-rfc3339.h"
#include "prov-sandbox-schema.h"

/*
 * The part of Swagger 2.0 schemas the TM Forum definitions use: $ref,
 * type, required, properties, items, enum, minItems and the date-time
 * format. A body that breaks them is refused with the member's path, as a
 * real carrier would refuse it, before anything is stored. A $ref to a
 * definition the file does not have (TMF685 has four) accepts anything.
 */

struct _ProvSandboxSchema
{
  JsonNode   *spec;
  JsonObject *definitions;
};

ProvSandboxSchema *
prov_sandbox_schema_new (const char  *resource_path,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  ProvSandboxSchema *self;
  JsonObject *definitions;

  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;

  definitions = prov_json_object_get_object (json_node_get_object (json_parser_get_root (parser)), "definitions");
  if (definitions == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s has no definitions", resource_path);
      return NULL;
    }

  self = g_new0 (ProvSandboxSchema, 1);
  self->spec = json_parser_steal_root (parser);
  self->definitions = definitions;

  return self;
}

void
prov_sandbox_schema_free (ProvSandboxSchema *self)
{
  json_node_unref (self->spec);
  g_free (self);
}

static JsonObject *
resolve (ProvSandboxSchema *self,
         JsonObject        *schema)
{
  const char *ref;

  /* Bounded: a definition that refers to itself stops somewhere. */
  for (guint hops = 0; schema != NULL && (ref = prov_json_object_get_string (schema, "$ref")) != NULL; hops++)
    {
      if (hops > 16 || !g_str_has_prefix (ref, "#/definitions/"))
        return NULL;
      schema = prov_json_object_get_object (self->definitions, ref + strlen ("#/definitions/"));
    }

  return schema;
}

static gboolean
fail (GError     **error,
      const char  *path,
      const char  *problem)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", *path != '\0' ? path : "body", problem);
  return FALSE;
}

static const char *
type_of (JsonNode *value)
{
  switch (json_node_get_node_type (value))
    {
    case JSON_NODE_OBJECT:
      return "object";
    case JSON_NODE_ARRAY:
      return "array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (value))
        {
        case G_TYPE_STRING:
          return "string";
        case G_TYPE_BOOLEAN:
          return "boolean";
        case G_TYPE_INT64:
          return "integer";
        default:
          return "number";
        }
    }
}

static gboolean
has_type (JsonNode   *value,
          const char *type)
{
  const char *actual = type_of (value);

  return g_str_equal (actual, type) || (g_str_equal (type, "number") && g_str_equal (actual, "integer"));
}

static gboolean validate (ProvSandboxSchema  *self,
                          JsonObject         *schema,
                          JsonNode           *value,
                          const char         *path,
                          guint               depth,
                          GError            **error);

static gboolean
validate_object (ProvSandboxSchema  *self,
                 JsonObject         *schema,
                 JsonObject         *object,
                 const char         *path,
                 guint               depth,
                 GError            **error)
{
  JsonArray *required = prov_json_object_get_array (schema, "required");
  JsonObject *properties = prov_json_object_get_object (schema, "properties");
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
    {
      JsonNode *element = json_array_get_element (required, i);
      const char *needed = JSON_NODE_HOLDS_VALUE (element) ? json_node_get_string (element) : NULL;

      if (needed != NULL && !json_object_has_member (object, needed))
        {
          g_autofree char *member_path = *path != '\0' ? g_strconcat (path, ".", needed, NULL) : g_strdup (needed);
          return fail (error, member_path, "is required");
        }
    }

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    {
      JsonObject *property = prov_json_object_get_object (properties, name);
      g_autofree char *member_path = *path != '\0' ? g_strconcat (path, ".", name, NULL) : g_strdup (name);

      if (property != NULL && !validate (self, property, member, member_path, depth + 1, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
validate_array (ProvSandboxSchema  *self,
                JsonObject         *schema,
                JsonArray          *array,
                const char         *path,
                guint               depth,
                GError            **error)
{
  JsonObject *items = prov_json_object_get_object (schema, "items");
  JsonNode *min_items = json_object_get_member (schema, "minItems");

  if (min_items != NULL && JSON_NODE_HOLDS_VALUE (min_items) &&
      json_array_get_length (array) < (guint) json_node_get_int (min_items))
    {
      g_autofree char *problem = g_strdup_printf ("needs at least %" G_GINT64_FORMAT " elements",
                                                  json_node_get_int (min_items));
      return fail (error, path, problem);
    }

  for (guint i = 0; items != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);

      if (!validate (self, items, json_array_get_element (array, i), element_path, depth + 1, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
validate_enum (JsonArray   *choices,
               JsonNode    *value,
               const char  *path,
               GError     **error)
{
  g_autoptr(GString) listed = g_string_new (NULL);
  g_autofree char *problem = NULL;

  for (guint i = 0; i < json_array_get_length (choices); i++)
    {
      JsonNode *choice = json_array_get_element (choices, i);

      if (json_node_equal (choice, value))
        return TRUE;
      if (JSON_NODE_HOLDS_VALUE (choice) && json_node_get_value_type (choice) == G_TYPE_STRING)
        g_string_append_printf (listed, "%s%s", listed->len > 0 ? ", " : "", json_node_get_string (choice));
    }

  problem = g_strdup_printf ("must be one of %s", listed->str);
  return fail (error, path, problem);
}

static gboolean
validate (ProvSandboxSchema  *self,
          JsonObject         *schema,
          JsonNode           *value,
          const char         *path,
          guint               depth,
          GError            **error)
{
  const char *type;
  const char *format;
  JsonArray *choices;

  schema = resolve (self, schema);
  if (schema == NULL || depth > PROV_JSON_MAX_DEPTH)
    return TRUE;

  type = prov_json_object_get_string (schema, "type");
  if (type != NULL && !has_type (value, type))
    {
      g_autofree char *problem = g_strdup_printf ("must be %s %s, not %s",
                                                  strchr ("aeiou", type[0]) != NULL ? "an" : "a", type,
                                                  type_of (value));
      return fail (error, path, problem);
    }

  choices = prov_json_object_get_array (schema, "enum");
  if (choices != NULL && !validate_enum (choices, value, path, error))
    return FALSE;

  format = prov_json_object_get_string (schema, "format");
  if (g_strcmp0 (format, "date-time") == 0 && g_str_equal (type_of (value), "string") &&
      !prov_rfc3339_is_valid (json_node_get_string (value)))
    return fail (error, path, "must be an RFC 3339 date-time, such as 2026-11-30T09:15:00Z");

  if (JSON_NODE_HOLDS_OBJECT (value))
    return validate_object (self, schema, json_node_get_object (value), path, depth, error);
  if (JSON_NODE_HOLDS_ARRAY (value))
    return validate_array (self, schema, json_node_get_array (value), path, depth, error);

  return TRUE;
}

/* Errors are G_IO_ERROR_INVALID_DATA, their message led by the path of the
 * member at fault (for example "productOrderItem[0].action"). */
gboolean
prov_sandbox_schema_validate (ProvSandboxSchema  *self,
                              const char         *definition,
                              JsonNode           *body,
                              GError            **error)
{
  JsonObject *schema = prov_json_object_get_object (self->definitions, definition);

  g_return_val_if_fail (schema != NULL, FALSE);

  return validate (self, schema, body, "", 0, error);
}
