#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-staff-page.h"

/*
 * The till's staff in Preferences, which only a manager opens (or a clerk
 * with a manager's override): add people, unlock those locked out after
 * wrong PINs, deactivate and activate them. The store refuses to
 * deactivate the last manager, and says why next to the list.
 */

struct _ProvStaffPage
{
  AdwPreferencesPage  parent_instance;

  AdwPreferencesGroup *staff_group;
  AdwEntryRow         *name_row;
  AdwComboRow         *role_row;
  AdwEntryRow         *pin_row;
  AdwEntryRow         *repeat_pin_row;
  GtkLabel            *add_problem;
  GtkButton           *add_button;

  ProvStore           *store;
  GPtrArray           *rows;      /* the staff group's rows */
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (ProvStaffPage, prov_staff_page, ADW_TYPE_PREFERENCES_PAGE)

static void reload (ProvStaffPage *self);

static void
show_problem (ProvStaffPage *self,
              GtkWidget     *field,
              const char    *message)
{
  prov_page_show_problem (field, self->add_problem, message);
}

static void
on_changed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ProvStaffPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvStaffMember) member = prov_store_change_staff_finish (PROV_STORE (source), result, &error);

  if (member == NULL)
    adw_preferences_group_set_description (self->staff_group, error->message);
  else
    g_debug ("Staff member %s changed: %s", member->name, member->active ? "active" : "inactive");
  reload (self);
}

static void
on_unlock_clicked (GtkButton     *button,
                   ProvStaffPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "prov-staff-id"));

  prov_store_unlock_staff_async (self->store, id, NULL, on_changed, g_object_ref (self));
}

static void
on_active_clicked (GtkButton     *button,
                   ProvStaffPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "prov-staff-id"));
  gboolean active = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "prov-staff-activate"));

  prov_store_set_staff_active_async (self->store, id, active, NULL, on_changed, g_object_ref (self));
}

static GtkWidget *
new_row_button (ProvStaffPage         *self,
                const ProvStaffMember *member,
                const char            *label,
                const char            *accessible,
                GCallback              clicked)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (button), "prov-staff-id", GSIZE_TO_POINTER ((gsize) member->id));
  g_signal_connect (button, "clicked", clicked, self);
  return button;
}

static void
on_staff_listed (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ProvStaffPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = prov_store_list_staff_finish (PROV_STORE (source), result, &error);
  gint64 now = g_get_real_time ();

  if (staff == NULL)
    {
      adw_preferences_group_set_description (self->staff_group, error->message);
      return;
    }

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->staff_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < staff->len; i++)
    {
      const ProvStaffMember *member = g_ptr_array_index (staff, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *unlock = g_strdup_printf (_("Unlock %s"), member->name);
      g_autofree char *toggle = g_strdup_printf (member->active ? _("Deactivate %s") : _("Activate %s"), member->name);
      GtkWidget *button;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   !member->active ? _("Deactivated")
                                   : prov_staff_member_is_locked (member, now) ? _("Locked after wrong PINs")
                                   : prov_staff_role_get_title (member->role));
      if (member->active && prov_staff_member_is_locked (member, now))
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   new_row_button (self, member, _("_Unlock"), unlock, G_CALLBACK (on_unlock_clicked)));
      button = new_row_button (self, member, member->active ? _("_Deactivate") : _("_Activate"), toggle,
                               G_CALLBACK (on_active_clicked));
      g_object_set_data (G_OBJECT (button), "prov-staff-activate", GINT_TO_POINTER (!member->active));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->staff_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
reload (ProvStaffPage *self)
{
  if (self->store != NULL)
    prov_store_list_staff_async (self->store, self->cancellable, on_staff_listed, g_object_ref (self));
}

void
prov_staff_page_set_store (ProvStaffPage *self,
                           ProvStore     *store)
{
  g_return_if_fail (PROV_IS_STAFF_PAGE (self));

  g_set_object (&self->store, store);
  reload (self);
}

static ProvStaffRole
chosen_role (ProvStaffPage *self)
{
  return adw_combo_row_get_selected (self->role_row) == 1 ? PROV_STAFF_ROLE_MANAGER : PROV_STAFF_ROLE_CLERK;
}

static void
on_added (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ProvStaffPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvStaffMember) member = prov_store_add_staff_with_pin_finish (PROV_STORE (source), result, &error);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), TRUE);
  if (member == NULL)
    {
      show_problem (self, GTK_WIDGET (self->name_row), error->message);
      return;
    }

  g_debug ("Staff member %s added", member->name);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_pin_row), "");
  reload (self);
}

static void
on_add (ProvStaffPage *self)
{
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_row));
  g_autofree char *name_problem = prov_staff_check_name (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  g_autofree char *pin_problem = prov_staff_check_new_pin (chosen_role (self), pin,
                                                           gtk_editable_get_text (GTK_EDITABLE (self->repeat_pin_row)));

  if (self->store == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (self->add_button)))
    return;
  if (name_problem != NULL || pin_problem != NULL)
    {
      show_problem (self, GTK_WIDGET (name_problem != NULL ? self->name_row : self->pin_row),
                    name_problem != NULL ? name_problem : pin_problem);
      return;
    }

  show_problem (self, GTK_WIDGET (self->name_row), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), FALSE);
  prov_store_add_staff_with_pin_async (self->store, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                       chosen_role (self), pin, NULL, on_added, g_object_ref (self));
}

static void
prov_staff_page_dispose (GObject *object)
{
  ProvStaffPage *self = PROV_STAFF_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PROV_TYPE_STAFF_PAGE);

  G_OBJECT_CLASS (prov_staff_page_parent_class)->dispose (object);
}

static void
prov_staff_page_finalize (GObject *object)
{
  ProvStaffPage *self = PROV_STAFF_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (prov_staff_page_parent_class)->finalize (object);
}

static void
prov_staff_page_class_init (ProvStaffPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prov_staff_page_dispose;
  object_class->finalize = prov_staff_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/widgets/prov-staff-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvStaffPage, staff_group);
  gtk_widget_class_bind_template_child (widget_class, ProvStaffPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, ProvStaffPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, ProvStaffPage, pin_row);
  gtk_widget_class_bind_template_child (widget_class, ProvStaffPage, repeat_pin_row);
  gtk_widget_class_bind_template_child (widget_class, ProvStaffPage, add_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvStaffPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add);
}

static void
prov_staff_page_init (ProvStaffPage *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  gtk_string_list_append (roles, prov_staff_role_get_title (PROV_STAFF_ROLE_CLERK));
  gtk_string_list_append (roles, prov_staff_role_get_title (PROV_STAFF_ROLE_MANAGER));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
}
