#include "prov-order-kind.h"

static void
test_ids_round_trip (void)
{
  for (int value = PROV_ORDER_KIND_FIRST; value <= PROV_ORDER_KIND_LAST; value++)
    {
      ProvOrderKind parsed = 0;
      const char *id = prov_order_kind_to_id (value);

      g_assert_nonnull (id);
      g_assert_true (prov_order_kind_from_id (id, &parsed));
      g_assert_cmpint (parsed, ==, value);
      g_assert_nonnull (prov_order_kind_get_title (value));
      g_assert_cmpstr (prov_order_kind_get_title (value), !=, "");
    }
}

/* The numbers are stored in databases in the field: they must never move. */
static void
test_stored_values_are_stable (void)
{
  ProvOrderKind kind = 0;

  g_assert_true (prov_order_kind_from_id ("mobile-user", &kind));
  g_assert_cmpint (kind, ==, 1);
  g_assert_true (prov_order_kind_from_id ("user-extension", &kind));
  g_assert_cmpint (kind, ==, 2);
  g_assert_true (prov_order_kind_from_id ("new-wireless-customer", &kind));
  g_assert_cmpint (kind, ==, 3);
  g_assert_true (prov_order_kind_from_id ("add-services", &kind));
  g_assert_cmpint (kind, ==, 4);
  g_assert_true (prov_order_kind_from_id ("line-lifecycle", &kind));
  g_assert_cmpint (kind, ==, 5);
}

static void
test_unknown_ids (void)
{
  ProvOrderKind kind = PROV_ORDER_KIND_ADD_SERVICES;

  g_assert_false (prov_order_kind_from_id (NULL, &kind));
  g_assert_false (prov_order_kind_from_id ("", &kind));
  g_assert_false (prov_order_kind_from_id ("Mobile-User", &kind));
  g_assert_cmpint (kind, ==, PROV_ORDER_KIND_ADD_SERVICES);
  g_assert_false (prov_order_kind_is_valid (0));
  g_assert_false (prov_order_kind_is_valid (PROV_ORDER_KIND_LAST + 1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/order-kind/ids-round-trip", test_ids_round_trip);
  g_test_add_func ("/order-kind/stored-values-are-stable", test_stored_values_are_stable);
  g_test_add_func ("/order-kind/unknown-ids", test_unknown_ids);

  return g_test_run ();
}
