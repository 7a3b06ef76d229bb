/* Replays key timings of scanners and of people through the decoder, and
 * decodes what scanners send. */
#include <string.h>

#include "prov-scan-decoder.h"
#include "prov-scan.h"

typedef struct {
  GPtrArray *scans;
  guint      keys_through;   /* keys that reached the field */
  guint      swallowed;
} Replay;

static gunichar
key_character (const char *key)
{
  if (g_str_equal (key, "ENTER") || g_str_equal (key, "LF"))
    return '\n';
  if (g_str_equal (key, "CR"))
    return '\r';
  if (g_str_equal (key, "TAB"))
    return '\t';
  if (g_str_equal (key, "GS"))
    return PROV_SCAN_GS;
  if (g_str_equal (key, "SPACE"))
    return ' ';
  return g_utf8_get_char (key);
}

static Replay
replay (const char *fixture)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "key-timings", fixture, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(ProvScanDecoder) decoder = prov_scan_decoder_new ();
  g_autoptr(GError) error = NULL;
  Replay result = { g_ptr_array_new_with_free_func (g_free), 0, 0 };
  gint64 now = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      ProvScanFeed feed;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], " ", 2);
      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      now += g_ascii_strtoll (fields[0], NULL, 10) * 1000;

      feed = prov_scan_decoder_feed (decoder, key_character (fields[1]), now);
      if (feed == PROV_SCAN_FEED_SCAN)
        g_ptr_array_add (result.scans, prov_scan_decoder_take_scan (decoder));
      else if (feed == PROV_SCAN_FEED_SWALLOW)
        result.swallowed++;
      else
        result.keys_through++;
    }

  /* The keys stop coming. */
  if (prov_scan_decoder_check_idle (decoder, now + 200 * 1000) == PROV_SCAN_FEED_SCAN)
    g_ptr_array_add (result.scans, prov_scan_decoder_take_scan (decoder));

  return result;
}

static void
assert_one_scan (Replay      *result,
                 const char  *expected)
{
  g_assert_cmpuint (result->scans->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (result->scans, 0), ==, expected);
  g_ptr_array_unref (result->scans);
}

static void
test_scanner_with_enter (void)
{
  Replay result = replay ("scanner-iccid-enter.txt");

  /* 20 characters reached the field (to be undone), Enter did not. */
  g_assert_cmpuint (result.keys_through, ==, 20);
  assert_one_scan (&result, "89014103211118510720");
}

static void
test_scanner_with_cr_lf (void)
{
  Replay result = replay ("scanner-imei-crlf.txt");

  g_assert_cmpuint (result.swallowed, ==, 1);
  assert_one_scan (&result, "490154203237518");
}

static void
test_scanner_without_suffix (void)
{
  Replay result = replay ("scanner-no-suffix.txt");

  assert_one_scan (&result, "89049032123451234512345678901235");
}

/* A stall in the middle of a scanner's burst does not cut it in two. */
static void
test_scanner_that_stalls (void)
{
  Replay result = replay ("scanner-stall-enter.txt");

  assert_one_scan (&result, "(01)09506000134352(8040)490154203237518(8041)356938035643809");
}

/* A stall before the burst is long is a stall too. */
static void
test_scanner_that_stalls_early (void)
{
  Replay result = replay ("scanner-early-stall-enter.txt");

  assert_one_scan (&result, "(01)09506000134352(8040)490154203237518(8041)356938035643809");
}

static void
test_people_are_not_scanners (void)
{
  Replay slow = replay ("human-iccid-enter.txt");
  Replay fast = replay ("human-fast-typist.txt");
  Replay rollover = replay ("human-rollover-typist.txt");

  g_assert_cmpuint (slow.scans->len, ==, 0);
  g_assert_cmpuint (slow.keys_through, ==, 21);
  g_assert_cmpuint (fast.scans->len, ==, 0);
  g_assert_cmpuint (rollover.scans->len, ==, 0);
  g_ptr_array_unref (slow.scans);
  g_ptr_array_unref (fast.scans);
  g_ptr_array_unref (rollover.scans);
}

