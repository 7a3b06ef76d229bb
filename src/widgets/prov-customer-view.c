#include <glib/gi18n.h>

#include "prov-application.h"
#include "prov-customer-products.h"
#include "prov-customer-view.h"
#include "prov-flows.h"
#include "prov-line-request.h"
#include "prov-order-row.h"
#include "prov-order-filter.h"
#include "prov-product-line.h"

struct _ProvCustomerView
{
  AdwBin                parent_instance;

  AdwPreferencesGroup  *contact_group;
  AdwPreferencesGroup  *lines_group;
  AdwPreferencesGroup  *orders_group;
  GtkMenuButton        *new_request_button;

  ProvStore            *store;
  ProvSyncScheduler    *scheduler;
  ProvCustomer         *customer;
  GCancellable         *cancellable;
  /* Rows added to each group, removed when another customer is shown. */
  GPtrArray            *contact_rows;
  GPtrArray            *line_rows;
  GPtrArray            *order_rows;
  /* The customer's lines as shown: a request starts from one of them. */
  GPtrArray            *lines;
  gboolean              refreshing;
  gint64                fetched_at;
  gboolean              refresh_failed;
  /* The keyboard goes to the first line once the lines are in. */
  gboolean              focus_lines_when_shown;
};

G_DEFINE_FINAL_TYPE (ProvCustomerView, prov_customer_view, ADW_TYPE_BIN)

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
  return row;
}

/* An expander row takes the keyboard on its header, not itself. */
static void
focus_row (GtkWidget *row)
{
  if (!gtk_widget_grab_focus (row))
    gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
}

static char *
format_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = date != NULL ? g_date_time_to_local (date) : NULL;

  /* Translators: a date as in "since 3 March 2025"; see strftime */
  return local != NULL ? g_date_time_format (local, _("%-d %B %Y")) : NULL;
}

/* ---- contact -------------------------------------------------------------- */

static void
show_contact (ProvCustomerView *self)
{
  ProvCustomer *customer = self->customer;
  const char *number = prov_customer_get_carrier_id (customer);

  clear_rows (self->contact_group, self->contact_rows);
  adw_preferences_group_set_title (self->contact_group, prov_customer_get_name (customer));
  if (number != NULL)
    {
      /* Translators: %s is the customer's number at the carrier */
      g_autofree char *description = g_strdup_printf (_("Customer number %s"), number);

      adw_preferences_group_set_description (self->contact_group, description);
    }
  else
    adw_preferences_group_set_description (self->contact_group,
                                           _("Known at this counter only: the carrier has no customer number for them yet"));

  add_row (self->contact_group, self->contact_rows, _("E-mail"),
           prov_customer_get_email (customer) != NULL ? prov_customer_get_email (customer) : _("None given"));
  add_row (self->contact_group, self->contact_rows, _("Phone"),
           prov_customer_get_phone (customer) != NULL ? prov_customer_get_phone (customer) : _("None given"));
  for (guint i = 0; i < prov_customer_get_n_addresses (customer); i++)
    {
      const char *kind = NULL;
      g_autofree char *address = prov_customer_dup_address (customer, i, &kind);
      g_autofree char *title = NULL;

      if (kind != NULL)
        /* Translators: %s is the kind of address the carrier gives, e.g. "billing" */
        title = g_strdup_printf (_("Address (%s)"), kind);
      add_row (self->contact_group, self->contact_rows, title != NULL ? title : _("Address"), address);
    }
}

/* ---- lines ---------------------------------------------------------------- */

static void
update_lines_description (ProvCustomerView *self)
{
  g_autofree char *description = NULL;
  g_autoptr(GDateTime) fetched = self->fetched_at > 0 ? g_date_time_new_from_unix_local (self->fetched_at / G_USEC_PER_SEC)
                                                      : NULL;
  /* Translators: when the lines were last read from the carrier; see strftime */
  g_autofree char *when = fetched != NULL ? g_date_time_format (fetched, _("%-d %B %Y, %H:%M")) : NULL;
  gboolean reachable = prov_sync_scheduler_get_reachable_session (self->scheduler) != NULL;

  if (prov_customer_get_carrier_id (self->customer) == NULL)
    description = g_strdup (_("The carrier has no lines for a customer it does not know yet"));
  else if (self->refreshing)
    description = when != NULL ? g_strdup_printf (_("As of %s; asking the carrier…"), when)
                               : g_strdup (_("Asking the carrier…"));
  else if (when == NULL)
    description = g_strdup (reachable ? _("The carrier could not be asked for the lines")
                                      : _("Offline: the lines have not been read from the carrier yet"));
  else if (!reachable || self->refresh_failed)
    /* Translators: %s is when the lines were last read from the carrier */
    description = g_strdup_printf (_("Offline: as the carrier listed them on %s"), when);
  else
    /* Translators: %s is when the lines were last read from the carrier */
    description = g_strdup_printf (_("Refreshed from the carrier on %s"), when);

  adw_preferences_group_set_description (self->lines_group, description);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.refresh",
                                 reachable && !self->refreshing && prov_customer_get_carrier_id (self->customer) != NULL);
}

