#include "prov-order-list-model.h"

/*
 * The order list as a GListModel that pages from the store: the count comes
 * first, then each page of PAGE_SIZE orders is read when a position in it is
 * first asked for. At most MAX_PAGES pages are kept.
 */

#define PAGE_SIZE 100
#define MAX_PAGES 20

typedef struct {
  guint      index;
  GPtrArray *items;
  gboolean   loading;
  guint64    last_used;
} Page;

struct _ProvOrderListModel
{
  GObject          parent_instance;

  ProvStore       *store;
  ProvOrderFilter *filter;
  GCancellable    *cancellable;

  guint            n_items;
  gboolean         counted;
  GError          *error;
  GHashTable      *pages;        /* page index → Page */
  guint64          use_clock;
  guint            refresh_source;
  /* Set when positions change meaning (a new filter). */
  gboolean         reset_on_count;
};

static void prov_order_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvOrderListModel, prov_order_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, prov_order_list_model_iface_init))

enum {
  PROP_0,
  PROP_COUNTED,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  PAGE_LOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

static void load_page (ProvOrderListModel *self,
                       Page               *page);

static void
evict_pages (ProvOrderListModel *self)
{
  while (g_hash_table_size (self->pages) > MAX_PAGES)
    {
      GHashTableIter iter;
      gpointer value;
      Page *oldest = NULL;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Page *page = value;
          if (!page->loading && (oldest == NULL || page->last_used < oldest->last_used))
            oldest = page;
        }

      if (oldest == NULL)
        break;
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (oldest->index));
    }
}

static Page *
get_page (ProvOrderListModel *self,
          guint               index)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));

  if (page == NULL)
    {
      guint first = index * PAGE_SIZE;
      guint length = MIN (PAGE_SIZE, self->n_items - first);

      page = g_new0 (Page, 1);
      page->index = index;
      page->items = g_ptr_array_new_full (length, g_object_unref);
      for (guint i = 0; i < length; i++)
        g_ptr_array_add (page->items, prov_order_list_item_new ());

      g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
      load_page (self, page);
      evict_pages (self);
    }

  page->last_used = ++self->use_clock;
  return page;
}

typedef struct {
  ProvOrderListModel *self;
  guint               index;
} PageRequest;

static void
on_page_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PageRequest *request = user_data;
  g_autoptr(ProvOrderListModel) self = request->self;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GError) error = NULL;
  Page *page;

  orders = prov_store_list_orders_finish (PROV_STORE (source), result, &error);
  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (request->index));
  g_free (request);

  if (orders == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read orders: %s", error->message);
      if (page != NULL)
        page->loading = FALSE;
      return;
    }

  if (page == NULL)
    return;

  page->loading = FALSE;
  for (guint i = 0; i < page->items->len && i < orders->len; i++)
    prov_order_list_item_set_order (g_ptr_array_index (page->items, i), g_ptr_array_index (orders, i));

  g_signal_emit (self, signals[PAGE_LOADED], 0, page->index);
}

static void
load_page (ProvOrderListModel *self,
           Page               *page)
{
  PageRequest *request = g_new0 (PageRequest, 1);

  request->self = g_object_ref (self);
  request->index = page->index;
  page->loading = TRUE;

  prov_store_list_orders_async (self->store, self->filter, page->index * PAGE_SIZE, PAGE_SIZE,
                                self->cancellable, on_page_loaded, request);
}

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ProvOrderListModel) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 count;
  guint old_n_items = self->n_items;
  gboolean was_counted = self->counted;

  count = prov_store_count_orders_finish (PROV_STORE (source), result, &error);
  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      count = 0;
    }
  else
    g_clear_error (&self->error);

  self->counted = TRUE;

  if ((guint) count == old_n_items && was_counted && !self->reset_on_count)
    {
      /* Same number of orders: refresh the pages on screen in place, so
       * the list keeps its scroll position and selection. */
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        load_page (self, value);
    }
  else
    {
      self->reset_on_count = FALSE;
      g_hash_table_remove_all (self->pages);
      self->n_items = (guint) count;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
      if (old_n_items != self->n_items)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }

  if (!was_counted)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTED]);
}

