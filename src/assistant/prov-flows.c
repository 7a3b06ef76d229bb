#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-flows.h"
#include "prov-line-request.h"
#include "pages/prov-address-page.h"
#include "pages/prov-addons-page.h"
#include "pages/prov-billing-page.h"
#include "pages/prov-carrier-page.h"
#include "pages/prov-confirm-page.h"
#include "pages/prov-creation-page.h"
#include "pages/prov-extension-page.h"
#include "pages/prov-lines-page.h"
#include "pages/prov-notifications-page.h"
#include "pages/prov-number-page.h"
#include "pages/prov-numbers-page.h"
#include "pages/prov-options-page.h"
#include "pages/prov-profile-page.h"
#include "pages/prov-request-page.h"
#include "pages/prov-reseller-page.h"
#include "pages/prov-service-page.h"
#include "pages/prov-settings-page.h"
#include "pages/prov-sim-page.h"
#include "pages/prov-stocktaking-page.h"
#include "pages/prov-subscription-page.h"
#include "pages/prov-user-page.h"

/*
 * The order flows as data: one entry per order kind, the steps of the
 * carrier portal it mirrors (DESIGN.md, flows 1 to 5) and what surrounds
 * them. Adding a flow is adding its entry here and its pages below.
 */

/* Every page an entry may name; each is listed under the id it declares. */
static GType (* const page_types[]) (void) = {
  prov_addons_page_get_type,
  prov_address_page_get_type,
  prov_billing_page_get_type,
  prov_carrier_page_get_type,
  prov_confirm_page_get_type,
  prov_creation_page_get_type,
  prov_extension_page_get_type,
  prov_lines_page_get_type,
  prov_notifications_page_get_type,
  prov_number_page_get_type,
  prov_numbers_page_get_type,
  prov_options_page_get_type,
  prov_profile_page_get_type,
  prov_request_page_get_type,
  prov_reseller_page_get_type,
  prov_service_page_get_type,
  prov_settings_page_get_type,
  prov_sim_page_get_type,
  prov_stocktaking_page_get_type,
  prov_subscription_page_get_type,
  prov_user_page_get_type,
};

/* Flow 1: the mobile portal's user with FMC. */
static const ProvFlowPage mobile_user_pages[] = {
  { "stocktaking" }, { "subscription" }, { "add-ons" }, { "user" }, { "sim" }, { "number" },
  { "extension", N_("FMC") }, { "confirm" }, { NULL }
};

/* Flow 2: an extension on the customer's hosted PBX. */
static const ProvFlowPage user_extension_pages[] = {
  { "stocktaking" }, { "add-ons" }, { "extension" }, { "confirm" }, { NULL }
};

/* Flow 3: the wireless dealer portal's new customer; its Options page
 * has the order's button. */
static const ProvFlowPage new_wireless_customer_pages[] = {
  { "carrier" }, { "profile" }, { "addresses" }, { "lines" }, { "options" }, { NULL }
};

/* Flow 4: the reseller portal; Creation places the order and its
 * Notifications follow. */
static const ProvFlowPage add_services_pages[] = {
  { "customer" }, { "service" }, { "numbers" }, { "settings" }, { "billing" }, { "creation" },
  { "notifications" }, { NULL }
};

/* Flow 5: the enterprise portal's request on a line, its question on one
 * page; the number page for a change of number (a new one) or a port to
 * another carrier (the port data). */
static gboolean
skip_number_for_request (ProvOrder *order)
{
  const ProvLineRequest *request = prov_line_request_for_order (order);

  return request == NULL ||
         (request->asks & (PROV_LINE_REQUEST_ASKS_NUMBER | PROV_LINE_REQUEST_ASKS_PORT)) == 0;
}

static const ProvFlowPage line_request_pages[] = {
  { "request" }, { "number", NULL, skip_number_for_request }, { "confirm" }, { NULL }
};

