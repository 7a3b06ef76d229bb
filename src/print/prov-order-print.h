#pragma once

#include <gtk/gtk.h>

#include "prov-catalog.h"
#include "prov-confirmation-layout.h"
#include "prov-order.h"

G_BEGIN_DECLS

/*
 * The order confirmation the customer takes home, with the store profile
 * and the paper from Preferences. @catalog (may be NULL) prices it.
 */
void     prov_order_print_async       (ProvOrder            *order,
                                       ProvCatalog          *catalog,
                                       GtkWindow            *parent,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean prov_order_print_finish      (GAsyncResult         *result,
                                       GError              **error);
gboolean prov_order_print_to_pdf      (ProvOrder            *order,
                                       ProvCatalog          *catalog,
                                       ProvPaper             paper,
                                       const char           *path,
                                       GError              **error);

G_END_DECLS
