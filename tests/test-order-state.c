#include <string.h>

#include "prov-order.h"

static void
assert_allowed (ProvOrderState from,
                ProvOrderState to)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (prov_order_state_check_transition (from, to, &error));
  g_assert_no_error (error);
}

static void
assert_refused (ProvOrderState from,
                ProvOrderState to)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (prov_order_state_check_transition (from, to, &error));
  g_assert_error (error, PROV_ORDER_STATE_ERROR, PROV_ORDER_STATE_ERROR_ILLEGAL_TRANSITION);
  /* The message names the states so the clerk knows what happened. */
  if (prov_order_state_is_valid (to) && prov_order_state_is_open (from))
    g_assert_nonnull (strstr (error->message, prov_order_state_get_title (to)));
}

static void
test_local_flow (void)
{
  assert_allowed (PROV_ORDER_STATE_DRAFT, PROV_ORDER_STATE_READY);
  assert_allowed (PROV_ORDER_STATE_READY, PROV_ORDER_STATE_QUEUED);
  assert_allowed (PROV_ORDER_STATE_READY, PROV_ORDER_STATE_DRAFT);
  assert_allowed (PROV_ORDER_STATE_READY, PROV_ORDER_STATE_AWAITING_SIM);
  assert_allowed (PROV_ORDER_STATE_AWAITING_SIM, PROV_ORDER_STATE_QUEUED);
  assert_allowed (PROV_ORDER_STATE_AWAITING_INVENTORY, PROV_ORDER_STATE_QUEUED);
  assert_allowed (PROV_ORDER_STATE_QUEUED, PROV_ORDER_STATE_ACKNOWLEDGED);
  assert_allowed (PROV_ORDER_STATE_QUEUED, PROV_ORDER_STATE_NEEDS_ATTENTION);
  assert_allowed (PROV_ORDER_STATE_NEEDS_ATTENTION, PROV_ORDER_STATE_QUEUED);

  assert_refused (PROV_ORDER_STATE_DRAFT, PROV_ORDER_STATE_QUEUED);
  assert_refused (PROV_ORDER_STATE_DRAFT, PROV_ORDER_STATE_COMPLETED);
  assert_refused (PROV_ORDER_STATE_AWAITING_SIM, PROV_ORDER_STATE_COMPLETED);
  assert_refused (PROV_ORDER_STATE_QUEUED, PROV_ORDER_STATE_DRAFT);
}

static void
test_carrier_flow (void)
{
  assert_allowed (PROV_ORDER_STATE_ACKNOWLEDGED, PROV_ORDER_STATE_IN_PROGRESS);
  /* A poll may miss inProgress entirely. */
  assert_allowed (PROV_ORDER_STATE_ACKNOWLEDGED, PROV_ORDER_STATE_COMPLETED);
  assert_allowed (PROV_ORDER_STATE_IN_PROGRESS, PROV_ORDER_STATE_PENDING);
  assert_allowed (PROV_ORDER_STATE_PENDING, PROV_ORDER_STATE_IN_PROGRESS);
  assert_allowed (PROV_ORDER_STATE_REJECTED, PROV_ORDER_STATE_NEEDS_ATTENTION);
  assert_allowed (PROV_ORDER_STATE_PENDING_CANCELLATION, PROV_ORDER_STATE_CANCELLED);

  assert_refused (PROV_ORDER_STATE_IN_PROGRESS, PROV_ORDER_STATE_ACKNOWLEDGED);
  assert_refused (PROV_ORDER_STATE_IN_PROGRESS, PROV_ORDER_STATE_REJECTED);
  assert_refused (PROV_ORDER_STATE_PENDING_CANCELLATION, PROV_ORDER_STATE_COMPLETED);
}

static void
test_closed_states_are_final (void)
{
  for (int to = PROV_ORDER_STATE_FIRST; to <= PROV_ORDER_STATE_LAST; to++)
    {
      assert_refused (PROV_ORDER_STATE_COMPLETED, to);
      assert_refused (PROV_ORDER_STATE_CANCELLED, to);
    }
}

static void
test_unknown_target (void)
{
  assert_refused (PROV_ORDER_STATE_DRAFT, 0);
  assert_refused (PROV_ORDER_STATE_DRAFT, PROV_ORDER_STATE_LAST + 1);
}

static void
test_stored_values_are_stable (void)
{
  ProvOrderState state;

  g_assert_true (prov_order_state_from_id ("draft", &state));
  g_assert_cmpint (state, ==, 1);
  g_assert_true (prov_order_state_from_id ("needs-attention", &state));
  g_assert_cmpint (state, ==, 7);
  g_assert_true (prov_order_state_from_id ("inProgress", &state));
  g_assert_cmpint (state, ==, 12);
  g_assert_true (prov_order_state_from_id ("pendingCancellation", &state));
  g_assert_cmpint (state, ==, 18);
  g_assert_true (prov_order_state_from_id ("info-requested", &state));
  g_assert_cmpint (state, ==, 19);
  g_assert_true (prov_order_state_from_id ("declined", &state));
  g_assert_cmpint (state, ==, 20);
}

