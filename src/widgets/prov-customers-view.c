#include <glib/gi18n.h>

#include "prov-customer-search.h"
#include "prov-customer-view.h"
#include "prov-customers-view.h"

struct _ProvCustomersView
{
  AdwBin             parent_instance;

  GtkStack          *stack;
  GtkSearchEntry    *search_entry;
  GtkStack          *results_stack;
  GtkLabel          *results_label;
  GtkListBox        *customers_list;
  AdwStatusPage     *empty_page;
  ProvCustomerView  *customer_view;

  ProvStore         *store;
  ProvSyncScheduler *scheduler;
  GCancellable      *search_cancellable;
  /* The text Enter was pressed on, until its search has answered: the
   * first customer found for it opens. */
  char              *open_first_for;
};

G_DEFINE_FINAL_TYPE (ProvCustomersView, prov_customers_view, ADW_TYPE_BIN)

static void
open_customer (ProvCustomersView *self,
               ProvCustomer      *customer)
{
  prov_customer_view_show (self->customer_view, customer);
  gtk_stack_set_visible_child_name (self->stack, "customer");
  prov_customer_view_focus_first (self->customer_view);
}

static GtkWidget *
new_customer_row (ProvCustomer *customer)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *subtitle = NULL;

  if (prov_customer_get_carrier_id (customer) != NULL)
    g_strv_builder_add (parts, prov_customer_get_carrier_id (customer));
  else
    g_strv_builder_add (parts, _("Not at the carrier yet"));
  if (prov_customer_get_email (customer) != NULL)
    g_strv_builder_add (parts, prov_customer_get_email (customer));
  if (prov_customer_get_phone (customer) != NULL)
    g_strv_builder_add (parts, prov_customer_get_phone (customer));
  strv = g_strv_builder_end (parts);
  subtitle = g_strjoinv (" · ", strv);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prov_customer_get_name (customer));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  prov_customer_get_name (customer), -1);
  g_object_set_data_full (G_OBJECT (row), "prov-customer", g_object_ref (customer), g_object_unref);
  return row;
}

static void
on_customers_found (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) customers = prov_customer_search_finish (PROV_STORE (source), result, &error);
  ProvCustomersView *self;
  GtkWidget *child;
  const char *text;
  gboolean offline;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PROV_CUSTOMERS_VIEW (user_data);
  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->customers_list))) != NULL)
    gtk_list_box_remove (self->customers_list, child);

  if (customers == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Customers Unavailable"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->results_stack, "empty");
      g_clear_pointer (&self->open_first_for, g_free);
      return;
    }

  offline = prov_sync_scheduler_get_reachable_session (self->scheduler) == NULL;
  for (guint i = 0; i < customers->len; i++)
    gtk_list_box_append (self->customers_list, new_customer_row (g_ptr_array_index (customers, i)));
  gtk_label_set_label (self->results_label,
                       offline ? _("Offline: customers known at this counter, and lines as last listed by the carrier")
                               : _("Customers at this counter and at the carrier"));
  if (*text == '\0')
    {
      /* Nothing asked for yet, and no customer at this counter. */
      adw_status_page_set_title (self->empty_page, _("Find a Customer"));
      adw_status_page_set_description (self->empty_page,
                                       _("Type a name, customer number, phone number, ICCID or IMEI, or scan a SIM or device"));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Customers Found"));
      adw_status_page_set_description (self->empty_page,
                                       offline ? _("Offline: only customers known at this counter are searched. Try another name, number, ICCID or IMEI.")
                                               : _("Try another name, customer number, phone number, ICCID or IMEI."));
    }
  gtk_stack_set_visible_child_name (self->results_stack, customers->len > 0 ? "results" : "empty");
  g_debug ("Customer search “%s”: %u found%s", text, customers->len, offline ? " offline" : "");

  if (g_strcmp0 (self->open_first_for, text) == 0)
    {
      g_clear_pointer (&self->open_first_for, g_free);
      if (customers->len > 0)
        open_customer (self, g_ptr_array_index (customers, 0));
    }
}

