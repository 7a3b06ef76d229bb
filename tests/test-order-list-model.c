#include "prov-order-list-model.h"
#include "prov-test-util.h"

#define N_ORDERS 250

typedef struct {
  char               *dir;
  ProvStore          *store;
  ProvOrderListModel *model;
} Fixture;

static void
wait_until_counted (ProvOrderListModel *model)
{
  while (!prov_order_list_model_get_counted (model))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = prov_test_make_tmp_dir ();
  path = g_build_filename (fixture->dir, "orders.db", NULL);
  fixture->store = prov_test_open_store (path, NULL);

  for (guint i = 0; i < N_ORDERS; i++)
    {
      g_autoptr(ProvOrder) order = prov_order_new (i % 2 ? PROV_ORDER_KIND_USER_EXTENSION
                                                         : PROV_ORDER_KIND_MOBILE_USER, "clerk");
      g_autofree char *name = g_strdup_printf ("Customer %03u", i);
      g_autoptr(GPtrArray) conflicts = NULL;

      prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, name);
      conflicts = prov_test_save (fixture->store, order, NULL);
      g_assert_nonnull (conflicts);
    }

  fixture->model = prov_order_list_model_new (fixture->store);
  wait_until_counted (fixture->model);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->model);
  g_clear_object (&fixture->store);
  prov_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static ProvOrder *
wait_for_order (ProvOrderListItem *item)
{
  while (prov_order_list_item_get_order (item) == NULL)
    g_main_context_iteration (NULL, TRUE);

  return prov_order_list_item_get_order (item);
}

static void
test_pages_load_on_demand (Fixture       *fixture,
                           gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->model);
  g_autoptr(ProvOrderListItem) first = NULL;
  g_autoptr(ProvOrderListItem) last = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_ORDERS);
  g_assert_true (g_list_model_get_item_type (model) == PROV_TYPE_ORDER_LIST_ITEM);
  g_assert_null (g_list_model_get_item (model, N_ORDERS));

  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (prov_order_get_field (wait_for_order (first), PROV_ORDER_FIELD_CUSTOMER_NAME), ==,
                   "Customer 249");

  last = g_list_model_get_item (model, N_ORDERS - 1);
  g_assert_cmpstr (prov_order_get_field (wait_for_order (last), PROV_ORDER_FIELD_CUSTOMER_NAME), ==,
                   "Customer 000");
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *calls)
{
  (*calls)++;
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->model);
  g_autoptr(ProvOrderFilter) by_kind = prov_order_filter_new (NULL, 0, 1u << PROV_ORDER_KIND_USER_EXTENSION);
  g_autoptr(ProvOrderFilter) by_text = prov_order_filter_new ("customer 12", 0, 0);
  g_autoptr(ProvOrderListItem) item = NULL;
  guint calls = 0;

  g_signal_connect (model, "items-changed", G_CALLBACK (count_items_changed), &calls);

  prov_order_list_model_set_filter (fixture->model, by_kind);
  while (calls == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_ORDERS / 2);

  prov_order_list_model_set_filter (fixture->model, by_text);
  while (calls == 1)
    g_main_context_iteration (NULL, TRUE);
  /* "Customer 120" … "Customer 129", matched case-insensitively */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);
  item = g_list_model_get_item (model, 0);
  g_assert_cmpstr (prov_order_get_field (wait_for_order (item), PROV_ORDER_FIELD_CUSTOMER_NAME), ==,
                   "Customer 129");
}

static void
test_follows_the_store (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->model);
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
  g_autoptr(ProvOrderListItem) top = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Newest Customer");
  conflicts = prov_test_save (fixture->store, order, NULL);

  while (g_list_model_get_n_items (model) == N_ORDERS)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_ORDERS + 1);

  top = g_list_model_get_item (model, 0);
  g_assert_cmpstr (prov_order_get_uuid (wait_for_order (top)), ==, prov_order_get_uuid (order));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/order-list-model/pages-load-on-demand", Fixture, NULL, fixture_set_up, test_pages_load_on_demand, fixture_tear_down);
  g_test_add ("/order-list-model/filter", Fixture, NULL, fixture_set_up, test_filter, fixture_tear_down);
  g_test_add ("/order-list-model/follows-the-store", Fixture, NULL, fixture_set_up, test_follows_the_store, fixture_tear_down);

  return g_test_run ();
}