/* The requests that start from the customer rather than a line. */
static GMenuModel *
new_customer_requests_menu (void)
{
  GMenu *menu = g_menu_new ();
  const ProvLineRequest *requests;
  guint n_requests;

  requests = prov_line_requests_get_all (&n_requests);
  for (guint i = 0; i < n_requests; i++)
    if ((requests[i].starts & PROV_LINE_REQUEST_FROM_CUSTOMER) != 0)
      {
        g_autoptr(GMenuItem) item = g_menu_item_new (_(requests[i].title), NULL);

        g_menu_item_set_action_and_target (item, "customer.line-request", "(ss)", requests[i].id, "");
        g_menu_append_item (menu, item);
      }

  return G_MENU_MODEL (menu);
}

/* The requests a line in its state starts, by kind of change. */
static GMenuModel *
new_requests_menu (ProvProductLine *line)
{
  GMenu *menu = g_menu_new ();
  GMenu *sections[3] = { g_menu_new (), g_menu_new (), g_menu_new () };
  const ProvLineRequest *requests;
  guint n_requests;

  requests = prov_line_requests_get_all (&n_requests);
  for (guint i = 0; i < n_requests; i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (!prov_line_request_starts_from_status (&requests[i], prov_product_line_get_status (line)))
        continue;
      item = g_menu_item_new (_(requests[i].title), NULL);
      g_menu_item_set_action_and_target (item, "customer.line-request", "(ss)", requests[i].id,
                                         prov_product_line_get_id (line));
      g_menu_append_item (sections[requests[i].action], item);
    }
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      if (g_menu_model_get_n_items (G_MENU_MODEL (sections[i])) > 0)
        g_menu_append_section (menu, NULL, G_MENU_MODEL (sections[i]));
      g_object_unref (sections[i]);
    }

  return G_MENU_MODEL (menu);
}

static void
add_detail (AdwExpanderRow *row,
            const char     *title,
            const char     *value)
{
  GtkWidget *detail;

  if (value == NULL)
    return;

  detail = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (detail), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (detail), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (detail), value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (detail), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_expander_row_add_row (row, detail);
}

static GtkWidget *
new_line_row (ProvProductLine *line)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = new_requests_menu (line);
  const char *employee = prov_product_line_get_employee (line);
  const char *status = prov_product_status_get_title (prov_product_line_get_status (line));
  g_autofree char *subtitle = NULL;
  g_autofree char *since = format_date (prov_product_line_get_start_date (line));
  g_autofree char *ended = format_date (prov_product_line_get_termination_date (line));
  g_autofree char *device = NULL;
  g_autofree char *menu_label = NULL;
  GPtrArray *accessories = prov_product_line_get_accessories (line);

  /* Translators: a line's plan, status and the employee it is assigned to, e.g. "Corporate pooled plan · Active · Anouk Visser" */
  subtitle = g_strdup_printf (_("%s · %s · %s"), prov_product_line_get_plan (line) != NULL ? prov_product_line_get_plan (line) : _("No plan"),
                              status != NULL ? status : _("Unknown status"), employee != NULL ? employee : _("Not assigned"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prov_product_line_get_number (line));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  prov_product_line_get_number (line), -1);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  /* Translators: %s is a phone number */
  menu_label = g_strdup_printf (_("Requests for %s"), prov_product_line_get_number (line));
  gtk_widget_set_tooltip_text (menu_button, menu_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), menu_button);
  g_object_set_data (G_OBJECT (row), "prov-menu-button", menu_button);

  if (prov_product_line_get_imei (line) != NULL)
    /* Translators: a device and its IMEI, e.g. "iPhone 15, IMEI 353281151204007" */
    device = g_strdup_printf (_("%s, IMEI %s"), prov_product_line_get_device (line) != NULL ? prov_product_line_get_device (line) : _("Device"),
                              prov_product_line_get_imei (line));
  add_detail (ADW_EXPANDER_ROW (row), _("Device"), device != NULL ? device : _("None known"));
  add_detail (ADW_EXPANDER_ROW (row), _("SIM (ICCID)"), prov_product_line_get_iccid (line));
  add_detail (ADW_EXPANDER_ROW (row), _("Assigned to"), employee != NULL ? employee : _("Nobody"));
  add_detail (ADW_EXPANDER_ROW (row), _("Line since"), since);
  add_detail (ADW_EXPANDER_ROW (row), _("Ended on"), ended);
  /* Translators: the carrier's tracking number of what it ships for a line */
  add_detail (ADW_EXPANDER_ROW (row), _("Shipment"), prov_product_line_get_tracking (line));
  if (accessories->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (accessories, NULL);
      names = g_strjoinv (", ", (char **) accessories->pdata);
      g_ptr_array_set_size (accessories, accessories->len - 1);
      add_detail (ADW_EXPANDER_ROW (row), _("Accessories"), names);
    }

  return row;
}

