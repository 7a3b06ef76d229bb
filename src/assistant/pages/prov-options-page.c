#include <stdlib.h>

#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-checked-row.h"
#include "prov-choice-row.h"
#include "prov-customer-duplicates.h"
#include "prov-ids.h"
#include "prov-json-guard.h"
#include "prov-options-page.h"

/*
 * The new customer's last page: when the lines start and for how long,
 * how the bill comes and is paid (direct debit from an IBAN, or at the
 * counter's own terminal; never a card number), and the customers the
 * carrier already has that may be this one. The clerk picks one of them
 * instead, or confirms that this is a new customer.
 */

static const ProvChoice bill_formats[] = {
  { "email", N_("By e-mail") },
  { "paper", N_("On paper") },
};

static const ProvChoice payment_methods[] = {
  { "direct-debit", N_("Direct debit") },
  { "terminal", N_("Paid at this store's terminal") },
};

struct _ProvOptionsPage
{
  AdwBin               parent_instance;

  ProvPageContext     *context;
  GCancellable        *cancellable;
  GArray              *terms;            /* guint months, as the contract row lists them */
  GPtrArray           *duplicate_rows;
  GPtrArray           *duplicates;       /* ProvDuplicate */
  char                *searched_for;     /* what the last search asked */
  gboolean             filling;

  ProvCheckedRow      *start_date_row;
  AdwComboRow         *contract_row;
  ProvChoiceRow       *bill_row;
  ProvChoiceRow       *payment_row;
  ProvCheckedRow      *iban_row;
  AdwActionRow        *iban_masked_row;
  ProvCheckedRow      *holder_row;
  ProvCheckedRow      *terminal_row;
  AdwPreferencesGroup *duplicates_group;
  AdwActionRow        *duplicates_status_row;
  GtkButton           *check_again_button;
  AdwActionRow        *new_customer_row;
  GtkCheckButton      *new_customer_check;
  AdwActionRow        *picked_row;
};

static void prov_options_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvOptionsPage, prov_options_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_options_page_iface_init))

static gboolean
pays_by_direct_debit (ProvOptionsPage *self)
{
  return g_strcmp0 (prov_choice_row_get_selected_id (self->payment_row), "terminal") != 0;
}

static const char *
picked_customer (ProvOptionsPage *self)
{
  return prov_order_get_field (self->context->order, PROV_ORDER_FIELD_CUSTOMER_ID);
}

/* ---- contract duration ---------------------------------------------------- */

/* The durations every line's package offers: one contract for the order. */
static void
list_terms (ProvOptionsPage *self)
{
  ProvCatalog *catalog = prov_sync_scheduler_get_catalog (self->context->scheduler);
  ProvOrder *order = self->context->order;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *chosen = prov_order_get_field (order, PROV_ORDER_FIELD_STOCKTAKING_CONTRACT_MONTHS);
  g_autoptr(GArray) common = g_array_new (FALSE, FALSE, sizeof (guint));
  guint selected = 0;

  for (guint l = 0; catalog != NULL && l < prov_order_get_n_lines (order); l++)
    {
      const char *id = prov_order_line_get_field (prov_order_get_line (order, l), PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID);
      ProvOffering *package = id != NULL ? prov_catalog_lookup (catalog, id) : NULL;
      guint n_terms = 0;
      const guint *terms = package != NULL ? prov_offering_get_terms (package, &n_terms) : NULL;

      if (l == 0)
        g_array_append_vals (common, terms, n_terms);
      for (guint i = common->len; i > 0; i--)
        if (package == NULL || !prov_offering_offers_term (package, g_array_index (common, guint, i - 1)))
          g_array_remove_index (common, i - 1);
    }

  g_array_set_size (self->terms, 0);
  for (guint i = 0; i < common->len; i++)
    {
      guint months = g_array_index (common, guint, i);
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", months), months);

      gtk_string_list_append (labels, label);
      g_array_append_val (self->terms, months);
      /* The longest unless chosen: what the packages are priced for. */
      if ((chosen != NULL && (guint) atoi (chosen) == months) || (chosen == NULL && i == common->len - 1))
        selected = i;
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->contract_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->contract_row, selected);
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->contract_row), self->terms->len > 0);
}

