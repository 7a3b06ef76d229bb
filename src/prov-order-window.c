#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-inventory.h"
#include "prov-customer-products.h"
#include "widgets/prov-inventory-view.h"
#include "widgets/prov-state-style.h"
#include "widgets/prov-lines-view.h"
#include "prov-order-approval.h"
#include "widgets/prov-request-progress.h"
#include "prov-order-cancel.h"
#include "prov-order-summary.h"
#include "prov-application.h"
#include "prov-assistant.h"
#include "prov-order-print.h"
#include "prov-order-window.h"
#include "prov-scan-listener.h"
#include "prov-sim-link.h"
#include "pages/prov-sim-page.h"

/* One order as the carrier and the clerk left it: its state, what it
 * holds, and its timeline. It follows the store, so a state the sync
 * brings in shows at once. */

struct _ProvOrderWindow
{
  AdwWindow             parent_instance;

  ProvStore            *store;
  ProvSyncScheduler    *scheduler;
  char                 *uuid;
  ProvOrder            *order;
  ProvPageContext       sim_context;
  ProvAssistantPage    *sim_page;
  ProvOrderLine        *sim_line;    /* of order, placed without its SIM */
  ProvScanListener     *scan_listener;
  GCancellable         *cancellable;
  GPtrArray            *field_rows;
  GPtrArray            *event_rows;

  AdwWindowTitle       *window_title;
  AdwPreferencesGroup  *summary_group;
  AdwActionRow         *state_row;
  GtkLabel             *state_badge;
  GtkButton            *edit_button;
  GtkButton            *cancel_button;
  AdwPreferencesGroup  *approval_group;
  ProvRequestProgress  *request_progress;
  AdwPreferencesGroup  *timeline_group;
  AdwPreferencesGroup  *connect_sim_group;
  AdwBin               *sim_page_bin;
  GtkButton            *connect_sim_button;
  ProvInventoryView    *inventory_view;
  ProvLinesView        *lines_view;
};

G_DEFINE_FINAL_TYPE (ProvOrderWindow, prov_order_window, ADW_TYPE_WINDOW)

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "property");

  return row;
}

static void
show_order (ProvOrderWindow *self,
            ProvOrder       *order)
{
  ProvOrderState state = prov_order_get_state (order);
  ProvOrderStateGroup group = prov_order_state_get_group (state);
  const char *customer = prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME);
  const char *carrier_id = prov_order_get_carrier_id (order);
  g_autoptr(GArray) summary = NULL;

  g_debug ("Order window shows order %s", prov_order_get_uuid (order));
  adw_window_title_set_title (self->window_title, customer != NULL ? customer : _("Order"));
  adw_window_title_set_subtitle (self->window_title, prov_order_kind_get_title (prov_order_get_kind (order)));

  gtk_label_set_label (self->state_badge, prov_order_state_get_title (state));
  /* An order the carrier or the sender sent back is fixed on its pages. */
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button),
                          (state == PROV_ORDER_STATE_NEEDS_ATTENTION || state == PROV_ORDER_STATE_INFO_REQUESTED) &&
                          prov_assistant_supports_kind (prov_order_get_kind (order)));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), prov_order_cancel_is_offered (order));
  gtk_widget_set_visible (GTK_WIDGET (self->approval_group), prov_order_approval_is_offered (order));
  prov_request_progress_show (self->request_progress, order);
  prov_state_style_apply (GTK_WIDGET (self->state_badge), group);

  /* What the registry says an overview shows; an order of several lines
   * has them in its Lines or Inventory list instead. */
  clear_rows (self->summary_group, self->field_rows);
  summary = prov_order_summary_lines (order);
  for (guint i = 0; i < summary->len; i++)
    {
      const ProvSummaryLine *line = &g_array_index (summary, ProvSummaryLine, i);
      GtkWidget *row;

      if (line->line != 0)
        continue;

      row = new_row (line->title, line->value);
      adw_preferences_group_add (self->summary_group, row);
      g_ptr_array_add (self->field_rows, row);
    }

  if (carrier_id != NULL)
    {
      GtkWidget *row = new_row (_("Carrier's order number"), carrier_id);

      adw_preferences_group_add (self->summary_group, row);
      g_ptr_array_add (self->field_rows, row);
    }
}

