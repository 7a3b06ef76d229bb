#include <stdlib.h>
#include <string.h>

#include "prov-bench-keys.h"

/* A person's pace, and a wedge scanner's. */
#define TIMEOUT_MS 30000

void
prov_bench_press (ProvBenchCount *count,
                  const char     *key)
{
  prov_test_app_keys (key, NULL);
  count->keystrokes++;
}

void
prov_bench_type (ProvBenchCount *count,
                 const char     *text)
{
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, text);
  count->keystrokes += g_utf8_strlen (text, -1);
}

void
prov_bench_scan (ProvBenchCount *count,
                 const char     *barcode)
{
  g_autofree char *burst = g_strconcat (barcode, "\n", NULL);

  prov_test_app_type (PROV_TEST_SCANNER_DELAY, burst);
  count->scanned += strlen (burst);
}

void
prov_bench_wait_page (ProvTestApp *app,
                      const char  *page,
                      guint        seen_before)
{
  g_autofree char *line = g_strdup_printf ("Assistant page %s shown", page);

  if (!prov_test_app_wait_for_log_count (app, line, seen_before, TIMEOUT_MS))
    {
      /* What the clerk would have seen instead, with PROV_SCREENSHOT_DIR. */
      prov_test_app_screenshot ("bench-page-missing");
      g_error ("The %s page did not show", page);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Sorts @values. */
double
prov_bench_median (double *values,
                   guint   n_values)
{
  qsort (values, n_values, sizeof (double), compare_doubles);
  return values[n_values / 2];
}
