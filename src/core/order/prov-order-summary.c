#include <glib/gi18n-lib.h>

#include "prov-order-field.h"
#include "prov-order-summary.h"

static void
summary_line_clear (ProvSummaryLine *line)
{
  g_clear_pointer (&line->value, g_free);
}

static void
add_line (GArray     *lines,
          const char *title,
          char       *value)
{
  ProvSummaryLine line = { title, value };

  g_array_append_val (lines, line);
}

GArray *
prov_order_summary_lines (ProvOrder *order)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (ProvSummaryLine));
  const ProvOrderField *fields;
  guint n_fields;

  g_array_set_clear_func (lines, (GDestroyNotify) summary_line_clear);
  g_return_val_if_fail (PROV_IS_ORDER (order), lines);

  /* What the registry says the overview shows, in its order. */
  fields = prov_order_field_get_all (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const char *value = prov_order_get_field (order, fields[i].key);

      if ((fields[i].flags & PROV_FIELD_SHOWN) == 0 || value == NULL || *value == '\0')
        continue;
      /* A picked item's name says it; its id does not. */
      if (fields[i].kind == PROV_FIELD_CHOICE || fields[i].kind == PROV_FIELD_SECRET)
        continue;
      add_line (lines, prov_order_field_get_title (&fields[i]), g_strdup (value));
    }

  /* A SIM connected later leaves a user who cannot call yet: said, not
   * left to an absent ICCID. */
  if (g_strcmp0 (prov_order_get_field (order, "sim.mode"), "later") == 0)
    add_line (lines, _("SIM"),
              g_strdup (_("Connected later: the user is set up at the carrier but cannot use the line until the SIM is linked")));

  /* A PIN stays off paper, except the factory one that must change: it is
   * no secret. */
  if (g_strcmp0 (prov_order_get_field (order, PROV_ORDER_FIELD_PIN_CHANGE_REQUIRED), "true") == 0 &&
      prov_order_get_field (order, PROV_ORDER_FIELD_PIN) != NULL)
    /* Translators: %s is a factory PIN such as 0000 */
    add_line (lines, _("Log-on PIN"),
              g_strdup_printf (_("%s, to be changed at first login"), prov_order_get_field (order, PROV_ORDER_FIELD_PIN)));

  /* The portal's meaning of the switch: off, the store invoices it. */
  if (g_strcmp0 (prov_order_get_field (order, "confirm.end-user-billing"), "false") == 0)
    add_line (lines, _("End user billing"), g_strdup (_("Off: add this order to the customer's invoice by hand")));

  return lines;
}