static void
test_person_then_scanner (void)
{
  Replay result = replay ("human-then-scanner.txt");

  assert_one_scan (&result, "8931440400000000008");
}

static void
test_gs1_dual_imei_box (void)
{
  Replay result = replay ("scanner-gs1-dual-imei-tab.txt");
  g_autoptr(ProvScan) scan = NULL;
  ProvId *first;
  ProvId *second;

  g_assert_cmpuint (result.scans->len, ==, 1);
  scan = prov_scan_parse (g_ptr_array_index (result.scans, 0));
  g_ptr_array_unref (result.scans);

  g_assert_null (scan->error);
  g_assert_cmpstr (scan->symbology, ==, "d2");
  g_assert_true (scan->gs1);
  g_assert_cmpstr (scan->gtin, ==, "09506000134352");
  g_assert_cmpuint (scan->elements->len, ==, 3);
  g_assert_cmpuint (scan->ids->len, ==, 2);

  first = g_ptr_array_index (scan->ids, 0);
  second = g_ptr_array_index (scan->ids, 1);
  g_assert_cmpint (first->kind, ==, PROV_ID_KIND_IMEI);
  g_assert_true (first->valid);
  g_assert_cmpstr (first->normalized, ==, "490154203237518");
  g_assert_cmpint (second->kind, ==, PROV_ID_KIND_IMEI);
  g_assert_true (second->valid);
  g_assert_cmpstr (second->normalized, ==, "356938035643809");
}

static void
test_gs1_forms (void)
{
  g_autoptr(ProvScan) bracketed = prov_scan_parse ("(01)09506000134352(8043)89014103211118510720(8042)89049032123451234512345678901235");
  g_autoptr(ProvScan) gs_separated = prov_scan_parse ("\x1d" "8043" "89014103211118510720" "\x1d" "8042" "89049032123451234512345678901235");
  g_autoptr(ProvScan) unknown = prov_scan_parse ("]C1" "0109506000134352" "9912345");
  g_autoptr(ProvScan) wrong_length = prov_scan_parse ("]C1" "01095060001343");

  g_assert_true (bracketed->gs1);
  g_assert_cmpuint (bracketed->ids->len, ==, 2);
  g_assert_cmpint (((ProvId *) g_ptr_array_index (bracketed->ids, 0))->kind, ==, PROV_ID_KIND_ICCID);
  g_assert_cmpint (((ProvId *) g_ptr_array_index (bracketed->ids, 1))->kind, ==, PROV_ID_KIND_EID);
  g_assert_nonnull (prov_scan_find_id (bracketed, 1u << PROV_ID_KIND_EID));
  g_assert_null (prov_scan_find_id (bracketed, 1u << PROV_ID_KIND_IMEI));

  g_assert_true (gs_separated->gs1);
  g_assert_cmpuint (gs_separated->ids->len, ==, 2);

  /* Found by fuzzing: the bracketed form obeys the same lengths. */
  {
    g_autoptr(ProvScan) empty_gtin = prov_scan_parse ("(01)(01)09506000134352");
    g_autoptr(ProvScan) repeated = prov_scan_parse ("(01)09506000134352(01)09506000134369(8040)490154203237518");

    g_assert_nonnull (empty_gtin->error);
    g_assert_null (repeated->error);
    g_assert_cmpstr (repeated->gtin, ==, "09506000134352");
  }

  g_assert_nonnull (unknown->error);
  g_assert_cmpuint (unknown->ids->len, ==, 0);
  g_assert_nonnull (wrong_length->error);
}

static void
test_plain_codes (void)
{
  g_autoptr(ProvScan) iccid = prov_scan_parse ("8931440400000000008F\r\n");
  g_autoptr(ProvScan) aim_plain = prov_scan_parse ("]C0490154203237518");
  g_autoptr(ProvScan) imei = prov_scan_parse ("490154203237518");
  ProvId *id;

  g_assert_false (iccid->gs1);
  id = prov_scan_find_id (iccid, 1u << PROV_ID_KIND_ICCID);
  g_assert_nonnull (id);
  g_assert_true (id->valid);
  g_assert_cmpstr (id->normalized, ==, "8931440400000000008");

  g_assert_cmpstr (aim_plain->symbology, ==, "C0");
  g_assert_false (aim_plain->gs1);
  g_assert_cmpint (((ProvId *) g_ptr_array_index (aim_plain->ids, 0))->kind, ==, PROV_ID_KIND_IMEI);

  /* An IMEI starting with 01… would otherwise look like a GTIN. */
  g_assert_false (imei->gs1);
}

