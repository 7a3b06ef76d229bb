#include <string.h>

#include <glib/gi18n.h>

#include "prov-inventory.h"
#include "prov-inventory-view.h"
#include "prov-order-field.h"

struct _ProvInventoryView
{
  AdwPreferencesGroup      parent_instance;

  ProvStore               *store;
  ProvCatalog             *catalog;   /* names the packages; may be NULL */
  ProvOrder               *order;
  ProvInventoryAssignment *last;
  GCancellable            *cancellable;

  GtkListBox              *lines_list;
  AdwEntryRow             *stock_row;
  GtkBox                  *last_scan_box;
  GtkLabel                *last_scan_label;
  GtkLabel                *problem_label;
};

G_DEFINE_FINAL_TYPE (ProvInventoryView, prov_inventory_view, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_device (ProvOrderLine *line)
{
  const char *imei = prov_order_line_get_field (line, PROV_ORDER_FIELD_DEVICE_IMEI);
  const char *imei2 = prov_order_line_get_field (line, PROV_ORDER_FIELD_DEVICE_IMEI2);
  const char *meid = prov_order_line_get_field (line, PROV_ORDER_FIELD_DEVICE_MEID);
  const char *esn = prov_order_line_get_field (line, PROV_ORDER_FIELD_DEVICE_ESN);

  if (imei != NULL && imei2 != NULL)
    /* Translators: the two IMEIs of a dual-SIM phone */
    return g_strdup_printf (_("IMEI %s and %s"), imei, imei2);
  if (imei != NULL)
    return g_strdup_printf (_("IMEI %s"), imei);
  if (meid != NULL)
    return g_strdup_printf (_("MEID %s"), meid);
  if (esn != NULL)
    return g_strdup_printf (_("ESN %s"), esn);

  return NULL;
}

static GtkWidget *
new_line_row (ProvCatalog   *catalog,
              guint          number,
              ProvOrderLine *line)
{
  const char *package = prov_order_line_get_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_NAME);
  const char *offering_id = prov_order_line_get_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID);
  ProvOffering *offering = catalog != NULL && offering_id != NULL ? prov_catalog_lookup (catalog, offering_id) : NULL;
  const char *sim = prov_order_line_get_field (line, PROV_ORDER_FIELD_SIM_ICCID);
  g_autofree char *device = dup_device (line);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *mark;

  if (package == NULL)
    package = offering != NULL ? prov_offering_get_name (offering) : offering_id;
  title = package != NULL ? g_strdup_printf (_("Line %u: %s"), number, package) : g_strdup_printf (_("Line %u"), number);
  subtitle = g_strdup_printf (_("Device: %s · SIM: %s"), device != NULL ? device : _("not scanned yet"),
                              sim != NULL ? sim : _("not scanned yet"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  mark = gtk_image_new_from_icon_name (prov_order_line_lacks_inventory (line) ? "dialog-warning-symbolic"
                                                                               : "object-select-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  prov_order_line_lacks_inventory (line) ? _("Incomplete") : _("Complete"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);

  return row;
}

static void
show_lines (ProvInventoryView *self)
{
  GtkWidget *child;
  guint number = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lines_list))) != NULL)
    gtk_list_box_remove (self->lines_list, child);

  for (guint i = 0; self->order != NULL && i < prov_order_get_n_lines (self->order); i++)
    {
      ProvOrderLine *line = prov_order_get_line (self->order, i);

      number++;
      if (prov_order_line_get_action (line) == PROV_LINE_ACTION_ADD)
        gtk_list_box_append (self->lines_list, new_line_row (self->catalog, number, line));
    }
}

