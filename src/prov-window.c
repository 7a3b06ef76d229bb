#include <glib/gi18n.h>

#include "prov-order-list-model.h"
#include "prov-scan-listener.h"
#include "prov-session.h"
#include "prov-window.h"
#include "widgets/prov-approvals-button.h"
#include "widgets/prov-customers-view.h"
#include "widgets/prov-focus-log.h"
#include "widgets/prov-order-row.h"
#include "widgets/prov-sign-in-view.h"
#include "widgets/prov-sync-indicator.h"

struct _ProvWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *lock_stack;
  ProvSignInView       *sign_in_view;
  GtkMenuButton        *new_order_button;
  GtkWidget            *search_row;
  ProvSyncIndicator    *sync_indicator;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *state_filter;
  GtkDropDown          *kind_filter;
  GtkStack             *content_stack;
  AdwStatusPage        *unavailable_page;
  GtkListView          *orders_view;
  AdwViewStack         *view_stack;
  ProvApprovalsButton  *approvals_button;
  ProvCustomersView    *customers_view;

  GSettings            *settings;
  ProvSession          *session;
  ProvStore            *store;
  GCancellable         *cancellable;
  ProvScanListener     *scan_listener;
  ProvOrderListModel   *orders;
  gboolean              store_failed;
  gboolean              populated_reported;
  gulong                first_frame_handler;
};

G_DEFINE_FINAL_TYPE (ProvWindow, prov_window, ADW_TYPE_APPLICATION_WINDOW)

void
prov_window_show_toast (ProvWindow *self,
                        const char *message)
{
  g_return_if_fail (PROV_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static gboolean
customers_shown (ProvWindow *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "customers") == 0;
}

static gboolean
filter_is_active (ProvWindow *self)
{
  const ProvOrderFilter *filter = self->orders != NULL ? prov_order_list_model_get_filter (self->orders) : NULL;

  return filter != NULL && (filter->text != NULL || filter->states != 0 || filter->kinds != 0);
}

static void
update_content (ProvWindow *self)
{
  const GError *error;
  const char *page;

  if (self->store_failed)
    page = "unavailable";
  else if (self->orders == NULL || !prov_order_list_model_get_counted (self->orders))
    page = "loading";
  else if ((error = prov_order_list_model_get_error (self->orders)) != NULL)
    {
      adw_status_page_set_description (self->unavailable_page, error->message);
      page = "unavailable";
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->orders)) > 0)
    page = "orders";
  else if (filter_is_active (self))
    page = "no-results";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->content_stack, page);
  /* Searching an empty list makes no sense; clearing a search must stay possible. */
  gtk_widget_set_visible (self->search_row,
                          g_str_equal (page, "orders") || g_str_equal (page, "no-results"));
}

void
prov_window_show_store_failed (ProvWindow   *self,
                               const GError *error)
{
  g_return_if_fail (PROV_IS_WINDOW (self));

  self->store_failed = TRUE;
  adw_status_page_set_description (self->unavailable_page, error->message);
  update_content (self);
}

static void
on_filter_changed (ProvWindow *self)
{
  g_autoptr(ProvOrderFilter) filter = NULL;
  guint state_group = gtk_drop_down_get_selected (self->state_filter);
  guint kind = gtk_drop_down_get_selected (self->kind_filter);

  if (self->orders == NULL)
    return;

  /* Position 0 is "All"; the others follow the enums' order. */
  filter = prov_order_filter_new (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                  state_group == GTK_INVALID_LIST_POSITION ? 0 :
                                    prov_order_state_group_get_mask (state_group),
                                  kind == GTK_INVALID_LIST_POSITION || kind == 0 ? 0 : 1u << kind);
  prov_order_list_model_set_filter (self->orders, filter);
}

typedef struct {
  ProvWindow *window;
  char       *reference;
} ReferenceLookup;

static void
reference_lookup_free (ReferenceLookup *lookup)
{
  g_object_unref (lookup->window);
  g_free (lookup->reference);
  g_free (lookup);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReferenceLookup, reference_lookup_free)

