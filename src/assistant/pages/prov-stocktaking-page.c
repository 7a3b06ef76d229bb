#include <stdlib.h>

#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-customer-search.h"
#include "prov-order-rules.h"
#include "prov-stocktaking-page.h"
#include "prov-typed-date.h"

/* Who the order is for, from which portfolio, and from when. In the
 * hosted PBX flow the extension product is chosen here too. */

#define SEARCH_DELAY_MS 150

static const guint default_terms[] = { 1, 12, 24 };

struct _ProvStocktakingPage
{
  AdwBin            parent_instance;

  ProvPageContext  *context;
  GCancellable     *search;
  guint             search_timeout;
  GPtrArray        *customers;       /* ProvCustomer, as the list shows them */
  guint             first_found;     /* index of the search's best match */
  GArray           *terms;           /* months, as the duration row shows them */
  gboolean          filling;
  int               arranged_kind;   /* the flow the rows are in order for; -1: none yet */

  AdwEntryRow      *customer_search_row;
  GtkListBox       *customer_list;
  GtkLabel         *customer_problem;
  GtkButton        *new_customer_button;
  AdwPreferencesGroup *order_group;
  AdwComboRow      *portfolio_row;
  AdwComboRow      *product_row;
  AdwEntryRow      *reference_row;
  AdwEntryRow      *start_date_row;
  GtkLabel         *start_date_problem;
  GtkPopover       *calendar_popover;
  GtkCalendar      *calendar;
  AdwComboRow      *duration_row;
  GtkLabel         *catalog_problem;
};

static void prov_stocktaking_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvStocktakingPage, prov_stocktaking_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_stocktaking_page_iface_init))

static gboolean
is_extension_flow (ProvStocktakingPage *self)
{
  return (self->context->flow->traits & PROV_FLOW_HOSTED_PBX) != 0;
}

static ProvCatalog *
catalog (ProvStocktakingPage *self)
{
  return prov_sync_scheduler_get_catalog (self->context->scheduler);
}

/* ---- customer ----------------------------------------------------------- */

static GtkWidget *
new_customer_row (ProvCustomer *customer)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) details = g_string_new (NULL);

  if (prov_customer_get_email (customer) != NULL)
    g_string_append (details, prov_customer_get_email (customer));
  if (prov_customer_get_phone (customer) != NULL)
    g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", prov_customer_get_phone (customer));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prov_customer_get_name (customer));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details->str);
  return row;
}

static void
show_customers (ProvStocktakingPage *self,
                GPtrArray           *found)
{
  const char *carrier_id = prov_order_get_field (self->context->order, PROV_ORDER_FIELD_CUSTOMER_ID);
  const char *chosen_id = prov_order_get_field (self->context->order, PROV_ORDER_FIELD_CUSTOMER_UUID);
  GtkWidget *child;
  int selected = -1;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->customer_list))) != NULL)
    gtk_list_box_remove (self->customer_list, child);
  g_ptr_array_set_size (self->customers, 0);

  /* Drafts of older versions name the customer by this till's id alone. */
  if (chosen_id == NULL)
    chosen_id = carrier_id;

  /* The customer the order already has comes first, whatever the search. */
  if (chosen_id != NULL)
    g_ptr_array_add (self->customers,
                     prov_customer_new_from_row (chosen_id, carrier_id,
                                                 prov_order_get_field (self->context->order, PROV_ORDER_FIELD_CUSTOMER_NAME),
                                                 prov_order_get_field (self->context->order, PROV_ORDER_FIELD_CUSTOMER_EMAIL), NULL));

  self->first_found = self->customers->len;
  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      ProvCustomer *customer = g_ptr_array_index (found, i);

      if (g_strcmp0 (prov_customer_get_uuid (customer), chosen_id) != 0)
        g_ptr_array_add (self->customers, g_object_ref (customer));
      else if (i == 0)
        self->first_found = 0;
    }

  for (guint i = 0; i < self->customers->len; i++)
    {
      ProvCustomer *customer = g_ptr_array_index (self->customers, i);

      gtk_list_box_append (self->customer_list, new_customer_row (customer));
      if (g_strcmp0 (prov_customer_get_uuid (customer), chosen_id) == 0)
        selected = (int) i;
    }

  if (selected >= 0)
    gtk_list_box_select_row (self->customer_list, gtk_list_box_get_row_at_index (self->customer_list, selected));
  gtk_widget_set_visible (GTK_WIDGET (self->customer_list), self->customers->len > 0);
  self->filling = FALSE;
}

