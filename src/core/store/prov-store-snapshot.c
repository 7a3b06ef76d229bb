#include "prov-store-snapshot.h"

static void
identifier_free (ProvOrderIdentifier *identifier)
{
  g_free (identifier->field);
  g_free (identifier->value);
  g_free (identifier);
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
  g_auto(GStrv) keys = prov_order_dup_field_keys (order);
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
  snapshot->msisdn = g_strdup (prov_order_get_field (order, PROV_ORDER_FIELD_MSISDN));
  snapshot->identifiers = g_ptr_array_new_with_free_func ((GDestroyNotify) identifier_free);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      ProvIdKind kind = prov_id_kind_for_field (keys[i]);
      const char *value = prov_order_get_field (order, keys[i]);
      ProvOrderIdentifier *identifier;

      if (kind != PROV_ID_KIND_ICCID && kind != PROV_ID_KIND_IMEI)
        continue;

      identifier = g_new0 (ProvOrderIdentifier, 1);
      identifier->field = g_strdup (keys[i]);
      identifier->kind = kind;
      identifier->value = g_strdup (value);
      g_ptr_array_add (snapshot->identifiers, identifier);

      append_joined (kind == PROV_ID_KIND_ICCID ? &iccids : &imeis, value);
    }

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
  g_free (snapshot);
}
