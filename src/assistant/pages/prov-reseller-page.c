#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-checked-row.h"
#include "prov-choice-row.h"
#include "prov-json-guard.h"
#include "prov-reseller-page.h"

/* The reseller billing portal's first step: the reseller the customer
 * comes under (the dealer's sub-accounts, as the carrier lists them), and
 * the customer: a new one with every required field, or one the reseller
 * already has. */

static const ProvChoice modes[] = {
  { "new", N_("New customer") },
  { "existing", N_("Existing customer") },
};

struct _ProvResellerPage
{
  AdwBin               parent_instance;

  ProvPageContext     *context;
  GCancellable        *cancellable;
  GPtrArray           *customer_ids;   /* of the existing customers listed */
  gboolean             filling;

  ProvChoiceRow       *reseller_row;
  GtkLabel            *reseller_problem;
  ProvChoiceRow       *mode_row;
  AdwPreferencesGroup *existing_group;
  ProvChoiceRow       *existing_row;
  GtkLabel            *existing_problem;
  AdwPreferencesGroup *new_group;
  ProvCheckedRow      *name_row;
  ProvCheckedRow      *email_row;
  ProvCheckedRow      *phone_row;
  ProvCheckedRow      *pin_row;
};

static void prov_reseller_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvResellerPage, prov_reseller_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_reseller_page_iface_init))

static gboolean
is_existing (ProvResellerPage *self)
{
  return g_strcmp0 (prov_choice_row_get_selected_id (self->mode_row), "existing") == 0;
}

static ProvCarrierClient *
reachable_client (ProvResellerPage *self)
{
  ProvCarrierSession *session = prov_sync_scheduler_get_reachable_session (self->context->scheduler);

  return session != NULL ? prov_carrier_session_get_client (session) : NULL;
}

static void
show_mode (ProvResellerPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->existing_group), is_existing (self));
  gtk_widget_set_visible (GTK_WIDGET (self->new_group), !is_existing (self));
}

/* ---- the reseller's existing customers ------------------------------------ */

static void
store_existing (ProvResellerPage *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->existing_row));
  GListModel *names = adw_combo_row_get_model (ADW_COMBO_ROW (self->existing_row));

  if (!is_existing (self) || self->customer_ids == NULL || selected >= self->customer_ids->len)
    return;

  prov_page_set_field (self->context, PROV_ORDER_FIELD_CUSTOMER_ID, g_ptr_array_index (self->customer_ids, selected));
  prov_page_set_field (self->context, PROV_ORDER_FIELD_CUSTOMER_NAME,
                       gtk_string_list_get_string (GTK_STRING_LIST (names), selected));
}

static void
on_customers_listed (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  ProvResellerPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) customers = prov_carrier_client_list_reseller_customers_finish (PROV_CARRIER_CLIENT (source),
                                                                                      result, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_pointer (&self->customer_ids, g_ptr_array_unref);
  self->customer_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; customers != NULL && i < json_array_get_length (customers); i++)
    {
      JsonObject *customer = json_array_get_object_element (customers, i);
      const char *id = prov_json_object_get_string (customer, "id");

      if (id == NULL)
        continue;
      g_ptr_array_add (self->customer_ids, g_strdup (id));
      g_ptr_array_add (names, (gpointer) prov_json_object_get_string_or (customer, "name", id));
    }
  g_ptr_array_add (self->customer_ids, NULL);
  g_ptr_array_add (names, NULL);

  self->filling = TRUE;
  prov_choice_row_set_dynamic (self->existing_row, (const char * const *) self->customer_ids->pdata,
                               (const char * const *) names->pdata);
  prov_choice_row_select (self->existing_row, prov_order_get_field (self->context->order, PROV_ORDER_FIELD_CUSTOMER_ID));
  self->filling = FALSE;
  g_ptr_array_set_size (self->customer_ids, self->customer_ids->len - 1);

  prov_page_show_problem (GTK_WIDGET (self->existing_row), self->existing_problem,
                          error != NULL ? error->message
                          : self->customer_ids->len == 0 ? _("This reseller has no customers yet") : NULL);
  store_existing (self);
  g_debug ("Customers of reseller %s listed: %u", prov_order_get_field (self->context->order, PROV_ORDER_FIELD_RESELLER_ID),
           self->customer_ids->len);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
list_customers (ProvResellerPage *self)
{
  ProvCarrierClient *client = reachable_client (self);
  const char *reseller = prov_choice_row_get_selected_id (self->reseller_row);

  if (client == NULL || reseller == NULL || !is_existing (self))
    return;

  prov_carrier_client_list_reseller_customers_async (client, reseller, self->cancellable, on_customers_listed, self);
}

/* ---- the resellers --------------------------------------------------------- */

