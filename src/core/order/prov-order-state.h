#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Local states first, then the carrier's TMF622 states as the order follows
 * them. Stored in the database: never renumber, only append. */
typedef enum {
  PROV_ORDER_STATE_DRAFT = 1,
  PROV_ORDER_STATE_READY = 2,
  PROV_ORDER_STATE_QUEUED = 3,
  PROV_ORDER_STATE_AWAITING_SIM = 4,
  PROV_ORDER_STATE_AWAITING_INVENTORY = 5,
  PROV_ORDER_STATE_AWAITING_APPROVAL = 6,
  PROV_ORDER_STATE_NEEDS_ATTENTION = 7,
  PROV_ORDER_STATE_ACKNOWLEDGED = 8,
  PROV_ORDER_STATE_REJECTED = 9,
  PROV_ORDER_STATE_PENDING = 10,
  PROV_ORDER_STATE_HELD = 11,
  PROV_ORDER_STATE_IN_PROGRESS = 12,
  PROV_ORDER_STATE_CANCELLED = 13,
  PROV_ORDER_STATE_COMPLETED = 14,
  PROV_ORDER_STATE_FAILED = 15,
  PROV_ORDER_STATE_PARTIAL = 16,
  PROV_ORDER_STATE_ASSESSING_CANCELLATION = 17,
  PROV_ORDER_STATE_PENDING_CANCELLATION = 18,
  /* A manager asked the requester a question (flow 5): they edit the
   * request and place it again. */
  PROV_ORDER_STATE_INFO_REQUESTED = 19,
  /* A manager declined the request: closed, never sent. */
  PROV_ORDER_STATE_DECLINED = 20,
} ProvOrderState;

#define PROV_ORDER_STATE_FIRST PROV_ORDER_STATE_DRAFT
#define PROV_ORDER_STATE_LAST  PROV_ORDER_STATE_DECLINED

#define PROV_TYPE_ORDER_STATE (prov_order_state_get_type ())
GType prov_order_state_get_type (void);

#define PROV_ORDER_STATE_ERROR (prov_order_state_error_quark ())
GQuark prov_order_state_error_quark (void);

typedef enum {
  PROV_ORDER_STATE_ERROR_ILLEGAL_TRANSITION,
} ProvOrderStateError;

/* How the order list groups states, for its filter and its badges. */
typedef enum {
  PROV_ORDER_STATE_GROUP_ALL = 0,
  PROV_ORDER_STATE_GROUP_DRAFTS,
  PROV_ORDER_STATE_GROUP_WAITING,
  PROV_ORDER_STATE_GROUP_ATTENTION,
  PROV_ORDER_STATE_GROUP_AT_CARRIER,
  PROV_ORDER_STATE_GROUP_COMPLETED,
  PROV_ORDER_STATE_GROUP_CANCELLED,
  /* What waits for a manager: the approvals queue. */
  PROV_ORDER_STATE_GROUP_APPROVAL,
} ProvOrderStateGroup;

#define PROV_ORDER_STATE_GROUP_LAST PROV_ORDER_STATE_GROUP_APPROVAL

ProvOrderStateGroup prov_order_state_get_group      (ProvOrderState      state);
guint32             prov_order_state_group_get_mask (ProvOrderStateGroup group);

gboolean     prov_order_state_is_valid           (int             value);
const char  *prov_order_state_to_id              (ProvOrderState  state);
gboolean     prov_order_state_from_id            (const char     *id,
                                                  ProvOrderState *out_state);
const char  *prov_order_state_get_title          (ProvOrderState  state);
gboolean     prov_order_state_is_open            (ProvOrderState  state);
gboolean     prov_order_state_is_closed_locally  (ProvOrderState  state);
gboolean     prov_order_state_is_editable        (ProvOrderState  state);
gboolean     prov_order_state_is_at_carrier      (ProvOrderState  state);
gboolean     prov_order_state_check_transition   (ProvOrderState  from,
                                                  ProvOrderState  to,
                                                  GError        **error);

G_END_DECLS
