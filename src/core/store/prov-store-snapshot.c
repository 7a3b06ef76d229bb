#include "prov-store-snapshot.h"

static void
identifier_free (ProvOrderIdentifier *identifier)
{
  g_free (identifier->field);
  g_free (identifier->value);
  g_free (identifier);
}

static void
line_snapshot_free (ProvLineSnapshot *line)
{
  g_free (line->line_id);
  g_free (line->product_ref);
  g_free (line->state);
  g_free (line->payload);
  g_free (line);
}

static void
append_joined (GString    **joined,
               const char  *value)
{
  if (*joined == NULL)
    *joined = g_string_new (value);
  else
    g_string_append_printf (*joined, " %s", value);
}

static char *
steal_joined (GString *joined)
{
  return joined != NULL ? g_string_free (joined, FALSE) : NULL;
}

ProvOrderSnapshot *
prov_order_snapshot_new (ProvOrder *order,
                         gint64     now)
{
  ProvOrderSnapshot *snapshot = g_new0 (ProvOrderSnapshot, 1);
  GString *msisdns = NULL;
  GString *iccids = NULL;
  GString *imeis = NULL;

  snapshot->uuid = g_strdup (prov_order_get_uuid (order));
  snapshot->kind = prov_order_get_kind (order);
  snapshot->created_by = g_strdup (prov_order_get_created_by (order));
  snapshot->created_at = prov_order_get_created_at (order);
  snapshot->updated_at = now;
  snapshot->current_page = g_strdup (prov_order_get_current_page (order));
  snapshot->payload = prov_order_dup_payload_json (order);
  snapshot->customer_name = g_strdup (prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME));
  snapshot->reference = g_strdup (prov_order_get_field (order, PROV_ORDER_FIELD_REFERENCE));
  snapshot->identifiers = g_ptr_array_new_with_free_func ((GDestroyNotify) identifier_free);
  snapshot->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_snapshot_free);

  for (guint position = 0; position < prov_order_get_n_lines (order); position++)
    {
      ProvOrderLine *line = prov_order_get_line (order, position);
      ProvLineSnapshot *line_snapshot = g_new0 (ProvLineSnapshot, 1);
      g_auto(GStrv) keys = prov_order_line_dup_field_keys (line);
      const char *msisdn = prov_order_line_get_field (line, PROV_ORDER_FIELD_NUMBER_MSISDN);

      line_snapshot->line_id = g_strdup (prov_order_line_get_id (line));
      line_snapshot->action = prov_order_line_get_action (line);
      line_snapshot->product_ref = g_strdup (prov_order_line_get_product_ref (line));
      line_snapshot->state = g_strdup (prov_order_line_get_state (line));
      line_snapshot->payload = prov_order_fields_to_json (prov_order_line_get_fields (line));
      g_ptr_array_add (snapshot->lines, line_snapshot);

      if (msisdn != NULL)
        append_joined (&msisdns, msisdn);

      for (guint i = 0; keys[i] != NULL; i++)
        {
          ProvIdKind kind = prov_id_kind_for_field (keys[i]);
          const char *value = prov_order_line_get_field (line, keys[i]);
          ProvOrderIdentifier *identifier;

          /* A SIM or a device belongs to one open order. */
          if (kind != PROV_ID_KIND_ICCID && kind != PROV_ID_KIND_IMEI && kind != PROV_ID_KIND_MEID &&
              kind != PROV_ID_KIND_ESN)
            continue;

          identifier = g_new0 (ProvOrderIdentifier, 1);
          identifier->field = g_strdup (keys[i]);
          identifier->kind = kind;
          identifier->value = g_strdup (value);
          identifier->line = position;
          g_ptr_array_add (snapshot->identifiers, identifier);

          append_joined (kind == PROV_ID_KIND_ICCID ? &iccids : &imeis, value);
        }
    }

  snapshot->msisdn = steal_joined (msisdns);
  snapshot->iccid = steal_joined (iccids);
  snapshot->imei = steal_joined (imeis);

  return snapshot;
}

void
prov_order_snapshot_free (ProvOrderSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_free (snapshot->uuid);
  g_free (snapshot->created_by);
  g_free (snapshot->current_page);
  g_free (snapshot->payload);
  g_free (snapshot->customer_name);
  g_free (snapshot->reference);
  g_free (snapshot->msisdn);
  g_free (snapshot->iccid);
  g_free (snapshot->imei);
  g_ptr_array_unref (snapshot->identifiers);
  g_ptr_array_unref (snapshot->lines);
  g_free (snapshot);
}
