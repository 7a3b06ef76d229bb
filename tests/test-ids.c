/* Vectors from the standards and their well-known worked examples:
 * ISO/IEC 7812 (Luhn), ITU-T E.118 (ICCID), 3GPP TS 23.003 (IMEI),
 * 3GPP2 S.R0048 (MEID), GSMA SGP.29 (EID). */
#include <string.h>

#include "prov-ids.h"
#include "prov-order-reference.h"
#include "prov-scan.h"

static ProvId *
assert_valid (ProvIdKind  kind,
              const char *input,
              const char *normalized)
{
  ProvId *id = prov_id_parse (kind, input);

  g_assert_true (id->valid);
  g_assert_cmpint (id->problem, ==, PROV_ID_PROBLEM_NONE);
  g_assert_cmpstr (id->normalized, ==, normalized);
  g_assert_null (id->message);

  return id;
}

static ProvId *
assert_invalid (ProvIdKind     kind,
                const char    *input,
                ProvIdProblem  problem)
{
  ProvId *id = prov_id_parse (kind, input);

  g_assert_false (id->valid);
  g_assert_cmpint (id->problem, ==, problem);
  g_assert_nonnull (id->message);
  g_assert_cmpstr (id->message, !=, "");

  return id;
}

static void
test_luhn (void)
{
  g_assert_cmpint (prov_luhn_check_digit ("7992739871", 10), ==, '3');
  g_assert_cmpint (prov_luhn_check_digit ("49015420323751", 10), ==, '8');
  g_assert_cmpint (prov_luhn_check_digit ("A10000009296F2", 16), ==, 'F');
}

static void
test_iccid (void)
{
  g_autoptr(ProvId) twenty = assert_valid (PROV_ID_KIND_ICCID, "8901 4103 2111 1851 0720", "89014103211118510720");
  g_autoptr(ProvId) nineteen = assert_valid (PROV_ID_KIND_ICCID, "8944110064143917480-6", "89441100641439174806");
  g_autoptr(ProvId) padded = assert_valid (PROV_ID_KIND_ICCID, "8931440400000000008F", "8931440400000000008");
  g_autoptr(ProvId) missing = assert_invalid (PROV_ID_KIND_ICCID, "893144040000000000", PROV_ID_PROBLEM_MISSING_CHECK_DIGIT);
  g_autoptr(ProvId) bad20 = assert_invalid (PROV_ID_KIND_ICCID, "89014103211118510721", PROV_ID_PROBLEM_BAD_CHECK_DIGIT);
  g_autoptr(ProvId) bad19 = assert_invalid (PROV_ID_KIND_ICCID, "8931440400000000006", PROV_ID_PROBLEM_BAD_CHECK_DIGIT);
  g_autoptr(ProvId) prefix = assert_invalid (PROV_ID_KIND_ICCID, "3531440400000000008", PROV_ID_PROBLEM_BAD_PREFIX);
  g_autoptr(ProvId) letters = assert_invalid (PROV_ID_KIND_ICCID, "89314404000000X0008", PROV_ID_PROBLEM_BAD_CHARACTERS);
  g_autoptr(ProvId) short_one = assert_invalid (PROV_ID_KIND_ICCID, "8931440400", PROV_ID_PROBLEM_WRONG_LENGTH);

  g_assert_cmpint (twenty->check_digit, ==, '0');
  g_assert_cmpint (missing->check_digit, ==, '8');
  g_assert_cmpstr (missing->suggestion, ==, "8931440400000000008");
  g_assert_null (missing->normalized);

  g_assert_cmpint (bad20->check_digit, ==, '0');
  g_assert_nonnull (strstr (bad20->message, "0"));

  /* 19 digits failing Luhn: the expected last digit is named, and the
   * 20-digit reading is only offered, never taken. */
  g_assert_cmpint (bad19->check_digit, ==, '8');
  g_assert_cmpstr (bad19->normalized, ==, "8931440400000000006");
  g_assert_cmpstr (bad19->suggestion, ==, "89314404000000000068");
  g_assert_nonnull (strstr (bad19->message, "89314404000000000068"));
  g_assert_nonnull (strstr (letters->message, "X"));
}