static void
on_resellers_listed (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  ProvResellerPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) resellers = prov_carrier_client_list_resellers_finish (PROV_CARRIER_CLIENT (source), result,
                                                                             &error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Placed meanwhile (Create Services stays in the assistant): the
   * order's reseller is settled, and loading the list would write it. */
  if (!prov_order_state_is_editable (prov_order_get_state (self->context->order)))
    return;

  for (guint i = 0; resellers != NULL && i < resellers->len; i++)
    {
      ProvReseller *reseller = g_ptr_array_index (resellers, i);

      g_ptr_array_add (ids, reseller->id);
      g_ptr_array_add (names, reseller->name);
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (names, NULL);

  if (resellers != NULL)
    {
      prov_choice_row_set_dynamic (self->reseller_row, (const char * const *) ids->pdata,
                                   (const char * const *) names->pdata);
      prov_choice_row_load (self->reseller_row, self->context);
    }
  prov_page_show_problem (GTK_WIDGET (self->reseller_row), self->reseller_problem,
                          error != NULL ? error->message : NULL);
  g_debug ("Resellers listed: %u", ids->len - 1);
  list_customers (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

/* The resellers come from the carrier; offline, the one the draft has
 * stays, and the page says why there are no others. */
static void
list_resellers (ProvResellerPage *self)
{
  ProvCarrierClient *client = reachable_client (self);
  ProvCarrierSession *session = prov_sync_scheduler_get_reachable_session (self->context->scheduler);
  const char *dealer = session != NULL ? prov_carrier_session_get_dealer_code (session) : NULL;
  const char *chosen_id = prov_order_get_field (self->context->order, PROV_ORDER_FIELD_RESELLER_ID);
  const char *chosen_name = prov_order_get_field (self->context->order, PROV_ORDER_FIELD_RESELLER_NAME);
  const char *ids[] = { chosen_id, NULL };
  const char *names[] = { chosen_name != NULL ? chosen_name : chosen_id, NULL };

  if (prov_choice_row_get_selected_id (self->reseller_row) == NULL && chosen_id != NULL)
    prov_choice_row_set_dynamic (self->reseller_row, ids, names);

  if (client == NULL || dealer == NULL || *dealer == '\0')
    {
      prov_page_show_problem (GTK_WIDGET (self->reseller_row), self->reseller_problem,
                              client == NULL ? _("The carrier cannot be reached: its resellers are listed once it can")
                                             : _("Give this store's dealer code in Preferences to list its resellers"));
      return;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  prov_carrier_client_list_resellers_async (client, dealer, self->cancellable, on_resellers_listed, self);
}

/* ---- the page -------------------------------------------------------------- */

static void
on_reseller_changed (ProvResellerPage *self)
{
  list_customers (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_mode_changed (ProvResellerPage *self)
{
  show_mode (self);
  /* A new customer has no carrier number yet; an existing one's comes
   * from the list. */
  if (!is_existing (self))
    prov_page_set_field (self->context, PROV_ORDER_FIELD_CUSTOMER_ID, NULL);
  else
    {
      store_existing (self);
      list_customers (self);
    }
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_existing_changed (ProvResellerPage *self)
{
  if (self->filling || self->context == NULL)
    return;

  store_existing (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_field_changed (ProvResellerPage *self)
{
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_last_activated (ProvResellerPage *self)
{
  prov_assistant_page_request_next (PROV_ASSISTANT_PAGE (self));
}

static void
prov_reseller_page_load (ProvAssistantPage *page,
                         ProvPageContext   *context)
{
  ProvResellerPage *self = PROV_RESELLER_PAGE (page);

  self->context = context;
  prov_choice_row_load (self->mode_row, context);
  prov_checked_row_load (self->name_row, context);
  prov_checked_row_load (self->email_row, context);
  prov_checked_row_load (self->phone_row, context);
  prov_checked_row_load (self->pin_row, context);
  show_mode (self);
  list_resellers (self);
}

static gboolean
prov_reseller_page_get_complete (ProvAssistantPage *page)
{
  ProvResellerPage *self = PROV_RESELLER_PAGE (page);

  if (self->context == NULL || prov_order_get_field (self->context->order, PROV_ORDER_FIELD_RESELLER_ID) == NULL)
    return FALSE;

  if (is_existing (self))
    return prov_order_get_field (self->context->order, PROV_ORDER_FIELD_CUSTOMER_ID) != NULL;

  return prov_checked_row_is_valid (self->name_row) && prov_checked_row_is_valid (self->email_row) &&
         prov_checked_row_is_valid (self->phone_row) && prov_checked_row_is_valid (self->pin_row);
}

static void
prov_reseller_page_focus_first (ProvAssistantPage *page)
{
  ProvResellerPage *self = PROV_RESELLER_PAGE (page);

  gtk_widget_grab_focus (is_existing (self) ? GTK_WIDGET (self->existing_row) : GTK_WIDGET (self->name_row));
}

static const char *
prov_reseller_page_get_title (ProvAssistantPage *page)
{
  return _("Customer");
}

static void
prov_reseller_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->id = "customer";
  iface->get_title = prov_reseller_page_get_title;
  iface->load = prov_reseller_page_load;
  iface->get_complete = prov_reseller_page_get_complete;
  iface->focus_first = prov_reseller_page_focus_first;
}

static void
prov_reseller_page_dispose (GObject *object)
{
  ProvResellerPage *self = PROV_RESELLER_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->customer_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (prov_reseller_page_parent_class)->dispose (object);
}

static void
prov_reseller_page_class_init (ProvResellerPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = prov_reseller_page_dispose;

  g_type_ensure (PROV_TYPE_CHECKED_ROW);
  g_type_ensure (PROV_TYPE_CHOICE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Provisioner/assistant/pages/prov-reseller-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvResellerPage, reseller_row);
  gtk_widget_class_bind_template_child (widget_class, ProvResellerPage, reseller_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvResellerPage, mode_row);
  gtk_widget_class_bind_template_child (widget_class, ProvResellerPage, existing_group);
  gtk_widget_class_bind_template_child (widget_class, ProvResellerPage, existing_row);
  gtk_widget_class_bind_template_child (widget_class, ProvResellerPage, existing_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvResellerPage, new_group);
  gtk_widget_class_bind_template_child (widget_class, ProvResellerPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, ProvResellerPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, ProvResellerPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, ProvResellerPage, pin_row);
  gtk_widget_class_bind_template_callback (widget_class, on_reseller_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_existing_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_last_activated);
}

static void
prov_reseller_page_init (ProvResellerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  prov_choice_row_set_choices (self->mode_row, modes, G_N_ELEMENTS (modes));
}
