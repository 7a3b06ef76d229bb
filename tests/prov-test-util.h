#pragma once

#include "prov-product-line.h"
#include "prov-store.h"

G_BEGIN_DECLS

/* Runs the default main context until an async call has finished. */
GAsyncResult *prov_test_await        (GAsyncResult **slot);
void          prov_test_store_result (GObject       *source,
                                      GAsyncResult  *result,
                                      gpointer       slot);

char         *prov_test_make_tmp_dir (void);
/* Sorts @values; returns the value below which @percent of them lie. */
double        prov_test_percentile   (double        *values,
                                      guint          count,
                                      guint          percent);
void          prov_test_remove_tree  (const char    *path);
gboolean      prov_test_file_contains (const char   *path,
                                      const char   *needle);
/* A valid ICCID of the test range (8931 44 04…) for a serial number. */
char         *prov_test_make_iccid   (guint          serial);
char         *prov_test_make_imei    (guint          serial);
/* One of a customer's lines as TMF637 lists it: @status "active",
 * "suspended" or "terminated"; @ended_days_ago counts for terminated. */
ProvProductLine *prov_test_product_line (const char *id,
                                         const char *status,
                                         const char *number,
                                         guint       ended_days_ago);
/* A request of flow 5 by its @id, on a line it starts from (ended 10 days
 * ago for a restore), with every question it asks answered; @serial makes
 * its identifiers. */
ProvOrder       *prov_test_answered_request (const char *id,
                                             guint       serial);

/* Synchronous shortcuts for tests only. */
ProvStore    *prov_test_open_store   (const char    *path,
                                      char         **moved_aside_path);
GPtrArray    *prov_test_save         (ProvStore     *store,
                                      ProvOrder     *order,
                                      GError       **error);
ProvOrder    *prov_test_load         (ProvStore     *store,
                                      const char    *uuid,
                                      GError       **error);
gboolean      prov_test_transition   (ProvStore     *store,
                                      ProvOrder     *order,
                                      ProvOrderState to,
                                      GError       **error);
void          prov_test_close_store  (ProvStore     *store);

void prov_test_die_with_parent (gpointer user_data);

const char   *prov_test_run_on_small_disk (int          argc,
                                           char       **argv,
                                           const char  *size);

G_END_DECLS
