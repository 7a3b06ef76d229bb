#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-creation-page.h"
#include "prov-number-pricing.h"
#include "prov-service-check.h"

/*
 * The reseller portal's Creation step: a short summary, or the full
 * validity report with every error and warning and a way to the page
 * that fixes it. Errors must be fixed; warnings can be accepted, each
 * saying what may not work until it is fixed. The services' terms and
 * conditions can be read, must be agreed, and Create Services places the
 * order; the page then says what happened.
 */

struct _ProvCreationPage
{
  AdwBin               parent_instance;

  ProvPageContext     *context;
  GPtrArray           *report;       /* ProvValidityItem */
  GPtrArray           *report_rows;
  gboolean             filling;

  AdwActionRow        *summary_row;
  GtkSwitch           *full_report_switch;
  AdwPreferencesGroup *report_group;
  AdwActionRow        *accept_row;
  GtkCheckButton      *accept_check;
  AdwExpanderRow      *terms_row;
  GtkLabel            *terms_label;
  GtkCheckButton      *agree_check;
  GtkButton           *create_button;
  GtkLabel            *outcome_label;
};

static void prov_creation_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvCreationPage, prov_creation_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_creation_page_iface_init))

static ProvCatalog *
catalog_of (ProvCreationPage *self)
{
  return prov_sync_scheduler_get_catalog (self->context->scheduler);
}

static gboolean
is_created (ProvCreationPage *self)
{
  return prov_order_get_state (self->context->order) != PROV_ORDER_STATE_DRAFT &&
         prov_order_get_state (self->context->order) != PROV_ORDER_STATE_READY;
}

static gboolean
may_create (ProvCreationPage *self)
{
  guint errors = prov_service_check_count (self->report, PROV_VALIDITY_ERROR);
  guint warnings = prov_service_check_count (self->report, PROV_VALIDITY_WARNING);

  return !is_created (self) && errors == 0 && (warnings == 0 || gtk_check_button_get_active (self->accept_check)) &&
         gtk_check_button_get_active (self->agree_check);
}

static void
update_create_button (ProvCreationPage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), may_create (self));
}

static void
on_go_to (GtkButton        *button,
          ProvCreationPage *self)
{
  prov_assistant_page_request_page (PROV_ASSISTANT_PAGE (self), g_object_get_data (G_OBJECT (button), "prov-page"));
}

static void
show_report (ProvCreationPage *self)
{
  gboolean full = gtk_switch_get_active (self->full_report_switch);
  guint errors;
  guint warnings;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < self->report_rows->len; i++)
    adw_preferences_group_remove (self->report_group, g_ptr_array_index (self->report_rows, i));
  g_ptr_array_set_size (self->report_rows, 0);

  g_clear_pointer (&self->report, g_ptr_array_unref);
  self->report = prov_service_check (self->context->order, catalog_of (self));
  errors = prov_service_check_count (self->report, PROV_VALIDITY_ERROR);
  warnings = prov_service_check_count (self->report, PROV_VALIDITY_WARNING);

  /* Translators: the validity report in short; the two %u are counts of errors and warnings */
  summary = g_strdup_printf (_("%u to fix, %u to accept"), errors, warnings);
  adw_action_row_set_subtitle (self->summary_row, errors + warnings == 0 ? _("Nothing to fix: ready to create")
                                                                           : summary);

  for (guint i = 0; full && i < self->report->len; i++)
    {
      ProvValidityItem *item = g_ptr_array_index (self->report, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *go = gtk_button_new_with_label (_("Go There"));
      GtkWidget *icon = gtk_image_new_from_icon_name (item->severity == PROV_VALIDITY_ERROR ? "dialog-error-symbolic"
                                                                                            : "dialog-warning-symbolic");
      g_autofree char *go_label = g_strdup_printf (_("Go to the page that fixes: %s"), item->message);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->message);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->severity == PROV_VALIDITY_ERROR
                                                         ? _("Error: must be fixed") : _("Warning: may be accepted"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_set_valign (go, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (go), GTK_ACCESSIBLE_PROPERTY_LABEL, go_label, -1);
      g_object_set_data (G_OBJECT (go), "prov-page", (gpointer) item->page_id);
      g_signal_connect (go, "clicked", G_CALLBACK (on_go_to), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), go);
      gtk_widget_set_focusable (row, FALSE);
      adw_preferences_group_add (self->report_group, row);
      g_ptr_array_add (self->report_rows, row);
    }

  /* Accepting comes after the warnings it accepts. */
  g_object_ref (self->accept_row);
  adw_preferences_group_remove (self->report_group, GTK_WIDGET (self->accept_row));
  adw_preferences_group_add (self->report_group, GTK_WIDGET (self->accept_row));
  g_object_unref (self->accept_row);
  gtk_widget_set_visible (GTK_WIDGET (self->accept_row), warnings > 0);
  g_debug ("Validity report of order %s: %u errors, %u warnings", prov_order_get_uuid (self->context->order),
           errors, warnings);
  update_create_button (self);
}

