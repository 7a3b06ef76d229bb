#include <glib/gi18n.h>

#include "prov-new-user-form.h"
#include "prov-order-rules.h"

/* One form for the mobile-user and the user-extension flows, which ask the
 * same of a new user. */

static const char * const languages[] = { "nl", "en", "de", "fr" };

struct _ProvNewUserForm
{
  AdwPreferencesGroup  parent_instance;

  ProvPageContext     *context;
  gboolean             filling;

  AdwEntryRow         *first_name_row;
  GtkLabel            *first_name_problem;
  AdwEntryRow         *prefix_row;
  AdwEntryRow         *last_name_row;
  GtkLabel            *last_name_problem;
  AdwEntryRow         *email_row;
  GtkLabel            *email_problem;
  AdwComboRow         *language_row;
};

G_DEFINE_FINAL_TYPE (ProvNewUserForm, prov_new_user_form, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_text (AdwEntryRow *row,
          const char  *value)
{
  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
}

/* An empty field is pointed out only once something was typed in it. */
static void
check_fields (ProvNewUserForm *self)
{
  g_autofree char *first = prov_rule_check_required (text_of (self->first_name_row));
  g_autofree char *last = prov_rule_check_required (text_of (self->last_name_row));
  g_autofree char *email = prov_rule_check_email (text_of (self->email_row));

  prov_page_show_problem (GTK_WIDGET (self->first_name_row), self->first_name_problem,
                          *text_of (self->first_name_row) ? first : NULL);
  prov_page_show_problem (GTK_WIDGET (self->last_name_row), self->last_name_problem,
                          *text_of (self->last_name_row) ? last : NULL);
  prov_page_show_problem (GTK_WIDGET (self->email_row), self->email_problem, *text_of (self->email_row) ? email : NULL);
}

static void
store_fields (ProvNewUserForm *self)
{
  guint language = adw_combo_row_get_selected (self->language_row);
  GListModel *language_names = adw_combo_row_get_model (self->language_row);

  prov_page_set_field (self->context, PROV_ORDER_FIELD_USER_FIRST_NAME, text_of (self->first_name_row));
  prov_page_set_field (self->context, PROV_ORDER_FIELD_USER_PREFIX, text_of (self->prefix_row));
  prov_page_set_field (self->context, PROV_ORDER_FIELD_USER_LAST_NAME, text_of (self->last_name_row));
  prov_page_set_field (self->context, PROV_ORDER_FIELD_USER_EMAIL, text_of (self->email_row));
  if (language < G_N_ELEMENTS (languages))
    {
      prov_page_set_field (self->context, PROV_ORDER_FIELD_USER_LANGUAGE, languages[language]);
      prov_page_set_field (self->context, PROV_ORDER_FIELD_USER_LANGUAGE_NAME,
                           gtk_string_list_get_string (GTK_STRING_LIST (language_names), language));
    }
}

static void
on_field_changed (ProvNewUserForm *self)
{
  if (self->filling || self->context == NULL)
    return;

  store_fields (self);
  check_fields (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
prov_new_user_form_load (ProvNewUserForm *self,
                         ProvPageContext *context)
{
  const char *language;

  g_return_if_fail (PROV_IS_NEW_USER_FORM (self));
  g_return_if_fail (context != NULL);

  self->context = context;
  language = prov_order_get_field (context->order, PROV_ORDER_FIELD_USER_LANGUAGE);

  self->filling = TRUE;
  set_text (self->first_name_row, prov_order_get_field (context->order, PROV_ORDER_FIELD_USER_FIRST_NAME));
  set_text (self->prefix_row, prov_order_get_field (context->order, PROV_ORDER_FIELD_USER_PREFIX));
  set_text (self->last_name_row, prov_order_get_field (context->order, PROV_ORDER_FIELD_USER_LAST_NAME));
  set_text (self->email_row, prov_order_get_field (context->order, PROV_ORDER_FIELD_USER_EMAIL));
  adw_combo_row_set_selected (self->language_row, 0);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i]) == 0)
      adw_combo_row_set_selected (self->language_row, i);
  self->filling = FALSE;

  /* The language has a default: the order says so from the start. */
  if (language == NULL)
    store_fields (self);
  check_fields (self);
}

gboolean
prov_new_user_form_get_complete (ProvNewUserForm *self)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *email = NULL;

  g_return_val_if_fail (PROV_IS_NEW_USER_FORM (self), FALSE);

  first = prov_rule_check_required (text_of (self->first_name_row));
  last = prov_rule_check_required (text_of (self->last_name_row));
  email = prov_rule_check_email (text_of (self->email_row));

  return first == NULL && last == NULL && email == NULL;
}

/* "Jan van der Berg": first name, prefix and last name as typed. */
char *
prov_new_user_form_dup_full_name (ProvNewUserForm *self)
{
  const char *parts[3];
  g_autoptr(GString) name = g_string_new (NULL);

  g_return_val_if_fail (PROV_IS_NEW_USER_FORM (self), NULL);

  parts[0] = text_of (self->first_name_row);
  parts[1] = text_of (self->prefix_row);
  parts[2] = text_of (self->last_name_row);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));

      if (*part != '\0')
        g_string_append_printf (name, "%s%s", name->len > 0 ? " " : "", part);
    }

  return g_string_free (g_steal_pointer (&name), FALSE);
}

void
prov_new_user_form_focus_first (ProvNewUserForm *self)
{
  g_return_if_fail (PROV_IS_NEW_USER_FORM (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->first_name_row));
}

static void
prov_new_user_form_class_init (ProvNewUserFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Provisioner/assistant/pages/prov-new-user-form.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvNewUserForm, first_name_row);
  gtk_widget_class_bind_template_child (widget_class, ProvNewUserForm, first_name_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvNewUserForm, prefix_row);
  gtk_widget_class_bind_template_child (widget_class, ProvNewUserForm, last_name_row);
  gtk_widget_class_bind_template_child (widget_class, ProvNewUserForm, last_name_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvNewUserForm, email_row);
  gtk_widget_class_bind_template_child (widget_class, ProvNewUserForm, email_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvNewUserForm, language_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
}

static void
prov_new_user_form_init (ProvNewUserForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
