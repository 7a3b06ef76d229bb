#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "prov-confirmation.h"
#include "prov-number-pricing.h"
#include "prov-order-field.h"
#include "prov-order-kind.h"
#include "prov-order-reference.h"

/*
 * The confirmation reads the order through the field registry, as the
 * overview does, but groups it the way a customer reads a contract: who,
 * what on each line, what it costs, what was agreed, what to do next.
 */

struct _ProvConfirmation
{
  GObject           parent_instance;

  ProvStoreProfile *store;
  char             *carrier_name;
  char             *kind_title;
  char             *reference;
  char             *clerk;
  char             *printed_at;
  GPtrArray        *blocks;
};

G_DEFINE_FINAL_TYPE (ProvConfirmation, prov_confirmation, G_TYPE_OBJECT)

ProvStoreProfile *
prov_store_profile_new (const char *name,
                        const char *address,
                        const char *phone,
                        const char *dealer_code,
                        const char *logo_path)
{
  ProvStoreProfile *profile = g_new0 (ProvStoreProfile, 1);

  profile->name = g_strdup (name);
  profile->address = g_strdup (address);
  profile->phone = g_strdup (phone);
  profile->dealer_code = g_strdup (dealer_code);
  profile->logo_path = logo_path != NULL && *logo_path != '\0' ? g_strdup (logo_path) : NULL;
  return profile;
}

void
prov_store_profile_free (ProvStoreProfile *profile)
{
  if (profile == NULL)
    return;
  g_free (profile->name);
  g_free (profile->address);
  g_free (profile->phone);
  g_free (profile->dealer_code);
  g_free (profile->logo_path);
  g_free (profile);
}

static void
block_free (ProvConfirmationBlock *block)
{
  g_free (block->title);
  g_free (block->value);
  g_free (block->one_time);
  g_free (block->monthly);
  g_free (block);
}

/* Sums of one currency. */
typedef struct {
  double one_time;
  double monthly;
} Totals;

typedef struct {
  ProvOrder   *order;
  ProvCatalog *catalog;
  GPtrArray   *blocks;
  GHashTable  *totals;     /* currency → Totals */
  GPtrArray   *terms;      /* distinct texts */
} Builder;

static void
add_block (Builder                   *builder,
           ProvConfirmationBlockKind  kind,
           const char                *title,
           char                      *value)
{
  ProvConfirmationBlock *block = g_new0 (ProvConfirmationBlock, 1);

  block->kind = kind;
  block->title = g_strdup (title);
  block->value = value;
  g_ptr_array_add (builder->blocks, block);
}

static void
add_entry (Builder    *builder,
           const char *title,
           const char *value)
{
  if (value != NULL && *value != '\0')
    add_block (builder, PROV_CONFIRMATION_ENTRY, title, g_strdup (value));
}

static gboolean
is_true (const char *value)
{
  return g_strcmp0 (value, "true") == 0;
}

/* "2026-12-15" as the clerk's language writes a date. */
static char *
dup_date_label (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3 ||
      (date = g_date_time_new_local (year, month, day, 0, 0, 0)) == NULL)
    return g_strdup (iso);

  /* Translators: a date on the printed confirmation, in strftime's format:
   * numbers only, so that it reads the same whatever the till's region */
  return g_date_time_format (date, _("%Y-%m-%d"));
}

/* The fields of one of the order's addresses. */
typedef struct {
  const char *street;
  const char *postcode;
  const char *city;
} AddressFields;

static const AddressFields service_address_fields = {
  PROV_ORDER_FIELD_SERVICE_STREET, PROV_ORDER_FIELD_SERVICE_POSTCODE, PROV_ORDER_FIELD_SERVICE_CITY,
};
static const AddressFields billing_address_fields = {
  PROV_ORDER_FIELD_BILLING_STREET, PROV_ORDER_FIELD_BILLING_POSTCODE, PROV_ORDER_FIELD_BILLING_CITY,
};
static const AddressFields listing_address_fields = {
  PROV_ORDER_FIELD_LISTING_STREET, PROV_ORDER_FIELD_LISTING_POSTCODE, PROV_ORDER_FIELD_LISTING_CITY,
};

/* Street, then postcode and city: one address block, or NULL when the
 * order has none. */
