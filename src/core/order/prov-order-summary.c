#include <string.h>

#include <glib/gi18n-lib.h>

#include "prov-order-field.h"
#include "prov-order-summary.h"

static void
summary_line_clear (ProvSummaryLine *line)
{
  g_clear_pointer (&line->title, g_free);
  g_clear_pointer (&line->value, g_free);
}

static void
add_line (GArray     *lines,
          const char *title,
          char       *value)
{
  ProvSummaryLine line = { g_strdup (title), value, 0 };

  g_array_append_val (lines, line);
}

/* A field of the line @index: under its number when the order has more. */
static void
add_line_field (GArray     *lines,
                guint       index,
                guint       n_order_lines,
                const char *title,
                char       *value)
{
  g_autofree char *numbered = NULL;

  if (n_order_lines > 1)
    /* Translators: an order line's field, e.g. "Line 2: Device (IMEI)" */
    numbered = g_strdup_printf (_("Line %u: %s"), index + 1, title);
  add_line (lines, numbered != NULL ? numbered : title, value);
  if (n_order_lines > 1)
    g_array_index (lines, ProvSummaryLine, lines->len - 1).line = index + 1;
}

static char *
dup_shown_value (const ProvOrderField *field,
                 const char           *value)
{
  return (field->flags & PROV_FIELD_SHOWN) != 0 ? prov_order_field_dup_readable_value (field, value) : NULL;
}

GArray *
prov_order_summary_lines (ProvOrder *order)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (ProvSummaryLine));
  const ProvOrderField *fields;
  guint n_fields;
  guint n_order_lines;

  g_array_set_clear_func (lines, (GDestroyNotify) summary_line_clear);
  g_return_val_if_fail (PROV_IS_ORDER (order), lines);

  /* What the registry says the overview shows, in its order; an order of
   * several lines shows each line's fields under its number. */
  n_order_lines = prov_order_get_n_lines (order);
  fields = prov_order_field_get_all (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      char *value;

      if (n_order_lines > 1 && (fields[i].flags & PROV_FIELD_LINE) != 0)
        continue;
      value = dup_shown_value (&fields[i], prov_order_get_field (order, fields[i].key));
      if (value != NULL)
        add_line (lines, prov_order_field_get_title (&fields[i]), value);
    }

  for (guint l = 0; l < n_order_lines; l++)
    {
      ProvOrderLine *line = prov_order_get_line (order, l);
      g_auto(GStrv) keys = prov_order_line_dup_field_keys (line);

      for (guint i = 0; n_order_lines > 1 && i < n_fields; i++)
        {
          char *value;

          if ((fields[i].flags & PROV_FIELD_LINE) == 0)
            continue;
          value = dup_shown_value (&fields[i], prov_order_line_get_field (line, fields[i].key));
          if (value != NULL)
            add_line_field (lines, l, n_order_lines, prov_order_field_get_title (&fields[i]), value);
        }

      /* A service's settings, by the names the carrier gave them. */
      for (guint k = 0; keys[k] != NULL; k++)
        if (g_str_has_prefix (keys[k], PROV_ORDER_FIELD_SETTING_PREFIX))
          add_line_field (lines, l, n_order_lines, keys[k] + strlen (PROV_ORDER_FIELD_SETTING_PREFIX),
                          g_strdup (prov_order_line_get_field (line, keys[k])));
    }

  /* A SIM connected later leaves a user who cannot call yet: said, not
   * left to an absent ICCID. */
  if (g_strcmp0 (prov_order_get_field (order, PROV_ORDER_FIELD_SIM_MODE), "later") == 0)
    add_line (lines, _("SIM"),
              g_strdup (_("Connected later: the user is set up at the carrier but cannot use the line until the SIM is linked")));

  /* A PIN stays off paper, except the factory one that must change: it is
   * no secret. */
  if (g_strcmp0 (prov_order_get_field (order, PROV_ORDER_FIELD_EXTENSION_PIN_CHANGE_REQUIRED), "true") == 0 &&
      prov_order_get_field (order, PROV_ORDER_FIELD_EXTENSION_PIN) != NULL)
    /* Translators: %s is a factory PIN such as 0000 */
    add_line (lines, _("Log-on PIN"),
              g_strdup_printf (_("%s, to be changed at first login"), prov_order_get_field (order, PROV_ORDER_FIELD_EXTENSION_PIN)));

  /* The portal's meaning of the switch: off, the store invoices it. */
  if (g_strcmp0 (prov_order_get_field (order, PROV_ORDER_FIELD_CONFIRM_END_USER_BILLING), "false") == 0)
    add_line (lines, _("End user billing"), g_strdup (_("Off: add this order to the customer's invoice by hand")));

  return lines;
}
