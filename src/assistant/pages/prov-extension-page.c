#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-extension-page.h"
#include "prov-new-user-form.h"
#include "prov-order-rules.h"
#include "prov-pin-rule.h"

/*
 * The PBX extension: in the mobile user flow the FMC step (the mobile
 * joins the PBX), in the hosted PBX flow the extension itself, for an
 * existing subscriber or a new one, for whom the portal asks what it asks
 * of any new user. Extensions are unique per customer account and, once
 * the account has one, all have its length.
 */

struct _ProvExtensionPage
{
  AdwBin               parent_instance;

  ProvPageContext     *context;
  GCancellable        *cancellable;
  GStrv                in_use;
  GStrv                users;        /* names of the subscribers in use */
  ProvPinRule         *pin_rule;     /* the product's, NULL: digits only */
  gboolean             filling;
  gboolean             name_typed;   /* else the name follows the new user's */

  AdwPreferencesGroup *subscriber_group;
  AdwComboRow         *subscriber_row;
  ProvNewUserForm     *new_user_form;
  AdwPreferencesGroup *extension_group;
  AdwEntryRow         *number_row;
  GtkLabel            *number_problem;
  GtkCheckButton      *next_available_check;
  GtkLabel            *in_use_label;
  AdwEntryRow         *name_row;
  GtkLabel            *name_problem;
  AdwEntryRow         *pin_row;
  GtkLabel            *pin_problem;
  GtkLabel            *pin_hint;
  GtkLabel            *pin_note;
  AdwEntryRow         *area_code_row;
  GtkLabel            *area_code_problem;
};

static void prov_extension_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvExtensionPage, prov_extension_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_extension_page_iface_init))

static guint
fixed_length (ProvExtensionPage *self)
{
  return self->in_use != NULL && self->in_use[0] != NULL ? (guint) strlen (self->in_use[0]) : 0;
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
check_fields (ProvExtensionPage *self)
{
  g_autofree char *number = prov_rule_check_extension (text_of (self->number_row),
                                                       (const char * const *) self->in_use, fixed_length (self));
  g_autofree char *name = prov_rule_check_required (text_of (self->name_row));
  g_autofree char *pin = prov_pin_rule_check (self->pin_rule, text_of (self->pin_row));
  g_autofree char *area_code = prov_rule_check_area_code (text_of (self->area_code_row));

  /* An empty field is pointed out only once something was typed in it. */
  prov_page_show_problem (GTK_WIDGET (self->number_row), self->number_problem, *text_of (self->number_row) ? number : NULL);
  prov_page_show_problem (GTK_WIDGET (self->name_row), self->name_problem, *text_of (self->name_row) ? name : NULL);
  prov_page_show_problem (GTK_WIDGET (self->pin_row), self->pin_problem, *text_of (self->pin_row) ? pin : NULL);
  prov_page_show_problem (GTK_WIDGET (self->area_code_row), self->area_code_problem,
                          *text_of (self->area_code_row) ? area_code : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->pin_note), prov_pin_rule_must_change (self->pin_rule, text_of (self->pin_row)));
}

/* The PIN rule of the order's product, as the field's hint says it. */
static void
take_pin_rule (ProvExtensionPage *self)
{
  ProvCatalog *catalog = prov_sync_scheduler_get_catalog (self->context->scheduler);
  const char *factory_pin;
  g_autofree char *digits = NULL;
  g_autofree char *hint = NULL;

  g_clear_pointer (&self->pin_rule, prov_pin_rule_free);
  if (catalog != NULL)
    self->pin_rule = prov_catalog_dup_pin_rule (catalog, prov_order_get_field (self->context->order,
                                                                                PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID));

  digits = prov_pin_rule_dup_hint (self->pin_rule);
  factory_pin = prov_pin_rule_get_factory_pin (self->pin_rule);
  if (factory_pin != NULL)
    {
      g_autofree char *note = NULL;

      /* Translators: the first %s says how many digits ("A PIN has 3 to 8 digits"), the second is a PIN such as 000 */
      hint = g_strdup_printf (_("%s. %s makes the user choose a new PIN at first login."), digits, factory_pin);
      /* Translators: %s is a PIN such as 000 */
      note = g_strdup_printf (_("PIN %s works for the first login only: the user must then choose a new one."), factory_pin);
      gtk_label_set_label (self->pin_note, note);
    }
  else
    hint = g_strdup_printf ("%s.", digits);

  gtk_label_set_label (self->pin_hint, hint);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pin_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint, -1);
}

