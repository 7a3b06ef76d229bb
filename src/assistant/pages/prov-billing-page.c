#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-billing-page.h"
#include "prov-choice-row.h"
#include "prov-number-pricing.h"

/* The price list for the customer's services, from the carrier's catalog;
 * changing it reprices every number at once. */

struct _ProvBillingPage
{
  AdwBin               parent_instance;

  ProvPageContext     *context;
  GPtrArray           *price_rows;

  ProvChoiceRow       *price_list_row;
  GtkLabel            *price_list_problem;
  AdwPreferencesGroup *prices_group;
  AdwActionRow        *total_row;
};

static void prov_billing_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvBillingPage, prov_billing_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_billing_page_iface_init))

static void
show_prices (ProvBillingPage *self)
{
  ProvCatalog *catalog = prov_sync_scheduler_get_catalog (self->context->scheduler);
  g_autoptr(ProvNumberPricing) pricing = prov_number_pricing_new (catalog,
                                                                  prov_choice_row_get_selected_id (self->price_list_row),
                                                                  self->context->order);
  g_autofree char *once = prov_number_pricing_dup_amount (pricing, pricing->one_time_total);
  g_autofree char *monthly = prov_number_pricing_dup_amount (pricing, pricing->monthly_total);
  g_autofree char *total = g_strdup_printf (_("%s once, %s a month"), once, monthly);

  for (guint i = 0; i < self->price_rows->len; i++)
    adw_preferences_group_remove (self->prices_group, g_ptr_array_index (self->price_rows, i));
  g_ptr_array_set_size (self->price_rows, 0);

  for (guint i = 0; i < pricing->numbers->len; i++)
    {
      const ProvNumberPrice *price = &g_array_index (pricing->numbers, ProvNumberPrice, i);
      g_autofree char *number_once = prov_number_pricing_dup_amount (pricing, price->one_time);
      g_autofree char *number_monthly = prov_number_pricing_dup_amount (pricing, price->monthly);
      /* Translators: a number's grade, then its price once and a month */
      g_autofree char *subtitle = price->priced
        ? g_strdup_printf (_("%s: %s once, %s a month"), price->grade, number_once, number_monthly)
        : g_strdup_printf (_("%s: no price in this price list"), price->grade);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), price->msisdn);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_focusable (row, FALSE);
      adw_preferences_group_add (self->prices_group, row);
      g_ptr_array_add (self->price_rows, row);
    }

  adw_action_row_set_subtitle (self->total_row, pricing->numbers->len > 0 ? total
                                                : _("No numbers: only the customer account"));
  g_object_ref (self->total_row);
  adw_preferences_group_remove (self->prices_group, GTK_WIDGET (self->total_row));
  adw_preferences_group_add (self->prices_group, GTK_WIDGET (self->total_row));
  g_object_unref (self->total_row);
  prov_page_show_problem (GTK_WIDGET (self->price_list_row), self->price_list_problem,
                          pricing->n_unpriced > 0 ? _("This price list does not price every number's grade") : NULL);
  g_debug ("Prices of order %s under %s: %s", prov_order_get_uuid (self->context->order),
           prov_choice_row_get_selected_id (self->price_list_row), total);
}

static void
on_price_list_changed (ProvBillingPage *self)
{
  show_prices (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
prov_billing_page_load (ProvAssistantPage *page,
                        ProvPageContext   *context)
{
  ProvBillingPage *self = PROV_BILLING_PAGE (page);

  self->context = context;
  prov_choice_row_set_offerings (self->price_list_row, prov_sync_scheduler_get_catalog (context->scheduler),
                                 PROV_OFFERING_ROLE_NUMBER_PRICE_LIST);
  prov_choice_row_load (self->price_list_row, context);
  show_prices (self);
}

static gboolean
prov_billing_page_get_complete (ProvAssistantPage *page)
{
  ProvBillingPage *self = PROV_BILLING_PAGE (page);

  return self->context != NULL && prov_choice_row_get_selected_id (self->price_list_row) != NULL;
}

static void
prov_billing_page_focus_first (ProvAssistantPage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (PROV_BILLING_PAGE (page)->price_list_row));
}

static const char *
prov_billing_page_get_title (ProvAssistantPage *page)
{
  return _("Billing");
}

static void
prov_billing_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->id = "billing";
  iface->get_title = prov_billing_page_get_title;
  iface->load = prov_billing_page_load;
  iface->get_complete = prov_billing_page_get_complete;
  iface->focus_first = prov_billing_page_focus_first;
}

static void
prov_billing_page_dispose (GObject *object)
{
  g_clear_pointer (&PROV_BILLING_PAGE (object)->price_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (prov_billing_page_parent_class)->dispose (object);
}

static void
prov_billing_page_class_init (ProvBillingPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = prov_billing_page_dispose;

  g_type_ensure (PROV_TYPE_CHOICE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Provisioner/assistant/pages/prov-billing-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvBillingPage, price_list_row);
  gtk_widget_class_bind_template_child (widget_class, ProvBillingPage, price_list_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvBillingPage, prices_group);
  gtk_widget_class_bind_template_child (widget_class, ProvBillingPage, total_row);
  gtk_widget_class_bind_template_callback (widget_class, on_price_list_changed);
}

static void
prov_billing_page_init (ProvBillingPage *self)
{
  self->price_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
