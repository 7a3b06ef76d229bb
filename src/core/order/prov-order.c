#include <json-glib/json-glib.h>

#include "prov-order-field.h"
#include "prov-order.h"

/*
 * An order: fields of its own (the customer, the reference, the start
 * date) and one or more lines, each a productOrderItem with fields of its
 * own (what is ordered, SIM, number, device, user). Which field belongs
 * where is declared in prov-order-field.c; prov_order_get_field() and
 * prov_order_set_field() reach a line's fields on the first line, which
 * is all flows 1 and 2 have. Orders of several lines address each line.
 */

struct _ProvOrder
{
  GObject         parent_instance;

  char           *uuid;
  ProvOrderKind   kind;
  ProvOrderState  state;
  char           *carrier_id;
  char           *created_by;
  gint64          created_at;
  gint64          updated_at;
  char           *current_page;

  /* The order's own "page.field" → string map. */
  GHashTable     *fields;
  GPtrArray      *lines;     /* ProvOrderLine, at least one */
};

G_DEFINE_FINAL_TYPE (ProvOrder, prov_order, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_KIND,
  PROP_STATE,
  PROP_CURRENT_PAGE,
  PROP_UPDATED_AT,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

ProvOrder *
prov_order_new (ProvOrderKind  kind,
                const char    *created_by)
{
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 now = g_get_real_time ();

  g_return_val_if_fail (prov_order_kind_is_valid (kind), NULL);

  return prov_order_new_from_row (uuid, kind, PROV_ORDER_STATE_DRAFT, NULL,
                                  created_by, now, now, NULL);
}

ProvOrder *
prov_order_new_from_row (const char     *uuid,
                         ProvOrderKind   kind,
                         ProvOrderState  state,
                         const char     *carrier_id,
                         const char     *created_by,
                         gint64          created_at,
                         gint64          updated_at,
                         const char     *current_page)
{
  ProvOrder *self = g_object_new (PROV_TYPE_ORDER, NULL);

  self->uuid = g_strdup (uuid);
  self->kind = kind;
  self->state = state;
  self->carrier_id = g_strdup (carrier_id);
  self->created_by = g_strdup (created_by != NULL ? created_by : "");
  self->created_at = created_at;
  self->updated_at = updated_at;
  self->current_page = g_strdup (current_page);

  return self;
}

const char *
prov_order_get_uuid (ProvOrder *self)
{
  g_return_val_if_fail (PROV_IS_ORDER (self), NULL);
  return self->uuid;
}

ProvOrderKind
prov_order_get_kind (ProvOrder *self)
{
  g_return_val_if_fail (PROV_IS_ORDER (self), 0);
  return self->kind;
}

ProvOrderState
prov_order_get_state (ProvOrder *self)
{
  g_return_val_if_fail (PROV_IS_ORDER (self), 0);
  return self->state;
}

const char *
prov_order_get_carrier_id (ProvOrder *self)
{
  g_return_val_if_fail (PROV_IS_ORDER (self), NULL);
  return self->carrier_id;
}

const char *
prov_order_get_created_by (ProvOrder *self)
{
  g_return_val_if_fail (PROV_IS_ORDER (self), NULL);
  return self->created_by;
}

gint64
prov_order_get_created_at (ProvOrder *self)
{
  g_return_val_if_fail (PROV_IS_ORDER (self), 0);
  return self->created_at;
}

gint64
prov_order_get_updated_at (ProvOrder *self)
{
  g_return_val_if_fail (PROV_IS_ORDER (self), 0);
  return self->updated_at;
}

const char *
prov_order_get_current_page (ProvOrder *self)
{
  g_return_val_if_fail (PROV_IS_ORDER (self), NULL);
  return self->current_page;
}

void
prov_order_set_current_page (ProvOrder  *self,
                             const char *page)
{
  g_return_if_fail (PROV_IS_ORDER (self));

  if (g_strcmp0 (self->current_page, page) != 0)
    {
      g_free (self->current_page);
      self->current_page = g_strdup (page);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PAGE]);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

/* The account the customer's extensions and users are kept under: the
 * carrier's customer number, or this till's record of a customer the
 * carrier does not know yet. */
const char *
prov_order_get_customer_account (ProvOrder *self)
{
  const char *carrier_id;

  g_return_val_if_fail (PROV_IS_ORDER (self), NULL);

  carrier_id = g_hash_table_lookup (self->fields, PROV_ORDER_FIELD_CUSTOMER_ID);
  return carrier_id != NULL ? carrier_id : g_hash_table_lookup (self->fields, PROV_ORDER_FIELD_CUSTOMER_UUID);
}

const char *
prov_order_get_field (ProvOrder  *self,
                      const char *key)
{
  g_return_val_if_fail (PROV_IS_ORDER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (prov_order_field_is_line (key))
    return prov_order_line_get_field (g_ptr_array_index (self->lines, 0), key);

  return g_hash_table_lookup (self->fields, key);
}

/* Setting NULL or "" removes the field: an emptied entry is no value. */
void
prov_order_set_field (ProvOrder  *self,
                      const char *key,
                      const char *value)
{
  g_return_if_fail (PROV_IS_ORDER (self));
  g_return_if_fail (key != NULL && *key != '\0');

  if (prov_order_field_is_line (key))
    {
      /* The line's "changed" is relayed as the order's. */
      prov_order_line_set_field (g_ptr_array_index (self->lines, 0), key, value);
      return;
    }

  if (prov_order_fields_set (self->fields, key, value))
    g_signal_emit (self, signals[CHANGED], 0);
}

/* The order's own fields, not its lines'. */
char **
prov_order_dup_field_keys (ProvOrder *self)
{
  g_return_val_if_fail (PROV_IS_ORDER (self), NULL);

  return prov_order_fields_dup_keys (self->fields);
}

/* The order's own fields; each line keeps its own. */
char *
prov_order_dup_payload_json (ProvOrder *self)
{
  g_return_val_if_fail (PROV_IS_ORDER (self), NULL);

  return prov_order_fields_to_json (self->fields);
}

/* Field maps, the order's and its lines': key → value. Setting NULL or ""
 * removes the field, an emptied entry being no value; TRUE when that
 * changed anything. */
gboolean
prov_order_fields_set (GHashTable *fields,
                       const char *key,
                       const char *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (g_hash_table_lookup (fields, key), value) == 0)
    return FALSE;

  if (value == NULL)
    g_hash_table_remove (fields, key);
  else
    g_hash_table_insert (fields, g_strdup (key), g_strdup (value));

  return TRUE;
}

/* Sorted. */
char **
prov_order_fields_dup_keys (GHashTable *fields)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (fields), (GCompareFunc) g_strcmp0);

  for (GList *l = keys; l != NULL; l = l->next)
    g_strv_builder_add (builder, l->data);

  return g_strv_builder_end (builder);
}

