#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-override-dialog.h"

/*
 * A manager allows a clerk one thing only a manager may do: they pick
 * their name and type their PIN, at the clerk's till. A wrong PIN counts
 * against that manager, as at their own sign-in. The clerk cannot be their
 * own override, even when a manager too: a manager needs none.
 */

struct _ProvOverrideDialog
{
  AdwWindow      parent_instance;

  GtkLabel      *request_label;
  AdwComboRow   *manager_row;
  AdwEntryRow   *pin_row;
  GtkLabel      *pin_problem;
  GtkButton     *allow_button;

  ProvStore     *store;
  char          *clerk;
  GPtrArray     *managers;    /* ProvStaffMember */
  gboolean       busy;
};

G_DEFINE_FINAL_TYPE (ProvOverrideDialog, prov_override_dialog, ADW_TYPE_WINDOW)

enum { ALLOWED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_problem (ProvOverrideDialog *self,
              const char         *message)
{
  prov_page_show_problem (GTK_WIDGET (self->pin_row), self->pin_problem, message);
}

static const ProvStaffMember *
selected_manager (ProvOverrideDialog *self)
{
  guint position = adw_combo_row_get_selected (self->manager_row);

  return self->managers != NULL && position < self->managers->len ? g_ptr_array_index (self->managers, position) : NULL;
}

static void
set_busy (ProvOverrideDialog *self,
          gboolean            busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->allow_button), !busy && self->managers != NULL && self->managers->len > 0);
}

static void
on_staff_listed (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ProvOverrideDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = prov_store_list_staff_finish (PROV_STORE (source), result, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  if (staff == NULL)
    {
      show_problem (self, error->message);
      return;
    }

  self->managers = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_staff_member_free);
  for (guint i = 0; i < staff->len; i++)
    {
      ProvStaffMember *member = g_ptr_array_index (staff, i);

      if (member->active && member->role == PROV_STAFF_ROLE_MANAGER && g_utf8_collate (member->name, self->clerk) != 0)
        {
          g_ptr_array_add (self->managers, prov_staff_member_copy (member));
          gtk_string_list_append (names, member->name);
        }
    }

  adw_combo_row_set_model (self->manager_row, G_LIST_MODEL (names));
  set_busy (self, FALSE);
  if (self->managers->len == 0)
    show_problem (self, _("No other manager works at this till"));
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
  g_debug ("Manager override asked for %s", self->clerk);
}

static void
on_pin_tried (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ProvOverrideDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean right = FALSE;
  g_autoptr(ProvStaffMember) manager = prov_store_try_pin_finish (PROV_STORE (source), result, &right, &error);

  set_busy (self, FALSE);
  if (manager == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  if (!right)
    {
      show_problem (self, prov_staff_member_is_locked (manager, g_get_real_time ())
                          ? _("Too many wrong PINs: this manager is locked for now")
                          : _("That is not this manager's PIN"));
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
      return;
    }

  g_debug ("Manager override: %s allowed %s", manager->name, self->clerk);
  g_signal_emit (self, signals[ALLOWED], 0, manager);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_allow (ProvOverrideDialog *self)
{
  const ProvStaffMember *manager = selected_manager (self);
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_row));

  if (self->busy || manager == NULL)
    return;
  if (prov_staff_member_is_locked (manager, g_get_real_time ()))
    {
      show_problem (self, _("Too many wrong PINs: this manager is locked for now"));
      return;
    }
  if (*pin == '\0')
    {
      show_problem (self, _("The manager types their PIN here"));
      return;
    }

  show_problem (self, NULL);
  set_busy (self, TRUE);
  prov_store_try_pin_async (self->store, manager, pin, NULL, on_pin_tried, g_object_ref (self));
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
}

/* Asks a manager to allow what @request says @clerk asks for, a whole
 * sentence ("Sem Bakker asks to cancel this order."). */
ProvOverrideDialog *
prov_override_dialog_new (GtkWindow  *parent,
                          ProvStore  *store,
                          const char *clerk,
                          const char *request)
{
  ProvOverrideDialog *self = g_object_new (PROV_TYPE_OVERRIDE_DIALOG, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->clerk = g_strdup (clerk);
  gtk_label_set_label (self->request_label, request);
  set_busy (self, TRUE);
  prov_store_list_staff_async (store, NULL, on_staff_listed, g_object_ref (self));

  return self;
}

static void
prov_override_dialog_finalize (GObject *object)
{
  ProvOverrideDialog *self = PROV_OVERRIDE_DIALOG (object);

  g_clear_object (&self->store);
  g_free (self->clerk);
  g_clear_pointer (&self->managers, g_ptr_array_unref);

  G_OBJECT_CLASS (prov_override_dialog_parent_class)->finalize (object);
}

static void
prov_override_dialog_class_init (ProvOverrideDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = prov_override_dialog_finalize;

  /* The manager who allowed it; the dialog closes after. */
  signals[ALLOWED] = g_signal_new ("allowed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, PROV_TYPE_STAFF_MEMBER);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/prov-override-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvOverrideDialog, request_label);
  gtk_widget_class_bind_template_child (widget_class, ProvOverrideDialog, manager_row);
  gtk_widget_class_bind_template_child (widget_class, ProvOverrideDialog, pin_row);
  gtk_widget_class_bind_template_child (widget_class, ProvOverrideDialog, pin_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvOverrideDialog, allow_button);
  gtk_widget_class_bind_template_callback (widget_class, on_allow);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
prov_override_dialog_init (ProvOverrideDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
