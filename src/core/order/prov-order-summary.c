#include <glib/gi18n-lib.h>

#include "prov-order-summary.h"
#include "prov-tmf622.h"

static const struct {
  const char *key;
  const char *title;
} summary[] = {
  { PROV_ORDER_FIELD_CUSTOMER_NAME, N_("Customer") },
  { "stocktaking.portfolio-name", N_("Portfolio") },
  { PROV_ORDER_FIELD_OFFERING_NAME, N_("Product") },
  { "subscription.data-name", N_("Data package") },
  { "subscription.sms-name", N_("SMS package") },
  { PROV_ORDER_FIELD_REFERENCE, N_("Own reference") },
  { PROV_ORDER_FIELD_START_DATE, N_("Start date") },
  { "stocktaking.contract-months", N_("Contract duration (months)") },
  { "addons.names", N_("Add-ons") },
  { "user.display-name", N_("User") },
  { "user.email", N_("User's e-mail") },
  { "user.language-name", N_("Language of announcements") },
  { PROV_ORDER_FIELD_ICCID, N_("SIM (ICCID)") },
  { PROV_ORDER_FIELD_MSISDN, N_("Phone number") },
  { "number.summary", N_("Number") },
  { "extension.number", N_("Extension") },
  { "extension.name", N_("Name shown on calls") },
  { "extension.area-code", N_("Area code") },
};

GArray *
prov_order_summary_lines (ProvOrder *order)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (ProvSummaryLine));

  g_return_val_if_fail (PROV_IS_ORDER (order), lines);

  for (guint i = 0; i < G_N_ELEMENTS (summary); i++)
    {
      ProvSummaryLine line = { _(summary[i].title), prov_order_get_field (order, summary[i].key) };

      if (line.value != NULL && *line.value != '\0')
        g_array_append_val (lines, line);
    }

  /* The PIN itself stays off paper; that it must change does not. */
  if (g_strcmp0 (prov_order_get_field (order, PROV_ORDER_FIELD_PIN_CHANGE_REQUIRED), "true") == 0)
    {
      ProvSummaryLine line = { _("Voicemail PIN"), _("0000, to be changed at first login") };

      g_array_append_val (lines, line);
    }

  return lines;
}