static void
on_reference_found (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ReferenceLookup) lookup = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvOrder) order = prov_store_find_by_reference_finish (PROV_STORE (source), result, &error);
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (order != NULL)
    {
      g_debug ("Scanned reference %s opens order %s", lookup->reference, prov_order_get_uuid (order));
      gtk_widget_activate_action (GTK_WIDGET (lookup->window), "app.show-order", "s", prov_order_get_uuid (order));
      return;
    }

  if (error != NULL)
    /* Translators: %s is the database's own explanation */
    message = g_strdup_printf (_("The order could not be looked up: %s"), error->message);
  else
    /* Translators: %s is an order reference such as PRV-7KQ-2M9-XAC */
    message = g_strdup_printf (_("No order on this till has the reference %s"), lookup->reference);
  prov_window_show_toast (lookup->window, message);
}

/* The reference on a printed confirmation opens its order. */
static void
open_order_by_reference (ProvWindow   *self,
                         const ProvId *id)
{
  ReferenceLookup *lookup;

  if (!id->valid)
    {
      prov_window_show_toast (self, id->message);
      return;
    }

  lookup = g_new0 (ReferenceLookup, 1);
  lookup->window = g_object_ref (self);
  lookup->reference = g_strdup (id->normalized);
  prov_store_find_by_reference_async (self->store, id->normalized, self->cancellable, on_reference_found, lookup);
}

/* A scan in the order list looks for the orders that hold what was
 * scanned: the SIM, the device, the number; a confirmation's reference
 * opens its order. */
static void
on_scanned (ProvWindow *self,
            ProvScan   *scan)
{
  ProvId *id = scan->ids->len > 0 ? g_ptr_array_index (scan->ids, 0) : NULL;
  const char *search = id != NULL && id->normalized != NULL ? id->normalized : scan->data;
  g_autofree char *message = NULL;

  /* Locked, the till takes only a staff badge. */
  if (prov_session_get_staff (self->session) == NULL)
    {
      prov_sign_in_view_take_scan (self->sign_in_view, scan);
      return;
    }

  if (id != NULL && id->kind == PROV_ID_KIND_ORDER_REFERENCE)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "orders");
      if (!gtk_widget_get_visible (self->search_row))
        gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      open_order_by_reference (self, id);
      return;
    }

  /* In Customers, a SIM or device scanned finds whose line it is. */
  if (customers_shown (self))
    {
      prov_customers_view_search_for (self->customers_view, search);
      return;
    }

  if (!gtk_widget_get_visible (self->search_row))
    {
      /* Key capture typed the burst into the hidden search field. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      /* Translators: "Scanned ICCID 8931…; there are no orders to search yet" */
      message = g_strdup_printf (_("Scanned %s %s; there are no orders to search yet"),
                                 prov_id_kind_get_title (id != NULL ? id->kind : PROV_ID_KIND_UNKNOWN), search);
      prov_window_show_toast (self, message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_stop_search (ProvWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Typing anywhere in the window goes to the search of the page shown,
 * and nowhere while the till is locked. */
static void
update_key_capture (ProvWindow *self)
{
  gboolean locked = prov_session_get_staff (self->session) == NULL;
  gboolean customers = customers_shown (self);

  gtk_search_entry_set_key_capture_widget (self->search_entry, locked || customers ? NULL : GTK_WIDGET (self));
  prov_customers_view_set_key_capture_widget (self->customers_view, locked || !customers ? NULL : GTK_WIDGET (self));
}

static void
on_view_changed (ProvWindow *self)
{
  if (self->session == NULL)
    return;

  update_key_capture (self);
  if (customers_shown (self))
    prov_customers_view_focus (self->customers_view);
  else if (gtk_widget_get_visible (self->search_row))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  g_debug ("Main window shows %s", adw_view_stack_get_visible_child_name (self->view_stack));
}

/* The startup benchmark watches for these messages: they mark the moments
 * the clerk sees the window, and sees the orders in it. */
static void
on_first_frame_painted (GdkFrameClock *frame_clock,
                        ProvWindow    *self)
{
  g_clear_signal_handler (&self->first_frame_handler, frame_clock);
  g_debug ("Main window drew its first frame");
}

static void
on_page_loaded (ProvWindow *self,
                guint       page)
{
  if (self->populated_reported)
    return;

  self->populated_reported = TRUE;
  g_debug ("Order list populated (%u orders)", g_list_model_get_n_items (G_LIST_MODEL (self->orders)));
}

static void
on_order_row_setup (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, prov_order_row_new ());
}

static void
on_order_row_bind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  prov_order_row_set_item (PROV_ORDER_ROW (gtk_list_item_get_child (list_item)),
                           gtk_list_item_get_item (list_item));
}

static void
on_order_row_unbind (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item)
{
  prov_order_row_set_item (PROV_ORDER_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
on_order_activated (ProvWindow *self,
                    guint       position)
{
  g_autoptr(ProvOrderListItem) item = g_list_model_get_item (G_LIST_MODEL (self->orders), position);
  ProvOrder *order = item != NULL ? prov_order_list_item_get_order (item) : NULL;

  if (order == NULL)
    return;

  prov_order_row_open (GTK_WIDGET (self), order);
}

static void
prov_window_map (GtkWidget *widget)
{
  ProvWindow *self = PROV_WINDOW (widget);
  GdkFrameClock *frame_clock;

  GTK_WIDGET_CLASS (prov_window_parent_class)->map (widget);

  frame_clock = gtk_widget_get_frame_clock (widget);
  if (self->first_frame_handler == 0 && frame_clock != NULL)
    self->first_frame_handler = g_signal_connect (frame_clock, "after-paint",
                                                  G_CALLBACK (on_first_frame_painted), self);
}

static void
prov_window_unmap (GtkWidget *widget)
{
  ProvWindow *self = PROV_WINDOW (widget);

  g_clear_signal_handler (&self->first_frame_handler, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (prov_window_parent_class)->unmap (widget);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ProvWindow *self = PROV_WINDOW (widget);

  if (customers_shown (self))
    prov_customers_view_focus (self->customers_view);
  else if (gtk_widget_get_visible (self->search_row))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The orders of one customer, e.g. after the reseller portal's Finish. */
static void
search_for_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ProvWindow *self = PROV_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "orders");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (self));
}

/* The approvals queue: the requests that wait for a manager. */
static void
show_approvals_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ProvWindow *self = PROV_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "orders");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->state_filter, PROV_ORDER_STATE_GROUP_APPROVAL);
  gtk_widget_grab_focus (GTK_WIDGET (self->orders_view));
}

