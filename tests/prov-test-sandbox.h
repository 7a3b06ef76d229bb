#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "prov-store.h"

G_BEGIN_DECLS

/* A provisioner-sandbox process for one test, on a free port. */
typedef struct {
  GSubprocess *process;
  char        *dir;
  char        *base;     /* the TMF622 base address */
  char        *root;     /* the address the client is given */
  guint        port;     /* kept: a restarted sandbox is where it was */
  SoupSession *session;
  /* Runs in the sandbox's process before it starts; it must also do what
   * prov_test_die_with_parent does. NULL: just that. */
  GSpawnChildSetupFunc child_setup;
} Sandbox;

void sandbox_start  (Sandbox    *sandbox,
                     const char *first_option,
                     ...) G_GNUC_NULL_TERMINATED;
void sandbox_stop   (Sandbox    *sandbox);
void sandbox_remove (Sandbox    *sandbox);

JsonObject *sandbox_find_order           (Sandbox    *sandbox,
                                          const char *uuid);
const char *sandbox_order_characteristic (JsonObject *order,
                                          const char *name);
const char *sandbox_item_characteristic  (JsonObject *order,
                                          guint       index,
                                          const char *name);
const char *sandbox_order_offering       (JsonObject *order);
JsonNode   *sandbox_get_json             (Sandbox    *sandbox,
                                          const char *path);
JsonNode   *sandbox_try_get_json         (Sandbox    *sandbox,
                                          const char *path);
const char *sandbox_order_product_id     (JsonObject *order);
const char *sandbox_order_state          (JsonObject *order);
guint       sandbox_count_orders         (Sandbox    *sandbox);

/* An order as the carrier holds it. */
typedef struct {
  char *id;
  char *state;
} SandboxOrder;

GPtrArray  *sandbox_queue_orders     (ProvStore  *store,
                                      guint       count);
GHashTable *sandbox_list_our_orders  (Sandbox    *sandbox);
GHashTable *sandbox_count_by_reference (Sandbox    *sandbox,
                                        const char *table);
ProvOrder  *sandbox_new_customer_order (guint       serial,
                                        const char *name,
                                        const char *imei);
void        sandbox_queue_customers_and_messages (ProvStore *store,
                                                  guint      count,
                                                  guint      first_serial,
                                                  GPtrArray *customer_orders,
                                                  GPtrArray *messages);

G_END_DECLS
