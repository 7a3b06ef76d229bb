#include <glib/gi18n-lib.h>

#include "prov-enum.h"
#include "prov-order-state.h"

G_DEFINE_QUARK (prov-order-state-error-quark, prov_order_state_error)

/* The nicks are the TMF622 state names where the carrier defines one, so a
 * state read from the carrier maps to ours by name. */
G_DEFINE_ENUM_TYPE (ProvOrderState, prov_order_state,
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_READY, "ready"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_QUEUED, "queued"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_AWAITING_SIM, "awaiting-sim"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_AWAITING_INVENTORY, "awaiting-inventory"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_AWAITING_APPROVAL, "awaiting-approval"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_NEEDS_ATTENTION, "needs-attention"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_ACKNOWLEDGED, "acknowledged"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_REJECTED, "rejected"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_HELD, "held"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_IN_PROGRESS, "inProgress"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_CANCELLED, "cancelled"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_COMPLETED, "completed"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_FAILED, "failed"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_PARTIAL, "partial"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_ASSESSING_CANCELLATION, "assessingCancellation"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_PENDING_CANCELLATION, "pendingCancellation"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_INFO_REQUESTED, "info-requested"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_STATE_DECLINED, "declined"))

#define BIT(state) (1u << (state))

static const char * const state_titles[] = {
  [PROV_ORDER_STATE_DRAFT] = N_("Draft"),
  [PROV_ORDER_STATE_READY] = N_("Ready"),
  [PROV_ORDER_STATE_QUEUED] = N_("Queued"),
  [PROV_ORDER_STATE_AWAITING_SIM] = N_("Awaiting SIM"),
  [PROV_ORDER_STATE_AWAITING_INVENTORY] = N_("Awaiting Inventory"),
  [PROV_ORDER_STATE_AWAITING_APPROVAL] = N_("Awaiting Approval"),
  [PROV_ORDER_STATE_NEEDS_ATTENTION] = N_("Needs Attention"),
  [PROV_ORDER_STATE_ACKNOWLEDGED] = N_("Acknowledged"),
  [PROV_ORDER_STATE_REJECTED] = N_("Rejected"),
  [PROV_ORDER_STATE_PENDING] = N_("Information Required"),
  [PROV_ORDER_STATE_HELD] = N_("Held"),
  [PROV_ORDER_STATE_IN_PROGRESS] = N_("In Progress"),
  [PROV_ORDER_STATE_CANCELLED] = N_("Cancelled"),
  [PROV_ORDER_STATE_COMPLETED] = N_("Completed"),
  [PROV_ORDER_STATE_FAILED] = N_("Failed"),
  [PROV_ORDER_STATE_PARTIAL] = N_("Partly Completed"),
  [PROV_ORDER_STATE_ASSESSING_CANCELLATION] = N_("Cancellation Requested"),
  [PROV_ORDER_STATE_PENDING_CANCELLATION] = N_("Being Cancelled"),
  [PROV_ORDER_STATE_INFO_REQUESTED] = N_("More Information Needed"),
  [PROV_ORDER_STATE_DECLINED] = N_("Declined"),
};

#define CARRIER_STATES (BIT (PROV_ORDER_STATE_ACKNOWLEDGED) | BIT (PROV_ORDER_STATE_REJECTED) | \
                        BIT (PROV_ORDER_STATE_PENDING) | BIT (PROV_ORDER_STATE_HELD) | \
                        BIT (PROV_ORDER_STATE_IN_PROGRESS) | BIT (PROV_ORDER_STATE_CANCELLED) | \
                        BIT (PROV_ORDER_STATE_COMPLETED) | BIT (PROV_ORDER_STATE_FAILED) | \
                        BIT (PROV_ORDER_STATE_PARTIAL) | BIT (PROV_ORDER_STATE_ASSESSING_CANCELLATION) | \
                        BIT (PROV_ORDER_STATE_PENDING_CANCELLATION))

/* Where the carrier may take an order from each of its states. A poll can
 * miss intermediate states, so each set holds every state reachable later
 * in the TMF622 life cycle, not only the next one. */
#define AFTER_IN_PROGRESS (BIT (PROV_ORDER_STATE_IN_PROGRESS) | BIT (PROV_ORDER_STATE_PENDING) | \
                           BIT (PROV_ORDER_STATE_HELD) | BIT (PROV_ORDER_STATE_COMPLETED) | \
                           BIT (PROV_ORDER_STATE_FAILED) | BIT (PROV_ORDER_STATE_PARTIAL) | \
                           BIT (PROV_ORDER_STATE_ASSESSING_CANCELLATION) | \
                           BIT (PROV_ORDER_STATE_PENDING_CANCELLATION) | BIT (PROV_ORDER_STATE_CANCELLED))

