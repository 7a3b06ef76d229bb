#include <glib/gi18n.h>

#include "prov-json-guard.h"
#include "prov-lines-view.h"
#include "prov-order-field.h"
#include "prov-product-line.h"

struct _ProvLinesView
{
  AdwPreferencesGroup  parent_instance;

  GtkListBox          *lines_list;
};

G_DEFINE_FINAL_TYPE (ProvLinesView, prov_lines_view, ADW_TYPE_PREFERENCES_GROUP)

static JsonObject *
find_product (JsonNode   *products,
              const char *id)
{
  JsonArray *list = products != NULL && JSON_NODE_HOLDS_ARRAY (products) ? json_node_get_array (products) : NULL;

  for (guint i = 0; id != NULL && list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *product = prov_json_array_get_object (list, i);

      if (g_strcmp0 (prov_json_object_get_string (product, "id"), id) == 0)
        return product;
    }

  return NULL;
}

static char *
dup_line_state (ProvOrderLine *line,
                JsonNode      *products)
{
  JsonObject *product = find_product (products, prov_order_line_get_product_ref (line));
  const char *item_state = prov_order_line_get_state (line);

  if (product != NULL && prov_json_object_get_string (product, "status") != NULL)
    return g_strdup (prov_product_status_get_title (prov_json_object_get_string (product, "status")));
  if (item_state != NULL)
    {
      ProvOrderState state;

      /* Translators: the state of an order's line at the carrier before its product exists, e.g. "Order In Progress" */
      return g_strdup_printf (_("Order %s"), prov_order_state_from_id (item_state, &state)
                                             ? prov_order_state_get_title (state) : item_state);
    }

  return g_strdup (_("Not at the carrier yet"));
}

static GtkWidget *
new_row (ProvCatalog   *catalog,
         guint          number,
         ProvOrderLine *line,
         JsonNode      *products)
{
  const char *offering_id = prov_order_line_get_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID);
  ProvOffering *offering = catalog != NULL && offering_id != NULL ? prov_catalog_lookup (catalog, offering_id) : NULL;
  const char *package = offering != NULL ? prov_offering_get_name (offering) : offering_id;
  const char *sim = prov_order_line_get_field (line, PROV_ORDER_FIELD_SIM_ICCID);
  const char *imei = prov_order_line_get_field (line, PROV_ORDER_FIELD_DEVICE_IMEI);
  const char *meid = prov_order_line_get_field (line, PROV_ORDER_FIELD_DEVICE_MEID);
  g_autofree char *state = dup_line_state (line, products);
  g_autofree char *title = package != NULL ? g_strdup_printf (_("Line %u: %s"), number, package)
                                           : g_strdup_printf (_("Line %u"), number);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gtk_label_new (state);
  JsonObject *product = find_product (products, prov_order_line_get_product_ref (line));

  if (imei != NULL || meid != NULL)
    g_string_append_printf (subtitle, imei != NULL ? _("IMEI %s") : _("MEID %s"), imei != NULL ? imei : meid);
  if (sim != NULL)
    /* Translators: after a device, the line's SIM */
    g_string_append_printf (subtitle, _("%sSIM %s"), subtitle->len > 0 ? " · " : "", sim);

  g_debug ("Line %u: %s", number, state);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "state-badge");
  /* The colours of the order states: a working line looks completed. */
  if (g_strcmp0 (prov_json_object_get_string (product, "status"), "active") == 0)
    gtk_widget_add_css_class (badge, "completed");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);

  return row;
}

void
prov_lines_view_show (ProvLinesView *self,
                      ProvOrder     *order,
                      ProvCatalog   *catalog,
                      JsonNode      *products)
{
  GtkWidget *child;

  g_return_if_fail (PROV_IS_LINES_VIEW (self));
  g_return_if_fail (PROV_IS_ORDER (order));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lines_list))) != NULL)
    gtk_list_box_remove (self->lines_list, child);

  g_debug ("Lines of order %s (%s):", prov_order_get_uuid (order), prov_order_state_to_id (prov_order_get_state (order)));
  for (guint i = 0; i < prov_order_get_n_lines (order); i++)
    gtk_list_box_append (self->lines_list, new_row (catalog, i + 1, prov_order_get_line (order, i), products));
}

static void
prov_lines_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PROV_TYPE_LINES_VIEW);

  G_OBJECT_CLASS (prov_lines_view_parent_class)->dispose (object);
}

static void
prov_lines_view_class_init (ProvLinesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prov_lines_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/widgets/prov-lines-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvLinesView, lines_list);
}

static void
prov_lines_view_init (ProvLinesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
