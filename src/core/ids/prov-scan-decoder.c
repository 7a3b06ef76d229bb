#include "prov-scan-decoder.h"

/*
 * Tells a barcode scanner from a person. A keyboard-wedge scanner types a
 * whole code in a burst, a few milliseconds per key, usually followed by
 * Enter, Tab or CR LF; nobody types 6 keys 35 ms apart. The decoder sees
 * characters with their timestamps and says, key by key, what they are.
 * It keeps no timers: the caller asks check_idle when keys stop coming, for
 * scanners that send no suffix.
 */

#define DEFAULT_MAX_GAP_MS  35
#define DEFAULT_MIN_LENGTH  6
/* A scanner's burst may stall for up to this long and go on, anywhere in
 * it: a Bluetooth scanner retransmitting, a busy hub or X server. Below
 * the 150 ms after which a burst without a suffix is taken as complete,
 * so the two never disagree. */
#define MAX_STALL_US        (120 * G_TIME_SPAN_MILLISECOND)
/* How many stalls one burst may have; a third gap that long is a person. */
#define MAX_STALLS          2

struct _ProvScanDecoder
{
  GObject  parent_instance;

  gint64   max_gap_us;
  guint    min_length;

  GString *burst;
  gint64   last_key_us;
  /* Gaps within the burst: at a scanner's pace, and stalls. A burst is a
   * scan only with min_length - 1 fast gaps: a person's key rollovers
   * between pauses are not. */
  guint    fast_gaps;
  guint    stalls;
  gint64   swallow_lf_until_us;
  char    *scan;
};

G_DEFINE_FINAL_TYPE (ProvScanDecoder, prov_scan_decoder, G_TYPE_OBJECT)

ProvScanDecoder *
prov_scan_decoder_new (void)
{
  return g_object_new (PROV_TYPE_SCAN_DECODER, NULL);
}

/* Keys further apart than @max_gap_ms are a person's; bursts shorter than
 * @min_length characters are never scans. */
void
prov_scan_decoder_set_limits (ProvScanDecoder *self,
                              guint            max_gap_ms,
                              guint            min_length)
{
  g_return_if_fail (PROV_IS_SCAN_DECODER (self));
  g_return_if_fail (max_gap_ms > 0 && min_length > 0);

  self->max_gap_us = (gint64) max_gap_ms * 1000;
  self->min_length = min_length;
}

guint
prov_scan_decoder_get_max_gap_ms (ProvScanDecoder *self)
{
  g_return_val_if_fail (PROV_IS_SCAN_DECODER (self), 0);

  return self->max_gap_us / 1000;
}

static gboolean
is_suffix (gunichar character)
{
  return character == '\n' || character == '\r' || character == '\t';
}

static void
restart_burst (ProvScanDecoder *self)
{
  g_string_truncate (self->burst, 0);
  self->fast_gaps = 0;
  self->stalls = 0;
}

static ProvScanFeed
complete_scan (ProvScanDecoder *self)
{
  g_free (self->scan);
  self->scan = g_string_free (g_steal_pointer (&self->burst), FALSE);
  self->burst = g_string_new (NULL);
  restart_burst (self);

  return PROV_SCAN_FEED_SCAN;
}

/* Whether the burst so far reads as a scanner's: long enough, and at its
 * pace but for a stall or two. */
static gboolean
burst_is_scan (ProvScanDecoder *self)
{
  guint length = g_utf8_strlen (self->burst->str, -1);

  return length >= self->min_length && self->fast_gaps + 1 >= self->min_length;
}

ProvScanFeed
prov_scan_decoder_feed (ProvScanDecoder *self,
                        gunichar         character,
                        gint64           time_us)
{
  gboolean within_burst;
  gboolean fast;
  gboolean stall;

  g_return_val_if_fail (PROV_IS_SCAN_DECODER (self), PROV_SCAN_FEED_KEY);

  if (character == '\n' && time_us <= self->swallow_lf_until_us)
    {
      self->swallow_lf_until_us = 0;
      return PROV_SCAN_FEED_SWALLOW;
    }

  fast = time_us - self->last_key_us <= self->max_gap_us;
  stall = !fast && time_us - self->last_key_us <= MAX (MAX_STALL_US, self->max_gap_us) && self->stalls < MAX_STALLS;
  within_burst = self->burst->len > 0 && (fast || stall);

  if (is_suffix (character))
    {
      if (within_burst && burst_is_scan (self))
        {
          if (character == '\r')
            self->swallow_lf_until_us = time_us + self->max_gap_us;
          return complete_scan (self);
        }

      restart_burst (self);
      return PROV_SCAN_FEED_KEY;
    }

  if (!within_burst)
    restart_burst (self);
  else if (fast)
    self->fast_gaps++;
  else
    self->stalls++;

  g_string_append_unichar (self->burst, character);
  self->last_key_us = time_us;

  return self->burst->len == (gsize) g_unichar_to_utf8 (character, NULL) ? PROV_SCAN_FEED_BURST_STARTED
                                                                 : PROV_SCAN_FEED_BURST_CONTINUED;
}

/* For scanners without a suffix: once no key has come for longer than a
 * scanner's gap, a long enough burst was a scan. A shorter one is left
 * alone: the next key's own timestamp says whether it continues it, which
 * a clock reading cannot when the main loop was busy. */
ProvScanFeed
prov_scan_decoder_check_idle (ProvScanDecoder *self,
                              gint64           now_us)
{
  g_return_val_if_fail (PROV_IS_SCAN_DECODER (self), PROV_SCAN_FEED_KEY);

  if (self->burst->len == 0 || now_us - self->last_key_us <= self->max_gap_us)
    return PROV_SCAN_FEED_KEY;

  if (burst_is_scan (self))
    return complete_scan (self);

  return PROV_SCAN_FEED_KEY;
}

char *
prov_scan_decoder_take_scan (ProvScanDecoder *self)
{
  g_return_val_if_fail (PROV_IS_SCAN_DECODER (self), NULL);

  return g_steal_pointer (&self->scan);
}

/* Characters of the burst so far: what a scan put into a field, to undo. */
guint
prov_scan_decoder_get_burst_length (ProvScanDecoder *self)
{
  g_return_val_if_fail (PROV_IS_SCAN_DECODER (self), 0);

  return g_utf8_strlen (self->burst->str, -1);
}

static void
prov_scan_decoder_finalize (GObject *object)
{
  ProvScanDecoder *self = PROV_SCAN_DECODER (object);

  g_string_free (self->burst, TRUE);
  g_free (self->scan);

  G_OBJECT_CLASS (prov_scan_decoder_parent_class)->finalize (object);
}

static void
prov_scan_decoder_class_init (ProvScanDecoderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = prov_scan_decoder_finalize;
}

static void
prov_scan_decoder_init (ProvScanDecoder *self)
{
  self->max_gap_us = DEFAULT_MAX_GAP_MS * 1000;
  self->min_length = DEFAULT_MIN_LENGTH;
  self->burst = g_string_new (NULL);
}
