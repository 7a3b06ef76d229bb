#include <string.h>

#include "prov-order-field.h"
#include "prov-test-util.h"

static void
test_csv_with_header (void)
{
  const char *csv =
    "Type;ICCID or IMEI;Model\n"
    "sim;8901 4103 2111 1851 0720;Prepaid 3-in-1\n"
    "device;\"490154203237518\";\"Fairphone 5; black\"\n"
    "device;490154203237517;Broken label\n"
    "\n"
    "sim;;\n";
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  ProvStockItem *item;

  g_assert_true (prov_stock_parse_csv (csv, -1, &items, &problems));
  g_assert_cmpuint (items->len, ==, 2);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpint (item->kind, ==, PROV_ID_KIND_ICCID);
  g_assert_cmpstr (item->identifier, ==, "89014103211118510720");
  g_assert_cmpstr (item->model, ==, "Prepaid 3-in-1");
  item = g_ptr_array_index (items, 1);
  g_assert_cmpint (item->kind, ==, PROV_ID_KIND_IMEI);
  g_assert_cmpstr (item->model, ==, "Fairphone 5; black");

  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "Line 4: 490154203237517: "));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "8"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 1), "Line 6: "));
}

static void
test_csv_without_header (void)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_true (prov_stock_parse_csv ("8931440400000000008\n490154203237518,Demo phone\n+31201234567\n", -1,
                                       &items, &problems));
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (((ProvStockItem *) g_ptr_array_index (items, 0))->kind, ==, PROV_ID_KIND_ICCID);
  g_assert_cmpint (((ProvStockItem *) g_ptr_array_index (items, 1))->kind, ==, PROV_ID_KIND_IMEI);
  g_assert_cmpstr (((ProvStockItem *) g_ptr_array_index (items, 1))->model, ==, "Demo phone");
  /* A phone number is valid, but not stock. */
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "Line 3: "));

  g_clear_pointer (&items, g_ptr_array_unref);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_false (prov_stock_parse_csv ("nothing here\n", -1, &items, &problems));
  g_assert_cmpuint (items->len, ==, 0);
}

/* No header, and words in the first line that a header might hold
 * ("sim", "Model B"): a line with an identifier is data, its columns
 * found by what they hold. A mistyped identifier in the first line is
 * named, not skipped as a header. */
static void
test_csv_first_line_with_words (void)
{
  g_autofree char *first = prov_test_make_iccid (801);
  g_autofree char *second = prov_test_make_iccid (802);
  g_autofree char *third = prov_test_make_iccid (803);
  g_autofree char *csv = g_strdup_printf ("%s,sim,Model B\n%s,sim,Model B\n%s,sim,Galaxy S24\n", first, second, third);
  g_autofree char *mistyped = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_true (prov_stock_parse_csv (csv, -1, &items, &problems));
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpuint (problems->len, ==, 0);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpint (((ProvStockItem *) g_ptr_array_index (items, i))->kind, ==, PROV_ID_KIND_ICCID);
  g_assert_cmpstr (((ProvStockItem *) g_ptr_array_index (items, 0))->identifier, ==, first);
  g_assert_cmpstr (((ProvStockItem *) g_ptr_array_index (items, 0))->model, ==, "Model B");
  g_assert_cmpstr (((ProvStockItem *) g_ptr_array_index (items, 2))->model, ==, "Galaxy S24");
  g_clear_pointer (&items, g_ptr_array_unref);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* The model first, the kind last. */
  g_assert_true (prov_stock_parse_csv ("Galaxy S24;490154203237518;device\n", -1, &items, &problems));
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (((ProvStockItem *) g_ptr_array_index (items, 0))->kind, ==, PROV_ID_KIND_IMEI);
  g_assert_cmpstr (((ProvStockItem *) g_ptr_array_index (items, 0))->model, ==, "Galaxy S24");
  g_clear_pointer (&items, g_ptr_array_unref);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Its check digit wrong. */
  mistyped = g_strdup_printf ("%.18s%c,sim,Model B\n%s,sim,Model B\n", first, first[18] == '0' ? '1' : '0', second);
  g_assert_true (prov_stock_parse_csv (mistyped, -1, &items, &problems));
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "Line 1: "));
}

static GPtrArray *
find (ProvStore  *store,
      guint32     kinds,
      const char *suffix)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  prov_store_find_stock_async (store, kinds, suffix, PROV_STOCK_STATUS_IN_STOCK, 10, NULL,
                               prov_test_store_result, &result);
  items = prov_store_find_stock_finish (store, prov_test_await (&result), NULL, &error);
  g_assert_no_error (error);

  return items;
}

