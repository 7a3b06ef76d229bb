#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-order-rules.h"
#include "prov-user-page.h"

/* Who uses the line. An existing user is one of the customer's PBX
 * subscribers, as the carrier lists them and this till's orders added; a new one needs a name, an e-mail and the language of
 * their announcements and voicemail. */

static const char * const languages[] = { "nl", "en", "de", "fr" };

struct _ProvUserPage
{
  AdwBin               parent_instance;

  ProvPageContext     *context;
  GCancellable        *cancellable;
  GStrv                users;
  gboolean             filling;
  gboolean             display_name_typed;

  AdwComboRow         *existing_row;
  AdwPreferencesGroup *new_user_group;
  AdwEntryRow         *display_name_row;
  GtkLabel            *display_name_problem;
  AdwEntryRow         *first_name_row;
  GtkLabel            *first_name_problem;
  AdwEntryRow         *prefix_row;
  GtkLabel            *prefix_problem;
  AdwEntryRow         *last_name_row;
  GtkLabel            *last_name_problem;
  AdwEntryRow         *email_row;
  GtkLabel            *email_problem;
  AdwComboRow         *language_row;
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

static char *
dup_suggested_display_name (ProvUserPage *self)
{
  g_autoptr(GString) name = g_string_new (g_strstrip (g_strdup (text_of (self->first_name_row))));
  g_autofree char *prefix = g_strstrip (g_strdup (text_of (self->prefix_row)));
  g_autofree char *last = g_strstrip (g_strdup (text_of (self->last_name_row)));

  if (*prefix != '\0')
    g_string_append_printf (name, "%s%s", name->len > 0 ? " " : "", prefix);
  if (*last != '\0')
    g_string_append_printf (name, "%s%s", name->len > 0 ? " " : "", last);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
check_fields (ProvUserPage *self)
{
  g_autofree char *display = prov_rule_check_required (text_of (self->display_name_row));
  g_autofree char *first = prov_rule_check_required (text_of (self->first_name_row));
  g_autofree char *last = prov_rule_check_required (text_of (self->last_name_row));
  g_autofree char *email = prov_rule_check_email (text_of (self->email_row));

  prov_page_show_problem (GTK_WIDGET (self->display_name_row), self->display_name_problem,
                          *text_of (self->display_name_row) ? display : NULL);
  prov_page_show_problem (GTK_WIDGET (self->first_name_row), self->first_name_problem,
                          *text_of (self->first_name_row) ? first : NULL);
  prov_page_show_problem (GTK_WIDGET (self->last_name_row), self->last_name_problem,
                          *text_of (self->last_name_row) ? last : NULL);
  prov_page_show_problem (GTK_WIDGET (self->email_row), self->email_problem, *text_of (self->email_row) ? email : NULL);
}

static void
store_fields (ProvUserPage *self)
{
  guint language = adw_combo_row_get_selected (self->language_row);
  GListModel *language_names = adw_combo_row_get_model (self->language_row);

  prov_page_set_field (self->context, "user.display-name", text_of (self->display_name_row));
  prov_page_set_field (self->context, "user.first-name", text_of (self->first_name_row));
  prov_page_set_field (self->context, "user.prefix", text_of (self->prefix_row));
  prov_page_set_field (self->context, "user.last-name", text_of (self->last_name_row));
  prov_page_set_field (self->context, "user.email", text_of (self->email_row));
  if (language < G_N_ELEMENTS (languages))
    {
      prov_page_set_field (self->context, "user.language", languages[language]);
      prov_page_set_field (self->context, "user.language-name",
                           gtk_string_list_get_string (GTK_STRING_LIST (language_names), language));
    }
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
      g_autofree char *suggested = dup_suggested_display_name (self);
      gtk_editable_set_text (GTK_EDITABLE (self->display_name_row), suggested);
    }
  self->filling = FALSE;

  store_fields (self);
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
on_existing_selected (ProvUserPage *self)
{
  guint selected = adw_combo_row_get_selected (self->existing_row);

  if (self->filling || self->context == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->new_user_group), selected == 0);
  if (selected == 0)
    {
      prov_page_set_field (self->context, "user.mode", "new");
      store_fields (self);
    }
  else if (self->users != NULL && selected <= g_strv_length (self->users))
    {
      prov_page_set_field (self->context, "user.mode", "existing");
      prov_page_set_field (self->context, "user.display-name", self->users[selected - 1]);
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
  mode = prov_order_get_field (self->context->order, "user.mode");
  chosen = prov_order_get_field (self->context->order, "user.display-name");

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
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_user_group), selected == 0);
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
prov_user_page_get_id (ProvAssistantPage *page)
{
  return "user";
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
  const char *language = prov_order_get_field (context->order, "user.language");
  gboolean existing = g_strcmp0 (prov_order_get_field (context->order, "user.mode"), "existing") == 0;

  self->context = context;
  self->filling = TRUE;
  if (!existing)
    {
      set_text (self->display_name_row, prov_order_get_field (context->order, "user.display-name"));
      self->display_name_typed = prov_order_get_field (context->order, "user.display-name") != NULL;
    }
  set_text (self->first_name_row, prov_order_get_field (context->order, "user.first-name"));
  set_text (self->prefix_row, prov_order_get_field (context->order, "user.prefix"));
  set_text (self->last_name_row, prov_order_get_field (context->order, "user.last-name"));
  set_text (self->email_row, prov_order_get_field (context->order, "user.email"));
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i]) == 0)
      adw_combo_row_set_selected (self->language_row, i);
  self->filling = FALSE;
  if (prov_order_get_field (context->order, "user.mode") == NULL)
    prov_page_set_field (context, "user.mode", "new");
  if (language == NULL)
    store_fields (self);
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
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *email = NULL;

  if (self->context == NULL)
    return FALSE;
  if (!is_new_user (self))
    return TRUE;

  display = prov_rule_check_required (text_of (self->display_name_row));
  first = prov_rule_check_required (text_of (self->first_name_row));
  last = prov_rule_check_required (text_of (self->last_name_row));
  email = prov_rule_check_email (text_of (self->email_row));

  return display == NULL && first == NULL && last == NULL && email == NULL;
}

/* The display name follows the name, so typing starts at the first name. */
static void
prov_user_page_focus_first (ProvAssistantPage *page)
{
  ProvUserPage *self = PROV_USER_PAGE (page);

  if (is_new_user (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->first_name_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->existing_row));
}

static void
prov_user_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->focus_first = prov_user_page_focus_first;
  iface->get_id = prov_user_page_get_id;
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
  gtk_widget_class_bind_template_child (widget_class, ProvUserPage, new_user_group);
  gtk_widget_class_bind_template_child (widget_class, ProvUserPage, display_name_row);
  gtk_widget_class_bind_template_child (widget_class, ProvUserPage, display_name_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvUserPage, first_name_row);
  gtk_widget_class_bind_template_child (widget_class, ProvUserPage, first_name_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvUserPage, prefix_row);
  gtk_widget_class_bind_template_child (widget_class, ProvUserPage, prefix_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvUserPage, last_name_row);
  gtk_widget_class_bind_template_child (widget_class, ProvUserPage, last_name_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvUserPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, ProvUserPage, email_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvUserPage, language_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_display_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_existing_selected);
}

static void
prov_user_page_init (ProvUserPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