static void
show_lines (ProvCustomerView *self,
            JsonNode         *products)
{
  GPtrArray *lines = prov_product_lines_from_tmf637 (products);

  g_clear_pointer (&self->lines, g_ptr_array_unref);
  self->lines = lines;
  clear_rows (self->lines_group, self->line_rows);
  for (guint i = 0; i < lines->len; i++)
    {
      GtkWidget *row = new_line_row (g_ptr_array_index (lines, i));

      adw_preferences_group_add (self->lines_group, row);
      g_ptr_array_add (self->line_rows, row);
    }
  if (lines->len == 0)
    add_row (self->lines_group, self->line_rows, _("No lines"),
             _("The carrier has listed no lines for this customer"));

  update_lines_description (self);
  if (self->focus_lines_when_shown && lines->len > 0)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      self->focus_lines_when_shown = FALSE;
      /* Unless the clerk has gone elsewhere meanwhile. */
      if (focus == NULL || (self->contact_rows->len > 0 && focus == g_ptr_array_index (self->contact_rows, 0)))
        focus_row (g_ptr_array_index (self->line_rows, 0));
    }
  g_debug ("Customer %s shows %u lines", prov_customer_get_name (self->customer), lines->len);
}

static void
on_products_listed (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 fetched_at = 0;
  g_autoptr(JsonNode) products = prov_store_list_products_finish (PROV_STORE (source), result, &fetched_at, &error);
  ProvCustomerView *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PROV_CUSTOMER_VIEW (user_data);
  if (products == NULL)
    {
      clear_rows (self->lines_group, self->line_rows);
      add_row (self->lines_group, self->line_rows, _("The lines kept at this counter could not be read"), error->message);
      return;
    }

  self->fetched_at = fetched_at;
  show_lines (self, products);
}

static void
list_kept_lines (ProvCustomerView *self)
{
  prov_store_list_products_async (self->store, prov_customer_get_carrier_id (self->customer), self->cancellable,
                                  on_products_listed, self);
}

/* The sender read the lines again after a request was completed (or a
 * page refreshed them): the customer shown shows them as they are now. */
static void
on_products_changed (ProvCustomerView *self,
                     const char       *account)
{
  if (self->customer == NULL || g_strcmp0 (account, prov_customer_get_carrier_id (self->customer)) != 0 ||
      self->refreshing)
    return;

  list_kept_lines (self);
}

static void
on_products_refreshed (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean refreshed = prov_customer_products_refresh_finish (PROV_STORE (source), result, &error);
  ProvCustomerView *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PROV_CUSTOMER_VIEW (user_data);
  self->refreshing = FALSE;
  self->refresh_failed = !refreshed;
  if (!refreshed)
    g_debug ("The lines of %s were not read from the carrier: %s", prov_customer_get_name (self->customer),
             error->message);
  else
    g_debug ("The lines of %s were read from the carrier", prov_customer_get_name (self->customer));
  list_kept_lines (self);
}

/* What the carrier says now, when it can be reached; what it said last
 * stays on show meanwhile, and when it cannot. */
static void
refresh_lines (ProvCustomerView *self)
{
  ProvCarrierSession *session = prov_sync_scheduler_get_reachable_session (self->scheduler);
  const char *account = prov_customer_get_carrier_id (self->customer);

  if (session == NULL || account == NULL || self->refreshing)
    return;

  self->refreshing = TRUE;
  update_lines_description (self);
  prov_customer_products_refresh_async (self->store, session, account, self->cancellable, on_products_refreshed, self);
}