static void
store_term (ProvOptionsPage *self)
{
  guint selected = adw_combo_row_get_selected (self->contract_row);
  g_autofree char *months = selected < self->terms->len ? g_strdup_printf ("%u", g_array_index (self->terms, guint,
                                                                                                selected))
                                                        : NULL;

  /* The contract is the order's; the carrier reads it on each line. */
  for (guint i = 0; i < prov_order_get_n_lines (self->context->order); i++)
    prov_order_line_set_field (prov_order_get_line (self->context->order, i), PROV_ORDER_FIELD_STOCKTAKING_CONTRACT_MONTHS, months);
}

static void
on_contract_changed (ProvOptionsPage *self)
{
  if (self->filling || self->context == NULL)
    return;

  store_term (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

/* ---- payment ------------------------------------------------------------- */

static void
show_masked_iban (ProvOptionsPage *self)
{
  const char *iban = prov_order_get_field (self->context->order, PROV_ORDER_FIELD_PAYMENT_IBAN);
  g_autoptr(ProvId) id = iban != NULL ? prov_id_parse (PROV_ID_KIND_IBAN, iban) : NULL;
  g_autofree char *masked = id != NULL && id->valid ? prov_id_dup_masked (id) : NULL;

  adw_action_row_set_subtitle (self->iban_masked_row, masked != NULL ? masked : _("Not complete yet"));
}

/* Only the chosen method's details go to the carrier. */
static void
show_payment_method (ProvOptionsPage *self)
{
  gboolean debit = pays_by_direct_debit (self);

  gtk_widget_set_visible (GTK_WIDGET (self->iban_row), debit);
  gtk_widget_set_visible (GTK_WIDGET (self->iban_masked_row), debit);
  gtk_widget_set_visible (GTK_WIDGET (self->holder_row), debit);
  gtk_widget_set_visible (GTK_WIDGET (self->terminal_row), !debit);
  if (self->context == NULL)
    return;

  if (debit)
    {
      prov_checked_row_store (self->iban_row);
      prov_checked_row_store (self->holder_row);
      prov_page_set_field (self->context, PROV_ORDER_FIELD_PAYMENT_TERMINAL_REFERENCE, NULL);
    }
  else
    {
      prov_checked_row_store (self->terminal_row);
      prov_page_set_field (self->context, PROV_ORDER_FIELD_PAYMENT_IBAN, NULL);
      prov_page_set_field (self->context, PROV_ORDER_FIELD_PAYMENT_ACCOUNT_HOLDER, NULL);
    }
  show_masked_iban (self);
}

static void
on_payment_changed (ProvOptionsPage *self)
{
  show_payment_method (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_field_changed (ProvOptionsPage *self)
{
  show_masked_iban (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

/* ---- possible duplicates --------------------------------------------------- */

static void find_duplicates (ProvOptionsPage *self);

static void
clear_duplicate_rows (ProvOptionsPage *self)
{
  for (guint i = 0; i < self->duplicate_rows->len; i++)
    adw_preferences_group_remove (self->duplicates_group, g_ptr_array_index (self->duplicate_rows, i));
  g_ptr_array_set_size (self->duplicate_rows, 0);
}

static void
show_picked (ProvOptionsPage *self)
{
  const char *picked = picked_customer (self);
  gboolean any = self->duplicates != NULL && self->duplicates->len > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->picked_row), picked != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->new_customer_row), picked == NULL && any);
  if (picked != NULL)
    {
      /* Translators: %s is the customer's number at the carrier */
      g_autofree char *subtitle = g_strdup_printf (_("Customer number %s: no new customer is created"), picked);

      adw_action_row_set_subtitle (self->picked_row, subtitle);
    }
  for (guint i = 0; i < self->duplicate_rows->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->duplicate_rows, i), picked == NULL);
}

static void
on_use_duplicate (GtkButton       *button,
                  ProvOptionsPage *self)
{
  JsonObject *customer = g_object_get_data (G_OBJECT (button), "prov-customer");

  prov_page_set_field (self->context, PROV_ORDER_FIELD_CUSTOMER_ID, prov_json_object_get_string (customer, "id"));
  prov_page_set_field (self->context, PROV_ORDER_FIELD_CUSTOMER_NEW_CONFIRMED, NULL);
  show_picked (self);
  g_debug ("Order %s uses the carrier's customer %s", prov_order_get_uuid (self->context->order),
           prov_json_object_get_string (customer, "id"));
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_create_new_instead (ProvOptionsPage *self)
{
  prov_page_set_field (self->context, PROV_ORDER_FIELD_CUSTOMER_ID, NULL);
  show_picked (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_customer_check));
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_new_customer_toggled (ProvOptionsPage *self)
{
  if (self->filling || self->context == NULL)
    return;

  prov_page_set_field (self->context, PROV_ORDER_FIELD_CUSTOMER_NEW_CONFIRMED,
                       gtk_check_button_get_active (self->new_customer_check) ? "true" : NULL);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static GtkWidget *
new_duplicate_row (ProvOptionsPage *self,
                   ProvDuplicate   *duplicate)
{
  const char *name = prov_json_object_get_string (duplicate->customer, "name");
  g_autofree char *reasons = prov_duplicate_reasons_dup_label (duplicate->reasons);
  g_autofree char *details = prov_customer_duplicates_dup_details (duplicate->customer);
  /* Translators: %s is the customer's number at the carrier */
  g_autofree char *number = g_strdup_printf (_("Customer number %s"), prov_json_object_get_string (duplicate->customer, "id"));
  g_autofree char *use_label = g_strdup_printf (_("Use %s for this order"), name != NULL ? name : "");
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *details_row = adw_action_row_new ();
  GtkWidget *use = gtk_button_new_with_mnemonic (_("_Use This Customer"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : _("Unnamed customer"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), reasons);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (details_row), number);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (details_row), details);
  gtk_widget_set_focusable (details_row, FALSE);
  gtk_widget_set_valign (use, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (use), GTK_ACCESSIBLE_PROPERTY_LABEL, use_label, -1);
  g_object_set_data_full (G_OBJECT (use), "prov-customer", json_object_ref (duplicate->customer),
                          (GDestroyNotify) json_object_unref);
  g_signal_connect (use, "clicked", G_CALLBACK (on_use_duplicate), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (details_row), use);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), details_row);
  return row;
}

static void
show_duplicates (ProvOptionsPage *self)
{
  g_autofree char *status = NULL;

  clear_duplicate_rows (self);
  if (self->duplicates->len == 0)
    status = g_strdup (_("No customer at the carrier matches: this is a new customer"));
  else
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u customer at the carrier may be this one: open it to compare",
                                           "%u customers at the carrier may be this one: open each to compare",
                                           self->duplicates->len),
                              self->duplicates->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->duplicates_status_row), status);

  for (guint i = 0; i < self->duplicates->len; i++)
    {
      GtkWidget *row = new_duplicate_row (self, g_ptr_array_index (self->duplicates, i));

      adw_preferences_group_add (self->duplicates_group, row);
      g_ptr_array_add (self->duplicate_rows, row);
    }
  /* The confirmation comes after the list it is about. */
  g_object_ref (self->new_customer_row);
  adw_preferences_group_remove (self->duplicates_group, GTK_WIDGET (self->new_customer_row));
  adw_preferences_group_add (self->duplicates_group, GTK_WIDGET (self->new_customer_row));
  g_object_unref (self->new_customer_row);
  show_picked (self);
}

