#pragma once

#include <adwaita.h>

#include "prov-scan.h"
#include "prov-store.h"

G_BEGIN_DECLS

#define PROV_TYPE_SIGN_IN_VIEW (prov_sign_in_view_get_type ())
G_DECLARE_FINAL_TYPE (ProvSignInView, prov_sign_in_view, PROV, SIGN_IN_VIEW, AdwBin)

void     prov_sign_in_view_set_store (ProvSignInView *self,
                                      ProvStore      *store);
void     prov_sign_in_view_reset     (ProvSignInView *self);
gboolean prov_sign_in_view_take_scan (ProvSignInView *self,
                                      const ProvScan *scan);

G_END_DECLS