static char *
dup_address (ProvOrder           *order,
             const AddressFields *fields)
{
  const char *street = prov_order_get_field (order, fields->street);
  const char *postcode = prov_order_get_field (order, fields->postcode);
  const char *city = prov_order_get_field (order, fields->city);

  if ((street == NULL || *street == '\0') && (city == NULL || *city == '\0'))
    return NULL;

  return g_strdup_printf ("%s\n%s%s%s", street != NULL ? street : "", postcode != NULL ? postcode : "",
                          postcode != NULL && *postcode != '\0' ? " " : "", city != NULL ? city : "");
}

static gboolean
is_address_key (const char *key)
{
  return g_str_has_prefix (key, "service.") || g_str_has_prefix (key, "billing.") ||
         g_str_has_prefix (key, "listing.");
}

static gboolean
is_customer_key (const char *key)
{
  return g_str_has_prefix (key, "customer.") || g_str_has_prefix (key, "contact.") ||
         g_str_has_prefix (key, "reseller.") || g_str_has_prefix (key, "directory.");
}

static void
add_customer (Builder *builder)
{
  const ProvOrderField *fields;
  guint n_fields;
  g_autofree char *service_address = dup_address (builder->order, &service_address_fields);
  g_autofree char *billing_address = NULL;
  g_autofree char *listing_address = NULL;

  add_block (builder, PROV_CONFIRMATION_HEADING, _("Customer"), NULL);

  fields = prov_order_field_get_all (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    if (is_customer_key (fields[i].key) && (fields[i].flags & PROV_FIELD_LINE) == 0)
      {
        g_autofree char *value = prov_order_field_dup_printed_value (&fields[i],
                                                                     prov_order_get_field (builder->order, fields[i].key));
        /* Under the heading "Customer", the customer's name is a name. */
        gboolean is_name = g_str_equal (fields[i].key, PROV_ORDER_FIELD_CUSTOMER_NAME);

        add_entry (builder, is_name ? _("Name") : prov_order_field_get_title (&fields[i]), value);
      }

  /* Translators: on the confirmation, the address where the service is used */
  add_entry (builder, _("Address"), service_address);
  if (!is_true (prov_order_get_field (builder->order, PROV_ORDER_FIELD_BILLING_SAME_AS_SERVICE)))
    billing_address = dup_address (builder->order, &billing_address_fields);
  add_entry (builder, _("Billing address"), billing_address);
  if (!is_true (prov_order_get_field (builder->order, PROV_ORDER_FIELD_LISTING_SAME_AS_SERVICE)))
    listing_address = dup_address (builder->order, &listing_address_fields);
  add_entry (builder, _("Listed address"), listing_address);
}

/* The order's own printed fields that are not about the customer, nor
 * agreed terms shown under the agreement. */
static void
add_order (Builder *builder)
{
  const ProvOrderField *fields;
  guint n_fields;
  guint first = builder->blocks->len;

  add_block (builder, PROV_CONFIRMATION_HEADING, _("Order"), NULL);

  fields = prov_order_field_get_all (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *value = NULL;

      if ((fields[i].flags & (PROV_FIELD_LINE | PROV_FIELD_PRINTED)) != PROV_FIELD_PRINTED ||
          is_customer_key (fields[i].key) || is_address_key (fields[i].key) ||
          g_str_equal (fields[i].key, PROV_ORDER_FIELD_CARRIER_NAME) ||
          g_str_equal (fields[i].key, PROV_ORDER_FIELD_STOCKTAKING_START_DATE))
        continue;

      value = prov_order_field_dup_printed_value (&fields[i], prov_order_get_field (builder->order, fields[i].key));
      add_entry (builder, prov_order_field_get_title (&fields[i]), value);
    }

  /* A heading over nothing says nothing. */
  if (builder->blocks->len == first + 1)
    g_ptr_array_remove_index (builder->blocks, first);
}

/* New, or ported in from another provider on the wished date. */
static char *
dup_number (ProvOrderLine *line)
{
  const char *msisdn = prov_order_line_get_field (line, PROV_ORDER_FIELD_NUMBER_MSISDN);
  const char *donor = prov_order_line_get_field (line, PROV_ORDER_FIELD_NUMBER_DONOR_PROVIDER);
  g_autofree char *date = dup_date_label (prov_order_line_get_field (line, PROV_ORDER_FIELD_NUMBER_WISHED_DATE));

  if (msisdn == NULL || *msisdn == '\0')
    msisdn = prov_order_line_get_field (line, PROV_ORDER_FIELD_NUMBER_SUMMARY);
  if (msisdn == NULL || *msisdn == '\0')
    return NULL;

  if (g_strcmp0 (prov_order_line_get_field (line, PROV_ORDER_FIELD_NUMBER_MODE), "port-in") != 0)
    /* Translators: a line's number on the confirmation; %s is the number */
    return g_strdup_printf (_("%s (new number)"), msisdn);

  if (date != NULL && donor != NULL)
    /* Translators: a ported number: the number, its current provider and the porting date */
    return g_strdup_printf (_("%s, ported in from %s on %s"), msisdn, donor, date);
  /* Translators: a ported number whose date the carrier sets; %s is the number */
  return g_strdup_printf (_("%s, ported in"), msisdn);
}

static void
add_line (Builder       *builder,
          ProvOrderLine *line,
          guint          index,
          guint          n_lines)
{
  const ProvOrderField *fields;
  guint n_fields;
  g_auto(GStrv) keys = prov_order_line_dup_field_keys (line);
  g_autofree char *heading = NULL;
  g_autofree char *number = dup_number (line);
  guint first = builder->blocks->len;

  if (n_lines > 1)
    /* Translators: a section of the confirmation; %u counts the lines from 1 */
    heading = g_strdup_printf (_("Line %u"), index + 1);
  add_block (builder, PROV_CONFIRMATION_HEADING, heading != NULL ? heading : _("Line"), NULL);

  fields = prov_order_field_get_all (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *value = NULL;
      const char *key = fields[i].key;

      if ((fields[i].flags & (PROV_FIELD_LINE | PROV_FIELD_PRINTED)) != (PROV_FIELD_LINE | PROV_FIELD_PRINTED) ||
          g_str_equal (key, PROV_ORDER_FIELD_STOCKTAKING_CONTRACT_MONTHS))
        continue;

      if (g_str_equal (key, PROV_ORDER_FIELD_NUMBER_MSISDN) || g_str_equal (key, PROV_ORDER_FIELD_NUMBER_SUMMARY))
        {
          if (number != NULL)
            add_entry (builder, _("Number"), number);
          g_clear_pointer (&number, g_free);
          continue;
        }

      value = prov_order_field_dup_printed_value (&fields[i], prov_order_line_get_field (line, key));
      add_entry (builder, prov_order_field_get_title (&fields[i]), value);
    }

  /* A service's settings, by the names the carrier gave them. */
  for (guint k = 0; keys[k] != NULL; k++)
    if (g_str_has_prefix (keys[k], PROV_ORDER_FIELD_SETTING_PREFIX))
      add_entry (builder, keys[k] + strlen (PROV_ORDER_FIELD_SETTING_PREFIX), prov_order_line_get_field (line, keys[k]));

  if (builder->blocks->len == first + 1)
    g_ptr_array_remove_index (builder->blocks, first);
}

static void
add_charge (Builder    *builder,
            const char *title,
            const char *currency,
            gboolean    has_one_time,
            double      one_time,
            gboolean    has_monthly,
            double      monthly)
{
  ProvConfirmationBlock *block;
  Totals *totals;

  if (currency == NULL || (!has_one_time && !has_monthly))
    return;

  if ((totals = g_hash_table_lookup (builder->totals, currency)) == NULL)
    g_hash_table_insert (builder->totals, g_strdup (currency), (totals = g_new0 (Totals, 1)));
  totals->one_time += has_one_time ? one_time : 0;
  totals->monthly += has_monthly ? monthly : 0;

  add_block (builder, PROV_CONFIRMATION_CHARGE, title, NULL);
  block = g_ptr_array_index (builder->blocks, builder->blocks->len - 1);
  block->one_time = has_one_time ? prov_currency_dup_amount (currency, one_time) : g_strdup ("");
  block->monthly = has_monthly ? prov_currency_dup_amount (currency, monthly) : g_strdup ("");
}

/* The prices of offering @offering_id under @label (its name when NULL),
 * after @prefix, the line it is for. */
static void
add_offering_charge (Builder    *builder,
                     const char *prefix,
                     const char *offering_id,
                     const char *label)
{
  ProvOffering *offering;
  const char *monthly_currency = NULL;
  const char *one_time_currency = NULL;
  double monthly = 0, one_time = 0;
  gboolean has_monthly, has_one_time;
  g_autofree char *title = NULL;

  if (offering_id == NULL || *offering_id == '\0' ||
      (offering = prov_catalog_lookup (builder->catalog, offering_id)) == NULL)
    return;

  if (prov_offering_get_conditions (offering) != NULL &&
      !g_ptr_array_find_with_equal_func (builder->terms, prov_offering_get_conditions (offering), g_str_equal, NULL))
    g_ptr_array_add (builder->terms, g_strdup (prov_offering_get_conditions (offering)));

  has_monthly = prov_offering_get_monthly_fee (offering, &monthly, &monthly_currency);
  has_one_time = prov_offering_get_one_time_fee (offering, &one_time, &one_time_currency);
  /* Two currencies in one offering would make its row lie about one. */
  if (has_monthly && has_one_time && g_strcmp0 (monthly_currency, one_time_currency) != 0)
    has_one_time = FALSE;

  if (label == NULL)
    label = prov_offering_get_name (offering);
  /* Translators: a charge of one line: "Line 2: Data 10 GB" */
  title = prefix != NULL ? g_strdup_printf (_("%s: %s"), prefix, label) : g_strdup (label);
  add_charge (builder, title, has_monthly ? monthly_currency : one_time_currency,
              has_one_time, one_time, has_monthly, monthly);
}

static void
add_charges (Builder *builder)
{
  static const char * const priced_keys[] = {
    PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, PROV_ORDER_FIELD_SUBSCRIPTION_DATA_ID, PROV_ORDER_FIELD_SUBSCRIPTION_SMS_ID, PROV_ORDER_FIELD_ADDONS_IDS,
  };
  guint n_lines = prov_order_get_n_lines (builder->order);
  guint first = builder->blocks->len;
  g_autoptr(GList) currencies = NULL;
  const char *price_list = prov_order_get_field (builder->order, PROV_ORDER_FIELD_BILLING_PRICE_LIST);

  add_block (builder, PROV_CONFIRMATION_HEADING, _("Charges"), NULL);

  if (builder->catalog == NULL)
    {
      add_block (builder, PROV_CONFIRMATION_NOTE, NULL,
                 g_strdup (_("The prices are not shown: this till has not loaded the carrier's catalog yet.")));
      return;
    }

  /* The service type's own price once per order, then each line's. */
  add_offering_charge (builder, NULL, prov_order_get_field (builder->order, PROV_ORDER_FIELD_SERVICE_TYPE), NULL);

  for (guint l = 0; l < n_lines; l++)
    {
      ProvOrderLine *line = prov_order_get_line (builder->order, l);
      g_autofree char *prefix = n_lines > 1 ? g_strdup_printf (_("Line %u"), l + 1) : NULL;
      const char *grade = prov_order_line_get_field (line, PROV_ORDER_FIELD_NUMBER_GRADE);

      for (guint k = 0; k < G_N_ELEMENTS (priced_keys); k++)
        {
          const char *chosen = prov_order_line_get_field (line, priced_keys[k]);
          g_auto(GStrv) ids = g_strsplit (chosen != NULL ? chosen : "", ",", -1);

          for (guint i = 0; ids[i] != NULL; i++)
            add_offering_charge (builder, prefix, ids[i], NULL);
        }

      /* A number of a grade costs what the chosen price list asks. */
      if (price_list != NULL && grade != NULL)
        {
          ProvOffering *price = prov_catalog_find_number_price (builder->catalog, price_list, grade);
          const char *msisdn = prov_order_line_get_field (line, PROV_ORDER_FIELD_NUMBER_MSISDN);

          if (price != NULL)
            {
              /* Translators: a number's charge: the grade's name, e.g. "Gold number", then the number */
              g_autofree char *label = g_strdup_printf (_("%s %s"), prov_offering_get_name (price),
                                                        msisdn != NULL ? msisdn : "");

              add_offering_charge (builder, prefix, prov_offering_get_id (price), label);
            }
        }
    }

  if (builder->blocks->len == first + 1)
    {
      add_block (builder, PROV_CONFIRMATION_NOTE, NULL, g_strdup (_("The carrier's catalog lists no price for this order.")));
      return;
    }

  currencies = g_list_sort (g_hash_table_get_keys (builder->totals), (GCompareFunc) g_strcmp0);
  for (GList *c = currencies; c != NULL; c = c->next)
    {
      Totals *totals = g_hash_table_lookup (builder->totals, c->data);
      ProvConfirmationBlock *block;

      add_block (builder, PROV_CONFIRMATION_TOTAL, _("Total"), NULL);
      block = g_ptr_array_index (builder->blocks, builder->blocks->len - 1);
      block->one_time = prov_currency_dup_amount (c->data, totals->one_time);
      block->monthly = prov_currency_dup_amount (c->data, totals->monthly);
    }
}

/* What the customer and the store agreed: when it starts, for how long,
 * who is billed, and the carrier's terms. */
static void
add_agreement (Builder *builder)
{
  g_autofree char *start = dup_date_label (prov_order_get_field (builder->order, PROV_ORDER_FIELD_STOCKTAKING_START_DATE));
  const char *months = prov_order_get_field (builder->order, PROV_ORDER_FIELD_STOCKTAKING_CONTRACT_MONTHS);
  g_autofree char *duration = NULL;
  const char *billing = prov_order_get_field (builder->order, PROV_ORDER_FIELD_CONFIRM_END_USER_BILLING);

  add_block (builder, PROV_CONFIRMATION_HEADING, _("Agreement"), NULL);

  add_entry (builder, _("Start date"), start != NULL ? start : _("As soon as the carrier has carried out the order"));
  if (months != NULL && g_ascii_strtoull (months, NULL, 10) > 0)
    {
      guint n = (guint) g_ascii_strtoull (months, NULL, 10);

      duration = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", n), n);
    }
  add_entry (builder, _("Contract duration"), duration != NULL ? duration : _("No minimum term"));

  if (billing != NULL)
    add_entry (builder, _("End user billing"),
               is_true (billing) ? _("On: the carrier bills the customer")
                                 : _("Off: the store adds this order to the customer's invoice"));

  for (guint i = 0; i < builder->terms->len; i++)
    add_block (builder, PROV_CONFIRMATION_NOTE, NULL, g_strdup (g_ptr_array_index (builder->terms, i)));
}

static void
add_step (Builder    *builder,
          const char *text)
{
  /* Translators: a step the customer must take, as a bullet point */
  add_block (builder, PROV_CONFIRMATION_NOTE, NULL, g_strdup_printf (_("• %s"), text));
}

/* What the customer must do, and what waits on whom. */
static void
add_next_steps (Builder *builder)
{
  guint n_lines = prov_order_get_n_lines (builder->order);
  guint first = builder->blocks->len;

  add_block (builder, PROV_CONFIRMATION_HEADING, _("What happens next"), NULL);

  for (guint l = 0; l < n_lines; l++)
    {
      ProvOrderLine *line = prov_order_get_line (builder->order, l);
      const char *pin = prov_order_line_get_field (line, PROV_ORDER_FIELD_EXTENSION_PIN);
      g_autofree char *port_date = dup_date_label (prov_order_line_get_field (line, PROV_ORDER_FIELD_NUMBER_WISHED_DATE));
      g_autofree char *step = NULL;

      /* A factory PIN is no secret: it must change, so it is said. */
      if (is_true (prov_order_line_get_field (line, PROV_ORDER_FIELD_EXTENSION_PIN_CHANGE_REQUIRED)) && pin != NULL)
        {
          /* Translators: %s is a factory PIN such as 0000 */
          step = g_strdup_printf (_("Log on with PIN %s and change it at the first login."), pin);
          add_step (builder, step);
          g_clear_pointer (&step, g_free);
        }

      if (g_strcmp0 (prov_order_line_get_field (line, PROV_ORDER_FIELD_NUMBER_MODE), "port-in") == 0)
        {
          if (port_date != NULL)
            /* Translators: %s is a date */
            step = g_strdup_printf (_("Keep the old SIM in the phone until the number moves on %s; then put in the new SIM."),
                                    port_date);
          else
            step = g_strdup (_("Keep the old SIM in the phone until the carrier has moved the number; then put in the new SIM."));
          add_step (builder, step);
        }

      if (g_strcmp0 (prov_order_line_get_field (line, PROV_ORDER_FIELD_SIM_MODE), "later") == 0)
        add_step (builder, _("Bring the SIM to the store to be connected: until then the line cannot be used."));
    }

  if (prov_order_get_state (builder->order) == PROV_ORDER_STATE_AWAITING_APPROVAL)
    add_step (builder, _("The order waits for your company's approval before it goes to the carrier."));

  if (builder->blocks->len == first + 1)
    add_step (builder, _("Nothing: the store sends the order to the carrier, and the service starts once it is carried out."));
}

static void
prov_confirmation_finalize (GObject *object)
{
  ProvConfirmation *self = PROV_CONFIRMATION (object);

  prov_store_profile_free (self->store);
  g_free (self->carrier_name);
  g_free (self->kind_title);
  g_free (self->reference);
  g_free (self->clerk);
  g_free (self->printed_at);
  g_ptr_array_unref (self->blocks);

  G_OBJECT_CLASS (prov_confirmation_parent_class)->finalize (object);
}

static void
prov_confirmation_class_init (ProvConfirmationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = prov_confirmation_finalize;
}

static void
prov_confirmation_init (ProvConfirmation *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
}

/*
 * @catalog may be NULL (the till has not loaded it yet): the charges then
 * say so. @store's empty members are left out; @clerk is who serves the
 * customer. The carrier is the one the order names, else @carrier_name,
 * the one it is sent to.
 */
ProvConfirmation *
prov_confirmation_new (ProvOrder              *order,
                       ProvCatalog            *catalog,
                       const ProvStoreProfile *store,
                       const char             *carrier_name,
                       const char             *clerk,
                       GDateTime              *printed_at)
{
  ProvConfirmation *self;
  g_autoptr(GHashTable) totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  Builder builder;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (PROV_IS_ORDER (order), NULL);
  g_return_val_if_fail (catalog == NULL || PROV_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (printed_at != NULL, NULL);

  self = g_object_new (PROV_TYPE_CONFIRMATION, NULL);
  self->store = prov_store_profile_new (store != NULL ? store->name : NULL, store != NULL ? store->address : NULL,
                                        store != NULL ? store->phone : NULL, store != NULL ? store->dealer_code : NULL,
                                        store != NULL ? store->logo_path : NULL);
  self->carrier_name = g_strdup (prov_order_get_field (order, PROV_ORDER_FIELD_CARRIER_NAME) != NULL
                                   ? prov_order_get_field (order, PROV_ORDER_FIELD_CARRIER_NAME) : carrier_name);
  self->kind_title = g_strdup (prov_order_kind_get_title (prov_order_get_kind (order)));
  self->reference = prov_order_reference_from_uuid (prov_order_get_uuid (order));
  self->clerk = g_strdup (clerk);

  date = g_date_time_format (printed_at, _("%Y-%m-%d"));
  /* Translators: a time of day on the printed confirmation, in strftime's format */
  time = g_date_time_format (printed_at, _("%H:%M"));
  /* Translators: when the confirmation was printed: a date, then a time */
  self->printed_at = g_strdup_printf (_("%s at %s"), date, time);

  builder = (Builder) { order, catalog, self->blocks, totals, terms };
  add_customer (&builder);
  add_order (&builder);
  for (guint l = 0; l < prov_order_get_n_lines (order); l++)
    add_line (&builder, prov_order_get_line (order, l), l, prov_order_get_n_lines (order));
  add_charges (&builder);
  add_agreement (&builder);
  add_next_steps (&builder);

  return self;
}

const ProvStoreProfile *
prov_confirmation_get_store (ProvConfirmation *self)
{
  g_return_val_if_fail (PROV_IS_CONFIRMATION (self), NULL);
  return self->store;
}

/* NULL when the order does not name its carrier. */
const char *
prov_confirmation_get_carrier_name (ProvConfirmation *self)
{
  g_return_val_if_fail (PROV_IS_CONFIRMATION (self), NULL);
  return self->carrier_name;
}

const char *
prov_confirmation_get_kind_title (ProvConfirmation *self)
{
  g_return_val_if_fail (PROV_IS_CONFIRMATION (self), NULL);
  return self->kind_title;
}

/* The short reference, as the barcode carries it. */
const char *
prov_confirmation_get_reference (ProvConfirmation *self)
{
  g_return_val_if_fail (PROV_IS_CONFIRMATION (self), NULL);
  return self->reference;
}

const char *
prov_confirmation_get_clerk (ProvConfirmation *self)
{
  g_return_val_if_fail (PROV_IS_CONFIRMATION (self), NULL);
  return self->clerk;
}

const char *
prov_confirmation_get_printed_at (ProvConfirmation *self)
{
  g_return_val_if_fail (PROV_IS_CONFIRMATION (self), NULL);
  return self->printed_at;
}

/* ProvConfirmationBlock, in reading order. */
GPtrArray *
prov_confirmation_get_blocks (ProvConfirmation *self)
{
  g_return_val_if_fail (PROV_IS_CONFIRMATION (self), NULL);
  return self->blocks;
}
