#include <glib/gi18n-lib.h>

#include "prov-order-field.h"
#include "prov-order-summary.h"

GArray *
prov_order_summary_lines (ProvOrder *order)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (ProvSummaryLine));
  const ProvOrderField *fields;
  guint n_fields;

  g_return_val_if_fail (PROV_IS_ORDER (order), lines);

  /* What the registry says the overview shows, in its order. */
  fields = prov_order_field_get_all (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      ProvSummaryLine line = { prov_order_field_get_title (&fields[i]), prov_order_get_field (order, fields[i].key) };

      if ((fields[i].flags & PROV_FIELD_SHOWN) == 0 || line.value == NULL || *line.value == '\0')
        continue;
      /* A picked item's name says it; its id does not. */
      if (fields[i].kind == PROV_FIELD_CHOICE || fields[i].kind == PROV_FIELD_SECRET)
        continue;
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
