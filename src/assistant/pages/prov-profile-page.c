#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-checked-row.h"
#include "prov-choice-row.h"
#include "prov-profile-page.h"

/* Who the new customer is: a person (date of birth) or a business (its
 * registration number), the ID document shown at the counter, how to
 * reach them, and the PIN they will give when they call support. */

static const ProvChoice kinds[] = {
  { "person", N_("Person") },
  { "business", N_("Business") },
};

static const ProvChoice id_types[] = {
  { "passport", N_("Passport") },
  { "id-card", N_("National ID card") },
  { "driving-licence", N_("Driving licence") },
};

static const ProvChoice languages[] = {
  { "en", N_("English") },
  { "nl", N_("Dutch") },
  { "de", N_("German") },
  { "fr", N_("French") },
  { "es", N_("Spanish") },
};

struct _ProvProfilePage
{
  AdwBin           parent_instance;

  ProvPageContext *context;

  ProvChoiceRow   *kind_row;
  ProvCheckedRow  *name_row;
  ProvCheckedRow  *birth_date_row;
  ProvCheckedRow  *company_number_row;
  ProvChoiceRow   *id_type_row;
  ProvCheckedRow  *id_number_row;
  ProvCheckedRow  *email_row;
  ProvCheckedRow  *phone_row;
  ProvChoiceRow   *language_row;
  ProvCheckedRow  *account_pin_row;
};

static void prov_profile_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvProfilePage, prov_profile_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_profile_page_iface_init))

static gboolean
is_business (ProvProfilePage *self)
{
  return g_strcmp0 (prov_choice_row_get_selected_id (self->kind_row), "business") == 0;
}

/* A person has a date of birth, a business a registration number: the
 * other one is left out of the order, not only hidden, as the carrier
 * would get it. What was typed in it stays in the row for a change of mind. */
static void
show_kind (ProvProfilePage *self)
{
  gboolean business = is_business (self);
  ProvCheckedRow *shown = business ? self->company_number_row : self->birth_date_row;
  ProvCheckedRow *hidden = business ? self->birth_date_row : self->company_number_row;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row),
                                 business ? _("Company Name") : _("Full Name"));
  gtk_widget_set_visible (GTK_WIDGET (shown), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (hidden), FALSE);
  if (self->context != NULL)
    {
      prov_checked_row_store (shown);
      prov_page_set_field (self->context, business ? PROV_ORDER_FIELD_CUSTOMER_BIRTH_DATE : PROV_ORDER_FIELD_CUSTOMER_COMPANY_NUMBER, NULL);
    }
}

static void
on_kind_changed (ProvProfilePage *self)
{
  show_kind (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_field_changed (ProvProfilePage *self)
{
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_last_activated (ProvProfilePage *self)
{
  prov_assistant_page_request_next (PROV_ASSISTANT_PAGE (self));
}

static ProvCheckedRow **
checked_rows (ProvProfilePage *self,
              ProvCheckedRow **rows)
{
  rows[0] = self->name_row;
  rows[1] = self->birth_date_row;
  rows[2] = self->company_number_row;
  rows[3] = self->id_number_row;
  rows[4] = self->email_row;
  rows[5] = self->phone_row;
  rows[6] = self->account_pin_row;
  rows[7] = NULL;
  return rows;
}

static void
prov_profile_page_load (ProvAssistantPage *page,
                        ProvPageContext   *context)
{
  ProvProfilePage *self = PROV_PROFILE_PAGE (page);
  ProvCheckedRow *rows[8];

  self->context = context;
  prov_choice_row_load (self->kind_row, context);
  prov_choice_row_load (self->id_type_row, context);
  prov_choice_row_load (self->language_row, context);
  checked_rows (self, rows);
  for (guint i = 0; rows[i] != NULL; i++)
    prov_checked_row_load (rows[i], context);
  show_kind (self);
}

static gboolean
prov_profile_page_get_complete (ProvAssistantPage *page)
{
  ProvProfilePage *self = PROV_PROFILE_PAGE (page);
  ProvCheckedRow *rows[8];

  checked_rows (self, rows);
  for (guint i = 0; rows[i] != NULL; i++)
    if (gtk_widget_get_visible (GTK_WIDGET (rows[i])) && !prov_checked_row_is_valid (rows[i]))
      return FALSE;

  return TRUE;
}

static void
prov_profile_page_focus_first (ProvAssistantPage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (PROV_PROFILE_PAGE (page)->kind_row));
}

static const char *
prov_profile_page_get_title (ProvAssistantPage *page)
{
  return _("Customer Profile");
}

static void
prov_profile_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->id = "profile";
  iface->get_title = prov_profile_page_get_title;
  iface->load = prov_profile_page_load;
  iface->get_complete = prov_profile_page_get_complete;
  iface->focus_first = prov_profile_page_focus_first;
}

static void
prov_profile_page_class_init (ProvProfilePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (PROV_TYPE_CHECKED_ROW);
  g_type_ensure (PROV_TYPE_CHOICE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Provisioner/assistant/pages/prov-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvProfilePage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ProvProfilePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, ProvProfilePage, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, ProvProfilePage, company_number_row);
  gtk_widget_class_bind_template_child (widget_class, ProvProfilePage, id_type_row);
  gtk_widget_class_bind_template_child (widget_class, ProvProfilePage, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, ProvProfilePage, email_row);
  gtk_widget_class_bind_template_child (widget_class, ProvProfilePage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, ProvProfilePage, language_row);
  gtk_widget_class_bind_template_child (widget_class, ProvProfilePage, account_pin_row);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_last_activated);
}

static void
prov_profile_page_init (ProvProfilePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  prov_choice_row_set_choices (self->kind_row, kinds, G_N_ELEMENTS (kinds));
  prov_choice_row_set_choices (self->id_type_row, id_types, G_N_ELEMENTS (id_types));
  prov_choice_row_set_choices (self->language_row, languages, G_N_ELEMENTS (languages));
}
