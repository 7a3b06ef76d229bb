#pragma once

#include <gtk/gtk.h>

#include "prov-catalog.h"
#include "prov-flows.h"
#include "prov-scan.h"
#include "prov-store.h"
#include "prov-sync-scheduler.h"

G_BEGIN_DECLS

/* What every page of an order flow works on. The assistant owns it and
 * outlives its pages. */
typedef struct {
  ProvOrder         *order;
  ProvStore         *store;
  ProvSyncScheduler *scheduler;   /* the catalog, and the carrier's reach */
  const ProvFlow    *flow;        /* the order's kind's */
} ProvPageContext;

#define PROV_TYPE_ASSISTANT_PAGE (prov_assistant_page_get_type ())
G_DECLARE_INTERFACE (ProvAssistantPage, prov_assistant_page, PROV, ASSISTANT_PAGE, GtkWidget)

struct _ProvAssistantPageInterface
{
  GTypeInterface parent_iface;

  /* The page's own id, under which flows list it (prov-flows.c). Stable:
   * kept in the draft to resume it, and the help section's id. */
  const char  *id;
  const char *(*get_title)    (ProvAssistantPage *self);
  /* Fills the page from the order; called again when the page is shown,
   * as earlier pages may have changed what it offers. */
  void        (*load)         (ProvAssistantPage *self,
                               ProvPageContext   *context);
  gboolean    (*get_complete) (ProvAssistantPage *self);
  gboolean    (*should_skip)  (ProvAssistantPage *self,
                               ProvPageContext   *context);
  /* Puts the keyboard focus where the clerk starts typing. */
  void        (*focus_first)  (ProvAssistantPage *self);
  /* TRUE when a field of the page took the scan. */
  gboolean    (*take_scan)    (ProvAssistantPage *self,
                               const ProvScan    *scan);
};

const char *prov_assistant_page_get_id       (ProvAssistantPage *self);
const char *prov_assistant_page_get_title    (ProvAssistantPage *self);
void        prov_assistant_page_load         (ProvAssistantPage *self,
                                              ProvPageContext   *context);
gboolean    prov_assistant_page_get_complete (ProvAssistantPage *self);
gboolean    prov_assistant_page_should_skip  (ProvAssistantPage *self,
                                              ProvPageContext   *context);
gboolean    prov_assistant_page_take_scan    (ProvAssistantPage *self,
                                              const ProvScan    *scan);
void        prov_assistant_page_focus_first  (ProvAssistantPage *self);
/* For pages: the order changed, completeness may have too. */
void        prov_assistant_page_changed      (ProvAssistantPage *self);
/* For pages: Enter on the last field of a complete page moves on. */
void        prov_assistant_page_request_next (ProvAssistantPage *self);
/* For pages: place the order without leaving the flow (the reseller
 * portal's Create Services, followed by its Notifications). */
void        prov_assistant_page_request_place (ProvAssistantPage *self);
/* For pages: show the page of @id, e.g. the lines after adding one. */
void        prov_assistant_page_request_page (ProvAssistantPage *self,
                                              const char        *id);

/* Sets an order field from an editable's text; NULL or "" clears it. */
void        prov_page_set_field              (ProvPageContext   *context,
                                              const char        *key,
                                              const char        *value);
/* Shows message under a field (NULL: fine) and marks it for screen readers. */
void        prov_page_show_problem           (GtkWidget         *field,
                                              GtkLabel          *label,
                                              const char        *message);

/* Offerings in a combo row (by name, with the fee), optionally after a
 * "None" entry; the selection is kept by offering id. */
void          prov_page_set_offerings        (GtkWidget         *combo_row,
                                              GListModel        *offerings,
                                              gboolean           with_none,
                                              const char        *selected_id);
ProvOffering *prov_page_get_offering         (GtkWidget         *combo_row);
/* Today as YYYY-MM-DD, the default start date. */
char         *prov_page_dup_today            (void);

/* Reads @account's products from the carrier into the store, when the
 * carrier can be reached, and then calls @refreshed: the page lists its
 * users or extensions again. Not called when offline, cancelled or failed:
 * the store keeps what it had. */
typedef void (*ProvPageRefreshed) (gpointer user_data);
void          prov_page_refresh_customer_products (ProvPageContext   *context,
                                                   const char        *account,
                                                   GCancellable      *cancellable,
                                                   ProvPageRefreshed  refreshed,
                                                   gpointer           user_data);

G_END_DECLS
