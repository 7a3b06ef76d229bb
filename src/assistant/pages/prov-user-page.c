#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-new-user-form.h"
#include "prov-order-rules.h"
#include "prov-user-page.h"

/* Who uses the line. An existing user is one of the customer's PBX
 * subscribers, as the carrier lists them and this till's orders added; a
 * new one needs a name, an e-mail and the language of
 * their announcements and voicemail. */

struct _ProvUserPage
{
  AdwBin               parent_instance;

  ProvPageContext     *context;
  GCancellable        *cancellable;
  GStrv                users;
  gboolean             filling;
  gboolean             display_name_typed;

  AdwComboRow         *existing_row;
  ProvNewUserForm     *new_user_form;
  AdwPreferencesGroup *display_name_group;
  AdwEntryRow         *display_name_row;
  GtkLabel            *display_name_problem;
};

static void prov_user_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvUserPage, prov_user_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_user_page_iface_init))

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
is_new_user (ProvUserPage *self)
{
  return adw_combo_row_get_selected (self->existing_row) == 0;
}

static void
check_fields (ProvUserPage *self)
{
  g_autofree char *display = prov_rule_check_required (text_of (self->display_name_row));

  prov_page_show_problem (GTK_WIDGET (self->display_name_row), self->display_name_problem,
                          *text_of (self->display_name_row) ? display : NULL);
}

static void
on_field_changed (ProvUserPage *self)
{
  if (self->filling || self->context == NULL)
    return;

  /* The display name follows the name until the clerk types one. */
  self->filling = TRUE;
  if (!self->display_name_typed)
    {
      g_autofree char *suggested = prov_new_user_form_dup_full_name (self->new_user_form);
      gtk_editable_set_text (GTK_EDITABLE (self->display_name_row), suggested);
    }
  self->filling = FALSE;

  prov_page_set_field (self->context, PROV_ORDER_FIELD_USER_DISPLAY_NAME, text_of (self->display_name_row));
  check_fields (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_display_name_changed (ProvUserPage *self)
{
  if (self->filling || self->context == NULL)
    return;

  self->display_name_typed = *text_of (self->display_name_row) != '\0';
  on_field_changed (self);
}

static void
set_new_user_sensitive (ProvUserPage *self,
                        gboolean      sensitive)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_user_form), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->display_name_group), sensitive);
}