static void
refresh_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  refresh_lines (PROV_CUSTOMER_VIEW (widget));
}

static ProvProductLine *
find_line (ProvCustomerView *self,
           const char       *product_id)
{
  for (guint i = 0; self->lines != NULL && i < self->lines->len; i++)
    if (g_strcmp0 (prov_product_line_get_id (g_ptr_array_index (self->lines, i)), product_id) == 0)
      return g_ptr_array_index (self->lines, i);

  return NULL;
}

/* Each request opens flow 5's assistant on a new draft: the request's id
 * and the line's product id ("" for one that starts from the customer),
 * with the carrier profile's restore window for the portal's rule. */
static void
line_request_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ProvCustomerView *self = PROV_CUSTOMER_VIEW (widget);
  GApplication *application = g_application_get_default ();
  const char *request_id = NULL;
  const char *product_id = NULL;
  const ProvLineRequest *request;
  ProvProductLine *line;
  GSettings *profile;
  g_autoptr(ProvOrder) draft = NULL;

  g_variant_get (parameter, "(&s&s)", &request_id, &product_id);
  request = prov_line_request_lookup (request_id);
  line = find_line (self, product_id);
  if (request == NULL || self->customer == NULL || !PROV_IS_APPLICATION (application) ||
      (line == NULL) != ((request->starts & PROV_LINE_REQUEST_FROM_CUSTOMER) != 0))
    {
      g_warning ("No request “%s” for line “%s”", request_id, product_id);
      return;
    }

  profile = prov_application_get_carrier_profile (PROV_APPLICATION (application));
  draft = prov_line_request_new_order (request, line, prov_customer_get_carrier_id (self->customer),
                                       prov_customer_get_name (self->customer),
                                       profile != NULL ? g_settings_get_uint (profile, "restore-window-days") : 0,
                                       prov_current_staff_name ());
  prov_order_set_field (draft, PROV_ORDER_FIELD_CUSTOMER_UUID, prov_customer_get_uuid (self->customer));
  /* Told at each milestone of the request. */
  prov_order_set_field (draft, PROV_ORDER_FIELD_CUSTOMER_EMAIL, prov_customer_get_email (self->customer));
  g_debug ("Request %s on line %s of %s", request_id, product_id, prov_customer_get_name (self->customer));
  prov_application_open_assistant (PROV_APPLICATION (application), draft);
}

/* ---- orders --------------------------------------------------------------- */

static void
on_order_row_activated (GtkWidget *row,
                        gpointer   user_data)
{
  prov_order_row_open (row, g_object_get_data (G_OBJECT (row), "prov-order"));
}

static void
on_orders_listed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orders = prov_store_list_orders_finish (PROV_STORE (source), result, &error);
  ProvCustomerView *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PROV_CUSTOMER_VIEW (user_data);
  clear_rows (self->orders_group, self->order_rows);
  if (orders == NULL)
    {
      add_row (self->orders_group, self->order_rows, _("The orders could not be read"), error->message);
      return;
    }

  for (guint i = 0; i < orders->len; i++)
    {
      ProvOrder *order = g_ptr_array_index (orders, i);
      g_autoptr(GDateTime) updated = g_date_time_new_from_unix_local (prov_order_get_updated_at (order) / G_USEC_PER_SEC);
      g_autofree char *when = g_date_time_format (updated, _("%-d %B %Y, %H:%M"));
      /* Translators: an order's state and when it last changed, e.g. "Draft · 3 March 2026, 10:15" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), prov_order_state_get_title (prov_order_get_state (order)), when);
      GtkWidget *row = add_row (self->orders_group, self->order_rows,
                                prov_order_kind_get_title (prov_order_get_kind (order)), subtitle);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "prov-order", g_object_ref (order), g_object_unref);
      g_signal_connect (row, "activated", G_CALLBACK (on_order_row_activated), NULL);
    }
  if (orders->len == 0)
    add_row (self->orders_group, self->order_rows, _("No orders"), _("Nothing was ordered for this customer at this counter"));
}

static void
list_orders (ProvCustomerView *self)
{
  const char *account = prov_customer_get_carrier_id (self->customer);
  /* A customer the carrier does not know yet: their orders by name. */
  g_autoptr(ProvOrderFilter) filter = prov_order_filter_new (account == NULL ? prov_customer_get_name (self->customer) : NULL,
                                                             0, 0);

  prov_order_filter_set_customer (filter, account);
  prov_store_list_orders_async (self->store, filter, 0, 50, self->cancellable, on_orders_listed, self);
}

