#include "prov-enum.h"

const char *
prov_enum_get_nick (GType type,
                    int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  g_return_val_if_fail (found != NULL, NULL);

  /* Nicks are static: they outlive the class reference. */
  return found->value_nick;
}

gboolean
prov_enum_from_nick (GType       type,
                     const char *nick,
                     int        *out_value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *found;

  g_return_val_if_fail (out_value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  found = g_enum_get_value_by_nick (klass, nick);
  if (found == NULL)
    return FALSE;

  *out_value = found->value;
  return TRUE;
}