static const guint32 allowed_targets[] = {
  [PROV_ORDER_STATE_DRAFT] = BIT (PROV_ORDER_STATE_READY) | BIT (PROV_ORDER_STATE_CANCELLED),
  [PROV_ORDER_STATE_READY] = BIT (PROV_ORDER_STATE_DRAFT) | BIT (PROV_ORDER_STATE_QUEUED) |
                             BIT (PROV_ORDER_STATE_AWAITING_SIM) | BIT (PROV_ORDER_STATE_AWAITING_INVENTORY) |
                             BIT (PROV_ORDER_STATE_AWAITING_APPROVAL) | BIT (PROV_ORDER_STATE_CANCELLED),
  [PROV_ORDER_STATE_QUEUED] = CARRIER_STATES | BIT (PROV_ORDER_STATE_NEEDS_ATTENTION),
  [PROV_ORDER_STATE_AWAITING_SIM] = BIT (PROV_ORDER_STATE_QUEUED) | BIT (PROV_ORDER_STATE_DRAFT) |
                                    BIT (PROV_ORDER_STATE_CANCELLED),
  [PROV_ORDER_STATE_AWAITING_INVENTORY] = BIT (PROV_ORDER_STATE_QUEUED) | BIT (PROV_ORDER_STATE_DRAFT) |
                                          BIT (PROV_ORDER_STATE_CANCELLED),
  /* Approved, it is sent, or completes at once when it needs no carrier
   * work; or it is declined, asked about or cancelled. */
  [PROV_ORDER_STATE_AWAITING_APPROVAL] = BIT (PROV_ORDER_STATE_QUEUED) | BIT (PROV_ORDER_STATE_DRAFT) |
                                         BIT (PROV_ORDER_STATE_CANCELLED) | BIT (PROV_ORDER_STATE_COMPLETED) |
                                         BIT (PROV_ORDER_STATE_DECLINED) | BIT (PROV_ORDER_STATE_INFO_REQUESTED),
  [PROV_ORDER_STATE_NEEDS_ATTENTION] = BIT (PROV_ORDER_STATE_DRAFT) | BIT (PROV_ORDER_STATE_READY) |
                                       BIT (PROV_ORDER_STATE_QUEUED) | BIT (PROV_ORDER_STATE_CANCELLED),
  [PROV_ORDER_STATE_ACKNOWLEDGED] = AFTER_IN_PROGRESS | BIT (PROV_ORDER_STATE_REJECTED),
  [PROV_ORDER_STATE_REJECTED] = BIT (PROV_ORDER_STATE_NEEDS_ATTENTION),
  [PROV_ORDER_STATE_PENDING] = AFTER_IN_PROGRESS,
  [PROV_ORDER_STATE_HELD] = AFTER_IN_PROGRESS,
  [PROV_ORDER_STATE_IN_PROGRESS] = AFTER_IN_PROGRESS,
  [PROV_ORDER_STATE_CANCELLED] = 0,
  [PROV_ORDER_STATE_COMPLETED] = 0,
  [PROV_ORDER_STATE_FAILED] = BIT (PROV_ORDER_STATE_NEEDS_ATTENTION),
  [PROV_ORDER_STATE_PARTIAL] = BIT (PROV_ORDER_STATE_NEEDS_ATTENTION),
  [PROV_ORDER_STATE_ASSESSING_CANCELLATION] = AFTER_IN_PROGRESS,
  [PROV_ORDER_STATE_PENDING_CANCELLATION] = BIT (PROV_ORDER_STATE_CANCELLED),
  /* The requester edits it (a draft again) or places it again as it is. */
  [PROV_ORDER_STATE_INFO_REQUESTED] = BIT (PROV_ORDER_STATE_DRAFT) | BIT (PROV_ORDER_STATE_READY) |
                                      BIT (PROV_ORDER_STATE_AWAITING_APPROVAL) | BIT (PROV_ORDER_STATE_CANCELLED),
  [PROV_ORDER_STATE_DECLINED] = 0,
};

static const ProvOrderStateGroup state_groups[] = {
  [PROV_ORDER_STATE_DRAFT] = PROV_ORDER_STATE_GROUP_DRAFTS,
  [PROV_ORDER_STATE_READY] = PROV_ORDER_STATE_GROUP_DRAFTS,
  [PROV_ORDER_STATE_QUEUED] = PROV_ORDER_STATE_GROUP_WAITING,
  [PROV_ORDER_STATE_AWAITING_SIM] = PROV_ORDER_STATE_GROUP_WAITING,
  [PROV_ORDER_STATE_AWAITING_INVENTORY] = PROV_ORDER_STATE_GROUP_WAITING,
  [PROV_ORDER_STATE_AWAITING_APPROVAL] = PROV_ORDER_STATE_GROUP_APPROVAL,
  [PROV_ORDER_STATE_NEEDS_ATTENTION] = PROV_ORDER_STATE_GROUP_ATTENTION,
  [PROV_ORDER_STATE_ACKNOWLEDGED] = PROV_ORDER_STATE_GROUP_AT_CARRIER,
  [PROV_ORDER_STATE_REJECTED] = PROV_ORDER_STATE_GROUP_ATTENTION,
  [PROV_ORDER_STATE_PENDING] = PROV_ORDER_STATE_GROUP_AT_CARRIER,
  [PROV_ORDER_STATE_HELD] = PROV_ORDER_STATE_GROUP_AT_CARRIER,
  [PROV_ORDER_STATE_IN_PROGRESS] = PROV_ORDER_STATE_GROUP_AT_CARRIER,
  [PROV_ORDER_STATE_CANCELLED] = PROV_ORDER_STATE_GROUP_CANCELLED,
  [PROV_ORDER_STATE_COMPLETED] = PROV_ORDER_STATE_GROUP_COMPLETED,
  [PROV_ORDER_STATE_FAILED] = PROV_ORDER_STATE_GROUP_ATTENTION,
  [PROV_ORDER_STATE_PARTIAL] = PROV_ORDER_STATE_GROUP_ATTENTION,
  [PROV_ORDER_STATE_ASSESSING_CANCELLATION] = PROV_ORDER_STATE_GROUP_AT_CARRIER,
  [PROV_ORDER_STATE_PENDING_CANCELLATION] = PROV_ORDER_STATE_GROUP_AT_CARRIER,
  [PROV_ORDER_STATE_INFO_REQUESTED] = PROV_ORDER_STATE_GROUP_ATTENTION,
  [PROV_ORDER_STATE_DECLINED] = PROV_ORDER_STATE_GROUP_CANCELLED,
};

