#include <glib/gi18n.h>

#include <libsecret/secret.h>

#include "prov-carrier-profile.h"
#include "prov-carrier-token.h"
#include "prov-carrier-url.h"
#include "prov-line-request.h"
#include "prov-preferences-window.h"
#include "widgets/prov-staff-page.h"
#include "widgets/prov-store-page.h"

struct _ProvPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *app_settings;
  GSettings            *profile_settings;
  GStrv                 profile_ids;
  gboolean              refilling;
  AdwComboRow          *profile_row;

  AdwEntryRow          *name_row;
  AdwEntryRow          *dealer_code_row;
  GtkSpinButton        *restore_window_spin;
  AdwExpanderRow       *approval_row;
  GPtrArray            *approval_switches;   /* one per request, in their order */
  AdwEntryRow          *base_url_row;
  GtkLabel             *base_url_error_label;
  AdwEntryRow          *token_row;
  GtkLabel             *token_status_label;
  ProvStaffPage        *staff_page;

  char                 *profile_id;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (ProvPreferencesWindow, prov_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_APP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The carrier profiles, the store and its staff (kept in @store). */
ProvPreferencesWindow *
prov_preferences_window_new (GSettings *app_settings,
                             ProvStore *store)
{
  ProvPreferencesWindow *self = g_object_new (PROV_TYPE_PREFERENCES_WINDOW,
                                              "app-settings", app_settings,
                                              NULL);

  prov_staff_page_set_store (self->staff_page, store);
  return self;
}

static void
show_base_url_error (ProvPreferencesWindow *self,
                     const char            *message)
{
  gboolean failed = message != NULL;

  gtk_label_set_text (self->base_url_error_label, failed ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->base_url_error_label), failed);

  if (failed)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->base_url_row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->base_url_row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->base_url_row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->base_url_row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Checked as it is typed so the clerk sees the problem at once, but saved
 * only when applied and valid: a half-typed address never replaces a
 * working one. */
static void
on_base_url_changed (ProvPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  normalized = prov_carrier_url_normalize (gtk_editable_get_text (GTK_EDITABLE (self->base_url_row)), &error);
  show_base_url_error (self, error != NULL ? error->message : NULL);
}

static void
on_base_url_applied (ProvPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  normalized = prov_carrier_url_normalize (gtk_editable_get_text (GTK_EDITABLE (self->base_url_row)), &error);
  if (normalized == NULL)
    {
      show_base_url_error (self, error->message);
      return;
    }

  g_settings_set_string (self->profile_settings, "base-url", normalized);
  gtk_editable_set_text (GTK_EDITABLE (self->base_url_row), normalized);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Carrier address saved")));
}

static void
show_token_status (ProvPreferencesWindow *self,
                   const char            *status,
                   gboolean               failed)
{
  gtk_label_set_text (self->token_status_label, status);
  if (failed)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->token_status_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->token_status_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->token_status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->token_status_label), "dim-label");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->token_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status, -1);
}

/* Whether a token is kept; the token itself is never shown again. */
static void
on_token_looked_up (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ProvPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  char *token = prov_carrier_token_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The keyring cannot be reached: %s"), error->message);
      show_token_status (self, message, TRUE);
    }
  else if (token != NULL)
    show_token_status (self, _("A token is kept in the keyring. Type a new one to replace it."), FALSE);
  else
    show_token_status (self, _("No token yet. The carrier's sandbox needs none."), FALSE);

  secret_password_free (token);
}

static void
on_token_stored (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ProvPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_carrier_token_store_finish (result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The typed token stays in the field, so nothing is lost. */
      message = g_strdup_printf (_("The token could not be saved in the keyring: %s"), error->message);
      show_token_status (self, message, TRUE);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
  show_token_status (self, _("A token is kept in the keyring. Type a new one to replace it."), FALSE);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Token saved in the keyring")));
}

static void
on_token_applied (ProvPreferencesWindow *self)
{
  g_autofree char *token = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_row))));

  if (*token == '\0')
    {
      show_token_status (self, _("Type the token the carrier gave you"), TRUE);
      return;
    }

  prov_carrier_token_store_async (self->profile_id, token, self->cancellable, on_token_stored, g_object_ref (self));
}

static void fill_profiles (ProvPreferencesWindow *self);

/* The profile's requests-without-approval, as one switch per request:
 * on, a manager approves it. */
static void
show_approvals (ProvPreferencesWindow *self)
{
  g_auto(GStrv) without = g_settings_get_strv (self->profile_settings, "requests-without-approval");
  const ProvLineRequest *requests;
  guint n_requests;

  requests = prov_line_requests_get_all (&n_requests);
  self->refilling = TRUE;
  for (guint i = 0; i < n_requests; i++)
    gtk_switch_set_active (g_ptr_array_index (self->approval_switches, i),
                           !g_strv_contains ((const char * const *) without, requests[i].id));
  self->refilling = FALSE;
}

