#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-settings-page.h"

/*
 * Per number, the settings its service type has (the characteristics of
 * its product specification in the catalog): a switch for on/off, a list
 * for listed values, an entry for the rest, each checked as it changes.
 * A setting left alone keeps the carrier's default and is not sent.
 */

struct _ProvSettingsPage
{
  AdwBin               parent_instance;

  ProvPageContext     *context;
  GPtrArray           *groups;
  gboolean             filling;

  AdwPreferencesPage  *preferences_page;
  AdwPreferencesGroup *intro_group;
};

static void prov_settings_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvSettingsPage, prov_settings_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_settings_page_iface_init))

static GPtrArray *
settings_of (ProvSettingsPage *self)
{
  ProvCatalog *catalog = prov_sync_scheduler_get_catalog (self->context->scheduler);

  return catalog != NULL ? prov_catalog_get_settings (catalog, prov_order_get_field (self->context->order,
                                                                                     PROV_ORDER_FIELD_SERVICE_TYPE))
                         : NULL;
}

static ProvOrderLine *
line_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "prov-line");
}

static const ProvServiceSetting *
setting_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "prov-setting");
}

static void
store (ProvSettingsPage *self,
       GtkWidget        *widget,
       const char       *value)
{
  const ProvServiceSetting *setting = setting_of (widget);
  g_autofree char *key = g_strconcat (PROV_ORDER_FIELD_SETTING_PREFIX, setting->name, NULL);

  if (self->filling)
    return;

  /* The default is the carrier's: only a change is sent. */
  prov_order_line_set_field (line_of (widget), key, g_strcmp0 (value, setting->default_value) != 0 ? value : NULL);
  g_debug ("Setting %s of %s: %s", setting->name,
           prov_order_line_get_field (line_of (widget), PROV_ORDER_FIELD_NUMBER_MSISDN), value != NULL ? value : "");
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_switch_changed (GtkSwitch        *toggle,
                   GParamSpec       *pspec,
                   ProvSettingsPage *self)
{
  store (self, GTK_WIDGET (toggle), gtk_switch_get_active (toggle) ? "true" : "false");
}

static void
on_combo_changed (AdwComboRow      *row,
                  GParamSpec       *pspec,
                  ProvSettingsPage *self)
{
  guint selected = adw_combo_row_get_selected (row);
  const ProvServiceSetting *setting = setting_of (GTK_WIDGET (row));

  if (selected < g_strv_length (setting->values))
    store (self, GTK_WIDGET (row), setting->values[selected]);
}

static void
on_entry_changed (AdwEntryRow      *row,
                  ProvSettingsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *problem = prov_service_setting_check (setting_of (GTK_WIDGET (row)), text);

  prov_page_show_problem (GTK_WIDGET (row), g_object_get_data (G_OBJECT (row), "prov-problem"), problem);
  store (self, GTK_WIDGET (row), *text != '\0' ? text : NULL);
}

static GtkWidget *
new_setting_row (ProvSettingsPage         *self,
                 ProvOrderLine            *line,
                 const ProvServiceSetting *setting)
{
  g_autofree char *key = g_strconcat (PROV_ORDER_FIELD_SETTING_PREFIX, setting->name, NULL);
  const char *value = prov_order_line_get_field (line, key);
  const char *shown = value != NULL ? value : setting->default_value;
  GtkWidget *row;
  GtkWidget *control = NULL;

  if (g_str_equal (setting->value_type, "boolean"))
    {
      row = adw_action_row_new ();
      control = gtk_switch_new ();
      gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (control), g_strcmp0 (shown, "true") == 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), control);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), control);
      gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, setting->description, -1);
      g_signal_connect (control, "notify::active", G_CALLBACK (on_switch_changed), self);
    }
  else if (setting->values[0] != NULL)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new ((const char * const *) setting->values);

      row = control = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      for (guint i = 0; setting->values[i] != NULL; i++)
        if (g_strcmp0 (setting->values[i], shown) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_changed), self);
    }
  else
    {
      GtkWidget *problem = gtk_label_new (NULL);

      row = control = adw_entry_row_new ();
      gtk_editable_set_text (GTK_EDITABLE (row), shown != NULL ? shown : "");
      gtk_widget_set_visible (problem, FALSE);
      gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
      gtk_widget_add_css_class (problem, "error");
      gtk_widget_add_css_class (problem, "caption");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), problem);
      g_object_set_data (G_OBJECT (row), "prov-problem", problem);
      g_signal_connect (row, "changed", G_CALLBACK (on_entry_changed), self);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), setting->description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, setting->description, -1);
  g_object_set_data (G_OBJECT (control), "prov-line", line);
  g_object_set_data (G_OBJECT (control), "prov-setting", (gpointer) setting);
  return row;
}

static void
show_numbers (ProvSettingsPage *self)
{
  GPtrArray *settings = settings_of (self);
  ProvOrder *order = self->context->order;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->preferences_page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  self->filling = TRUE;
  for (guint l = 0; l < prov_order_get_n_lines (order); l++)
    {
      ProvOrderLine *line = prov_order_get_line (order, l);
      const char *number = prov_order_line_get_field (line, PROV_ORDER_FIELD_NUMBER_MSISDN);
      AdwPreferencesGroup *group;

      if (number == NULL)
        continue;

      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, number);
      for (guint s = 0; settings != NULL && s < settings->len; s++)
        adw_preferences_group_add (group, new_setting_row (self, line, g_ptr_array_index (settings, s)));
      adw_preferences_page_add (self->preferences_page, group);
      g_ptr_array_add (self->groups, group);
    }
  self->filling = FALSE;

  adw_preferences_group_set_description (self->intro_group,
                                         settings != NULL && settings->len > 0
                                         ? _("Each number's settings; what you leave alone keeps the carrier's default")
                                         : _("This service type has no settings"));
}

static void
prov_settings_page_load (ProvAssistantPage *page,
                         ProvPageContext   *context)
{
  ProvSettingsPage *self = PROV_SETTINGS_PAGE (page);

  self->context = context;
  show_numbers (self);
}

/* A setting's problem is shown beside it and in Creation's validity
 * report, which holds the order back, as the portal does. */
static gboolean
prov_settings_page_get_complete (ProvAssistantPage *page)
{
  return TRUE;
}

static gboolean
prov_settings_page_should_skip (ProvAssistantPage *page,
                                ProvPageContext   *context)
{
  return g_strcmp0 (prov_order_get_field (context->order, PROV_ORDER_FIELD_SERVICE_ACCOUNT_ONLY), "true") == 0;
}

static const char *
prov_settings_page_get_title (ProvAssistantPage *page)
{
  return _("Settings");
}

static void
prov_settings_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->id = "settings";
  iface->get_title = prov_settings_page_get_title;
  iface->load = prov_settings_page_load;
  iface->get_complete = prov_settings_page_get_complete;
  iface->should_skip = prov_settings_page_should_skip;
}

static void
prov_settings_page_dispose (GObject *object)
{
  g_clear_pointer (&PROV_SETTINGS_PAGE (object)->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (prov_settings_page_parent_class)->dispose (object);
}

static void
prov_settings_page_class_init (ProvSettingsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = prov_settings_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Provisioner/assistant/pages/prov-settings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvSettingsPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, ProvSettingsPage, intro_group);
}

static void
prov_settings_page_init (ProvSettingsPage *self)
{
  self->groups = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
