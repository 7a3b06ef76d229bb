#include "prov-order-list-item.h"

struct _ProvOrderListItem
{
  GObject    parent_instance;

  ProvOrder *order;
};

G_DEFINE_FINAL_TYPE (ProvOrderListItem, prov_order_list_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ProvOrderListItem *
prov_order_list_item_new (void)
{
  return g_object_new (PROV_TYPE_ORDER_LIST_ITEM, NULL);
}

ProvOrder *
prov_order_list_item_get_order (ProvOrderListItem *self)
{
  g_return_val_if_fail (PROV_IS_ORDER_LIST_ITEM (self), NULL);

  return self->order;
}

void
prov_order_list_item_set_order (ProvOrderListItem *self,
                                ProvOrder         *order)
{
  g_return_if_fail (PROV_IS_ORDER_LIST_ITEM (self));

  if (g_set_object (&self->order, order))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
}

static void
prov_order_list_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ProvOrderListItem *self = PROV_ORDER_LIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_ORDER:
      g_value_set_object (value, self->order);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prov_order_list_item_dispose (GObject *object)
{
  ProvOrderListItem *self = PROV_ORDER_LIST_ITEM (object);

  g_clear_object (&self->order);

  G_OBJECT_CLASS (prov_order_list_item_parent_class)->dispose (object);
}

static void
prov_order_list_item_class_init (ProvOrderListItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = prov_order_list_item_get_property;
  object_class->dispose = prov_order_list_item_dispose;

  properties[PROP_ORDER] =
    g_param_spec_object ("order", NULL, NULL, PROV_TYPE_ORDER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
prov_order_list_item_init (ProvOrderListItem *self)
{
}
