#include <glib/gi18n-lib.h>

#include "prov-inventory.h"
#include "prov-order-field.h"

/*
 * A new customer's order waits for its inventory: each new line needs a
 * device (IMEI, MEID or ESN) and a SIM (ICCID). Each scan goes to the next
 * line that lacks what it holds, in line order; a dual-SIM phone's box
 * (GS1, two IMEIs) goes to one line whole. Every scan can be undone.
 */

G_DEFINE_QUARK (prov-inventory-error-quark, prov_inventory_error)

typedef struct {
  char *line_id;
  char *key;
  char *previous;
  char *value;
} Change;

struct _ProvInventoryAssignment
{
  GPtrArray *changes;   /* Change */
};

static const char * const device_keys[] = {
  PROV_ORDER_FIELD_DEVICE_IMEI, PROV_ORDER_FIELD_DEVICE_IMEI2, PROV_ORDER_FIELD_DEVICE_MEID, PROV_ORDER_FIELD_DEVICE_ESN,
};

static void
change_free (Change *change)
{
  g_free (change->line_id);
  g_free (change->key);
  g_free (change->previous);
  g_free (change->value);
  g_free (change);
}

void
prov_inventory_assignment_free (ProvInventoryAssignment *assignment)
{
  if (assignment == NULL)
    return;

  g_ptr_array_unref (assignment->changes);
  g_free (assignment);
}

static gboolean
line_has_device (ProvOrderLine *line)
{
  return prov_order_line_get_field (line, PROV_ORDER_FIELD_DEVICE_IMEI) != NULL ||
         prov_order_line_get_field (line, PROV_ORDER_FIELD_DEVICE_MEID) != NULL ||
         prov_order_line_get_field (line, PROV_ORDER_FIELD_DEVICE_ESN) != NULL;
}

gboolean
prov_order_line_lacks_inventory (ProvOrderLine *line)
{
  g_return_val_if_fail (PROV_IS_ORDER_LINE (line), FALSE);

  return prov_order_line_get_action (line) == PROV_LINE_ACTION_ADD &&
         (prov_order_line_get_field (line, PROV_ORDER_FIELD_SIM_ICCID) == NULL || !line_has_device (line));
}

gboolean
prov_order_inventory_complete (ProvOrder *order)
{
  g_return_val_if_fail (PROV_IS_ORDER (order), FALSE);

  for (guint i = 0; i < prov_order_get_n_lines (order); i++)
    if (prov_order_line_lacks_inventory (prov_order_get_line (order, i)))
      return FALSE;

  return TRUE;
}

/* The line (1-based, as the clerk counts them) already holding @value. */
static guint
line_holding (ProvOrder  *order,
              const char *value)
{
  for (guint i = 0; i < prov_order_get_n_lines (order); i++)
    {
      ProvOrderLine *line = prov_order_get_line (order, i);

      if (g_strcmp0 (prov_order_line_get_field (line, PROV_ORDER_FIELD_SIM_ICCID), value) == 0)
        return i + 1;
      for (guint k = 0; k < G_N_ELEMENTS (device_keys); k++)
        if (g_strcmp0 (prov_order_line_get_field (line, device_keys[k]), value) == 0)
          return i + 1;
    }

  return 0;
}

static ProvOrderLine *
next_line_without (ProvOrder *order,
                   gboolean   device)
{
  for (guint i = 0; i < prov_order_get_n_lines (order); i++)
    {
      ProvOrderLine *line = prov_order_get_line (order, i);

      if (prov_order_line_get_action (line) != PROV_LINE_ACTION_ADD)
        continue;
      if (device ? !line_has_device (line) : prov_order_line_get_field (line, PROV_ORDER_FIELD_SIM_ICCID) == NULL)
        return line;
    }

  return NULL;
}

static void
assign (ProvInventoryAssignment *assignment,
        ProvOrderLine           *line,
        const char              *key,
        const char              *value)
{
  Change *change = g_new0 (Change, 1);

  change->line_id = g_strdup (prov_order_line_get_id (line));
  change->key = g_strdup (key);
  change->previous = g_strdup (prov_order_line_get_field (line, key));
  change->value = g_strdup (value);
  g_ptr_array_add (assignment->changes, change);
  prov_order_line_set_field (line, key, value);
}

static const char *
device_key_of (ProvIdKind kind)
{
  switch (kind)
    {
    case PROV_ID_KIND_IMEI:
      return PROV_ORDER_FIELD_DEVICE_IMEI;
    case PROV_ID_KIND_MEID:
      return PROV_ORDER_FIELD_DEVICE_MEID;
    case PROV_ID_KIND_ESN:
      return PROV_ORDER_FIELD_DEVICE_ESN;
    default:
      return NULL;
    }
}