static const ProvFlow flows[] = {
  {
    .kind = PROV_ORDER_KIND_MOBILE_USER,
    .pages = mobile_user_pages,
    .place_label = N_("Place _Order"),
    .end = PROV_FLOW_END_PLACES,
    .starts_with_current_customer = TRUE,
    .menu_section = N_("Mobile User"),
    .menu_label = N_("_Mobile User"),
    .menu_lists_tiers = TRUE,
    .help_page = "flow-mobile-user",
    .icon_name = "phone-symbolic",
  },
  {
    .kind = PROV_ORDER_KIND_USER_EXTENSION,
    .pages = user_extension_pages,
    .traits = PROV_FLOW_HOSTED_PBX,
    .place_label = N_("Place _Order"),
    .end = PROV_FLOW_END_PLACES,
    .another_label = N_("Save and Make _Another Extension"),
    .another_tooltip = N_("Places this order and starts the next one for the same customer"),
    .another_starts_at = "stocktaking",
    .starts_with_current_customer = TRUE,
    .menu_section = N_("Hosted PBX"),
    .menu_label = N_("_User Extension"),
    .menu_accel = "<primary><shift>n",
    .help_page = "flow-user-extension",
    .icon_name = "call-start-symbolic",
  },
  {
    .kind = PROV_ORDER_KIND_NEW_WIRELESS_CUSTOMER,
    .pages = new_wireless_customer_pages,
    /* The dealer portal's word for it: the customer is created too. */
    .place_label = N_("Create _Order"),
    .end = PROV_FLOW_END_PLACES,
    .menu_section = N_("Wireless Dealer"),
    .menu_label = N_("New _Wireless Customer"),
    .menu_accel = "<primary><shift>w",
    .help_page = "flow-new-wireless-customer",
    .icon_name = "contact-new-symbolic",
  },
  {
    .kind = PROV_ORDER_KIND_ADD_SERVICES,
    .pages = add_services_pages,
    .place_label = N_("_Finish"),
    .end = PROV_FLOW_END_FINISHES,
    /* "More services for the same customer", chosen before Finish. */
    .another_starts_at = "service",
    .menu_section = N_("Reseller Billing"),
    .menu_label = N_("Add _Services"),
    .menu_accel = "<primary><shift>a",
    .help_page = "flow-add-services",
    .icon_name = "list-add-symbolic",
  },
  {
    /* Flow 5: started from a customer's line in the customer view, not
     * from the New Order menu. Placed, it waits for a manager. */
    .kind = PROV_ORDER_KIND_LINE_LIFECYCLE,
    .pages = line_request_pages,
    .traits = PROV_FLOW_CHANGES_LINES,
    .place_label = N_("Place _Request"),
    .end = PROV_FLOW_END_PLACES,
    .help_page = "flow-line-requests",
    .icon_name = "emblem-system-symbolic",
  },
};

G_STATIC_ASSERT (G_N_ELEMENTS (flows) == PROV_ORDER_KIND_LAST - PROV_ORDER_KIND_FIRST + 1);

const ProvFlow *
prov_flows_get_all (guint *n_flows)
{
  if (n_flows != NULL)
    *n_flows = G_N_ELEMENTS (flows);
  return flows;
}

/* Every kind has its entry (prov_flows_check holds to that). */
const ProvFlow *
prov_flows_lookup (ProvOrderKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (flows); i++)
    if (flows[i].kind == kind)
      return &flows[i];

  g_return_val_if_reached (NULL);
}

/* Whether orders of the flow's kind are drafted, and opened again, in
 * the assistant. */
gboolean
prov_flow_can_draft (const ProvFlow *flow)
{
  return flow != NULL && flow->pages != NULL && flow->pages[0].id != NULL;
}

/* The flow's own title for a page, translated; NULL for the page's own. */
const char *
prov_flow_get_page_title (const ProvFlow *flow,
                          const char     *page_id)
{
  for (guint i = 0; flow->pages != NULL && flow->pages[i].id != NULL; i++)
    if (g_str_equal (flow->pages[i].id, page_id) && flow->pages[i].title != NULL)
      return _(flow->pages[i].title);
  return NULL;
}

