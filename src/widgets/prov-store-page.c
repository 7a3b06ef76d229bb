#include <glib/gi18n.h>

#include "prov-carrier-profile.h"
#include "prov-store-page.h"

/*
 * Preferences' Store page: who the confirmation says sold it, and on what
 * paper it is printed. The dealer code belongs to each carrier (a store
 * selling for two has two), so it is shown here and set on the Carrier
 * page.
 */

struct _ProvStorePage
{
  AdwPreferencesPage  parent_instance;

  GSettings          *settings;
  GSettings          *carrier_settings;

  AdwEntryRow        *name_row;
  AdwEntryRow        *street_row;
  AdwEntryRow        *city_row;
  AdwEntryRow        *phone_row;
  AdwActionRow       *dealer_code_row;
  AdwActionRow       *logo_row;
  GtkLabel           *logo_problem_label;
  AdwComboRow        *paper_row;
};

G_DEFINE_FINAL_TYPE (ProvStorePage, prov_store_page, ADW_TYPE_PREFERENCES_PAGE)

static void
show_dealer_code (ProvStorePage *self)
{
  g_autofree char *code = g_settings_get_string (self->carrier_settings, "dealer-code");
  g_autofree char *carrier = g_settings_get_string (self->carrier_settings, "name");
  g_autofree char *subtitle = NULL;

  if (*code != '\0')
    /* Translators: the dealer code, then where it is set: "DLR-4711 · set for Carrier Sandbox on the Carrier page" */
    subtitle = g_strdup_printf (_("%s · set for %s on the Carrier page"), code, carrier);
  else
    /* Translators: %s is a carrier's name */
    subtitle = g_strdup_printf (_("None yet: set it for %s on the Carrier page"), carrier);
  adw_action_row_set_subtitle (self->dealer_code_row, subtitle);
}

/* Follows the carrier orders are sent to. */
static void
follow_carrier (ProvStorePage *self)
{
  g_autofree char *profile_id = g_settings_get_string (self->settings, "carrier-profile");

  if (self->carrier_settings != NULL)
    g_signal_handlers_disconnect_by_data (self->carrier_settings, self);
  g_clear_object (&self->carrier_settings);
  self->carrier_settings = prov_carrier_profile_settings_new (profile_id);
  g_signal_connect_object (self->carrier_settings, "changed", G_CALLBACK (show_dealer_code), self, G_CONNECT_SWAPPED);
  show_dealer_code (self);
}

static void
show_logo (ProvStorePage *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "store-logo");
  g_autofree char *name = *path != '\0' ? g_path_get_basename (path) : NULL;

  adw_action_row_set_subtitle (self->logo_row, name != NULL ? name : _("None"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "store.remove-logo", name != NULL);
}

static void
show_logo_problem (ProvStorePage *self,
                   const char    *problem)
{
  gtk_label_set_label (self->logo_problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->logo_problem_label), problem != NULL);
}

/* Only an image the printout can draw is kept; the one before stays
 * otherwise. */
static void
on_logo_chosen (GtkNativeDialog *dialog,
                int              response,
                ProvStorePage   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *problem = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    {
      path = g_file_get_path (file);
      name = g_file_get_basename (file);
      if (path != NULL && gdk_pixbuf_get_file_info (path, NULL, NULL) != NULL)
        {
          g_settings_set_string (self->settings, "store-logo", path);
          show_logo_problem (self, NULL);
        }
      else
        {
          /* Translators: %s is a file name */
          problem = g_strdup_printf (_("“%s” is not an image Provisioner can print; the logo is unchanged"), name);
          show_logo_problem (self, problem);
        }
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
choose_logo_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ProvStorePage *self = PROV_STORE_PAGE (widget);
  g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  gtk_file_filter_set_name (images, _("Images"));
  gtk_file_filter_add_pixbuf_formats (images);
  dialog = gtk_file_chooser_native_new (_("Choose the Store's Logo"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), images);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_logo_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
remove_logo_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ProvStorePage *self = PROV_STORE_PAGE (widget);

  g_settings_set_string (self->settings, "store-logo", "");
  show_logo_problem (self, NULL);
}

static void
on_paper_selected (ProvStorePage *self)
{
  g_settings_set_enum (self->settings, "confirmation-paper", (int) adw_combo_row_get_selected (self->paper_row));
}

static void
prov_store_page_dispose (GObject *object)
{
  ProvStorePage *self = PROV_STORE_PAGE (object);

  g_clear_object (&self->carrier_settings);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (prov_store_page_parent_class)->dispose (object);
}

static void
prov_store_page_class_init (ProvStorePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prov_store_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/widgets/prov-store-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvStorePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, ProvStorePage, street_row);
  gtk_widget_class_bind_template_child (widget_class, ProvStorePage, city_row);
  gtk_widget_class_bind_template_child (widget_class, ProvStorePage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, ProvStorePage, dealer_code_row);
  gtk_widget_class_bind_template_child (widget_class, ProvStorePage, logo_row);
  gtk_widget_class_bind_template_child (widget_class, ProvStorePage, logo_problem_label);
  gtk_widget_class_bind_template_child (widget_class, ProvStorePage, paper_row);
  gtk_widget_class_install_action (widget_class, "store.choose-logo", NULL, choose_logo_activated);
  gtk_widget_class_install_action (widget_class, "store.remove-logo", NULL, remove_logo_activated);
}

static void
prov_store_page_init (ProvStorePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "store-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "store-street", self->street_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "store-city", self->city_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "store-phone", self->phone_row, "text", G_SETTINGS_BIND_DEFAULT);
  /* The combo's positions are the enum's values. */
  adw_combo_row_set_selected (self->paper_row, (guint) g_settings_get_enum (self->settings, "confirmation-paper"));
  g_signal_connect_object (self->paper_row, "notify::selected", G_CALLBACK (on_paper_selected), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed::store-logo", G_CALLBACK (show_logo), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::carrier-profile", G_CALLBACK (follow_carrier), self,
                           G_CONNECT_SWAPPED);
  show_logo (self);
  follow_carrier (self);
}