static char *
dup_event_subtitle (const ProvOrderEvent *event)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (event->at / G_USEC_PER_SEC);
  g_autofree char *when = g_date_time_format (time, "%x %X");
  g_autofree char *who = event->authorised_by != NULL
                         /* Translators: a clerk, and the manager whose override allowed what they did */
                         ? g_strdup_printf (_("%s, allowed by %s"), event->who, event->authorised_by)
                         : g_strdup (event->who);

  if (event->reason != NULL && *event->reason != '\0')
    /* Translators: when · who · why, on an order's timeline */
    return g_strdup_printf (_("%s · %s · %s"), when, who, event->reason);

  /* Translators: when · who, on an order's timeline */
  return g_strdup_printf (_("%s · %s"), when, who);
}

static void
show_events (ProvOrderWindow *self,
             GPtrArray       *events)
{
  clear_rows (self->timeline_group, self->event_rows);

  for (guint i = 0; i < events->len; i++)
    {
      const ProvOrderEvent *event = g_ptr_array_index (events, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = dup_event_subtitle (event);
      GtkWidget *row;

      if (event->from_state == 0)
        title = g_strdup_printf (_("Created as %s"), prov_order_state_get_title (event->to_state));
      else
        /* Translators: a change of state, e.g. "Queued → Acknowledged" */
        title = g_strdup_printf (_("%s → %s"), prov_order_state_get_title (event->from_state),
                                 prov_order_state_get_title (event->to_state));

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (self->timeline_group, row);
      g_ptr_array_add (self->event_rows, row);
    }
}

static void
on_events_listed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = prov_store_list_events_finish (PROV_STORE (source), result, &error);
  ProvOrderWindow *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PROV_ORDER_WINDOW (user_data);
  if (events == NULL)
    {
      g_warning ("The timeline of order %s could not be read: %s", self->uuid, error->message);
      return;
    }

  show_events (self, events);
}

/* ---- Connect SIM -------------------------------------------------------- */

static void reload (ProvOrderWindow *self);

/*
 * Two kinds of order wait for a SIM. One placed with "connect SIM later"
 * is at the carrier already: its user exists there, and the SIM goes out
 * as an order of its own that modifies that user's product. An order an
 * older version kept on this till as "Awaiting SIM" is sent once its SIM
 * is connected.
 */

static gboolean
waits_on_till (ProvOrderWindow *self)
{
  return prov_order_get_state (self->order) == PROV_ORDER_STATE_AWAITING_SIM;
}

static void
update_connect_sim (ProvOrderWindow *self)
{
  gboolean linkable = waits_on_till (self) ||
                      (self->sim_line != NULL && prov_order_line_can_link_sim (self->sim_line, NULL));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.connect-sim",
                                 linkable && self->sim_page != NULL && self->sim_context.order != NULL &&
                                 prov_assistant_page_get_complete (self->sim_page) &&
                                 g_strcmp0 (prov_order_get_field (self->sim_context.order, PROV_ORDER_FIELD_SIM_MODE),
                                            "later") != 0);
}

static void
ensure_sim_page (ProvOrderWindow *self)
{
  if (self->sim_page != NULL)
    return;

  /* The SIM step of the order flow, on the order itself. */
  self->sim_page = g_object_new (PROV_TYPE_SIM_PAGE, NULL);
  /* The step scrolls on its own; inside this page it needs room. */
  gtk_widget_set_size_request (GTK_WIDGET (self->sim_page), -1, 380);
  prov_sim_page_set_offers_later (PROV_SIM_PAGE (self->sim_page), FALSE);
  adw_bin_set_child (self->sim_page_bin, GTK_WIDGET (self->sim_page));
  g_signal_connect_object (self->sim_page, "changed", G_CALLBACK (update_connect_sim), self, G_CONNECT_SWAPPED);
}

