#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-order-window.h"
#include "prov-scan-listener.h"
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
  ProvScanListener     *scan_listener;
  GCancellable         *cancellable;
  GPtrArray            *field_rows;
  GPtrArray            *event_rows;

  AdwWindowTitle       *window_title;
  AdwPreferencesGroup  *summary_group;
  AdwActionRow         *state_row;
  GtkLabel             *state_badge;
  AdwPreferencesGroup  *timeline_group;
  AdwPreferencesGroup  *connect_sim_group;
  AdwBin               *sim_page_bin;
};

G_DEFINE_FINAL_TYPE (ProvOrderWindow, prov_order_window, ADW_TYPE_WINDOW)

static const struct {
  const char *key;
  const char *title;
} shown_fields[] = {
  { PROV_ORDER_FIELD_CUSTOMER_NAME, N_("Customer") },
  { PROV_ORDER_FIELD_REFERENCE, N_("Own reference") },
  { PROV_ORDER_FIELD_OFFERING_NAME, N_("Product") },
  { PROV_ORDER_FIELD_START_DATE, N_("Start date") },
  { PROV_ORDER_FIELD_MSISDN, N_("Phone number") },
  { PROV_ORDER_FIELD_ICCID, N_("SIM (ICCID)") },
  { PROV_ORDER_FIELD_IMEI, N_("Device (IMEI)") },
};

static const char * const group_style_classes[] = {
  [PROV_ORDER_STATE_GROUP_ALL] = NULL,
  [PROV_ORDER_STATE_GROUP_DRAFTS] = "draft",
  [PROV_ORDER_STATE_GROUP_WAITING] = "waiting",
  [PROV_ORDER_STATE_GROUP_ATTENTION] = "attention",
  [PROV_ORDER_STATE_GROUP_AT_CARRIER] = "at-carrier",
  [PROV_ORDER_STATE_GROUP_COMPLETED] = "completed",
  [PROV_ORDER_STATE_GROUP_CANCELLED] = "cancelled",
};

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

  adw_window_title_set_title (self->window_title, customer != NULL ? customer : _("Order"));
  adw_window_title_set_subtitle (self->window_title, prov_order_kind_get_title (prov_order_get_kind (order)));

  gtk_label_set_label (self->state_badge, prov_order_state_get_title (state));
  for (guint i = 0; i < G_N_ELEMENTS (group_style_classes); i++)
    if (group_style_classes[i] != NULL)
      gtk_widget_remove_css_class (GTK_WIDGET (self->state_badge), group_style_classes[i]);
  if (group_style_classes[group] != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_badge), group_style_classes[group]);

  clear_rows (self->summary_group, self->field_rows);
  for (guint i = 0; i < G_N_ELEMENTS (shown_fields); i++)
    {
      const char *value = prov_order_get_field (order, shown_fields[i].key);
      GtkWidget *row;

      if (value == NULL || *value == '\0')
        continue;

      row = new_row (_(shown_fields[i].title), value);
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

  if (event->reason != NULL && *event->reason != '\0')
    /* Translators: when · who · why, on an order's timeline */
    return g_strdup_printf (_("%s · %s · %s"), when, event->who, event->reason);

  /* Translators: when · who, on an order's timeline */
  return g_strdup_printf (_("%s · %s"), when, event->who);
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

static void
update_connect_sim (ProvOrderWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.connect-sim",
                                 self->sim_page != NULL && prov_assistant_page_get_complete (self->sim_page) &&
                                 g_strcmp0 (prov_order_get_field (self->order, "sim.mode"), "later") != 0);
}

static void
show_connect_sim (ProvOrderWindow *self)
{
  gboolean waiting = prov_order_get_state (self->order) == PROV_ORDER_STATE_AWAITING_SIM;

  gtk_widget_set_visible (GTK_WIDGET (self->connect_sim_group), waiting);
  if (!waiting)
    return;

  if (self->sim_page == NULL)
    {
      /* The SIM step of the order flow, on the order itself. */
      self->sim_page = g_object_new (PROV_TYPE_SIM_PAGE, NULL);
      /* The step scrolls on its own; inside this page it needs room. */
      gtk_widget_set_size_request (GTK_WIDGET (self->sim_page), -1, 380);
      adw_bin_set_child (self->sim_page_bin, GTK_WIDGET (self->sim_page));
      g_signal_connect_object (self->sim_page, "changed", G_CALLBACK (update_connect_sim), self, G_CONNECT_SWAPPED);
    }

  g_clear_object (&self->sim_context.order);
  self->sim_context.order = g_object_ref (self->order);
  self->sim_context.store = self->store;
  self->sim_context.scheduler = self->scheduler;
  prov_order_set_field (self->order, "sim.mode", "now");
  prov_assistant_page_load (self->sim_page, &self->sim_context);
  update_connect_sim (self);
}

static void
on_scanned (ProvOrderWindow *self,
            const ProvScan  *scan)
{
  if (self->sim_page != NULL && gtk_widget_get_visible (GTK_WIDGET (self->connect_sim_group)))
    prov_assistant_page_take_scan (self->sim_page, scan);
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

  gtk_widget_activate_action (GTK_WIDGET (self), "app.sync-now", NULL);
}

static void
connect_sim_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ProvOrderWindow *self = PROV_ORDER_WINDOW (widget);

  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_sim_group), FALSE);
  /* With its SIM the order is placed again: the store takes it on. */
  prov_store_place_order_async (self->store, self->order, prov_sync_scheduler_get_catalog (self->scheduler),
                                g_get_user_name (), NULL, on_sim_connected, g_object_ref (self));
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
  show_connect_sim (self);
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
  g_clear_object (&self->order);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->store);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_pointer (&self->event_rows, g_ptr_array_unref);
  g_free (self->uuid);

  G_OBJECT_CLASS (prov_order_window_parent_class)->finalize (object);
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
  gtk_widget_class_bind_template_child (widget_class, ProvOrderWindow, state_badge);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderWindow, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderWindow, connect_sim_group);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderWindow, sim_page_bin);
  gtk_widget_class_install_action (widget_class, "order.connect-sim", NULL, connect_sim_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
prov_order_window_init (ProvOrderWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->field_rows = g_ptr_array_new ();
  self->event_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->scan_listener = prov_scan_listener_new (GTK_WIDGET (self));
  g_signal_connect_object (self->scan_listener, "scanned", G_CALLBACK (on_scanned), self, G_CONNECT_SWAPPED);
}
