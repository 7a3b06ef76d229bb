#pragma once

#include <glib-object.h>

#include "prov-order.h"

G_BEGIN_DECLS

/* Where a flow's pages behave as its portal does, unlike another's. */
typedef enum {
  PROV_FLOW_TRAITS_NONE = 0,
  /* The customer's hosted telephone exchange: extensions have
   * subscribers, add-ons are sold per country, the product is chosen in
   * the first step. */
  PROV_FLOW_HOSTED_PBX  = 1 << 0,
  /* Changes a customer's existing lines (flow 5): nothing new is billed,
   * so there is no end-user billing to choose. */
  PROV_FLOW_CHANGES_LINES = 1 << 1,
} ProvFlowTraits;

/* What the last page's button does. */
typedef enum {
  /* Places the order and closes; an order that waits for its inventory
   * opens in its window, where that is added. */
  PROV_FLOW_END_PLACES,
  /* A page placed the order already (the reseller portal's Creation):
   * the button goes where the clerk chose to go next. */
  PROV_FLOW_END_FINISHES,
} ProvFlowEnd;

typedef struct {
  const char *id;      /* the page's own id (ProvAssistantPageInterface.id) */
  const char *title;   /* its title in this flow, if not its own (untranslated) */
  /* The flow's rule for leaving the page out, besides the page's own:
   * TRUE when @order needs nothing of it. NULL: always shown. */
  gboolean  (*skip) (ProvOrder *order);
} ProvFlowPage;

/* One order kind's assistant: the steps of its carrier portal
 * (DESIGN.md) and everything around them. */
typedef struct {
  ProvOrderKind       kind;
  /* In order, up to { NULL }; the last one has the flow's own buttons.
   * NULL for a kind whose orders are not drafted in an assistant. */
  const ProvFlowPage *pages;
  ProvFlowTraits      traits;
  const char         *place_label;        /* with a mnemonic, untranslated */
  ProvFlowEnd         end;
  /* A second button beside it that places the order and starts another
   * for the same customer, on @another_starts_at; NULL for none. A flow
   * that ends by finishing starts another there when the clerk asks. */
  const char         *another_label;
  const char         *another_tooltip;
  const char         *another_starts_at;
  /* A new order starts with the customer of the one before: not where
   * the flow creates a customer or picks one under a reseller. */
  gboolean            starts_with_current_customer;
  /* Its section and entry in the New Order menu, untranslated; no
   * section: not in the menu. */
  const char         *menu_section;
  const char         *menu_label;
  const char         *menu_accel;
  /* The entry is one per voice tier of the catalog (Ctrl+1 to Ctrl+9),
   * with the tier chosen, as the portal's Ordering menu has it. */
  gboolean            menu_lists_tiers;
  const char         *help_page;          /* its page in the help, or NULL */
  const char         *icon_name;          /* beside its orders in the list */
} ProvFlow;

const ProvFlow *prov_flows_lookup          (ProvOrderKind   kind);
const ProvFlow *prov_flows_get_all         (guint          *n_flows);
gboolean        prov_flow_can_draft        (const ProvFlow *flow);
const char     *prov_flow_get_page_title   (const ProvFlow *flow,
                                            const char     *page_id);
gboolean        prov_flow_skips_page       (const ProvFlow *flow,
                                            const char     *page_id,
                                            ProvOrder      *order);
char           *prov_flow_dup_help_uri     (const ProvFlow *flow,
                                            const char     *section);

GType           prov_flows_find_page_type  (const char     *page_id);
gboolean        prov_flow_check            (const ProvFlow *flow,
                                            GError        **error);
gboolean        prov_flows_check           (GError        **error);

G_END_DECLS