static void
show_problem (ProvInventoryView *self,
              const char        *message)
{
  gtk_label_set_label (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

static void
show_last (ProvInventoryView *self)
{
  g_autofree char *text = self->last != NULL ? prov_inventory_assignment_describe (self->last) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->last_scan_box), text != NULL);
  gtk_label_set_label (self->last_scan_label, text != NULL ? text : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.undo", self->last != NULL);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  ProvInventoryView *self;

  if (!prov_store_save_order_finish (PROV_STORE (source), result, &conflicts, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PROV_INVENTORY_VIEW (user_data);
  if (error != NULL)
    show_problem (self, error->message);
  else if (conflicts != NULL && conflicts->len > 0)
    {
      g_autofree char *message = prov_reservation_conflict_dup_message (g_ptr_array_index (conflicts, 0));

      /* Another open order has it: the scan is taken back. */
      if (self->last != NULL)
        {
          prov_order_undo_assignment (self->order, self->last);
          g_clear_pointer (&self->last, prov_inventory_assignment_free);
          prov_store_save_order_async (self->store, self->order, self->cancellable, on_saved, self);
        }
      show_lines (self);
      show_last (self);
      show_problem (self, message);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
save (ProvInventoryView *self)
{
  show_lines (self);
  show_last (self);
  prov_store_save_order_async (self->store, self->order, self->cancellable, on_saved, self);
}

gboolean
prov_inventory_view_take_scan (ProvInventoryView *self,
                               const ProvScan    *scan)
{
  g_autoptr(GError) error = NULL;
  ProvInventoryAssignment *assignment;

  g_return_val_if_fail (PROV_IS_INVENTORY_VIEW (self), FALSE);
  g_return_val_if_fail (scan != NULL, FALSE);

  if (self->order == NULL || !gtk_widget_get_visible (GTK_WIDGET (self)))
    return FALSE;

  assignment = prov_order_assign_scan (self->order, scan, &error);
  if (assignment == NULL)
    {
      g_debug ("Inventory of order %s: refused: %s", prov_order_get_uuid (self->order), error->message);
      show_problem (self, error->message);
      return TRUE;
    }

  g_clear_pointer (&self->last, prov_inventory_assignment_free);
  self->last = assignment;
  show_problem (self, NULL);
  save (self);
  g_debug ("Inventory of order %s: %s", prov_order_get_uuid (self->order),
           gtk_label_get_label (self->last_scan_label));
  return TRUE;
}

static void
on_stock_found (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint total = 0;
  g_autoptr(GPtrArray) found = prov_store_find_stock_finish (PROV_STORE (source), result, &total, &error);
  g_autoptr(ProvScan) picked = NULL;
  ProvInventoryView *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PROV_INVENTORY_VIEW (user_data);
  if (found == NULL)
    {
      show_problem (self, error->message);
      return;
    }

  if (found->len == 0)
    {
      show_problem (self, _("No SIM in stock ends in these digits"));
      return;
    }
  if (found->len > 1)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("%u SIM in stock ends in these digits: scan the one you hold",
                                                            "%u SIMs in stock end in these digits: scan the one you hold",
                                                            found->len),
                                                  found->len);
      show_problem (self, message);
      return;
    }

  /* One SIM: as if it were scanned. */
  picked = prov_scan_parse (((ProvStockItem *) g_ptr_array_index (found, 0))->identifier);
  gtk_editable_set_text (GTK_EDITABLE (self->stock_row), "");
  prov_inventory_view_take_scan (self, picked);
}

static void
on_stock_digits_activated (ProvInventoryView *self)
{
  const char *digits = gtk_editable_get_text (GTK_EDITABLE (self->stock_row));

  if (self->store == NULL)
    return;
  if (strlen (digits) != 4 || strspn (digits, "0123456789") != 4)
    {
      show_problem (self, _("Type the last four digits of the SIM"));
      return;
    }

  prov_store_find_stock_async (self->store, 1u << PROV_ID_KIND_ICCID, digits, PROV_STOCK_STATUS_IN_STOCK, 20,
                               self->cancellable, on_stock_found, self);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ProvInventoryView *self = PROV_INVENTORY_VIEW (widget);

  if (self->last == NULL || self->order == NULL)
    return;

  prov_order_undo_assignment (self->order, self->last);
  g_clear_pointer (&self->last, prov_inventory_assignment_free);
  show_problem (self, NULL);
  save (self);
  g_debug ("Inventory of order %s: last scan undone", prov_order_get_uuid (self->order));
}

void
prov_inventory_view_show_order (ProvInventoryView *self,
                                ProvStore         *store,
                                ProvCatalog       *catalog,
                                ProvOrder         *order)
{
  g_return_if_fail (PROV_IS_INVENTORY_VIEW (self));
  g_return_if_fail (PROV_IS_STORE (store));
  g_return_if_fail (PROV_IS_ORDER (order));

  g_set_object (&self->store, store);
  g_set_object (&self->catalog, catalog);
  /* The same order read again keeps the last scan to undo. */
  if (self->order == NULL || g_strcmp0 (prov_order_get_uuid (self->order), prov_order_get_uuid (order)) != 0)
    {
      g_clear_pointer (&self->last, prov_inventory_assignment_free);
      /* Scans go anywhere; typing goes to the last digits of a SIM. */
      gtk_widget_grab_focus (GTK_WIDGET (self->stock_row));
    }
  g_set_object (&self->order, order);
  show_lines (self);
  show_last (self);
}

static void
prov_inventory_view_dispose (GObject *object)
{
  ProvInventoryView *self = PROV_INVENTORY_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PROV_TYPE_INVENTORY_VIEW);

  G_OBJECT_CLASS (prov_inventory_view_parent_class)->dispose (object);
}

static void
prov_inventory_view_finalize (GObject *object)
{
  ProvInventoryView *self = PROV_INVENTORY_VIEW (object);

  g_clear_pointer (&self->last, prov_inventory_assignment_free);
  g_clear_object (&self->order);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (prov_inventory_view_parent_class)->finalize (object);
}

static void
prov_inventory_view_class_init (ProvInventoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prov_inventory_view_dispose;
  object_class->finalize = prov_inventory_view_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/widgets/prov-inventory-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvInventoryView, lines_list);
  gtk_widget_class_bind_template_child (widget_class, ProvInventoryView, stock_row);
  gtk_widget_class_bind_template_callback (widget_class, on_stock_digits_activated);
  gtk_widget_class_bind_template_child (widget_class, ProvInventoryView, last_scan_box);
  gtk_widget_class_bind_template_child (widget_class, ProvInventoryView, last_scan_label);
  gtk_widget_class_bind_template_child (widget_class, ProvInventoryView, problem_label);
  gtk_widget_class_install_action (widget_class, "inventory.undo", NULL, undo_activated);
}

static void
prov_inventory_view_init (ProvInventoryView *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.undo", FALSE);
}