static void
on_customers_found (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = prov_customer_search_finish (PROV_STORE (source), result, &error);
  ProvStocktakingPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PROV_STOCKTAKING_PAGE (user_data);
  if (found == NULL)
    prov_page_show_problem (GTK_WIDGET (self->customer_search_row), self->customer_problem, error->message);
  show_customers (self, found);
}

static gboolean
search_now (gpointer user_data)
{
  ProvStocktakingPage *self = user_data;

  self->search_timeout = 0;
  g_cancellable_cancel (self->search);
  g_clear_object (&self->search);
  self->search = g_cancellable_new ();
  prov_customer_search_async (self->context->store,
                              prov_sync_scheduler_get_reachable_session (self->context->scheduler),
                              gtk_editable_get_text (GTK_EDITABLE (self->customer_search_row)),
                              self->search, on_customers_found, self);
  return G_SOURCE_REMOVE;
}

static void
on_customer_search_changed (ProvStocktakingPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->customer_search_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self->new_customer_button), g_utf8_strlen (text, -1) >= 2);
  g_clear_handle_id (&self->search_timeout, g_source_remove);
  if (self->context != NULL)
    self->search_timeout = g_timeout_add (SEARCH_DELAY_MS, search_now, self);
}

/* Enter in the search picks the best match of what was typed (or, with
 * nothing typed, the customer already chosen) and moves on when the rest
 * of the page is filled in. */
static void
on_customer_search_activated (ProvStocktakingPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->customer_search_row));
  gboolean searched = *text != '\0' && self->first_found < self->customers->len;
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->customer_list, searched ? (int) self->first_found : 0);

  if (first == NULL)
    return;

  gtk_list_box_select_row (self->customer_list, first);
  prov_assistant_page_request_next (PROV_ASSISTANT_PAGE (self));
}

static void
choose_customer (ProvStocktakingPage *self,
                 ProvCustomer        *customer)
{
  prov_page_set_field (self->context, PROV_ORDER_FIELD_CUSTOMER_UUID, prov_customer_get_uuid (customer));
  /* Only the carrier's own number names the customer to the carrier. */
  prov_page_set_field (self->context, PROV_ORDER_FIELD_CUSTOMER_ID, prov_customer_get_carrier_id (customer));
  prov_page_set_field (self->context, PROV_ORDER_FIELD_CUSTOMER_NAME, prov_customer_get_name (customer));
  prov_page_set_field (self->context, PROV_ORDER_FIELD_CUSTOMER_EMAIL, prov_customer_get_email (customer));
  prov_page_show_problem (GTK_WIDGET (self->customer_search_row), self->customer_problem, NULL);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_customer_selected (ProvStocktakingPage *self,
                      GtkListBoxRow       *row)
{
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (self->filling || index < 0 || (guint) index >= self->customers->len)
    return;

  choose_customer (self, g_ptr_array_index (self->customers, index));
}

static void
on_customer_saved (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!prov_store_save_customer_finish (PROV_STORE (source), result, &error))
    g_warning ("New customer not kept: %s", error->message);
}

static void
on_new_customer_clicked (ProvStocktakingPage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->customer_search_row))));
  g_autoptr(ProvCustomer) customer = NULL;

  if (g_utf8_strlen (name, -1) < 2)
    {
      prov_page_show_problem (GTK_WIDGET (self->customer_search_row), self->customer_problem,
                              _("Type the new customer's full name first"));
      return;
    }

  customer = prov_customer_new (name);
  prov_store_save_customer_async (self->context->store, customer, NULL, on_customer_saved, NULL);
  choose_customer (self, customer);
  show_customers (self, NULL);
}