/* ---- the view ------------------------------------------------------------- */

void
prov_customer_view_show (ProvCustomerView *self,
                         ProvCustomer     *customer)
{
  g_return_if_fail (PROV_IS_CUSTOMER_VIEW (self));
  g_return_if_fail (PROV_IS_CUSTOMER (customer));
  g_return_if_fail (self->store != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->customer, customer);
  self->refreshing = FALSE;
  self->refresh_failed = FALSE;
  self->focus_lines_when_shown = FALSE;
  self->fetched_at = 0;

  show_contact (self);
  clear_rows (self->lines_group, self->line_rows);
  clear_rows (self->orders_group, self->order_rows);
  update_lines_description (self);
  if (prov_customer_get_carrier_id (customer) != NULL)
    list_kept_lines (self);
  refresh_lines (self);
  list_orders (self);
  g_debug ("Customer %s shown", prov_customer_get_name (customer));
}

/* Forgets the customer shown, their rows and what was asked for them. */
void
prov_customer_view_clear (ProvCustomerView *self)
{
  g_return_if_fail (PROV_IS_CUSTOMER_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->customer);
  self->refreshing = FALSE;
  clear_rows (self->contact_group, self->contact_rows);
  clear_rows (self->lines_group, self->line_rows);
  clear_rows (self->orders_group, self->order_rows);
  adw_preferences_group_set_title (self->contact_group, _("Contact"));
  adw_preferences_group_set_description (self->contact_group, NULL);
  adw_preferences_group_set_description (self->lines_group, NULL);
}

/* The keyboard on the first line, or on the contact when there is none. */
void
prov_customer_view_focus_first (ProvCustomerView *self)
{
  g_return_if_fail (PROV_IS_CUSTOMER_VIEW (self));

  if (self->line_rows->len > 0)
    focus_row (g_ptr_array_index (self->line_rows, 0));
  else if (self->contact_rows->len > 0)
    {
      gtk_widget_grab_focus (g_ptr_array_index (self->contact_rows, 0));
      self->focus_lines_when_shown = TRUE;
    }
}

static void
on_reachability_changed (ProvCustomerView *self)
{
  if (self->customer == NULL)
    return;

  update_lines_description (self);
  /* Back online: what was shown offline is brought up to date. */
  if (prov_sync_scheduler_get_reachable_session (self->scheduler) != NULL && self->refresh_failed)
    refresh_lines (self);
}

void
prov_customer_view_set_context (ProvCustomerView  *self,
                                ProvStore         *store,
                                ProvSyncScheduler *scheduler)
{
  g_return_if_fail (PROV_IS_CUSTOMER_VIEW (self));

  g_set_object (&self->store, store);
  g_set_object (&self->scheduler, scheduler);
  g_signal_connect_object (store, "products-changed", G_CALLBACK (on_products_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (scheduler, "notify::online", G_CALLBACK (on_reachability_changed), self, G_CONNECT_SWAPPED);
}

static void
prov_customer_view_dispose (GObject *object)
{
  ProvCustomerView *self = PROV_CUSTOMER_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->customer);
  g_clear_object (&self->store);
  g_clear_object (&self->scheduler);
  g_clear_pointer (&self->contact_rows, g_ptr_array_unref);
  g_clear_pointer (&self->line_rows, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->order_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (prov_customer_view_parent_class)->dispose (object);
}

static void
prov_customer_view_class_init (ProvCustomerViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = prov_customer_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/widgets/prov-customer-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvCustomerView, contact_group);
  gtk_widget_class_bind_template_child (widget_class, ProvCustomerView, lines_group);
  gtk_widget_class_bind_template_child (widget_class, ProvCustomerView, orders_group);
  gtk_widget_class_bind_template_child (widget_class, ProvCustomerView, new_request_button);

  gtk_widget_class_install_action (widget_class, "customer.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "customer.line-request", "(ss)", line_request_activated);
}

static void
prov_customer_view_init (ProvCustomerView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  {
    g_autoptr(GMenuModel) menu = new_customer_requests_menu ();

    gtk_menu_button_set_menu_model (self->new_request_button, menu);
  }
  self->contact_rows = g_ptr_array_new ();
  self->line_rows = g_ptr_array_new ();
  self->order_rows = g_ptr_array_new ();
  /* Flow 5's assistants start from here once that flow has its pages. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.line-request",
                                 prov_flow_can_draft (prov_flows_lookup (PROV_ORDER_KIND_LINE_LIFECYCLE)));
}
