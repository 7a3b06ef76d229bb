#pragma once

#include "prov-id-kind.h"
#include "prov-order.h"

G_BEGIN_DECLS

typedef struct {
  char       *field;
  ProvIdKind  kind;
  char       *value;
  guint       line;       /* the position of its line */
} ProvOrderIdentifier;

typedef struct {
  char           *line_id;
  ProvLineAction  action;
  char           *product_ref;
  char           *state;
  char           *payload;
} ProvLineSnapshot;

/* A copy of what the store writes for an order, taken on the caller's
 * thread so the worker never reads a ProvOrder that may be changing. */
typedef struct {
  char          *uuid;
  ProvOrderKind  kind;
  char          *created_by;
  gint64         created_at;
  gint64         updated_at;
  char          *current_page;
  char          *payload;
  /* Searchable summary; several identifiers of one kind are space-joined. */
  char          *customer_name;
  char          *reference;
  char          *msisdn;
  char          *iccid;
  char          *imei;
  GPtrArray     *identifiers;
  GPtrArray     *lines;       /* ProvLineSnapshot, in order */
} ProvOrderSnapshot;

ProvOrderSnapshot *prov_order_snapshot_new  (ProvOrder         *order,
                                             gint64             now);
void               prov_order_snapshot_free (ProvOrderSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvOrderSnapshot, prov_order_snapshot_free)

G_END_DECLS