static void
on_approval_switched (ProvPreferencesWindow *self)
{
  g_autoptr(GStrvBuilder) without = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  const ProvLineRequest *requests;
  guint n_requests;

  if (self->refilling || self->profile_settings == NULL)
    return;

  requests = prov_line_requests_get_all (&n_requests);
  for (guint i = 0; i < n_requests; i++)
    if (!gtk_switch_get_active (g_ptr_array_index (self->approval_switches, i)))
      g_strv_builder_add (without, requests[i].id);
  ids = g_strv_builder_end (without);
  g_settings_set_strv (self->profile_settings, "requests-without-approval", (const char * const *) ids);
}

static void
add_approval_rows (ProvPreferencesWindow *self)
{
  const ProvLineRequest *requests;
  guint n_requests;

  self->approval_switches = g_ptr_array_new ();
  requests = prov_line_requests_get_all (&n_requests);
  for (guint i = 0; i < n_requests; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prov_line_request_get_title (&requests[i]));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      prov_line_request_get_title (&requests[i]), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (on_approval_switched), self);
      adw_expander_row_add_row (self->approval_row, row);
      g_ptr_array_add (self->approval_switches, toggle);
    }
}

/* The rows below the profile list edit the active profile. */
static void
bind_active_profile (ProvPreferencesWindow *self)
{
  g_autofree char *base_url = NULL;

  if (self->profile_settings != NULL)
    {
      g_settings_unbind (self->name_row, "text");
      g_settings_unbind (self->dealer_code_row, "text");
      g_settings_unbind (self->restore_window_spin, "value");
      g_signal_handlers_disconnect_by_func (self->profile_settings, fill_profiles, self);
    }
  g_clear_object (&self->profile_settings);
  g_clear_pointer (&self->profile_id, g_free);

  self->profile_id = g_settings_get_string (self->app_settings, "carrier-profile");
  self->profile_settings = prov_carrier_profile_settings_new (self->profile_id);

  g_settings_bind (self->profile_settings, "name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->profile_settings, "dealer-code", self->dealer_code_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->profile_settings, "restore-window-days", self->restore_window_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_swapped (self->profile_settings, "changed::name", G_CALLBACK (fill_profiles), self);
  show_approvals (self);

  base_url = g_settings_get_string (self->profile_settings, "base-url");
  gtk_editable_set_text (GTK_EDITABLE (self->base_url_row), base_url);
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
  show_token_status (self, "", FALSE);
  prov_carrier_token_lookup_async (self->profile_id, self->cancellable, on_token_looked_up, g_object_ref (self));
}

static char *
dup_profile_name (const char *profile_id)
{
  g_autoptr(GSettings) profile = prov_carrier_profile_settings_new (profile_id);
  g_autofree char *name = g_settings_get_string (profile, "name");

  return *name != '\0' ? g_steal_pointer (&name) : g_strdup (_("Unnamed carrier"));
}

/* The list of profiles by name, with the active one selected. */
static void
fill_profiles (ProvPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *active = g_settings_get_string (self->app_settings, "carrier-profile");
  guint selected = 0;

  g_strfreev (self->profile_ids);
  self->profile_ids = g_settings_get_strv (self->app_settings, "carrier-profiles");

  for (guint i = 0; self->profile_ids[i] != NULL; i++)
    {
      g_autofree char *name = dup_profile_name (self->profile_ids[i]);

      gtk_string_list_append (names, name);
      if (g_str_equal (self->profile_ids[i], active))
        selected = i;
    }

  self->refilling = TRUE;
  adw_combo_row_set_model (self->profile_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->profile_row, selected);
  self->refilling = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.remove-profile",
                                 g_strv_length (self->profile_ids) > 1);
}

static void
on_profile_selected (ProvPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->profile_row);

  if (self->refilling || self->profile_ids == NULL || selected >= g_strv_length (self->profile_ids))
    return;

  if (g_strcmp0 (self->profile_ids[selected], self->profile_id) == 0)
    return;

  g_settings_set_string (self->app_settings, "carrier-profile", self->profile_ids[selected]);
  bind_active_profile (self);
}

static void
add_profile_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ProvPreferencesWindow *self = PROV_PREFERENCES_WINDOW (widget);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) new_ids = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = g_strndup (uuid, 8);
  g_autoptr(GSettings) profile = prov_carrier_profile_settings_new (id);

  /* A new carrier has no sandbox: the clerk fills in its address. */
  g_settings_set_string (profile, "name", _("New carrier"));
  g_settings_set_string (profile, "base-url", "");

  g_strv_builder_addv (ids, (const char **) self->profile_ids);
  g_strv_builder_add (ids, id);
  new_ids = g_strv_builder_end (ids);
  g_settings_set_strv (self->app_settings, "carrier-profiles", (const char * const *) new_ids);
  g_settings_set_string (self->app_settings, "carrier-profile", id);

  fill_profiles (self);
  bind_active_profile (self);
  show_base_url_error (self, _("Type the address the carrier gave you"));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