static void
test_imei (void)
{
  g_autoptr(ProvId) full = assert_valid (PROV_ID_KIND_IMEI, "49-015420-323751-8", "490154203237518");
  g_autoptr(ProvId) without_check = assert_valid (PROV_ID_KIND_IMEI, "49015420323751", "490154203237518");
  g_autoptr(ProvId) bad = assert_invalid (PROV_ID_KIND_IMEI, "490154203237517", PROV_ID_PROBLEM_BAD_CHECK_DIGIT);
  g_autoptr(ProvId) length = assert_invalid (PROV_ID_KIND_IMEI, "4901542032375", PROV_ID_PROBLEM_WRONG_LENGTH);
  g_autoptr(ProvId) imeisv = assert_valid (PROV_ID_KIND_IMEISV, "4901542032375102", "4901542032375102");

  g_assert_cmpint (without_check->check_digit, ==, '8');
  g_assert_cmpint (bad->check_digit, ==, '8');
  g_assert_cmpstr (imeisv->imei, ==, "490154203237518");
}

static void
test_meid (void)
{
  g_autoptr(ProvId) hex = assert_valid (PROV_ID_KIND_MEID, "a1 000000 9296f2", "A10000009296F2");
  g_autoptr(ProvId) with_check = assert_valid (PROV_ID_KIND_MEID, "A10000009296F2F", "A10000009296F2");
  g_autoptr(ProvId) decimal = assert_valid (PROV_ID_KIND_MEID, "270113177609606898", "A10000009296F2");
  g_autoptr(ProvId) bad = assert_invalid (PROV_ID_KIND_MEID, "A10000009296F21", PROV_ID_PROBLEM_BAD_CHECK_DIGIT);
  g_autofree char *with_decimal_check = g_strdup_printf ("270113177609606898%c",
                                                         prov_luhn_check_digit ("270113177609606898", 10));
  g_autoptr(ProvId) decimal_checked = assert_valid (PROV_ID_KIND_MEID, with_decimal_check, "A10000009296F2");
  g_autoptr(ProvId) decimal_bad = assert_invalid (PROV_ID_KIND_MEID, "2701131776096068980", PROV_ID_PROBLEM_BAD_CHECK_DIGIT);
  /* Regional codes 00 to 9F are not MEIDs (3GPP2): an IMEI typed in a
   * device's MEID field, in either form. */
  g_autoptr(ProvId) imei_range = assert_invalid (PROV_ID_KIND_MEID, "99000124000000", PROV_ID_PROBLEM_BAD_PREFIX);
  g_autoptr(ProvId) imei_range_decimal = assert_invalid (PROV_ID_KIND_MEID, "256691404900000000", PROV_ID_PROBLEM_BAD_PREFIX);
  g_autoptr(ProvId) lowest = assert_valid (PROV_ID_KIND_MEID, "A0000000000000", "A0000000000000");
  g_autoptr(ProvId) highest = assert_valid (PROV_ID_KIND_MEID, "FFFFFFFFFFFFFF", "FFFFFFFFFFFFFF");

  g_assert_cmpstr (hex->decimal, ==, "270113177609606898");
  g_assert_cmpstr (decimal->hex, ==, "A10000009296F2");
  g_assert_cmpint (hex->check_digit, ==, 'F');
  g_assert_cmpint (bad->check_digit, ==, 'F');
  /* 0x80 and the low 24 bits of SHA-1 over the 7 bytes A1 00 00 00 92 96 F2. */
  g_assert_cmpstr (hex->pseudo_esn, ==, "8075B7ED");
  g_assert_cmpstr (decimal_checked->hex, ==, "A10000009296F2");
  g_assert_nonnull (strstr (imei_range->message, "99"));
  g_assert_nonnull (strstr (imei_range_decimal->message, "99"));
}

/* ISO 13616 IBANs for direct debit: country, length, mod 97; only the
 * country and the last four characters are ever shown. */