/* What the SIM step writes to: the order itself when it waits on this
 * till, else a scratch order whose SIM goes into the change. */
static ProvOrder *
new_sim_scratch (ProvOrderWindow *self)
{
  ProvOrder *scratch = prov_order_new (prov_order_get_kind (self->order), prov_current_staff_name ());

  prov_order_set_field (scratch, PROV_ORDER_FIELD_CUSTOMER_ID,
                        prov_order_get_field (self->order, PROV_ORDER_FIELD_CUSTOMER_ID));
  prov_order_set_field (scratch, PROV_ORDER_FIELD_CUSTOMER_UUID,
                        prov_order_get_field (self->order, PROV_ORDER_FIELD_CUSTOMER_UUID));
  prov_order_set_field (scratch, PROV_ORDER_FIELD_CUSTOMER_NAME,
                        prov_order_get_field (self->order, PROV_ORDER_FIELD_CUSTOMER_NAME));
  return scratch;
}

static gboolean
state_allows_link (ProvOrderState state)
{
  return state == PROV_ORDER_STATE_QUEUED ||
         (prov_order_state_is_at_carrier (state) && state != PROV_ORDER_STATE_REJECTED &&
          state != PROV_ORDER_STATE_CANCELLED && state != PROV_ORDER_STATE_FAILED &&
          state != PROV_ORDER_STATE_PENDING_CANCELLATION);
}

static void
show_connect_sim (ProvOrderWindow *self,
                  ProvOrder       *follow_up)
{
  gboolean on_till = waits_on_till (self);
  ProvOrderLine *line = on_till ? NULL : prov_order_find_line_awaiting_sim (self->order);
  gboolean at_carrier;
  gboolean linkable;

  g_set_object (&self->sim_line, line);
  at_carrier = self->sim_line != NULL && follow_up == NULL && state_allows_link (prov_order_get_state (self->order));
  linkable = at_carrier && prov_order_line_can_link_sim (self->sim_line, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->connect_sim_group), on_till || at_carrier);
  if (!on_till && !at_carrier)
    return;

  if (on_till)
    {
      adw_preferences_group_set_description (self->connect_sim_group,
                                             _("This order waits for its SIM. Scan the SIM or pick it from stock, "
                                               "then send the order."));
      gtk_button_set_label (self->connect_sim_button, _("_Connect SIM and Send"));
    }
  else if (linkable)
    {
      adw_preferences_group_set_description (self->connect_sim_group,
                                             _("The user exists at the carrier and works once a SIM is linked. "
                                               "Scan the SIM or pick it from stock: it is sent as a change of "
                                               "this user."));
      gtk_button_set_label (self->connect_sim_button, _("_Connect SIM"));
    }
  else
    adw_preferences_group_set_description (self->connect_sim_group,
                                           _("The user is being created at the carrier. The SIM can be connected "
                                             "as soon as the carrier has reported it, usually when the order is "
                                             "completed."));

  if (linkable)
    g_debug ("Order %s: its SIM can be connected", self->uuid);
  gtk_widget_set_visible (GTK_WIDGET (self->sim_page_bin), on_till || linkable);
  gtk_widget_set_visible (GTK_WIDGET (self->connect_sim_button), on_till || linkable);
  if (!on_till && !linkable)
    {
      update_connect_sim (self);
      return;
    }

  ensure_sim_page (self);
  /* A reload keeps what was scanned into the scratch order. */
  if (on_till || self->sim_context.order == NULL || self->sim_context.order == self->order)
    {
      g_clear_object (&self->sim_context.order);
      self->sim_context.order = on_till ? g_object_ref (self->order) : new_sim_scratch (self);
    }
  self->sim_context.store = self->store;
  self->sim_context.scheduler = self->scheduler;
  prov_order_set_field (self->sim_context.order, PROV_ORDER_FIELD_SIM_MODE, "now");
  prov_assistant_page_load (self->sim_page, &self->sim_context);
  update_connect_sim (self);
}

