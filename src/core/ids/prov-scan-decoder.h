#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  /* An ordinary key: let it through. */
  PROV_SCAN_FEED_KEY,
  /* The first character of what may be a scan: remember the state of the
   * field it goes into, so it can be put back if it was one. */
  PROV_SCAN_FEED_BURST_STARTED,
  /* More of the same burst. */
  PROV_SCAN_FEED_BURST_CONTINUED,
  /* A scan ended with this key: take it with _take_scan, and swallow the key. */
  PROV_SCAN_FEED_SCAN,
  /* The LF of a CR LF suffix: swallow it. */
  PROV_SCAN_FEED_SWALLOW,
} ProvScanFeed;

#define PROV_TYPE_SCAN_DECODER (prov_scan_decoder_get_type ())
G_DECLARE_FINAL_TYPE (ProvScanDecoder, prov_scan_decoder, PROV, SCAN_DECODER, GObject)

ProvScanDecoder *prov_scan_decoder_new        (void);
void             prov_scan_decoder_set_limits (ProvScanDecoder *self,
                                               guint            max_gap_ms,
                                               guint            min_length);
guint            prov_scan_decoder_get_max_gap_ms (ProvScanDecoder *self);
ProvScanFeed     prov_scan_decoder_feed       (ProvScanDecoder *self,
                                               gunichar         character,
                                               gint64           time_us);
ProvScanFeed     prov_scan_decoder_check_idle (ProvScanDecoder *self,
                                               gint64           now_us);
char            *prov_scan_decoder_take_scan  (ProvScanDecoder *self);
guint            prov_scan_decoder_get_burst_length (ProvScanDecoder *self);

G_END_DECLS
