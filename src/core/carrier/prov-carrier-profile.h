#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A carrier profile's settings (com.example.Provisioner.CarrierProfile),
 * kept under one path per profile id; the app, its preferences and the
 * command-line tool reach them only through here. */
GSettings *prov_carrier_profile_settings_new (const char *profile_id);
char      *prov_carrier_profile_dup_path     (const char *profile_id);

G_END_DECLS
