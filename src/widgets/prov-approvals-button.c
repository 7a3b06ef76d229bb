#include <glib/gi18n.h>

#include "prov-approvals-button.h"
#include "prov-order-filter.h"

/*
 * The approvals queue in the main window's header: how many requests wait
 * for a manager, counted again whenever an order changes; hidden while
 * none waits. Pressed, the window lists them (win.show-approvals).
 */

struct _ProvApprovalsButton
{
  AdwBin        parent_instance;

  ProvStore    *store;
  GCancellable *cancellable;
  guint         recount_source;

  GtkButton    *button;
  GtkLabel     *count_label;
};

G_DEFINE_FINAL_TYPE (ProvApprovalsButton, prov_approvals_button, ADW_TYPE_BIN)

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 count = prov_store_count_orders_finish (PROV_STORE (source), result, &error);
  ProvApprovalsButton *self;
  g_autofree char *label = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PROV_APPROVALS_BUTTON (user_data);
  if (count < 0)
    {
      g_warning ("The requests awaiting approval could not be counted: %s", error->message);
      return;
    }

  /* Translators: the main window's approvals queue */
  label = g_strdup_printf (g_dngettext (NULL, "%u Awaiting Approval", "%u Awaiting Approval", (gulong) count),
                           (guint) count);
  gtk_label_set_label (self->count_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_visible (GTK_WIDGET (self), count > 0);
  g_debug ("Requests awaiting approval: %u", (guint) count);
}

static void
count (ProvApprovalsButton *self);

static gboolean
recount_cb (gpointer user_data)
{
  ProvApprovalsButton *self = user_data;

  self->recount_source = 0;
  count (self);
  return G_SOURCE_REMOVE;
}

/* Every autosaved keystroke changes an order: the count is asked once the
 * changes pause, not once for each. */
static void
on_order_changed (ProvApprovalsButton *self)
{
  if (self->recount_source == 0)
    self->recount_source = g_timeout_add (300, recount_cb, self);
}

static void
count (ProvApprovalsButton *self)
{
  g_autoptr(ProvOrderFilter) waiting = prov_order_filter_new (NULL,
                                                              prov_order_state_group_get_mask (PROV_ORDER_STATE_GROUP_APPROVAL),
                                                              0);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  prov_store_count_orders_async (self->store, waiting, self->cancellable, on_counted, self);
}

void
prov_approvals_button_set_store (ProvApprovalsButton *self,
                                 ProvStore           *store)
{
  g_return_if_fail (PROV_IS_APPROVALS_BUTTON (self));
  g_return_if_fail (PROV_IS_STORE (store));

  g_set_object (&self->store, store);
  g_signal_connect_object (store, "order-changed", G_CALLBACK (on_order_changed), self, G_CONNECT_SWAPPED);
  count (self);
}

static void
prov_approvals_button_dispose (GObject *object)
{
  ProvApprovalsButton *self = PROV_APPROVALS_BUTTON (object);

  g_clear_handle_id (&self->recount_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (prov_approvals_button_parent_class)->dispose (object);
}

static void
prov_approvals_button_class_init (ProvApprovalsButtonClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = prov_approvals_button_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/widgets/prov-approvals-button.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvApprovalsButton, button);
  gtk_widget_class_bind_template_child (widget_class, ProvApprovalsButton, count_label);
}

static void
prov_approvals_button_init (ProvApprovalsButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
