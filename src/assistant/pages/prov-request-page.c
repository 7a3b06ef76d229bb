#include <string.h>

#include <glib/gi18n.h>

#include "prov-application.h"
#include "prov-assistant-page.h"
#include "prov-checked-row.h"
#include "prov-choice-row.h"
#include "prov-line-request.h"
#include "prov-request-page.h"

/*
 * Flow 5's question: what a request on one of a customer's lines needs,
 * as the enterprise portal asks it. One page for every request; it shows
 * the groups the request asks (prov-line-request.c) and holds the portal's
 * rules: a warranty replacement only within a year and undamaged (else an
 * upgrade is offered), the chargeback and early-termination warnings read
 * to the customer.
 */

struct _ProvRequestPage
{
  AdwBin                parent_instance;

  ProvPageContext      *context;
  const ProvLineRequest *request;
  gboolean              filling;
  GCancellable         *lookup;

  AdwActionRow         *customer_row;
  AdwActionRow         *line_row;
  AdwPreferencesGroup  *plan_group;
  ProvChoiceRow        *plan_row;
  AdwPreferencesGroup  *accessory_group;
  ProvChoiceRow        *accessory_row;
  AdwPreferencesGroup  *warranty_group;
  ProvCheckedRow       *purchase_row;
  ProvChoiceRow        *damage_row;
  AdwActionRow         *warranty_row;
  GtkCheckButton       *chargeback_check;
  AdwPreferencesGroup  *device_group;
  ProvCheckedRow       *imei_row;
  AdwPreferencesGroup  *sim_group;
  ProvCheckedRow       *iccid_row;
  AdwPreferencesGroup  *port_group;
  ProvCheckedRow       *gaining_row;
  AdwPreferencesGroup  *liability_group;
  ProvChoiceRow        *liability_row;
  ProvCheckedRow       *other_party_row;
  GtkCheckButton       *consent_check;
  AdwPreferencesGroup  *employee_group;
  ProvCheckedRow       *employee_row;
  AdwPreferencesGroup  *features_group;
  ProvCheckedRow       *features_row;
  AdwPreferencesGroup  *suspend_group;
  ProvChoiceRow        *reason_row;
  AdwPreferencesGroup  *termination_group;
  GtkCheckButton       *termination_check;
  AdwPreferencesGroup  *approval_group;
};

static void prov_request_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvRequestPage, prov_request_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_request_page_iface_init))

static const ProvChoice damages[] = {
  { PROV_LINE_REQUEST_DAMAGE_NONE, N_("None") },
  { PROV_LINE_REQUEST_DAMAGE_PHYSICAL, N_("Physical (a cracked screen, a bent frame)") },
  { PROV_LINE_REQUEST_DAMAGE_LIQUID, N_("Liquid") },
  { PROV_LINE_REQUEST_DAMAGE_BATTERY, N_("Battery (swollen, or does not charge)") },
};

static const ProvChoice liability_sides[] = {
  { PROV_LINE_REQUEST_LIABILITY_PERSONAL, N_("A person (personal liability)") },
  { PROV_LINE_REQUEST_LIABILITY_CORPORATE, N_("A company (corporate liability)") },
};

static const ProvChoice suspend_reasons[] = {
  { PROV_LINE_REQUEST_SUSPEND_LOST, N_("Lost") },
  { PROV_LINE_REQUEST_SUSPEND_STOLEN, N_("Stolen") },
  { PROV_LINE_REQUEST_SUSPEND_TEMPORARY, N_("Temporarily, at the customer's wish") },
};

static gboolean
asks (ProvRequestPage     *self,
      ProvLineRequestAsks  what)
{
  return self->request != NULL && (self->request->asks & what) != 0;
}

static gboolean
is_ticked (ProvRequestPage *self,
           const char      *key)
{
  return g_strcmp0 (prov_order_get_field (self->context->order, key), "true") == 0;
}