/* A field map as the store keeps it: one JSON object, keys sorted so the
 * same fields always give the same text. */
char *
prov_order_fields_to_json (GHashTable *fields)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) keys = prov_order_fields_dup_keys (fields);

  json_builder_begin_object (builder);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, keys[i]);
      json_builder_add_string_value (builder, g_hash_table_lookup (fields, keys[i]));
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Reads what prov_order_fields_to_json wrote into @fields. */
gboolean
prov_order_fields_from_json (GHashTable  *fields,
                             const char  *json,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!json_parser_load_from_data (parser, json, -1, error))
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           "The order's payload is not a JSON object");
      return FALSE;
    }

  g_hash_table_remove_all (fields);
  object = json_node_get_object (json_parser_get_root (parser));
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &node))
    {
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_hash_table_insert (fields, g_strdup (member), g_strdup (json_node_get_string (node)));
    }

  return TRUE;
}

gboolean
prov_order_load_payload_json (ProvOrder   *self,
                              const char  *json,
                              GError     **error)
{
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (PROV_IS_ORDER (self), FALSE);

  if (!prov_order_fields_from_json (fields, json, error))
    return FALSE;

  g_hash_table_unref (self->fields);
  self->fields = g_steal_pointer (&fields);

  return TRUE;
}

/* "Make another": a new draft of the same kind for the same customer, with
 * what the registry says such an order keeps. */
