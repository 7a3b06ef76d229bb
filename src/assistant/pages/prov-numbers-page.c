#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-checked-row.h"
#include "prov-choice-row.h"
#include "prov-number-pricing.h"
#include "prov-numbers-page.h"

/*
 * The reseller portal's Numbers step: filters (how many, prefix, grade,
 * how chosen, which pool), Search at the carrier (a TMF685 availability
 * check), then Add one number, or tick several and Add Ticked Numbers;
 * what is added is reserved at the carrier and becomes a line of the
 * order. The chosen numbers are priced by the price list as they come and
 * go. Offline, the numbers this till reserved earlier are offered instead.
 */

/* The geographic blocks' numbering plan: a prefix typed nationally
 * ("0121737") is the pool's country's. */
#define POOL_COUNTRY_CODE "44"

static const ProvChoice grades[] = {
  { "any", N_("Any grade") },
  { "gold", N_("Gold") },
  { "silver", N_("Silver") },
  { "standard", N_("Standard") },
};

static const ProvChoice selections[] = {
  { "next", N_("Next available") },
  { "random", N_("Random") },
  { "contains", N_("Containing given digits") },
};

struct _ProvNumbersPage
{
  AdwBin               parent_instance;

  ProvPageContext     *context;
  GCancellable        *cancellable;
  GPtrArray           *found;          /* ProvAvailableNumber */
  gboolean             found_offline;
  GPtrArray           *found_rows;
  GPtrArray           *chosen_rows;

  GtkSpinButton       *count_spin;
  ProvCheckedRow      *prefix_row;
  ProvChoiceRow       *grade_row;
  ProvChoiceRow       *selection_row;
  ProvCheckedRow      *contains_row;
  ProvChoiceRow       *pool_row;
  GtkButton           *search_button;
  GtkLabel            *status_label;
  AdwPreferencesGroup *found_group;
  AdwPreferencesGroup *chosen_group;
  AdwActionRow        *total_row;
};

static void prov_numbers_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvNumbersPage, prov_numbers_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_numbers_page_iface_init))

static void show_chosen (ProvNumbersPage *self);
static void show_found (ProvNumbersPage *self);
static void focus_found (ProvNumbersPage *self);

static ProvCatalog *
catalog_of (ProvNumbersPage *self)
{
  return prov_sync_scheduler_get_catalog (self->context->scheduler);
}

/* The price list the clerk chose on Billing, or the carrier's first. */
static char *
dup_price_list (ProvNumbersPage *self)
{
  const char *chosen = prov_order_get_field (self->context->order, PROV_ORDER_FIELD_BILLING_PRICE_LIST);
  g_autoptr(GListModel) lists = NULL;
  g_autoptr(ProvOffering) first = NULL;

  if (chosen != NULL || catalog_of (self) == NULL)
    return g_strdup (chosen);

  lists = prov_catalog_list (catalog_of (self), PROV_OFFERING_ROLE_NUMBER_PRICE_LIST, NULL, NULL, NULL);
  first = g_list_model_get_n_items (lists) > 0 ? g_list_model_get_item (lists, 0) : NULL;
  return first != NULL ? g_strdup (prov_offering_get_id (first)) : NULL;
}

/* "£ 50.00 once, £ 2.00 a month" for a number of @grade. */
static char *
dup_grade_price (ProvNumbersPage *self,
                 const char      *grade)
{
  g_autofree char *list = dup_price_list (self);
  ProvOffering *price = list != NULL && catalog_of (self) != NULL
                        ? prov_catalog_find_number_price (catalog_of (self), list, grade) : NULL;
  double once = 0;
  double monthly = 0;
  const char *currency = NULL;

  if (price == NULL)
    return g_strdup (_("No price in this price list"));

  prov_offering_get_one_time_fee (price, &once, &currency);
  prov_offering_get_monthly_fee (price, &monthly, &currency);
  /* Translators: a number's price: the currency and amount once, then a month */
  return g_strdup_printf (_("%s %.2f once, %s %.2f a month"), prov_currency_get_symbol (currency), once,
                          prov_currency_get_symbol (currency), monthly);
}

