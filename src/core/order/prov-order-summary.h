#pragma once

#include "prov-order.h"

G_BEGIN_DECLS

/* What the customer reads back before and after placing an order: each
 * line a translated title and the value, in the order of the pages.
 * PINs never appear, but for a factory PIN the user must change. */
typedef struct {
  char  *title;   /* translated; both freed with the array */
  char  *value;
  guint  line;    /* the order line it belongs to, from 1; 0: the order's */
} ProvSummaryLine;

GArray *prov_order_summary_lines (ProvOrder *order);

G_END_DECLS