static void
test_iban (void)
{
  g_autoptr(ProvId) dutch = assert_valid (PROV_ID_KIND_IBAN, "nl91 abna 0417 1643 00", "NL91ABNA0417164300");
  g_autoptr(ProvId) german = assert_valid (PROV_ID_KIND_IBAN, "DE89 3704 0044 0532 0130 00", "DE89370400440532013000");
  g_autoptr(ProvId) british = assert_valid (PROV_ID_KIND_IBAN, "GB82WEST12345698765432", "GB82WEST12345698765432");
  g_autoptr(ProvId) belgian = assert_valid (PROV_ID_KIND_IBAN, "BE68539007547034", "BE68539007547034");
  g_autoptr(ProvId) mistyped = assert_invalid (PROV_ID_KIND_IBAN, "NL91ABNA0417164301", PROV_ID_PROBLEM_BAD_CHECK_DIGIT);
  g_autoptr(ProvId) swapped = assert_invalid (PROV_ID_KIND_IBAN, "NL91ABNA0417164030", PROV_ID_PROBLEM_BAD_CHECK_DIGIT);
  g_autoptr(ProvId) short_one = assert_invalid (PROV_ID_KIND_IBAN, "NL91ABNA041716430", PROV_ID_PROBLEM_WRONG_LENGTH);
  g_autoptr(ProvId) elsewhere = assert_invalid (PROV_ID_KIND_IBAN, "US12345678901234567", PROV_ID_PROBLEM_BAD_PREFIX);
  g_autoptr(ProvId) no_country = assert_invalid (PROV_ID_KIND_IBAN, "9191ABNA0417164300", PROV_ID_PROBLEM_BAD_PREFIX);
  g_autoptr(ProvId) odd = assert_invalid (PROV_ID_KIND_IBAN, "NL91ABNA04171643$0", PROV_ID_PROBLEM_BAD_CHARACTERS);
  g_autoptr(ProvId) recognized = prov_id_recognize ("NL91ABNA0417164300");
  g_autofree char *dutch_masked = prov_id_dup_masked (dutch);
  g_autofree char *german_masked = prov_id_dup_masked (german);

  g_assert_cmpstr (dutch_masked, ==, "NL** **** **** **43 00");
  g_assert_cmpstr (german_masked, ==, "DE** **** **** **** **30 00");
  g_assert_nonnull (strstr (short_one->message, "18"));
  g_assert_cmpint (recognized->kind, ==, PROV_ID_KIND_IBAN);
  g_assert_true (recognized->valid);
  g_assert_true (british->valid && belgian->valid);
}

static void
test_esn (void)
{
  g_autoptr(ProvId) hex = assert_valid (PROV_ID_KIND_ESN, "E69FFFFF", "E69FFFFF");
  g_autoptr(ProvId) decimal = assert_valid (PROV_ID_KIND_ESN, "230 10485759", "E69FFFFF");
  g_autoptr(ProvId) prefixed = assert_valid (PROV_ID_KIND_ESN, "0x8bADF00D", "8BADF00D");
  g_autoptr(ProvId) range = assert_invalid (PROV_ID_KIND_ESN, "99910485759", PROV_ID_PROBLEM_BAD_CHARACTERS);

  g_assert_cmpstr (hex->decimal, ==, "23010485759");
  g_assert_cmpstr (decimal->hex, ==, "E69FFFFF");
}

static void
test_eid (void)
{
  g_autoptr(ProvId) eid = assert_valid (PROV_ID_KIND_EID, "89049032123451234512345678901235",
                                        "89049032123451234512345678901235");
  g_autoptr(ProvId) bad = assert_invalid (PROV_ID_KIND_EID, "89049032123451234512345678901234",
                                          PROV_ID_PROBLEM_BAD_CHECK_DIGIT);
  g_autoptr(ProvId) length = assert_invalid (PROV_ID_KIND_EID, "8904903212345123451234567890123",
                                             PROV_ID_PROBLEM_WRONG_LENGTH);

  g_assert_cmpstr (bad->suggestion, ==, "89049032123451234512345678901235");
}

