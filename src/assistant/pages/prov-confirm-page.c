#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-confirm-page.h"
#include "prov-tmf622.h"

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

/* What the overview shows, in the order of the pages. Secrets (PINs) are
 * left out: the customer reads along. */
static const struct {
  const char *key;
  const char *title;
} overview[] = {
  { PROV_ORDER_FIELD_CUSTOMER_NAME, N_("Customer") },
  { "stocktaking.portfolio-name", N_("Portfolio") },
  { PROV_ORDER_FIELD_OFFERING_NAME, N_("Product") },
  { "subscription.data-name", N_("Data package") },
  { "subscription.sms-name", N_("SMS package") },
  { PROV_ORDER_FIELD_REFERENCE, N_("Own reference") },
  { PROV_ORDER_FIELD_START_DATE, N_("Start date") },
  { "stocktaking.contract-months", N_("Contract duration (months)") },
  { "addons.names", N_("Add-ons") },
  { "user.display-name", N_("User") },
  { "user.email", N_("User's e-mail") },
  { "user.language-name", N_("Language of announcements") },
  { PROV_ORDER_FIELD_ICCID, N_("SIM (ICCID)") },
  { "sim.summary", N_("SIM") },
  { PROV_ORDER_FIELD_MSISDN, N_("Phone number") },
  { "number.summary", N_("Number") },
  { "extension.number", N_("Extension") },
  { "extension.name", N_("Name shown on calls") },
  { "extension.area-code", N_("Area code") },
};

static void
show_overview (ProvConfirmPage *self)
{
  ProvOrder *order = self->context->order;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->overview_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < G_N_ELEMENTS (overview); i++)
    {
      const char *value = prov_order_get_field (order, overview[i].key);
      GtkWidget *row;

      if (value == NULL || *value == '\0')
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(overview[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
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

  prov_page_set_field (self->context, "confirm.end-user-billing",
                       gtk_switch_get_active (self->billing_switch) ? "true" : "false");
}

static const char *
prov_confirm_page_get_id (ProvAssistantPage *page)
{
  return "confirm";
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
  const char *billing = prov_order_get_field (context->order, "confirm.end-user-billing");

  self->context = context;
  self->filling = TRUE;
  gtk_switch_set_active (self->billing_switch, g_strcmp0 (billing, "false") != 0);
  self->filling = FALSE;
  if (billing == NULL)
    prov_page_set_field (context, "confirm.end-user-billing", "true");

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
  iface->get_id = prov_confirm_page_get_id;
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
}

static void
prov_confirm_page_init (ProvConfirmPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
