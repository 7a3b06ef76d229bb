#include <glib/gi18n-lib.h>

#include "prov-order-field.h"
#include "prov-order-placing.h"
#include "prov-sim-link.h"

/* The line of @order that was placed without its SIM, or NULL. */
ProvOrderLine *
prov_order_find_line_awaiting_sim (ProvOrder *order)
{
  g_return_val_if_fail (PROV_IS_ORDER (order), NULL);

  for (guint i = 0; i < prov_order_get_n_lines (order); i++)
    {
      ProvOrderLine *line = prov_order_get_line (order, i);

      if (prov_order_line_get_action (line) == PROV_LINE_ACTION_ADD &&
          g_strcmp0 (prov_order_line_get_field (line, PROV_ORDER_FIELD_SIM_MODE), "later") == 0 &&
          prov_order_line_get_field (line, PROV_ORDER_FIELD_SIM_ICCID) == NULL)
        return line;
    }

  return NULL;
}

/* A modify needs the id of the product the carrier created, which it
 * reports on the order's item (productOrderItem.product.id). */
gboolean
prov_order_line_can_link_sim (ProvOrderLine  *line,
                              GError        **error)
{
  g_return_val_if_fail (PROV_IS_ORDER_LINE (line), FALSE);

  if (prov_order_line_get_product_ref (line) != NULL)
    return TRUE;

  g_set_error_literal (error, PROV_ORDER_ERROR, PROV_ORDER_ERROR_INCOMPLETE,
                       _("The carrier has not yet reported the user it created for this order. "
                         "The SIM can be connected as soon as it has."));
  return FALSE;
}

/* The order that links @iccid to the product @line of @placed created: one
 * line, a modify of that product, for the same customer. */
ProvOrder *
prov_order_new_sim_link (ProvOrder      *placed,
                         ProvOrderLine  *line,
                         const char     *iccid,
                         const char     *who,
                         GError        **error)
{
  static const char * const kept_from_line[] = {
    PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_NAME, PROV_ORDER_FIELD_USER_DISPLAY_NAME, PROV_ORDER_FIELD_NUMBER_MSISDN,
  };
  g_autoptr(ProvOrder) link = NULL;
  ProvOrderLine *change;

  g_return_val_if_fail (PROV_IS_ORDER (placed), NULL);
  g_return_val_if_fail (PROV_IS_ORDER_LINE (line), NULL);
  g_return_val_if_fail (iccid != NULL, NULL);

  if (!prov_order_line_can_link_sim (line, error))
    return NULL;

  link = prov_order_new (prov_order_get_kind (placed), who);
  prov_order_set_field (link, PROV_ORDER_FIELD_CUSTOMER_ID, prov_order_get_field (placed, PROV_ORDER_FIELD_CUSTOMER_ID));
  prov_order_set_field (link, PROV_ORDER_FIELD_CUSTOMER_UUID,
                        prov_order_get_field (placed, PROV_ORDER_FIELD_CUSTOMER_UUID));
  prov_order_set_field (link, PROV_ORDER_FIELD_CUSTOMER_NAME,
                        prov_order_get_field (placed, PROV_ORDER_FIELD_CUSTOMER_NAME));
  prov_order_set_field (link, PROV_ORDER_FIELD_REFERENCE, prov_order_get_field (placed, PROV_ORDER_FIELD_REFERENCE));
  prov_order_set_field (link, PROV_ORDER_FIELD_FOLLOWS_ORDER, prov_order_get_uuid (placed));

  change = prov_order_get_line (link, 0);
  prov_order_line_set_action (change, PROV_LINE_ACTION_MODIFY);
  prov_order_line_set_product_ref (change, prov_order_line_get_product_ref (line));
  for (guint i = 0; i < G_N_ELEMENTS (kept_from_line); i++)
    prov_order_line_set_field (change, kept_from_line[i], prov_order_line_get_field (line, kept_from_line[i]));
  prov_order_line_set_field (change, PROV_ORDER_FIELD_SIM_MODE, "now");
  prov_order_line_set_field (change, PROV_ORDER_FIELD_SIM_ICCID, iccid);
  prov_order_set_current_page (link, NULL);

  return g_steal_pointer (&link);
}
