#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a request of flow 5 does to a customer's lines (TMF622 action). */
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

/* One of the enterprise portal's requests on a customer's lines. The ids
 * are fixed: the CLI, the export and the tests use them, and the carrier
 * gets them as the characteristic requestType. */
typedef struct {
  const char            *id;
  const char            *title;   /* untranslated, with a mnemonic */
  ProvLineRequestAction  action;
  ProvLineRequestStart   starts;
} ProvLineRequest;

const ProvLineRequest *prov_line_requests_get_all (guint      *n_requests);
gboolean               prov_line_request_starts_from_status (const ProvLineRequest *request,
                                                             const char            *status);

G_END_DECLS
