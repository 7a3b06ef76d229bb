#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-carrier-page.h"
#include "prov-carrier-profile.h"
#include "prov-checked-row.h"
#include "prov-choice-row.h"

/* A new customer's first step, as the dealer portal has it: which carrier
 * the customer signs with (a store sells for several), what kind of order
 * it is (the kinds that carrier's catalog offers a new customer), and who
 * the carrier calls about it. */

struct _ProvCarrierPage
{
  AdwBin           parent_instance;

  ProvPageContext *context;
  GSettings       *settings;

  ProvChoiceRow   *carrier_row;
  GtkLabel        *carrier_problem;
  ProvChoiceRow   *order_type_row;
  GtkLabel        *order_type_problem;
  ProvCheckedRow  *contact_name_row;
  ProvCheckedRow  *contact_phone_row;
};

static void prov_carrier_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvCarrierPage, prov_carrier_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_carrier_page_iface_init))

/* Orders go to the active carrier profile: one for another carrier would
 * be sent to the wrong one. */
static char *
dup_carrier_problem (ProvCarrierPage *self)
{
  g_autofree char *active = g_settings_get_string (self->settings, "carrier-profile");
  const char *chosen = prov_choice_row_get_selected_id (self->carrier_row);
  g_autoptr(GSettings) profile = NULL;
  g_autofree char *name = NULL;

  if (chosen == NULL || g_strcmp0 (chosen, active) == 0)
    return NULL;

  profile = prov_carrier_profile_settings_new (active);
  name = g_settings_get_string (profile, "name");
  /* Translators: %s is a carrier profile's name */
  return g_strdup_printf (_("This till sends orders to %s: make this carrier the active one in Preferences first"),
                          name);
}

static gboolean
has_order_types (ProvCarrierPage *self)
{
  return prov_choice_row_get_selected_id (self->order_type_row) != NULL;
}

static void
check_fields (ProvCarrierPage *self)
{
  g_autofree char *carrier = dup_carrier_problem (self);

  prov_page_show_problem (GTK_WIDGET (self->carrier_row), self->carrier_problem, carrier);
  prov_page_show_problem (GTK_WIDGET (self->order_type_row), self->order_type_problem,
                          has_order_types (self) ? NULL
                                                 : _("The carrier's catalog is not here yet: it is read as soon as the carrier can be reached"));
}

static void
on_field_changed (ProvCarrierPage *self)
{
  check_fields (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_contact_activated (ProvCarrierPage *self)
{
  prov_assistant_page_request_next (PROV_ASSISTANT_PAGE (self));
}

static void
list_carriers (ProvCarrierPage *self)
{
  g_auto(GStrv) ids = g_settings_get_strv (self->settings, "carrier-profiles");
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GSettings) profile = prov_carrier_profile_settings_new (ids[i]);

      g_ptr_array_add (names, g_settings_get_string (profile, "name"));
    }
  g_ptr_array_add (names, NULL);

  prov_choice_row_set_dynamic (self->carrier_row, (const char * const *) ids, (const char * const *) names->pdata);
}

static void
list_order_types (ProvCarrierPage *self)
{
  prov_choice_row_set_offerings (self->order_type_row, prov_sync_scheduler_get_catalog (self->context->scheduler),
                                 PROV_OFFERING_ROLE_ORDER_TYPE);
}

static void
prov_carrier_page_load (ProvAssistantPage *page,
                        ProvPageContext   *context)
{
  ProvCarrierPage *self = PROV_CARRIER_PAGE (page);

  self->context = context;
  list_carriers (self);
  list_order_types (self);

  /* A new order starts with the carrier the till sends to. */
  if (prov_order_get_field (context->order, PROV_ORDER_FIELD_CARRIER_PROFILE) == NULL)
    {
      g_autofree char *active = g_settings_get_string (self->settings, "carrier-profile");

      prov_choice_row_select (self->carrier_row, active);
    }

  prov_choice_row_load (self->carrier_row, context);
  prov_choice_row_load (self->order_type_row, context);
  prov_checked_row_load (self->contact_name_row, context);
  prov_checked_row_load (self->contact_phone_row, context);
  check_fields (self);
}

static gboolean
prov_carrier_page_get_complete (ProvAssistantPage *page)
{
  ProvCarrierPage *self = PROV_CARRIER_PAGE (page);
  g_autofree char *carrier = dup_carrier_problem (self);

  return carrier == NULL && has_order_types (self) &&
         prov_checked_row_is_valid (self->contact_name_row) &&
         prov_checked_row_is_valid (self->contact_phone_row);
}

static void
prov_carrier_page_focus_first (ProvAssistantPage *page)
{
  ProvCarrierPage *self = PROV_CARRIER_PAGE (page);

  /* Carrier and order type have their defaults; the contact has none. */
  gtk_widget_grab_focus (GTK_WIDGET (self->contact_name_row));
}

static const char *
prov_carrier_page_get_title (ProvAssistantPage *page)
{
  return _("Carrier and Contact");
}

static void
prov_carrier_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->id = "carrier";
  iface->get_title = prov_carrier_page_get_title;
  iface->load = prov_carrier_page_load;
  iface->get_complete = prov_carrier_page_get_complete;
  iface->focus_first = prov_carrier_page_focus_first;
}

static void
prov_carrier_page_dispose (GObject *object)
{
  ProvCarrierPage *self = PROV_CARRIER_PAGE (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (prov_carrier_page_parent_class)->dispose (object);
}

static void
prov_carrier_page_class_init (ProvCarrierPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = prov_carrier_page_dispose;

  g_type_ensure (PROV_TYPE_CHECKED_ROW);
  g_type_ensure (PROV_TYPE_CHOICE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Provisioner/assistant/pages/prov-carrier-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvCarrierPage, carrier_row);
  gtk_widget_class_bind_template_child (widget_class, ProvCarrierPage, carrier_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvCarrierPage, order_type_row);
  gtk_widget_class_bind_template_child (widget_class, ProvCarrierPage, order_type_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvCarrierPage, contact_name_row);
  gtk_widget_class_bind_template_child (widget_class, ProvCarrierPage, contact_phone_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_activated);
}

static void
prov_carrier_page_init (ProvCarrierPage *self)
{
  self->settings = g_settings_new (APP_ID);
  gtk_widget_init_template (GTK_WIDGET (self));
}
