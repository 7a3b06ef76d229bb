#pragma once

#include "prov-order.h"

G_BEGIN_DECLS

/* An order placed with "connect SIM later" creates the user at the carrier;
 * the SIM follows in an order of its own that modifies the product the
 * first one created. */
ProvOrderLine *prov_order_find_line_awaiting_sim (ProvOrder      *order);
gboolean       prov_order_line_can_link_sim      (ProvOrderLine  *line,
                                                  GError        **error);
ProvOrder     *prov_order_new_sim_link           (ProvOrder      *placed,
                                                  ProvOrderLine  *line,
                                                  const char     *iccid,
                                                  const char     *who,
                                                  GError        **error);

G_END_DECLS
