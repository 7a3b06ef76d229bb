#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Kinds of identifier on SIMs, devices and lines. Stored in the database
 * (reservations, stock): never renumber, only append. */
typedef enum {
  PROV_ID_KIND_UNKNOWN = 0,
  PROV_ID_KIND_ICCID = 1,
  PROV_ID_KIND_IMEI = 2,
  PROV_ID_KIND_IMEISV = 3,
  PROV_ID_KIND_MEID = 4,
  PROV_ID_KIND_ESN = 5,
  PROV_ID_KIND_EID = 6,
  PROV_ID_KIND_IMSI = 7,
  PROV_ID_KIND_E164 = 8,
  PROV_ID_KIND_PAC = 9,
  PROV_ID_KIND_STAC = 10,
  PROV_ID_KIND_IBAN = 11,
  PROV_ID_KIND_ORDER_REFERENCE = 12,   /* this till's, on a printed confirmation */
} ProvIdKind;

#define PROV_ID_KIND_LAST PROV_ID_KIND_ORDER_REFERENCE

#define PROV_TYPE_ID_KIND (prov_id_kind_get_type ())
GType prov_id_kind_get_type (void);

const char *prov_id_kind_to_id     (ProvIdKind  kind);
const char *prov_id_kind_get_title (ProvIdKind  kind);
ProvIdKind  prov_id_kind_for_field (const char *field_key);

G_END_DECLS
