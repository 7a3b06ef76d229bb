#pragma once

#include <adwaita.h>

#include "prov-session.h"
#include "prov-store.h"
#include "prov-sync-scheduler.h"

G_BEGIN_DECLS

#define PROV_TYPE_APPLICATION (prov_application_get_type ())
G_DECLARE_FINAL_TYPE (ProvApplication, prov_application, PROV, APPLICATION, AdwApplication)

ProvApplication *prov_application_new          (void);
GSettings       *prov_application_get_settings (ProvApplication *self);
GSettings       *prov_application_get_carrier_profile (ProvApplication *self);
ProvStore       *prov_application_get_store    (ProvApplication *self);
ProvSession     *prov_application_get_session  (ProvApplication *self);

ProvSyncScheduler *prov_application_get_scheduler (ProvApplication *self);
void             prov_application_open_assistant (ProvApplication *self,
                                                  ProvOrder       *order);

const char      *prov_current_staff_name       (void);

G_END_DECLS