/* ---- portfolio, product, dates ------------------------------------------ */

/* The product the contract is for: chosen here in the PBX flow; the tier
 * chosen from the New Order menu (or on the Subscription page) for a
 * mobile user. */
static ProvOffering *
chosen_product (ProvStocktakingPage *self)
{
  if (is_extension_flow (self))
    return prov_page_get_offering (GTK_WIDGET (self->product_row));
  if (catalog (self) == NULL)
    return NULL;
  return prov_catalog_lookup (catalog (self), prov_order_get_field (self->context->order, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID));
}

/* Only the durations the product is sold for. Until there is a product
 * the usual ones show; the Subscription page corrects the duration when
 * the tier chosen there does not offer it. */
static void
fill_durations (ProvStocktakingPage *self)
{
  ProvOffering *product = chosen_product (self);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *chosen = prov_order_get_field (self->context->order, PROV_ORDER_FIELD_STOCKTAKING_CONTRACT_MONTHS);
  const guint *terms = default_terms;
  guint n_terms = G_N_ELEMENTS (default_terms);
  guint selected = 0;

  if (product != NULL)
    terms = prov_offering_get_terms (product, &n_terms);

  g_array_set_size (self->terms, 0);
  for (guint i = 0; i < n_terms; i++)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", terms[i]), terms[i]);

      gtk_string_list_append (labels, label);
      g_array_append_val (self->terms, terms[i]);
      if (chosen != NULL && (guint) atoi (chosen) == terms[i])
        selected = i;
    }

  /* A product without stated terms has no contract duration to choose. */
  gtk_widget_set_visible (GTK_WIDGET (self->duration_row), n_terms > 0);

  self->filling = TRUE;
  adw_combo_row_set_model (self->duration_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->duration_row, selected);
  self->filling = FALSE;
}

static void
store_duration (ProvStocktakingPage *self)
{
  guint selected = adw_combo_row_get_selected (self->duration_row);
  g_autofree char *months = NULL;

  if (self->terms->len == 0)
    {
      prov_page_set_field (self->context, PROV_ORDER_FIELD_STOCKTAKING_CONTRACT_MONTHS, NULL);
      return;
    }
  if (selected >= self->terms->len)
    return;

  months = g_strdup_printf ("%u", g_array_index (self->terms, guint, selected));
  prov_page_set_field (self->context, PROV_ORDER_FIELD_STOCKTAKING_CONTRACT_MONTHS, months);
}

static void
on_duration_selected (ProvStocktakingPage *self)
{
  if (!self->filling && self->context != NULL)
    store_duration (self);
}

static void
fill_products (ProvStocktakingPage *self)
{
  ProvOffering *portfolio = prov_page_get_offering (GTK_WIDGET (self->portfolio_row));
  g_autoptr(GListModel) products = NULL;

  if (!is_extension_flow (self))
    return;

  if (portfolio != NULL && catalog (self) != NULL)
    products = prov_catalog_list (catalog (self), PROV_OFFERING_ROLE_EXTENSION, PROV_OFFERING_AVAILABLE_IN,
                                  prov_offering_get_id (portfolio), NULL);

  self->filling = TRUE;
  prov_page_set_offerings (GTK_WIDGET (self->product_row), products, FALSE,
                           prov_order_get_field (self->context->order, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID));
  self->filling = FALSE;
}

static void
store_product (ProvStocktakingPage *self)
{
  ProvOffering *product = prov_page_get_offering (GTK_WIDGET (self->product_row));

  prov_page_set_field (self->context, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, product != NULL ? prov_offering_get_id (product) : NULL);
  prov_page_set_field (self->context, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_NAME, product != NULL ? prov_offering_get_name (product) : NULL);
}

