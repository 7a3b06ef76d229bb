#include <stdlib.h>

#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-subscription-page.h"

/* The voice product (the portal's tier) of the chosen portfolio, and the
 * data and SMS packages that go with it. */

struct _ProvSubscriptionPage
{
  AdwBin           parent_instance;

  ProvPageContext *context;
  gboolean         filling;

  AdwComboRow     *voice_row;
  AdwComboRow     *data_row;
  AdwComboRow     *sms_row;
  GtkLabel        *term_note;
  GtkLabel        *problem;
};

static void prov_subscription_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvSubscriptionPage, prov_subscription_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_subscription_page_iface_init))

static void
store_offering (ProvSubscriptionPage *self,
                AdwComboRow          *row,
                const char           *id_key,
                const char           *name_key)
{
  ProvOffering *offering = prov_page_get_offering (GTK_WIDGET (row));

  prov_page_set_field (self->context, id_key, offering != NULL ? prov_offering_get_id (offering) : NULL);
  prov_page_set_field (self->context, name_key, offering != NULL ? prov_offering_get_name (offering) : NULL);
}

static void
fill_packages (ProvSubscriptionPage *self)
{
  ProvCatalog *catalog = prov_sync_scheduler_get_catalog (self->context->scheduler);
  ProvOffering *voice = prov_page_get_offering (GTK_WIDGET (self->voice_row));
  g_autoptr(GListModel) data = NULL;
  g_autoptr(GListModel) sms = NULL;

  if (catalog != NULL && voice != NULL)
    {
      data = prov_catalog_list (catalog, PROV_OFFERING_ROLE_DATA, PROV_OFFERING_REQUIRES, prov_offering_get_id (voice), NULL);
      sms = prov_catalog_list (catalog, PROV_OFFERING_ROLE_SMS, PROV_OFFERING_REQUIRES, prov_offering_get_id (voice), NULL);
    }

  self->filling = TRUE;
  prov_page_set_offerings (GTK_WIDGET (self->data_row), data, TRUE,
                           prov_order_get_field (self->context->order, PROV_ORDER_FIELD_SUBSCRIPTION_DATA_ID));
  prov_page_set_offerings (GTK_WIDGET (self->sms_row), sms, TRUE,
                           prov_order_get_field (self->context->order, PROV_ORDER_FIELD_SUBSCRIPTION_SMS_ID));
  self->filling = FALSE;

  /* A package the new voice product does not allow is dropped. */
  store_offering (self, self->data_row, PROV_ORDER_FIELD_SUBSCRIPTION_DATA_ID, PROV_ORDER_FIELD_SUBSCRIPTION_DATA_NAME);
  store_offering (self, self->sms_row, PROV_ORDER_FIELD_SUBSCRIPTION_SMS_ID, PROV_ORDER_FIELD_SUBSCRIPTION_SMS_NAME);
}

static char *
dup_contract_label (guint months)
{
  if (months == 0)
    return g_strdup (_("No fixed contract duration"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Contract of %u month", "Contract of %u months", months), months);
}

static char *
dup_not_sold_for (ProvOffering *voice,
                  guint         wanted,
                  guint         months)
{
  g_autofree char *wanted_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", wanted), wanted);

  if (months == 0)
    /* Translators: the first %s is a voice product, the second a duration such as "1 month" */
    return g_strdup_printf (_("%s is not sold for %s and has no fixed contract duration: the duration chosen on Stocktaking no longer applies."),
                            prov_offering_get_name (voice), wanted_text);

  /* Translators: the first %s is a voice product, the second a duration such as "1 month" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s is not sold for %s: the contract is now %u month.",
                                       "%s is not sold for %s: the contract is now %u months.", months),
                          prov_offering_get_name (voice), wanted_text, months);
}

/* The contract duration was chosen on Stocktaking, perhaps before the
 * tier was: a tier not sold for that long gets the nearest term it is
 * sold for, and the page says so rather than changing it unseen. */
static void
fit_contract_to_tier (ProvSubscriptionPage *self)
{
  ProvOffering *voice = prov_page_get_offering (GTK_WIDGET (self->voice_row));
  const char *chosen = prov_order_get_field (self->context->order, PROV_ORDER_FIELD_STOCKTAKING_CONTRACT_MONTHS);
  guint wanted = chosen != NULL ? (guint) atoi (chosen) : 0;
  g_autofree char *contract = NULL;
  g_autofree char *note = NULL;
  guint months;

  if (voice == NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->voice_row), "");
      gtk_widget_set_visible (GTK_WIDGET (self->term_note), FALSE);
      return;
    }

  months = prov_offering_pick_term (voice, wanted);
  if (months != wanted)
    {
      g_autofree char *text = months > 0 ? g_strdup_printf ("%u", months) : NULL;

      if (wanted > 0)
        note = dup_not_sold_for (voice, wanted, months);
      prov_page_set_field (self->context, PROV_ORDER_FIELD_STOCKTAKING_CONTRACT_MONTHS, text);
    }

  contract = dup_contract_label (months);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->voice_row), contract);
  /* The note stays until the clerk picks another tier. */
  gtk_label_set_label (self->term_note, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->term_note), note != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->voice_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  note != NULL ? note : contract, -1);
}