/* The SIM and the device identifiers of @scan, checked. */
static gboolean
collect (ProvOrder       *order,
         const ProvScan  *scan,
         const ProvId   **sim,
         GPtrArray       *devices,
         GError         **error)
{
  for (guint i = 0; scan->ids != NULL && i < scan->ids->len; i++)
    {
      const ProvId *id = g_ptr_array_index (scan->ids, i);
      guint holder;

      if (id->kind != PROV_ID_KIND_ICCID && device_key_of (id->kind) == NULL)
        continue;

      if (!id->valid)
        {
          g_set_error (error, PROV_INVENTORY_ERROR, PROV_INVENTORY_ERROR_INVALID,
                       /* Translators: an identifier kind (IMEI, ICCID…), then why it is wrong */
                       _("%s: %s"), prov_id_kind_get_title (id->kind), id->message);
          return FALSE;
        }

      if ((holder = line_holding (order, id->normalized)) != 0)
        {
          g_set_error (error, PROV_INVENTORY_ERROR, PROV_INVENTORY_ERROR_ALREADY_ASSIGNED,
                       _("%s %s is already on line %u"), prov_id_kind_get_title (id->kind), id->normalized, holder);
          return FALSE;
        }

      if (id->kind == PROV_ID_KIND_ICCID && *sim == NULL)
        *sim = id;
      else if (id->kind != PROV_ID_KIND_ICCID && devices->len < 2)
        g_ptr_array_add (devices, (gpointer) id);
    }

  if (*sim == NULL && devices->len == 0)
    {
      g_set_error_literal (error, PROV_INVENTORY_ERROR, PROV_INVENTORY_ERROR_NOTHING_TO_ASSIGN,
                           _("This is neither a SIM nor a device: scan the ICCID, IMEI, MEID or ESN"));
      return FALSE;
    }

  return TRUE;
}

/* Puts what @scan holds on the next lines lacking it; NULL, with nothing
 * changed, when it cannot. */
ProvInventoryAssignment *
prov_order_assign_scan (ProvOrder       *order,
                        const ProvScan  *scan,
                        GError         **error)
{
  g_autoptr(ProvInventoryAssignment) assignment = NULL;
  g_autoptr(GPtrArray) devices = g_ptr_array_new ();
  const ProvId *sim = NULL;
  ProvOrderLine *sim_line = NULL;
  ProvOrderLine *device_line = NULL;

  g_return_val_if_fail (PROV_IS_ORDER (order), NULL);
  g_return_val_if_fail (scan != NULL, NULL);

  if (!collect (order, scan, &sim, devices, error))
    return NULL;

  if (sim != NULL && (sim_line = next_line_without (order, FALSE)) == NULL)
    {
      g_set_error_literal (error, PROV_INVENTORY_ERROR, PROV_INVENTORY_ERROR_NO_LINE_MISSING,
                           _("Every line has its SIM already"));
      return NULL;
    }
  if (devices->len > 0 && (device_line = next_line_without (order, TRUE)) == NULL)
    {
      g_set_error_literal (error, PROV_INVENTORY_ERROR, PROV_INVENTORY_ERROR_NO_LINE_MISSING,
                           _("Every line has its device already"));
      return NULL;
    }

  assignment = g_new0 (ProvInventoryAssignment, 1);
  assignment->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  if (sim != NULL)
    assign (assignment, sim_line, PROV_ORDER_FIELD_SIM_ICCID, sim->normalized);
  if (devices->len > 0)
    {
      const ProvId *first = g_ptr_array_index (devices, 0);

      assign (assignment, device_line, device_key_of (first->kind), first->normalized);
      /* The second IMEI of a dual-SIM phone's box. */
      if (devices->len > 1 && first->kind == PROV_ID_KIND_IMEI &&
          ((const ProvId *) g_ptr_array_index (devices, 1))->kind == PROV_ID_KIND_IMEI)
        assign (assignment, device_line, PROV_ORDER_FIELD_DEVICE_IMEI2, ((const ProvId *) g_ptr_array_index (devices, 1))->normalized);
    }

  return g_steal_pointer (&assignment);
}

static ProvOrderLine *
find_line (ProvOrder  *order,
           const char *line_id)
{
  for (guint i = 0; i < prov_order_get_n_lines (order); i++)
    if (g_strcmp0 (prov_order_line_get_id (prov_order_get_line (order, i)), line_id) == 0)
      return prov_order_get_line (order, i);

  return NULL;
}

void
prov_order_undo_assignment (ProvOrder                     *order,
                            const ProvInventoryAssignment *assignment)
{
  g_return_if_fail (PROV_IS_ORDER (order));
  g_return_if_fail (assignment != NULL);

  for (guint i = assignment->changes->len; i > 0; i--)
    {
      const Change *change = g_ptr_array_index (assignment->changes, i - 1);
      ProvOrderLine *line = find_line (order, change->line_id);

      if (line != NULL)
        prov_order_line_set_field (line, change->key, change->previous);
    }
}

/* "SIM 8931… on line 2", for the Undo toast. */
char *
prov_inventory_assignment_describe (const ProvInventoryAssignment *assignment)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (assignment != NULL, NULL);

  for (guint i = 0; i < assignment->changes->len; i++)
    {
      const Change *change = g_ptr_array_index (assignment->changes, i);
      const ProvOrderField *field = prov_order_field_lookup (change->key);

      if (text->len > 0)
        g_string_append (text, ", ");
      /* Translators: a field's title, its value, the line it went to: "SIM (ICCID) 8931… on line 2" */
      g_string_append_printf (text, _("%s %s on line %s"), field != NULL ? prov_order_field_get_title (field) : change->key,
                              change->value, change->line_id);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
