#pragma once

#include <adwaita.h>

#include "prov-store.h"

G_BEGIN_DECLS

#define PROV_TYPE_OVERRIDE_DIALOG (prov_override_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ProvOverrideDialog, prov_override_dialog, PROV, OVERRIDE_DIALOG, AdwWindow)

ProvOverrideDialog *prov_override_dialog_new (GtkWindow  *parent,
                                              ProvStore  *store,
                                              const char *clerk,
                                              const char *request);

G_END_DECLS
