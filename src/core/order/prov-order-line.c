#include "prov-order-line.h"
#include "prov-order.h"

struct _ProvOrderLine
{
  GObject         parent_instance;

  char           *id;
  ProvLineAction  action;
  char           *product_ref;
  char           *state;
  GHashTable     *fields;
};

G_DEFINE_FINAL_TYPE (ProvOrderLine, prov_order_line, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char * const action_ids[] = { "add", "modify", "delete", "noChange" };

const char *
prov_line_action_to_id (ProvLineAction action)
{
  g_return_val_if_fail ((guint) action < G_N_ELEMENTS (action_ids), NULL);
  return action_ids[action];
}

gboolean
prov_line_action_from_id (const char     *id,
                          ProvLineAction *action)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (action_ids); i++)
    if (g_str_equal (id, action_ids[i]))
      {
        *action = i;
        return TRUE;
      }

  return FALSE;
}

ProvOrderLine *
prov_order_line_new (const char *id)
{
  ProvOrderLine *self = g_object_new (PROV_TYPE_ORDER_LINE, NULL);

  self->id = g_strdup (id != NULL ? id : "1");
  return self;
}

/* Another line like this one, for "add another line": same offering and
 * settings, none of its identifiers. */
ProvOrderLine *
prov_order_line_copy (ProvOrderLine *self,
                      const char    *id)
{
  ProvOrderLine *copy = prov_order_line_new (id);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (PROV_IS_ORDER_LINE (self), NULL);

  copy->action = self->action;
  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->fields, g_strdup (key), g_strdup (value));

  return copy;
}

const char *
prov_order_line_get_id (ProvOrderLine *self)
{
  g_return_val_if_fail (PROV_IS_ORDER_LINE (self), NULL);
  return self->id;
}

ProvLineAction
prov_order_line_get_action (ProvOrderLine *self)
{
  g_return_val_if_fail (PROV_IS_ORDER_LINE (self), PROV_LINE_ACTION_ADD);
  return self->action;
}

void
prov_order_line_set_action (ProvOrderLine  *self,
                            ProvLineAction  action)
{
  g_return_if_fail (PROV_IS_ORDER_LINE (self));

  if (self->action == action)
    return;
  self->action = action;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The carrier's id of the product a modify or delete line changes. */
const char *
prov_order_line_get_product_ref (ProvOrderLine *self)
{
  g_return_val_if_fail (PROV_IS_ORDER_LINE (self), NULL);
  return self->product_ref;
}

void
prov_order_line_set_product_ref (ProvOrderLine *self,
                                 const char    *product_id)
{
  g_return_if_fail (PROV_IS_ORDER_LINE (self));

  if (g_strcmp0 (self->product_ref, product_id) == 0)
    return;
  g_free (self->product_ref);
  self->product_ref = g_strdup (product_id);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* productOrderItem.state as the carrier last reported it; NULL before. */
const char *
prov_order_line_get_state (ProvOrderLine *self)
{
  g_return_val_if_fail (PROV_IS_ORDER_LINE (self), NULL);
  return self->state;
}

void
prov_order_line_set_state (ProvOrderLine *self,
                           const char    *state)
{
  g_return_if_fail (PROV_IS_ORDER_LINE (self));

  g_free (self->state);
  self->state = g_strdup (state);
}

const char *
prov_order_line_get_field (ProvOrderLine *self,
                           const char    *key)
{
  g_return_val_if_fail (PROV_IS_ORDER_LINE (self), NULL);
  return g_hash_table_lookup (self->fields, key);
}

/* Setting NULL or "" removes the field (see prov_order_fields_set). */
void
prov_order_line_set_field (ProvOrderLine *self,
                           const char    *key,
                           const char    *value)
{
  g_return_if_fail (PROV_IS_ORDER_LINE (self));
  g_return_if_fail (key != NULL && *key != '\0');

  if (prov_order_fields_set (self->fields, key, value))
    g_signal_emit (self, signals[CHANGED], 0);
}

char **
prov_order_line_dup_field_keys (ProvOrderLine *self)
{
  g_return_val_if_fail (PROV_IS_ORDER_LINE (self), NULL);

  return prov_order_fields_dup_keys (self->fields);
}

/* key → value; for ProvOrder, which keeps lines' payloads. */
GHashTable *
prov_order_line_get_fields (ProvOrderLine *self)
{
  g_return_val_if_fail (PROV_IS_ORDER_LINE (self), NULL);
  return self->fields;
}

static void
prov_order_line_finalize (GObject *object)
{
  ProvOrderLine *self = PROV_ORDER_LINE (object);

  g_free (self->id);
  g_free (self->product_ref);
  g_free (self->state);
  g_hash_table_unref (self->fields);

  G_OBJECT_CLASS (prov_order_line_parent_class)->finalize (object);
}

static void
prov_order_line_class_init (ProvOrderLineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = prov_order_line_finalize;

  /* Any edit of what the line orders; its order relays it to autosave. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
prov_order_line_init (ProvOrderLine *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}
