#pragma once

#include <adwaita.h>

#include "prov-order.h"

G_BEGIN_DECLS

#define PROV_TYPE_REQUEST_PROGRESS (prov_request_progress_get_type ())
G_DECLARE_FINAL_TYPE (ProvRequestProgress, prov_request_progress, PROV, REQUEST_PROGRESS, AdwPreferencesGroup)

void prov_request_progress_show (ProvRequestProgress *self,
                                 ProvOrder           *order);

G_END_DECLS
