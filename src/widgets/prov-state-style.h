#pragma once

#include <gtk/gtk.h>

#include "prov-order-state.h"

G_BEGIN_DECLS

void prov_state_style_apply (GtkWidget           *widget,
                             ProvOrderStateGroup  group);

G_END_DECLS
