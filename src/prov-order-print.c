#include <glib/gi18n.h>

#include "prov-order-print.h"
#include "prov-order-summary.h"

/* One A4 page: a title, when and by whom, then the overview as the
 * Confirm page shows it, in the clerk's language. */

#define MARGIN_PT 24.0

static char *
dup_markup (ProvOrder *order)
{
  g_autoptr(GArray) lines = prov_order_summary_lines (order);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%x %X");
  g_autofree char *heading = g_markup_printf_escaped ("<span size='x-large' weight='bold'>%s</span>\n%s\n\n",
                                                      _("Order Confirmation"),
                                                      prov_order_kind_get_title (prov_order_get_kind (order)));
  GString *markup = g_string_new (heading);

  for (guint i = 0; i < lines->len; i++)
    {
      const ProvSummaryLine *line = &g_array_index (lines, ProvSummaryLine, i);
      g_autofree char *entry = g_markup_printf_escaped ("<b>%s</b>\t%s\n", line->title, line->value);

      g_string_append (markup, entry);
    }

  {
    /* The reference on a line of its own: wrapping must not split it. */
    /* Translators: at the foot of the printed confirmation; %s is a date and time */
    g_autofree char *printed = g_markup_printf_escaped (_("Printed %s."), when);
    /* Translators: at the foot of the printed confirmation; %s is the order's reference */
    g_autofree char *reference = g_markup_printf_escaped (_("Order reference: %s"), prov_order_get_uuid (order));

    g_string_append_printf (markup, "\n%s\n%s", printed, reference);
  }

  return g_string_free (markup, FALSE);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              ProvOrder         *order)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  g_autofree char *markup = dup_markup (order);
  PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, 200);
  double width = gtk_print_context_get_width (context) - 2 * MARGIN_PT;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_tabs (layout, tabs);
  pango_tab_array_free (tabs);
  pango_layout_set_markup (layout, markup, -1);

  cairo_move_to (cr, MARGIN_PT, MARGIN_PT);
  pango_cairo_show_layout (cr, layout);
}

GtkPrintOperationResult
prov_order_print (ProvOrder                *order,
                  GtkWindow                *parent,
                  GtkPrintOperationAction   action,
                  const char               *export_path,
                  GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autofree char *job = NULL;
  const char *customer;

  g_return_val_if_fail (PROV_IS_ORDER (order), GTK_PRINT_OPERATION_RESULT_ERROR);

  customer = prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME);
  /* Translators: the print job's name; %s is the customer */
  job = g_strdup_printf (_("Order confirmation for %s"), customer != NULL ? customer : "");
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), order);

  return gtk_print_operation_run (operation, action, parent, error);
}