static void
on_duplicates_found (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  ProvOptionsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = prov_customer_duplicates_find_finish (PROV_CARRIER_SESSION (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->check_again_button), TRUE);
  if (found == NULL)
    {
      /* Translators: %s says why, e.g. "Could not connect to 127.0.0.1" */
      g_autofree char *status = g_strdup_printf (_("Could not be checked: %s. It is checked again before the order is sent."),
                                                 error->message);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->duplicates_status_row), status);
      prov_page_set_field (self->context, PROV_ORDER_FIELD_CUSTOMER_DUPLICATES_CHECKED, "false");
      prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
      return;
    }

  g_clear_pointer (&self->duplicates, g_ptr_array_unref);
  self->duplicates = g_steal_pointer (&found);
  prov_page_set_field (self->context, PROV_ORDER_FIELD_CUSTOMER_DUPLICATES_CHECKED, "true");
  show_duplicates (self);
  g_debug ("Possible duplicates of order %s: %u found", prov_order_get_uuid (self->context->order),
           self->duplicates->len);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
find_duplicates (ProvOptionsPage *self)
{
  ProvCarrierSession *session = prov_sync_scheduler_get_reachable_session (self->context->scheduler);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (session == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->duplicates_status_row),
                                     _("Could not be checked: the carrier cannot be reached. It is checked again before the order is sent."));
      prov_page_set_field (self->context, PROV_ORDER_FIELD_CUSTOMER_DUPLICATES_CHECKED, "false");
      g_debug ("Possible duplicates of order %s: not checked, offline", prov_order_get_uuid (self->context->order));
      return;
    }

  self->cancellable = g_cancellable_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->duplicates_status_row),
                                 _("Asking the carrier for customers like this one…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_again_button), FALSE);
  prov_customer_duplicates_find_async (session, self->context->order, self->cancellable, on_duplicates_found, self);
}

