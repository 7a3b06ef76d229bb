#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-sign-in-view.h"

/*
 * Who is at the till: the staff list (typing filters it), then the PIN.
 * The PIN is checked off the main loop (prov_pin_verify_async) and every
 * try is counted by the store, so five wrong ones lock that person even
 * across a restart. With nobody on the staff yet, the till asks for its
 * first manager instead.
 */

struct _ProvSignInView
{
  AdwBin           parent_instance;

  GtkStack        *mode_stack;
  GtkSearchEntry  *filter_entry;
  GtkListBox      *staff_list;
  AdwEntryRow     *pin_row;
  GtkLabel        *pin_problem;
  GtkButton       *sign_in_button;
  AdwEntryRow     *name_row;
  GtkLabel        *name_problem;
  AdwEntryRow     *new_pin_row;
  AdwEntryRow     *repeat_pin_row;
  GtkLabel        *new_pin_problem;
  GtkButton       *create_button;

  ProvStore       *store;
  GPtrArray       *staff;        /* ProvStaffMember, as last listed */
  GCancellable    *cancellable;
  gboolean         busy;
};

G_DEFINE_FINAL_TYPE (ProvSignInView, prov_sign_in_view, ADW_TYPE_BIN)

enum { SIGNED_IN, N_SIGNALS };
static guint signals[N_SIGNALS];

static const ProvStaffMember *
member_of_row (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "prov-staff-member") : NULL;
}

static const ProvStaffMember *
selected_member (ProvSignInView *self)
{
  return member_of_row (gtk_list_box_get_selected_row (self->staff_list));
}

static char *
dup_locked_message (const ProvStaffMember *member)
{
  g_autoptr(GDateTime) until = g_date_time_new_from_unix_local (member->locked_until / G_USEC_PER_SEC);
  g_autofree char *time = g_date_time_format (until, "%H:%M");

  /* Translators: %s is a time of day, such as 14:35 */
  return g_strdup_printf (_("Locked after too many wrong PINs until %s, or until a manager unlocks you"), time);
}

static void
show_pin_problem (ProvSignInView *self,
                  const char     *message)
{
  prov_page_show_problem (GTK_WIDGET (self->pin_row), self->pin_problem, message);
}

static gboolean
matches_filter (ProvSignInView        *self,
                const ProvStaffMember *member)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  g_autofree char *name = g_utf8_casefold (member->name, -1);
  g_autofree char *typed = g_utf8_casefold (text, -1);

  return strstr (name, typed) != NULL;
}

/* The first person the filter shows is the one the PIN is for. */
static void
select_first_shown (ProvSignInView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->staff_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_visible (child))
      {
        gtk_list_box_select_row (self->staff_list, GTK_LIST_BOX_ROW (child));
        return;
      }
  gtk_list_box_unselect_all (self->staff_list);
}

static void
on_filter_changed (ProvSignInView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->staff_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      gtk_widget_set_visible (child, matches_filter (self, member_of_row (GTK_LIST_BOX_ROW (child))));
  select_first_shown (self);
}

static void
on_filter_activated (ProvSignInView *self)
{
  /* "search-changed" waits for typing to pause: Enter typed right after
   * the name must choose by the name as typed, not by the list before. */
  on_filter_changed (self);
  if (selected_member (self) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
}

static void
on_row_activated (ProvSignInView *self,
                  GtkListBoxRow  *row)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
}

static void
fill_list (ProvSignInView *self)
{
  GtkWidget *child;
  gint64 now = g_get_real_time ();

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->staff_list))) != NULL)
    gtk_list_box_remove (self->staff_list, child);

  for (guint i = 0; i < self->staff->len; i++)
    {
      ProvStaffMember *member = g_ptr_array_index (self->staff, i);
      GtkWidget *row;
      g_autofree char *subtitle = NULL;

      /* A deactivated person cannot sign in. */
      if (!member->active)
        continue;

      subtitle = prov_staff_member_is_locked (member, now)
                 ? dup_locked_message (member) : g_strdup (prov_staff_role_get_title (member->role));
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "prov-staff-member", member);
      gtk_list_box_append (self->staff_list, row);
    }

  on_filter_changed (self);
}