static void
show_follow_up (ProvOrderWindow *self,
                ProvOrder       *follow_up)
{
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (follow_up == NULL)
    return;

  /* Translators: the SIM connected to an order, and the state of the
   * change that sent it, e.g. "8931… · Acknowledged" */
  subtitle = g_strdup_printf (_("%s · %s"), prov_order_get_field (follow_up, PROV_ORDER_FIELD_SIM_ICCID),
                              prov_order_state_get_title (prov_order_get_state (follow_up)));
  row = new_row (_("SIM connected later"), subtitle);
  adw_preferences_group_add (self->summary_group, row);
  g_ptr_array_add (self->field_rows, row);
}

static void
on_follow_up_found (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvOrder) follow_up = prov_store_find_follow_up_finish (PROV_STORE (source), result, &error);
  ProvOrderWindow *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PROV_ORDER_WINDOW (user_data);
  if (error != NULL)
    g_warning ("The follow-up orders of %s could not be read: %s", self->uuid, error->message);

  show_follow_up (self, follow_up);
  show_connect_sim (self, follow_up);
}

static void
on_scanned (ProvOrderWindow *self,
            const ProvScan  *scan)
{
  if (prov_inventory_view_take_scan (self->inventory_view, scan))
    return;
  if (self->sim_page != NULL && gtk_widget_get_visible (GTK_WIDGET (self->connect_sim_group)))
    prov_assistant_page_take_scan (self->sim_page, scan);
}

/* ---- Lines at the carrier --------------------------------------------------- */

static gboolean
shows_lines (ProvOrder *order)
{
  ProvOrderState state = prov_order_get_state (order);

  if (!prov_order_state_is_at_carrier (state))
    return FALSE;
  if (prov_order_get_n_lines (order) > 1)
    return TRUE;
  return prov_order_line_get_product_ref (prov_order_get_line (order, 0)) != NULL;
}

static void
on_products_listed (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) products = prov_store_list_products_finish (PROV_STORE (source), result, NULL, &error);
  ProvOrderWindow *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PROV_ORDER_WINDOW (user_data);
  if (self->order == NULL || !shows_lines (self->order))
    return;

  prov_lines_view_show (self->lines_view, self->order, prov_sync_scheduler_get_catalog (self->scheduler), products);
}

static void
list_products (ProvOrderWindow *self)
{
  const char *account = prov_order_get_field (self->order, PROV_ORDER_FIELD_CUSTOMER_ID);

  if (account != NULL)
    prov_store_list_products_async (self->store, account, self->cancellable, on_products_listed, self);
  else
    prov_lines_view_show (self->lines_view, self->order, prov_sync_scheduler_get_catalog (self->scheduler), NULL);
}

static void
on_products_refreshed (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!prov_customer_products_refresh_finish (PROV_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The customer's products were not read from the carrier: %s", error->message);
      return;
    }

  list_products (PROV_ORDER_WINDOW (user_data));
}

/* What the lines' products are now: the till's copy first, then the
 * carrier's when it can be reached. */
static void
show_lines (ProvOrderWindow *self)
{
  ProvCarrierSession *session = prov_sync_scheduler_get_reachable_session (self->scheduler);
  const char *account = prov_order_get_field (self->order, PROV_ORDER_FIELD_CUSTOMER_ID);
  gboolean shown = shows_lines (self->order);

  gtk_widget_set_visible (GTK_WIDGET (self->lines_view), shown);
  if (!shown)
    return;

  list_products (self);
  if (session != NULL && account != NULL && prov_order_get_state (self->order) == PROV_ORDER_STATE_COMPLETED)
    prov_customer_products_refresh_async (self->store, session, account, self->cancellable, on_products_refreshed,
                                          self);
}

/* ---- Inventory ----------------------------------------------------------- */

static void
on_inventory_changed (ProvOrderWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.send",
                                 self->order != NULL && prov_order_inventory_complete (self->order));
}

