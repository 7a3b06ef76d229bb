#pragma once

#include "prov-order.h"

G_BEGIN_DECLS

/* What the customer reads back before and after placing an order: each
 * line a translated title and the value, in the order of the pages.
 * Secrets (PINs) never appear. */
typedef struct {
  const char *title;   /* translated, static */
  const char *value;   /* owned by the order */
} ProvSummaryLine;

GArray *prov_order_summary_lines (ProvOrder *order);

G_END_DECLS