/* The warranty rule, with an upgrade offered where it does not hold. */
static char *
dup_warranty_problem (ProvRequestPage *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();

  if (!asks (self, PROV_LINE_REQUEST_ASKS_WARRANTY) || !prov_checked_row_is_valid (self->purchase_row))
    return NULL;

  return prov_line_request_check_warranty (prov_order_get_field (self->context->order, PROV_ORDER_FIELD_REQUEST_PURCHASE_DATE),
                                           prov_choice_row_get_selected_id (self->damage_row), today);
}

static void
show_warranty (ProvRequestPage *self)
{
  g_autofree char *problem = dup_warranty_problem (self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->warranty_row),
                                 problem != NULL ? problem : _("Not under warranty"));
  gtk_widget_set_visible (GTK_WIDGET (self->warranty_row), problem != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->warranty_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  problem != NULL ? problem : "", -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "request.offer-upgrade", problem != NULL);
}

typedef struct {
  ProvRequestPage *self;
  ProvCheckedRow  *row;
  char            *digits;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_free (lookup->digits);
  g_free (lookup);
}

static const char *
stock_hint (ProvRequestPage *self,
            ProvCheckedRow  *row)
{
  return row == self->iccid_row ? _("Scan the SIM card, type its ICCID, or its last four digits to pick it from stock")
                                : _("Scan the device's box, type its IMEI, or its last four digits to pick it from stock");
}

static void
on_stock_found (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Lookup *lookup = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = prov_store_find_stock_finish (PROV_STORE (source), result, NULL, &error);
  AdwPreferencesGroup *group;
  g_autofree char *hint = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      lookup_free (lookup);
      return;
    }

  group = lookup->row == lookup->self->iccid_row ? lookup->self->sim_group : lookup->self->device_group;
  if (found != NULL && found->len == 1)
    {
      const ProvStockItem *item = g_ptr_array_index (found, 0);

      g_debug ("Request picks %s from stock by %s", item->identifier, lookup->digits);
      gtk_editable_set_text (GTK_EDITABLE (lookup->row), item->identifier);
      adw_preferences_group_set_description (group, stock_hint (lookup->self, lookup->row));
    }
  else if (found != NULL && found->len > 1)
    /* Translators: how many SIMs or devices, and four digits */
    hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u in stock ends in %s: type more of it, or scan it",
                                         "%u in stock end in %s: type more of it, or scan it", found->len),
                            found->len, lookup->digits);
  else if (found != NULL)
    /* Translators: four digits */
    hint = g_strdup_printf (_("Nothing in stock ends in %s: scan it, or type it whole"), lookup->digits);
  else
    hint = g_strdup (error->message);

  if (hint != NULL)
    adw_preferences_group_set_description (group, hint);
  lookup_free (lookup);
}

/* Four digits in the SIM's or the device's row pick it from stock, as on
 * the SIM page: one in stock that ends in them is taken. */
static void
pick_from_stock (ProvRequestPage *self,
                 ProvCheckedRow  *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  Lookup *lookup;

  if (strlen (text) != 4 || strspn (text, "0123456789") != 4)
    return;

  g_cancellable_cancel (self->lookup);
  g_clear_object (&self->lookup);
  self->lookup = g_cancellable_new ();
  lookup = g_new0 (Lookup, 1);
  lookup->self = self;
  lookup->row = row;
  lookup->digits = g_strdup (text);
  prov_store_find_stock_async (self->context->store,
                               row == self->iccid_row ? 1u << PROV_ID_KIND_ICCID : 1u << PROV_ID_KIND_IMEI,
                               text, PROV_STOCK_STATUS_IN_STOCK, 20, self->lookup, on_stock_found, lookup);
}

