#include <glib/gi18n.h>

#include "prov-carrier-profile.h"
#include "prov-confirmation.h"
#include "prov-order-print.h"

/*
 * GtkPrintOperation around a confirmation layout. A sheet's size is the
 * print dialog's (A4 or Letter by the region, unless the clerk picks
 * another); a receipt's width is the roll's, and its one page is as long
 * as what it says. The dialog's Layout tab overrides Preferences for one
 * print.
 */

typedef struct {
  ProvOrder              *order;
  ProvCatalog            *catalog;
  ProvPaper               paper;
  ProvConfirmationLayout *layout;
  GtkWidget              *receipt_check;   /* on the dialog's Layout tab */
  GError                 *error;
  GTask                  *task;            /* until it returns */
  GtkPrintOperation      *operation;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  /* GTK may hold the operation longer than the job lives. */
  if (job->operation != NULL)
    g_signal_handlers_disconnect_by_data (job->operation, job);
  g_clear_object (&job->operation);
  g_clear_object (&job->order);
  g_clear_object (&job->catalog);
  g_clear_object (&job->layout);
  g_clear_error (&job->error);
  g_free (job);
}

/* The store from Preferences; the dealer code is the one the order's
 * carrier gave this store, so it comes from the carrier profile: the one
 * the order names, else the one orders are sent to. */
static ProvStoreProfile *
dup_store_profile (ProvOrder  *order,
                   char      **carrier_name)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *order_profile = prov_order_get_field (order, PROV_ORDER_FIELD_CARRIER_PROFILE);
  g_autofree char *profile_id = order_profile != NULL ? g_strdup (order_profile)
                                                      : g_settings_get_string (settings, "carrier-profile");
  g_autoptr(GSettings) carrier = prov_carrier_profile_settings_new (profile_id);
  g_autofree char *name = g_settings_get_string (settings, "store-name");
  g_autofree char *street = g_settings_get_string (settings, "store-street");
  g_autofree char *city = g_settings_get_string (settings, "store-city");
  g_autofree char *address = g_strjoin (*street != '\0' && *city != '\0' ? "\n" : "", street, city, NULL);
  g_autofree char *phone = g_settings_get_string (settings, "store-phone");
  g_autofree char *logo = g_settings_get_string (settings, "store-logo");
  g_autofree char *dealer_code = g_settings_get_string (carrier, "dealer-code");

  *carrier_name = g_settings_get_string (carrier, "name");
  return prov_store_profile_new (name, address, phone, dealer_code, logo);
}

static ProvConfirmationLayout *
new_layout (PrintJob *job,
            double    sheet_width,
            double    sheet_height)
{
  g_autofree char *carrier_name = NULL;
  g_autoptr(ProvStoreProfile) store = dup_store_profile (job->order, &carrier_name);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(ProvConfirmation) confirmation = NULL;

  confirmation = prov_confirmation_new (job->order, job->catalog, store, carrier_name,
                                        prov_order_get_created_by (job->order), now);

  if (job->paper == PROV_PAPER_RECEIPT)
    sheet_width = PROV_RECEIPT_WIDTH_MM * 72 / 25.4;
  return prov_confirmation_layout_new (confirmation, job->paper, sheet_width, sheet_height);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_clear_object (&job->layout);
  job->layout = new_layout (job, gtk_print_context_get_width (context), gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) prov_confirmation_layout_get_n_pages (job->layout));
}

/* A roll has no sheet size: each receipt is cut to its own length. */
static void
on_request_page_setup (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page_nr,
                       GtkPageSetup      *setup,
                       PrintJob          *job)
{
  g_autoptr(GtkPaperSize) roll = NULL;

  if (prov_confirmation_layout_get_paper (job->layout) != PROV_PAPER_RECEIPT)
    return;

  roll = gtk_paper_size_new_custom ("provisioner-receipt", _("Receipt roll, 80 mm"),
                                    prov_confirmation_layout_get_width (job->layout),
                                    prov_confirmation_layout_get_height (job->layout), GTK_UNIT_POINTS);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_paper_size_and_default_margins (setup, roll);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  g_autoptr(GError) error = NULL;

  if (!prov_confirmation_layout_draw_page (job->layout, gtk_print_context_get_cairo_context (context),
                                           (guint) page_nr, &error) &&
      job->error == NULL)
    {
      job->error = g_steal_pointer (&error);
      gtk_print_operation_cancel (operation);
    }
}