ProvOrder *
prov_order_new_another (ProvOrder *self)
{
  g_autoptr(ProvOrder) another = NULL;
  const ProvOrderField *fields;
  guint n_fields;

  g_return_val_if_fail (PROV_IS_ORDER (self), NULL);

  another = prov_order_new (self->kind, self->created_by);
  fields = prov_order_field_get_all (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    if ((fields[i].flags & PROV_FIELD_CARRIED_OVER) != 0)
      prov_order_set_field (another, fields[i].key, prov_order_get_field (self, fields[i].key));

  return g_steal_pointer (&another);
}

/* ---- lines ---------------------------------------------------------------- */

static void
on_line_changed (ProvOrder *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
adopt_line (ProvOrder     *self,
            ProvOrderLine *line)
{
  g_signal_connect_object (line, "changed", G_CALLBACK (on_line_changed), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->lines, line);
}

guint
prov_order_get_n_lines (ProvOrder *self)
{
  g_return_val_if_fail (PROV_IS_ORDER (self), 0);
  return self->lines->len;
}

ProvOrderLine *
prov_order_get_line (ProvOrder *self,
                     guint      index)
{
  g_return_val_if_fail (PROV_IS_ORDER (self), NULL);
  g_return_val_if_fail (index < self->lines->len, NULL);

  return g_ptr_array_index (self->lines, index);
}

/* A new, empty line at the end; its id is the next free number. */
ProvOrderLine *
prov_order_add_line (ProvOrder *self)
{
  guint highest = 0;
  g_autofree char *id = NULL;
  ProvOrderLine *line;

  g_return_val_if_fail (PROV_IS_ORDER (self), NULL);

  for (guint i = 0; i < self->lines->len; i++)
    highest = MAX (highest, (guint) g_ascii_strtoull (prov_order_line_get_id (g_ptr_array_index (self->lines, i)),
                                                      NULL, 10));
  id = g_strdup_printf ("%u", highest + 1);
  line = prov_order_line_new (id);
  adopt_line (self, line);
  g_signal_emit (self, signals[CHANGED], 0);

  return line;
}

/* An order keeps at least one line. */
void
prov_order_remove_line (ProvOrder *self,
                        guint      index)
{
  g_return_if_fail (PROV_IS_ORDER (self));
  g_return_if_fail (index < self->lines->len && self->lines->len > 1);

  g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->lines, index), on_line_changed, self);
  g_ptr_array_remove_index (self->lines, index);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* For ProvStore and import: the order's lines, in their order, instead of
 * the ones it has. */
void
prov_order_set_lines (ProvOrder *self,
                      GPtrArray *lines)
{
  g_return_if_fail (PROV_IS_ORDER (self));
  g_return_if_fail (lines != NULL && lines->len > 0);

  for (guint i = 0; i < self->lines->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->lines, i), on_line_changed, self);
  g_ptr_array_set_size (self->lines, 0);
  for (guint i = 0; i < lines->len; i++)
    adopt_line (self, g_object_ref (g_ptr_array_index (lines, i)));
}

void
prov_order_set_carrier_id (ProvOrder  *self,
                           const char *carrier_id)
{
  g_return_if_fail (PROV_IS_ORDER (self));

  g_free (self->carrier_id);
  self->carrier_id = g_strdup (carrier_id);
}

void
prov_order_set_persisted_state (ProvOrder      *self,
                                ProvOrderState  state,
                                gint64          updated_at)
{
  g_return_if_fail (PROV_IS_ORDER (self));

  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

gboolean
prov_order_check_transition (ProvOrder       *self,
                             ProvOrderState   to,
                             GError         **error)
{
  g_return_val_if_fail (PROV_IS_ORDER (self), FALSE);

  return prov_order_state_check_transition (self->state, to, error);
}

static void
prov_order_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ProvOrder *self = PROV_ORDER (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_CURRENT_PAGE:
      g_value_set_string (value, self->current_page);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prov_order_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ProvOrder *self = PROV_ORDER (object);

  switch (prop_id)
    {
    case PROP_CURRENT_PAGE:
      prov_order_set_current_page (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prov_order_finalize (GObject *object)
{
  ProvOrder *self = PROV_ORDER (object);

  g_free (self->uuid);
  g_free (self->carrier_id);
  g_free (self->created_by);
  g_free (self->current_page);
  g_hash_table_unref (self->fields);
  g_ptr_array_unref (self->lines);

  G_OBJECT_CLASS (prov_order_parent_class)->finalize (object);
}

static void
prov_order_class_init (ProvOrderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = prov_order_get_property;
  object_class->set_property = prov_order_set_property;
  object_class->finalize = prov_order_finalize;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, PROV_TYPE_ORDER_KIND, PROV_ORDER_KIND_MOBILE_USER,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, PROV_TYPE_ORDER_STATE, PROV_ORDER_STATE_DRAFT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_PAGE] =
    g_param_spec_string ("current-page", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted for every edit of the content (fields, page); autosave listens. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
prov_order_init (ProvOrder *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->lines = g_ptr_array_new_with_free_func (g_object_unref);
  adopt_line (self, prov_order_line_new ("1"));
}

/* Removes the order's secrets (the fields declared secret: log-on,
 * transfer and account PINs) from it and its lines; what is exported or
 * shown without them needs no more. */
void
prov_order_forget_secrets (ProvOrder *self)
{
  const ProvOrderField *fields;
  guint n_fields;

  g_return_if_fail (PROV_IS_ORDER (self));

  fields = prov_order_field_get_all (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i].kind != PROV_FIELD_SECRET)
        continue;
      if (prov_order_field_is_line (fields[i].key))
        for (guint l = 0; l < self->lines->len; l++)
          prov_order_line_set_field (g_ptr_array_index (self->lines, l), fields[i].key, NULL);
      else
        prov_order_set_field (self, fields[i].key, NULL);
    }
}