static void
on_full_report_toggled (ProvCreationPage *self)
{
  if (self->context != NULL)
    show_report (self);
}

static void
on_accept_toggled (ProvCreationPage *self)
{
  if (self->filling || self->context == NULL)
    return;

  prov_page_set_field (self->context, PROV_ORDER_FIELD_CONFIRM_WARNINGS_ACCEPTED,
                       gtk_check_button_get_active (self->accept_check) ? "true" : NULL);
  update_create_button (self);
}

static void
on_agree_toggled (ProvCreationPage *self)
{
  if (self->filling || self->context == NULL)
    return;

  prov_page_set_field (self->context, PROV_ORDER_FIELD_CONFIRM_TERMS_AGREED,
                       gtk_check_button_get_active (self->agree_check) ? "true" : NULL);
  update_create_button (self);
}

static void
on_create (ProvCreationPage *self)
{
  if (!may_create (self))
    return;

  gtk_label_set_label (self->outcome_label, _("Creating the services…"));
  prov_assistant_page_request_place (PROV_ASSISTANT_PAGE (self));
}

/* What the clerk reads after Create Services. */
static void
show_outcome (ProvCreationPage *self)
{
  const char *message = NULL;

  if (!is_created (self))
    return;

  if (prov_order_get_state (self->context->order) == PROV_ORDER_STATE_QUEUED)
    message = _("Created: the order is queued and goes to the carrier as soon as it can be reached; "
                "the carrier confirms each service");
  else
    message = prov_order_state_get_title (prov_order_get_state (self->context->order));
  gtk_label_set_label (self->outcome_label, message);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), FALSE);
}

static void
prov_creation_page_load (ProvAssistantPage *page,
                         ProvPageContext   *context)
{
  ProvCreationPage *self = PROV_CREATION_PAGE (page);
  ProvOffering *service;
  const char *conditions;

  self->context = context;
  service = catalog_of (self) != NULL
    ? prov_catalog_lookup (catalog_of (self), prov_order_get_field (context->order, PROV_ORDER_FIELD_SERVICE_TYPE)) : NULL;
  conditions = service != NULL ? prov_offering_get_conditions (service) : NULL;
  self->filling = TRUE;
  gtk_check_button_set_active (self->accept_check,
                               g_strcmp0 (prov_order_get_field (context->order, PROV_ORDER_FIELD_CONFIRM_WARNINGS_ACCEPTED), "true") == 0);
  gtk_check_button_set_active (self->agree_check,
                               g_strcmp0 (prov_order_get_field (context->order, PROV_ORDER_FIELD_CONFIRM_TERMS_AGREED), "true") == 0);
  self->filling = FALSE;
  gtk_label_set_label (self->terms_label, conditions != NULL ? conditions
                                          : _("The carrier's general terms apply: this service type states none of its own."));
  show_report (self);
  show_outcome (self);
}

/* Only once created: Notifications follow what happened. */
static gboolean
prov_creation_page_get_complete (ProvAssistantPage *page)
{
  ProvCreationPage *self = PROV_CREATION_PAGE (page);

  return self->context != NULL && is_created (self);
}

static void
prov_creation_page_focus_first (ProvAssistantPage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (PROV_CREATION_PAGE (page)->full_report_switch));
}

static const char *
prov_creation_page_get_title (ProvAssistantPage *page)
{
  return _("Creation");
}

static void
prov_creation_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->id = "creation";
  iface->get_title = prov_creation_page_get_title;
  iface->load = prov_creation_page_load;
  iface->get_complete = prov_creation_page_get_complete;
  iface->focus_first = prov_creation_page_focus_first;
}

static void
prov_creation_page_dispose (GObject *object)
{
  ProvCreationPage *self = PROV_CREATION_PAGE (object);

  g_clear_pointer (&self->report, g_ptr_array_unref);
  g_clear_pointer (&self->report_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (prov_creation_page_parent_class)->dispose (object);
}

static void
prov_creation_page_class_init (ProvCreationPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = prov_creation_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Provisioner/assistant/pages/prov-creation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvCreationPage, summary_row);
  gtk_widget_class_bind_template_child (widget_class, ProvCreationPage, full_report_switch);
  gtk_widget_class_bind_template_child (widget_class, ProvCreationPage, report_group);
  gtk_widget_class_bind_template_child (widget_class, ProvCreationPage, accept_row);
  gtk_widget_class_bind_template_child (widget_class, ProvCreationPage, accept_check);
  gtk_widget_class_bind_template_child (widget_class, ProvCreationPage, terms_row);
  gtk_widget_class_bind_template_child (widget_class, ProvCreationPage, terms_label);
  gtk_widget_class_bind_template_child (widget_class, ProvCreationPage, agree_check);
  gtk_widget_class_bind_template_child (widget_class, ProvCreationPage, create_button);
  gtk_widget_class_bind_template_child (widget_class, ProvCreationPage, outcome_label);
  gtk_widget_class_bind_template_callback (widget_class, on_full_report_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_accept_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_agree_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_create);
}

static void
prov_creation_page_init (ProvCreationPage *self)
{
  self->report_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