static void
test_imsi_e164_and_switching_codes (void)
{
  g_autoptr(ProvId) imsi = assert_valid (PROV_ID_KIND_IMSI, "204 04 1234567890", "204041234567890");
  g_autoptr(ProvId) imsi_bad = assert_invalid (PROV_ID_KIND_IMSI, "004041234567890", PROV_ID_PROBLEM_BAD_PREFIX);
  g_autoptr(ProvId) plus = assert_valid (PROV_ID_KIND_E164, "+31 (0)20 123 4567", "+310201234567");
  g_autoptr(ProvId) zeros = assert_valid (PROV_ID_KIND_E164, "0049 30 1234567", "+49301234567");
  g_autoptr(ProvId) national = assert_invalid (PROV_ID_KIND_E164, "020 123 4567", PROV_ID_PROBLEM_BAD_PREFIX);
  g_autoptr(ProvId) too_long = assert_invalid (PROV_ID_KIND_E164, "+3120123456789012", PROV_ID_PROBLEM_WRONG_LENGTH);
  g_autoptr(ProvId) pac = assert_valid (PROV_ID_KIND_PAC, "abc 123456", "ABC123456");
  g_autoptr(ProvId) stac = assert_valid (PROV_ID_KIND_STAC, "123456abc", "123456ABC");
  g_autoptr(ProvId) pac_bad = assert_invalid (PROV_ID_KIND_PAC, "123456ABC", PROV_ID_PROBLEM_WRONG_LENGTH);
  g_autoptr(ProvId) empty = assert_invalid (PROV_ID_KIND_IMEI, "  ", PROV_ID_PROBLEM_EMPTY);
  /* Found by fuzzing: nothing left after the prefix or the filler. */
  g_autoptr(ProvId) bare_prefix = assert_invalid (PROV_ID_KIND_ESN, "0x", PROV_ID_PROBLEM_WRONG_LENGTH);
  g_autoptr(ProvId) only_filler = assert_invalid (PROV_ID_KIND_ICCID, "FFFF", PROV_ID_PROBLEM_WRONG_LENGTH);
}

static void
test_recognize (void)
{
  struct {
    const char *input;
    ProvIdKind  kind;
  } cases[] = {
    { "89014103211118510720", PROV_ID_KIND_ICCID },
    { "8931440400000000008", PROV_ID_KIND_ICCID },
    { "8931440400000000008F", PROV_ID_KIND_ICCID },
    { "893144040000000000", PROV_ID_KIND_ICCID },
    { "490154203237518", PROV_ID_KIND_IMEI },
    { "49015420323751", PROV_ID_KIND_IMEI },
    { "4901542032375102", PROV_ID_KIND_IMEISV },
    { "204041234567890", PROV_ID_KIND_IMSI },
    { "89049032123451234512345678901235", PROV_ID_KIND_EID },
    { "A10000009296F2", PROV_ID_KIND_MEID },
    { "270113177609606898", PROV_ID_KIND_MEID },
    { "2701131776096068988", PROV_ID_KIND_MEID },
    { "E69FFFFF", PROV_ID_KIND_ESN },
    { "+31201234567", PROV_ID_KIND_E164 },
    { "ABC123456", PROV_ID_KIND_PAC },
    { "123456ABC", PROV_ID_KIND_STAC },
    { "hello", PROV_ID_KIND_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ProvId) id = prov_id_recognize (cases[i].input);

      g_test_message ("%s → %s", cases[i].input, prov_id_kind_to_id (id->kind));
      g_assert_cmpint (id->kind, ==, cases[i].kind);
    }
}

static void
test_recognize_among (void)
{
  guint32 devices = (1u << PROV_ID_KIND_IMEI) | (1u << PROV_ID_KIND_MEID);
  g_autoptr(ProvId) anywhere = prov_id_recognize ("490154203237517");
  g_autoptr(ProvId) device = prov_id_recognize_among ("490154203237517", devices);
  g_autoptr(ProvId) sim = prov_id_recognize_among ("89014103211118510720", 1u << PROV_ID_KIND_ICCID);
  g_autoptr(ProvId) unrelated = prov_id_recognize_among ("+31201234567", devices);

  /* On its own a 15-digit number failing Luhn reads as an IMSI… */
  g_assert_cmpint (anywhere->kind, ==, PROV_ID_KIND_IMSI);
  /* …in a device field, as an IMEI with a wrong check digit. */
  g_assert_cmpint (device->kind, ==, PROV_ID_KIND_IMEI);
  g_assert_cmpint (device->problem, ==, PROV_ID_PROBLEM_BAD_CHECK_DIGIT);
  g_assert_cmpint (device->check_digit, ==, '8');
  g_assert_true (sim->valid);
  g_assert_cmpint (unrelated->kind, ==, PROV_ID_KIND_E164);
}

static void
test_json (void)
{
  g_autoptr(ProvId) meid = prov_id_parse (PROV_ID_KIND_MEID, "A10000009296F2");
  g_autoptr(ProvId) bad = prov_id_parse (PROV_ID_KIND_IMEI, "490154203237517");
  g_autofree char *meid_json = prov_id_to_json (meid);
  g_autofree char *bad_json = prov_id_to_json (bad);

  g_assert_nonnull (strstr (meid_json, "\"kind\":\"meid\""));
  g_assert_nonnull (strstr (meid_json, "\"valid\":true"));
  g_assert_nonnull (strstr (meid_json, "\"pseudo_esn\":\"8075B7ED\""));
  g_assert_nonnull (strstr (meid_json, "\"decimal\":\"270113177609606898\""));
  g_assert_nonnull (strstr (bad_json, "\"valid\":false"));
  g_assert_nonnull (strstr (bad_json, "\"check_digit\":\"8\""));
}