static void
refresh (ProvOrderListModel *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Pages whose reads were cancelled must be read again. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, self->pages);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      ((Page *) value)->loading = FALSE;
  }

  prov_store_count_orders_async (self->store, self->filter, self->cancellable,
                                 on_counted, g_object_ref (self));
}

static gboolean
refresh_on_idle (gpointer user_data)
{
  ProvOrderListModel *self = user_data;

  self->refresh_source = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* A burst of saves (a clerk typing) costs one refresh. */
static void
on_order_changed (ProvOrderListModel *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (100, refresh_on_idle, self);
}

static GType
prov_order_list_model_get_item_type (GListModel *model)
{
  return PROV_TYPE_ORDER_LIST_ITEM;
}

static guint
prov_order_list_model_get_n_items (GListModel *model)
{
  return PROV_ORDER_LIST_MODEL (model)->n_items;
}

static gpointer
prov_order_list_model_get_item (GListModel *model,
                                guint       position)
{
  ProvOrderListModel *self = PROV_ORDER_LIST_MODEL (model);
  Page *page;

  if (position >= self->n_items)
    return NULL;

  page = get_page (self, position / PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (page->items, position % PAGE_SIZE));
}

static void
prov_order_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = prov_order_list_model_get_item_type;
  iface->get_n_items = prov_order_list_model_get_n_items;
  iface->get_item = prov_order_list_model_get_item;
}

ProvOrderListModel *
prov_order_list_model_new (ProvStore *store)
{
  ProvOrderListModel *self;

  g_return_val_if_fail (PROV_IS_STORE (store), NULL);

  self = g_object_new (PROV_TYPE_ORDER_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "order-changed", G_CALLBACK (on_order_changed), self, G_CONNECT_SWAPPED);
  refresh (self);

  return self;
}

const ProvOrderFilter *
prov_order_list_model_get_filter (ProvOrderListModel *self)
{
  g_return_val_if_fail (PROV_IS_ORDER_LIST_MODEL (self), NULL);

  return self->filter;
}

void
prov_order_list_model_set_filter (ProvOrderListModel    *self,
                                  const ProvOrderFilter *filter)
{
  g_return_if_fail (PROV_IS_ORDER_LIST_MODEL (self));

  if (prov_order_filter_equal (self->filter, filter))
    return;

  g_clear_pointer (&self->filter, prov_order_filter_free);
  self->filter = prov_order_filter_copy (filter);

  self->reset_on_count = TRUE;
  refresh (self);
}

/* FALSE until the first count has come back: "no orders" is not known yet. */
gboolean
prov_order_list_model_get_counted (ProvOrderListModel *self)
{
  g_return_val_if_fail (PROV_IS_ORDER_LIST_MODEL (self), FALSE);

  return self->counted;
}

const GError *
prov_order_list_model_get_error (ProvOrderListModel *self)
{
  g_return_val_if_fail (PROV_IS_ORDER_LIST_MODEL (self), NULL);

  return self->error;
}

static void
prov_order_list_model_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ProvOrderListModel *self = PROV_ORDER_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_COUNTED:
      g_value_set_boolean (value, self->counted);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prov_order_list_model_dispose (GObject *object)
{
  ProvOrderListModel *self = PROV_ORDER_LIST_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (prov_order_list_model_parent_class)->dispose (object);
}

static void
prov_order_list_model_finalize (GObject *object)
{
  ProvOrderListModel *self = PROV_ORDER_LIST_MODEL (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->filter, prov_order_filter_free);
  g_clear_error (&self->error);
  g_hash_table_unref (self->pages);

  G_OBJECT_CLASS (prov_order_list_model_parent_class)->finalize (object);
}

static void
prov_order_list_model_class_init (ProvOrderListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = prov_order_list_model_get_property;
  object_class->dispose = prov_order_list_model_dispose;
  object_class->finalize = prov_order_list_model_finalize;

  properties[PROP_COUNTED] =
    g_param_spec_boolean ("counted", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The orders of a page have arrived. */
  signals[PAGE_LOADED] = g_signal_new ("page-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
prov_order_list_model_init (ProvOrderListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
  self->cancellable = g_cancellable_new ();
}