static void
test_add_and_pick_by_last_digits (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "orders.db", NULL);
  g_autoptr(ProvStore) store = prov_test_open_store (path, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_stock_item_free);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0, known = 0;

  g_ptr_array_add (items, prov_stock_item_new (PROV_ID_KIND_ICCID, "89014103211118510720", NULL));
  g_ptr_array_add (items, prov_stock_item_new (PROV_ID_KIND_ICCID, "8931440400000000008", NULL));
  g_ptr_array_add (items, prov_stock_item_new (PROV_ID_KIND_ICCID, "8931440400000010008", NULL));
  g_ptr_array_add (items, prov_stock_item_new (PROV_ID_KIND_IMEI, "490154203237518", "Fairphone 5"));
  g_ptr_array_add (items, prov_stock_item_new (PROV_ID_KIND_ICCID, "89014103211118510720", NULL));

  prov_store_add_stock_async (store, items, NULL, prov_test_store_result, &result);
  g_assert_true (prov_store_add_stock_finish (store, prov_test_await (&result), &added, &known, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 4);
  g_assert_cmpuint (known, ==, 1);

  /* Unique last four digits pick one SIM… */
  found = find (store, 1u << PROV_ID_KIND_ICCID, "0720");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((ProvStockItem *) g_ptr_array_index (found, 0))->identifier, ==, "89014103211118510720");
  g_clear_pointer (&found, g_ptr_array_unref);

  /* …shared ones give every candidate, for the clerk to choose. */
  found = find (store, 1u << PROV_ID_KIND_ICCID, "0008");
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Kinds are kept apart: a device ending in 7518 is no SIM. */
  found = find (store, 1u << PROV_ID_KIND_ICCID, "7518");
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = find (store, 1u << PROV_ID_KIND_IMEI, "7518");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((ProvStockItem *) g_ptr_array_index (found, 0))->model, ==, "Fairphone 5");

  g_clear_object (&store);
  prov_test_remove_tree (dir);
}

static ProvStockStatus
status_of (ProvStore  *store,
           guint32     kinds,
           const char *suffix)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  prov_store_find_stock_async (store, kinds, suffix, 0, 10, NULL, prov_test_store_result, &result);
  items = prov_store_find_stock_finish (store, prov_test_await (&result), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);

  return ((ProvStockItem *) g_ptr_array_index (items, 0))->status;
}

static ProvOrder *
place_with (ProvStore  *store,
            const char *iccid,
            const char *imei)
{
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Jan Jansen");
  prov_order_set_field (order, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, "voice-advanced");
  prov_order_set_field (order, PROV_ORDER_FIELD_SIM_ICCID, iccid);
  prov_order_set_field (order, PROV_ORDER_FIELD_DEVICE_IMEI, imei);
  prov_store_place_order_async (store, order, NULL, "clerk", NULL, prov_test_store_result, &result);
  g_assert_true (prov_store_place_order_finish (store, prov_test_await (&result), &error));
  g_assert_no_error (error);

  return g_steal_pointer (&order);
}

/* Stock follows the orders: a placed order's SIM and device are assigned
 * (no longer offered by their last digits), a cancelled order's go back
 * on the shelf, a completed order's are used. */
static void
test_stock_follows_orders (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "orders.db", NULL);
  g_autoptr(ProvStore) store = prov_test_open_store (path, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_stock_item_free);
  g_autoptr(GPtrArray) offered = NULL;
  g_autoptr(ProvOrder) cancelled = NULL;
  g_autoptr(ProvOrder) completed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0, known = 0;

  g_ptr_array_add (items, prov_stock_item_new (PROV_ID_KIND_ICCID, "8931440400000000008", NULL));
  g_ptr_array_add (items, prov_stock_item_new (PROV_ID_KIND_ICCID, "8931440400000000016", NULL));
  g_ptr_array_add (items, prov_stock_item_new (PROV_ID_KIND_IMEI, "490154203237518", "Fairphone 5"));
  prov_store_add_stock_async (store, items, NULL, prov_test_store_result, &result);
  g_assert_true (prov_store_add_stock_finish (store, prov_test_await (&result), &added, &known, &error));
  g_assert_no_error (error);

  cancelled = place_with (store, "8931440400000000008", "490154203237518");
  g_assert_cmpint (status_of (store, 1u << PROV_ID_KIND_ICCID, "0008"), ==, PROV_STOCK_STATUS_ASSIGNED);
  g_assert_cmpint (status_of (store, 1u << PROV_ID_KIND_IMEI, "7518"), ==, PROV_STOCK_STATUS_ASSIGNED);
  offered = find (store, 1u << PROV_ID_KIND_ICCID, "0008");
  g_assert_cmpuint (offered->len, ==, 0);
  g_clear_pointer (&offered, g_ptr_array_unref);

  g_assert_true (prov_test_transition (store, cancelled, PROV_ORDER_STATE_CANCELLED, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (store, 1u << PROV_ID_KIND_ICCID, "0008"), ==, PROV_STOCK_STATUS_IN_STOCK);
  g_assert_cmpint (status_of (store, 1u << PROV_ID_KIND_IMEI, "7518"), ==, PROV_STOCK_STATUS_IN_STOCK);

  completed = place_with (store, "8931440400000000016", "490154203237518");
  g_assert_true (prov_test_transition (store, completed, PROV_ORDER_STATE_ACKNOWLEDGED, &error));
  g_assert_true (prov_test_transition (store, completed, PROV_ORDER_STATE_COMPLETED, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (store, 1u << PROV_ID_KIND_ICCID, "0016"), ==, PROV_STOCK_STATUS_USED);
  g_assert_cmpint (status_of (store, 1u << PROV_ID_KIND_IMEI, "7518"), ==, PROV_STOCK_STATUS_USED);
  /* The cancelled order's SIM stays on the shelf. */
  g_assert_cmpint (status_of (store, 1u << PROV_ID_KIND_ICCID, "0008"), ==, PROV_STOCK_STATUS_IN_STOCK);

  g_clear_object (&store);
  prov_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stock/csv-with-header", test_csv_with_header);
  g_test_add_func ("/stock/csv-without-header", test_csv_without_header);
  g_test_add_func ("/stock/csv-first-line-with-words", test_csv_first_line_with_words);
  g_test_add_func ("/stock/add-and-pick-by-last-digits", test_add_and_pick_by_last_digits);
  g_test_add_func ("/stock/stock-follows-orders", test_stock_follows_orders);

  return g_test_run ();
}
