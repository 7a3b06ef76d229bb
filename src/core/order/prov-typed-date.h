#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A date as a clerk types it: ISO 8601 (2026-12-01) always, and the
 * numeric form of their locale (01-12-2026 in the Netherlands, 01.12.2026
 * in Germany, 12/01/2026 in the United States). */
typedef enum {
  PROV_DATE_ORDER_DMY,
  PROV_DATE_ORDER_MDY,
  PROV_DATE_ORDER_YMD,
} ProvDateOrder;

ProvDateOrder prov_date_order_from_format  (const char    *strftime_format);
ProvDateOrder prov_date_order_of_locale    (void);
gboolean      prov_typed_date_parse        (const char    *text,
                                            ProvDateOrder  order,
                                            GDate         *date);
char         *prov_typed_date_dup_iso      (const GDate   *date);
char         *prov_typed_date_dup_example  (ProvDateOrder  order);

G_END_DECLS
