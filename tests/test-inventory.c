/* Scanning a new customer's inventory into the order: each scan goes to
 * the next line lacking what it holds, a dual-SIM box to one line whole,
 * nothing twice, and every scan can be undone. */
#include <string.h>

#include "prov-inventory.h"
#include "prov-order-field.h"
#include "prov-order-placing.h"
#include "prov-test-util.h"

static ProvOrder *
new_three_lines (void)
{
  ProvOrder *order = prov_order_new (PROV_ORDER_KIND_NEW_WIRELESS_CUSTOMER, "clerk");
  ProvOrderLine *changed;

  /* Two new lines (the order starts with one)… */
  prov_order_add_line (order);
  /* …and a change of an existing product needs no inventory. */
  changed = prov_order_add_line (order);
  prov_order_line_set_action (changed, PROV_LINE_ACTION_MODIFY);
  prov_order_line_set_product_ref (changed, "product-9");

  return order;
}

static ProvInventoryAssignment *
scan_into (ProvOrder  *order,
           const char *raw,
           GError    **error)
{
  g_autoptr(ProvScan) scan = prov_scan_parse (raw);

  return prov_order_assign_scan (order, scan, error);
}

static const char *
line_field (ProvOrder  *order,
            guint       index,
            const char *key)
{
  return prov_order_line_get_field (prov_order_get_line (order, index), key);
}

static void
test_scans_fill_lines_in_order (void)
{
  g_autoptr(ProvOrder) order = new_three_lines ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sim_1 = prov_test_make_iccid (1);
  g_autofree char *sim_2 = prov_test_make_iccid (2);
  g_autofree char *sim_3 = prov_test_make_iccid (3);
  g_autoptr(ProvInventoryAssignment) box = NULL;
  g_autoptr(ProvInventoryAssignment) first_sim = NULL;
  g_autoptr(ProvInventoryAssignment) second_sim = NULL;
  g_autoptr(ProvInventoryAssignment) meid = NULL;
  g_autoptr(ProvInventoryAssignment) again = NULL;
  g_autoptr(ProvInventoryAssignment) too_many = NULL;
  g_autoptr(ProvInventoryAssignment) extra_device = NULL;
  g_autoptr(ProvInventoryAssignment) nothing = NULL;
  g_autoptr(ProvInventoryAssignment) invalid = NULL;
  g_autofree char *described = NULL;

  g_assert_false (prov_order_inventory_complete (order));
  g_assert_cmpint (prov_order_placed_state (order), ==, PROV_ORDER_STATE_AWAITING_INVENTORY);

  /* A dual-SIM phone's box: both IMEIs on the first line. */
  box = scan_into (order, "(01)09506000134352(8040)490154203237518(8041)356938035643809", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line_field (order, 0, PROV_ORDER_FIELD_DEVICE_IMEI), ==, "490154203237518");
  g_assert_cmpstr (line_field (order, 0, PROV_ORDER_FIELD_DEVICE_IMEI2), ==, "356938035643809");
  described = prov_inventory_assignment_describe (box);
  g_assert_nonnull (strstr (described, "490154203237518"));
  g_assert_nonnull (strstr (described, "line 1"));

  first_sim = scan_into (order, sim_1, &error);
  g_assert_no_error (error);
  second_sim = scan_into (order, sim_2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line_field (order, 0, PROV_ORDER_FIELD_SIM_ICCID), ==, sim_1);
  g_assert_cmpstr (line_field (order, 1, PROV_ORDER_FIELD_SIM_ICCID), ==, sim_2);

  /* The same SIM again is refused, naming the line that has it. */
  again = scan_into (order, sim_1, &error);
  g_assert_null (again);
  g_assert_error (error, PROV_INVENTORY_ERROR, PROV_INVENTORY_ERROR_ALREADY_ASSIGNED);
  g_assert_nonnull (strstr (error->message, "line 1"));
  g_clear_error (&error);

  /* The third line changes a product: no room for a third SIM. */
  too_many = scan_into (order, sim_3, &error);
  g_assert_null (too_many);
  g_assert_error (error, PROV_INVENTORY_ERROR, PROV_INVENTORY_ERROR_NO_LINE_MISSING);
  g_clear_error (&error);

  nothing = scan_into (order, "+31201234567", &error);
  g_assert_error (error, PROV_INVENTORY_ERROR, PROV_INVENTORY_ERROR_NOTHING_TO_ASSIGN);
  g_clear_error (&error);
  invalid = scan_into (order, "490154203237517", &error);
  g_assert_null (invalid);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* An MEID is the second line's device: the inventory is complete. */
  meid = scan_into (order, "A10000009296F2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line_field (order, 1, PROV_ORDER_FIELD_DEVICE_MEID), ==, "A10000009296F2");
  g_assert_true (prov_order_inventory_complete (order));
  g_assert_cmpint (prov_order_placed_state (order), ==, PROV_ORDER_STATE_QUEUED);

  extra_device = scan_into (order, "356938035643809", &error);
  g_assert_error (error, PROV_INVENTORY_ERROR, PROV_INVENTORY_ERROR_ALREADY_ASSIGNED);
  g_clear_error (&error);

  /* Undo, newest first: the second line lacks its device again, then the
   * first line its phone. */
  prov_order_undo_assignment (order, meid);
  g_assert_null (line_field (order, 1, PROV_ORDER_FIELD_DEVICE_MEID));
  g_assert_false (prov_order_inventory_complete (order));
  prov_order_undo_assignment (order, box);
  g_assert_null (line_field (order, 0, PROV_ORDER_FIELD_DEVICE_IMEI));
  g_assert_null (line_field (order, 0, PROV_ORDER_FIELD_DEVICE_IMEI2));
  g_assert_cmpstr (line_field (order, 0, PROV_ORDER_FIELD_SIM_ICCID), ==, sim_1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/inventory/scans-fill-lines-in-order", test_scans_fill_lines_in_order);

  return g_test_run ();
}