static void
show_inventory (ProvOrderWindow *self)
{
  gboolean waiting = prov_order_get_state (self->order) == PROV_ORDER_STATE_AWAITING_INVENTORY;

  gtk_widget_set_visible (GTK_WIDGET (self->inventory_view), waiting);
  if (waiting)
    {
      prov_inventory_view_show_order (self->inventory_view, self->store,
                                      prov_sync_scheduler_get_catalog (self->scheduler), self->order);
      g_debug ("Order %s shows its inventory", self->uuid);
    }
  on_inventory_changed (self);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ProvOrderWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->inventory_view), TRUE);
  if (!prov_store_place_order_finish (PROV_STORE (source), result, &error))
    {
      adw_action_row_set_subtitle (self->state_row, error->message);
      return;
    }

  g_debug ("Order %s sent with its inventory", self->uuid);
  gtk_widget_activate_action (GTK_WIDGET (self), "app.sync-now", NULL);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ProvOrderWindow *self = PROV_ORDER_WINDOW (widget);

  if (self->order != NULL)
    prov_order_cancel_ask (GTK_WINDOW (self), prov_application_get_session (PROV_APPLICATION (g_application_get_default ())),
                           self->store, self->order);
}

static void
decide_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ProvOrderWindow *self = PROV_ORDER_WINDOW (widget);
  ProvApprovalDecision decision;

  if (self->order != NULL && prov_approval_decision_from_id (g_variant_get_string (parameter, NULL), &decision))
    prov_order_approval_decide (GTK_WINDOW (self), prov_application_get_session (PROV_APPLICATION (g_application_get_default ())),
                                self->store, self->order, decision);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ProvOrderWindow *self = PROV_ORDER_WINDOW (widget);

  gtk_widget_activate_action (widget, "app.resume-order", "s", self->uuid);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
send_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ProvOrderWindow *self = PROV_ORDER_WINDOW (widget);

  if (self->order == NULL || !prov_order_inventory_complete (self->order))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->inventory_view), FALSE);
  /* With its inventory complete the order is placed again: now queued. */
  prov_store_place_order_async (self->store, self->order, prov_sync_scheduler_get_catalog (self->scheduler),
                                prov_current_staff_name (), NULL, on_sent, g_object_ref (self));
}

static void
on_sim_connected (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ProvOrderWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_sim_group), TRUE);
  if (!prov_store_place_order_finish (PROV_STORE (source), result, &error))
    {
      adw_action_row_set_subtitle (self->state_row, error->message);
      return;
    }

  g_debug ("SIM of order %s connected", self->uuid);
  /* The change, or the order itself, is in the outbox: send it now. */
  gtk_widget_activate_action (GTK_WIDGET (self), "app.sync-now", NULL);
  reload (self);
}

static void
connect_sim_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ProvOrderWindow *self = PROV_ORDER_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvOrder) to_place = NULL;

  if (waits_on_till (self))
    to_place = g_object_ref (self->order);
  else if (self->sim_line != NULL)
    to_place = prov_order_new_sim_link (self->order, self->sim_line,
                                        prov_order_get_field (self->sim_context.order, PROV_ORDER_FIELD_SIM_ICCID),
                                        prov_current_staff_name (), &error);

  if (to_place == NULL)
    {
      adw_action_row_set_subtitle (self->state_row, error != NULL ? error->message : NULL);
      return;
    }

  if (to_place != self->order)
    g_debug ("SIM link placed as order %s (changes order %s)", prov_order_get_uuid (to_place), self->uuid);
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_sim_group), FALSE);
  /* Placing is the store's: it checks the SIM is no other open order's. */
  prov_store_place_order_async (self->store, to_place, prov_sync_scheduler_get_catalog (self->scheduler),
                                prov_current_staff_name (), NULL, on_sim_connected, g_object_ref (self));
}

static void
on_order_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvOrder) order = prov_store_load_order_finish (PROV_STORE (source), result, &error);
  ProvOrderWindow *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PROV_ORDER_WINDOW (user_data);
  if (order == NULL)
    {
      adw_action_row_set_subtitle (self->state_row, error->message);
      return;
    }

  g_set_object (&self->order, order);
  show_order (self, order);
  show_inventory (self);
  show_lines (self);
  prov_store_find_follow_up_async (self->store, self->uuid, self->cancellable, on_follow_up_found, self);
}

