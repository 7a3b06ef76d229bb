#include <glib/gi18n-lib.h>

#include "prov-json-guard.h"
#include "prov-offering.h"

/*
 * One TMF620 ProductOffering, reduced to what the order pages show and
 * decide on: its role (category), how it relates to other offerings, the
 * countries it is sold in (place; none means everywhere), the monthly fee,
 * the contract terms in months, the offerings a package bundles, and the
 * rates it charges by use (long distance, by the minute).
 */

struct _ProvOffering
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *description;
  GStrv       roles;
  GPtrArray  *relationships;   /* "type\nid" */
  GStrv       countries;
  double      monthly_fee;
  char       *currency;
  GArray     *terms;
  char       *specification_id;
  GStrv       bundled;
  GPtrArray  *usage_prices;    /* ProvUsagePrice */
  gboolean    has_one_time_fee;
  double      one_time_fee;
  char       *grade;           /* a number's, for its price */
  char       *conditions;      /* the terms and conditions' text */
};

G_DEFINE_FINAL_TYPE (ProvOffering, prov_offering, G_TYPE_OBJECT)

enum { PROP_0, PROP_NAME, PROP_FEE_LABEL, N_PROPS };
static GParamSpec *properties[N_PROPS];

static GStrv
collect_ids (JsonObject *offering,
             const char *member)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  JsonArray *list = prov_json_object_get_array (offering, member);

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *reference = prov_json_array_get_object (list, i);
      const char *id = reference != NULL ? prov_json_object_get_string (reference, "id") : NULL;

      if (id != NULL)
        g_strv_builder_add (ids, id);
    }

  return g_strv_builder_end (ids);
}

static void
read_monthly_fee (ProvOffering *self,
                  JsonObject   *offering)
{
  JsonArray *prices = prov_json_object_get_array (offering, "productOfferingPrice");

  for (guint i = 0; prices != NULL && i < json_array_get_length (prices); i++)
    {
      JsonObject *price = prov_json_array_get_object (prices, i);
      JsonObject *money;

      if (price == NULL || !json_object_has_member (price, "price") ||
          g_strcmp0 (prov_json_object_get_string (price, "priceType"), "recurring") != 0)
        continue;

      money = prov_json_object_get_object (price, "price");
      if (money == NULL)
        continue;

      self->monthly_fee = prov_json_object_get_number (money, "value", 0);
      self->currency = g_strdup (prov_json_object_get_string_or (money, "unit", "EUR"));
      return;
    }
}

/* What it costs once, at connection (TMF620 priceType "oneTime"). */
static void
read_one_time_fee (ProvOffering *self,
                   JsonObject   *offering)
{
  JsonArray *prices = prov_json_object_get_array (offering, "productOfferingPrice");

  for (guint i = 0; prices != NULL && i < json_array_get_length (prices); i++)
    {
      JsonObject *price = prov_json_array_get_object (prices, i);
      JsonObject *money = prov_json_object_get_object (price, "price");

      if (money == NULL || g_strcmp0 (prov_json_object_get_string (price, "priceType"), "oneTime") != 0)
        continue;

      self->has_one_time_fee = TRUE;
      self->one_time_fee = prov_json_object_get_number (money, "value", 0);
      if (self->currency == NULL)
        self->currency = g_strdup (prov_json_object_get_string_or (money, "unit", "EUR"));
      return;
    }
}

/* The value the offering gives a characteristic (prodSpecCharValueUse),
 * e.g. the grade of the numbers it prices. */
static char *
dup_characteristic_use (JsonObject *offering,
                        const char *name)
{
  JsonArray *uses = prov_json_object_get_array (offering, "prodSpecCharValueUse");

  for (guint i = 0; uses != NULL && i < json_array_get_length (uses); i++)
    {
      JsonObject *use = prov_json_array_get_object (uses, i);
      JsonArray *values = prov_json_object_get_array (use, "productSpecCharacteristicValue");
      JsonObject *value = values != NULL && json_array_get_length (values) > 0 ? prov_json_array_get_object (values, 0)
                                                                                : NULL;

      if (g_strcmp0 (prov_json_object_get_string (use, "name"), name) == 0 &&
          prov_json_object_get_string (value, "value") != NULL)
        return g_strdup (prov_json_object_get_string (value, "value"));
    }

  return NULL;
}

