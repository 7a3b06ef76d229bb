#include <glib/gi18n-lib.h>

#include "prov-json-guard.h"
#include "prov-service-setting.h"

/*
 * A service type's settings come from its product specification in the
 * carrier's catalog; a value the clerk gives is checked against the type
 * and the values the specification lists before the carrier sees it.
 */

void
prov_service_setting_free (ProvServiceSetting *setting)
{
  if (setting == NULL)
    return;

  g_free (setting->name);
  g_free (setting->description);
  g_free (setting->value_type);
  g_strfreev (setting->values);
  g_free (setting->default_value);
  g_free (setting->regex);
  g_free (setting);
}

/* A characteristic value as text, whatever JSON type it has. */
static char *
dup_value_text (JsonObject *value)
{
  JsonNode *node = value != NULL && json_object_has_member (value, "value")
                   ? json_object_get_member (value, "value") : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return NULL;
}

GPtrArray *
prov_service_settings_read (JsonObject *specification)
{
  JsonArray *characteristics = prov_json_object_get_array (specification, "productSpecCharacteristic");
  GPtrArray *settings = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_service_setting_free);

  for (guint i = 0; characteristics != NULL && i < json_array_get_length (characteristics); i++)
    {
      JsonObject *characteristic = prov_json_array_get_object (characteristics, i);
      JsonArray *values = prov_json_object_get_array (characteristic, "productSpecCharacteristicValue");
      const char *name = prov_json_object_get_string (characteristic, "name");
      g_autoptr(GStrvBuilder) allowed = g_strv_builder_new ();
      ProvServiceSetting *setting;

      if (name == NULL || (json_object_has_member (characteristic, "configurable") &&
                           !json_object_get_boolean_member_with_default (characteristic, "configurable", TRUE)))
        continue;

      setting = g_new0 (ProvServiceSetting, 1);
      setting->name = g_strdup (name);
      setting->description = g_strdup (prov_json_object_get_string_or (characteristic, "description", name));
      setting->value_type = g_strdup (prov_json_object_get_string_or (characteristic, "valueType", "string"));
      for (guint v = 0; values != NULL && v < json_array_get_length (values); v++)
        {
          JsonObject *value = prov_json_array_get_object (values, v);
          g_autofree char *text = dup_value_text (value);

          /* A pattern is a rule for any value, not a value of its own. */
          if (prov_json_object_get_string (value, "regex") != NULL && setting->regex == NULL)
            setting->regex = g_strdup (prov_json_object_get_string (value, "regex"));
          if (text == NULL)
            continue;
          g_strv_builder_add (allowed, text);
          if (json_object_get_boolean_member_with_default (value, "isDefault", FALSE))
            {
              g_free (setting->default_value);
              setting->default_value = g_strdup (text);
            }
        }
      setting->values = g_strv_builder_end (allowed);
      g_ptr_array_add (settings, setting);
    }

  return settings;
}

char *
prov_service_setting_check (const ProvServiceSetting *setting,
                            const char               *value)
{
  g_return_val_if_fail (setting != NULL, NULL);

  if (value == NULL || *value == '\0')
    return NULL;

  if (g_str_equal (setting->value_type, "boolean") && !g_str_equal (value, "true") && !g_str_equal (value, "false"))
    /* Translators: %s is a setting's description */
    return g_strdup_printf (_("%s: on or off only"), setting->description);

  if (g_str_equal (setting->value_type, "integer"))
    {
      char *end = NULL;

      g_ascii_strtoll (value, &end, 10);
      if (end == value || *end != '\0')
        return g_strdup_printf (_("%s: a whole number only"), setting->description);
    }

  if (setting->regex != NULL && !g_regex_match_simple (setting->regex, value, 0, 0))
    /* Translators: %s is a setting's description */
    return g_strdup_printf (_("%s: not in the form the carrier asks"), setting->description);

  if (setting->values[0] != NULL && !g_strv_contains ((const char * const *) setting->values, value))
    {
      g_autofree char *allowed = g_strjoinv (", ", setting->values);

      /* Translators: a setting's description, then the values it allows */
      return g_strdup_printf (_("%s: one of %s"), setting->description, allowed);
    }

  return NULL;
}