/* Whether @flow leaves out its page @page_id for @order. */
gboolean
prov_flow_skips_page (const ProvFlow *flow,
                      const char     *page_id,
                      ProvOrder      *order)
{
  for (guint i = 0; flow != NULL && flow->pages != NULL && flow->pages[i].id != NULL; i++)
    if (g_str_equal (flow->pages[i].id, page_id))
      return flow->pages[i].skip != NULL && flow->pages[i].skip (order);
  return FALSE;
}

/* The help for the flow, at @section (a page's id) if given; the help's
 * start for a flow without a page of its own. */
char *
prov_flow_dup_help_uri (const ProvFlow *flow,
                        const char     *section)
{
  if (flow == NULL || flow->help_page == NULL)
    return g_strdup ("help:" APP_ID);
  if (section == NULL)
    return g_strdup_printf ("help:" APP_ID "/%s", flow->help_page);
  return g_strdup_printf ("help:" APP_ID "/%s#%s", flow->help_page, section);
}

/* ---- pages by id ------------------------------------------------------- */

static GHashTable *
page_types_by_id (void)
{
  static GHashTable *by_id;

  if (g_once_init_enter (&by_id))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
        {
          GType type = page_types[i] ();
          g_autoptr(GTypeClass) klass = g_type_class_ref (type);
          ProvAssistantPageInterface *iface = g_type_interface_peek (klass, PROV_TYPE_ASSISTANT_PAGE);

          /* Both are mistakes in this file, seen the first time it runs. */
          if (iface == NULL || iface->id == NULL)
            g_error ("%s is listed as a page but declares no page id", g_type_name (type));
          if (g_hash_table_contains (table, iface->id))
            g_error ("Two pages declare the id “%s”: %s and %s", iface->id,
                     g_type_name (GPOINTER_TO_SIZE (g_hash_table_lookup (table, iface->id))), g_type_name (type));
          g_hash_table_insert (table, (gpointer) iface->id, GSIZE_TO_POINTER (type));
        }
      g_once_init_leave (&by_id, table);
    }

  return by_id;
}

/* The page type that declares @page_id; G_TYPE_INVALID when none does. */
GType
prov_flows_find_page_type (const char *page_id)
{
  return GPOINTER_TO_SIZE (g_hash_table_lookup (page_types_by_id (), page_id));
}

/* Whether @flow names only pages that exist, each once, and says what its
 * last button is called. */
gboolean
prov_flow_check (const ProvFlow  *flow,
                 GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *kind = prov_order_kind_to_id (flow->kind);

  if (!prov_flow_can_draft (flow))
    return TRUE;

  for (guint i = 0; flow->pages[i].id != NULL; i++)
    {
      if (prov_flows_find_page_type (flow->pages[i].id) == G_TYPE_INVALID)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "The %s flow names a page “%s” that no page declares",
                       kind, flow->pages[i].id);
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer) flow->pages[i].id))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "The %s flow names the page “%s” twice",
                       kind, flow->pages[i].id);
          return FALSE;
        }
    }

  if (flow->place_label == NULL ||
      (flow->another_label != NULL && flow->another_starts_at == NULL) ||
      (flow->another_starts_at != NULL && !g_hash_table_contains (seen, flow->another_starts_at)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The %s flow lacks its button's label or starts another order on a page it does not have", kind);
      return FALSE;
    }

  return TRUE;
}

/* Whether every flow holds (prov_flow_check), one per kind. Run at start:
 * a page id mistyped in a flow stops the app there, never showing a
 * wrong page to a clerk. */
gboolean
prov_flows_check (GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (flows); i++)
    {
      if (flows[i].kind != (ProvOrderKind) (PROV_ORDER_KIND_FIRST + i))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The flows are not one per kind, in the kinds' order");
          return FALSE;
        }
      if (!prov_flow_check (&flows[i], error))
        return FALSE;
    }

  return TRUE;
}
