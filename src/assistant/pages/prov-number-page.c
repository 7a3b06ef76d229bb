#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-ids.h"
#include "prov-number-page.h"
#include "prov-line-request.h"
#include "prov-order-rules.h"

/* A new number from those reserved at the carrier (kept for offline use),
 * or a port-in with what the current carrier's country asks for. */

static const char * const countries[] = { "NL", "UK", "US" };

struct _ProvNumberPage
{
  AdwBin               parent_instance;

  ProvPageContext     *context;
  GCancellable        *cancellable;
  GStrv                free_numbers;
  gboolean             filling;

  AdwComboRow         *mode_row;
  AdwPreferencesGroup *new_group;
  AdwComboRow         *free_row;
  GtkLabel            *free_problem;
  AdwPreferencesGroup *port_group;
  AdwComboRow         *country_row;
  AdwEntryRow         *msisdn_row;
  GtkLabel            *msisdn_problem;
  AdwPreferencesGroup *us_group;
  AdwEntryRow         *account_row;
  GtkLabel            *account_problem;
  AdwEntryRow         *transfer_pin_row;
  GtkLabel            *transfer_pin_problem;
  AdwEntryRow         *zip_row;
  GtkLabel            *zip_problem;
  AdwEntryRow         *holder_row;
  GtkLabel            *holder_problem;
  AdwPreferencesGroup *uk_group;
  AdwEntryRow         *pac_row;
  GtkLabel            *pac_problem;
  AdwPreferencesGroup *nl_group;
  AdwEntryRow         *provider_row;
  GtkLabel            *provider_problem;
  AdwComboRow         *contract_type_row;
  AdwEntryRow         *contract_number_row;
  GtkLabel            *contract_number_problem;
  AdwEntryRow         *nl_holder_row;
  GtkLabel            *nl_holder_problem;
  AdwEntryRow         *wished_date_row;
  GtkLabel            *wished_date_problem;
  GtkSwitch           *consent_switch;
};

static void prov_number_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvNumberPage, prov_number_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_number_page_iface_init))

/* The entry rows of the port-in and the order fields they fill. */
#define PORT_FIELDS(self) { \
  { self->msisdn_row, self->msisdn_problem, PROV_ORDER_FIELD_NUMBER_MSISDN, NULL }, \
  { self->account_row, self->account_problem, PROV_ORDER_FIELD_NUMBER_DONOR_ACCOUNT, "US" }, \
  { self->transfer_pin_row, self->transfer_pin_problem, PROV_ORDER_FIELD_NUMBER_TRANSFER_PIN, "US" }, \
  { self->zip_row, self->zip_problem, PROV_ORDER_FIELD_NUMBER_BILLING_ZIP, "US" }, \
  { self->holder_row, self->holder_problem, PROV_ORDER_FIELD_NUMBER_ACCOUNT_HOLDER, "US" }, \
  { self->pac_row, self->pac_problem, PROV_ORDER_FIELD_NUMBER_PAC, "UK" }, \
  { self->provider_row, self->provider_problem, PROV_ORDER_FIELD_NUMBER_DONOR_PROVIDER, "NL" }, \
  { self->contract_number_row, self->contract_number_problem, PROV_ORDER_FIELD_NUMBER_CONTRACT_NUMBER, "NL" }, \
  { self->nl_holder_row, self->nl_holder_problem, PROV_ORDER_FIELD_NUMBER_ACCOUNT_HOLDER, "NL" }, \
  { self->wished_date_row, self->wished_date_problem, PROV_ORDER_FIELD_NUMBER_WISHED_DATE, "NL" }, \
}

typedef struct {
  AdwEntryRow *row;
  GtkLabel    *problem;
  const char  *key;
  const char  *country;   /* NULL: every country */
} PortField;

static gboolean
is_port_in (ProvNumberPage *self)
{
  return adw_combo_row_get_selected (self->mode_row) == 1;
}