static const char *
grade_title (const char *grade)
{
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    if (g_strcmp0 (grades[i].id, grade) == 0)
      return _(grades[i].label);
  return grade;
}

/* ---- the order's numbers --------------------------------------------------- */

static gboolean
order_has_number (ProvNumbersPage *self,
                  const char      *msisdn)
{
  for (guint i = 0; i < prov_order_get_n_lines (self->context->order); i++)
    if (g_strcmp0 (prov_order_line_get_field (prov_order_get_line (self->context->order, i), PROV_ORDER_FIELD_NUMBER_MSISDN),
                   msisdn) == 0)
      return TRUE;
  return FALSE;
}

/* Each number is a line of its own, of the service type; the first one
 * takes the order's empty line. */
static void
add_number_line (ProvNumbersPage *self,
                 const char      *msisdn,
                 const char      *grade,
                 const char      *source)
{
  ProvOrder *order = self->context->order;
  ProvOrderLine *line = prov_order_get_line (order, 0);

  if (order_has_number (self, msisdn))
    return;
  if (prov_order_line_get_field (line, PROV_ORDER_FIELD_NUMBER_MSISDN) != NULL)
    line = prov_order_add_line (order);

  prov_order_line_set_field (line, PROV_ORDER_FIELD_NUMBER_MSISDN, msisdn);
  prov_order_line_set_field (line, PROV_ORDER_FIELD_NUMBER_GRADE, grade);
  prov_order_line_set_field (line, PROV_ORDER_FIELD_NUMBER_SOURCE, source);
  prov_order_line_set_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, prov_order_get_field (order, PROV_ORDER_FIELD_SERVICE_TYPE));
  prov_order_line_set_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_NAME, prov_order_get_field (order, PROV_ORDER_FIELD_SERVICE_TYPE_NAME));
  g_debug ("Number %s added to order %s", msisdn, prov_order_get_uuid (order));
}

static const char *
grade_of_found (ProvNumbersPage *self,
                const char      *msisdn)
{
  for (guint i = 0; self->found != NULL && i < self->found->len; i++)
    {
      ProvAvailableNumber *number = g_ptr_array_index (self->found, i);

      if (g_str_equal (number->msisdn, msisdn))
        return number->grade;
    }
  return "standard";
}

typedef struct {
  ProvNumbersPage *self;
  GStrv            asked;
} Reserving;

static void
reserving_free (Reserving *reserving)
{
  g_object_unref (reserving->self);
  g_strfreev (reserving->asked);
  g_free (reserving);
}

static void
on_reserved (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Reserving *reserving = user_data;
  ProvNumbersPage *self = reserving->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reservation = prov_carrier_client_reserve_numbers_finish (PROV_CARRIER_CLIENT (source), result,
                                                                               &error);
  g_auto(GStrv) reserved = reservation != NULL
                           ? prov_carrier_reservation_dup_numbers (reservation, g_strv_length (reserving->asked),
                                                                   (const char * const *) reserving->asked,
                                                                   NULL, NULL, NULL)
                           : NULL;
  guint taken = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->context == NULL)
    {
      reserving_free (reserving);
      return;
    }

  for (guint i = 0; reserving->asked[i] != NULL; i++)
    if (reserved != NULL && g_strv_contains ((const char * const *) reserved, reserving->asked[i]))
      add_number_line (self, reserving->asked[i], grade_of_found (self, reserving->asked[i]), "carrier");
    else
      taken++;

  if (error != NULL)
    gtk_label_set_label (self->status_label, error->message);
  else if (taken > 0)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u number was taken meanwhile: search again",
                                                               "%u numbers were taken meanwhile: search again", taken),
                                                  taken);

      gtk_label_set_label (self->status_label, message);
    }

  show_chosen (self);
  show_found (self);
  focus_found (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
  reserving_free (reserving);
}

