#pragma once

#include <glib-object.h>

#include "prov-order-kind.h"
#include "prov-order-state.h"

G_BEGIN_DECLS

/* What the order list shows: a search text, sets of states and kinds
 * (a mask of 1 << value; 0 means all) and one customer (NULL: all). */
typedef struct {
  char    *text;
  guint32  states;
  guint32  kinds;
  char    *customer_id;
} ProvOrderFilter;

#define PROV_TYPE_ORDER_FILTER (prov_order_filter_get_type ())
GType            prov_order_filter_get_type (void);
ProvOrderFilter *prov_order_filter_new      (const char            *text,
                                             guint32                states,
                                             guint32                kinds);
ProvOrderFilter *prov_order_filter_copy     (const ProvOrderFilter *filter);
void             prov_order_filter_set_customer (ProvOrderFilter   *filter,
                                                 const char        *customer_id);
void             prov_order_filter_free     (ProvOrderFilter       *filter);
gboolean         prov_order_filter_equal    (const ProvOrderFilter *a,
                                             const ProvOrderFilter *b);
char            *prov_order_filter_dup_like_pattern (const ProvOrderFilter *filter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvOrderFilter, prov_order_filter_free)

G_END_DECLS
