#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "prov-offering.h"
#include "prov-pin-rule.h"
#include "prov-service-setting.h"

G_BEGIN_DECLS

/* The members of a fetched or cached catalog: TMF620 resource lists. */
#define PROV_CATALOG_OFFERINGS      "productOffering"
#define PROV_CATALOG_SPECIFICATIONS "productSpecification"

/* The specification characteristic that states how many digits a log-on
 * PIN has and which PIN is the factory one. The order sends the PIN under
 * the same name, so the field registry takes it from here. */
#define PROV_CATALOG_PIN_CHARACTERISTIC "extension.pin"

/* The carrier's offerings as the order pages ask for them. */
#define PROV_TYPE_CATALOG (prov_catalog_get_type ())
G_DECLARE_FINAL_TYPE (ProvCatalog, prov_catalog, PROV, CATALOG, GObject)

ProvCatalog  *prov_catalog_new_from_json          (JsonNode     *catalog,
                                                   gint64        fetched_at,
                                                   GError      **error);
guint         prov_catalog_get_n_offerings        (ProvCatalog  *self);
gint64        prov_catalog_get_fetched_at         (ProvCatalog  *self);
ProvOffering *prov_catalog_lookup                 (ProvCatalog  *self,
                                                   const char   *id);
GListModel   *prov_catalog_list                   (ProvCatalog  *self,
                                                   const char   *role,
                                                   const char   *relationship_type,
                                                   const char   *related_id,
                                                   const char   *country);
GListModel   *prov_catalog_list_portfolios_with   (ProvCatalog  *self,
                                                   const char   *product_role);
GListModel   *prov_catalog_list_portfolios_of     (ProvCatalog  *self,
                                                   const char   *offering_id);
GPtrArray    *prov_catalog_get_settings           (ProvCatalog  *self,
                                                   const char   *offering_id);
ProvOffering *prov_catalog_find_number_price     (ProvCatalog  *self,
                                                   const char   *price_list_id,
                                                   const char   *grade);
ProvPinRule  *prov_catalog_dup_pin_rule           (ProvCatalog  *self,
                                                   const char   *offering_id);

G_END_DECLS