/* Locked, the window shows the sign-in and nothing of the orders; the
 * actions that reach them are off. */
static void
update_lock (ProvWindow *self)
{
  gboolean locked = prov_session_get_staff (self->session) == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search-for", !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-approvals", !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.choose-new-order", !locked);
  update_key_capture (self);

  if (locked)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      /* Nothing of a customer stays behind the sign-in. */
      prov_customers_view_reset (self->customers_view);
      gtk_stack_set_visible_child_name (self->lock_stack, "sign-in");
      prov_sign_in_view_reset (self->sign_in_view);
    }
  else
    gtk_stack_set_visible_child_name (self->lock_stack, "till");
}

static void
on_signed_in (ProvWindow            *self,
              const ProvStaffMember *member)
{
  prov_session_sign_in (self->session, member);
}

static void
prov_window_dispose (GObject *object)
{
  ProvWindow *self = PROV_WINDOW (object);

  g_clear_object (&self->orders);
  g_clear_object (&self->scan_listener);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (prov_window_parent_class)->dispose (object);
}

/* Ctrl+N opens the New Order menu, where the arrow keys pick the tier:
 * the portal has no single "new order" either. */
static void
choose_new_order_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  gtk_menu_button_popup (PROV_WINDOW (widget)->new_order_button);
}