/* The short reference of a confirmation: made from the uuid, read back
 * as typed or scanned, and every single wrong character and swap of
 * neighbours caught by its check character. */
static void
test_order_reference (void)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const char *uuid = "3f2a9c41-b7d0-4e5f-9a1b-2c3d4e5f6a7b";
  g_autofree char *reference = prov_order_reference_from_uuid (uuid);
  g_autofree char *prefix = prov_order_reference_dup_uuid_prefix (reference);
  g_autofree char *lower = g_ascii_strdown (reference, -1);
  g_autofree char *normalized = NULL;
  g_autoptr(ProvId) id = NULL;
  g_autoptr(ProvScan) scan = NULL;
  gboolean check_failed;
  guint n_caught = 0, n_tried = 0;

  g_assert_cmpuint (strlen (reference), ==, strlen ("PRV-XXX-XXX-XXX"));
  g_assert_true (g_str_has_prefix (reference, "PRV-"));
  g_assert_cmpstr (prefix, ==, "3f2a9c41-b7");

  /* Typed in lower case without dashes, or with O for 0 and I for 1. */
  lower[3] = ' ';
  g_assert_true (prov_order_reference_normalize (lower, &normalized, NULL));
  g_assert_cmpstr (normalized, ==, reference);

  for (gsize i = 4; reference[i] != '\0'; i++)
    {
      if (reference[i] == '-')
        continue;
      for (const char *c = alphabet; *c != '\0'; c++)
        {
          g_autofree char *wrong = g_strdup (reference);

          if (*c == reference[i])
            continue;
          wrong[i] = *c;
          n_tried++;
          if (!prov_order_reference_normalize (wrong, NULL, &check_failed) && check_failed)
            n_caught++;
        }
    }
  g_assert_cmpuint (n_tried, ==, 9 * 31);
  g_assert_cmpuint (n_caught, ==, n_tried);

  for (gsize i = 4; reference[i + 1] != '\0'; i++)
    {
      g_autofree char *swapped = g_strdup (reference);

      if (reference[i] == '-' || reference[i + 1] == '-' || reference[i] == reference[i + 1])
        continue;
      swapped[i] = reference[i + 1];
      swapped[i + 1] = reference[i];
      g_assert_false (prov_order_reference_normalize (swapped, NULL, &check_failed));
      g_assert_true (check_failed);
    }

  g_assert_false (prov_order_reference_normalize ("PRV-123", NULL, &check_failed));
  g_assert_false (check_failed);
  g_assert_false (prov_order_reference_normalize ("ABC123456", NULL, NULL));

  /* Recognised by its shape, as a scan of it is. */
  id = prov_id_recognize (reference);
  g_assert_cmpint (id->kind, ==, PROV_ID_KIND_ORDER_REFERENCE);
  g_assert_true (id->valid);
  g_assert_cmpstr (id->normalized, ==, reference);

  scan = prov_scan_parse (reference);
  g_assert_cmpuint (scan->ids->len, ==, 1);
  g_assert_cmpint (((ProvId *) g_ptr_array_index (scan->ids, 0))->kind, ==, PROV_ID_KIND_ORDER_REFERENCE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ids/luhn", test_luhn);
  g_test_add_func ("/ids/iccid", test_iccid);
  g_test_add_func ("/ids/imei", test_imei);
  g_test_add_func ("/ids/meid", test_meid);
  g_test_add_func ("/ids/iban", test_iban);
  g_test_add_func ("/ids/esn", test_esn);
  g_test_add_func ("/ids/eid", test_eid);
  g_test_add_func ("/ids/imsi-e164-and-switching-codes", test_imsi_e164_and_switching_codes);
  g_test_add_func ("/ids/recognize", test_recognize);
  g_test_add_func ("/ids/recognize-among", test_recognize_among);
  g_test_add_func ("/ids/json", test_json);
  g_test_add_func ("/ids/order-reference", test_order_reference);

  return g_test_run ();
}