/* What the clerk adds is held for them at the carrier first. */
static void
add_numbers (ProvNumbersPage    *self,
             const char * const *msisdns)
{
  ProvCarrierSession *session = prov_sync_scheduler_get_reachable_session (self->context->scheduler);
  Reserving *reserving;

  if (msisdns[0] == NULL)
    return;

  if (self->found_offline || session == NULL)
    {
      for (guint i = 0; msisdns[i] != NULL; i++)
        add_number_line (self, msisdns[i], grade_of_found (self, msisdns[i]), "cache");
      show_chosen (self);
      show_found (self);
      focus_found (self);
      prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
      return;
    }

  reserving = g_new0 (Reserving, 1);
  reserving->self = g_object_ref (self);
  reserving->asked = g_strdupv ((char **) msisdns);
  prov_carrier_client_reserve_these_numbers_async (prov_carrier_session_get_client (session),
                                                   prov_carrier_session_get_dealer_code (session),
                                                   prov_choice_row_get_selected_id (self->pool_row), msisdns,
                                                   self->cancellable, on_reserved, reserving);
}

static void
on_remove_clicked (GtkButton       *button,
                   ProvNumbersPage *self)
{
  ProvOrder *order = self->context->order;
  const char *msisdn = g_object_get_data (G_OBJECT (button), "prov-msisdn");

  for (guint i = 0; i < prov_order_get_n_lines (order); i++)
    {
      ProvOrderLine *line = prov_order_get_line (order, i);

      if (g_strcmp0 (prov_order_line_get_field (line, PROV_ORDER_FIELD_NUMBER_MSISDN), msisdn) != 0)
        continue;

      /* The order keeps one line: the last number leaves it empty. */
      if (prov_order_get_n_lines (order) > 1)
        prov_order_remove_line (order, i);
      else
        {
          g_auto(GStrv) keys = prov_order_line_dup_field_keys (line);

          for (guint k = 0; keys[k] != NULL; k++)
            prov_order_line_set_field (line, keys[k], NULL);
        }
      g_debug ("Number %s removed from order %s", msisdn, prov_order_get_uuid (order));
      break;
    }

  show_chosen (self);
  show_found (self);
  focus_found (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static GtkWidget *
new_flat_button (const char *icon,
                 const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* The chosen numbers, each priced, and the totals under the price list. */
static void
show_chosen (ProvNumbersPage *self)
{
  g_autofree char *list = dup_price_list (self);
  g_autoptr(ProvNumberPricing) pricing = prov_number_pricing_new (catalog_of (self), list, self->context->order);
  g_autofree char *once = prov_number_pricing_dup_amount (pricing, pricing->one_time_total);
  g_autofree char *monthly = prov_number_pricing_dup_amount (pricing, pricing->monthly_total);
  g_autofree char *total = NULL;

  clear_rows (self->chosen_group, self->chosen_rows);
  for (guint i = 0; i < pricing->numbers->len; i++)
    {
      const ProvNumberPrice *price = &g_array_index (pricing->numbers, ProvNumberPrice, i);
      g_autofree char *label = g_strdup_printf (_("Remove %s"), price->msisdn);
      g_autofree char *price_text = dup_grade_price (self, price->grade);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", grade_title (price->grade), price_text);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = new_flat_button ("list-remove-symbolic", label);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), price->msisdn);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_focusable (row, FALSE);
      g_object_set_data_full (G_OBJECT (remove), "prov-msisdn", g_strdup (price->msisdn), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->chosen_group, row);
      g_ptr_array_add (self->chosen_rows, row);
    }

  /* Translators: the chosen numbers' total: once, then a month */
  total = g_strdup_printf (_("%s once, %s a month"), once, monthly);
  adw_action_row_set_subtitle (self->total_row, total);
  gtk_widget_set_visible (GTK_WIDGET (self->chosen_group), pricing->numbers->len > 0);
  /* The total stays last. */
  g_object_ref (self->total_row);
  adw_preferences_group_remove (self->chosen_group, GTK_WIDGET (self->total_row));
  adw_preferences_group_add (self->chosen_group, GTK_WIDGET (self->total_row));
  g_object_unref (self->total_row);
  g_debug ("Numbers of order %s: %u, %s", prov_order_get_uuid (self->context->order), pricing->numbers->len, total);
}

/* ---- what the search found ------------------------------------------------ */

static void
on_add_clicked (GtkButton       *button,
                ProvNumbersPage *self)
{
  const char *msisdns[] = { g_object_get_data (G_OBJECT (button), "prov-msisdn"), NULL };

  add_numbers (self, msisdns);
}

static GtkCheckButton *
tick_of (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "prov-tick");
}

static void
set_all_ticked (ProvNumbersPage *self,
                gboolean         ticked)
{
  for (guint i = 0; i < self->found_rows->len; i++)
    gtk_check_button_set_active (tick_of (g_ptr_array_index (self->found_rows, i)), ticked);
}

static void
on_select_all (ProvNumbersPage *self)
{
  set_all_ticked (self, TRUE);
}

static void
on_deselect_all (ProvNumbersPage *self)
{
  set_all_ticked (self, FALSE);
}

static void
on_add_ticked (ProvNumbersPage *self)
{
  g_autoptr(GStrvBuilder) ticked = g_strv_builder_new ();
  g_auto(GStrv) msisdns = NULL;

  for (guint i = 0; i < self->found_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->found_rows, i);

      if (gtk_check_button_get_active (tick_of (row)))
        g_strv_builder_add (ticked, g_object_get_data (G_OBJECT (row), "prov-msisdn"));
    }
  msisdns = g_strv_builder_end (ticked);
  add_numbers (self, (const char * const *) msisdns);
  set_all_ticked (self, FALSE);
}

/* The clerk goes on picking: the keyboard is at the first number found,
 * or back at Search when none is left. */
static void
focus_found (ProvNumbersPage *self)
{
  if (self->found_rows->len > 0)
    gtk_widget_grab_focus (GTK_WIDGET (g_object_get_data (g_ptr_array_index (self->found_rows, 0), "prov-tick")));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_button));
}