static void
on_product_selected (ProvStocktakingPage *self)
{
  if (self->filling || self->context == NULL)
    return;

  store_product (self);
  fill_durations (self);
  store_duration (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
store_portfolio (ProvStocktakingPage *self)
{
  ProvOffering *portfolio = prov_page_get_offering (GTK_WIDGET (self->portfolio_row));

  prov_page_set_field (self->context, PROV_ORDER_FIELD_STOCKTAKING_PORTFOLIO_ID, portfolio != NULL ? prov_offering_get_id (portfolio) : NULL);
  prov_page_set_field (self->context, PROV_ORDER_FIELD_STOCKTAKING_PORTFOLIO_NAME, portfolio != NULL ? prov_offering_get_name (portfolio) : NULL);
}

static void
on_portfolio_selected (ProvStocktakingPage *self)
{
  if (self->filling || self->context == NULL)
    return;

  store_portfolio (self);
  fill_products (self);
  if (is_extension_flow (self))
    store_product (self);
  fill_durations (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_reference_changed (ProvStocktakingPage *self)
{
  if (self->filling || self->context == NULL)
    return;

  prov_page_set_field (self->context, PROV_ORDER_FIELD_REFERENCE,
                       gtk_editable_get_text (GTK_EDITABLE (self->reference_row)));
}

static char *
check_start_date (ProvStocktakingPage *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();

  return prov_rule_check_start_date (gtk_editable_get_text (GTK_EDITABLE (self->start_date_row)), today);
}

static void
on_start_date_changed (ProvStocktakingPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->start_date_row));
  g_autofree char *problem = NULL;
  g_autofree char *iso = NULL;
  GDate date;

  if (self->filling || self->context == NULL)
    return;

  problem = check_start_date (self);
  prov_page_show_problem (GTK_WIDGET (self->start_date_row), self->start_date_problem, problem);
  /* A date the clerk's locale writes is kept as ISO, as the carrier wants
   * it; anything else is kept as typed, even when wrong: nothing typed is
   * lost. */
  if (prov_typed_date_parse (text, prov_date_order_of_locale (), &date))
    iso = prov_typed_date_dup_iso (&date);
  prov_page_set_field (self->context, PROV_ORDER_FIELD_STOCKTAKING_START_DATE, iso != NULL ? iso : text);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

/* The calendar opens on the date typed, or today. */
static void
on_calendar_shown (ProvStocktakingPage *self)
{
  g_autoptr(GDateTime) shown = NULL;
  GDate date;

  if (prov_typed_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->start_date_row)),
                             prov_date_order_of_locale (), &date))
    shown = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  else
    shown = g_date_time_new_now_local ();

  self->filling = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  self->filling = FALSE;
}

static void
on_calendar_day_selected (ProvStocktakingPage *self)
{
  g_autoptr(GDateTime) picked = NULL;
  g_autofree char *iso = NULL;

  if (self->filling)
    return;

  picked = gtk_calendar_get_date (self->calendar);
  iso = g_date_time_format (picked, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->start_date_row), iso);
}

static gboolean
close_calendar (gpointer user_data)
{
  ProvStocktakingPage *self = user_data;

  gtk_popover_popdown (self->calendar_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->start_date_row));
  return G_SOURCE_REMOVE;
}

/* GtkCalendar moves a focus box with the arrow keys and takes the day in
 * it on Space: the popover closes once it has. Enter closes it as well,
 * keeping the date shown; a click takes the day clicked. */