static void
field_changed (ProvExtensionPage *self,
               AdwEntryRow       *row,
               const char        *key)
{
  if (self->filling || self->context == NULL)
    return;

  prov_page_set_field (self->context, key, text_of (row));
  check_fields (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_number_changed (ProvExtensionPage *self)
{
  field_changed (self, self->number_row, PROV_ORDER_FIELD_EXTENSION_NUMBER);
}

static void
on_name_changed (ProvExtensionPage *self)
{
  if (!self->filling && self->context != NULL)
    {
      g_autofree char *full_name = prov_new_user_form_dup_full_name (self->new_user_form);

      self->name_typed = *text_of (self->name_row) != '\0' && g_strcmp0 (text_of (self->name_row), full_name) != 0;
    }
  field_changed (self, self->name_row, PROV_ORDER_FIELD_EXTENSION_NAME);
}

static gboolean
is_pbx (ProvExtensionPage *self)
{
  return self->context != NULL && (self->context->flow->traits & PROV_FLOW_HOSTED_PBX);
}

/* A new subscriber of the hosted PBX is a new user at the carrier. */
static gboolean
asks_new_user (ProvExtensionPage *self)
{
  return is_pbx (self) && adw_combo_row_get_selected (self->subscriber_row) == 0;
}

static void
on_new_user_changed (ProvExtensionPage *self)
{
  if (self->context == NULL)
    return;

  /* The name shown on calls follows the user's until the clerk types one. */
  if (!self->name_typed)
    {
      g_autofree char *full_name = prov_new_user_form_dup_full_name (self->new_user_form);

      gtk_editable_set_text (GTK_EDITABLE (self->name_row), full_name);
    }
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_pin_changed (ProvExtensionPage *self)
{
  /* The carrier is told, so the first login asks for a new PIN. */
  if (!self->filling && self->context != NULL)
    prov_page_set_field (self->context, PROV_ORDER_FIELD_EXTENSION_PIN_CHANGE_REQUIRED,
                         prov_pin_rule_must_change (self->pin_rule, text_of (self->pin_row)) ? "true" : "false");
  field_changed (self, self->pin_row, PROV_ORDER_FIELD_EXTENSION_PIN);
}

static void
on_area_code_changed (ProvExtensionPage *self)
{
  field_changed (self, self->area_code_row, PROV_ORDER_FIELD_EXTENSION_AREA_CODE);
}

static gboolean
uses_next_available (ProvExtensionPage *self)
{
  return gtk_check_button_get_active (self->next_available_check);
}

/* While "use next available" is ticked the number follows the extensions
 * in use, whatever the customer or their extensions' length turn out to
 * be, as the portal's check box does. */
static void
follow_next_available (ProvExtensionPage *self)
{
  g_autofree char *next = NULL;

  gtk_editable_set_editable (GTK_EDITABLE (self->number_row), !uses_next_available (self));
  if (!uses_next_available (self))
    return;

  next = prov_rule_next_extension ((const char * const *) self->in_use, fixed_length (self));
  if (next == NULL)
    {
      prov_page_show_problem (GTK_WIDGET (self->number_row), self->number_problem,
                              _("Every extension of this length is in use"));
      return;
    }

  if (g_strcmp0 (text_of (self->number_row), next) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->number_row), next);
}

static void
on_next_available_toggled (ProvExtensionPage *self)
{
  if (self->filling || self->context == NULL)
    return;

  prov_page_set_field (self->context, PROV_ORDER_FIELD_EXTENSION_NEXT_AVAILABLE, uses_next_available (self) ? "true" : "false");
  follow_next_available (self);
  /* The number is taken care of: the user, or their name, is next. */
  if (uses_next_available (self))
    prov_assistant_page_focus_first (PROV_ASSISTANT_PAGE (self));
}

static void
on_last_field_activated (ProvExtensionPage *self)
{
  prov_assistant_page_request_next (PROV_ASSISTANT_PAGE (self));
}

/* Choosing an existing subscriber fills in their name. */
static void
on_subscriber_selected (ProvExtensionPage *self)
{
  guint selected = adw_combo_row_get_selected (self->subscriber_row);

  if (self->filling || self->context == NULL || self->users == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->new_user_form), asks_new_user (self));
  if (selected == 0 || selected > g_strv_length (self->users))
    {
      prov_page_set_field (self->context, PROV_ORDER_FIELD_EXTENSION_SUBSCRIBER, "new");
      prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
      return;
    }

  prov_page_set_field (self->context, PROV_ORDER_FIELD_EXTENSION_SUBSCRIBER, self->users[selected - 1]);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->users[selected - 1]);
}

