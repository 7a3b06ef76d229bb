#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void prov_focus_log_attach (GtkWindow *window);

G_END_DECLS
