#pragma once

#include "prov-order.h"
#include "prov-scan.h"

G_BEGIN_DECLS

#define PROV_INVENTORY_ERROR (prov_inventory_error_quark ())
GQuark prov_inventory_error_quark (void);

typedef enum {
  PROV_INVENTORY_ERROR_NOTHING_TO_ASSIGN,  /* no SIM or device in the scan */
  PROV_INVENTORY_ERROR_INVALID,            /* one is, but it does not check out */
  PROV_INVENTORY_ERROR_ALREADY_ASSIGNED,   /* it is on a line of this order */
  PROV_INVENTORY_ERROR_NO_LINE_MISSING,    /* every line has one of its kind */
} ProvInventoryError;

/* What one scan put on an order's lines, so it can be undone. */
typedef struct _ProvInventoryAssignment ProvInventoryAssignment;

gboolean                 prov_order_line_lacks_inventory      (ProvOrderLine                  *line);
gboolean                 prov_order_inventory_complete        (ProvOrder                      *order);
ProvInventoryAssignment *prov_order_assign_scan               (ProvOrder                      *order,
                                                               const ProvScan                 *scan,
                                                               GError                        **error);
void                     prov_order_undo_assignment           (ProvOrder                      *order,
                                                               const ProvInventoryAssignment  *assignment);
char                    *prov_inventory_assignment_describe   (const ProvInventoryAssignment  *assignment);
void                     prov_inventory_assignment_free       (ProvInventoryAssignment        *assignment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvInventoryAssignment, prov_inventory_assignment_free)

G_END_DECLS
