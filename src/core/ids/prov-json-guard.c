#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "prov-json-guard.h"

/*
 * JSON from another program (a carrier's answer, a request to the sandbox)
 * is parsed only when its nesting stays within a depth that json-glib's
 * recursive parser and our recursive walks can take, and kept only when
 * every number in it is finite: json-glib reads 1e999 as infinity and
 * writes it back as "inf.0", which is no longer JSON.
 */

/* Counts brackets outside strings; no recursion, one pass. */
/* Whether @data nests no deeper than @max_depth; @nul_at is set to the
 * offset of a string's escaped NUL (\u0000), else to -1: json-glib keeps
 * strings as C strings, so "Visible\u0000Hidden" would silently become
 * "Visible". */
static gboolean
nesting_within (const char *data,
                gsize       length,
                guint       max_depth,
                gssize     *nul_at)
{
  gboolean in_string = FALSE;
  gboolean escaped = FALSE;
  guint depth = 0;

  *nul_at = -1;
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (escaped)
            {
              escaped = FALSE;
              if (c == 'u' && *nul_at < 0 && i + 4 < length && strncmp (data + i + 1, "0000", 4) == 0)
                *nul_at = (gssize) i - 1;
            }
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            return FALSE;
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return TRUE;
}

/* The depth is bounded before this runs. */
static gboolean
numbers_finite (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, NULL, &member))
          if (!numbers_finite (member))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (!numbers_finite (json_array_get_element (array, i)))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_VALUE:
      return json_node_get_value_type (node) != G_TYPE_DOUBLE || isfinite (json_node_get_double (node));

    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

/* Errors are in JSON_PARSER_ERROR (JSON_PARSER_ERROR_INVALID_DATA when a
 * limit is crossed). */
JsonNode *
prov_json_parse_guarded (const char  *data,
                         gsize        length,
                         guint        max_depth,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  gssize nul_at = -1;

  if (!nesting_within (data, length, max_depth, &nul_at))
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   _("nested more than %u levels deep"), max_depth);
      return NULL;
    }
  if (nul_at >= 0)
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   _("a text holds a NUL character (\\u0000, at byte %ld), which cuts it short: "
                     "the text is refused rather than kept in part"), (long) nul_at);
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;

  root = json_parser_steal_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, _("empty"));
      return NULL;
    }

  if (!numbers_finite (root))
    {
      json_node_unref (root);
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("a number is too large"));
      return NULL;
    }

  return root;
}

const char *
prov_json_object_get_string (JsonObject *object,
                             const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

JsonArray *
prov_json_object_get_array (JsonObject *object,
                            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonObject *
prov_json_object_get_object (JsonObject *object,
                             const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonObject *
prov_json_array_get_object (JsonArray *array,
                            guint      index)
{
  JsonNode *node = array != NULL && index < json_array_get_length (array) ? json_array_get_element (array, index) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

const char *
prov_json_object_get_string_or (JsonObject *object,
                                const char *member,
                                const char *fallback)
{
  const char *value = prov_json_object_get_string (object, member);

  return value != NULL ? value : fallback;
}

/* Integers too; @fallback when missing, not a number, or not finite. */
double
prov_json_object_get_number (JsonObject *object,
                             const char *member,
                             double      fallback)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;
  GType type = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  double value;

  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return fallback;

  value = type == G_TYPE_DOUBLE ? json_node_get_double (node) : (double) json_node_get_int (node);
  return isfinite (value) ? value : fallback;
}

/* @fallback when missing or not a boolean. */
gboolean
prov_json_object_get_boolean (JsonObject *object,
                              const char *member,
                              gboolean    fallback)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;

  return json_node_get_boolean (node);
}