static void
prov_window_class_init (ProvWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prov_window_dispose;
  widget_class->map = prov_window_map;
  widget_class->unmap = prov_window_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/prov-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ProvWindow, lock_stack);
  gtk_widget_class_bind_template_child (widget_class, ProvWindow, sign_in_view);
  gtk_widget_class_bind_template_child (widget_class, ProvWindow, new_order_button);
  gtk_widget_class_bind_template_child (widget_class, ProvWindow, search_row);
  gtk_widget_class_bind_template_child (widget_class, ProvWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ProvWindow, customers_view);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_child (widget_class, ProvWindow, sync_indicator);
  gtk_widget_class_bind_template_child (widget_class, ProvWindow, approvals_button);
  gtk_widget_class_bind_template_child (widget_class, ProvWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ProvWindow, state_filter);
  gtk_widget_class_bind_template_child (widget_class, ProvWindow, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, ProvWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ProvWindow, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, ProvWindow, orders_view);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_order_row_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_order_row_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_order_row_unbind);
  gtk_widget_class_bind_template_callback (widget_class, on_order_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_signed_in);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.search-for", "s", search_for_activated);
  gtk_widget_class_install_action (widget_class, "win.choose-new-order", NULL, choose_new_order_activated);
  gtk_widget_class_install_action (widget_class, "win.show-approvals", NULL, show_approvals_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_ALT_MASK, "win.show-approvals", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.choose-new-order", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);

  g_type_ensure (PROV_TYPE_ORDER_ROW);
  g_type_ensure (PROV_TYPE_SIGN_IN_VIEW);
  g_type_ensure (PROV_TYPE_CUSTOMERS_VIEW);
  g_type_ensure (PROV_TYPE_SYNC_INDICATOR);
  g_type_ensure (PROV_TYPE_APPROVALS_BUTTON);
}

static GtkStringList *
new_kind_filter_model (void)
{
  GtkStringList *kinds = gtk_string_list_new (NULL);

  gtk_string_list_append (kinds, _("All Kinds"));
  for (int kind = PROV_ORDER_KIND_FIRST; kind <= PROV_ORDER_KIND_LAST; kind++)
    gtk_string_list_append (kinds, prov_order_kind_get_title (kind));

  return kinds;
}

static void
prov_window_init (ProvWindow *self)
{
  g_autoptr(GtkStringList) kinds = new_kind_filter_model ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kinds));

  self->cancellable = g_cancellable_new ();
  prov_focus_log_attach (GTK_WINDOW (self));
  self->scan_listener = prov_scan_listener_new (GTK_WIDGET (self));
  g_signal_connect_object (self->scan_listener, "scanned", G_CALLBACK (on_scanned), self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  /* "application" is not a construct property: it arrives after init. */
}

/* The order list of @store; @scheduler says how sending goes. Given like
 * every other window of the app gets them. It shows the sign-in while
 * @session has nobody signed in. */
ProvWindow *
prov_window_new (GtkApplication    *application,
                 ProvStore         *store,
                 ProvSyncScheduler *scheduler,
                 ProvSession       *session,
                 GMenuModel        *new_order_menu)
{
  ProvWindow *self;
  g_autoptr(GtkSelectionModel) selection = NULL;

  g_return_val_if_fail (PROV_IS_STORE (store), NULL);
  g_return_val_if_fail (PROV_IS_SYNC_SCHEDULER (scheduler), NULL);

  self = g_object_new (PROV_TYPE_WINDOW, "application", application, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::staff", G_CALLBACK (update_lock), self, G_CONNECT_SWAPPED);
  prov_sign_in_view_set_store (self->sign_in_view, store);

  gtk_menu_button_set_menu_model (self->new_order_button, new_order_menu);
  prov_sync_indicator_set_scheduler (self->sync_indicator, scheduler);
  prov_approvals_button_set_store (self->approvals_button, store);
  prov_customers_view_set_context (self->customers_view, store, scheduler);
  self->store = g_object_ref (store);
  self->orders = prov_order_list_model_new (store);
  g_signal_connect_object (self->orders, "items-changed", G_CALLBACK (update_content), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->orders, "notify::counted", G_CALLBACK (update_content), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->orders, "page-loaded", G_CALLBACK (on_page_loaded), self, G_CONNECT_SWAPPED);

  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->orders))));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_single_selection_set_can_unselect (GTK_SINGLE_SELECTION (selection), TRUE);
  gtk_list_view_set_model (self->orders_view, selection);

  update_content (self);
  update_lock (self);

  return self;
}
