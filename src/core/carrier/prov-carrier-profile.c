#include "prov-carrier-profile.h"

#define PROFILES_PATH "/com/example/Provisioner/carrier-profiles/"

char *
prov_carrier_profile_dup_path (const char *profile_id)
{
  g_return_val_if_fail (profile_id != NULL && *profile_id != '\0', NULL);

  return g_strconcat (PROFILES_PATH, profile_id, "/", NULL);
}

GSettings *
prov_carrier_profile_settings_new (const char *profile_id)
{
  g_autofree char *path = prov_carrier_profile_dup_path (profile_id);

  return g_settings_new_with_path (APP_ID ".CarrierProfile", path);
}