static gboolean
on_calendar_key_pressed (ProvStocktakingPage *self,
                         guint                keyval,
                         guint                keycode,
                         GdkModifierType      state)
{
  if (keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space)
    {
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_calendar, g_object_ref (self), g_object_unref);
      return GDK_EVENT_PROPAGATE;
    }

  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
    {
      close_calendar (self);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
on_calendar_clicked (ProvStocktakingPage *self)
{
  gtk_popover_popdown (self->calendar_popover);
}

static void
on_last_field_activated (ProvStocktakingPage *self)
{
  prov_assistant_page_request_next (PROV_ASSISTANT_PAGE (self));
}

/* Each flow lists the order's fields as its portal does: the mobile-user
 * portal asks portfolio, reference, start date and duration; the hosted
 * PBX portal asks start date, portfolio, product and reference. */
static void
arrange_rows (ProvStocktakingPage *self)
{
  GtkWidget *mobile[] = { GTK_WIDGET (self->portfolio_row), GTK_WIDGET (self->product_row),
                          GTK_WIDGET (self->reference_row), GTK_WIDGET (self->start_date_row),
                          GTK_WIDGET (self->duration_row) };
  GtkWidget *extension[] = { GTK_WIDGET (self->start_date_row), GTK_WIDGET (self->portfolio_row),
                             GTK_WIDGET (self->product_row), GTK_WIDGET (self->reference_row),
                             GTK_WIDGET (self->duration_row) };
  GtkWidget **rows = is_extension_flow (self) ? extension : mobile;

  if (self->arranged_kind == (int) prov_order_get_kind (self->context->order))
    return;
  self->arranged_kind = (int) prov_order_get_kind (self->context->order);

  for (guint i = 0; i < G_N_ELEMENTS (mobile); i++)
    {
      g_object_ref (rows[i]);
      adw_preferences_group_remove (self->order_group, rows[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (mobile); i++)
    {
      adw_preferences_group_add (self->order_group, rows[i]);
      g_object_unref (rows[i]);
    }
}

/* A mobile user whose tier was chosen from the New Order menu is sold in
 * the portfolios that have that tier. */
static GListModel *
portfolios_to_offer (ProvStocktakingPage *self)
{
  const char *tier;

  if (is_extension_flow (self))
    return prov_catalog_list_portfolios_with (catalog (self), PROV_OFFERING_ROLE_EXTENSION);

  tier = prov_order_get_field (self->context->order, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID);
  if (tier != NULL && prov_catalog_lookup (catalog (self), tier) != NULL)
    return prov_catalog_list_portfolios_of (catalog (self), tier);
  return prov_catalog_list_portfolios_with (catalog (self), PROV_OFFERING_ROLE_VOICE);
}

/* ---- ProvAssistantPage -------------------------------------------------- */

static const char *
prov_stocktaking_page_get_title (ProvAssistantPage *page)
{
  return _("Stocktaking");
}

static void
prov_stocktaking_page_load (ProvAssistantPage *page,
                            ProvPageContext   *context)
{
  ProvStocktakingPage *self = PROV_STOCKTAKING_PAGE (page);
  g_autoptr(GListModel) portfolios = NULL;
  const char *start_date;
  const char *reference;

  self->context = context;
  self->filling = TRUE;

  arrange_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->product_row), is_extension_flow (self));
  if (catalog (self) != NULL)
    portfolios = portfolios_to_offer (self);
  prov_page_set_offerings (GTK_WIDGET (self->portfolio_row), portfolios, FALSE,
                           prov_order_get_field (context->order, PROV_ORDER_FIELD_STOCKTAKING_PORTFOLIO_ID));
  prov_page_show_problem (GTK_WIDGET (self->portfolio_row), self->catalog_problem,
                          catalog (self) == NULL
                          ? _("The carrier's catalog has not been fetched yet. Connect to the carrier once; after that it works offline.")
                          : NULL);

  reference = prov_order_get_field (context->order, PROV_ORDER_FIELD_REFERENCE);
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), reference != NULL ? reference : "");

  start_date = prov_order_get_field (context->order, PROV_ORDER_FIELD_STOCKTAKING_START_DATE);
  if (start_date == NULL)
    {
      g_autofree char *today = prov_page_dup_today ();

      prov_page_set_field (context, PROV_ORDER_FIELD_STOCKTAKING_START_DATE, today);
      start_date = prov_order_get_field (context->order, PROV_ORDER_FIELD_STOCKTAKING_START_DATE);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->start_date_row), start_date);
  self->filling = FALSE;

  /* A single portfolio or product is chosen for the clerk. */
  if (prov_order_get_field (context->order, PROV_ORDER_FIELD_STOCKTAKING_PORTFOLIO_ID) == NULL &&
      adw_combo_row_get_selected (self->portfolio_row) == GTK_INVALID_LIST_POSITION &&
      portfolios != NULL && g_list_model_get_n_items (portfolios) > 0)
    adw_combo_row_set_selected (self->portfolio_row, 0);
  else
    {
      fill_products (self);
      fill_durations (self);
    }
  if (is_extension_flow (self) && prov_order_get_field (context->order, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID) == NULL)
    {
      if (adw_combo_row_get_selected (self->product_row) == GTK_INVALID_LIST_POSITION &&
          g_list_model_get_n_items (adw_combo_row_get_model (self->product_row)) > 0)
        adw_combo_row_set_selected (self->product_row, 0);
      else
        store_product (self);
    }
  store_duration (self);

  show_customers (self, NULL);
  on_customer_search_changed (self);
}

