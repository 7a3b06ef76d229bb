#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The short reference of an order, printed and encoded in the barcode of
 * its confirmation: "PRV-" and nine Crockford base-32 characters in
 * groups of three. The first eight carry the first 40 bits of the
 * order's uuid, so the till finds the order without storing anything
 * more; the ninth is a Luhn mod 32 check character, so a misread or
 * mistyped reference is caught before any lookup.
 */
#define PROV_ORDER_REFERENCE_PREFIX "PRV"

char     *prov_order_reference_from_uuid        (const char  *uuid);
gboolean  prov_order_reference_normalize        (const char  *text,
                                                 char       **normalized,
                                                 gboolean    *check_failed);
char     *prov_order_reference_dup_uuid_prefix  (const char  *normalized);

G_END_DECLS
