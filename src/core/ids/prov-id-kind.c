#include <string.h>

#include <glib/gi18n-lib.h>

#include "prov-enum.h"
#include "prov-id-kind.h"

G_DEFINE_ENUM_TYPE (ProvIdKind, prov_id_kind,
  G_DEFINE_ENUM_VALUE (PROV_ID_KIND_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (PROV_ID_KIND_ICCID, "iccid"),
  G_DEFINE_ENUM_VALUE (PROV_ID_KIND_IMEI, "imei"),
  G_DEFINE_ENUM_VALUE (PROV_ID_KIND_IMEISV, "imeisv"),
  G_DEFINE_ENUM_VALUE (PROV_ID_KIND_MEID, "meid"),
  G_DEFINE_ENUM_VALUE (PROV_ID_KIND_ESN, "esn"),
  G_DEFINE_ENUM_VALUE (PROV_ID_KIND_EID, "eid"),
  G_DEFINE_ENUM_VALUE (PROV_ID_KIND_IMSI, "imsi"),
  G_DEFINE_ENUM_VALUE (PROV_ID_KIND_E164, "e164"),
  G_DEFINE_ENUM_VALUE (PROV_ID_KIND_PAC, "pac"),
  G_DEFINE_ENUM_VALUE (PROV_ID_KIND_STAC, "stac"),
  G_DEFINE_ENUM_VALUE (PROV_ID_KIND_IBAN, "iban"),
  G_DEFINE_ENUM_VALUE (PROV_ID_KIND_ORDER_REFERENCE, "order-reference"))

static const char * const titles[] = {
  [PROV_ID_KIND_UNKNOWN] = N_("Unknown code"),
  /* Translators: the serial number of a SIM card */
  [PROV_ID_KIND_ICCID] = N_("ICCID"),
  [PROV_ID_KIND_IMEI] = N_("IMEI"),
  [PROV_ID_KIND_IMEISV] = N_("IMEISV"),
  [PROV_ID_KIND_MEID] = N_("MEID"),
  [PROV_ID_KIND_ESN] = N_("ESN"),
  [PROV_ID_KIND_EID] = N_("EID"),
  [PROV_ID_KIND_IMSI] = N_("IMSI"),
  [PROV_ID_KIND_E164] = N_("Phone number"),
  [PROV_ID_KIND_PAC] = N_("PAC"),
  [PROV_ID_KIND_STAC] = N_("STAC"),
  /* Translators: a bank account number for direct debit */
  [PROV_ID_KIND_IBAN] = N_("IBAN"),
  /* Translators: the short reference printed on an order confirmation */
  [PROV_ID_KIND_ORDER_REFERENCE] = N_("Order reference"),
};

const char *
prov_id_kind_to_id (ProvIdKind kind)
{
  return prov_enum_get_nick (PROV_TYPE_ID_KIND, kind);
}

const char *
prov_id_kind_get_title (ProvIdKind kind)
{
  g_return_val_if_fail (kind <= PROV_ID_KIND_LAST, NULL);

  return g_dgettext (GETTEXT_PACKAGE, titles[kind]);
}

/* Order fields name the identifier they hold by their last part:
 * "sim.iccid", "lines.2.device.imei", "device.imei2" (a dual-SIM phone). */
ProvIdKind
prov_id_kind_for_field (const char *field_key)
{
  const char *last;

  g_return_val_if_fail (field_key != NULL, PROV_ID_KIND_UNKNOWN);

  last = strrchr (field_key, '.');
  last = last != NULL ? last + 1 : field_key;

  if (strcmp (last, "iccid") == 0)
    return PROV_ID_KIND_ICCID;
  if (strcmp (last, "imei") == 0 || strcmp (last, "imei2") == 0)
    return PROV_ID_KIND_IMEI;
  if (strcmp (last, "eid") == 0)
    return PROV_ID_KIND_EID;
  if (strcmp (last, "meid") == 0)
    return PROV_ID_KIND_MEID;
  if (strcmp (last, "esn") == 0)
    return PROV_ID_KIND_ESN;
  if (strcmp (last, "iban") == 0)
    return PROV_ID_KIND_IBAN;

  return PROV_ID_KIND_UNKNOWN;
}
