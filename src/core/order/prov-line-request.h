#pragma once

#include <glib.h>

#include "prov-order.h"
#include "prov-product-line.h"

G_BEGIN_DECLS

/* Which of the portal's menus a request of flow 5 is in: new, modify or
 * delete. What goes to the carrier is the request's wire_action. */
typedef enum {
  PROV_LINE_REQUEST_NEW,
  PROV_LINE_REQUEST_MODIFY,
  PROV_LINE_REQUEST_DELETE,
} ProvLineRequestAction;

/* Where a request starts: from a line in one of these states, or from
 * the customer (a new line, a device in stock). */
typedef enum {
  PROV_LINE_REQUEST_FROM_ACTIVE    = 1 << 0,
  PROV_LINE_REQUEST_FROM_SUSPENDED = 1 << 1,
  PROV_LINE_REQUEST_FROM_ENDED     = 1 << 2,
  PROV_LINE_REQUEST_FROM_CUSTOMER  = 1 << 3,
} ProvLineRequestStart;

/* What the request's details page asks, besides what every request has. */
typedef enum {
  PROV_LINE_REQUEST_ASKS_NOTHING        = 0,
  PROV_LINE_REQUEST_ASKS_PLAN           = 1 << 0,  /* an offering of the catalog */
  PROV_LINE_REQUEST_ASKS_DEVICE         = 1 << 1,  /* an IMEI, scanned or from stock */
  PROV_LINE_REQUEST_ASKS_SIM            = 1 << 2,  /* an ICCID, scanned or from stock */
  PROV_LINE_REQUEST_ASKS_NUMBER         = 1 << 3,  /* a number reserved through TMF685 */
  PROV_LINE_REQUEST_ASKS_WARRANTY       = 1 << 4,  /* purchase date, damage, chargeback */
  PROV_LINE_REQUEST_ASKS_ACCESSORY      = 1 << 5,  /* an accessory relying on the line */
  PROV_LINE_REQUEST_ASKS_PORT           = 1 << 6,  /* gaining carrier and port data */
  PROV_LINE_REQUEST_ASKS_LIABILITY      = 1 << 7,  /* to whom, the other party, consent */
  PROV_LINE_REQUEST_ASKS_EMPLOYEE       = 1 << 8,
  PROV_LINE_REQUEST_ASKS_SUSPEND_REASON = 1 << 9,
  PROV_LINE_REQUEST_ASKS_TERMINATION    = 1 << 10, /* the early-termination warning */
  PROV_LINE_REQUEST_ASKS_FEATURES       = 1 << 11,
} ProvLineRequestAsks;

/* One of the enterprise portal's requests on a customer's lines. The ids
 * are fixed: the CLI, the export and the tests use them, and the carrier
 * gets them as the characteristic requestType. */
typedef struct {
  const char            *id;
  const char            *title;   /* untranslated, with a mnemonic */
  ProvLineRequestAction  action;
  ProvLineRequestStart   starts;
  ProvLineAction         wire_action;
  /* The line's status the request asks the carrier for, or NULL. */
  const char            *product_status;
  /* FALSE: nothing for the carrier to do; approved is completed. */
  gboolean               carrier_work;
  ProvLineRequestAsks    asks;
} ProvLineRequest;

/* The suspend reasons, the damage kinds and the liability sides, as the
 * order stores and sends them. */
#define PROV_LINE_REQUEST_SUSPEND_LOST      "lost"
#define PROV_LINE_REQUEST_SUSPEND_STOLEN    "stolen"
#define PROV_LINE_REQUEST_SUSPEND_TEMPORARY "temporary"
#define PROV_LINE_REQUEST_DAMAGE_NONE       "none"
#define PROV_LINE_REQUEST_DAMAGE_PHYSICAL   "physical"
#define PROV_LINE_REQUEST_DAMAGE_LIQUID     "liquid"
#define PROV_LINE_REQUEST_DAMAGE_BATTERY    "battery"
#define PROV_LINE_REQUEST_LIABILITY_PERSONAL  "personal"
#define PROV_LINE_REQUEST_LIABILITY_CORPORATE "corporate"

/* How long after its purchase a device is replaced under warranty. */
#define PROV_LINE_REQUEST_WARRANTY_DAYS 365

const ProvLineRequest *prov_line_requests_get_all (guint      *n_requests);
const ProvLineRequest *prov_line_request_lookup    (const char *id);
const ProvLineRequest *prov_line_request_for_order (ProvOrder  *order);
const char            *prov_line_request_get_title (const ProvLineRequest *request);
gboolean               prov_line_request_starts_from_status (const ProvLineRequest *request,
                                                             const char            *status);

ProvOrder *prov_line_request_new_order (const ProvLineRequest *request,
                                        ProvProductLine       *line,
                                        const char            *customer_id,
                                        const char            *customer_name,
                                        guint                  restore_window_days,
                                        const char            *created_by);

void  prov_line_request_describe     (ProvOrder          *order);
void  prov_line_request_apply_policy (ProvOrder          *order,
                                      const char * const *without_approval);

char *prov_line_request_check_warranty (const char *purchase_date,
                                        const char *damage,
                                        GDateTime  *today);
char *prov_line_request_check_restore  (const char *ended,
                                        const char *window_days,
                                        GDateTime  *now);
void  prov_line_request_collect_problems (ProvOrder *order,
                                          GDateTime *now,
                                          GPtrArray *problems);

G_END_DECLS