remove_profile_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ProvPreferencesWindow *self = PROV_PREFERENCES_WINDOW (widget);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;
  g_autofree char *removed = g_strdup (self->profile_id);
  g_autoptr(GSettings) profile = prov_carrier_profile_settings_new (removed);
  g_autofree char *toast = NULL;
  g_autofree char *name = dup_profile_name (removed);

  if (g_strv_length (self->profile_ids) < 2)
    return;

  for (guint i = 0; self->profile_ids[i] != NULL; i++)
    if (!g_str_equal (self->profile_ids[i], removed))
      g_strv_builder_add (ids, self->profile_ids[i]);
  kept = g_strv_builder_end (ids);

  g_settings_set_strv (self->app_settings, "carrier-profiles", (const char * const *) kept);
  g_settings_set_string (self->app_settings, "carrier-profile", kept[0]);
  g_settings_reset (profile, "name");
  g_settings_reset (profile, "base-url");
  g_settings_reset (profile, "dealer-code");
  g_settings_reset (profile, "restore-window-days");
  g_settings_reset (profile, "requests-without-approval");
  prov_carrier_token_clear_async (removed, NULL, NULL, NULL);

  fill_profiles (self);
  bind_active_profile (self);

  /* Translators: %s is the name of a carrier profile */
  toast = g_strdup_printf (_("Carrier profile “%s” removed"), name);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (toast));
}

static void
prov_preferences_window_constructed (GObject *object)
{
  ProvPreferencesWindow *self = PROV_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (prov_preferences_window_parent_class)->constructed (object);

  g_signal_connect_swapped (self->base_url_row, "changed", G_CALLBACK (on_base_url_changed), self);
  g_signal_connect_swapped (self->base_url_row, "apply", G_CALLBACK (on_base_url_applied), self);

  fill_profiles (self);
  bind_active_profile (self);
  g_signal_connect_swapped (self->profile_row, "notify::selected", G_CALLBACK (on_profile_selected), self);
}

static void
prov_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  ProvPreferencesWindow *self = PROV_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_APP_SETTINGS:
      self->app_settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prov_preferences_window_dispose (GObject *object)
{
  ProvPreferencesWindow *self = PROV_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->profile_id, g_free);
  g_clear_pointer (&self->profile_ids, g_strfreev);
  if (self->profile_settings != NULL)
    g_signal_handlers_disconnect_by_func (self->profile_settings, fill_profiles, self);
  g_clear_object (&self->profile_settings);
  g_clear_object (&self->app_settings);
  g_clear_pointer (&self->approval_switches, g_ptr_array_unref);

  G_OBJECT_CLASS (prov_preferences_window_parent_class)->dispose (object);
}

static void
prov_preferences_window_class_init (ProvPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = prov_preferences_window_constructed;
  object_class->set_property = prov_preferences_window_set_property;
  object_class->dispose = prov_preferences_window_dispose;

  properties[PROP_APP_SETTINGS] =
    g_param_spec_object ("app-settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/prov-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvPreferencesWindow, profile_row);
  gtk_widget_class_bind_template_child (widget_class, ProvPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, ProvPreferencesWindow, dealer_code_row);
  gtk_widget_class_bind_template_child (widget_class, ProvPreferencesWindow, restore_window_spin);
  gtk_widget_class_bind_template_child (widget_class, ProvPreferencesWindow, approval_row);
  gtk_widget_class_bind_template_child (widget_class, ProvPreferencesWindow, base_url_row);
  gtk_widget_class_bind_template_child (widget_class, ProvPreferencesWindow, base_url_error_label);
  gtk_widget_class_bind_template_child (widget_class, ProvPreferencesWindow, token_row);
  gtk_widget_class_bind_template_child (widget_class, ProvPreferencesWindow, token_status_label);
  gtk_widget_class_bind_template_child (widget_class, ProvPreferencesWindow, staff_page);
  gtk_widget_class_bind_template_callback (widget_class, on_token_applied);

  gtk_widget_class_install_action (widget_class, "preferences.add-profile", NULL, add_profile_activated);
  gtk_widget_class_install_action (widget_class, "preferences.remove-profile", NULL, remove_profile_activated);
}

static void
prov_preferences_window_init (ProvPreferencesWindow *self)
{
  g_type_ensure (PROV_TYPE_STORE_PAGE);
  g_type_ensure (PROV_TYPE_STAFF_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  add_approval_rows (self);
}
