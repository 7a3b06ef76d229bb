#pragma once

#include "prov-test-app.h"

G_BEGIN_DECLS

/* What a scripted clerk did: keys pressed (a chord counts once) and, apart,
 * the characters a wedge scanner sent. */
typedef struct {
  guint keystrokes;
  guint scanned;
} ProvBenchCount;

void   prov_bench_press     (ProvBenchCount *count,
                             const char     *key);
void   prov_bench_type      (ProvBenchCount *count,
                             const char     *text);
void   prov_bench_scan      (ProvBenchCount *count,
                             const char     *barcode);
void   prov_bench_wait_page (ProvTestApp    *app,
                             const char     *page,
                             guint           seen_before);
double prov_bench_median    (double         *values,
                             guint           n_values);

G_END_DECLS
