#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* json-glib parses recursively and turns 1e999 into infinity: text from
 * the network is checked before and after parsing. */
#define PROV_JSON_MAX_DEPTH 64

JsonNode *prov_json_parse_guarded (const char  *data,
                                   gsize        length,
                                   guint        max_depth,
                                   GError     **error);

/* The member's text, or NULL when it is missing or not a string: answers
 * from elsewhere may have any shape, and json-glib's own getters warn. */
const char *prov_json_object_get_string (JsonObject *object,
                                         const char *member);
JsonArray  *prov_json_object_get_array  (JsonObject *object,
                                         const char *member);
JsonObject *prov_json_object_get_object (JsonObject *object,
                                         const char *member);
JsonObject *prov_json_array_get_object  (JsonArray  *array,
                                         guint       index);
const char *prov_json_object_get_string_or (JsonObject *object,
                                            const char *member,
                                            const char *fallback);
double      prov_json_object_get_number (JsonObject *object,
                                         const char *member,
                                         double      fallback);
gboolean    prov_json_object_get_boolean (JsonObject *object,
                                          const char *member,
                                          gboolean    fallback);

G_END_DECLS