static void
show_in_use (ProvExtensionPage *self)
{
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GtkStringList) subscribers = gtk_string_list_new (NULL);
  const char *subscriber = prov_order_get_field (self->context->order, PROV_ORDER_FIELD_EXTENSION_SUBSCRIBER);
  guint selected = 0;

  if (self->in_use == NULL || self->in_use[0] == NULL)
    text = g_strdup (_("This customer has no extensions yet: the first one fixes their length (2 to 5 digits)."));
  else
    {
      list = g_strjoinv (", ", self->in_use);
      /* Translators: %s is a list of extension numbers */
      text = g_strdup_printf (_("In use: %s"), list);
    }
  gtk_label_set_label (self->in_use_label, text);

  gtk_string_list_append (subscribers, _("New subscriber"));
  for (guint i = 0; self->users != NULL && self->users[i] != NULL; i++)
    {
      gtk_string_list_append (subscribers, *self->users[i] != '\0' ? self->users[i] : self->in_use[i]);
      if (g_strcmp0 (subscriber, self->users[i]) == 0)
        selected = i + 1;
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->subscriber_row, G_LIST_MODEL (subscribers));
  adw_combo_row_set_selected (self->subscriber_row, selected);
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->new_user_form), asks_new_user (self));

  follow_next_available (self);
  check_fields (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_extensions_listed (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  GStrv numbers = prov_store_list_extensions_finish (PROV_STORE (source), result, &names, &error);
  ProvExtensionPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PROV_EXTENSION_PAGE (user_data);
  if (numbers == NULL)
    {
      prov_page_show_problem (GTK_WIDGET (self->number_row), self->number_problem, error->message);
      return;
    }

  g_strfreev (self->in_use);
  self->in_use = numbers;
  g_strfreev (self->users);
  self->users = g_steal_pointer (&names);
  show_in_use (self);
}

/* The carrier's list arrived: the numbers in use and the subscribers are
 * now the carrier's as well as this till's. */
static void
list_extensions_again (gpointer user_data)
{
  ProvExtensionPage *self = user_data;
  const char *account = prov_order_get_customer_account (self->context->order);

  if (account != NULL)
    prov_store_list_extensions_async (self->context->store, account, self->cancellable, on_extensions_listed, self);
}

static const char *
prov_extension_page_get_title (ProvAssistantPage *page)
{
  /* The mobile flow calls it FMC (see prov-flows.c). */
  return _("Extension");
}

static void
set_text (AdwEntryRow *row,
          const char  *value)
{
  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
}

static void
prov_extension_page_load (ProvAssistantPage *page,
                          ProvPageContext   *context)
{
  ProvExtensionPage *self = PROV_EXTENSION_PAGE (page);
  const char *account = prov_order_get_customer_account (context->order);
  gboolean pbx = (context->flow->traits & PROV_FLOW_HOSTED_PBX) != 0;
  const char *name = prov_order_get_field (context->order, PROV_ORDER_FIELD_EXTENSION_NAME);

  self->context = context;
  take_pin_rule (self);
  gtk_widget_set_visible (GTK_WIDGET (self->subscriber_group), pbx);
  adw_preferences_group_set_title (self->extension_group, pbx ? _("Extension") : _("Fixed-Mobile Convergence"));
  adw_preferences_group_set_description (self->extension_group,
                                         pbx ? NULL : _("The mobile also rings as an extension of the customer's PBX"));

  /* In the mobile flow the user's display name is the obvious default. */
  if (name == NULL && !pbx)
    name = prov_order_get_field (context->order, PROV_ORDER_FIELD_USER_DISPLAY_NAME);

  prov_new_user_form_load (self->new_user_form, context);
  gtk_widget_set_visible (GTK_WIDGET (self->new_user_form), asks_new_user (self));
  {
    g_autofree char *full_name = prov_new_user_form_dup_full_name (self->new_user_form);

    self->name_typed = pbx && name != NULL && g_strcmp0 (name, full_name) != 0;
  }

  self->filling = TRUE;
  set_text (self->number_row, prov_order_get_field (context->order, PROV_ORDER_FIELD_EXTENSION_NUMBER));
  set_text (self->name_row, name);
  set_text (self->pin_row, prov_order_get_field (context->order, PROV_ORDER_FIELD_EXTENSION_PIN));
  set_text (self->area_code_row, prov_order_get_field (context->order, PROV_ORDER_FIELD_EXTENSION_AREA_CODE));
  gtk_check_button_set_active (self->next_available_check,
                               g_strcmp0 (prov_order_get_field (context->order, PROV_ORDER_FIELD_EXTENSION_NEXT_AVAILABLE), "true") == 0);
  gtk_editable_set_editable (GTK_EDITABLE (self->number_row), !uses_next_available (self));
  self->filling = FALSE;
  if (name != NULL)
    prov_page_set_field (context, PROV_ORDER_FIELD_EXTENSION_NAME, name);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (account != NULL)
    prov_store_list_extensions_async (context->store, account, self->cancellable, on_extensions_listed, self);
  prov_page_refresh_customer_products (context, prov_order_get_field (context->order, PROV_ORDER_FIELD_CUSTOMER_ID),
                                       self->cancellable, list_extensions_again, self);
  check_fields (self);
}

static gboolean
prov_extension_page_get_complete (ProvAssistantPage *page)
{
  ProvExtensionPage *self = PROV_EXTENSION_PAGE (page);
  g_autofree char *number = prov_rule_check_extension (text_of (self->number_row),
                                                       (const char * const *) self->in_use, fixed_length (self));
  g_autofree char *name = prov_rule_check_required (text_of (self->name_row));
  g_autofree char *pin = prov_pin_rule_check (self->pin_rule, text_of (self->pin_row));
  g_autofree char *area_code = prov_rule_check_area_code (text_of (self->area_code_row));

  return self->context != NULL && number == NULL && name == NULL && pin == NULL && area_code == NULL &&
         (!asks_new_user (self) || prov_new_user_form_get_complete (self->new_user_form));
}

static void
prov_extension_page_focus_first (ProvAssistantPage *page)
{
  ProvExtensionPage *self = PROV_EXTENSION_PAGE (page);

  if (uses_next_available (self) && asks_new_user (self) && !prov_new_user_form_get_complete (self->new_user_form))
    prov_new_user_form_focus_first (self->new_user_form);
  else
    gtk_widget_grab_focus (GTK_WIDGET (uses_next_available (self) ? self->name_row : self->number_row));
}

static void
prov_extension_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->focus_first = prov_extension_page_focus_first;
  iface->id = "extension";
  iface->get_title = prov_extension_page_get_title;
  iface->load = prov_extension_page_load;
  iface->get_complete = prov_extension_page_get_complete;
}