/* Flow 5: a manager approves, declines or asks; asked, the requester
 * places it again; declined is closed. */
static void
test_approval_flow (void)
{
  assert_allowed (PROV_ORDER_STATE_READY, PROV_ORDER_STATE_AWAITING_APPROVAL);
  assert_allowed (PROV_ORDER_STATE_AWAITING_APPROVAL, PROV_ORDER_STATE_QUEUED);
  assert_allowed (PROV_ORDER_STATE_AWAITING_APPROVAL, PROV_ORDER_STATE_COMPLETED);
  assert_allowed (PROV_ORDER_STATE_AWAITING_APPROVAL, PROV_ORDER_STATE_DECLINED);
  assert_allowed (PROV_ORDER_STATE_AWAITING_APPROVAL, PROV_ORDER_STATE_INFO_REQUESTED);
  assert_allowed (PROV_ORDER_STATE_INFO_REQUESTED, PROV_ORDER_STATE_AWAITING_APPROVAL);
  assert_allowed (PROV_ORDER_STATE_INFO_REQUESTED, PROV_ORDER_STATE_CANCELLED);

  assert_refused (PROV_ORDER_STATE_INFO_REQUESTED, PROV_ORDER_STATE_QUEUED);
  assert_refused (PROV_ORDER_STATE_QUEUED, PROV_ORDER_STATE_DECLINED);
  for (int to = PROV_ORDER_STATE_FIRST; to <= PROV_ORDER_STATE_LAST; to++)
    assert_refused (PROV_ORDER_STATE_DECLINED, to);

  g_assert_false (prov_order_state_is_open (PROV_ORDER_STATE_DECLINED));
  g_assert_true (prov_order_state_is_closed_locally (PROV_ORDER_STATE_DECLINED));
  g_assert_true (prov_order_state_is_editable (PROV_ORDER_STATE_INFO_REQUESTED));
  g_assert_cmpint (prov_order_state_get_group (PROV_ORDER_STATE_AWAITING_APPROVAL), ==, PROV_ORDER_STATE_GROUP_APPROVAL);
}

static void
test_groups_cover_every_state (void)
{
  guint32 all = 0;

  for (int group = PROV_ORDER_STATE_GROUP_ALL + 1; group <= PROV_ORDER_STATE_GROUP_LAST; group++)
    {
      guint32 mask = prov_order_state_group_get_mask (group);

      g_assert_cmpuint (mask, !=, 0);
      g_assert_cmpuint (all & mask, ==, 0);
      all |= mask;
    }

  for (int state = PROV_ORDER_STATE_FIRST; state <= PROV_ORDER_STATE_LAST; state++)
    {
      g_assert_true (all & (1u << state));
      g_assert_true (prov_order_state_group_get_mask (prov_order_state_get_group (state)) & (1u << state));
    }

  g_assert_cmpuint (prov_order_state_group_get_mask (PROV_ORDER_STATE_GROUP_ALL), ==, 0);
  g_assert_cmpint (prov_order_state_get_group (PROV_ORDER_STATE_REJECTED), ==, PROV_ORDER_STATE_GROUP_ATTENTION);
}

static void
count_change (guint *changes)
{
  (*changes)++;
}

static void
test_order_fields (void)
{
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
  g_autoptr(ProvOrder) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  guint changes = 0;

  g_signal_connect_swapped (order, "changed", G_CALLBACK (count_change), &changes);

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Jan Jansen");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Jan Jansen");
  prov_order_set_field (order, PROV_ORDER_FIELD_SIM_ICCID, "8931440400000000006");
  prov_order_set_field (order, PROV_ORDER_FIELD_SIM_ICCID, "");
  g_assert_cmpuint (changes, ==, 3);
  g_assert_null (prov_order_get_field (order, PROV_ORDER_FIELD_SIM_ICCID));

  json = prov_order_dup_payload_json (order);
  g_assert_cmpstr (json, ==, "{\"customer.name\":\"Jan Jansen\"}");

  copy = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
  g_assert_true (prov_order_load_payload_json (copy, json, &error));
  g_assert_cmpstr (prov_order_get_field (copy, PROV_ORDER_FIELD_CUSTOMER_NAME), ==, "Jan Jansen");
  g_assert_false (prov_order_load_payload_json (copy, "[1]", &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/order-state/local-flow", test_local_flow);
  g_test_add_func ("/order-state/carrier-flow", test_carrier_flow);
  g_test_add_func ("/order-state/approval-flow", test_approval_flow);
  g_test_add_func ("/order-state/closed-states-are-final", test_closed_states_are_final);
  g_test_add_func ("/order-state/unknown-target", test_unknown_target);
  g_test_add_func ("/order-state/stored-values-are-stable", test_stored_values_are_stable);
  g_test_add_func ("/order-state/groups-cover-every-state", test_groups_cover_every_state);
  g_test_add_func ("/order/fields", test_order_fields);

  return g_test_run ();
}
