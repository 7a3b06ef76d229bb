#pragma once

#include "prov-catalog.h"
#include "prov-order.h"

G_BEGIN_DECLS

/* What an order's numbers cost under a price list: each number's
 * connection and monthly price by its grade, and the totals. */
typedef struct {
  const char *msisdn;    /* the order's */
  const char *grade;
  gboolean    priced;    /* FALSE: the price list has no price for its grade */
  double      one_time;
  double      monthly;
} ProvNumberPrice;

typedef struct {
  GArray *numbers;       /* ProvNumberPrice, one per line with a number */
  double  one_time_total;
  double  monthly_total;
  char   *currency;
  guint   n_unpriced;
} ProvNumberPricing;

ProvNumberPricing *prov_number_pricing_new   (ProvCatalog       *catalog,
                                              const char        *price_list_id,
                                              ProvOrder         *order);
void               prov_number_pricing_free  (ProvNumberPricing *pricing);
char              *prov_number_pricing_dup_amount (ProvNumberPricing *pricing,
                                                   double             amount);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvNumberPricing, prov_number_pricing_free)

G_END_DECLS
