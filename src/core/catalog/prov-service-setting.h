#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A setting a service type's product specification declares for each of
 * its numbers (TMF620 productSpecCharacteristic): its name at the carrier,
 * what it is, the type of its value, the values it allows (none listed:
 * any of its type) and the one it has unless set. */
typedef struct {
  char  *name;
  char  *description;
  char  *value_type;     /* "string", "boolean" or "integer" */
  GStrv  values;
  char  *default_value;  /* or NULL */
  char  *regex;          /* what a value must match, or NULL */
} ProvServiceSetting;

void                prov_service_setting_free     (ProvServiceSetting *setting);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvServiceSetting, prov_service_setting_free)

/* The settings of a ProductSpecification: a GPtrArray of
 * ProvServiceSetting; the configurable characteristics only. */
GPtrArray          *prov_service_settings_read    (JsonObject         *specification);
/* NULL when @value suits @setting, else why not, translated. */
char               *prov_service_setting_check    (const ProvServiceSetting *setting,
                                                   const char               *value);

G_END_DECLS