static void
on_voice_selected (ProvSubscriptionPage *self)
{
  if (self->filling || self->context == NULL)
    return;

  store_offering (self, self->voice_row, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_NAME);
  fit_contract_to_tier (self);
  fill_packages (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_package_selected (ProvSubscriptionPage *self)
{
  if (self->filling || self->context == NULL)
    return;

  store_offering (self, self->data_row, PROV_ORDER_FIELD_SUBSCRIPTION_DATA_ID, PROV_ORDER_FIELD_SUBSCRIPTION_DATA_NAME);
  store_offering (self, self->sms_row, PROV_ORDER_FIELD_SUBSCRIPTION_SMS_ID, PROV_ORDER_FIELD_SUBSCRIPTION_SMS_NAME);
}

static const char *
prov_subscription_page_get_title (ProvAssistantPage *page)
{
  return _("Subscription");
}

static void
prov_subscription_page_load (ProvAssistantPage *page,
                             ProvPageContext   *context)
{
  ProvSubscriptionPage *self = PROV_SUBSCRIPTION_PAGE (page);
  ProvCatalog *catalog = prov_sync_scheduler_get_catalog (context->scheduler);
  const char *portfolio = prov_order_get_field (context->order, PROV_ORDER_FIELD_STOCKTAKING_PORTFOLIO_ID);
  g_autoptr(GListModel) voice = NULL;

  self->context = context;
  if (catalog != NULL && portfolio != NULL)
    voice = prov_catalog_list (catalog, PROV_OFFERING_ROLE_VOICE, PROV_OFFERING_AVAILABLE_IN, portfolio, NULL);

  self->filling = TRUE;
  prov_page_set_offerings (GTK_WIDGET (self->voice_row), voice, FALSE,
                           prov_order_get_field (context->order, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID));
  if (adw_combo_row_get_selected (self->voice_row) == GTK_INVALID_LIST_POSITION && voice != NULL &&
      g_list_model_get_n_items (voice) > 0)
    adw_combo_row_set_selected (self->voice_row, 0);
  self->filling = FALSE;

  prov_page_show_problem (GTK_WIDGET (self->voice_row), self->problem,
                          voice == NULL || g_list_model_get_n_items (voice) == 0
                          ? _("No voice products in this portfolio: choose another portfolio on the first page")
                          : NULL);

  store_offering (self, self->voice_row, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_NAME);
  fit_contract_to_tier (self);
  fill_packages (self);
}

static gboolean
prov_subscription_page_get_complete (ProvAssistantPage *page)
{
  ProvSubscriptionPage *self = PROV_SUBSCRIPTION_PAGE (page);

  return self->context != NULL && prov_page_get_offering (GTK_WIDGET (self->voice_row)) != NULL;
}

static void
prov_subscription_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->id = "subscription";
  iface->get_title = prov_subscription_page_get_title;
  iface->load = prov_subscription_page_load;
  iface->get_complete = prov_subscription_page_get_complete;
}

static void
prov_subscription_page_class_init (ProvSubscriptionPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/assistant/pages/prov-subscription-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvSubscriptionPage, voice_row);
  gtk_widget_class_bind_template_child (widget_class, ProvSubscriptionPage, data_row);
  gtk_widget_class_bind_template_child (widget_class, ProvSubscriptionPage, sms_row);
  gtk_widget_class_bind_template_child (widget_class, ProvSubscriptionPage, term_note);
  gtk_widget_class_bind_template_child (widget_class, ProvSubscriptionPage, problem);
  gtk_widget_class_bind_template_callback (widget_class, on_voice_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_package_selected);
}

static void
prov_subscription_page_init (ProvSubscriptionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