static void
on_field_changed (ProvRequestPage *self,
                  GtkWidget       *row)
{
  if (self->filling || self->context == NULL)
    return;

  if (row == GTK_WIDGET (self->iccid_row) || row == GTK_WIDGET (self->imei_row))
    pick_from_stock (self, PROV_CHECKED_ROW (row));
  show_warranty (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_check_toggled (ProvRequestPage *self,
                  GtkCheckButton  *check)
{
  const char *key = check == self->chargeback_check ? PROV_ORDER_FIELD_REQUEST_CHARGEBACK_ACCEPTED
                    : check == self->termination_check ? PROV_ORDER_FIELD_REQUEST_TERMINATION_ACCEPTED
                    : PROV_ORDER_FIELD_REQUEST_CONSENT;

  if (self->filling || self->context == NULL)
    return;

  prov_page_set_field (self->context, key, gtk_check_button_get_active (check) ? "true" : NULL);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
set_offerings (ProvChoiceRow *row,
               ProvCatalog   *catalog,
               const char    *role)
{
  prov_choice_row_set_offerings (row, catalog, role);
}

static void
prov_request_page_load (ProvAssistantPage *page,
                        ProvPageContext   *context)
{
  ProvRequestPage *self = PROV_REQUEST_PAGE (page);
  ProvCatalog *catalog = prov_sync_scheduler_get_catalog (context->scheduler);
  const char *line = prov_order_get_field (context->order, PROV_ORDER_FIELD_REQUEST_LINE_NUMBER);
  const char *employee = prov_order_get_field (context->order, PROV_ORDER_FIELD_REQUEST_EMPLOYEE);
  struct { AdwPreferencesGroup *group; ProvLineRequestAsks asks; } groups[] = {
    { self->plan_group, PROV_LINE_REQUEST_ASKS_PLAN },
    { self->accessory_group, PROV_LINE_REQUEST_ASKS_ACCESSORY },
    { self->warranty_group, PROV_LINE_REQUEST_ASKS_WARRANTY },
    { self->device_group, PROV_LINE_REQUEST_ASKS_DEVICE },
    { self->sim_group, PROV_LINE_REQUEST_ASKS_SIM },
    { self->port_group, PROV_LINE_REQUEST_ASKS_PORT },
    { self->liability_group, PROV_LINE_REQUEST_ASKS_LIABILITY },
    { self->employee_group, PROV_LINE_REQUEST_ASKS_EMPLOYEE },
    { self->features_group, PROV_LINE_REQUEST_ASKS_FEATURES },
    { self->suspend_group, PROV_LINE_REQUEST_ASKS_SUSPEND_REASON },
    { self->termination_group, PROV_LINE_REQUEST_ASKS_TERMINATION },
  };
  ProvCheckedRow *checked[] = {
    self->purchase_row, self->imei_row, self->iccid_row, self->gaining_row, self->other_party_row,
    self->employee_row, self->features_row,
  };

  self->context = context;
  self->request = prov_line_request_for_order (context->order);
  self->filling = TRUE;

  adw_action_row_set_subtitle (self->customer_row, prov_order_get_field (context->order, PROV_ORDER_FIELD_CUSTOMER_NAME));
  adw_action_row_set_subtitle (self->line_row, line != NULL ? line : _("A new line"));
  gtk_widget_set_visible (GTK_WIDGET (self->line_row), line != NULL || employee != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_visible (GTK_WIDGET (groups[i].group), asks (self, groups[i].asks));

  set_offerings (self->plan_row, catalog, PROV_OFFERING_ROLE_VOICE);
  set_offerings (self->accessory_row, catalog, PROV_OFFERING_ROLE_ACCESSORY);
  if (asks (self, PROV_LINE_REQUEST_ASKS_PLAN))
    prov_choice_row_load (self->plan_row, context);
  if (asks (self, PROV_LINE_REQUEST_ASKS_ACCESSORY))
    prov_choice_row_load (self->accessory_row, context);
  /* A choice row writes its first choice as it loads: only the asked
   * ones, so nothing the request does not ask reaches the carrier. */
  if (asks (self, PROV_LINE_REQUEST_ASKS_WARRANTY))
    prov_choice_row_load (self->damage_row, context);
  if (asks (self, PROV_LINE_REQUEST_ASKS_LIABILITY))
    prov_choice_row_load (self->liability_row, context);
  if (asks (self, PROV_LINE_REQUEST_ASKS_SUSPEND_REASON))
    prov_choice_row_load (self->reason_row, context);
  for (guint i = 0; i < G_N_ELEMENTS (checked); i++)
    prov_checked_row_load (checked[i], context);

  gtk_check_button_set_active (self->chargeback_check, is_ticked (self, PROV_ORDER_FIELD_REQUEST_CHARGEBACK_ACCEPTED));
  gtk_check_button_set_active (self->termination_check, is_ticked (self, PROV_ORDER_FIELD_REQUEST_TERMINATION_ACCEPTED));
  gtk_check_button_set_active (self->consent_check, is_ticked (self, PROV_ORDER_FIELD_REQUEST_CONSENT));

  adw_preferences_group_set_description (self->approval_group,
                                         self->request != NULL && !self->request->carrier_work
                                         ? _("A manager approves this request; it needs nothing of the carrier and is done once approved.")
                                         : _("A manager approves this request before it goes to the carrier."));
  self->filling = FALSE;
  show_warranty (self);
}

static gboolean
prov_request_page_get_complete (ProvAssistantPage *page)
{
  ProvRequestPage *self = PROV_REQUEST_PAGE (page);
  g_autofree char *warranty = NULL;

  if (self->context == NULL || self->request == NULL)
    return FALSE;

  warranty = dup_warranty_problem (self);
  return (!asks (self, PROV_LINE_REQUEST_ASKS_PLAN) || prov_choice_row_get_selected_id (self->plan_row) != NULL) &&
         (!asks (self, PROV_LINE_REQUEST_ASKS_ACCESSORY) || prov_choice_row_get_selected_id (self->accessory_row) != NULL) &&
         (!asks (self, PROV_LINE_REQUEST_ASKS_WARRANTY) ||
          (prov_checked_row_is_valid (self->purchase_row) && warranty == NULL &&
           gtk_check_button_get_active (self->chargeback_check))) &&
         (!asks (self, PROV_LINE_REQUEST_ASKS_DEVICE) || prov_checked_row_is_valid (self->imei_row)) &&
         (!asks (self, PROV_LINE_REQUEST_ASKS_SIM) || prov_checked_row_is_valid (self->iccid_row)) &&
         (!asks (self, PROV_LINE_REQUEST_ASKS_PORT) || prov_checked_row_is_valid (self->gaining_row)) &&
         (!asks (self, PROV_LINE_REQUEST_ASKS_LIABILITY) ||
          (prov_choice_row_get_selected_id (self->liability_row) != NULL &&
           prov_checked_row_is_valid (self->other_party_row) && gtk_check_button_get_active (self->consent_check))) &&
         (!asks (self, PROV_LINE_REQUEST_ASKS_EMPLOYEE) || prov_checked_row_is_valid (self->employee_row)) &&
         (!asks (self, PROV_LINE_REQUEST_ASKS_FEATURES) || prov_checked_row_is_valid (self->features_row)) &&
         (!asks (self, PROV_LINE_REQUEST_ASKS_SUSPEND_REASON) || prov_choice_row_get_selected_id (self->reason_row) != NULL) &&
         (!asks (self, PROV_LINE_REQUEST_ASKS_TERMINATION) || gtk_check_button_get_active (self->termination_check));
}

/* The first thing the request asks. */
static void
prov_request_page_focus_first (ProvAssistantPage *page)
{
  ProvRequestPage *self = PROV_REQUEST_PAGE (page);
  GtkWidget *first[] = {
    GTK_WIDGET (self->plan_row), GTK_WIDGET (self->accessory_row), GTK_WIDGET (self->purchase_row),
    GTK_WIDGET (self->imei_row), GTK_WIDGET (self->iccid_row), GTK_WIDGET (self->gaining_row),
    GTK_WIDGET (self->liability_row), GTK_WIDGET (self->employee_row), GTK_WIDGET (self->features_row),
    GTK_WIDGET (self->reason_row), GTK_WIDGET (self->termination_check),
  };

  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    if (gtk_widget_is_visible (first[i]))
      {
        gtk_widget_grab_focus (first[i]);
        return;
      }
}

/* A scanned device or SIM lands in its field, when the request asks it. */
static gboolean
prov_request_page_take_scan (ProvAssistantPage *page,
                             const ProvScan    *scan)
{
  ProvRequestPage *self = PROV_REQUEST_PAGE (page);
  ProvId *id = NULL;
  ProvCheckedRow *row = NULL;

  if (asks (self, PROV_LINE_REQUEST_ASKS_SIM) && (id = prov_scan_find_id (scan, 1u << PROV_ID_KIND_ICCID)) != NULL)
    row = self->iccid_row;
  else if (asks (self, PROV_LINE_REQUEST_ASKS_DEVICE) && (id = prov_scan_find_id (scan, 1u << PROV_ID_KIND_IMEI)) != NULL)
    row = self->imei_row;
  if (row == NULL)
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (row), id->normalized);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

static const char *
prov_request_page_get_title (ProvAssistantPage *page)
{
  ProvRequestPage *self = PROV_REQUEST_PAGE (page);

  return self->request != NULL ? prov_line_request_get_title (self->request) : _("Request");
}

static void
prov_request_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->id = "request";
  iface->get_title = prov_request_page_get_title;
  iface->load = prov_request_page_load;
  iface->get_complete = prov_request_page_get_complete;
  iface->focus_first = prov_request_page_focus_first;
  iface->take_scan = prov_request_page_take_scan;
}

/* Out of warranty: the portal offers an upgrade, a new line with a device
 * for the same customer, instead. */
static void
offer_upgrade_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ProvRequestPage *self = PROV_REQUEST_PAGE (widget);
  GApplication *application = g_application_get_default ();
  g_autoptr(ProvOrder) upgrade = NULL;

  if (self->context == NULL || !PROV_IS_APPLICATION (application))
    return;

  upgrade = prov_line_request_new_order (prov_line_request_lookup ("new-line"), NULL,
                                         prov_order_get_field (self->context->order, PROV_ORDER_FIELD_CUSTOMER_ID),
                                         prov_order_get_field (self->context->order, PROV_ORDER_FIELD_CUSTOMER_NAME),
                                         0, prov_current_staff_name ());
  prov_application_open_assistant (PROV_APPLICATION (application), upgrade);
}

static void
prov_request_page_dispose (GObject *object)
{
  ProvRequestPage *self = PROV_REQUEST_PAGE (object);

  g_cancellable_cancel (self->lookup);
  g_clear_object (&self->lookup);

  G_OBJECT_CLASS (prov_request_page_parent_class)->dispose (object);
}

static void
prov_request_page_class_init (ProvRequestPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = prov_request_page_dispose;

  g_type_ensure (PROV_TYPE_CHECKED_ROW);
  g_type_ensure (PROV_TYPE_CHOICE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Provisioner/assistant/pages/prov-request-page.ui");
#define BIND(child) gtk_widget_class_bind_template_child (widget_class, ProvRequestPage, child)
  BIND (customer_row);
  BIND (line_row);
  BIND (plan_group);
  BIND (plan_row);
  BIND (accessory_group);
  BIND (accessory_row);
  BIND (warranty_group);
  BIND (purchase_row);
  BIND (damage_row);
  BIND (warranty_row);
  BIND (chargeback_check);
  BIND (device_group);
  BIND (imei_row);
  BIND (sim_group);
  BIND (iccid_row);
  BIND (port_group);
  BIND (gaining_row);
  BIND (liability_group);
  BIND (liability_row);
  BIND (other_party_row);
  BIND (consent_check);
  BIND (employee_group);
  BIND (employee_row);
  BIND (features_group);
  BIND (features_row);
  BIND (suspend_group);
  BIND (reason_row);
  BIND (termination_group);
  BIND (termination_check);
  BIND (approval_group);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_check_toggled);
  gtk_widget_class_install_action (widget_class, "request.offer-upgrade", NULL, offer_upgrade_activated);
}

static void
prov_request_page_init (ProvRequestPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  prov_choice_row_set_choices (self->damage_row, damages, G_N_ELEMENTS (damages));
  prov_choice_row_set_choices (self->liability_row, liability_sides, G_N_ELEMENTS (liability_sides));
  prov_choice_row_set_choices (self->reason_row, suspend_reasons, G_N_ELEMENTS (suspend_reasons));
}
