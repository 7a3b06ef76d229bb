#pragma once

#include "prov-application.h"
#include "prov-new-order-menu.h"

G_BEGIN_DECLS

struct _ProvApplication
{
  AdwApplication  parent_instance;

  GSettings         *settings;
  GSettings         *profile_settings;
  ProvStore         *store;
  ProvSyncScheduler *scheduler;
  ProvNewOrderMenu  *new_order_menu;
  GCancellable      *token_lookup;
  /* The order the clerk worked on last: its customer is the current one,
   * whom a new order starts with. */
  ProvOrder         *last_order;
  /* Who is signed in; windows other than the main one, hidden while the
   * till is locked. */
  ProvSession       *session;
  GPtrArray         *hidden_windows;
  /* A problem with the store found before any window could show it. */
  GError         *store_error;
  char           *store_moved_aside;
};

/* Starting, resuming and showing orders (prov-application-orders.c). */
void _prov_application_add_order_actions (ProvApplication *self);

G_END_DECLS