static const char *
country (ProvNumberPage *self)
{
  guint selected = adw_combo_row_get_selected (self->country_row);

  return selected < G_N_ELEMENTS (countries) ? countries[selected] : countries[0];
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
check_field (ProvNumberPage  *self,
             const PortField *field)
{
  const char *value = text_of (field->row);

  if (field->row == self->msisdn_row)
    {
      g_autoptr(ProvId) number = prov_id_parse (PROV_ID_KIND_E164, value);

      if (*value == '\0')
        return g_strdup (_("Required"));
      return number->valid ? NULL : g_strdup (number->message);
    }

  if (field->row == self->pac_row)
    {
      g_autoptr(ProvId) pac = prov_id_parse (PROV_ID_KIND_PAC, value);
      g_autoptr(ProvId) stac = prov_id_parse (PROV_ID_KIND_STAC, value);

      if (*value == '\0')
        return g_strdup (_("Required"));
      return pac->valid || stac->valid ? NULL
                                       : g_strdup (_("A PAC or STAC is 3 letters and 6 digits, e.g. ABC123456 (PAC) or 123456ABC (STAC)"));
    }

  if (field->row == self->wished_date_row)
    {
      g_autoptr(GDateTime) today = g_date_time_new_now_local ();
      return prov_rule_check_start_date (value, today);
    }

  return prov_rule_check_required (value);
}

/* NULL when every port-in field of the country is fine, else the first
 * problem; with show, each problem goes under its field once typed in. */
static gboolean
check_port_in (ProvNumberPage *self,
               gboolean        show)
{
  PortField fields[] = PORT_FIELDS (self);
  gboolean complete = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *problem = NULL;

      if (fields[i].country != NULL && !g_str_equal (fields[i].country, country (self)))
        continue;

      problem = check_field (self, &fields[i]);
      complete = complete && problem == NULL;
      if (show)
        prov_page_show_problem (GTK_WIDGET (fields[i].row), fields[i].problem,
                                *text_of (fields[i].row) != '\0' ? problem : NULL);
    }

  if (g_str_equal (country (self), "NL"))
    complete = complete && gtk_switch_get_active (self->consent_switch);

  return complete;
}

static void
show_mode (ProvNumberPage *self)
{
  gboolean port_in = is_port_in (self);

  gtk_widget_set_visible (GTK_WIDGET (self->new_group), !port_in);
  gtk_widget_set_visible (GTK_WIDGET (self->port_group), port_in);
  gtk_widget_set_visible (GTK_WIDGET (self->us_group), port_in && g_str_equal (country (self), "US"));
  gtk_widget_set_visible (GTK_WIDGET (self->uk_group), port_in && g_str_equal (country (self), "UK"));
  gtk_widget_set_visible (GTK_WIDGET (self->nl_group), port_in && g_str_equal (country (self), "NL"));
}

static void
store_fields (ProvNumberPage *self)
{
  PortField fields[] = PORT_FIELDS (self);
  g_autofree char *summary = NULL;

  if (!is_port_in (self))
    {
      guint selected = adw_combo_row_get_selected (self->free_row);
      const char *number = self->free_numbers != NULL && selected < g_strv_length (self->free_numbers)
                           ? self->free_numbers[selected] : NULL;

      prov_page_set_field (self->context, PROV_ORDER_FIELD_NUMBER_MODE, "new");
      prov_page_set_field (self->context, PROV_ORDER_FIELD_NUMBER_MSISDN, number);
      summary = number != NULL ? g_strdup (_("New number from the carrier")) : NULL;
      prov_page_set_field (self->context, PROV_ORDER_FIELD_NUMBER_SUMMARY, summary);
      return;
    }

  prov_page_set_field (self->context, PROV_ORDER_FIELD_NUMBER_MODE, "port-in");
  prov_page_set_field (self->context, PROV_ORDER_FIELD_NUMBER_COUNTRY, country (self));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].country == NULL || g_str_equal (fields[i].country, country (self)))
      prov_page_set_field (self->context, fields[i].key, text_of (fields[i].row));

  if (g_str_equal (country (self), "NL"))
    {
      prov_page_set_field (self->context, PROV_ORDER_FIELD_NUMBER_CONTRACT_TYPE,
                           adw_combo_row_get_selected (self->contract_type_row) == 1 ? "prepaid" : "postpaid");
      prov_page_set_field (self->context, PROV_ORDER_FIELD_NUMBER_CONSENT, gtk_switch_get_active (self->consent_switch) ? "true" : "false");
    }

  /* Translators: e.g. "Port-in from KPN" */
  summary = g_str_equal (country (self), "NL") && *text_of (self->provider_row) != '\0'
            ? g_strdup_printf (_("Port-in from %s"), text_of (self->provider_row))
            : g_strdup (_("Port-in from the current carrier"));
  prov_page_set_field (self->context, PROV_ORDER_FIELD_NUMBER_SUMMARY, summary);
}