static void
show_found (ProvNumbersPage *self)
{
  clear_rows (self->found_group, self->found_rows);
  for (guint i = 0; self->found != NULL && i < self->found->len; i++)
    {
      ProvAvailableNumber *number = g_ptr_array_index (self->found, i);

      /* What was added is among the chosen numbers now. */
      if (order_has_number (self, number->msisdn))
        continue;

      {
      g_autofree char *add_label = g_strdup_printf (_("Add %s"), number->msisdn);
      g_autofree char *price = dup_grade_price (self, number->grade);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", grade_title (number->grade), price);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *tick = gtk_check_button_new ();
      GtkWidget *add = gtk_button_new_with_label (_("Add"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), number->msisdn);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_accessible_update_property (GTK_ACCESSIBLE (tick), GTK_ACCESSIBLE_PROPERTY_LABEL, number->msisdn, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), tick);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), tick);
      /* Tab goes tick, Add, next tick: the row is clicked, not focused. */
      gtk_widget_set_focusable (row, FALSE);
      gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
      g_object_set_data_full (G_OBJECT (add), "prov-msisdn", g_strdup (number->msisdn), g_free);
      g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);
      g_object_set_data (G_OBJECT (row), "prov-tick", tick);
      g_object_set_data_full (G_OBJECT (row), "prov-msisdn", g_strdup (number->msisdn), g_free);
      adw_preferences_group_add (self->found_group, row);
      g_ptr_array_add (self->found_rows, row);
      }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->found_group), self->found_rows->len > 0);
}

static void
on_numbers_found (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ProvNumbersPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = prov_carrier_client_search_numbers_finish (PROV_CARRIER_CLIENT (source), result,
                                                                         &error);
  g_autofree char *status = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->search_button), TRUE);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  self->found = g_steal_pointer (&found);
  self->found_offline = FALSE;
  if (self->found == NULL)
    status = g_strdup (error->message);
  else if (self->found->len == 0)
    status = g_strdup (_("No free number meets the search"));
  else
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u number found", "%u numbers found", self->found->len),
                              self->found->len);
  gtk_label_set_label (self->status_label, status);
  show_found (self);
  focus_found (self);
  g_debug ("Number search of order %s: %s", prov_order_get_uuid (self->context->order), status);
}

