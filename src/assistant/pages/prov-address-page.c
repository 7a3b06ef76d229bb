#include <glib/gi18n.h>

#include "prov-address-page.h"
#include "prov-assistant-page.h"
#include "prov-checked-row.h"
#include "prov-choice-row.h"

/* Where the new customer's lines are used, where their bill goes (the
 * service address unless the clerk says otherwise) and whether the
 * directory lists them. */

static const ProvChoice countries[] = {
  { "NL", N_("Netherlands") },
  { "BE", N_("Belgium") },
  { "DE", N_("Germany") },
  { "GB", N_("United Kingdom") },
  { "US", N_("United States") },
  { "CA", N_("Canada") },
};

static const ProvChoice listings[] = {
  { "listed", N_("Listed") },
  { "unlisted", N_("Not listed") },
  { "listed-without-address", N_("Listed without address") },
};

/* The billing field each service field is copied to. */
static const struct {
  const char *service;
  const char *billing;
} copied[] = {
  { "service.street", "billing.street" },
  { "service.postcode", "billing.postcode" },
  { "service.city", "billing.city" },
  { "service.country", "billing.country" },
};

struct _ProvAddressPage
{
  AdwBin           parent_instance;

  ProvPageContext *context;
  gboolean         filling;

  ProvCheckedRow  *service_street_row;
  ProvCheckedRow  *service_postcode_row;
  ProvCheckedRow  *service_city_row;
  ProvChoiceRow   *service_country_row;
  GtkSwitch       *same_switch;
  ProvCheckedRow  *billing_street_row;
  ProvCheckedRow  *billing_postcode_row;
  ProvCheckedRow  *billing_city_row;
  ProvChoiceRow   *billing_country_row;
  ProvChoiceRow   *listing_row;
};

static void prov_address_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvAddressPage, prov_address_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_address_page_iface_init))

static gboolean
billing_is_service (ProvAddressPage *self)
{
  return gtk_switch_get_active (self->same_switch);
}

static void
load_billing_rows (ProvAddressPage *self)
{
  prov_checked_row_load (self->billing_street_row, self->context);
  prov_checked_row_load (self->billing_postcode_row, self->context);
  prov_checked_row_load (self->billing_city_row, self->context);
  prov_choice_row_load (self->billing_country_row, self->context);
}

/* The carrier gets both addresses either way: while they are the same,
 * the billing one follows the service one, and the rows show it. */
static void
follow_service_address (ProvAddressPage *self)
{
  gboolean same = billing_is_service (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->billing_street_row), !same);
  gtk_widget_set_sensitive (GTK_WIDGET (self->billing_postcode_row), !same);
  gtk_widget_set_sensitive (GTK_WIDGET (self->billing_city_row), !same);
  gtk_widget_set_sensitive (GTK_WIDGET (self->billing_country_row), !same);
  if (!same || self->context == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    prov_page_set_field (self->context, copied[i].billing,
                         prov_order_get_field (self->context->order, copied[i].service));
  load_billing_rows (self);
}

static void
on_field_changed (ProvAddressPage *self)
{
  if (self->filling)
    return;

  follow_service_address (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_same_toggled (ProvAddressPage *self)
{
  if (self->filling || self->context == NULL)
    return;

  prov_page_set_field (self->context, "billing.same-as-service", billing_is_service (self) ? "true" : "false");
  on_field_changed (self);
}

static void
prov_address_page_load (ProvAssistantPage *page,
                        ProvPageContext   *context)
{
  ProvAddressPage *self = PROV_ADDRESS_PAGE (page);

  self->context = context;
  self->filling = TRUE;
  gtk_switch_set_active (self->same_switch,
                         g_strcmp0 (prov_order_get_field (context->order, "billing.same-as-service"), "false") != 0);
  prov_checked_row_load (self->service_street_row, context);
  prov_checked_row_load (self->service_postcode_row, context);
  prov_checked_row_load (self->service_city_row, context);
  prov_choice_row_load (self->service_country_row, context);
  load_billing_rows (self);
  prov_choice_row_load (self->listing_row, context);
  self->filling = FALSE;

  follow_service_address (self);
}

static gboolean
prov_address_page_get_complete (ProvAssistantPage *page)
{
  ProvAddressPage *self = PROV_ADDRESS_PAGE (page);

  return prov_checked_row_is_valid (self->service_street_row) &&
         prov_checked_row_is_valid (self->service_postcode_row) &&
         prov_checked_row_is_valid (self->service_city_row) &&
         prov_checked_row_is_valid (self->billing_street_row) &&
         prov_checked_row_is_valid (self->billing_postcode_row) &&
         prov_checked_row_is_valid (self->billing_city_row);
}

static void
prov_address_page_focus_first (ProvAssistantPage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (PROV_ADDRESS_PAGE (page)->service_street_row));
}

static const char *
prov_address_page_get_id (ProvAssistantPage *page)
{
  return "addresses";
}

static const char *
prov_address_page_get_title (ProvAssistantPage *page)
{
  return _("Addresses");
}

static void
prov_address_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->get_id = prov_address_page_get_id;
  iface->get_title = prov_address_page_get_title;
  iface->load = prov_address_page_load;
  iface->get_complete = prov_address_page_get_complete;
  iface->focus_first = prov_address_page_focus_first;
}

static void
prov_address_page_class_init (ProvAddressPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (PROV_TYPE_CHECKED_ROW);
  g_type_ensure (PROV_TYPE_CHOICE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Provisioner/assistant/pages/prov-address-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvAddressPage, service_street_row);
  gtk_widget_class_bind_template_child (widget_class, ProvAddressPage, service_postcode_row);
  gtk_widget_class_bind_template_child (widget_class, ProvAddressPage, service_city_row);
  gtk_widget_class_bind_template_child (widget_class, ProvAddressPage, service_country_row);
  gtk_widget_class_bind_template_child (widget_class, ProvAddressPage, same_switch);
  gtk_widget_class_bind_template_child (widget_class, ProvAddressPage, billing_street_row);
  gtk_widget_class_bind_template_child (widget_class, ProvAddressPage, billing_postcode_row);
  gtk_widget_class_bind_template_child (widget_class, ProvAddressPage, billing_city_row);
  gtk_widget_class_bind_template_child (widget_class, ProvAddressPage, billing_country_row);
  gtk_widget_class_bind_template_child (widget_class, ProvAddressPage, listing_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_same_toggled);
}

static void
prov_address_page_init (ProvAddressPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  prov_choice_row_set_choices (self->service_country_row, countries, G_N_ELEMENTS (countries));
  prov_choice_row_set_choices (self->billing_country_row, countries, G_N_ELEMENTS (countries));
  prov_choice_row_set_choices (self->listing_row, listings, G_N_ELEMENTS (listings));
}
