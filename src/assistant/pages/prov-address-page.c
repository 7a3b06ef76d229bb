#include <glib/gi18n.h>

#include "prov-address-page.h"
#include "prov-assistant-page.h"
#include "prov-checked-row.h"
#include "prov-choice-row.h"
#include "prov-following-address.h"

/* Where the new customer's lines are used, where their bill goes and
 * whether and how the directory lists them: the bill and the listing go
 * to the service address unless the clerk says otherwise. */

static const ProvChoice listings[] = {
  { "listed", N_("Listed") },
  { "unlisted", N_("Not listed") },
  { "listed-without-address", N_("Listed without address") },
};

struct _ProvAddressPage
{
  AdwBin                parent_instance;

  ProvPageContext      *context;

  ProvCheckedRow       *service_street_row;
  ProvCheckedRow       *service_postcode_row;
  ProvCheckedRow       *service_city_row;
  ProvChoiceRow        *service_country_row;
  ProvFollowingAddress *billing_address;
  ProvChoiceRow        *listing_row;
  ProvFollowingAddress *listing_address;
};

static void prov_address_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvAddressPage, prov_address_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_address_page_iface_init))

/* Only a listing with an address has one to give. */
static void
show_listing_address (ProvAddressPage *self)
{
  prov_following_address_set_used (self->listing_address,
                                   g_strcmp0 (prov_choice_row_get_selected_id (self->listing_row), "listed") == 0);
}

static void
on_service_changed (ProvAddressPage *self)
{
  prov_following_address_follow (self->billing_address);
  prov_following_address_follow (self->listing_address);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_listing_changed (ProvAddressPage *self)
{
  show_listing_address (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_field_changed (ProvAddressPage *self)
{
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
prov_address_page_load (ProvAssistantPage *page,
                        ProvPageContext   *context)
{
  ProvAddressPage *self = PROV_ADDRESS_PAGE (page);

  self->context = context;
  prov_checked_row_load (self->service_street_row, context);
  prov_checked_row_load (self->service_postcode_row, context);
  prov_checked_row_load (self->service_city_row, context);
  prov_choice_row_load (self->service_country_row, context);
  prov_choice_row_load (self->listing_row, context);
  prov_following_address_load (self->billing_address, context);
  prov_following_address_load (self->listing_address, context);
  show_listing_address (self);
}

static gboolean
prov_address_page_get_complete (ProvAssistantPage *page)
{
  ProvAddressPage *self = PROV_ADDRESS_PAGE (page);

  return prov_checked_row_is_valid (self->service_street_row) &&
         prov_checked_row_is_valid (self->service_postcode_row) &&
         prov_checked_row_is_valid (self->service_city_row) &&
         prov_following_address_get_complete (self->billing_address) &&
         prov_following_address_get_complete (self->listing_address);
}

static void
prov_address_page_focus_first (ProvAssistantPage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (PROV_ADDRESS_PAGE (page)->service_street_row));
}

static const char *
prov_address_page_get_title (ProvAssistantPage *page)
{
  return _("Addresses");
}

static void
prov_address_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->id = "addresses";
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
  g_type_ensure (PROV_TYPE_FOLLOWING_ADDRESS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Provisioner/assistant/pages/prov-address-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvAddressPage, service_street_row);
  gtk_widget_class_bind_template_child (widget_class, ProvAddressPage, service_postcode_row);
  gtk_widget_class_bind_template_child (widget_class, ProvAddressPage, service_city_row);
  gtk_widget_class_bind_template_child (widget_class, ProvAddressPage, service_country_row);
  gtk_widget_class_bind_template_child (widget_class, ProvAddressPage, billing_address);
  gtk_widget_class_bind_template_child (widget_class, ProvAddressPage, listing_row);
  gtk_widget_class_bind_template_child (widget_class, ProvAddressPage, listing_address);
  gtk_widget_class_bind_template_callback (widget_class, on_service_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_listing_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
}

static void
prov_address_page_init (ProvAddressPage *self)
{
  const ProvChoice *countries;
  guint n_countries;

  gtk_widget_init_template (GTK_WIDGET (self));
  countries = prov_choice_get_countries (&n_countries);
  prov_choice_row_set_choices (self->service_country_row, countries, n_countries);
  prov_choice_row_set_choices (self->listing_row, listings, G_N_ELEMENTS (listings));
}