static void
on_existing_selected (ProvUserPage *self)
{
  guint selected = adw_combo_row_get_selected (self->existing_row);

  if (self->filling || self->context == NULL)
    return;

  set_new_user_sensitive (self, selected == 0);
  if (selected == 0)
    {
      prov_page_set_field (self->context, PROV_ORDER_FIELD_USER_MODE, "new");
      prov_page_set_field (self->context, PROV_ORDER_FIELD_USER_DISPLAY_NAME, text_of (self->display_name_row));
    }
  else if (self->users != NULL && selected <= g_strv_length (self->users))
    {
      prov_page_set_field (self->context, PROV_ORDER_FIELD_USER_MODE, "existing");
      prov_page_set_field (self->context, PROV_ORDER_FIELD_USER_DISPLAY_NAME, self->users[selected - 1]);
    }

  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_users_listed (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) numbers = prov_store_list_extensions_finish (PROV_STORE (source), result, &names, &error);
  g_autoptr(GStrvBuilder) users = g_strv_builder_new ();
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  ProvUserPage *self;
  const char *mode;
  const char *chosen;
  guint selected = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PROV_USER_PAGE (user_data);
  mode = prov_order_get_field (self->context->order, PROV_ORDER_FIELD_USER_MODE);
  chosen = prov_order_get_field (self->context->order, PROV_ORDER_FIELD_USER_DISPLAY_NAME);

  gtk_string_list_append (choices, _("New user"));
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (*names[i] != '\0')
      {
        g_strv_builder_add (users, names[i]);
        gtk_string_list_append (choices, names[i]);
        if (g_strcmp0 (mode, "existing") == 0 && g_strcmp0 (chosen, names[i]) == 0)
          selected = g_list_model_get_n_items (G_LIST_MODEL (choices)) - 1;
      }

  g_strfreev (self->users);
  self->users = g_strv_builder_end (users);

  self->filling = TRUE;
  adw_combo_row_set_model (self->existing_row, G_LIST_MODEL (choices));
  adw_combo_row_set_selected (self->existing_row, selected);
  self->filling = FALSE;
  set_new_user_sensitive (self, selected == 0);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

/* The carrier's list arrived: its users are offered too. */
static void
list_users_again (gpointer user_data)
{
  ProvUserPage *self = user_data;
  const char *account = prov_order_get_customer_account (self->context->order);

  if (account != NULL)
    prov_store_list_extensions_async (self->context->store, account, self->cancellable, on_users_listed, self);
}

static const char *
prov_user_page_get_title (ProvAssistantPage *page)
{
  return _("User");
}

static void
set_text (AdwEntryRow *row,
          const char  *value)
{
  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
}

static void
prov_user_page_load (ProvAssistantPage *page,
                     ProvPageContext   *context)
{
  ProvUserPage *self = PROV_USER_PAGE (page);
  const char *account = prov_order_get_customer_account (context->order);
  gboolean existing = g_strcmp0 (prov_order_get_field (context->order, PROV_ORDER_FIELD_USER_MODE), "existing") == 0;

  self->context = context;
  prov_new_user_form_load (self->new_user_form, context);
  self->filling = TRUE;
  if (!existing)
    {
      const char *display_name = prov_order_get_field (context->order, PROV_ORDER_FIELD_USER_DISPLAY_NAME);
      g_autofree char *full_name = prov_new_user_form_dup_full_name (self->new_user_form);

      set_text (self->display_name_row, display_name);
      /* One of the clerk's own, unless it is what the name gives. */
      self->display_name_typed = display_name != NULL && g_strcmp0 (display_name, full_name) != 0;
    }
  self->filling = FALSE;
  if (prov_order_get_field (context->order, PROV_ORDER_FIELD_USER_MODE) == NULL)
    prov_page_set_field (context, PROV_ORDER_FIELD_USER_MODE, "new");
  check_fields (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (account != NULL)
    prov_store_list_extensions_async (context->store, account, self->cancellable, on_users_listed, self);
  prov_page_refresh_customer_products (context, prov_order_get_field (context->order, PROV_ORDER_FIELD_CUSTOMER_ID),
                                       self->cancellable, list_users_again, self);
}

static gboolean
prov_user_page_get_complete (ProvAssistantPage *page)
{
  ProvUserPage *self = PROV_USER_PAGE (page);
  g_autofree char *display = NULL;

  if (self->context == NULL)
    return FALSE;
  if (!is_new_user (self))
    return TRUE;

  display = prov_rule_check_required (text_of (self->display_name_row));

  return display == NULL && prov_new_user_form_get_complete (self->new_user_form);
}

/* The display name follows the name, so typing starts at the first name. */
static void
prov_user_page_focus_first (ProvAssistantPage *page)
{
  ProvUserPage *self = PROV_USER_PAGE (page);

  if (is_new_user (self))
    prov_new_user_form_focus_first (self->new_user_form);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->existing_row));
}

static void
prov_user_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->focus_first = prov_user_page_focus_first;
  iface->id = "user";
  iface->get_title = prov_user_page_get_title;
  iface->load = prov_user_page_load;
  iface->get_complete = prov_user_page_get_complete;
}

static void
prov_user_page_dispose (GObject *object)
{
  ProvUserPage *self = PROV_USER_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->users, g_strfreev);

  G_OBJECT_CLASS (prov_user_page_parent_class)->dispose (object);
}

static void
prov_user_page_class_init (ProvUserPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prov_user_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/assistant/pages/prov-user-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvUserPage, existing_row);
  gtk_widget_class_bind_template_child (widget_class, ProvUserPage, new_user_form);
  gtk_widget_class_bind_template_child (widget_class, ProvUserPage, display_name_group);
  gtk_widget_class_bind_template_child (widget_class, ProvUserPage, display_name_row);
  gtk_widget_class_bind_template_child (widget_class, ProvUserPage, display_name_problem);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_display_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_existing_selected);
}

static void
prov_user_page_init (ProvUserPage *self)
{
  g_type_ensure (PROV_TYPE_NEW_USER_FORM);
  gtk_widget_init_template (GTK_WIDGET (self));
}
