#pragma once

#include <gtk/gtk.h>

#include "prov-order.h"
#include "prov-session.h"
#include "prov-store.h"

G_BEGIN_DECLS

gboolean prov_order_cancel_is_offered (ProvOrder   *order);
void     prov_order_cancel_ask        (GtkWindow   *parent,
                                       ProvSession *session,
                                       ProvStore   *store,
                                       ProvOrder   *order);

G_END_DECLS