static void
on_field_changed (ProvNumberPage *self)
{
  if (self->filling || self->context == NULL)
    return;

  store_fields (self);
  if (is_port_in (self))
    check_port_in (self, TRUE);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_mode_selected (ProvNumberPage *self)
{
  show_mode (self);
  on_field_changed (self);
}

static void
on_country_selected (ProvNumberPage *self)
{
  show_mode (self);
  on_field_changed (self);
}

static void
on_free_numbers_listed (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GStrv numbers = prov_store_list_free_numbers_finish (PROV_STORE (source), result, &error);
  g_autoptr(GtkStringList) model = NULL;
  ProvNumberPage *self;
  const char *chosen;
  guint selected = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PROV_NUMBER_PAGE (user_data);
  if (numbers == NULL)
    {
      prov_page_show_problem (GTK_WIDGET (self->free_row), self->free_problem, error->message);
      return;
    }

  g_strfreev (self->free_numbers);
  self->free_numbers = numbers;
  chosen = g_strcmp0 (prov_order_get_field (self->context->order, PROV_ORDER_FIELD_NUMBER_MODE), "new") == 0
           ? prov_order_get_field (self->context->order, PROV_ORDER_FIELD_NUMBER_MSISDN) : NULL;
  model = gtk_string_list_new ((const char * const *) numbers);
  for (guint i = 0; numbers[i] != NULL; i++)
    if (g_strcmp0 (numbers[i], chosen) == 0)
      selected = i;

  self->filling = TRUE;
  adw_combo_row_set_model (self->free_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->free_row, numbers[0] != NULL ? selected : GTK_INVALID_LIST_POSITION);
  self->filling = FALSE;

  prov_page_show_problem (GTK_WIDGET (self->free_row), self->free_problem,
                          numbers[0] == NULL
                          ? _("No reserved numbers left. Connect to the carrier to reserve more, or keep the customer's number.")
                          : NULL);
  if (!is_port_in (self))
    store_fields (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static const char *
prov_number_page_get_title (ProvAssistantPage *page)
{
  return _("Number");
}

static void
prov_number_page_load (ProvAssistantPage *page,
                       ProvPageContext   *context)
{
  ProvNumberPage *self = PROV_NUMBER_PAGE (page);
  PortField fields[] = PORT_FIELDS (self);
  const ProvLineRequest *request = prov_line_request_for_order (context->order);
  gboolean port_in = g_strcmp0 (prov_order_get_field (context->order, PROV_ORDER_FIELD_NUMBER_MODE), "port-in") == 0;
  const char *chosen_country = prov_order_get_field (context->order, PROV_ORDER_FIELD_NUMBER_COUNTRY);

  /* A request of flow 5 says which: a new number, or the port data for
   * the carrier the line moves to. */
  if (request != NULL)
    port_in = (request->asks & PROV_LINE_REQUEST_ASKS_PORT) != 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_row), request == NULL);

  self->context = context;
  self->filling = TRUE;
  adw_combo_row_set_selected (self->mode_row, port_in ? 1 : 0);
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (g_strcmp0 (chosen_country, countries[i]) == 0)
      adw_combo_row_set_selected (self->country_row, i);
  if (port_in)
    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        const char *value = prov_order_get_field (context->order, fields[i].key);
        gtk_editable_set_text (GTK_EDITABLE (fields[i].row), value != NULL ? value : "");
      }
  adw_combo_row_set_selected (self->contract_type_row,
                              g_strcmp0 (prov_order_get_field (context->order, PROV_ORDER_FIELD_NUMBER_CONTRACT_TYPE), "prepaid") == 0);
  gtk_switch_set_active (self->consent_switch,
                         g_strcmp0 (prov_order_get_field (context->order, PROV_ORDER_FIELD_NUMBER_CONSENT), "true") == 0);
  self->filling = FALSE;
  show_mode (self);
  if (port_in)
    check_port_in (self, TRUE);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  prov_store_list_free_numbers_async (context->store, prov_order_get_uuid (context->order), self->cancellable,
                                      on_free_numbers_listed, self);
}

static gboolean
prov_number_page_get_complete (ProvAssistantPage *page)
{
  ProvNumberPage *self = PROV_NUMBER_PAGE (page);

  if (self->context == NULL)
    return FALSE;

  if (is_port_in (self))
    return check_port_in (self, FALSE);

  return self->free_numbers != NULL && adw_combo_row_get_selected (self->free_row) < g_strv_length (self->free_numbers);
}

static void
prov_number_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->id = "number";
  iface->get_title = prov_number_page_get_title;
  iface->load = prov_number_page_load;
  iface->get_complete = prov_number_page_get_complete;
}

static void
prov_number_page_dispose (GObject *object)
{
  ProvNumberPage *self = PROV_NUMBER_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->free_numbers, g_strfreev);

  G_OBJECT_CLASS (prov_number_page_parent_class)->dispose (object);
}

static void
prov_number_page_class_init (ProvNumberPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prov_number_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/assistant/pages/prov-number-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ProvNumberPage, name)
  BIND (mode_row);
  BIND (new_group);
  BIND (free_row);
  BIND (free_problem);
  BIND (port_group);
  BIND (country_row);
  BIND (msisdn_row);
  BIND (msisdn_problem);
  BIND (us_group);
  BIND (account_row);
  BIND (account_problem);
  BIND (transfer_pin_row);
  BIND (transfer_pin_problem);
  BIND (zip_row);
  BIND (zip_problem);
  BIND (holder_row);
  BIND (holder_problem);
  BIND (uk_group);
  BIND (pac_row);
  BIND (pac_problem);
  BIND (nl_group);
  BIND (provider_row);
  BIND (provider_problem);
  BIND (contract_type_row);
  BIND (contract_number_row);
  BIND (contract_number_problem);
  BIND (nl_holder_row);
  BIND (nl_holder_problem);
  BIND (wished_date_row);
  BIND (wished_date_problem);
  BIND (consent_switch);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_mode_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_country_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
}

static void
prov_number_page_init (ProvNumberPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
