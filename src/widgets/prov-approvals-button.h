#pragma once

#include <adwaita.h>

#include "prov-store.h"

G_BEGIN_DECLS

#define PROV_TYPE_APPROVALS_BUTTON (prov_approvals_button_get_type ())
G_DECLARE_FINAL_TYPE (ProvApprovalsButton, prov_approvals_button, PROV, APPROVALS_BUTTON, AdwBin)

void prov_approvals_button_set_store (ProvApprovalsButton *self,
                                      ProvStore           *store);

G_END_DECLS
