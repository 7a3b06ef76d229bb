#pragma once

#include <gtk/gtk.h>

#include "prov-session.h"
#include "prov-store.h"

G_BEGIN_DECLS

gboolean prov_order_approval_is_offered (ProvOrder            *order);
void     prov_order_approval_decide     (GtkWindow            *parent,
                                         ProvSession          *session,
                                         ProvStore            *store,
                                         ProvOrder            *order,
                                         ProvApprovalDecision  decision);
gboolean prov_approval_decision_from_id (const char           *id,
                                         ProvApprovalDecision *out_decision);

G_END_DECLS
