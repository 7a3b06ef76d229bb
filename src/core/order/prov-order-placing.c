#include <string.h>

#include <glib/gi18n-lib.h>

#include "prov-ids.h"
#include "prov-inventory.h"
#include "prov-line-request.h"
#include "prov-order-field.h"
#include "prov-order-placing.h"
#include "prov-sim-link.h"
#include "prov-order-rules.h"
#include "prov-pin-rule.h"

/*
 * The order model's own idea of "complete": a customer, and on every line
 * what the carrier needs to act on it (a product to add, or the existing
 * product to change or end), and every field passing the rule the pages
 * check it by (identifiers, e-mail addresses, the start date, the PIN).
 * With the carrier's catalog at hand, a line's product also decides its
 * PIN rule and the contract durations it can have. The pages check more
 * as the clerk types; this holds for an order from anywhere, an imported
 * one included.
 */

G_DEFINE_QUARK (prov-order-error-quark, prov_order_error)

/* The rules the pages check as the clerk types, for the fields that have
 * them. */
static char *
check_field (const ProvOrderField *field,
             const char           *value,
             const ProvPinRule    *pin_rule)
{
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(ProvId) id = NULL;

  if (field == NULL || value == NULL)
    return NULL;

  switch (field->kind)
    {
    case PROV_FIELD_IDENTIFIER:
      id = prov_id_parse (field->id_kind, value);
      return id->valid ? NULL : g_strdup (id->message);

    case PROV_FIELD_SECRET:
      return g_str_equal (field->key, PROV_ORDER_FIELD_EXTENSION_PIN) ? prov_pin_rule_check (pin_rule, value) : NULL;

    case PROV_FIELD_DATE:
      /* A start date in the past cannot be ordered; a porting date can
       * be the donor's. */
      if (!g_str_equal (field->key, PROV_ORDER_FIELD_STOCKTAKING_START_DATE) || strlen (value) != 10)
        return NULL;
      today = g_date_time_new_now_local ();
      return prov_rule_check_start_date (value, today);

    case PROV_FIELD_TEXT:
      return g_str_has_suffix (field->key, ".email") ? prov_rule_check_email (value) : NULL;

    default:
      return NULL;
    }
}

static void
add_problem (GPtrArray  *problems,
             const char *line_id,
             const char *title,
             const char *problem)
{
  if (line_id != NULL)
    /* Translators: "Line 2: SIM (ICCID): the check digit is wrong" */
    g_ptr_array_add (problems, g_strdup_printf (_("Line %s: %s: %s"), line_id, title, problem));
  else
    /* Translators: "User's e-mail: this is not an e-mail address" */
    g_ptr_array_add (problems, g_strdup_printf (_("%s: %s"), title, problem));
}

static void
check_fields (GPtrArray         *problems,
              const char        *line_id,
              GHashTable        *fields,
              const ProvPinRule *pin_rule)
{
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (fields), (GCompareFunc) g_strcmp0);

  for (GList *l = keys; l != NULL; l = l->next)
    {
      const ProvOrderField *field = prov_order_field_lookup (l->data);
      g_autofree char *problem = check_field (field, g_hash_table_lookup (fields, l->data), pin_rule);

      if (problem != NULL)
        add_problem (problems, line_id, prov_order_field_get_title (field), problem);
    }
}

/* A contract the line's product is not sold for. */
static void
check_contract (GPtrArray     *problems,
                const char    *line_id,
                ProvOrderLine *line,
                ProvOffering  *product)
{
  const char *months = prov_order_line_get_field (line, PROV_ORDER_FIELD_STOCKTAKING_CONTRACT_MONTHS);
  guint n_terms = 0;
  g_autofree char *problem = NULL;
  guint64 wanted = 0;

  prov_offering_get_terms (product, &n_terms);
  if (months == NULL || n_terms == 0)
    return;

  if (g_ascii_string_to_unsigned (months, 10, 1, G_MAXUINT, &wanted, NULL) &&
      prov_offering_offers_term (product, (guint) wanted))
    return;

  /* Translators: "Advanced User is not sold for 36 months" */
  problem = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s is not sold for %s month", "%s is not sold for %s months",
                                          (gulong) wanted),
                             prov_offering_get_name (product), months);
  add_problem (problems, line_id, prov_order_field_get_title (prov_order_field_lookup (PROV_ORDER_FIELD_STOCKTAKING_CONTRACT_MONTHS)),
               problem);
}

/* Everything that keeps @order from being placed, each a sentence for the
 * clerk; empty when it can be placed. @catalog, when there is one, holds
 * what the lines' products allow. */
