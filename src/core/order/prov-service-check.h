#pragma once

#include "prov-catalog.h"
#include "prov-order.h"

G_BEGIN_DECLS

/* An error must be fixed before the services are created; a warning is a
 * minor fault the clerk may accept, knowing what may not work. */
typedef enum {
  PROV_VALIDITY_ERROR,
  PROV_VALIDITY_WARNING,
} ProvValiditySeverity;

typedef struct {
  ProvValiditySeverity  severity;
  const char           *page_id;   /* the page that fixes it */
  char                 *message;   /* translated; a warning's says what may not work */
} ProvValidityItem;

void       prov_validity_item_free  (ProvValidityItem *item);
/* The full validity report of an add-services order: a GPtrArray of
 * ProvValidityItem, errors first, each in the order of the pages. */
GPtrArray *prov_service_check       (ProvOrder        *order,
                                     ProvCatalog      *catalog);
guint      prov_service_check_count (GPtrArray        *report,
                                     ProvValiditySeverity severity);

G_END_DECLS
