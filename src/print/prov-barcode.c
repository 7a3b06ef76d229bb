#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <zint.h>

#include "prov-barcode.h"

/*
 * Draws @data as a barcode filling the box at @x, @y (a QR code stays
 * square, centred in it), as vector rectangles: crisp at any printer's
 * resolution, and a PDF keeps it exact for any scanner. No quiet zone is
 * added: the caller leaves white around it.
 */
gboolean
prov_barcode_draw (cairo_t          *cr,
                   ProvBarcodeKind   kind,
                   const char       *data,
                   double            x,
                   double            y,
                   double            width,
                   double            height,
                   GError          **error)
{
  struct zint_symbol *symbol;
  double symbol_width, symbol_height, scale_x, scale_y;
  int status;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  symbol = ZBarcode_Create ();
  if (symbol == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the barcode: out of memory"));
      return FALSE;
    }

  symbol->symbology = kind == PROV_BARCODE_QR ? BARCODE_QRCODE : BARCODE_CODE128;
  symbol->show_hrt = 0;       /* the reference is written beside it, in our font */
  symbol->whitespace_width = 0;
  symbol->border_width = 0;
  if (kind == PROV_BARCODE_QR)
    symbol->option_1 = 2;     /* error correction M: survives a crease */

  status = ZBarcode_Encode_and_Buffer_Vector (symbol, (const unsigned char *) data, (int) strlen (data), 0);
  if (status >= ZINT_ERROR || symbol->vector == NULL || symbol->vector->width <= 0 || symbol->vector->height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is the barcode library's own explanation */
                   _("Could not draw the barcode: %s"), symbol->errtxt);
      ZBarcode_Delete (symbol);
      return FALSE;
    }

  symbol_width = symbol->vector->width;
  symbol_height = symbol->vector->height;
  scale_x = width / symbol_width;
  scale_y = height / symbol_height;
  if (kind == PROV_BARCODE_QR)
    {
      scale_x = scale_y = MIN (scale_x, scale_y);
      x += (width - symbol_width * scale_x) / 2;
      y += (height - symbol_height * scale_y) / 2;
    }

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (const struct zint_vector_rect *rect = symbol->vector->rectangles; rect != NULL; rect = rect->next)
    cairo_rectangle (cr, x + rect->x * scale_x, y + rect->y * scale_y, rect->width * scale_x, rect->height * scale_y);
  cairo_fill (cr);
  cairo_restore (cr);

  ZBarcode_Delete (symbol);
  return TRUE;
}