static gboolean
prov_stocktaking_page_get_complete (ProvAssistantPage *page)
{
  ProvStocktakingPage *self = PROV_STOCKTAKING_PAGE (page);
  g_autofree char *date_problem = NULL;
  ProvOrder *order;

  if (self->context == NULL)
    return FALSE;

  order = self->context->order;
  date_problem = check_start_date (self);

  return prov_order_get_customer_account (order) != NULL &&
         prov_order_get_field (order, PROV_ORDER_FIELD_STOCKTAKING_PORTFOLIO_ID) != NULL &&
         (!is_extension_flow (self) || prov_order_get_field (order, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID) != NULL) &&
         date_problem == NULL;
}

static void
prov_stocktaking_page_focus_first (ProvAssistantPage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (PROV_STOCKTAKING_PAGE (page)->customer_search_row));
}

static void
prov_stocktaking_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->focus_first = prov_stocktaking_page_focus_first;
  iface->id = "stocktaking";
  iface->get_title = prov_stocktaking_page_get_title;
  iface->load = prov_stocktaking_page_load;
  iface->get_complete = prov_stocktaking_page_get_complete;
}

static void
prov_stocktaking_page_dispose (GObject *object)
{
  ProvStocktakingPage *self = PROV_STOCKTAKING_PAGE (object);

  g_clear_handle_id (&self->search_timeout, g_source_remove);
  if (self->search != NULL)
    g_cancellable_cancel (self->search);
  g_clear_object (&self->search);
  g_clear_pointer (&self->customers, g_ptr_array_unref);
  g_clear_pointer (&self->terms, g_array_unref);

  G_OBJECT_CLASS (prov_stocktaking_page_parent_class)->dispose (object);
}

static void
prov_stocktaking_page_class_init (ProvStocktakingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prov_stocktaking_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/assistant/pages/prov-stocktaking-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvStocktakingPage, customer_search_row);
  gtk_widget_class_bind_template_child (widget_class, ProvStocktakingPage, customer_list);
  gtk_widget_class_bind_template_child (widget_class, ProvStocktakingPage, customer_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvStocktakingPage, new_customer_button);
  gtk_widget_class_bind_template_child (widget_class, ProvStocktakingPage, order_group);
  gtk_widget_class_bind_template_child (widget_class, ProvStocktakingPage, portfolio_row);
  gtk_widget_class_bind_template_child (widget_class, ProvStocktakingPage, product_row);
  gtk_widget_class_bind_template_child (widget_class, ProvStocktakingPage, reference_row);
  gtk_widget_class_bind_template_child (widget_class, ProvStocktakingPage, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, ProvStocktakingPage, start_date_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvStocktakingPage, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, ProvStocktakingPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, ProvStocktakingPage, duration_row);
  gtk_widget_class_bind_template_child (widget_class, ProvStocktakingPage, catalog_problem);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_search_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_new_customer_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_portfolio_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_product_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_reference_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_start_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_duration_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_last_field_activated);
}

static void
prov_stocktaking_page_init (ProvStocktakingPage *self)
{
  self->customers = g_ptr_array_new_with_free_func (g_object_unref);
  self->terms = g_array_new (FALSE, FALSE, sizeof (guint));
  self->arranged_kind = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_customer_button), FALSE);
}