static void
on_staff_listed (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ProvSignInView) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *staff = prov_store_list_staff_finish (PROV_STORE (source), result, &error);

  if (staff == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_pin_problem (self, error->message);
      return;
    }

  g_clear_pointer (&self->staff, g_ptr_array_unref);
  self->staff = staff;

  if (staff->len == 0)
    {
      gtk_stack_set_visible_child_name (self->mode_stack, "first-manager");
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      g_debug ("Sign-in asks for the first manager");
      return;
    }

  gtk_stack_set_visible_child_name (self->mode_stack, "sign-in");
  fill_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
  g_debug ("Sign-in shown with %u staff", staff->len);
}

/* Lists the staff again and starts over: a new sign-in (the window does,
 * each time the till locks). */
void
prov_sign_in_view_reset (ProvSignInView *self)
{
  g_return_if_fail (PROV_IS_SIGN_IN_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
  show_pin_problem (self, NULL);
  if (self->store != NULL)
    prov_store_list_staff_async (self->store, self->cancellable, on_staff_listed, g_object_ref (self));
}

void
prov_sign_in_view_set_store (ProvSignInView *self,
                             ProvStore      *store)
{
  g_return_if_fail (PROV_IS_SIGN_IN_VIEW (self));

  g_set_object (&self->store, store);
}

static void
set_busy (ProvSignInView *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), !busy);
}

static void
signed_in (ProvSignInView        *self,
           const ProvStaffMember *member)
{
  g_debug ("Signed in as %s (%s)", member->name, prov_staff_role_to_id (member->role));
  g_signal_emit (self, signals[SIGNED_IN], 0, member);
}

/* ---- signing in -------------------------------------------------------- */

static void
on_pin_tried (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ProvSignInView) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean right = FALSE;
  g_autoptr(ProvStaffMember) member = prov_store_try_pin_finish (PROV_STORE (source), result, &right, &error);

  set_busy (self, FALSE);
  if (member == NULL)
    {
      show_pin_problem (self, error->message);
      return;
    }

  if (right)
    {
      signed_in (self, member);
      return;
    }

  g_debug ("Wrong PIN for %s (%u in a row)", member->name, member->wrong_pins);
  if (prov_staff_member_is_locked (member, g_get_real_time ()))
    {
      g_autofree char *message = dup_locked_message (member);

      prov_sign_in_view_reset (self);
      show_pin_problem (self, message);
    }
  else
    show_pin_problem (self, _("That is not your PIN. Try again."));
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
}

static void
on_sign_in (ProvSignInView *self)
{
  const ProvStaffMember *member = selected_member (self);
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_row));

  if (self->busy)
    return;
  if (member == NULL)
    {
      show_pin_problem (self, _("Choose your name first"));
      gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
      return;
    }
  if (prov_staff_member_is_locked (member, g_get_real_time ()))
    {
      g_autofree char *message = dup_locked_message (member);

      show_pin_problem (self, message);
      return;
    }
  if (*pin == '\0')
    {
      show_pin_problem (self, _("Type your PIN"));
      return;
    }

  show_pin_problem (self, NULL);
  set_busy (self, TRUE);
  prov_store_try_pin_async (self->store, member, pin, NULL, on_pin_tried, g_object_ref (self));
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
}

/* ---- the first manager ------------------------------------------------- */

static void
on_manager_added (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ProvSignInView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvStaffMember) member = prov_store_add_staff_with_pin_finish (PROV_STORE (source), result, &error);

  set_busy (self, FALSE);
  if (member == NULL)
    {
      prov_page_show_problem (GTK_WIDGET (self->name_row), self->name_problem, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_pin_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_pin_row), "");
  signed_in (self, member);
}