static void
on_cache_listed (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ProvNumbersPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) numbers = prov_store_list_free_numbers_finish (PROV_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_pointer (&self->found, g_ptr_array_unref);
  self->found = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_available_number_free);
  self->found_offline = TRUE;
  for (guint i = 0; numbers != NULL && numbers[i] != NULL; i++)
    {
      ProvAvailableNumber *number = g_new0 (ProvAvailableNumber, 1);

      number->msisdn = g_strdup (numbers[i]);
      number->grade = g_strdup ("standard");
      g_ptr_array_add (self->found, number);
    }
  gtk_label_set_label (self->status_label,
                       _("Number search needs the carrier, which cannot be reached: these are the numbers this till "
                         "reserved earlier"));
  show_found (self);
  g_debug ("Number search of order %s: offline, %u from the reserve", prov_order_get_uuid (self->context->order),
           self->found->len);
}

/* "0121737" typed nationally is "+44121737". */
static char *
dup_e164_prefix (const char *typed)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *c = typed; c != NULL && *c != '\0'; c++)
    if (g_ascii_isdigit (*c) || (*c == '+' && digits->len == 0))
      g_string_append_c (digits, *c);

  if (digits->len == 0)
    return NULL;
  if (digits->str[0] == '+')
    return g_string_free (g_steal_pointer (&digits), FALSE);
  if (digits->str[0] == '0')
    return g_strconcat ("+" POOL_COUNTRY_CODE, digits->str + 1, NULL);
  return g_strconcat ("+", digits->str, NULL);
}

static void
on_search (ProvNumbersPage *self)
{
  ProvCarrierSession *session = prov_sync_scheduler_get_reachable_session (self->context->scheduler);
  g_autofree char *prefix = dup_e164_prefix (gtk_editable_get_text (GTK_EDITABLE (self->prefix_row)));
  const char *grade = prov_choice_row_get_selected_id (self->grade_row);
  const char *selection = prov_choice_row_get_selected_id (self->selection_row);
  const char *contains = gtk_editable_get_text (GTK_EDITABLE (self->contains_row));
  ProvNumberSearch search = {
    .pool = prov_choice_row_get_selected_id (self->pool_row),
    .prefix = prefix,
    .grade = g_strcmp0 (grade, "any") != 0 ? grade : NULL,
    .contains = g_strcmp0 (selection, "contains") == 0 && *contains != '\0' ? contains : NULL,
    .selection = selection,
    .count = (guint) gtk_spin_button_get_value_as_int (self->count_spin),
  };

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (session == NULL)
    {
      prov_store_list_free_numbers_async (self->context->store, prov_order_get_uuid (self->context->order),
                                          self->cancellable, on_cache_listed, self);
      return;
    }

  if (g_strcmp0 (selection, "contains") == 0 && *contains == '\0')
    {
      prov_checked_row_reveal (self->contains_row);
      gtk_widget_grab_focus (GTK_WIDGET (self->contains_row));
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->search_button), FALSE);
  gtk_label_set_label (self->status_label, _("Asking the carrier…"));
  prov_carrier_client_search_numbers_async (prov_carrier_session_get_client (session), &search, self->cancellable,
                                            on_numbers_found, self);
}

/* ---- the page -------------------------------------------------------------- */

static void
on_count_changed (ProvNumbersPage *self)
{
  g_autofree char *count = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->count_spin));

  if (self->context != NULL)
    prov_page_set_field (self->context, PROV_ORDER_FIELD_NUMBERS_COUNT, count);
}

static void
on_selection_changed (ProvNumbersPage *self)
{
  gboolean contains = g_strcmp0 (prov_choice_row_get_selected_id (self->selection_row), "contains") == 0;

  g_object_set (self->contains_row, "rule", contains ? "required" : "optional", NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->contains_row), contains);
}