/* The text of the attachment that holds the terms and conditions. */
static char *
dup_conditions (JsonObject *offering)
{
  JsonArray *attachments = prov_json_object_get_array (offering, "attachment");

  for (guint i = 0; attachments != NULL && i < json_array_get_length (attachments); i++)
    {
      JsonObject *attachment = prov_json_array_get_object (attachments, i);

      if (g_strcmp0 (prov_json_object_get_string (attachment, "attachmentType"), "termsAndConditions") == 0)
        return g_strdup (prov_json_object_get_string (attachment, "description"));
    }

  return NULL;
}

static void
usage_price_free (ProvUsagePrice *price)
{
  g_free (price->name);
  g_free (price->currency);
  g_free (price->per);
  g_free (price);
}

/* Prices by use: what a package charges per minute of long distance. */
static void
read_usage_prices (ProvOffering *self,
                   JsonObject   *offering)
{
  JsonArray *prices = prov_json_object_get_array (offering, "productOfferingPrice");

  for (guint i = 0; prices != NULL && i < json_array_get_length (prices); i++)
    {
      JsonObject *price = prov_json_array_get_object (prices, i);
      JsonObject *money = prov_json_object_get_object (price, "price");
      JsonObject *unit = prov_json_object_get_object (price, "unitOfMeasure");
      ProvUsagePrice *usage;

      if (money == NULL || g_strcmp0 (prov_json_object_get_string (price, "priceType"), "usage") != 0)
        continue;

      usage = g_new0 (ProvUsagePrice, 1);
      usage->name = g_strdup (prov_json_object_get_string_or (price, "name", ""));
      usage->amount = prov_json_object_get_number (money, "value", 0);
      usage->currency = g_strdup (prov_json_object_get_string_or (money, "unit", "EUR"));
      usage->per = g_strdup (prov_json_object_get_string_or (unit, "units", "minute"));
      g_ptr_array_add (self->usage_prices, usage);
    }
}

/* The offerings this package bundles (bundledProductOffering), in order;
 * empty for one that bundles none. */
const char * const *
prov_offering_get_bundled_ids (ProvOffering *self)
{
  g_return_val_if_fail (PROV_IS_OFFERING (self), NULL);
  return (const char * const *) self->bundled;
}

/* ProvUsagePrice of each rate by use, in the catalog's order. */
GPtrArray *
prov_offering_get_usage_prices (ProvOffering *self)
{
  g_return_val_if_fail (PROV_IS_OFFERING (self), NULL);
  return self->usage_prices;
}

/* "Long distance: Canada — € 0.05 per minute" */
char *
prov_usage_price_dup_label (const ProvUsagePrice *price)
{
  g_autofree char *amount = NULL;

  g_return_val_if_fail (price != NULL, NULL);

  amount = g_strdup_printf ("%.2f", price->amount);
  /* Translators: a rate by use: its name, the currency, the amount and what it is charged by, e.g.
   * "Long distance: Canada — EUR 0.05 per minute" */
  return g_strdup_printf (_("%s — %s %s per %s"), price->name, prov_currency_get_symbol (price->currency), amount,
                          price->per);
}

/* "€" for "EUR": how a price list's ISO 4217 currency is written; a code
 * without a symbol of its own (the dollars share one) is written as it is. */
const char *
prov_currency_get_symbol (const char *currency)
{
  static const char * const symbols[][2] = { { "EUR", "€" }, { "GBP", "£" } };

  for (guint i = 0; currency != NULL && i < G_N_ELEMENTS (symbols); i++)
    if (g_str_equal (currency, symbols[i][0]))
      return symbols[i][1];
  return currency != NULL ? currency : "";
}

/* "€ 14.50": an amount as price lists and confirmations write it. */
char *
prov_currency_dup_amount (const char *currency,
                          double      amount)
{
  return g_strdup_printf ("%s %.2f", prov_currency_get_symbol (currency), amount);
}

gboolean
prov_offering_offers_term (ProvOffering *self,
                           guint         months)
{
  g_return_val_if_fail (PROV_IS_OFFERING (self), FALSE);

  for (guint i = 0; i < self->terms->len; i++)
    if (g_array_index (self->terms, guint, i) == months)
      return TRUE;
  return FALSE;
}