static void
test_limits_are_configurable (void)
{
  g_autoptr(ProvScanDecoder) decoder = prov_scan_decoder_new ();
  gint64 now = 0;

  /* A slow scanner, 50 ms per key, is a person by default… */
  for (const char *p = "12345678"; *p != '\0'; p++)
    prov_scan_decoder_feed (decoder, *p, now += 50000);
  g_assert_cmpint (prov_scan_decoder_feed (decoder, '\n', now += 50000), ==, PROV_SCAN_FEED_KEY);

  /* …and a scanner once the gap allows it. */
  prov_scan_decoder_set_limits (decoder, 60, 8);
  g_assert_cmpint (prov_scan_decoder_feed (decoder, '1', now += 1000000), ==, PROV_SCAN_FEED_BURST_STARTED);
  for (const char *p = "2345678"; *p != '\0'; p++)
    g_assert_cmpint (prov_scan_decoder_feed (decoder, *p, now += 50000), ==, PROV_SCAN_FEED_BURST_CONTINUED);
  g_assert_cmpuint (prov_scan_decoder_get_burst_length (decoder), ==, 8);
  g_assert_cmpint (prov_scan_decoder_feed (decoder, '\n', now += 50000), ==, PROV_SCAN_FEED_SCAN);
  g_free (prov_scan_decoder_take_scan (decoder));

  /* A busy main loop checks for silence in the middle of a burst: the
   * burst so far is kept, and the keys' own times join it up. */
  prov_scan_decoder_feed (decoder, '8', now += 1000000);
  prov_scan_decoder_feed (decoder, '9', now += 3000);
  g_assert_cmpint (prov_scan_decoder_check_idle (decoder, now + 60000), ==, PROV_SCAN_FEED_KEY);
  for (const char *p = "31440400000000008"; *p != '\0'; p++)
    g_assert_cmpint (prov_scan_decoder_feed (decoder, *p, now += 3000), ==, PROV_SCAN_FEED_BURST_CONTINUED);
  g_assert_cmpint (prov_scan_decoder_feed (decoder, '\n', now += 3000), ==, PROV_SCAN_FEED_SCAN);
  {
    g_autofree char *whole = prov_scan_decoder_take_scan (decoder);
    g_assert_cmpstr (whole, ==, "8931440400000000008");
  }

  /* Too short to be a scan, however fast. */
  for (const char *p = "1234"; *p != '\0'; p++)
    prov_scan_decoder_feed (decoder, *p, now += 2000);
  g_assert_cmpint (prov_scan_decoder_feed (decoder, '\n', now += 2000), ==, PROV_SCAN_FEED_KEY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scan/scanner-with-enter", test_scanner_with_enter);
  g_test_add_func ("/scan/scanner-with-cr-lf", test_scanner_with_cr_lf);
  g_test_add_func ("/scan/scanner-without-suffix", test_scanner_without_suffix);
  g_test_add_func ("/scan/scanner-that-stalls", test_scanner_that_stalls);
  g_test_add_func ("/scan/scanner-that-stalls-early", test_scanner_that_stalls_early);
  g_test_add_func ("/scan/people-are-not-scanners", test_people_are_not_scanners);
  g_test_add_func ("/scan/person-then-scanner", test_person_then_scanner);
  g_test_add_func ("/scan/gs1-dual-imei-box", test_gs1_dual_imei_box);
  g_test_add_func ("/scan/gs1-forms", test_gs1_forms);
  g_test_add_func ("/scan/plain-codes", test_plain_codes);
  g_test_add_func ("/scan/limits-are-configurable", test_limits_are_configurable);

  return g_test_run ();
}
