#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  PROV_BARCODE_CODE128,   /* what every counter scanner reads */
  PROV_BARCODE_QR,        /* what a phone's camera reads */
} ProvBarcodeKind;

gboolean prov_barcode_draw (cairo_t          *cr,
                            ProvBarcodeKind   kind,
                            const char       *data,
                            double            x,
                            double            y,
                            double            width,
                            double            height,
                            GError          **error);

G_END_DECLS
