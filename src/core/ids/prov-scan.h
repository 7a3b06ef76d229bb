#pragma once

#include "prov-ids.h"

G_BEGIN_DECLS

/* One GS1 element: an application identifier and its data. */
typedef struct {
  char *ai;
  char *value;
} ProvScanElement;

/* A decoded scan: its symbology, its GS1 elements if it was an element
 * string, and the identifiers found in it, in the order scanned. */
typedef struct {
  char      *raw;
  char      *symbology;   /* AIM identifier without "]", e.g. "C1"; NULL if none */
  char      *data;        /* without AIM prefix and suffix */
  gboolean   gs1;
  GPtrArray *elements;    /* ProvScanElement */
  GPtrArray *ids;         /* ProvId */
  char      *gtin;        /* AI 01, the product on a device box */
  char      *error;       /* why a GS1 element string could not be read */
} ProvScan;

#define PROV_TYPE_SCAN (prov_scan_get_type ())
GType     prov_scan_get_type  (void);
ProvScan *prov_scan_parse     (const char     *raw);
ProvScan *prov_scan_copy      (const ProvScan *scan);
void      prov_scan_free      (ProvScan       *scan);
ProvId   *prov_scan_find_id   (const ProvScan *scan,
                               guint32         kinds);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvScan, prov_scan_free)

/* The group separator scanners send for GS1's FNC1. */
#define PROV_SCAN_GS '\x1d'

G_END_DECLS