static void
on_check_again (ProvOptionsPage *self)
{
  find_duplicates (self);
}

/* Asks the carrier when what identifies the customer changed since the
 * last answer, e.g. after going back to correct the e-mail; not each
 * time the page is shown. */
static void
find_duplicates_if_changed (ProvOptionsPage *self)
{
  static const char * const keys[] = {
    PROV_ORDER_FIELD_CUSTOMER_NAME, PROV_ORDER_FIELD_SERVICE_POSTCODE, PROV_ORDER_FIELD_CUSTOMER_EMAIL, PROV_ORDER_FIELD_CUSTOMER_PHONE, PROV_ORDER_FIELD_CUSTOMER_ID_NUMBER,
  };
  g_autoptr(GString) identity = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_string_append_printf (identity, "%s\n", prov_order_get_field (self->context->order, keys[i]) ?: "");

  if (self->duplicates != NULL && g_strcmp0 (identity->str, self->searched_for) == 0)
    return;

  g_free (self->searched_for);
  self->searched_for = g_string_free (g_steal_pointer (&identity), FALSE);
  find_duplicates (self);
}

static void
on_add_line (ProvOptionsPage *self)
{
  prov_order_add_line (self->context->order);
  prov_assistant_page_request_page (PROV_ASSISTANT_PAGE (self), "lines");
}

/* ---- the page ------------------------------------------------------------ */

static void
prov_options_page_load (ProvAssistantPage *page,
                        ProvPageContext   *context)
{
  ProvOptionsPage *self = PROV_OPTIONS_PAGE (page);

  self->context = context;

  /* Today unless the clerk says otherwise, as the portal does. */
  if (prov_order_get_field (context->order, PROV_ORDER_FIELD_STOCKTAKING_START_DATE) == NULL)
    {
      g_autofree char *today = prov_page_dup_today ();

      prov_page_set_field (context, PROV_ORDER_FIELD_STOCKTAKING_START_DATE, today);
    }
  prov_checked_row_load (self->start_date_row, context);
  list_terms (self);
  store_term (self);
  prov_choice_row_load (self->bill_row, context);
  prov_choice_row_load (self->payment_row, context);
  prov_checked_row_load (self->iban_row, context);
  prov_checked_row_load (self->holder_row, context);
  prov_checked_row_load (self->terminal_row, context);
  show_payment_method (self);

  self->filling = TRUE;
  gtk_check_button_set_active (self->new_customer_check,
                               g_strcmp0 (prov_order_get_field (context->order, PROV_ORDER_FIELD_CUSTOMER_NEW_CONFIRMED), "true") == 0);
  self->filling = FALSE;

  show_picked (self);
  find_duplicates_if_changed (self);
}