static void
prov_extension_page_dispose (GObject *object)
{
  ProvExtensionPage *self = PROV_EXTENSION_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->in_use, g_strfreev);
  g_clear_pointer (&self->users, g_strfreev);
  g_clear_pointer (&self->pin_rule, prov_pin_rule_free);

  G_OBJECT_CLASS (prov_extension_page_parent_class)->dispose (object);
}

static void
prov_extension_page_class_init (ProvExtensionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prov_extension_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/assistant/pages/prov-extension-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvExtensionPage, subscriber_group);
  gtk_widget_class_bind_template_child (widget_class, ProvExtensionPage, subscriber_row);
  gtk_widget_class_bind_template_child (widget_class, ProvExtensionPage, new_user_form);
  gtk_widget_class_bind_template_child (widget_class, ProvExtensionPage, extension_group);
  gtk_widget_class_bind_template_child (widget_class, ProvExtensionPage, number_row);
  gtk_widget_class_bind_template_child (widget_class, ProvExtensionPage, number_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvExtensionPage, next_available_check);
  gtk_widget_class_bind_template_child (widget_class, ProvExtensionPage, in_use_label);
  gtk_widget_class_bind_template_child (widget_class, ProvExtensionPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, ProvExtensionPage, name_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvExtensionPage, pin_row);
  gtk_widget_class_bind_template_child (widget_class, ProvExtensionPage, pin_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvExtensionPage, pin_hint);
  gtk_widget_class_bind_template_child (widget_class, ProvExtensionPage, pin_note);
  gtk_widget_class_bind_template_child (widget_class, ProvExtensionPage, area_code_row);
  gtk_widget_class_bind_template_child (widget_class, ProvExtensionPage, area_code_problem);
  gtk_widget_class_bind_template_callback (widget_class, on_subscriber_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_number_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_pin_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_area_code_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_next_available_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_last_field_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_new_user_changed);
}

static void
prov_extension_page_init (ProvExtensionPage *self)
{
  g_type_ensure (PROV_TYPE_NEW_USER_FORM);
  gtk_widget_init_template (GTK_WIDGET (self));
}