ProvOrderStateGroup
prov_order_state_get_group (ProvOrderState state)
{
  g_return_val_if_fail (prov_order_state_is_valid (state), PROV_ORDER_STATE_GROUP_ALL);

  return state_groups[state];
}

/* The states of @group as a ProvOrderFilter mask; 0 (all) for GROUP_ALL. */
guint32
prov_order_state_group_get_mask (ProvOrderStateGroup group)
{
  guint32 mask = 0;

  if (group == PROV_ORDER_STATE_GROUP_ALL)
    return 0;

  for (int state = PROV_ORDER_STATE_FIRST; state <= PROV_ORDER_STATE_LAST; state++)
    if (state_groups[state] == group)
      mask |= BIT (state);

  return mask;
}

gboolean
prov_order_state_is_valid (int value)
{
  return value >= PROV_ORDER_STATE_FIRST && value <= PROV_ORDER_STATE_LAST;
}

const char *
prov_order_state_to_id (ProvOrderState state)
{
  return prov_enum_get_nick (PROV_TYPE_ORDER_STATE, state);
}

gboolean
prov_order_state_from_id (const char     *id,
                          ProvOrderState *out_state)
{
  int value;

  g_return_val_if_fail (out_state != NULL, FALSE);

  if (!prov_enum_from_nick (PROV_TYPE_ORDER_STATE, id, &value))
    return FALSE;

  *out_state = value;
  return TRUE;
}

const char *
prov_order_state_get_title (ProvOrderState state)
{
  g_return_val_if_fail (prov_order_state_is_valid (state), NULL);

  return g_dgettext (GETTEXT_PACKAGE, state_titles[state]);
}

/* Open orders hold their SIMs and devices; closed ones release them. */
gboolean
prov_order_state_is_open (ProvOrderState state)
{
  return state != PROV_ORDER_STATE_CANCELLED && state != PROV_ORDER_STATE_COMPLETED &&
         state != PROV_ORDER_STATE_DECLINED;
}

/* Closed without the carrier having done it: what the order held goes
 * back on the shelf. */
gboolean
prov_order_state_is_closed_locally (ProvOrderState state)
{
  return state == PROV_ORDER_STATE_CANCELLED || state == PROV_ORDER_STATE_DECLINED;
}

gboolean
prov_order_state_is_editable (ProvOrderState state)
{
  return state == PROV_ORDER_STATE_DRAFT || state == PROV_ORDER_STATE_READY ||
         state == PROV_ORDER_STATE_NEEDS_ATTENTION || state == PROV_ORDER_STATE_INFO_REQUESTED;
}

gboolean
prov_order_state_is_at_carrier (ProvOrderState state)
{
  return prov_order_state_is_valid (state) && (CARRIER_STATES & BIT (state)) != 0;
}

gboolean
prov_order_state_check_transition (ProvOrderState   from,
                                   ProvOrderState   to,
                                   GError         **error)
{
  g_return_val_if_fail (prov_order_state_is_valid (from), FALSE);

  if (prov_order_state_is_valid (to) && (allowed_targets[from] & BIT (to)) != 0)
    return TRUE;

  if (!prov_order_state_is_valid (to))
    g_set_error (error, PROV_ORDER_STATE_ERROR, PROV_ORDER_STATE_ERROR_ILLEGAL_TRANSITION,
                 _("An order cannot move to an unknown state (%d)"), to);
  else if (allowed_targets[from] == 0)
    g_set_error (error, PROV_ORDER_STATE_ERROR, PROV_ORDER_STATE_ERROR_ILLEGAL_TRANSITION,
                 _("The order is “%s” and can no longer change"),
                 prov_order_state_get_title (from));
  else
    g_set_error (error, PROV_ORDER_STATE_ERROR, PROV_ORDER_STATE_ERROR_ILLEGAL_TRANSITION,
                 _("An order that is “%s” cannot become “%s”"),
                 prov_order_state_get_title (from), prov_order_state_get_title (to));

  return FALSE;
}
