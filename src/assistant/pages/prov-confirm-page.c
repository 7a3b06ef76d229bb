#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-confirm-page.h"
#include "prov-order-print.h"
#include "prov-order-summary.h"

/* The whole order at a glance before it is placed, and the end user
 * billing choice. */

struct _ProvConfirmPage
{
  AdwBin               parent_instance;

  ProvPageContext     *context;
  GPtrArray           *rows;
  gboolean             filling;

  AdwPreferencesGroup *overview_group;
  AdwActionRow        *billing_row;
  GtkSwitch           *billing_switch;
};

static void prov_confirm_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvConfirmPage, prov_confirm_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_confirm_page_iface_init))

static void
show_overview (ProvConfirmPage *self)
{
  g_autoptr(GArray) lines = prov_order_summary_lines (self->context->order);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->overview_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < lines->len; i++)
    {
      const ProvSummaryLine *line = &g_array_index (lines, ProvSummaryLine, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line->value);
      gtk_widget_add_css_class (row, "property");
      adw_preferences_group_add (self->overview_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
explain_billing (ProvConfirmPage *self)
{
  adw_action_row_set_subtitle (self->billing_row,
                               gtk_switch_get_active (self->billing_switch)
                               ? _("The carrier bills the customer for this line directly.")
                               : _("Off: the carrier does not bill the customer. Add this order to the customer's invoice by hand."));
}

static void
on_billing_toggled (ProvConfirmPage *self)
{
  explain_billing (self);
  if (self->filling || self->context == NULL)
    return;

  prov_page_set_field (self->context, PROV_ORDER_FIELD_CONFIRM_END_USER_BILLING,
                       gtk_switch_get_active (self->billing_switch) ? "true" : "false");
}

static void
report_print_problem (ProvConfirmPage *self,
                      const GError    *error)
{
  g_autofree char *message = g_strdup_printf (_("The confirmation could not be printed: %s"), error->message);
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

static void
on_printed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ProvConfirmPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_order_print_finish (result, &error))
    report_print_problem (self, error);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ProvConfirmPage *self = PROV_CONFIRM_PAGE (widget);

  prov_order_print_async (self->context->order, prov_sync_scheduler_get_catalog (self->context->scheduler),
                          GTK_WINDOW (gtk_widget_get_root (widget)), NULL, on_printed, g_object_ref (self));
}

static void
on_pdf_chosen (GtkNativeDialog *dialog,
               int              response,
               ProvConfirmPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
      if (!prov_order_print_to_pdf (self->context->order, prov_sync_scheduler_get_catalog (self->context->scheduler),
                                    PROV_PAPER_PAGE, path, &error))
        report_print_problem (self, error);
    }

  g_object_unref (dialog);
}

static void
save_pdf_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ProvConfirmPage *self = PROV_CONFIRM_PAGE (widget);
  const char *customer = prov_order_get_field (self->context->order, PROV_ORDER_FIELD_CUSTOMER_NAME);
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Save Order Confirmation"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the file name of a saved confirmation; %s is the customer */
  name = g_strdup_printf (_("Order confirmation %s.pdf"), customer != NULL ? customer : "");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_pdf_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static const char *
prov_confirm_page_get_title (ProvAssistantPage *page)
{
  return _("Confirm");
}

static void
prov_confirm_page_load (ProvAssistantPage *page,
                        ProvPageContext   *context)
{
  ProvConfirmPage *self = PROV_CONFIRM_PAGE (page);
  const char *billing = prov_order_get_field (context->order, PROV_ORDER_FIELD_CONFIRM_END_USER_BILLING);

  gboolean bills = (context->flow->traits & PROV_FLOW_CHANGES_LINES) == 0;

  self->context = context;
  self->filling = TRUE;
  gtk_switch_set_active (self->billing_switch, g_strcmp0 (billing, "false") != 0);
  self->filling = FALSE;
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->billing_row), ADW_TYPE_PREFERENCES_GROUP), bills);
  if (billing == NULL && bills)
    prov_page_set_field (context, PROV_ORDER_FIELD_CONFIRM_END_USER_BILLING, "true");

  explain_billing (self);
  show_overview (self);
}

static gboolean
prov_confirm_page_get_complete (ProvAssistantPage *page)
{
  return PROV_CONFIRM_PAGE (page)->context != NULL;
}

static void
prov_confirm_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->id = "confirm";
  iface->get_title = prov_confirm_page_get_title;
  iface->load = prov_confirm_page_load;
  iface->get_complete = prov_confirm_page_get_complete;
}

static void
prov_confirm_page_dispose (GObject *object)
{
  ProvConfirmPage *self = PROV_CONFIRM_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (prov_confirm_page_parent_class)->dispose (object);
}

static void
prov_confirm_page_class_init (ProvConfirmPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prov_confirm_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/assistant/pages/prov-confirm-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvConfirmPage, overview_group);
  gtk_widget_class_bind_template_child (widget_class, ProvConfirmPage, billing_row);
  gtk_widget_class_bind_template_child (widget_class, ProvConfirmPage, billing_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_billing_toggled);
  gtk_widget_class_install_action (widget_class, PROV_ORDER_FIELD_CONFIRM_PRINT, NULL, print_activated);
  gtk_widget_class_install_action (widget_class, PROV_ORDER_FIELD_CONFIRM_SAVE_PDF, NULL, save_pdf_activated);
}

static void
prov_confirm_page_init (ProvConfirmPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
