#include <glib/gi18n-lib.h>

#include "prov-ids.h"
#include "prov-order-field.h"
#include "prov-order-placing.h"

/*
 * The order model's own idea of "complete": a customer, and on every line
 * what the carrier needs to act on it (a product to add, or the existing
 * product to change or end), with every identifier valid. The assistant's
 * pages check much more as the clerk types; this is what holds for an
 * order from anywhere, an imported one included.
 */

G_DEFINE_QUARK (prov-order-error-quark, prov_order_error)

static gboolean
fail (GError    **error,
      const char *message)
{
  g_set_error_literal (error, PROV_ORDER_ERROR, PROV_ORDER_ERROR_INCOMPLETE, message);
  return FALSE;
}

static gboolean
check_identifiers (ProvOrderLine  *line,
                   GError        **error)
{
  g_auto(GStrv) keys = prov_order_line_dup_field_keys (line);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const ProvOrderField *field = prov_order_field_lookup (keys[i]);
      g_autoptr(ProvId) id = NULL;

      if (field == NULL || field->kind != PROV_FIELD_IDENTIFIER)
        continue;

      id = prov_id_parse (field->id_kind, prov_order_line_get_field (line, keys[i]));
      if (!id->valid)
        {
          /* Translators: "Line 2: SIM (ICCID): the check digit is wrong" */
          g_autofree char *message = g_strdup_printf (_("Line %s: %s: %s"), prov_order_line_get_id (line),
                                                      prov_order_field_get_title (field), id->message);
          return fail (error, message);
        }
    }

  return TRUE;
}

gboolean
prov_order_check_complete (ProvOrder  *order,
                           GError    **error)
{
  g_return_val_if_fail (PROV_IS_ORDER (order), FALSE);

  if (prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME) == NULL &&
      prov_order_get_field (order, "customer.id") == NULL)
    return fail (error, _("The order has no customer"));

  for (guint i = 0; i < prov_order_get_n_lines (order); i++)
    {
      ProvOrderLine *line = prov_order_get_line (order, i);
      ProvLineAction action = prov_order_line_get_action (line);

      if (action == PROV_LINE_ACTION_ADD && prov_order_line_get_field (line, "subscription.offering-id") == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Line %s: no product is chosen"), prov_order_line_get_id (line));
          return fail (error, message);
        }

      if ((action == PROV_LINE_ACTION_MODIFY || action == PROV_LINE_ACTION_DELETE) &&
          prov_order_line_get_product_ref (line) == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Line %s: it does not say which of the customer's products it changes"),
                                                      prov_order_line_get_id (line));
          return fail (error, message);
        }

      if (!check_identifiers (line, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
line_lacks_inventory (ProvOrderLine *line)
{
  return prov_order_line_get_action (line) == PROV_LINE_ACTION_ADD &&
         (prov_order_line_get_field (line, PROV_ORDER_FIELD_ICCID) == NULL ||
          prov_order_line_get_field (line, PROV_ORDER_FIELD_IMEI) == NULL);
}

/* Where a complete order goes when it is placed. */
ProvOrderState
prov_order_placed_state (ProvOrder *order)
{
  g_return_val_if_fail (PROV_IS_ORDER (order), PROV_ORDER_STATE_QUEUED);

  for (guint i = 0; i < prov_order_get_n_lines (order); i++)
    {
      ProvOrderLine *line = prov_order_get_line (order, i);

      if (g_strcmp0 (prov_order_line_get_field (line, "sim.mode"), "later") == 0)
        return PROV_ORDER_STATE_AWAITING_SIM;
      if (prov_order_get_kind (order) == PROV_ORDER_KIND_NEW_WIRELESS_CUSTOMER && line_lacks_inventory (line))
        return PROV_ORDER_STATE_AWAITING_INVENTORY;
    }

  /* Enterprise line changes pass an approval first. */
  if (prov_order_get_kind (order) == PROV_ORDER_KIND_LINE_LIFECYCLE)
    return PROV_ORDER_STATE_AWAITING_APPROVAL;

  return PROV_ORDER_STATE_QUEUED;
}

/* The timeline's words for placing into @state. */
const char *
prov_order_placed_reason (ProvOrderState state)
{
  switch (state)
    {
    case PROV_ORDER_STATE_AWAITING_SIM:
      return _("Placed; the SIM is connected later");
    case PROV_ORDER_STATE_AWAITING_INVENTORY:
      return _("Placed; waiting for its devices and SIMs to be scanned");
    case PROV_ORDER_STATE_AWAITING_APPROVAL:
      return _("Placed; waiting for approval");
    default:
      return _("Placed at the counter");
    }
}