static void
reload (ProvOrderWindow *self)
{
  prov_store_load_order_async (self->store, self->uuid, self->cancellable, on_order_loaded, self);
  prov_store_list_events_async (self->store, self->uuid, self->cancellable, on_events_listed, self);
}

static void
on_store_order_changed (ProvStore       *store,
                        const char      *uuid,
                        ProvOrderWindow *self)
{
  if (g_strcmp0 (uuid, self->uuid) == 0)
    reload (self);
}

ProvOrderWindow *
prov_order_window_new (ProvStore         *store,
                       ProvSyncScheduler *scheduler,
                       const char        *uuid)
{
  ProvOrderWindow *self;

  g_return_val_if_fail (PROV_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  self = g_object_new (PROV_TYPE_ORDER_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->scheduler = g_object_ref (scheduler);
  self->uuid = g_strdup (uuid);
  g_signal_connect_object (store, "order-changed", G_CALLBACK (on_store_order_changed), self, 0);
  reload (self);

  return self;
}

static void
prov_order_window_dispose (GObject *object)
{
  ProvOrderWindow *self = PROV_ORDER_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PROV_TYPE_ORDER_WINDOW);

  G_OBJECT_CLASS (prov_order_window_parent_class)->dispose (object);
}

static void
prov_order_window_finalize (GObject *object)
{
  ProvOrderWindow *self = PROV_ORDER_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->scan_listener);
  g_clear_object (&self->sim_context.order);
  g_clear_object (&self->sim_line);
  g_clear_object (&self->order);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->store);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_pointer (&self->event_rows, g_ptr_array_unref);
  g_free (self->uuid);

  G_OBJECT_CLASS (prov_order_window_parent_class)->finalize (object);
}

static void
on_printed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ProvOrderWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_order_print_finish (result, &error))
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("The confirmation could not be printed: %s"), error->message);

      adw_action_row_set_subtitle (self->state_row, message);
    }
}

/* A confirmation printed again, as the customer lost it or wants a copy. */
static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ProvOrderWindow *self = PROV_ORDER_WINDOW (widget);

  if (self->order == NULL)
    return;
  prov_order_print_async (self->order, prov_sync_scheduler_get_catalog (self->scheduler), GTK_WINDOW (self),
                          self->cancellable, on_printed, g_object_ref (self));
}

static void
prov_order_window_class_init (ProvOrderWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prov_order_window_dispose;
  object_class->finalize = prov_order_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/prov-order-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvOrderWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderWindow, summary_group);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderWindow, state_row);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderWindow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderWindow, approval_group);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderWindow, request_progress);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderWindow, state_badge);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderWindow, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderWindow, connect_sim_group);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderWindow, sim_page_bin);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderWindow, connect_sim_button);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderWindow, inventory_view);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderWindow, lines_view);
  gtk_widget_class_bind_template_callback (widget_class, on_inventory_changed);
  gtk_widget_class_install_action (widget_class, "order.send", NULL, send_activated);
  gtk_widget_class_install_action (widget_class, "order.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "order.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "order.decide", "s", decide_activated);
  gtk_widget_class_install_action (widget_class, "order.connect-sim", NULL, connect_sim_activated);
  gtk_widget_class_install_action (widget_class, "order.print", NULL, print_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "order.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
prov_order_window_init (ProvOrderWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->field_rows = g_ptr_array_new ();
  self->event_rows = g_ptr_array_new ();

  g_type_ensure (PROV_TYPE_INVENTORY_VIEW);
  g_type_ensure (PROV_TYPE_LINES_VIEW);
  g_type_ensure (PROV_TYPE_REQUEST_PROGRESS);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->scan_listener = prov_scan_listener_new (GTK_WIDGET (self));
  g_signal_connect_object (self->scan_listener, "scanned", G_CALLBACK (on_scanned), self, G_CONNECT_SWAPPED);
}
