#pragma once

#include <glib.h>

/* The demo enterprise customer of the sandbox and requests on its lines,
 * as TMF622 order bodies: for test-sandbox, which checks what they do, and
 * for dump-sandbox-answers, whose answers are checked against the specs. */
#define ENTERPRISE_CUSTOMER "c0ffee00-0000-4000-8000-000000000007"
#define ENTERPRISE_LINE(n) "demo-line-vanleeuwen-0" #n

/* One item, @action on the product the @product JSON members describe;
 * @extra more item members ("" for none). */
static inline char *
line_request_json (const char *external_id,
                   const char *action,
                   const char *product,
                   const char *extra)
{
  return g_strdup_printf ("{\"externalId\":\"%s\",\"category\":\"line-lifecycle\","
                          "\"relatedParty\":[{\"id\":\"" ENTERPRISE_CUSTOMER "\",\"role\":\"Customer\","
                          "\"@referredType\":\"Organization\"}],"
                          "\"productOrderItem\":[{\"id\":\"1\",\"action\":\"%s\",\"product\":{%s}%s}]}",
                          external_id, action, product, extra);
}
