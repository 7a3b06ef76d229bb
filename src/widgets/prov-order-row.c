#include <glib/gi18n.h>

#include "prov-flows.h"
#include "prov-order-row.h"
#include "prov-state-style.h"

struct _ProvOrderRow
{
  AdwBin             parent_instance;

  GtkImage          *kind_icon;
  GtkLabel          *title_label;
  GtkLabel          *details_label;
  GtkLabel          *state_label;
  GtkLabel          *updated_label;

  ProvOrderListItem *item;
  ProvOrder         *order;
};

G_DEFINE_FINAL_TYPE (ProvOrderRow, prov_order_row, ADW_TYPE_BIN)

/* Today's orders by time, older ones by date: what a clerk asks is
 * "was this the one from this morning?". */
static char *
format_updated (gint64 updated_at)
{
  g_autoptr(GDateTime) updated = g_date_time_new_from_unix_local (updated_at / G_USEC_PER_SEC);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (updated == NULL)
    return g_strdup ("");

  if (g_date_time_get_year (updated) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (updated) == g_date_time_get_day_of_year (now))
    return g_date_time_format (updated, "%H:%M");

  return g_date_time_format (updated, "%x");
}

static char *
build_details (ProvOrder *order)
{
  const char *keys[] = {
    PROV_ORDER_FIELD_REFERENCE, PROV_ORDER_FIELD_NUMBER_MSISDN, PROV_ORDER_FIELD_SIM_ICCID, PROV_ORDER_FIELD_DEVICE_IMEI,
  };
  g_autoptr(GString) details = g_string_new (prov_order_kind_get_title (prov_order_get_kind (order)));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *value = prov_order_get_field (order, keys[i]);

      if (value != NULL)
        g_string_append_printf (details, " · %s", value);
    }

  return g_string_free (g_steal_pointer (&details), FALSE);
}

static void
set_state_style (ProvOrderRow        *self,
                 ProvOrderStateGroup  group)
{
  prov_state_style_apply (GTK_WIDGET (self->state_label), group);
}

static void
update (ProvOrderRow *self)
{
  ProvOrder *order = self->order;
  g_autofree char *details = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *accessible = NULL;
  const char *customer;
  const char *state;

  gtk_widget_set_visible (GTK_WIDGET (self->state_label), order != NULL);
  if (order == NULL)
    {
      /* Still being read: keep the row's height, show nothing stale. */
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->details_label, "");
      gtk_label_set_text (self->updated_label, "");
      gtk_image_set_from_icon_name (self->kind_icon, NULL);
      return;
    }

  customer = prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME);
  if (customer == NULL)
    customer = _("No customer yet");
  details = build_details (order);
  updated = format_updated (prov_order_get_updated_at (order));
  state = prov_order_state_get_title (prov_order_get_state (order));

  gtk_image_set_from_icon_name (self->kind_icon, prov_flows_lookup (prov_order_get_kind (order))->icon_name);
  gtk_label_set_text (self->title_label, customer);
  gtk_label_set_text (self->details_label, details);
  gtk_label_set_text (self->state_label, state);
  gtk_label_set_text (self->updated_label, updated);
  set_state_style (self, prov_order_state_get_group (prov_order_get_state (order)));

  /* Translators: an order in the list read out by a screen reader:
   * customer, details, state, time of the last change */
  accessible = g_strdup_printf (_("%s, %s, %s, changed %s"), customer, details, state, updated);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
set_order (ProvOrderRow *self,
           ProvOrder    *order)
{
  if (self->order != NULL)
    g_signal_handlers_disconnect_by_func (self->order, update, self);

  g_set_object (&self->order, order);

  if (self->order != NULL)
    {
      g_signal_connect_swapped (self->order, "notify::state", G_CALLBACK (update), self);
      g_signal_connect_swapped (self->order, "notify::updated-at", G_CALLBACK (update), self);
    }

  update (self);
}

static void
on_item_order_changed (ProvOrderRow *self)
{
  set_order (self, prov_order_list_item_get_order (self->item));
}

void
prov_order_row_set_item (ProvOrderRow      *self,
                         ProvOrderListItem *item)
{
  g_return_if_fail (PROV_IS_ORDER_ROW (self));

  if (self->item == item)
    return;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, on_item_order_changed, self);

  g_set_object (&self->item, item);

  if (self->item != NULL)
    g_signal_connect_swapped (self->item, "notify::order", G_CALLBACK (on_item_order_changed), self);

  set_order (self, self->item != NULL ? prov_order_list_item_get_order (self->item) : NULL);
}

GtkWidget *
prov_order_row_new (void)
{
  return g_object_new (PROV_TYPE_ORDER_ROW, NULL);
}

static void
prov_order_row_dispose (GObject *object)
{
  ProvOrderRow *self = PROV_ORDER_ROW (object);

  prov_order_row_set_item (self, NULL);

  G_OBJECT_CLASS (prov_order_row_parent_class)->dispose (object);
}

static void
prov_order_row_class_init (ProvOrderRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prov_order_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/widgets/prov-order-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvOrderRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, ProvOrderRow, updated_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
prov_order_row_init (ProvOrderRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Opens @order from a list it is shown in: a draft where it was left, a
 * placed order in its window, with its state. */
void
prov_order_row_open (GtkWidget *from,
                     ProvOrder *order)
{
  gboolean draft = prov_order_state_get_group (prov_order_get_state (order)) == PROV_ORDER_STATE_GROUP_DRAFTS;

  g_return_if_fail (PROV_IS_ORDER (order));

  gtk_widget_activate_action (from, draft ? "app.resume-order" : "app.show-order", "s", prov_order_get_uuid (order));
}
