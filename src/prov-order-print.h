#pragma once

#include <gtk/gtk.h>

#include "prov-order.h"

G_BEGIN_DECLS

/* The order confirmation the customer takes home: printed, or saved as a
 * PDF (GTK_PRINT_OPERATION_ACTION_EXPORT with export_path). */
GtkPrintOperationResult prov_order_print (ProvOrder                *order,
                                          GtkWindow                *parent,
                                          GtkPrintOperationAction   action,
                                          const char               *export_path,
                                          GError                  **error);

G_END_DECLS
