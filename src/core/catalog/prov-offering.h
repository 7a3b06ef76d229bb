#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What an offering is for, from its TMF620 category. */
#define PROV_OFFERING_ROLE_PORTFOLIO "portfolio"
#define PROV_OFFERING_ROLE_VOICE     "voice"
#define PROV_OFFERING_ROLE_DATA      "data"
#define PROV_OFFERING_ROLE_SMS       "sms"
#define PROV_OFFERING_ROLE_ADD_ON    "add-on"
/* Sold for a line's device: a case, a screen protector (flow 5). */
#define PROV_OFFERING_ROLE_ACCESSORY "accessory"
#define PROV_OFFERING_ROLE_EXTENSION "extension"
/* A new customer's line: its package, and what kind of line it is for. */
#define PROV_OFFERING_ROLE_LINE_PACKAGE "line-package"
#define PROV_OFFERING_ROLE_LINE_VOICE   "line-type-voice"
#define PROV_OFFERING_ROLE_LINE_DATA    "line-type-data"
#define PROV_OFFERING_ROLE_LINE_PRODUCT "line-product"   /* what a package bundles */
/* The kinds of order the carrier takes for a new customer. */
#define PROV_OFFERING_ROLE_ORDER_TYPE   "order-type"
/* Reseller services: their types, the price lists, and what a number of a
 * grade costs in a price list. */
#define PROV_OFFERING_ROLE_SERVICE_TYPE     "service-type"
#define PROV_OFFERING_ROLE_NUMBER_PRICE_LIST "number-price-list"
#define PROV_OFFERING_ROLE_NUMBER_GRADE     "number-grade"

/* How offerings relate (productOfferingRelationship.relationshipType). */
#define PROV_OFFERING_AVAILABLE_IN "availableIn"   /* a product in a portfolio */
#define PROV_OFFERING_REQUIRES     "requires"      /* a package that follows a voice product */
#define PROV_OFFERING_ADD_ON_TO    "addOnTo"
#define PROV_OFFERING_IN_PRICE_LIST "inPriceList"   /* a grade's price in a price list */

/* A price by use (TMF620 priceType "usage"), e.g. long distance by the
 * minute. */
typedef struct {
  char   *name;
  double  amount;
  char   *currency;
  char   *per;        /* unitOfMeasure.units, e.g. "minute" */
} ProvUsagePrice;

char       *prov_usage_price_dup_label (const ProvUsagePrice *price);
const char *prov_currency_get_symbol   (const char           *currency);
char       *prov_currency_dup_amount  (const char           *currency,
                                       double                amount);

#define PROV_TYPE_OFFERING (prov_offering_get_type ())
G_DECLARE_FINAL_TYPE (ProvOffering, prov_offering, PROV, OFFERING, GObject)

ProvOffering *prov_offering_new_from_tmf620  (JsonObject    *offering,
                                              GError       **error);
const char   *prov_offering_get_id           (ProvOffering  *self);
const char   *prov_offering_get_name         (ProvOffering  *self);
const char   *prov_offering_get_description  (ProvOffering  *self);
gboolean      prov_offering_has_role         (ProvOffering  *self,
                                              const char    *role);
gboolean      prov_offering_relates_to       (ProvOffering  *self,
                                              const char    *relationship_type,
                                              const char    *offering_id);
gboolean      prov_offering_sold_in          (ProvOffering  *self,
                                              const char    *country);
gboolean      prov_offering_get_monthly_fee  (ProvOffering  *self,
                                              double        *amount,
                                              const char   **currency);
char         *prov_offering_dup_fee_label    (ProvOffering  *self);
const guint  *prov_offering_get_terms        (ProvOffering  *self,
                                              guint         *n_terms);
const char   *prov_offering_get_specification_id (ProvOffering *self);
gboolean      prov_offering_offers_term      (ProvOffering  *self,
                                              guint          months);
guint         prov_offering_pick_term        (ProvOffering  *self,
                                              guint          wanted);
const char * const *prov_offering_get_bundled_ids  (ProvOffering *self);
GPtrArray    *prov_offering_get_usage_prices (ProvOffering  *self);
gboolean      prov_offering_get_one_time_fee (ProvOffering  *self,
                                              double        *amount,
                                              const char   **currency);
const char   *prov_offering_get_grade        (ProvOffering  *self);
const char   *prov_offering_get_conditions   (ProvOffering  *self);

G_END_DECLS