static void
on_field_changed (ProvNumbersPage *self)
{
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_search_activated (ProvNumbersPage *self)
{
  on_search (self);
}

/* The public pool, and the customer's own numbers once they have some. */
static void
list_pools (ProvNumbersPage *self)
{
  const char *customer = prov_order_get_field (self->context->order, PROV_ORDER_FIELD_CUSTOMER_ID);
  g_autofree char *own = customer != NULL ? g_strconcat ("customer:", customer, NULL) : NULL;
  const char *ids[] = { "geographic", own, NULL };
  const char *labels[] = { _("Public pool"), _("The customer's own numbers"), NULL };

  prov_choice_row_set_dynamic (self->pool_row, ids, labels);
  prov_choice_row_load (self->pool_row, self->context);
}

static void
prov_numbers_page_load (ProvAssistantPage *page,
                        ProvPageContext   *context)
{
  ProvNumbersPage *self = PROV_NUMBERS_PAGE (page);
  const char *count = prov_order_get_field (context->order, PROV_ORDER_FIELD_NUMBERS_COUNT);

  self->context = context;
  gtk_spin_button_set_value (self->count_spin, count != NULL ? g_ascii_strtod (count, NULL) : 5);
  prov_checked_row_load (self->prefix_row, context);
  prov_choice_row_load (self->grade_row, context);
  prov_choice_row_load (self->selection_row, context);
  prov_checked_row_load (self->contains_row, context);
  list_pools (self);
  on_selection_changed (self);
  show_found (self);
  show_chosen (self);
}

static gboolean
prov_numbers_page_get_complete (ProvAssistantPage *page)
{
  ProvNumbersPage *self = PROV_NUMBERS_PAGE (page);

  return self->context != NULL &&
         prov_order_line_get_field (prov_order_get_line (self->context->order, 0), PROV_ORDER_FIELD_NUMBER_MSISDN) != NULL;
}

/* A customer account alone has no numbers. */
static gboolean
prov_numbers_page_should_skip (ProvAssistantPage *page,
                               ProvPageContext   *context)
{
  return g_strcmp0 (prov_order_get_field (context->order, PROV_ORDER_FIELD_SERVICE_ACCOUNT_ONLY), "true") == 0;
}

static void
prov_numbers_page_focus_first (ProvAssistantPage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (PROV_NUMBERS_PAGE (page)->prefix_row));
}

static const char *
prov_numbers_page_get_title (ProvAssistantPage *page)
{
  return _("Numbers");
}

static void
prov_numbers_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->id = "numbers";
  iface->get_title = prov_numbers_page_get_title;
  iface->load = prov_numbers_page_load;
  iface->get_complete = prov_numbers_page_get_complete;
  iface->should_skip = prov_numbers_page_should_skip;
  iface->focus_first = prov_numbers_page_focus_first;
}

static void
prov_numbers_page_dispose (GObject *object)
{
  ProvNumbersPage *self = PROV_NUMBERS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  g_clear_pointer (&self->found_rows, g_ptr_array_unref);
  g_clear_pointer (&self->chosen_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (prov_numbers_page_parent_class)->dispose (object);
}

static void
prov_numbers_page_class_init (ProvNumbersPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = prov_numbers_page_dispose;

  g_type_ensure (PROV_TYPE_CHECKED_ROW);
  g_type_ensure (PROV_TYPE_CHOICE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Provisioner/assistant/pages/prov-numbers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvNumbersPage, count_spin);
  gtk_widget_class_bind_template_child (widget_class, ProvNumbersPage, prefix_row);
  gtk_widget_class_bind_template_child (widget_class, ProvNumbersPage, grade_row);
  gtk_widget_class_bind_template_child (widget_class, ProvNumbersPage, selection_row);
  gtk_widget_class_bind_template_child (widget_class, ProvNumbersPage, contains_row);
  gtk_widget_class_bind_template_child (widget_class, ProvNumbersPage, pool_row);
  gtk_widget_class_bind_template_child (widget_class, ProvNumbersPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, ProvNumbersPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ProvNumbersPage, found_group);
  gtk_widget_class_bind_template_child (widget_class, ProvNumbersPage, chosen_group);
  gtk_widget_class_bind_template_child (widget_class, ProvNumbersPage, total_row);
  gtk_widget_class_bind_template_callback (widget_class, on_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_count_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_select_all);
  gtk_widget_class_bind_template_callback (widget_class, on_deselect_all);
  gtk_widget_class_bind_template_callback (widget_class, on_add_ticked);
}

static void
prov_numbers_page_init (ProvNumbersPage *self)
{
  self->found_rows = g_ptr_array_new ();
  self->chosen_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  prov_choice_row_set_choices (self->grade_row, grades, G_N_ELEMENTS (grades));
  prov_choice_row_set_choices (self->selection_row, selections, G_N_ELEMENTS (selections));
}