/* The offered term a contract of @wanted months becomes: the same, else
 * the shortest that lasts at least as long, else the longest there is.
 * 0 when the offering states no terms. */
guint
prov_offering_pick_term (ProvOffering *self,
                         guint         wanted)
{
  guint longer = 0;
  guint longest = 0;

  g_return_val_if_fail (PROV_IS_OFFERING (self), 0);

  for (guint i = 0; i < self->terms->len; i++)
    {
      guint months = g_array_index (self->terms, guint, i);

      if (months >= wanted && (longer == 0 || months < longer))
        longer = months;
      longest = MAX (longest, months);
    }

  return longer != 0 ? longer : longest;
}

static void
read_terms (ProvOffering *self,
            JsonObject   *offering)
{
  JsonArray *terms = prov_json_object_get_array (offering, "productOfferingTerm");

  for (guint i = 0; terms != NULL && i < json_array_get_length (terms); i++)
    {
      JsonObject *term = prov_json_array_get_object (terms, i);
      JsonObject *duration = prov_json_object_get_object (term, "duration");
      const char *units;
      double amount;
      guint months;

      if (duration == NULL)
        continue;

      amount = prov_json_object_get_number (duration, "amount", 0);
      units = prov_json_object_get_string_or (duration, "units", "month");
      if (g_str_equal (units, "year") || g_str_equal (units, "years"))
        amount *= 12;
      else if (!g_str_equal (units, "month") && !g_str_equal (units, "months"))
        continue;   /* days or weeks are not contract terms a clerk sells */

      /* A century is longer than any contract: anything else is noise. */
      if (amount < 1 || amount > 1200 || amount != (guint) amount)
        continue;
      months = (guint) amount;
      if (!prov_offering_offers_term (self, months))
        g_array_append_val (self->terms, months);
    }
}

ProvOffering *
prov_offering_new_from_tmf620 (JsonObject  *offering,
                               GError     **error)
{
  g_autoptr(ProvOffering) self = NULL;
  const char *id = prov_json_object_get_string (offering, "id");
  const char *name = prov_json_object_get_string (offering, "name");
  JsonArray *relationships;

  /* Only an offering's id is needed to order it; TMF620 promises no name. */
  if (id == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A catalog offering has no id"));
      return NULL;
    }

  self = g_object_new (PROV_TYPE_OFFERING, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name != NULL ? name : id);
  self->description = g_strdup (prov_json_object_get_string (offering, "description"));
  self->roles = collect_ids (offering, "category");
  self->countries = collect_ids (offering, "place");

  relationships = prov_json_object_get_array (offering, "productOfferingRelationship");
  for (guint i = 0; relationships != NULL && i < json_array_get_length (relationships); i++)
    {
      JsonObject *relationship = prov_json_array_get_object (relationships, i);
      const char *type = prov_json_object_get_string (relationship, "relationshipType");
      const char *other = prov_json_object_get_string (relationship, "id");

      if (type != NULL && other != NULL)
        g_ptr_array_add (self->relationships, g_strconcat (type, "\n", other, NULL));
    }

  read_monthly_fee (self, offering);
  read_one_time_fee (self, offering);
  read_usage_prices (self, offering);
  self->grade = dup_characteristic_use (offering, "grade");
  self->conditions = dup_conditions (offering);
  read_terms (self, offering);
  self->bundled = collect_ids (offering, "bundledProductOffering");
  if (prov_json_object_get_object (offering, "productSpecification") != NULL)
    self->specification_id = g_strdup (prov_json_object_get_string (prov_json_object_get_object (offering, "productSpecification"), "id"));

  return g_steal_pointer (&self);
}

gboolean
prov_offering_get_one_time_fee (ProvOffering  *self,
                                double        *amount,
                                const char   **currency)
{
  g_return_val_if_fail (PROV_IS_OFFERING (self), FALSE);

  if (amount != NULL)
    *amount = self->one_time_fee;
  if (currency != NULL)
    *currency = self->currency;
  return self->has_one_time_fee;
}

const char *
prov_offering_get_grade (ProvOffering *self)
{
  g_return_val_if_fail (PROV_IS_OFFERING (self), NULL);
  return self->grade;
}

const char *
prov_offering_get_conditions (ProvOffering *self)
{
  g_return_val_if_fail (PROV_IS_OFFERING (self), NULL);
  return self->conditions;
}

