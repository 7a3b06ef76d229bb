/* Scan-to-validated-identifier latency: from the suffix key that ends a
 * scan to the validated identifier a field takes, for the codes a counter
 * scans (SIM, IMEI box, GS1 dual-IMEI box, EID). Prints median and p99. */
#include <stdlib.h>
#include <time.h>

#include "prov-scan-decoder.h"
#include "prov-scan.h"
#include "prov-test-util.h"

#define ROUNDS 20000

static const char * const codes[] = {
  "89014103211118510720",
  "8931440400000000008F",
  "490154203237518",
  "]d20109506000134352" "8040490154203237518" "\x1d" "8041356938035643809",
  "89049032123451234512345678901235",
};

static double
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ProvScanDecoder) decoder = prov_scan_decoder_new ();
  double *latencies_us = g_new (double, ROUNDS);
  gint64 key_time = 0;
  guint found = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      const char *code = codes[round % G_N_ELEMENTS (codes)];
      g_autoptr(ProvScan) scan = NULL;
      g_autofree char *raw = NULL;
      double started;

      /* The burst itself is the scanner's time, not ours. */
      key_time += 1000000;
      for (const char *p = code; *p != '\0'; p++)
        prov_scan_decoder_feed (decoder, *p, key_time += 4000);

      started = now_us ();
      if (prov_scan_decoder_feed (decoder, '\n', key_time += 4000) != PROV_SCAN_FEED_SCAN)
        g_error ("%s was not taken for a scan", code);
      raw = prov_scan_decoder_take_scan (decoder);
      scan = prov_scan_parse (raw);
      if (prov_scan_find_id (scan, ~0u) != NULL && prov_scan_find_id (scan, ~0u)->valid)
        found++;
      latencies_us[round] = now_us () - started;
    }

  if (found != ROUNDS)
    g_error ("only %u of %u scans gave a valid identifier", found, ROUNDS);

  g_print ("scan to validated identifier: median %.2f us, p99 %.2f us, max %.2f us (%d scans of %u kinds)\n",
           prov_test_percentile (latencies_us, ROUNDS, 50), prov_test_percentile (latencies_us, ROUNDS, 99),
           prov_test_percentile (latencies_us, ROUNDS, 100),
           ROUNDS, (guint) G_N_ELEMENTS (codes));
  g_free (latencies_us);

  return 0;
}