GPtrArray *
prov_order_collect_problems (ProvOrder   *order,
                             ProvCatalog *catalog)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GHashTable) own = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) keys = prov_order_dup_field_keys (order);

  g_return_val_if_fail (PROV_IS_ORDER (order), problems);
  g_return_val_if_fail (catalog == NULL || PROV_IS_CATALOG (catalog), problems);

  if (prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME) == NULL &&
      prov_order_get_customer_account (order) == NULL)
    g_ptr_array_add (problems, g_strdup (_("The order has no customer")));

  for (guint i = 0; keys[i] != NULL; i++)
    g_hash_table_insert (own, keys[i], (gpointer) prov_order_get_field (order, keys[i]));
  check_fields (problems, NULL, own, NULL);

  /* A reseller's customer account alone orders nothing: its line is empty. */
  for (guint i = 0; g_strcmp0 (prov_order_get_field (order, PROV_ORDER_FIELD_SERVICE_ACCOUNT_ONLY), "true") != 0 &&
                    i < prov_order_get_n_lines (order); i++)
    {
      ProvOrderLine *line = prov_order_get_line (order, i);
      ProvLineAction action = prov_order_line_get_action (line);
      const char *line_id = prov_order_line_get_id (line);
      const char *offering_id = prov_order_line_get_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID);
      ProvOffering *product = catalog != NULL ? prov_catalog_lookup (catalog, offering_id) : NULL;
      g_autoptr(ProvPinRule) pin_rule = product != NULL ? prov_catalog_dup_pin_rule (catalog, offering_id) : NULL;

      if (action == PROV_LINE_ACTION_ADD && offering_id == NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("Line %s: no product is chosen"), line_id));

      if ((action == PROV_LINE_ACTION_MODIFY || action == PROV_LINE_ACTION_DELETE) &&
          prov_order_line_get_product_ref (line) == NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("Line %s: it does not say which of the customer's products it changes"),
                                                    line_id));

      check_fields (problems, line_id, prov_order_line_get_fields (line), pin_rule);
      if (product != NULL && action == PROV_LINE_ACTION_ADD)
        check_contract (problems, line_id, line, product);
    }

  now = g_date_time_new_now_local ();
  prov_line_request_collect_problems (order, now, problems);

  return problems;
}

gboolean
prov_order_check_complete (ProvOrder    *order,
                           ProvCatalog  *catalog,
                           GError      **error)
{
  g_autoptr(GPtrArray) problems = prov_order_collect_problems (order, catalog);

  if (problems->len == 0)
    return TRUE;

  g_set_error_literal (error, PROV_ORDER_ERROR, PROV_ORDER_ERROR_INCOMPLETE, g_ptr_array_index (problems, 0));
  return FALSE;
}

/* Where a complete order goes when it is placed. */
ProvOrderState
prov_order_placed_state (ProvOrder *order)
{
  g_return_val_if_fail (PROV_IS_ORDER (order), PROV_ORDER_STATE_QUEUED);

  for (guint i = 0; i < prov_order_get_n_lines (order); i++)
    {
      ProvOrderLine *line = prov_order_get_line (order, i);

      if (prov_order_kind_has_traits (prov_order_get_kind (order), PROV_ORDER_KIND_INVENTORY_LATER) &&
          prov_order_line_lacks_inventory (line))
        return PROV_ORDER_STATE_AWAITING_INVENTORY;
    }

  /* Enterprise line changes pass an approval first. */
  if (prov_order_kind_has_traits (prov_order_get_kind (order), PROV_ORDER_KIND_NEEDS_APPROVAL))
    return PROV_ORDER_STATE_AWAITING_APPROVAL;

  return PROV_ORDER_STATE_QUEUED;
}

/* Whether @order, placed, waits for a manager: a request of flow 5
 * does unless the carrier profile let its type go without (the field
 * prov_line_request_apply_policy set). */
gboolean
prov_order_needs_approval (ProvOrder *order)
{
  g_return_val_if_fail (PROV_IS_ORDER (order), TRUE);

  return prov_order_kind_has_traits (prov_order_get_kind (order), PROV_ORDER_KIND_NEEDS_APPROVAL) &&
         g_strcmp0 (prov_order_get_field (order, PROV_ORDER_FIELD_REQUEST_NEEDS_APPROVAL), "false") != 0;
}

/* Where @order goes once approved: to the carrier, or completed at once
 * when the carrier has nothing to do (a line assigned to an employee,
 * the stipend). */
ProvOrderState
prov_order_approved_state (ProvOrder *order)
{
  const ProvLineRequest *request = prov_line_request_for_order (order);

  return request != NULL && !request->carrier_work ? PROV_ORDER_STATE_COMPLETED : PROV_ORDER_STATE_QUEUED;
}

/* The timeline's words for placing @order into @state. */
const char *
prov_order_placed_reason (ProvOrder      *order,
                          ProvOrderState  state)
{
  /* As in the carriers' portals: the user is created and configured at
   * the carrier now, and works once a SIM is linked to it. */
  if (state == PROV_ORDER_STATE_QUEUED && prov_order_find_line_awaiting_sim (order) != NULL)
    return _("Placed; the user is created now, the SIM is connected later");
  if (state == PROV_ORDER_STATE_QUEUED && prov_order_get_field (order, PROV_ORDER_FIELD_FOLLOWS_ORDER) != NULL)
    return _("Placed; connects the SIM of an order placed earlier");

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