const char *
prov_offering_get_id (ProvOffering *self)
{
  g_return_val_if_fail (PROV_IS_OFFERING (self), NULL);
  return self->id;
}

const char *
prov_offering_get_name (ProvOffering *self)
{
  g_return_val_if_fail (PROV_IS_OFFERING (self), NULL);
  return self->name;
}

const char *
prov_offering_get_description (ProvOffering *self)
{
  g_return_val_if_fail (PROV_IS_OFFERING (self), NULL);
  return self->description;
}

gboolean
prov_offering_has_role (ProvOffering *self,
                        const char   *role)
{
  g_return_val_if_fail (PROV_IS_OFFERING (self), FALSE);
  return g_strv_contains ((const char * const *) self->roles, role);
}

gboolean
prov_offering_relates_to (ProvOffering *self,
                          const char   *relationship_type,
                          const char   *offering_id)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (PROV_IS_OFFERING (self), FALSE);

  wanted = g_strconcat (relationship_type, "\n", offering_id, NULL);
  for (guint i = 0; i < self->relationships->len; i++)
    if (g_str_equal (g_ptr_array_index (self->relationships, i), wanted))
      return TRUE;

  return FALSE;
}

gboolean
prov_offering_sold_in (ProvOffering *self,
                       const char   *country)
{
  g_return_val_if_fail (PROV_IS_OFFERING (self), FALSE);

  return self->countries[0] == NULL || country == NULL ||
         g_strv_contains ((const char * const *) self->countries, country);
}

gboolean
prov_offering_get_monthly_fee (ProvOffering  *self,
                               double        *amount,
                               const char   **currency)
{
  g_return_val_if_fail (PROV_IS_OFFERING (self), FALSE);

  if (self->currency == NULL)
    return FALSE;

  *amount = self->monthly_fee;
  *currency = self->currency;
  return TRUE;
}

/* "€ 17.00 a month", in the clerk's locale. */
char *
prov_offering_dup_fee_label (ProvOffering *self)
{
  g_autofree char *amount = NULL;
  const char *symbol;

  g_return_val_if_fail (PROV_IS_OFFERING (self), NULL);

  if (self->currency == NULL)
    return g_strdup ("");

  amount = g_strdup_printf ("%.2f", self->monthly_fee);
  symbol = prov_currency_get_symbol (self->currency);
  /* Translators: a monthly fee; the first %s is the currency, the second the amount */
  return g_strdup_printf (_("%s %s a month"), symbol, amount);
}

/* The id of the product specification the offering sells, if it says. */
const char *
prov_offering_get_specification_id (ProvOffering *self)
{
  g_return_val_if_fail (PROV_IS_OFFERING (self), NULL);
  return self->specification_id;
}

const guint *
prov_offering_get_terms (ProvOffering *self,
                         guint        *n_terms)
{
  g_return_val_if_fail (PROV_IS_OFFERING (self), NULL);

  *n_terms = self->terms->len;
  return (const guint *) self->terms->data;
}

static void
prov_offering_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ProvOffering *self = PROV_OFFERING (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_FEE_LABEL:
      g_value_take_string (value, prov_offering_dup_fee_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prov_offering_finalize (GObject *object)
{
  ProvOffering *self = PROV_OFFERING (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_strfreev (self->roles);
  g_strfreev (self->countries);
  g_ptr_array_unref (self->relationships);
  g_free (self->currency);
  g_array_unref (self->terms);
  g_free (self->specification_id);
  g_strfreev (self->bundled);
  g_ptr_array_unref (self->usage_prices);
  g_free (self->grade);
  g_free (self->conditions);

  G_OBJECT_CLASS (prov_offering_parent_class)->finalize (object);
}

static void
prov_offering_class_init (ProvOfferingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = prov_offering_get_property;
  object_class->finalize = prov_offering_finalize;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FEE_LABEL] = g_param_spec_string ("fee-label", NULL, NULL, NULL,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
prov_offering_init (ProvOffering *self)
{
  self->relationships = g_ptr_array_new_with_free_func (g_free);
  self->terms = g_array_new (FALSE, FALSE, sizeof (guint));
  self->usage_prices = g_ptr_array_new_with_free_func ((GDestroyNotify) usage_price_free);
}