static gboolean
prov_options_page_get_complete (ProvAssistantPage *page)
{
  ProvOptionsPage *self = PROV_OPTIONS_PAGE (page);
  gboolean payment_complete;
  gboolean customer_decided;

  if (self->context == NULL)
    return FALSE;

  payment_complete = pays_by_direct_debit (self)
    ? prov_checked_row_is_valid (self->iban_row) && prov_checked_row_is_valid (self->holder_row)
    : prov_checked_row_is_valid (self->terminal_row);
  /* Each possible duplicate was looked at: one was picked, or none is it. */
  customer_decided = picked_customer (self) != NULL || self->duplicates == NULL || self->duplicates->len == 0 ||
                     gtk_check_button_get_active (self->new_customer_check);

  return prov_checked_row_is_valid (self->start_date_row) && payment_complete && customer_decided;
}

/* Where the clerk has something left to type. */
static void
prov_options_page_focus_first (ProvAssistantPage *page)
{
  ProvOptionsPage *self = PROV_OPTIONS_PAGE (page);
  ProvCheckedRow *rows[] = { self->start_date_row, self->iban_row, self->holder_row, self->terminal_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (gtk_widget_get_visible (GTK_WIDGET (rows[i])) && !prov_checked_row_is_valid (rows[i]))
      {
        gtk_widget_grab_focus (GTK_WIDGET (rows[i]));
        return;
      }
  gtk_widget_grab_focus (GTK_WIDGET (self->start_date_row));
}

static const char *
prov_options_page_get_title (ProvAssistantPage *page)
{
  return _("Options, Payment and Duplicates");
}

static void
prov_options_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->id = "options";
  iface->get_title = prov_options_page_get_title;
  iface->load = prov_options_page_load;
  iface->get_complete = prov_options_page_get_complete;
  iface->focus_first = prov_options_page_focus_first;
}

static void
prov_options_page_dispose (GObject *object)
{
  ProvOptionsPage *self = PROV_OPTIONS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->duplicates, g_ptr_array_unref);
  g_clear_pointer (&self->duplicate_rows, g_ptr_array_unref);
  g_clear_pointer (&self->searched_for, g_free);
  g_clear_pointer (&self->terms, g_array_unref);

  G_OBJECT_CLASS (prov_options_page_parent_class)->dispose (object);
}

static void
prov_options_page_class_init (ProvOptionsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = prov_options_page_dispose;

  g_type_ensure (PROV_TYPE_CHECKED_ROW);
  g_type_ensure (PROV_TYPE_CHOICE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Provisioner/assistant/pages/prov-options-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvOptionsPage, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, ProvOptionsPage, contract_row);
  gtk_widget_class_bind_template_child (widget_class, ProvOptionsPage, bill_row);
  gtk_widget_class_bind_template_child (widget_class, ProvOptionsPage, payment_row);
  gtk_widget_class_bind_template_child (widget_class, ProvOptionsPage, iban_row);
  gtk_widget_class_bind_template_child (widget_class, ProvOptionsPage, iban_masked_row);
  gtk_widget_class_bind_template_child (widget_class, ProvOptionsPage, holder_row);
  gtk_widget_class_bind_template_child (widget_class, ProvOptionsPage, terminal_row);
  gtk_widget_class_bind_template_child (widget_class, ProvOptionsPage, duplicates_group);
  gtk_widget_class_bind_template_child (widget_class, ProvOptionsPage, duplicates_status_row);
  gtk_widget_class_bind_template_child (widget_class, ProvOptionsPage, check_again_button);
  gtk_widget_class_bind_template_child (widget_class, ProvOptionsPage, new_customer_row);
  gtk_widget_class_bind_template_child (widget_class, ProvOptionsPage, new_customer_check);
  gtk_widget_class_bind_template_child (widget_class, ProvOptionsPage, picked_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_contract_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_payment_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_new_customer_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_create_new_instead);
  gtk_widget_class_bind_template_callback (widget_class, on_check_again);
  gtk_widget_class_bind_template_callback (widget_class, on_add_line);
}

static void
prov_options_page_init (ProvOptionsPage *self)
{
  self->terms = g_array_new (FALSE, FALSE, sizeof (guint));
  self->duplicate_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  prov_choice_row_set_choices (self->bill_row, bill_formats, G_N_ELEMENTS (bill_formats));
  prov_choice_row_set_choices (self->payment_row, payment_methods, G_N_ELEMENTS (payment_methods));
}