static void
search (ProvCustomersView *self)
{
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();
  prov_customer_search_async (self->store, prov_sync_scheduler_get_reachable_session (self->scheduler),
                              gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), self->search_cancellable,
                              on_customers_found, self);
}

/* The entry's own search, after a pause in the typing; it may come after
 * an Enter on the same text, whose wish to open stays. */
static void
on_search_changed (ProvCustomersView *self)
{
  if (g_strcmp0 (self->open_first_for, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0)
    g_clear_pointer (&self->open_first_for, g_free);
  search (self);
}

/* Enter opens the first customer of what was typed, searched now:
 * search-changed waits for a pause in the typing. */
static void
on_search_activated (ProvCustomersView *self)
{
  g_free (self->open_first_for);
  self->open_first_for = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  search (self);
}

static void
on_customer_activated (ProvCustomersView *self,
                       GtkListBoxRow     *row)
{
  open_customer (self, g_object_get_data (G_OBJECT (row), "prov-customer"));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ProvCustomersView *self = PROV_CUSTOMERS_VIEW (widget);

  gtk_stack_set_visible_child_name (self->stack, "search");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The keyboard where the clerk left off: the search, or the customer. */
void
prov_customers_view_focus (ProvCustomersView *self)
{
  g_return_if_fail (PROV_IS_CUSTOMERS_VIEW (self));

  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "customer"))
    prov_customer_view_focus_first (self->customer_view);
  else
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      /* The carrier may have come within reach since the last search. */
      search (self);
    }
}

/* Shows the customers whose name, number, SIM or device holds @text (a
 * scan, say), the first one opened when it is the only one. */
void
prov_customers_view_search_for (ProvCustomersView *self,
                                const char        *text)
{
  g_return_if_fail (PROV_IS_CUSTOMERS_VIEW (self));

  gtk_stack_set_visible_child_name (self->stack, "search");
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  g_clear_pointer (&self->open_first_for, g_free);
  search (self);
}

/* Back to an empty search, nothing of the last customer left on show. */
void
prov_customers_view_reset (ProvCustomersView *self)
{
  g_return_if_fail (PROV_IS_CUSTOMERS_VIEW (self));

  gtk_stack_set_visible_child_name (self->stack, "search");
  g_clear_pointer (&self->open_first_for, g_free);
  prov_customer_view_clear (self->customer_view);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

void
prov_customers_view_set_key_capture_widget (ProvCustomersView *self,
                                            GtkWidget         *widget)
{
  g_return_if_fail (PROV_IS_CUSTOMERS_VIEW (self));

  gtk_search_entry_set_key_capture_widget (self->search_entry, widget);
}

void
prov_customers_view_set_context (ProvCustomersView *self,
                                 ProvStore         *store,
                                 ProvSyncScheduler *scheduler)
{
  g_return_if_fail (PROV_IS_CUSTOMERS_VIEW (self));

  g_set_object (&self->store, store);
  g_set_object (&self->scheduler, scheduler);
  prov_customer_view_set_context (self->customer_view, store, scheduler);
  search (self);
}

static void
prov_customers_view_dispose (GObject *object)
{
  ProvCustomersView *self = PROV_CUSTOMERS_VIEW (object);

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->scheduler);
  g_clear_pointer (&self->open_first_for, g_free);

  G_OBJECT_CLASS (prov_customers_view_parent_class)->dispose (object);
}

static void
prov_customers_view_class_init (ProvCustomersViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = prov_customers_view_dispose;

  g_type_ensure (PROV_TYPE_CUSTOMER_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/widgets/prov-customers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvCustomersView, stack);
  gtk_widget_class_bind_template_child (widget_class, ProvCustomersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ProvCustomersView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, ProvCustomersView, results_label);
  gtk_widget_class_bind_template_child (widget_class, ProvCustomersView, customers_list);
  gtk_widget_class_bind_template_child (widget_class, ProvCustomersView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ProvCustomersView, customer_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_activated);

  gtk_widget_class_install_action (widget_class, "customers.back", NULL, back_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "customers.back", NULL);
}

static void
prov_customers_view_init (ProvCustomersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
