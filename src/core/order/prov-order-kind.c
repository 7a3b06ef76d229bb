#include <glib/gi18n-lib.h>

#include "prov-enum.h"
#include "prov-order-kind.h"

G_DEFINE_ENUM_TYPE (ProvOrderKind, prov_order_kind,
  G_DEFINE_ENUM_VALUE (PROV_ORDER_KIND_MOBILE_USER, "mobile-user"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_KIND_USER_EXTENSION, "user-extension"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_KIND_NEW_WIRELESS_CUSTOMER, "new-wireless-customer"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_KIND_ADD_SERVICES, "add-services"),
  G_DEFINE_ENUM_VALUE (PROV_ORDER_KIND_LINE_LIFECYCLE, "line-lifecycle"))

typedef struct {
  const char          *title;
  const char          *description;
  ProvOrderKindTraits  traits;
} KindInfo;

static const KindInfo kind_infos[] = {
  [PROV_ORDER_KIND_MOBILE_USER] = {
    N_("Mobile User"),
    N_("A mobile subscription with a SIM, a number and a fixed-mobile extension"),
  },
  [PROV_ORDER_KIND_USER_EXTENSION] = {
    N_("User Extension"),
    N_("An extension on the customer's hosted telephone exchange"),
  },
  [PROV_ORDER_KIND_NEW_WIRELESS_CUSTOMER] = {
    N_("New Wireless Customer"),
    N_("A new customer account with lines, devices and SIMs"),
    PROV_ORDER_KIND_CREATES_CUSTOMER | PROV_ORDER_KIND_INVENTORY_LATER,
  },
  [PROV_ORDER_KIND_ADD_SERVICES] = {
    N_("Add Services"),
    N_("Numbers and services for a new or existing reseller customer"),
    PROV_ORDER_KIND_CREATES_CUSTOMER,
  },
  [PROV_ORDER_KIND_LINE_LIFECYCLE] = {
    N_("Change a Line"),
    N_("New line, replacement, port, plan or feature change, suspension or disconnection"),
    PROV_ORDER_KIND_NEEDS_APPROVAL,
  },
};

gboolean
prov_order_kind_is_valid (int value)
{
  return value >= PROV_ORDER_KIND_FIRST && value <= PROV_ORDER_KIND_LAST;
}

/* The stable textual id, used in GSettings, the CLI and exports. */
const char *
prov_order_kind_to_id (ProvOrderKind kind)
{
  return prov_enum_get_nick (PROV_TYPE_ORDER_KIND, kind);
}

gboolean
prov_order_kind_from_id (const char    *id,
                         ProvOrderKind *out_kind)
{
  int value;

  g_return_val_if_fail (out_kind != NULL, FALSE);

  if (!prov_enum_from_nick (PROV_TYPE_ORDER_KIND, id, &value))
    return FALSE;

  *out_kind = value;
  return TRUE;
}

const char *
prov_order_kind_get_title (ProvOrderKind kind)
{
  g_return_val_if_fail (prov_order_kind_is_valid (kind), NULL);

  return g_dgettext (GETTEXT_PACKAGE, kind_infos[kind].title);
}

const char *
prov_order_kind_get_description (ProvOrderKind kind)
{
  g_return_val_if_fail (prov_order_kind_is_valid (kind), NULL);

  return g_dgettext (GETTEXT_PACKAGE, kind_infos[kind].description);
}

/* Whether @kind has every trait of @traits. */
gboolean
prov_order_kind_has_traits (ProvOrderKind        kind,
                            ProvOrderKindTraits  traits)
{
  g_return_val_if_fail (prov_order_kind_is_valid (kind), FALSE);

  return (kind_infos[kind].traits & traits) == traits;
}
