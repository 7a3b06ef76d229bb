#include <glib/gi18n.h>

#include "prov-addons-page.h"
#include "prov-assistant-page.h"

/* Extras for the chosen voice or extension product; in the hosted PBX
 * flow they depend on the country's proposition. Skipped when the
 * product has none. */

static const char * const countries[] = { "NL", "BE", "DE" };

struct _ProvAddonsPage
{
  AdwBin               parent_instance;

  ProvPageContext     *context;
  GListModel          *addons;
  GPtrArray           *checks;
  gboolean             filling;

  AdwPreferencesGroup *country_group;
  AdwComboRow         *country_row;
  GtkListBox          *addons_list;
};

static void prov_addons_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvAddonsPage, prov_addons_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_addons_page_iface_init))

static const char *
country (ProvPageContext *context)
{
  /* The mobile portal sells one proposition; the PBX one per country. */
  if (!(context->flow->traits & PROV_FLOW_HOSTED_PBX))
    return NULL;

  return prov_order_get_field (context->order, PROV_ORDER_FIELD_ADDONS_COUNTRY) != NULL
         ? prov_order_get_field (context->order, PROV_ORDER_FIELD_ADDONS_COUNTRY) : countries[0];
}

static GListModel *
list_addons (ProvPageContext *context)
{
  ProvCatalog *catalog = prov_sync_scheduler_get_catalog (context->scheduler);
  const char *product = prov_order_get_field (context->order, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID);

  if (catalog == NULL || product == NULL)
    return NULL;

  return prov_catalog_list (catalog, PROV_OFFERING_ROLE_ADD_ON, PROV_OFFERING_ADD_ON_TO, product, country (context));
}

static void
store_choice (ProvAddonsPage *self)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < self->checks->len; i++)
    {
      g_autoptr(ProvOffering) addon = g_list_model_get_item (self->addons, i);

      if (!gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
        continue;

      g_string_append_printf (ids, "%s%s", ids->len > 0 ? "," : "", prov_offering_get_id (addon));
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", prov_offering_get_name (addon));
    }

  prov_page_set_field (self->context, PROV_ORDER_FIELD_ADDONS_IDS, ids->str);
  prov_page_set_field (self->context, PROV_ORDER_FIELD_ADDONS_NAMES, names->str);
}

static void
on_check_toggled (ProvAddonsPage *self)
{
  if (!self->filling)
    store_choice (self);
}

static void
fill (ProvAddonsPage *self)
{
  const char *chosen = prov_order_get_field (self->context->order, PROV_ORDER_FIELD_ADDONS_IDS);
  g_auto(GStrv) chosen_ids = g_strsplit (chosen != NULL ? chosen : "", ",", -1);
  GtkWidget *child;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->addons_list))) != NULL)
    gtk_list_box_remove (self->addons_list, child);
  g_ptr_array_set_size (self->checks, 0);
  g_clear_object (&self->addons);
  self->addons = list_addons (self->context);

  for (guint i = 0; self->addons != NULL && i < g_list_model_get_n_items (self->addons); i++)
    {
      g_autoptr(ProvOffering) addon = g_list_model_get_item (self->addons, i);
      g_autofree char *fee = prov_offering_dup_fee_label (addon);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prov_offering_get_name (addon));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), fee);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      prov_offering_get_name (addon), -1);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_strv_contains ((const char * const *) chosen_ids, prov_offering_get_id (addon)));
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->addons_list, row);
      g_ptr_array_add (self->checks, check);
    }
  self->filling = FALSE;

  /* Add-ons the product or country no longer offers are dropped. */
  store_choice (self);
}

static void
on_country_selected (ProvAddonsPage *self)
{
  guint selected = adw_combo_row_get_selected (self->country_row);

  if (self->filling || self->context == NULL || selected >= G_N_ELEMENTS (countries))
    return;

  prov_page_set_field (self->context, PROV_ORDER_FIELD_ADDONS_COUNTRY, countries[selected]);
  fill (self);
}

static const char *
prov_addons_page_get_title (ProvAssistantPage *page)
{
  return _("Add-ons");
}

static void
prov_addons_page_load (ProvAssistantPage *page,
                       ProvPageContext   *context)
{
  ProvAddonsPage *self = PROV_ADDONS_PAGE (page);
  const char *chosen_country = country (context);

  self->context = context;
  gtk_widget_set_visible (GTK_WIDGET (self->country_group), chosen_country != NULL);

  self->filling = TRUE;
  for (guint i = 0; chosen_country != NULL && i < G_N_ELEMENTS (countries); i++)
    if (g_str_equal (countries[i], chosen_country))
      adw_combo_row_set_selected (self->country_row, i);
  self->filling = FALSE;

  if (chosen_country != NULL)
    prov_page_set_field (context, PROV_ORDER_FIELD_ADDONS_COUNTRY, chosen_country);
  fill (self);
}

static gboolean
prov_addons_page_get_complete (ProvAssistantPage *page)
{
  return TRUE;
}

static gboolean
prov_addons_page_should_skip (ProvAssistantPage *page,
                              ProvPageContext   *context)
{
  g_autoptr(GListModel) addons = list_addons (context);

  /* The PBX flow keeps the page for its country choice. */
  return !(context->flow->traits & PROV_FLOW_HOSTED_PBX) &&
         (addons == NULL || g_list_model_get_n_items (addons) == 0);
}

static void
prov_addons_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->id = "add-ons";
  iface->get_title = prov_addons_page_get_title;
  iface->load = prov_addons_page_load;
  iface->get_complete = prov_addons_page_get_complete;
  iface->should_skip = prov_addons_page_should_skip;
}

static void
prov_addons_page_dispose (GObject *object)
{
  ProvAddonsPage *self = PROV_ADDONS_PAGE (object);

  g_clear_object (&self->addons);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (prov_addons_page_parent_class)->dispose (object);
}

static void
prov_addons_page_class_init (ProvAddonsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prov_addons_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/assistant/pages/prov-addons-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvAddonsPage, country_group);
  gtk_widget_class_bind_template_child (widget_class, ProvAddonsPage, country_row);
  gtk_widget_class_bind_template_child (widget_class, ProvAddonsPage, addons_list);
  gtk_widget_class_bind_template_callback (widget_class, on_country_selected);
}

static void
prov_addons_page_init (ProvAddonsPage *self)
{
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
