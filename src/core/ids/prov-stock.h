#pragma once

#include <glib-object.h>

#include "prov-id-kind.h"

G_BEGIN_DECLS

/* SIMs by ICCID; devices by IMEI, or MEID and ESN for CDMA phones. */
#define PROV_STOCK_KINDS ((1u << PROV_ID_KIND_ICCID) | (1u << PROV_ID_KIND_IMEI) | \
                          (1u << PROV_ID_KIND_MEID) | (1u << PROV_ID_KIND_ESN))

/* Stored in the database: never renumber, only append. */
typedef enum {
  PROV_STOCK_STATUS_IN_STOCK = 1,
  PROV_STOCK_STATUS_RESERVED = 2,
  PROV_STOCK_STATUS_ASSIGNED = 3,
  PROV_STOCK_STATUS_USED = 4,
  PROV_STOCK_STATUS_FAULTY = 5,
  /* Came back from a customer: a SIM or device a request replaced. */
  PROV_STOCK_STATUS_RETURNED = 6,
} ProvStockStatus;

/* A SIM or device the store has on its shelves. */
typedef struct {
  ProvIdKind       kind;
  char            *identifier;
  ProvStockStatus  status;
  char            *model;
  gint64           added_at;
} ProvStockItem;

#define PROV_TYPE_STOCK_ITEM (prov_stock_item_get_type ())
GType          prov_stock_item_get_type       (void);
ProvStockItem *prov_stock_item_new            (ProvIdKind           kind,
                                               const char          *identifier,
                                               const char          *model);
ProvStockItem *prov_stock_item_copy           (const ProvStockItem *item);
void           prov_stock_item_free           (ProvStockItem       *item);
const char    *prov_stock_status_get_title    (ProvStockStatus      status);
gboolean       prov_stock_accepts_kind        (ProvIdKind           kind);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvStockItem, prov_stock_item_free)

gboolean       prov_stock_parse_csv           (const char          *data,
                                               gssize               length,
                                               GPtrArray          **items,
                                               GPtrArray          **problems);

G_END_DECLS