static GtkPrintOperation *
new_operation (PrintJob *job)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  const char *customer = prov_order_get_field (job->order, PROV_ORDER_FIELD_CUSTOMER_NAME);
  /* Translators: the print job's name; %s is the customer */
  g_autofree char *name = g_strdup_printf (_("Order confirmation for %s"), customer != NULL ? customer : "");

  gtk_print_operation_set_job_name (operation, name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The layout keeps its own margins: a roll's are not a sheet's. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (on_request_page_setup), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  job->operation = g_object_ref (operation);
  return operation;
}

static PrintJob *
print_job_new (ProvOrder   *order,
               ProvCatalog *catalog,
               ProvPaper    paper)
{
  PrintJob *job = g_new0 (PrintJob, 1);

  job->order = g_object_ref (order);
  job->catalog = catalog != NULL ? g_object_ref (catalog) : NULL;
  job->paper = paper;
  return job;
}

/* Saves the confirmation as a PDF at @path: what an e-mail attaches,
 * and what the tests read back. */
gboolean
prov_order_print_to_pdf (ProvOrder    *order,
                         ProvCatalog  *catalog,
                         ProvPaper     paper,
                         const char   *path,
                         GError      **error)
{
  PrintJob *job;
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;
  gboolean ok;

  g_return_val_if_fail (PROV_IS_ORDER (order), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  job = print_job_new (order, catalog, paper);
  operation = new_operation (job);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);

  ok = result == GTK_PRINT_OPERATION_RESULT_APPLY && job->error == NULL;
  if (job->error != NULL)
    g_propagate_error (error, g_steal_pointer (&job->error));
  else if (!ok && result != GTK_PRINT_OPERATION_RESULT_ERROR)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The confirmation could not be saved"));
  print_job_free (job);
  return ok;
}

/* The dialog's Layout tab: a sheet, or the receipt printer's roll. */
static GObject *
on_create_custom_widget (GtkPrintOperation *operation,
                         PrintJob          *job)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *page_check = gtk_check_button_new_with_mnemonic (_("_Page (A4 or Letter)"));

  job->receipt_check = gtk_check_button_new_with_mnemonic (_("_Receipt (80 mm roll)"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (job->receipt_check), GTK_CHECK_BUTTON (page_check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (job->paper == PROV_PAPER_RECEIPT ? job->receipt_check : page_check),
                               TRUE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_box_append (GTK_BOX (box), page_check);
  gtk_box_append (GTK_BOX (box), job->receipt_check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Paper of the confirmation"), -1);
  return G_OBJECT (box);
}

static void
on_custom_widget_apply (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        PrintJob          *job)
{
  job->paper = gtk_check_button_get_active (GTK_CHECK_BUTTON (job->receipt_check)) ? PROV_PAPER_RECEIPT
                                                                                   : PROV_PAPER_PAGE;
}

/* Once: "done" may or may not follow a run that did not go async. */
static void
complete (PrintJob                *job,
          GtkPrintOperation       *operation,
          GtkPrintOperationResult  result,
          GError                  *run_error)
{
  g_autoptr(GError) error = run_error;
  GTask *task = g_steal_pointer (&job->task);

  if (task == NULL)
    return;

  if (job->error != NULL)
    g_task_return_error (task, g_steal_pointer (&job->error));
  else if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The confirmation could not be printed"));
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_boolean (task, TRUE);

  g_object_unref (task);
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintJob                *job)
{
  complete (job, operation, result, NULL);
}

/*
 * Opens the print dialog for the confirmation, with the paper from
 * Preferences chosen on its Layout tab. Completes when the job has gone
 * to the printer or the clerk cancelled (not an error).
 */
void
prov_order_print_async (ProvOrder           *order,
                        ProvCatalog         *catalog,
                        GtkWindow           *parent,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GtkPrintOperation) operation = NULL;
  GError *error = NULL;
  GtkPrintOperationResult result;
  GTask *task;
  PrintJob *job;

  g_return_if_fail (PROV_IS_ORDER (order));

  job = print_job_new (order, catalog, (ProvPaper) g_settings_get_enum (settings, "confirmation-paper"));
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, prov_order_print_async);
  g_task_set_task_data (task, job, (GDestroyNotify) print_job_free);
  /* The job owns the task until it returns; the task owns the job. */
  job->task = g_object_ref (task);

  operation = new_operation (job);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_custom_tab_label (operation, _("Layout"));
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (on_create_custom_widget), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (on_custom_widget_apply), job);

  g_signal_connect (operation, "done", G_CALLBACK (on_done), job);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    complete (job, operation, result, error);
  g_object_unref (task);
}

gboolean
prov_order_print_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
