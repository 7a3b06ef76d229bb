#include "prov-number-pricing.h"

/*
 * The Numbers and Billing pages show the chosen numbers with what each
 * costs: the price list's offering for the number's grade (TMF620
 * one-time and recurring prices). The list follows the order's lines, so
 * adding or removing a number, or choosing another price list, is one
 * recomputation.
 */

ProvNumberPricing *
prov_number_pricing_new (ProvCatalog *catalog,
                         const char  *price_list_id,
                         ProvOrder   *order)
{
  ProvNumberPricing *pricing = g_new0 (ProvNumberPricing, 1);

  g_return_val_if_fail (PROV_IS_ORDER (order), pricing);

  pricing->numbers = g_array_new (FALSE, TRUE, sizeof (ProvNumberPrice));
  for (guint i = 0; i < prov_order_get_n_lines (order); i++)
    {
      ProvOrderLine *line = prov_order_get_line (order, i);
      ProvNumberPrice price = { 0 };
      ProvOffering *offering;
      const char *currency = NULL;

      price.msisdn = prov_order_line_get_field (line, PROV_ORDER_FIELD_NUMBER_MSISDN);
      if (price.msisdn == NULL)
        continue;
      price.grade = prov_order_line_get_field (line, PROV_ORDER_FIELD_NUMBER_GRADE);
      if (price.grade == NULL)
        price.grade = "standard";

      offering = catalog != NULL && price_list_id != NULL
                 ? prov_catalog_find_number_price (catalog, price_list_id, price.grade) : NULL;
      if (offering != NULL)
        {
          price.priced = TRUE;
          prov_offering_get_one_time_fee (offering, &price.one_time, &currency);
          prov_offering_get_monthly_fee (offering, &price.monthly, &currency);
          if (pricing->currency == NULL && currency != NULL)
            pricing->currency = g_strdup (currency);
          pricing->one_time_total += price.one_time;
          pricing->monthly_total += price.monthly;
        }
      else
        pricing->n_unpriced++;

      g_array_append_val (pricing->numbers, price);
    }

  return pricing;
}

void
prov_number_pricing_free (ProvNumberPricing *pricing)
{
  if (pricing == NULL)
    return;

  g_clear_pointer (&pricing->numbers, g_array_unref);
  g_free (pricing->currency);
  g_free (pricing);
}

/* "£ 50.00": an amount in the pricing's currency. */
char *
prov_number_pricing_dup_amount (ProvNumberPricing *pricing,
                                double             amount)
{
  return prov_currency_dup_amount (pricing->currency, amount);
}
