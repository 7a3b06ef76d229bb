/* libFuzzer target: everything a scanner, a keyboard or a CSV file can feed
 * the identifier parsers, the scan decoder and the GS1 reader. */
#include <stdint.h>

#include "prov-ids.h"
#include "prov-scan-decoder.h"
#include "prov-scan.h"
#include "prov-stock.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
feed_decoder (const uint8_t *data,
              size_t         size)
{
  g_autoptr(ProvScanDecoder) decoder = prov_scan_decoder_new ();
  gint64 now = 0;

  /* Pairs of bytes: a gap in milliseconds, then a key. */
  for (size_t i = 0; i + 1 < size; i += 2)
    {
      now += data[i] * 1000;
      if (prov_scan_decoder_feed (decoder, data[i + 1], now) == PROV_SCAN_FEED_SCAN)
        g_free (prov_scan_decoder_take_scan (decoder));
    }

  if (prov_scan_decoder_check_idle (decoder, now + 1000000) == PROV_SCAN_FEED_SCAN)
    g_free (prov_scan_decoder_take_scan (decoder));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(ProvScan) scan = NULL;
  g_autoptr(ProvId) recognized = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *json = NULL;

  feed_decoder (data, size);

  if (!g_utf8_validate (text, -1, NULL))
    return 0;

  scan = prov_scan_parse (text);
  recognized = prov_id_recognize (text);
  json = prov_id_to_json (recognized);

  for (int kind = PROV_ID_KIND_UNKNOWN; kind <= PROV_ID_KIND_LAST; kind++)
    {
      g_autoptr(ProvId) id = prov_id_parse (kind, text);
      g_autofree char *line = prov_id_to_json (id);

      /* Whatever the input, a result is either valid or says why not. */
      g_assert (id->valid ? id->normalized != NULL && id->message == NULL : id->message != NULL);
    }

  prov_stock_parse_csv ((const char *) data, size, &items, &problems);

  return 0;
}
