#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-choice-row.h"
#include "prov-service-page.h"

/* The service type, from the carrier's catalog, with what it is beside
 * the choice; or only a customer account, which needs no numbers or
 * settings and goes straight to Billing. */

struct _ProvServicePage
{
  AdwBin           parent_instance;

  ProvPageContext *context;
  gboolean         filling;

  ProvChoiceRow   *service_row;
  GtkLabel        *service_problem;
  AdwActionRow    *details_row;
  GtkSwitch       *account_only_switch;
};

static void prov_service_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvServicePage, prov_service_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_service_page_iface_init))

static gboolean
account_only (ProvServicePage *self)
{
  return gtk_switch_get_active (self->account_only_switch);
}

/* Every number's line is of the service type. */
static void
apply_service_type (ProvServicePage *self)
{
  const char *id = account_only (self) ? NULL : prov_choice_row_get_selected_id (self->service_row);
  ProvCatalog *catalog = prov_sync_scheduler_get_catalog (self->context->scheduler);
  ProvOffering *service = id != NULL && catalog != NULL ? prov_catalog_lookup (catalog, id) : NULL;

  for (guint i = 0; i < prov_order_get_n_lines (self->context->order); i++)
    {
      ProvOrderLine *line = prov_order_get_line (self->context->order, i);

      prov_order_line_set_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, id);
      prov_order_line_set_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_NAME,
                                 service != NULL ? prov_offering_get_name (service) : NULL);
    }

  adw_action_row_set_subtitle (self->details_row, service != NULL && prov_offering_get_description (service) != NULL
                                                  ? prov_offering_get_description (service) : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->service_row), !account_only (self));
  gtk_widget_set_visible (GTK_WIDGET (self->details_row), !account_only (self));
}

static void
on_service_changed (ProvServicePage *self)
{
  apply_service_type (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_account_only_toggled (ProvServicePage *self)
{
  if (self->filling || self->context == NULL)
    return;

  prov_page_set_field (self->context, PROV_ORDER_FIELD_SERVICE_ACCOUNT_ONLY, account_only (self) ? "true" : NULL);
  on_service_changed (self);
}

static void
list_service_types (ProvServicePage *self)
{
  prov_choice_row_set_offerings (self->service_row, prov_sync_scheduler_get_catalog (self->context->scheduler),
                                 PROV_OFFERING_ROLE_SERVICE_TYPE);
  prov_page_show_problem (GTK_WIDGET (self->service_row), self->service_problem,
                          prov_choice_row_get_selected_id (self->service_row) != NULL
                          ? NULL
                          : _("The carrier's catalog is not here yet: it is read as soon as the carrier can be reached"));
}

static void
prov_service_page_load (ProvAssistantPage *page,
                        ProvPageContext   *context)
{
  ProvServicePage *self = PROV_SERVICE_PAGE (page);

  self->context = context;
  list_service_types (self);
  prov_choice_row_load (self->service_row, context);
  self->filling = TRUE;
  gtk_switch_set_active (self->account_only_switch,
                         g_strcmp0 (prov_order_get_field (context->order, PROV_ORDER_FIELD_SERVICE_ACCOUNT_ONLY), "true") == 0);
  self->filling = FALSE;
  apply_service_type (self);
}

static gboolean
prov_service_page_get_complete (ProvAssistantPage *page)
{
  ProvServicePage *self = PROV_SERVICE_PAGE (page);

  return account_only (self) || prov_choice_row_get_selected_id (self->service_row) != NULL;
}

static void
prov_service_page_focus_first (ProvAssistantPage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (PROV_SERVICE_PAGE (page)->service_row));
}

static const char *
prov_service_page_get_title (ProvAssistantPage *page)
{
  return _("Service");
}

static void
prov_service_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->id = "service";
  iface->get_title = prov_service_page_get_title;
  iface->load = prov_service_page_load;
  iface->get_complete = prov_service_page_get_complete;
  iface->focus_first = prov_service_page_focus_first;
}

static void
prov_service_page_class_init (ProvServicePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (PROV_TYPE_CHOICE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Provisioner/assistant/pages/prov-service-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvServicePage, service_row);
  gtk_widget_class_bind_template_child (widget_class, ProvServicePage, service_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvServicePage, details_row);
  gtk_widget_class_bind_template_child (widget_class, ProvServicePage, account_only_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_service_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_account_only_toggled);
}

static void
prov_service_page_init (ProvServicePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