static void
on_create (ProvSignInView *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->new_pin_row));
  const char *repeated = gtk_editable_get_text (GTK_EDITABLE (self->repeat_pin_row));
  g_autofree char *name_problem = prov_staff_check_name (name);
  g_autofree char *pin_problem = prov_staff_check_new_pin (PROV_STAFF_ROLE_MANAGER, pin, repeated);

  if (self->busy)
    return;

  prov_page_show_problem (GTK_WIDGET (self->name_row), self->name_problem, name_problem);
  prov_page_show_problem (GTK_WIDGET (self->new_pin_row), self->new_pin_problem, pin_problem);
  if (name_problem != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }
  if (pin_problem != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->new_pin_row));
      return;
    }

  set_busy (self, TRUE);
  prov_store_add_staff_with_pin_async (self->store, name, PROV_STAFF_ROLE_MANAGER, pin, NULL, on_manager_added,
                                       g_object_ref (self));
}

static void
on_name_activated (ProvSignInView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->new_pin_row));
}

static void
on_new_pin_activated (ProvSignInView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->repeat_pin_row));
}

/* A staff badge: its barcode holds the person's name. The scan picks
 * them; the PIN is still theirs to type. */
gboolean
prov_sign_in_view_take_scan (ProvSignInView *self,
                             const ProvScan *scan)
{
  g_autofree char *scanned = NULL;

  g_return_val_if_fail (PROV_IS_SIGN_IN_VIEW (self), FALSE);

  if (self->staff == NULL || scan->data == NULL)
    return FALSE;

  scanned = g_utf8_casefold (scan->data, -1);
  for (guint i = 0; i < self->staff->len; i++)
    {
      ProvStaffMember *member = g_ptr_array_index (self->staff, i);
      g_autofree char *name = g_utf8_casefold (member->name, -1);

      if (member->active && g_str_equal (name, scanned))
        {
          gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), member->name);
          on_filter_changed (self);
          gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
          return TRUE;
        }
    }

  show_pin_problem (self, _("This badge is nobody's on this till's staff"));
  return TRUE;
}

static void
prov_sign_in_view_dispose (GObject *object)
{
  ProvSignInView *self = PROV_SIGN_IN_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PROV_TYPE_SIGN_IN_VIEW);

  G_OBJECT_CLASS (prov_sign_in_view_parent_class)->dispose (object);
}

static void
prov_sign_in_view_finalize (GObject *object)
{
  ProvSignInView *self = PROV_SIGN_IN_VIEW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->staff, g_ptr_array_unref);

  G_OBJECT_CLASS (prov_sign_in_view_parent_class)->finalize (object);
}

static void
prov_sign_in_view_class_init (ProvSignInViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prov_sign_in_view_dispose;
  object_class->finalize = prov_sign_in_view_finalize;

  /* Someone signed in (or the first manager was created): the member. */
  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 1, PROV_TYPE_STAFF_MEMBER);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/widgets/prov-sign-in-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvSignInView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, ProvSignInView, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, ProvSignInView, staff_list);
  gtk_widget_class_bind_template_child (widget_class, ProvSignInView, pin_row);
  gtk_widget_class_bind_template_child (widget_class, ProvSignInView, pin_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvSignInView, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, ProvSignInView, name_row);
  gtk_widget_class_bind_template_child (widget_class, ProvSignInView, name_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvSignInView, new_pin_row);
  gtk_widget_class_bind_template_child (widget_class, ProvSignInView, repeat_pin_row);
  gtk_widget_class_bind_template_child (widget_class, ProvSignInView, new_pin_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvSignInView, create_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in);
  gtk_widget_class_bind_template_callback (widget_class, on_create);
  gtk_widget_class_bind_template_callback (widget_class, on_name_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_new_pin_activated);
}

static void
prov_sign_in_view_init (ProvSignInView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}
